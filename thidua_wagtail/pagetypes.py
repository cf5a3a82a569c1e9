"""What a page type declares about itself, in one place on the type, so that the rest of the app asks the types
instead of guessing (type checks and parallel lists in search, metadata, the dashboard, setup, roles, uninstall
and cache purging).

A detail page type (campaign, profile, news) declares:

- ``card = Card(...)``: how it shows in lists, search results and feeds (its card template, image and rendition,
  date, summary text, order in lists, and its label);
- ``related = {name: Related(...)}``: the pages of other types it shows, in the reader's language (``links.py``).
  The same declarations say which pages show it in turn: they are purged and their cached copies dropped when it
  is published (``pages_showing``);
- ``structured_data()`` and ``og_type``: its schema.org entity and OpenGraph type (``metadata.py``);
- ``feed_urls``: the URL names of the feeds it appears in.

A section page type (the lists, the nomination form, the statistics page) declares ``section = Section(...)``: its
key, its default title, its place among the sections, and whether the review workflow applies (``sections.py``,
``roles.py``).

Any page type may declare ``shows_all_of = ("app.Model", …)``: it shows something of every page of those types (the
statistics page counts every profile; a list whose filter offers every campaign), so publishing one of them
refreshes it (``pages_to_refresh``).

Adding a page type is one model module with these declarations, its templates and its tests.
"""

import functools
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.models import Page

from . import links
from .conf import thidua_settings
from .querysets import published

APP_LABEL = "thidua_wagtail"


@dataclass(frozen=True)
class Card:
    """How pages of a type show in lists (cards), search results and feeds."""

    key: str  # the type's name in URLs ("campaign": the search page's ?type=campaign)
    template: str  # the card's template, given the page as ``item``
    label: str  # the type's name in search results ("Campaign")
    ordering: tuple  # order of the type's list page
    text: str  # the summary field (cards, search results, feeds, meta description)
    date: str  # the date (or year) field shown in search results
    image: str = ""  # the image field, if any
    rendition: str = ""  # the card image's rendition: the card template and the query share it
    select_related: tuple = ()  # what the card shows of other tables

    def prepare(self, queryset):
        """``queryset`` ready for these cards: related rows joined, card renditions prefetched (one query for
        all the images)."""
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        if not self.image:
            return queryset
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=self.rendition)
        return queryset.select_related(self.image).prefetch_related(
            Prefetch(f"{self.image}__renditions", queryset=renditions))


@dataclass(frozen=True)
class Section:
    """A page type that is one of the app's sections (created by ``thidua_setup`` below the home page)."""

    key: str  # "campaigns": the name used by thidua_setup --sections and roles
    title: str  # the default title (a lazy translation, rendered in each content language)
    order: int  # place among the sections (the site's menu order)
    workflow: bool = True  # the Office's review workflow applies to the pages below it
    unit_editors: bool = False  # unit editors may add pages below it (by default)


class Related:
    """Pages of another type that a page shows, read in the reader's language (``links.py``).

    One of three shapes:

    - ``Related(model, rows="campaign_links", field="campaign")``: the page's own link rows name them;
    - ``Related(model, through="app.LinkModel", field="campaign", owner="profile")``: their link rows name the page;
    - ``Related(model, reference="parent_campaign")`` (or ``referenced_by=``): one foreign key on either side.

    ``limit`` names the ``THIDUA_*`` setting capping how many the page shows; ``single`` gives one page or None.
    """

    def __init__(self, model, *, rows=None, field=None, through=None, owner=None, reference=None,
                 referenced_by=None, ordering=None, limit=None, single=False):
        self.model_label = model
        self.rows, self.field, self.through, self.owner = rows, field, through, owner
        self.reference, self.referenced_by = reference, referenced_by
        self.ordering, self.limit, self.single = ordering, limit, single

    @property
    def model(self):
        return links.get_model(self.model_label)

    def query(self, page):
        """The related pages a visitor may see (live, public, in ``page``'s language), ready for their cards."""
        model = self.model
        if self.rows:
            queryset = links.linked(page, getattr(page, self.rows).all(), self.field, model)
        elif self.through:
            queryset = links.linking(page, model, links.get_model(self.through), self.field, self.owner)
        elif self.reference:
            target = getattr(page, f"{self.reference}_id")
            queryset = links.translation_of(model, target, page.locale_id) if target else model.objects.none()
        else:
            queryset = model.objects.filter(links.same_object(self.referenced_by, page), locale_id=page.locale_id)
        queryset = model.card.prepare(published(queryset))
        return queryset.order_by(*(self.ordering or model.card.ordering))

    def shown(self, page):
        """What ``page`` shows: the first ``limit`` pages, or the one page when ``single``."""
        queryset = self.query(page)
        if self.single:
            return queryset.first()
        if self.limit:
            return queryset[: getattr(thidua_settings, self.limit)]
        return queryset


class RelatedPages:
    """``page.related_pages.<name>``: the related pages declared as ``name`` (for templates and the API)."""

    def __init__(self, page):
        self._page = page

    def __getattr__(self, name):
        declared = type(self._page).related
        if name not in declared:
            raise AttributeError(name)
        return declared[name].query(self._page)


def app_page_types():
    """Every page type of the app."""
    return [model for model in apps.get_app_config(APP_LABEL).get_models() if issubclass(model, Page)]


def detail_types():
    """The page types with cards (campaigns, profiles, news…, and a site's own ``DetailPage`` types): what search
    and the dashboard list."""
    return [model for model in apps.get_models()
            if issubclass(model, Page) and isinstance(getattr(model, "card", None), Card)]


def section_types():
    """The section page types, in their menu order."""
    types = [model for model in app_page_types() if getattr(model, "section", None) is not None]
    return sorted(types, key=lambda model: model.section.order)


def sections_by_key():
    return {model.section.key: model for model in section_types()}


@functools.cache
def types_shown_with(model):
    """The page types whose publishing changes what a list or feed of ``model``'s pages shows: ``model`` itself, the
    types of the relations its API fields show (``related_pages.<name>``) and those its list's filters offer (the
    ``shows_all_of`` of the index pages listing it). The API's endpoints and the feeds are cached under these types'
    versions (``cache.cached_response``). Declarations of classes: worked out once a process, not at each request
    (a cached answer needs them to find its key)."""
    labels = {model._meta.label}
    for field in getattr(model, "api_fields", ()):
        source = getattr(getattr(field, "serializer", None), "source", None) or ""
        if source.startswith("related_pages."):
            labels.add(model.related[source.split(".", 1)[1]].model_label)
    for index in app_page_types():
        if getattr(index, "listing_model", None) == model._meta.label:
            labels.update(getattr(index, "shows_all_of", ()))
    return tuple(sorted(labels))


def pages_showing(page, limit):
    """The live pages that show ``page`` besides its ancestors: those its relations name (a profile is shown by its
    campaigns' pages and the news about it; the campaign is shown by those profiles and news)."""
    found = []
    for relation in getattr(type(page), "related", {}).values():
        if relation.single:
            other = relation.query(page).first()
            found += [other] if other is not None else []
        else:
            found += list(relation.query(page)[:limit])
    return found


def is_detail_page(page):
    return isinstance(getattr(type(page), "card", None), Card)


def pages_to_refresh(page, shown_before=()):
    """Ids of the pages whose content shows ``page``, a detail page just published or unpublished: itself, its
    translations, its ancestors (lists, home), the pages its relations name (``shown_before``: those named before
    the edit, see ``signal_handlers.remember_pages_showing``), and the pages of types declaring ``shows_all_of``
    its type."""
    ids = {page.pk, *shown_before}
    ids.update(Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True))
    ids.update(page.get_ancestors().filter(depth__gt=1).values_list("pk", flat=True))
    ids.update(other.pk for other in pages_showing(page, MAX_SHOWING))
    label = page._meta.label
    listing = [model for model in apps.get_models()
               if issubclass(model, Page) and label in getattr(model, "shows_all_of", ())]
    if listing:
        ids.update(Page.objects.type(*listing).values_list("pk", flat=True))
    return ids


MAX_SHOWING = 200  # related pages refreshed per relation and publish: every real page, bounded for a hostile one
