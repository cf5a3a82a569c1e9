"""Caching that follows what changed (cache.py, pagetypes.pages_to_refresh): publishing a campaign, profile or news
item refreshes the pages that show it, before and after the edit, and leaves every other page cached; an edit every
page shows refreshes everything; an evicted version never brings back what was cached before an edit."""

import re

from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from thidua_wagtail.cache import CACHE_HEADER, PAGE_KEY
from thidua_wagtail.models import ProfileCampaign, StatisticsPage

from . import factories


def state(client, page):
    """"hit" or "miss" (the response cache), and the page's HTML."""
    response = client.get(page.url)
    assert response.status_code == 200, page
    return response.get(CACHE_HEADER, "uncached"), response.content.decode()


def titles(html):
    return re.findall(r'class="td-card__title"><a href="[^"]*">([^<]*)</a>', html)


def warm(client, *pages):
    for page in pages:
        state(client, page)
        assert state(client, page)[0] == "hit", page


def test_publishing_news_refreshes_what_shows_it_and_nothing_else(client, home, sections, unit):
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào A")
    other_campaign = factories.make_campaign(sections["campaigns"], "Phong trào B")
    profile = factories.make_profile(sections["profiles"], "Nguyễn Văn An", unit=unit, campaigns=[campaign])
    other_profile = factories.make_profile(sections["profiles"], "Lê Thị Bình", unit=unit)
    old_news = factories.make_news(sections["news"], "Tin cũ", campaigns=[other_campaign])
    unrelated = (sections["campaigns"], other_campaign, other_profile, old_news)
    warm(client, sections["news"], campaign, profile, *unrelated)

    factories.make_news(sections["news"], "Tin mới về phong trào A", campaigns=[campaign], profiles=[profile])

    for page in (sections["news"], campaign, profile):  # its list, its campaign, its profile
        hit, html = state(client, page)
        assert hit == "miss" and "Tin mới về phong trào A" in html, page
    for page in unrelated:  # the other lists and pages stay cached
        assert state(client, page)[0] == "hit", page
    # The profile list's filter offers campaigns, not news: still cached; publishing a campaign refreshes it.
    assert state(client, sections["profiles"])[0] in ("hit", "miss")
    warm(client, sections["profiles"])
    factories.make_campaign(sections["campaigns"], "Phong trào C")
    hit, html = state(client, sections["profiles"])
    assert hit == "miss" and ">Phong trào C</option>" in html


def test_a_removed_link_refreshes_the_page_that_showed_it(client, sections, unit):
    campaign_a = factories.make_campaign(sections["campaigns"], "Phong trào A")
    campaign_b = factories.make_campaign(sections["campaigns"], "Phong trào B")
    profile = factories.make_profile(sections["profiles"], "Nguyễn Văn An", unit=unit, campaigns=[campaign_a])
    assert "Nguyễn Văn An" in state(client, campaign_a)[1]
    warm(client, campaign_a, campaign_b)

    # As the page editor does: the new links in memory, written when the revision is published.
    profile.campaign_links = [ProfileCampaign(campaign=campaign_b)]
    profile.save_revision().publish()

    hit, html = state(client, campaign_a)  # the campaign it left: refreshed, without it
    assert hit == "miss" and "Nguyễn Văn An" not in html
    hit, html = state(client, campaign_b)  # the campaign it joined
    assert hit == "miss" and "Nguyễn Văn An" in html


def test_the_statistics_page_follows_every_profile(client, home, sections, unit, awards):
    statistics = home.add_child(instance=StatisticsPage(title="Thống kê", slug="thong-ke"))
    statistics.save_revision().publish()
    warm(client, statistics)
    factories.make_profile(sections["profiles"], "Nguyễn Văn An", unit=unit,
                           honours=[(awards["lao-dong-tien-tien"], 2023)])
    hit, html = state(client, statistics)
    assert hit == "miss" and "2023" in html


def test_a_section_edit_refreshes_every_page(client, sections, unit):
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào A")
    profile = factories.make_profile(sections["profiles"], "Nguyễn Văn An", unit=unit)
    warm(client, campaign, profile, sections["news"])
    index = sections["campaigns"]
    index.title = "Các phong trào thi đua"
    index.show_in_menus = True
    index.save_revision().publish()  # in every page's menu, and the campaign's breadcrumbs
    for page in (campaign, profile, sections["news"]):
        hit, html = state(client, page)
        assert hit == "miss" and "Các phong trào thi đua" in html, page


def test_an_evicted_page_version_never_brings_back_an_old_page(client, sections):
    news = factories.make_news(sections["news"], "Tin thứ nhất")
    warm(client, sections["news"])
    factories.make_news(sections["news"], "Tin thứ hai")
    assert set(titles(state(client, sections["news"])[1])) == {"Tin thứ nhất", "Tin thứ hai"}
    cache.delete(PAGE_KEY.format(sections["news"].pk))  # evicted
    hit, html = state(client, sections["news"])
    assert hit == "miss" and {"Tin thứ nhất", "Tin thứ hai"} == set(titles(html))
    assert news.pk


def test_site_wide_fragments_outlive_a_publish_and_follow_a_site_edit(client, settings, home, sections):
    """The brand, footer and menu are kept under the site's version: a page rendered afresh after a publish (the
    news list, here) reuses them; an edit every page shows (a section's title) refreshes them."""
    settings.THIDUA_PAGE_CACHE_TIMEOUT = 0  # fragments only: each request renders the page
    index = sections["campaigns"]
    index.show_in_menus = True
    index.save_revision().publish()
    assert ">Phong trào thi đua</a>" in state(client, sections["news"])[1]  # in the menu
    # Renamed behind the cache's back (no signal): the menu still comes from what was kept.
    Page.objects.filter(pk=index.pk).update(title="Tên đổi ngầm")
    factories.make_news(sections["news"], "Tin mới")  # touches the news list: its own fragments are recomputed
    html = state(client, sections["news"])[1]
    assert "Tin mới" in titles(html)
    assert ">Phong trào thi đua</a>" in html and "Tên đổi ngầm" not in html
    index.refresh_from_db()
    index.title = "Các phong trào"
    index.save_revision().publish()  # a section edit: every page shows it
    html = state(client, sections["news"])[1]
    assert ">Các phong trào</a>" in html and ">Phong trào thi đua</a>" not in html


def test_site_wide_lookups_run_once_per_request_with_nothing_cached(client, settings, sections, unit):
    """With every cache off, the view restrictions, the locale and the organisation are still read once per
    request, however many lists, links and tags ask for them (cache.request_memo)."""
    settings.THIDUA_PAGE_CACHE_TIMEOUT = 0
    settings.THIDUA_FRAGMENT_CACHE_TIMEOUT = 0
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào A")
    factories.make_profile(sections["profiles"], "Nguyễn Văn An", unit=unit, campaigns=[campaign])
    factories.make_news(sections["news"], "Tin về phong trào A", campaigns=[campaign])
    with CaptureQueriesContext(connection) as queries:
        html = state(client, campaign)[1]
    assert "Nguyễn Văn An" in html and "Tin về phong trào A" in html
    sql = [query["sql"] for query in queries.captured_queries]
    restrictions = [q for q in sql if 'SELECT DISTINCT "wagtailcore_page"."path"' in q and "pageviewrestriction" in q]
    assert len(restrictions) == 1, restrictions
    assert len([q for q in sql if 'FROM "thidua_wagtail_organisationsettings"' in q]) == 1
    # One is Wagtail's routing (Page.localized), one the app's (i18n.active_locale), however many tags ask.
    assert len([q for q in sql if 'FROM "wagtailcore_locale" WHERE "wagtailcore_locale"."language_code"' in q]) <= 2


def news_rows_read(queries):
    """The ids of the news items read whole (for their cards) by each query of ``queries``."""
    reads = [q["sql"] for q in queries.captured_queries
             if 'FROM "thidua_wagtail_newspage"' in q["sql"] and '"thidua_wagtail_newspage"."summary"' in q["sql"]]
    return [sorted(int(pk) for pk in re.findall(r"\d+", re.search(r'"page_ptr_id" IN \(([^)]*)\)', sql).group(1)))
            for sql in reads]


def test_a_list_refreshed_by_a_publish_renders_only_the_new_card(client, settings, sections):
    """Each card is kept under its own page's version: after a publish the list renders the published item's card,
    reads only that item from the database, and takes the other cards from the cache."""
    settings.THIDUA_PAGE_CACHE_TIMEOUT = 0  # fragments only: each request renders the page
    old = [factories.make_news(sections["news"], f"Tin cũ số {n}") for n in range(3)]
    with CaptureQueriesContext(connection) as queries:
        html = state(client, sections["news"])[1]
    assert set(titles(html)) == {news.title for news in old}
    assert news_rows_read(queries) == [sorted(news.pk for news in old)]  # nothing cached yet: all three

    new = factories.make_news(sections["news"], "Tin mới đăng")
    with CaptureQueriesContext(connection) as queries:
        html = state(client, sections["news"])[1]
    assert titles(html)[0] == "Tin mới đăng" and set(titles(html)) == {"Tin mới đăng", *(news.title for news in old)}
    assert news_rows_read(queries) == [[new.pk]]

    # An item edited and published again: its card is rendered afresh, the others still come from the cache.
    edited = old[1]
    edited.title = "Tin cũ đã sửa"
    edited.save_revision().publish()
    with CaptureQueriesContext(connection) as queries:
        html = state(client, sections["news"])[1]
    assert "Tin cũ đã sửa" in titles(html) and "Tin cũ số 1" not in titles(html)
    assert news_rows_read(queries) == [[edited.pk]]


def test_cards_follow_what_every_page_shows_and_are_not_kept_with_fragments_off(client, settings, sections, unit):
    """A unit renamed (an edit every page shows) renders every card afresh; with fragments off no card is kept."""
    settings.THIDUA_PAGE_CACHE_TIMEOUT = 0
    factories.make_profile(sections["profiles"], "Nguyễn Văn An", unit=unit)
    unit_line = re.compile(r'class="td-card__unit">([^<]*)</p>')
    assert unit_line.findall(state(client, sections["profiles"])[1]) == [unit.name]
    unit.name = "Phòng Kế hoạch - Tài chính"
    unit.save()
    assert unit_line.findall(state(client, sections["profiles"])[1]) == ["Phòng Kế hoạch - Tài chính"]

    settings.THIDUA_FRAGMENT_CACHE_TIMEOUT = 0
    cache.clear()
    factories.make_profile(sections["profiles"], "Lê Thị Bình", unit=unit)
    assert set(titles(state(client, sections["profiles"])[1])) == {"Nguyễn Văn An", "Lê Thị Bình"}
    assert not [key for key in cache._cache if ":card:" in key]  # the tests' local-memory cache


def test_with_fragments_off_pages_ask_the_cache_nothing_of_their_own(client, settings, sections, unit, monkeypatch):
    """Fragments off (what a signed-in editor with both timeouts at 0 gets): the layout's, a list's and a detail
    page's fragments are rendered without reading or writing the cache, and their keys (versions) are not read.
    Wagtail's own tags read the fragment and write it with a timeout of 0, a Redis round trip each."""
    settings.THIDUA_PAGE_CACHE_TIMEOUT = settings.THIDUA_FRAGMENT_CACHE_TIMEOUT = 0
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào A")
    profile = factories.make_profile(sections["profiles"], "Nguyễn Văn An", unit=unit, campaigns=[campaign])
    news = factories.make_news(sections["news"], "Tin thi đua", campaigns=[campaign])
    backend = caches["default"]
    asked = []
    for name in ("get", "get_many", "set", "set_many", "add", "delete", "has_key", "get_or_set"):
        original = getattr(backend, name)

        def spy(key, *args, _original=original, **kwargs):
            asked.extend([key] if isinstance(key, str) else list(key))
            return _original(key, *args, **kwargs)

        monkeypatch.setattr(backend, name, spy)
    for page in (sections["campaigns"], sections["profiles"], sections["news"], campaign, profile, news):
        asked.clear()
        html = state(client, page)[1]
        assert page.title in html
        assert [key for key in asked if "thidua_wagtail" in key or "template.cache" in key] == [], page


def answer(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.get(CACHE_HEADER, "uncached"), response.content.decode()


def test_answers_showing_some_page_types_follow_those_types_only(client, sections, unit):
    """The API's endpoints, the feeds and the register are kept under the versions of the page types they show:
    publishing a news item refreshes the news answers and keeps the profiles' and campaigns'; a campaign renamed
    refreshes the profiles' endpoint, whose items show their campaigns' titles, and keeps the consultations'."""
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào A")
    factories.make_profile(sections["profiles"], "Nguyễn Văn An", unit=unit, campaigns=[campaign])
    profiles_api = ("/api/v2/profiles/", {"fields": "title,campaigns"})
    news_api = ("/api/v2/news/", {"fields": "title"})
    news_feed, campaign_feed = ("/vi/feeds/news/rss/", {}), ("/vi/feeds/campaigns/rss/", {})
    register = (reverse("thidua_wagtail:honours_register"), {})
    consultations_api = ("/api/v2/consultations/",)
    everything = (profiles_api, news_api, news_feed, campaign_feed, register, (*consultations_api, {}))
    for url, params in everything:
        answer(client, url, **params)
        assert answer(client, url, **params)[0] == "hit", url

    factories.make_news(sections["news"], "Tin mới đăng")
    for url, params in (news_api, news_feed):
        hit, body = answer(client, url, **params)
        assert hit == "miss" and "Tin mới đăng" in body, url
    for url, params in (profiles_api, campaign_feed, register, (*consultations_api, {})):
        assert answer(client, url, **params)[0] == "hit", url

    campaign.title = "Phong trào A đổi tên"
    campaign.save_revision().publish()
    hit, body = answer(client, profiles_api[0], **profiles_api[1])
    assert hit == "miss" and "Phong trào A đổi tên" in body
    hit, body = answer(client, campaign_feed[0])
    assert hit == "miss" and "Phong trào A đổi tên" in body
    assert answer(client, *consultations_api)[0] == "hit"  # its fields and filters name no campaign

    factories.make_profile(sections["profiles"], "Lê Thị Bình", unit=unit)
    hit, body = answer(client, profiles_api[0], **profiles_api[1])
    assert hit == "miss" and "Lê Thị Bình" in body
    assert answer(client, register[0])[0] == "miss"  # it lists the profiles' honours


def test_a_list_pages_layout_outlives_a_publish_that_refreshes_its_list(client, settings, sections):
    """A list page's head, language switcher and breadcrumbs show the page, its ancestors and translations only:
    publishing a news item renders the news list's items afresh and keeps its layout; publishing the list page
    itself (an edit every page shows) refreshes it."""
    settings.THIDUA_PAGE_CACHE_TIMEOUT = 0  # fragments only: each request renders the page
    news = sections["news"]
    description = re.compile(r'<meta name="description" content="([^"]*)"')
    state(client, news)
    # Changed behind the cache's back (no signal): the head still comes from what was kept.
    Page.objects.filter(pk=news.pk).update(search_description="Mô tả đổi ngầm")
    factories.make_news(news, "Tin mới đăng")
    html = state(client, news)[1]
    assert "Tin mới đăng" in titles(html) and "Mô tả đổi ngầm" not in html
    news.refresh_from_db()
    news.search_description = "Tin tức thi đua của Sở"
    news.save_revision().publish()
    assert description.findall(state(client, news)[1]) == ["Tin tức thi đua của Sở"]

    # A detail page's layout still follows the page's own version.
    item = factories.make_news(news, "Tin có mô tả")
    state(client, item)
    item.search_description = "Mô tả mới của tin"
    item.save_revision().publish()
    assert description.findall(state(client, item)[1]) == ["Mô tả mới của tin"]


def test_a_lists_filters_follow_the_page_types_they_offer(client, settings, sections):
    """A list's filter form is kept under the versions of the page types its choices list (``offers``): publishing
    a news item renders the news list's items afresh and keeps its filters; publishing a campaign, which the
    campaign filter offers, refreshes them. Each filter value shown is kept apart."""
    settings.THIDUA_PAGE_CACHE_TIMEOUT = 0  # fragments only: each request renders the page
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào A")
    assert ">Phong trào A</option>" in state(client, sections["news"])[1]
    # Renamed behind the cache's back (no signal): the filter still offers what was kept.
    Page.objects.filter(pk=campaign.pk).update(title="Tên đổi ngầm")
    factories.make_news(sections["news"], "Tin mới đăng")
    html = state(client, sections["news"])[1]
    assert "Tin mới đăng" in titles(html) and ">Phong trào A</option>" in html and "Tên đổi ngầm" not in html
    factories.make_campaign(sections["campaigns"], "Phong trào B")
    html = state(client, sections["news"])[1]
    assert ">Phong trào B</option>" in html and ">Tên đổi ngầm</option>" in html
    chosen = client.get(sections["news"].url, {"campaign": campaign.pk}).content.decode()
    assert f'<option value="{campaign.pk}" selected>Tên đổi ngầm</option>' in chosen
    assert f'<option value="{campaign.pk}" selected>' not in state(client, sections["news"])[1]
