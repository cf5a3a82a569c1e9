"""The one policy for links across languages, and the one place that applies it.

**The policy.** A link row keeps what its editor chose: a news item in Vietnamese links to Vietnamese campaigns,
and its English copy made by wagtail-localize still names those Vietnamese campaigns (links to pages are
synchronised, not translated, because the page linked to may be translated later, or never). Every read goes
through this module and shows the linked page *in the reader's language*: the page of the same translation key in
the locale of the page being read; a page that has no translation in that locale is not shown (a reader never meets
a page of another language). Snippets (units, awards, documents) are matched the same way, by translation key, in
filters and counts.

Two directions, each one SQL query whatever the number of links:

- ``linked(page, rows, field, model)``: the pages ``page``'s own link rows point at (a news item's campaigns);
- ``linking(page, model, through, field, owner)``: the pages of ``model`` whose link rows point at any translation
  of ``page`` (a campaign's news).

Page types declare their relations with ``Related`` (see ``pagetypes.py``), which calls these.
"""

from django.apps import apps
from django.db.models import Q


def same_object(field, obj):
    """A filter matching rows whose ``field`` is ``obj`` or any of its translations."""
    return Q(**{f"{field}__translation_key": obj.translation_key})


def in_locale(queryset, locale):
    """``queryset`` in ``locale`` (a Locale or its id); every locale when ``locale`` is None (the read API)."""
    if locale is None:
        return queryset
    return queryset.filter(locale_id=getattr(locale, "pk", locale))


def translations(model, locale, keys):
    """The pages (or snippets) of ``model`` in ``locale`` whose translation key is in ``keys`` (a list, or a
    queryset of keys): what links to those keys show a reader of ``locale``."""
    return in_locale(model.objects.filter(translation_key__in=keys), locale)


def linked(page, rows, field, model):
    """Pages of ``model`` in ``page``'s locale that are translations of the pages ``rows`` (a queryset of link
    rows) point at through ``field``."""
    return translations(model, page.locale_id, rows.values(f"{field}__translation_key"))


def linking(page, model, through, field, owner):
    """Pages of ``model`` in ``page``'s locale owning (through ``owner``) a row of ``through`` whose ``field``
    points at ``page`` or any of its translations."""
    rows = through.objects.filter(same_object(field, page))
    return model.objects.filter(locale_id=page.locale_id, pk__in=rows.values(f"{owner}_id"))


def translation_of(model, pk, locale_id):
    """The page of ``model`` in ``locale_id`` with the translation key of the page ``pk`` (a queryset)."""
    return translations(model, locale_id, model.objects.filter(pk=pk).values("translation_key"))


def get_model(label):
    """A model from its ``"app_label.ModelName"``, as a relation names it (so page type modules need not import
    each other: a campaign names its news, the news names its campaigns)."""
    return apps.get_model(label) if isinstance(label, str) else label
