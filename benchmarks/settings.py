"""Settings of the benchmark: the test settings, a database of its own, the site layout for the chrome baseline."""

import os

import dj_database_url

from tests.settings import *  # noqa: F403

DATABASES = {"default": dj_database_url.parse(os.environ["THIDUA_BENCH_DATABASE_URL"], conn_max_age=600)}
TEMPLATES[0]["DIRS"] = [BASE_DIR.parent / "benchmarks" / "templates"]  # noqa: F405
DEBUG = False
MEDIA_ROOT = os.environ.get("THIDUA_BENCH_MEDIA_ROOT", "/tmp/thidua-bench-media")

# Over HTTP (scripts/benchmark.py --http): the worker and the gunicorn processes share one Redis, as deployed.
if os.environ.get("THIDUA_BENCH_REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": os.environ["THIDUA_BENCH_REDIS_URL"],
                          "KEY_PREFIX": os.environ.get("THIDUA_BENCH_CACHE_PREFIX", "thidua-bench")}}
# The mode measured by a gunicorn server (its settings cannot be overridden per request).
for _name in ("THIDUA_PAGE_CACHE_TIMEOUT", "THIDUA_FRAGMENT_CACHE_TIMEOUT"):
    if _name in os.environ:
        globals()[_name] = int(os.environ[_name])
