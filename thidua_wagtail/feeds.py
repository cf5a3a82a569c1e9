"""RSS 2.0 and Atom feeds of news, campaigns, consultations and registrations, in the active language.

``/feeds/news/rss/?tag=…&campaign=…&year=…`` and ``/feeds/campaigns/atom/?status=…`` take the
same parameters as the listings (parsed by the same forms; a malformed one is ignored).
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from . import pagetypes
from .cache import cached_response
from .conf import thidua_settings
from .i18n import active_locale, format_date
from .models import (
    CampaignIndexPage,
    CampaignPage,
    ConsultationIndexPage,
    ConsultationPage,
    NewsIndexPage,
    NewsPage,
    OrganisationSettings,
    RegistrationIndexPage,
    RegistrationPage,
)
from .models.campaigns import CampaignFilterForm
from .models.consultations import ConsultationFilterForm
from .models.news import NewsFilterForm
from .models.registrations import RegistrationFilterForm
from .querysets import published


class BaseFeed(Feed):
    feed_type = Rss201rev2Feed
    model = None
    index_model = None
    filter_form_class = None
    ordering = ()

    def __call__(self, request, *args, **kwargs):
        # Cached for anonymous readers until a page of the feed's types is published (see cache.py): feed readers
        # poll often.
        respond = super().__call__
        return cached_response(request, f"feed-{type(self).__name__}", lambda: respond(request, *args, **kwargs),
                               types=pagetypes.types_shown_with(self.model))

    def get_object(self, request, *args, **kwargs):
        locale = active_locale()
        form = self.filter_form_class(request.GET or None, locale=locale)
        return {"request": request, "locale": locale, "form": form}

    def organisation(self, obj):
        org = OrganisationSettings.cached_for_request(obj["request"])
        return org.name or settings.WAGTAIL_SITE_NAME

    def link(self, obj):
        index = published(self.index_model.objects.filter(locale=obj["locale"])).first()
        return index.get_url(obj["request"]) if index else "/"

    def feed_url(self, obj):
        return obj["request"].get_full_path()

    def items(self, obj):
        queryset = published(self.model.objects.filter(locale=obj["locale"])).order_by(*self.ordering)
        items = list(self.prepare(obj["form"].filter(queryset))[: thidua_settings.FEED_ITEMS])
        for item in items:
            item.feed_link = item.get_full_url(obj["request"]) or item.get_url(obj["request"])
        return items

    def prepare(self, queryset):
        return queryset

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return item.feed_link

    def item_updateddate(self, item):
        return item.last_published_at


def _midnight(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time()))


class NewsRssFeed(BaseFeed):
    model = NewsPage
    index_model = NewsIndexPage
    filter_form_class = NewsFilterForm
    ordering = ("-date", "-pk")

    def title(self, obj):
        return _("News — %(organisation)s") % {"organisation": self.organisation(obj)}

    def description(self, obj):
        return _("News about emulation campaigns and exemplary profiles")

    def prepare(self, queryset):
        return queryset.prefetch_related("tags")

    def item_pubdate(self, item):
        return _midnight(item.date)

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description


class CampaignRssFeed(BaseFeed):
    model = CampaignPage
    index_model = CampaignIndexPage
    filter_form_class = CampaignFilterForm
    ordering = ("-start_date", "-pk")

    def title(self, obj):
        return _("Emulation campaigns — %(organisation)s") % {"organisation": self.organisation(obj)}

    def description(self, obj):
        return _("Emulation campaigns launched or joined by %(organisation)s") % {
            "organisation": self.organisation(obj)
        }

    def item_pubdate(self, item):
        return item.first_published_at or _midnight(item.start_date)

    def item_categories(self, item):
        return [str(item.get_campaign_type_display()), str(item.status_label)]


class CampaignAtomFeed(CampaignRssFeed):
    feed_type = Atom1Feed
    subtitle = CampaignRssFeed.description


class ConsultationRssFeed(BaseFeed):
    """Consultations on nominees as they open: what a reader who wants to comment in time subscribes to."""

    model = ConsultationPage
    index_model = ConsultationIndexPage
    filter_form_class = ConsultationFilterForm
    ordering = ("-opens_on", "-pk")

    def title(self, obj):
        return _("Public consultation on nominees — %(organisation)s") % {"organisation": self.organisation(obj)}

    def description(self, obj):
        return _("Nominees for orders and state honorary titles put to public comment by %(organisation)s") % {
            "organisation": self.organisation(obj)}

    def item_description(self, item):
        return _("%(summary)s Comments from %(opens)s to %(closes)s.") % {
            "summary": item.summary, "opens": format_date(item.opens_on, "short"),
            "closes": format_date(item.closes_on, "short")}

    def item_pubdate(self, item):
        return item.first_published_at or _midnight(item.opens_on)

    def item_categories(self, item):
        return [str(item.status_label)]


class ConsultationAtomFeed(ConsultationRssFeed):
    feed_type = Atom1Feed
    subtitle = ConsultationRssFeed.description


class RegistrationRssFeed(BaseFeed):
    """Units' registrations as they are approved (published): ``?year=`` and ``?unit=`` as on the board."""

    model = RegistrationPage
    index_model = RegistrationIndexPage
    filter_form_class = RegistrationFilterForm
    ordering = ("-first_published_at", "-pk")

    def title(self, obj):
        return _("Emulation registrations — %(organisation)s") % {"organisation": self.organisation(obj)}

    def description(self, obj):
        return _("The titles and forms of commendation the units of %(organisation)s register for") % {
            "organisation": self.organisation(obj)}

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.first_published_at or _midnight(item.registered_on)

    def item_categories(self, item):
        return [str(item.year)]


class RegistrationAtomFeed(RegistrationRssFeed):
    feed_type = Atom1Feed
    subtitle = RegistrationRssFeed.description
