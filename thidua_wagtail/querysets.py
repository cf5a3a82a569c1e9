"""Listing queries shared by the page models, the templates tags and the views.

Related pages are matched on ``translation_key`` and restricted to one locale:
wagtail-localize synchronises links to pages (the English copy of a profile
still points at the Vietnamese campaign), so matching by translation key finds
the campaign in the reader's language whichever copy the link names, and never
shows a page of another language.
"""

from django.db.models import Prefetch, Q
from django.utils import timezone
from wagtail.models import PageManager
from wagtail.query import PageQuerySet


def today():
    return timezone.localdate()


class CampaignQuerySet(PageQuerySet):
    def upcoming(self, on=None):
        return self.filter(start_date__gt=on or today())

    def ongoing(self, on=None):
        on = on or today()
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=on), start_date__lte=on)

    def ended(self, on=None):
        return self.filter(end_date__lt=on or today())

    def with_status(self, status, on=None):
        return {"upcoming": self.upcoming, "ongoing": self.ongoing, "ended": self.ended}[status](on)

    def active_in_year(self, year):
        """Campaigns running at any time during ``year``."""
        return self.filter(Q(end_date__isnull=True) | Q(end_date__year__gte=year), start_date__year__lte=year)


CampaignManager = PageManager.from_queryset(CampaignQuerySet)


def published(queryset):
    """What a visitor may see: live, not private, StreamFields deferred."""
    return public(queryset.live()).defer_streamfields()


def restricted_sections():
    """``(path, depth)`` of each page with a view restriction: the sections a visitor may not list."""
    from wagtail.models import PageViewRestriction

    from .cache import versioned

    return versioned("restricted-sections", lambda: list(
        PageViewRestriction.objects.values_list("page__path", "page__depth").distinct()))


def public(queryset):
    """``queryset.public()``, without querying the view restrictions for each list: they are kept in the cache
    until the next edit (saving or deleting a restriction is one)."""
    private = Q()
    for path, depth in restricted_sections():
        private |= Q(path__startswith=path, depth__gte=depth)
    return queryset.exclude(private) if private else queryset


def in_locale_by_keys(queryset, locale, translation_keys):
    """Pages of ``queryset`` in ``locale`` whose translation key is in ``translation_keys``."""
    return queryset.filter(locale=locale, translation_key__in=translation_keys)


# Rendition specs of the shipped cards (templates/thidua_wagtail/includes/*_card.html): keep in step.
CAMPAIGN_CARD_RENDITION = "fill-640x320"
PROFILE_CARD_RENDITION = "fill-240x300"
NEWS_CARD_RENDITION = "fill-480x270"


def with_renditions(queryset, image_field, *specs):
    """Join ``image_field`` and prefetch its renditions for ``specs``: one query for all the cards' images."""
    from wagtail.images import get_image_model

    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return queryset.select_related(image_field).prefetch_related(
        Prefetch(f"{image_field}__renditions", queryset=renditions)
    )


def campaign_cards(queryset):
    return with_renditions(queryset, "hero_image", CAMPAIGN_CARD_RENDITION)


def profile_cards(queryset):
    return with_renditions(queryset.select_related("unit"), "photo", PROFILE_CARD_RENDITION)


def news_cards(queryset):
    return with_renditions(queryset, "image", NEWS_CARD_RENDITION)
