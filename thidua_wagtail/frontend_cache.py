"""Purging a front-end cache (a CDN, Varnish, nginx) of everything a publish changes.

Wagtail's ``wagtail.contrib.frontend_cache`` purges the published page's own URL. A campaign, profile or news
item also shows on its listing, on the home page, in the feeds and on the pages it is linked to (a profile on its
campaigns' pages and the news about it, and so on). When that app is installed, publishing or unpublishing one of
the app's pages purges those URLs too, in one batch. Filtered listings (``?year=2024``…) have too many URLs to
purge: give the front-end cache a short lifetime for URLs with a query string (see the README).
"""

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import Page

from . import pagetypes


def enabled():
    return apps.is_installed("wagtail.contrib.frontend_cache")


def pages_showing(page):
    """The live pages that show ``page``: its ancestors below the root (home, listings) and the pages linked to it
    (its type's declared relations, see ``pagetypes.pages_showing``), with the same bound as the app's own cache
    invalidation (``pagetypes.MAX_SHOWING``): the front-end cache and the app's cache are refreshed alike."""
    return (list(page.get_ancestors().filter(depth__gt=1).live())
            + pagetypes.pages_showing(page, pagetypes.MAX_SHOWING))


def feed_urls(page):
    """Full URLs of the feeds ``page`` appears in, in its language."""
    names = getattr(page, "feed_urls", ())
    site = page.get_site()
    if not names or site is None:
        return []
    urls = []
    with translation.override(page.locale.language_code):
        for name in names:
            try:
                urls.append(site.root_url + reverse(name))
            except NoReverseMatch:  # the site does not include the app's URLs
                pass
    return urls


def purge_pages_showing(sender, instance, **kwargs):
    """``page_published`` / ``page_unpublished`` receiver: purge what shows ``instance``."""
    if not enabled():
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch  # noqa: PLC0415 (an optional app)

    batch = PurgeBatch()
    batch.add_pages(pages_showing(instance))
    # The pages that showed it before the edit (a link removed): see signal_handlers.remember_pages_showing.
    shown_before = getattr(instance, "_thidua_shown_before", ())
    if shown_before:
        batch.add_pages(Page.objects.live().filter(pk__in=shown_before).specific())
    batch.add_urls(feed_urls(instance))
    batch.purge()
