"""Template tags for the shipped templates and for a site's own (e.g. its home page)."""

import functools
from dataclasses import dataclass

from django import template
from django.core.cache import cache
from django.template import TemplateSyntaxError, VariableDoesNotExist
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.safestring import mark_safe
from wagtail.images.models import Filter
from wagtail.models import Locale, Site
from wagtail.templatetags.wagtail_cache import WagtailCacheNode, WagtailPageCacheNode

from .. import i18n, metadata, timeline
from ..cache import (
    card_cache_keys,
    content_version,
    page_version_key,
    site_version,
    types_version_key,
    versioned,
)
from ..conf import thidua_settings
from ..models import CampaignPage, ExemplaryProfilePage, NewsPage, OrganisationSettings
from ..models.base import FilteredIndexPage
from ..querysets import CardRows, public, published

register = template.Library()


class _SkipWhenOff:
    """What ``{% thidua_cache %}`` adds to Wagtail's ``{% wagtailcache %}``: with a timeout of 0 (fragments off) the
    content is rendered without asking the cache. Django's tag still reads the fragment and writes it with a timeout
    of 0 (a delete), two round trips to Redis per fragment for nothing, and resolves the key, which reads versions."""

    def render(self, context):
        try:
            timeout = self.expire_time_var.resolve(context)
        except VariableDoesNotExist:
            timeout = None  # Django's tag says what is wrong
        if timeout is not None and str(timeout).lstrip("-").isdigit() and int(timeout) <= 0:
            return self.nodelist.render(context)
        return super().render(context)


class FragmentCacheNode(_SkipWhenOff, WagtailCacheNode):
    pass


class PageFragmentCacheNode(_SkipWhenOff, WagtailPageCacheNode):
    pass


def _cache_tag(node_class):
    """``{% <name> timeout "fragment" key ... %}…{% end<name> %}``: Wagtail's cache tags' syntax (that of Django's
    ``{% cache %}``, ``using=`` included)."""

    def compile_tag(parser, token):
        tokens = token.split_contents()
        nodelist = parser.parse((f"end{tokens[0]}",))
        parser.delete_first_token()
        if len(tokens) < 3:
            raise TemplateSyntaxError(f"'{tokens[0]}' tag requires at least 2 arguments.")
        cache_name = None
        if len(tokens) > 3 and tokens[-1].startswith("using="):
            cache_name = parser.compile_filter(tokens.pop()[len("using="):])
        return node_class(nodelist, parser.compile_filter(tokens[1]), tokens[2],
                          [parser.compile_filter(t) for t in tokens[3:]], cache_name)

    return compile_tag


# The shipped templates' fragments: {% wagtailcache %} and {% wagtailpagecache %} (never in previews, a page's
# fragment keyed on the page and site), skipped at once with fragments off.
register.tag("thidua_cache", _cache_tag(FragmentCacheNode))
register.tag("thidua_pagecache", _cache_tag(PageFragmentCacheNode))


def _active_locale():
    try:
        return i18n.active_locale()
    except Locale.DoesNotExist:
        return Locale.get_default()


@register.simple_tag
def thidua_stylesheet():
    """The static path of the app's stylesheet (``THIDUA_STYLESHEET``), or None for none at all."""
    return thidua_settings.STYLESHEET


@register.simple_tag(takes_context=True)
def thidua_organisation(context):
    """The OrganisationSettings of the current site (empty settings if there is no site)."""
    request = context.get("request")
    if request is None:
        return OrganisationSettings()
    return OrganisationSettings.cached_for_request(request)


def _site_root(context):
    """The site's root page in the active language, looked up once per request."""
    request = context.get("request")
    if request is None:
        return None
    language = translation.get_language()
    cached = getattr(request, "_thidua_site_root", None)
    if cached is not None and cached[0] == language:
        return cached[1]
    site = Site.find_for_request(request)
    root = None
    if site is not None:
        root = site.root_page
        locale = _active_locale()
        if root.locale_id != locale.pk:
            root = root.get_translation_or_none(locale) or root
    request._thidua_site_root = (language, root)
    return root


@register.simple_tag(takes_context=True)
def thidua_site_root(context):
    """The site's home page in the active language."""
    return _site_root(context)


@dataclass(frozen=True)
class MenuItem:
    pk: int
    title: str
    url: str


@register.simple_tag(takes_context=True)
def thidua_menu_pages(context):
    """The live, public pages just below the home page (in the active language) that are shown in menus, as
    ``MenuItem`` (``pk``, ``title``, ``url``), kept under the site's version (publishing, moving or deleting a
    section is an edit every page shows): the menu costs no query on a page rendered afresh."""
    root = _site_root(context)
    if root is None:
        return []
    request = context["request"]

    def items():
        pages = public(root.get_children().live()).in_menu().only("pk", "title", "url_path", "path", "depth")
        return [MenuItem(page.pk, page.title, page.get_url(request)) for page in pages]

    return versioned(f"menu-{root.pk}-{request.scheme}://{request.get_host()}", items)


@register.simple_tag(takes_context=True)
def thidua_breadcrumbs(context, page):
    """The ancestors of ``page`` from the site's home page down (the page itself excluded)."""
    root = _site_root(context)
    if root is None or page is None or not page.pk:
        return []
    request = context.get("request")
    return [row for row in i18n.ancestors_in_lineage(page, i18n.lineage(page, request))
            if row.live and row.depth >= root.depth]


@register.simple_tag
def thidua_current_campaigns(limit=None):
    """Ongoing campaigns in the active language, those ending soonest first."""
    qs = published(CampaignPage.objects.filter(locale=_active_locale())).ongoing()
    return CampaignPage.cards(qs).order_by("end_date", "-start_date")[: limit or thidua_settings.HOME_FEATURED_COUNT]


@register.simple_tag
def thidua_recent_profiles(limit=None):
    """The most recently published exemplary profiles in the active language."""
    qs = published(ExemplaryProfilePage.objects.filter(locale=_active_locale()))
    return ExemplaryProfilePage.cards(qs).order_by("-first_published_at")[: limit or thidua_settings.HOME_FEATURED_COUNT]


@register.simple_tag
def thidua_recent_news(limit=None):
    """The latest news in the active language."""
    qs = published(NewsPage.objects.filter(locale=_active_locale()))
    return NewsPage.cards(qs).order_by("-date", "-pk")[: limit or thidua_settings.HOME_FEATURED_COUNT]


@register.simple_tag
def thidua_card_image(page, css_class=""):
    """A card's image (``<img>``, empty alt: the card's title says what it is) in the rendition its page type
    declares (``card.rendition``), which the list's query prefetched; nothing when the page has no image."""
    image = page.card_image
    if image is None:
        return ""
    try:
        # Found among the prefetched renditions without writing each one back to Wagtail's rendition cache, as
        # get_rendition() does (a cache write per card, on every list rendered afresh).
        rendition = image.find_existing_rendition(_card_filter(page.card.rendition))
    except image.get_rendition_model().DoesNotExist:
        rendition = image.get_rendition(page.card.rendition)
    return rendition.img_tag({"class": css_class, "alt": ""})


@register.simple_tag(takes_context=True)
def thidua_cards(context, items, template_name):
    """The cards of ``items`` rendered with ``template_name``, as ``{% for item in items %}{% include template_name
    %}{% endfor %}`` does, each kept in the cache under its own page's version (``cache.card_cache_keys``): a list
    refreshed because one of its pages was published renders that page's card and reads the others from the cache.
    With ``items`` from a list page (``querysets.CardRows``), only the pages whose cards are rendered are read from
    the database."""
    template = context.template.engine.get_template(template_name)
    if isinstance(items, CardRows):
        page_ids, read = items.page_ids, items.pages
    else:  # a list already read (the home page's sections)
        known = {item.pk: item for item in items}
        page_ids, read = list(known), lambda _ids: known
    keys = card_cache_keys(context.get("request"), template_name, page_ids)
    found = cache.get_many(keys) if keys else {}
    keys = keys or [None] * len(page_ids)
    pages = read([pk for pk, key in zip(page_ids, keys, strict=True) if key not in found])
    cards, rendered = [], {}
    for pk, key in zip(page_ids, keys, strict=True):
        if key in found:
            cards.append(found[key])
        elif pk in pages:  # else unpublished since its key was read
            with context.push(item=pages[pk]):
                card = template.render(context)
            cards.append(card)
            if key is not None:
                rendered[key] = str(card)
    if rendered:
        cache.set_many(rendered, thidua_settings.FRAGMENT_CACHE_TIMEOUT)
    return mark_safe("".join(cards))  # each rendered by the card template, which escapes


@functools.lru_cache(maxsize=32)
def _card_filter(spec):
    return Filter(spec=spec)


@register.filter
def thidua_count(text, count):
    """A lazy ``ngettext_lazy(..., "counter")`` text for ``count``: ``{{ page.results_text|thidua_count:n }}``."""
    return text % {"counter": count}


@register.filter
def thidua_date(value, style="long"):
    """A date as the active language writes it: ``{{ page.date|thidua_date }}`` or ``|thidua_date:"short"``."""
    return i18n.format_date(value, style)


@register.simple_tag(takes_context=True)
def thidua_alternates(context, page):
    """The page in each content language (or the nearest translated ancestor): for the language
    switcher and the hreflang links. Outside a page (the search view), the same URL in each language."""
    request = context.get("request")
    if page is None or not getattr(page, "pk", None):
        return i18n.view_alternates(request) if request is not None else []
    if request is None:
        return i18n.alternates(page, request)
    # Used by the <head> links and by the language switcher: computed once per request and page.
    memo = request.__dict__.setdefault("_thidua_alternates", {})
    if page.pk not in memo:
        memo[page.pk] = i18n.alternates(page, request)
    return memo[page.pk]


@register.simple_tag(takes_context=True)
def thidua_metadata(context, page, alternates=()):
    """Description, canonical URL, OpenGraph data and JSON-LD of ``page`` (see ``metadata.py``)."""
    if page is None or not getattr(page, "pk", None):
        return None
    return metadata.page_metadata(page, context.get("request"), alternates, site_root=_site_root(context))


@register.simple_tag(takes_context=True)
def thidua_cache_version(context):
    """What fragment cache keys include: on a page, the site's version and the page's own (bumped when the page
    or what it shows is published, see ``cache.py``); elsewhere (the search page) the content version; and
    today's date, since a campaign's status changes at midnight without any edit."""
    page = context.get("page")
    return _lazy_key(_page_cache_version, getattr(page, "pk", None))


def _page_cache_version(page_id):
    version = page_version_key(page_id) if page_id else content_version()
    return f"{version}-{timezone.localdate().isoformat()}"


# The key tags' values are worked out when a fragment's key is (``{% thidua_cache %}`` with fragments off never does):
# reading a version is a round trip to Redis.
_lazy_key = lazy(lambda compute, *args: compute(*args), str)


@register.simple_tag(takes_context=True)
def thidua_layout_cache_version(context):
    """What the layout's fragments of one page (the head's additions, the language switcher, the breadcrumbs) are
    keyed on: they show the page, its ancestors and its translations only. A list page changes only by edits that
    move the site's version (publishing it is one: it is not a detail page), so its layout is kept under the site's
    version and outlives the publishes that refresh its list; any other page's follows ``thidua_cache_version``."""
    if isinstance(context.get("page"), FilteredIndexPage):
        return _lazy_key(lambda: f"s{site_version()}-{timezone.localdate().isoformat()}")
    return thidua_cache_version(context)


@register.simple_tag(takes_context=True)
def thidua_filters_cache_key(context, form):
    """What a list's filter form (a ``filters.ListingFilterForm``) is cached under: the site's version and those of
    the page types its choices list (``form.offers``), the values it shows (``form.cache_key``), the page, the
    language, the scheme and host. A publish that refreshes the list keeps the form unless the form offers pages of
    the published type."""
    request = context.get("request")
    if request is None:
        return None  # {% wagtailcache %} does not cache without a request
    page = context.get("page")
    where = [request.scheme, request.get_host(), translation.get_language() or "", f"page-{getattr(page, 'pk', None)}"]
    return _lazy_key(lambda: "|".join([types_version_key(form.offers), timezone.localdate().isoformat(), *where,
                                       form.cache_key]))


@register.simple_tag(takes_context=True)
def thidua_fragment_key(context):
    """What the layout's cached fragments (head, header, breadcrumbs) vary on besides the content version: the
    page (outside a page, the path and query string), the language, and the scheme and host of absolute URLs."""
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return None  # {% wagtailcache %} does not cache without a request
    where = f"page-{page.pk}" if getattr(page, "pk", None) else request.get_full_path()
    return f"{request.scheme}://{request.get_host()}|{translation.get_language()}|{where}"


@register.simple_tag(takes_context=True)
def thidua_site_fragment_key(context):
    """The key of the layout's fragments that are the same on every page of a site (brand, search box, footer):
    the site's version, the scheme and host of its URLs, the language."""
    request = context.get("request")
    if request is None:
        return None
    where = f"{request.scheme}://{request.get_host()}|{translation.get_language()}"
    return _lazy_key(lambda: f"{site_version()}|{where}")


@register.simple_tag
def thidua_cache_timeout():
    """Seconds a fragment stays cached (``THIDUA_FRAGMENT_CACHE_TIMEOUT``; 0 turns caching off)."""
    return thidua_settings.FRAGMENT_CACHE_TIMEOUT


@register.simple_tag(takes_context=True)
def thidua_campaign_timeline(context, campaign):
    """The campaign's events in order (``timeline.campaign_timeline``)."""
    return timeline.campaign_timeline(campaign, context.get("request"))


@register.simple_tag
def thidua_review_results(review):
    """The honours the campaign's decisions conferred by the review's date, by unit and award."""
    return timeline.campaign_results(review.campaign, review.held_on)
