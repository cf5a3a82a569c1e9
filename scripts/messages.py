"""`make messages`, after `makemessages -l vi` has re-extracted the app's own strings: bring the strings of the
installed Wagtail and wagtail-localize into the app's Vietnamese catalogue of the Wagtail admin, compile every
catalogue, and name what still needs a translator.

The `.po` files are the translators' source of truth. This script only adds entries (with an empty translation)
and records the versions it merged from; it never writes a msgstr, so a translator's work, in a text editor,
Poedit or Weblate, is kept. It exits with an error while any string lacks a Vietnamese translation.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
APP_CATALOGUE = ROOT / "thidua_wagtail/locale/vi/LC_MESSAGES/django.po"


def setup_django():
    import os  # noqa: PLC0415 (a script: Django is set up only when run)

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django  # noqa: PLC0415

    django.setup()


def merge(catalogue, sources, versions):
    """Add to ``catalogue`` (a POFile) every entry of ``sources`` ({key: (entry, path)}) it lacks, untranslated;
    record ``versions`` in its header. Existing entries, translated or not, are left exactly as they are.
    Returns the number of entries added."""
    from thidua_wagtail.wagtail_catalogue import CHECKED_HEADER, entry_key  # noqa: PLC0415

    known = {entry_key(entry) for entry in catalogue}
    added = 0
    for key, (source, path) in sources.items():
        if key in known:
            continue
        entry = polib.POEntry(msgctxt=source.msgctxt, msgid=source.msgid, comment=app_name(path),
                              flags=[flag for flag in source.flags if flag != "fuzzy"])
        if source.msgid_plural:
            entry.msgid_plural, entry.msgstr_plural = source.msgid_plural, {0: ""}
        catalogue.append(entry)
        added += 1
    checked = [part.strip() for part in catalogue.metadata.get(CHECKED_HEADER, "").split(",") if part.strip()]
    catalogue.metadata[CHECKED_HEADER] = ", ".join(sorted(set(checked) | set(versions)))
    return added


def app_name(path):
    """"wagtail/admin" for .../site-packages/wagtail/admin/locale/en/LC_MESSAGES/django.po."""
    parts = path.parts[:path.parts.index("locale")]
    start = max(i for i, part in enumerate(parts) if part in ("wagtail", "wagtail_localize") and
                (i == 0 or parts[i - 1] not in ("wagtail", "wagtail_localize")))
    return "/".join(parts[start:])


def untranslated(catalogue):
    from thidua_wagtail.wagtail_catalogue import translated  # noqa: PLC0415

    return [entry.msgid for entry in catalogue if not entry.obsolete and not translated(entry)]


def main():
    setup_django()
    from thidua_wagtail.wagtail_catalogue import DOMAINS, catalogue_path, installed_versions, source_entries  # noqa: PLC0415

    catalogues = [APP_CATALOGUE]
    for domain in DOMAINS:
        path = catalogue_path(domain)
        catalogue = polib.pofile(str(path), wrapwidth=0)
        added = merge(catalogue, source_entries(domain, installed_only=False), installed_versions())
        catalogue.save(str(path))
        print(f"{path.relative_to(ROOT)}: {added} new strings from {', '.join(installed_versions())}")
        catalogues.append(path)
    missing = {}
    for path in catalogues:
        catalogue = polib.pofile(str(path))
        catalogue.save_as_mofile(str(path.with_suffix(".mo")))
        if gaps := untranslated(catalogue):
            missing[path] = gaps
        print(f"{path.relative_to(ROOT)}: {len(catalogue)} strings, {len(gaps)} without Vietnamese, compiled")
    for path, gaps in missing.items():
        print(f"\nNo Vietnamese yet in {path.relative_to(ROOT)} (glossary: docs/glossary-vi.md):")
        for msgid in gaps:
            print("  " + msgid.replace("\n", "\\n"))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
