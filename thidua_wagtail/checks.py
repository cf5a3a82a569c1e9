"""System checks (``manage.py check``): what in a site's settings makes the app, or the site, work badly.

Warnings, not errors: a site may know better, and silences one with ``SILENCED_SYSTEM_CHECKS``.
"""

from django.conf import settings
from django.core import checks

from . import WAGTAIL_LOCALE_PATH
from .i18n import has_vietnamese
from .wagtail_catalogue import checked_versions, installed_versions


@checks.register()
def check_translation_apps(app_configs, **kwargs):
    """wagtail-localize translates the app's pages and snippets; Wagtail's simple_translation beside it adds a
    second "Translate" action to every page and snippet, which makes copies wagtail-localize does not follow."""
    installed = set(settings.INSTALLED_APPS)
    found = []
    if "wagtail.contrib.simple_translation" in installed and "wagtail_localize" in installed:
        found.append(checks.Warning(
            "wagtail.contrib.simple_translation is installed beside wagtail_localize: editors see two "
            "\"Translate\" actions, and a page copied by simple_translation is not synchronised by wagtail-localize.",
            hint="Remove \"wagtail.contrib.simple_translation\" from INSTALLED_APPS (pages it translated stay, as "
                 "translations wagtail-localize can take over with \"Translate\" → \"Sync\"), or silence "
                 "thidua_wagtail.W001 if your editors know which to use.",
            id="thidua_wagtail.W001"))
    if "wagtail.locales" in installed and "wagtail_localize.locales" in installed:
        found.append(checks.Warning(
            "Both wagtail.locales and wagtail_localize.locales are installed: the admin has two locale screens.",
            hint="Keep \"wagtail_localize.locales\" only.", id="thidua_wagtail.W002"))
    return found


@checks.register()
def check_vietnamese(app_configs, **kwargs):
    """The app's content, its admin catalogue and its demo are Vietnamese first."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return [checks.Warning(
            "WAGTAIL_I18N_ENABLED is off: the app's pages cannot be translated and its sections are created in one "
            "language only.", hint="Set WAGTAIL_I18N_ENABLED = True (docs/install.md, step 2).",
            id="thidua_wagtail.W003")]
    if not has_vietnamese():
        return [checks.Warning(
            "Vietnamese is not among WAGTAIL_CONTENT_LANGUAGES: thidua_setup and thidua_demo need it.",
            hint="Add (\"vi\", \"Tiếng Việt\") to LANGUAGES and WAGTAIL_CONTENT_LANGUAGES; your default language "
                 "(LANGUAGE_CODE) can stay as it is.", id="thidua_wagtail.W004")]
    return []


def _feature(name_and_version):
    name, _space, number = name_and_version.rpartition(" ")
    return f"{name} {'.'.join(number.split('.')[:2])}"


def _admin_offers_vietnamese():
    permitted = getattr(settings, "WAGTAILADMIN_PERMITTED_LANGUAGES", None) or settings.LANGUAGES
    return any(code.split("-")[0] == "vi" for code, _name in permitted) or settings.LANGUAGE_CODE.startswith("vi")


@checks.register()
def check_wagtail_catalogue(app_configs, **kwargs):
    """The Wagtail admin in Vietnamese: the shipped catalogue must be in LOCALE_PATHS (the only place Wagtail's
    JavaScript catalogue reads besides its own), and must have been checked against the installed Wagtail."""
    if not _admin_offers_vietnamese():
        return []
    paths = {str(path).rstrip("/") for path in getattr(settings, "LOCALE_PATHS", [])}
    if WAGTAIL_LOCALE_PATH not in paths:
        return [checks.Warning(
            "The Wagtail admin offers Vietnamese, but the app's Vietnamese catalogue of the Wagtail admin is not in "
            "LOCALE_PATHS: editors see four fifths of the admin in English.",
            hint="import thidua_wagtail; LOCALE_PATHS = [..., thidua_wagtail.WAGTAIL_LOCALE_PATH] "
                 "(docs/install.md, step 2).", id="thidua_wagtail.W005")]
    # Feature releases bring new strings, patch releases do not: compare "wagtail 8.0", not "wagtail 8.0.1".
    unchecked = sorted({_feature(v) for v in installed_versions()} - {_feature(v) for v in checked_versions()})
    if unchecked:
        return [checks.Warning(
            f"The app's Vietnamese catalogue of the Wagtail admin was not checked against {', '.join(unchecked)}: "
            "strings new in that version show in English.",
            hint="Run `manage.py thidua_wagtail_catalogue` to list them (docs/translation.md).",
            id="thidua_wagtail.W006")]
    return []
