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

ROMAN = r"(?P<roman>I{1,3}|IV|V|VI{0,3}|IX|X)"
SECTION_RE = re.compile(rf"^{ROMAN}\s*[.\-–:]\s*(?P<heading>.+)$")
NUMBERED_RE = re.compile(r"^(?P<num>\d{1,2})\s*[.)]\s*(?P<text>.+)$")
NUMBER_RE = re.compile(r"^Số\s*:?\s*(?P<num>\d+)\s*/\s*(?P<code>[0-9A-Za-zĐđ\-]+)", re.IGNORECASE)
PLACE_DATE_RE = re.compile(
    r"^(?P<place>[^,]{2,60}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
IMPLEMENTS_RE = re.compile(
    r"(?P<kind>Kế hoạch|Quyết định|Chỉ thị|Công văn|Nghị quyết|Thông tư|Hướng dẫn|Thông báo|Nghị định|Luật)"
    r"\s+(?:số\s+)?(?P<number>\d+/[0-9A-Za-zĐđ\-]+)"
    r"(?:\s+ngày\s+(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4}))?"
    r"(?:\s+của\s+(?P<body>[^,.;]+?))?(?=\s+(?:về|tổ chức|ban hành|triển khai|thực hiện)\b|[,.;]|$)",
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
# Verbs that end the name of the one responsible in "1. Giao Văn phòng Sở có trách nhiệm …"
ASSIGNEE_END = (
    " có trách nhiệm", " chịu trách nhiệm", " chủ trì", " phối hợp", " tổ chức", " thực hiện",
    " theo dõi", " triển khai", " căn cứ", " xây dựng", " tham mưu", ":",
)


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
    return line.replace("\u00a0", " ").replace("\t", " ").strip()


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


def parse_plan(lines):
    plan = ParsedPlan()
    lines = [clean(line) for line in lines]
    lines = [line for line in lines if line]
    i = 0
    n = len(lines)

    # --- Head: letterhead, number, place and date, until the type line (KẾ HOẠCH) --------------
    head_unplaced = []
    while i < n:
        line = lines[i]
        folded = _folded(line)
        if match := NUMBER_RE.match(plain(line)):
            plan.number = f"{match['num']}/{match['code']}"
        elif match := PLACE_DATE_RE.match(plain(line)):
            plan.place = match["place"].strip()
            plan.issue_date = _date(match["d"], match["m"], match["y"])
        elif folded in DOC_TYPES:
            plan.doc_type = DOC_TYPES[folded]
            i += 1
            break
        elif folded in MOTTO or folded.startswith("doc lap") or set(folded) <= set("-–_ "):
            pass  # national motto and its rule
        elif _is_upper(line) and not plan.number:
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

    # --- Title: the lines after the type line, up to the preamble or the first section --------
    title = []
    while i < n and not _starts_body(lines[i]):
        title.append(plain(lines[i]))
        i += 1
        if len(title) >= 3:
            break
    plan.title = " ".join(title)

    # --- Body: preamble, sections, closing, recipients, signer --------------------------------
    target = plan.preamble
    section_kind = "preamble"
    current_extra = None
    while i < n:
        line = lines[i]
        folded = _folded(line)
        i += 1
        if folded.startswith("noi nhan"):
            rest = plain(line).split(":", 1)[1].strip() if ":" in line else ""
            if rest:
                plan.recipients.append(rest.lstrip("-–• ").rstrip(";."))
            i = _read_tail(plan, lines, i)
            break
        if match := SECTION_RE.match(plain(line)):
            heading = fold(match["heading"])
            current_extra = None
            if "muc dich" in heading or "yeu cau" in heading:
                section_kind, target = "aims", plan.purposes if "muc dich" in heading else plan.requirements
            elif "noi dung" in heading or "nhiem vu" in heading:
                section_kind, target = "content", plan.content
            elif "to chuc thuc hien" in heading or "trach nhiem" in heading:
                section_kind, target = "organisation", None
            else:
                section_kind = "extra"
                current_extra = (plain(line), [])
                plan.extra.append(current_extra)
                plan.unplaced.append(plain(line))
                target = current_extra[1]
            continue
        if folded.startswith("tren day la") or folded.startswith("tren day "):
            section_kind, target = "closing", plan.closing
            plan.closing.append(line)
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
            if match or not plan.responsibilities:
                text = match["text"] if match else line
                plan.responsibilities.append(Responsibility(assignee=guess_assignee(text), text=plain(text)))
            else:
                last = plan.responsibilities[-1]
                last.text = f"{last.text}\n{plain(line)}"
            continue
        target.append(line)

    seen = set()  # (a set: a list's "in" made a plan of 50,000 quoted names take minutes)
    for parts in (plan.purposes, plan.requirements, plan.content, plan.preamble, plan.closing):
        for line in parts:
            for match in QUOTED_RE.finditer(line):
                name = plain(match["name"]).strip(" .,;")
                if name and name not in seen:
                    seen.add(name)
                    plan.movements.append(name)
    if len(plan.movements) > MAX_MOVEMENTS:
        plan.movements_left_out = len(plan.movements) - MAX_MOVEMENTS
        del plan.movements[MAX_MOVEMENTS:]
    for line in plan.preamble:
        for match in IMPLEMENTS_RE.finditer(plain(line)):
            plan.implements.append(
                Implemented(
                    doc_type=DOC_TYPES.get(fold(match["kind"]), "other"),
                    number=match["number"],
                    issue_date=_date(match["d"], match["m"], match["y"]) if match["y"] else None,
                    issuing_body=(match["body"] or "").strip(),
                    text=plain(line),
                )
            )
    return plan


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
    """"Giao Văn phòng Sở có trách nhiệm …" -> "Văn phòng Sở"."""
    value = plain(text)
    for prefix in ("Giao cho ", "Giao ", "Đề nghị "):
        if value.startswith(prefix):
            value = value[len(prefix):]
            break
    cut = min((value.find(end) for end in ASSIGNEE_END if value.find(end) > 0), default=-1)
    if cut <= 0:
        return ""
    return value[:cut].strip(" ,")[:255]


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
    """Plan lines to rich text: "- " items become a list, "+ " items a list nested in the previous item."""
    out, items = [], []
    for line in lines:
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
