"""The API reads a site's trees as path ranges (api.site_trees): one language's tree when ``?locale=`` names it, the
root and its translations as one range when no other tree lies between them, never another site's pages."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from thidua_wagtail.api import in_trees, site_roots, site_trees
from thidua_wagtail.models import ExemplaryProfilePage

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


def test_an_unfiltered_listing_is_counted_on_the_page_table_as_wagtail_counts_it(client, sections, unit, locale_en):
    """With no parameter that filters it, a listing's total is counted on Wagtail's page table by type (migration
    0022's index): the same total as the listing's own items, drafts, private pages, other languages and other
    sites left out; a filtered listing is counted as Wagtail counts it."""
    profiles = [factories.make_profile(sections["profiles"], f"Điển hình {i}", unit=unit) for i in range(4)]
    factories.make_profile(sections["profiles"], "Bản nháp", unit=unit, publish=False)
    PageViewRestriction.objects.create(page=profiles[3], restriction_type=PageViewRestriction.PASSWORD, password="x")
    factories.make_profile(sections["profiles"], "Tập thể", unit=unit, kind="collective")
    home = Page.objects.get(pk=sections["profiles"].get_parent().pk)
    factories.translate(home, locale_en)
    factories.translate(sections["profiles"], locale_en)
    factories.translate(profiles[0], locale_en)
    other_home = Page.get_first_root_node().add_child(instance=Page(title="Site khác", slug="khac", locale=home.locale))
    Site.objects.create(hostname="khac.example", port=80, root_page=other_home)
    factories.make_profile(factories.build_sections(other_home)["profiles"], "Người của site khác", unit=unit)

    expected = {"": 5, "?locale=vi": 4, "?locale=en": 1, "?locale=vi&limit=2&offset=1&order=title": 4,
                "?locale=vi&kind=collective": 1, "?search=tap": 1}
    for query, total in expected.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/api/v2/profiles/{query}")
        assert response.status_code == 200, query
        data = response.json()
        assert data["meta"]["total_count"] == total, query
        if "limit" not in query:
            assert len(data["items"]) == total, query
        if "search" not in query:  # a search is counted by the search backend
            counts = [q["sql"] for q in queries.captured_queries if "COUNT(*)" in q["sql"]]
            filtered = "kind=" in query
            assert len(counts) == 1 and ("exemplaryprofilepage" in counts[0]) == filtered, (query, counts)


def test_the_unfiltered_count_reads_the_type_index_alone(sections, unit):
    """Migration 0022's index answers an unfiltered listing's count without reading a row (SQLite's plan says
    "COVERING INDEX"; PostgreSQL plans an index scan of the few test rows differently, so only the index is checked
    there)."""
    factories.make_profile(sections["profiles"], "Nguyễn Văn An", unit=unit)
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Page._meta.db_table)
    assert constraints["thidua_page_type_idx"]["columns"] == ["content_type_id", "locale_id", "live", "path", "depth"]
    if connection.vendor == "sqlite":
        site = Site.objects.get(is_default_site=True)
        pages = Page.objects.type(ExemplaryProfilePage).filter(live=True, locale_id=site.root_page.locale_id)
        sql, params = pages.filter(in_trees(site_roots(site, "vi"))).values("pk").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM ({sql})", params)
            plan = " ".join(str(row) for row in cursor.fetchall())
        assert "COVERING INDEX thidua_page_type_idx" in plan, plan
