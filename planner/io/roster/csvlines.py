"""Where each CSV record starts, as a text editor numbers lines, and where a quote never closes.

A quoted field may hold line breaks, so record 14 is not always line 14. The scan follows
the parser's rule (pandas' C tokenizer, like Excel): a quote opens a quoted field only at the
start of a field; ``""`` inside one is a literal quote; elsewhere a quote is a character. It
visits quotes only, so a file without quoted line breaks costs a few C-speed searches.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class Quotes:
    """``inner``: lines that continue a quoted field from the line above (1-based);
    ``unclosed``: the line of a quote that opens a field and never closes, or None."""

    inner: list[int] = field(default_factory=list)
    unclosed: int | None = None


def scan(text: str, sep: str) -> Quotes:
    out = Quotes()
    line, counted = 1, 0  # the line of text[counted]
    pos = 0
    while (q := text.find('"', pos)) != -1:
        if q > 0 and text[q - 1] not in (sep, "\n", "\r"):
            pos = q + 1  # a quote inside a field: a character
            continue
        end = q + 1
        while (end := text.find('"', end)) != -1 and text.startswith('"', end + 1):
            end += 2  # "" is a literal quote inside a quoted field
        line += text.count("\n", counted, q)
        counted = q
        if end == -1:
            out.unclosed = line
            return out
        breaks = text.count("\n", q, end)
        out.inner.extend(range(line + 1, line + 1 + breaks))
        pos = end + 1
    return out


def record_lines(text: str, sep: str, *, count: int) -> np.ndarray:
    """The line (1-based) where each of the first ``count`` records of ``text`` starts."""
    lines = np.arange(1, count + 1, dtype=np.int64)
    if '"' not in text or count == text.count("\n") + (not text.endswith("\n")):
        return lines  # as many records as lines: none spans two
    inner = scan(text, sep).inner
    if not inner:
        return lines
    # Record k starts at the k-th line that does not continue a quoted field.
    starts = np.setdiff1d(np.arange(1, count + len(inner) + 1, dtype=np.int64), inner)
    return starts[:count]
