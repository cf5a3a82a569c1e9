"""The public register of honours (tra cứu khen thưởng), the decisions' pages and the open data.

``/<language>/<register path>/`` looks honours up by name (with or without Vietnamese marks), unit, year, award and
decision, in the reader's language, paginated; every row links to the profile and to the decision's page, which
lists what the decision conferred and revoked and links its file. ``honours.csv`` and ``honours.json`` beside it
publish the same records as open data, with a stable schema (docs/open-data.md): only honours of published, public
profiles, never revoked ones, and no personal field the profile page does not already show.
"""

import csv
import io
import json

from django import forms
from django.core.paginator import Paginator
from django.db.models import CharField, F, Max, Q, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _

from .cache import cached_response
from .conf import thidua_settings
from .document_registry import document_links, public_document
from .exports import neutralise_formula
from .filters import ListingFilterForm, choice_field, year_field
from .i18n import active_locale
from .models import (
    Award,
    CampaignPage,
    DecisionRecipient,
    ExemplaryProfilePage,
    OfficialDocument,
    ProfileHonour,
    Unit,
)
from .models.base import base_template
from .models.honours import on_public_decisions
from .models.profiles import awards_held, on_visible_profiles
from .search import clean_query
from .text import fold

SCHEMA_VERSION = "1"
# The page types whose publishing changes the register (its honours are on profiles; those listed on decisions are
# snippets, which bump the site's version): its responses are cached under their versions (cache.cached_response).
SHOWN = (ExemplaryProfilePage._meta.label,)
# The open data's fields, in order: the documented schema (docs/open-data.md). Add at the end; never rename.
FIELDS = ["name", "recipient", "position", "unit", "award_code", "award", "award_form", "class", "year",
          "decision_number", "decision_date", "decided_by", "profile_url", "decision_url"]

# Where the register's filters look, for an honour on a profile and for a recipient listed on a decision.
PATHS = {
    ProfileHonour: {"name": "profile__folded_name", "year": "year", "unit": "profile__unit"},
    DecisionRecipient: {"name": "folded_name", "year": "year", "unit": None},
}


class RegisterForm(ListingFilterForm):
    q = forms.CharField(label=_("Name"), required=False, max_length=200)
    decision = forms.CharField(label=_("Decision number"), required=False, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = choice_field(_("Unit"), Unit.objects.all(), _("All units"), self.locale)
        # The register lists revoked honours too (struck through): their awards can be looked up.
        awards = Award.objects.filter(Q(pk__in=awards_held(revoked=True).values("pk"))
                                      | Q(pk__in=on_public_decisions().values("award")))
        self.fields["award"] = choice_field(_("Award"), awards, _("All awards"), self.locale)
        self.fields["year"] = year_field(_("Year"))

    def filter_q(self, queryset, value):
        words = fold(clean_query(value)).split()
        for word in words:
            queryset = queryset.filter(**{f"{PATHS[queryset.model]['name']}__contains": word})
        return queryset

    def filter_decision(self, queryset, value):
        """The number as typed or folded ("215/qd" finds "215/QĐ-KHCN"), on linked decisions and typed numbers."""
        wanted = fold(clean_query(value)).replace(" ", "")
        if not wanted:
            return queryset
        typed = queryset.model is ProfileHonour
        fields = ("decision__number", "decision_number") if typed else ("decision__number",)
        pairs = queryset.order_by().values_list(*fields).distinct()
        numbers = {number for pair in pairs for number in pair if number and wanted in fold(number).replace(" ", "")}
        wanted_numbers = Q(decision__number__in=numbers)
        if typed:
            wanted_numbers |= Q(decision__isnull=True, decision_number__in=numbers)
        return queryset.filter(wanted_numbers)

    def filter_unit(self, queryset, unit):
        if PATHS[queryset.model]["unit"]:
            return queryset.filter(**{PATHS[queryset.model]["unit"]: unit})
        # A listed recipient's unit is the text of the decision's list: the unit's name or its short name.
        written = Q(unit__iexact=unit.name)
        if unit.short_name:
            written |= Q(unit__iexact=unit.short_name)
        return queryset.filter(written)

    def filter_award(self, queryset, award):
        return queryset.filter(award=award)

    def filter_year(self, queryset, value):
        return queryset.filter(**{PATHS[queryset.model]["year"]: value})


def honours(locale):
    """The honours of the published, public profiles of ``locale``, newest first."""
    return (on_visible_profiles(locale).select_related("profile", "profile__unit", "award", "decision__file", "revoked_by")
            .order_by("-year", "profile__title", "sort_order", "pk"))


def listed(locale):
    """The recipients without a profile that public decisions of ``locale`` list."""
    return (on_public_decisions(locale).select_related("award", "decision__file", "revoked_by")
            .order_by("decision", "sort_order", "pk"))


def register_rows(on_profiles, on_decisions):
    """Both kinds of honour as one list, newest year first then by name: a query of (source, pk) pairs, made into
    objects a page at a time by ``objects_of``."""
    text = CharField()
    first = (on_profiles.order_by().annotate(source=Value("p", output_field=text), sort_year=F("year"),
                                             sort_name=F("profile__title"))
             .values_list("source", "pk", "sort_year", "sort_name"))
    second = (on_decisions.order_by().annotate(source=Value("d", output_field=text),
                                               sort_year=Coalesce("year", 0),
                                               sort_name=F("name"))
              .values_list("source", "pk", "sort_year", "sort_name"))
    return first.union(second, all=True).order_by("-sort_year", "sort_name", "source", "pk")


def objects_of(rows, on_profiles, on_decisions):
    wanted = {"p": [pk for source, pk, *_rest in rows if source == "p"],
              "d": [pk for source, pk, *_rest in rows if source == "d"]}
    found = {("p", honour.pk): honour for honour in on_profiles.filter(pk__in=wanted["p"])}
    found.update({("d", row.pk): row for row in on_decisions.filter(pk__in=wanted["d"])})
    return [found[source, pk] for source, pk, *_rest in rows if (source, pk) in found]


def register_view(request):
    """GET ?q=…&unit=…&award=…&year=…&decision=…&page=…: a bad value is ignored, never an error page."""
    return cached_response(request, "honours-register", lambda: register_response(request), types=SHOWN)


def register_response(request):
    locale = active_locale()
    form = RegisterForm(request.GET or None, locale=locale)
    on_profiles, on_decisions = form.filter(honours(locale)), form.filter(listed(locale))
    paginator = Paginator(register_rows(on_profiles, on_decisions), thidua_settings.REGISTER_PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    page_obj.object_list = objects_of(list(page_obj.object_list), on_profiles, on_decisions)
    params = request.GET.copy()
    params.pop("page", None)
    return TemplateResponse(request, "thidua_wagtail/honours_register.html", {
        "form": form, "page_obj": page_obj, "paginator": paginator, "filter_querystring": params.urlencode(),
        "open_data_licence": thidua_settings.OPEN_DATA_LICENCE, "thidua_base_template": base_template(),
    })


def records(request, locale):
    """The open data's records: not revoked, with only what the profile and decision pages show."""
    rows = [*honours(locale).filter(revoked_by__isnull=True), *listed(locale).filter(revoked_by__isnull=True)]
    rows.sort(key=lambda honour: (-(honour.year or 0), honour.recipient_name))
    for honour in rows:
        profile = honour.profile
        yield {
            "name": honour.recipient_name,
            "recipient": honour.recipient_kind,
            "position": honour.recipient_position,
            "unit": honour.unit_name,
            "award_code": honour.award.code,
            "award": honour.award.name,
            "award_form": honour.award.category,
            "class": honour.grade,
            "year": honour.year,
            "decision_number": honour.conferred_by_number,
            "decision_date": honour.conferred_on.isoformat() if honour.conferred_on else "",
            "decided_by": honour.conferred_by,
            "profile_url": request.build_absolute_uri(profile.get_url(request)) if profile else "",
            "decision_url": (request.build_absolute_uri(reverse("thidua_wagtail:decision", args=[honour.decision_id]))
                             if honour.decision_id and honour.decision.is_public else ""),
        }


def last_change(locale):
    """When the register last changed: the latest publish of a profile, or change of a decision, of ``locale``."""
    profiles = ExemplaryProfilePage.objects.filter(locale=locale).aggregate(at=Max("last_published_at"))["at"]
    decisions = OfficialDocument.objects.filter(locale=locale, doc_type=OfficialDocument.DocType.DECISION,
                                                is_public=True).aggregate(at=Max("updated_at"))["at"]
    return max((at for at in (profiles, decisions) if at), default=None)


def open_data_view(request, fmt):
    return cached_response(request, f"honours-{fmt}", lambda: open_data_response(request, fmt), types=SHOWN)


def open_data_response(request, fmt):
    locale = active_locale()
    rows = list(records(request, locale))
    modified = last_change(locale)
    if fmt == "json":
        body = json.dumps({
            "schema": f"thidua-wagtail honours register, version {SCHEMA_VERSION}",
            "fields": FIELDS,
            "language": locale.language_code,
            "licence": thidua_settings.OPEN_DATA_LICENCE,
            "modified": modified.isoformat() if modified else None,
            "count": len(rows),
            "records": rows,
        }, ensure_ascii=False, indent=1)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            # A cell that a spreadsheet would run as a formula is written as text.
            writer.writerow({key: neutralise_formula(value) if isinstance(value, str) else value
                             for key, value in row.items()})
        response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="honours-{locale.language_code}.csv"'
    response["Content-Language"] = locale.language_code
    if modified:
        response["Last-Modified"] = http_date(modified.timestamp())
    response["Link"] = f'<{thidua_settings.OPEN_DATA_LICENCE_URL}>; rel="license"'
    return response


def decision_view(request, pk):
    """A decision's public page: what it conferred and what it revoked, on published, public profiles."""
    return cached_response(request, f"decision-{pk}", lambda: decision_response(request, pk),
                           types=(*SHOWN, CampaignPage._meta.label))


def decision_response(request, pk):
    locale = active_locale()
    decision, elsewhere = public_document(pk, locale, "thidua_wagtail:decision",
                                          doc_type=OfficialDocument.DocType.DECISION)
    if elsewhere:
        return elsewhere
    on_profiles, on_decisions = honours(locale), listed(locale)
    return TemplateResponse(request, "thidua_wagtail/decision.html", {
        "decision": decision,
        "conferred": [*on_profiles.filter(decision=decision), *on_decisions.filter(decision=decision)],
        "revoked": [*on_profiles.filter(revoked_by=decision), *on_decisions.filter(revoked_by=decision)],
        **document_links(decision, locale), "thidua_base_template": base_template(),
    })
