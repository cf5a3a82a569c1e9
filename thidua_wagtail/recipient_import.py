"""A decision's list of recipients, imported from the spreadsheet the department already keeps (XLSX or CSV).

Lists attached to a commendation decision ("Danh sách … (Kèm theo Quyết định số …)") come in many shapes; the
reader expects none in particular:

- the header row is found among the first rows, under any title rows, by what its cells say: "STT", "Họ và tên"
  (or "Họ tên", "Tên tập thể", "Tên đơn vị, cá nhân" …), "Chức vụ", "Đơn vị" ("Đơn vị công tác", "Cơ quan"),
  "Danh hiệu" / "Hình thức khen thưởng", "Hạng", "Cá nhân/Tập thể"; a row of column numbers ("(1)", "(2)" …)
  under it is skipped;
- cells merged down (a unit written once for its people) are read in every row they cover;
- section rows ("I. CÁ NHÂN", "B. TẬP THỂ", or a form of commendation such as "Bằng khen của Chủ tịch UBND tỉnh")
  set the recipients' kind or award for the rows under them;
- once the rows are numbered, a row without a number is not a recipient (a total, a note, the signature block);
- an award is recognised by its legal name, a local name of the catalogue or a usual abbreviation ("CSTĐCS"), with
  or without marks, its class ("hạng Ba", "hạng III") in the same cell or in its own column; a list that names no
  award takes the one chosen in the form.

Each row is checked as the admin checks an honour (the award exists, fits the recipient, has its class), and every
problem is reported with the spreadsheet's row number. Nothing is saved while one row is wrong; when all are right,
the editor confirms the preview and one transaction creates the decision, private ("draft"), with its list.
"""

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

import openpyxl
from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from .conf import thidua_settings
from .models import Award, DecisionRecipient, ExemplaryProfilePage, OfficialDocument
from .models.honours import RecipientKind, honour_grade_error, honour_kind_error
from .text import fold

HEADER_SCAN = 25  # rows searched for the header
MAX_XLSX_PARTS = 2000
# What a workbook may unpack to: a list of 2,000 recipients is about 2 MB and loads in a quarter of a second;
# 20 MB loads in about 3 s, within any web server's timeout.
MAX_XLSX_UNCOMPRESSED = 20 * 1024 * 1024
SIGNING_SALT = "thidua_wagtail.recipient_import"
PREVIEW_MAX_AGE = 6 * 3600  # seconds a preview may wait for its confirmation

GRADES = {"nhat": "first", "i": "first", "1": "first", "nhi": "second", "ii": "second", "2": "second",
          "ba": "third", "iii": "third", "3": "third"}
GRADE_IN_TEXT = re.compile(r"[\s,;(-]*\bhang\s+(nhat|nhi|ba|iii|ii|i|1|2|3)\b\)?\s*$")
# Abbreviations departments write in their lists (folded), and the catalogue code they stand for.
ABBREVIATIONS = {
    "cstdtq": "chien-si-thi-dua-toan-quoc",
    "cstd cap tinh": "chien-si-thi-dua-cap-tinh", "cstd cap bo": "chien-si-thi-dua-cap-tinh",
    "cstdcs": "chien-si-thi-dua-co-so", "cstd co so": "chien-si-thi-dua-co-so",
    "ldtt": "lao-dong-tien-tien", "cstt": "chien-si-tien-tien",
    "ttldxs": "tap-the-lao-dong-xuat-sac", "ttldtt": "tap-the-lao-dong-tien-tien",
    "bkttcp": "bang-khen-thu-tuong", "bk ttcp": "bang-khen-thu-tuong",
    "gk": "giay-khen",
}
# Abbreviations inside award names (folded), written out before matching.
EXPANSIONS = {"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "ttcp": "thu tuong chinh phu",
              "ttg": "thu tuong", "hc": "huan chuong", "kh&cn": "khoa hoc va cong nghe",
              "khcn": "khoa hoc va cong nghe"}
KINDS = {"ca nhan": RecipientKind.INDIVIDUAL, "tap the": RecipientKind.COLLECTIVE,
         "ho gia dinh": RecipientKind.HOUSEHOLD, "gia dinh": RecipientKind.HOUSEHOLD}
# How the name of a collective or a household begins (folded), when the list does not say who is who.
COLLECTIVE_NAMES = ("phong ", "trung tam", "tap the", "van phong", "chi cuc", "ban ", "vien ", "truong ",
                    "cong ty", "hop tac xa", "doi ", "to ", "so ", "khoa ", "uy ban", "thanh tra", "bo phan",
                    "xa ", "phuong ", "thon ", "ban quan ly", "hoi ", "lien doan", "chi bo", "dang uy")
HOUSEHOLD_NAMES = ("ho ong", "ho ba", "ho gia dinh", "gia dinh ong", "gia dinh ba")
COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")


class RecipientFileError(ValueError):
    """The file cannot be read as a list of recipients; the message is for the editor."""


@dataclass
class Row:
    """One recipient as read and checked: ``line`` is the spreadsheet's row number."""

    line: int
    number: str = ""
    name: str = ""
    position: str = ""
    unit: str = ""
    kind: str = RecipientKind.INDIVIDUAL
    award: int | None = None
    award_text: str = ""
    grade: str = ""
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


# ---------------------------------------------------------------------------
# Reading the file into a grid of texts
# ---------------------------------------------------------------------------


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


def read_grid(name, data):
    """The rows of the file's first sheet as lists of texts."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension == "xlsx":
        return read_xlsx(data)
    if extension in ("csv", "txt"):
        return read_csv(data)
    if extension == "xls":
        raise RecipientFileError(_("Old Excel files (.xls) cannot be read: open the file in Excel or LibreOffice and "
                                   "save it as .xlsx, or as CSV."))
    raise RecipientFileError(_("Upload the list as an Excel workbook (.xlsx) or a CSV file."))


def read_xlsx(data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise RecipientFileError(_("The file is not a valid Excel workbook (.xlsx): it may be damaged.")) from error
    limit = min(thidua_settings.PLAN_MAX_UNCOMPRESSED_SIZE, MAX_XLSX_UNCOMPRESSED)
    if len(parts) > MAX_XLSX_PARTS or sum(part.file_size for part in parts) > limit:
        raise RecipientFileError(_("The workbook unpacks to more than %(limit)s MB: it cannot be a list of "
                                   "recipients.") % {"limit": round(limit / 1024 / 1024, 1)})
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        # The list is on the sheet the workbook opens at, else on another (a submission's first sheet is often its
        # cover letter): the first whose rows have a header.
        sheets = sorted(workbook.worksheets, key=lambda sheet: sheet is not workbook.active)
        grids = [read_sheet(sheet) for sheet in sheets if sheet.sheet_state == "visible"]
    except RecipientFileError:
        raise
    except Exception as error:  # openpyxl, zipfile and lxml raise many kinds on malformed parts
        raise RecipientFileError(_("The file is not a valid Excel workbook (.xlsx): it may be damaged.")) from error
    return next((grid for grid in grids if find_header(grid) is not None), grids[0] if grids else [])


def read_sheet(sheet):
    max_rows = thidua_settings.RECIPIENT_IMPORT_MAX_ROWS + HEADER_SCAN
    if sheet.max_row > max_rows:
        raise RecipientFileError(too_many_rows(sheet.max_row))
    grid = [[cell_text(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    # A cell merged down (a unit written once for several people) counts for each row it covers; a cell merged
    # across (a title, a section) stays in its first column.
    for cells in sheet.merged_cells.ranges:
        top = cells.min_row - 1
        for row in range(top + 1, min(cells.max_row, len(grid))):
            if cells.min_col - 1 < len(grid[row]):
                grid[row][cells.min_col - 1] = grid[top][cells.min_col - 1]
    return grid


def read_csv(data):
    for encoding in ("utf-8-sig", "cp1258"):  # Excel's "CSV UTF-8", or its Vietnamese Windows code page
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1258 decodes nearly any byte
        raise RecipientFileError(_("The CSV file is not in UTF-8. Save it as \"CSV UTF-8\"."))
    if "\x00" in text:
        raise RecipientFileError(_("The CSV file is not in UTF-8. Save it as \"CSV UTF-8\"."))
    text = unicodedata.normalize("NFC", text)
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    grid = [[cell_text(cell) for cell in row] for row in csv.reader(io.StringIO(text), dialect)]
    if len(grid) > thidua_settings.RECIPIENT_IMPORT_MAX_ROWS + HEADER_SCAN:
        raise RecipientFileError(too_many_rows(len(grid)))
    return grid


def too_many_rows(count):
    return _("The sheet has %(count)s rows; lists of up to %(limit)s recipients can be imported at once.") % {
        "count": count, "limit": thidua_settings.RECIPIENT_IMPORT_MAX_ROWS}


# ---------------------------------------------------------------------------
# Understanding the grid
# ---------------------------------------------------------------------------


def column_of(header):
    """Which column a header cell names (folded text), or None."""
    text = re.sub(r"[^a-z0-9/ ]", " ", fold(header))
    text = " ".join(text.split())
    if not text:
        return None
    if text in ("stt", "tt", "so tt", "so thu tu", "no", "#"):
        return "number"
    if ("ho va ten" in text or "ho ten" in text or text.startswith("ten") or "ten tap the" in text
            or "ten don vi" in text or "ten ca nhan" in text or text in ("name", "full name")):
        return "name"
    if "chuc vu" in text or "chuc danh" in text or text == "position":
        return "position"
    if "danh hieu" in text or "hinh thuc" in text or "khen thuong" in text or text == "award":
        return "award"
    if text.startswith("hang") or text == "class":
        return "grade"
    if "doi tuong" in text or ("ca nhan" in text and "tap the" in text) or text in ("loai", "phan loai"):
        return "kind"
    if "don vi" in text or "co quan" in text or "noi cong tac" in text or text == "unit":
        return "unit"
    return None


def find_header(grid):
    """(row index, {column: index}) of the header row, or None."""
    for index, cells in enumerate(grid[:HEADER_SCAN]):
        columns = {}
        for position, cell in enumerate(cells):
            column = column_of(cell)
            if column and column not in columns:
                columns[column] = position
        if "name" in columns and len(columns) >= 2:
            return index, columns
    return None


def normalised(name):
    """An award's name as the matcher compares it: folded, abbreviations written out, punctuation as spaces."""
    words = re.sub(r"[^a-z0-9& ]", " ", fold(name)).split()
    return " ".join(EXPANSIONS.get(word, word) for word in words)


class AwardMatcher:
    """Finds the catalogue's award a cell names, in the decision's language."""

    def __init__(self, locale):
        self.awards = {award.pk: award for award in Award.objects.filter(locale=locale)}
        by_code = {award.code: award for award in self.awards.values()}
        self.names = {}
        for award in self.awards.values():
            for name in (award.name, *award.local_name_list):
                self.names.setdefault(normalised(name), award)
        for abbreviation, code in ABBREVIATIONS.items():
            if code in by_code:
                self.names.setdefault(abbreviation, by_code[code])
        self.longest_first = sorted(self.names, key=len, reverse=True)

    def match(self, text):
        """(award or None, class) for a cell such as "Huân chương Lao động hạng Ba" or "Bằng khen UBND tỉnh"."""
        folded = normalised(text)
        grade = ""
        found = GRADE_IN_TEXT.search(folded)
        if found:
            grade, folded = GRADES[found.group(1)], folded[:found.start()].strip(" ,.;-")
        if folded in self.names:
            return self.names[folded], grade
        for name in self.longest_first:  # the longest name the cell contains, as whole words
            if len(name) > 3 and re.search(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", folded):
                return self.names[name], grade
        return None, grade


def read_grade(text):
    folded = " ".join(fold(text).split()).removeprefix("hang ").strip(" .")
    return GRADES.get(folded)


def read_kind(text):
    folded = " ".join(fold(text).split())
    return next((kind for words, kind in KINDS.items() if folded.startswith(words)), None)


def guess_kind(award, position, name):
    """The kind of recipient when neither the list nor its name says it is a household: a collective's name
    ("Phòng …" without a position), else the only kind the award is for, else an individual."""
    if not position and fold(name).startswith(COLLECTIVE_NAMES):
        return RecipientKind.COLLECTIVE
    if award is not None and len(award.recipients) == 1:
        return award.recipients[0]
    return RecipientKind.INDIVIDUAL


def read_rows(grid, *, locale, default_award=None, issue_date=None):
    """The recipients of ``grid``, each checked: a list of ``Row``. Raises RecipientFileError when the grid has no
    header or no recipient."""
    header = find_header(grid)
    if header is None:
        raise RecipientFileError(_("No header row found: one of the first %(rows)s rows must name the columns, with "
                                   "at least “Họ và tên” (or “Tên tập thể”) and “Danh hiệu” or “Hình thức khen "
                                   "thưởng”, or “Chức vụ”, “Đơn vị”.") % {"rows": HEADER_SCAN})
    start, columns = header
    if "award" not in columns and default_award is None:
        raise RecipientFileError(_("The list has no column of awards (“Danh hiệu” or “Hình thức khen thưởng”): choose "
                                   "the award of all its recipients in the form."))
    matcher = AwardMatcher(locale)

    def cell(cells, column):
        index = columns.get(column)
        return cells[index] if index is not None and index < len(cells) else ""

    rows, numbered = [], False
    section_kind, section_award = None, None
    for index in range(start + 1, len(grid)):
        cells = grid[index]
        line = index + 1
        if not any(cells):
            continue
        texts = [text for text in cells if text]
        if all(COLUMN_NUMBER.match(text) for text in texts) and not rows:
            continue  # "(1) (2) (3)" under the header
        number, name, award_text = cell(cells, "number"), cell(cells, "name"), cell(cells, "award")
        position, unit = cell(cells, "position"), cell(cells, "unit")
        is_numbered = number.rstrip(".").isdigit()
        if not position and (not is_numbered or (not unit and not award_text)):
            # "I. CÁ NHÂN", "B | TẬP THỂ", "Bằng khen của Chủ tịch UBND tỉnh", "1. Chiến sĩ thi đua cơ sở"
            section = read_section([text for text in texts if text != number] if is_numbered else texts, matcher,
                                   exact=is_numbered)
            if section is not None:
                kind, award = section
                if kind is not None:  # a new kind of recipient: the awards of the previous one end
                    section_kind, section_award = kind, None
                section_award = award or section_award
                continue
            if not is_numbered and (numbered or not name or fold(name).startswith(("tong cong", "tong so"))):
                continue  # a total, a note or the signature block under the list
        if numbered and not is_numbered and "number" in columns:
            continue
        numbered = numbered or is_numbered
        row = Row(line=line, number=number, name=name, position=position, unit=unit, award_text=award_text)
        rows.append(check_row(row, grade_cell=cell(cells, "grade"), kind_cell=cell(cells, "kind"),
                              has_position_column="position" in columns, matcher=matcher, section_kind=section_kind,
                              default_award=section_award or default_award, issue_date=issue_date))
    if not rows:
        raise RecipientFileError(_("The list under the header row has no recipient."))
    mark_duplicates(rows)
    mark_profiles(rows, locale)
    return rows


SECTION_KINDS = {"ca nhan": RecipientKind.INDIVIDUAL, "cac ca nhan": RecipientKind.INDIVIDUAL,
                 "tap the": RecipientKind.COLLECTIVE, "cac tap the": RecipientKind.COLLECTIVE,
                 "ho gia dinh": RecipientKind.HOUSEHOLD, "cac ho gia dinh": RecipientKind.HOUSEHOLD,
                 "gia dinh": RecipientKind.HOUSEHOLD}


def read_section(texts, matcher, exact=False):
    """(kind, award) a section row sets ("I. CÁ NHÂN", "Khen thưởng tập thể", "BẰNG KHEN CỦA BỘ TRƯỞNG"), or None
    for a row that is not a section. ``exact``: the row is numbered like a recipient, so only an award's very name
    makes it a section."""
    title = " ".join(dict.fromkeys(texts))
    folded = normalised(title)
    folded = re.sub(r"^(?:[ivxlc]+|[a-h]|\d+)\s+", "", folded)  # its numbering
    folded = re.sub(r"^(?:danh sach|khen thuong|de nghi khen thuong)\s+", "", folded)
    folded = re.sub(r"\s+\d+\s*$", "", folded)  # "Cá nhân: 12"
    if folded in SECTION_KINDS:
        return SECTION_KINDS[folded], None
    award, _grade = matcher.match(title)
    if award is not None and (matcher.names.get(folded) == award or (title.isupper() and not exact)):
        return None, award
    return None


HONORIFIC = re.compile(r"^(?:ông|bà|đồng chí|đ/c|đc)\.?\s*:?\s+(?=\S)", re.IGNORECASE)


def split_honorific(row, has_position_column):
    """ "Ông Nguyễn Văn An" is Nguyễn Văn An, an individual; without a position column, "Bà Lê Thị Hoa, Chuyên viên
    Văn phòng Sở" also gives the position. ``True`` when the name had a title of address."""
    name = unicodedata.normalize("NFC", row.name)
    found = HONORIFIC.match(name)
    if not found:
        return False
    name = name[found.end():]
    if not has_position_column and "," in name and not row.position:
        name, row.position = (part.strip() for part in name.split(",", 1))
    row.name = name
    return True


def check_row(row, *, grade_cell, kind_cell, has_position_column, matcher, section_kind, default_award, issue_date):
    addressed = split_honorific(row, has_position_column)
    if not row.name:
        row.errors.append(_("no name"))
    elif len(row.name) > 255 or len(row.position) > 255 or len(row.unit) > 255:
        row.errors.append(_("a name, position or unit longer than 255 characters"))
    award, grade = (matcher.match(row.award_text) if row.award_text else (default_award, ""))
    if row.award_text and award is None:
        row.errors.append(_("“%(award)s” is not an award of the catalogue (Emulation → Awards)")
                          % {"award": row.award_text})
    elif award is None:
        row.errors.append(_("no award: fill in the column, or choose the award of the whole list"))
    if grade_cell:
        grade = read_grade(grade_cell)
        if grade is None:
            row.errors.append(_("“%(class)s” is not a class (Nhất, Nhì, Ba)") % {"class": grade_cell})
    row.grade = grade or ""
    kind = read_kind(kind_cell) if kind_cell else None
    if kind_cell and kind is None:
        row.errors.append(_("“%(kind)s” is not a kind of recipient (cá nhân, tập thể, hộ gia đình)")
                          % {"kind": kind_cell})
    household = RecipientKind.HOUSEHOLD if fold(row.name).startswith(HOUSEHOLD_NAMES) else None
    row.kind = (kind or (RecipientKind.INDIVIDUAL if addressed else None) or household or section_kind
                or guess_kind(award, row.position, row.name))
    if award is not None:
        row.award = award.pk
        row.award_text = award.name
        row.errors += award_errors(award, row)
        if issue_date and not award.is_valid_on(issue_date):
            row.warnings.append(_("“%(award)s” is not in force on the decision's date") % {"award": award})
    return row


def award_errors(award, row):
    """What the admin would refuse in this honour (its class, its kind of recipient), as the preview lists it."""
    messages = (honour_grade_error(award, row.grade), honour_kind_error(award, row.kind))
    return [str(message).rstrip(".") for message in messages if message]


def mark_duplicates(rows):
    seen = {}
    for row in rows:
        key = (fold(row.name), fold(row.unit), row.award, row.grade)
        if row.name and key in seen:
            row.warnings.append(_("the same recipient and award as row %(line)s") % {"line": seen[key]})
        seen.setdefault(key, row.line)


def mark_profiles(rows, locale):
    """A recipient who already has a profile: the honour belongs on the profile (the editor decides)."""
    names = {fold(row.name) for row in rows if row.name}
    profiles = dict(ExemplaryProfilePage.objects.filter(locale=locale, folded_name__in=names)
                    .values_list("folded_name", "title"))
    for row in rows:
        if fold(row.name) in profiles:
            row.warnings.append(_("the site has a profile “%(name)s”: record the honour on the profile, with this "
                                  "decision, and remove the row") % {"name": profiles[fold(row.name)]})


# ---------------------------------------------------------------------------
# Admin form and view
# ---------------------------------------------------------------------------


class RecipientImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Spreadsheet"), required=False,
                           help_text=gettext_lazy("The list of recipients as an Excel workbook (.xlsx) or a CSV "
                                                  "file: columns STT, Họ và tên, Chức vụ, Đơn vị, Danh hiệu / Hình "
                                                  "thức khen thưởng (and Hạng when classes are in their own "
                                                  "column)."))
    number = forms.CharField(label=gettext_lazy("Decision number"), max_length=64,
                             help_text=gettext_lazy("As printed on the decision, e.g. \"215/QĐ-UBND\"."))
    title = forms.CharField(label=pgettext_lazy("official document", "Title"), max_length=500,
                            help_text=gettext_lazy("The decision's summary line (trích yếu)."))
    issue_date = forms.DateField(label=gettext_lazy("Issue date"),
                                 widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    issuing_body = forms.CharField(label=gettext_lazy("Deciding authority"), max_length=255,
                                   help_text=gettext_lazy("e.g. \"Chủ tịch Ủy ban nhân dân tỉnh Thái Nguyên\"."))
    signer_name = forms.CharField(label=gettext_lazy("Signer"), max_length=128, required=False)
    default_award = forms.ModelChoiceField(
        label=gettext_lazy("Award of the whole list"), queryset=Award.objects.none(), required=False,
        help_text=gettext_lazy("For a list that names no award in its rows (a decision conferring one form)."))
    rows = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = locale
        self.fields["default_award"].queryset = Award.objects.filter(locale=locale).order_by("sort_order", "name")

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        limit = thidua_settings.RECIPIENT_IMPORT_MAX_SIZE
        if upload and upload.size > limit:
            raise forms.ValidationError(_("The file is too large (%(size)s MB); lists up to %(limit)s MB can be "
                                          "imported.") % {"size": round(upload.size / 1024 / 1024, 1),
                                                          "limit": round(limit / 1024 / 1024, 1)})
        return upload

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        if OfficialDocument.objects.filter(locale=self.locale, number__iexact=number).exists():
            raise forms.ValidationError(_("A document numbered %(number)s already exists: add the recipients on it, "
                                          "or delete it before importing again.") % {"number": number})
        return number

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("file") and not cleaned.get("rows"):
            self.add_error("file", _("Choose the spreadsheet of the decision's recipients."))
        return cleaned


def sign_rows(rows):
    return signing.dumps([asdict(row) for row in rows], salt=SIGNING_SALT, compress=True)


def unsign_rows(value):
    try:
        return [Row(**row) for row in signing.loads(value, salt=SIGNING_SALT, max_age=PREVIEW_MAX_AGE)]
    except (signing.BadSignature, TypeError):
        return None


def recheck(rows, locale, issue_date):
    """The confirmed rows checked again: the catalogue may have changed since the preview."""
    awards = {award.pk: award for award in Award.objects.filter(locale=locale, pk__in=[row.award for row in rows])}
    for row in rows:
        row.errors = []
        award = awards.get(row.award)
        if award is None:
            row.errors.append(_("the award was deleted from the catalogue"))
            continue
        row.errors += award_errors(award, row)
    return rows


def create_decision(data, rows, locale):
    """The private decision with its recipients, in one transaction."""
    with transaction.atomic():
        decision = OfficialDocument(
            locale=locale, doc_type=OfficialDocument.DocType.DECISION, is_public=False, number=data["number"],
            title=data["title"], issue_date=data["issue_date"], issuing_body=data["issuing_body"],
            signer_name=data.get("signer_name") or "")
        decision.listed_recipients = [
            DecisionRecipient(locale=locale, sort_order=order, name=row.name, position=row.position, unit=row.unit,
                              kind=row.kind, award_id=row.award, grade=row.grade)
            for order, row in enumerate(rows)]
        decision.save()
    return decision


def can_import_recipients(user):
    return user.has_perm("thidua_wagtail.add_officialdocument")


class RecipientImportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "thidua_wagtail/admin/recipient_import.html"
    page_title = gettext_lazy("Import a decision's recipients")
    header_icon = "list-ul"
    _show_breadcrumbs = True

    def dispatch(self, request, *args, **kwargs):
        if not can_import_recipients(request.user):
            raise PermissionDenied
        self.locale = Locale.get_default()
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        form = RecipientImportForm(locale=self.locale, initial={"title": _("Decision on commendation")})
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = RecipientImportForm(request.POST, request.FILES, locale=self.locale)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        upload = data.get("file")
        if upload:
            try:
                grid = read_grid(upload.name, upload.read())
                rows = read_rows(grid, locale=self.locale, default_award=data.get("default_award"),
                                 issue_date=data["issue_date"])
            except RecipientFileError as error:
                form.add_error("file", str(error))
                return self.render_to_response(self.get_context_data(form=form))
            return self.preview(form, rows, upload.name)
        rows = unsign_rows(data["rows"])
        if rows is None:
            form.add_error("file", _("The preview has expired or was changed: upload the spreadsheet again."))
            return self.render_to_response(self.get_context_data(form=form))
        rows = recheck(rows, self.locale, data["issue_date"])
        if any(row.errors for row in rows):
            return self.preview(form, rows, "")
        decision = create_decision(data, rows, self.locale)
        messages.success(request, _("Decision %(number)s created, not yet public, with %(count)s recipients. Check "
                                    "it, add its file, then tick “public”.") % {"number": decision.number,
                                                                                "count": len(rows)})
        return redirect(reverse("wagtailsnippets_thidua_wagtail_officialdocument:edit", args=[decision.pk]))

    def preview(self, form, rows, file_name):
        wrong = [row for row in rows if row.errors]
        context = self.get_context_data(form=form, rows=rows, wrong=wrong, file_name=file_name,
                                        warned=sum(1 for row in rows if row.warnings),
                                        signed_rows=sign_rows(rows) if not wrong else "")
        return self.render_to_response(context)
