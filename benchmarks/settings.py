"""Settings of the benchmark: the test settings, a database of its own, the site layout for the chrome baseline."""

import os

import dj_database_url

from tests.settings import *  # noqa: F403

DATABASES = {"default": dj_database_url.parse(os.environ["THIDUA_BENCH_DATABASE_URL"], conn_max_age=600)}
TEMPLATES[0]["DIRS"] = [BASE_DIR.parent / "benchmarks" / "templates"]  # noqa: F405
DEBUG = False
MEDIA_ROOT = os.environ.get("THIDUA_BENCH_MEDIA_ROOT", "/tmp/thidua-bench-media")
