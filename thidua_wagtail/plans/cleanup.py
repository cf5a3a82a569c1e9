"""Put a plan's lines back in shape before its parts are recognised (``parser.parse_plan`` calls ``tidy``).

Text copied from a PDF (or read from one) comes out the way the page was drawn, not the way it was written:

- the letterhead's two columns share lines: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH THÁI NGUYÊN
  Độc lập - Tự do - Hạnh phúc", "Số: 112 /KH-UBND Thái Nguyên, ngày 05 tháng 4 năm 2023";
- so do the recipients and the signer block at the end: "Nơi nhận: TM. ỦY BAN NHÂN DÂN", "- Sở Nội vụ; KT. CHỦ
  TỊCH", "- Lưu: VT, NC. Đặng Xuân Trường";
- lines are broken where the page ended, in the middle of sentences, numbers and quoted names, and a break at a
  hyphen starts the next line with "- " as a list item would;
- page numbers stand alone.

``tidy`` splits the columns apart, joins the broken lines and drops the page numbers. A plan typed or saved from
Word (one paragraph per line) passes through unchanged: its lines end with punctuation or are short, its list items
follow lines that end with punctuation, and none is only a number.
"""

import re

from .tables import TABLE_MARK

# The national motto's two lines, as written with either placement of the tone mark ("HÒA" / "HOÀ").
MOTTO_RE = re.compile(r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM", re.IGNORECASE)
MOTTO_LINE_RE = re.compile(r"Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc", re.IGNORECASE)
NUMBER_HEAD_RE = re.compile(
    r"^(?P<number>Số\s*:?\s*\d+\s*/\s*[0-9A-Za-zĐđ]+(?:\s*[/\-–]\s*[0-9A-Za-zĐđ]+)*)\s+(?P<rest>\S.*)$",
    re.IGNORECASE)
PLACE_DATE_START_RE = re.compile(r"[^\s,][^,]{0,60},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", re.IGNORECASE)
# A signer block's first line: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Q. GIÁM ĐỐC", "TL. GIÁM ĐỐC", "TUQ. …"
SIGNER_MARK_RE = re.compile(r"\s+(?=(?:TM|KT|Q|TL|TUQ)\.\s*[A-ZÀ-ỸĐ])")
PAGE_NUMBER_RE = re.compile(r"^(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?$|^(?:Trang|Page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?$",
                            re.IGNORECASE)
END_PUNCTUATION = tuple(".;:!?…)”\"*")
# Words that start a paragraph of a plan (its preamble, its closing, its recipients) with a capital letter; in the
# middle of a sentence they would be written in lower case.
PARAGRAPH_START_RE = re.compile(r"^(?:Căn cứ|Thực hiện|Triển khai|Theo|Trên đây|Nơi nhận)\b")
ITEM_START_RE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\s*[.)]\s|[IVX]{1,4}\s*[.\-–:]\s|[a-zđ]\)\s|[+•]\s)")
# A line this long that ends without punctuation was broken by the page's width, not by its writer.
WRAPPED_LENGTH = 50
NAME_RE = re.compile(r"(?:[A-ZÀ-ỸĐ][a-zà-ỹđ]+\s+){1,4}[A-ZÀ-ỸĐ][a-zà-ỹđ]+$")


def is_upper(text):
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def split_head(line):
    """The letterhead's columns of one line, apart."""
    for pattern in (MOTTO_RE, MOTTO_LINE_RE):
        match = pattern.search(line)
        if match and match.start() > 0 and line[:match.start()].strip():
            return [line[:match.start()].strip(), *split_head(line[match.start():].strip())]
    if match := NUMBER_HEAD_RE.match(line):
        rest = match["rest"]
        if PLACE_DATE_START_RE.match(rest):
            return [match["number"].strip(), rest.strip()]
    return [line]


def split_tail(line):
    """A line of the recipients' column with what the signer's column put beside it, apart: (recipient part,
    signer part or "")."""
    parts = SIGNER_MARK_RE.split(line, maxsplit=1)
    if len(parts) == 2 and parts[0].strip():
        return parts[0].rstrip(), parts[1].strip()
    # "- Thường trực Tỉnh ủy (b/c); PHÓ CHỦ TỊCH": an upper-case title after the recipient's ";" or "."
    match = re.match(r"^(?P<recipient>[-–•+].*?[;.])\s+(?P<signer>[^;.]+)$", line)
    if match and is_upper(match["signer"]):
        return match["recipient"], match["signer"].strip()
    # "- Lưu: VT, NC. Đặng Xuân Trường": the signer's name after the last recipient
    match = re.match(r"^(?P<recipient>[-–•+].*?\.)\s+(?P<name>\S.*)$", line)
    if match and NAME_RE.fullmatch(match["name"].strip()):
        return match["recipient"], match["name"].strip()
    return line, ""


def looks_wrapped(lines):
    """Whether the text was broken by a page's width (copied from a PDF): page numbers on their own, or several lines
    that continue the one before in lower case. A typed or Word plan has neither."""
    page_numbers = sum(1 for line in lines if PAGE_NUMBER_RE.match(line))
    continued = sum(1 for line in lines[1:] if line[0].islower() and not re.match(r"^[a-zđ]\)\s", line))
    return page_numbers > 0 or continued >= 3


def tidy(lines):
    """``lines`` (stripped, non-empty) with columns apart, broken lines joined and page numbers dropped."""
    wrapped = looks_wrapped(lines)
    lines = [line for line in lines if not PAGE_NUMBER_RE.match(line)]
    # The head, up to the document's type line: its columns apart.
    out = []
    for index, line in enumerate(lines):
        if index < 12:
            out.extend(split_head(line))
        else:
            out.append(line)
    lines = out
    # The tail, from "Nơi nhận": the recipients' column, then the signer's.
    for index, line in enumerate(lines):
        if re.match(r"^N[ơo]i\s+nh[ậa]n\b", line, re.IGNORECASE):
            signer = signer_before(lines, index)
            lines = lines[:index - len(signer)] + tail(lines[index:]) + signer
            break
    return join_broken(lines, wrapped)


def signer_before(lines, index):
    """The signer's block when a PDF put it before the recipients beside it ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã
    ký)", the name, just above "Nơi nhận"): those lines, or []."""
    start = index
    while start > 0 and index - start < 8:
        previous = lines[start - 1]
        if not (is_upper(previous) or NAME_RE.fullmatch(previous) or re.fullmatch(r"\([^)]{2,30}\)", previous)):
            break
        start -= 1
    block = lines[start:index]
    if block and (SIGNER_MARK_RE.match(" " + block[0]) or (
            len(block) >= 2 and is_upper(block[0]) and NAME_RE.fullmatch(block[-1]))):
        return block  # "KT. GIÁM ĐỐC" …, or a title in capitals … and a name ("CỤC TRƯỞNG", "Lưu Hoàng Long")
    return []


def tail(lines):
    """Recipients first, then the signer block, each in its order, whichever column a line's part came from."""
    recipients, signer = [], []
    head = lines[0]
    first, beside = split_tail(head) if SIGNER_MARK_RE.search(head) else (head, "")
    # "Nơi nhận: TRƯỞNG PHÒNG": a signer's title in capitals beside the heading
    if match := re.match(r"^(?P<heading>N[ơo]i\s+nh[ậa]n\s*:)\s*(?P<signer>\S.*)$", first, re.IGNORECASE):
        if is_upper(match["signer"]):
            first, beside = match["heading"], f"{match['signer']}\n{beside}".strip()
    recipients.append(first)
    if beside:
        signer.extend(beside.split("\n"))
    in_list = True
    for line in lines[1:]:
        if in_list and line.startswith(("-", "–", "•", "+")):
            recipient, beside = split_tail(line)
            recipients.append(recipient)
            if beside:
                signer.append(beside)
        else:
            in_list = False
            signer.append(line)
    return recipients + signer


def join_broken(lines, wrapped):
    """Join the lines a page's width broke: a line starting in lower case, a line after one that leaves a quote
    open, and, in text that ``looks_wrapped``, a "- " line after a long line without final punctuation (a break at
    "Thi đua - Khen thưởng"; in a typed plan, a list item after an item without a full stop)."""
    out = []
    for line in lines:
        if out and wrapped and re.search(r"\w[/\-]$", out[-1]) and re.match(r"^[0-9A-ZĐ]", line):
            out[-1] = f"{out[-1]}{line}"  # a number broken after its "/" or "-": "109/KH-" then "UBND …"
        elif out and continues(out[-1], line, wrapped):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def continues(previous, line, wrapped):
    if re.match(r"^[a-zđ]\)\s", line) or TABLE_MARK in (line[:len(TABLE_MARK)], previous[:len(TABLE_MARK)]):
        return False  # "a) …": a list item; a table
    if line[0].islower():
        return True
    if previous.count("“") > previous.count("”"):
        return True
    if not wrapped or len(previous) < WRAPPED_LENGTH or previous.endswith(END_PUNCTUATION) or re.match(
            r"^(?:\d+|[IVX]+)\s*[.)]\s*\S{0,30}$", previous):
        return False
    # A long line without final punctuation, in text broken by a page's width: the next line goes on with it, unless
    # it starts an item ("1.", "II.", "a)", "+ "), a paragraph ("Căn cứ", "Thực hiện" …), a line in capitals (a
    # title, a signer's) or a signer block, or the line before is in capitals (a title's last line). A "- " after it is the rest of
    # "Thi đua - Khen thưởng", not an item, since an item before it would have ended with punctuation.
    return not (ITEM_START_RE.match(line) or PARAGRAPH_START_RE.match(line) or SIGNER_MARK_RE.match(" " + line)
                or is_upper(line) or is_upper(previous))
