"""Turn an uploaded plan into lines of text.

Word files are read with python-docx. Paragraphs and tables are taken in document order (plans put the
letterhead, the number and the date, the recipients and the signer in two-column tables); a run in
italics becomes ``*text*`` and one in bold ``**text**``, as in the plain-text form of a plan.
"""

import io
import zipfile

from django.utils.translation import gettext as _

from ..conf import thidua_settings


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
        return read_docx(data)
    if extension in ("txt", "md", "text"):
        return split_lines(decode_text(data))
    if extension == "doc":
        raise PlanReadError(_("Old Word files (.doc) cannot be read: save the plan as .docx and upload it again."))
    raise PlanReadError(_("Only Word (.docx) and plain text (.txt) plans can be imported."))


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


def read_docx(data):
    import docx

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise PlanReadError(_("The file is not a valid Word (.docx) document: it may be damaged."))
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx, zipfile and lxml raise many kinds on malformed parts
        raise PlanReadError(_("The file is not a valid Word (.docx) document: it may be damaged.")) from error
    lines = []
    for block in _blocks(document):
        for text in block:
            lines.extend(text.split("\n"))
        lines.append("")
    return lines


def _blocks(document):
    """Paragraphs and table cells of the body, in order; each a list of lines."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield [paragraph_text(Paragraph(child, document))]
        elif tag == "tbl":
            seen = set()
            for row in Table(child, document).rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    yield [paragraph_text(p) for p in cell.paragraphs]


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
