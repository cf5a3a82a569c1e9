"""Spreadsheet exports that a spreadsheet program cannot turn into formulas.

Nominations come from visitors: a name like ``=HYPERLINK("http://…")`` would run as a formula when the Office
opens the CSV in a spreadsheet program. Wagtail already stores such values as text in XLSX; for CSV, a value
starting with ``= + - @`` (or a tab or carriage return) is prefixed with an apostrophe, as OWASP recommends.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


class SafeSpreadsheetExportMixin:
    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        str: {SpreadsheetExportMixin.FORMAT_CSV: neutralise_formula},
    }
