"""What a visitor may see (``published``, ``public``) and the campaign manager's status queries. Related pages in
the reader's language are in ``links.py``; cards (what lists join and prefetch) in ``pagetypes.Card``."""

from collections.abc import Sequence

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.functional import cached_property
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


def is_public(page, sections=None):
    """``public()``'s rule for one page already read (its ``path`` and ``depth``): not in a restricted section.
    ``sections``: ``restricted_sections()`` read once by a caller checking many pages."""
    sections = restricted_sections() if sections is None else sections
    return not any(page.path.startswith(path) and page.depth >= depth for path, depth in sections)


def section_members(section, key="pk"):
    """Rows whose page (``key``: the page's id, the row's own key by default) is one a visitor may see below
    ``section`` (a live, public child), as a filter on the rows' own table: ``NewsPage.objects.filter(
    section_members(index))``. Each row's page is checked by its key (an ``EXISTS``), so a query in an order the
    table has an index for reads that index and stops at the rows it needs, instead of reading every page of the
    section first (see ``SectionPaginator``)."""
    return Exists(public(children_of(Page.objects.filter(pk=OuterRef(key), live=True), section)))


class SectionPaginator(Paginator):
    """Django's ``Paginator`` for a section's list (``object_list``: the section's pages ready for their cards, in
    the list's order), with the two reads that grew with the section made not to:

    - **the page's items**: their keys first, from ``keys`` (the same list on the listed type's own table, see
      ``section_members``), which the database reads from the order's index and stops at the page's last item;
      then those items whole, by key. Sorting the section's whole join for twelve cards is what grew;
    - **the count**: ``count_queryset`` when given (an unfiltered list counts its section's live, public pages of
      the type on the page table alone, which the ``(depth, path, live, content_type)`` index answers without
      reading a row), else ``object_list``'s.
    """

    def __init__(self, object_list, per_page, *, keys, count_queryset=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.keys = keys.values_list("pk", flat=True)
        self.count_queryset = count_queryset

    @cached_property
    def count(self):
        return (self.count_queryset if self.count_queryset is not None else self.object_list).count()

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(CardRows(list(self.keys[bottom:top]), self.object_list), number, self)


class CardRows(Sequence):
    """The items of one page of a list: their keys (``page_ids``, in the list's order) already read, the pages
    themselves read when first needed. ``pages(ids)`` reads only some of them: the cards tag (``thidua_cards``) asks
    only for the pages whose cards are not in the cache. A page unpublished between the two reads is left out
    rather than shown."""

    def __init__(self, page_ids, queryset):
        self.page_ids = page_ids
        self._queryset = queryset
        self._read = {}

    def pages(self, ids):
        """``{id: page}`` of the pages ``ids`` (each read once, in one query for those not read yet)."""
        wanted = [pk for pk in ids if pk not in self._read]
        if wanted:
            self._read.update((row.pk, row) for row in self._queryset.filter(pk__in=wanted).order_by())
        return {pk: self._read[pk] for pk in ids if pk in self._read}

    @cached_property
    def _items(self):
        found = self.pages(self.page_ids)
        return [found[pk] for pk in self.page_ids if pk in found]

    def __len__(self):
        return len(self._items)

    def __getitem__(self, index):
        return self._items[index]

    def __bool__(self):
        return bool(self.page_ids)
