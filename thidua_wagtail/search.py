"""Site search across campaigns, exemplary profiles, news and official documents.

The query is cleaned (control characters dropped, length capped) and folded like the
indexed ``folded_search_text`` (see ``text.fold``), so diacritics and case do not matter.
Pages are ranked together by the search backend; documents, which have no page of their
own, are searched separately and shown beside them.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from .conf import thidua_settings
from .models import CampaignPage, ExemplaryProfilePage, NewsPage, OfficialDocument
from .text import fold

PAGE_TYPES = {
    "campaign": (CampaignPage, _("Campaign")),
    "profile": (ExemplaryProfilePage, _("Exemplary profile")),
    "news": (NewsPage, _("News")),
}
DOCUMENT_TYPE = "document"
TYPE_CHOICES = [(key, label) for key, (_model, label) in PAGE_TYPES.items()] + [(DOCUMENT_TYPE, _("Document"))]


def clean_query(query):
    """Drop control and format characters, collapse spaces, cap the length."""
    query = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in query or "")
    return " ".join(query.split())[: thidua_settings.SEARCH_MAX_QUERY_LENGTH]


def search_terms(query):
    """The folded words of ``query``: punctuation and operators never reach the full-text engine
    (SQLite's FTS5 and PostgreSQL's tsquery each give them meanings of their own)."""
    return " ".join(re.findall(r"\w+", fold(query)))


def search_pages(query, locale, page_type=None):
    """Live, public pages of ``locale`` matching ``query``, best first (a lazy SearchResults)."""
    models = [PAGE_TYPES[page_type][0]] if page_type else [model for model, _label in PAGE_TYPES.values()]
    queryset = Page.objects.live().public().filter(locale=locale).type(*models)
    terms = search_terms(query)
    return queryset.search(terms, operator="and") if terms else queryset.none()


def search_documents(query, locale):
    queryset = OfficialDocument.objects.filter(locale=locale)
    terms = search_terms(query)
    return get_search_backend().search(terms, queryset, operator="and") if terms else queryset.none()


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
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific(defer=True)}
    hits = []
    for pk in ids:
        page = specific.get(pk)
        if page is None:
            continue
        if isinstance(page, CampaignPage):
            label, date, text = PAGE_TYPES["campaign"][1], page.start_date, page.summary
        elif isinstance(page, ExemplaryProfilePage):
            label, date, text = PAGE_TYPES["profile"][1], page.year_recognised, page.achievements
        else:
            label, date, text = PAGE_TYPES["news"][1], page.date, page.summary
        hits.append(Hit(label, excerpt(page.title, query, 1000), page.get_url(request), date, excerpt(text, query), page))
    return hits


def document_hits(documents, query):
    hits = []
    for document in documents:
        url = document.file.url if document.file_id else ""
        text = document.summary or document.issuing_body
        title = excerpt(f"{document.number} — {document.title}", query, 1000)
        hits.append(Hit(str(TYPE_CHOICES[-1][1]), title, url, document.issue_date, excerpt(text, query), document))
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
