"""Reading and checking input text; normalisation, sentences and language."""

from __future__ import annotations

import re
import unicodedata

from orgstruct.errors import InputError
from orgstruct.schema import Document, Sentence

MAX_CHARS = 2_000_000
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
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[¿¡]?[A-ZÁÉÍÓÚÑÜ0-9])")
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
    """Decode UTF-8 input bytes, rejecting binary and other encodings with a clear message."""
    if len(data) > MAX_CHARS * 4:
        raise InputError(f"{source}: file is too large; the limit is {MAX_CHARS:,} characters, got {len(data):,} bytes")
    if b"\x00" in data[:65536]:
        raise InputError(f"{source}: file looks binary (it contains NUL bytes); give UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: file is not valid UTF-8 (byte {exc.start}); re-encode it as UTF-8") from None
    return check_text(text, source)


# a line that ends a sentence or opens a list ("Those charged include:"): the newline after it
# may end a paragraph
_LINE_END = re.compile(r"[.!?…:][\"'”’»)\]]*\s*$")
_LIST_ITEM = re.compile(r"\s*(?:[-•*–—]\s|\d{1,2}[.)]\s)")
WRAP_MIN_LINE = 30  # hard-wrapped text has lines at least this long; shorter lines are headings or lists
WRAP_SHARE = 0.6  # ... and near its wrap width: at least this share of the text's long lines
UNWRAP = True  # benchmarks/robustness.py turns it off once to show what joining the lines does


def unwrap_lines(text: str) -> str:
    """Hard-wrapped text (PDFs, e-mail, court filings) breaks sentences and names across lines,
    and a newline always ends a sentence here: a newline inside a paragraph becomes a space.
    It is inside a paragraph when the line before is at least WRAP_MIN_LINE characters long and
    WRAP_SHARE of the text's longest lines, does not end a sentence or with a colon, and the next line
    is text, not a blank line or a list item. Offsets do not move (one character for one)."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    out = list(text)
    pos = 0
    for line, nxt in zip(lines, lines[1:], strict=False):
        pos += len(line)  # the newline after this line
        size = len(line.rstrip())
        if (
            size >= WRAP_MIN_LINE
            and size >= WRAP_SHARE * width
            and nxt.strip()
            and not _LINE_END.search(line)
            and not _LIST_ITEM.match(nxt)
        ):
            out[pos] = " "
        pos += 1
    return "".join(out)


def normalize(text: str) -> str:
    """NFC, one newline form, no-break spaces and tabs as spaces, hard-wrapped lines joined
    (``unwrap_lines``); offsets in the result are what evidence refers to."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\t", " ")
    return unwrap_lines(text) if UNWRAP else text


def _is_abbreviation(chunk: str) -> bool:
    last = chunk.rstrip("\"'”’)]").rsplit(None, 1)[-1] if chunk.strip() else ""
    word = last.rstrip(".").lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences with character offsets; paragraphs (newlines) always end a sentence."""
    sentences: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        pieces, cursor = [], start
        for boundary in _BOUNDARY.finditer(text, para.start(), para.end()):
            if _is_abbreviation(text[cursor : boundary.start()]):
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


def detect_language(text: str) -> str:
    """'en' or 'es', from function-word counts."""
    words = re.findall(r"[a-záéíóúñü]+", text.lower())
    en = sum(w in _EN_WORDS for w in words)
    es = sum(w in _ES_WORDS for w in words)
    return "es" if es > en else "en"


def make_document(text: str) -> Document:
    text = normalize(check_text(text))
    return Document(text=text, sentences=split_sentences(text), lang=detect_language(text))
