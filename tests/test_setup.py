"""Bootstrapping a site (`thidua_setup`) and rendering inside the site's own base template."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from thidua_wagtail.models import (
    CampaignIndexPage,
    ConsultationIndexPage,
    NewsIndexPage,
    NominationPage,
    ProfileIndexPage,
    RegistrationIndexPage,
    StatisticsPage,
)

from . import factories

STATIC = Path(__file__).resolve().parent.parent / "thidua_wagtail" / "static" / "thidua_wagtail" / "css"

MODELS = (CampaignIndexPage, ProfileIndexPage, NewsIndexPage, RegistrationIndexPage, ConsultationIndexPage, NominationPage,
          StatisticsPage)


def setup(*args):
    out = io.StringIO()
    call_command("thidua_setup", *args, stdout=out)
    return out.getvalue()


def test_creates_every_section_in_every_language_once(client, home, locale_en):
    output = setup()
    assert "Sections: 15 created, 0 already present." in output  # 7 sections x 2 languages + the English home
    for model in MODELS:
        vi = model.objects.get(locale__language_code="vi")
        en = model.objects.get(locale__language_code="en")
        assert vi.get_parent().pk == home.pk and vi.live and en.live and vi.show_in_menus
        assert en.translation_key == vi.translation_key  # translations of each other: the switcher links them
    assert CampaignIndexPage.objects.get(locale__language_code="vi").title == "Phong trào thi đua"
    assert CampaignIndexPage.objects.get(locale__language_code="en").url == "/en/emulation-campaigns/"
    assert StatisticsPage.objects.get(locale__language_code="vi").url == "/vi/thong-ke-thi-dua-khen-thuong/"
    assert home.get_translation(locale_en).live
    assert "Sections: 0 created, 14 already present." in setup()
    assert sum(model.objects.count() for model in MODELS) == 14
    for model in MODELS:
        for page in model.objects.all():
            with translation.override(page.locale.language_code):
                assert client.get(page.url).status_code == 200, page.url


def test_titles_slugs_and_a_subset(home, locale_en):
    setup("--sections", "news,statistics", "--title", "news=Tin tức", "--title", "news:en=News",
          "--slug", "statistics=so-lieu")
    news = NewsIndexPage.objects.get(locale__language_code="vi")
    assert (news.title, news.slug) == ("Tin tức", "tin-tuc")
    assert NewsIndexPage.objects.get(locale__language_code="en").title == "News"
    assert StatisticsPage.objects.get(locale__language_code="vi").slug == "so-lieu"
    assert not CampaignIndexPage.objects.exists() and not NominationPage.objects.exists()
    # Sections that exist are kept as they are, whatever the options say.
    setup("--title", "news=Tin khác")
    assert NewsIndexPage.objects.get(locale__language_code="vi").title == "Tin tức"
    assert CampaignIndexPage.objects.count() == 2


@pytest.mark.parametrize("args,message", [
    (["--sections", "campaigns,blog"], "Unknown section(s): blog"),
    (["--title", "blog=Blog"], "Unknown section 'blog'"),
    (["--title", "news"], "--title takes SECTION=VALUE"),
    (["--site", "nowhere.example"], "No site with hostname 'nowhere.example'."),
])
def test_bad_options_are_command_errors(home, args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        setup(*args)
    assert not CampaignIndexPage.objects.exists()


def test_pages_extend_the_site_base_template_when_set(client, sections, settings):
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào của Sở Tư pháp")
    html = client.get(campaign.url).content.decode()
    assert 'class="td-header"' in html and "another-department-header" not in html  # the app's own layout
    settings.THIDUA_BASE_TEMPLATE = "site_base.html"
    for url in (campaign.url, sections["campaigns"].url, "/vi/tim-kiem/?q=tu+phap"):
        html = client.get(url).content.decode()
        assert "another-department-header" in html and "another-department-footer" in html, url
        assert 'class="td-header"' not in html, url  # not the app's header
        assert "/static/thidua_wagtail/css/thidua.css" in html and "/static/another-department.css" in html, url
        assert "thidua-layout.css" not in html, url  # the app's page-wide rules are its own layout's only
    html = client.get(campaign.url).content.decode()
    assert "<h1>Phong trào của Sở Tư pháp</h1>" in html and 'rel="canonical"' in html


def test_the_app_s_stylesheet_can_be_turned_off_and_styles_only_its_own_markup(client, sections, settings):
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào của Sở Tư pháp")
    html = client.get(campaign.url).content.decode()
    assert "/static/thidua_wagtail/css/thidua-layout.css" in html and "/static/thidua_wagtail/css/thidua.css" in html
    settings.THIDUA_STYLESHEET = None
    settings.THIDUA_PAGE_CACHE_TIMEOUT = settings.THIDUA_FRAGMENT_CACHE_TIMEOUT = 0
    html = client.get(campaign.url).content.decode()
    assert "thidua.css" not in html and "thidua-layout.css" not in html
    # Every rule of thidua.css is on the app's own classes: none on body, bare links, headings or images.
    css = re.sub(r"/\*.*?\*/", "", (STATIC / "thidua.css").read_text(encoding="utf-8"), flags=re.S)
    css = re.sub(r"@media[^{]*{", "", css)  # the rules inside a media query are read like the others
    selectors = [part.strip() for rule in re.findall(r"([^{}]+){[^{}]*}", css)
                 for part in re.split(r",(?![^(]*\))", rule)]  # not at the commas inside :is(…)
    assert len(selectors) > 100
    assert [s for s in selectors if not s.startswith((".td", ":root", "[class"))] == []


def test_uninstall_removes_what_the_app_added_and_names_what_the_site_may_keep(home, locale_en, unit):
    """Issue 16: the English home copy thidua_setup made, the groups and the workflow of thidua_setup_workflow go
    with the app's pages; the site's own page stays, and the locale is named, not deleted."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Locale, Page, Workflow

    from thidua_wagtail.roles import OFFICE_GROUP, TASK_NAME, WORKFLOW_NAME

    setup()
    call_command("thidua_setup_workflow", stdout=io.StringIO())
    english_home = home.get_translation(locale_en)
    own = home.add_child(instance=Page(title="Giới thiệu", slug="gioi-thieu"))
    assert Group.objects.filter(name__startswith="Thi đua").count() == 3  # Office, translators, one unit
    with pytest.raises(CommandError, match="1 home page translations"):
        call_command("thidua_uninstall")
    out = io.StringIO()
    call_command("thidua_uninstall", "--yes", stdout=out)
    output = out.getvalue()
    assert "Deleted 14 pages" in output and "3 groups, 1 workflows, 1 home page translations" in output
    assert not Page.objects.filter(pk=english_home.pk).exists()
    assert Page.objects.filter(pk__in=[home.pk, own.pk]).count() == 2
    assert not Group.objects.filter(name__startswith="Thi đua").exists() and not Group.objects.filter(
        name=OFFICE_GROUP).exists()
    assert not Workflow.objects.filter(name=WORKFLOW_NAME).exists()
    assert not GroupApprovalTask.objects.filter(name=TASK_NAME).exists()
    assert Locale.objects.filter(language_code="en").exists()
    assert "Kept the locale “en”, which no page uses now" in output


def test_uninstall_keeps_a_home_copy_the_site_has_built_on(home, locale_en):
    from wagtail.models import Page

    setup()
    english_home = home.get_translation(locale_en)
    english_home.add_child(instance=Page(title="About", slug="about", locale=locale_en))
    out = io.StringIO()
    call_command("thidua_uninstall", "--yes", stdout=out)
    assert Page.objects.filter(pk=english_home.pk).exists()
    assert f"Kept the home page translation {english_home.url_path} (en), which has pages of your own" in out.getvalue()


def test_system_checks_warn_about_settings_that_harm_the_site_or_the_app(monkeypatch, settings):
    """Issue 16: simple_translation beside wagtail-localize (two "Translate" actions), two locale screens, no
    Vietnamese content language: `manage.py check` says so, with what to do."""
    from types import SimpleNamespace

    from thidua_wagtail import checks

    assert checks.check_translation_apps(None) == [] and checks.check_vietnamese(None) == []
    monkeypatch.setattr(checks, "settings", SimpleNamespace(
        INSTALLED_APPS=["wagtail.contrib.simple_translation", "wagtail_localize", "wagtail.locales",
                        "wagtail_localize.locales"], WAGTAIL_I18N_ENABLED=True))
    assert [w.id for w in checks.check_translation_apps(None)] == ["thidua_wagtail.W001", "thidua_wagtail.W002"]
    assert "two \"Translate\" actions" in checks.check_translation_apps(None)[0].msg
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES = [("en", "English"), ("fr", "Français")]
    warning, = checks.check_vietnamese(None)
    assert warning.id == "thidua_wagtail.W004" and "LANGUAGE_CODE) can stay" in warning.hint
    monkeypatch.setattr(checks, "settings", SimpleNamespace(WAGTAIL_I18N_ENABLED=False))
    assert [w.id for w in checks.check_vietnamese(None)] == ["thidua_wagtail.W003"]


@pytest.mark.urls("tests.urls_host_site")
def test_the_app_joins_the_site_s_own_api_router_and_sitemap_index(client, sections):
    """Issue 16: the documented way to combine the app's API endpoints and sitemap with a site's own."""
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào thi đua chung")
    data = client.get("/api/v2/campaigns/").json()
    assert [item["title"] for item in data["items"]] == ["Phong trào thi đua chung"]
    assert client.get("/api/v2/pages/", {"type": "thidua_wagtail.CampaignPage"}).json()["meta"]["total_count"] == 1
    assert client.get("/api/v2/images/").status_code == 200  # the site's own endpoint is still there
    index = client.get("/sitemap.xml").content.decode()
    assert "<sitemapindex" in index
    assert "http://testserver/sitemap-pages.xml" in index and "http://testserver/sitemap-static.xml" in index
    pages = client.get("/sitemap-pages.xml").content.decode()
    assert f"<loc>http://localhost{campaign.url}</loc>" in pages  # the site's hostname, as Wagtail knows it
    assert "/contact/</loc>" in client.get("/sitemap-static.xml").content.decode()


@pytest.mark.urls("tests.urls_unprefixed")
def test_a_site_without_language_prefixes_keeps_its_addresses(client, english_site):
    """Issue 16: the site's own pages answer where they did, for every visitor's language; the app's pages are
    unprefixed in the default language and under /vi/ in Vietnamese."""
    from wagtail.models import Page

    english_site.add_child(instance=Page(title="About", slug="about"))
    setup()
    for accept in ("vi", "en", ""):
        for url in ("/", "/about/", "/emulation-campaigns/"):
            response = client.get(url, HTTP_ACCEPT_LANGUAGE=accept)
            assert response.status_code == 200, (url, accept)
    html = client.get("/vi/phong-trao-thi-dua/").content.decode()
    assert '<html lang="vi">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/emulation-campaigns/">' in html
    assert '<a href="/emulation-campaigns/" lang="en" hreflang="en">English' in html  # the language switcher
    assert client.get("/tra-cuu-khen-thuong/").status_code == 404  # the register's English address is /honours/
    assert client.get("/honours/").status_code == 200 and client.get("/vi/tra-cuu-khen-thuong/").status_code == 200


def test_an_unprefixed_address_leads_to_the_language_its_page_is_in(client, sections, locale_en):
    """Issue 16: a site that moves to language prefixes keeps its old addresses working for every visitor: an
    unprefixed address goes to the visitor's language when the page exists in it, else to the language it exists
    in; an address no page has stays a 404 (not a redirect to a 404)."""
    from wagtail.models import Page

    home = sections["campaigns"].get_parent()
    english_home = home.copy_for_translation(locale_en)
    english_home.save_revision().publish()
    english_home.add_child(instance=Page(title="About us", slug="about-us", locale=locale_en))
    vietnamese_list = sections["campaigns"].url  # /vi/phong-trao/ (no English translation here)
    for accept, url, expected in (("vi", "/about-us/", "/en/about-us/"), ("en", "/about-us/", "/en/about-us/"),
                                  ("en", vietnamese_list.removeprefix("/vi"), vietnamese_list),
                                  ("vi", "/tra-cuu-khen-thuong/", "/vi/tra-cuu-khen-thuong/")):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=accept)
        assert (response.status_code, response["Location"]) == (302, expected), (accept, url)
    assert client.get("/nowhere/", HTTP_ACCEPT_LANGUAGE="vi").status_code == 404
