"""A page type declares what the rest of the app needs (``pagetypes.py``); a new one is its model module, its
templates and its tests. ``tests/testapp/models.py`` adds a decision page that way, and nothing else in the app
knows of it: search, the search page's type choice, metadata, the dashboard's review and translation panels, and
the front-end cache purge all find it through its declarations."""

import datetime
import json
import re

import pytest
from django.urls import reverse

from thidua_wagtail import frontend_cache, pagetypes, search
from thidua_wagtail.models import (
    CampaignIndexPage,
    CampaignPage,
    ConsultationPage,
    ExemplaryProfilePage,
    NewsPage,
    RegistrationPage,
)

from . import factories
from .testapp.frontend_cache import PURGED
from .testapp.models import DecisionCampaign, DecisionPage


@pytest.fixture
def decision(home, sections, django_capture_on_commit_callbacks):
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào khen thưởng")
    page = DecisionPage(title="Quyết định khen thưởng số 12", slug="quyet-dinh-12",
                        decision_date=datetime.date(2024, 5, 2), summary="Tặng Bằng khen cho các tập thể xuất sắc")
    page.campaign_links.add(DecisionCampaign(campaign=campaign))
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail indexes for search on commit
        home.add_child(instance=page)
        page.save_revision().publish()
    return page, campaign


def test_the_types_are_found_by_what_they_declare():
    assert {CampaignPage, ExemplaryProfilePage, NewsPage, ConsultationPage, RegistrationPage, DecisionPage} == set(
        pagetypes.detail_types())
    assert search.page_types()["decision"] is DecisionPage
    assert ("decision", "Decision") in [(key, str(label)) for key, label in search.type_choices()]
    # Setup and uninstall keep to the app's own types: a site's page is never deleted by thidua_uninstall.
    assert DecisionPage not in pagetypes.app_page_types()
    assert [m.section.key for m in pagetypes.section_types()] == [
        "campaigns", "profiles", "news", "registrations", "consultations", "nominations", "statistics"]
    assert pagetypes.sections_by_key()["campaigns"] is CampaignIndexPage


def test_search_and_metadata_come_from_the_declarations(client, decision):
    page, campaign = decision
    response = client.get("/vi/tim-kiem/", {"q": "quyet dinh khen thuong", "type": "decision"})
    html = response.content.decode()
    assert response.status_code == 200
    hit = re.search(r'<li class="td-result">.*?</li>', html, re.S).group(0)
    assert "Decision" in hit and page.url in hit and "2024" in hit
    assert "Tặng Bằng <mark>khen</mark> cho các tập thể xuất sắc" in hit  # its card text, matches marked
    html = client.get(page.url).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = [item for block in blocks for item in json.loads(block)]
    entity = next(item for item in data if item.get("@type") == "Legislation")
    assert entity["legislationDate"] == "2024-05-02"
    assert '<meta property="og:type" content="article">' in html
    assert '<meta name="description" content="Tặng Bằng khen cho các tập thể xuất sắc">' in html
    # Its related campaigns, in the reader's language, from the one declaration.
    assert f'<a href="{campaign.url}">Phong trào khen thưởng</a>' in html


def test_publishing_it_purges_what_its_declarations_name(decision):
    page, campaign = decision
    PURGED.clear()
    try:
        page.save_revision().publish()
        assert "http://localhost" + campaign.url in PURGED
        assert frontend_cache.pages_showing(page)[-1] == campaign
    finally:
        PURGED.clear()


def test_the_dashboard_reviews_it(admin_client, decision, locale_en):
    page, _campaign = decision
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    # The translations panel lists published pages of every declared type without an English translation.
    assert "Quyết định khen thưởng số 12" in html
