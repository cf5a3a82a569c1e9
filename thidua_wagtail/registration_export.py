"""A year's registration board as the summary table an Office sends up (bảng tổng hợp đăng ký thi đua): XLSX with
a summary sheet (units by title or form, registered and achieved, with totals) and a detail sheet (one line per
entry), or the detail as CSV. Text from editors goes in as text: in CSV a value a spreadsheet would run as a formula
is neutralised (``exports.neutralise_formula``); openpyxl writes strings as strings.

It reads a ``models.registrations.Board`` and nothing else of the models.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .exports import neutralise_formula

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def detail_rows(board):
    """Header and one row per registered entry."""
    header = [pgettext("table column", "No."), _("Unit"), _("For"), _("Name"), _("Position"), _("Title or form registered"),
              _("Result"), _("Decision")]
    rows = []
    number = 0
    for row in board.rows:
        for result in row.results:
            number += 1
            entry = result.entry
            honour = result.honour or result.instead
            if not board.results_published:
                outcome = ""
            elif result.achieved:
                outcome = _("Achieved")
            elif result.instead:
                outcome = "{}; {}".format(_("Not conferred"), _("received %(award)s") % {
                    "award": result.instead.award_name})
            else:
                outcome = _("Not conferred")
            rows.append([number, row.registration.unit.name, str(entry.get_kind_display()),
                         _("The unit") if entry.for_unit else entry.recipient_name, entry.position, str(entry.award),
                         outcome, honour.conferred_by_number if honour else ""])
    return header, rows


def summary_columns(board):
    """The awards registered, in the catalogue's order: the summary's columns."""
    awards = {}
    for row in board.rows:
        for result in row.results:
            awards.setdefault(result.entry.award.translation_key, result.entry.award)
    return sorted(awards.values(), key=lambda award: (award.sort_order, award.name))


def summary_counts(board, awards):
    """``[(unit name, [(registered, achieved) per award])]`` and the totals per award."""
    lines, totals = [], [[0, 0] for _award in awards]
    position = {award.translation_key: i for i, award in enumerate(awards)}
    for row in board.rows:
        counts = [[0, 0] for _award in awards]
        for result in row.results:
            i = position[result.entry.award.translation_key]
            counts[i][0] += 1
            counts[i][1] += result.achieved
            totals[i][0] += 1
            totals[i][1] += result.achieved
        lines.append((row.registration.unit.name, counts))
    return lines, totals


def title(board):
    return _("SUMMARY OF EMULATION REGISTRATIONS FOR %(year)s") % {"year": board.year}


def csv_content(board):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    header, rows = detail_rows(board)
    writer.writerow([neutralise_formula(value) for value in header])
    for row in rows:
        writer.writerow([neutralise_formula(value) if isinstance(value, str) else value for value in row])
    return "\ufeff" + buffer.getvalue()  # the BOM: spreadsheet programs then read the Vietnamese as UTF-8


def xlsx_content(board, organisation):
    workbook = Workbook()
    bold = Font(bold=True)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)

    sheet = workbook.active
    sheet.title = pgettext("spreadsheet sheet", "Summary")[:31]
    awards = summary_columns(board)
    results = board.results_published
    per_award = 2 if results else 1
    last_column = 2 + per_award * len(awards)
    sheet.append([organisation])
    sheet.append([title(board)])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=max(last_column, 2))
    sheet.cell(row=1, column=1).font = bold
    sheet.cell(row=2, column=1).font = Font(bold=True, size=13)
    sheet.cell(row=2, column=1).alignment = centred
    sheet.append([])
    header = [pgettext("table column", "No."), _("Unit")]
    sub = ["", ""]
    for award in awards:
        header += [str(award)] + [""] * (per_award - 1)
        sub += [_("Registered"), _("Achieved")] if results else [_("Registered")]
    sheet.append(header)
    sheet.append(sub)
    for column in (1, 2):
        sheet.merge_cells(start_row=4, start_column=column, end_row=5, end_column=column)
    for i in range(len(awards)):
        first = 3 + i * per_award
        if per_award > 1:
            sheet.merge_cells(start_row=4, start_column=first, end_row=4, end_column=first + per_award - 1)
    for row in sheet.iter_rows(min_row=4, max_row=5):
        for cell in row:
            cell.font, cell.alignment = bold, centred
    lines, totals = summary_counts(board, awards)
    for number, (unit, counts) in enumerate(lines, start=1):
        values = [number, unit]
        for registered, achieved in counts:
            values += [registered, achieved] if results else [registered]
        sheet.append(values)
    total_line = ["", _("Total")]
    for registered, achieved in totals:
        total_line += [registered, achieved] if results else [registered]
    sheet.append(total_line)
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 40
    for column in range(3, last_column + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 14

    details = workbook.create_sheet(pgettext("spreadsheet sheet", "Details")[:31])
    header, rows = detail_rows(board)
    details.append(header)
    for cell in details[1]:
        cell.font = bold
    for row in rows:
        details.append(row)
    for column, width in zip("ABCDEFGH", (6, 36, 12, 30, 24, 36, 14, 18), strict=True):
        details.column_dimensions[column].width = width

    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def board_response(board, fmt, organisation=""):
    """The board as a download: ``fmt`` is "csv" or "xlsx"."""
    content = csv_content(board) if fmt == "csv" else xlsx_content(board, organisation)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    # Translators: the file name of the registration summary; ASCII only.
    name = _("registrations-%(year)s") % {"year": board.year}
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
