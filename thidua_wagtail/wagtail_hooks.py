"""Registrations only: admin screens, dashboard panels, the honours report, permission policies."""

from django.contrib import messages
from django.db import router
from django.db.models.deletion import Collector, ProtectedError
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .awards import PREREQUISITES, prerequisite_warnings
from .compat import set_permission_policy
from .compliance import ComplianceReportView
from .dashboard import dashboard_panels
from .feedback import FeedbackReportView
from .models import Award, ConsultationComment, ExemplaryProfilePage, Nomination
from .reports import HonoursReportView, ListedRecipientsReportView
from .sections import HOME_COPY_ACTION
from .translation_review import (
    ReviewedUpdateTranslationsView,
    SyncOutdatedTranslationsView,
    guard_snippet_delete,
    guard_snippet_edit,
)
from .viewsets import ThiduaViewSetGroup, VisitorSubmissionPolicy

set_permission_policy(Nomination, VisitorSubmissionPolicy(Nomination))
set_permission_policy(ConsultationComment, VisitorSubmissionPolicy(ConsultationComment))
register_snippet(ThiduaViewSetGroup)


@hooks.register("register_log_actions")
def register_home_copy_action(actions):
    actions.register_action(HOME_COPY_ACTION, _("Translate the home page for the emulation sections"),
                            _("Home page translated for the emulation sections"))


@hooks.register("insert_global_admin_js")
def translate_localize_hardcoded_strings():
    """wagtail-localize's translation editor writes three things in English outside any catalogue (static js)."""
    return format_html('<script src="{}" defer></script>', static("thidua_wagtail/js/localize-strings.js"))


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels.extend(dashboard_panels(request))


@hooks.register("register_admin_urls", order=-1)  # before wagtail-localize's own URL for the same path
def register_reviewed_translation_sync():
    return [path("localize/update/<int:translation_source_id>/", ReviewedUpdateTranslationsView.as_view(),
                 name="thidua_update_translations"),
            path("thidua/sync-translations/", SyncOutdatedTranslationsView.as_view(),
                 name="thidua_sync_translations")]


# Before wagtail-localize's translation editor (which hooks in the same way), so its publish button is guarded.
hooks.register("before_edit_snippet", guard_snippet_edit, order=-1)
hooks.register("before_delete_snippet", guard_snippet_delete, order=-1)


@hooks.register("before_delete_snippet")
def refuse_deleting_what_honours_rest_on(request, instances):
    """An award or a decision that honours point to (protected keys) is not deleted: the editor is told why and
    sent back to the list, instead of an error page."""
    try:
        Collector(using=router.db_for_write(type(instances[0]))).collect(list(instances))
    except ProtectedError as error:
        count = len(error.protected_objects)
        messages.error(request, ngettext(
            "“%(object)s” cannot be deleted: %(count)s honour refers to it. Change or remove it first.",
            "“%(object)s” cannot be deleted: %(count)s honours refer to it. Change or remove them first.",
            count) % {"object": instances[0], "count": count})
        return redirect(type(instances[0]).snippet_viewset.get_url_name("list"))
    return None


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/thidua-honours/", HonoursReportView.as_view(), name="thidua_honours_register"),
        path("reports/thidua-honours/results/", HonoursReportView.as_view(results_only=True),
             name="thidua_honours_register_results"),
        path("reports/thidua-listed-recipients/", ListedRecipientsReportView.as_view(),
             name="thidua_listed_recipients"),
        path("reports/thidua-listed-recipients/results/", ListedRecipientsReportView.as_view(results_only=True),
             name="thidua_listed_recipients_results"),
        path("reports/thidua-compliance/", ComplianceReportView.as_view(), name="thidua_compliance"),
        path("reports/thidua-feedback/", FeedbackReportView.as_view(), name="thidua_feedback"),
    ]


class ReportMenuItem(MenuItem):
    """One of the app's reports under Reports, shown to those its view lets in (its permission policy and
    ``any_permission_required``)."""

    def __init__(self, view_class, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.view_class = view_class

    def is_shown(self, request):
        view = self.view_class()
        return view.permission_policy.user_has_any_permission(request.user, view.any_permission_required)


@hooks.register("register_reports_menu_item")
def register_honours_report_menu_item():
    return ReportMenuItem(HonoursReportView, _("Honours register"), reverse("thidua_honours_register"),
                          icon_name="pick", order=750)


@hooks.register("register_reports_menu_item")
def register_listed_recipients_report_menu_item():
    return ReportMenuItem(ListedRecipientsReportView, _("Recipients listed on decisions"),
                          reverse("thidua_listed_recipients"), icon_name="list-ul", order=751)


@hooks.register("register_reports_menu_item")
def register_compliance_report_menu_item():
    return ReportMenuItem(ComplianceReportView, _("Decree 42 compliance"), reverse("thidua_compliance"),
                          icon_name="tasks", order=752)


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    return ReportMenuItem(FeedbackReportView, _("Feedback on content"), reverse("thidua_feedback"),
                          icon_name="comment", order=753)


def warn_about_prerequisites(request, page):
    """After an exemplary profile is saved: the law's prerequisites its honours do not show, as warnings (an editor
    may know what the site does not record, so nothing is refused)."""
    if not isinstance(page, ExemplaryProfilePage):
        return
    # A revoked honour neither needs nor meets a prerequisite.
    honours = [(honour.award, honour.year) for honour in page.honours.select_related("award")
               if not honour.is_revoked]
    warnings = prerequisite_warnings(honours)
    if not warnings:
        return
    names = dict(Award.objects.filter(code__in={rule.needs for rule in PREREQUISITES},
                                      locale_id=page.locale_id).values_list("code", "name"))
    for award, year, rule, found in warnings:
        values = {"award": award, "year": year, "needs": names.get(rule.needs, rule.needs), "times": rule.times,
                  "article": rule.article, "found": found}
        if rule.same_year:
            text = gettext("“%(award)s” (%(year)s) needs the standard of “%(needs)s” in the same year "
                           "(%(article)s); this profile does not show it. Check before publishing the honour.")
        else:
            text = gettext("“%(award)s” (%(year)s) is given among those who held “%(needs)s” %(times)s consecutive "
                           "times (%(article)s); this profile shows %(found)s before %(year)s. Check before "
                           "publishing the honour.")
        messages.warning(request, text % values)


hooks.register("after_create_page", warn_about_prerequisites)
hooks.register("after_edit_page", warn_about_prerequisites)
