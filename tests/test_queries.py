"""Query counts do not grow with content: every listing (with each filter), the home sections, a campaign
page with its related profiles and news, a profile page and a news page, search and the API's listings, at 10
items and at 500."""

import datetime
import itertools

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from thidua_wagtail.models import (
    CampaignPage,
    ExemplaryProfilePage,
    NewsPage,
    NewsRelatedCampaign,
    NewsRelatedProfile,
    ProfileCampaign,
    ProfileHonour,
)

D = datetime.date
_n = itertools.count()


@pytest.fixture(autouse=True)
def no_fragment_cache(settings):
    """Count what a page costs when neither it nor its fragments are cached yet."""
    settings.THIDUA_FRAGMENT_CACHE_TIMEOUT = 0
    settings.THIDUA_PAGE_CACHE_TIMEOUT = 0


def add_items(sections, count, images, campaign, award, unit):
    """``count`` profiles and news items and a few campaigns, each with an image, links and tags."""
    for i in range(count):
        n = next(_n)
        image = images[n % len(images)]
        profile = ExemplaryProfilePage(title=f"Điển hình {n}", slug=f"dien-hinh-{n}", kind="individual",
                                       year_recognised=2020, achievements="Thành tích", photo=image, unit=unit)
        profile.honours.add(ProfileHonour(award=award, year=2020))
        profile.campaign_links.add(ProfileCampaign(campaign=campaign))
        sections["profiles"].add_child(instance=profile)
        news = NewsPage(title=f"Tin {n}", slug=f"tin-{n}", date=D(2020, 1, 1), summary="Tóm tắt", image=image,
                        body=[("paragraph", "<p>Nội dung</p>")])
        news.related_campaigns.add(NewsRelatedCampaign(campaign=campaign))
        news.related_profiles.add(NewsRelatedProfile(profile=profile))
        news.tags.add("Khen thưởng", f"chu-de-{n % 5}")
        sections["news"].add_child(instance=news)
        if i % 10 == 0:
            sections["campaigns"].add_child(instance=CampaignPage(
                title=f"Phong trào {n}", slug=f"phong-trao-{n}", campaign_type="regular", start_date=D(2020, 1, 1),
                launching_authority="Sở", summary="Tóm tắt", hero_image=image, parent_campaign=campaign))


def measure(client, urls, rf):
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    with CaptureQueriesContext(connection) as queries:
        render_to_string("thidua_wagtail/includes/home_sections.html", request=rf.get("/vi/"))
    counts["home sections"] = len(queries)
    return counts


@pytest.mark.slow
def test_query_counts_do_not_grow_with_content(client, rf, sections, awards, unit):
    images = [Image.objects.create(title=f"Ảnh {i}", file=get_test_image_file()) for i in range(3)]
    award = awards["chien-si-thi-dua-co-so"]
    campaign = sections["campaigns"].add_child(instance=CampaignPage(
        title="Phong trào chính", slug="phong-trao-chinh", campaign_type="regular", start_date=D(2020, 1, 1),
        launching_authority="Sở", summary="Tóm tắt", hero_image=images[0]))
    add_items(sections, 10, images, campaign, award, unit)
    profile = ExemplaryProfilePage.objects.get(slug="dien-hinh-0")
    news = NewsPage.objects.get(slug="tin-0")
    c, p, n = sections["campaigns"].url, sections["profiles"].url, sections["news"].url
    search = reverse("thidua_wagtail:search")
    urls = [
        c, f"{c}?status=ongoing", f"{c}?type=regular", f"{c}?year=2020", f"{c}?page=2",
        p, f"{p}?kind=individual", f"{p}?unit={unit.pk}", f"{p}?award={award.pk}", f"{p}?campaign={campaign.pk}",
        f"{p}?year=2020", f"{p}?kind=individual&unit={unit.pk}&award={award.pk}&campaign={campaign.pk}&page=2",
        n, f"{n}?tag=khen-thuong", f"{n}?year=2020", f"{n}?campaign={campaign.pk}", f"{n}?page=2",
        campaign.url, profile.url, news.url,
        f"{search}?q=dien+hinh", f"{search}?q=tin&type=news", f"{search}?q=dien+hinh&type=profile",
        # The API's listings: each item's locale and unit come with the list, not a query per item.
        "/api/v2/profiles/", f"/api/v2/profiles/?locale=vi&unit={unit.pk}", "/api/v2/news/", "/api/v2/campaigns/",
    ]
    # Warm up: renditions are generated on first use.
    measure(client, urls, rf)
    small = measure(client, urls, rf)
    add_items(sections, 490, images, campaign, award, unit)
    measure(client, urls, rf)
    large = measure(client, urls, rf)
    assert large == small
    assert max(small.values()) <= 30, small
