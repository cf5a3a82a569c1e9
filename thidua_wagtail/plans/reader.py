"""Turn an uploaded plan into lines of text.

PDF files with a text layer are read by pdfminer.six in a child process with time, memory and page limits
(``pdf_text.py``); a scan without a text layer is refused with a message saying what to do. The lines then go
through ``cleanup.tidy`` (in the parser) like text pasted from a PDF.

Word files are read with python-docx. Paragraphs and tables are taken in document order (plans put the
letterhead, the number and the date, the recipients and the signer in two-column tables); every cell is read
once (a cell merged across columns is one ``w:tc``; a cell merged down is read in its first row), and a table
inside a cell is read in its place; a run in italics becomes ``*text*`` and one in bold ``**text**``, as in the
plain-text form of a plan.

Limits, checked before anything is parsed, so a hostile file costs little (a 93 KB .docx once held a 40 MB
``document.xml`` and grew a worker by 920 MB): a .docx of at most ``MAX_PARTS`` parts whose sizes, as its zip
directory declares them, add up to at most ``THIDUA_PLAN_MAX_UNCOMPRESSED_SIZE`` (Python's zipfile never
inflates a part past its declared size), of which at most ``MAX_XML_SIZE`` is XML for lxml to parse; then at
most ``MAX_PARAGRAPHS`` paragraphs and ``MAX_CELLS`` table cells, and at most ``MAX_LINES`` lines of text. Each is refused with a message. The parser is linear in the
number of lines, so these bound its time too (20,000 lines parse in under a second).
"""

import io
import re
import zipfile

import docx
from django.utils.translation import gettext as _
from docx.text.paragraph import Paragraph

from ..conf import thidua_settings
from ..text import fold
from .pdf_text import MAX_PAGES, PdfError, read_pdf
from .tables import table_line

MAX_PARTS = 1000  # zip entries of a .docx (a plan has about 10 to 30)
MAX_XML_SIZE = 8 * 1024 * 1024  # its XML parts together, which lxml parses (a 60-page plan has about 1 MB)
MAX_PARAGRAPHS = 20_000
MAX_CELLS = 20_000
MAX_LINES = 20_000  # a long plan has a thousand

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class PlanReadError(ValueError):
    """The file cannot be read as a plan; the message is meant for the editor."""


def too_large(size):
    """The message for a file of ``size`` bytes over the limit, or None when it fits."""
    limit = thidua_settings.PLAN_MAX_UPLOAD_SIZE
    if size <= limit:
        return None
    return _("The file is too large (%(size)s MB); plans up to %(limit)s MB can be imported.") % {
        "size": round(size / 1024 / 1024, 1), "limit": round(limit / 1024 / 1024, 1)}


def read_plan_file(name, data):
    """The lines of the plan in ``data`` (bytes), read according to the file name's extension."""
    if not data:
        raise PlanReadError(_("The file is empty."))
    if message := too_large(len(data)):
        raise PlanReadError(message)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension == "docx":
        return check_lines(read_docx(data))
    if extension in ("txt", "md", "text"):
        return check_lines(split_lines(decode_text(data)))
    if extension == "pdf":
        return check_lines(read_pdf_file(data))
    if extension == "doc":
        raise PlanReadError(_("Old Word files (.doc) cannot be read: save the plan as .docx and upload it again."))
    raise PlanReadError(_("Only PDF (.pdf), Word (.docx) and plain text (.txt) plans can be imported."))


def read_pdf_file(data):
    """The lines of a PDF with a text layer (``pdf_text.read_pdf``), or a message saying why not."""
    try:
        return read_pdf(data)
    except PdfError as error:
        messages = {
            "scanned": _("This PDF has no text layer: it is a scanned image. Upload the Word file of the plan, or run "
                         "text recognition (OCR) on the PDF and upload the result, or paste the text."),
            "encrypted": _("This PDF is protected by a password: save it again without the password and upload it."),
            "too_many_pages": _("The PDF has more than %(limit)s pages: it cannot be a plan.")
            % {"limit": MAX_PAGES},
            "too_slow": _("Reading this PDF took too long: it may be damaged. Upload the Word file, or paste the "
                          "text."),
            "too_large": _("Reading this PDF needed too much memory: it may be damaged. Upload the Word file, or "
                           "paste the text."),
        }
        raise PlanReadError(messages.get(error.kind) or _("The file is not a valid PDF document: it may be damaged.")) \
            from error


def decode_text(data):
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8-sig",)
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise PlanReadError(
        _("The text file is not in UTF-8. Save it as UTF-8 (Unicode) text, or upload the Word file.")
    )


def split_lines(text):
    return [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def check_lines(lines):
    count = sum(1 for line in lines if line.strip())
    if count > MAX_LINES:
        raise PlanReadError(_("The plan is too long (%(count)s lines); plans of up to %(limit)s lines can be "
                              "imported.") % {"count": count, "limit": MAX_LINES})
    return lines


def damaged():
    return PlanReadError(_("The file is not a valid Word (.docx) document: it may be damaged."))


def check_archive(data):
    """Refuse a .docx whose parts are too many or would inflate too large, before python-docx reads it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise damaged() from error
    limit = thidua_settings.PLAN_MAX_UNCOMPRESSED_SIZE
    xml = sum(part.file_size for part in parts if part.filename.endswith((".xml", ".rels")))
    if len(parts) > MAX_PARTS or sum(part.file_size for part in parts) > limit or xml > MAX_XML_SIZE:
        raise PlanReadError(_("The Word file unpacks to more than %(limit)s MB or has too many parts: it cannot be "
                              "a plan. Save it again from Word, without embedded files.")
                            % {"limit": round(limit / 1024 / 1024, 1)})


def read_docx(data):
    check_archive(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx, zipfile and lxml raise many kinds on malformed parts
        raise damaged() from error
    body = document.element.body
    paragraphs = sum(1 for _ in body.iter(f"{W}p"))
    cells = sum(1 for _ in body.iter(f"{W}tc"))
    if paragraphs > MAX_PARAGRAPHS or cells > MAX_CELLS:
        raise PlanReadError(_("The plan is too long (%(paragraphs)s paragraphs, %(cells)s table cells); plans of up "
                              "to %(limit)s of each can be imported.")
                            % {"paragraphs": paragraphs, "cells": cells, "limit": MAX_PARAGRAPHS})
    lines = []
    for block in _blocks(body, document):
        for text in block:
            lines.extend(text.split("\n"))
        lines.append("")
    return lines


def _blocks(container, document, top=True):
    """Paragraphs and table cells of ``container`` (the body, or a cell), in order; each a list of lines. A table of
    the body that is not the layout of the letterhead or of the signature is one line, ``table_line(rows)``."""
    for child in container.iterchildren():
        if child.tag == f"{W}p":
            yield [paragraph_text(Paragraph(child, document))]
        elif child.tag == f"{W}tbl":
            rows = _table_rows(child, document) if top else None
            if rows and not is_layout_table(rows):
                yield [table_line(rows)]
            else:
                yield from _table_blocks(child, document)
        elif child.tag == f"{W}sdt":  # a content control wraps paragraphs and tables
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content, document, top)


def _table_rows(table, document):
    """The table as rows of cell texts, every cell in its column: a cell merged across columns is followed by empty
    cells for the columns it spans, a cell merged down from the row above is empty."""
    rows = []
    for row in table.iterchildren(f"{W}tr"):
        cells = []
        for cell in row.iterchildren(f"{W}tc"):
            span = cell.find(f"{W}tcPr/{W}gridSpan")
            merge = cell.find(f"{W}tcPr/{W}vMerge")
            if merge is not None and merge.get(f"{W}val") in (None, "continue"):
                text = ""
            else:
                text = "\n".join(line for block in _blocks(cell, document, top=False) for line in block).strip()
            cells.append(text)
            if span is not None and (span.get(f"{W}val") or "1").isdigit():
                cells.extend([""] * (min(int(span.get(f"{W}val")), 50) - 1))
        rows.append(cells)
    return rows


def is_layout_table(rows):
    """Whether a table only lays out the letterhead (the motto, the number) or the signature (the recipients beside
    the signer): its text is read as lines, not kept as a table."""
    text = fold(" ".join(cell for row in rows for cell in row))
    return ("cong hoa xa hoi chu nghia" in text or "doc lap" in text or "noi nhan" in text
            or text.lstrip("* ").startswith("so:") or len(rows) == 1 and len(rows[0]) <= 2 and len(text) < 400
            and bool(re.search(r"\b(kt|tm|tl|q)\.\s", text)))


def _table_blocks(table, document):
    """Every cell of ``table`` once, row by row: the raw ``w:tc`` elements (python-docx's ``row.cells`` repeats a
    merged cell, and telling the repeats apart by ``id()`` of its proxies dropped real cells when ids were
    reused). A cell merged down (``w:vMerge`` continuing) holds nothing of its own and is skipped."""
    for row in table.iterchildren(f"{W}tr"):
        for cell in row.iterchildren(f"{W}tc"):
            merge = cell.find(f"{W}tcPr/{W}vMerge")
            if merge is not None and merge.get(f"{W}val") in (None, "continue"):
                continue
            lines = []
            for block in _blocks(cell, document, top=False):
                lines.extend(block)
            yield lines


def paragraph_text(paragraph):
    """The paragraph's text with *italic* and **bold** runs marked (neighbouring runs alike are joined)."""
    groups = []
    for run in paragraph.runs:
        style = "**" if run.bold else "*" if run.italic else ""
        if groups and groups[-1][0] == style:
            groups[-1][1].append(run.text)
        else:
            groups.append((style, [run.text]))
    parts = []
    for style, texts in groups:
        text = "".join(texts)
        core = text.strip()
        if not style or not core:
            parts.append(text)
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        parts.append(f"{lead}{style}{core}{style}{trail}")
    return "".join(parts)
