"""Site search across campaigns, exemplary profiles, news and official documents.

The query is cleaned (control characters dropped, length capped) and folded like the
indexed ``folded_search_text`` (see ``text.fold``), so diacritics and case do not matter.
Pages are ranked together by the search backend; documents, which have no page of their
own, are searched separately and shown beside them.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import Count, Window
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext_lazy
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import get_descendants_content_types_pks

from .compat import postgres_rank_weights
from .conf import thidua_settings
from .models import OfficialDocument
from .pagetypes import detail_types
from .querysets import public
from .text import fold

DOCUMENT_TYPE = "document"
DOCUMENT_LABEL = pgettext_lazy("official document", "Document")


def page_types():
    """``{key: page type}`` of the types searched (each declares its key and label in its ``card``)."""
    return {model.card.key: model for model in detail_types()}


def type_choices():
    """The search page's "In" choices: each page type, then documents."""
    return [(key, model.card.label) for key, model in page_types().items()] + [(DOCUMENT_TYPE, DOCUMENT_LABEL)]


def clean_query(query):
    """Drop control and format characters, collapse spaces, cap the length."""
    query = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in query or "")
    return " ".join(query.split())[: thidua_settings.SEARCH_MAX_QUERY_LENGTH]


def search_terms(query):
    """The folded words of ``query``: punctuation and operators never reach the full-text engine
    (SQLite's FTS5 and PostgreSQL's tsquery each give them meanings of their own)."""
    return " ".join(re.findall(r"\w+", fold(query)))


def search_pages(query, locale, page_type=None):
    """Live, public pages of ``locale`` matching ``query``, best first: a ``RankedPages`` to count and slice
    (Wagtail's own search results with a search backend other than the database ones)."""
    types = page_types()
    models = [types[page_type]] if page_type else list(types.values())
    queryset = public(Page.objects.live()).filter(locale=locale).type(*models)
    terms = search_terms(query)
    if not terms:
        return queryset.none()
    if SQLiteRankedPages.applies(queryset):
        return SQLiteRankedPages(queryset, terms)
    postgres = PostgresRankedPages.applies(queryset)
    if postgres:
        candidates = PostgresRankedPages.candidates(terms)
        if PostgresRankedPages.selective(candidates, queryset.db):
            queryset = queryset.filter(pk__in=candidates)
        elif rank_window():
            return PostgresWindowedPages(queryset, terms)
    results = queryset.search(terms, operator="and")
    if postgres and callable(getattr(results, "get_queryset", None)):
        return PostgresRankedPages(results)
    return results


def page_entry_types():
    """Placeholders and parameters of ``content_type_id IN (…)`` for the search index entries of pages (each
    page's entry is kept under its own page type)."""
    types = get_descendants_content_types_pks(Page)
    return ", ".join(["%s"] * len(types)), types


def rank_window():
    """How many matches a search ranks at most (``THIDUA_SEARCH_RANK_WINDOW``; 0 or None: every match)."""
    return thidua_settings.SEARCH_RANK_WINDOW or 0


def offered_at_most():
    """How many results a search offers at most: ``THIDUA_SEARCH_MAX_RESULTS``, and no more than it ranks."""
    window = rank_window()
    return min(thidua_settings.SEARCH_MAX_RESULTS, window) if window else thidua_settings.SEARCH_MAX_RESULTS


class RankedPages:
    """Search results read a slice at a time, whose total arrives with the slice (a window count) instead of
    from a full-text match of its own: ``prefetch()`` the slice the page will show, then count and slice.

    Subclasses implement ``fetch(start, stop)`` (the pages and the total, None when the slice is empty) and
    ``count_matches()``.
    """

    ordered = True  # for Django's Paginator

    def __init__(self):
        self._count = None
        self._fetched = None  # (start, pages)

    def fetch(self, start, stop):
        raise NotImplementedError

    def count_matches(self):
        raise NotImplementedError

    def prefetch(self, start, stop):
        pages, total = self.fetch(start, stop)
        self._fetched = (start, pages)
        if total is not None:
            self._count = total

    def count(self):
        """The number of matches, at most ``THIDUA_SEARCH_MAX_RESULTS`` (and ``THIDUA_SEARCH_RANK_WINDOW``): beyond
        it, only the first so many are offered (``more`` says there are more), as search engines do, and counting
        stops there."""
        if self._count is None:
            self._count = self.count_matches()
        return min(self._count, offered_at_most())

    @property
    def more(self):
        """Whether more pages match than are offered."""
        return self.count() < self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step is not None:
            raise TypeError("search results are read a slice at a time")
        start = max(key.start or 0, 0)
        stop = self.count() if key.stop is None else key.stop
        if stop <= start:
            return []
        if self._fetched is not None:
            first, pages = self._fetched
            end = stop if self._count is None else min(stop, self._count)
            if first <= start and end <= first + len(pages):
                return pages[start - first:end - first]
        pages, total = self.fetch(start, stop)
        if total is not None:
            self._count = total
        return pages

    def __iter__(self):
        return iter(self[0:None])


def fts_words(terms):
    """An FTS5 match of every word of ``terms`` in the title or body, as Wagtail's SQLite backend matches them."""
    # Only word characters get here (search_terms); quoted all the same, as the backend quotes them.
    words = " AND ".join('"{}"'.format(word.replace('"', '""')) for word in terms.split())
    return f"{{title body}} : ({words})"


class SQLiteRankedPages(RankedPages):
    """Pages matching ``terms`` in SQLite's full-text index, ranked in one pass.

    Wagtail's SQLite backend (django-modelsearch 1.3) gives each match its score through a correlated subquery
    that runs the full-text MATCH again for every matching page: "dien hinh" over 7,000 matching pages took 19 s.
    Here the MATCH runs once, scoring each index entry with FTS5's ``bm25()`` weighted as the backend weights it
    (by the entry's ``title_norm``), and the pages are filtered and ordered in the same statement: the same
    matches in the same order (best score first, then the newest page) as the backend gives.

    Top-k: a query matching more than ``THIDUA_SEARCH_RANK_WINDOW`` pages ranks only the most recently indexed of
    them (FTS5 reads its matches newest entry first and stops there, scoring only those), so that a query matching
    every profile costs what a query matching a thousand does; the number of matches arrives with the ranked slice.
    A query matching fewer is ranked whole, exactly as before.
    """

    FTS_TABLE = "wagtailsearch_indexentry_fts"
    ENTRY_TABLE = "wagtailsearch_indexentry"

    def __init__(self, queryset, terms):
        super().__init__()
        self.queryset = queryset
        self.match = fts_words(terms)

    @classmethod
    def applies(cls, queryset):
        module = type(get_search_backend()).__module__
        return connections[queryset.db].vendor == "sqlite" and module.endswith("backends.database.sqlite.sqlite")

    def _execute(self, select, tail="", params=(), wrap=("", "")):
        fts, entries = self.FTS_TABLE, self.ENTRY_TABLE
        placeholders, types = page_entry_types()
        # Each match's page looked up by its id: a query stopping early (the bounded count) reads only the pages it
        # needs, where ``IN (pages)`` had SQLite build the set of every visible page first (10 ms at 17,000 pages).
        pages = self.queryset.filter(pk=RawSQL("CAST(e.object_id AS INTEGER)", ())).order_by().values("pk")
        pages_sql, pages_params = pages.query.sql_with_params()
        # A page has one index entry, under its own page type (hence no grouping: FTS5 refuses bm25() there).
        sql = (
            f"{wrap[0]}SELECT {select} FROM {fts} JOIN {entries} e ON {fts}.rowid = e.id "
            f"WHERE {fts} MATCH %s AND e.content_type_id IN ({placeholders}) AND EXISTS ({pages_sql}) {tail}{wrap[1]}"
        )
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, [self.match, *types, *pages_params, *params])
            return cursor.fetchall()

    def count_matches(self):
        # Counting stops one past the most offered: a broad query ("dien hinh", every profile) is not counted in full.
        bound = offered_at_most() + 1
        return self._execute("COUNT(*) FROM (SELECT 1", f"LIMIT {int(bound)})")[0][0]

    def fetch(self, start, stop):
        score = f"CAST(e.object_id AS INTEGER) AS id, bm25({self.FTS_TABLE}) * (e.title_norm + 1.0) AS score"
        window = rank_window()
        if window:
            # The newest window + 1 matches (one more than ranked says there are more), scored as they are read,
            # then ranked; the total comes with them (FTS5 refuses bm25() beside a window function, not over a CTE).
            rows = self._execute(
                score, f"ORDER BY {self.FTS_TABLE}.rowid DESC LIMIT {int(window) + 1}", (stop - start, start),
                wrap=("WITH w AS MATERIALIZED (", ") SELECT id, score, (SELECT COUNT(*) FROM w) FROM w "
                      "ORDER BY score, id DESC LIMIT %s OFFSET %s"),
            )
            total = rows[0][2] if rows else None
        else:
            rows = self._execute(score, "ORDER BY score, id DESC LIMIT %s OFFSET %s", (stop - start, start))
            total = None  # counted apart (a quick query)
        ids = list(dict.fromkeys(row[0] for row in rows))
        pages = Page.objects.in_bulk(ids)
        return [pages[pk] for pk in ids if pk in pages], total


class PostgresRankedPages(RankedPages):
    """Wagtail's PostgreSQL search, narrowed first by the index and counted in the ranked query.

    Wagtail's backend matches ``title || body`` against the query, an expression no index covers: every entry is
    read, whatever the query (50 ms at 14,000 entries for a query matching two). ``candidates()`` are the pages
    whose entry has each word in its title or its body, which the GIN indexes on both columns answer (3 ms for that
    query); when they are few (``selective()``), the search is narrowed to them first, and Wagtail's own match,
    ranking and order then apply unchanged. When most pages match, the narrowing would cost more than it saves,
    and is left out. The total comes with the ranked page (a window count) rather than from a second full-text
    match.
    """

    SELECTIVE = 1000  # at most this many candidate entries: narrow the search to them

    def __init__(self, results):
        super().__init__()
        self.results = results

    @classmethod
    def applies(cls, queryset):
        module = type(get_search_backend()).__module__
        return connections[queryset.db].vendor == "postgresql" and module.endswith("backends.database.postgres.postgres")

    @staticmethod
    def tsquery(query, backend):
        """SQL and parameters of ``to_tsquery(query)`` in ``backend``'s text search configuration, if it has one."""
        config = getattr(backend, "config", None)
        if config:
            return "to_tsquery(%s::regconfig, %s)", [config, query]
        return "to_tsquery(%s)", [query]

    @classmethod
    def match(cls, terms):
        """SQL and parameters of "index entry ``e`` holds each of ``terms`` in its title or its body": the backend's
        match of ``title || body``, in a form the GIN indexes on each column answer."""
        backend = get_search_backend()  # a new backend object at each call: made once for every word
        clauses, params = [], []
        for word in terms.split():  # word characters only (search_terms), quoted as the backend quotes them
            tsquery, lexeme = cls.tsquery(f"'{word}'", backend)
            clauses.append(f"(e.title @@ {tsquery} OR e.body @@ {tsquery})")
            params += lexeme + lexeme
        return " AND ".join(clauses), params

    @classmethod
    def candidates(cls, terms, model=Page):
        """SQL of the ids of ``model``'s objects (pages by default) whose index entry matches ``terms``."""
        match, params = cls.match(terms)
        types = get_descendants_content_types_pks(model)
        placeholders = ", ".join(["%s"] * len(types))
        sql = (
            "SELECT e.object_id::integer FROM wagtailsearch_indexentry e "
            f"WHERE e.content_type_id IN ({placeholders}) AND {match}"
        )
        return RawSQL(sql, [*types, *params])

    @classmethod
    def selective(cls, candidates, using):
        """Whether ``candidates`` are few enough to narrow the search to (one quick, bounded query)."""
        sql, params = candidates.sql, candidates.params
        with connections[using].cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql} LIMIT %s) c", [*params, cls.SELECTIVE + 1])
            return cursor.fetchone()[0] <= cls.SELECTIVE

    def fetch(self, start, stop):
        # Ids and the total only: the ranked rows that PostgreSQL sorts (and passes between its parallel workers)
        # stay narrow; the page's dozen pages are read afterwards by primary key.
        ranked = self.results.get_queryset().annotate(thidua_total=Window(Count("pk")))
        rows = list(ranked.values_list("pk", "thidua_total")[start:stop])
        pages = Page.objects.in_bulk([pk for pk, _total in rows])
        return [pages[pk] for pk, _total in rows if pk in pages], (rows[0][1] if rows else None)

    def count_matches(self):
        return self.results.count()


class PostgresWindowedPages(RankedPages):
    """A broad query on PostgreSQL (more candidates than ``PostgresRankedPages.SELECTIVE``), ranked top-k: only its
    ``THIDUA_SEARCH_RANK_WINDOW`` newest matches are scored.

    Scoring is what costs (``ts_rank()`` of each match: 170 ms for the 21,000 pages matching "dien hinh" at three
    times the benchmark's size). Here the visible pages are read newest first, each page's index entry (kept under
    the page's own type) looked up by its key and matched, until the window is full, and only those are scored,
    with the backend's own score (``ts_rank`` of the title times its ``title_norm``, plus that of the body, with the
    backend's weights): a query matching every page costs what one matching a thousand does. When fewer pages match
    than the window holds, every match is scored, and the order is the backend's.
    """

    def __init__(self, queryset, terms):
        super().__init__()
        self.queryset = queryset
        self.terms = terms

    def _window(self, select, select_params=()):
        """SQL and parameters of the window: the newest matching pages, one more than ranked (the count then says
        there are more), with ``select`` computed from the page ``p`` and its entry ``e``."""
        match, params = PostgresRankedPages.match(self.terms)
        pages = self.queryset.order_by().values_list("id", "content_type_id")
        pages_sql, pages_params = pages.query.sql_with_params()
        sql = (
            f"SELECT p.id AS id, m.score AS score FROM ({pages_sql}) p CROSS JOIN LATERAL (SELECT {select} AS score "
            "FROM wagtailsearch_indexentry e WHERE e.content_type_id = p.content_type_id "
            f"AND e.object_id = p.id::varchar(50) AND {match} LIMIT 1) m ORDER BY p.id DESC LIMIT %s"
        )
        return sql, [*pages_params, *select_params, *params, rank_window() + 1]

    def _rank(self):
        """The backend's score of entry ``e`` for the query (a multi-word query is an AND of its words)."""
        backend = get_search_backend()
        tsquery, lexemes = PostgresRankedPages.tsquery(" & ".join(f"'{word}'" for word in self.terms.split()), backend)
        weights = postgres_rank_weights(backend)
        rank = f"ts_rank(%s::float4[], {{}}, {tsquery})"
        sql = f"({rank.format('e.title')} * e.title_norm + {rank.format('e.body')} * 1.0)"
        return sql, [weights, *lexemes, weights, *lexemes]

    def fetch(self, start, stop):
        rank, rank_params = self._rank()
        window, window_params = self._window(rank, rank_params)
        sql = f"SELECT id, COUNT(*) OVER () FROM ({window}) w ORDER BY score DESC, id DESC LIMIT %s OFFSET %s"
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, [*window_params, stop - start, start])
            rows = cursor.fetchall()
        pages = Page.objects.in_bulk([pk for pk, _total in rows])
        return [pages[pk] for pk, _total in rows if pk in pages], (rows[0][1] if rows else None)

    def count_matches(self):
        window, params = self._window("1")
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({window}) w", params)
            return cursor.fetchone()[0]


class SQLiteRankedDocuments(RankedPages):
    """Public documents matching ``terms`` in SQLite's full-text index, matched among the documents' entries alone
    and ranked as Wagtail's backend ranks them.

    The backend matches the query against every entry, then keeps the documents': a query matching every profile
    ("dien hinh") read every profile's entry to find the documents (5 ms at 14,000 matching entries, 15 ms at
    42,000). Each document's entry holds ``OfficialDocument.SEARCH_MARKER`` in its autocomplete text, and the match
    asks for it too: FTS5 intersects the query's words with the marker's entries, so the cost follows the documents.
    The score is the backend's (FTS5's ``bm25()`` times the entry's ``title_norm`` + 1) with the autocomplete column
    weighed 0: the marker adds nothing to it, and the query's words are matched in the title and body only, as the
    backend matches them. Order: best score first, then the newest document.
    """

    # bm25() weights of the FTS table's columns, in their order: autocomplete, body, title.
    WEIGHTS = "0.0, 1.0, 1.0"

    def __init__(self, queryset, terms):
        super().__init__()
        self.queryset = queryset
        self.match = f'{fts_words(terms)} AND {{autocomplete}} : "{OfficialDocument.SEARCH_MARKER}"'

    @classmethod
    def applies(cls, queryset):
        return SQLiteRankedPages.applies(queryset)

    def sql(self, select, tail=""):
        """The statement and its parameters: ``select`` of the matching entries of documents in ``queryset``."""
        fts, entries = SQLiteRankedPages.FTS_TABLE, SQLiteRankedPages.ENTRY_TABLE
        documents = self.queryset.filter(pk=RawSQL("CAST(e.object_id AS INTEGER)", ())).order_by().values("pk")
        documents_sql, documents_params = documents.query.sql_with_params()
        sql = (f"SELECT {select} FROM {fts} JOIN {entries} e ON {fts}.rowid = e.id "
               f"WHERE {fts} MATCH %s AND e.content_type_id = %s AND EXISTS ({documents_sql}) {tail}")
        return sql, [self.match, ContentType.objects.get_for_model(OfficialDocument).pk, *documents_params]

    def _execute(self, select, tail="", params=()):
        sql, sql_params = self.sql(select, tail)
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, [*sql_params, *params])
            return cursor.fetchall()

    def ids(self):
        """The matching documents' ids as a subquery (``pk__in=``), in no order."""
        return RawSQL(*self.sql("CAST(e.object_id AS INTEGER)"))

    def count_matches(self):
        return self._execute("COUNT(*) FROM (SELECT 1", f"LIMIT {int(offered_at_most()) + 1})")[0][0]

    def fetch(self, start, stop):
        fts = SQLiteRankedPages.FTS_TABLE
        rows = self._execute(f"CAST(e.object_id AS INTEGER) AS id, bm25({fts}, {self.WEIGHTS}) * (e.title_norm + 1.0) "
                             "AS score", "ORDER BY score, id DESC LIMIT %s OFFSET %s", (stop - start, start))
        ids = [row[0] for row in rows]
        documents = self.queryset.in_bulk(ids)
        return [documents[pk] for pk in ids if pk in documents], None


def search_documents(query, locale, ranked=True):
    """Public documents of ``locale`` matching ``query``, best first; unranked (``ranked=False``) when the caller
    orders them itself: the SQLite backend scores each match with a subquery that runs the match again."""
    queryset = OfficialDocument.objects.filter(locale=locale, is_public=True)
    terms = search_terms(query)
    if not terms:
        return queryset.none()
    if SQLiteRankedDocuments.applies(queryset):
        return SQLiteRankedDocuments(queryset, terms)
    if PostgresRankedPages.applies(queryset):
        # Narrowed first to the documents the GIN indexes give (see PostgresRankedPages): the backend's own match of
        # ``title || body`` read every document's entry (43 ms at 6,000 documents for a query matching none).
        queryset = queryset.filter(pk__in=PostgresRankedPages.candidates(terms, OfficialDocument))
    return get_search_backend().search(terms, queryset, operator="and", order_by_relevance=ranked)


def matching_document_ids(query, locale):
    """The ids of the public documents of ``locale`` matching ``query``, in no order: a subquery with the database
    backends (their results give their queryset), a list with another backend."""
    queryset = OfficialDocument.objects.filter(locale=locale, is_public=True)
    if PostgresRankedPages.applies(queryset):
        # The backend's own queryset joins the entries to the documents on a cast id, which PostgreSQL planned as a
        # nested loop over both (1 s at 3,000 documents).
        terms = search_terms(query)
        return PostgresRankedPages.candidates(terms, OfficialDocument) if terms else []
    results = search_documents(query, locale, ranked=False)
    if isinstance(results, SQLiteRankedDocuments):
        return results.ids()
    if callable(getattr(results, "get_queryset", None)):
        return results.get_queryset().values("pk")
    return [document.pk for document in results]


@dataclass
class Hit:
    """One result as the template shows it."""

    type_label: str
    title: str  # safe HTML: matches in <mark>
    url: str
    date: object
    snippet: str
    obj: object


def page_hits(pages, query, request=None):
    """Hits for a page of results: one query per page type to fetch the specific pages."""
    ids = [page.pk for page in pages]
    # The specific pages with their fields (dates, summaries), StreamFields left out: one query per page type.
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).defer_streamfields().specific()}
    hits = []
    for pk in ids:
        page = specific.get(pk)
        if page is None:
            continue
        hits.append(Hit(page.card.label, excerpt(page.title, query, 1000), page.get_url(request), page.card_date,
                        excerpt(page.card_text, query), page))
    return hits


def document_hits(documents, query):
    hits = []
    for document in documents:
        url = reverse("thidua_wagtail:document", args=[document.pk])
        text = document.summary or document.issuing_body
        title = excerpt(f"{document.number} — {document.title}", query, 1000)
        hits.append(Hit(str(DOCUMENT_LABEL), title, url, document.issue_date, excerpt(text, query), document))
    return hits


def excerpt(text, query, width=220):
    """A window of ``text`` around the first match, matches in <mark>, found without regard to marks."""
    text = unicodedata.normalize("NFC", " ".join((text or "").split()))
    folded = fold(text)
    terms = sorted({t for t in fold(query).split() if len(t) > 1}, key=len, reverse=True)
    spans = []
    for term in terms:
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(term), folded)]
    start = 0
    if spans:
        first = min(s for s, _e in spans)
        start = max(0, first - width // 3)
        if start:
            start = text.rfind(" ", 0, start) + 1
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    merged = []
    for s, e in sorted(spans):
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    out, position = [], start
    for s, e in merged:
        out.append(escape(text[position:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        position = e
    out.append(escape(text[position:end]))
    return mark_safe(("… " if start else "") + "".join(out) + (" …" if end < len(text) else ""))
