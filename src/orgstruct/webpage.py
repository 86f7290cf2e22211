"""A report saved as a web page (HTML) read as its text, with where each character stands in the page.

An analyst saves a story from a news site and runs ``orgstruct classify story.html``. Read as
plain text, the page's scripts, menus, related-story links and markup were read as the report
("Los Zetas" from a menu link, names inside ``<script>`` data). Here the page becomes the text
a browser shows of its body: the content of scripts, styles, menus, headers, footers, asides,
forms and figures is dropped; a paragraph, heading, list item, table row or line break ends a
line; character references are read ("&quot;" is '"'); any run of white space inside a line
is one space. Only characters are dropped or written in place of a tag or reference, and the
text never runs ahead of the page, so a :class:`SourceMap` places each character on the page
character it was read from (a reference's character on its "&", a line end on its tag).
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from orgstruct.schema import SourceMap

# elements whose content is no part of the report as a reader sees it
_SKIPPED = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "figure",
    "figcaption",
    "select",
    "iframe",
    "head",
    "title",
}
# elements that end a line where they open or close (a table's cells too: each its own line)
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "td",
    "th",
    "body",
}
_DOCUMENT_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_TAG = re.compile(r"</?(?:p|div|br|span|a|li|ul|h[1-6]|b|i|em|strong|table|tr|td)\b[^<>]*>", re.I)
TAGS_MIN = 5  # a text without a document start is a page if it has this many tags ...
TAG_DENSITY = 1 / 400  # ... and at least one per this many characters


def looks_like_html(text: str) -> bool:
    """The text is a web page: it opens as an HTML document, or its common tags are many and dense
    (a report that mentions "<p>" once is no page)."""
    if _DOCUMENT_START.match(text[:2000]):
        return True
    tags = len(_TAG.findall(text))
    return tags >= TAGS_MIN and tags >= TAG_DENSITY * len(text)


class _Reader(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=False)
        self.page = page
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", page)]
        self.out: list[str] = []
        self.where: list[int] = []  # the page offset of each output character
        self.skip: list[str] = []  # open skipped elements

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, chars: str, at: list[int]) -> None:
        for c, k in zip(chars, at, strict=True):
            if c == " " and (not self.out or self.out[-1] in " \n"):
                continue  # one space in a run, none at a line's start
            if c == "\n":
                if not self.out or self.out[-1] == "\n":
                    continue
                if self.out[-1] == " ":  # no space at a line's end
                    self.out.pop()
                    self.where.pop()
            self.out.append(c)
            self.where.append(k)

    def _line_end(self) -> None:
        if not self.skip:
            self._emit("\n", [self._offset()])

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self.skip.append(tag)
        elif tag in _BLOCKS:
            self._line_end()

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCKS:
            self._line_end()

    def handle_endtag(self, tag):
        if self.skip and tag in _SKIPPED:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in _BLOCKS:
            self._line_end()

    def handle_data(self, data):
        if self.skip:
            return
        start = self._offset()
        chars = "".join(" " if c.isspace() else c for c in data)
        self._emit(chars, list(range(start, start + len(data))))

    def _reference(self, written: str) -> None:
        if self.skip:
            return
        start = self._offset()
        chars = unescape(written)
        if chars == written:  # not a known reference: the characters as written
            self._emit(chars, list(range(start, start + len(chars))))
            return
        chars = " " if chars.isspace() else chars  # &nbsp;
        self._emit(chars, [start] * len(chars))

    def handle_entityref(self, name):
        at = self._offset()
        self._reference("&" + name + (";" if self.page.startswith(";", at + 1 + len(name)) else ""))

    def handle_charref(self, name):
        at = self._offset()
        self._reference("&#" + name + (";" if self.page.startswith(";", at + 2 + len(name)) else ""))


def html_to_text(page: str) -> tuple[str, SourceMap]:
    """The text a reader sees of a web page and where each of its characters stands in the page."""
    reader = _Reader(page)
    reader.feed(page)
    reader.close()
    out, where = reader.out, reader.where
    while out and out[-1] in " \n":
        out.pop()
        where.pop()
    text = "".join(out) + "\n"
    where.append(max(len(page) - 1, where[-1] if where else 0))  # the closing line end: the page's end
    points, shifts = [0], [0]
    for j, k in enumerate(where):
        # a reference written as two characters ("&#x1F600;" in UTF-16 terms) may give two characters
        # on one page offset: the shift never falls, so the map stays in order
        shift = max(k - j, shifts[-1])
        if shift != shifts[-1]:
            points.append(j)
            shifts.append(shift)
    return text, SourceMap(tuple(points), tuple(shifts))
