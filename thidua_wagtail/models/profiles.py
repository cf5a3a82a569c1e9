"""Exemplary profiles (điển hình tiên tiến): individuals and collectives, with their honours."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import BodyBlock
from ..conf import thidua_settings
from ..forms import ProfileFilterForm
from ..querysets import campaign_cards, profile_cards, published
from ..serializers import AwardSerializer, PageLinkSerializer, UnitSerializer
from ..text import FoldedSearchMixin
from .base import FilteredIndexPage, ThiduaPageMixin

YEAR_VALIDATORS = [MinValueValidator(1945), MaxValueValidator(2100)]


class ProfileIndexPage(FilteredIndexPage):
    """Lists exemplary profiles, filterable by kind, unit, award and campaign."""

    filter_form_class = ProfileFilterForm

    subpage_types = ["thidua_wagtail.ExemplaryProfilePage"]

    class Meta:
        verbose_name = _("exemplary profile index")
        verbose_name_plural = _("exemplary profile indexes")

    def get_listing_queryset(self):
        return profile_cards(published(ExemplaryProfilePage.objects.child_of(self))).order_by(
            "-year_recognised", "title"
        )


class ExemplaryProfileForm(WagtailAdminPageForm):
    """Checks that each honour may be given to this kind of recipient."""

    def clean(self):
        cleaned_data = super().clean()
        kind = cleaned_data.get("kind")
        formset = self.formsets.get("honours")
        # Formsets are cleaned after the form: clean the honours now to read them.
        if kind and formset is not None and formset.is_valid():
            for form in formset.forms:
                award = form.cleaned_data.get("award")
                if award and not form.cleaned_data.get("DELETE") and not award.can_be_given_to(kind):
                    form.add_error(
                        "award",
                        _("“%(award)s” is not awarded to %(kind)s.")
                        % {"award": award, "kind": ExemplaryProfilePage.Kind(kind).label.lower()},
                    )
                    self.add_error(None, _("Some honours do not fit this kind of recipient."))
        return cleaned_data


class ExemplaryProfilePage(ThiduaPageMixin, FoldedSearchMixin, Page):
    """An exemplary individual or collective, with their achievements and honours.

    The page title is the person's or the collective's name.
    """

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        COLLECTIVE = "collective", _("Collective")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.INDIVIDUAL)
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.CharField(
        _("position"), max_length=255, blank=True, help_text=_("Job title of an individual, e.g. \"Chuyên viên\".")
    )
    unit = models.ForeignKey(
        "thidua_wagtail.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    year_recognised = models.PositiveSmallIntegerField(_("year recognised"), validators=YEAR_VALIDATORS)
    achievements = models.TextField(
        _("achievements"), help_text=_("A short summary of the achievements, shown in lists.")
    )
    story = StreamField(BodyBlock(), verbose_name=_("story"), blank=True)

    base_form_class = ExemplaryProfileForm

    content_panels = [
        FieldPanel("title", heading=_("Name"), help_text=_("Full name of the person or name of the collective.")),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year_recognised")]),
        FieldRowPanel([FieldPanel("position"), FieldPanel("unit")]),
        FieldPanel("photo"),
        FieldPanel("achievements"),
        FieldPanel("story"),
        InlinePanel("honours", heading=_("Honours"), label=_("Honour")),
        MultiFieldPanel([InlinePanel("campaign_links", label=_("Campaign"))], heading=_("Campaigns")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("achievements"),
        index.SearchField("position"),
        index.SearchField("story"),
        index.SearchField("folded_search_text"),
        index.FilterField("kind"),
        index.FilterField("year_recognised"),
        index.FilterField("unit"),
    ]

    folded_search_fields = ["title", "position", "achievements", "story"]

    api_fields = [
        APIField("kind"),
        APIField("photo", serializer=ImageRenditionField("fill-400x500")),
        APIField("position"),
        APIField("unit", serializer=UnitSerializer(read_only=True)),
        APIField("year_recognised"),
        APIField("achievements"),
        APIField("story"),
        APIField("honours"),
        APIField("campaigns", serializer=PageLinkSerializer(source="get_campaigns", many=True, read_only=True)),
    ]

    parent_page_types = ["thidua_wagtail.ProfileIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("exemplary profile")
        verbose_name_plural = _("exemplary profiles")

    @property
    def is_individual(self):
        return self.kind == self.Kind.INDIVIDUAL

    def get_campaigns(self):
        from .campaigns import CampaignPage

        keys = self.campaign_links.values("campaign__translation_key")
        return campaign_cards(
            published(CampaignPage.objects.filter(locale_id=self.locale_id, translation_key__in=keys))
        ).order_by("-start_date")

    def get_latest_news(self):
        from .news import NewsRelatedProfile, news_linked

        return news_linked(NewsRelatedProfile.objects.filter(profile__translation_key=self.translation_key),
                           self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            honours=self.honours.select_related("award").order_by("-year", "sort_order"),
            campaigns=self.get_campaigns(),
            latest_news=self.get_latest_news()[: thidua_settings.RELATED_NEWS_COUNT],
        )
        return context


class ProfileHonour(TranslatableMixin, Orderable):
    """One honour received: an award, the year, and the decision that conferred it."""

    profile = ParentalKey(ExemplaryProfilePage, on_delete=models.CASCADE, related_name="honours")
    award = models.ForeignKey(
        "thidua_wagtail.Award", verbose_name=_("award"), on_delete=models.PROTECT, related_name="honours"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    decision_number = models.CharField(
        _("decision number"), max_length=64, blank=True, help_text=_("E.g. \"1234/QĐ-UBND\".")
    )
    decided_by = models.CharField(
        _("decided by"), max_length=255, blank=True, help_text=_("E.g. \"Chủ tịch UBND tỉnh Thái Nguyên\".")
    )

    panels = [
        FieldRowPanel([FieldPanel("award"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decided_by")]),
    ]

    override_translatable_fields = [SynchronizedField("year"), SynchronizedField("decision_number")]
    api_fields = [APIField("award", serializer=AwardSerializer(read_only=True)), APIField("year"),
                  APIField("decision_number"), APIField("decided_by")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("honour")
        verbose_name_plural = _("honours")

    def __str__(self):
        return f"{self.award} ({self.year})"

    @property
    def unit_name(self):
        """The unit of the person or collective honoured ("" when none is given)."""
        return self.profile.unit.name if self.profile.unit_id else ""


class ProfileCampaign(Orderable):
    """A campaign in which the profile was recognised."""

    profile = ParentalKey(ExemplaryProfilePage, on_delete=models.CASCADE, related_name="campaign_links")
    campaign = models.ForeignKey(
        "thidua_wagtail.CampaignPage", verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("campaign")]

    class Meta(Orderable.Meta):
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        if self.campaign_id is None:
            raise ValidationError({"campaign": _("Choose a campaign.")})
