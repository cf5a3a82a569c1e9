"""Caching of public pages: whole responses for anonymous visitors, and fragments for everyone else.

Two layers, both keyed on *versions* kept in Django's cache (so every process behind a load balancer sees the same
versions when the cache is shared: Redis, Memcached) and on today's date (a campaign's status changes at midnight
without any edit). Invalidation follows what an edit touches (``signal_handlers.py``):

- a page's **own version**: publishing or unpublishing a campaign, profile or news item bumps the versions of the
  pages that show it: itself, its translations, its ancestors (its list, the home page), the pages its type's
  relations name before and after the edit (``pagetypes.pages_showing``), and the pages of types that list every
  page of its type (``shows_all_of``: the statistics page, the lists whose filters offer campaigns). Every other
  page stays cached;
- the **site version**: what every page shows (menus, breadcrumbs, footer, snippets, settings, images, view
  restrictions, locales). Moving or deleting a page, publishing any other page (a section, the home page), and
  saving or deleting a unit, award, document, image, Wagtail document, the organisation settings, a site, a view
  restriction or a locale bump it, and with it everything;
- a **type's version**: publishing or unpublishing a page of a type bumps it, for what shows pages of some types
  only (the API's endpoints, the feeds, the register of honours, a document's page: ``types``);
- the **content version**, bumped by every edit: what depends on all content at once (search).

A version missing from the cache (evicted) starts again from the clock, never from a number used before, so an
eviction cannot bring back a page cached before an edit.

- **Responses** (``THIDUA_PAGE_CACHE_TIMEOUT``, default 600 s): the app's pages, its search page and its feeds,
  for GET/HEAD requests without a session cookie, keyed on the page (or view), the language, the scheme, the
  host and the query string. Never cached: previews, requests with a session cookie (signed in or not) or a
  Django ``messages`` cookie, responses other than 200, responses that set a cookie, use the session or carry a
  CSRF token (the nomination form). Wagtail's view restrictions are checked before a page's ``serve()``, so a
  cached restricted page is only ever given to visitors who pass them. A site's own page types get the same
  with ``ResponseCacheMixin``.
- **Within one request**, versions and ``versioned()`` lookups are read once (``request_memo``), cached or not: a
  page asks for the view restrictions, the locale and its version several times, and each is a query or a Redis
  round trip. The memo starts with the request and ends with it; an edit in the request empties it.
- **Fragments** (``THIDUA_FRAGMENT_CACHE_TIMEOUT``): the layout, listings and related blocks, with Wagtail's
  ``{% wagtailcache %}`` / ``{% wagtailpagecache %}`` (never in previews), for what the response cache does not
  cover: editors browsing the site signed in, and the first visit of each URL. ``versioned()`` keeps small
  lookups under the same version.
- **Cards** (the same timeout): each card of a list is kept under its own page's version (``card_cache_keys``), so a
  list refreshed by a publish renders the card of what was published and reads the others from the cache, and
  reads from the database only the pages whose cards it renders (``templatetags.thidua_cards``).
"""

import hashlib
import time
from urllib.parse import urlencode

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.signals import request_finished, request_started, setting_changed
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils import timezone, translation

from .conf import SETTING_PREFIX, thidua_settings

VERSION_KEY = "thidua_wagtail:content_version"
SITE_KEY = "thidua_wagtail:site_version"
PAGE_KEY = "thidua_wagtail:page_version:{}"
TYPE_KEY = "thidua_wagtail:type_version:{}"
RESPONSE_KEY_PREFIX = "thidua_wagtail:response"
CARD_KEY_PREFIX = "thidua_wagtail:card"
MAX_QUERY_STRING = 1000  # longer query strings are served but not cached (no cache flooding with junk)
CACHE_HEADER = "X-Thidua-Cache"


_request = Local()  # per request (thread or task): the memo of versions and versioned() values


@receiver(request_started)
def _start_memo(**kwargs):
    _request.memo = {}


@receiver(request_finished)
def _end_memo(**kwargs):
    _request.memo = None


def request_memo():
    """The dict that lives as long as the current request (None outside a request: nothing is remembered)."""
    return getattr(_request, "memo", None)


def _forget():
    """An edit in this request: what the request read before it is stale."""
    memo = request_memo()
    if memo:
        memo.clear()


def _fresh_version():
    """A version number no key has used before (microseconds of the clock)."""
    return time.time_ns() // 1000


def _versions(keys):
    """The current value of each version key, in order; a missing one is started (from the clock). Read once per
    request."""
    memo = request_memo()
    if memo is not None and all(("version", key) in memo for key in keys):
        return [memo["version", key] for key in keys]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, _fresh_version(), timeout=None)
        found.update(cache.get_many(missing))
    values = [found.get(key, 0) for key in keys]
    if memo is not None:
        memo.update((("version", key), value) for key, value in zip(keys, values, strict=True))
    return values


def _bump(key):
    _forget()
    try:
        cache.incr(key)
    except ValueError:  # not set yet, or evicted
        cache.add(key, _fresh_version(), timeout=None)


def content_version():
    """Moves on at every edit: for what depends on all content (search, feeds)."""
    return _versions([VERSION_KEY])[0]


def site_version():
    """Moves on at edits every page shows (see the module's docstring)."""
    return _versions([SITE_KEY])[0]


def page_version_key(page_id):
    """What a page's cached responses and fragments are keyed on: the site's version and the page's own."""
    site, page = _versions([SITE_KEY, PAGE_KEY.format(page_id)])
    return f"{site}.{page}"


def bump_content_version(**kwargs):
    """Everything cached is stale (a receiver for edits every page may show)."""
    _bump(VERSION_KEY)
    _bump(SITE_KEY)


def types_version_key(labels):
    """What a response showing pages of the types ``labels`` (``"app_label.ModelName"``) is keyed on: the site's
    version and each type's own, which moves when a page of the type is published or unpublished."""
    versions = _versions([SITE_KEY, *(TYPE_KEY.format(label) for label in sorted(set(labels)))])
    return ".".join(str(version) for version in versions)


def bump_page_versions(page_ids, types=()):
    """The pages ``page_ids``, what shows pages of the types ``types`` and what depends on all content are stale;
    every other page stays cached."""
    _bump(VERSION_KEY)
    for label in sorted(set(types)):
        _bump(TYPE_KEY.format(label))
    for page_id in sorted(set(page_ids)):
        _bump(PAGE_KEY.format(page_id))


@receiver(setting_changed)
def _settings_changed(*, setting, **kwargs):
    """What is cached was rendered under the old settings (this happens in tests; a deploy that changes settings
    or templates runs ``manage.py thidua_clear_cache``)."""
    if setting.startswith(SETTING_PREFIX) or setting in ("TEMPLATES", "LANGUAGES", "WAGTAIL_CONTENT_LANGUAGES"):
        bump_content_version()


def versioned(name, compute, page_id=None):
    """``compute()``, kept in the cache under the site's version (and the version of the page ``page_id``, when
    the value depends on it) as long as fragments are: for small lookups every page repeats (view restrictions,
    the organisation's settings, locales, an index's children). Computed or read once per request either way."""
    memo = request_memo()
    if memo is not None and ("data", name, page_id) in memo:
        return memo["data", name, page_id]
    timeout = thidua_settings.FRAGMENT_CACHE_TIMEOUT
    if timeout <= 0:
        value = compute()
    else:
        version = page_version_key(page_id) if page_id is not None else site_version()
        key = f"thidua_wagtail:data:{version}:{name}"
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, timeout)
    if memo is not None:
        memo["data", name, page_id] = value
    return value


def card_cache_keys(request, template_name, page_ids):
    """The cache key of the card of each page of ``page_ids`` rendered with ``template_name`` for ``request`` (see
    ``thidua_cards``): the site's version and the page's own (publishing the page, or an edit every page shows,
    starts new keys), today's date (a campaign's status), the language, the template and the scheme and host of its
    links. None when cards are not cached: fragments off, a preview, no request."""
    if thidua_settings.FRAGMENT_CACHE_TIMEOUT <= 0 or request is None or getattr(request, "is_preview", False):
        return None
    versions = _versions([SITE_KEY, *(PAGE_KEY.format(pk) for pk in page_ids)])
    vary = "\n".join([template_name, request.scheme, request.get_host(), translation.get_language() or ""])
    prefix = (f"{CARD_KEY_PREFIX}:{versions[0]}:{timezone.localdate().isoformat()}:"
              f"{hashlib.sha256(vary.encode('utf-8', 'surrogatepass')).hexdigest()[:24]}")
    return [f"{prefix}:{pk}.{version}" for pk, version in zip(page_ids, versions[1:], strict=True)]


def without_session(request):
    """True for a visitor without a session cookie: nobody is signed in, and neither the session nor the user
    needs to be looked up to know it. A visitor with a session (signed in, or anything else kept for them) is
    served afresh."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def response_cache_key(request, scope, page_id=None, site_wide=False, types=()):
    """The cache key of this request's response, or None when it must not come from the cache. A page's response
    (``page_id``) is keyed on its own version and the site's; a view that shows only what every page may show
    (``site_wide``: snippets, settings, the layout; the document registry, the organisation page) on the site's
    version; a view that shows pages of some types only (``types``: the API's endpoints, the feeds, the register)
    on the site's version and those types'; any other (search) on the content version."""
    if thidua_settings.PAGE_CACHE_TIMEOUT <= 0 or request.method not in ("GET", "HEAD"):
        return None
    if getattr(request, "is_preview", False) or "messages" in request.COOKIES:
        return None
    if not without_session(request):
        return None
    query = request.META.get("QUERY_STRING", "")
    if len(query) > MAX_QUERY_STRING:
        return None
    try:
        # As the page's absolute URLs see it (X-Forwarded-Host when USE_X_FORWARDED_HOST is on), validated.
        host = request.get_host()
    except DisallowedHost:
        return None
    vary = "\n".join([request.scheme, host, translation.get_language() or "", query_key(request.GET)])
    digest = hashlib.sha256(vary.encode("utf-8", "surrogatepass")).hexdigest()[:40]
    if page_id is not None:
        version = page_version_key(page_id)
    elif site_wide:
        version = f"s{site_version()}"
    elif types:
        version = f"t{types_version_key(types)}"
    else:
        version = content_version()
    return f"{RESPONSE_KEY_PREFIX}:{version}:{timezone.localdate().isoformat()}:{scope}:{digest}"


def query_key(params):
    """The parsed query parameters, encoded unambiguously: a value holding ``&`` or ``=``
    (``?kind=collective%26year%3D2023``) stays percent-encoded and cannot be taken for two parameters; the same
    parameters in another order are the same page."""
    return urlencode(sorted((name, value) for name, values in params.lists() for value in values))


def room_for_variant(request, key):
    """Whether one more query-string variant of the page or view whose response ``key`` is may be stored under
    the current content version (the counter is the key without its digest):
    at most ``THIDUA_PAGE_CACHE_MAX_VARIANTS`` per page or view, so junk query strings cannot fill the cache
    (past the cap, new variants are served uncached until the next edit or midnight). A request without a
    query string is always stored."""
    if not request.GET:
        return True
    counter = key.rsplit(":", 1)[0] + ":variants"
    cache.add(counter, 0, thidua_settings.PAGE_CACHE_TIMEOUT)
    try:
        count = cache.incr(counter)
    except ValueError:  # expired between add and incr
        return False
    return count is not None and count <= thidua_settings.PAGE_CACHE_MAX_VARIANTS


def _cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token: it is this visitor's own
        return False
    session = getattr(request, "session", None)
    return not (session is not None and session.accessed)


def cached_response(request, scope, respond, page_id=None, site_wide=False, types=()):
    """``respond()``'s response, from the cache when an identical anonymous request was answered before.

    ``scope`` names what is served (``"page-42"``, ``"search"``…); ``respond`` makes the response on a miss;
    ``page_id``: the page served, whose version the response follows; ``site_wide``: the response shows nothing
    but what bumps the site's version when edited (see ``response_cache_key``), so publishing a page keeps it;
    ``types``: the page types whose pages the response shows, so publishing a page of another type keeps it.
    """
    key = response_cache_key(request, scope, page_id, site_wide, types)
    if key is None:
        return respond()
    hit = cache.get(key)
    if hit is not None:
        content, content_type, *headers = hit
        response = HttpResponse(content, content_type=content_type)
        for name, value in (headers[0] if headers else {}).items():
            response[name] = value
        response[CACHE_HEADER] = "hit"
        return response
    response = respond()
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if _cacheable(request, response) and room_for_variant(request, key):
        headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
        cache.set(key, (response.content, response["Content-Type"], headers), thidua_settings.PAGE_CACHE_TIMEOUT)
        response[CACHE_HEADER] = "miss"
    return response


# The headers of a response that its cached copy keeps (a download's file name, the open data's date and licence).
KEPT_HEADERS = ("Content-Disposition", "Content-Language", "Last-Modified", "Link")


class ResponseCacheMixin:
    """Serve a page type's public responses from the cache (see the module's docstring).

    The app's pages have it; a site adds it to its own page types (``class HomePage(ResponseCacheMixin, Page)``),
    or sets ``cache_responses = False`` on a page type whose response depends on the visitor.
    """

    cache_responses = True

    def serve(self, request, *args, **kwargs):
        respond = super().serve
        if not self.cache_responses:
            return respond(request, *args, **kwargs)
        return cached_response(request, f"page-{self.pk}", lambda: respond(request, *args, **kwargs), self.pk)
