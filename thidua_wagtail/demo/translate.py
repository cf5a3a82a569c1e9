"""The English demo, made through wagtail-localize's own translation objects.

Each demo page and snippet gets a ``Translation`` (as the admin's "Translate" button
would make), its strings are exported as a PO file, filled from ``english.ENGLISH``
and imported back, then the English object is saved and published. So the
"Sync translated pages" and translation editor work on the demo as on any page.
"""

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from ..models import Award, OfficialDocument, Organisation, Unit
from ..sections import record_home_copy
from ..text import ascii_slug
from .english import ENGLISH


def fill_po(po, translations=ENGLISH):
    """Fill the msgstr of each entry of ``po`` whose msgid has a translation. Returns the untranslated msgids."""
    titles = {e.msgid: translations.get(e.msgid) for e in po if e.msgctxt == "title"}
    english_title = next((t for t in titles.values() if t), None)
    missing = []
    for entry in po:
        if entry.msgstr:
            continue
        if entry.msgctxt == "slug" and english_title:
            entry.msgstr = ascii_slug(english_title)
        elif entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
        else:
            missing.append(entry.msgid)
    return missing


def translate_demo(root, locale):
    """Translate ``root`` and the demo content below it, and the demo snippets, into ``locale``.

    Objects that already have a translation in ``locale`` are left alone. Returns
    (number of objects translated, untranslated strings)."""
    # Live pages only: a draft (a registration waiting for the Office) is not translated before it is approved.
    pages = [p.specific for p in Page.objects.descendant_of(root, inclusive=True).filter(live=True).order_by("path")]
    snippets = [*Organisation.objects.filter(locale=root.locale), *Unit.objects.filter(locale=root.locale),
                *Award.objects.filter(locale=root.locale), *OfficialDocument.objects.filter(locale=root.locale)]
    # Snippets first, then pages from the top: everything a page links to is translated before it.
    todo = [obj for obj in snippets + pages if obj.get_translation_or_none(locale) is None]
    missing = []
    translated = 0
    for obj in todo:
        # What the admin's "Translate" does (TranslationCreator), minus its first, untranslated save.
        source, _created = TranslationSource.get_or_create_from_instance(obj)
        translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
        po = translation.export_po()
        missing += fill_po(po)
        translation.import_po(po)
        if isinstance(obj, Page):
            # wagtail-localize publishes on commit with the page object as it was when saved; inside a
            # transaction (a test, a caller's atomic block) that would write back a stale tree position
            # (numchild) after the children exist. Save a draft, then publish it now from a fresh object.
            translation.save_target(publish=False)
            target = obj.get_translation(locale)
            target.get_latest_revision().publish()
            if obj.pk == root.pk:  # the home page's translation, made for the sections
                record_home_copy(target)
        else:
            translation.save_target(publish=True)
        translated += 1
    return translated, missing
