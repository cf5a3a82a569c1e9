"""News about campaigns and exemplary profiles."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..blocks import BodyBlock
from ..filters import ListingFilterForm, year_field
from ..i18n import absolute_url
from ..links import same_object
from ..pagetypes import Card, Related, Section
from ..querysets import section_members
from .base import DetailPage, FilteredIndexPage
from .campaigns import CampaignPage
from .serializers import FileSerializer, PageLinkSerializer


class NewsFilterForm(ListingFilterForm):
    tag = forms.SlugField(label=_("Topic"), max_length=100, allow_unicode=True)
    offers = ("thidua_wagtail.CampaignPage",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"] = year_field(_("Year"))
        self.fields["campaign"] = CampaignPage.choice_field(self.locale)

    def filter_tag(self, queryset, value):
        return queryset.filter(tags__slug=value)

    def filter_year(self, queryset, value):
        return queryset.filter(date__year=value)

    def filter_campaign(self, queryset, campaign):
        linked = NewsRelatedCampaign.objects.filter(same_object("campaign", campaign))
        return queryset.filter(pk__in=linked.values("page_id"))


class NewsIndexPage(FilteredIndexPage):
    """Lists news items, newest first, filterable by topic, year and campaign."""

    filter_form_class = NewsFilterForm
    listing_model = "thidua_wagtail.NewsPage"
    results_text = ngettext_lazy("%(counter)s news item", "%(counter)s news items", "counter")
    empty_text = _("No news item matches these filters.")
    listing_class = "td-list"
    shows_all_of = ("thidua_wagtail.CampaignPage",)  # the campaign filter offers every campaign
    section = Section("news", pgettext_lazy("section title", "Emulation and commendation news"), order=30,
                      unit_editors=True)

    subpage_types = ["thidua_wagtail.NewsPage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = NewsPage.tags_in(self)
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("thidua_wagtail.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(DetailPage):
    """A news item, linked to the campaigns and profiles it is about."""

    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), help_text=_("Shown in lists and search results."))
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(verbose_name=_("topics"), through=NewsPageTag, blank=True)

    card = Card(key="news", template="thidua_wagtail/includes/news_card.html", label=_("News"), ordering=("-date", "-pk"),
                text="summary", date="date", image="image", rendition="fill-480x270")
    related = {
        "campaigns": Related("thidua_wagtail.CampaignPage", rows="related_campaigns", field="campaign"),
        "profiles": Related("thidua_wagtail.ExemplaryProfilePage", rows="related_profiles", field="profile"),
    }
    feed_urls = ("thidua_wagtail:news_rss", "thidua_wagtail:news_atom")
    og_type = "article"

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                InlinePanel("related_campaigns", label=_("Campaign")),
                InlinePanel("related_profiles", label=_("Exemplary profile")),
            ],
            heading=_("Related"),
        ),
        InlinePanel("attachments", heading=_("Attachments"), label=_("Attachment")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("folded_search_text"),
        index.AutocompleteField("folded_search_text"),  # the admin's search as you type, without marks
        index.FilterField("date"),
    ]

    folded_search_fields = ["title", "summary", "body"]

    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("image", serializer=ImageRenditionField("fill-1200x630")),
        APIField("body"),
        APIField("tags"),
        APIField("campaigns", serializer=PageLinkSerializer(source="related_pages.campaigns", many=True,
                                                            read_only=True)),
        APIField("profiles", serializer=PageLinkSerializer(source="related_pages.profiles", many=True,
                                                           read_only=True)),
        APIField("attachments"),
    ]

    parent_page_types = ["thidua_wagtail.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        # The list's order (newest first, the latest added first within a day) is this index's: a list page reads
        # its twelve keys from it and stops there (``querysets.SectionPaginator``) instead of sorting every item.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="thidua_news_order_idx")]

    @staticmethod
    def tags_in(section):
        """The tags of the news items a visitor may see below ``section``, by name."""
        # EXISTS per tag, stopping at its first tagged item found in the section, each item's page checked by its
        # key: the cost follows the tags, not the items (the section's items were read whole into a list first).
        used = NewsPageTag.objects.filter(models.Q(tag=models.OuterRef("pk")),
                                          section_members(section, key="content_object_id"))
        return Tag.objects.filter(models.Exists(used)).order_by("name")

    def structured_data(self, request, base, publisher):
        return {
            **base,
            "@type": "NewsArticle",
            "headline": Truncator(self.title).chars(110),
            "description": self.summary,
            "datePublished": self.date.isoformat(),
            "dateModified": (self.last_published_at or self.latest_revision_created_at or self.date).isoformat(),
            "mainEntityOfPage": base["url"],
            "author": publisher,
            "publisher": publisher,
            "keywords": [tag.name for tag in self.tags.all()],
            "about": [{"@type": "Event", "name": c.title, "url": absolute_url(request, c.get_url(request))}
                      for c in self.related_pages.campaigns],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            attachments=[a.document for a in self.attachments.select_related("document") if a.document],
            topics=self.tags.order_by("name"),
            news_index=self.get_parent(),
        )
        return context


class NewsRelatedCampaign(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_campaigns")
    campaign = models.ForeignKey(
        "thidua_wagtail.CampaignPage", verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("campaign")]


class NewsRelatedProfile(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_profiles")
    profile = models.ForeignKey(
        "thidua_wagtail.ExemplaryProfilePage",
        verbose_name=_("exemplary profile"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("profile")]


class NewsAttachment(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]
    api_fields = [APIField("document", serializer=FileSerializer(read_only=True))]
