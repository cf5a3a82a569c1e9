"""The thidua_demo command: content drawn from the seed plan, safe to run twice."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase
from django.utils.html import escape
from wagtail.models import Page, Site
from wagtail_localize.models import Translation

from thidua_wagtail.demo import PLAN_TITLE, SEED_PATH
from thidua_wagtail.models import (
    Award,
    CampaignPage,
    ExemplaryProfilePage,
    NewsPage,
    OfficialDocument,
    OrganisationSettings,
    Unit,
)
from thidua_wagtail.plans.drafts import PRIVATE_COLLECTION
from thidua_wagtail.plans.parser import lines_to_richtext

MOVEMENTS = {
    "Thái Nguyên chung tay vì người nghèo, không để ai bị bỏ lại phía sau",
    "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
    "Thái Nguyên chung sức xây dựng nông thôn mới",
}


def counts():
    return {model.__name__: model.objects.count() for model in
            (Page, Unit, Award, OfficialDocument, CampaignPage, ExemplaryProfilePage, NewsPage)}


def run_demo(*args):
    """thidua_demo as it runs outside a test transaction (wagtail-localize publishes on commit)."""
    out = StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("thidua_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(home, locale_en):
    return run_demo()


@pytest.fixture
def demo_vi(home):
    """The Vietnamese part only, for tests that do not look at the English."""
    return run_demo("--no-english")


def test_demo_loads_the_seed_plan(demo_vi):
    assert re.search(r"Demo content: \d+ created, 0 already present", demo_vi)
    plan = OfficialDocument.objects.get(number="60/KH-KHCN", locale__language_code="vi")
    assert plan.doc_type == "plan" and plan.issue_date.isoformat() == "2019-08-26"
    assert plan.signer_name == "Đinh Bộ Sơn" and plan.signer_title_lines == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert plan.recipient_lines == ["Lãnh đạo Sở", "Các phòng, đơn vị thuộc Sở", "Lưu: VT, VP"]
    assert [link.implemented.number for link in plan.implements_links.all()] == ["109/KH-UBND"]
    assert plan.file.file.read().decode("utf-8") == SEED_PATH.read_text(encoding="utf-8")

    main = CampaignPage.objects.get(document_links__document=plan)
    vi = {"locale__language_code": "vi"}
    assert "Phát huy tinh thần chủ động sáng tạo" in main.purposes
    assert "Phong trào thi đua phải được phát động" in main.requirements
    assert "<i>Thái Nguyên chung tay vì người nghèo" in str(main.content)
    assert [r.assignee_name for r in main.responsibilities.all()] == ["Văn phòng Sở", "Các phòng, các đơn vị trực thuộc Sở"]
    assert {c.title for c in main.get_sub_campaigns()} == MOVEMENTS
    # Made by the plan importer (the editor's upload), not by hand: its whole rows and closing line, its log entry,
    # and the import's private file made public when the campaign was published.
    assert main.responsibilities.first().responsibility.startswith("Giao Văn phòng Sở có trách nhiệm")
    assert "Trên đây là Kế hoạch tuyên truyền" in str(main.content)
    assert plan.is_public and plan.file.collection.name != PRIVATE_COLLECTION
    assert main.live and main.campaign_type == "thematic" and main.slogan  # what the editor added
    assert all(c.live and c.launching_authority for c in main.get_sub_campaigns())
    statuses = {c.status for c in CampaignPage.objects.filter(**vi)}
    assert statuses == {"ongoing", "ended", "upcoming"}
    assert ExemplaryProfilePage.objects.filter(kind="collective", **vi).exists()
    assert all(p.honours.exists() for p in ExemplaryProfilePage.objects.all())
    assert NewsPage.objects.filter(attachments__document=plan.file).exists()
    settings = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.organisation_name == "Sở Khoa học và Công nghệ tỉnh Thái Nguyên"


def test_demo_twice_duplicates_nothing(demo):
    before = counts()
    output = run_demo()
    assert re.search(r"Demo content: 0 created, \d+ already present", output)
    assert "English: 0 translated" in output
    assert counts() == before


def test_demo_again_after_the_editor_deleted_the_imported_campaign(demo_vi):
    """The plan's document is kept (it is not imported again) but its campaign was deleted, and so was a profile
    linked to it: running the demo again recreates the profile without the link to what is gone, and says so
    without a traceback."""
    CampaignPage.objects.get(title=PLAN_TITLE, locale__language_code="vi").delete()
    ExemplaryProfilePage.objects.get(title="Nguyễn Thị Thu Hà").delete()
    output = run_demo("--no-english")
    assert re.search(r"Demo content: [1-9]\d* created", output)
    profile = ExemplaryProfilePage.objects.get(title="Nguyễn Thị Thu Hà")
    assert [link.campaign.title for link in profile.campaign_links.all()] == [
        "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở"]
    assert OfficialDocument.objects.filter(number="60/KH-KHCN").count() == 1


def test_demo_keeps_editor_changes(demo_vi):
    award = Award.objects.get(code="giay-khen", locale__language_code="vi")
    award.name = "Giấy khen của Giám đốc Sở"
    award.save()
    run_demo("--no-english")
    assert Award.objects.get(code="giay-khen", locale__language_code="vi").name == "Giấy khen của Giám đốc Sở"


def test_demo_pages_render(client, demo):
    pages = Page.objects.filter(depth__gt=2).live().specific()
    assert {p.locale.language_code for p in pages} == {"vi", "en"}
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert f"<h1>{escape(page.title)}</h1>" in html
        assert f'<html lang="{page.locale.language_code}">' in html
    # Issue 21: the seed plan's date of effect (Decree 42/2022/NĐ-CP, Art. 4), in both languages, on its campaign.
    from thidua_wagtail.models import OfficialDocument

    plans = OfficialDocument.objects.filter(number="60/KH-KHCN")
    assert {(p.locale.language_code, p.effective_date) for p in plans} == {
        ("vi", datetime.date(2019, 8, 26)), ("en", datetime.date(2019, 8, 26))}
    campaign = next(p for p in pages if p.locale.language_code == "vi" and getattr(p, "document_links", None)
                    and p.document_links.filter(document__number="60/KH-KHCN").exists())
    assert "có hiệu lực từ" in client.get(campaign.url).content.decode()


def test_demo_english_is_made_through_wagtail_localize(client, demo, locale_en):
    # 34 pages and snippets, the organisation's texts (issue 14: translated like every other text), every entry of
    # the award catalogue (issue 17: 51 entries), with their legal bases, and the 9 decisions of the honours.
    from wagtail.models import PageLogEntry, Site

    from thidua_wagtail.awards import CATALOGUE
    from thidua_wagtail.sections import HOME_COPY_ACTION

    assert len(CATALOGUE) == 51
    # The English home page was made for the sections: thidua_uninstall will know to remove it (issue 16).
    english_home = Site.objects.get(is_default_site=True).root_page.get_translation(locale_en)
    assert PageLogEntry.objects.filter(action=HOME_COPY_ACTION, page_id=english_home.pk).exists()
    assert "English: 107 translated through wagtail-localize, 0 strings left in Vietnamese." in demo
    vi_pages = Page.objects.filter(depth__gt=1, locale__language_code="vi").live().count()
    en_pages = Page.objects.filter(depth__gt=1, locale=locale_en).live()
    assert en_pages.count() == vi_pages
    # The registrations waiting for the Office or returned to their unit are drafts: not translated, not public.
    drafts = Page.objects.filter(depth__gt=1, locale__language_code="vi", live=False)
    assert drafts.count() == 2 and not Page.objects.filter(
        locale=locale_en, translation_key__in=drafts.values("translation_key")).exists()
    for page in en_pages:
        translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=locale_en)
        total, done = translation.get_progress()
        assert total == done, page
    main = CampaignPage.objects.get(locale=locale_en, document_links__document__number="60/KH-KHCN")
    assert main.title == "Communicating, disseminating and implementing the 5th Provincial Patriotic Emulation Congress"
    assert {c.title for c in main.get_sub_campaigns()} == {
        "Thai Nguyen joins hands for the poor, leaving no one behind",
        "Cadres, civil servants and public employees emulate in office culture",
        "Thai Nguyen joins forces to build new rural areas",
    }
    assert main.document_links.get().document.title.startswith("Communicating")
    assert Unit.objects.filter(locale=locale_en, name="Department Office").exists()
    html = client.get(main.url).content.decode()
    assert "Foster the initiative and creativity" in html and "Department Office" in html
    assert "Thai Nguyen Department of Science and Technology" in html  # organisation, English variant
    # The nomination form and the statistics page, in English.
    html = client.get("/en/nominate-an-exemplary-case/").content.decode()
    assert "Plan 60/KH-KHCN asks divisions and units" in html and "Send the nomination" in html
    html = client.get("/en/emulation-and-commendation-statistics/").content.decode()
    # The Office's two profile honours and the two that decisions list for people without a profile (1876/QĐ-UBND
    # and the 2025 titles' 12/QĐ-KHCN).
    assert "Honours per year" in html and '<th scope="row">Department Office</th><td>4</td>' in html


def test_demo_honours_come_from_decisions_in_both_languages(client, demo, locale_en):
    """Issue 17: each honour with a decision number points to a decision among the site's documents, shown with
    its number, date and deciding authority; the English page shows the English decision."""
    from thidua_wagtail.models import ExemplaryProfilePage, ProfileHonour

    vi = ProfileHonour.objects.filter(locale__language_code="vi")
    assert vi.filter(decision__isnull=True).exclude(decision_number="").count() == 0
    assert vi.filter(decision__isnull=False).count() == 8
    honour = vi.get(decision__number="1456/QĐ-CTN")
    assert (honour.award_name, honour.decision.doc_type, str(honour.decision.issue_date)) == (
        "Huân chương Lao động hạng Ba", "decision", "2023-12-20")
    centre = ExemplaryProfilePage.objects.get(slug="trung-tam-ung-dung-tien-bo-khoa-hoc-va-cong-nghe")
    html = client.get(centre.url).content.decode()
    assert (f'<a href="/vi/tra-cuu-khen-thuong/quyet-dinh/{honour.decision.pk}/">Quyết định số 1456/QĐ-CTN</a> '
            "ngày 20/12/2023, Chủ tịch nước") in html
    assert ('{"@type": "EducationalOccupationalCredential", "name": "Huân chương Lao động hạng Ba", '
            '"credentialCategory": "Huân chương", "recognizedBy": {"@type": "Organization", "name": "Chủ tịch nước"}, '
            '"dateCreated": "2023-12-20", "identifier": "1456/QĐ-CTN"}') in html
    english = centre.get_translation(locale_en)
    english_honour = english.honours.get(award__code="huan-chuong-lao-dong")
    assert english_honour.decision.locale == locale_en
    assert english_honour.decision.translation_key == honour.decision.translation_key
    html = client.get(english.url).content.decode()
    assert (f'<a href="/en/honours/decision/{english_honour.decision.pk}/">Decision No. 1456/QĐ-CTN</a> of 20 Dec '
            "2023, President of the State") in html
    # The decision's page, in each language, lists what it conferred.
    html = client.get(f"/en/honours/decision/{english_honour.decision.pk}/").content.decode()
    assert "<h1>Decision No. 1456/QĐ-CTN</h1>" in html and "Labour Order, Third Class" in html
    assert f'href="{english.url}"' in html
    # The Vietnamese decision's address in English leads to its English translation.
    response = client.get(f"/en/honours/decision/{honour.decision.pk}/")
    assert (response.status_code, response["Location"]) == (302, f"/en/honours/decision/{english_honour.decision.pk}/")


def test_demo_decisions_list_recipients_without_profiles_and_a_revocation(client, demo, locale_en):
    """Issue 17: one decision confers a profile's honour and lists four recipients without a profile; a later
    decision revokes one of them, which stays visible, struck through, and leaves the open data."""
    decision = OfficialDocument.objects.get(number="1876/QĐ-UBND", locale__language_code="vi")
    html = client.get(f"/vi/tra-cuu-khen-thuong/quyet-dinh/{decision.pk}/").content.decode()
    assert "Trần Văn Minh</a>" in html  # the profile's honour
    assert "Hoàng Thị Mai<br><span class=\"td-muted\">Chuyên viên</span></th><td>Văn phòng Sở</td>" in html
    assert "<s>Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh</s> (đã bị hủy bỏ)" in html
    english = decision.get_translation(locale_en)
    html = client.get(f"/en/honours/decision/{english.pk}/").content.decode()
    assert "Hoàng Thị Mai<br><span class=\"td-muted\">Specialist</span></th><td>Department Office</td>" in html
    assert "Excellent Labour Collective" in html and "Planning and Finance Division" in html
    revoking = OfficialDocument.objects.get(number="35/QĐ-UBND", locale__language_code="en")
    html = client.get(f"/en/honours/decision/{revoking.pk}/").content.decode()
    assert "Honours revoked" in html and "Vũ Văn Hải" in html
    register = client.get("/en/honours/", {"q": "vu van hai"}).content.decode()
    assert "1 honour" in register and (
        "<s>Certificate of Merit of the Chairman of the Provincial People&#x27;s Committee</s>" in register)
    names = [row["name"] for row in client.get("/vi/tra-cuu-khen-thuong/honours.json").json()["records"]]
    assert "Hoàng Thị Mai" in names and "Vũ Văn Hải" not in names


def test_demo_home_features_current_content(rf, demo_vi):
    from django.template.loader import render_to_string

    html = render_to_string("thidua_wagtail/includes/home_sections.html", request=rf.get("/vi/"))
    assert "Phong trào đang diễn ra" in html
    assert "Thái Nguyên chung sức xây dựng nông thôn mới" in html
    assert "Tin mới nhất" in html and "Điển hình tiên tiến" in html


def test_demo_without_a_site_says_so(db):
    Site.objects.all().delete()
    with pytest.raises(CommandError, match="No default site"):
        call_command("thidua_demo", stdout=StringIO())


def test_plan_lines_become_lists():
    html = lines_to_richtext(["Mở đầu", "- Một *nhấn mạnh*", "+ Con <http://a.vn>", "- Hai"])
    assert html == ('<p>Mở đầu</p><ul><li>Một <i>nhấn mạnh</i><ul><li>Con <a href="http://a.vn">http://a.vn</a>'
                    "</li></ul></li><li>Hai</li></ul>")


def test_the_demo_uses_the_sections_thidua_setup_made(home):
    """The demo builds its sections through thidua_setup's own code (found by type), so a site that already ran
    thidua_setup, with its own titles, gets no second set of sections."""
    from thidua_wagtail.models import CampaignIndexPage, NewsIndexPage

    call_command("thidua_setup", "--title", "campaigns=Phong trào", "--slug", "news=tin-tuc", stdout=StringIO())
    run_demo("--no-english")
    vi = {"locale__language_code": "vi"}
    assert list(CampaignIndexPage.objects.filter(**vi).values_list("title", flat=True)) == ["Phong trào"]
    assert list(NewsIndexPage.objects.filter(**vi).values_list("slug", flat=True)) == ["tin-tuc"]
    assert CampaignPage.objects.child_of(CampaignIndexPage.objects.get(**vi)).filter(
        document_links__document__number="60/KH-KHCN").exists()


def test_setup_then_demo_on_an_english_site_fill_the_vietnamese_tree(client, english_site):
    """Sections in both languages, linked; the demo's Vietnamese content under the Vietnamese sections, its English
    through wagtail-localize under the English ones; no second set of sections."""
    from wagtail.models import Locale

    from thidua_wagtail.models import CampaignIndexPage

    out = StringIO()
    call_command("thidua_setup", stdout=out)
    assert "Sections: 15 created" in out.getvalue()
    english_list = CampaignIndexPage.objects.get(locale__language_code="en")
    vietnamese_list = CampaignIndexPage.objects.get(locale__language_code="vi")
    assert (english_list.title, vietnamese_list.title) == ("Emulation campaigns", "Phong trào thi đua")
    assert english_list.translation_key == vietnamese_list.translation_key
    assert english_list.get_parent().pk == english_site.pk
    output = run_demo()
    assert "English: 0 translated" not in output and "0 strings left in Vietnamese" in output
    assert CampaignIndexPage.objects.count() == 2  # no second set
    vi, en = Locale.objects.get(language_code="vi"), Locale.objects.get(language_code="en")
    main = CampaignPage.objects.get(locale=vi, title=PLAN_TITLE)
    assert main.get_parent().pk == vietnamese_list.pk
    english_main = main.get_translation(en)
    assert english_main.get_parent().pk == english_list.pk and not re.search("[ạ-ỹđ]", english_main.title)
    assert ExemplaryProfilePage.objects.filter(locale=vi).count() == ExemplaryProfilePage.objects.filter(
        locale=en).count() > 0
    assert client.get(english_main.url).status_code == 200 and client.get(main.url).status_code == 200


def test_demo_says_what_to_do_when_vietnamese_is_not_a_content_language(english_site, settings):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("fr", "Français")]
    with pytest.raises(CommandError, match="Vietnamese is not a content language"):
        call_command("thidua_demo", stdout=StringIO())
    assert not CampaignPage.objects.exists()


def test_setup_names_the_missing_vietnamese_and_works_in_the_site_s_languages(english_site, settings):
    from thidua_wagtail.models import CampaignIndexPage

    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("fr", "Français")]
    out = StringIO()
    call_command("thidua_setup", stdout=out)
    assert "Vietnamese is not a content language of this site: the sections are in en, fr only." in out.getvalue()
    assert sorted(CampaignIndexPage.objects.values_list("locale__language_code", flat=True)) == ["en", "fr"]


def test_the_demo_can_be_uninstalled(demo_vi):
    """The demo's revocation points from one decision's list to another decision (a protected link): the
    uninstall deletes the lists first, and leaves none of the app's data."""
    out = StringIO()
    call_command("thidua_uninstall", "--yes", stdout=out)
    assert "Deleted" in out.getvalue()
    assert not OfficialDocument.objects.exists() and not Award.objects.exists()
    assert not CampaignPage.objects.exists() and not ExemplaryProfilePage.objects.exists()


def test_demo_consultations_span_tet_and_one_is_open(client, demo, locale_en):
    from thidua_wagtail.models import ConsultationComment, ConsultationPage

    closed, current = ConsultationPage.objects.live().filter(locale__language_code="vi").order_by("opens_on")
    assert (closed.opens_on, closed.closes_on) == (datetime.date(2026, 2, 9), datetime.date(2026, 2, 27))
    assert closed.working_days == 10 and "Tết Nguyên Đán" in dict(closed.days_off_in_window()).values()
    html = client.get(closed.url).content.decode()
    assert "Đã nhận 2 ý kiến" in html and "Trần Văn Minh" in html and "Tôi là người trồng chè" not in html
    assert ConsultationComment.objects.filter(page=closed, status="handled").count() == 2
    assert current.is_open and 'name="csrfmiddlewaretoken"' in client.get(current.url).content.decode()
    english = closed.get_translation(locale_en)
    html = client.get(english.url).content.decode()
    assert "Labour Order" in html and "2 comments were received" in html and "Lunar New Year" in html


def test_demo_registrations_have_results_a_waiting_one_and_a_returned_one(client, demo_vi):
    from django.contrib.auth import get_user_model
    from wagtail.models import WorkflowState

    from thidua_wagtail.demo import RETURN_REASON
    from thidua_wagtail.models import RegistrationIndexPage, RegistrationPage, Unit

    board = RegistrationIndexPage.objects.get(locale__language_code="vi")
    html = client.get(board.url + "?year=2025").content.decode()
    assert "4 đơn vị đã đăng ký" in html and re.search(r";\s+6 đạt\.", html)
    assert "Không đạt; được tặng Tập thể lao động tiên tiến" in html and "12/QĐ-KHCN" in html
    assert "Đăng ký năm 2026" in client.get(board.url).content.decode()
    states = {WorkflowState.objects.get(object_id=str(page.pk)).status: page
              for page in RegistrationPage.objects.filter(live=False)}
    assert set(states) == {WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES}
    returned = WorkflowState.objects.get(status=WorkflowState.STATUS_NEEDS_CHANGES)
    assert returned.current_task_state.comment == RETURN_REASON
    # Each was filed by an editor of its own unit, who belongs to that unit's group.
    for page in states.values():
        unit = Unit.objects.get(pk=page.unit_id)
        assert page.owner.groups.filter(pk=unit.editor_group_id).exists() and not page.owner.has_usable_password()
    assert get_user_model().objects.get(username="duyet.vanphong").groups.filter(name__contains="Văn phòng").exists()
