"""The search page. Feeds are in ``feeds.py``; pages render through Wagtail."""

from django import forms
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from . import search
from .cache import cached_response
from .conf import thidua_settings
from .filters import FilterSelect, requested_page_number
from .i18n import active_locale
from .models.base import base_template


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False)
    type = forms.ChoiceField(label=_("In"), required=False, widget=FilterSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("Everything")), *search.type_choices()]


def search_view(request):
    """GET ?q=…&type=…&page=…: results in the active language. Bad input gives an ordinary page.
    Anonymous visitors' results are cached until the next publish (see ``cache.py``)."""
    return cached_response(request, "search", lambda: search_response(request))


def search_response(request):
    locale = active_locale()
    raw_query = request.GET.get("q", "")
    # Control characters (a NUL byte, say) are dropped rather than refused, and the length capped.
    query = search.clean_query(raw_query)
    query_was_cut = len(" ".join(raw_query.split())) > thidua_settings.SEARCH_MAX_QUERY_LENGTH
    data = request.GET.copy()
    data["q"] = query
    form = SearchForm(data)
    form.is_valid()  # an unknown type is ignored: cleaned_data keeps only the valid fields
    page_type = form.cleaned_data.get("type", "")
    page_obj, documents, documents_total = None, [], 0
    if query:
        if page_type == search.DOCUMENT_TYPE:
            results = search.search_documents(query, locale)
        else:
            results = search.search_pages(query, locale, page_type or None)
        paginator = Paginator(results, thidua_settings.PAGE_SIZE)
        if isinstance(results, search.RankedPages):
            # The slice this page shows, with the number of matches: one full-text query, not two.
            number = requested_page_number(request.GET.get("page"))
            results.prefetch((number - 1) * paginator.per_page, number * paginator.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        if page_type == search.DOCUMENT_TYPE:
            page_obj.hits = search.document_hits(page_obj.object_list, query)
        else:
            page_obj.hits = search.page_hits(page_obj.object_list, query, request)
        if not page_type:
            found = search.search_documents(query, locale)
            shown = thidua_settings.SEARCH_DOCUMENTS_SHOWN
            first = list(found[: shown + 1])  # one more than shown: counted only when there are more
            documents_total = found.count() if len(first) > shown else len(first)
            documents = search.document_hits(first[:shown], query)
    params = request.GET.copy()
    params.pop("page", None)
    return TemplateResponse(
        request,
        "thidua_wagtail/search.html",
        {
            "form": form,
            "query": query,
            "page_type": page_type,
            "page_obj": page_obj,
            "paginator": page_obj.paginator if page_obj is not None else None,
            "documents": documents,
            "documents_total": documents_total,
            "filter_querystring": params.urlencode(),
            "query_was_cut": query_was_cut,
            "results_capped": page_obj is not None and getattr(page_obj.paginator.object_list, "more", False),
            "thidua_base_template": base_template(),
        },
    )
