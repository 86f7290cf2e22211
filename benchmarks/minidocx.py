"""A minimal Word (.docx) writer for the benchmarks and tests, standard library only.

Each paragraph of the report becomes a ``w:p`` whose text Word-like is cut into several runs
(``w:r``), some of them in bold, as editing leaves a document; an optional table holds cells of
their own. Enough for ``orgstruct.docx`` to be measured on the corpus turned into Word files.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _runs(text: str, pieces: int = 3) -> str:
    """The paragraph's text cut at word boundaries into runs, the second one bold."""
    words = text.split(" ")
    step = max(1, len(words) // pieces)
    chunks = [" ".join(words[i : i + step]) for i in range(0, len(words), step)]
    out = []
    for k, chunk in enumerate(chunks):
        chunk = chunk + (" " if k < len(chunks) - 1 else "")
        bold = "<w:rPr><w:b/></w:rPr>" if k == 1 else ""
        out.append(f'<w:r>{bold}<w:t xml:space="preserve">{escape(chunk)}</w:t></w:r>')
    return "".join(out)


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    """A Word file with the paragraphs, then the table's rows if any."""
    body = [f"<w:p>{_runs(p)}</w:p>" for p in paragraphs]
    if table:
        rows = "".join(
            "<w:tr>" + "".join(f"<w:tc><w:p>{_runs(cell, 1)}</w:p></w:tc>" for cell in row) + "</w:tr>" for row in table
        )
        body.append(f"<w:tbl>{rows}</w:tbl>")
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>'
        + "".join(body)
        + "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def report_docx(text: str) -> bytes:
    """A report as a Word file: one paragraph per line of the text."""
    return make_docx([p for p in text.split("\n") if p.strip()])
