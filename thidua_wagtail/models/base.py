"""What the three section index pages share: an intro, a filter form and pagination."""

import hashlib

from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import RICH_TEXT_FEATURES
from ..cache import ResponseCacheMixin, versioned, without_session
from ..conf import thidua_settings
from ..forms import requested_page_number
from ..text import repair_lossy_slug


class ThiduaPageMixin(ResponseCacheMixin):
    """What every page of the app shares: the base template to extend (``THIDUA_BASE_TEMPLATE``, or the app's
    own), Vietnamese-safe slugs for pages not yet published (see ``text.repair_lossy_slug``), and anonymous
    responses served from the cache (see ``cache.py``)."""

    def _set_core_field_defaults(self):
        super()._set_core_field_defaults()
        if self.first_published_at is None and self.title and self.slug:
            repaired = repair_lossy_slug(self.title, self.slug)
            if repaired != self.slug:
                try:
                    parent = self.get_parent()
                except Exception:  # not in the tree yet
                    parent = None
                if parent is not None and self._slug_is_available(repaired, parent, self):
                    self.slug = repaired

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["thidua_base_template"] = base_template()
        return context


def base_template():
    return thidua_settings.BASE_TEMPLATE or "thidua_wagtail/layout.html"


class FilteredIndexPage(ThiduaPageMixin, Page):
    """An index page listing its live children, filtered by GET parameters.

    Subclasses set ``filter_form_class`` and implement ``get_listing_queryset``.
    A malformed parameter is ignored (and named in a notice); a page number out of
    range shows the last page; a non-numeric page number shows the first.
    """

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    filter_form_class = None

    class Meta:
        abstract = True

    def get_listing_queryset(self):
        raise NotImplementedError

    def route(self, request, path_components):
        """Wagtail finds a child page in two queries (the page, then its specific type); an index whose children
        are all of one type finds it in one, and for visitors without a session keeps it in the cache until the next
        edit (``cache.versioned``: publishing, unpublishing, moving or deleting any page is one)."""
        models = self.allowed_subpage_models()
        if path_components and len(models) == 1:
            model, slug = models[0], path_components[0]

            def find():
                return model.objects.child_of(self).filter(slug=slug).first()

            # Editors (who have a session) always get the page from the database, draft fields and all.
            key = f"child-{self.pk}-{hashlib.sha1(slug.encode('utf-8', 'surrogatepass')).hexdigest()}"
            child = versioned(key, find) if without_session(request) else find()
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
            # No such child, or one of another type made before the rules: Wagtail's own lookup.
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.filter_form_class(request.GET or None, locale=self.locale_id)
        items = form.filter(self.get_listing_queryset())
        paginator = Paginator(items, thidua_settings.PAGE_SIZE)
        # Lazy: when the list's fragment is cached, neither the count nor the page is asked of the database.
        page_obj = SimpleLazyObject(lambda: paginator.get_page(request.GET.get("page")))
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=form,
            page_obj=page_obj,
            items=SimpleLazyObject(lambda: page_obj.object_list),
            paginator=paginator,
            requested_page=requested_page_number(request.GET.get("page")),
            filter_querystring=query.urlencode(),
        )
        return context


def unique_child_slug(parent, title, fallback="trang"):
    """An ASCII slug for ``title`` not yet used by a child of ``parent`` ("ten", "ten-2", …)."""
    from ..text import ascii_slug

    base = ascii_slug(title) or fallback
    siblings = set(parent.get_children().values_list("slug", flat=True))
    slug, n = base, 2
    while slug in siblings:
        slug = f"{base[:190]}-{n}"
        n += 1
    return slug
