"""Recognise the parts of a Vietnamese administrative plan (kế hoạch) in lines of text.

The layout follows Decree 30/2020/NĐ-CP on administrative documents, as in Kế hoạch số 60/KH-KHCN:

    Số: 60 /KH-KHCN                       (number / type code)
    Thái Nguyên, ngày 26 tháng 8 năm 2019  (place and date)
    KẾ HOẠCH                               (type)
    Tuyên truyền, phổ biến, …              (title)
    Thực hiện Kế hoạch số 109/KH-UBND ngày 06/8/2019 …   (what it implements)
    I. MỤC ĐÍCH, YÊU CẦU / 1. Mục đích / 2. Yêu cầu
    II. NỘI DUNG
    III. TỔ CHỨC THỰC HIỆN / 1. Giao Văn phòng Sở …      (responsibilities)
    Nơi nhận: / - …                        (recipients)
    KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Đinh Bộ Sơn           (signer)

Nothing is dropped: a line the parser cannot place goes to ``extra`` (kept in the draft's content) and
is named in ``unplaced`` so the editor can move it.
"""

import datetime
import html
import re
from dataclasses import dataclass, field

from ..text import fold
from .cleanup import tidy
from .tables import table_rows, table_text

ROMAN = r"(?P<roman>I{1,3}|IV|V|VI{0,3}|IX|X)"
SECTION_RE = re.compile(rf"^{ROMAN}\s*[.\-–:]\s*(?P<heading>.+)$")
NUMBERED_RE = re.compile(r"^(?P<num>\d{1,2})\s*[.)]\s*(?P<text>.+)$")
# "Số: 60 /KH-KHCN", "Số: 08 / KH - UBND": spaces around "/" and "-" are dropped.
NUMBER_RE = re.compile(r"^Số\s*:?\s*(?P<num>\d+)\s*/\s*(?P<code>[0-9A-Za-zĐđ]+(?:\s*[/\-–]\s*[0-9A-Za-zĐđ]+)*)",
                       re.IGNORECASE)
PLACE_DATE_RE = re.compile(
    r"^(?P<place>[^,]{2,60}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
# A document referred to: "Kế hoạch số 109/KH-UBND ngày 06/8/2019 của Ủy ban nhân dân tỉnh …", "Luật Thi đua, khen
# thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022", "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định
# …", "Chỉ thị số 34-CT/TW" (the Party's numbering): its number read whole (year part, spaces around "/" and "-"),
# its date in figures or in words.
REFERENCE_RE = re.compile(
    r"(?P<kind>Kế hoạch|Quyết định|Chỉ thị|Công văn|Nghị quyết|Thông tư|Hướng dẫn|Thông báo|Nghị định|Luật|Văn bản)"
    r"(?:\s+[^;:\d“”]{1,120}?)?\s+(?:số\s+)?"
    r"(?P<number>\d+(?:-[A-ZĐ]+)?(?:\s*/\s*[0-9A-Za-zĐđ]+(?:\s*[\-–]\s*[0-9A-Za-zĐđ]+)*)+)"
    r"(?:\s+ngày\s+(?:(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})))?"
    r"(?:\s+của\s+(?P<body>(?:(?!\s+(?:về|tổ chức|ban hành|triển khai|thực hiện|quy định|hướng dẫn|nhằm|để)\b)"
    r"[^,.;:])+))?",
)
QUOTED_RE = re.compile(r"[“\"]\s*\*{0,2}(?P<name>[^”\"*]{6,200}?)\*{0,2}\s*[”\"]")
# Quoted movement names made draft sub-campaigns: a plan names a handful; more are left to the editor.
MAX_MOVEMENTS = 30
MOTTO = ("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "doc lap – tu do – hanh phuc")

# Word at the head of the title block -> OfficialDocument.DocType value
DOC_TYPES = {
    "ke hoach": "plan",
    "quyet dinh": "decision",
    "chi thi": "directive",
    "huong dan": "guidance",
    "bao cao": "report",
    "thong bao": "notice",
    "cong van": "official_letter",
}
# The first word of each line of a letterhead names a body ("ỦY BAN NHÂN DÂN", "TỈNH THÁI NGUYÊN", "SỞ Y TẾ"); a line
# that starts otherwise ("NGUYÊN") is the rest of the line above, broken by a narrow column.
BODY_WORDS = tuple(f"{word} " for word in (
    "uy ban", "ubnd", "hdnd", "hoi dong", "so", "phong", "ban", "bo", "cuc", "chi cuc", "tong cuc", "vu", "vien",
    "tinh", "thanh pho", "huyen", "quan", "thi xa", "xa", "phuong", "thi tran", "cong doan", "lien doan", "doan",
    "dang", "tinh uy", "huyen uy", "thanh uy", "trung tam", "truong", "benh vien", "van phong", "thanh tra",
    "mat tran", "hoi", "tong", "cong ty", "hoc vien", "dai hoc", "ky", "chinh phu", "kho bac", "bao hiem", "cong an",
    "bo chi huy", "bo tu lenh", "quan khu", "toa an", "vien kiem sat", "ngan hang", "doanh nghiep", "lien minh",
))
# Words written in lower case inside the name of a unit, a body or a group of them ("Phòng Nông nghiệp và Phát
# triển nông thôn huyện", "Các trường trung học phổ thông", "Ủy ban nhân dân các xã, thị trấn"): the name of the one
# responsible for an item of "Tổ chức thực hiện" runs while its words are capitalised or among these, and ends at the
# first other word, whatever verb that is ("chủ trì", "là đầu mối", "có trách nhiệm" …).
NAME_WORDS = frozenset("""
và các những thuộc trực cấp huyện tỉnh xã thị trấn thành phố quận phường thôn xóm bản dân khu nông nhân
chuyên môn trung học phổ thông cơ sở đơn vị phòng ban ngành đoàn thể hội đồng quan sự nghiệp công lập trường
mầm non tiểu liên đội lực lượng vũ trang chính trị xã hội doanh nghiệp địa phương toàn tập cá trong ngoài
khoa nghệ kỹ thuật tin truyền văn hóa hoá thể thao du lịch y tế giáo dục tài nguyên môi giao vận tải thương binh
pháp vụ thống kê thi đua khen thưởng hữu trí tuệ
""".split())
# A capitalised syllable may carry lower-case syllables of the same word ("Nội vụ", "Phát triển", "Giáo dục"); one
# that starts what the unit does ("Sở chủ trì", "Văn phòng Sở là …") is not one of them.
PREDICATE_STARTS = frozenset("""
chủ có là phối tổ thực theo xây tham hướng căn chịu gửi báo đôn kiểm bố tuyên chỉ quán làm được cần
nghiên rà trình thông đề tiếp lập định phụ giao tổng cử nắm quản bảo
""".split())
# ... and those that start it only with the syllable after them ("Phát triển" is a name, "triển khai" is not)
PREDICATE_PAIRS = frozenset({"triển khai", "phát động", "phát hiện", "phát huy"})
# Quoted names whose few words before say what they are, and it is not an emulation movement
NOT_MOVEMENT = ("mo hinh", "cuoc thi", "hoi thi", "khau hieu", "chu de", "tai lieu", "van ban", "loi keu goi",
                "chuong trinh", "giai thuong", "de an", "bai hat", "cuon sach", "danh hieu", "chuyen muc")
MOVEMENT_CONTEXT = ("phong trao", "cuoc van dong", "thi dua")


@dataclass
class Responsibility:
    assignee: str
    text: str


@dataclass
class Implemented:
    doc_type: str
    number: str
    issue_date: datetime.date | None
    issuing_body: str
    text: str


@dataclass
class ParsedPlan:
    number: str = ""
    doc_type: str = ""
    place: str = ""
    issue_date: datetime.date | None = None
    letterhead: list = field(default_factory=list)
    title: str = ""
    preamble: list = field(default_factory=list)
    implements: list = field(default_factory=list)
    # The documents of its "Căn cứ …" lines (laws, decrees, decisions it is issued under)
    based_on: list = field(default_factory=list)
    purposes: list = field(default_factory=list)
    requirements: list = field(default_factory=list)
    content: list = field(default_factory=list)
    responsibilities: list = field(default_factory=list)
    closing: list = field(default_factory=list)
    recipients: list = field(default_factory=list)
    signer_title: list = field(default_factory=list)
    signer_name: str = ""
    movements: list = field(default_factory=list)
    movements_left_out: int = 0  # quoted names past MAX_MOVEMENTS, not made sub-campaigns
    # Quoted names that are not emulation movements (a model, a contest, a slogan): kept in the content, listed for
    # the editor to decide
    quoted: list = field(default_factory=list)
    # Where each part was read: part name -> the plan's line (after columns were split and broken lines joined),
    # for the result page, so an editor checks a field against what the plan says
    found: dict = field(default_factory=dict)
    # The headings of the sections it recognised, as written ("II. NỘI DUNG, CHỈ TIÊU THI ĐUA"), by kind
    headings: dict = field(default_factory=dict)
    # Blocks kept in the content as they were: (heading or "", [lines])
    extra: list = field(default_factory=list)
    # Human-readable names of the parts the parser could not place
    unplaced: list = field(default_factory=list)

    @property
    def is_plan_like(self):
        """A plan has at least a number or a date, and a title or a numbered section."""
        has_head = bool(self.number or self.issue_date)
        has_body = bool(self.title and (self.purposes or self.requirements or self.content or self.responsibilities))
        return has_head and has_body


def clean(line):
    """One space between words (a justified PDF line has several), no non-breaking spaces or tabs."""
    return re.sub(r" {2,}", " ", line.replace("\u00a0", " ").replace("\t", " ")).strip()


def plain(text):
    """Without the *emphasis* markers."""
    return re.sub(r"\*{1,2}", "", text).strip()


def _date(d, m, y):
    try:
        return datetime.date(int(y), int(m), int(d))
    except (TypeError, ValueError):
        return None


def _folded(line):
    return fold(plain(line)).strip(" :")


def _is_upper(text):
    letters = [c for c in plain(text) if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _number(text):
    """A document's number and symbol without the spaces a typist or a PDF put in: "08 / KH - UBND" -> "08/KH-UBND"."""
    return re.sub(r"\s+", "", text).replace("–", "-")


def parse_plan(lines):
    plan = ParsedPlan()
    lines = [clean(line) for line in lines]
    lines = tidy([line for line in lines if line])
    i = 0
    n = len(lines)

    # --- Head: letterhead, number, place and date, until the type line (KẾ HOẠCH) --------------
    head_unplaced = []
    while i < n:
        line = lines[i]
        folded = _folded(line)
        if match := NUMBER_RE.match(plain(line)):
            plan.number = f"{match['num']}/{_number(match['code'])}"
            plan.found["number"] = line
        elif match := PLACE_DATE_RE.match(plain(line)):
            plan.place = match["place"].strip()
            plan.issue_date = _date(match["d"], match["m"], match["y"])
            plan.found["date"] = line
        elif folded in DOC_TYPES:
            plan.doc_type = DOC_TYPES[folded]
            plan.found["type"] = line
            i += 1
            break
        elif folded in MOTTO or folded.startswith("doc lap") or set(folded) <= set("-–_ "):
            pass  # national motto and its rule
        elif _is_upper(line) and not plan.number:
            if plan.letterhead and not _folded(line).startswith(BODY_WORDS):
                plan.letterhead[-1] = f"{plan.letterhead[-1]} {plain(line)}"  # "… TỈNH THÁI" then "NGUYÊN"
            else:
                plan.letterhead.append(plain(line))
        else:
            head_unplaced.append(line)
        i += 1
    else:
        # No type line: go back and read everything as body.
        i = 0
        plan.letterhead, head_unplaced = [], []
    if head_unplaced:
        plan.extra.append(("", head_unplaced))
        plan.unplaced.append(" / ".join(plain(x) for x in head_unplaced)[:120])

    # --- Title: the line after the type line, even when it starts "Thực hiện …" or "Triển khai …" (a preamble
    # starts "Căn cứ" or ends "như sau:"), and the lines that continue it, up to the preamble or the first section ---
    title = []
    if i < n and _may_be_title(lines[i]):
        title.append(plain(lines[i]))
        i += 1
        while i < n and not _starts_body(lines[i]) and (
                len(title) < 3 or (_is_upper(lines[i]) and _is_upper(title[-1]))):
            title.append(plain(lines[i]))
            i += 1
    plan.title = " ".join(title)
    if title:
        plan.found["title"] = " / ".join(title)

    # --- Body: preamble, sections, closing, recipients, signer --------------------------------
    target = plan.preamble
    section_kind = "preamble"
    section_heading = ""
    current_extra = None
    while i < n:
        line = lines[i]
        folded = _folded(line)
        i += 1
        if folded.startswith("noi nhan"):
            plan.found["recipients"] = line
            rest = plain(line).split(":", 1)[1].strip() if ":" in line else ""
            if rest:
                plan.recipients.append(rest.lstrip("-–• ").rstrip(";."))
            i = _read_tail(plan, lines, i)
            break
        if match := SECTION_RE.match(plain(line)):
            heading = fold(match["heading"])
            current_extra = None
            section_heading = plain(line)
            if "muc dich" in heading or "yeu cau" in heading:
                section_kind, target = "aims", plan.purposes if "muc dich" in heading else plan.requirements
                key = "aims" if "muc dich" in heading and "yeu cau" in heading else (
                    "purposes" if "muc dich" in heading else "requirements")
                plan.headings[key] = plain(line)
            elif "noi dung" in heading or "nhiem vu" in heading:
                section_kind, target = "content", plan.content
                plan.headings["content"] = plain(line)
            elif "to chuc thuc hien" in heading or "trach nhiem" in heading:
                section_kind, target = "organisation", None
                plan.headings["organisation"] = plain(line)
            else:
                section_kind = "extra"
                current_extra = (plain(line), [])
                plan.extra.append(current_extra)
                plan.unplaced.append(plain(line))
                target = current_extra[1]
            continue
        if folded.startswith("tren day la") or folded.startswith("tren day ") or section_kind == "closing":
            section_kind, target = "closing", plan.closing
            plan.closing.append(line)
            continue
        if table_rows(line) is not None and section_kind in ("aims", "organisation"):
            # A table where only text goes (purposes, requirements, responsibilities) is kept whole in the
            # content, under its section's heading.
            heading = section_heading
            if plan.extra and plan.extra[-1][0] == heading and heading:
                plan.extra[-1][1].append(line)
            else:
                plan.extra.append((heading, [line]))
            continue
        if section_kind == "aims" and (match := NUMBERED_RE.match(plain(line))):
            sub = fold(match["text"]).strip(" :")
            if sub.startswith("muc dich"):
                target = plan.purposes
                continue
            if sub.startswith("yeu cau"):
                target = plan.requirements
                continue
        if section_kind == "organisation":
            match = NUMBERED_RE.match(line)
            if not match and plan.responsibilities and plain(line).endswith(("./.", "/.")):
                # A closing paragraph that does not start "Trên đây là …" ("Yêu cầu các cơ quan … thực hiện./.").
                section_kind, target = "closing", plan.closing
                plan.closing.append(line)
                continue
            if match or not plan.responsibilities:
                text = match["text"] if match else line
                plan.responsibilities.append(Responsibility(assignee=guess_assignee(text), text=plain(text)))
            else:
                last = plan.responsibilities[-1]
                last.text = f"{last.text}\n{plain(line)}"
            continue
        target.append(line)

    _find_movements(plan)
    for line in plan.preamble:
        based_on = _folded(line).startswith("can cu")
        for match in REFERENCE_RE.finditer(plain(line)):
            day, month, year = (match["d"], match["m"], match["y"]) if match["y"] else (match["d2"], match["m2"],
                                                                                        match["y2"])
            (plan.based_on if based_on else plan.implements).append(
                Implemented(
                    doc_type=DOC_TYPES.get(fold(match["kind"]), "other"),
                    number=_number(match["number"]),
                    issue_date=_date(day, month, year) if year else None,
                    issuing_body=(match["body"] or "").strip(),
                    text=plain(line),
                )
            )
    return plan


def _find_movements(plan):
    """Quoted names of emulation movements ("… các phong trào thi đua …, đặc biệt là: “A”, “B”"): a quoted name is
    one when its sentence speaks of a movement and the words just before it do not say it is something else (a
    model, a contest, a slogan …), which goes to ``quoted`` for the editor."""
    seen = set()  # (a set: a list's "in" made a plan of 50,000 quoted names take minutes)
    for parts in (plan.purposes, plan.requirements, plan.content, plan.preamble, plan.closing):
        previous = ""
        for line in parts:
            if table_rows(line) is not None:
                continue  # (its cells are JSON strings, in quotes)
            text = plain(line)
            for match in QUOTED_RE.finditer(text):
                name = plain(match["name"]).strip(" .,;")
                if not name or name in seen:
                    continue
                seen.add(name)
                before = fold(text[:match.start()])
                if not before.strip(" -–•+:;,") and previous.rstrip().endswith((";", ",", ":")):
                    before = f"{fold(previous)} {before}"  # a list of names going on from the line before
                sentence = re.split(r"[.!?]\s", before)[-1]
                near = " ".join(before.split()[-3:])
                if any(word in f"{sentence} {fold(name)}" for word in MOVEMENT_CONTEXT) and not any(
                        word in near for word in NOT_MOVEMENT):
                    plan.movements.append(name)
                else:
                    plan.quoted.append(name)
            previous = text
    if len(plan.movements) > MAX_MOVEMENTS:
        plan.movements_left_out = len(plan.movements) - MAX_MOVEMENTS
        del plan.movements[MAX_MOVEMENTS:]


def _may_be_title(line):
    folded = _folded(line)
    return not (SECTION_RE.match(plain(line)) or folded.startswith(("can cu", "noi nhan"))
                or plain(line).endswith(("như sau:", "như sau")))


def _starts_body(line):
    folded = _folded(line)
    return bool(
        SECTION_RE.match(plain(line))
        or folded.startswith(("thuc hien", "can cu", "theo ", "tren co so", "nham "))
        or folded.startswith("noi nhan")
    )


def _read_tail(plan, lines, i):
    """Recipients ("- …" lines), then the signer's title block (upper case) and name."""
    n = len(lines)
    while i < n and plain(lines[i]).startswith(("-", "–", "•", "+")):
        plan.recipients.append(plain(lines[i]).lstrip("-–•+ ").rstrip(";."))
        i += 1
    rest = [plain(line) for line in lines[i:] if plain(line)]
    title = []
    while rest and _is_upper(rest[0]):
        title.append(rest.pop(0))
    plan.signer_title = title
    if title or rest:
        plan.found["signer"] = " / ".join([*title, *rest])
    leftover = []
    if rest:
        # The name is the last line of the signer block (a stamp's caption or "(Đã ký)" may come before).
        plan.signer_name = rest[-1]
        leftover = rest[:-1]
    if leftover:
        plan.extra.append(("", leftover))
        plan.unplaced.append(" / ".join(leftover)[:120])
    return n


def guess_assignee(text):
    """"Giao Văn phòng Sở có trách nhiệm …" -> "Văn phòng Sở"; "Phòng Nội vụ huyện (Cơ quan Thường trực …) chủ trì
    …" -> "Phòng Nội vụ huyện (Cơ quan Thường trực …)": the words that name a unit, up to the first that does not
    (see ``NAME_WORDS`` and ``PREDICATE_STARTS``). "" when the item does not start with a name."""
    value = plain(text)
    for prefix in ("Giao cho ", "Giao ", "Đề nghị ", "Yêu cầu "):
        if value.startswith(prefix):
            value = value[len(prefix):]
            break
    tokens = re.findall(r"\([^)]*\)|[^\s,()]+|,", value)
    name, previous, capitalised = [], "", False
    for index, token in enumerate(tokens):
        word = token.strip(".:;")
        if token.startswith("("):
            ok = bool(name)
        elif token == ",":
            ok = bool(name)
        elif token in ("-", "–"):
            ok = bool(name)
        else:
            ok = bool(word) and (word[0].isupper() or word.casefold() in NAME_WORDS
                                 or (word == "tổ" and previous in ("các", "những"))
                                 or (capitalised and word.casefold() not in PREDICATE_STARTS
                                     and f"{word} {tokens[index + 1] if index + 1 < len(tokens) else ''}".casefold()
                                     not in PREDICATE_PAIRS))
            if word == "chức" and previous == "tổ":
                ok = True
        if not ok:
            break
        name.append(token)
        capitalised = bool(word) and word[0].isupper()
        previous = word.casefold()
        if token.endswith((".", ":", ";")):
            break
    while name and name[-1] in (",", "-", "–"):
        name.pop()
    if len(name) < 2 or name == tokens:
        return ""
    result = " ".join(name).replace(" ,", ",").strip(" .:;")
    return result[:255]


# ---------------------------------------------------------------------------
# Lines to rich text (also used by the demo)
# ---------------------------------------------------------------------------


def inline_html(text):
    """Escape, then keep **bold**, *emphasis* and <http://links>."""
    text = html.escape(text, quote=False)
    text = re.sub(r"&lt;(https?://[^&\s]+)&gt;", r'<a href="\1">\1</a>', text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", text)
    return re.sub(r"\*([^*]+)\*", r"<i>\1</i>", text)


def lines_to_richtext(lines):
    """Plan lines to rich text: "- " items become a list, "+ " items a list nested in the previous item; a table
    (where a rich text field cannot hold one) a paragraph per row."""
    out, items = [], []
    expanded = []
    for line in lines:
        rows = table_rows(line)
        expanded.extend(table_text(rows) if rows is not None else [line])
    for line in expanded:
        if line.startswith(("- ", "– ", "• ")):
            items.append([inline_html(line[2:]), []])
        elif line.startswith("+ ") and items:
            items[-1][1].append(inline_html(line[2:]))
        else:
            if items:
                out.append(_render_list(items))
                items = []
            out.append(f"<p>{inline_html(line)}</p>")
    if items:
        out.append(_render_list(items))
    return "".join(out)


def _render_list(items):
    parts = []
    for text, children in items:
        nested = "".join(f"<li>{c}</li>" for c in children)
        parts.append(f"<li>{text}{f'<ul>{nested}</ul>' if nested else ''}</li>")
    return f"<ul>{''.join(parts)}</ul>"
