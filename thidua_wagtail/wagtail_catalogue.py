"""The Vietnamese catalogue of the Wagtail admin and wagtail-localize, shipped with the app.

Wagtail's own Vietnamese catalogues translate a fifth of its strings (and some wrongly: "Pages" as "Phân trang",
pagination). The app ships a complete one in ``thidua_wagtail/wagtail_locale/vi/``: a site puts
``thidua_wagtail.WAGTAIL_LOCALE_PATH`` in ``LOCALE_PATHS``, which Django reads before any installed app's
catalogue, for the server's strings (``django``) and for the admin's JavaScript (``djangojs``, which Wagtail's
``jsi18n`` view reads from ``wagtail.admin`` and ``LOCALE_PATHS`` only).

The ``.po`` files are the translators' source: ``scripts/messages.py`` (``make messages``) adds the strings of a
newer Wagtail with an empty translation and never changes a translation. ``manage.py thidua_wagtail_catalogue``
measures what renders in Vietnamese on a site and lists what does not. The terms are fixed in
``docs/glossary-vi.md``.
"""

import gettext
import importlib.util
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import polib
from django.apps import apps
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

from . import WAGTAIL_LOCALE_PATH

LANGUAGE = "vi"
DOMAINS = ("django", "djangojs")
# The distributions whose strings the catalogue translates, and the top-level packages that hold their catalogues.
PACKAGES = {"wagtail": "wagtail", "wagtail-localize": "wagtail_localize"}
# The header that names the versions whose strings were merged (scripts/messages.py writes it).
CHECKED_HEADER = "X-Checked-Against"


def catalogue_path(domain, suffix=".po"):
    return Path(WAGTAIL_LOCALE_PATH) / LANGUAGE / "LC_MESSAGES" / f"{domain}{suffix}"


def installed_versions():
    """``["wagtail 8.0.1", "wagtail-localize 1.14.5"]``: the installed versions of the translated packages."""
    found = []
    for distribution in PACKAGES:
        try:
            found.append(f"{distribution} {version(distribution)}")
        except PackageNotFoundError:
            continue
    return found


def checked_versions():
    """The versions the shipped catalogue was checked against, read from the compiled catalogue's header (cheap:
    no ``.po`` is parsed, so the system check can run on every start)."""
    with open(catalogue_path("django", ".mo"), "rb") as compiled:
        header = gettext.GNUTranslations(compiled).info()
    return [part.strip() for part in header.get(CHECKED_HEADER.lower(), "").split(",") if part.strip()]


def source_catalogues(domain, installed_only=True):
    """The English ``.po`` files of Wagtail and wagtail-localize: every msgid they can show. ``installed_only``
    keeps the apps in INSTALLED_APPS (what this site can show); otherwise every app of the packages."""
    roots = []
    if installed_only:
        roots = [Path(config.path) for config in apps.get_app_configs()
                 if config.name.split(".")[0] in PACKAGES.values()]
    else:
        for package in PACKAGES.values():
            spec = importlib.util.find_spec(package)
            if spec is not None and spec.origin:
                roots.extend(path.parents[2] for path in Path(spec.origin).parent.rglob(f"locale/en/LC_MESSAGES/{domain}.po"))
    paths = {root / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po" for root in roots}
    return sorted(path for path in paths if path.exists())


def entry_key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural or None)


def source_entries(domain, installed_only=True):
    """{key: (entry, path of the app that holds it)} for every msgid of the English catalogues."""
    entries = {}
    for path in source_catalogues(domain, installed_only):
        for entry in polib.pofile(str(path)):
            if entry.msgid and not entry.obsolete:
                entries.setdefault(entry_key(entry), (entry, path))
    return entries


def translated(entry):
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    return bool(entry.msgstr_plural.get(0)) if entry.msgid_plural else bool(entry.msgstr)


@dataclass
class Coverage:
    domain: str
    total: int
    missing: list  # msgids the site shows in English

    @property
    def rendered(self):
        return self.total - len(self.missing)

    @property
    def share(self):
        return self.rendered / self.total if self.total else 1.0


def _django_catalogue():
    """The catalogue Django uses for Vietnamese on this site: LOCALE_PATHS, then the installed apps."""
    with translation.override(LANGUAGE):
        return translation.trans_real.translation(LANGUAGE)._catalog


def _javascript_catalogue(package):
    """What Wagtail's (or wagtail-localize's) ``jsi18n`` view gives the browser: the package's own
    ``djangojs`` catalogue under LOCALE_PATHS, as Django's JavaScriptCatalog builds it."""
    config = next((config for config in apps.get_app_configs() if config.name == package), None)
    paths = [str(Path(config.path) / "locale")] if config else []
    return DjangoTranslation(LANGUAGE, domain="djangojs", localedirs=paths)._catalog


def coverage(domain):
    """How many msgids of the installed Wagtail and wagtail-localize apps render in Vietnamese on this site, through
    the site's own translation set-up (so a missing ``LOCALE_PATHS`` shows here as missing strings)."""
    missing, total = [], 0
    if domain == "django":
        catalogues = {None: _django_catalogue()}
    else:
        catalogues = {package: _javascript_catalogue(package) for package in ("wagtail.admin", "wagtail_localize")}
    for entry, path in source_entries(domain).values():
        total += 1
        lookup = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        lookup = (lookup, 0) if entry.msgid_plural else lookup
        if domain == "django":
            catalogue = catalogues[None]
        else:
            catalogue = catalogues["wagtail_localize" if "wagtail_localize" in path.parts else "wagtail.admin"]
        if lookup not in catalogue:
            missing.append(entry.msgid)
    return Coverage(domain, total, missing)
