"""Language helpers: the languages a site publishes in, dates as each language writes them,
and where each language's version of a page lives."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import dateformat, translation
from django.utils.translation import get_language_info
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page

from .cache import versioned
from .querysets import is_public, restricted_sections

# Django date formats. Vietnamese: "ngày 26 tháng 8 năm 2019" and "26/8/2019";
# English: "26 August 2019" and "26 Aug 2019".
DATE_FORMATS = {
    "vi": {"long": r"\n\gà\y j \t\há\n\g n \nă\m Y", "short": "j/n/Y"},
    "en": {"long": "j F Y", "short": "j M Y"},
}


def active_language():
    """The active language's base code ("vi" for "vi", "en" for "en-gb")."""
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def absolute_url(request, url):
    """``url`` made absolute on the request's scheme and host (unchanged without a request, None for None)."""
    if url is None:
        return None
    return request.build_absolute_uri(url) if request is not None else url


def format_date(value, style="long"):
    """``value`` formatted the way the active language writes dates."""
    if not value:
        return ""
    language = active_language()
    formats = DATE_FORMATS.get(language, DATE_FORMATS["en"])
    return dateformat.format(value, formats.get(style, formats["long"]))


# The language of the law's names, of the demo and of the app's source texts.
VIETNAMESE = "vi"


def has_vietnamese():
    """Whether Vietnamese is one of the site's content languages (the app works without it, in a reduced way)."""
    return VIETNAMESE in get_content_languages()


def vietnamese_locale():
    """The Vietnamese locale (made when missing) when Vietnamese is a content language, else None."""
    return Locale.objects.get_or_create(language_code=VIETNAMESE)[0] if has_vietnamese() else None


def content_languages():
    """(code, name in that language) for each language content is published in, the default first."""
    languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or settings.LANGUAGES
    result = []
    for code, name in languages:
        try:
            name = get_language_info(code)["name_local"]
        except KeyError:
            pass
        result.append((code, name))
    return result


@dataclass
class Alternate:
    language_code: str
    name: str
    url: str | None
    full_url: str | None
    is_current: bool
    is_translation: bool  # False when ``url`` leads to the nearest translated ancestor, not the page itself


def lineage(page, request=None):
    """The page, its ancestors below the tree's root and their translations, as light page objects (``pk``,
    ``path``, ``depth``, ``title``, ``url_path``, ``live``, ``translation_key``, ``locale``), shallowest first: what
    the language switcher, the hreflang links and the breadcrumbs are made of, in one query for all three (they
    were four: the ancestors twice, their translations, the page's locale). Read once per request and page."""
    memo = request.__dict__.setdefault("_thidua_lineage", {}) if request is not None else {}
    if page.pk not in memo:
        paths = [page.path[:end] for end in range(page.steplen, len(page.path) + 1, page.steplen)]
        keys = Page.objects.filter(path__in=paths, depth__gt=1).values("translation_key")
        memo[page.pk] = list(
            Page.objects.filter(translation_key__in=keys).select_related("locale")
            .only("pk", "path", "depth", "title", "url_path", "live", "translation_key", "locale__language_code")
            .order_by("depth", "pk"))
    return memo[page.pk]


def ancestors_in_lineage(page, family):
    """``page``'s ancestors (itself excluded) among ``family`` (``lineage(page)``), shallowest first."""
    return [row for row in family
            if row.locale_id == page.locale_id and row.pk != page.pk and page.path.startswith(row.path)]


def alternates(page, request=None):
    """For each content language: the live, public version of ``page`` in it, or failing that the
    nearest ancestor (e.g. the section index) that exists in it, or None. From ``lineage()`` (one query)."""
    family = lineage(page, request)
    private = restricted_sections()
    best = {}
    for row in reversed(family):  # deepest first
        if row.locale_id != page.locale_id and row.live and is_public(row, private):
            best.setdefault(row.locale.language_code, row)
    current = next((row.locale.language_code for row in family if row.pk == page.pk), None) \
        or page.locale.language_code
    result = []
    for code, name in content_languages():
        found = page if code == current else best.get(code)
        url = found.get_url(request) if found is not None else None
        result.append(
            Alternate(
                language_code=code,
                name=name,
                url=url,
                full_url=(found.full_url if request is None else absolute_url(request, url)) if found else None,
                is_current=code == current,
                is_translation=found is not None and found.translation_key == page.translation_key,
            )
        )
    return result


def view_alternates(request):
    """Alternates for a view that is not a Wagtail page (the search page): the same URL in each language."""
    current = active_language()
    path = request.get_full_path()
    result = []
    for code, name in content_languages():
        url = translate_url(path, code)
        result.append(Alternate(code, name, url, absolute_url(request, url), code == current, True))
    return result


def active_locale():
    """``Locale.get_active()``, kept in the cache until the next edit (adding or deleting a locale is one):
    every listing, tag and feed asks for it."""
    return versioned(f"locale-{translation.get_language()}", Locale.get_active)
