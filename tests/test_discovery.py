"""Search, feeds, sitemap, metadata and the read API — and that none of them leaks a draft, a
private page or a page of another language."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from pyld import jsonld
from wagtail.models import Page, PageViewRestriction

from . import factories
from .factories import translate

D = datetime.date


def english(entry):
    return f"EN {entry.msgid}"


@pytest.fixture
def content(sections, unit, awards, locale_en):
    c_index, p_index, n_index = sections["campaigns"], sections["profiles"], sections["news"]
    campaign = factories.make_campaign(c_index, "Thi đua yêu nước năm 2026", campaign_type="regular",
                                       start_date=D(2026, 1, 1), end_date=None,
                                       summary="Phong trào thi đua thường xuyên của Sở")
    person = factories.make_profile(p_index, "Nguyễn Thị Thu Hà", unit=unit, position="Chuyên viên",
                                    achievements="Điển hình tiên tiến trong công tác quản lý khoa học",
                                    campaigns=[campaign], honours=[(awards["chien-si-thi-dua-co-so"], 2020)])
    news = factories.make_news(n_index, "Biểu dương điển hình tiên tiến", date=D(2026, 3, 1),
                               summary="Sở biểu dương các điển hình tiên tiến", campaigns=[campaign],
                               profiles=[person], tags=["Khen thưởng"])
    draft = factories.make_news(n_index, "Bản nháp điển hình tiên tiến", publish=False, campaigns=[campaign])
    private = factories.make_news(n_index, "Tin riêng tư điển hình tiên tiến", campaigns=[campaign])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    document = factories.make_document(summary="Kế hoạch thi đua của Sở")
    for page in (sections["home"] if "home" in sections else c_index.get_parent(), c_index, p_index, n_index):
        translate(page, locale_en, english)
    translate(campaign, locale_en, english)
    translate(news, locale_en, english)
    return locals()


def search(client, q, **params):
    response = client.get("/vi/tim-kiem/", {"q": q, **params})
    assert response.status_code == 200
    html = response.content.decode()
    titles = re.findall(r'<h3 class="td-card__title"><a href="[^"]*">(.*?)</a>', html)
    return html, [re.sub(r"</?mark>", "", title) for title in titles]


def test_search_ignores_diacritics_and_case(client, content):
    for query in ["dien hinh tien tien", "điển hình tiên tiến", "ĐIỂN HÌNH TIÊN TIẾN", "Dien Hinh Tien Tien",
                  "die\u0302\u0309n hi\u0300nh"]:  # the last one typed with combining marks
        html, titles = search(client, query)
        assert set(titles) == {"Nguyễn Thị Thu Hà", "Biểu dương điển hình tiên tiến"}, query
        assert "<mark>" in html


def test_search_thi_dua_and_nguyen(client, content):
    assert "Thi đua yêu nước năm 2026" in search(client, "thi dua")[1]
    assert search(client, "THI ĐUA")[1] == search(client, "thi dua")[1]
    assert search(client, "nguyen")[1] == ["Nguyễn Thị Thu Hà"]


def test_search_narrowed_to_one_type_and_documents(client, content):
    assert search(client, "dien hinh tien tien", type="news")[1] == ["Biểu dương điển hình tiên tiến"]
    assert search(client, "dien hinh tien tien", type="profile")[1] == ["Nguyễn Thị Thu Hà"]
    html, _titles = search(client, "ke hoach thi dua", type="document")
    assert "60/KH-KHCN" in html
    html, _titles = search(client, "ke hoach")
    assert 'class="td-search-documents"' in html and "60/KH-KHCN" in html


def test_search_results_show_type_date_snippet_and_paginate(client, content, settings):
    settings.THIDUA_PAGE_SIZE = 1
    html, titles = search(client, "dien hinh tien tien")
    assert len(titles) == 1 and 'rel="next"' in html
    assert re.search(r'td-result__type">(Tin tức|Điển hình tiên tiến)<', html)
    assert "2 kết quả" in html


def test_search_stays_in_the_visitors_language(client, content):
    response = client.get("/en/search/", {"q": "EN Bieu duong"})
    titles = re.findall(r'td-card__title"><a href="([^"]*)">', response.content.decode())
    assert titles and all(url.startswith("/en/") for url in titles)
    assert search(client, "EN Bieu duong")[1] == []


def test_search_never_shows_drafts_or_private_pages(client, content):
    _html, titles = search(client, "dien hinh tien tien")
    assert "Bản nháp điển hình tiên tiến" not in titles
    assert "Tin riêng tư điển hình tiên tiến" not in titles


MALFORMED_QUERIES = ["", " ", "x" * 10_000, "\x00\x01\x1f thi", "' OR 1=1 --", '"; DROP TABLE x; --',
                     "<script>alert(1)</script>", "a\" OR \"b", "NEAR(thi dua)", "*", "thi*", "(((", "%",
                     "\u202e\u200b", "đ" * 300, "AND OR NOT", "-thi", "^thi", "thi:dua", "\\"]


def test_malformed_queries_get_a_normal_page(client, sections, locale_en):
    factories.make_news(sections["news"], "Thi đua yêu nước")
    translate(sections["news"].get_parent(), locale_en)
    for query in MALFORMED_QUERIES:
        for url in ("/vi/tim-kiem/", "/en/search/"):
            for page_type in ("", "document", "news", "zzz"):
                response = client.get(url, {"q": query, "type": page_type, "page": "x"})
                assert response.status_code == 200, (query, url, page_type)
                html = response.content.decode()
                assert "<script>alert" not in html and "\x00" not in html


def test_long_query_is_cut_and_said(client, content):
    html, _titles = search(client, "thi dua " * 100)
    assert "đã được rút ngắn" in html


# Feeds ---------------------------------------------------------------------


def test_feeds_are_valid(client, content):
    for url in ["/vi/feeds/news/rss/", "/vi/feeds/news/atom/", "/en/feeds/news/rss/", "/vi/feeds/campaigns/rss/",
                "/en/feeds/campaigns/atom/"]:
        response = client.get(url)
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, (url, feed.get("bozo_exception"))
        assert feed.entries, url
        language = url.split("/")[1]
        assert all(f"/{language}/" in entry.link for entry in feed.entries)


def test_news_feed_filters_and_leaks_nothing(client, content):
    feed = feedparser.parse(client.get("/vi/feeds/news/rss/").content)
    titles = [e.title for e in feed.entries]
    assert titles == ["Biểu dương điển hình tiên tiến"]
    assert feed.entries[0].tags[0].term == "Khen thưởng"
    assert feed.feed.language == "vi"
    assert [e.title for e in feedparser.parse(client.get("/en/feeds/news/atom/").content).entries] == [
        "EN Biểu dương điển hình tiên tiến"]
    tag = content["news"].tags.get().slug
    assert len(feedparser.parse(client.get(f"/vi/feeds/news/rss/?tag={tag}").content).entries) == 1
    assert len(feedparser.parse(client.get("/vi/feeds/news/rss/?tag=khong-co").content).entries) == 0
    campaign = content["campaign"]
    assert len(feedparser.parse(client.get(f"/vi/feeds/news/rss/?campaign={campaign.pk}").content).entries) == 1
    assert client.get("/vi/feeds/news/rss/?campaign=%00&year=²").status_code == 200


def test_campaign_feed(client, content):
    feed = feedparser.parse(client.get("/vi/feeds/campaigns/rss/?status=ongoing").content)
    assert [e.title for e in feed.entries] == ["Thi đua yêu nước năm 2026"]
    assert feedparser.parse(client.get("/vi/feeds/campaigns/rss/?status=ended").content).entries == []


# Sitemap -------------------------------------------------------------------


def test_sitemap_has_both_languages_with_alternates_and_nothing_hidden(client, content):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(response.content)
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    assert any("/vi/" in loc for loc in locations) and any("/en/" in loc for loc in locations)
    assert not any(p in loc for loc in locations for p in (content["draft"].slug, content["private"].slug))
    news_url = next(u for u in root.findall("s:url", ns) if u.find("s:loc", ns).text.endswith(content["news"].url))
    alternates = {a.get("hreflang"): a.get("href") for a in news_url.findall("x:link", ns)}
    assert set(alternates) == {"vi", "en"}
    person_url = next(u for u in root.findall("s:url", ns) if u.find("s:loc", ns).text.endswith(content["person"].url))
    assert person_url.findall("x:link", ns) == []  # not translated: no alternates


# Metadata ------------------------------------------------------------------


def head(html):
    return html.split("</head>")[0]


def json_ld_items(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    loader = lambda url, options=None: {  # noqa: E731 - offline: schema.org's context, as a vocabulary
        "contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": "https://schema.org/"}}}
    expanded = jsonld.expand(data, {"documentLoader": loader})
    assert expanded
    return data


def test_metadata_on_each_page_type(client, content):
    for key, schema_type in (("campaign", "Event"), ("person", "Person"), ("news", "NewsArticle")):
        page = content[key]
        html = client.get(page.url).content.decode()
        h = head(html)
        assert re.search(r'<meta name="description" content="[^"]+">', h)
        assert f'<link rel="canonical" href="http://testserver{page.url}">' in h
        assert '<meta property="og:title"' in h and '<meta name="twitter:card"' in h
        assert '<meta property="og:locale" content="vi_VN">' in h
        items = json_ld_items(html)
        assert items[0]["@type"] == schema_type and items[1]["@type"] == "GovernmentOrganization"
    person = json_ld_items(client.get(content["person"].url).content.decode())[0]
    assert person["award"] == ["Chiến sĩ thi đua cơ sở (2020)"] and person["jobTitle"] == "Chuyên viên"
    # Issue 17: each honour as a credential, with its form, number and the year (no decision on the site here).
    assert person["hasCredential"] == [{
        "@type": "EducationalOccupationalCredential", "name": "Chiến sĩ thi đua cơ sở",
        "credentialCategory": "Danh hiệu thi đua", "dateCreated": "2020", "identifier": "2020/QĐ-UBND"}]
    news = json_ld_items(client.get(content["news"].url).content.decode())[0]
    assert news["datePublished"] == "2026-03-01" and news["headline"] == "Biểu dương điển hình tiên tiến"


def test_json_ld_cannot_be_broken_out_of(client, sections):
    page = factories.make_news(sections["news"], "Tin </script><script>alert(1)</script>",
                               summary="</script><b>x</b> & \"quotes\"", body=[("paragraph", "<p>Nội dung</p>")])
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    data = json_ld_items(html)
    assert data[0]["headline"].startswith("Tin </script>")


def test_og_image_from_the_page_image(client, sections, settings):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Ảnh hội nghị", file=get_test_image_file())
    page = factories.make_news(sections["news"], "Tin có ảnh", image=image)
    h = head(client.get(page.url).content.decode())
    assert re.search(r'<meta property="og:image" content="http://testserver/media/images/[^"]+">', h)
    assert '<meta name="twitter:card" content="summary_large_image">' in h


# API -----------------------------------------------------------------------


def api(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def test_api_endpoints_with_specific_fields_and_snippets(client, content, unit, awards):
    data = api(client, "/api/v2/campaigns/?locale=vi&fields=*")
    item = data["items"][0]
    assert data["meta"]["total_count"] == 1
    assert item["status"] == "ongoing" and item["campaign_type"] == "regular"
    assert item["profiles"][0]["title"] == "Nguyễn Thị Thu Hà"
    data = api(client, f"/api/v2/profiles/?award={awards['chien-si-thi-dua-co-so'].pk}&fields=honours,unit,campaigns")
    item = data["items"][0]
    assert item["unit"]["name"] == unit.name
    assert item["honours"][0]["award"]["code"] == "chien-si-thi-dua-co-so"
    assert item["campaigns"][0]["title"] == "Thi đua yêu nước năm 2026"
    assert api(client, f"/api/v2/profiles/?unit={unit.pk}")["meta"]["total_count"] == 1
    assert api(client, "/api/v2/news/?year=2026&fields=campaigns,tags")["items"][0]["tags"] == ["Khen thưởng"]


def test_api_filters(client, content):
    assert api(client, "/api/v2/campaigns/?status=ended")["meta"]["total_count"] == 0
    assert api(client, "/api/v2/campaigns/?status=ongoing&locale=en")["meta"]["total_count"] == 1
    assert api(client, "/api/v2/campaigns/?year=2025")["meta"]["total_count"] == 0
    assert api(client, "/api/v2/profiles/?year=2020&kind=individual")["meta"]["total_count"] == 1
    # The campaign filter matches the campaign in every language: both copies of the news item, or one per locale.
    assert api(client, f"/api/v2/news/?campaign={content['campaign'].pk}")["meta"]["total_count"] == 2
    assert api(client, f"/api/v2/news/?locale=en&campaign={content['campaign'].pk}")["meta"]["total_count"] == 1


def test_api_bad_parameters_are_400(client, content):
    for query in ["status=zzz", "year=²", "unit=%00", "award=abc", "campaign=99999999999999999999999",
                  "type=thidua_wagtail.NewsPage", "nonsense=1", "year=-5"]:
        for endpoint in ("campaigns", "profiles", "news"):
            response = client.get(f"/api/v2/{endpoint}/?{query}")
            assert response.status_code == 400, (endpoint, query, response.content)
            assert "message" in response.json()


def test_api_leaks_nothing(client, content, locale_en):
    titles = [i["title"] for i in api(client, "/api/v2/news/?locale=vi")["items"]]
    assert titles == ["Biểu dương điển hình tiên tiến"]
    assert [i["title"] for i in api(client, "/api/v2/news/?locale=en")["items"]] == ["EN Biểu dương điển hình tiên tiến"]
    all_titles = [i["title"] for i in api(client, "/api/v2/pages/?limit=20")["items"]]
    assert not any("Bản nháp" in t or "riêng tư" in t for t in all_titles)
    assert client.get(f"/api/v2/news/{content['draft'].pk}/").status_code == 404
    assert client.get(f"/api/v2/news/{content['private'].pk}/").status_code == 404


def test_locale_redirects_pages_but_not_api_404s(client, content):
    response = client.get("/api/v2/news/987654/")
    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")
    # An unprefixed address of a page goes to its language; one no page has is a 404 at once, not a redirect to one.
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    page = Page.objects.filter(depth=3, locale__language_code="vi").live().first()
    response = client.get(page.url.removeprefix("/vi"))
    assert response.status_code == 302 and response["Location"] == page.url
