"""Data migrations, run backwards and forwards on a real database."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

APP = "thidua_wagtail"


# serialized_rollback: migrations made the root page and locale every other test starts from.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_organisation_texts_and_their_english_columns_become_a_translated_organisation():
    """0005: the settings' texts become an Organisation in the default language, the ``_en`` columns its English
    translation (one translation key), so wagtail-localize keeps them from now on."""
    executor = MigrationExecutor(connection)
    executor.migrate([(APP, "0004_hardening")])
    old = executor.loader.project_state([(APP, "0004_hardening")]).apps
    Locale, Site, Page = (old.get_model("wagtailcore", name) for name in ("Locale", "Site", "Page"))
    vi, _ = Locale.objects.get_or_create(language_code="vi")
    en, _ = Locale.objects.get_or_create(language_code="en")
    site = Site.objects.create(hostname="migration.example", port=80, root_page=Page.objects.get(depth=1))
    old.get_model(APP, "OrganisationSettings").objects.create(
        site=site, organisation_name="Sở Khoa học và Công nghệ", organisation_name_en="Department of Science",
        parent_authority="UBND tỉnh", address="Thái Nguyên", footer="<p>Chân trang</p>", phone="0208")
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes(APP))
        new = executor.loader.project_state(executor.loader.graph.leaf_nodes(APP)).apps
        settings = new.get_model(APP, "OrganisationSettings").objects.get(site_id=site.pk)
        Organisation = new.get_model(APP, "Organisation")
        source = Organisation.objects.get(pk=settings.organisation_id)
        assert (source.locale_id, source.name, source.parent_authority, source.address, source.footer) == (
            vi.pk, "Sở Khoa học và Công nghệ", "UBND tỉnh", "Thái Nguyên", "<p>Chân trang</p>")
        english = Organisation.objects.get(translation_key=source.translation_key, locale_id=en.pk)
        # A column left empty in English keeps the source text, as an untranslated field would.
        assert (english.name, english.parent_authority) == ("Department of Science", "UBND tỉnh")
        assert settings.phone == "0208"
    finally:
        MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
