"""News about campaigns and exemplary profiles."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..blocks import BodyBlock
from ..forms import NewsFilterForm
from ..querysets import campaign_cards, news_cards, profile_cards, published
from ..serializers import FileSerializer, PageLinkSerializer
from ..text import FoldedSearchMixin
from .base import FilteredIndexPage, ThiduaPageMixin


class NewsIndexPage(FilteredIndexPage):
    """Lists news items, newest first, filterable by topic, year and campaign."""

    filter_form_class = NewsFilterForm

    subpage_types = ["thidua_wagtail.NewsPage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_listing_queryset(self):
        return news_cards(published(NewsPage.objects.child_of(self))).order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = NewsPage.tags_in(self.get_listing_queryset())
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("thidua_wagtail.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(ThiduaPageMixin, FoldedSearchMixin, Page):
    """A news item, linked to the campaigns and profiles it is about."""

    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), help_text=_("Shown in lists and search results."))
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(verbose_name=_("topics"), through=NewsPageTag, blank=True)

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
        index.FilterField("date"),
    ]

    folded_search_fields = ["title", "summary", "body"]

    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("image", serializer=ImageRenditionField("fill-1200x630")),
        APIField("body"),
        APIField("tags"),
        APIField("campaigns", serializer=PageLinkSerializer(source="get_campaigns", many=True, read_only=True)),
        APIField("profiles", serializer=PageLinkSerializer(source="get_profiles", many=True, read_only=True)),
        APIField("attachments"),
    ]

    parent_page_types = ["thidua_wagtail.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    @staticmethod
    def tags_in(queryset):
        """The tags used by the news items of ``queryset``, by name."""
        from taggit.models import Tag

        used = NewsPageTag.objects.filter(content_object__in=queryset.values("pk")).values("tag_id")
        return Tag.objects.filter(pk__in=used).order_by("name")

    def get_campaigns(self):
        from .campaigns import CampaignPage

        keys = self.related_campaigns.values("campaign__translation_key")
        return campaign_cards(published(CampaignPage.objects.filter(locale_id=self.locale_id, translation_key__in=keys)))

    def get_profiles(self):
        from .profiles import ExemplaryProfilePage

        keys = self.related_profiles.values("profile__translation_key")
        return profile_cards(
            published(ExemplaryProfilePage.objects.filter(locale_id=self.locale_id, translation_key__in=keys))
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            campaigns=self.get_campaigns(),
            profiles=self.get_profiles(),
            attachments=[a.document for a in self.attachments.select_related("document") if a.document],
            topics=self.tags.order_by("name"),
            news_index=self.get_parent(),
        )
        return context


def news_linked(links, locale_id):
    """Live, public news of ``locale_id`` whose link rows are in ``links`` (NewsRelatedCampaign or
    NewsRelatedProfile rows), newest first, ready for the news cards."""
    return news_cards(
        published(NewsPage.objects.filter(locale_id=locale_id, pk__in=links.values("page_id")))
    ).order_by("-date", "-pk")


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
