"""Hard-wrapped text: extraction and classification of the same documents as given and wrapped.

Reports copied from PDFs, e-mail or court filings arrive with a newline every 45-100
characters, and a newline ends a sentence for the extractor, so names and sentences
would be cut apart. orgstruct.text.unwrap_lines joins such lines; this benchmark
prints what the shipped extraction (learned parts on) and the shipped classifier
read on the documents as given, wrapped at 78 columns with blank lines between
paragraphs, wrapped at 45 columns (a newspaper column) with no blank lines, and
"PDF-like" (45 columns, words hyphenated at line ends, doubled spaces, soft hyphens), and
PDF-like cut into pages of 25 lines with a running header, a page number and a form feed
between pages (as PDF-to-text tools give them), without the form feeds (copied out of a
viewer), or with footnote markers in the text and the notes at each page's foot;
with the layout repairs switched off (text.UNWRAP = False) next to it. Then the classifier
on the forms of benchmarks/layouts_train.py whose repair is one step (footnote markers glued to
words, a web page's furniture, a page saved as HTML, Markdown), with that step and without, and on
the documents written as PDF files and read back (pypdf). The gold sets never choose
anything here: the joining's two numbers (WRAP_MIN_LINE, WRAP_SHARE) were set on
data/gold_train.

Run: .venv/bin/python benchmarks/robustness.py   (prints figures; asserts nothing; about 8 minutes)
"""

from __future__ import annotations

import dataclasses
import os
import random
import re
import textwrap
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent


def wrapped_78(text: str) -> str:
    return "\n\n".join(textwrap.fill(p, 78) for p in text.split("\n") if p.strip())


def wrapped_45(text: str) -> str:
    return "\n".join(textwrap.fill(p, 45) for p in text.split("\n") if p.strip())


def pdf_like(text: str, width: int = 45) -> str:
    """Wrapped at ``width`` with long words hyphenated at the line end, one space in twenty
    doubled and a soft hyphen inside one long word in ten, as text copied out of a typeset PDF
    can come (seeded: the same text gives the same output)."""
    rng = random.Random(len(text))
    out = []
    for para in (p for p in text.split("\n") if p.strip()):
        lines, line = [], ""
        for word in para.split():
            if len(word) >= 8 and word.isalpha() and rng.random() < 0.1:
                word = word[:4] + "\u00ad" + word[4:]
            if not line or len(line) + 1 + len(word) <= width:
                line = f"{line} {word}" if line else word
                continue
            room = width - len(line) - 2  # a space and the hyphen
            if word.isalpha() and room >= 3 and len(word) - room >= 3:
                lines.append(f"{line} {word[:room]}-")
                line = word[room:]
            else:
                lines.append(line)
                line = word
        lines.append(line)
        out.append("\n".join(re.sub(" ", lambda _: "  " if rng.random() < 0.05 else " ", x) for x in lines))
    return "\n".join(out)


_HEADERS = ("InSight Crime | Investigations", "Organized Crime Review 2024", "Informe especial: crimen organizado")
_FOOTERS = ("{n}", "Page {n}", "- {n} -", "Página {n} de {m}")


_NOTES = (
    ("Court records cited by the local press.", "Registros judiciales citados por la prensa local."),
    (
        "Police reports and prosecutors' statements\nseen by the author in 2021.",
        "Informes policiales y declaraciones de\nla fiscalía revisados en 2021.",
    ),
)
_SENTENCE_END_IN_LINE = re.compile(r"(?<=[a-záéíóúñ])\.(?= [A-ZÁÉÍÓÚÑ]|$)")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def pdf_pages(text: str, lines_per_page: int = 25, footnotes: bool = False) -> str:
    """PDF-like, cut into pages as a PDF-to-text tool gives them: a running header at the top of
    every page, a page number at the foot, and a form feed between pages, wherever the page
    ends (mid-sentence, mid-word). Header and footer are drawn per document (seeded). With
    ``footnotes``, one sentence end in three carries a footnote marker (".3", or
    ".³"), and the notes stand at the page's foot above its number, some over two lines."""
    rng = random.Random(len(text) + 1)
    header, footer = rng.choice(_HEADERS), rng.choice(_FOOTERS)
    spanish = sum(w in text.split() for w in ("el", "la", "los", "que")) > sum(
        w in text.split() for w in ("the", "of", "and")
    )
    lines = pdf_like(text).split("\n")
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    out = []
    count = 0
    for n, page in enumerate(pages, 1):
        out.append(("\f" if n > 1 else "") + header)
        notes = []
        for line in page:
            if footnotes:
                ends = list(_SENTENCE_END_IN_LINE.finditer(line))
                for m in reversed(ends):
                    if rng.random() < 1 / 3:
                        count += 1
                        mark = str(count) if count % 2 else str(count).translate(_SUPERSCRIPT)
                        line = line[: m.end()] + mark + line[m.end() :]
                        notes.append(f"{count} {rng.choice(_NOTES)[1 if spanish else 0]}")
            out.append(line)
        out.extend(sorted(notes, key=lambda note: int(note.split()[0])))
        out.append(footer.format(n=n, m=len(pages)))
    return "\n".join(out)


def pdf_pages_no_form_feed(text: str) -> str:
    """PDF pages copied out of a viewer, which drops the form feeds and keeps the headers and page
    numbers."""
    return pdf_pages(text).replace("\f", "")


FORMS = {
    "as given": lambda t: t,
    "wrapped 78": wrapped_78,
    "wrapped 45": wrapped_45,
    "PDF-like 45": pdf_like,
    "PDF pages": pdf_pages,
    "PDF pages, no form feed": pdf_pages_no_form_feed,
    "PDF pages, footnotes": lambda t: pdf_pages(t, footnotes=True),
}


def _classifier_line(label: str, form, model, docs, test_docs, test_groups) -> None:
    """The shipped classifier's macro F1 and log loss on the test split's documents turned by ``form``."""
    from orgstruct.training import build_examples, evaluate_model, split_examples

    examples, missed = build_examples([dataclasses.replace(d, text=form(d.text)) for d in test_docs])
    _, test_ex = split_examples(examples, docs, test_groups)
    s = evaluate_model(model, test_ex)
    print(
        f"  {label:37} macro F1 {s['macro_f1']:.3f}  log loss {s['log_loss']:.3f}  "
        f"({len(test_ex)} groups, {len(missed)} not found)"
    )


def main() -> None:
    import orgstruct.text as text_module
    from orgstruct.extraction_eval import evaluate_extraction, load_gold
    from orgstruct.predict import load_model
    from orgstruct.training import load_split, load_training_data

    print("extraction (learned parts on), F1 per language: relations / operations / groups / persons")
    for folder in ("gold", "gold_fresh"):
        items = load_gold(ROOT / "data", ROOT / "seeds", folder=folder)
        for unwrap in (True, False):
            text_module.UNWRAP = unwrap
            for form, fn in FORMS.items():
                if form == "as given" and not unwrap:
                    continue  # the joining leaves one-paragraph-per-line text as it is
                r = evaluate_extraction([(g, fn(t), lang) for g, t, lang in items])
                cells = []
                for lang in ("en", "es"):
                    s = r[lang].summary()
                    cells.append(
                        f"{lang} {s['relations_f1']:.3f} / {s['operations_f1']:.3f} / "
                        f"{s['groups_f1']:.3f} / {s['persons_f1']:.3f}"
                    )
                label = form if unwrap else f"{form}, not repaired"
                print(f"  {folder:10} {label:37} " + "   ".join(cells))
    text_module.UNWRAP = True

    print("classifier on the group-disjoint test split: macro F1 / log loss")
    model = load_model()
    docs = load_training_data(ROOT / "data")
    test_groups = load_split(ROOT / "data")
    test_docs = [d for d in docs if any(g.group_id in test_groups for g in d.groups)]
    for unwrap in (True, False):
        text_module.UNWRAP = unwrap
        for form, fn in FORMS.items():
            if form == "as given" and not unwrap:
                continue
            _classifier_line(form if unwrap else f"{form}, not repaired", fn, model, docs, test_docs, test_groups)
    text_module.UNWRAP = True

    # the forms of benchmarks/layouts_train.py whose repair is one step that can be switched off
    import layouts_train

    steps = {
        "markers glued to words": ("drop_glued_markers", lambda t: t),
        "web page copy": ("drop_web_furniture", lambda t: t),
        "saved web page (HTML)": ("looks_like_html", lambda t: False),
        "Markdown": ("drop_markdown", lambda t: t),
        "PDF file (pypdf)": (None, None),  # before the PDF reader, a PDF was refused as binary
        "Word file (.docx)": (None, None),  # so was a Word file
    }
    for form, (step, off) in steps.items():
        fn = layouts_train.TRAIN_FORMS[form]
        for repaired in (True, False) if step else (True,):
            kept = getattr(text_module, step) if step else None
            if not repaired:
                setattr(text_module, step, off)
            try:
                label = form if repaired else f"{form}, not repaired"
                _classifier_line(label, fn, model, docs, test_docs, test_groups)
            finally:
                if step:
                    setattr(text_module, step, kept)


if __name__ == "__main__":
    main()
