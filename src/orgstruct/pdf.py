"""A report given as a PDF file, read as its text layer (pypdf).

Reports reach analysts as PDFs more often than as text. The text layer of each page is taken
as pypdf extracts it, and the pages are joined with a form feed, as PDF-to-text tools give
them; the layout repairs of ``orgstruct.text`` (running headers, page numbers, footnotes and
their markers, hard-wrapped lines, hyphenated line ends, ligatures) then apply as they do to
text pasted from a PDF. Offsets into the input (``input_start`` / ``input_end``) index this
extracted text, not the PDF's bytes.

A scanned PDF has no text layer: it gets a one-line error, as does an encrypted or broken file.
"""

from __future__ import annotations

import io
import logging

from orgstruct.errors import InputError

MIN_TEXT = 20  # characters of text a PDF must hold to be read (less is a scan or a form)


def looks_like_pdf(data: bytes) -> bool:
    """The bytes are a PDF file: its header within the first kilobyte, as readers accept it."""
    return b"%PDF-" in data[:1024]


def pdf_to_text(data: bytes, source: str) -> str:
    """The text layer of a PDF's pages, joined by form feeds; InputError names what went wrong."""
    try:
        from pypdf import PdfReader
    except ImportError:
        raise InputError(f"{source}: reading a PDF needs pypdf (pip install pypdf)") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on odd files are no error of ours
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{source}: PDF is encrypted; give a copy without a password")
        pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        reason = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise InputError(f"{source}: PDF cannot be read ({reason})") from None
    text = "\n\f".join(pages) + "\n"
    if sum(not c.isspace() for c in text) < MIN_TEXT:
        raise InputError(f"{source}: PDF has no text layer (a scanned page?); run OCR on it first")
    return text
