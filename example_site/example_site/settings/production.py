"""Production: PostgreSQL, Redis cache, gunicorn, WhiteNoise for static files; secrets from the environment.

Environment:
  SECRET_KEY (required), ALLOWED_HOSTS (comma-separated, required), DATABASE_URL (PostgreSQL),
  REDIS_URL (default redis://127.0.0.1:6379/1), WAGTAILADMIN_BASE_URL, CSRF_TRUSTED_ORIGINS (comma-separated),
  EMAIL_URL-like settings: EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, DEFAULT_FROM_EMAIL,
  SECURE_SSL_REDIRECT (default 1), SECURE_HSTS_SECONDS (default 31536000), MEDIA_ROOT.
Media (images, documents, nomination attachments) stay on local disk by default; for several app servers, mount a
shared volume at MEDIA_ROOT or use object storage (django-storages, STORAGES["default"]).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def env(name, default=None, required=False):
    value = os.environ.get(name, default)
    if required and not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = env("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set the ALLOWED_HOSTS environment variable.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

DATABASES["default"]["CONN_MAX_AGE"] = int(env("CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# One cache shared by every app server: fragment caches, the content version, the nomination rate limit.
# FailSafeRedisCache: when Redis is down the site is served without the cache (logged once) instead of 500s;
# the short time-outs keep an unreachable server from holding requests.
CACHES = {
    "default": {
        "BACKEND": "thidua_wagtail.cache_backends.FailSafeRedisCache",
        "LOCATION": env("REDIS_URL", "redis://127.0.0.1:6379/1"),
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", "thidua"),
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Static files served by WhiteNoise from gunicorn (compressed, hashed names, far-future caching).
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
                  "whitenoise.middleware.WhiteNoiseMiddleware")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS behind a reverse proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views set SAMEORIGIN for themselves

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = SERVER_EMAIL = env("DEFAULT_FROM_EMAIL", "no-reply@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
