"""Create the app's section pages under a site's home page, in every content language (the ``thidua_setup``
command).

Sections are the page types that declare a ``section`` (``pagetypes.Section``): the campaign list, the profile
list, the news list, the nomination form and the statistics page, in their declared order. The sections of the
source language (the site's default language, or the one asked for: the demo's content is Vietnamese) are created
under the home page in that language; the other languages get translations of them (Wagtail's
``copy_for_translation``, so the language switcher and wagtail-localize's sync know they are the same pages), under
the home page's translation, which is created too when missing (and recorded, for ``thidua_uninstall``). Each
language gets its own titles. Existing sections, in any language, are left alone: running it again creates nothing.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import translation
from wagtail.coreutils import get_content_languages
from wagtail.log_actions import log
from wagtail.models import Locale, Page

from .pagetypes import sections_by_key
from .text import ascii_slug

# The page history's record of a home page translation made for the sections (thidua_uninstall removes it).
HOME_COPY_ACTION = "thidua_wagtail.home_translation"


class SetupError(ValueError):
    pass


def record_home_copy(page):
    """Note in the page's history that the app made this translation of the home page."""
    log(instance=page, action=HOME_COPY_ACTION)


@dataclass
class SetupReport:
    created: list = field(default_factory=list)
    existing: list = field(default_factory=list)


def default_title(kind, language_code):
    with translation.override(language_code):
        return str(sections_by_key()[kind].section.title)


def section_elsewhere(model, site, locale):
    """The section of type ``model`` under the site's home page in a language other than ``locale``, or None."""
    homes = Page.objects.filter(translation_key=site.root_page.translation_key).exclude(locale=locale)
    for home in homes.order_by("pk"):
        found = model.objects.child_of(home).first()
        if found is not None:
            return found
    return None


def localized_home(site, locale):
    """The site's home page in ``locale``: its root page, or that page's translation, made (and recorded) when
    missing. Returns (page, created)."""
    home = site.root_page.specific
    if home.locale_id == locale.pk:
        return home, False
    existing = home.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    copy = home.copy_for_translation(locale)
    copy.save_revision().publish()
    record_home_copy(copy)
    return copy.specific, True


def setup_sections(site, kinds=None, titles=None, slugs=None, fields=None, translate=True, source=None):
    """Create the missing sections. ``titles``/``slugs`` map (kind, language code) or kind to a value (a bare kind:
    the source language's); ``fields`` maps kind to more field values of a section created in the source language
    (an introduction…); ``source`` is the language the sections are created in first (default: the site's home
    page's); ``translate=False`` leaves the other languages alone (the demo translates through wagtail-localize)."""
    known = sections_by_key()
    kinds = list(kinds or known)
    unknown = [kind for kind in kinds if kind not in known]
    if unknown:
        raise SetupError(f"Unknown section(s): {', '.join(unknown)}. Choose from {', '.join(known)}.")
    titles, slugs, fields = titles or {}, slugs or {}, fields or {}
    report = SetupReport()
    default = source or site.root_page.locale
    languages = [code for code, _name in get_content_languages().items()]
    locales = [default] + [Locale.objects.get_or_create(language_code=code)[0]
                           for code in languages if code != default.language_code and translate]

    def title_for(kind, code):
        return titles.get((kind, code)) or (titles.get(kind) if code == default.language_code else None) \
            or default_title(kind, code)

    def slug_for(kind, code, title):
        return slugs.get((kind, code)) or (slugs.get(kind) if code == default.language_code else None) \
            or ascii_slug(title)

    with transaction.atomic():
        home, created = localized_home(site, default)
        if created:
            report.created.append(home)
        sources = {}
        for kind in kinds:
            model = known[kind]
            existing = model.objects.child_of(home).first()
            if existing is not None:
                sources[kind] = existing
                report.existing.append(existing)
                continue
            title = title_for(kind, default.language_code)
            other = section_elsewhere(model, site, default)
            if other is not None:  # made in another language first: this language's is its translation
                page = other.copy_for_translation(default)
                page.title, page.slug = title, slug_for(kind, default.language_code, title)
                for name, value in fields.get(kind, {}).items():
                    setattr(page, name, value)
            else:
                page = model(title=title, slug=slug_for(kind, default.language_code, title), show_in_menus=True,
                             **fields.get(kind, {}))
                home.add_child(instance=page)
            page.save_revision().publish()
            sources[kind] = page
            report.created.append(page)

        for locale in locales[1:]:
            _home_translation, created = localized_home(site, locale)
            if created:
                report.created.append(_home_translation)
            for kind in kinds:
                source = sources[kind]
                existing = source.get_translation_or_none(locale)
                if existing is not None:
                    report.existing.append(existing)
                    continue
                title = title_for(kind, locale.language_code)
                page = source.copy_for_translation(locale)
                page.title = title
                page.slug = slug_for(kind, locale.language_code, title)
                page.save_revision().publish()
                report.created.append(page)
    return report
