"""The Wagtail admin dashboard's panels (registered in wagtail_hooks.py).

Each panel does a fixed number of queries, whatever the number of pages.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import TranslationSource

from .compat import get_permission_policy
from .compliance import compliance_gaps
from .models import CampaignPage, ConsultationComment, ConsultationPage, Nomination, RegistrationPage, Unit
from .models.registrations import editor_units
from .pagetypes import detail_types
from .translation_review import outdated_sources

LIMIT = 8


def _can_edit_pages(user):
    return get_permission_policy(Page).user_has_any_permission(user, ["add", "change", "publish"])


class DashboardPanel(Component):
    """A panel shown only to the users ``is_shown_to`` accepts (by default: those who edit pages)."""

    def __init__(self, request):
        self.request = request

    def is_shown_to(self, user):
        return _can_edit_pages(user)

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.is_shown_to(self.request.user) else ""


class CampaignsPanel(DashboardPanel):
    """Campaigns under way, and those ending within 30 days first."""

    name = "thidua_campaigns"
    template_name = "thidua_wagtail/admin/panels/campaigns.html"
    order = 110

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        soon = today + datetime.timedelta(days=30)
        ongoing = (CampaignPage.objects.live().ongoing(today).filter(locale=Locale.get_default())
                   .defer_streamfields().order_by("end_date", "title"))
        ending = list(ongoing.filter(end_date__isnull=False, end_date__lte=soon)[:LIMIT])
        return {
            "ending": ending,
            "ongoing": ongoing.exclude(pk__in=[c.pk for c in ending])[:LIMIT],
            "ongoing_count": ongoing.count(),
            "today": today,
        }


class NominationsPanel(DashboardPanel):
    name = "thidua_nominations"
    template_name = "thidua_wagtail/admin/panels/nominations.html"
    order = 120

    def is_shown_to(self, user):
        return get_permission_policy(Nomination).user_has_any_permission(user, ["change", "view"])

    def get_context_data(self, parent_context):
        waiting = Nomination.objects.filter(status=Nomination.Status.NEW).select_related("campaign")
        return {
            "count": waiting.count(),
            "nominations": waiting.order_by("submitted_at")[:LIMIT],
            "list_url": reverse("thidua_nominations:index") + "?status=new",
            # Nominations the Office was never told of (the mail failed): they must not go unnoticed.
            "unnotified": Nomination.objects.filter(notification=Nomination.Notification.FAILED).count(),
            "unnotified_url": reverse("thidua_nominations:index") + "?notification=failed",
        }


class ConsultationsPanel(DashboardPanel):
    """Consultations on nominees open now (closing soonest first) and opening soon, with their comments to handle."""

    name = "thidua_consultations"
    template_name = "thidua_wagtail/admin/panels/consultations.html"
    order = 125

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        pages = ConsultationPage.objects.live().filter(locale=Locale.get_default()).defer_streamfields()
        open_now = list(pages.filter(opens_on__lte=today, closes_on__gte=today).order_by("closes_on")[:LIMIT])
        upcoming = list(pages.filter(opens_on__gt=today).order_by("opens_on")[:LIMIT])
        keys = [page.translation_key for page in open_now]
        new = (ConsultationComment.objects.filter(page__translation_key__in=keys, status="new")
               .values("page__translation_key").annotate(n=Count("pk")))
        counts = {row["page__translation_key"]: row["n"] for row in new}
        user = self.request.user
        can_read = get_permission_policy(ConsultationComment).user_has_any_permission(user, ["change", "view"])
        return {
            "open": [(page, counts.get(page.translation_key, 0), (page.closes_on - today).days) for page in open_now],
            "upcoming": upcoming,
            "can_read": can_read,
            "new_count": ConsultationComment.objects.filter(status="new").count() if can_read else 0,
            "list_url": reverse("thidua_consultation_comments:index") + "?status=new",
            "unnotified": ConsultationComment.objects.filter(notification="failed").count() if can_read else 0,
            "unnotified_url": reverse("thidua_consultation_comments:index") + "?notification=failed",
        }


class RegistrationsPanel(DashboardPanel):
    """Units' registrations waiting for the Office (submitted) or returned to their unit (changes requested), and
    which units have not filed this year's yet. A unit's editors see their own units' only."""

    name = "thidua_registrations"
    template_name = "thidua_wagtail/admin/panels/registrations.html"
    order = 127

    def get_context_data(self, parent_context):
        user = self.request.user
        default = Locale.get_default()
        units = Unit.objects.filter(locale=default)
        pages = RegistrationPage.objects.filter(locale=default)
        if not (user.is_superuser or get_permission_policy(Page).user_has_permission(user, "publish")):
            units = units & editor_units(user)
            pages = pages.filter(unit__in=units)
        states = (WorkflowState.objects.active()
                  .filter(base_content_type=ContentType.objects.get_for_model(Page),
                          content_type=ContentType.objects.get_for_model(RegistrationPage),
                          object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)])
                  .select_related("requested_by", "current_task_state").order_by("created_at"))
        states = list(states)
        by_id = pages.select_related("unit").in_bulk([int(state.object_id) for state in states])
        rows = [(by_id[int(state.object_id)], state) for state in states if int(state.object_id) in by_id]
        waiting = [row for row in rows if row[1].status == WorkflowState.STATUS_IN_PROGRESS]
        returned = [row for row in rows if row[1].status == WorkflowState.STATUS_NEEDS_CHANGES]
        year = timezone.localdate().year
        filed = set(pages.filter(year=year, live=True).values_list("unit_id", flat=True))
        missing = [unit for unit in units.order_by("sort_order", "name") if unit.pk not in filed]
        return {"waiting": waiting[:LIMIT], "waiting_count": len(waiting), "returned": returned[:LIMIT],
                "returned_count": len(returned), "year": year, "filed_count": len(filed),
                "unit_count": len(missing) + len(filed), "missing": missing[:LIMIT], "missing_count": len(missing)}


class ReviewPanel(DashboardPanel):
    """Campaign, profile and news pages in a workflow, oldest first: what the office has to review."""

    name = "thidua_review"
    template_name = "thidua_wagtail/admin/panels/review.html"
    order = 130

    def get_context_data(self, parent_context):
        page_type = ContentType.objects.get_for_model(Page)
        types = [ContentType.objects.get_for_model(model) for model in detail_types()]
        states = list(
            WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=page_type,
                                         content_type__in=types)
            .select_related("current_task_state__task", "requested_by")
            .order_by("created_at")[:LIMIT]
        )
        pages = Page.objects.filter(pk__in=[int(s.object_id) for s in states]).in_bulk()
        rows = [(pages.get(int(s.object_id)), s) for s in states if int(s.object_id) in pages]
        return {"rows": rows}


class TranslationsPanel(DashboardPanel):
    """Published pages whose translation is missing, or older than the source's last publication."""

    name = "thidua_translations"
    template_name = "thidua_wagtail/admin/panels/translations.html"
    order = 140

    def get_context_data(self, parent_context):
        default = Locale.get_default()
        targets = list(Locale.objects.exclude(pk=default.pk))
        sources = list(Page.objects.type(*detail_types()).live().filter(locale=default)
                       .only("pk", "title", "translation_key", "last_published_at").order_by("-last_published_at"))
        keys = [p.translation_key for p in sources]
        translated = set(Page.objects.filter(translation_key__in=keys, locale__in=targets)
                         .values_list("translation_key", "locale_id"))
        synced = dict(TranslationSource.objects.filter(object_id__in=keys, locale=default)
                      .values_list("object_id", "last_updated_at"))
        missing, outdated = [], []
        for page in sources:
            for locale in targets:
                if (page.translation_key, locale.pk) not in translated:
                    missing.append((page, locale))
                elif page.last_published_at and synced.get(page.translation_key) and \
                        synced[page.translation_key] < page.last_published_at:
                    outdated.append((page, locale))
        user = self.request.user
        return {"missing": missing[:LIMIT], "missing_count": len(missing),
                "outdated": outdated[:LIMIT], "outdated_count": len(outdated), "has_targets": bool(targets),
                # "Sync every changed page" (translation_review.SyncOutdatedTranslationsView)
                "can_sync": user.has_perm("wagtail_localize.submit_translation") and outdated_sources().exists(),
                "machine_translator": get_machine_translator()}


class CompliancePanel(DashboardPanel):
    """How many gaps the Decree 42 compliance report lists (compliance.py), by kind, with a link to it."""

    name = "thidua_compliance"
    template_name = "thidua_wagtail/admin/panels/compliance.html"
    order = 150

    def get_context_data(self, parent_context):
        gaps = compliance_gaps()
        counts = {}
        for gap in gaps:
            counts[gap.label] = counts.get(gap.label, 0) + 1
        return {"count": len(gaps), "counts": sorted(counts.items(), key=lambda item: -item[1]),
                "report_url": reverse("thidua_compliance")}


def dashboard_panels(request):
    return [CampaignsPanel(request), NominationsPanel(request), ConsultationsPanel(request),
            RegistrationsPanel(request), ReviewPanel(request),
            TranslationsPanel(request), CompliancePanel(request)]
