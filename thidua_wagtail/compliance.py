"""What the app's content lacks against Decree 42/2022/NĐ-CP on agencies' websites (issue 21): the admin's
compliance report (Reports → Decree 42 compliance) and the dashboard's count.

Each check is one function returning ``Gap`` rows, each row linking to the editor of what to complete:

- published articles (campaigns, profiles, news) without a summary (Art. 4 and 7: every article has one);
- published articles without a translation in each other content language (Art. 7: the site in English);
- images without alt text (Circular 26/2020/TT-BTTTT, accessibility);
- public documents without a date of effect or without their file (Art. 4);
- public decisions without their signer (Art. 4: the document as issued).

Queries are fixed in number, whatever the amount of content.
"""

import csv
from dataclasses import dataclass

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from .exports import neutralise_formula
from .models import OfficialDocument
from .pagetypes import detail_types
from .reports import PageEditorsReportView


@dataclass(frozen=True)
class Gap:
    kind: str  # a key of KINDS
    title: str
    edit_url: str
    language: str = ""

    @property
    def label(self):
        return KINDS[self.kind]


KINDS = {
    "summary": _("Article without a summary"),
    "translation": _("Article without a translation"),
    "alt_text": _("Image without alt text"),
    "date_of_effect": _("Document without a date of effect"),
    "file": _("Document without its file"),
    "signer": _("Decision without its signer"),
}


def _page_gaps(default):
    gaps = []
    others = list(Locale.objects.exclude(pk=default.pk))
    for model in detail_types():
        text_field = model.card.text
        pages = list(model.objects.live().filter(locale=default).only("pk", "title", "translation_key", text_field)
                     .order_by("title"))
        translated = set(Page.objects.live().filter(translation_key__in=[p.translation_key for p in pages],
                                                    locale__in=others).values_list("translation_key", "locale_id"))
        for page in pages:
            edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            if not (getattr(page, text_field, "") or "").strip():
                gaps.append(Gap("summary", page.title, edit_url))
            for locale in others:
                if (page.translation_key, locale.pk) not in translated:
                    gaps.append(Gap("translation", page.title, edit_url, locale.get_display_name()))
    return gaps


def _image_gaps():
    images = get_image_model().objects.filter(description="").only("pk", "title").order_by("title")
    return [Gap("alt_text", image.title, reverse("wagtailimages:edit", args=[image.pk])) for image in images]


def _document_gaps(default):
    gaps = []
    documents = (OfficialDocument.objects.filter(locale=default, is_public=True)
                 .only("pk", "number", "title", "doc_type", "effective_date", "file_id", "signer_name")
                 .order_by("-issue_date", "number"))
    for document in documents:
        title = f"{document.number} – {document.title}"
        edit_url = reverse("wagtailsnippets_thidua_wagtail_officialdocument:edit", args=[document.pk])
        if document.effective_date is None:
            gaps.append(Gap("date_of_effect", title, edit_url))
        if document.file_id is None:
            gaps.append(Gap("file", title, edit_url))
        if document.doc_type == OfficialDocument.DocType.DECISION and not document.signer_name.strip():
            gaps.append(Gap("signer", title, edit_url))
    return gaps


def compliance_gaps():
    """Every gap, in the order of ``KINDS``."""
    default = Locale.get_default()
    gaps = _page_gaps(default) + _image_gaps() + _document_gaps(default)
    order = list(KINDS)
    return sorted(gaps, key=lambda gap: order.index(gap.kind))


class ComplianceReportView(PageEditorsReportView):
    """Reports → Decree 42 compliance: the gaps, counted by kind and listed with a link to each editor; ``?export=csv``
    gives the same rows as CSV (values that a spreadsheet would run as formulas are neutralised)."""

    template_name = "thidua_wagtail/admin/compliance.html"
    page_title = _("Decree 42 compliance")
    header_icon = "tasks"

    def get(self, request, *args, **kwargs):
        gaps = compliance_gaps()
        if request.GET.get("export") == "csv":
            return self.csv(request, gaps)
        counts = dict.fromkeys(KINDS, 0)
        for gap in gaps:
            counts[gap.kind] += 1
        return self.render_to_response(self.get_context_data(
            gaps=gaps, counts=[(KINDS[kind], count) for kind, count in counts.items()], page_title=self.page_title,
            header_title=self.page_title, header_icon=self.header_icon))

    def csv(self, request, gaps):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"kiem-tra-nghi-dinh-42-{timezone.localdate().isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response.write("\ufeff")  # spreadsheet programs read the file as UTF-8
        writer = csv.writer(response)
        writer.writerow([str(_("Missing")), str(_("Title")), str(_("Language")), str(_("Edit"))])
        for gap in gaps:
            writer.writerow([neutralise_formula(str(gap.label)), neutralise_formula(gap.title),
                             neutralise_formula(gap.language), request.build_absolute_uri(gap.edit_url)])
        return response
