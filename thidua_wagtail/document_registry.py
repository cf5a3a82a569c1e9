"""The public document registry (Decree 42/2022/NĐ-CP, Art. 4): every public official document the app holds
(plans, decisions, the documents they implement …), listed and filtered by type, issuing body, year and field,
searched with or without Vietnamese marks, each with its own page.

``/<language>/<documents path>/`` lists the public documents of the reader's language, newest first, paginated;
a bad filter value is ignored and said so, never an error page. ``<documents path>/<pk>/`` shows one document:
its facts (form, issuing body, number and symbol, dates of issue and of effect, signer, summary), its file, and
what links to it in the reader's language (the campaigns it founds, the documents it implements and those that
implement it). A decision's page is the register's decision page (with the honours it conferred), so a document
has one address; a document asked for in the other language goes to its translation.
"""

import re

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .cache import cached_response
from .conf import thidua_settings
from .filters import FilterSelect, ListingFilterForm, year_field
from .i18n import active_locale
from .links import same_object
from .models import CampaignPage, DocumentImplements, OfficialDocument
from .models.base import base_template
from .querysets import public
from .search import clean_query, matching_document_ids, search_terms
from .text import fold

DocType = OfficialDocument.DocType


def public_documents(locale):
    """The public documents of ``locale``, newest first."""
    return (OfficialDocument.objects.filter(locale=locale, is_public=True).select_related("file")
            .order_by("-issue_date", "number", "pk"))


def text_choices(values, empty_label):
    """A choice among the distinct non-empty ``values`` (issuing bodies, fields), in alphabetical order."""
    names = sorted({value.strip() for value in values if value and value.strip()}, key=str.casefold)
    return [("", empty_label), *[(name, name) for name in names]]


class DocumentFilterForm(ListingFilterForm):
    q = forms.CharField(label=_("Number, title or summary"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        documents = public_documents(self.locale).order_by()
        held = set(documents.values_list("doc_type", flat=True).distinct())
        self.fields["doc_type"] = forms.ChoiceField(
            label=_("Type"), required=False, widget=FilterSelect,
            choices=[("", _("All types")), *[(key, label) for key, label in DocType.choices if key in held]])
        self.fields["issuing_body"] = forms.ChoiceField(
            label=_("Issuing body"), required=False, widget=FilterSelect,
            choices=text_choices(documents.values_list("issuing_body", flat=True).distinct(), _("All issuing bodies")))
        self.fields["area"] = forms.ChoiceField(
            label=pgettext_lazy("subject area", "Field"), required=False, widget=FilterSelect,
            choices=text_choices(documents.values_list("area", flat=True).distinct(), _("All fields")))
        self.fields["year"] = year_field(_("Year"))

    def filter_q(self, queryset, value):
        """Every word, marks or not ("ke hoach tuyen truyen" finds "Kế hoạch … tuyên truyền"), through the search
        backend; or a number and symbol as typed or folded ("60/kh", "60/KH-KHCN"), which full-text parsers split
        in their own ways (PostgreSQL reads "60/kh-khcn" as one path-like token)."""
        query = clean_query(value)
        if not search_terms(query):
            return queryset
        wanted = fold(query).replace(" ", "")
        numbers = public_documents(self.locale).order_by()
        if digits := re.search(r"\d+", wanted):
            numbers = numbers.filter(number__contains=digits.group())  # digits read the same folded or not
        elif not re.search(r"[/-]", wanted):
            numbers = numbers.none()  # neither digits nor a symbol's punctuation: not a number
        by_number = [pk for pk, number in numbers.values_list("pk", "number") if wanted in fold(number).replace(" ", "")]
        return queryset.filter(Q(pk__in=matching_document_ids(query, self.locale)) | Q(pk__in=by_number))

    def filter_doc_type(self, queryset, value):
        return queryset.filter(doc_type=value)

    def filter_issuing_body(self, queryset, value):
        return queryset.filter(issuing_body__iexact=value)

    def filter_area(self, queryset, value):
        return queryset.filter(area__iexact=value)

    def filter_year(self, queryset, value):
        return queryset.filter(issue_date__year=value)


def registry_view(request):
    """GET ?q=…&doc_type=…&issuing_body=…&area=…&year=…&page=…"""
    # Documents, and the layout, are all it shows: publishing a page (a news item) keeps it cached.
    return cached_response(request, "document-registry", lambda: registry_response(request), site_wide=True)


def registry_response(request):
    locale = active_locale()
    form = DocumentFilterForm(request.GET or None, locale=locale)
    documents = form.filter(public_documents(locale))
    paginator = Paginator(documents, thidua_settings.REGISTER_PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return TemplateResponse(request, "thidua_wagtail/document_registry.html", {
        "form": form, "page_obj": page_obj, "paginator": paginator, "filter_querystring": params.urlencode(),
        "thidua_base_template": base_template(),
    })


def document_view(request, pk):
    # A document's page shows the campaigns it founds besides documents (snippets: the site's version).
    return cached_response(request, f"document-{pk}", lambda: document_response(request, pk),
                           types=(CampaignPage._meta.label,))


def public_document(pk, locale, url_name, **filters):
    """``(document, None)`` for the public document ``pk`` in ``locale``, ``(None, redirect)`` to ``url_name`` of its
    public translation when it is in another language; 404 when it is not public or has no public translation."""
    document = OfficialDocument.objects.filter(pk=pk, is_public=True, **filters).select_related("file").first()
    if document is None:
        raise Http404
    if document.locale_id != locale.pk:
        translation = document.get_translation_or_none(locale)
        if translation is None or not translation.is_public:
            raise Http404
        return None, redirect(url_name, pk=translation.pk)
    return document, None


def document_response(request, pk):
    locale = active_locale()
    document, elsewhere = public_document(pk, locale, "thidua_wagtail:document")
    if elsewhere:
        return elsewhere
    if document.doc_type == DocType.DECISION:
        return redirect("thidua_wagtail:decision", pk=document.pk)
    return TemplateResponse(request, "thidua_wagtail/document.html", {
        "document": document, **document_links(document, locale), "thidua_base_template": base_template(),
    })


def document_links(document, locale):
    """What links to ``document`` in ``locale``: the campaigns it founds, the documents it implements, those it is
    issued under, and those that refer to it (public ones only)."""
    campaigns = (public(CampaignPage.objects.live()).filter(locale=locale)
                 .filter(same_object("document_links__document", document)).distinct().order_by("-first_published_at"))
    # Link rows are matched by translation key (links.py's policy): a translated document keeps its source's rows,
    # which name the documents in the source's language.
    rows = DocumentImplements.objects.filter(document__translation_key=document.translation_key)
    relations = dict(rows.values_list("implemented__translation_key", "relation"))
    referred = (OfficialDocument.objects.filter(is_public=True, locale=locale, translation_key__in=list(relations))
                .order_by("-issue_date"))
    implements = [other for other in referred
                  if relations[other.translation_key] == DocumentImplements.Relation.IMPLEMENTS]
    basis = [other for other in referred if relations[other.translation_key] == DocumentImplements.Relation.BASIS]
    implemented_by = (OfficialDocument.objects.filter(
        is_public=True, locale=locale, translation_key__in=DocumentImplements.objects.filter(
            implemented__translation_key=document.translation_key).values("document__translation_key"))
        .order_by("-issue_date"))
    return {"campaigns": list(campaigns), "implements": implements, "basis": basis,
            "implemented_by": list(implemented_by)}
