"""Public consultation on nominees (lấy ý kiến Nhân dân).

Before the emulation and commendation council considers orders and state honorary titles, the proposing body
publishes its nominees on its own media for public comment for at least 10 working days (Decree 98/2023/NĐ-CP,
Art. 46(1); Decree 152/2025/NĐ-CP, Art. 60(3), which carries the duty on from 1/7/2025). A ``ConsultationPage`` is
that publication: the nominees (a profile, or a name, position, unit and summary of achievements), the award
proposed for each, the legal basis, and the window, which the admin refuses when it holds fewer working days than
``THIDUA_CONSULTATION_MIN_WORKING_DAYS`` (``workdays.py``: Tết and the other holidays are not working days).

Visitors comment on a nominee through the page while the window is open; the server refuses comments outside it,
whatever the page showed. After closing the page stays as the public record: closed, with the number of comments
received. Comments (``ConsultationComment``, personal data) are never shown publicly; the Office reads, handles
and exports them in the admin (``viewsets.ConsultationCommentViewSet``). The form, its protections and the
notification mail are in ``consultation_form.py``.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext, ngettext_lazy, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import RICH_TEXT_FEATURES, BodyBlock
from ..conf import thidua_settings
from ..consultation_form import CommentForm, notify_editors
from ..filters import FilterSelect, ListingFilterForm, year_field
from ..i18n import format_date
from ..pagetypes import Card, Related, Section
from ..querysets import today
from ..submissions import MailNotification, notify_list, reserve_submission
from ..workdays import add_working_days, days_off, working_days_between
from .base import DetailPage, FilteredIndexPage
from .honours import award_with_grade
from .profiles import ExemplaryProfilePage
from .serializers import AwardSerializer, PageLinkSerializer, UnitSerializer
from .snippets import Award

DEFAULT_LEGAL_BASIS = ("Khoản 1 Điều 46 Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi "
                       "hành một số điều của Luật Thi đua, khen thưởng; khoản 3 Điều 60 Nghị định số 152/2025/NĐ-CP "
                       "ngày 14/6/2025 của Chính phủ.")


class ConsultationStatus(models.TextChoices):
    UPCOMING = "upcoming", pgettext_lazy("consultation", "Not yet open")
    OPEN = "open", pgettext_lazy("consultation", "Open for comments")
    CLOSED = "closed", pgettext_lazy("consultation", "Closed")


class ConsultationFilterForm(ListingFilterForm):
    status = forms.ChoiceField(label=_("Status"), widget=FilterSelect, choices=[
        ("", _("Any status")), *ConsultationStatus.choices])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"] = year_field(_("Year"))

    def filter_status(self, queryset, value):
        on = today()
        if value == ConsultationStatus.UPCOMING:
            return queryset.filter(opens_on__gt=on)
        if value == ConsultationStatus.OPEN:
            return queryset.filter(opens_on__lte=on, closes_on__gte=on)
        return queryset.filter(closes_on__lt=on)

    def filter_year(self, queryset, value):
        return queryset.filter(opens_on__year=value)


class ConsultationIndexPage(FilteredIndexPage):
    """Lists the consultations below it, newest first, filterable by status and year."""

    filter_form_class = ConsultationFilterForm
    listing_model = "thidua_wagtail.ConsultationPage"
    results_text = ngettext_lazy("%(counter)s consultation", "%(counter)s consultations", "counter")
    empty_text = _("No consultation matches these filters.")
    listing_class = "td-list"
    section = Section("consultations", pgettext_lazy("section title", "Public consultation on nominees"), order=35)

    subpage_types = ["thidua_wagtail.ConsultationPage"]

    class Meta:
        verbose_name = _("consultation index")
        verbose_name_plural = _("consultation indexes")


class ConsultationPage(DetailPage):
    """The nominees put to public comment before the council meets, and the window for comments."""

    summary = models.TextField(_("summary"), help_text=_("One or two sentences shown in lists and search results."))
    proposing_body = models.CharField(
        _("proposing body"), max_length=255, help_text=_("Who proposes the nominees, e.g. \"Sở Khoa học và Công nghệ\"."))
    proposed_to = models.CharField(
        _("proposed to"), max_length=255, blank=True,
        help_text=_("Who will consider the proposal, e.g. \"Chủ tịch UBND tỉnh\" or \"Thủ tướng Chính phủ\"."))
    opens_on = models.DateField(_("comments open on"))
    closes_on = models.DateField(
        _("comments close on"),
        help_text=_("The last day comments are accepted. The window must hold at least the legal number of working "
                    "days; holidays such as Tết do not count."))
    council_meets_on = models.DateField(
        _("the council meets on"), null=True, blank=True,
        help_text=_("The emulation and commendation council's meeting, if known: it must come after the window."))
    legal_basis = models.TextField(_("legal basis"), default=DEFAULT_LEGAL_BASIS)
    how_to_comment = RichTextField(
        _("other ways to comment"), blank=True, features=RICH_TEXT_FEATURES,
        help_text=_("The postal address, e-mail or telephone that also takes comments (shown beside the form)."))
    privacy_notice = RichTextField(
        _("personal data notice"), blank=True, features=RICH_TEXT_FEATURES,
        help_text=_("How the personal data sent with a comment is processed (shown above the consent box)."))
    body = StreamField(BodyBlock(), verbose_name=_("more information"), blank=True)
    campaign = models.ForeignKey(
        "thidua_wagtail.CampaignPage", verbose_name=_("campaign"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("The campaign whose results the nominees come from, if any: the consultation "
                                      "then shows on its timeline."))
    notify_emails = models.CharField(
        _("notify by email"), max_length=500, blank=True,
        help_text=_("Addresses told of each new comment, separated by commas."))

    card = Card(key="consultation", template="thidua_wagtail/includes/consultation_card.html",
                label=pgettext_lazy("page type", "Public consultation"), ordering=("-opens_on", "-pk"),
                text="summary", date="opens_on")
    related = {
        "profiles": Related("thidua_wagtail.ExemplaryProfilePage", rows="nominees", field="profile"),
        "campaign": Related("thidua_wagtail.CampaignPage", reference="campaign", single=True),
    }
    feed_urls = ("thidua_wagtail:consultations_rss", "thidua_wagtail:consultations_atom")
    folded_search_fields = ["title", "summary", "nominee_names"]
    # The form carries a CSRF token and per-visitor errors; the page is also open or closed by the day.
    cache_responses = False

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("proposing_body"), FieldPanel("proposed_to")]),
            FieldPanel("campaign"),
            FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on"), FieldPanel("council_meets_on")]),
            FieldPanel("legal_basis"),
        ], heading=_("Consultation")),
        InlinePanel("nominees", heading=_("Nominees"), label=_("Nominee"), min_num=1),
        FieldPanel("how_to_comment"),
        FieldPanel("privacy_notice"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("notify_emails")], heading=_("Notifications")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("folded_search_text"),
        index.AutocompleteField("folded_search_text"),
        index.FilterField("opens_on"),
    ]

    # Where comments (personal data) are mailed is not translatable text (as for nominations); the dates are the
    # same in every language.
    override_translatable_fields = [
        SynchronizedField("notify_emails", overridable=False),
        SynchronizedField("opens_on", overridable=False),
        SynchronizedField("closes_on", overridable=False),
        SynchronizedField("council_meets_on", overridable=False),
    ]

    api_fields = [
        APIField("summary"),
        APIField("proposing_body"),
        APIField("proposed_to"),
        APIField("opens_on"),
        APIField("closes_on"),
        APIField("council_meets_on"),
        APIField("status"),
        APIField("legal_basis"),
        APIField("nominees"),
        APIField("profiles", serializer=PageLinkSerializer(source="related_pages.profiles", many=True,
                                                           read_only=True)),
        APIField("comments_received"),
    ]

    parent_page_types = ["thidua_wagtail.ConsultationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("public consultation")
        verbose_name_plural = _("public consultations")

    # -- the window -------------------------------------------------------------------------------------------

    @staticmethod
    def earliest_closing(opens_on):
        """The first day the window may close: its last working day when it holds the legal minimum."""
        return add_working_days(opens_on, thidua_settings.CONSULTATION_MIN_WORKING_DAYS)

    @property
    def working_days(self):
        return working_days_between(self.opens_on, self.closes_on)

    def days_off_in_window(self):
        """The holidays the window spans, named in the page's language."""
        language = "vi" if self.locale.language_code == "vi" else "en_US"
        return days_off(self.opens_on, self.closes_on, language)

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_on and self.closes_on:
            earliest = self.earliest_closing(self.opens_on)
            if self.closes_on < earliest:
                errors["closes_on"] = _(
                    "The window holds %(count)s working days; the law asks for at least %(minimum)s. Opening on "
                    "%(opens)s, comments may close on %(earliest)s at the earliest.") % {
                    "count": working_days_between(self.opens_on, self.closes_on) if self.closes_on >= self.opens_on
                    else 0,
                    "minimum": thidua_settings.CONSULTATION_MIN_WORKING_DAYS,
                    "opens": format_date(self.opens_on, "short"),
                    "earliest": format_date(earliest, "short")}
            if self.council_meets_on and self.council_meets_on <= self.closes_on:
                errors["council_meets_on"] = _("The council can only meet after the comments have closed.")
        if errors:
            raise ValidationError(errors)

    def get_status(self, on=None):
        on = on or today()
        if on < self.opens_on:
            return ConsultationStatus.UPCOMING
        if on > self.closes_on:
            return ConsultationStatus.CLOSED
        return ConsultationStatus.OPEN

    @property
    def status(self):
        return self.get_status()

    @property
    def status_label(self):
        return ConsultationStatus(self.status).label

    @property
    def is_open(self):
        return self.status == ConsultationStatus.OPEN

    @property
    def comments_received(self):
        """Comments received on this consultation in every language (their number only is public)."""
        return ConsultationComment.objects.filter(page__translation_key=self.translation_key).count()

    @property
    def nominee_names(self):
        return " ".join(nominee.display_name for nominee in self.nominees.all())

    def get_notify_list(self):
        return notify_list(self)

    def structured_data(self, request, base, publisher):
        return {
            **base,
            "@type": "WebPage",
            "name": self.title,
            "description": self.summary,
            "datePublished": self.opens_on.isoformat(),
            "expires": self.closes_on.isoformat(),
            "publisher": publisher,
        }

    # -- the comment form --------------------------------------------------------------------------------------

    def serve(self, request, *args, **kwargs):
        status = 200
        nominees = list(self.nominees.select_related("profile", "proposed_award", "unit"))
        # A nominee's profile is linked only when a visitor may see it (live, public, in this language).
        visible = set(self.related_pages.profiles.values_list("pk", flat=True))
        for nominee in nominees:
            nominee.public_profile = nominee.profile if nominee.profile_id in visible else None
        form = None
        if request.method == "POST":
            if not self.is_open:  # the server decides, whatever the page showed when it was loaded
                status = 403
            else:
                form = CommentForm(request.POST, nominees=nominees)
                if form.is_spam:
                    return HttpResponseRedirect(self.url + "?sent=1")
                if not form.is_valid():
                    status = 400
                elif not reserve_submission(request, "consultations", thidua_settings.CONSULTATION_RATE_LIMIT,
                                            thidua_settings.CONSULTATION_RATE_PERIOD):
                    form.add_error(None, gettext(
                        "Too many comments have been sent from your address. Please try again later."))
                    status = 429
                else:
                    comment = ConsultationComment.objects.create(**form.comment_fields(self))
                    admin_url = request.build_absolute_uri(
                        reverse("thidua_consultation_comments:edit", args=[comment.pk]))
                    transaction.on_commit(lambda: notify_editors(self, comment, admin_url))
                    return HttpResponseRedirect(self.url + "?sent=1#td-comment")
        if form is None and self.is_open:
            chosen = request.GET.get("nominee", "")
            form = CommentForm(nominees=nominees, initial={"nominee": chosen if chosen.isdigit() else ""})
        context = self.get_context(request, *args, **kwargs)
        context.update(form=form, nominees=nominees, refused=status == 403,
                       sent=request.GET.get("sent") == "1" and request.method == "GET")
        response = TemplateResponse(request, self.get_template(request, *args, **kwargs), context, status=status)
        response["Cache-Control"] = "private, no-cache"
        return response


class ConsultationNominee(TranslatableMixin, Orderable):
    """A nominee put to comment: an exemplary profile of the site, or a name, position and unit; the award proposed
    and a summary of achievements."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="nominees")
    kind = models.CharField(_("nominee"), max_length=20, choices=ExemplaryProfilePage.Kind.choices,
                            default=ExemplaryProfilePage.Kind.INDIVIDUAL)
    profile = models.ForeignKey(
        "thidua_wagtail.ExemplaryProfilePage", verbose_name=_("exemplary profile"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("If the nominee has a profile on the site; its name is used when the name is left empty."))
    name = models.CharField(_("name"), max_length=255, blank=True)
    position = models.CharField(_("position"), max_length=255, blank=True)
    unit = models.ForeignKey("thidua_wagtail.Unit", verbose_name=_("unit"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    unit_name = models.CharField(_("unit (if not listed)"), max_length=255, blank=True)
    proposed_award = models.ForeignKey(Award, verbose_name=_("proposed award"), on_delete=models.PROTECT,
                                       related_name="+")
    proposed_grade = models.CharField(_("class"), max_length=10, blank=True, choices=Award.Grade.choices)
    achievements = models.TextField(_("summary of achievements"))

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("profile")]),
        FieldRowPanel([FieldPanel("name"), FieldPanel("position")]),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("unit_name")]),
        FieldRowPanel([FieldPanel("proposed_award"), FieldPanel("proposed_grade")]),
        FieldPanel("achievements"),
    ]

    api_fields = [
        APIField("kind"),
        APIField("display_name"),
        APIField("position"),
        APIField("unit", serializer=UnitSerializer(read_only=True)),
        APIField("unit_name"),
        APIField("proposed_award", serializer=AwardSerializer(read_only=True)),
        APIField("proposed_grade"),
        APIField("achievements"),
    ]
    override_translatable_fields = [SynchronizedField("kind"), SynchronizedField("proposed_grade")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("nominee")
        verbose_name_plural = _("nominees")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.name or (self.profile.title if self.profile_id and self.profile else "")

    @property
    def unit_display(self):
        return self.unit.name if self.unit_id and self.unit else self.unit_name

    @property
    def award_display(self):
        if not self.proposed_award_id:
            return ""
        return award_with_grade(self.proposed_award, self.get_proposed_grade_display() if self.proposed_grade else "")

    def clean(self):
        super().clean()
        if not self.name.strip() and not self.profile_id:
            raise ValidationError({"name": _("Give the nominee's name, or choose their profile.")})


class ConsultationComment(models.Model):
    """A comment a visitor sent on a nominee. Personal data: never shown publicly, only counted."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        HANDLED = "handled", pgettext_lazy("comment", "Handled")

    Notification = MailNotification

    page = models.ForeignKey(ConsultationPage, verbose_name=_("consultation"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="comments")
    nominee = models.ForeignKey(ConsultationNominee, verbose_name=_("nominee"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="comments")
    # What the comment was about, as the visitor saw it: kept when the page or the nominee is edited or deleted.
    consultation_title = models.CharField(_("consultation"), max_length=255)
    nominee_name = models.CharField(_("nominee"), max_length=255)
    locale = models.ForeignKey("wagtailcore.Locale", verbose_name=_("language"), on_delete=models.PROTECT,
                               related_name="+")
    author_name = models.CharField(_("sender"), max_length=255)
    contact = models.CharField(_("e-mail or telephone"), max_length=255)
    content = models.TextField(_("comment"))
    consent = models.BooleanField(_("I agree to the processing of my personal data for this consultation"),
                                  default=False)
    submitted_at = models.DateTimeField(_("sent"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    handling_note = models.TextField(_("how it was handled"), blank=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("handled by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    notification = models.CharField(_("notification"), max_length=20, choices=Notification.choices,
                                    default=Notification.PENDING)

    class Meta:
        verbose_name = _("comment on a nominee")
        verbose_name_plural = _("comments on nominees")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return f"{self.nominee_name}: {self.author_name}"
