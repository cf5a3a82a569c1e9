"""Settings shared by the example site's dev and production settings.

SQLite by default; set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/thidua) to switch.
"""

import os
from pathlib import Path

import dj_database_url

import thidua_wagtail

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "home",
    "thidua_wagtail",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
]

MIDDLEWARE = [
    # Refuses an oversized body (413) before anything reads it; Django's own limits leave out files.
    "thidua_wagtail.middleware.RequestBodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy (THIDUA_*_POLICY settings).
    "thidua_wagtail.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "thidua_wagtail.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: locks out repeated failed logins.
    "axes.middleware.AxesMiddleware",
]

# Brute-force protection of the admin login (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# user name from one address, that pair is locked out for AXES_COOLOFF_TIME hours (HTTP 429, with a message);
# other addresses and other users are not affected, so an attacker cannot lock the Office out. Attempts are kept
# in the database (they survive a Redis outage). Unlock early with `manage.py axes_reset_username NAME`,
# `manage.py axes_reset_ip ADDRESS` or `manage.py axes_reset` (everything).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hour
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "thidua_wagtail/admin/login_locked.html"  # the app ships it, in Vietnamese and English
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]  # behind a proxy: make REMOTE_ADDR the visitor's address

ROOT_URLCONF = "example_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "example_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every process of the site — the server and management commands such as publish_scheduled,
# thidua_import_plans or thidua_clear_cache — so that what a command publishes shows at once (cached pages are
# dropped on every publish). Production uses Redis (production.py).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / ".cache")),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first, English second.
LANGUAGE_CODE = "vi"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# The Wagtail admin and wagtail-localize in Vietnamese, shipped with the app (read before the apps' own catalogues).
LOCALE_PATHS = [thidua_wagtail.WAGTAIL_LOCALE_PATH]
# "Translate" pre-fills the app's fixed terms and earlier translations (docs/translation.md).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "thidua_wagtail.glossary.GlossaryTranslator"}
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request size: a form's fields at most 5 MB (Django's check, files aside); files above 2.5 MB stream to a
# temporary file; the whole body at most THIDUA_MAX_REQUEST_BODY_SIZE (32 MB: the largest upload, a 20 MB
# document, with room), refused before it is read. Set the same cap in the web server (nginx
# `client_max_body_size 32m;`).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
THIDUA_MAX_REQUEST_BODY_SIZE = 32 * 1024 * 1024

WAGTAIL_SITE_NAME = "Sở Khoa học và Công nghệ — Thi đua, khen thưởng"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Documents: served through Django (permission checks), a strict allow-list, a size cap.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_INLINE_CONTENT_TYPES = []  # every document downloads as an attachment, never renders in the site's origin
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# The admin asks no outside server: no Gravatar (editors' email hashes would go to a third party) and no update
# check; both would also break the content security policy (THIDUA_ADMIN_CONTENT_SECURITY_POLICY).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # "Đại hội" -> "dai-hoi": ASCII URLs, as Vietnamese government portals use
