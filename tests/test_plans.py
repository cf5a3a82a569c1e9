"""Plan import: recognising a plan's parts, drafts made all-or-nothing, bad files refused clearly."""

import io
import re
import zipfile

import docx
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils.html import strip_tags
from wagtail.documents import get_document_model

from thidua_wagtail.demo import SEED_PATH
from thidua_wagtail.models import CampaignPage, OfficialDocument
from thidua_wagtail.plans import drafts, parse_plan, parser, read_plan_file
from thidua_wagtail.plans.reader import PlanReadError
from thidua_wagtail.plans.tables import table_rows

from . import factories

SEED = SEED_PATH.read_text(encoding="utf-8")
URL = "/admin/thidua_plan_import/"

# Words a plan uses as labels of its structure; the draft holds what they label, in fields.
LABEL_WORDS = {"số", "kế", "hoạch", "ngày", "tháng", "năm", "i", "ii", "iii", "mục", "đích", "yêu", "cầu", "1", "2",
               "nội", "dung", "tổ", "chức", "thực", "hiện", "nơi", "nhận", "kt",
               # the national motto heading every administrative document
               "cộng", "hòa", "xã", "hội", "chủ", "nghĩa", "việt", "nam", "độc", "lập", "tự", "do", "hạnh", "phúc"}


def words(text):
    return {w.casefold() for w in re.findall(r"\w+", strip_tags(text))}


def draft_words(campaign):
    document = campaign.document_links.get().document
    parts = [campaign.title, campaign.summary, campaign.purposes, campaign.requirements,
             " ".join(str(block.value.source if hasattr(block.value, "source") else block.value)
                      for block in campaign.content),
             " ".join(f"{r.assignee_name} {r.responsibility}" for r in campaign.responsibilities.all()),
             " ".join(p.title for p in CampaignPage.objects.filter(parent_campaign=campaign)),
             document.number, document.place, document.issuing_body, document.signer_title, document.signer_name,
             document.recipients, document.title, document.summary,
             f"{document.issue_date.day} {document.issue_date.month} {document.issue_date.year}",
             " ".join(f"{d.implemented.number} {d.implemented.title}" for d in document.implements_links.all())]
    return set().union(*(words(str(p)) for p in parts))


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def upload(client, index, name, data, **headers):
    return client.post(URL, {"parent": index.pk, "file": SimpleUploadedFile(name, data), "issuing_body":
                             "Sở Khoa học và Công nghệ", "create_movements": "on"}, **headers)


def make_docx(paragraphs, tables=(), number="60"):
    """A .docx with a letterhead table, then paragraphs (text or [(text, style)] runs), then tables."""
    document = docx.Document()
    head = document.add_table(rows=1, cols=2)
    head.cell(0, 0).text = "UBND TỈNH THÁI NGUYÊN\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: " + number + " /KH-KHCN"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nThái Nguyên, ngày 26 tháng 8 năm 2019"
    for paragraph in paragraphs:
        p = document.add_paragraph()
        for text, style in ([(paragraph, "")] if isinstance(paragraph, str) else paragraph):
            run = p.add_run(text)
            run.bold = style == "b"
            run.italic = style == "i"
    for left, right in tables:
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = left
        table.cell(0, 1).text = right
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


SEED_BODY = [line for line in SEED.split("Thái Nguyên, ngày 26 tháng 8 năm 2019", 1)[1].split("Nơi nhận:")[0]
             .splitlines() if line.strip()]


def seed_docx():
    paragraphs = []
    for line in SEED_BODY:
        if line.strip() == "KẾ HOẠCH":
            paragraphs.append([("KẾ HOẠCH", "b")])
        elif "“*" in line:
            runs = []
            for i, piece in enumerate(re.split(r"\*", line)):
                runs.append((piece, "i" if i % 2 else ""))
            paragraphs.append(runs)
        else:
            paragraphs.append(line)
    tail = ("Nơi nhận:\n- Lãnh đạo Sở;\n- Các phòng, đơn vị thuộc Sở;\n- Lưu: VT, VP.",
            "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\nĐinh Bộ Sơn")
    return make_docx(paragraphs, [tail])


def check_seed_parts(plan):
    assert plan.number == "60/KH-KHCN"
    assert plan.doc_type == "plan"
    assert plan.place == "Thái Nguyên" and str(plan.issue_date) == "2019-08-26"
    assert plan.title == "Tuyên truyền, phổ biến, quán triệt thực hiện Đại hội Thi đua yêu nước tỉnh lần thứ V"
    [implemented] = plan.implements
    assert implemented.number == "109/KH-UBND" and str(implemented.issue_date) == "2019-08-06"
    assert implemented.issuing_body == "Ủy ban nhân dân tỉnh Thái Nguyên"
    assert len(plan.purposes) == 3 and plan.purposes[0].startswith("- Phát huy tinh thần")
    assert len(plan.requirements) == 2 and plan.requirements[1].startswith("- Nội dung, hình thức")
    assert len(plan.content) == 8 and plan.content[1].startswith("+ Thông qua các cuộc họp")
    assert [r.assignee for r in plan.responsibilities] == ["Văn phòng Sở", "Các phòng, các đơn vị trực thuộc Sở"]
    assert plan.recipients == ["Lãnh đạo Sở", "Các phòng, đơn vị thuộc Sở", "Lưu: VT, VP"]
    assert plan.signer_title == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and plan.signer_name == "Đinh Bộ Sơn"
    assert plan.movements == [
        "Thái Nguyên chung tay vì người nghèo, không để ai bị bỏ lại phía sau",
        "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
        "Thái Nguyên chung sức xây dựng nông thôn mới",
    ]
    assert plan.unplaced == []


def test_seed_text_parts_are_recognised():
    check_seed_parts(parse_plan(read_plan_file("ke-hoach.txt", SEED.encode("utf-8"))))


def test_docx_parts_are_recognised_with_tables_and_emphasis():
    plan = parse_plan(read_plan_file("ke-hoach.docx", seed_docx()))
    check_seed_parts(plan)
    assert plan.letterhead == ["UBND TỈNH THÁI NGUYÊN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]
    assert any("“*Thái Nguyên chung sức xây dựng nông thôn mới*”" in line for line in plan.content)


def test_import_makes_drafts_keeping_every_word(editor, sections, locale_vi):
    office = factories.make_unit("Văn phòng Sở", locale=locale_vi)
    data = seed_docx()
    response = upload(editor, sections["campaigns"], "ke-hoach-60.docx", data)
    assert response.status_code == 200, response.content.decode()[:2000]
    html = response.content.decode()
    assert "60/KH-KHCN" in html and "Đinh Bộ Sơn" in html and "Văn phòng Sở" in html
    campaign = CampaignPage.objects.get(title__startswith="Tuyên truyền, phổ biến")
    assert not campaign.live and campaign.has_unpublished_changes and campaign.latest_revision is not None
    assert "<ul><li>" in campaign.purposes and "<i>Thái Nguyên chung sức xây dựng nông thôn mới</i>" in str(
        campaign.content[0].value.source)
    subs = CampaignPage.objects.filter(parent_campaign=campaign)
    assert subs.count() == 3 and not subs.filter(live=True).exists()
    document = OfficialDocument.objects.get(number="60/KH-KHCN")
    assert document.file.file.read() == data and document.file.file.name.endswith(".docx")
    assert document.signer_name == "Đinh Bộ Sơn" and document.recipients.splitlines()[0] == "Lãnh đạo Sở"
    assert document.implements_links.get().implemented.number == "109/KH-UBND"
    # Both responsibility rows; the one naming a known unit is linked to it.
    rows = list(campaign.responsibilities.all())
    assert len(rows) == 2 and rows[0].unit == office and rows[0].assignee == ""
    assert rows[1].unit is None and rows[1].assignee == "Các phòng, các đơn vị trực thuộc Sở"
    source = read_plan_file("x.docx", data)
    missing = words("\n".join(source)) - LABEL_WORDS - draft_words(campaign)
    assert missing == set()


def test_unrecognised_parts_are_kept_and_named(editor, sections):
    text = SEED.replace("III. TỔ CHỨC THỰC HIỆN",
                        "IV. KINH PHÍ THỰC HIỆN\n\nKinh phí từ nguồn chi thường xuyên năm 2019.\n\nIII. TỔ CHỨC THỰC HIỆN")
    text = text.replace("KẾ HOẠCH\n", "Bản dự thảo lần hai\n\nKẾ HOẠCH\n", 1)
    response = editor.post(URL, {"parent": sections["campaigns"].pk, "text": text, "issuing_body": "Sở"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "IV. KINH PHÍ THỰC HIỆN" in html and "Bản dự thảo lần hai" in html
    campaign = CampaignPage.objects.get(title__startswith="Tuyên truyền")
    content = " ".join(str(block.value.source if hasattr(block.value, "source") else block.value)
                       for block in campaign.content)
    assert "Kinh phí từ nguồn chi thường xuyên năm 2019." in content and "Bản dự thảo lần hai" in content
    assert words(text) - LABEL_WORDS - draft_words(campaign) == set()
    assert get_document_model().objects.get().file.read().decode() == text.strip()


BAD_FILES = [
    ("empty.docx", b"", "The submitted file is empty."),
    ("corrupt.docx", b"PK\x03\x04" + b"\x00" * 200, "not a valid Word (.docx) document"),
    ("not-a-zip.docx", b"just some bytes pretending", "not a valid Word (.docx) document"),
    ("old.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "save the plan as .docx"),
    ("virus.exe", b"MZ\x90\x00", "Only PDF (.pdf), Word (.docx) and plain text (.txt)"),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer <<>>\n%%EOF", "not a valid PDF"),
    ("not-a.pdf", b"<html>hello</html>", "not a valid PDF"),
    ("latin.txt", "Thái Nguyên, tháng 8 năm 2019".encode("cp1258"), "not in UTF-8"),
    ("poem.txt", "Bầu ơi thương lấy bí cùng\nTuy rằng khác giống nhưng chung một giàn".encode(), "does not look like a plan"),
]


def test_bad_files_get_a_clear_message_and_create_nothing(editor, sections):
    zip_no_docx = io.BytesIO()
    with zipfile.ZipFile(zip_no_docx, "w") as archive:
        archive.writestr("hello.txt", "not a word file")
    cases = BAD_FILES + [("zip.docx", zip_no_docx.getvalue(), "not a valid Word (.docx) document")]
    for name, data, message in cases:
        response = upload(editor, sections["campaigns"], name, data, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200, name
        assert message.replace("(", "").replace(")", "") in response.content.decode().replace("&quot;", '"').replace(
            "(", "").replace(")", ""), name
    assert not CampaignPage.objects.exists()
    assert not OfficialDocument.objects.exists()
    assert not get_document_model().objects.exists()


def test_fifty_megabyte_file_is_refused(editor, sections):
    big = b"PK" + b"\x00" * (50 * 1024 * 1024)
    response = upload(editor, sections["campaigns"], "huge.docx", big, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "too large (50.0 MB)" in response.content.decode()
    assert not CampaignPage.objects.exists() and not get_document_model().objects.exists()


def test_a_failure_half_way_leaves_nothing(editor, sections, monkeypatch):
    def broken(*args, **kwargs):
        raise drafts.PlanImportError("simulated failure while creating the campaign")

    monkeypatch.setattr(drafts, "_draft_campaign", broken)
    response = upload(editor, sections["campaigns"], "ke-hoach.txt", SEED.encode())
    assert "simulated failure" in response.content.decode()
    assert not OfficialDocument.objects.exists() and not get_document_model().objects.exists()
    assert not CampaignPage.objects.exists()


def test_same_plan_twice_is_refused(editor, sections):
    assert upload(editor, sections["campaigns"], "a.txt", SEED.encode()).status_code == 200
    response = upload(editor, sections["campaigns"], "b.txt", SEED.encode(), HTTP_ACCEPT_LANGUAGE="en")
    assert "A document numbered 60/KH-KHCN already exists" in response.content.decode()
    assert OfficialDocument.objects.filter(number="60/KH-KHCN").count() == 1
    assert CampaignPage.objects.filter(parent_campaign__isnull=True).count() == 1


def test_only_editors_who_can_add_campaigns_may_import(client, sections):
    user = get_user_model().objects.create_user("reader", "r@example.org", "pw")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(URL).status_code in (302, 403)
    assert client.post(URL, {"parent": sections["campaigns"].pk, "text": SEED}).status_code in (302, 403)
    assert not CampaignPage.objects.exists()


def test_import_command_batch_with_summary(tmp_path, sections, capsys):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "60.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "plans" / "61.docx").write_bytes(make_docx([
        "KẾ HOẠCH", "Thi đua chào mừng Ngày Khoa học và Công nghệ", "I. MỤC ĐÍCH, YÊU CẦU",
        "- Động viên công chức, viên chức.", "II. NỘI DUNG", "- Thi đua hoàn thành nhiệm vụ.",
        "III. TỔ CHỨC THỰC HIỆN", "1. Văn phòng Sở chủ trì theo dõi."], number="61"))
    (tmp_path / "plans" / "broken.docx").write_bytes(b"not a docx")
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 of 3 plan"):
        call_command("thidua_import_plans", str(tmp_path / "plans"), stdout=out, stderr=io.StringIO())
    text = out.getvalue()
    assert "2 imported, 1 failed, of 3 file(s)." in text
    assert "✗ broken.docx: Tệp không phải là tài liệu Word (.docx) hợp lệ" in text
    assert "60/KH-KHCN → draft “Tuyên truyền, phổ biến" in text and ", 3 sub-campaign(s)" in text
    assert CampaignPage.objects.filter(live=False, parent_campaign__isnull=True).count() == 2
    with pytest.raises(CommandError, match="No such file or folder"):
        call_command("thidua_import_plans", str(tmp_path / "nothing"), stdout=io.StringIO())


# ---------------------------------------------------------------------------
# Issue 15.6: zip bombs, huge plans, nested tables, no orphan files
# ---------------------------------------------------------------------------


def bomb_docx(xml_size):
    """A real .docx whose document.xml holds ``xml_size`` bytes of paragraphs: tiny compressed, huge parsed."""
    source = zipfile.ZipFile(io.BytesIO(make_docx(["Nội dung"])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                paragraph = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
                data = data.replace(b"<w:body>", b"<w:body>" + paragraph * (xml_size // len(paragraph)), 1)
            archive.writestr(item.filename, data)
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_parsed(editor, sections, media_root):
    import os
    import tracemalloc

    data = bomb_docx(40 * 1024 * 1024)
    assert len(data) < 200_000  # 40 MB of XML in a small file, as the probe sent
    tracemalloc.start()
    with pytest.raises(PlanReadError, match="giải nén lớn hơn"):  # (the tests run in Vietnamese)
        read_plan_file("bomb.docx", data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 10 * 1024 * 1024, peak  # nothing was inflated
    response = upload(editor, sections["campaigns"], "bomb.docx", data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and "unpacks to more than" in response.content.decode()
    assert not OfficialDocument.objects.exists() and not get_document_model().objects.exists()
    assert not any(files for _root, _dirs, files in os.walk(media_root))  # no orphan file in media


def test_a_docx_with_thousands_of_parts_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        source = zipfile.ZipFile(io.BytesIO(make_docx(["x"])))
        for item in source.infolist():
            archive.writestr(item.filename, source.read(item.filename))
        for n in range(1200):
            archive.writestr(f"customXml/item{n}.bin", b"")
    with pytest.raises(PlanReadError, match="quá nhiều thành phần"):
        read_plan_file("parts.docx", out.getvalue())


def test_huge_text_plans_are_refused_quickly(editor, sections):
    import time

    items = "\n".join(f"{n % 99 + 1}. Nhiệm vụ số {n} của phòng" for n in range(200_000))
    text = SEED.replace("II. NỘI DUNG", "II. NỘI DUNG\n" + items, 1)
    assert 5_000_000 < len(text.encode()) < 10_000_000  # as the probe's: under the upload limit
    started = time.monotonic()
    response = upload(editor, sections["campaigns"], "dai.txt", text.encode(), HTTP_ACCEPT_LANGUAGE="en")
    assert time.monotonic() - started < 10
    assert "The plan is too long (200" in response.content.decode()
    pasted = "\n".join(text.splitlines()[:25_000])  # (a pasted text stays under Django's 2.5 MB form limit)
    response = editor.post(URL, {"parent": sections["campaigns"].pk, "text": pasted}, HTTP_ACCEPT_LANGUAGE="en")
    assert "The plan is too long" in response.content.decode()
    assert not CampaignPage.objects.exists()


def test_a_plan_quoting_thousands_of_names_makes_a_bounded_number_of_drafts(editor, sections):
    items = "\n".join(f"{n % 99 + 1}. Hưởng ứng “phong trào thi đua số {n}”" for n in range(5000))
    text = SEED.replace("II. NỘI DUNG", "II. NỘI DUNG\n" + items, 1)
    response = editor.post(URL, {"parent": sections["campaigns"].pk, "text": text, "create_movements": "on"},
                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert CampaignPage.objects.filter(parent_campaign__isnull=False).count() == parser.MAX_MOVEMENTS
    assert "only the first 30 became draft sub-campaigns" in response.content.decode()


def test_tables_inside_cells_and_merged_cells_keep_every_word():
    document = docx.Document()
    document.add_paragraph("Số: 08/KH-UBND")
    outer = document.add_table(rows=2, cols=3)
    outer.cell(0, 0).merge(outer.cell(0, 1)).text = "Ô gộp ngang"
    outer.cell(0, 2).text = "Ô thứ ba"
    outer.cell(1, 0).text = "Ô dưới trái"
    outer.cell(1, 1).text = "Ô giữa"
    inner = outer.cell(1, 2).add_table(rows=2, cols=2)
    for r in range(2):
        for c in range(2):
            inner.cell(r, c).text = f"Bảng lồng {r}{c}"
    vertical = document.add_table(rows=3, cols=2)
    vertical.cell(0, 0).merge(vertical.cell(2, 0)).text = "Ô gộp dọc"
    for r in range(3):
        vertical.cell(r, 1).text = f"Hàng {r}"
    out = io.BytesIO()
    document.save(out)
    lines = [line for line in read_plan_file("bang.docx", out.getvalue()) if line.strip()]
    # Tables of the body come through whole, every cell in its column (issue 19): a cell merged across is followed by
    # an empty one, a cell merged down is empty below; a table inside a cell is read into that cell.
    tables = [table_rows(line) for line in lines if table_rows(line) is not None]
    assert tables == [
        [["Ô gộp ngang", "", "Ô thứ ba"],
         ["Ô dưới trái", "Ô giữa", "Bảng lồng 00\nBảng lồng 01\nBảng lồng 10\nBảng lồng 11"]],
        [["Ô gộp dọc", "Hàng 0"], ["", "Hàng 1"], ["", "Hàng 2"]],
    ]


def test_a_worker_killed_during_the_import_leaves_no_file(editor, sections, media_root, monkeypatch):
    """The file is written last: while pages and documents are being made (where a killed worker stops), media
    holds nothing."""
    import os

    seen = []
    real = drafts._draft_campaign

    def watch(*args, **kwargs):
        seen.append([f for _root, _dirs, files in os.walk(media_root) for f in files])
        return real(*args, **kwargs)

    monkeypatch.setattr(drafts, "_draft_campaign", watch)
    assert upload(editor, sections["campaigns"], "ke-hoach.txt", SEED.encode()).status_code == 200
    assert seen == [[]]
    assert get_document_model().objects.get().file.name.endswith(".txt")


def test_the_admin_form_and_the_command_import_the_same_way(editor, sections, home, tmp_path):
    """One entry point (drafts.import_plan_file): both default the issuing body to the organisation's settings of
    the list's site, and both refuse a plan already imported with the same message."""
    from wagtail.models import Site

    factories.set_organisation(Site.objects.get(is_default_site=True), name="Sở Thông tin và Truyền thông")
    assert 'value="Sở Thông tin và Truyền thông"' in editor.get(URL).content.decode()

    plan = tmp_path / "62.docx"
    plan.write_bytes(make_docx(["KẾ HOẠCH", "Thi đua chuyển đổi số", "I. MỤC ĐÍCH, YÊU CẦU", "- Động viên.",
                                "II. NỘI DUNG", "- Thi đua.", "III. TỔ CHỨC THỰC HIỆN", "1. Văn phòng Sở."],
                               number="62"))
    call_command("thidua_import_plans", str(plan), stdout=io.StringIO(), stderr=io.StringIO())
    by_command = CampaignPage.objects.get(title__icontains="chuyển đổi số")
    assert by_command.launching_authority == "Sở Thông tin và Truyền thông"

    response = editor.post(URL, {"parent": sections["campaigns"].pk, "text": SEED, "issuing_body": ""})
    assert response.status_code == 200
    by_form = CampaignPage.objects.get(parent_campaign__isnull=True, title__startswith="Tuyên truyền")
    assert by_form.launching_authority == "Sở Thông tin và Truyền thông"

    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("thidua_import_plans", str(plan), stdout=out, stderr=io.StringIO())
    again = editor.post(URL, {"parent": sections["campaigns"].pk, "file": SimpleUploadedFile("62.docx",
                                                                                             plan.read_bytes())})
    message = "Đã có văn bản số 62/KH-KHCN"  # "A document numbered … already exists"
    assert message in out.getvalue()
    assert message in again.content.decode()
