"""With wagtail.contrib.frontend_cache installed, a publish purges every URL that shows the page: its listing,
the home page, the feeds it is in and the pages linked to it (thidua_wagtail/frontend_cache.py)."""

import pytest

from thidua_wagtail import frontend_cache, pagetypes

from . import factories
from .testapp.frontend_cache import PURGED

BASE = "http://localhost"


@pytest.fixture(autouse=True)
def purged():
    PURGED.clear()
    yield PURGED
    PURGED.clear()


def test_publishing_a_profile_purges_its_listing_home_campaigns_and_news(home, sections, unit, purged):
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào A")
    other = factories.make_campaign(sections["campaigns"], "Phong trào B")
    profile = factories.make_profile(sections["profiles"], "Nguyễn Văn An", unit=unit, campaigns=[campaign])
    news = factories.make_news(sections["news"], "Tin về anh An", profiles=[profile])
    purged.clear()
    profile.title = "Nguyễn Văn An (sửa)"
    profile.save_revision().publish()
    # (Wagtail purges every language prefix of a page: the /vi/ URLs are what this site's content shows at.)
    assert {url for url in purged if url.startswith(BASE + "/vi/")} == {
        BASE + profile.url,  # Wagtail's own purge
        BASE + home.url, BASE + sections["profiles"].url, BASE + campaign.url, BASE + news.url,
    }
    assert BASE + other.url not in purged


def test_publishing_news_purges_the_news_feeds_and_what_it_links(home, sections, unit, purged):
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào A")
    purged.clear()
    news = factories.make_news(sections["news"], "Tin mới", campaigns=[campaign])
    assert {BASE + "/vi/feeds/news/rss/", BASE + "/vi/feeds/news/atom/", BASE + sections["news"].url,
            BASE + campaign.url, BASE + news.url} <= set(purged)
    assert BASE + "/vi/feeds/campaigns/rss/" not in purged
    purged.clear()
    news.unpublish()
    assert BASE + sections["news"].url in purged and BASE + "/vi/feeds/news/rss/" in purged


def test_publishing_a_campaign_purges_the_profiles_and_news_that_show_it(home, sections, unit, purged):
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào A")
    profile = factories.make_profile(sections["profiles"], "Trần Thị Bình", unit=unit, campaigns=[campaign])
    news = factories.make_news(sections["news"], "Tin phong trào", campaigns=[campaign])
    purged.clear()
    campaign.save_revision().publish()
    assert {BASE + profile.url, BASE + news.url, BASE + sections["campaigns"].url,
            BASE + "/vi/feeds/campaigns/rss/"} <= set(purged)


def test_the_front_end_cache_is_purged_as_far_as_the_app_cache_is_refreshed(home, sections, purged, monkeypatch):
    """One bound for both (pagetypes.MAX_SHOWING): every page the app's cache refreshes is purged from the CDN too,
    so a campaign shown by many news items leaves none of them stale in front of the site."""
    monkeypatch.setattr(pagetypes, "MAX_SHOWING", 6)
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào A")
    news = [factories.make_news(sections["news"], f"Tin {i}", campaigns=[campaign]) for i in range(8)]
    purged.clear()
    campaign.save_revision().publish()
    purged_news = {item for item in news if BASE + item.url in purged}
    refreshed = pagetypes.pages_to_refresh(campaign)
    assert len(purged_news) == 6
    assert {item.pk for item in purged_news} == refreshed & {item.pk for item in news}


def test_nothing_is_purged_without_the_app(home, sections, purged, monkeypatch):
    monkeypatch.setattr(frontend_cache, "enabled", lambda: False)
    news = factories.make_news(sections["news"], "Tin mới")
    assert BASE + news.url in purged
    assert all("/tin-tuc/news-" in url for url in purged)  # only Wagtail's own purge of the page itself
