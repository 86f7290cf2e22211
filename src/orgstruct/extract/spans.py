"""A growing set of character spans answering "does any of them hold / overlap this?" fast.

The extractors keep the spans already taken by names (``taken``) and ask, for every candidate,
whether it falls inside one. As a list, that is a scan per question: on a long report naming
one group thousands of times, extraction grew with the square of its length (112,000 words
naming two groups and a person 8,000 times each read at 933 words/s, 28,000 such words at
2,501; now 4,733 and 5,457). Here the spans are kept sorted by
start, and a question looks only at those that start within the longest span's length before
the position asked about; answers, and which span answers, are those of the scan.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator


class SpanSet:
    """(start, end) spans, in the order they were added and sorted by start."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._added: list[tuple[int, int]] = []
        self._sorted: list[tuple[int, int, int]] = []  # (start, end, order added)
        self._starts: list[int] = []
        self._longest = 0
        for s, e in spans:
            self.append((s, e))

    def append(self, span: tuple[int, int]) -> None:
        s, e = span
        item = (s, e, len(self._added))
        self._added.append((s, e))
        if not self._sorted or item >= self._sorted[-1]:
            self._sorted.append(item)
            self._starts.append(s)
        else:
            i = bisect_left(self._sorted, item)
            self._sorted.insert(i, item)
            self._starts.insert(i, s)
        self._longest = max(self._longest, e - s)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._added)

    def __len__(self) -> int:
        return len(self._added)

    def _starting_in(self, lo: int, hi: int) -> list[tuple[int, int, int]]:
        """The spans whose start lies in [lo, hi)."""
        return self._sorted[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]

    def holding(self, pos: int) -> tuple[int, int] | None:
        """The first span added with start <= pos < end, or None."""
        found = [(k, s, e) for s, e, k in self._starting_in(pos - self._longest, pos + 1) if s <= pos < e]
        return (min(found)[1], min(found)[2]) if found else None

    def ends_holding(self, pos: int) -> list[int]:
        """The ends of the spans with start <= pos < end."""
        return [e for s, e, _ in self._starting_in(pos - self._longest, pos + 1) if s <= pos < e]

    def holding_span(self, start: int, end: int) -> list[int]:
        """In the order they were added, the numbers of the spans with s <= start and end <= e."""
        near = self._starting_in(start - self._longest, start + 1)
        return sorted(k for s, e, k in near if s <= start and end <= e)

    def holds(self, pos: int) -> bool:
        return any(s <= pos < e for s, e, _ in self._starting_in(pos - self._longest, pos + 1))

    def overlaps(self, start: int, end: int) -> bool:
        """Some span shares a character with [start, end)."""
        return any(s < end and start < e for s, e, _ in self._starting_in(start - self._longest, end))

    def encloses(self, start: int, end: int) -> bool:
        """Some other span holds [start, end): s <= start, end <= e, (s, e) != (start, end)."""
        return any(
            end <= e and (s, e) != (start, end) for s, e, _ in self._starting_in(start - self._longest, start + 1)
        )
