"""What a visitor may see (``published``, ``public``) and the campaign manager's status queries. Related pages in
the reader's language are in ``links.py``; cards (what lists join and prefetch) in ``pagetypes.Card``."""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from .cache import versioned


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


def tree_paths(page):
    """The range of tree paths of ``page`` and its descendants: ``Q(path__range=tree_paths(page))`` is Wagtail's
    ``descendant_of(page, inclusive=True)`` in a form the index on the path answers (see ``children_of``)."""
    return page.path, page.path + page.alphabet[-1] * (page._meta.get_field("path").max_length - len(page.path))


def children_of(queryset, page):
    """``queryset.child_of(page)`` as a range of tree paths, which the index on the path answers: Wagtail's
    ``child_of`` matches the path with ``LIKE 'path%'``, for which SQLite reads every page of the site."""
    first, last = page.alphabet[0] * page.steplen, page.alphabet[-1] * page.steplen
    return queryset.filter(depth=page.depth + 1, path__range=(page.path + first, page.path + last))


def published(queryset):
    """What a visitor may see: live, not private, StreamFields deferred."""
    return public(queryset.live()).defer_streamfields()


def restricted_sections():
    """``(path, depth)`` of each page with a view restriction: the sections a visitor may not list."""
    # The pages looked up by the restrictions' ids: a join from the restrictions' side had SQLite scan every page.
    return versioned("restricted-sections", lambda: list(Page.objects.filter(
        pk__in=PageViewRestriction.objects.values("page_id")).values_list("path", "depth").distinct()))


def public(queryset):
    """``queryset.public()``, without querying the view restrictions for each list: they are kept in the cache
    until the next edit (saving or deleting a restriction is one)."""
    private = Q()
    for path, depth in restricted_sections():
        private |= Q(path__startswith=path, depth__gte=depth)
    return queryset.exclude(private) if private else queryset
