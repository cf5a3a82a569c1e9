"""Groups, per-section permissions, the "review by Office" workflow and scheduled publishing."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from thidua_wagtail.models import CampaignPage, ExemplaryProfilePage, NewsPage
from thidua_wagtail.roles import OFFICE_GROUP, TRANSLATORS_GROUP, WORKFLOW_NAME, unit_group_name

from . import factories


@pytest.fixture
def roles(sections, unit):
    out = io.StringIO()
    call_command("thidua_setup_workflow", stdout=out)
    return out.getvalue()


def user_in(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def profile_form(title, slug, unit, action):
    data = nested_form_data({
        "comments": inline_formset([]), "title": title, "slug": slug, "kind": "individual",
        "year_recognised": "2024", "position": "", "unit": unit.pk, "photo": "",
        "achievements": "Hoàn thành xuất sắc nhiệm vụ năm 2024.", "story": streamfield([]),
        "honours": inline_formset([]), "campaign_links": inline_formset([]),
    })
    data[action] = action
    return data


def add_url(parent, model):
    return reverse("wagtailadmin_pages:add", args=["thidua_wagtail", model._meta.model_name, parent.pk])


def test_command_creates_groups_and_workflow_idempotently(roles, sections, unit):
    assert "Workflow \"Duyệt bởi Văn phòng\" on 3 section page(s)" in roles
    names = set(Group.objects.values_list("name", flat=True))
    assert {OFFICE_GROUP, TRANSLATORS_GROUP, unit_group_name(unit)} <= names
    for section in sections.values():
        workflow = section.get_workflow()
        assert workflow is not None and workflow.name == WORKFLOW_NAME
        assert [t.name for t in workflow.tasks] == ["Văn phòng duyệt"]
    call_command("thidua_setup_workflow", stdout=io.StringIO())
    assert Group.objects.filter(name=OFFICE_GROUP).count() == 1
    from wagtail.models import GroupPagePermission, Workflow

    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    count = GroupPagePermission.objects.count()
    call_command("thidua_setup_workflow", stdout=io.StringIO())
    assert GroupPagePermission.objects.count() == count


def test_bad_option_is_a_command_error():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="Unknown section"):
        call_command("thidua_setup_workflow", "--unit-sections=profiles,blog", stdout=io.StringIO())


def test_unit_editor_submits_office_approves_and_the_page_goes_live(client, roles, sections, unit,
                                                                     django_capture_on_commit_callbacks):
    editor = user_in(unit_group_name(unit), "bientap")
    client.force_login(editor)
    url = add_url(sections["profiles"], ExemplaryProfilePage)
    # Publishing is not offered: the "publish" action is refused, the page stays a draft.
    client.post(url, profile_form("Vũ Minh Khoa", "vu-minh-khoa", unit, "action-publish"))
    page = ExemplaryProfilePage.objects.get(slug="vu-minh-khoa")
    assert not page.live
    # Submitting starts the Office's review.
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]),
                           profile_form("Vũ Minh Khoa", "vu-minh-khoa", unit, "action-submit"))
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.current_task_state.task.name == "Văn phòng duyệt"
    page.refresh_from_db()
    assert not page.live

    office = user_in(OFFICE_GROUP, "vanphong")
    client.force_login(office)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Vũ Minh Khoa" in home  # on the dashboard's review panel
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:workflow_action",
                                       args=[page.pk, "approve", state.current_task_state.pk]), {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    state.refresh_from_db()
    assert page.live and state.status == WorkflowState.STATUS_APPROVED
    assert client.get("/vi/dien-hinh/vu-minh-khoa/").status_code == 200


def test_unit_editor_cannot_enter_other_sections_or_others_pages(client, roles, sections, unit):
    editor = user_in(unit_group_name(unit), "bientap")
    client.force_login(editor)
    # Campaigns belong to the Office by default.
    response = client.get(add_url(sections["campaigns"], CampaignPage))
    assert response.status_code in (302, 403)
    assert not CampaignPage.objects.exists()
    # A profile created by someone else cannot be edited.
    others = factories.make_profile(sections["profiles"], "Đỗ Thị Mai")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[others.pk]))
    assert response.status_code in (302, 403)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[others.pk]),
                           profile_form("Bị sửa", others.slug, unit, "action-submit"))
    others.refresh_from_db()
    assert others.title == "Đỗ Thị Mai"
    # News is open to units.
    assert client.get(add_url(sections["news"], NewsPage)).status_code == 200


def test_office_can_publish_directly_and_translators_cannot(client, roles, sections, unit):
    office = user_in(OFFICE_GROUP, "vanphong")
    assert sections["campaigns"].permissions_for_user(office).can_publish_subpage()
    assert sections["campaigns"].permissions_for_user(office).can_add_subpage()
    translator = user_in(TRANSLATORS_GROUP, "biendich")
    # Only the Vietnamese sections exist: nothing to edit for a translator yet, and never publish.
    assert not sections["profiles"].permissions_for_user(translator).can_add_subpage()
    assert translator.has_perm("wagtail_localize.submit_translation")


def test_the_office_imports_a_decision_s_recipients_and_edits_them_others_cannot(client, roles, awards):
    """Issue 17 as the roles see it: the Office (not a superuser) imports a list and edits the decision's rows in
    the admin; a translator and a unit editor are turned away from the import."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from thidua_wagtail.models import OfficialDocument
    from thidua_wagtail.roles import unit_group_name as unit_group

    url = reverse("thidua_recipient_import:index")
    for group in (TRANSLATORS_GROUP, unit_group(factories.Unit.objects.first())):
        client.force_login(user_in(group, f"u{Group.objects.get(name=group).pk}"))
        assert client.get(url).status_code == 302
        assert url not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(user_in(OFFICE_GROUP, "vanphong"))
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()  # in the menu
    form = {"number": "88/QĐ-KHCN", "title": "Quyết định khen thưởng", "issue_date": "2024-12-20",
            "issuing_body": "Giám đốc Sở", "signer_name": "", "default_award": awards["giay-khen"].pk}
    csv_file = SimpleUploadedFile("ds.csv", "STT,Họ và tên,Chức vụ,Đơn vị\n1,Lý Thị Ngọc,Kỹ sư,Phòng A\n".encode())
    html = client.post(url, {**form, "file": csv_file}).content.decode()
    signed = html.split('name="rows" value="', 1)[1].split('"', 1)[0]
    response = client.post(url, {**form, "rows": signed})
    decision = OfficialDocument.objects.get(number="88/QĐ-KHCN")
    assert response.status_code == 302 and not decision.is_public
    edit = client.get(response.url)
    assert edit.status_code == 200 and 'value="Lý Thị Ngọc"' in edit.content.decode()


@pytest.mark.parametrize("make", ["campaign", "profile", "news"])
def test_scheduled_publishing_works_for_each_type(sections, make):
    index = {"campaign": "campaigns", "profile": "profiles", "news": "news"}[make]
    page = getattr(factories, f"make_{make}")(sections[index], f"Hẹn giờ {make}", publish=False)
    revision = page.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(hours=1))
    page.refresh_from_db()
    assert not page.live
    call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert not page.live  # not yet
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.live and Page.objects.get(pk=page.pk).live
