"""Reading and checking input text; normalisation, sentences and language."""

from __future__ import annotations

import os
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from pathlib import Path

from orgstruct.docx import docx_to_text, looks_like_docx
from orgstruct.errors import InputError
from orgstruct.pdf import looks_like_pdf, pdf_to_text
from orgstruct.schema import Document, Sentence, SourceMap
from orgstruct.webpage import html_to_text, looks_like_html

MAX_CHARS = 2_000_000
MAX_PDF_BYTES = 100_000_000  # a PDF's images make it far larger than its text
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"  # footnote markers a PDF keeps as characters of their own
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sr",
    "sra",
    "srta",
    "gen",
    "lt",
    "col",
    "capt",
    "cap",
    "sgt",
    "no",
    "st",
    "jr",
    "u.s",
    "u.k",
    "e.g",
    "i.e",
    "etc",
    "vs",
    "inc",
    "corp",
    "co",
    "dept",
    "gral",
    "lic",
    "ing",
    "av",
    "núm",
    "aprox",
    "p.ej",
    "ee.uu",
    "uu",
}
# a sentence's end: . ! ? or …, closing quotes or brackets, and a footnote marker a PDF leaves there
# ("deserters.12 Their", "deserters.¹² Their", "deserters.[12] Their"; digits right after a full
# stop only after a letter, since "2.3 Million" is a number), then space and a capital or a digit
_BOUNDARY = re.compile(
    r"(?:(?<=[.!?…])[\"'”’)\]]*(?:[" + _SUPERSCRIPT_DIGITS + r"]+|\[\d{1,3}\])?|(?<=[^\W\d_][.!?])\d{1,3})"
    r"\s+(?=[\"'“‘(\[¿¡]?[A-ZÁÉÍÓÚÑÜ0-9])"
)
_EN_WORDS = {"the", "and", "of", "to", "in", "was", "is", "that", "for", "by", "with", "his"}
_ES_WORDS = {"el", "la", "los", "las", "de", "del", "que", "y", "en", "por", "con", "su", "una"}


def check_text(text: str, source: str = "text") -> str:
    """Return the text if it can be classified, else raise InputError naming the problem."""
    if not isinstance(text, str):
        raise InputError(f"{source}: input must be text (str), got {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise InputError(f"{source}: text is too large; the limit is {MAX_CHARS:,} characters, got {len(text):,}")
    if "\x00" in text:
        raise InputError(f"{source}: input looks binary (it contains NUL bytes); give plain text")
    if not text.strip():
        raise InputError(f"{source}: text is empty or whitespace only; give a non-empty text")
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if controls > max(8, len(text) // 100):
        raise InputError(f"{source}: input looks binary ({controls} control characters)")
    return text


def decode_bytes(data: bytes, source: str) -> str:
    """Decode UTF-8 input bytes, rejecting binary and other encodings with a clear message; a PDF
    file gives the text of its pages (``orgstruct.pdf``), a Word file that of its paragraphs
    (``orgstruct.docx``)."""
    if looks_like_docx(data):
        return check_text(docx_to_text(data, source), source)
    if looks_like_pdf(data):
        if len(data) > MAX_PDF_BYTES:
            raise InputError(f"{source}: PDF is too large; the limit is {MAX_PDF_BYTES:,} bytes, got {len(data):,}")
        return check_text(pdf_to_text(data, source), source)
    if len(data) > MAX_CHARS * 4:
        raise InputError(f"{source}: file is too large; the limit is {MAX_CHARS:,} characters, got {len(data):,} bytes")
    if b"\x00" in data[:65536]:
        raise InputError(f"{source}: file looks binary (it contains NUL bytes); give UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: file is not valid UTF-8 (byte {exc.start}); re-encode it as UTF-8") from None
    return check_text(text, source)


def read_file(path: str | os.PathLike) -> str:
    """The text of a report file, as ``predict`` and ``extract`` take it: UTF-8 text (a web page's
    HTML is kept as it is and read as its text when predicted), the text of a PDF's pages, or
    that of a Word file's paragraphs.
    InputError names what is wrong with the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    return decode_bytes(data, str(path))


# a line that ends a sentence or opens a list ("Those charged include:"): the newline after it
# may end a paragraph
_LINE_END = re.compile(r"[.!?…:][\"'”’»)\]]*\s*$")
# a list item: a bullet, or "1)"; "13. Ocho de ellos" after a line that runs on is a sentence's
# continuation, so "N." does not count
_LIST_ITEM = re.compile(r"\s*(?:[-•*–—]\s|\d{1,2}\)\s)")
_HYPHEN_END = re.compile(r"([^\W\d_]+)-$")  # "Sina-" at the end of a line
_WORD = re.compile(r"[^\W\d_]+")
_HYPHENATED = re.compile(r"[^\W\d_]+-[^\W\d_]+")
WRAP_MIN_LINE = 30  # hard-wrapped text has lines at least this long; shorter lines are headings or lists
WRAP_SHARE = 0.6  # ... and near its wrap width: at least this share of the text's long lines
# benchmarks/robustness.py turns it off to show the text as read before the layout repairs (lines not
# joined, invisible characters and runs of spaces left as they are)
UNWRAP = True
# invisible in print but cutting a word in two: soft hyphen, zero-width spaces and joiners, BOM
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
# horizontal white space other than the plain space: tab, no-break, en to hair, narrow, ideographic
_OTHER_SPACES = dict.fromkeys(
    map(ord, "\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " "
)
_SPACE_RUN = re.compile(r" {2,}")


def unwrap_lines(text: str) -> str:
    """Hard-wrapped text (PDFs, e-mail, court filings) breaks sentences and names across lines,
    and a newline always ends a sentence here: a newline inside a paragraph becomes a space.
    It is inside a paragraph when the line before is at least WRAP_MIN_LINE characters long and
    WRAP_SHARE of the text's longest lines (or, at half that length, too long to take the next
    line's first word within the text's wrap width), does not end a sentence or with a colon (a
    colon on a line so cut goes on), and the next line is text, not a blank line or a list item.
    A word hyphenated at the line end is joined: with its hyphen before a capital
    ("Beltrán-\nLeyva"), where the text writes the compound hyphenated elsewhere, where a short
    word and a hyphen follow ("brother-\nin-law"), or where both halves are words the text writes
    elsewhere ("cocaine-\nsmuggling"), or after an acronym or a capitalised word the text writes
    elsewhere ("UN-\nbacked", "Dubai-\nbased"); else without it ("prose-\ncutors", "Sina-\nloa")."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    words: Counter[str] | None = None
    hyphenated: set[str] = set()
    out: list[str] = []
    for line, nxt in zip(lines, lines[1:], strict=False):
        out.append(line)
        size = len(line.rstrip())
        first = _WORD.match(nxt.lstrip())
        # a line cut short because the next word did not fit ("para trepar a los\nportacontenedores")
        pushed = width >= WRAP_MIN_LINE and first is not None and size + 1 + len(first.group(0)) > width
        if not (
            size >= WRAP_MIN_LINE / 2
            and (size >= WRAP_MIN_LINE and size >= WRAP_SHARE * width or pushed)
            and nxt.strip()
            # "el alcalde Rolando Espinosa Sr.\nfue asesinado": an abbreviation, then the sentence goes on
            and not (
                _LINE_END.search(line)
                and not (_is_abbreviation(line) and nxt[:1].islower())
                # "three leaders of Peru's Shining Path:\nFlorindo ...": a colon at the wrap width
                # goes on into the next line unless a list follows
                and not (line.rstrip().endswith(":") and pushed)
            )
            and not _LIST_ITEM.match(nxt)
        ):
            out.append("\n")
            continue
        cut, rest = _HYPHEN_END.search(line), _WORD.match(nxt)
        if cut is None or rest is None:
            out.append(" ")
            continue
        if words is None:
            words = Counter(w.casefold() for w in _WORD.findall(text))
            hyphenated = {w.casefold() for w in _HYPHENATED.findall(text)}
        left, right = cut.group(1), rest.group(0)
        whole = (left + right).casefold() in words  # the text writes the word whole elsewhere
        compound = (
            f"{left}-{right}".casefold() in hyphenated  # ... or hyphenated
            or (len(right) <= 3 and nxt[len(right) : len(right) + 1] == "-")  # "brother-\nin-law"
            or (words[left.casefold()] > 1 and words[right.casefold()] > 1)  # "cocaine-\nsmuggling"
            or left.isupper()  # "UN-\nbacked"
            or (left[0].isupper() and words[left.casefold()] > 1)  # "Dubai-\nbased", "Yamaguchi-\ngumi"
        )
        if right[0].islower() and (whole or not compound):
            out[-1] = line[:-1]  # a soft break inside a word: "prose-\ncutors", "deten-\nido"
    out.append(lines[-1])
    return "".join(out)


# a page number as a line of its own: "12", "- 12 -", "Page 12", "Página 3 de 14", "3/14"
_PAGE_NUMBER = re.compile(
    r"(?:(?:page|p[áa]gina|p[áa]g\.|p\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|de|/)\s*\d{1,4})?", re.IGNORECASE
)
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
FURNITURE_REACH = 2  # lines with text before and after a page break in which its header and footer stand
FURNITURE_MAX = 100  # characters: a running header or footer is one short line


# digits a PDF glued to a word's end where a superscript marker stood ("the Sinaloa Cartel12 moved",
# "deserters12."): after two lowercase letters, so that code names stay ("MS13", "Z40", "MI6", "G9")
_GLUED_DIGITS = r"(?<=[^\W\d_A-ZÁÉÍÓÚÑÜ]{2})(\d{1,3})(?=[\s.,;:!?)\"”’]|$)"
# digits right after a word's punctuation ("deserters.12 Their", "Zambada,13 was")
_PUNCT_DIGITS = r"(?<=[^\W\d_][.,;:!?\"”’)])(\d{1,3})(?=\s)"
# a footnote marker in the text: digits right after a word's punctuation ("deserters.12 Their"),
# superscript digits, or digits in brackets; and a note at a page's foot, opened by its number
_MARKER = re.compile(_PUNCT_DIGITS + r"|([" + _SUPERSCRIPT_DIGITS + r"]+)|\[(\d{1,3})\]|" + _GLUED_DIGITS)
_NOTE = re.compile(r"(?:(\d{1,3})|([" + _SUPERSCRIPT_DIGITS + r"]+))\s+\S")
_PLAIN_DIGITS = str.maketrans(_SUPERSCRIPT_DIGITS, "0123456789")
FOOTNOTE_REACH = 15  # lines of text at a page's foot in which its footnotes stand


def _footnotes(text: str, keys: list[str], filled: list[int], starts: list[int], furniture: set[int]) -> set[int]:
    """The footnotes at the foot of each page (lines are indices into ``keys``; ``starts`` the
    ranks of ``filled`` where pages start): the last lines of a page from the first that opens a
    note whose number the text used as a marker, if every later line opens the next such note or
    goes on the one before ("...were bribed.¹" ... "1 Court records cited by the local press.")."""
    markers = {int("".join(g for g in m.groups() if g).translate(_PLAIN_DIGITS)) for m in _MARKER.finditer(text)}
    if not markers:
        return set()
    notes: set[int] = set()
    last = 0  # the number of the last note dropped: notes count on across pages
    for lo, hi in zip(starts, starts[1:], strict=False):
        page = [filled[r] for r in range(lo, hi) if filled[r] not in furniture]
        # from the first of the page's last FOOTNOTE_REACH lines on, never its first line: a page
        # of notes alone is read as text
        for k in range(max(1, len(page) - FOOTNOTE_REACH), len(page)):
            opened = [_NOTE.match(keys[j]) for j in page[k:]]
            numbers = [int((m.group(1) or m.group(2)).translate(_PLAIN_DIGITS)) for m in opened if m]
            runs = "".join("n" if m else "c" for m in opened)
            if (
                opened[0] is not None
                and numbers[0] > last
                and all(n in markers for n in numbers)
                and numbers == sorted(set(numbers))
                and "ccc" not in runs  # a note goes on for two lines at most; more is text ("1 de enero de ...")
            ):
                notes.update(page[k:])
                last = numbers[-1]
                break
    return notes


MARKERS_MIN = 3  # footnote markers a text must use, counting up, before its glued digits are dropped
_MARKER_AT = re.compile(_PUNCT_DIGITS + "|" + _GLUED_DIGITS)


def drop_glued_markers(text: str) -> str:
    """Footnote markers a PDF flattened into plain digits are dropped: glued to a word ("the
    Sinaloa Cartel12 moved" would name a "Cartel12") or after its punctuation ("Zambada,13 was",
    "deserters.12 Their"). Only in a text that uses at least MARKERS_MIN of them and whose numbers
    count up (at least three quarters of them larger than the one before), as notes do; a lone
    "Calle18" stays, and so do digits after capitals or other digits ("MS13", "Z40", "2.3")."""
    found = list(_MARKER_AT.finditer(text))
    if len(found) < MARKERS_MIN:
        return text
    numbers = [int(m.group(1) or m.group(2)) for m in found]
    rising = sum(b > a for a, b in zip(numbers, numbers[1:], strict=False))
    if rising < 0.75 * (len(numbers) - 1):
        return text
    return _MARKER_AT.sub("", text)


def drop_page_furniture(text: str) -> tuple[str, SourceMap]:
    """Text from a PDF carries each page's running header and page number into the middle of a
    paragraph ("...was led by\\n12\\n\\fInSight Crime | Investigations\\nJuan Pérez..."): they
    would end the sentence or be read into a name. Dropped, with the blank lines around them:

    * a form feed (a page break) marks where a page starts; so do the text's start and end when
      it has one;
    * with none, page numbers standing alone, written the same way and counting up (1, 2, 3)
      mark them, with the text's start and end; bare numbers ("2") only if one of them stands
      after a line that runs on (no full stop), inside a paragraph;
    * within FURNITURE_REACH lines of text of a page start, a page number, and a line written
      the same (but for its digits) at least twice, each time near a page start, and not
      ending a sentence, are furniture;
    * so are a page's footnotes (``_footnotes``), at its foot, when the text uses their numbers
      as markers.

    Returns the text and where its characters stand in the input."""
    if "\n" not in text:
        return text.replace("\f", " "), SourceMap((0,), (0,))
    lines = text.split("\n")
    keys = [line.replace("\f", " ").strip() for line in lines]
    filled = [i for i, k in enumerate(keys) if k]
    rank = {i: r for r, i in enumerate(filled)}
    numbers = [i for i in filled if len(keys[i]) <= FURNITURE_MAX and _PAGE_NUMBER.fullmatch(keys[i])]
    # each short line as written, its digits aside: a running header is written the same on every page
    written_as = {i: _DIGITS.sub("#", keys[i]).casefold() for i in filled if len(keys[i]) <= FURNITURE_MAX}
    starts: set[int] = set()  # ranks of the lines that open a page
    for i, line in enumerate(lines):
        if "\f" in line:
            starts.add(bisect_left(filled, i))  # the rank of the first line with text from here on
    if starts:
        starts |= {0, len(filled)}
    else:
        by_shape: dict[str, list[int]] = {}
        for i in numbers:
            by_shape.setdefault(written_as[i], []).append(i)
        for shape, lines_of in by_shape.items():
            pages = [int(_DIGITS.findall(keys[i])[0]) for i in lines_of]
            counted = len(pages) >= 2 and pages == list(range(pages[0], pages[0] + len(pages)))
            interrupts = any(
                rank[i] > 0
                and len(keys[filled[rank[i] - 1]]) >= WRAP_MIN_LINE
                and not _LINE_END.search(keys[filled[rank[i] - 1]])
                for i in lines_of
            )
            if counted and (shape != "#" or interrupts):
                starts |= {rank[i] + 1 for i in lines_of}  # a page starts after its predecessor's number
        if starts:
            starts |= {0, len(filled)}
    if not starts:
        return text.replace("\f", " "), SourceMap((0,), (0,))

    close = bytearray(len(filled) + 1)  # 1 where a line's rank is within reach of a page start
    for b in starts:
        close[max(0, b - FURNITURE_REACH) : b + FURNITURE_REACH] = b"\x01" * (
            min(len(close), b + FURNITURE_REACH) - max(0, b - FURNITURE_REACH)
        )

    def near(r: int) -> bool:
        return bool(close[r])

    furniture = {i for i in numbers if near(rank[i])}
    same: dict[str, list[int]] = {}
    for i, written in written_as.items():
        same.setdefault(written, []).append(i)
    for group in same.values():
        # a line of text that ends a sentence is no header, even when written twice
        if len(group) >= 2 and all(near(rank[i]) for i in group) and not _SENTENCE_END.search(keys[group[0]]):
            furniture.update(group)
    furniture |= _footnotes(text, keys, filled, sorted(starts), furniture)
    # a page break, or furniture, and the blank lines around it: dropped, the lines of text on
    # either side then meet as two lines (joined by unwrap_lines if the first runs on)
    dropped: set[int] = set()
    run: list[int] = []
    for i in range(len(lines) + 1):
        if i < len(lines) and (not keys[i] or i in furniture):
            run.append(i)
            continue
        if any(j in furniture or "\f" in lines[j] for j in run):
            dropped.update(run)
        run = []
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    out: list[str] = []
    points, shifts = [0], [0]
    size = 0  # length of the output so far
    kept = [i for i in range(len(lines)) if i not in dropped]
    for n, i in enumerate(kept):
        line = lines[i]
        lead = len(line) - len(line.lstrip("\f"))  # a form feed opening the line: dropped
        begin = offsets[i] + lead
        if begin - size != shifts[-1]:
            if points[-1] == size:
                shifts[-1] = begin - size
            else:
                points.append(size)
                shifts.append(begin - size)
        piece = line[lead:].replace("\f", " ") + ("\n" if n + 1 < len(kept) else "")
        out.append(piece)
        size += len(piece)
    return "".join(out), SourceMap(tuple(points), tuple(shifts))


# typographic ligatures a PDF's text carries ("traﬃcking", "ofﬁcials"): the letters they stand for
_LIGATURES = {
    ord(k): v for k, v in {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}.items()
}
_LIGATURE = re.compile("[" + "".join(map(chr, _LIGATURES)) + "]")


def _composed(text: str) -> str:
    """NFC, and ligatures written out: the only steps that may turn one character into several."""
    return unicodedata.normalize("NFC", text).translate(_LIGATURES)


# a report's closing list of notes or references, as pasted with it: a heading of its own, then
# mostly numbered entries or citations ("1 InSight Crime, 'Los Zetas', 2019.", "[2] https://...")
_NOTES_HEADING = re.compile(
    r"^[ \t]*(?:notes|endnotes|notas|notas finales|references|referencias|bibliography|bibliografía|sources|fuentes)"
    r"[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ENTRY = re.compile(r"^\s*(?:\[?\d{1,3}\]?[.)]?\s|[-•*]\s)|https?://|\b(?:19|20)\d\d\b")
NOTES_SHARE = 0.6  # of the lines after such a heading that must read as entries


def drop_endnotes(text: str) -> str:
    """The text before its closing notes or references: their citations name groups and people
    ("InSight Crime, 'Los Zetas: a profile', 2019") that the report itself does not speak of there.
    Only the last such heading counts, followed by at least two lines, NOTES_SHARE of them
    entries; dropping a tail leaves every earlier offset where it was."""
    headings = list(_NOTES_HEADING.finditer(text))
    if not headings:
        return text
    last = headings[-1]
    lines = [line for line in text[last.end() :].split("\n") if line.strip()]
    if len(lines) < 2 or sum(bool(_ENTRY.search(line)) for line in lines) < NOTES_SHARE * len(lines):
        return text
    return text[: last.start()].rstrip(" \t\n")


# Markdown, as a page copied into a note-taking tool or a chat gives it: links, images, emphasis,
# headings and quotes; only the marks are dropped, so every kept character keeps its order
_MD_LINK = re.compile(r"(!?)\[([^\[\]\n]{1,300})\]\((?:https?://|www\.|/|#)[^)\s]*(?:\s+\"[^\"\n]*\")?\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_MD_LINE_MARK = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?)", re.MULTILINE)
_MD_REFERENCE = re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]*\S+[^\n]*(?:\n|$)", re.MULTILINE)
MARKDOWN_MARKS_MIN = 2  # links, headings and strong emphasis a text must have to be read as Markdown


def drop_markdown(text: str) -> str:
    """A text written in Markdown read as its words: a link is its text ("[Los Zetas](https://...)"
    is "Los Zetas"), an image and a reference definition go, emphasis and heading and quote
    marks go. Only a text with at least MARKDOWN_MARKS_MIN such links, headings or strong
    emphases is touched, so that a report quoting "[sic]" or starring a footnote stays as it is."""
    marks = len(_MD_LINK.findall(text)) + len(_MD_STRONG.findall(text))
    marks += sum(1 for m in _MD_LINE_MARK.finditer(text) if m.group(0).strip().startswith("#"))
    if marks < MARKDOWN_MARKS_MIN:
        return text
    text = _MD_REFERENCE.sub("", text)
    text = _MD_LINK.sub(lambda m: "" if m.group(1) else m.group(2), text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EMPHASIS.sub(r"\1", text)
    return _MD_LINE_MARK.sub("", text)


# a web page's furniture copied with a report: links to other stories ("SEE ALSO: Sinaloa Cartel
# News and Profile", "VEA TAMBIÉN: ..."), tags, image captions and credits, share and print buttons,
# and a byline near the top. Each names groups and people the report does not speak of there.
_WEB_LINE = re.compile(
    r"^[ \t]*(?:(?:see also|read more|read also|also read|related|related content|related stories|"
    r"vea también|ver también|lea también|lee también|le puede interesar|te puede interesar|relacionado|"
    r"relacionada|relacionados|relacionadas|más información|tags|etiquetas|featured image|main image|lead image|"
    r"top image|image|photo|photo credit|foto|imagen|crédito|credit|créditos)[ \t]*:[^\n]{0,200}|"
    r"(?:share|share this|share this article|compartir|tweet|print|imprimir|advertisement|publicidad|"
    r"related content|related articles|contenido relacionado|artículos relacionados|notas relacionadas|"
    r"read more|leer más)[ \t]*)(?:\n|$)",
    re.IGNORECASE | re.MULTILINE,
)
_NAME_WORD = r"[A-ZÁÉÍÓÚÑ][\w'’.\-]+"
_BYLINE = re.compile(
    r"[ \t]*(?i:by|por|written by|escrito por|author|autor|autora)[ \t]*:?[ \t]+"
    + _NAME_WORD
    + r"(?:(?:[ \t]+|[ \t]*,[ \t]*)(?:"
    + _NAME_WORD
    + r"|de|del|la|y|and|&))*[ \t]*"
)  # matched against one whole line
BYLINE_LINES = 5  # a byline stands among a page's first lines


def drop_web_furniture(text: str) -> str:
    """The text without the lines a web page adds to a report (``_WEB_LINE``: links to other
    stories, tags, captions, buttons) and without a byline among its first BYLINE_LINES lines.
    Whole lines only, so every kept character keeps its order."""
    text = _WEB_LINE.sub("", text)
    lines = text.split("\n")
    head = [i for i, line in enumerate(lines) if line.strip()][:BYLINE_LINES]
    drop = {i for i in head if _BYLINE.fullmatch(lines[i])}
    if not drop:
        return text
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def _prepared(text: str) -> str:
    """NFC, ligatures written out, one newline form, invisible characters dropped, any run of
    horizontal white space one plain space, Markdown marks, a closing notes list and a web page's
    furniture dropped: the steps before the page furniture and the line joining."""
    text = _composed(text).replace("\r\n", "\n").replace("\r", "\n")
    text = drop_markdown(_SPACE_RUN.sub(" ", text.translate(_INVISIBLE).translate(_OTHER_SPACES)))
    return drop_web_furniture(drop_endnotes(text))


def normalize(text: str) -> str:
    """NFC, ligatures written out, one newline form, invisible characters (soft hyphens, zero-width
    spaces) dropped, any run of horizontal white space one plain space, page headers and numbers dropped
    (``drop_page_furniture``), footnote markers glued to words dropped (``drop_glued_markers``),
    hard-wrapped lines joined (``unwrap_lines``). Offsets in the
    result, which evidence refers to, are offsets into this text (the sentence itself is given
    with each piece of evidence; ``normalize_mapped`` gives where they stand in the input).
    A web page (HTML) is first read as the text a reader sees of it (``webpage.html_to_text``)."""
    if not UNWRAP:
        if looks_like_html(text):
            text = html_to_text(text)[0]
        text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
        return text.replace("\u00a0", " ").replace("\t", " ")
    return _steps(text)[-1]


def _steps(given: str) -> tuple[str, SourceMap | None, str, str, SourceMap, str]:
    """The normalisation step by step: the text read (a web page's text, else ``given``) and its
    map into the page (None if not a page), then after ``_prepared``, after the page furniture
    (with its map), and the normalised text."""
    page = None
    if looks_like_html(given):
        given, page = html_to_text(given)
    prepared = _prepared(given)
    kept, furniture = drop_page_furniture(prepared)
    return given, page, prepared, kept, furniture, unwrap_lines(drop_glued_markers(kept))


_BLOCK = 256  # characters compared at once while aligning the normalised text with the input
_HANGUL_JAMO = re.compile(r"[\u1160-\u11ff\ud7b0-\ud7ff]")  # vowel and final jamo compose with what precedes


def _composed_map(text: str) -> tuple[str, SourceMap | None]:
    """``_composed(text)`` and where its characters stand in ``text``: every character composed
    from a base and its combining marks stands where the base does, every letter of a ligature
    where the ligature does."""
    points, shifts = [0], [0]
    out: list[str] = []
    n = 0  # length of the composed text so far
    bounds = [i for i, c in enumerate(text) if i == 0 or not (unicodedata.combining(c) or _HANGUL_JAMO.match(c))]
    bounds.append(len(text))
    for seg, nxt in zip(bounds, bounds[1:], strict=False):
        piece = text[seg:nxt]
        composed = _composed(piece)
        out.append(composed)
        if composed != piece:
            for k in range(len(composed)):
                points.append(n + k)
                shifts.append(seg - (n + k))
            points.append(n + len(composed))
            shifts.append(nxt - (n + len(composed)))
        n += len(composed)
    joined = "".join(out)
    if joined != _composed(text):
        return _composed(text), None  # a composition across pieces: no map
    return joined, SourceMap(tuple(points), tuple(shifts))


def _aligned_map(given: str, text: str, before: SourceMap | None = None) -> SourceMap | None:
    """Where each character of ``text`` (``given`` normalised, composed already) stands in
    ``given``: normalising only drops characters and turns white space into a space or a newline,
    so the characters are matched left to right, a character of ``given`` that does not match
    being one that was dropped. None if ``text`` cannot be matched so (not expected)."""
    points, shifts = [0], [0]
    i = j = 0
    n, m = len(given), len(text)
    while j < m:
        if given[i : i + _BLOCK] == text[j : j + _BLOCK]:
            step = min(_BLOCK, m - j)
            i, j = i + step, j + step
            continue
        if i >= n:
            return None
        a, b = given[i], text[j]
        # white space turned into a space or newline, but the "\r" of "\r\n" was dropped
        if a == b or (b in " \n" and a.isspace() and not (a == "\r" and given[i + 1 : i + 2] == "\n")):
            i, j = i + 1, j + 1
            continue
        i += 1  # a dropped character: from j on, the text stands one further along
        if points[-1] == j:
            shifts[-1] = i - j
        else:
            points.append(j)
            shifts.append(i - j)
    return SourceMap(tuple(points), tuple(shifts), before)


def normalize_mapped(given: str) -> tuple[str, SourceMap | None]:
    """``normalize(given)`` and where its characters stand in ``given`` (None if that could not be
    worked out; offsets then stay those of the normalised text)."""
    if not UNWRAP:
        return normalize(given), None
    given, page, prepared, kept, furniture, text = _steps(given)  # page: a web page's map into it
    if text == given:
        return text, page or SourceMap((0,), (0,))
    composed, nfc = given, page
    if not unicodedata.is_normalized("NFC", given) or _LIGATURE.search(given):
        composed, nfc = _composed_map(given)
        if nfc is None:
            return text, None
        nfc = SourceMap(nfc.points, nfc.shifts, page)
    steps = _aligned_map(composed, prepared, nfc)
    if steps is None:
        return text, None
    return text, _aligned_map(kept, text, SourceMap(furniture.points, furniture.shifts, steps))


_NAME_SUFFIXES = {"jr", "sr"}
_DETERMINERS = {"el", "la", "al", "del", "the", "a", "an", "un", "una", "y", "and"}


def _is_abbreviation(chunk: str, suffix_ends: bool = False) -> bool:
    """The chunk ends in an abbreviation; ``suffix_ends``: a name suffix after a surname does not
    count (a capital follows it: a sentence starts)."""
    words = chunk.rstrip("\"'”’)]").rsplit(None, 2) if chunk.strip() else [""]
    word = words[-1].rstrip(".").lower()
    if (
        suffix_ends
        and word in _NAME_SUFFIXES
        and len(words) > 1
        and words[-2][:1].isupper()
        and words[-2].lower() not in _DETERMINERS
    ):
        # "Rolan Espinosa Jr. According to police": a suffix after a surname ends the name, and a
        # capital after it starts a sentence ("el Sr. Pérez" is a title before a name)
        return False
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences with character offsets; paragraphs (newlines) always end a sentence."""
    sentences: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        pieces, cursor = [], start
        for boundary in _BOUNDARY.finditer(text, para.start(), para.end()):
            if _is_abbreviation(text[cursor : boundary.start()], suffix_ends=True):
                continue
            pieces.append((cursor, boundary.start()))
            cursor = boundary.end()
        pieces.append((cursor, para.end()))
        for s, e in pieces:
            chunk = text[s:e]
            lead = len(chunk) - len(chunk.lstrip())
            chunk = chunk.strip()
            if chunk:
                sentences.append(Sentence(len(sentences), s + lead, s + lead + len(chunk), chunk))
    return tuple(sentences)


# function words that English and Spanish do not share with the languages crime reporting
# about the same regions is also written in
_OTHER_WORDS = {
    "Portuguese": set(
        "não uma com em ao aos à às pela pelas pelos também são foi foram ele ela eles elas seu sua seus "
        "suas das nas isso esse essa muito".split()
    ),
    "Italian": set("il della delle degli dei di che non gli nel nella nei è sono anche questo questa alla più".split()),
    "French": set("des du et est une dans qui pas sur aux cette ils elle sont été avec pour également leur".split()),
}
_MIN_OTHER = 5  # function words of another language a text needs before it is called that language


def unsupported_language(text: str) -> str | None:
    """The language a text looks written in when that is neither English nor Spanish (Portuguese,
    Italian or French, from function-word counts), else None. orgstruct's lexicons and rules read
    English and Spanish only: a text in another language is read as the closer of the two."""
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿñæœáíóúãõ]+", text.lower())
    en = sum(w in _EN_WORDS for w in words)
    es = sum(w in _ES_WORDS for w in words)
    counts = {lang: sum(w in marks for w in words) for lang, marks in _OTHER_WORDS.items()}
    lang, n = max(counts.items(), key=lambda kv: kv[1])
    return lang if n >= _MIN_OTHER and n > max(en, es) else None


def language_note(text: str) -> str | None:
    """A one-line note when ``text`` looks written in a language orgstruct does not read."""
    lang = unsupported_language(text)
    if lang is None:
        return None
    return f"the text looks written in {lang}; orgstruct reads English and Spanish only, so its labels are unreliable"


def detect_language(text: str) -> str:
    """'en' or 'es', from function-word counts."""
    words = re.findall(r"[a-záéíóúñü]+", text.lower())
    en = sum(w in _EN_WORDS for w in words)
    es = sum(w in _ES_WORDS for w in words)
    return "es" if es > en else "en"


def make_document(text: str) -> Document:
    given = check_text(text)
    text, source = normalize_mapped(given)
    if not text.strip():
        if looks_like_html(given):  # a web page whose content its scripts draw, or markup alone
            raise InputError("web page holds no text to read (markup or scripts only); save the page as text")
        raise InputError("text holds nothing to read but page numbers, headers, links or notes")
    return Document(text=text, sentences=split_sentences(text), lang=detect_language(text), source=source)
