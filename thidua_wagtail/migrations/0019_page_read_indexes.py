"""Two indexes on Wagtail's page table, for reads whose cost grew with the number of pages.

- ``(depth, path)``: the children of a page (the menu under the home page, the sections) read from their own rows;
  with the path index alone the database read every descendant (12 ms for the menu at 21,000 pages).
- ``(locale_id, id)``: the newest pages of one language read first (a broad search ranks its newest matches,
  ``search.PostgresWindowedPages``).

Both are plain B-tree indexes that Wagtail's own queries may use too; ``migrate thidua_wagtail zero`` drops them.
"""

from django.db import migrations

INDEXES = {
    "thidua_page_depth_path_idx": ("depth", "path"),
    "thidua_page_locale_id_idx": ("locale_id", "id"),
}


def page_table(apps):
    return apps.get_model("wagtailcore", "Page")._meta.db_table


def create(apps, schema_editor):
    quote, table = schema_editor.quote_name, page_table(apps)
    for name, columns in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(table)} ({', '.join(quote(c) for c in columns)})"
        )


def drop(apps, schema_editor):
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):

    dependencies = [
        ("wagtailcore", "0094_alter_page_locale"),
        ("thidua_wagtail", "0018_year_honoured"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
