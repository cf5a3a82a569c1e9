"""Importing a decision's recipients from the department's spreadsheet (issue 17)."""

import datetime
import io
import re
import unicodedata

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua_wagtail.models import DecisionRecipient, OfficialDocument

from . import factories

pytestmark = pytest.mark.django_db

URL = "/admin/thidua_recipient_import/"
FORM = {"number": "215/QĐ-UBND", "title": "Quyết định khen thưởng", "issue_date": "2024-12-20",
        "issuing_body": "Chủ tịch Ủy ban nhân dân tỉnh Thái Nguyên", "signer_name": "Trịnh Việt Hùng",
        "default_award": ""}


@pytest.fixture
def office(client, awards):
    user = get_user_model().objects.create_superuser("office", "office@example.org", "pw")
    client.force_login(user)
    return client


def xlsx(rows, merges=()):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def cp1258(text):
    """``text`` as Excel writes it in the Windows Vietnamese code page: letters with their vowel marks (â, ơ, ư …),
    tone marks as separate combining characters."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def upload(client, name, content, **fields):
    return client.post(URL, {**FORM, **fields, "file": SimpleUploadedFile(name, content)})


def preview_rows(html):
    """The preview table as lists of cell texts."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [[" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def confirm(client, html):
    """Post the preview's confirmation form back, as the browser does."""
    form = html.split('<form action="" method="post" novalidate>', 1)[1].split("</form>", 1)[0]
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    data.pop("csrfmiddlewaretoken", None)
    return client.post(URL, {key: value.replace("&quot;", '"').replace("&amp;", "&") for key, value in data.items()})


# The list attached to a provincial decision, as such lists are laid out: title rows, a header, column numbers,
# sections merged across, a unit merged down over its people, a total and the signature under the table.
OFFICIAL = [
    ["ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN"],
    ["DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG"],
    ["(Kèm theo Quyết định số 215/QĐ-UBND ngày 20/12/2024 của Chủ tịch UBND tỉnh)"],
    [],
    ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Hình thức khen thưởng"],
    ["(1)", "(2)", "(3)", "(4)", "(5)"],
    ["I. CÁ NHÂN"],
    [1, "Nguyễn Thị Hoa", "Trưởng phòng", "Phòng Quản lý khoa học", "Bằng khen của Chủ tịch UBND tỉnh"],
    [2, "Trần Văn Nam", "Chuyên viên", None, "Huân chương Lao động hạng Ba"],
    [3, "Lê Thị Thu Hương", "Kế toán viên", "Văn phòng Sở", "Chiến sĩ thi đua cấp tỉnh"],
    ["II. TẬP THỂ"],
    [4, "Phòng Kế hoạch - Tài chính", None, "Sở Khoa học và Công nghệ", "Tập thể lao động xuất sắc"],
    [5, "Trung tâm Ứng dụng tiến bộ KH&CN", None, "Sở Khoa học và Công nghệ", "Bằng khen của Chủ tịch UBND tỉnh"],
    [None, "Tổng cộng: 03 cá nhân, 02 tập thể"],
    [],
    [None, None, None, "GIÁM ĐỐC"],
    [None, None, None, "Nguyễn Văn Hùng"],
]


def test_an_official_list_is_read_with_its_sections_merged_units_and_classes(office):
    response = upload(office, "danh-sach-khen-thuong.xlsx", xlsx(OFFICIAL, merges=["A7:E7", "A11:E11", "D8:D9"]))
    html = response.content.decode()
    assert response.status_code == 200 and "Xem trước: 5 người, tập thể được khen" in html
    assert preview_rows(html) == [
        ["8", "1", "Nguyễn Thị Hoa", "Trưởng phòng", "Phòng Quản lý khoa học", "Cá nhân",
         "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "", "Đúng"],
        ["9", "2", "Trần Văn Nam", "Chuyên viên", "Phòng Quản lý khoa học", "Cá nhân", "Huân chương Lao động",
         "hạng Ba", "Đúng"],
        ["10", "3", "Lê Thị Thu Hương", "Kế toán viên", "Văn phòng Sở", "Cá nhân",
         "Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "", "Đúng"],
        ["12", "4", "Phòng Kế hoạch - Tài chính", "", "Sở Khoa học và Công nghệ", "Tập thể",
         "Tập thể lao động xuất sắc", "", "Đúng"],
        ["13", "5", "Trung tâm Ứng dụng tiến bộ KH&amp;CN", "", "Sở Khoa học và Công nghệ", "Tập thể",
         "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "", "Đúng"],
    ]
    # Nothing is saved by the preview.
    assert not OfficialDocument.objects.filter(number="215/QĐ-UBND").exists()

    response = confirm(office, html)
    decision = OfficialDocument.objects.get(number="215/QĐ-UBND")
    assert response.status_code == 302 and response.url == reverse(
        "wagtailsnippets_thidua_wagtail_officialdocument:edit", args=[decision.pk])
    assert (decision.doc_type, decision.is_public, decision.issue_date, decision.signer_name) == (
        "decision", False, datetime.date(2024, 12, 20), "Trịnh Việt Hùng")
    listed = list(decision.listed_recipients.order_by("sort_order"))
    assert [(r.name, r.kind, r.unit, r.award.code, r.grade) for r in listed] == [
        ("Nguyễn Thị Hoa", "individual", "Phòng Quản lý khoa học", "bang-khen-chu-tich-ubnd-tinh", ""),
        ("Trần Văn Nam", "individual", "Phòng Quản lý khoa học", "huan-chuong-lao-dong", "third"),
        ("Lê Thị Thu Hương", "individual", "Văn phòng Sở", "chien-si-thi-dua-cap-tinh", ""),
        ("Phòng Kế hoạch - Tài chính", "collective", "Sở Khoa học và Công nghệ", "tap-the-lao-dong-xuat-sac", ""),
        ("Trung tâm Ứng dụng tiến bộ KH&CN", "collective", "Sở Khoa học và Công nghệ",
         "bang-khen-chu-tich-ubnd-tinh", ""),
    ]
    assert all(r.locale_id == decision.locale_id and r.folded_name for r in listed)
    # The confirmation cannot be replayed into a second decision.
    again = confirm(office, html)
    assert again.status_code == 200 and OfficialDocument.objects.filter(number="215/QĐ-UBND").count() == 1
    assert "Đã có văn bản số 215/QĐ-UBND" in again.content.decode()


def test_a_csv_from_excel_in_the_windows_vietnamese_code_page_with_abbreviations(office):
    """Semicolons, cp1258 with combining tone marks, abbreviations, the class in its own column, the kind column."""
    text = ("TT;Họ tên;Chức danh;Cơ quan;Danh hiệu thi đua;Hạng;Cá nhân/Tập thể\r\n"
            "1;Hoàng Văn Đức;Kỹ sư;Trung tâm Thông tin;CSTĐCS;;Cá nhân\r\n"
            "2;Đỗ Thị Lan;Chuyên viên;Văn phòng;LĐTT;;cá nhân\r\n"
            "3;Trần Minh;Phó Giám đốc;Sở KH&CN;Huân chương Lao động;III;Cá nhân\r\n"
            "4;Phòng Thanh tra;;Sở KH&CN;TTLĐXS;;Tập thể\r\n")
    content = cp1258(text)
    assert b"\xd2" in content or b"\xde" in content  # the code page's combining tone marks, not UTF-8
    html = upload(office, "ds.csv", content).content.decode()
    assert [row[2:8] for row in preview_rows(html)] == [
        ["Hoàng Văn Đức", "Kỹ sư", "Trung tâm Thông tin", "Cá nhân", "Chiến sĩ thi đua cơ sở", ""],
        ["Đỗ Thị Lan", "Chuyên viên", "Văn phòng", "Cá nhân", "Lao động tiên tiến", ""],
        ["Trần Minh", "Phó Giám đốc", "Sở KH&amp;CN", "Cá nhân", "Huân chương Lao động", "hạng Ba"],
        ["Phòng Thanh tra", "", "Sở KH&amp;CN", "Tập thể", "Tập thể lao động xuất sắc", ""],
    ]
    assert "Nhập thành quyết định nháp" in html


def test_every_bad_row_gets_a_message_naming_it_and_nothing_is_imported(office):
    content = ("STT,Họ và tên,Chức vụ,Đơn vị,Hình thức khen thưởng\n"
               "1,Nguyễn Văn An,Chuyên viên,Phòng A,Giấy khen\n"
               "2,Phạm Thị Bích,Kỹ sư,Phòng B,Huy hiệu Đoàn\n"
               "3,Vũ Văn Cường,Trưởng phòng,Phòng C,Huân chương Lao động\n"
               "4,,,Phòng D,Giấy khen\n"
               "5,Hộ ông Lò Văn Pủa,,Xã Quân Chu,Lao động tiên tiến\n"
               "6,Ngô Thị Dung,,Phòng E,Giấy khen hạng Nhất\n"
               "7,Nguyễn Văn An,Chuyên viên,Phòng A,Giấy khen\n").encode()
    response = upload(office, "loi.csv", content)
    html = response.content.decode()
    assert response.status_code == 200
    assert "6 dòng không nhập được. Chưa nhập gì" not in html  # counted right: five rows are wrong
    assert "5 dòng không nhập được. Chưa nhập gì: hãy sửa bảng tính và tải lên lại." in html
    alert = html.split('role="alert"', 1)[1].split("</div>", 1)[0]
    assert "Dòng 3 (Phạm Thị Bích): “Huy hiệu Đoàn” không có trong danh mục khen thưởng" in alert
    assert "Dòng 4 (Vũ Văn Cường): Hãy chọn hạng của “Huân chương Lao động”.</li>" in alert
    assert "Dòng 5: không có họ tên." in alert
    assert "Dòng 6 (Hộ ông Lò Văn Pủa): “Lao động tiên tiến” không dành cho hộ gia đình." in alert
    assert "Dòng 7 (Ngô Thị Dung): “Giấy khen” không chia hạng." in alert
    assert "Dòng 2 " not in alert and "Dòng 8" not in alert
    # Row 8 repeats row 2: a warning, not an error.
    assert "trùng người và hình thức khen với dòng 2" in html
    assert 'name="rows"' not in html and not OfficialDocument.objects.filter(number="215/QĐ-UBND").exists()
    assert not DecisionRecipient.objects.exists()


@pytest.mark.parametrize("name, content, message", [
    ("ds.xls", b"\xd0\xcf\x11\xe0 old excel", "Không đọc được tệp Excel cũ (.xls)"),
    ("ds.pdf", b"%PDF-1.4", "Hãy tải danh sách lên dưới dạng tệp Excel (.xlsx) hoặc CSV."),
    ("ds.xlsx", b"PK\x03\x04 not really a zip", "Tệp không phải bảng tính Excel (.xlsx) hợp lệ"),
    ("ds.csv", "Danh sách\nmột,hai,ba\n".encode(), "Không tìm thấy dòng tiêu đề"),
    ("ds.csv", "STT,Họ và tên,Đơn vị\n1,Nguyễn Văn An,Phòng A\n".encode(), "không có cột hình thức khen thưởng"),
    ("ds.csv", "STT,Họ và tên,Danh hiệu\n\n,,\n".encode(), "không có ai được khen"),
])
def test_a_file_that_is_not_a_list_gets_a_clear_message(office, name, content, message):
    response = upload(office, name, content)
    assert response.status_code == 200 and message in response.content.decode()
    assert not OfficialDocument.objects.exists()


def test_a_list_without_award_column_takes_the_award_chosen_for_it(office, awards):
    content = "STT,Họ và tên,Chức vụ,Đơn vị\n1,Nguyễn Văn An,Chuyên viên,Phòng A\n2,Phòng B,,Sở\n".encode()
    html = upload(office, "giay-khen.csv", content, default_award=awards["giay-khen"].pk).content.decode()
    assert [row[5:7] for row in preview_rows(html)] == [["Cá nhân", "Giấy khen"], ["Tập thể", "Giấy khen"]]


def test_limits_and_a_tampered_preview(office, settings):
    settings.THIDUA_RECIPIENT_IMPORT_MAX_SIZE = 100
    html = upload(office, "ds.csv", b"x" * 200).content.decode()
    assert "Tệp quá lớn" in html
    settings.THIDUA_RECIPIENT_IMPORT_MAX_SIZE = 5 * 1024 * 1024
    settings.THIDUA_RECIPIENT_IMPORT_MAX_ROWS = 3
    rows = "".join(f"{n},Người {n},,,Giấy khen\n" for n in range(1, 40))
    html = upload(office, "ds.csv", ("STT,Họ và tên,Chức vụ,Đơn vị,Danh hiệu\n" + rows).encode()).content.decode()
    assert "tối đa 3 người" in html
    response = office.post(URL, {**FORM, "rows": "forged"})
    assert response.status_code == 200 and "Bản xem trước đã hết hạn" in response.content.decode()
    assert not OfficialDocument.objects.exists()


def test_only_those_who_may_add_documents_import(client, awards):
    editor, group = factories.admin_user_in_group("unit-editor", "Biên tập đơn vị")
    client.force_login(editor)
    response = client.get(URL)
    assert response.status_code == 302 and response.url == "/admin/"  # Wagtail's answer to a refused admin view
    assert URL not in client.get("/admin/").content.decode()  # not in the menu
    group.permissions.add(Permission.objects.get(codename="add_officialdocument"))
    response = client.get(URL)
    assert response.status_code == 200 and "Nhập danh sách khen thưởng" in response.content.decode()
    assert URL in client.get("/admin/").content.decode()


def test_a_recipient_who_has_a_profile_is_pointed_out(office, sections):
    factories.make_profile(sections["profiles"], "Nguyễn Thị Hoa")
    content = "STT,Họ và tên,Chức vụ,Đơn vị,Hình thức\n1,Nguyễn Thị Hoa,Trưởng phòng,Phòng A,Giấy khen\n".encode()
    html = upload(office, "ds.csv", content).content.decode()
    assert "trang có hồ sơ “Nguyễn Thị Hoa”" in html
    assert "Nhập thành quyết định nháp" in html  # a warning does not stop the import



def test_names_with_a_title_of_address_and_the_position_in_the_same_cell(office, awards):
    """Lists printed with the decision name people "Ông …"/"Bà …", often with the position after a comma."""
    content = ("TT,Tên tập thể / cá nhân\n"
               "1,\"Bà Lê Thị Hoa, Chuyên viên Văn phòng Sở\"\n"
               "2,Ông Phạm Văn Tài\n"
               "3,Đồng chí Hà Văn Sơn\n"
               "4,Hộ ông Lò Văn Pủa\n"
               "5,Phòng Quản lý khoa học\n").encode()
    html = upload(office, "ds.csv", content, default_award=awards["bang-khen-chu-tich-ubnd-tinh"].pk).content.decode()
    assert [row[2:6] for row in preview_rows(html)] == [
        ["Lê Thị Hoa", "Chuyên viên Văn phòng Sở", "", "Cá nhân"], ["Phạm Văn Tài", "", "", "Cá nhân"],
        ["Hà Văn Sơn", "", "", "Cá nhân"], ["Hộ ông Lò Văn Pủa", "", "", "Hộ gia đình"],
        ["Phòng Quản lý khoa học", "", "", "Tập thể"]]


def test_the_list_on_another_sheet_than_the_cover_letter(office):
    workbook = openpyxl.Workbook()
    cover = workbook.active
    cover.title = "Tờ trình"
    cover.append(["TỜ TRÌNH Về việc đề nghị tặng Bằng khen"])
    cover.append(["Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh"])
    listing = workbook.create_sheet("Danh sách")
    listing.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức khen thưởng"])
    listing.append([1.0, "Nguyễn Văn An", "Kỹ sư", "Phòng Thử nghiệm", "Bằng khen của Bộ trưởng Bộ Khoa học và Công nghệ"])
    hidden = workbook.create_sheet("Cũ")
    hidden.sheet_state = "hidden"
    out = io.BytesIO()
    workbook.save(out)
    html = upload(office, "to-trinh.xlsx", out.getvalue()).content.decode()
    assert [row[1:7] for row in preview_rows(html)] == [
        ["1", "Nguyễn Văn An", "Kỹ sư", "Phòng Thử nghiệm", "Cá nhân", "Bằng khen của Bộ trưởng"]]


def test_a_household_listed_among_collectives_stays_a_household(office):
    content = ("STT,Họ và tên,Đơn vị,Hình thức khen thưởng\n"
               "II,TẬP THỂ,,\n"
               "1,Thôn Khuôn Ngàn,Xã Quân Chu,Bằng khen của Chủ tịch UBND tỉnh\n"
               "2,Hộ ông Lò Văn Pủa,Xã Quân Chu,Bằng khen của Chủ tịch UBND tỉnh\n").encode()
    html = upload(office, "ds.csv", content).content.decode()
    assert [(row[2], row[5]) for row in preview_rows(html)] == [("Thôn Khuôn Ngàn", "Tập thể"),
                                                              ("Hộ ông Lò Văn Pủa", "Hộ gia đình")]


def test_a_workbook_that_would_unpack_too_large_is_refused_unread(office, monkeypatch):
    from thidua_wagtail import recipient_import

    monkeypatch.setattr(recipient_import, "MAX_XLSX_UNCOMPRESSED", 1000)
    html = upload(office, "ds.xlsx", xlsx(OFFICIAL)).content.decode()
    assert "Bảng tính giải nén ra hơn" in html and "không thể là một danh sách khen thưởng" in html
    assert '<table class="listing">' not in html  # refused before any row is read
