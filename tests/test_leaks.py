"""Nothing hidden leaks: drafts, password- and login-restricted pages, and pages of another language never appear
on any public surface. One test a surface, all against the same hidden content."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import PageViewRestriction

from thidua_wagtail.models import (
    ConsultationComment,
    ConsultationIndexPage,
    ConsultationNominee,
    ConsultationPage,
    NominationPage,
    RegistrationEntry,
    RegistrationIndexPage,
    RegistrationPage,
    StatisticsPage,
)

from . import factories

# Every draft or restricted item's title contains this marker; a visible item's does not.
HIDDEN = "ẨN-KÍN"
# Pages that exist only in English carry this one: they must not show where Vietnamese is asked for.
ENGLISH_ONLY = "ENGLISH-ONLY"


@pytest.fixture
def world(sections, home, unit, awards, locale_en):
    c, p, n = sections["campaigns"], sections["profiles"], sections["news"]
    award = awards["lao-dong-tien-tien"]
    visible = factories.make_campaign(c, "Phong trào công khai", start_date=datetime.date(2026, 1, 1),
                                      end_date=datetime.date(2026, 12, 31))
    profile = factories.make_profile(p, "Người công khai", campaigns=[visible], unit=unit, honours=[(award, 2021)])
    factories.make_news(n, "Tin công khai", campaigns=[visible], profiles=[profile])
    hidden = []
    for how in ("draft", "password", "login"):
        publish = how != "draft"
        camp = factories.make_campaign(c, f"Phong trào {HIDDEN} {how}", publish=publish,
                                       start_date=datetime.date(2026, 1, 1), end_date=datetime.date(2026, 12, 31))
        prof = factories.make_profile(p, f"Người {HIDDEN} {how}", campaigns=[visible], unit=unit,
                                      honours=[(award, 1999)], publish=publish)
        news = factories.make_news(n, f"Tin {HIDDEN} {how}", campaigns=[visible], profiles=[profile], publish=publish)
        hidden += [camp, prof, news]
        if how != "draft":
            for page in (camp, prof, news):
                kind = PageViewRestriction.PASSWORD if how == "password" else PageViewRestriction.LOGIN
                PageViewRestriction.objects.create(page=page, restriction_type=kind, password="x")
    # Pages that exist only in English must not show on the Vietnamese side.
    for index in (c, p, n):
        en = index.copy_for_translation(locale_en, copy_parents=True)
        en.save_revision().publish()
    en_campaign = factories.make_campaign(c.get_translation(locale_en), f"{ENGLISH_ONLY} campaign",
                                          start_date=datetime.date(2026, 1, 1), end_date=datetime.date(2026, 12, 31))
    factories.make_profile(p.get_translation(locale_en), f"{ENGLISH_ONLY} person", honours=[(award, 1999)],
                           campaigns=[visible])
    factories.make_news(n.get_translation(locale_en), f"{ENGLISH_ONLY} news", campaigns=[visible])
    # Consultations on nominees: one public, hidden ones, and a visitor's comment (personal data) on the public one,
    # which no public surface may show, only count.
    consultations = home.add_child(instance=ConsultationIndexPage(title="Lấy ý kiến", slug="lay-y-kien"))
    consultation = None
    for how in ("public", "draft", "password", "login"):
        page = ConsultationPage(
            title="Lấy ý kiến công khai" if how == "public" else f"Lấy ý kiến {HIDDEN} {how}", slug=f"y-kien-{how}",
            summary="Tóm tắt", proposing_body="Sở", opens_on=datetime.date(2026, 2, 9),
            closes_on=datetime.date(2026, 2, 27), live=how != "draft")
        page.nominees.add(ConsultationNominee(
            name="Người được đề nghị" if how == "public" else f"Người {HIDDEN} đề nghị", achievements="Thành tích",
            proposed_award=awards["huan-chuong-lao-dong"], profile=hidden[1] if how == "public" else None))
        consultations.add_child(instance=page)
        if how != "draft":
            page.save_revision().publish()
        if how in ("password", "login"):
            kind = PageViewRestriction.PASSWORD if how == "password" else PageViewRestriction.LOGIN
            PageViewRestriction.objects.create(page=page, restriction_type=kind, password="x")
        if how == "public":
            consultation = page
        else:
            hidden.append(page)
    ConsultationComment.objects.create(
        page=consultation, nominee=consultation.nominees.first(), consultation_title=consultation.title,
        nominee_name="Người được đề nghị", locale=consultation.locale, author_name=f"Người góp ý {HIDDEN}",
        contact=f"{HIDDEN}@example.org", content=f"Nội dung góp ý {HIDDEN}", consent=True)
    # Registrations: one approved (naming the draft profile's person as registered), hidden ones.
    registrations = home.add_child(instance=RegistrationIndexPage(title="Đăng ký thi đua", slug="dang-ky"))
    registrations.save_revision().publish()
    for year, how in enumerate(("public", "draft", "password", "login"), start=2026):
        page = RegistrationPage(
            title="Đăng ký công khai" if how == "public" else f"Đăng ký {HIDDEN} {how}", slug=f"dang-ky-{how}",
            unit=unit, year=year, registered_on=datetime.date(2026, 1, 15), live=how != "draft",
            commitments="<p>Cam kết công khai</p>" if how == "public" else f"<p>Cam kết {HIDDEN}</p>")
        page.entries.add(RegistrationEntry(
            kind="individual", name="Người đăng ký" if how == "public" else f"Người {HIDDEN} đăng ký",
            award=award, profile=hidden[1] if how == "public" else None))
        registrations.add_child(instance=page)
        if how != "draft":
            page.save_revision().publish()
        if how in ("password", "login"):
            kind = PageViewRestriction.PASSWORD if how == "password" else PageViewRestriction.LOGIN
            PageViewRestriction.objects.create(page=page, restriction_type=kind, password="x")
        if how != "public":
            hidden.append(page)
    nomination = NominationPage(title="Đề cử", slug="de-cu")
    statistics = StatisticsPage(title="Thống kê", slug="thong-ke")
    for page in (nomination, statistics):
        home.add_child(instance=page)
        page.save_revision().publish()
    return {"visible": visible, "profile": profile, "sections": sections, "en_campaign": en_campaign,
            "nomination": nomination, "statistics": statistics, "hidden": hidden, "consultation": consultation,
            "consultations": consultations, "registrations": registrations}


def body(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_nothing_hidden(text, *visible):
    assert HIDDEN not in text and ENGLISH_ONLY not in text
    for title in visible:
        assert title in text  # the surface does show content: the test could fail


def test_lists(client, world):
    s = world["sections"]
    assert_nothing_hidden(body(client, s["campaigns"].url), "Phong trào công khai")
    assert_nothing_hidden(body(client, s["campaigns"].url, status="ongoing"), "Phong trào công khai")
    assert_nothing_hidden(body(client, s["profiles"].url), "Người công khai")
    assert_nothing_hidden(body(client, s["news"].url), "Tin công khai")
    assert_nothing_hidden(body(client, world["consultations"].url), "Lấy ý kiến công khai")
    assert_nothing_hidden(body(client, world["consultations"].url, status="closed"), "Lấy ý kiến công khai")
    assert_nothing_hidden(body(client, world["registrations"].url), "Người đăng ký", "1 đơn vị đã đăng ký")
    assert_nothing_hidden(body(client, world["registrations"].url, year=2026, format="csv"), "Người đăng ký")


def test_a_consultation_shows_the_count_of_comments_never_a_comment_nor_a_hidden_profile(client, world):
    html = body(client, world["consultation"].url)
    assert_nothing_hidden(html, "Lấy ý kiến công khai", "Người được đề nghị", "Đã nhận 1 ý kiến")
    # The nominee's profile is a draft: named, not linked.
    assert world["hidden"][1].url not in html if world["hidden"][1].url else True


def test_related_blocks(client, world):
    assert_nothing_hidden(body(client, world["visible"].url), "Người công khai", "Tin công khai")
    assert_nothing_hidden(body(client, world["profile"].url), "Tin công khai", "Phong trào công khai")


def test_home_sections(client, world):
    request = RequestFactory().get("/vi/")
    with translation.override("vi"):
        html = render_to_string("thidua_wagtail/includes/home_sections.html", request=request)
    assert_nothing_hidden(html, "Phong trào công khai", "Tin công khai")


def test_search(client, world):
    for q in ("an kin", "ẩn kín", "phong trao", "English only", "campaign", "lay y kien", "nguoi gop y", "dang ky",
              "cam ket"):
        text = body(client, "/vi/tim-kiem/", q=q)
        assert HIDDEN not in text and ENGLISH_ONLY not in text
    html = re.sub(r"</?mark>", "", body(client, "/vi/tim-kiem/", q="cong khai"))
    assert_nothing_hidden(html, "Phong trào công khai", "Người công khai")


def test_feeds(client, world):
    for url in ("/vi/feeds/news/rss/", "/vi/feeds/news/atom/", "/vi/feeds/campaigns/rss/", "/vi/feeds/campaigns/atom/",
                "/vi/feeds/consultations/rss/", "/vi/feeds/consultations/atom/", "/vi/feeds/registrations/rss/",
                "/vi/feeds/registrations/atom/"):
        text = body(client, url)
        assert HIDDEN not in text and ENGLISH_ONLY not in text
    assert HIDDEN not in body(client, "/en/feeds/news/rss/")
    assert "Tin công khai" in body(client, "/vi/feeds/news/rss/")
    assert "Phong trào công khai" in body(client, "/vi/feeds/campaigns/rss/")
    assert "Lấy ý kiến công khai" in body(client, "/vi/feeds/consultations/rss/")
    assert "Đăng ký công khai" in body(client, "/vi/feeds/registrations/rss/")
    assert_nothing_hidden(body(client, "/vi/feeds/news/rss/", campaign=world["visible"].pk), "Tin công khai")


def test_sitemap(client, world):
    xml = body(client, "/sitemap.xml")
    for page in world["hidden"]:
        assert f"/{page.slug}/" not in xml
    # English-only pages are listed under /en/ only, never with a Vietnamese alternate.
    assert f"/vi/phong-trao/{world['en_campaign'].slug}/" not in xml
    assert f"/{world['visible'].slug}/" in xml


def test_api(client, world):
    for endpoint in ("pages", "campaigns", "profiles", "news", "consultations", "registrations"):
        for offset in (0, 20, 40):
            text = body(client, f"/api/v2/{endpoint}/", limit=20, offset=offset)
            assert HIDDEN not in text and "\\u1ea8N" not in text  # all languages: nothing hidden
            text = body(client, f"/api/v2/{endpoint}/", limit=20, offset=offset, locale="vi")
            assert ENGLISH_ONLY not in text  # one language: nothing of the other
    for page in world["hidden"]:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert "Phong trào công khai" in body(client, "/api/v2/campaigns/", locale="vi")
    detail = body(client, f"/api/v2/consultations/{world['consultation'].pk}/")
    assert "Người được đề nghị" in detail and '"comments_received": 1' in detail and HIDDEN not in detail
    # The draft profile is not linked through the nominee, whose API fields leave profiles out.
    assert "\\u1ea8N" not in detail


def test_statistics(client, world):
    html = body(client, world["statistics"].url)
    assert '<th scope="row">1999</th>' not in html  # only hidden profiles have honours in 1999
    assert '<th scope="row">2021</th><td>1</td>' in html


def test_nomination_form_offers_only_public_campaigns(client, world):
    assert_nothing_hidden(body(client, world["nomination"].url), "Phong trào công khai")


def test_hidden_pages_themselves_are_not_served(client, world):
    for page in world["hidden"]:
        response = client.get(page.url) if page.url else None
        if response is not None:
            assert response.status_code in (302, 404) or "password" in response.content.decode().lower()
            assert HIDDEN not in response.content.decode() or response.status_code != 200


def test_a_registration_names_the_person_and_never_links_a_hidden_profile(client, world):
    page = RegistrationPage.objects.get(slug="dang-ky-public")
    html = body(client, page.url)
    assert_nothing_hidden(html, "Đăng ký công khai", "Người đăng ký", "Cam kết công khai")
    assert world["hidden"][1].url not in html if world["hidden"][1].url else True
    detail = body(client, f"/api/v2/registrations/{page.pk}/")
    assert "Người đăng ký" in detail and HIDDEN not in detail and "\\u1ea8N" not in detail
