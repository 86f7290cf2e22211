"""A minimal PDF writer for the benchmarks and tests: pages of text lines in Helvetica.

It writes what a word processor's PDF holds for plain prose (one text object per line, a running
header and a page number on each page), so that ``orgstruct.pdf`` can be measured on the corpus
turned into real PDF files without any PDF tool installed. The text is written in a composite
font whose codes are the characters' Unicode code points, with a ToUnicode map as PDF writers
give one, so every character of the Basic Multilingual Plane survives (the glyphs are not
embedded: a viewer shows boxes, a text extractor the text). Characters beyond it are "?".
"""

from __future__ import annotations

import textwrap

LINES_PER_PAGE = 46
_WIDTH = 95  # characters per line at 10 points on A4 with 2 cm margins, about


def _hex(line: str) -> bytes:
    return b"<" + "".join(f"{ord(c) if ord(c) < 0x10000 else 0x3F:04X}" for c in line).encode() + b">"


_TO_UNICODE = (
    b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
    b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    + b"".join(  # each code its own character, in blocks of at most 100 ranges as the format wants
        b"%d beginbfrange\n" % len(block)
        + b"".join(b"<%02X00> <%02XFF> <%02X00>\n" % (h, h, h) for h in block)
        + b"endbfrange\n"
        for block in (range(start, min(start + 100, 256)) for start in range(0, 256, 100))
    )
    + b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
)


def make_pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose pages hold the given lines, top to bottom."""
    objects: list[bytes] = []
    kids = []
    font_id = 3
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"")  # the page tree, filled in below
    objects.append(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Helvetica /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>"
    )
    objects.append(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Helvetica /DW 500 "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>"
    )
    objects.append(b"<< /Length %d >>\nstream\n" % len(_TO_UNICODE) + _TO_UNICODE + b"\nendstream")
    for lines in pages:
        body = [b"BT /F1 10 Tf 14 TL 56 790 Td"]
        for line in lines:
            body.append(_hex(line) + b" Tj T*")
        body.append(b"ET")
        stream = b"\n".join(body)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (content_id, font_id)
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def report_pdf(text: str, header: str = "InSight Crime | Investigations") -> bytes:
    """A report as a PDF: its paragraphs wrapped at about 95 characters, a blank line between
    them, pages of LINES_PER_PAGE lines under a running header, a page number at each foot."""
    lines: list[str] = []
    for paragraph in (p for p in text.split("\n") if p.strip()):
        lines += textwrap.wrap(paragraph, _WIDTH, break_on_hyphens=False) + [""]
    pages = []
    for n, start in enumerate(range(0, len(lines), LINES_PER_PAGE), 1):
        pages.append([header, "", *lines[start : start + LINES_PER_PAGE], "", str(n)])
    return make_pdf(pages)
