"""A Redis cache backend that treats the cache as an accelerator: when Redis fails, the site goes on without it.

    CACHES = {"default": {
        "BACKEND": "thidua_wagtail.cache_backends.FailSafeRedisCache",
        "LOCATION": "redis://127.0.0.1:6379/1",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
    }}

Django's own ``RedisCache`` raises on every call while Redis is down, so every page that reads the cache (all
of them: cached responses, fragments, the content version, sessions in ``cached_db``, the nomination rate
limit) answers 500. This subclass answers as an empty cache instead: reads miss, writes are dropped, ``incr``
returns None (the app's callers read that as "unknown": a nomination is then accepted without the rate check,
with a log line). Pages are computed afresh, sessions come from the database.

- **Logged once** per outage and per process (an error with the cause), and once when Redis answers again.
- **No waiting on a dead server**: after a failure the process does not try Redis again for
  ``RETRY_AFTER`` seconds (5), so an outage costs one connection time-out per process every few seconds, not
  one per cache call.
- **Nothing stale after an outage**: an edit made while Redis was unreachable could not bump the content
  version, so pages cached before the outage would be served again when Redis comes back. When a write was
  dropped, the first successful call after the outage bumps the version (``cache.VERSION_KEY``), so everything
  cached before it is ignored.

django-redis offers ``IGNORE_EXCEPTIONS`` too, but it logs every failed call, tries Redis again on each one
(a time-out per call when the server is unreachable) and cannot know about stale content: hence this small
class on Django's own backend.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache

from .cache import bump_content_version

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds without trying Redis after a failure


def _constant(value):
    return lambda args, kwargs: value


def _default(args, kwargs):  # get(key, default=None)
    return kwargs.get("default", args[1] if len(args) > 1 else None)


# What each method answers while the cache is down: an empty cache's answer.
READS = {"get": _default, "get_many": lambda args, kwargs: {}, "has_key": _constant(False),
         "touch": _constant(False)}
WRITES = {"set": _constant(None), "add": _constant(False), "set_many": lambda args, kwargs: [],
          "delete": _constant(False), "delete_many": _constant(None), "incr": _constant(None),
          "clear": _constant(None)}


def _fail_safe(name, fallback, write):
    method = getattr(RedisCache, name)

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if self._down_until and time.monotonic() < self._down_until:
            self._missed_writes |= write
            return fallback(args, kwargs)
        try:
            result = method(self, *args, **kwargs)
        except Exception as error:  # redis-py's ConnectionError, TimeoutError, ResponseError…, OSError
            if name == "incr" and isinstance(error, ValueError):
                raise  # Django's "key does not exist": not a failure of the cache
            self._failed(error, write)
            return fallback(args, kwargs)
        if self._down_until:
            self._recovered()
        return result

    return wrapper


class FailSafeRedisCache(RedisCache):
    """Django's ``RedisCache``; a failing Redis makes it an empty cache for a few seconds (see the module)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0
        self._missed_writes = False

    def _failed(self, error, write):
        self._missed_writes |= write
        if not self._down_until:
            logger.error("The cache (Redis) is not answering; serving pages without it: %s", error)
        self._down_until = time.monotonic() + RETRY_AFTER

    def _recovered(self):
        self._down_until = 0.0
        logger.warning("The cache (Redis) answers again.")
        if self._missed_writes:
            self._missed_writes = False
            bump_content_version()


for _name, _fallback in READS.items():
    setattr(FailSafeRedisCache, _name, _fail_safe(_name, _fallback, write=False))
for _name, _fallback in WRITES.items():
    setattr(FailSafeRedisCache, _name, _fail_safe(_name, _fallback, write=True))
