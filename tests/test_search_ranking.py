"""Search ranks in one full-text pass (search.SQLiteRankedPages; search.PostgresRankedPages counts in the
ranked query): the same pages in the same order as Wagtail's own backends, in a number of queries that does not
grow with the matches."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from thidua_wagtail import search

from . import factories

# On PostgreSQL a query with many candidates is ranked top-k (PostgresWindowedPages), with the backend's own score.
RANKED = {"sqlite": search.SQLiteRankedPages,
          "postgresql": (search.PostgresRankedPages, search.PostgresWindowedPages)}


def make_site(sections, unit, n):
    for i in range(n):
        # Matches of differing strength: in the title, in the summary only, once or several times.
        if i % 3 == 0:
            factories.make_profile(sections["profiles"], f"Điển hình tiên tiến số {i}", unit=unit,
                                   achievements="Thành tích trong phong trào")
        elif i % 3 == 1:
            factories.make_profile(sections["profiles"], f"Nguyễn Văn {i}", unit=unit,
                                   achievements="Một điển hình của phong trào, điển hình tiên tiến, điển hình")
        else:
            factories.make_news(sections["news"], f"Tin số {i}", summary="Tuyên dương điển hình tiên tiến")
    factories.make_news(sections["news"], "Tin không liên quan", summary="Hội nghị tổng kết")


@pytest.mark.parametrize("selective", [1000, 1])
def test_same_pages_in_the_same_order_as_wagtails_backend(sections, unit, selective, monkeypatch):
    """On PostgreSQL both ways: narrowed to the candidates the GIN indexes give (few matches) and not (many)."""
    monkeypatch.setattr(search.PostgresRankedPages, "SELECTIVE", selective)
    make_site(sections, unit, 24)
    locale = Locale.objects.get(language_code="vi")
    results = search.search_pages("dien hinh", locale)
    assert isinstance(results, RANKED[connection.vendor])
    queryset = Page.objects.live().public().filter(locale=locale).type(*search.page_types().values())
    expected = [page.pk for page in queryset.search("dien hinh", operator="and")]
    assert results.count() == len(expected) == 24
    assert [page.pk for page in results[0:100]] == expected
    assert [page.pk for page in results[5:10]] == expected[5:10]
    assert results[30:40] == [] and results[3:3] == []
    # Profiles only, and a query matching nothing.
    profiles = search.search_pages("dien hinh", locale, "profile")
    assert profiles.count() == 16 and all(p.content_type.model == "exemplaryprofilepage" for p in profiles[0:20])
    assert search.search_pages("khong co gi", locale).count() == 0


def test_query_count_does_not_grow_with_matches(sections, unit):
    locale = Locale.objects.get(language_code="vi")
    # Django keeps content types for the life of the process: read once here, not in whichever round comes first.
    search.search_pages("dien hinh tien tien", locale).count()
    counts = []
    for n in (6, 30):
        make_site(sections, unit, n)
        with CaptureQueriesContext(connection) as queries:
            results = search.search_pages("dien hinh tien tien", locale)
            results.prefetch(0, 12)
            total, shown = results.count(), results[0:12]
        counts.append(len(queries))
        assert len(shown) == min(12, total) and total > 0
    # SQLite: the ranked slice, the pages and the count (FTS5 cannot count beside bm25()). PostgreSQL: how many
    # candidates the GIN indexes give, the ranked ids with their count, the pages. (View restrictions are cached.)
    assert counts[0] == counts[1] <= (4 if connection.vendor == "sqlite" else 3), counts


def test_prefetched_slice_serves_the_paginator(sections, unit):
    """The search view prefetches the slice its page shows: Paginator's count and slice are then free, on any page
    including a short last one."""
    from django.core.paginator import Paginator

    make_site(sections, unit, 30)  # 30 matches: pages of 12, 12 and 6
    locale = Locale.objects.get(language_code="vi")
    expected = [page.pk for page in search.search_pages("dien hinh", locale)[0:30]]
    for number in (1, 3):
        results = search.search_pages("dien hinh", locale)
        results.prefetch((number - 1) * 12, number * 12)
        with CaptureQueriesContext(connection) as queries:
            page = Paginator(results, 12).get_page(number)
            shown = [p.pk for p in page.object_list]
        assert shown == expected[(number - 1) * 12:number * 12] and page.paginator.count == 30
        assert len(queries) == 0  # the count arrived with the slice, on SQLite too
    # Past the last page: the count is asked for, and the last page shown.
    results = search.search_pages("dien hinh", locale)
    results.prefetch(48, 60)
    page = Paginator(results, 12).get_page(5)
    assert page.number == 3 and [p.pk for p in page.object_list] == expected[24:]


def test_unpublished_and_other_language_pages_are_not_found(sections, unit, locale_en):
    factories.make_profile(sections["profiles"], "Điển hình nháp", unit=unit, publish=False)
    shown = factories.make_profile(sections["profiles"], "Điển hình công khai", unit=unit)
    results = search.search_pages("dien hinh", Locale.objects.get(language_code="vi"))
    assert [page.pk for page in results[0:10]] == [shown.pk]
    assert search.search_pages("dien hinh", locale_en).count() == 0


def test_a_broad_search_offers_and_counts_the_best_results_only(client, sections, unit, settings):
    """Past THIDUA_SEARCH_MAX_RESULTS the count stops and the page says there are more: a query matching every
    profile is not counted in full."""
    settings.THIDUA_SEARCH_MAX_RESULTS = 10
    make_site(sections, unit, 24)
    locale = Locale.objects.get(language_code="vi")
    results = search.search_pages("dien hinh", locale)
    best = [page.pk for page in results[0:10]]
    assert results.count() == 10 and results.more
    narrow = search.search_pages("hoi nghi tong ket", locale)
    assert narrow.count() == 1 and not narrow.more
    html = client.get("/vi/tim-kiem/", {"q": "dien hinh"}).content.decode()
    assert "Hơn 10 kết quả cho “dien hinh”" in html
    assert html.count('class="td-result"') == 10 and 'rel="next"' not in html
    settings.THIDUA_SEARCH_MAX_RESULTS = 1000
    assert [page.pk for page in search.search_pages("dien hinh", locale)[0:10]] == best  # the same best ten
    html = client.get("/vi/tim-kiem/", {"q": "dien hinh", "x": "1"}).content.decode()
    assert "24 kết quả cho “dien hinh”" in html


@pytest.mark.parametrize("selective", [1000, 1])
def test_a_search_matching_more_than_the_window_ranks_its_newest_matches_only(sections, unit, settings, selective,
                                                                              monkeypatch):
    """Top-k (THIDUA_SEARCH_RANK_WINDOW): past the window, the newest matches (one more than the window) are ranked,
    in the backend's own order, and the count stops there; the older matches are not scored. On PostgreSQL, with
    few candidates (narrowed by the GIN indexes) every match is ranked, as before."""
    monkeypatch.setattr(search.PostgresRankedPages, "SELECTIVE", selective)
    settings.THIDUA_SEARCH_RANK_WINDOW = 5
    make_site(sections, unit, 24)
    locale = Locale.objects.get(language_code="vi")
    visible = Page.objects.live().public().filter(locale=locale).type(*search.page_types().values())
    matching = [page.pk for page in visible.search("dien hinh", operator="and")]
    results = search.search_pages("dien hinh", locale)
    results.prefetch(0, 12)
    shown = [page.pk for page in results[0:results.count()]]
    assert results.count() == 5 and results.more
    if connection.vendor == "postgresql" and selective == 1000:
        assert isinstance(results, search.PostgresRankedPages)  # narrowed first: every match ranked
        assert shown == matching[:5]
        return
    # The newest six matches (pages are indexed as they are created), in the backend's own order.
    newest = sorted(matching, reverse=True)[:6]
    expected = [page.pk for page in visible.filter(pk__in=newest).search("dien hinh", operator="and")]
    assert shown == expected[:5]
    assert set(shown) <= set(newest) and len(set(matching)) == 24
    # Without a window (0), every match is ranked again: the backend's best five.
    settings.THIDUA_SEARCH_RANK_WINDOW = 0
    everything = search.search_pages("dien hinh", locale)
    assert [page.pk for page in everything[0:5]] == matching[:5] and everything.count() == 24


def test_the_page_indexes_are_there_and_the_menu_reads_them(sections):
    """Migrations 0019 and 0020's indexes on Wagtail's page table: the children of a page are read from their own
    rows (the menu's query no longer reads every page below the home page)."""
    from thidua_wagtail.querysets import public

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Page._meta.db_table)
    assert constraints["thidua_page_listing_idx"]["columns"] == ["depth", "path", "live", "content_type_id"]
    assert "thidua_page_depth_path_idx" not in constraints  # 0020 widened it
    assert constraints["thidua_page_locale_id_idx"]["columns"] == ["locale_id", "id"]
    if connection.vendor == "sqlite":
        home = sections["profiles"].get_parent()
        sql, params = public(home.get_children().live()).in_menu().query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " ".join(str(row) for row in cursor.fetchall())
        assert "thidua_page_listing_idx" in plan, plan


def make_documents(locale_en):
    """Documents matching "ke hoach" with differing strength, a private one, an English one, one matching nothing;
    and profiles matching the same words (entries of another type the match must leave out)."""
    texts = [
        ("Kế hoạch thi đua năm 2024", "Kế hoạch tổ chức phong trào"),
        ("Quyết định khen thưởng", "Thực hiện kế hoạch số 60 về kế hoạch khen thưởng theo kế hoạch"),
        ("Kế hoạch", ""),
        ("Công văn về hội nghị", "Triển khai kế hoạch"),
        ("Hướng dẫn chấm điểm", "Không liên quan"),
    ]
    documents = [factories.make_document(f"{i}/KH", title=title, summary=summary)
                 for i, (title, summary) in enumerate(texts * 2)]
    factories.make_document("99/KH", title="Kế hoạch nội bộ", is_public=False)
    factories.make_document("98/KH", title="Kế hoạch bằng tiếng Anh", locale=locale_en)
    return documents


def test_documents_matched_among_documents_and_ranked_as_wagtails_backend(sections, unit, locale_en):
    """search.SQLiteRankedDocuments: the same documents in the same order (score, then the newest) as Wagtail's
    SQLite backend, found among the documents' entries alone (the match asks for their marker); on another
    database the backend's own results."""
    from wagtail.search.backends import get_search_backend

    from thidua_wagtail.models import OfficialDocument

    documents = make_documents(locale_en)
    # More entries of other types than documents: the marker is then a rare word to FTS5's bm25(), which would
    # score it (weighing each document by the length of its autocomplete text) had its column any weight.
    for i in range(24):
        factories.make_profile(sections["profiles"], f"Người lập kế hoạch {i}", unit=unit)
    locale = Locale.objects.get(language_code="vi")
    public = OfficialDocument.objects.filter(locale=locale, is_public=True)
    for query in ("ke hoach", "kế hoạch khen thưởng", "hoi nghi", "khong co gi", "60/KH"):
        results = search.search_documents(query, locale)
        expected = [document.pk for document in get_search_backend().search(
            search.search_terms(query), public, operator="and", order_by_relevance=True)]
        assert [document.pk for document in results[0:50]] == expected, query
        assert results.count() == len(expected), query
        assert sorted(public.filter(pk__in=search.matching_document_ids(query, locale)).values_list("pk", flat=True)) \
            == sorted(expected), query
    assert len(search.search_documents("ke hoach", locale)[0:50]) == 8  # 4 of the 5 texts, twice each
    assert documents[4].pk not in [d.pk for d in search.search_documents("ke hoach", locale)[0:50]]
    if connection.vendor == "sqlite":  # matched among the documents' entries: the match asks for their marker
        with CaptureQueriesContext(connection) as queries:
            assert len(search.search_documents("ke hoach", locale)[0:3]) == 3
        marker = f'{{autocomplete}} : "{OfficialDocument.SEARCH_MARKER}"'
        assert [marker in query["sql"] for query in queries.captured_queries] == [True, False], queries.captured_queries


def test_documents_indexed_before_the_marker_are_marked_by_migration_0023(sections, locale_en):
    """Entries indexed before ``OfficialDocument.SEARCH_MARKER`` are found once migration 0023 has added it."""
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    from thidua_wagtail.models import OfficialDocument

    if connection.vendor != "sqlite":
        pytest.skip("the marker is asked for by the SQLite search only")
    document = factories.make_document("5/KH", title="Kế hoạch thi đua")
    locale = Locale.objects.get(language_code="vi")
    assert [d.pk for d in search.search_documents("ke hoach", locale)[0:5]] == [document.pk]
    entries = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(OfficialDocument))
    entries.update(autocomplete="5/KH Kế hoạch thi đua")  # as indexed before the marker
    assert search.search_documents("ke hoach", locale)[0:5] == []
    migration = importlib.import_module("thidua_wagtail.migrations.0023_document_search_marker")
    editor = SimpleNamespace(connection=connection)  # all the migration reads of it (a test runs in a transaction)
    migration.mark(apps, editor)
    migration.mark(apps, editor)  # twice: the marker is added once
    assert entries.get().autocomplete == f"5/KH Kế hoạch thi đua {OfficialDocument.SEARCH_MARKER}"
    assert [d.pk for d in search.search_documents("ke hoach", locale)[0:5]] == [document.pk]
