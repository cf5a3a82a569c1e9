"""Emulation campaigns (phong trào thi đua) and the index that lists them."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import RICH_TEXT_FEATURES, BodyBlock
from ..filters import FilterSelect, ListingFilterForm, choice_field, year_field
from ..pagetypes import Card, Related, Section
from ..querysets import CampaignManager, public, today
from .base import DetailPage, FilteredIndexPage
from .serializers import OfficialDocumentSerializer, PageLinkSerializer, UnitSerializer

PROFILE = "thidua_wagtail.ExemplaryProfilePage"
NEWS = "thidua_wagtail.NewsPage"


class CampaignFilterForm(ListingFilterForm):
    STATUS_CHOICES = [
        ("", _("Any status")),
        ("ongoing", _("Ongoing")),
        ("upcoming", _("Upcoming")),
        ("ended", _("Ended")),
    ]

    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, widget=FilterSelect)
    type = forms.ChoiceField(label=_("Type"), widget=FilterSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("Any type")), *CampaignPage.CampaignType.choices]
        self.fields["year"] = year_field(_("Year"))

    def filter_status(self, queryset, value):
        return queryset.with_status(value)

    def filter_type(self, queryset, value):
        return queryset.filter(campaign_type=value)

    def filter_year(self, queryset, value):
        return queryset.active_in_year(value)


class CampaignIndexPage(FilteredIndexPage):
    """Lists the campaigns below it, filterable by status, type and year."""

    filter_form_class = CampaignFilterForm
    listing_model = "thidua_wagtail.CampaignPage"
    results_text = ngettext_lazy("%(counter)s campaign", "%(counter)s campaigns", "counter")
    empty_text = _("No campaign matches these filters.")
    section = Section("campaigns", pgettext_lazy("section title", "Emulation campaigns"), order=10)

    subpage_types = ["thidua_wagtail.CampaignPage"]

    class Meta:
        verbose_name = _("campaign index")
        verbose_name_plural = _("campaign indexes")


class CampaignPage(DetailPage):
    """A campaign, usually launched by a plan document (kế hoạch).

    Its status (upcoming, ongoing, ended) is derived from its dates, never stored.
    """

    class CampaignType(models.TextChoices):
        REGULAR = "regular", _("Regular")
        THEMATIC = "thematic", _("Thematic")
        PHASED = "phased", _("By phase")

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        ONGOING = "ongoing", _("Ongoing")
        ENDED = "ended", _("Ended")

    campaign_type = models.CharField(
        _("campaign type"), max_length=20, choices=CampaignType.choices, default=CampaignType.THEMATIC
    )
    launching_authority = models.CharField(
        _("launched by"), max_length=255, help_text=_("E.g. \"Sở Khoa học và Công nghệ\".")
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("May be left empty for a regular campaign.")
    )
    slogan = models.CharField(_("slogan"), max_length=255, blank=True)
    summary = models.TextField(_("summary"), help_text=_("One or two sentences shown in lists and search results."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    purposes = RichTextField(_("purposes"), blank=True, features=RICH_TEXT_FEATURES)
    requirements = RichTextField(_("requirements"), blank=True, features=RICH_TEXT_FEATURES)
    content = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)
    parent_campaign = models.ForeignKey(
        "thidua_wagtail.CampaignPage",
        verbose_name=_("parent campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sub_campaigns",
        help_text=_("The campaign that this one is part of, if any."),
    )

    objects = CampaignManager()

    card = Card(key="campaign", template="thidua_wagtail/includes/campaign_card.html", label=_("Campaign"),
                ordering=("-start_date", "-pk"), text="summary", date="start_date", image="hero_image",
                rendition="fill-640x320")
    related = {
        "profiles": Related(PROFILE, through="thidua_wagtail.ProfileCampaign", field="campaign", owner="profile",
                            limit="RELATED_PROFILES_COUNT"),
        "latest_news": Related(NEWS, through="thidua_wagtail.NewsRelatedCampaign", field="campaign", owner="page",
                               limit="RELATED_NEWS_COUNT"),
        "sub_campaigns": Related("thidua_wagtail.CampaignPage", referenced_by="parent_campaign",
                                 ordering=("start_date", "title")),
        "parent": Related("thidua_wagtail.CampaignPage", reference="parent_campaign", single=True),
    }
    feed_urls = ("thidua_wagtail:campaigns_rss", "thidua_wagtail:campaigns_atom")

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("campaign_type"), FieldPanel("launching_authority")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Duration")),
        FieldPanel("slogan"),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
    ]
    plan_panels = [
        MultiFieldPanel([FieldPanel("purposes"), FieldPanel("requirements")], heading=_("Purposes and requirements")),
        FieldPanel("content"),
        InlinePanel("responsibilities", heading=_("Implementation"), label=_("Responsibility")),
    ]
    links_panels = [
        InlinePanel("document_links", heading=pgettext_lazy("official documents", "Documents"),
                    label=pgettext_lazy("official document", "Document")),
        InlinePanel("unit_links", heading=_("Participating units"), label=_("Unit")),
        FieldPanel("parent_campaign"),
    ]
    review_panels = [
        InlinePanel("reviews", heading=_("Reviews"), label=_("Review")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Campaign")),
            ObjectList(plan_panels, heading=_("Plan")),
            ObjectList(links_panels, heading=_("Links")),
            ObjectList(review_panels, heading=_("Reviews")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("slogan"),
        index.SearchField("summary"),
        index.SearchField("launching_authority"),
        index.SearchField("purposes"),
        index.SearchField("requirements"),
        index.SearchField("content"),
        index.SearchField("folded_search_text"),
        index.AutocompleteField("folded_search_text"),  # the admin's search as you type, without marks
        index.FilterField("campaign_type"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]

    folded_search_fields = ["title", "slogan", "summary", "launching_authority", "purposes", "requirements", "content"]

    api_fields = [
        APIField("campaign_type"),
        APIField("launching_authority"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("status"),
        APIField("slogan"),
        APIField("summary"),
        APIField("hero_image", serializer=ImageRenditionField("fill-1200x630")),
        APIField("purposes"),
        APIField("requirements"),
        APIField("content"),
        APIField("responsibilities"),
        APIField("document_links"),
        APIField("unit_links"),
        APIField("reviews"),
        APIField("parent", serializer=PageLinkSerializer(source="get_parent_campaign", read_only=True)),
        APIField("sub_campaigns", serializer=PageLinkSerializer(source="related_pages.sub_campaigns", many=True,
                                                                read_only=True)),
        APIField("profiles", serializer=PageLinkSerializer(source="related_pages.profiles", many=True,
                                                           read_only=True)),
    ]

    parent_page_types = ["thidua_wagtail.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if not self.end_date and self.campaign_type != self.CampaignType.REGULAR:
            errors["end_date"] = _("Only a regular campaign may have no end date.")
        if self.parent_campaign_id and self.pk and self.parent_campaign.translation_key == self.translation_key:
            errors["parent_campaign"] = _("A campaign cannot be its own parent.")
        if errors:
            raise ValidationError(errors)

    def get_status(self, on=None):
        on = on or today()
        if self.start_date > on:
            return self.Status.UPCOMING
        if self.end_date and self.end_date < on:
            return self.Status.ENDED
        return self.Status.ONGOING

    @property
    def status(self):
        return self.get_status()

    @property
    def status_label(self):
        return self.Status(self.status).label

    def get_parent_campaign(self):
        return type(self).related["parent"].shown(self)

    def get_sub_campaigns(self):
        return self.related_pages.sub_campaigns

    @classmethod
    def choice_field(cls, locale):
        """A filter's choice of the live, public campaigns in ``locale``, newest first."""
        # ``type(cls)`` selects nothing more or less (every row of the campaigns' table is a campaign) but lets
        # PostgreSQL find the campaigns' pages by their content type instead of hash-joining every live page of the
        # language: 3.1 ms → 0.14 ms to run for 150 campaigns among 21,000 pages (docs/query-plans.md, before).
        campaigns = public(cls.objects.live().type(cls)).order_by("-start_date")
        return choice_field(_("Campaign"), campaigns, _("All campaigns"), locale, label_field="title")

    def structured_data(self, request, base, publisher):
        data = {
            **base,
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "startDate": self.start_date.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "organizer": {"@type": "GovernmentOrganization", "name": self.launching_authority},
            "location": {"@type": "Place", "name": publisher.get("parentOrganization", publisher)["name"]},
        }
        if self.end_date:
            data["endDate"] = self.end_date.isoformat()
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            # (a document kept private is shown only in the preview)
            documents=[link.document for link in self.document_links.select_related("document__file")
                       if link.document.is_public or getattr(request, "is_preview", False)],
            responsibilities=self.responsibilities.select_related("unit"),
            units=[link.unit for link in self.unit_links.select_related("unit")],
        )
        return context


class CampaignResponsibility(TranslatableMixin, Orderable):
    """A row of "Tổ chức thực hiện": which unit is responsible for what."""

    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="responsibilities")
    unit = models.ForeignKey(
        "thidua_wagtail.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assignee = models.CharField(
        _("assignee"),
        max_length=255,
        blank=True,
        help_text=_("Use instead of a unit for a group, e.g. \"Các phòng, đơn vị thuộc Sở\"."),
    )
    responsibility = models.TextField(_("responsibility"))

    panels = [FieldRowPanel([FieldPanel("unit"), FieldPanel("assignee")]), FieldPanel("responsibility")]
    api_fields = [APIField("unit", serializer=UnitSerializer(read_only=True)), APIField("assignee"),
                  APIField("responsibility")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")

    def clean(self):
        super().clean()
        if not self.unit_id and not self.assignee.strip():
            raise ValidationError({"assignee": _("Choose a unit or name the assignee.")})

    @property
    def assignee_name(self):
        return self.assignee or (self.unit.name if self.unit else "")


class CampaignDocument(TranslatableMixin, Orderable):
    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="document_links")
    document = models.ForeignKey(
        "thidua_wagtail.OfficialDocument", verbose_name=pgettext_lazy("official document", "document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]
    api_fields = [APIField("document", serializer=OfficialDocumentSerializer(read_only=True))]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("campaign document")
        verbose_name_plural = _("campaign documents")


class CampaignReview(TranslatableMixin, Orderable):
    """A mid-term or final review of the campaign (sơ kết, tổng kết): its date, report and report file. Its results
    (the honours the campaign's decisions conferred by then, by unit and award) are computed, not typed
    (``timeline.campaign_results``)."""

    class Kind(models.TextChoices):
        MID_TERM = "mid_term", _("Mid-term review")
        FINAL = "final", _("Final review")

    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="reviews")
    kind = models.CharField(_("review"), max_length=20, choices=Kind.choices, default=Kind.MID_TERM)
    held_on = models.DateField(_("held on"))
    title = models.CharField(_("title"), max_length=255, blank=True,
                             help_text=_("E.g. \"Sơ kết 3 năm thực hiện phong trào\"; left empty, the kind of review is shown."))
    report = RichTextField(_("report"), blank=True, features=RICH_TEXT_FEATURES)
    report_file = models.ForeignKey("wagtaildocs.Document", verbose_name=_("report file"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("held_on")]),
        FieldPanel("title"),
        FieldPanel("report"),
        FieldPanel("report_file"),
    ]
    override_translatable_fields = [SynchronizedField("kind"), SynchronizedField("held_on")]
    api_fields = [APIField("kind"), APIField("held_on"), APIField("title"), APIField("report")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("campaign review")
        verbose_name_plural = _("campaign reviews")

    @property
    def heading(self):
        return self.title or self.get_kind_display()


class CampaignUnit(TranslatableMixin, Orderable):
    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="unit_links")
    unit = models.ForeignKey(
        "thidua_wagtail.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("unit")]
    api_fields = [APIField("unit", serializer=UnitSerializer(read_only=True))]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("participating unit")
        verbose_name_plural = _("participating units")
