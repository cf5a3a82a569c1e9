"""Read API (Wagtail API v2) for campaigns, exemplary profiles and news.

    from thidua_wagtail.api import api_router
    urlpatterns = [path("api/v2/", api_router.urls), ...]

or, for a site that has its own router: ``register_endpoints(your_router)``.

Endpoints: ``campaigns/``, ``profiles/``, ``news/``, ``consultations/``, ``registrations/`` (and ``pages/``).
Besides Wagtail's own parameters (``locale``, ``fields``, ``search``, ``order``, field filters such as
``campaign_type=regular`` or ``kind=collective``):

- campaigns: ``status`` (ongoing, upcoming, ended), ``year``
- profiles: ``unit``, ``award``, ``campaign`` (ids), ``year`` (year recognised)
- news: ``tag`` (slug), ``year``, ``campaign``
- consultations: ``status`` (upcoming, open, closed), ``year`` (of opening)
- registrations: ``year`` (registered for), ``unit`` (id)

A malformed value gives a 400 with a message, like Wagtail's own filters: every endpoint (``pages/``
included) checks all parameters before the database sees them — no NUL or other control character in a name
or value, integers (``offset``, ``limit``, ``id``, ``child_of``…) within what a database column holds, and
field filters (``?date=``, ``?start_date=``) converted by the model field itself, so ``?date=x`` is a 400 and
not a 500 on SQLite or PostgreSQL.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DataError, models
from django.db.models import Subquery
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

from . import pagetypes
from .cache import cached_response
from .models import CampaignPage, ConsultationPage, ExemplaryProfilePage, NewsPage, RegistrationPage
from .models.campaigns import CampaignFilterForm
from .models.consultations import ConsultationFilterForm
from .models.news import NewsFilterForm
from .models.profiles import ProfileFilterForm
from .models.registrations import RegistrationFilterForm
from .querysets import public, tree_paths


class ThiduaFilterBackend(BaseFilterBackend):
    """Applies the endpoint's ``api_filters`` through the listing filter forms."""

    def filter_queryset(self, request, queryset, view):
        params = {name: request.GET[name] for name in view.api_filters if name in request.GET}
        if not params:
            return queryset
        form = view.filter_form_class(params, locale=None)
        if not form.is_valid():
            raise BadRequestError(
                "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
            )
        return form.filter(queryset)


# Largest integer a parameter may carry: SQLite's and PostgreSQL's bigint. Beyond it SQLite raises
# OverflowError and PostgreSQL an out-of-range error.
MAX_INTEGER = 2**63 - 1
INTEGER_PARAMETERS = ("offset", "limit", "id", "child_of", "ancestor_of", "descendant_of", "translation_of")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def check_parameters(params):
    """Raise BadRequestError for a parameter no endpoint can use: a control character (PostgreSQL refuses
    NUL in text) or an integer out of a database's range."""
    for name, values in params.lists():
        for value in [name, *values]:
            if CONTROL_CHARACTERS.search(value):
                raise BadRequestError(f"{name!r}: control characters are not allowed")
    for name in INTEGER_PARAMETERS:
        value = params.get(name)
        if value in (None, "") or name in ("child_of", "ancestor_of") and value == "root":
            continue
        try:
            number = int(value)
        except ValueError:
            raise BadRequestError(f"{name} must be a positive integer") from None
        if not 0 <= number <= MAX_INTEGER:
            raise BadRequestError(f"{name} must be a positive integer up to {MAX_INTEGER}")


def requested_site(request):
    """The site an API request asks about: ``?site=host[:port]``, else the request's own (Wagtail's rule, written
    here because its helper moved between Wagtail 7.4 and 8): a 404 for a site that does not exist, as Wagtail 8."""
    if not hasattr(request, "_thidua_api_site"):  # asked for by each queryset of a request: looked up once
        request._thidua_api_site = _requested_site(request)
    return request._thidua_api_site


def _requested_site(request):
    value = request.GET.get("site")
    if value is None:
        return Site.find_for_request(request)
    hostname, _colon, port = value.partition(":")
    if port and not (port.isascii() and port.isdigit() and int(port) < 65536):
        raise BadRequestError("site: the port must be a number")
    sites = list(Site.objects.filter(hostname=hostname, **({"port": int(port)} if port else {}))[:2])
    if len(sites) > 1:
        raise BadRequestError("Your query returned multiple sites. Try adding a port number to your site filter.")
    if not sites:
        raise Http404("no such site")
    return sites[0]


def site_roots(site, language=None):
    """The roots of ``site``'s trees (its root and its translations; with ``language``, that language's root when
    there is one), in one query, in the tree's order."""
    roots = Page.objects.filter(pk=site.root_page_id)
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        roots = Page.objects.filter(translation_key=Subquery(roots.order_by().values("translation_key")[:1]))
    roots = list(roots.select_related("locale").only("path", "depth", "locale__language_code").order_by("path"))
    if language and any(root.locale.language_code == language for root in roots):
        roots = [root for root in roots if root.locale.language_code == language]
    return roots


def in_trees(roots):
    """The pages below ``roots`` as a test of each page's path prefix (``LIKE 'path%'``), which no index on the path
    answers: for a count on the page type's index (``ThiduaPagesAPIViewSet.unfiltered_count``). With the trees as
    path ranges, SQLite chose the path's index and read every page of the site (6 ms at 15,000 profiles)."""
    prefixes = models.Q()
    for root in roots:
        prefixes |= models.Q(path__startswith=root.path)
    return prefixes


def site_trees(site, language=None, roots=None):
    """A filter on the pages of ``site``'s trees: its root's and, with internationalisation, each translation's,
    as ranges of the tree path (which the path's index answers). With ``language`` (the ``locale`` parameter, which
    Wagtail's filter applies anyway) only that language's tree: one range that the database reads in the tree's
    order, stopping at the page asked for (two ranges were merged and sorted whole: 32 ms for the first 20 of 15,000
    profiles on SQLite). Sibling trees with nothing between them are one range."""
    roots = site_roots(site, language) if roots is None else roots
    first, last = roots[0], roots[-1]
    if len(roots) > 1 and len({(root.depth, root.path[:-root.steplen]) for root in roots}) == 1 and not (
        Page.objects.filter(depth=first.depth, path__gt=first.path, path__lt=last.path)
        .exclude(pk__in=[root.pk for root in roots]).exists()
    ):
        # The trees are siblings with no other tree between them (a site's root and its translations, usually):
        # one range, read in the tree's order too.
        return models.Q(path__range=(first.path, tree_paths(last)[1]))
    in_site = models.Q()
    for root in roots:
        in_site |= models.Q(path__range=tree_paths(root))
    return in_site


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filters (``?kind=collective``, ``?date=2024-05-01``), with each value converted by its
    model field first: Wagtail converts only booleans, integers and foreign keys, so a bad date reached the
    database and answered 500."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name not in fields:
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except LookupError:
                continue
            if not isinstance(field, models.Field) or isinstance(field, (models.BooleanField, models.ForeignKey)):
                continue
            if isinstance(field, (StreamField, models.JSONField)):
                raise BadRequestError(f"{name}: this field cannot be used as a filter")
            try:
                converted = field.to_python(value)
            except ValidationError as error:
                raise BadRequestError(f"{name}: {' '.join(error.messages)}") from None
            if isinstance(converted, int) and not -MAX_INTEGER <= converted <= MAX_INTEGER:
                raise BadRequestError(f"{name}: the number is too large")
        return super().filter_queryset(request, queryset, view)


class CheckedPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, answering 400 (not 500) to any malformed parameter, its answers to anonymous
    clients cached like the search page's (``cache.cached_response``: until the next edit of any content, never
    for a client with a session, never an error; only live, public pages are listed in the first place)."""

    filter_backends = [CheckedFieldsFilter, *PagesAPIViewSet.filter_backends[1:]]
    # The answers are the same for everyone (live, public pages): no client is authenticated, so the session is
    # never read and an anonymous answer can be cached.
    authentication_classes = []

    def dispatch(self, request, *args, **kwargs):
        # The browsable API (HTML) and JSON are kept apart; the query string is in the key already.
        form = "html" if "text/html" in request.META.get("HTTP_ACCEPT", "") else "json"
        return cached_response(request, f"api:{request.path}:{form}",
                               lambda: super(CheckedPagesAPIViewSet, self).dispatch(request, *args, **kwargs),
                               types=self.types_shown())

    def types_shown(self):
        """The page types whose publishing changes this endpoint's answers (none named: every edit does)."""
        return ()

    def check_query_parameters(self, queryset):
        check_parameters(self.request.GET)
        return super().check_query_parameters(queryset)

    def get_base_queryset(self):
        """The live, public pages of the requested site, in every language, as Wagtail's own: its view
        restrictions read through ``querysets.public`` (kept in the cache until the next edit) instead of a join of
        the restrictions to every page, which SQLite planned as a scan of every page, on every request."""
        in_site = self.site_filter()
        return Page.objects.none() if in_site is None else public(Page.objects.live()).filter(in_site)

    def get_serializer_context(self):
        # Wagtail reads the base queryset (every language's tree) for a page's parent, which only a page's own answer
        # shows: made when first asked for, a listing does not read the site's trees a second time.
        context = super(PagesAPIViewSet, self).get_serializer_context()
        context["base_queryset"] = SimpleLazyObject(self.get_base_queryset)
        return context

    def site_filter(self, language=None):
        """``site_trees`` of the requested site (None when there is no site)."""
        trees = self.site_trees_and_roots(language)
        return None if trees is None else trees[0]

    def site_trees_and_roots(self, language=None):
        """``(site_trees, site_roots)`` of the requested site (None when there is no site), made once a request for
        each language: a listing asks for them for its count, its page and the base queryset."""
        site = requested_site(self.request)
        if site is None:
            return None
        found = self.request.__dict__.setdefault("_thidua_api_trees", {})
        if language not in found:
            roots = site_roots(site, language)
            found[language] = (site_trees(site, language, roots), roots)
        return found[language]

    def find_view(self, request):
        check_parameters(request.GET)
        return super().find_view(request)

    def detail_view(self, request, pk):
        check_parameters(request.GET)
        return super().detail_view(request, pk)

    def handle_exception(self, exc):
        # The last line of defence: a value the checks above did not foresee is still the client's error.
        if isinstance(exc, (ValidationError, OverflowError, DataError)):
            exc = BadRequestError("a parameter has a value that cannot be used")
        return super().handle_exception(exc)


class CountedQuerySet:
    """A listing whose number of items is known: what Wagtail's pagination asks of it (``count()``, a slice)."""

    def __init__(self, queryset, count):
        self.queryset, self.known_count = queryset, count

    def count(self):
        return self.known_count

    def __getitem__(self, key):
        return self.queryset[key]


class ThiduaPagesAPIViewSet(CheckedPagesAPIViewSet):
    filter_form_class = None
    api_filters = ()

    # Our filters run before Wagtail's search filter, which must stay last.
    filter_backends = [*CheckedPagesAPIViewSet.filter_backends[:-1], ThiduaFilterBackend,
                       CheckedPagesAPIViewSet.filter_backends[-1]]

    def check_query_parameters(self, queryset):
        self.known_query_parameters = PagesAPIViewSet.known_query_parameters.union(self.api_filters)
        return super().check_query_parameters(queryset)

    list_select_related = ("locale",)  # what each item's fields read

    def types_shown(self):
        # The endpoint's type, those its fields and filters show: publishing a news item keeps the profiles' answers.
        return pagetypes.types_shown_with(self.model)

    # Parameters that do not change which pages a listing has: with no other, the listing is counted on the page
    # table alone (``unfiltered_count``).
    uncounted_parameters = frozenset({"limit", "offset", "fields", "order", "format", "locale"})

    def unfiltered_count(self):
        """The number of pages of an unfiltered listing, counted on Wagtail's page table by type, which migration
        0022's index answers without reading a row (Wagtail counts the listing itself: a join of every page of the
        type to its own table, which grew with them). None when a parameter filters the listing."""
        if not set(self.request.GET) <= self.uncounted_parameters:
            return None
        language = self.request.GET.get("locale")
        trees = self.site_trees_and_roots(language)
        if trees is None:
            return 0
        pages = public(Page.objects.type(self.model).filter(live=True)).filter(in_trees(trees[1]))
        if language:  # as Wagtail's locale filter, which has already answered 404 for an unknown language
            pages = pages.filter(locale_id=Subquery(Locale.objects.filter(language_code=language).values("pk")[:1]))
        return pages.count()

    def paginate_queryset(self, queryset):
        count = self.unfiltered_count()
        return super().paginate_queryset(queryset if count is None else CountedQuerySet(queryset, count))

    def get_queryset(self):
        """Wagtail's pages visible to anonymous clients (live, public, in this site's trees in every language), of
        the endpoint's type, read in one query: Wagtail selects the pages' ids first and matches each tree with
        ``LIKE``, which SQLite answers by reading every page (a count of 15,000 profiles took 14 ms)."""
        if "type" in self.request.GET:
            raise BadRequestError("type: this endpoint lists one page type")
        in_site = self.site_filter(self.request.GET.get("locale"))
        if in_site is None:
            return self.model.objects.none()
        return public(self.model.objects.live()).filter(in_site).select_related(*self.list_select_related)


class CampaignsAPIViewSet(ThiduaPagesAPIViewSet):
    name = "campaigns"
    model = CampaignPage
    filter_form_class = CampaignFilterForm
    api_filters = ("status", "year")
    listing_default_fields = CheckedPagesAPIViewSet.listing_default_fields + [
        "campaign_type", "start_date", "end_date", "status",
    ]


class ProfilesAPIViewSet(ThiduaPagesAPIViewSet):
    name = "profiles"
    model = ExemplaryProfilePage
    filter_form_class = ProfileFilterForm
    api_filters = ("unit", "award", "campaign", "year")
    list_select_related = ("locale", "unit")
    listing_default_fields = CheckedPagesAPIViewSet.listing_default_fields + ["kind", "year_recognised", "unit"]


class NewsAPIViewSet(ThiduaPagesAPIViewSet):
    name = "news"
    model = NewsPage
    filter_form_class = NewsFilterForm
    api_filters = ("tag", "year", "campaign")
    listing_default_fields = CheckedPagesAPIViewSet.listing_default_fields + ["date", "summary"]


class ConsultationsAPIViewSet(ThiduaPagesAPIViewSet):
    """Consultations on nominees: the nominees, the awards proposed, the window and the number of comments received
    (the comments themselves, personal data, are never served)."""

    name = "consultations"
    model = ConsultationPage
    filter_form_class = ConsultationFilterForm
    api_filters = ("status", "year")
    listing_default_fields = CheckedPagesAPIViewSet.listing_default_fields + ["opens_on", "closes_on", "status"]


class RegistrationsAPIViewSet(ThiduaPagesAPIViewSet):
    """Units' approved (published) registrations: the unit, the year and the titles and forms registered."""

    name = "registrations"
    model = RegistrationPage
    filter_form_class = RegistrationFilterForm
    api_filters = ("year", "unit")
    list_select_related = ("locale", "unit")
    listing_default_fields = CheckedPagesAPIViewSet.listing_default_fields + ["unit", "year"]


ENDPOINTS = {"campaigns": CampaignsAPIViewSet, "profiles": ProfilesAPIViewSet, "news": NewsAPIViewSet,
             "consultations": ConsultationsAPIViewSet, "registrations": RegistrationsAPIViewSet}


def register_endpoints(router, *, pages=False):
    """Add the app's endpoints to ``router``: a site's own ``WagtailAPIRouter`` keeps its endpoints and gains
    ``campaigns/``, ``profiles/`` and ``news/``; ``pages=True`` also makes its ``pages/`` the app's (the same as
    Wagtail's, with every parameter checked before the database sees it)."""
    if pages:
        router.register_endpoint("pages", CheckedPagesAPIViewSet)
    for name, view in ENDPOINTS.items():
        router.register_endpoint(name, view)
    return router


api_router = register_endpoints(WagtailAPIRouter("thidua_wagtail_api"), pages=True)
