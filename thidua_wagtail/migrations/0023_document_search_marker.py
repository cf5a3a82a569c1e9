"""``OfficialDocument.SEARCH_MARKER`` added to the autocomplete text of the documents' search index entries made
before it (``search.SQLiteRankedDocuments`` asks for it on SQLite; re-indexing a document writes it anyway).

Only Wagtail's SQLite search backend keeps that text as text: on PostgreSQL the column is a ``tsvector`` and nothing
asks for the marker, so there it comes with the next ``update_index`` or save. Reversing leaves the word in place:
nothing matches it but the marker itself.
"""

from django.db import migrations
from django.db.models import Q, Value
from django.db.models.functions import Coalesce, Concat

MARKER = "thiduavanbanmarker"  # OfficialDocument.SEARCH_MARKER when this migration was written


def mark(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    content_type = apps.get_model("contenttypes", "ContentType").objects.filter(
        app_label="thidua_wagtail", model="officialdocument").first()
    if content_type is None:
        return  # no document was ever indexed
    entries = apps.get_model("wagtailsearch", "IndexEntry").objects.using(schema_editor.connection.alias)
    (entries.filter(content_type_id=content_type.pk)
     .filter(Q(autocomplete__isnull=True) | ~Q(autocomplete__contains=MARKER))
     .update(autocomplete=Concat(Coalesce("autocomplete", Value("")), Value(f" {MARKER}"))))


class Migration(migrations.Migration):

    dependencies = [
        ("thidua_wagtail", "0022_page_type_index"),
        ("wagtailsearch", "0006_customise_indexentry"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(mark, migrations.RunPython.noop, elidable=False)]
