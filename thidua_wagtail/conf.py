"""The one place where the ``THIDUA_*`` settings are read.

Each setting has a documented default below. Values are read lazily and the
cache is cleared on Django's ``setting_changed`` signal, so
``override_settings`` works in tests.

==========================  =======  ==================================================
Setting                     Default  Meaning
==========================  =======  ==================================================
THIDUA_PAGE_SIZE            12       Items per page on the campaign, profile, news lists
THIDUA_RELATED_NEWS_COUNT   5        Latest news shown on a campaign or profile page
THIDUA_RELATED_PROFILES_COUNT 12     Exemplary profiles shown on a campaign page
THIDUA_HOME_FEATURED_COUNT  3        Items per block of includes/home_sections.html
THIDUA_FIRST_YEAR           1945     Earliest year accepted by the year filters
THIDUA_SEARCH_MAX_QUERY_LENGTH 200   Longer search queries are cut to this many characters
THIDUA_SEARCH_DOCUMENTS_SHOWN 5      Matching documents shown beside the page results
THIDUA_SEARCH_MAX_RESULTS   1000     Page results offered (and counted) at most; a broader search says there are more
THIDUA_SEARCH_RANK_WINDOW   1000     A search matching more pages ranks the most recent this many only (0: rank every match)
THIDUA_CONSULTATION_MIN_WORKING_DAYS 10  Shortest public consultation on nominees, in working days (consultations)
THIDUA_CONSULTATION_RATE_LIMIT 10    Comments on nominees one IP address may send per period
THIDUA_CONSULTATION_RATE_PERIOD 3600 ... the period, in seconds
THIDUA_EXTRA_DAYS_OFF       ()       Days off besides the national holidays ("2027-02-03"), for counting working days
THIDUA_FEED_ITEMS           20       Items in each RSS/Atom feed
THIDUA_PAGE_CACHE_TIMEOUT   600      Seconds anonymous visitors' responses stay cached (0: no caching; see cache.py)
THIDUA_PAGE_CACHE_MAX_VARIANTS 1000  Query-string variants of one page or view cached per content version
THIDUA_FRAGMENT_CACHE_TIMEOUT 600    Seconds listing and related fragments stay cached (0: no caching)
THIDUA_PLAN_MAX_UPLOAD_SIZE 10 MB    Largest plan file the import accepts (bytes)
THIDUA_PLAN_MAX_UNCOMPRESSED_SIZE 50 MB  Largest a .docx plan may unpack to (zip bombs are refused unread)
THIDUA_NOMINATION_RATE_LIMIT 5       Nominations one IP address may send per period
THIDUA_NOMINATION_RATE_PERIOD 3600   The rate limit's period, in seconds
THIDUA_NOMINATION_MAX_FILES 3        Attachments per nomination
THIDUA_NOMINATION_MAX_FILE_SIZE 5 MB Largest attachment (bytes)
THIDUA_FEEDBACK_RATE_LIMIT  30       Answers to "Was this information useful?" one IP address may send per period
THIDUA_FEEDBACK_RATE_PERIOD 3600     ... the period, in seconds (feedback.py)
THIDUA_MAX_REQUEST_BODY_SIZE 32 MB   RequestBodyLimitMiddleware: larger request bodies get 413 before being read
THIDUA_CONTENT_SECURITY_POLICY (see below) SecurityHeadersMiddleware: the policy of public pages
THIDUA_ADMIN_CONTENT_SECURITY_POLICY (see below) ... of the admin and of visitors with a session (editors)
THIDUA_PERMISSIONS_POLICY   (see below) SecurityHeadersMiddleware: browser features no page uses are turned off
THIDUA_BASE_TEMPLATE        None     The site's base template the app's pages extend (None: the app's own layout)
THIDUA_STYLESHEET           (the app's) The static path of the components' stylesheet; None: no stylesheet of the app at all
THIDUA_REGISTER_PAGE_SIZE   50       Rows per page of the register of honours and of the document registry
THIDUA_OPEN_DATA_LICENCE    CC BY 4.0  The licence the register's open data is published under (its name)
THIDUA_OPEN_DATA_LICENCE_URL (CC BY 4.0's deed)  ... and its address
THIDUA_RECIPIENT_IMPORT_MAX_SIZE 5 MB  Largest spreadsheet of a decision's recipients the import accepts (bytes)
THIDUA_RECIPIENT_IMPORT_MAX_ROWS 2000  Most recipients one import reads
THIDUA_TRANSLATION_GLOSSARY {}     The site's own terms {Vietnamese: English} for the glossary translator (glossary.py)
==========================  =======  ==================================================
"""

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

SETTING_PREFIX = "THIDUA_"

DEFAULTS = {
    "PAGE_SIZE": 12,
    "RELATED_NEWS_COUNT": 5,
    "RELATED_PROFILES_COUNT": 12,
    "HOME_FEATURED_COUNT": 3,
    "FIRST_YEAR": 1945,
    "SEARCH_MAX_QUERY_LENGTH": 200,
    "SEARCH_DOCUMENTS_SHOWN": 5,
    "SEARCH_MAX_RESULTS": 1000,
    "SEARCH_RANK_WINDOW": 1000,
    "CONSULTATION_MIN_WORKING_DAYS": 10,
    "CONSULTATION_RATE_LIMIT": 10,
    "CONSULTATION_RATE_PERIOD": 3600,
    "EXTRA_DAYS_OFF": (),
    "FEED_ITEMS": 20,
    "PAGE_CACHE_TIMEOUT": 600,
    "PAGE_CACHE_MAX_VARIANTS": 1000,
    "FRAGMENT_CACHE_TIMEOUT": 600,
    "PLAN_MAX_UPLOAD_SIZE": 10 * 1024 * 1024,
    "PLAN_MAX_UNCOMPRESSED_SIZE": 50 * 1024 * 1024,
    "NOMINATION_RATE_LIMIT": 5,
    "NOMINATION_RATE_PERIOD": 3600,
    "NOMINATION_MAX_FILES": 3,
    "NOMINATION_MAX_FILE_SIZE": 5 * 1024 * 1024,
    "FEEDBACK_RATE_LIMIT": 30,
    "FEEDBACK_RATE_PERIOD": 3600,
    "BASE_TEMPLATE": None,
    "STYLESHEET": "thidua_wagtail/css/thidua.css",
    "REGISTER_PAGE_SIZE": 50,
    "OPEN_DATA_LICENCE": "CC BY 4.0",
    "OPEN_DATA_LICENCE_URL": "https://creativecommons.org/licenses/by/4.0/",
    "RECIPIENT_IMPORT_MAX_SIZE": 5 * 1024 * 1024,
    "RECIPIENT_IMPORT_MAX_ROWS": 2000,
    "MAX_REQUEST_BODY_SIZE": 32 * 1024 * 1024,
    # {Vietnamese: English}: the site's own terms for the glossary translator (glossary.py)
    "TRANSLATION_GLOSSARY": {},
    "CONTENT_SECURITY_POLICY": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    ),
    "ADMIN_CONTENT_SECURITY_POLICY": (
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
    ),
    "PERMISSIONS_POLICY": (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
        "accelerometer=(), gyroscope=(), magnetometer=(), midi=(), display-capture=(), browsing-topics=()"
    ),
}


class ThiduaSettings:
    """Attribute access to ``THIDUA_<NAME>`` settings with defaults."""

    def __init__(self, defaults):
        self._defaults = defaults
        self._cache = {}

    def __getattr__(self, name):
        if name.startswith("_") or name not in self._defaults:
            raise AttributeError(f"Unknown thidua_wagtail setting: {name}")
        if name not in self._cache:
            self._cache[name] = getattr(settings, f"{SETTING_PREFIX}{name}", self._defaults[name])
        return self._cache[name]

    def reload(self):
        self._cache.clear()


thidua_settings = ThiduaSettings(DEFAULTS)


@receiver(setting_changed)
def _reload_thidua_settings(*, setting, **kwargs):
    if setting.startswith(SETTING_PREFIX):
        thidua_settings.reload()
