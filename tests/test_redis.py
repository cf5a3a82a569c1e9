"""With Redis as the cache (as in production), the state several app servers must share lives in Redis, not in
a process: the content version that invalidates fragments, cached fragments, the nomination rate limit."""

import secrets

import pytest
import redis
from django.core.cache.backends.redis import RedisCache
from django.test import override_settings

from thidua_wagtail import cache as thidua_cache
from thidua_wagtail.models import Nomination, NominationPage
from thidua_wagtail.submissions import client_key

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
    # This test's keys only: Django's clear() empties the whole database, under a test another worker is running.
    client = redis.Redis.from_url(LOCATION)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


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


def test_simultaneous_nominations_reserve_exactly_the_limit(redis_cache, settings):
    """Issue 15.8: twelve simultaneous nominations from one address stored six where the limit is five (the
    check and the count were two steps). The reservation is one atomic INCR."""
    import threading

    from thidua_wagtail.submissions import reserve_submission

    settings.THIDUA_NOMINATION_RATE_LIMIT = 5

    class Request:
        META = {"REMOTE_ADDR": "192.0.2.77"}

    barrier = threading.Barrier(12)
    results = []

    def submit():
        barrier.wait()
        results.append(reserve_submission(Request))

    threads = [threading.Thread(target=submit) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True] * 5


def test_fail_safe_backend_serves_without_redis_and_bumps_the_version_when_back(redis_cache, caplog):
    """Issue 15.3: with Redis unreachable, the fail-safe backend answers as an empty cache (logged once), and a
    write dropped during the outage makes the content version move on when Redis answers again, so nothing
    cached before the outage is served after it."""
    from thidua_wagtail import cache_backends

    backend = cache_backends.FailSafeRedisCache(LOCATION, {"KEY_PREFIX": redis_cache})
    backend.set(thidua_cache.VERSION_KEY, 7)
    real = backend._cache
    backend._cache = RedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.2}})._cache
    assert backend.get("anything", "default") == "default"
    assert backend.incr(thidua_cache.VERSION_KEY) is None  # an edit during the outage: the bump is dropped
    assert backend.add("k", 1) is False and backend.get_many(["a"]) == {}
    assert caplog.text.count("not answering") == 1
    backend._cache = real
    backend._down_until = 0.000001  # the retry pause is over
    with override_settings(CACHES={"default": {"BACKEND": "thidua_wagtail.cache_backends.FailSafeRedisCache",
                                               "LOCATION": LOCATION, "KEY_PREFIX": redis_cache}}):
        assert backend.get("anything") is None
        assert other_process(redis_cache).get(thidua_cache.VERSION_KEY) == 8
    assert "answers again" in caplog.text


def test_the_register_decisions_and_open_data_answer_with_redis_down(client, sections, awards):
    """Issue 17: the register's views cache like pages; with Redis unreachable they answer from the database."""
    import datetime

    from thidua_wagtail.models import DecisionRecipient, OfficialDocument

    decision = OfficialDocument.objects.create(
        locale=sections["profiles"].locale, number="1456/QĐ-UBND", doc_type="decision", title="Quyết định",
        issue_date=datetime.date(2023, 5, 4), issuing_body="Chủ tịch UBND tỉnh")
    decision.listed_recipients = [DecisionRecipient(name="Nguyễn Thị Lụa", award=awards["giay-khen"])]
    decision.save()
    down = {"default": {"BACKEND": "thidua_wagtail.cache_backends.FailSafeRedisCache",
                        "LOCATION": "redis://127.0.0.1:1/0", "OPTIONS": {"socket_connect_timeout": 0.2}}}
    with override_settings(CACHES=down):
        for url, text in (("/vi/tra-cuu-khen-thuong/?q=nguyen+thi+lua", "Nguyễn Thị Lụa"),
                          (f"/vi/tra-cuu-khen-thuong/quyet-dinh/{decision.pk}/", "Nguyễn Thị Lụa"),
                          ("/vi/tra-cuu-khen-thuong/honours.csv", "Nguyễn Thị Lụa"),
                          ("/vi/tra-cuu-khen-thuong/honours.json", "Nguyễn Thị Lụa")):
            response = client.get(url)
            assert response.status_code == 200 and text in response.content.decode("utf-8-sig"), url


def test_a_comment_on_a_nominee_and_the_registration_board_with_redis_down(client, home, unit, awards):
    """With Redis unreachable, a visitor's comment is still stored (the rate limit is an accelerator, not a gate)
    and the registration board answers from the database."""
    import datetime

    from thidua_wagtail.models import (
        ConsultationComment,
        ConsultationIndexPage,
        RegistrationIndexPage,
    )

    from .test_consultations import comment_data, make_consultation

    today = datetime.date.today()
    index = home.add_child(instance=ConsultationIndexPage(title="Lấy ý kiến", slug="lay-y-kien"))
    consultation = make_consultation(index, awards, unit, opens_on=today - datetime.timedelta(days=1),
                                     closes_on=today + datetime.timedelta(days=30))
    board = home.add_child(instance=RegistrationIndexPage(title="Đăng ký thi đua", slug="dang-ky"))
    board.save_revision().publish()
    factories.make_registration(board, unit, 2026, [("collective", "", awards["tap-the-lao-dong-xuat-sac"])])
    down = {"default": {"BACKEND": "thidua_wagtail.cache_backends.FailSafeRedisCache",
                        "LOCATION": "redis://127.0.0.1:1/0", "OPTIONS": {"socket_connect_timeout": 0.2}}}
    with override_settings(CACHES=down):
        assert "Nguyễn Thị Hoa" in client.get(consultation.url).content.decode()
        response = client.post(consultation.url, comment_data(consultation))
        assert response.status_code == 302 and ConsultationComment.objects.get().author_name == "Lê Văn Minh"
        html = client.get(board.url).content.decode()
        assert "Tập thể lao động xuất sắc" in html and "Phòng Quản lý khoa học" in html


def test_lists_cards_and_typed_answers_with_redis_up_and_down(client, redis_cache, sections, unit, settings):
    """The cards are kept in Redis (shared by every app server) and a list refreshed by a publish takes them from
    there; with Redis unreachable, the lists, their cards and filters, the API and the feeds answer from the
    database."""
    settings.THIDUA_PAGE_CACHE_TIMEOUT = 0  # fragments only: each request renders the page
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào A")
    factories.make_news(sections["news"], "Tin thứ nhất", campaigns=[campaign])
    assert "Tin thứ nhất" in client.get(sections["news"].url).content.decode()
    def cards():
        return redis.Redis.from_url(LOCATION).keys(f"{redis_cache}:*thidua_wagtail:card:*")

    assert len(cards()) == 1, cards()
    factories.make_news(sections["news"], "Tin thứ hai")
    html = client.get(sections["news"].url).content.decode()
    assert "Tin thứ nhất" in html and "Tin thứ hai" in html
    assert len(cards()) == 2  # the new card added beside the one kept

    down = {"default": {"BACKEND": "thidua_wagtail.cache_backends.FailSafeRedisCache",
                        "LOCATION": "redis://127.0.0.1:1/0", "OPTIONS": {"socket_connect_timeout": 0.2}}}
    with override_settings(CACHES=down, THIDUA_PAGE_CACHE_TIMEOUT=600):
        for url, text in ((sections["news"].url, "Tin thứ hai"), (sections["news"].url, ">Phong trào A</option>"),
                          (sections["profiles"].url, ">Phong trào A</option>"),
                          ("/api/v2/news/?fields=title", "Tin thứ hai"), ("/vi/feeds/news/rss/", "Tin thứ hai")):
            response = client.get(url)
            assert response.status_code == 200 and text in response.content.decode(), url
