"""What the app's page types share: ``ThiduaPageMixin`` (every page), ``DetailPage`` (campaigns, profiles, news:
the declarations of ``pagetypes.py``) and ``FilteredIndexPage`` (the lists: one shape, one template)."""

import hashlib

from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import RICH_TEXT_FEATURES
from ..cache import ResponseCacheMixin, versioned, without_session
from ..compat import remember_parent
from ..conf import thidua_settings
from ..filters import requested_page_number
from ..links import get_model
from ..pagetypes import RelatedPages
from ..querysets import SectionPaginator, children_of, public, published, section_members
from ..text import FoldedSearchMixin, ascii_slug, repair_lossy_slug


class ThiduaPageMixin(ResponseCacheMixin):
    """What every page of the app shares: the base template to extend (``THIDUA_BASE_TEMPLATE``, or the app's
    own), Vietnamese-safe slugs for pages not yet published (see ``text.repair_lossy_slug``), and anonymous
    responses served from the cache (see ``cache.py``)."""

    def full_clean(self, *args, **kwargs):
        self.repair_slug()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.repair_slug()
        return super().save(*args, **kwargs)

    def repair_slug(self):
        """Before the first publication, replace a lossy automatic slug with the proper ASCII one, when no sibling
        has it (public API only: the parent and its children)."""
        if self.first_published_at is not None or not (self.title and self.slug):
            return
        repaired = repair_lossy_slug(self.title, self.slug)
        if repaired == self.slug:
            return
        parent = self.get_parent() if self.path else None
        if parent is not None and not parent.get_children().filter(slug=repaired).exclude(pk=self.pk).exists():
            self.slug = repaired

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["thidua_base_template"] = base_template()
        return context


def base_template():
    return thidua_settings.BASE_TEMPLATE or "thidua_wagtail/layout.html"


class DetailPage(ThiduaPageMixin, FoldedSearchMixin, Page):
    """A page type with cards (campaigns, profiles, news): subclasses declare ``card``, ``related``,
    ``feed_urls``, ``og_type`` and ``structured_data(request, base, publisher)``, the page's schema.org entity
    (``base`` holds its url, language and image; without it the page is a WebPage, see ``metadata.py``)."""

    card = None  # a pagetypes.Card
    related = {}  # name -> pagetypes.Related
    feed_urls = ()  # URL names of the feeds the type appears in
    og_type = "website"

    class Meta:
        abstract = True

    @classmethod
    def cards(cls, queryset):
        """``queryset`` of this type ready for its cards."""
        return cls.card.prepare(queryset)

    @property
    def related_pages(self):
        """``page.related_pages.campaigns``: every related page of a declared relation (the API uses it)."""
        return RelatedPages(self)

    @property
    def card_date(self):
        return getattr(self, self.card.date)

    @property
    def card_text(self):
        return getattr(self, self.card.text)

    @property
    def card_image(self):
        return getattr(self, self.card.image) if self.card.image else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Querysets are lazy: a related block whose fragment is cached asks nothing of the database.
        context.update({name: relation.shown(self) for name, relation in type(self).related.items()})
        return context


class FilteredIndexPage(ThiduaPageMixin, Page):
    """An index page listing its live children, filtered by GET parameters.

    Subclasses set ``filter_form_class`` (a ``filters.ListingFilterForm``), ``listing_model``, ``results_text``,
    ``empty_text`` and ``listing_class``; their template extends ``thidua_wagtail/index_page.html``.
    A malformed parameter is ignored (and named in a notice); a page number out of
    range shows the last page; a non-numeric page number shows the first.
    """

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    filter_form_class = None
    listing_model = None  # the DetailPage type listed ("thidua_wagtail.CampaignPage")
    results_text = None  # ngettext_lazy("%(counter)s campaign", "%(counter)s campaigns", "counter")
    empty_text = None  # what an empty list says
    listing_class = "td-grid"  # the list's CSS class (td-grid, td-grid td-grid--profiles, td-list)

    class Meta:
        abstract = True

    def get_listing_queryset(self):
        """The live, public pages below this one, ready for their cards, in their type's order."""
        model = get_model(self.listing_model)
        return model.cards(published(children_of(model.objects.all(), self))).order_by(*model.card.ordering)

    def route(self, request, path_components):
        """Wagtail finds a child page in two queries (the page, then its specific type); an index whose children
        are all of one type finds it in one, and for visitors without a session keeps it in the cache until this
        index's version moves (``cache.versioned``: publishing or unpublishing a child, moving or deleting a page)."""
        models = self.allowed_subpage_models()
        if path_components and len(models) == 1:
            model, slug = models[0], path_components[0]

            def find():
                return children_of(model.objects.all(), self).filter(slug=slug).first()

            # Editors (who have a session) always get the page from the database, draft fields and all.
            key = f"child-{self.pk}-{hashlib.sha1(slug.encode('utf-8', 'surrogatepass')).hexdigest()}"
            child = versioned(key, find, page_id=self.pk) if without_session(request) else find()
            if child is not None:
                remember_parent(child, self)
                return child.route(request, path_components[1:])
            # No such child, or one of another type made before the rules: Wagtail's own lookup.
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.filter_form_class(request.GET or None, locale=self.locale_id)
        model = get_model(self.listing_model)
        keys = model.objects.filter(section_members(self)).order_by(*model.card.ordering)
        paginator = SectionPaginator(
            form.filter(self.get_listing_queryset()), thidua_settings.PAGE_SIZE, keys=form.filter(keys),
            count_queryset=None if form.has_active_filters else public(
                children_of(Page.objects.type(model).filter(live=True), self)))
        # Lazy: when the list's fragment is cached, neither the count nor the page is asked of the database.
        page_obj = SimpleLazyObject(lambda: paginator.get_page(request.GET.get("page")))
        query = request.GET.copy()
        query.pop("page", None)
        requested = requested_page_number(request.GET.get("page"))
        context.update(
            card_template=get_model(self.listing_model).card.template,
            # What the list's cached fragment varies on: the valid filters and the page asked for.
            listing_cache_key=f"{form.cache_key}|{requested}",
            filter_form=form,
            page_obj=page_obj,
            items=SimpleLazyObject(lambda: page_obj.object_list),
            paginator=paginator,
            requested_page=requested,
            filter_querystring=query.urlencode(),
        )
        return context


def unique_child_slug(parent, title, fallback="trang"):
    """An ASCII slug for ``title`` not yet used by a child of ``parent`` ("ten", "ten-2", …)."""
    base = ascii_slug(title) or fallback
    siblings = set(parent.get_children().values_list("slug", flat=True))
    slug, n = base, 2
    while slug in siblings:
        slug = f"{base[:190]}-{n}"
        n += 1
    return slug
