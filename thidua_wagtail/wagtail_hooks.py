"""Registrations only: admin screens, dashboard panels, the honours report, permission policies."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .compat import get_permission_policy, set_permission_policy
from .dashboard import dashboard_panels
from .models import ExemplaryProfilePage, Nomination
from .reports import HonoursReportView
from .translation_review import ReviewedUpdateTranslationsView, guard_snippet_delete, guard_snippet_edit
from .viewsets import NominationPermissionPolicy, ThiduaViewSetGroup

set_permission_policy(Nomination, NominationPermissionPolicy(Nomination))
register_snippet(ThiduaViewSetGroup)


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels.extend(dashboard_panels(request))


@hooks.register("register_admin_urls", order=-1)  # before wagtail-localize's own URL for the same path
def register_reviewed_translation_sync():
    return [path("localize/update/<int:translation_source_id>/", ReviewedUpdateTranslationsView.as_view(),
                 name="thidua_update_translations")]


# Before wagtail-localize's translation editor (which hooks in the same way), so its publish button is guarded.
hooks.register("before_edit_snippet", guard_snippet_edit, order=-1)
hooks.register("before_delete_snippet", guard_snippet_delete, order=-1)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/thidua-honours/", HonoursReportView.as_view(), name="thidua_honours_register"),
        path("reports/thidua-honours/results/", HonoursReportView.as_view(results_only=True),
             name="thidua_honours_register_results"),
    ]


class HonoursMenuItem(MenuItem):
    def is_shown(self, request):
        return get_permission_policy(ExemplaryProfilePage).user_has_any_permission(
            request.user, ["add", "change", "publish"])


@hooks.register("register_reports_menu_item")
def register_honours_report_menu_item():
    return HonoursMenuItem(_("Honours register"), reverse("thidua_honours_register"), icon_name="pick", order=750)
