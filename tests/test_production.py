"""Deployment: the production settings pass `check --deploy`, and the site runs under gunicorn with WhiteNoise,
PostgreSQL (when the suite runs on it) and a Redis cache, as the README's production section says."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "example_site"
BIN = Path(sys.executable).parent


def production_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    env.update(DJANGO_SETTINGS_MODULE="example_site.settings.production", SECRET_KEY=secrets.token_urlsafe(50),
               ALLOWED_HOSTS="127.0.0.1,localhost", REDIS_URL="redis://127.0.0.1:6379/14",
               CACHE_KEY_PREFIX=f"thidua-test-{secrets.token_hex(4)}")
    env.update(extra)
    return env


def manage(*args, env, check=True):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=SITE, env=env, capture_output=True, text=True,
                            timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def test_check_deploy_has_no_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_secrets(missing):
    env = production_env()
    env.pop(missing)
    result = manage("check", env=env, check=False)
    assert result.returncode != 0 and f"Set the {missing} environment variable." in result.stderr


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url, https=True):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"} if https else {})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=20) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8", "replace")


def start_gunicorn(env):
    """The example site under gunicorn (two workers) with ``env``, once it answers; returns (process, base URL)."""
    port = free_port()
    server = subprocess.Popen([str(BIN / "gunicorn"), "example_site.wsgi", "--bind", f"127.0.0.1:{port}",
                               "--workers", "2", "--chdir", str(SITE)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            fetch(base + "/vi/")
            break
        except OSError:
            time.sleep(0.2)
    return server, base


@pytest.fixture
def production_database(tmp_path):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'production.sqlite3'}"
        return
    import psycopg

    name = f"thidua_prod_{secrets.token_hex(4)}"
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# The site under gunicorn, WhiteNoise, Redis and PostgreSQL is tested in test_production_hardening.py, which starts
# it once for every check (it takes a minute to build).
