"""Bilingual publishing through wagtail-localize: translate, sync, PO round trip, switcher, hreflang, dates."""

import datetime
import re

import pytest
from django.test import TestCase
from django.utils import translation as django_translation
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from thidua_wagtail.i18n import format_date
from thidua_wagtail.models import CampaignPage, Unit

from . import factories
from .factories import translate

D = datetime.date


@pytest.fixture
def campaign(sections, unit):
    plan = factories.make_document()
    campaign = factories.make_campaign(
        sections["campaigns"], "Tuyên truyền Đại hội Thi đua",
        slogan="Thi đua yêu nước",
        purposes="<ul><li>Phát huy tinh thần <b>chủ động</b> sáng tạo</li><li>Nâng cao nhận thức</li></ul>",
        content=[("heading", {"text": "Nội dung tuyên truyền", "level": "h2"}),
                 ("paragraph", '<p>Tuyên truyền trên <a href="http://www.dosttn.gov.vn">trang thông tin</a></p>'),
                 ("quote", {"quote": "Thi đua là yêu nước", "attribution": "Hồ Chí Minh"})],
    )
    campaign.responsibilities.create(unit=unit, responsibility="Theo dõi, đôn đốc triển khai")
    campaign.document_links.create(document=plan)
    campaign.unit_links.create(unit=unit)
    campaign.save_revision().publish()
    return CampaignPage.objects.get(pk=campaign.pk)


TITLES = {"Tuyên truyền Đại hội Thi đua": "Communicating the Emulation Congress", "Phong trào thi đua": "Campaigns",
          "Trang chủ": "Home", "Phòng Quản lý khoa học": "Science Management Division"}


def english(entry):
    return TITLES.get(entry.msgid, f"[EN] {entry.msgid}")


def test_translate_a_campaign_and_publish(client, campaign, locale_en):
    translate(campaign.get_parent(), locale_en, english)
    tr = translate(campaign, locale_en, english)
    en = campaign.get_translation(locale_en)
    assert en.live and en.title == "Communicating the Emulation Congress"
    # Synchronised: dates, type, links; translated: text. Linked snippets are the English copies.
    assert (en.start_date, en.end_date, en.campaign_type) == (campaign.start_date, campaign.end_date, "thematic")
    assert en.slogan == "[EN] Thi đua yêu nước"
    assert en.responsibilities.get().unit.locale == locale_en
    assert en.document_links.get().document.locale == locale_en
    assert en.document_links.get().document.number == "60/KH-KHCN"  # synchronised, never translated
    total, done = tr.get_progress()
    assert total == done and total > 8
    html = client.get(en.url).content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Communicating the Emulation Congress</h1>" in html
    assert "[EN] Nội dung tuyên truyền" in html and "[EN] Theo dõi, đôn đốc triển khai" in html
    assert "26 Aug 2019 – 31 Dec 2020" in re.sub(r"<[^>]+>", "", html)


def test_source_edits_sync_to_the_translation(campaign, locale_en):
    translate(campaign.get_parent(), locale_en, english)
    tr = translate(campaign, locale_en, english)
    # The editor changes the Vietnamese source: new dates and a new slogan.
    campaign.start_date, campaign.end_date = D(2019, 9, 1), D(2021, 6, 30)
    campaign.slogan = "Thi đua yêu nước, lập thành tích"
    campaign.save_revision().publish()
    # "Sync translated pages": update the source, save the English page again.
    TranslationSource.update_or_create_from_instance(campaign)
    tr = Translation.objects.get(pk=tr.pk)
    with TestCase.captureOnCommitCallbacks(execute=True):
        tr.save_target(publish=True)
    en = campaign.get_translation(locale_en)
    assert (en.start_date, en.end_date) == (D(2019, 9, 1), D(2021, 6, 30))
    assert en.title == "Communicating the Emulation Congress"  # translated text kept
    assert en.summary.startswith("[EN] ")
    assert en.slogan == "Thi đua yêu nước, lập thành tích"  # new string: falls back to the source until translated
    total, done = tr.get_progress()
    assert done == total - 1


def test_po_round_trip_loses_no_string(campaign, locale_en):
    translate(campaign.get_parent(), locale_en, english)
    tr = translate(campaign, locale_en)
    po = tr.export_po()
    segments = StringSegment.objects.filter(source=tr.source).count()
    assert len(po) == segments
    contexts = {entry.msgctxt.split(".")[0] for entry in po}
    assert {"title", "slogan", "summary", "purposes", "content", "responsibilities"} <= contexts
    assert any('<a id="a1">' in entry.msgid for entry in po)  # rich text links survive as placeholders
    for entry in po:
        entry.msgstr = f"[EN] {entry.msgid}"
    text = str(po)
    reread = __import__("polib").pofile(text)
    assert tr.import_po(reread) == []
    assert StringTranslation.objects.filter(locale=locale_en, context__object=tr.source.object).count() == len(po)
    with TestCase.captureOnCommitCallbacks(execute=True):
        tr.save_target(publish=True)
    en = campaign.get_translation(locale_en)
    rendered = str(en.content) + en.purposes
    assert "[EN] Phát huy tinh thần <b>chủ động</b> sáng tạo" in en.purposes
    assert '<a href="http://www.dosttn.gov.vn">trang thông tin</a>' in rendered
    assert "[EN] Thi đua là yêu nước" in str(en.content)


def test_snippets_show_english_names_falling_back_to_vietnamese(client, sections, unit, awards, locale_en):
    profile = factories.make_profile(sections["profiles"], "Nguyễn Thị Thu Hà", unit=unit,
                                     honours=[(awards["chien-si-thi-dua-co-so"], 2020)])
    translate(sections["profiles"], locale_en, english)
    translate(profile, locale_en, english)  # the unit and the award come along, not yet translated
    en = profile.get_translation(locale_en)
    html = client.get(en.url).content.decode()
    assert "Phòng Quản lý khoa học" in html and "Chiến sĩ thi đua cơ sở" in html
    unit_en = Unit.objects.get(translation_key=unit.translation_key, locale=locale_en)
    tr = Translation.objects.get(source__object_id=unit.translation_key, target_locale=locale_en)
    po = tr.export_po()
    po[0].msgstr = "Science Management Division"
    tr.import_po(po)
    tr.save_target()
    award_tr = Translation.objects.get(source__object_id=awards["chien-si-thi-dua-co-so"].translation_key,
                                       target_locale=locale_en)
    po = award_tr.export_po()
    po[0].msgstr = "Grassroots Emulation Fighter"
    award_tr.import_po(po)
    award_tr.save_target()
    html = client.get(en.url).content.decode()
    assert "Science Management Division" in html and "Grassroots Emulation Fighter" in html
    assert "Chiến sĩ thi đua cơ sở" not in html
    unit_en.refresh_from_db()
    assert unit_en.name == "Science Management Division"


def switcher(html):
    return re.search(r'<nav class="td-lang".*?</nav>', html, re.S).group(0)


def hreflangs(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([a-z]+)" href="([^"]+)">', html))


def test_switcher_and_hreflang_on_translated_and_untranslated_pages(client, campaign, sections, locale_en):
    translate(campaign.get_parent(), locale_en, english)
    translate(campaign, locale_en, english)
    untranslated = factories.make_campaign(sections["campaigns"], "Phong trào chưa dịch")
    en = campaign.get_translation(locale_en)
    en_index = campaign.get_parent().get_translation(locale_en)

    html = client.get(campaign.url).content.decode()
    assert f'href="{en.url}" lang="en" hreflang="en"' in switcher(html)
    assert hreflangs(html) == {"vi": f"http://testserver{campaign.url}", "en": f"http://testserver{en.url}"}

    html = client.get(en.url).content.decode()
    assert f'href="{campaign.url}" lang="vi" hreflang="vi"' in switcher(html)
    assert '<span aria-current="true" lang="en">English</span>' in switcher(html)

    # Not translated yet: the switcher goes to the section index in English; no English hreflang.
    html = client.get(untranslated.url).content.decode()
    assert f'href="{en_index.url}" lang="en" hreflang="en" title=' in switcher(html)
    assert hreflangs(html) == {"vi": f"http://testserver{untranslated.url}"}


def test_switcher_hreflang_breadcrumbs_and_og_locale_read_the_pages_once(client, campaign, sections, home, locale_en,
                                                                        settings):
    """The language switcher, the hreflang links, og:locale and the breadcrumbs come from one query of the page's
    lineage (its ancestors and their translations) when nothing is cached; a private translation is not offered."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import PageViewRestriction

    translate(campaign.get_parent(), locale_en, english)
    translate(campaign, locale_en, english)
    en = campaign.get_translation(locale_en)
    settings.THIDUA_PAGE_CACHE_TIMEOUT = settings.THIDUA_FRAGMENT_CACHE_TIMEOUT = 0
    client.get(campaign.url)  # Wagtail's site root paths and the renditions are made once
    with CaptureQueriesContext(connection) as queries:
        html = client.get(campaign.url).content.decode()
    sql = [query["sql"] for query in queries]
    assert len([q for q in sql if '"translation_key" IN (SELECT' in q]) == 1, sql
    assert not [q for q in sql if 'FROM "wagtailcore_locale" WHERE "wagtailcore_locale"."id" =' in q], sql
    assert hreflangs(html) == {"vi": f"http://testserver{campaign.url}", "en": f"http://testserver{en.url}"}
    assert '<meta property="og:locale" content="vi_VN">' in html
    assert '<meta property="og:locale:alternate" content="en_GB">' in html
    crumbs = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>',
                        re.search(r'<nav class="td-breadcrumbs.*?</nav>', html, re.S).group(0))
    assert crumbs == [(home.url, "Trang chủ"), (sections["campaigns"].url, sections["campaigns"].title)]

    # The English campaign made private: the switcher offers the English index instead, and no English hreflang.
    PageViewRestriction.objects.create(page=en, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(campaign.url).content.decode()
    assert hreflangs(html) == {"vi": f"http://testserver{campaign.url}"}
    assert f'href="{campaign.get_parent().get_translation(locale_en).url}" lang="en"' in switcher(html)
    assert "og:locale:alternate" not in html


def test_each_locale_lists_only_its_own_pages(client, campaign, sections, locale_en):
    translate(campaign.get_parent(), locale_en, english)
    translate(campaign, locale_en, english)
    factories.make_campaign(sections["campaigns"], "Chỉ có tiếng Việt")
    vi_html = client.get(sections["campaigns"].url).content.decode()
    en_html = client.get(campaign.get_parent().get_translation(locale_en).url).content.decode()
    assert "Tuyên truyền Đại hội Thi đua" in vi_html and "Chỉ có tiếng Việt" in vi_html
    assert "Communicating the Emulation Congress" not in vi_html
    assert "Communicating the Emulation Congress" in en_html
    assert "Chỉ có tiếng Việt" not in en_html and "Tuyên truyền Đại hội Thi đua</a>" not in en_html


@pytest.mark.parametrize("language,long,short", [
    ("vi", "ngày 26 tháng 8 năm 2019", "26/8/2019"),
    ("en", "26 August 2019", "26 Aug 2019"),
])
def test_dates_as_each_language_writes_them(language, long, short):
    with django_translation.override(language):
        assert format_date(D(2019, 8, 26)) == long
        assert format_date(D(2019, 8, 26), "short") == short


def test_news_page_dates_in_both_languages(client, sections, locale_en):
    news = factories.make_news(sections["news"], "Tin ngày 26/8", date=D(2019, 8, 26))
    assert "ngày 26 tháng 8 năm 2019" in client.get(news.url).content.decode()
    translate(sections["news"], locale_en, english)
    translate(news, locale_en, english)
    en = news.get_translation(locale_en)
    assert "26 August 2019" in client.get(en.url).content.decode()
