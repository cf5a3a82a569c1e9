"""End to end in a real browser: Playwright driving Debian's Chromium (installed by `make browser`) against a live
server. An editor builds content in the admin and translates it; a visitor filters, switches language, searches
without diacritics and nominates. Every public page type is checked with axe-core in both languages, and
screenshots at 360 px and 1280 px are written to test-artifacts/screenshots/."""

import os
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from thidua_wagtail.models import CampaignPage, ExemplaryProfilePage, NewsPage, Nomination, OfficialDocument

try:
    from playwright.sync_api import expect
except ImportError:  # reported by the browser fixture
    expect = None

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"

# A live server needs committed data; serialized_rollback restores what migrations created (the root page, the
# default collection) after each test, which a plain transactional test would flush away.
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def browser(monkeypatch):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (installs Debian's chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()


@pytest.fixture
def demo_site(home, locale_en, settings):
    # Wagtail 8 autosaves the editor every 500 ms. The live test server is threaded and, on SQLite in memory,
    # shares one connection between threads, so an autosave racing the "publish" request could undo it; a real
    # server has a connection per thread. Autosave is off for these tests only.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("thidua_demo", stdout=open(os.devnull, "w"))
    get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    return home


def login(page, live_server):
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw")
    page.click("form button[type=submit]:not([aria-label])")
    page.wait_for_url(re.compile(r".*/admin/$"))


def publish(page):
    page.click("footer .w-dropdown__toggle")
    with page.expect_navigation():  # wait for the server's answer, not just for the click
        page.click("button[name=action-publish]")
    assert page.locator(".messages .success").count() == 1, page.locator(".messages").all_inner_texts()


def link_campaign(page, inline, query, title):
    """Add a row to an inline panel and choose a campaign in Wagtail's page chooser, by searching for it."""
    page.click(f"#id_{inline}-ADD")
    page.locator(f"[id^=id_{inline}-0] button.chooser__choose-button").first.click()
    modal = page.locator(".modal").filter(has=page.locator("input[name=q]:visible")).first
    modal.locator("input[name=q]").fill(query)
    modal.get_by_role("link", name=title).first.click()
    expect(page.locator(f"[id^=id_{inline}-0] .chooser__title").first).to_have_text(title)


def add_paragraph(page, text):
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Đoạn văn").click()
    editor = page.locator(".public-DraftEditor-content").last
    editor.wait_for()
    editor.click()
    editor.press_sequentially(text, delay=5)
    # Draftail copies its content to the form's hidden input after a short debounce.
    page.wait_for_function("document.querySelector(\"input[name='body-0-value']\").value.includes('tham gia')")


def test_editor_builds_and_translates_content(browser, live_server, demo_site):
    from thidua_wagtail.models import CampaignIndexPage, NewsIndexPage, ProfileIndexPage

    campaigns = CampaignIndexPage.objects.get(locale__language_code="vi")
    profiles = ProfileIndexPage.objects.get(locale__language_code="vi")
    news = NewsIndexPage.objects.get(locale__language_code="vi")
    page = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="vi-VN")
    login(page, live_server)

    page.goto(f"{live_server.url}/admin/pages/add/thidua_wagtail/campaignpage/{campaigns.pk}/")
    page.fill("#id_title", "Thi đua chuyển đổi số 2027")
    page.select_option("#id_campaign_type", "thematic")
    page.fill("#id_launching_authority", "Sở Khoa học và Công nghệ")
    page.fill("#id_start_date", "2027-01-01")
    page.fill("#id_end_date", "2027-12-31")
    page.fill("#id_summary", "Đẩy mạnh chuyển đổi số trong các phòng, đơn vị.")
    page.get_by_role("tab", name="Quảng bá").click()
    page.fill("#id_slug", "thi-dua-chuyen-doi-so-2027")
    publish(page)
    campaign = CampaignPage.objects.get(slug="thi-dua-chuyen-doi-so-2027")
    assert campaign.live and campaign.campaign_type == "thematic"

    page.goto(f"{live_server.url}/admin/pages/add/thidua_wagtail/exemplaryprofilepage/{profiles.pk}/")
    page.fill("#id_title", "Đặng Thị Mai")
    page.fill("#id_year_recognised", "2027")
    page.fill("#id_position", "Chuyên viên")
    page.fill("#id_achievements", "Số hóa toàn bộ hồ sơ khoa học của Sở.")
    link_campaign(page, "campaign_links", "chuyển đổi số", "Thi đua chuyển đổi số 2027")
    page.get_by_role("tab", name="Quảng bá").click()
    page.fill("#id_slug", "dang-thi-mai")
    publish(page)
    profile = ExemplaryProfilePage.objects.get(slug="dang-thi-mai")
    assert profile.live and [link.campaign for link in profile.campaign_links.all()] == [campaign]

    page.goto(f"{live_server.url}/admin/pages/add/thidua_wagtail/newspage/{news.pk}/")
    page.fill("#id_title", "Phát động thi đua chuyển đổi số")
    page.fill("#id_summary", "Sở phát động phong trào thi đua chuyển đổi số năm 2027.")
    add_paragraph(page, "Các phòng, đơn vị đăng ký tham gia.")
    link_campaign(page, "related_campaigns", "chuyển đổi số", "Thi đua chuyển đổi số 2027")
    page.get_by_role("tab", name="Quảng bá").click()
    page.fill("#id_slug", "phat-dong-chuyen-doi-so")
    publish(page)
    item = NewsPage.objects.get(slug="phat-dong-chuyen-doi-so")
    assert item.live and "Các phòng, đơn vị đăng ký tham gia." in str(item.body)
    assert [link.campaign for link in item.related_campaigns.all()] == [campaign]
    # The campaign page now shows its profile and its news.
    page.goto(live_server.url + CampaignPage.objects.get(pk=campaign.pk).url)
    expect(page.locator("main")).to_contain_text("Đặng Thị Mai")
    expect(page.locator("main")).to_contain_text("Phát động thi đua chuyển đổi số")

    # Translate the campaign into English with wagtail-localize and publish it.
    page.goto(f"{live_server.url}/admin/localize/submit/page/{campaign.pk}/")
    page.check("input[name=locales]")
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.get_by_role("button", name="Dịch").first.click()
    page.locator("textarea").first.fill("Digital transformation emulation 2027")
    page.get_by_role("button", name="Lưu").first.click()
    page.wait_for_timeout(500)
    with page.expect_navigation():
        page.click("footer button:has-text('Xuất bản bản dịch')")
    english = CampaignPage.objects.get(translation_key=campaign.translation_key, locale__language_code="en")
    assert english.live and english.title == "Digital transformation emulation 2027"
    page.goto(live_server.url + english.url)
    assert page.locator("h1").inner_text() == "Digital transformation emulation 2027"
    assert page.locator("html").get_attribute("lang") == "en"


def test_visitor_filters_switches_language_searches_and_nominates(browser, live_server, demo_site):
    page = browser.new_page(viewport={"width": 360, "height": 800}, locale="vi-VN")
    page.goto(live_server.url + "/vi/dien-hinh-tien-tien/")
    page.select_option("#id_kind", "collective")
    with page.expect_navigation():
        page.click("form.td-filters button[type=submit]")
    titles = page.locator(".td-card__title").all_inner_texts()
    assert titles and set(titles) == {"Phòng Quản lý khoa học", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ"}
    assert "kind=collective" in page.url

    with page.expect_navigation():
        page.click("a[hreflang=en]")
    assert page.locator("html").get_attribute("lang") == "en" and "/en/" in page.url

    page.goto(live_server.url + "/vi/phong-trao-thi-dua/")
    page.fill("input[name=q]", "dien hinh tien tien")
    with page.expect_navigation():
        page.press("input[name=q]", "Enter")
    results = page.locator(".td-card__title").all_inner_texts()
    assert any("Điển hình tiên tiến" in re.sub(r"\s+", " ", r) or "điển hình tiên tiến" in r for r in results), results

    page.goto(live_server.url + "/vi/de-cu-dien-hinh-tien-tien/")
    page.check("input[name=kind][value=individual]")
    page.fill("#id_nominee_name", "Lý Thị Hoa")
    page.select_option("#id_unit", label="Văn phòng Sở")
    page.fill("#id_achievements", "Tham mưu tổ chức thành công hội nghị điển hình tiên tiến của Sở.")
    page.fill("#id_nominator_name", "Nguyễn Văn Khách")
    page.fill("#id_nominator_email", "khach@example.org")
    page.check("#id_consent")
    with page.expect_navigation():
        page.click("form.td-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".td-success").is_visible()
    nomination = Nomination.objects.get(nominee_name="Lý Thị Hoa")
    assert nomination.unit.name == "Văn phòng Sở" and nomination.status == "new"




def public_urls(lang):
    from wagtail.models import Locale

    from thidua_wagtail.models import (
        CampaignIndexPage,
        ConsultationIndexPage,
        ConsultationPage,
        NewsIndexPage,
        NominationPage,
        ProfileIndexPage,
        RegistrationIndexPage,
        RegistrationPage,
        StatisticsPage,
    )

    locale = Locale.objects.get(language_code=lang)
    first = lambda model: model.objects.live().filter(locale=locale).order_by("path").first()  # noqa: E731
    search = "tim-kiem/" if lang == "vi" else "search/"
    return {
        "campaigns": first(CampaignIndexPage).url,
        "campaign": CampaignPage.objects.live().filter(locale=locale, document_links__isnull=False).first().url,
        "profiles": first(ProfileIndexPage).url,
        "profile": first(ExemplaryProfilePage).url,
        "news-list": first(NewsIndexPage).url,
        "news": first(NewsPage).url,
        "search": f"/{lang}/{search}?q=" + ("dien+hinh" if lang == "vi" else "exemplary"),
        "nomination": first(NominationPage).url,
        "statistics": first(StatisticsPage).url,
        "register": "/vi/tra-cuu-khen-thuong/?q=nguyen+thi" if lang == "vi" else "/en/honours/",
        "decision": ("/vi/tra-cuu-khen-thuong/quyet-dinh/" if lang == "vi" else "/en/honours/decision/")
        + f"{OfficialDocument.objects.get(locale=locale, doc_type='decision', number='1456/QĐ-CTN').pk}/",
        "documents": "/vi/van-ban-thi-dua/" if lang == "vi" else "/en/documents/",
        "document": ("/vi/van-ban-thi-dua/" if lang == "vi" else "/en/documents/")
        + f"{OfficialDocument.objects.get(locale=locale, number='60/KH-KHCN').pk}/",
        "organisation": "/vi/co-cau-to-chuc/" if lang == "vi" else "/en/organisation/",
        "consultations": first(ConsultationIndexPage).url,
        # The open one, with its comment form.
        "consultation": ConsultationPage.objects.live().filter(locale=locale).order_by("-opens_on").first().url,
        # The year with results: the board's table at its widest.
        "registrations": first(RegistrationIndexPage).url + "?year=2025",
        "registration": RegistrationPage.objects.live().filter(locale=locale, year=2025).order_by("path").first().url,
    }


def test_public_pages_are_accessible_and_photographed(browser, live_server, demo_site):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for lang in ("vi", "en"):
        for name, url in public_urls(lang).items():
            for width in (360, 1280):
                page = browser.new_page(viewport={"width": width, "height": 900})
                response = page.goto(live_server.url + url)
                assert response.status == 200, url
                page.screenshot(path=str(SHOTS / f"{lang}-{name}-{width}.png"), full_page=True)
                if width == 1280:
                    results = axe.run(page)
                    for violation in results.response["violations"]:
                        if violation["impact"] in ("serious", "critical"):
                            problems.append(f"{lang} {name}: {violation['id']} ({violation['impact']}): "
                                            f"{violation['help']} — {violation['nodes'][0]['target']}")
                    # The page reads in its language and has one main landmark and one h1.
                    assert page.locator("html").get_attribute("lang") == lang
                    assert page.locator("main").count() == 1 and page.locator("h1").count() == 1, url
                    # Nothing wider than the viewport at 360 px is checked below.
                else:
                    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                    assert overflow <= 1, f"{url} scrolls sideways at 360 px ({overflow} px)"
                page.close()
    assert problems == []
    assert len(list(SHOTS.glob("*.png"))) >= 4 * len(public_urls("vi"))


def test_inside_a_site_s_own_layout_the_app_keeps_the_site_s_look(browser, live_server, demo_site, settings):
    """Issue 16: with THIDUA_BASE_TEMPLATE, the app's stylesheet styles only its own markup: the site's body keeps
    its margins, font and background, its header its font; the app's cards are still styled."""
    settings.THIDUA_BASE_TEMPLATE = "site_base.html"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    profiles = ExemplaryProfilePage.objects.live().filter(locale__language_code="vi").first().get_parent()
    assert page.goto(live_server.url + profiles.url).status == 200
    page.screenshot(path=str(SHOTS / "vi-inside-site-layout-1280.png"), full_page=True)
    style = page.evaluate("""() => {
        const s = (el) => getComputedStyle(el);
        return {bodyMargin: s(document.body).margin, bodyBackground: s(document.body).backgroundColor,
                bodyFont: s(document.body).fontFamily,
                headerFont: s(document.getElementById('another-department-header')).fontFamily,
                cardBackground: s(document.querySelector('.td-card')).backgroundColor};
    }""")
    assert style["bodyMargin"] == "8px"  # the browser's own, as the site left it
    assert style["bodyBackground"] == "rgba(0, 0, 0, 0)" and not style["bodyFont"].startswith("system-ui")
    assert style["headerFont"] == style["bodyFont"]
    assert style["cardBackground"] == "rgb(255, 255, 255)"  # the app's own components keep their look
    assert "thidua-layout.css" not in page.content()


def test_an_article_prints_with_its_title_date_and_source_without_the_site_s_chrome(browser, live_server, demo_site):
    """Issue 21 (Decree 42/2022/NĐ-CP, Art. 7): the print button (shown where scripts run) and the print
    stylesheet: the article with its title, date, source address and organisation; no header, menu, search or
    footer. Printed to PDF and photographed as printed."""
    from thidua_wagtail.models import NewsPage

    news = NewsPage.objects.filter(locale__language_code="vi").live().order_by("-date").first()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    assert page.goto(live_server.url + news.url).status == 200
    assert page.locator(".td-print__button").is_visible()  # the script ran
    assert page.locator(".td-header").is_visible() and not page.locator(".td-print__source").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".td-header").is_visible() and not page.locator(".td-nav").is_visible()
    assert not page.locator(".td-footer").is_visible() and not page.locator(".td-print__button").is_visible()
    source = page.locator(".td-print__source")
    assert source.is_visible() and f"Nguồn: {live_server.url}{news.url}" in source.inner_text()
    assert page.locator("h1").inner_text() == news.title and page.locator(".td-page-header time").is_visible()
    page.screenshot(path=str(SHOTS / "vi-news-printed.png"), full_page=True)
    pdf = page.pdf(path=str(SHOTS / "vi-news-printed.pdf"), format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


# Words of English UI text: every word of the Wagtail, wagtail-localize and app msgids, less the proper names and
# technical names a Vietnamese admin keeps (docs/glossary-vi.md).
KEPT_NAMES = {"wagtail", "localize", "url", "urls", "api", "csv", "xlsx", "json", "html", "javascript", "embedly",
              "email", "http", "https", "utc", "pdf", "id", "english", "admin",
              # Wagtail's aging-pages report prints a page's missing "last published" date as Python's None (the
              # home page Wagtail's migration creates was never published through Wagtail): a value, not a string
              # of any catalogue. Left as is rather than copying the report's whole template.
              "none"}
VIETNAMESE_LETTERS = re.compile(r"[À-ỹĐđ]")  # no IGNORECASE: it would take "i" for "ı" and "s" for "ſ"
TIME_ZONE = re.compile(r"\b(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/|"
                       r"^[A-Za-z_+-]+: (GMT|UTC|[A-Z]{2,5})\b")


def english_words():
    import polib

    from thidua_wagtail.wagtail_catalogue import DOMAINS, source_entries

    words = set()
    for domain in DOMAINS:
        for entry, _path in source_entries(domain).values():
            text = re.sub(r"%\([a-z_]+\)[sd]|\{[a-z_]*\}|<[^>]+>", " ", f"{entry.msgid} {entry.msgid_plural}")
            words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", text))
    app = polib.pofile(str(Path(__file__).resolve().parent.parent / "thidua_wagtail/locale/vi/LC_MESSAGES/django.po"))
    for entry in app:
        words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"%\([a-z_]+\)[sd]", " ", entry.msgid)))
    return words - KEPT_NAMES


def content_strings():
    """What editors wrote (titles, names, user names): English in the English tree is content, not interface."""
    from django.contrib.auth.models import Group
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Task, Workflow

    from thidua_wagtail.models import Award, Unit
    from thidua_wagtail.models import CampaignPage as Campaign

    found = set(Page.objects.values_list("title", flat=True))
    found |= set(Campaign.objects.values_list("summary", flat=True)) | set(
        Campaign.objects.values_list("slogan", flat=True))
    for model, fields in ((Unit, ("name", "short_name")), (Award, ("name", "legal_basis")), (Group, ("name",)),
                          (OfficialDocument, ("title", "issuing_body", "summary")), (Workflow, ("name",)),
                          (Task, ("name",))):
        for field in fields:
            found |= set(model.objects.values_list(field, flat=True))
    found |= set(get_image_model().objects.values_list("title", flat=True))
    found |= set(get_document_model().objects.values_list("title", flat=True))
    found |= set(get_user_model().objects.values_list("username", flat=True))
    return {text for text in found if text}


def vietnamese_ascii_words():
    """Vietnamese syllables written without marks ("trang", "tin", "thi"…), from the Vietnamese catalogues: not
    English even when an English msgid has the same letters."""
    import polib

    root = Path(__file__).resolve().parent.parent / "thidua_wagtail"
    words = set()
    for path in [*root.glob("locale/vi/LC_MESSAGES/*.po"), *root.glob("wagtail_locale/vi/LC_MESSAGES/*.po")]:
        for entry in polib.pofile(str(path)):
            text = re.sub(r"%\([a-z_]+\)[sd]|\{[a-z_]*\}|<[^>]+>", " ", entry.msgstr or entry.msgstr_plural.get(0, ""))
            words.update(w.lower() for w in re.findall(r"[A-Za-zÀ-ỹđĐ]+", text) if not VIETNAMESE_LETTERS.search(w))
    return words


def english_lines(text, words, vietnamese, content, names=("Tiếng Việt", "English")):
    """The lines of ``text`` that still hold an English word once what editors wrote (``content``) and the names of
    the languages are taken out: a word of the English msgids (``words``) that is not also a Vietnamese syllable
    (``vietnamese``)."""
    left = []
    for line in {line.strip() for line in text.splitlines()}:
        rest = line
        for item in sorted(content | set(names), key=len, reverse=True):
            rest = rest.replace(item, " ")
        if TIME_ZONE.search(rest):  # the time zone menu: "Asia/Ho_Chi_Minh: …", names of places
            continue
        found = [w for w in re.findall(r"\w+", rest) if len(w) >= 3 and w.isascii() and w.isalpha()
                 and w.lower() in words and w.lower() not in vietnamese]
        if found:
            left.append(line)
    return sorted(left)


def test_the_editors_screens_are_in_vietnamese(browser, live_server, demo_site):
    """Issue 18: the editor's main screens, as Chromium shows them to an editor whose admin is in Vietnamese, hold
    no English interface string (the sidebar and the translation editor are drawn by JavaScript, from the jsi18n
    catalogues). The English strings found are listed in test-artifacts/admin-english.txt."""
    from wagtail.models import Page
    from wagtail_localize.models import Translation

    from thidua_wagtail.models import (
        CampaignIndexPage,
        ContentFeedback,
        NewsIndexPage,
        NominationPage,
        ProfileIndexPage,
        RegistrationIndexPage,
        RegistrationPage,
        StatisticsPage,
        Unit,
    )

    vi_pages = Page.objects.filter(locale__language_code="vi")
    edits = [model.objects.filter(locale__language_code="vi").first() for model in (
        CampaignIndexPage, CampaignPage, ProfileIndexPage, ExemplaryProfilePage, NewsIndexPage, NewsPage,
        NominationPage, StatisticsPage, RegistrationIndexPage, RegistrationPage)]
    english_campaign = CampaignPage.objects.filter(locale__language_code="en").first()
    assert all(edits) and english_campaign is not None and Translation.objects.exists()
    urls = ["/admin/", f"/admin/pages/{demo_site.pk}/", f"/admin/pages/{vi_pages.filter(depth=3).first().pk}/",
            *[f"/admin/pages/{page.pk}/edit/" for page in edits],
            f"/admin/pages/{english_campaign.pk}/edit/",  # wagtail-localize's translation editor
            "/admin/snippets/", "/admin/snippets/thidua_wagtail/unit/", "/admin/snippets/thidua_wagtail/award/",
            "/admin/snippets/thidua_wagtail/officialdocument/", "/admin/images/", "/admin/documents/",
            "/admin/workflows/list/", "/admin/workflows/tasks/index/", "/admin/reports/locked/",
            "/admin/reports/site-history/", "/admin/reports/aging-pages/", "/admin/reports/thidua-honours/",
            "/admin/settings/thidua_wagtail/organisationsettings/", "/admin/users/", "/admin/groups/", "/admin/locales/", "/admin/collections/",
            "/admin/account/", "/admin/thidua_nominations/", "/admin/thidua_plan_import/",
            "/admin/reports/thidua-compliance/", "/admin/reports/thidua-feedback/",
            f"/admin/snippets/thidua_wagtail/unit/edit/{Unit.objects.filter(locale__language_code='vi').first().pk}/"]
    ContentFeedback.objects.create(page=edits[5], language="vi", useful=False, comment="Thiếu ảnh")
    words, vietnamese, content = english_words(), vietnamese_ascii_words(), content_strings()
    page = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="vi-VN")
    login(page, live_server)
    found = {}
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
        text = page.locator("body").inner_text()
        placeholders = page.eval_on_selector_all("[placeholder]", "els => els.map(e => e.placeholder)")
        if left := english_lines("\n".join([text, *placeholders]), words, vietnamese, content):
            found[url] = left
    SHOTS.parent.mkdir(parents=True, exist_ok=True)
    (SHOTS.parent / "admin-english.txt").write_text(
        "\n".join(f"{url}\n" + "\n".join(f"    {line}" for line in lines) for url, lines in found.items()) or
        "No English interface string on the editor's screens.\n", encoding="utf-8")
    assert found == {}


def test_the_nomination_form_works_with_the_keyboard_alone(browser, live_server, demo_site):
    """Issue 21 (Circular 26/2020/TT-BTTTT): a visitor who cannot use a mouse skips to the content, reaches every
    field of the nomination form in order with Tab, sees where the focus is, fills it in and sends it with the
    keyboard alone; the robots' trap field is never reached."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page.goto(live_server.url + "/vi/de-cu-dien-hinh-tien-tien/")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.getAttribute('href')")
    assert skip and skip.startswith("#"), skip  # the first stop is the skip link
    page.keyboard.press("Enter")
    typed = {"id_nominee_name": "Đinh Thị Bàn Phím", "id_position": "Chuyên viên", "id_unit_name": "Tổ Công nghệ số",
             "id_achievements": "Hoàn thành xuất sắc nhiệm vụ chuyển đổi số của Sở.",
             "id_nominator_name": "Người dùng bàn phím", "id_nominator_email": "banphim@example.org"}
    reached, unfocused = [], []
    for _step in range(80):
        page.keyboard.press("Tab")
        state = page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
            return {id: e.id, tag: e.tagName, type: e.type || "", name: e.name || "",
                    shown: s.outlineStyle !== "none" && s.outlineWidth !== "0px" || s.boxShadow !== "none"}; }""")
        key = state["id"] or state["name"] or state["tag"]
        reached.append(key)
        if not state["shown"]:
            unfocused.append(key)
        if key in typed:
            page.keyboard.type(typed[key], delay=2)
        elif key == "id_kind_0":
            page.keyboard.press("Space")
        elif key == "id_consent":
            page.keyboard.press("Space")
        elif state["tag"] == "BUTTON" and state["type"] == "submit" and "id_consent" in reached:
            break
    # Every field, in the order the page shows them (one stop per radio group), with nothing skipped.
    fields = page.evaluate("""() => [...document.querySelectorAll(
        "form.td-form input, form.td-form select, form.td-form textarea")].filter(e => e.type !== "hidden" && e.tabIndex >= 0 && e.offsetParent !== null
        && !(e.type === "radio" && !e.id.endsWith("_0"))).map(e => e.id)""")
    assert {"id_kind_0", "id_nominee_name", "id_achievements", "id_nominator_email", "id_consent"} <= set(fields)
    assert [key for key in reached if key in fields] == fields, reached
    assert "id_website" not in reached and unfocused == [], unfocused
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".td-success").is_visible(), page.locator(".td-form__field--error").all_inner_texts()
    nomination = Nomination.objects.get(nominee_name="Đinh Thị Bàn Phím")
    assert nomination.kind == "individual" and nomination.unit_name == "Tổ Công nghệ số" and nomination.consent


def test_the_feedback_form_works_with_the_keyboard_alone(browser, live_server, demo_site):
    """Issue 21 (Circular 26/2020/TT-BTTTT): under an article, a keyboard user reaches the question, opens the
    comment box, types a comment and answers "Yes" without a mouse, every stop showing its focus; the answer is
    said in place (aria-live) and stored with the comment; the robots' trap is never reached."""
    from thidua_wagtail.models import ContentFeedback

    news = NewsPage.objects.live().filter(locale__language_code="vi").order_by("path").first()
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page.goto(live_server.url + news.url)
    page.locator(".td-feedback").scroll_into_view_if_needed()
    page.evaluate("document.querySelector('.td-feedback').previousElementSibling?.setAttribute('tabindex', '-1')")
    page.evaluate("(document.querySelector('.td-feedback').previousElementSibling || document.body).focus()")
    reached, unfocused = [], []
    for _step in range(40):
        page.keyboard.press("Tab")
        state = page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
            return {id: e.id, tag: e.tagName, value: e.value || "", inForm: !!e.closest(".td-feedback"),
                    shown: s.outlineStyle !== "none" && s.outlineWidth !== "0px" || s.boxShadow !== "none"}; }""")
        key = state["id"] or (state["tag"] + ":" + state["value"])
        if not state["inForm"]:
            if reached:
                break
            continue
        reached.append(key)
        if not state["shown"]:
            unfocused.append(key)
        if state["tag"] == "SUMMARY":
            page.keyboard.press("Enter")  # opens the comment box
        elif key == "td-feedback-comment":
            page.keyboard.type("Bài viết rõ ràng, dễ hiểu.", delay=2)
        elif key == "BUTTON:yes":
            page.keyboard.press("Enter")
            break
    assert reached == ["SUMMARY:", "td-feedback-comment", "BUTTON:yes"], reached
    assert unfocused == [] and "td-feedback-website" not in reached
    status = page.locator(".td-feedback__status")
    status.wait_for(state="visible")
    assert status.inner_text() == "Cảm ơn bạn đã cho ý kiến."
    assert page.evaluate("document.activeElement.classList.contains('td-feedback__status')")
    feedback = ContentFeedback.objects.get(page=news)
    assert feedback.useful and feedback.comment == "Bài viết rõ ràng, dễ hiểu." and feedback.language == "vi"
