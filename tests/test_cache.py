"""Caching: whole responses for anonymous visitors and fragments for the rest; fewer queries on a second visit,
fresh content after every edit, nothing cached in previews or for visitors with a session."""

import re

from django.contrib.auth import get_user_model
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from thidua_wagtail.cache import CACHE_HEADER, cached_response, content_version

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


# --- Whole responses for anonymous visitors (THIDUA_PAGE_CACHE_TIMEOUT) --------------------------------------


def visit(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response, len(queries)


def test_anonymous_visitors_get_cached_pages_for_the_cost_of_routing(client, home, sections, unit):
    """A cached page costs what Wagtail's routing to it costs: a bare page at the same depth, plus the index's
    specific row for an index page. A detail page costs no more than a bare page at its depth: its index finds it
    (with its own row) in the cache."""
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào A")
    profile = factories.make_profile(sections["profiles"], "Nguyễn Văn An", unit=unit, campaigns=[campaign])
    bare = home.add_child(instance=Page(title="Giới thiệu", slug="gioi-thieu"))
    bare_deep = bare.add_child(instance=Page(title="Chức năng", slug="chuc-nang"))
    _response, bare_queries = visit(client, bare.url)
    _response, deep_queries = visit(client, bare_deep.url)
    for page, routing in ((sections["profiles"], bare_queries + 1), (profile, deep_queries),
                          (campaign, deep_queries)):
        first, first_queries = visit(client, page.url)
        second, second_queries = visit(client, page.url)
        assert first[CACHE_HEADER] == "miss" and second[CACHE_HEADER] == "hit"
        assert second.content == first.content and page.title in second.content.decode()
        assert second["Content-Type"] == "text/html; charset=utf-8"
        assert second_queries <= routing < first_queries, page


def test_head_requests_share_the_get_entry(client, sections):
    url = sections["news"].url
    assert client.head(url)[CACHE_HEADER] == "miss"
    assert client.get(url)[CACHE_HEADER] == "hit"
    assert client.head(url)[CACHE_HEADER] == "hit"


def test_the_same_parameters_in_another_order_share_an_entry(client, sections):
    url = sections["campaigns"].url
    assert client.get(url + "?type=regular&year=2020")[CACHE_HEADER] == "miss"
    assert client.get(url + "?year=2020&type=regular")[CACHE_HEADER] == "hit"
    assert client.get(url + "?year=2021&type=regular")[CACHE_HEADER] == "miss"
    assert client.get(url + "?type=regular&year=2020", HTTP_HOST="thidua.example.org")[CACHE_HEADER] == "miss"


def test_the_host_the_page_was_made_for_is_part_of_the_key(client, sections, settings):
    """Behind a proxy that sets X-Forwarded-Host, the page's absolute URLs use that host: so does the key."""
    settings.USE_X_FORWARDED_HOST = True
    url = sections["campaigns"].url
    first = client.get(url, HTTP_X_FORWARDED_HOST="thidua.example.org")
    assert first[CACHE_HEADER] == "miss" and "http://thidua.example.org/" in first.content.decode()
    other = client.get(url, HTTP_X_FORWARDED_HOST="other.example.org")
    assert other[CACHE_HEADER] == "miss" and "http://thidua.example.org/" not in other.content.decode()
    assert client.get(url, HTTP_X_FORWARDED_HOST="thidua.example.org")[CACHE_HEADER] == "hit"


def test_visitors_with_a_session_are_served_afresh(client, sections):
    factories.make_news(sections["news"], "Tin công khai")
    client.get(sections["news"].url)
    assert client.get(sections["news"].url)[CACHE_HEADER] == "hit"
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    response = client.get(sections["news"].url)
    assert CACHE_HEADER not in response and "Tin công khai" in response.content.decode()
    client.logout()
    client.cookies.clear()
    assert client.get(sections["news"].url)[CACHE_HEADER] == "hit"


def test_organisation_settings_refresh_cached_pages(client, home, sections):
    assert "Sở Thi đua Mới" not in client.get(sections["news"].url).content.decode()
    factories.set_organisation(home.get_site(), name="Sở Thi đua Mới")
    response = client.get(sections["news"].url)
    assert response[CACHE_HEADER] == "miss" and "Sở Thi đua Mới" in response.content.decode()


def test_feeds_and_search_are_cached_until_the_next_publish(client, sections):
    factories.make_news(sections["news"], "Tin điển hình thứ nhất")
    feed = reverse("thidua_wagtail:news_rss")
    search = reverse("thidua_wagtail:search") + "?q=dien+hinh"
    for url, content_type in ((feed, "application/rss+xml; charset=utf-8"), (search, "text/html; charset=utf-8")):
        first = client.get(url)
        second = client.get(url)
        assert first[CACHE_HEADER] == "miss" and second[CACHE_HEADER] == "hit"
        assert second["Content-Type"] == first["Content-Type"] == content_type and second.content == first.content
    factories.make_news(sections["news"], "Tin điển hình thứ hai")
    for url in (feed, search):
        response = client.get(url)
        assert response[CACHE_HEADER] == "miss" and "thứ hai" in response.content.decode(), url


def test_nomination_form_is_never_cached(client, sections):
    from thidua_wagtail.models import NominationPage

    form_page = sections["campaigns"].get_parent().add_child(instance=NominationPage(title="Đề xuất", slug="de-xuat"))
    for _ in range(2):
        response = client.get(form_page.url)
        assert response.status_code == 200 and CACHE_HEADER not in response
        assert "csrfmiddlewaretoken" in response.content.decode()


def test_responses_personal_to_a_visitor_are_not_cached(rf, settings):
    calls = []

    def respond_with(make):
        def respond():
            calls.append(1)
            return make()
        return respond

    def run(make, **extra):
        request = rf.get("/x/", **extra)
        request.session = type("S", (), {"accessed": False})()
        return cached_response(request, "t", respond_with(lambda: make(request)))

    def with_cookie(request):
        response = HttpResponse("hello")
        response.set_cookie("seen", "1")
        return response

    for make in (lambda request: HttpResponse(get_token(request)), with_cookie,
                 lambda request: HttpResponse("gone", status=404)):
        calls.clear()
        run(make), run(make)
        assert len(calls) == 2
    calls.clear()
    ok = lambda request: HttpResponse("public")  # noqa: E731
    run(ok, HTTP_COOKIE="messages=abc"), run(ok, HTTP_COOKIE="messages=abc")  # a flash message may be waiting
    assert len(calls) == 2
    run(ok), run(ok)
    assert len(calls) == 3
    settings.THIDUA_PAGE_CACHE_TIMEOUT = 0
    run(ok)
    assert len(calls) == 4
    post = rf.post("/x/")
    cached_response(post, "t", respond_with(lambda: HttpResponse("public")))
    assert len(calls) == 5


def test_an_unknown_child_of_an_index_is_still_404(client, sections):
    assert client.get(sections["profiles"].url + "khong-co/").status_code == 404
    assert client.get(sections["profiles"].url + "khong-co/").status_code == 404


def test_clear_cache_command_drops_cached_pages(client, sections):
    from io import StringIO

    from django.core.management import call_command

    client.get(sections["news"].url)
    assert client.get(sections["news"].url)[CACHE_HEADER] == "hit"
    out, err = StringIO(), StringIO()
    call_command("thidua_clear_cache", stdout=out, stderr=err)
    assert f"phiên bản nội dung {content_version()}" in out.getvalue()
    assert "LocMemCache" in err.getvalue()  # the tests' cache: the command says it reaches no other process
    assert client.get(sections["news"].url)[CACHE_HEADER] == "miss"


def test_detail_pages_found_from_the_cache_follow_edits(client, sections, unit):
    profile = factories.make_profile(sections["profiles"], "Lê Văn Cường", unit=unit)
    other = factories.make_profile(sections["profiles"], "Phạm Thị Dung", unit=unit)
    url = profile.url
    assert "Lê Văn Cường" in client.get(url).content.decode()
    profile.title = "Lê Văn Cường (đã sửa)"
    profile.save_revision().publish()
    assert "Lê Văn Cường (đã sửa)" in client.get(url).content.decode()
    profile.unpublish()
    assert client.get(url).status_code == 404
    # A moved page is no longer found at its old address, and is at its new one.
    assert client.get(other.url).status_code == 200
    old_url = other.url
    other.move(sections["profiles"].get_parent(), pos="last-child")
    other.refresh_from_db()
    assert client.get(old_url).status_code == 404 and client.get(other.url).status_code == 200


def test_a_cached_list_fragment_costs_no_listing_query(client, home, sections, unit, settings):
    """Signed-in editors and a response cache turned off still get the list from its fragment: then the page
    asks nothing of the database but Wagtail's routing (no count, no page of items, no topics)."""
    settings.THIDUA_PAGE_CACHE_TIMEOUT = 0
    factories.make_profile(sections["profiles"], "Hoàng Văn Em", unit=unit)
    factories.make_news(sections["news"], "Tin có chủ đề", tags=["Khen thưởng"])
    bare = home.add_child(instance=Page(title="Giới thiệu", slug="gioi-thieu"))
    _response, bare_queries = visit(client, bare.url)
    for url in (sections["profiles"].url, sections["news"].url, sections["news"].url + "?year=2020&page=1"):
        first, first_queries = visit(client, url)
        with CaptureQueriesContext(connection) as queries:
            second = client.get(url)
        assert second.content == first.content
        sql = " ".join(q["sql"] for q in queries.captured_queries)
        assert "COUNT(" not in sql and "taggit_tag" not in sql, url
        assert len(queries) <= bare_queries + 1 < first_queries, url


def test_escaped_ampersands_do_not_share_an_entry_with_real_parameters(client, sections):
    """Issue 15.4: ``?status=ongoing%26type%3Dregular`` (one junk value) asked first must not be served to
    ``?status=ongoing&type=regular`` (two filters)."""
    factories.make_campaign(sections["campaigns"], "Thường xuyên", campaign_type="regular", end_date=None)
    factories.make_campaign(sections["campaigns"], "Chuyên đề")
    url = sections["campaigns"].url
    junk = client.get(url + "?status=ongoing%26type%3Dregular")
    assert set(titles(junk.content.decode())) == {"Thường xuyên", "Chuyên đề"}
    real = client.get(url + "?status=ongoing&type=regular")
    assert real.get(CACHE_HEADER) == "miss"
    assert titles(real.content.decode()) == ["Thường xuyên"]


def test_search_escaped_parameters_do_not_collide(client, sections):
    factories.make_campaign(sections["campaigns"], "Phong trào điển hình")
    factories.make_news(sections["news"], "Tin điển hình")
    client.get("/vi/tim-kiem/?q=dien%26type%3Dnews")
    response = client.get("/vi/tim-kiem/?q=dien&type=news")
    assert response.get(CACHE_HEADER) == "miss"


def test_junk_query_strings_cannot_fill_the_cache(client, sections, settings):
    settings.THIDUA_PAGE_CACHE_MAX_VARIANTS = 3
    url = sections["campaigns"].url
    stored = [client.get(url, {"junk": str(n)}).get(CACHE_HEADER) for n in range(6)]
    assert stored == ["miss"] * 3 + [None] * 3  # past the cap: served, not stored
    assert client.get(url, {"junk": "0"}).get(CACHE_HEADER) == "hit"
    assert client.get(url, {"junk": "5"}).get(CACHE_HEADER) is None
    assert client.get(url).get(CACHE_HEADER) == "miss"  # the plain URL is always stored
    assert client.get(url).get(CACHE_HEADER) == "hit"


def test_the_api_answers_anonymous_clients_from_the_cache_until_an_edit(client, sections):
    """Issue 22: the API's listings are cached like the pages, invalidated by an edit of what they show, never with
    drafts, never for a client with a session, never the browsable HTML."""
    factories.make_profile(sections["profiles"], "Nguyễn Thị Hà")
    draft = factories.make_profile(sections["profiles"], "Bản nháp", publish=False)
    url = "/api/v2/profiles/"
    first = client.get(url, {"fields": "title"})
    assert first[CACHE_HEADER] == "miss" and first["Content-Type"] == "application/json"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url, {"fields": "title"})
    assert second[CACHE_HEADER] == "hit" and second.content == first.content and len(queries) <= 2
    assert [item["title"] for item in second.json()["items"]] == ["Nguyễn Thị Hà"]
    # The browsable API's HTML holds a CSRF token: it is never cached, and never served to a JSON client.
    html = client.get(url, {"fields": "title"}, HTTP_ACCEPT="text/html")
    assert CACHE_HEADER not in html and html["Content-Type"].startswith("text/html")
    assert client.get(url, {"fields": "title"})[CACHE_HEADER] == "hit"
    draft.save_revision().publish()  # an edit: the next answer is made afresh, with the new page
    third = client.get(url, {"fields": "title"})
    assert third[CACHE_HEADER] == "miss"
    assert sorted(item["title"] for item in third.json()["items"]) == ["Bản nháp", "Nguyễn Thị Hà"]
    assert client.get(url, {"fields": "nonsense"}).status_code == 400  # errors are not cached
    assert CACHE_HEADER not in client.get(url, {"fields": "nonsense"})
    client.cookies["sessionid"] = "x"
    assert CACHE_HEADER not in client.get(url, {"fields": "title"})
