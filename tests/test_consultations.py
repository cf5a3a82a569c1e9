"""Public consultation on nominees: working days with Vietnam's holidays, the window the admin accepts, the comment
form and its protections, closing by itself, the public record, the Office's handling and exports, the API and
feeds, and no comment leaking out."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from thidua_wagtail import workdays
from thidua_wagtail.models import ConsultationComment, ConsultationIndexPage, ConsultationNominee, ConsultationPage

from . import factories

D = datetime.date


def test_working_days_skip_weekends_tet_and_the_days_off_the_government_moves(settings):
    # Tết Bính Ngọ: 16 (New Year's Eve) to 20 February 2026 are off.
    assert not workdays.is_working_day(D(2026, 2, 17)) and workdays.is_working_day(D(2026, 2, 13))
    assert workdays.add_working_days(D(2026, 2, 9), 10) == D(2026, 2, 27)  # without Tết it would be the 20th
    assert workdays.working_days_between(D(2026, 2, 9), D(2026, 2, 27)) == 10
    # Giỗ Tổ Hùng Vương falls on a Sunday in 2026: the Monday after is off instead.
    assert not workdays.is_working_day(D(2026, 4, 27))
    assert workdays.add_working_days(D(2026, 4, 24), 2) == D(2026, 4, 28)
    # Tết 2027 is in another month: the lunar calendar, not a typed table.
    assert not workdays.is_working_day(D(2027, 2, 8)) and workdays.is_working_day(D(2026, 2, 8 + 1))
    # A start on a holiday or a weekend counts from the next working day.
    assert workdays.add_working_days(D(2026, 2, 14), 1) == D(2026, 2, 23)
    names = dict(workdays.days_off(D(2026, 2, 9), D(2026, 2, 27)))
    assert "Tết Nguyên Đán" in names[D(2026, 2, 17)] and len(names) == 5
    # A province's own day off counts too.
    settings.THIDUA_EXTRA_DAYS_OFF = ["2026-03-02"]
    assert not workdays.is_working_day(D(2026, 3, 2))
    assert workdays.add_working_days(D(2026, 2, 23), 6) == D(2026, 3, 3)


@pytest.fixture
def index(home):
    page = home.add_child(instance=ConsultationIndexPage(title="Lấy ý kiến Nhân dân", slug="lay-y-kien"))
    return page


def make_consultation(index, awards, unit, *, opens_on, closes_on, publish=True, notify="vp@example.org", **kwargs):
    page = ConsultationPage(
        title=kwargs.pop("title", "Lấy ý kiến Nhân dân đối với cá nhân đề nghị tặng Huân chương Lao động"),
        slug=kwargs.pop("slug", f"lay-y-kien-{opens_on:%Y%m%d}"),
        summary="Sở công khai danh sách đề nghị khen thưởng để lấy ý kiến Nhân dân.",
        proposing_body="Sở Khoa học và Công nghệ", proposed_to="Chủ tịch UBND tỉnh",
        opens_on=opens_on, closes_on=closes_on, notify_emails=notify, **kwargs)
    page.nominees.add(ConsultationNominee(
        name="Nguyễn Thị Hoa", position="Trưởng phòng", unit=unit, kind="individual",
        proposed_award=awards["huan-chuong-lao-dong"], proposed_grade="third",
        achievements="Chủ trì 3 đề tài cấp tỉnh được ứng dụng, tiết kiệm 2 tỷ đồng."))
    page.nominees.add(ConsultationNominee(
        name="Phòng Thử nghiệm", kind="collective", unit_name="Trung tâm Ứng dụng",
        proposed_award=awards["bang-khen-thu-tuong"], achievements="Hoàn thành xuất sắc nhiệm vụ 5 năm liền."))
    if not publish:
        page.live = False
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return ConsultationPage.objects.get(pk=page.pk)


@pytest.fixture
def open_page(index, awards, unit):
    today = datetime.date.today()
    return make_consultation(index, awards, unit, opens_on=today - datetime.timedelta(days=3),
                             closes_on=workdays.add_working_days(today, 12))


def comment_data(page, **overrides):
    nominee = page.nominees.order_by("sort_order").first()
    return {"nominee": nominee.pk, "content": "Tôi đồng ý với đề nghị khen thưởng chị Hoa, người rất tận tụy.",
            "author_name": "Lê Văn Minh", "contact": "minh@example.org", "consent": "on", "website": "",
            **overrides}


def test_the_admin_refuses_a_window_shorter_than_ten_working_days_and_names_the_earliest_close(index, awards,
                                                                                              unit):
    page = ConsultationPage(title="Lấy ý kiến", slug="y-kien", summary="Tóm tắt", proposing_body="Sở",
                            opens_on=D(2026, 2, 9), closes_on=D(2026, 2, 24))  # 7 working days: Tết is in it
    with pytest.raises(ValidationError) as error:
        page.clean()
    message = " ".join(error.value.message_dict["closes_on"])
    assert "7 ngày làm việc" in message and "27/2/2026" in message and "10" in message
    page.closes_on = D(2026, 2, 27)
    page.council_meets_on = D(2026, 2, 27)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert set(error.value.message_dict) == {"council_meets_on"}
    page.council_meets_on = D(2026, 3, 5)
    page.clean()
    # A nominee needs a name or a profile.
    with pytest.raises(ValidationError):
        ConsultationNominee(proposed_award=awards["huan-chuong-lao-dong"], achievements="x").clean()


def test_an_open_consultation_takes_a_comment_stores_it_and_tells_the_office(client, open_page,
                                                                            django_capture_on_commit_callbacks):
    html = client.get(open_page.url).content.decode()
    assert "Đang lấy ý kiến" in html and "Nguyễn Thị Hoa" in html and "Huân chương Lao động hạng Ba" in html
    assert "Nghị định số 98/2023/NĐ-CP" in html and 'name="csrfmiddlewaretoken"' in html
    assert "Góp ý về Nguyễn Thị Hoa" in html
    with django_capture_on_commit_callbacks(execute=True):  # the mail goes once the comment is committed
        response = client.post(open_page.url, comment_data(open_page))
    assert response.status_code == 302 and response["Location"].endswith("?sent=1#td-comment")
    comment = ConsultationComment.objects.get()
    assert comment.nominee_name == "Nguyễn Thị Hoa" and comment.author_name == "Lê Văn Minh"
    assert comment.page == open_page and comment.status == "new" and comment.consent
    assert comment.notification == "sent" and mail.outbox[0].to == ["vp@example.org"]
    assert "Nguyễn Thị Hoa" in mail.outbox[0].subject and "tận tụy" in mail.outbox[0].body
    thanks = client.get(open_page.url + "?sent=1").content.decode()
    assert "Cảm ơn" in thanks
    # The comment itself is never shown publicly.
    assert "tận tụy" not in thanks and "Lê Văn Minh" not in thanks


def test_bad_comments_get_a_form_error_and_nothing_is_stored(client, open_page):
    for overrides in ({"consent": ""}, {"content": "ok"}, {"nominee": "999999"}, {"nominee": "abc"},
                      {"author_name": ""}, {"content": "x" * 6000}):
        response = client.post(open_page.url, comment_data(open_page, **overrides))
        assert response.status_code == 400, overrides
        assert "Vui lòng sửa" in response.content.decode()
    assert not ConsultationComment.objects.exists()
    # A NUL byte is refused with a message (Django's own check); other control characters are dropped, line
    # breaks kept.
    assert client.post(open_page.url, comment_data(open_page, content="Dòng một\x00 đủ dài")).status_code == 400
    client.post(open_page.url, comment_data(open_page, content="Dòng một đủ dài\nDòng hai\x07"))
    assert ConsultationComment.objects.get().content == "Dòng một đủ dài\nDòng hai"


def test_honeypot_rate_limit_and_csrf(client, open_page, settings):
    response = client.post(open_page.url, comment_data(open_page, website="http://spam.example"))
    assert response.status_code == 302 and not ConsultationComment.objects.exists()
    settings.THIDUA_CONSULTATION_RATE_LIMIT = 2
    codes = [client.post(open_page.url, comment_data(open_page)).status_code for _ in range(3)]
    assert codes == [302, 302, 429] and ConsultationComment.objects.count() == 2
    assert Client(enforce_csrf_checks=True).post(open_page.url, comment_data(open_page)).status_code == 403
    assert ConsultationComment.objects.count() == 2


def test_a_failed_mail_loses_no_comment(client, open_page, monkeypatch, django_capture_on_commit_callbacks):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("thidua_wagtail.submissions.send_mail", broken)  # the mail helper both forms share
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(open_page.url, comment_data(open_page)).status_code == 302
    assert ConsultationComment.objects.get().notification == "failed"


def test_the_form_closes_by_itself_and_the_page_stays_as_the_record(client, index, awards, unit):
    page = make_consultation(index, awards, unit, opens_on=D(2026, 2, 9), closes_on=D(2026, 2, 27))
    ConsultationComment.objects.create(page=page, nominee=page.nominees.first(), consultation_title=page.title,
                                       nominee_name="Nguyễn Thị Hoa", locale=page.locale, author_name="A",
                                       contact="a@example.org", content="Đồng ý với đề nghị.", consent=True)
    html = client.get(page.url).content.decode()
    assert "Đã kết thúc" in html and "kết thúc lấy ý kiến ngày 27 tháng 2 năm 2026" in html
    assert "Đã nhận 1 ý kiến" in html and 'name="csrfmiddlewaretoken"' not in html
    assert "Tết Nguyên Đán" in html and "(10 ngày làm việc)" in html
    # Posting anyway (a page loaded before the close, a robot): refused on the server, nothing stored.
    response = client.post(page.url, comment_data(page))
    assert response.status_code == 403 and ConsultationComment.objects.count() == 1
    assert "không được ghi nhận" in response.content.decode()
    # Not yet open: the same.
    later = make_consultation(index, awards, unit, opens_on=D(2099, 1, 5), closes_on=D(2099, 1, 30),
                              slug="sau-nay")
    assert "Chưa mở" in client.get(later.url).content.decode()
    assert client.post(later.url, comment_data(later)).status_code == 403
    assert ConsultationComment.objects.count() == 1


def test_the_list_filters_by_status(client, index, awards, unit, open_page):
    make_consultation(index, awards, unit, opens_on=D(2026, 2, 9), closes_on=D(2026, 2, 27), title="Đợt Tết",
                      slug="dot-tet")
    make_consultation(index, awards, unit, opens_on=D(2026, 3, 2), closes_on=D(2026, 3, 31), title="Bản nháp",
                      slug="ban-nhap", publish=False)
    html = client.get(index.url).content.decode()
    assert "Đợt Tết" in html and open_page.title in html and "Bản nháp" not in html
    html = client.get(index.url, {"status": "open"}).content.decode()
    assert "Đợt Tết" not in html and open_page.title in html
    html = client.get(index.url, {"status": "closed"}).content.decode()
    assert "Đợt Tết" in html and "2 cuộc lấy ý kiến" not in html


def test_office_handles_filters_and_exports_comments(client, open_page):
    for name in ("Lê Văn Minh", '=HYPERLINK("http://evil.example","x")'):
        assert client.post(open_page.url, comment_data(open_page, author_name=name)).status_code == 302
    user = get_user_model().objects.create_superuser("office", "office@example.org", "pw")
    office = Client()
    office.force_login(user)
    url = reverse("thidua_consultation_comments:index")
    html = office.get(url, {"page": open_page.pk, "status": "new"}).content.decode()
    assert "Lê Văn Minh" in html and "Nguyễn Thị Hoa" in html
    comment = ConsultationComment.objects.get(author_name="Lê Văn Minh")
    response = office.post(reverse("thidua_consultation_comments:edit", args=[comment.pk]),
                           {"status": "handled", "handling_note": "Đã báo cáo Hội đồng."})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == "handled" and comment.handled_by == user and comment.handled_at is not None
    office.get(url)  # shows (and so clears) the "updated" message, which names the comment
    assert "Lê Văn Minh" not in office.get(url, {"status": "new"}).content.decode()
    rows = list(csv.reader(io.StringIO(b"".join(office.get(url, {"export": "csv"}).streaming_content)
                                       .decode("utf-8-sig"))))
    assert len(rows) == 3 and any("Đã báo cáo Hội đồng." in row for row in rows)
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(office.get(url, {"export": "xlsx"}).streaming_content))).active
    assert "Lê Văn Minh" in [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    # Comments come from visitors only; a staff member without the permission cannot read them.
    assert office.get(reverse("thidua_consultation_comments:add")).status_code in (302, 403, 404)
    staff, _group = factories.admin_user_in_group("staff", "Biên tập viên")
    other = Client()
    other.force_login(staff)
    assert other.get(url).status_code in (302, 403)


def test_the_dashboard_shows_open_consultations_and_comments_to_handle(client, open_page):
    client.post(open_page.url, comment_data(open_page))
    user = get_user_model().objects.create_superuser("office", "office@example.org", "pw")
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Lấy ý kiến Nhân dân đối với cá nhân" in html and "1 ý kiến mới" in html


def test_api_and_feeds_give_nominees_and_the_count_never_the_comments(client, open_page):
    client.post(open_page.url, comment_data(open_page))
    data = client.get("/api/v2/consultations/", {"fields": "nominees,comments_received,legal_basis"}).json()
    item = data["items"][0]
    assert item["status"] == "open" and item["comments_received"] == 1
    assert [n["display_name"] for n in item["nominees"]] == ["Nguyễn Thị Hoa", "Phòng Thử nghiệm"]
    assert item["nominees"][0]["proposed_award"]["name"] == "Huân chương Lao động"
    body = client.get(f"/api/v2/consultations/{open_page.pk}/").content.decode()
    assert "tận tụy" not in body and "minh@example.org" not in body
    assert client.get("/api/v2/consultations/", {"status": "closed"}).json()["meta"]["total_count"] == 0
    assert client.get("/api/v2/consultations/", {"status": "bogus"}).status_code == 400
    # The site asked for, as Wagtail's own endpoints take it.
    assert client.get("/api/v2/consultations/", {"site": "localhost"}).json()["meta"]["total_count"] == 1
    assert client.get("/api/v2/consultations/", {"site": "nowhere.example"}).status_code == 404
    assert client.get("/api/v2/consultations/", {"site": "localhost:abc"}).status_code == 400
    feed = client.get("/vi/feeds/consultations/rss/").content.decode()
    assert open_page.title in feed and "tận tụy" not in feed
    search = client.get("/vi/tim-kiem/", {"q": "nguyen thi hoa"}).content.decode()
    assert open_page.title in search and "tận tụy" not in search


def test_an_editor_creates_a_consultation_in_the_admin_and_a_short_window_is_refused(client, index, awards, unit):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    client.force_login(get_user_model().objects.create_superuser("ed", "ed@example.org", "pw"))
    url = reverse("wagtailadmin_pages:add", args=["thidua_wagtail", "consultationpage", index.pk])
    data = {
        "title": "Lấy ý kiến đợt Tết", "slug": "dot-tet", "summary": "Tóm tắt.", "proposing_body": "Sở",
        "proposed_to": "Chủ tịch nước", "campaign": "", "opens_on": "2026-02-09", "closes_on": "2026-02-20",
        "council_meets_on": "", "legal_basis": "Khoản 1 Điều 46 Nghị định số 98/2023/NĐ-CP",
        "nominees": inline_formset([{
            "kind": "individual", "profile": "", "name": "Nguyễn Thị Hoa", "position": "Trưởng phòng",
            "unit": unit.pk, "unit_name": "", "proposed_award": awards["huan-chuong-lao-dong"].pk,
            "proposed_grade": "third", "achievements": "Thành tích."}]),
        "how_to_comment": rich_text(""), "privacy_notice": rich_text(""), "body": streamfield([]),
        "notify_emails": "", "comments": inline_formset([]), "action-publish": "action-publish",
    }
    response = client.post(url, nested_form_data(data))
    assert response.status_code == 200  # ten days, but Tết takes five: refused, and the earliest close named
    assert "sớm nhất được kết thúc ngày 27/2/2026" in response.content.decode()
    assert not ConsultationPage.objects.filter(slug="dot-tet").exists()
    response = client.post(url, nested_form_data({**data, "closes_on": "2026-02-27"}))
    assert response.status_code == 302
    page = ConsultationPage.objects.get(slug="dot-tet")
    assert page.live and page.nominees.get().display_name == "Nguyễn Thị Hoa"
