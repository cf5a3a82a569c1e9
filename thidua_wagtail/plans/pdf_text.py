"""The text of a PDF plan, read with pdfminer.six's layout analysis (so the letterhead's two columns, and the
recipients beside the signer, come out as separate blocks rather than merged lines).

``read_pdf(data)`` runs the reading in a child process (this file run as a script, which imports nothing of Django or
the app) with a time
limit, a memory limit and a page limit: a malformed or hostile PDF (recursive objects, huge streams, a decompression
bomb) costs that process, never the web worker, and the editor gets a message, never a 500 or a hang.
"""

import io
import json
import subprocess
import sys
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextContainer
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFSyntaxError

try:
    import resource
except ImportError:  # not on Windows: no memory limit there
    resource = None

MAX_PAGES = 100  # a long plan has 10 to 20
TIMEOUT = 30  # seconds for the whole file
MEMORY_LIMIT = 768 * 1024 * 1024  # bytes of address space the reading process may use
# Text boxes in the order of their top-left corners (top to bottom, then left to right): pdfminer's "advanced" flow
# put a centred type line ("KẾ HOẠCH") after the title under it. Side-by-side columns (the letterhead's, the
# recipients and the signer) stay separate boxes, left before right.
LAPARAMS = LAParams(boxes_flow=None)
MIN_CHARACTERS = 40  # fewer letters than this in the whole file: a scan without a text layer


class PdfError(Exception):
    """``kind`` is one of "damaged", "encrypted", "too_many_pages", "scanned", "too_slow", "too_large"."""

    def __init__(self, kind):
        super().__init__(kind)
        self.kind = kind


def read_pdf(data, timeout=TIMEOUT):
    """The lines of the PDF in ``data`` (bytes), blocks separated by empty lines. Raises ``PdfError``."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise PdfError("damaged")
    try:
        done = subprocess.run([sys.executable, str(Path(__file__).resolve())], input=data,
                              capture_output=True, timeout=timeout, preexec_fn=_limit_memory if resource else None, check=False)
    except subprocess.TimeoutExpired as error:
        raise PdfError("too_slow") from error
    try:
        answer = json.loads(done.stdout.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:  # killed (memory), or crashed
        raise PdfError("too_large" if done.returncode < 0 or b"MemoryError" in done.stderr else "damaged") from error
    if "error" in answer:
        raise PdfError(answer["error"])
    lines = answer["lines"]
    if sum(1 for line in lines for character in line if character.isalpha()) < MIN_CHARACTERS:
        raise PdfError("scanned")
    return lines


def _limit_memory():
    if resource is not None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def extract(data):
    """In the child process: the text blocks of each page, in reading order."""
    try:
        pages = sum(1 for _page in PDFPage.get_pages(io.BytesIO(data)))
        if pages > MAX_PAGES:
            return {"error": "too_many_pages"}
        if pages == 0:
            return {"error": "damaged"}
        lines = []
        for page in extract_pages(io.BytesIO(data), laparams=LAPARAMS, maxpages=MAX_PAGES):
            for element in page:
                if isinstance(element, LTTextContainer):
                    lines.extend(line.rstrip() for line in element.get_text().splitlines())
                    lines.append("")
        return {"lines": lines, "pages": pages}
    except (PDFEncryptionError, PDFPasswordIncorrect):
        return {"error": "encrypted"}
    except (PDFSyntaxError, RecursionError):
        return {"error": "damaged"}
    except MemoryError:
        return {"error": "too_large"}
    except Exception as error:  # pdfminer raises many kinds on malformed files
        if "encrypt" in str(error).lower() or "password" in str(error).lower():
            return {"error": "encrypted"}
        return {"error": "damaged"}


if __name__ == "__main__":
    sys.setrecursionlimit(3000)
    sys.stdout.write(json.dumps(extract(sys.stdin.buffer.read()), ensure_ascii=False))
