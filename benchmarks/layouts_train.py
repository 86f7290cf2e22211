"""Layout repairs on the development set: the rules alone on data/gold_train (or --folder) as
given and turned into text as PDFs, viewers and reference managers give it, and a sweep of the
map from normalised offsets back to the input.

The figures in README "Figures" (text copied from PDFs) for gold_train come from here. The
"before" figures of a repair come from the same command run on the code before it, e.g.
`git worktree add /tmp/old <commit>` and `PYTHONPATH=/tmp/old/src .venv/bin/python
benchmarks/layouts_train.py`. Every transformation is seeded or deterministic.

Run: .venv/bin/python benchmarks/layouts_train.py [--folder gold_train] [--sweep]
     (prints figures; asserts nothing; about 3 minutes, the sweep 1 more)
"""

from __future__ import annotations

import argparse
import html
import json
import re
import unicodedata
from pathlib import Path

from minidocx import report_docx
from minipdf import report_pdf
from robustness import FORMS, pdf_like, pdf_pages

ROOT = Path(__file__).resolve().parent.parent
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_OTHER_GROUPS = ["Sinaloa Cartel", "Los Zetas", "Cartel de los Soles", "Clan del Golfo", "Tren de Aragua"]


def footnote_marked(text: str) -> str:
    """A footnote marker after every third full stop that ends a sentence (".4", or ".⁵")."""
    count = [0]

    def mark(m: re.Match) -> str:
        count[0] += 1
        if count[0] % 3:
            return m.group(0)
        n = str(count[0] // 3)
        return m.group(1) + (n if count[0] % 2 else n.translate(_SUPERSCRIPT)) + m.group(2)

    return re.sub(r"([a-záéíóúñ][.])(\s+(?=[A-ZÁÉÍÓÚÑ]))", mark, text)


def glued_marked(text: str) -> str:
    """A footnote marker glued to the word before every third comma or full stop, as a PDF flattens
    a superscript in plain text ("the Sinaloa Cartel12, which", "deserters13.")."""
    count = [0]

    def mark(m: re.Match) -> str:
        count[0] += 1
        return m.group(1) + (str(count[0] // 3) if count[0] % 3 == 0 else "") + m.group(2)

    return re.sub(r"([a-záéíóúñ])([.,](?=\s))", mark, text)


def ligated(text: str) -> str:
    """Every "ffi", "ffl", "ff", "fi", "fl" written as its typographic ligature."""
    for letters, ligature in (("ffi", "ﬃ"), ("ffl", "ﬄ"), ("ff", "ﬀ"), ("fi", "ﬁ"), ("fl", "ﬂ")):
        text = text.replace(letters, ligature)
    return text


def with_notes(text: str) -> str:
    """A closing list of notes whose citations name two groups the text does not."""
    others = [g for g in _OTHER_GROUPS if g not in text][:2]
    spanish = " la " in text and " los " in text
    return (
        text.rstrip()
        + f'\n\n{"Notas" if spanish else "Notes"}\n1 InSight Crime, "{others[0]}: a profile", 2019.\n'
        + f'2 El País, "{others[1]} y el narcotráfico", 2021.\n3 https://insightcrime.org/news/analysis/{len(text)}\n'
    )


def web_copy(text: str) -> str:
    """The report as copied from its web page: a byline, a date and a share button on top, a link
    to another story ("SEE ALSO: <group> News and Profile") after every third paragraph, an image
    caption after the first, and tags naming two groups the report does not at its end."""
    others = [g for g in _OTHER_GROUPS if g not in text][:2]
    spanish = " la " in text and " los " in text
    see = ("VEA TAMBIÉN: Perfil de {}" if spanish else "SEE ALSO: {} News and Profile").format(others[0])
    paragraphs = [p for p in text.split("\n") if p.strip()]
    out = ["Por María Fernández y Juan Pérez" if spanish else "By Jane Roe and John Doe", "March 3, 2021", "Share"]
    for i, paragraph in enumerate(paragraphs, 1):
        out.append(paragraph)
        if i == 1:
            out.append("Foto: policía en Lima (Archivo)" if spanish else "Featured image: police in Lima (Archive)")
        if i % 3 == 0 and i < len(paragraphs):
            out.append(see)
    out.append(("Etiquetas: " if spanish else "Tags: ") + ", ".join(others))
    return "\n".join(out) + "\n"


def as_html(text: str) -> str:
    """The report saved as a web page: a head with a title and a script, a menu and an aside that
    name two groups the report does not, each paragraph a <p> with its quotes and ampersands
    written as references, the first capitalised word of each in <b>, and a footer."""
    others = [g for g in _OTHER_GROUPS if g not in text][:2]
    paragraphs = [p for p in text.split("\n") if p.strip()]
    body = []
    for p in paragraphs:
        escaped = html.escape(p, quote=True)
        body.append("<p>" + re.sub(r"\b([A-Z]\w{3,})\b", r"<b>\1</b>", escaped, count=1) + "</p>")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<title>{others[0]} | News</title>\n<script>var tags = ["{others[1]}"];</script>\n</head>\n<body>\n'
        f'<nav><ul><li><a href="/a">{others[0]}</a></li><li><a href="/b">{others[1]}</a></li></ul></nav>\n'
        "<article>\n" + "\n".join(body) + "\n</article>\n"
        f'<aside><h2>Related</h2><a href="/c">{others[1]} profile</a></aside>\n'
        "<footer>&copy; 2026 News</footer>\n</body>\n</html>\n"
    )


def as_markdown(text: str) -> str:
    """The report as Markdown, as a page copied into a note-taking tool gives it: a heading, an
    image, every paragraph's first capitalised name a link, the first word of every other
    paragraph in bold, every third paragraph a quote."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    out = [
        "# " + " ".join(paragraphs[0].split()[:6]) if paragraphs else "# Report",
        "",
        "![A raid](https://example.org/raid.jpg)",
    ]
    for i, p in enumerate(paragraphs):
        p = re.sub(
            r"\b([A-ZÁÉÍÓÚÑ]\w+(?: [A-ZÁÉÍÓÚÑ]\w+)+)",
            lambda m: f"[{m.group(1)}](https://example.org/{m.group(1).lower().replace(' ', '-')})",
            p,
            count=1,
        )
        if i % 2:
            p = re.sub(r"^(\S+)", r"**\1**", p)
        out += ["", ("> " if i % 3 == 2 else "") + p]
    return "\n".join(out) + "\n"


def as_docx_file(text: str) -> str:
    """The report written as a Word file (benchmarks/minidocx.py: a paragraph per line, each cut
    into runs, one of them bold) and read back as orgstruct reads a .docx."""
    from orgstruct.docx import docx_to_text

    return docx_to_text(report_docx(text), "report.docx")


def as_pdf_file(text: str) -> str:
    """The report written as a PDF file (benchmarks/minipdf.py: pages of 46 lines under a running
    header, a page number at each foot) and read back as orgstruct reads a PDF (pypdf)."""
    from orgstruct.pdf import pdf_to_text

    return pdf_to_text(report_pdf(text), "report.pdf")


TRAIN_FORMS = {
    "as given": lambda t: t,
    "PDF-like 45": pdf_like,
    "PDF pages": pdf_pages,
    "PDF pages, no form feed": FORMS["PDF pages, no form feed"],
    "PDF pages, footnotes": FORMS["PDF pages, footnotes"],
    "footnote markers": footnote_marked,
    "markers glued to words": glued_marked,
    "ligatures": ligated,
    "closing notes list": with_notes,
    "web page copy": web_copy,
    "saved web page (HTML)": as_html,
    "Markdown": as_markdown,
    "PDF file (pypdf)": as_pdf_file,
    "Word file (.docx)": as_docx_file,
}


def sweep() -> None:
    """Every corpus document in every form, plus decomposed accents with Windows line ends, pages
    with ligatures, PDF-like text with markers glued to words, the document saved as a web page and
    written in Markdown:
    does each normalised character stand, in order, on the input character it was read from (a
    web page's character reference on its "&", a line end on its tag)?"""
    from orgstruct.text import normalize_mapped

    texts = [
        json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted((ROOT / "data" / "corpus").rglob("*.json"))
    ]
    forms = dict(FORMS)
    forms["decomposed accents, CRLF"] = lambda t: unicodedata.normalize("NFD", pdf_like(t)).replace("\n", "\r\n")
    forms["pages with ligatures"] = lambda t: ligated(pdf_pages(t))
    forms["PDF-like, markers glued to words"] = lambda t: glued_marked(pdf_like(t))
    forms["saved web page (HTML)"] = as_html
    forms["Markdown"] = as_markdown
    runs = off = unmapped = 0
    for form in forms.values():
        for original in texts:
            given = form(original)
            text, source = normalize_mapped(given)
            runs += 1
            if source is None:
                unmapped += 1
                continue
            previous = -1
            for j, c in enumerate(text):
                k = source.source(j)
                written = given[k]
                ligature = unicodedata.normalize("NFKC", written)
                joined = ligature != written and c in ligature
                same = (
                    written == c or written == unicodedata.normalize("NFD", c)[0] or (c in " \n" and written.isspace())
                )
                if written == "&":  # a character reference of a web page: its character, or a space
                    same = same or html.unescape(given[k : given.find(";", k) + 1]) in (c, "\xa0")
                elif written == "<":  # a tag that ends a line
                    same = same or c == "\n"
                if not ((k > previous or (joined and k == previous)) and (same or joined)):
                    off += 1
                    break
                previous = k
    print(f"offset map sweep: {runs} texts, {off} with a character off, {unmapped} without a map")


def main() -> None:
    from orgstruct.extraction_eval import evaluate_extraction, load_gold

    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", default="gold_train")
    parser.add_argument("--sweep", action="store_true")
    args = parser.parse_args()
    items = load_gold(ROOT / "data", ROOT / "seeds", folder=args.folder)
    print(f"rules alone on data/{args.folder}, per language: relations / operations / groups / persons")
    for name, form in TRAIN_FORMS.items():
        r = evaluate_extraction([(g, form(t), lang) for g, t, lang in items], learned=False)
        cells = []
        for lang in ("en", "es"):
            s = r[lang].summary()
            figures = [s[k] for k in ("relations_f1", "operations_f1", "groups_f1", "persons_f1")]
            cells.append(f"{lang} " + " / ".join(f"{f:.3f}" for f in figures))
        print(f"  {name:24} " + "   ".join(cells))
    if args.sweep:
        sweep()


if __name__ == "__main__":
    main()
