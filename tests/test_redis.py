"""With Redis as the cache (as in production), the state several app servers must share lives in Redis, not in
a process: the content version that invalidates fragments, cached fragments, the nomination rate limit."""

import secrets

import pytest
from django.core.cache.backends.redis import RedisCache
from django.test import override_settings

from thidua_wagtail import cache as thidua_cache
from thidua_wagtail.models import Nomination, NominationPage
from thidua_wagtail.nominations import client_key

from . import factories

LOCATION = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_cache():
    prefix = f"thidua-test-{secrets.token_hex(4)}"
    caches = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": LOCATION,
                          "KEY_PREFIX": prefix}}
    with override_settings(CACHES=caches):
        from django.core.cache import caches as handler

        handler["default"].set("ping", 1)  # fails here, loudly, if Redis is not running
        yield prefix
        handler["default"].clear()


def other_process(prefix):
    """A second, independent connection to the same cache, as another gunicorn worker or server would have."""
    return RedisCache(LOCATION, {"KEY_PREFIX": prefix})


def test_content_version_is_shared(redis_cache, sections):
    before = thidua_cache.content_version()
    assert other_process(redis_cache).get(thidua_cache.VERSION_KEY) == before
    factories.make_campaign(sections["campaigns"], "Phong trào mới")  # publishing bumps the version
    assert other_process(redis_cache).get(thidua_cache.VERSION_KEY) > before


def test_listing_fragments_are_cached_in_redis_and_refreshed_on_publish(client, redis_cache, sections):
    factories.make_campaign(sections["campaigns"], "Phong trào thứ nhất")
    assert "Phong trào thứ nhất" in client.get("/vi/phong-trao/").content.decode()
    keys = other_process(redis_cache)._cache.get_client().keys(f"{redis_cache}:*template.cache*")
    assert keys, "the listing fragment should be stored in Redis"
    factories.make_campaign(sections["campaigns"], "Phong trào thứ hai")
    assert "Phong trào thứ hai" in client.get("/vi/phong-trao/").content.decode()


def test_rate_limit_is_counted_in_redis(client, redis_cache, home, unit, settings):
    settings.THIDUA_NOMINATION_RATE_LIMIT = 1
    page = NominationPage(title="Đề cử", slug="de-cu")
    home.add_child(instance=page)
    page.save_revision().publish()
    data = {"kind": "individual", "nominee_name": "Phạm Thị Lan", "unit": unit.pk, "unit_name": "",
            "achievements": "Có sáng kiến số hóa hồ sơ, tiết kiệm nhiều giờ công.", "campaign": "",
            "nominator_name": "Trần Văn Bình", "nominator_email": "binh@example.org", "consent": "on"}
    assert client.post("/vi/de-cu/", data, REMOTE_ADDR="192.0.2.10").status_code == 302

    class Request:
        META = {"REMOTE_ADDR": "192.0.2.10"}

    assert other_process(redis_cache).get(client_key(Request)) == 1
    assert client.post("/vi/de-cu/", data, REMOTE_ADDR="192.0.2.10").status_code == 429
    assert Nomination.objects.count() == 1
