"""The honours registers: every honour recorded on a profile, and every recipient listed on a decision without a
profile (``models/honours.py``), each filterable and exportable to CSV and XLSX.

Built on Wagtail's ``ReportView`` (the same base as "Locked pages" and "Aging pages"), so the listing,
filters and spreadsheet export behave like Wagtail's own reports. It is listed under Reports.
"""

import datetime

import django_filters
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page

from .compat import get_permission_policy
from .exports import SafeSpreadsheetExportMixin
from .models import Award, DecisionRecipient, ExemplaryProfilePage, OfficialDocument, ProfileHonour, Unit


class PageEditorsReportView(TemplateView):
    """An admin report for those who edit pages (any of add, change, publish on pages: ``ReportMenuItem`` reads
    ``permission_policy`` and ``any_permission_required`` to show it in the menu); others get Wagtail's
    permission denied."""

    any_permission_required = ["add", "change", "publish"]

    @property
    def permission_policy(self):
        return get_permission_policy(Page)

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_any_permission(request.user, self.any_permission_required):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class HonoursFilterSet(WagtailFilterSet):
    year = django_filters.NumberFilter(label=_("Year"), field_name="year")
    year_from = django_filters.NumberFilter(label=_("From year"), field_name="year", lookup_expr="gte")
    year_to = django_filters.NumberFilter(label=_("To year"), field_name="year", lookup_expr="lte")
    award = django_filters.ModelChoiceFilter(
        label=_("Award"), queryset=Award.objects.order_by("locale_id", "sort_order", "name"), empty_label=_("All"))
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"), field_name="profile__unit", queryset=Unit.objects.order_by("locale_id", "sort_order", "name"),
        empty_label=_("All"))
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), field_name="profile__kind", choices=ExemplaryProfilePage.Kind.choices, empty_label=_("All"))
    published = django_filters.BooleanFilter(label=_("Profile published"), field_name="profile__live")

    class Meta:
        model = ProfileHonour
        fields = ["year", "award", "unit", "kind", "published"]


class HonoursReportView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Honours register")
    header_icon = "pick"
    index_url_name = "thidua_honours_register"
    index_results_url_name = "thidua_honours_register_results"
    filterset_class = HonoursFilterSet
    any_permission_required = ["add", "change", "publish"]
    paginate_by = 50
    list_export = ["profile.title", "profile.get_kind_display", "profile.position", "unit_name", "award_name",
                   "year", "conferred_by_number", "conferred_by", "revoked_by_number", "profile.live",
                   "locale.language_code"]
    export_headings = {
        "profile.title": _("Name"),
        "profile.get_kind_display": _("Kind"),
        "profile.position": _("Position"),
        "unit_name": _("Unit"),
        "award_name": _("Award"),
        "year": _("Year"),
        "conferred_by_number": _("Decision number"),
        "conferred_by": _("Decided by"),
        "revoked_by_number": _("Revoked by"),
        "profile.live": _("Published"),
        "locale.language_code": _("Language"),
    }
    columns = [
        TitleColumn("profile", label=_("Name"), accessor="profile.title",
               url_name="wagtailadmin_pages:edit", id_accessor="profile_id"),
        Column("kind", label=_("Kind"), accessor="profile.get_kind_display"),
        Column("unit", label=_("Unit"), accessor="unit_name"),
        Column("award", label=_("Award"), accessor="award_name"),
        Column("year", label=_("Year")),
        Column("decision_number", label=_("Decision number"), accessor="conferred_by_number"),
        Column("decided_by", label=_("Decided by"), accessor="conferred_by"),
        Column("revoked_by", label=_("Revoked by"), accessor="revoked_by_number"),
    ]

    @cached_property
    def permission_policy(self):
        return get_permission_policy(ExemplaryProfilePage)

    def get_filename(self):
        return f"so-khen-thuong-{datetime.date.today().isoformat()}"

    def get_queryset(self):
        queryset = ProfileHonour.objects.select_related("profile", "profile__unit", "award", "locale", "decision",
                                                        "revoked_by")
        if "locale" not in self.request.GET:
            # Each honour once: in the default language, unless a language (or "All") is chosen.
            queryset = queryset.filter(locale=Locale.get_default())
        return queryset.order_by("-year", "profile__title", "sort_order", "pk")


class ListedRecipientsFilterSet(WagtailFilterSet):
    year = django_filters.NumberFilter(label=_("Year"), field_name="year")
    award = HonoursFilterSet.base_filters["award"]
    kind = django_filters.ChoiceFilter(label=_("Kind"), field_name="kind", choices=ExemplaryProfilePage.Kind.choices,
                                       empty_label=_("All"))
    public = django_filters.BooleanFilter(label=_("Decision public"), field_name="decision__is_public")

    class Meta:
        model = DecisionRecipient
        fields = ["year", "award", "kind", "public"]


class ListedRecipientsReportView(HonoursReportView):
    """The recipients decisions list who have no profile: the same register, read from the decisions."""

    page_title = _("Recipients listed on decisions")
    index_url_name = "thidua_listed_recipients"
    index_results_url_name = "thidua_listed_recipients_results"
    filterset_class = ListedRecipientsFilterSet
    list_export = ["name", "get_kind_display", "position", "unit", "award_name", "year", "conferred_by_number",
                   "conferred_by", "revoked_by_number", "decision.is_public", "locale.language_code"]
    export_headings = {
        **{key.removeprefix("profile."): value for key, value in HonoursReportView.export_headings.items()},
        "name": _("Name"), "get_kind_display": _("Kind"), "decision.is_public": _("Decision public"),
    }
    columns = [
        TitleColumn("name", label=_("Name"), url_name="wagtailsnippets_thidua_wagtail_officialdocument:edit",
                    id_accessor="decision_id"),
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("position", label=_("Position")),
        *HonoursReportView.columns[2:],
    ]

    @cached_property
    def permission_policy(self):
        return get_permission_policy(OfficialDocument)

    def get_filename(self):
        return f"danh-sach-khen-thuong-{datetime.date.today().isoformat()}"

    def get_queryset(self):
        queryset = DecisionRecipient.objects.select_related("award", "locale", "decision", "revoked_by")
        if "locale" not in self.request.GET:
            queryset = queryset.filter(locale=Locale.get_default())
        return queryset.order_by("-decision__issue_date", "decision__number", "sort_order", "pk")
