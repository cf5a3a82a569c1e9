"""The example site under production conditions: gunicorn (two workers), WhiteNoise, the production settings, a
Redis of the test's own that it stops and starts again, and PostgreSQL in the PostgreSQL run of the suite.

- It serves the site as the README's production section says: pages, hashed static files with far-future
  caching, one cache for both workers, HTTPS redirect and headers.

- Redis down is not the site down: public pages, the API, the sitemap, the nomination form (a nomination sent
  during the outage is stored) and the admin login still answer, without a traceback.
- The admin login locks a user name at one address out after five wrong passwords (django-axes), says so, and
  `axes_reset_username` unlocks it.
- Content-Security-Policy and Permissions-Policy are sent; a body over the cap is refused with 413 unread.
"""

import http.client
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.parse

import pytest

from .test_production import fetch, free_port, manage, production_database, production_env, start_gunicorn  # noqa: F401

pytestmark = [pytest.mark.slow, pytest.mark.browser,
              pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def start_redis(port):
    process = subprocess.Popen(["redis-server", "--port", str(port), "--save", "", "--appendonly", "no",
                                "--bind", "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.05)
    raise AssertionError("redis-server did not start")


class Browser:
    """Just enough of a browser for HTTPS-behind-a-proxy forms: cookies (Secure ones too), CSRF, Referer."""

    def __init__(self, base):
        self.base = base
        self.cookies = {}

    def request(self, method, path, data=None):
        host = urllib.parse.urlsplit(self.base).netloc
        connection = http.client.HTTPConnection(host, timeout=30)
        headers = {"X-Forwarded-Proto": "https", "Referer": f"https://{host}{path}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        text = response.read().decode("utf-8", "replace")
        connection.close()
        return response.status, dict(response.getheaders()), text

    def post_form(self, path, data):
        status, _headers, html = self.request("GET", path)
        assert status == 200, (path, status, html[:300])
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        return self.request("POST", path, {**data, "csrfmiddlewaretoken": token})


def count_nominations(env):
    out = manage("shell", "-c", "from thidua_wagtail.models import Nomination; print(Nomination.objects.count())",
                 env=env).stdout
    return int(out.strip().splitlines()[-1])


NOMINATION = {"kind": "individual", "nominee_name": "Phạm Thị Lan", "unit": "", "unit_name": "Phòng Thử nghiệm",
              "achievements": "Có sáng kiến số hóa hồ sơ kiểm định, tiết kiệm 300 giờ công mỗi năm.", "campaign": "",
              "nominator_name": "Trần Văn Bình", "nominator_email": "binh@example.org", "consent": "on",
              "website": ""}


SIGN_IN = """
from importlib import import_module
from django.conf import settings
from django.contrib.auth import get_user_model
user = get_user_model().objects.get(username="office")
session = import_module(settings.SESSION_ENGINE).SessionStore()
session.update({"_auth_user_id": str(user.pk), "_auth_user_hash": user.get_session_auth_hash(),
                "_auth_user_backend": "django.contrib.auth.backends.ModelBackend"})
session.create()
print(session.session_key)
"""


def csp_violations(base, public_paths, admin_paths, session_key):
    """Visit public pages as a visitor, then sign in and walk the admin's main screens, in Debian's Chromium;
    return the Content-Security-Policy violations it reported."""
    from playwright.sync_api import sync_playwright

    violations = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(extra_http_headers={"X-Forwarded-Proto": "https"})
        page = context.new_page()
        page.on("console", lambda message: violations.append((page.url, message.text))
                if "Content Security Policy" in message.text else None)
        for path in public_paths:
            assert page.goto(base + path).status == 200, path
        # Signed in through a session made on the server (the login form's own checks are tested above; over
        # plain HTTP a browser would not send the Secure cookies of a site behind an HTTPS proxy).
        context.add_cookies([{"name": "sessionid", "value": session_key, "url": base}])
        for path in admin_paths:
            assert page.goto(base + path).status == 200, path
            page.wait_for_load_state("networkidle")
            if "/edit/" in path:  # the page editor, the heaviest screen, came up whole
                assert page.locator("form#page-edit-form").count() == 1
        browser.close()
    return violations


PUBLISH_NEWS = """
from thidua_wagtail.models import NewsIndexPage, NewsPage
index = NewsIndexPage.objects.get(locale__language_code="vi")
page = NewsPage(title="Tin đăng từ máy chủ kia", slug="tin-dang-tu-may-chu-kia", summary="Một tin mới.",
                body=[("paragraph", "<p>Nội dung.</p>")])
index.add_child(instance=page)
page.save_revision().publish()
"""


def test_gunicorn_serves_the_site_and_survives_a_redis_outage(tmp_path, production_database):  # noqa: F811
    redis_port = free_port()
    redis = start_redis(redis_port)
    env = production_env(DATABASE_URL=production_database, STATIC_ROOT=str(tmp_path / "static"),
                         MEDIA_ROOT=str(tmp_path / "media"), REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
                         DJANGO_SUPERUSER_PASSWORD="the-right-password-42",
                         EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")
    manage("migrate", "--noinput", env=env)
    manage("thidua_demo", "--no-english", env=env)
    manage("collectstatic", "--noinput", env=env)
    manage("createsuperuser", "--noinput", "--username", "office", "--email", "office@example.org", env=env)
    server, base = start_gunicorn(env)
    port = int(base.rsplit(":", 1)[1])
    public = ["/vi/", "/vi/phong-trao-thi-dua/", "/vi/dien-hinh-tien-tien/?kind=individual", "/vi/tin-thi-dua-khen-thuong/",
              "/vi/tim-kiem/?q=dien+hinh", "/vi/feeds/news/rss/", "/api/v2/campaigns/", "/api/v2/pages/",
              "/sitemap.xml", "/vi/de-cu-dien-hinh-tien-tien/", "/admin/login/"]
    try:
        status, headers, html = fetch(base + "/vi/")
        assert status == 200 and 'lang="vi"' in html and "Phong trào thi đua" in html
        css = html.split('href="/static/thidua_wagtail/css/thidua.')[1].split('"')[0]
        assert css.endswith(".css") and len(css) > 8  # a hashed name from the manifest
        status, headers, body = fetch(f"{base}/static/thidua_wagtail/css/thidua.{css}")
        assert status == 200 and "max-age=315360000" in headers.get("Cache-Control", "") and ".td-" in body
        # Several workers, one cache: a page served twice by either worker is the same, and plain HTTP goes to HTTPS.
        assert fetch(base + "/vi/phong-trao-thi-dua/")[2] == fetch(base + "/vi/phong-trao-thi-dua/")[2]
        status, headers, _ = fetch(base + "/vi/", https=False)
        assert status == 301 and headers["Location"].startswith("https://")
        status, headers, _ = fetch(base + "/vi/")
        assert "max-age=31536000" in headers.get("Strict-Transport-Security", "")
        assert headers.get("X-Frame-Options") == "DENY"

        # Security headers: a strict policy on public pages, the admin's own on the admin.
        status, headers, _ = fetch(base + "/vi/")
        assert status == 200
        assert "script-src 'self';" in headers["Content-Security-Policy"]
        assert "unsafe-inline" not in headers["Content-Security-Policy"]
        assert "camera=()" in headers["Permissions-Policy"]
        status, headers, _ = fetch(base + "/admin/login/")
        assert status == 200 and "frame-ancestors 'self'" in headers["Content-Security-Policy"]

        # A body over THIDUA_MAX_REQUEST_BODY_SIZE is refused before it is read.
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.putrequest("POST", "/vi/de-cu-dien-hinh-tien-tien/")
        connection.putheader("X-Forwarded-Proto", "https")
        connection.putheader("Content-Type", "multipart/form-data; boundary=x")
        connection.putheader("Content-Length", str(100 * 1024 * 1024))
        connection.endheaders()
        connection.send(b"--x\r\n" * 1000)
        response = connection.getresponse()
        assert response.status == 413 and "MB" in response.read().decode()
        connection.close()

        # Brute force: five wrong passwords, then even the right one is refused until unlocked.
        browser = Browser(base)
        for _ in range(5):
            status, _h, html = browser.post_form("/admin/login/", {"username": "office", "password": "wrong"})
            assert status in (200, 429)
        status, _h, html = browser.post_form("/admin/login/", {"username": "office",
                                                               "password": "the-right-password-42"})
        assert status == 429 and "Quá nhiều lần đăng nhập sai" in html
        manage("axes_reset_username", "office", env=env)
        status, headers, _ = Browser(base).post_form("/admin/login/", {"username": "office",
                                                                     "password": "the-right-password-42"})
        assert status == 302, status

        # The content security policy breaks nothing a visitor or an editor uses (Chromium reports violations).
        ids = manage("shell", "-c", "from thidua_wagtail.models import CampaignPage, ExemplaryProfilePage, NewsPage; "
                     "print(*[m.objects.first().pk for m in (CampaignPage, ExemplaryProfilePage, NewsPage)])",
                     env=env).stdout.split()[-3:]
        admin = ["/admin/", "/admin/pages/", "/admin/snippets/thidua_wagtail/officialdocument/",
                 "/admin/thidua_nominations/", "/admin/thidua_plan_import/", "/admin/reports/thidua-honours/",
                 *[f"/admin/pages/{pk}/edit/" for pk in ids]]
        session_key = manage("shell", "-c", SIGN_IN, env=env).stdout.split()[-1]
        violations = csp_violations(base, public[:6] + ["/vi/de-cu-dien-hinh-tien-tien/"], admin, session_key)
        assert violations == [], "\n".join(f"{url}: {text}" for url, text in violations)

        # Two app servers behind one Redis and one database: a publish shows at once on both, and what it does not
        # touch stays cached on both.
        second, second_base = start_gunicorn(env)
        news_list, unrelated = "/vi/tin-thi-dua-khen-thuong/", "/vi/dien-hinh-tien-tien/"
        try:
            for server_base in (base, second_base, base, second_base):
                for path in (news_list, unrelated):
                    assert fetch(server_base + path)[0] == 200
            assert [fetch(b + unrelated)[1].get("X-Thidua-Cache") for b in (base, second_base)] == ["hit", "hit"]
            manage("shell", "-c", PUBLISH_NEWS, env=env)
            for server_base in (base, second_base):
                status, headers, html = fetch(server_base + news_list)
                assert status == 200 and "Tin đăng từ máy chủ kia" in html, server_base
                assert fetch(server_base + unrelated)[1].get("X-Thidua-Cache") == "hit", server_base
        finally:
            second.terminate()
            second_output = second.communicate(timeout=20)[0]
        assert "Traceback" not in second_output, second_output

        # Redis stops: everything still answers; a nomination sent now is stored.
        for path in public:
            assert fetch(base + path)[0] == 200, path
        redis.terminate()
        redis.wait(timeout=10)
        before = count_nominations(env)
        for path in public:
            status, _h, body = fetch(base + path)
            assert status == 200, (path, status, body[:300])
        status, headers, _ = Browser(base).post_form("/vi/de-cu-dien-hinh-tien-tien/", NOMINATION)
        assert status == 302 and headers["Location"].endswith("?sent=1")
        assert count_nominations(env) == before + 1
        status, headers, _ = Browser(base).post_form("/admin/login/", {"username": "office",
                                                                     "password": "the-right-password-42"})
        assert status == 302
        started = time.monotonic()
        for path in public:
            assert fetch(base + path)[0] == 200
        assert time.monotonic() - started < 10  # no time-out per cache call while Redis is away

        # Redis is back: pages come from the cache again.
        redis = start_redis(redis_port)
        deadline = time.monotonic() + 30  # each worker tries Redis again within RETRY_AFTER seconds
        states = []
        while time.monotonic() < deadline and states[-2:] != ["hit", "hit"]:
            states.append(fetch(base + "/vi/tin-thi-dua-khen-thuong/")[1].get("X-Thidua-Cache"))
            time.sleep(0.1)
        assert states[-2:] == ["hit", "hit"], states
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
        redis.terminate()
    assert "Traceback" not in output, output
    assert output.count("The cache (Redis) is not answering") <= 2 * 3, output  # once per worker and outage
