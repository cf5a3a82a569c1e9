"""Fragment caching of listings and related blocks.

Fragments are cached with Wagtail's ``{% wagtailpagecache %}`` (never in previews), keyed on the page
and on a *content version* kept in Django's cache, so every process behind a load balancer sees the
same version when the cache is shared (Redis, Memcached). Publishing, unpublishing, moving or deleting
any page, and saving a unit, award, document or image bumps the version: listings and related blocks
never show stale content, at the cost of recomputing them after each edit.
"""

from django.core.cache import cache

VERSION_KEY = "thidua_wagtail:content_version"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_content_version(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.add(VERSION_KEY, 1, timeout=None)
