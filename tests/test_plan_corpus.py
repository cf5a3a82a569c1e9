"""Issue 19: the plan importer on plans it was not written for. ``tests/plan_corpus/`` holds plans in the shapes
departments receive (district, provincial and department plans, "Căn cứ" and "Thực hiện" preambles, text pasted
from a PDF with its columns merged and its lines broken, spaced numbers, dates in words, TM./KT./Q./TL. signer
blocks), each with the fields a reader finds in it (``<name>.json``). The test reports, over the corpus, how many
fields came out right and which words were lost, and fails on any wrong field or lost word."""

import datetime
import json
import re
from pathlib import Path

import pytest

from thidua_wagtail.plans.parser import parse_plan
from thidua_wagtail.plans.reader import read_plan_file

CORPUS = Path(__file__).resolve().parent / "plan_corpus"
DOCUMENTS = sorted(path for path in CORPUS.iterdir() if path.suffix != ".json")
# Words that only label the structure (the draft keeps what they label, in its fields).
LABELS = {"số", "nơi", "nhận", "kế", "hoạch", "ngày", "tháng", "năm", "i", "ii", "iii", "iv", "v", "cộng", "hòa", "hoà",
          "xã", "hội", "chủ", "nghĩa", "việt", "nam", "độc", "lập", "tự", "do", "hạnh", "phúc"}


def fields(plan):
    def refs(items):
        return [[item.number, item.issue_date.isoformat() if item.issue_date else None] for item in items]

    return {
        "number": plan.number, "doc_type": plan.doc_type, "place": plan.place,
        "issue_date": plan.issue_date.isoformat() if plan.issue_date else None, "title": plan.title,
        "letterhead": plan.letterhead, "implements": refs(plan.implements), "based_on": refs(plan.based_on),
        "assignees": [item.assignee for item in plan.responsibilities], "recipients": plan.recipients,
        "signer_title": plan.signer_title, "signer_name": plan.signer_name, "movements": plan.movements,
        "quoted_not_movements": plan.quoted, "closing": plan.closing,
        "extra_headings": [heading for heading, _lines in plan.extra if heading],
    }


def words(text):
    return re.findall(r"\w+", text.casefold())


def kept_words(plan):
    """Every word the parsed plan holds, in any of its parts."""
    parts = [plan.number, plan.place, plan.title, *plan.letterhead, *plan.preamble, *plan.purposes,
             *plan.requirements, *plan.content, *plan.closing, *plan.recipients, *plan.signer_title, plan.signer_name,
             *(item.text for item in plan.responsibilities), *(f"{h} {' '.join(lines)}" for h, lines in plan.extra),
             *plan.headings.values()]
    if plan.issue_date:
        day = plan.issue_date
        parts.append(f"{day.day} {day.day:02d} {day.month} {day.month:02d} {day.year}")
    return set(words(" ".join(parts)))


def source_words(path, source):
    """The text whose words the parsed plan must keep: the file's, a Word file's runs, a PDF's source text."""
    if source:
        return (CORPUS / source).read_text(encoding="utf-8")
    if path.suffix == ".docx":
        import io

        import docx

        body = docx.Document(io.BytesIO(path.read_bytes())).element.body
        return "\n".join(text for text in body.itertext())
    return path.read_text(encoding="utf-8")


def parse(path):
    return parse_plan(read_plan_file(path.name, path.read_bytes()))


def test_the_corpus_is_varied_enough():
    assert len(DOCUMENTS) >= 12
    assert {path.suffix for path in DOCUMENTS} == {".txt", ".docx", ".pdf"}
    shapes = " ".join(path.read_text(encoding="utf-8") for path in DOCUMENTS if path.suffix == ".txt")
    for shape in ("Căn cứ", "Thực hiện Kế hoạch", "/ KH - ", "TM.", "KT.", "Q. ", "tháng"):
        assert shape in shapes, shape


def test_every_field_right_and_no_word_lost_over_the_corpus(capsys):
    right = total = 0
    wrong, lost = [], {}
    for path in DOCUMENTS:
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        source = expected.pop("source_text", None)  # a PDF's words are those of the text it was made from
        plan = parse(path)
        found = fields(plan)
        for name, value in expected.items():
            total += 1
            if found[name] == value:
                right += 1
            else:
                wrong.append(f"{path.name} {name}: {found[name]!r} (expected {value!r})")
        text = source_words(path, source)
        # (Numbers of one or two digits are the items' numbering: "1.", "2.", "a)".)
        missing = sorted(word for word in set(words(text)) - kept_words(plan) - LABELS
                         if not (word.isdigit() and len(word) <= 2))
        if missing:
            lost[path.name] = missing
    with capsys.disabled():
        print(f"\nPlan corpus: {right}/{total} fields right over {len(DOCUMENTS)} plans; "
              f"words lost: {sum(map(len, lost.values()))}")
    assert wrong == [] and lost == {}


@pytest.mark.parametrize("text, number, date", [
    ("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;", "06/2022/QH15",
     datetime.date(2022, 6, 15)),
    ("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ;", "152/2025/NĐ-CP", datetime.date(2025, 6, 14)),
    ("Thực hiện Công văn số 1234 / UBND - NC ngày 3 tháng 9 năm 2024 của UBND tỉnh về …", "1234/UBND-NC",
     datetime.date(2024, 9, 3)),
])
def test_references_are_read_whole_with_their_dates(text, number, date):
    plan = parse_plan(["Số: 1/KH-UBND", "Hà Nội, ngày 1 tháng 1 năm 2025", "KẾ HOẠCH", "Thi đua năm 2025", text,
                       "I. MỤC ĐÍCH, YÊU CẦU", "- Thi đua.", "Nơi nhận:", "- Lưu: VT."])
    [reference] = plan.based_on or plan.implements
    assert (reference.number, reference.issue_date) == (number, date)
    assert (plan.based_on != []) == text.startswith("Căn cứ")


def import_in_admin(client, sections, name, data, issuing_body, **headers):
    """What an Office editor does: sign in, upload the plan to the campaign list, with sub-campaigns."""
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(get_user_model().objects.create_superuser("editor", "e@example.org", "pw"))
    response = client.post("/admin/thidua_plan_import/", {
        "parent": sections["campaigns"].pk, "file": SimpleUploadedFile(name, data), "issuing_body": issuing_body,
        "create_movements": "on"}, **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_importing_a_district_plan_links_what_it_is_issued_under_and_lists_quoted_names(client, sections):
    from thidua_wagtail.models import CampaignPage, DocumentImplements, OfficialDocument

    path = CORPUS / "01-huyen-can-cu.txt"
    html = import_in_admin(client, sections, path.name, path.read_bytes(), "UBND huyện Đại Từ")
    assert "98/2023/NĐ-CP (31/12/2023)" in html and "“Khu dân cư kiểu mẫu”" in html
    plan = OfficialDocument.objects.get(number="08/KH-UBND")
    links = {(link.implemented.number, link.relation) for link in DocumentImplements.objects.filter(document=plan)}
    assert links == {("06/2022/QH15", "basis"), ("98/2023/NĐ-CP", "basis"), ("2150/QĐ-UBND", "basis")}
    campaign = CampaignPage.objects.get(title__startswith="Triển khai phong trào thi đua")
    assert not CampaignPage.objects.filter(parent_campaign=campaign).exists()  # a model is not a movement
    headings = [block.value["text"] for block in campaign.content if block.block_type == "heading"]
    assert headings == ["Nội dung, chỉ tiêu thi đua", "III. KHEN THƯỞNG"]  # unknown: kept whole
    # The plan, once public, shows on its registry page what it is issued under.
    OfficialDocument.objects.update(is_public=True)
    page = client.get(f"/vi/van-ban-thi-dua/{plan.pk}/").content.decode()
    assert "Căn cứ ban hành" in page and "06/2022/QH15" in page


# ---------------------------------------------------------------------------
# Real PDFs
# ---------------------------------------------------------------------------

FONT = Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")  # Debian's fonts-noto-core (make browser)
MOTTO = ("CỘNG HÒA", "Độc lập")


def columns(text):
    """A corpus plan's head (letterhead and number | motto and place-date), body, and tail (recipients | signer)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    type_line = next(index for index, line in enumerate(lines) if line == "KẾ HOẠCH")
    head = lines[:type_line]
    split = next(index for index, line in enumerate(head) if line.startswith(MOTTO))
    left, right = list(head[:split]), head[split:]
    tail_start = next(index for index, line in enumerate(lines) if line.startswith("Nơi nhận"))
    tail = lines[tail_start:]
    signer_start = next(index for index, line in enumerate(tail) if index and not line.startswith("-"))
    return (left, right), lines[type_line:tail_start], (tail[:signer_start], tail[signer_start:])


def make_pdf(text):
    """The plan as a department's PDF: two-column letterhead and signer block, body wrapped at the page's width, page
    numbers at the foot."""
    from fpdf import FPDF

    if not FONT.exists():
        pytest.fail(f"{FONT} is missing: run `make browser` (installs fonts-noto-core)")
    (left, right), body, (recipients, signer) = columns(text)

    class Plan(FPDF):
        def footer(self):
            self.set_y(-15)
            self.cell(0, 10, str(self.page_no()), align="C")

    pdf = Plan(format="A4")
    pdf.add_font("Noto", fname=str(FONT))
    pdf.set_font("Noto", size=12)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    top = pdf.get_y()
    pdf.multi_cell(80, 6, "\n".join(left), align="C")
    below = pdf.get_y()
    pdf.set_xy(100, top)
    pdf.multi_cell(95, 6, "\n".join(right), align="C")
    pdf.set_y(max(below, pdf.get_y()) + 6)
    for line in body:
        pdf.multi_cell(0, 6, line, align="C" if line == "KẾ HOẠCH" else "J")
        pdf.ln(1)
    pdf.ln(4)
    top = pdf.get_y()
    if top > 230:
        pdf.add_page()
        top = pdf.get_y()
    pdf.multi_cell(80, 6, "\n".join(recipients))
    pdf.set_xy(100, top)
    pdf.multi_cell(95, 6, "\n".join(signer), align="C")
    return bytes(pdf.output())


TYPED = [path.stem for path in DOCUMENTS if path.suffix == ".txt" and "pdf" not in path.stem]


@pytest.mark.parametrize("name", TYPED)
def test_a_real_pdf_of_a_plan_reads_like_its_text(name):
    """Each typed plan of the corpus, laid out as a department's PDF, reads to the same fields."""
    expected = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
    data = make_pdf((CORPUS / f"{name}.txt").read_text(encoding="utf-8"))
    lines = read_plan_file(f"{name}.pdf", data)
    found = fields(parse_plan(lines))
    assert {key: found[key] for key in expected} == expected


def test_a_scanned_pdf_is_refused_with_what_to_do():
    from fpdf import FPDF
    from PIL import Image

    from thidua_wagtail.plans.reader import PlanReadError

    pdf = FPDF()
    pdf.add_page()
    pdf.image(Image.new("RGB", (400, 560), "white"), x=10, y=10, w=190)
    with pytest.raises(PlanReadError, match="không có lớp chữ: đó là ảnh quét"):
        read_plan_file("scan.pdf", bytes(pdf.output()))


def test_a_hostile_pdf_costs_a_message_not_a_worker(monkeypatch):
    from thidua_wagtail.plans import pdf_text
    from thidua_wagtail.plans.reader import PlanReadError

    # A page tree whose kids point back at itself.
    loop = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\n"
            b"trailer << /Root 1 0 R >>\n%%EOF")
    with pytest.raises(PlanReadError, match="không phải là tài liệu PDF hợp lệ"):
        read_plan_file("loop.pdf", loop)
    # A reading that does not end is stopped.
    monkeypatch.setattr(pdf_text, "TIMEOUT", 0.01)
    pdf = make_pdf((CORPUS / "03-so-thuc-hien-title.txt").read_text(encoding="utf-8"))
    monkeypatch.setattr(pdf_text.read_pdf, "__defaults__", (0.01,))
    with pytest.raises(PlanReadError, match="Đọc tệp PDF này quá lâu"):
        read_plan_file("slow.pdf", pdf)


# ---------------------------------------------------------------------------
# Word tables
# ---------------------------------------------------------------------------


def table_plan_docx():
    """A department's Word plan: the letterhead and the signature laid out in tables, and two tables of content, one
    with cells merged across and down (a task spanning two columns, a unit in charge of two rows)."""
    import io

    import docx

    document = docx.Document()
    head = document.add_table(rows=1, cols=2)
    head.cell(0, 0).text = "UBND TỈNH LẠNG SƠN\nSỞ Y TẾ\nSố: 31/KH-SYT"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLạng Sơn, ngày 12 tháng 1 năm 2026"
    for text in ("KẾ HOẠCH", "Phát động phong trào thi đua “Thầy thuốc Lạng Sơn làm theo lời Bác” năm 2026",
                 "Căn cứ Kế hoạch số 9/KH-UBND ngày 5/1/2026 của UBND tỉnh về công tác thi đua năm 2026;",
                 "Sở Y tế ban hành Kế hoạch như sau:", "I. MỤC ĐÍCH, YÊU CẦU", "- Nâng cao chất lượng khám chữa bệnh.",
                 "II. NỘI DUNG, CHỈ TIÊU", "Các chỉ tiêu thi đua năm 2026:"):
        document.add_paragraph(text)
    targets = document.add_table(rows=4, cols=3)
    for row, cells in enumerate([("STT", "Chỉ tiêu", "Mức phấn đấu"), ("1", "Bệnh viện đạt chuẩn", "100%"),
                                 ("2", "Trạm y tế có bác sĩ", "95%"), ("3", "Hài lòng của người bệnh", "trên 90%")]):
        for column, text in enumerate(cells):
            targets.cell(row, column).text = text
    document.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    tasks = document.add_table(rows=4, cols=3)
    for row, cells in enumerate([("Nội dung", "Đơn vị chủ trì", "Thời gian"),
                                 ("Phát động phong trào", "Văn phòng Sở", "Quý I"),
                                 ("Sơ kết giữa năm", "", "Tháng 7"),
                                 ("Tổng kết, khen thưởng cuối năm", "", "")]):
        for column, text in enumerate(cells):
            if text:
                tasks.cell(row, column).text = text
    tasks.cell(1, 1).merge(tasks.cell(2, 1))  # one unit in charge of two rows
    tasks.cell(3, 0).merge(tasks.cell(3, 2))  # a task across the row
    document.add_paragraph("Trên đây là Kế hoạch phát động phong trào thi đua năm 2026 của Sở Y tế./.")
    tail = document.add_table(rows=1, cols=2)
    tail.cell(0, 0).text = "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT."
    tail.cell(0, 1).text = "GIÁM ĐỐC\n\nLê Văn Hải"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_tables_come_through_whole_as_tables(client, sections):
    from thidua_wagtail.models import CampaignPage

    data = table_plan_docx()
    plan = parse_plan(read_plan_file("ke-hoach-31.docx", data))
    assert (plan.number, plan.signer_name, plan.recipients) == ("31/KH-SYT", "Lê Văn Hải", ["UBND tỉnh", "Lưu: VT"])
    assert [item.number for item in plan.based_on] == ["9/KH-UBND"]
    import_in_admin(client, sections, "ke-hoach-31.docx", data, "Sở Y tế")
    campaign = CampaignPage.objects.get(title__startswith="Phát động phong trào thi đua")
    tables = [block.value for block in campaign.content if block.block_type == "table"]
    assert [[list(row) for row in table["rows"]] for table in tables] == [
        [["STT", "Chỉ tiêu", "Mức phấn đấu"], ["1", "Bệnh viện đạt chuẩn", "100%"], ["2", "Trạm y tế có bác sĩ", "95%"],
         ["3", "Hài lòng của người bệnh", "trên 90%"]],
        [["Nội dung", "Đơn vị chủ trì", "Thời gian"], ["Phát động phong trào", "Văn phòng Sở", "Quý I"],
         ["Sơ kết giữa năm", "", "Tháng 7"], ["Tổng kết, khen thưởng cuối năm", "", ""]],
    ]
    assert all(table["header_row"] for table in tables)
    headings = [block.value["text"] for block in campaign.content if block.block_type == "heading"]
    assert headings == ["Nội dung, chỉ tiêu", "Tổ chức thực hiện"]
    # The page shows them as tables, with column headings.
    campaign.save_revision().publish()
    html = client.get(campaign.url).content.decode()
    assert '<th scope="col">Mức phấn đấu</th>' in html and "<td>Trạm y tế có bác sĩ</td>" in html


def test_the_result_page_shows_where_each_part_was_read(client, sections):
    path = CORPUS / "02-tinh-pdf-paste.txt"
    html = import_in_admin(client, sections, path.name, path.read_bytes(), "UBND tỉnh", HTTP_ACCEPT_LANGUAGE="en")
    sources = html.split('<details class="thidua-import-sources">', 1)[1].split("</details>", 1)[0]
    # The merged columns were split: the number's line no longer holds the place and date.
    assert '<th scope="row">Number</th><td>Số: 112 /KH-UBND</td>' in sources
    assert '<th scope="row">Place and date</th><td>Thái Nguyên, ngày 05 tháng 4 năm 2023</td>' in sources
    assert "Implements 45/KH-TĐKT</th><td>Thực hiện Kế hoạch số 45/KH-TĐKT ngày 06 tháng 3 năm 2023 của Hội đồng Thi" \
           " đua - Khen thưởng Trung ương" in sources
    assert '<th scope="row">Signer</th><td>TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Đặng Xuân Trường</td>' \
           in sources


def test_a_pdf_plan_uploaded_in_the_admin_becomes_drafts_with_its_file(client, sections):
    from thidua_wagtail.models import CampaignPage, OfficialDocument

    path = CORPUS / "12-so-can-cu-luat.pdf"
    import_in_admin(client, sections, path.name, path.read_bytes(), "Sở Khoa học và Công nghệ")
    document = OfficialDocument.objects.get(number="102/KH-SKHCN")
    assert document.file.file.name.endswith(".pdf") and document.file.file.read() == path.read_bytes()
    assert document.signer_name == "Trần Thị Kim Oanh" and not document.is_public
    campaign = CampaignPage.objects.get(title="Tổ chức phong trào thi đua đổi mới sáng tạo, chuyển đổi số giai đoạn "
                                               "2025 - 2030")
    assert not campaign.live
    assert [row.assignee_name for row in campaign.responsibilities.all()] == [
        "Văn phòng Sở", "Trung tâm Thông tin và Thống kê khoa học và công nghệ",
        "Thủ trưởng các phòng, đơn vị thuộc Sở"]


def test_the_seed_plan_as_a_department_s_pdf_keeps_its_fields_and_words():
    """The plan this project grew from, with its letterhead, laid out as a PDF: every field as from its text. (Known
    limit: a sentence that ends exactly at the end of a PDF line and the next that starts on the next line are read as
    two paragraphs; no word is lost.)"""
    from thidua_wagtail.demo import SEED_PATH

    text = SEED_PATH.read_text(encoding="utf-8")
    text = "UBND TỈNH THÁI NGUYÊN\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\n" + text.replace(
        "Thái Nguyên, ngày 26", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nThái Nguyên, ngày 26", 1)
    from_text = parse_plan(text.splitlines())
    from_pdf = parse_plan(read_plan_file("ke-hoach-60.pdf", make_pdf(text)))
    assert fields(from_pdf) == fields(from_text)
    assert len(from_pdf.movements) == 3 and from_pdf.unplaced == []
    assert set(words(text.replace("*", ""))) - kept_words(from_pdf) - LABELS <= {"1", "2", "3", "i", "ii", "iii"}
