"""Admin screens of the app, grouped under one "Emulation" menu item.

- snippets: units, awards, official documents,
- nominations sent by visitors (review, filters, CSV/XLSX export, accept → draft profile),
- plan import (upload a plan, get a draft campaign),
- a decision's recipients imported from a spreadsheet (``recipient_import.py``).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .compat import WAGTAIL_7, get_permission_policy
from .exports import SafeSpreadsheetExportMixin
from .models import (
    Award,
    ConsultationComment,
    Nomination,
    NominationAttachment,
    OfficialDocument,
    Organisation,
    Unit,
)
from .models.nominations import NominationReviewError, accept_nomination, reject_nomination
from .plans.views import PlanImportView, can_import_plans
from .recipient_import import RecipientImportView, can_import_recipients

# The snippets' listings search their models' index (search_fields on the model, folded text included: see
# models/snippets.py), as you type.


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = gettext_lazy("Units")
    list_display = ["name", "short_name", "kind", "parent"]
    list_filter = ["kind", "locale"]
    ordering = ["sort_order", "name"]


class AwardViewSet(SnippetViewSet):
    model = Award
    icon = "pick"
    menu_label = gettext_lazy("Awards")
    list_display = ["name", "category", "level", "legal_basis", "valid_to"]
    list_filter = ["category", "level", "has_grades", "for_households", "locale"]
    ordering = ["sort_order", "name"]


class OfficialDocumentViewSet(SnippetViewSet):
    model = OfficialDocument
    icon = "doc-full"
    menu_label = gettext_lazy("Official documents")
    list_display = ["number", "title", "doc_type", "issue_date", "issuing_body"]
    list_filter = ["doc_type", "locale"]
    ordering = ["-issue_date"]


class OrganisationViewSet(SnippetViewSet):
    """The organisation's texts (the site settings name it), translated with wagtail-localize."""

    model = Organisation
    icon = "site"
    menu_label = gettext_lazy("Organisation")
    list_display = ["name", "parent_authority"]
    list_filter = ["locale"]


# ---------------------------------------------------------------------------
# Nominations
# ---------------------------------------------------------------------------


class VisitorSubmissionPolicy(ModelPermissionPolicy):
    """Nominations and comments on nominees come from visitors: nobody adds them in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class NominationIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    pass


class NominationEditView(generic.EditView):
    template_name = "thidua_wagtail/admin/nomination_edit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            nomination=self.object,
            attachments=self.object.attachments.all(),
            accept_url=reverse("thidua_nominations:accept", args=[self.object.pk]),
            reject_url=reverse("thidua_nominations:reject", args=[self.object.pk]),
        )
        return context


class NominationViewSet(ModelViewSet):
    model = Nomination
    name = "thidua_nominations"
    icon = "user"
    menu_label = gettext_lazy("Nominations")
    list_display = ["nominee_name", "kind", "unit_display", "campaign", "submitted_at", "status"]
    list_filter = ["status", "kind", "locale", "campaign", "submitted_at", "notification"]
    list_export = [
        "submitted_at", "status", "kind", "nominee_name", "position", "unit_display", "achievements",
        "campaign_title", "nominator_name", "nominator_email", "nominator_phone", "review_note",
    ]
    export_headings = {
        "unit_display": gettext_lazy("Unit"),
        "campaign_title": gettext_lazy("Campaign"),
    }
    export_filename = "nominations"
    search_fields = ["nominee_name", "unit_name", "achievements", "nominator_name", "nominator_email"]
    form_fields = ["status", "review_note"]
    index_view_class = NominationIndexView
    edit_view_class = NominationEditView
    copy_view_enabled = False

    if WAGTAIL_7:  # Wagtail 8 reads the registered policy itself; Wagtail 7.4 asks the viewset.
        permission_policy = cached_property(lambda self: get_permission_policy(Nomination))

    def review_target(self, request, pk):
        """The nomination a review action (POST only, "change" permission) applies to."""
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        return get_object_or_404(Nomination, pk=pk)

    def accept_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        nomination = self.review_target(request, pk)
        try:
            profile = accept_nomination(nomination, request.user)
        except NominationReviewError as error:
            messages.error(request, str(error))
            return redirect(self.get_url_name("edit"), nomination.pk)
        messages.success(request, _("Nomination accepted: a draft profile was created for review."))
        return redirect("wagtailadmin_pages:edit", profile.pk)

    def reject_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        nomination = self.review_target(request, pk)
        reject_nomination(nomination, request.user, request.POST.get("review_note", "").strip())
        messages.success(request, _("Nomination rejected."))
        return redirect(self.get_url_name("index"))

    def attachment_view(self, request, pk, attachment_pk):
        if not self.permission_policy.user_has_any_permission(request.user, ["change", "view"]):
            raise PermissionDenied
        attachment = get_object_or_404(NominationAttachment, pk=attachment_pk, nomination_id=pk)
        return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("accept/<int:pk>/", self.accept_view, name="accept"),
            path("reject/<int:pk>/", self.reject_view, name="reject"),
            path("attachment/<int:pk>/<int:attachment_pk>/", self.attachment_view, name="attachment"),
        ]


# ---------------------------------------------------------------------------
# Comments on nominees (public consultations)
# ---------------------------------------------------------------------------


class ConsultationCommentIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    pass


class ConsultationCommentEditView(generic.EditView):
    template_name = "thidua_wagtail/admin/consultation_comment_edit.html"

    def save_instance(self):
        """Marking a comment handled records who and when; returning it to "new" clears them."""
        comment = self.form.save(commit=False)
        if comment.status == ConsultationComment.Status.HANDLED:
            if comment.handled_at is None:
                comment.handled_at, comment.handled_by = timezone.now(), self.request.user
        else:
            comment.handled_at = comment.handled_by = None
        comment.save()
        return comment


class ConsultationCommentViewSet(ModelViewSet):
    """The comments visitors sent on nominees: per consultation and nominee (filters), marked handled with a note,
    exported (CSV, XLSX; formula-safe). Visitors send them; nobody adds them in the admin."""

    model = ConsultationComment
    name = "thidua_consultation_comments"
    icon = "comment"
    menu_label = gettext_lazy("Comments on nominees")
    list_display = ["nominee_name", "consultation_title", "author_name", "submitted_at", "status"]
    list_filter = ["status", "page", "nominee", "locale", "notification"]
    list_export = ["submitted_at", "consultation_title", "nominee_name", "author_name", "contact", "content",
                   "status", "handling_note", "handled_at"]
    export_filename = "comments-on-nominees"
    search_fields = ["nominee_name", "consultation_title", "author_name", "contact", "content"]
    form_fields = ["status", "handling_note"]
    index_view_class = ConsultationCommentIndexView
    edit_view_class = ConsultationCommentEditView
    copy_view_enabled = False

    if WAGTAIL_7:
        permission_policy = cached_property(lambda self: get_permission_policy(ConsultationComment))


# ---------------------------------------------------------------------------
# Plan import
# ---------------------------------------------------------------------------


class ImportViewSet(ViewSet):
    """An import screen of the Emulation menu (one view at its root), shown only to those ``allowed(user)`` lets
    in: ``menu_item_class``, public API of Wagtail 7.4 and 8 alike, is made for each subclass."""

    view_class = None
    allowed = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        allowed = cls.allowed
        cls.menu_item_class = type(f"{cls.__name__}MenuItem", (MenuItem,),
                                   {"is_shown": lambda self, request: allowed(request.user)})

    def get_urlpatterns(self):
        return [path("", self.view_class.as_view(), name="index")]


class PlanImportViewSet(ImportViewSet):
    name = "thidua_plan_import"
    icon = "upload"
    menu_label = gettext_lazy("Import a plan")
    view_class = PlanImportView
    allowed = can_import_plans  # plans.views: those who may publish campaigns


class RecipientImportViewSet(ImportViewSet):
    name = "thidua_recipient_import"
    icon = "list-ul"
    menu_label = gettext_lazy("Import a decision's recipients")
    view_class = RecipientImportView
    allowed = can_import_recipients  # recipient_import: those who may add official documents


class ThiduaViewSetGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Emulation")
    menu_icon = "pick"
    menu_order = 250
    items = (UnitViewSet, AwardViewSet, OfficialDocumentViewSet, OrganisationViewSet, NominationViewSet,
             ConsultationCommentViewSet, PlanImportViewSet, RecipientImportViewSet)
