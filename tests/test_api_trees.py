"""The API reads a site's trees as path ranges (api.site_trees): one language's tree when ``?locale=`` names it, the
root and its translations as one range when no other tree lies between them, never another site's pages."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from thidua_wagtail.api import site_trees

from . import factories


def profile_titles(client, query=""):
    response = client.get(f"/api/v2/profiles/{query}")
    assert response.status_code == 200
    return sorted(item["title"] for item in response.json()["items"])


def test_one_range_for_a_root_and_its_translations(client, sections, unit, locale_en):
    factories.make_profile(sections["profiles"], "Nguyễn Văn An", unit=unit)
    home = sections["profiles"].get_parent()
    factories.translate(home, locale_en)
    site = Site.objects.get(is_default_site=True)
    assert str(site_trees(site)).count("path__range") == 1  # vi and en trees, side by side: one range
    assert str(site_trees(site, "vi")).count("path__range") == 1
    assert profile_titles(client, "?locale=vi") == ["Nguyễn Văn An"]
    assert profile_titles(client, "?locale=en") == []


def test_another_site_between_the_trees_is_left_out(client, sections, unit, locale_en):
    """A second site's root made between the home page and its English translation: its pages stay out."""
    factories.make_profile(sections["profiles"], "Nguyễn Văn An", unit=unit)
    home = Page.objects.get(pk=sections["profiles"].get_parent().pk)
    other_home = Page.get_first_root_node().add_child(instance=Page(title="Site khác", slug="khac", locale=home.locale))
    Site.objects.create(hostname="khac.example", port=80, root_page=other_home)
    other_sections = factories.build_sections(other_home)
    factories.make_profile(other_sections["profiles"], "Người của site khác", unit=unit)
    factories.translate(home, locale_en)
    english_home = home.get_translation(locale_en)
    assert home.path < other_home.path < english_home.path
    site = Site.objects.get(is_default_site=True)
    assert str(site_trees(site)).count("path__range") == 2
    assert profile_titles(client) == ["Nguyễn Văn An"]
    assert profile_titles(client, "?locale=vi") == ["Nguyễn Văn An"]
    other = client.get("/api/v2/profiles/", {"site": "khac.example"}).json()["items"]
    assert [item["title"] for item in other] == ["Người của site khác"]


def test_the_listing_reads_no_view_restriction_join_and_one_tree(client, sections, unit):
    """Wagtail's base queryset joined the view restrictions to every page (SQLite scanned every page for it); the
    app's reads the restrictions through querysets.public, and the listing's page query is one path range."""
    for i in range(3):
        factories.make_profile(sections["profiles"], f"Điển hình {i}", unit=unit)
    client.get("/api/v2/profiles/?locale=vi")  # the restrictions and locales now in the cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v2/profiles/?locale=vi&limit=20")  # another key: not the cached answer
    assert response.status_code == 200 and response.json()["meta"]["total_count"] == 3
    sqls = [q["sql"] for q in queries.captured_queries]
    assert not any('FROM "wagtailcore_pageviewrestriction" INNER JOIN' in sql for sql in sqls), sqls
    listing = [sql for sql in sqls if "LIMIT 20" in sql and "exemplaryprofilepage" in sql]
    assert len(listing) == 1 and listing[0].count("BETWEEN") == 1, listing


def test_a_listing_reads_the_sites_trees_once_and_a_page_still_names_its_parent(client, sections, unit, locale_en):
    """The root and its translations are read in one query, once a listing (the base queryset of every language,
    which only a page's parent needs, is not made for a listing); a page's own answer still names its parent."""
    profile = factories.make_profile(sections["profiles"], "Nguyễn Văn An", unit=unit)
    factories.translate(Page.objects.get(pk=sections["profiles"].get_parent().pk), locale_en)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v2/profiles/?locale=vi&fields=title")
    assert [item["title"] for item in response.json()["items"]] == ["Nguyễn Văn An"]
    roots = [q["sql"] for q in queries.captured_queries if '"wagtailcore_page"."translation_key" = (SELECT' in q["sql"]]
    assert len(roots) == 1, roots
    detail = client.get(f"/api/v2/profiles/{profile.pk}/").json()
    assert detail["meta"]["parent"]["id"] == sections["profiles"].pk
