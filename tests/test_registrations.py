"""Units' yearly registrations: what may be filed and by whom, the Office's approval or return with a reason, the
public board of a year with what each unit achieved beside what it registered, its spreadsheet export, the
campaign's timeline, the dashboard, the API and feeds, and no draft leaking out."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from thidua_wagtail.models import (
    DecisionRecipient,
    OfficialDocument,
    RegistrationEntry,
    RegistrationIndexPage,
    RegistrationPage,
)
from thidua_wagtail.roles import OFFICE_GROUP, unit_group_name

from . import factories

D = datetime.date


@pytest.fixture
def board(home):
    page = home.add_child(instance=RegistrationIndexPage(title="Đăng ký thi đua", slug="dang-ky"))
    page.save_revision().publish()
    return page


@pytest.fixture
def other_unit(locale_vi):
    return factories.make_unit("Văn phòng Sở", locale=locale_vi, sort_order=1)


register = factories.make_registration


def decision(number, year, recipients, *, public=True, issued=None):
    """A decision conferring the titles of ``year`` (issued on the 20th of December, or on ``issued``)."""
    document = factories.make_document(number, doc_type=OfficialDocument.DocType.DECISION, is_public=public,
                                       issue_date=issued or D(year, 12, 20),
                                       year_honoured=year if issued and issued.year != year else None)
    document.listed_recipients = [DecisionRecipient(locale=document.locale, name=name, kind=kind, award=award,
                                                    revoked_by=revoked)
                                  for name, kind, award, revoked in recipients]
    document.save()
    return document


@pytest.fixture
def year_2025(board, unit, other_unit, awards, sections):
    """Two units' registrations for 2025 and the decisions that answer some of them."""
    profile = factories.make_profile(sections["profiles"], "Nguyễn Thị Thu Hà", unit=unit)
    register(board, unit, 2025, [("collective", "", awards["tap-the-lao-dong-xuat-sac"]),
                                 ("individual", "", awards["chien-si-thi-dua-co-so"], profile)])
    register(board, other_unit, 2025, [("collective", "", awards["tap-the-lao-dong-tien-tien"]),
                                       ("individual", "Lê Văn Hùng", awards["lao-dong-tien-tien"]),
                                       ("individual", "Trần Thị Bích", awards["lao-dong-tien-tien"])])
    revocation = factories.make_document("5/QĐ-KHCN", doc_type=OfficialDocument.DocType.DECISION,
                                         issue_date=D(2026, 3, 1))
    # Marks and capitals differ from the registration: matched all the same.
    # Issued in January 2026, it confers the titles of 2025.
    conferring = decision("12/QĐ-KHCN", 2025, issued=D(2026, 1, 12), recipients=[
        ("VĂN PHÒNG SỞ", "collective", awards["tap-the-lao-dong-tien-tien"], None),
        ("Le Van Hung", "individual", awards["lao-dong-tien-tien"], None),
        ("Trần Thị Bích", "individual", awards["lao-dong-tien-tien"], revocation),  # revoked: not achieved
        # A collective title of the wrong kind for the unit: the unit registered an Excellent one.
        ("Phòng Quản lý khoa học", "collective", awards["tap-the-lao-dong-tien-tien"], None),
    ])
    # A private decision's list does not count, nor does another year's.
    decision("99/QĐ-KHCN", 2025, [("Phòng Quản lý khoa học", "collective", awards["tap-the-lao-dong-xuat-sac"],
                                   None)], public=False)
    decision("7/QĐ-KHCN", 2024, [("Phòng Quản lý khoa học", "collective", awards["tap-the-lao-dong-xuat-sac"],
                                  None)])
    # The profile's honour of 2025 answers its entry.
    profile.honours.create(award=awards["chien-si-thi-dua-co-so"], year=2025,
                           decision=factories.make_document("87/QĐ-KHCN", doc_type="decision",
                                                            issue_date=D(2025, 12, 22)))
    profile.save_revision().publish()
    return conferring


def board_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_board_shows_what_each_unit_registered_and_achieved(client, board, year_2025, awards, unit):
    html = board_text(client, board.url + "?year=2025")
    assert "Đăng ký năm 2025" in html and "2 đơn vị đã đăng ký" in html
    assert "5 danh hiệu, hình thức đăng ký" in html and "3 đạt" in html
    # Văn phòng Sở: the unit's own title and one person out of two (the other's honour was revoked).
    office_rows = html.split("Văn phòng Sở</a>")[1].split("</tbody>")[0]
    assert "2/3 đạt" in office_rows
    assert office_rows.count("Đạt (") == 2 and office_rows.count("Không đạt") == 1
    assert "12/QĐ-KHCN" in office_rows
    # Phòng Quản lý khoa học: its Excellent title is not answered by an Advanced one nor by a private decision;
    # the person's profile honour answers hers.
    unit_rows = html.split("Phòng Quản lý khoa học</a>")[1].split("</tbody>")[0]
    assert "1/2 đạt" in unit_rows and "87/QĐ-KHCN" in unit_rows and "99/QĐ-KHCN" not in unit_rows
    # What it received instead is said; the revoked honour is not offered as one.
    assert "Không đạt; được tặng Tập thể lao động tiên tiến (" in unit_rows
    assert "được tặng" not in office_rows
    assert 'href="/vi/dien-hinh/nguyen-thi-thu-ha/"' not in unit_rows  # the board names; the page links
    # The unit's own page says the same of its entries.
    page_html = board_text(client, RegistrationPage.objects.get(unit=unit, year=2025).url)
    assert page_html.count("Đạt (") == 1 and page_html.count("Không đạt") == 1 and "87/QĐ-KHCN" in page_html
    # The latest year is shown by default: 2025 is the only one.
    assert "Đăng ký năm 2025" in board_text(client, board.url)


def test_before_the_decisions_the_board_says_the_results_are_to_come(client, board, unit, awards):
    register(board, unit, 2026, [("collective", "", awards["tap-the-lao-dong-xuat-sac"])])
    html = board_text(client, board.url)
    assert "Đăng ký năm 2026" in html and "khi các quyết định khen thưởng của năm được công bố" in html
    assert "Kết quả" not in html.split("td-board__table")[1].split("</thead>")[0]


def test_drafts_and_returned_registrations_stay_off_the_board_api_feeds_and_search(client, board, unit, other_unit,
                                                                                   awards):
    register(board, unit, 2026, [("collective", "", awards["tap-the-lao-dong-xuat-sac"])])
    draft = register(board, other_unit, 2026, [("individual", "Bùi Văn Kín", awards["lao-dong-tien-tien"])],
                     publish=False, title="Đăng ký bản nháp", slug="ban-nhap")
    assert not draft.live
    surfaces = [board.url, board.url + "?year=2026&format=csv", "/vi/feeds/registrations/rss/",
                "/api/v2/registrations/?fields=*", "/vi/tim-kiem/?q=Kín", "/sitemap.xml"]
    for url in surfaces:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Bùi Văn Kín" not in body and "ban-nhap" not in body, url
    assert client.get(draft.url).status_code == 404
    # The published one is on each of them.
    assert "Phòng Quản lý khoa học" in client.get("/api/v2/registrations/?fields=*").content.decode()
    assert "Phòng Quản lý khoa học" in client.get("/vi/feeds/registrations/rss/").content.decode()


def test_one_registration_per_unit_and_year_and_entries_that_say_who(board, unit, awards):
    register(board, unit, 2026, [("collective", "", awards["tap-the-lao-dong-xuat-sac"])])
    second = RegistrationPage(title="Đăng ký lần hai", slug="lan-hai", unit=unit, year=2026,
                              registered_on=D(2026, 2, 1), locale=unit.locale)
    with pytest.raises(ValidationError) as error:
        second.clean()
    assert "Phòng Quản lý khoa học đã có bản đăng ký năm 2026" in " ".join(error.value.message_dict["unit"])
    second.year = 2027
    second.clean()
    # A person needs a name or a profile; a collective title is not for a person.
    with pytest.raises(ValidationError) as error:
        RegistrationEntry(kind="individual", award=awards["lao-dong-tien-tien"]).clean()
    assert "name" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        RegistrationEntry(kind="individual", name="Lê Văn Hùng", award=awards["tap-the-lao-dong-xuat-sac"]).clean()
    assert "award" in error.value.message_dict


@pytest.fixture
def roles(board, sections, unit, other_unit):
    call_command("thidua_setup_workflow", stdout=io.StringIO())


def user_in(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def registration_form(unit, awards, action, *, title="Đăng ký thi đua năm 2026", slug="dang-ky-2026"):
    data = nested_form_data({
        "comments": inline_formset([]), "title": title, "slug": slug, "unit": unit.pk, "year": "2026",
        "registered_on": "2026-01-20", "campaign": "", "cluster": "", "commitments": rich_text("<p>Hoàn thành.</p>"),
        "signer_title": "Trưởng phòng", "signer_name": "Ngô Quang Huy", "document": "",
        "entries": inline_formset([{"kind": "collective", "name": "", "position": "", "profile": "",
                                    "award": awards["tap-the-lao-dong-xuat-sac"].pk}]),
    })
    data[action] = action
    return data


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["thidua_wagtail", "registrationpage", parent.pk])


def test_a_unit_files_its_own_registration_only_and_the_office_returns_it_with_a_reason(
        client, roles, board, unit, other_unit, awards, django_capture_on_commit_callbacks):
    unit.refresh_from_db()
    assert unit.editor_group.name == unit_group_name(unit)
    editor = user_in(unit_group_name(unit), "bientap.qlkh")
    client.force_login(editor)
    form = client.get(add_url(board)).content.decode()
    unit_list = form.split('name="unit"')[1].split("</select>")[0]
    assert "Văn phòng Sở" not in unit_list
    # The editor's one unit is chosen already, with no empty choice.
    assert f'<option value="{unit.pk}" selected>Phòng Quản lý khoa học</option>' in unit_list and "---" not in unit_list
    # Another unit's registration is refused, with a message.
    response = client.post(add_url(board), registration_form(other_unit, awards, "action-submit"))
    assert response.status_code == 200
    assert "Bạn chỉ có thể nộp bản đăng ký của đơn vị mình." in response.content.decode()
    assert not RegistrationPage.objects.exists()
    # Its own is saved and goes to the Office.
    response = client.post(add_url(board), registration_form(unit, awards, "action-submit"))
    assert response.status_code == 302
    page = RegistrationPage.objects.get()
    assert page.unit == unit and not page.live and page.owner == editor
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)

    office = user_in(OFFICE_GROUP, "vanphong")
    client.force_login(office)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 bản đăng ký đang chờ duyệt" in dashboard and "Phòng Quản lý khoa học – 2026" in dashboard
    assert f"0/2 đơn vị đã có bản đăng ký năm {datetime.date.today().year} được công bố" in dashboard
    # The Office files for any unit, and publishes directly.
    response = client.post(add_url(board), registration_form(other_unit, awards, "action-publish", slug="vp-2026"))
    assert response.status_code == 302 and RegistrationPage.objects.get(slug="vp-2026").live
    reason = "Đề nghị bổ sung chữ ký của Trưởng phòng."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:workflow_action",
                                       args=[page.pk, "reject", state.current_task_state.pk]), {"comment": reason})
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == reason
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 bản đăng ký đã được trả lại" in dashboard and reason in dashboard
    # The unit reads the reason on its page's history, and is not shown other units' registrations.
    client.force_login(editor)
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert reason in history
    assert client.get(board.url).content.decode().count("Phòng Quản lý khoa học</a>") == 0  # not published


def test_the_export_is_a_summary_table_with_totals_and_safe_text(client, board, year_2025, unit, awards):
    register(board, unit, 2024, [("individual", "=HYPERLINK(\"http://x\")", awards["lao-dong-tien-tien"])],
             slug="cu")
    response = client.get(board.url + "?year=2025&format=xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="dang-ky-thi-dua-2025.xlsx"'
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    summary = workbook.worksheets[0]
    rows = [tuple(row) for row in summary.iter_rows(values_only=True)]
    assert rows[1][0] == "BẢNG TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM 2025"
    header = rows[3]
    columns = {name: i for i, name in enumerate(header) if name}
    excellent = columns["Tập thể lao động xuất sắc"]
    advanced_worker = columns["Lao động tiên tiến"]
    assert rows[4][excellent:excellent + 2] == ("Đăng ký", "Đạt")
    by_unit = {row[1]: row for row in rows[5:]}
    assert by_unit["Văn phòng Sở"][advanced_worker:advanced_worker + 2] == (2, 1)
    assert by_unit["Phòng Quản lý khoa học"][excellent:excellent + 2] == (1, 0)
    assert by_unit["Tổng cộng"][advanced_worker:advanced_worker + 2] == (2, 1)
    details = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert len(details) == 1 + 5 and details[1][1] == "Phòng Quản lý khoa học"  # in the units' order
    # CSV: a name a spreadsheet would run as a formula is neutralised.
    text = client.get(board.url + "?year=2024&format=csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][3] == "'=HYPERLINK(\"http://x\")"
    # A year without registrations is a 404, a malformed one is ignored (the latest year).
    assert client.get(board.url + "?year=2030&format=csv").status_code == 404
    assert "Văn phòng Sở" in client.get(board.url + "?year=abc&format=csv").content.decode("utf-8-sig")


def test_the_campaign_timeline_shows_the_year_s_registrations(client, board, unit, other_unit, awards, sections):
    campaign = factories.make_campaign(sections["campaigns"], "Thi đua thực hiện nhiệm vụ năm 2026",
                                       start_date=D(2026, 1, 1), end_date=D(2026, 12, 31))
    register(board, unit, 2026, [("collective", "", awards["tap-the-lao-dong-xuat-sac"])], campaign=campaign)
    register(board, other_unit, 2026, [("collective", "", awards["tap-the-lao-dong-tien-tien"])], campaign=campaign)
    html = client.get(campaign.url).content.decode()
    timeline = html.split('id="td-timeline"')[1].split("</ol>")[0]
    assert "2 đơn vị đã đăng ký năm 2026" in timeline and 'href="/vi/dang-ky/?year=2026"' in timeline
    assert timeline.index("15/1/2026") > timeline.index("1/1/2026")


def test_the_registration_page_links_visible_profiles_only(client, board, unit, awards, sections):
    public = factories.make_profile(sections["profiles"], "Nguyễn Thị Thu Hà", unit=unit)
    draft = factories.make_profile(sections["profiles"], "Đỗ Văn Nháp", unit=unit, publish=False)
    page = register(board, unit, 2026, [("individual", "", awards["chien-si-thi-dua-co-so"], public),
                                        ("individual", "", awards["lao-dong-tien-tien"], draft)],
                    commitments="<p>Hoàn thành 100% nhiệm vụ.</p>")
    html = board_text(client, page.url)
    assert f'href="{public.url}"' in html and "Đỗ Văn Nháp" in html and 'href="/vi/dien-hinh/do-van-nhap/"' not in html
    assert "Hoàn thành 100% nhiệm vụ." in html and "Chiến sĩ thi đua cơ sở" in html


def test_a_decision_s_list_counts_for_the_year_it_honours(client, board, year_2025, unit, awards):
    """12/QĐ-KHCN was issued in January 2026 for the titles of 2025: its honours count for 2025 on the board, in the
    register and in the statistics' years; without its year honoured they would count for 2026."""
    conferring = year_2025
    assert set(conferring.listed_recipients.values_list("year", flat=True)) == {2025}
    register_html = client.get("/vi/tra-cuu-khen-thuong/", {"q": "le van hung", "year": 2025}).content.decode()
    assert "Lê Văn Hùng" in register_html or "Le Van Hung" in register_html
    assert re.search(r";\s+3 đạt\.", board_text(client, board.url + "?year=2025"))
    conferring.year_honoured = None
    conferring.save()
    assert set(conferring.listed_recipients.values_list("year", flat=True)) == {2026}
    assert "Le Van Hung" not in client.get("/vi/tra-cuu-khen-thuong/", {"q": "le van hung", "year": 2025}).content.decode()
    html = board_text(client, board.url + "?year=2025")
    assert re.search(r";\s+1 đạt\.", html)  # only the profile's own honour of 2025 is left


def test_a_cached_board_asks_nothing_of_the_registrations(client, board, year_2025, settings):
    """With the page cache off (a signed-in editor), the board's fragment is still cached: the second request
    reads no registration, entry or honour."""
    settings.THIDUA_PAGE_CACHE_TIMEOUT = 0
    url = board.url + "?year=2025"
    with CaptureQueriesContext(connection) as first:
        assert "2/3 đạt" in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as second:
        assert "2/3 đạt" in client.get(url).content.decode()
    tables = ("registrationentry", "decisionrecipient", "profilehonour")
    assert any(table in query["sql"] for query in first.captured_queries for table in tables)
    assert not any(table in query["sql"] for query in second.captured_queries for table in tables)


def test_a_new_honour_on_a_profile_shows_on_the_cached_registration_and_board(client, board, unit, awards, sections):
    profile = factories.make_profile(sections["profiles"], "Nguyễn Thị Thu Hà", unit=unit)
    page = register(board, unit, 2025, [("individual", "", awards["chien-si-thi-dua-co-so"], profile)])
    decision("1/QĐ-KHCN", 2025, [("Ai đó", "individual", awards["lao-dong-tien-tien"], None)])  # results are out
    assert "Không đạt" in board_text(client, page.url) and "Không đạt" in board_text(client, board.url)
    assert "Không đạt" in board_text(client, page.url)  # (from the cache now)
    profile.honours.create(award=awards["chien-si-thi-dua-co-so"], year=2025, decision_number="88/QĐ-KHCN",
                           decided_by="Giám đốc Sở")
    profile.save_revision().publish()
    assert "88/QĐ-KHCN" in board_text(client, page.url) and "88/QĐ-KHCN" in board_text(client, board.url)
