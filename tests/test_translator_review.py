"""Issue 15, items 1 and 2: translators' work goes through the Office's review.

The probe: a translator posted ``publish_translations=on`` to wagtail-localize's "Sync translated pages" and the
English page went live, logged as published by the translator; a translator edited a Vietnamese document
(live at once) and imported a plan whose file was public at once."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import resolve, reverse
from wagtail.documents import get_document_model
from wagtail.models import Locale, PageLogEntry
from wagtail_localize.models import TranslationSource

from thidua_wagtail.models import CampaignPage, ExemplaryProfilePage, OfficialDocument, Unit
from thidua_wagtail.roles import OFFICE_GROUP, TRANSLATORS_GROUP
from thidua_wagtail.translation_review import ReviewedUpdateTranslationsView

from . import factories
from .test_plans import SEED
from .test_workflow import user_in as workflow_user_in


def user_in(group_name, username):
    """A user of the group (``test_workflow.user_in``) and a client signed in as them."""
    user = workflow_user_in(group_name, username)
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def bilingual(sections, unit, locale_en):
    """A Vietnamese profile and document with their English translations, and the groups of thidua_setup_workflow."""
    profile = factories.make_profile(sections["profiles"], "Nguyễn Văn An", unit=unit)
    factories.translate(profile, locale_en, fill=lambda entry: entry.msgid)
    document = factories.make_document("12/KH-KHCN")
    factories.translate(document, locale_en, fill=lambda entry: entry.msgid)
    call_command("thidua_setup_workflow", stdout=io.StringIO())
    english = ExemplaryProfilePage.objects.get(locale=locale_en, translation_key=profile.translation_key)
    return {"profile": profile, "english": english, "document": document,
            "english_document": OfficialDocument.objects.get(locale=locale_en,
                                                             translation_key=document.translation_key)}


def change_source(profile, title):
    page = ExemplaryProfilePage.objects.get(pk=profile.pk)
    page.title = title
    page.save_revision().publish()


def sync_url(profile):
    source = TranslationSource.objects.get(object_id=profile.translation_key, locale=profile.locale)
    return reverse("wagtail_localize:update_translations", args=[source.pk])


def test_the_sync_view_is_the_reviewed_one():
    """Fails when wagtail-localize moves the view this app replaces (a private URL layout)."""
    assert resolve(reverse("wagtail_localize:update_translations", args=[1])).func.view_class is \
        ReviewedUpdateTranslationsView


def test_a_translator_cannot_publish_through_sync(bilingual):
    translator, client = user_in(TRANSLATORS_GROUP, "biendich")
    change_source(bilingual["profile"], "Nguyễn Văn An (đã sửa)")
    published = PageLogEntry.objects.filter(action="wagtail.publish", page=bilingual["english"]).count()
    url = sync_url(bilingual["profile"])
    form = client.get(url)
    assert form.status_code == 200
    assert 'name="publish_translations"' not in form.content.decode()
    response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    english = ExemplaryProfilePage.objects.get(pk=bilingual["english"].pk)
    assert english.title == "Nguyễn Văn An"  # the live English page is untouched
    assert PageLogEntry.objects.filter(action="wagtail.publish", page=english).count() == published


def test_the_office_still_publishes_through_sync(bilingual):
    office, client = user_in(OFFICE_GROUP, "vanphong")
    change_source(bilingual["profile"], "Nguyễn Văn An (đã sửa)")
    url = sync_url(bilingual["profile"])
    assert 'name="publish_translations"' in client.get(url).content.decode()
    assert client.post(url, {"publish_translations": "on"}).status_code == 302
    english = ExemplaryProfilePage.objects.get(pk=bilingual["english"].pk)
    assert english.title == "Nguyễn Văn An (đã sửa)"


def snippet_edit_url(instance):
    meta = instance._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk])


def test_translators_cannot_edit_source_language_snippets(bilingual):
    _translator, client = user_in(TRANSLATORS_GROUP, "biendich")
    document = bilingual["document"]
    denied = client.get(snippet_edit_url(document))  # Wagtail's admin answers a denial with a redirect home
    assert denied.status_code == 302 and denied["Location"] == "/admin/"
    response = client.post(snippet_edit_url(document), {"number": "12/KH-KHCN", "title": "Bị sửa",
                                                        "doc_type": "plan", "issue_date": "2024-01-01",
                                                        "issuing_body": "X"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert OfficialDocument.objects.get(pk=document.pk).title != "Bị sửa"
    unit = Unit.objects.get(locale=Locale.get_default())
    assert client.get(snippet_edit_url(unit))["Location"] == "/admin/"
    # Their own work, the translations, stays open to them (wagtail-localize's translation editor).
    assert client.get(snippet_edit_url(bilingual["english_document"])).status_code == 200


def test_a_translator_cannot_publish_a_snippet_translation(bilingual):
    _translator, client = user_in(TRANSLATORS_GROUP, "biendich")
    english = bilingual["english_document"]
    before = OfficialDocument.objects.get(pk=english.pk).title
    response = client.post(snippet_edit_url(english), {"action": "publish"})
    assert response.status_code == 302
    assert OfficialDocument.objects.get(pk=english.pk).title == before
    office, office_client = user_in(OFFICE_GROUP, "vanphong")
    assert office_client.get(snippet_edit_url(bilingual["document"])).status_code == 200


def test_only_the_office_imports_plans(bilingual, sections):
    _translator, client = user_in(TRANSLATORS_GROUP, "biendich")
    assert client.get("/admin/thidua_plan_import/").status_code in (302, 403)
    assert client.post("/admin/thidua_plan_import/", {"parent": sections["campaigns"].pk,
                                                      "text": SEED}).status_code in (302, 403)
    assert not OfficialDocument.objects.filter(number="60/KH-KHCN").exists()


def test_an_imported_plan_stays_private_until_its_campaign_is_published(bilingual, sections,
                                                                        django_capture_on_commit_callbacks):
    _office, client = user_in(OFFICE_GROUP, "vanphong")
    with django_capture_on_commit_callbacks(execute=True):  # (the search index is updated on commit)
        response = client.post("/admin/thidua_plan_import/", {"parent": sections["campaigns"].pk, "text": SEED,
                                                          "issuing_body": "Sở"})
    assert response.status_code == 200
    document = OfficialDocument.objects.get(number="60/KH-KHCN")
    assert not document.is_public
    assert not OfficialDocument.objects.get(number="109/KH-UBND").is_public
    anonymous = Client()
    file_url = document.file.url
    assert anonymous.get(file_url).status_code in (302, 403)  # Wagtail asks for a login
    assert "60/KH-KHCN" not in anonymous.get("/vi/tim-kiem/", {"q": "tuyen truyen"}).content.decode()
    assert client.get(file_url).status_code == 200  # the Office reads it

    campaign = CampaignPage.objects.get(title__startswith="Tuyên truyền")
    with django_capture_on_commit_callbacks(execute=True):
        campaign.save_revision().publish()
    document.refresh_from_db()
    assert document.is_public and OfficialDocument.objects.get(number="109/KH-UBND").is_public
    assert anonymous.get(file_url).status_code == 200
    found = anonymous.get("/vi/tim-kiem/", {"q": "tuyen truyen"}).content.decode()
    assert "td-search-documents" in found and "60/KH-KHCN" in found
    assert get_document_model().objects.get(pk=document.file_id).collection.is_root()


def test_unpublishing_the_source_unpublishes_its_translations(bilingual):
    anonymous = Client()
    english = bilingual["english"]
    assert anonymous.get(english.url).status_code == 200
    ExemplaryProfilePage.objects.get(pk=bilingual["profile"].pk).unpublish()
    assert not ExemplaryProfilePage.objects.get(pk=english.pk).live
    assert anonymous.get(english.url).status_code == 404


def test_a_private_source_makes_its_translations_private(bilingual):
    from wagtail.models import PageViewRestriction

    anonymous = Client()
    english = bilingual["english"]
    url = english.url
    restriction = PageViewRestriction.objects.create(page=bilingual["profile"], restriction_type="password",
                                                     password="mat-khau")
    response = anonymous.get(url)
    assert 'name="password"' in response.content.decode()  # Wagtail asks for the password
    assert PageViewRestriction.objects.get(page=english).password == "mat-khau"
    office = Group.objects.get(name=OFFICE_GROUP)
    login = PageViewRestriction.objects.create(page=bilingual["profile"], restriction_type="groups")
    login.groups.add(office)
    assert list(PageViewRestriction.objects.get(page=english, restriction_type="groups").groups.all()) == [office]
    restriction.delete()
    login.delete()
    assert not PageViewRestriction.objects.filter(page=english).exists()
    assert 'name="password"' not in anonymous.get(url).content.decode()
