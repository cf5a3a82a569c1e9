"""Language helpers: the languages a site publishes in, dates as each language writes them,
and where each language's version of a page lives."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import dateformat, translation
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

# Django date formats. Vietnamese: "ngày 26 tháng 8 năm 2019" and "26/8/2019";
# English: "26 August 2019" and "26 Aug 2019".
DATE_FORMATS = {
    "vi": {"long": r"\n\gà\y j \t\há\n\g n \nă\m Y", "short": "j/n/Y"},
    "en": {"long": "j F Y", "short": "j M Y"},
}


def format_date(value, style="long"):
    """``value`` formatted the way the active language writes dates."""
    if not value:
        return ""
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    formats = DATE_FORMATS.get(language, DATE_FORMATS["en"])
    return dateformat.format(value, formats.get(style, formats["long"]))


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
    page: Page | None
    is_current: bool
    is_translation: bool  # False when ``page`` is the nearest translated ancestor, not the page itself

    request: object = None

    @property
    def url(self):
        return self.page.get_url(self.request) if self.page is not None else None

    @property
    def full_url(self):
        if self.page is None:
            return None
        if self.request is None:
            return self.page.full_url
        return self.request.build_absolute_uri(self.url)


def alternates(page, request=None):
    """For each content language: the live, public version of ``page`` in it, or failing that the
    nearest ancestor (e.g. the section index) that exists in it, or None. Two queries."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    ancestors = list(page.get_ancestors(inclusive=True).filter(depth__gt=1).only("pk", "translation_key", "depth"))
    keys = [ancestor.translation_key for ancestor in ancestors]
    candidates = (
        Page.objects.live().public().filter(translation_key__in=keys).select_related("locale").order_by("-depth")
    )
    best = {}
    for candidate in candidates:
        best.setdefault(candidate.locale.language_code, candidate)
    result = []
    for code, name in content_languages():
        found = best.get(code) if code in locales else None
        if page.locale.language_code == code:
            found = page
        result.append(
            Alternate(
                language_code=code,
                name=name,
                page=found,
                is_current=page.locale.language_code == code,
                is_translation=found is not None and found.translation_key == page.translation_key,
                request=request,
            )
        )
    return result
