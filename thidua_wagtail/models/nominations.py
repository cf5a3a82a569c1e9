"""Public nominations of exemplary cases (đề cử điển hình tiên tiến).

An editor places a NominationPage where they want it; visitors send a Nomination through it; the office
reviews nominations in the admin (new / accepted / rejected) and accepting one makes a draft
ExemplaryProfilePage from it (``accept_nomination``). The form, its abuse protection and the notification mail are in
``nomination_form.py``.
"""

import uuid

from django.conf import settings
from django.db import models, transaction
from django.forms import modelform_factory
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail_localize.fields import SynchronizedField

from ..blocks import RICH_TEXT_FEATURES
from ..nomination_form import NominationForm, notify_editors
from ..pagetypes import Section
from ..querysets import published
from ..submissions import MailNotification, notify_list, reserve_submission
from .base import ThiduaPageMixin, unique_child_slug
from .campaigns import CampaignPage
from .profiles import ExemplaryProfilePage, ProfileCampaign, ProfileIndexPage
from .snippets import Unit


class NominationPage(ThiduaPageMixin, Page):
    """A page with the nomination form. Submissions are stored as Nomination objects."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    privacy_notice = RichTextField(
        _("personal data notice"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("How the personal data sent with a nomination is processed (shown above the consent box)."),
    )
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=RICH_TEXT_FEATURES)
    notify_emails = models.CharField(
        _("notify by email"),
        max_length=500,
        blank=True,
        help_text=_("Addresses told of each new nomination, separated by commas."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel([FieldPanel("notify_emails")], heading=_("Notifications")),
    ]

    # Where nominations (personal data) are mailed is not translatable text: a translation keeps the source's
    # addresses, and the addresses used are always the source page's (get_notify_list).
    override_translatable_fields = [SynchronizedField("notify_emails", overridable=False)]

    subpage_types = []
    max_count_per_parent = 1
    section = Section("nominations", pgettext_lazy("section title", "Nominate an exemplary case"), order=40,
                      workflow=False)

    class Meta:
        verbose_name = _("nomination form")
        verbose_name_plural = _("nomination forms")

    def get_notify_list(self):
        return notify_list(self)

    cache_responses = False  # the form carries a CSRF token and per-visitor errors

    def get_form(self, *args, **kwargs):
        """The nomination form, offering this page's language's units and campaigns."""
        units = Unit.objects.filter(locale=self.locale_id).order_by("sort_order", "name")
        campaigns = published(CampaignPage.objects.filter(locale=self.locale_id)).order_by("-start_date", "title")
        return NominationModelForm(*args, locale=self.locale, units=units, campaigns=campaigns, **kwargs)

    def serve(self, request, *args, **kwargs):
        status = 200
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES)
            if form.is_spam:
                return HttpResponseRedirect(self.url + "?sent=1")
            if not form.is_valid():
                status = 400
            elif not reserve_submission(request):
                form.add_error(None, gettext(
                    "Too many nominations have been sent from your address. Please try again later."))
                status = 429
            else:
                nomination = form.save(self)
                admin_url = request.build_absolute_uri(reverse("thidua_nominations:edit", args=[nomination.pk]))
                transaction.on_commit(lambda: notify_editors(self, nomination, admin_url))
                return HttpResponseRedirect(self.url + "?sent=1")
        else:
            form = self.get_form()
        context = self.get_context(request, *args, **kwargs)
        context.update(form=form, sent=request.GET.get("sent") == "1" and request.method == "GET")
        response = TemplateResponse(request, self.get_template(request, *args, **kwargs), context, status=status)
        response["Cache-Control"] = "private, no-cache"
        return response


def attachment_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"thidua_nominations/{uuid.uuid4().hex}.{extension}"


class Nomination(models.Model):
    """What a visitor sent through a NominationPage."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", pgettext_lazy("nomination", "Rejected")

    Notification = MailNotification

    page = models.ForeignKey(
        NominationPage, verbose_name=_("form page"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="nominations",
    )
    locale = models.ForeignKey("wagtailcore.Locale", verbose_name=_("language"), on_delete=models.PROTECT,
                               related_name="+")
    kind = models.CharField(_("nominated"), max_length=20, choices=ExemplaryProfilePage.Kind.choices,
                            default=ExemplaryProfilePage.Kind.INDIVIDUAL)
    nominee_name = models.CharField(_("name of the person or collective"), max_length=255)
    position = models.CharField(_("position"), max_length=255, blank=True)
    unit = models.ForeignKey("thidua_wagtail.Unit", verbose_name=_("unit"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    unit_name = models.CharField(_("unit (if not listed)"), max_length=255, blank=True)
    achievements = models.TextField(_("achievements"))
    campaign = models.ForeignKey("thidua_wagtail.CampaignPage", verbose_name=_("campaign"), null=True,
                                 blank=True, on_delete=models.SET_NULL, related_name="+")
    nominator_name = models.CharField(_("your name"), max_length=255)
    nominator_email = models.EmailField(_("your email"))
    nominator_phone = models.CharField(_("your phone"), max_length=32, blank=True)
    consent = models.BooleanField(_("consent to processing of personal data"), default=False)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True, db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW,
                              db_index=True)
    review_note = models.TextField(_("review note"), blank=True)
    notification = models.CharField(_("email notification"), max_length=20, choices=Notification.choices,
                                    default=Notification.PENDING, db_index=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    profile = models.ForeignKey(ExemplaryProfilePage, verbose_name=_("profile"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-submitted_at"]

    def __str__(self):
        return self.nominee_name

    @property
    def unit_display(self):
        return self.unit.name if self.unit_id else self.unit_name

    @property
    def campaign_title(self):
        return self.campaign.title if self.campaign_id else ""


# The visitor's form bound to the model, built once (NominationPage.get_form).
NominationModelForm = modelform_factory(Nomination, form=NominationForm)


class NominationAttachment(models.Model):
    """A file sent with a nomination (PDF or image), stored under a random name."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


# ---------------------------------------------------------------------------
# Review
# ---------------------------------------------------------------------------


class NominationReviewError(ValueError):
    pass


def accept_nomination(nomination, user):
    """Mark ``nomination`` accepted and create a draft profile from it; return the profile."""
    if nomination.profile_id:
        raise NominationReviewError(gettext("A profile was already created from this nomination."))
    index = ProfileIndexPage.objects.filter(locale=nomination.locale).order_by("path").first()
    if index is None:
        index = ProfileIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()
    if index is None:
        raise NominationReviewError(gettext("There is no profile list to create the profile in."))
    with transaction.atomic():
        profile = ExemplaryProfilePage(
            title=nomination.nominee_name,
            slug=unique_child_slug(index, nomination.nominee_name, "de-cu"),
            live=False,
            kind=nomination.kind,
            position=nomination.position,
            unit=nomination.unit if nomination.unit and nomination.unit.locale_id == index.locale_id else None,
            year_recognised=timezone.localdate().year,
            achievements=nomination.achievements,
            owner=user,
        )
        if nomination.campaign_id:
            profile.campaign_links.add(ProfileCampaign(campaign=nomination.campaign))
        index.add_child(instance=profile)
        profile.save_revision(user=user, log_action=True)
        nomination.status = Nomination.Status.ACCEPTED
        nomination.profile = profile
        nomination.reviewed_by = user
        nomination.reviewed_at = timezone.now()
        nomination.save(update_fields=["status", "profile", "reviewed_by", "reviewed_at"])
    return profile


def reject_nomination(nomination, user, note=""):
    nomination.status = Nomination.Status.REJECTED
    nomination.reviewed_by = user
    nomination.reviewed_at = timezone.now()
    if note:
        nomination.review_note = note
    nomination.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
