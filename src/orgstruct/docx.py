"""A report given as a Word file (.docx), read as the text of its paragraphs.

Court filings, ministry reports and analysts' own notes often come as Word files. A .docx is
a zip archive whose ``word/document.xml`` holds the body: each paragraph (``w:p``) becomes
one line, its runs' text (``w:t``) joined, a tab (``w:tab``) a space and a line break
(``w:br``) a newline; table cells are paragraphs of their own. Footnotes, comments, headers
and footers are other parts of the archive and are not read. Offsets into the input
(``input_start`` / ``input_end``) index this text, not the archive's bytes. Only the standard
library is used.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from orgstruct.errors import InputError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_XML_BYTES = 200_000_000  # the body's XML, unpacked: a bound against a zip bomb


def looks_like_docx(data: bytes) -> bool:
    """The bytes are a zip archive holding a Word body, or a zip archive too damaged to tell (its
    reading then names the damage); an intact archive of something else is not."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return True


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    """A paragraph's runs' text; a paragraph inside it (a text box's) is read on its own."""
    parts: list[str] = []

    def walk(node: ElementTree.Element) -> None:
        for child in node:
            if child.tag == _W + "p":
                continue
            if child.tag == _W + "t" and child.text:
                parts.append(child.text)
            elif child.tag == _W + "tab":
                parts.append(" ")
            elif child.tag in (_W + "br", _W + "cr"):
                parts.append("\n")
            walk(child)

    walk(paragraph)
    return "".join(parts)


def docx_to_text(data: bytes, source: str) -> str:
    """The text of a Word file's paragraphs, one per line; InputError names what went wrong."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_XML_BYTES:
                raise InputError(f"{source}: Word file's body is too large ({info.file_size:,} bytes unpacked)")
            root = ElementTree.fromstring(archive.read(info))
    except InputError:
        raise
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError) as exc:
        reason = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise InputError(f"{source}: Word file cannot be read ({reason})") from None
    paragraphs = [_paragraph_text(p) for p in root.iter(_W + "p")]
    text = "\n".join(p for p in paragraphs if p.strip()) + "\n"
    if not text.strip():
        raise InputError(f"{source}: Word file holds no text")
    return text
