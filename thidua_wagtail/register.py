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
from django.db.models import Max, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _

from .cache import cached_response
from .conf import thidua_settings
from .filters import ListingFilterForm, choice_field, year_field
from .i18n import active_locale
from .models import ExemplaryProfilePage, OfficialDocument, ProfileHonour, Unit
from .models.base import base_template
from .models.profiles import awards_held
from .querysets import public
from .search import clean_query
from .text import fold

SCHEMA_VERSION = "1"
# The open data's fields, in order: the documented schema (docs/open-data.md). Add at the end; never rename.
FIELDS = ["name", "recipient", "position", "unit", "award_code", "award", "award_form", "class", "year",
          "decision_number", "decision_date", "decided_by", "profile_url"]


class RegisterForm(ListingFilterForm):
    q = forms.CharField(label=_("Name"), required=False, max_length=200)
    decision = forms.CharField(label=_("Decision number"), required=False, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = choice_field(_("Unit"), Unit.objects.all(), _("All units"), self.locale)
        # The register lists revoked honours too (struck through): their awards can be looked up.
        self.fields["award"] = choice_field(_("Award"), awards_held(revoked=True), _("All awards"), self.locale)
        self.fields["year"] = year_field(_("Year"))

    def filter_q(self, queryset, value):
        words = fold(clean_query(value)).split()
        for word in words:
            queryset = queryset.filter(profile__folded_name__contains=word)
        return queryset

    def filter_decision(self, queryset, value):
        """The number as typed or folded ("215/qd" finds "215/QĐ-KHCN"), on linked decisions and typed numbers."""
        wanted = fold(clean_query(value)).replace(" ", "")
        if not wanted:
            return queryset
        pairs = queryset.order_by().values_list("decision__number", "decision_number").distinct()
        numbers = {number for pair in pairs for number in pair if number and wanted in fold(number).replace(" ", "")}
        return queryset.filter(Q(decision__number__in=numbers) | Q(decision__isnull=True,
                                                                   decision_number__in=numbers))

    def filter_unit(self, queryset, unit):
        return queryset.filter(profile__unit=unit)

    def filter_award(self, queryset, award):
        return queryset.filter(award=award)

    def filter_year(self, queryset, value):
        return queryset.filter(year=value)


def honours(locale):
    """The honours of the published, public profiles of ``locale``, newest first."""
    profiles = public(ExemplaryProfilePage.objects.live()).filter(locale=locale)
    return (ProfileHonour.objects.filter(locale=locale, profile__in=profiles.values("pk"))
            .select_related("profile", "profile__unit", "award", "decision__file", "revoked_by")
            .order_by("-year", "profile__title", "sort_order"))


def register_view(request):
    """GET ?q=…&unit=…&award=…&year=…&decision=…&page=…: a bad value is ignored, never an error page."""
    return cached_response(request, "honours-register", lambda: register_response(request))


def register_response(request):
    locale = active_locale()
    form = RegisterForm(request.GET or None, locale=locale)
    results = form.filter(honours(locale))
    paginator = Paginator(results, thidua_settings.REGISTER_PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return TemplateResponse(request, "thidua_wagtail/honours_register.html", {
        "form": form, "page_obj": page_obj, "paginator": paginator, "filter_querystring": params.urlencode(),
        "open_data_licence": thidua_settings.OPEN_DATA_LICENCE, "thidua_base_template": base_template(),
    })


def records(request, locale):
    """The open data's records: not revoked, with only what the profile page shows."""
    for honour in honours(locale).filter(revoked_by__isnull=True):
        profile = honour.profile
        yield {
            "name": profile.title,
            "recipient": profile.kind,
            "position": profile.position,
            "unit": profile.unit.name if profile.unit_id else "",
            "award_code": honour.award.code,
            "award": honour.award.name,
            "award_form": honour.award.category,
            "class": honour.grade,
            "year": honour.year,
            "decision_number": honour.conferred_by_number,
            "decision_date": honour.conferred_on.isoformat() if honour.conferred_on else "",
            "decided_by": honour.conferred_by,
            "profile_url": request.build_absolute_uri(profile.get_url(request)),
        }


def last_change(locale):
    """When the register last changed: the latest publish of a profile of ``locale``."""
    return ExemplaryProfilePage.objects.filter(locale=locale).aggregate(at=Max("last_published_at"))["at"]


def open_data_view(request, fmt):
    return cached_response(request, f"honours-{fmt}", lambda: open_data_response(request, fmt))


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
            writer.writerow({key: f"'{value}" if isinstance(value, str) and value and value[0] in "=+-@\t\r" else value
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
    return cached_response(request, f"decision-{pk}", lambda: decision_response(request, pk))


def decision_response(request, pk):
    locale = active_locale()
    decision = OfficialDocument.objects.filter(pk=pk, doc_type=OfficialDocument.DocType.DECISION,
                                               is_public=True).select_related("file").first()
    if decision is None:
        raise Http404
    if decision.locale_id != locale.pk:
        translation = decision.get_translation_or_none(locale)
        if translation is None or not translation.is_public:
            raise Http404
        return redirect("thidua_wagtail:decision", pk=translation.pk)
    listed = honours(locale)
    return TemplateResponse(request, "thidua_wagtail/decision.html", {
        "decision": decision,
        "conferred": listed.filter(decision=decision),
        "revoked": listed.filter(revoked_by=decision),
        "thidua_base_template": base_template(),
    })
