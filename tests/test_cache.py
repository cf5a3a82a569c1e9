"""Fragment caching: fewer queries on a second visit, fresh content after every publish, none in previews."""

import re

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua_wagtail.cache import content_version

from . import factories


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def titles(html):
    return re.findall(r'class="td-card__title"><a href="[^"]*">([^<]*)</a>', html)


def test_second_visit_costs_fewer_queries(client, sections, unit):
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào A")
    factories.make_profile(sections["profiles"], "Nguyễn Văn An", unit=unit, campaigns=[campaign])
    for page in (sections["campaigns"], sections["profiles"], campaign):
        first, html_first = count(client, page.url)
        second, html_second = count(client, page.url)
        assert second < first, page
        assert html_first == html_second


def test_publishing_a_child_refreshes_the_cached_listing(client, sections):
    factories.make_news(sections["news"], "Tin thứ nhất")
    assert titles(client.get(sections["news"].url).content.decode()) == ["Tin thứ nhất"]
    version = content_version()
    factories.make_news(sections["news"], "Tin thứ hai")
    assert content_version() > version
    assert set(titles(client.get(sections["news"].url).content.decode())) == {"Tin thứ nhất", "Tin thứ hai"}


def test_unpublishing_and_snippet_edits_refresh(client, sections, unit):
    profile = factories.make_profile(sections["profiles"], "Trần Thị Bình", unit=unit, position="Chuyên viên")
    assert "Phòng Quản lý khoa học" in client.get(sections["profiles"].url).content.decode()
    unit.name = "Phòng Khoa học"
    unit.save()
    html = client.get(sections["profiles"].url).content.decode()
    assert "Phòng Khoa học" in html and "Phòng Quản lý khoa học" not in html
    profile.unpublish()
    assert titles(client.get(sections["profiles"].url).content.decode()) == []


def test_filters_are_cached_separately_and_junk_shares_an_entry(client, sections):
    factories.make_campaign(sections["campaigns"], "Thường xuyên", campaign_type="regular", end_date=None)
    factories.make_campaign(sections["campaigns"], "Chuyên đề")
    url = sections["campaigns"].url
    assert titles(client.get(url, {"type": "regular"}).content.decode()) == ["Thường xuyên"]
    assert set(titles(client.get(url).content.decode())) == {"Thường xuyên", "Chuyên đề"}
    client.get(url, {"junk": "1"})
    cached, _html = count(client, url + "?other-junk=2")
    fresh, _html = count(client, url + "?type=thematic")
    assert cached < fresh


def test_previews_are_never_cached(client, sections, db):
    page = factories.make_campaign(sections["campaigns"], "Phong trào xem trước")
    client.get(sections["campaigns"].url)  # cache the listing
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    page.title = "Tiêu đề bản nháp"
    page.save_revision()
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk])).content.decode()
    assert "Tiêu đề bản nháp" in preview
    client.logout()
    assert "Tiêu đề bản nháp" not in client.get(sections["campaigns"].url).content.decode()
