"""JSON values a plan cannot hold (NaN, Infinity, numbers of hundreds of digits), with their place.

Python's ``json`` reads ``NaN`` and ``Infinity``, turns ``1e400`` into infinity and refuses
an integer of more than 4,300 digits with advice about ``sys.set_int_max_str_digits``.
:func:`loads` reads such a value as a :class:`Refused` marker that remembers its rank among
the refused tokens; :func:`first_refused` finds the first marker left in the data (its path)
and the line and column of its token in the text.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# No plan value comes near 10**300 (a float tops out at 1.8e308).
MAX_DIGITS = 300

# Tokens outside strings, in text order (only run on text that json already parsed).
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|(NaN|-?Infinity|-?\d[\d.eE+-]*)')


_CONSTANTS = ("NaN", "Infinity", "-Infinity")


@dataclass(frozen=True, eq=False)
class Refused:
    """A JSON value a plan cannot hold: ``token`` as written (or its description)."""

    token: str
    rank: int  # 0 for the first refused token in the text, 1 for the next...

    @property
    def problem(self) -> str:
        if self.token in _CONSTANTS:
            return f"{self.token} is not allowed; write a finite number"
        return f"{self.token} is too large to be a plan value; write the real figure"


def _describe(token: str) -> str:
    digits = sum(ch.isdigit() for ch in token)
    return f"a {digits:,}-digit number" if len(token) > 24 else token


def _is_refused_number(token: str) -> bool:
    if token.lstrip("-").isdigit():
        return len(token.lstrip("-")) > MAX_DIGITS
    return not math.isfinite(float(token))


def loads(text: str) -> tuple[Any, int]:
    """``json.loads(text)`` and how many values it read as :class:`Refused` markers."""
    refused: list[Refused] = []

    def mark(token: str) -> Refused:
        refused.append(Refused(token, len(refused)))
        return refused[-1]

    def parse_int(token: str) -> int | Refused:
        if len(token) > MAX_DIGITS and len(token.lstrip("-")) > MAX_DIGITS:
            return mark(_describe(token))
        return int(token)

    def parse_float(token: str) -> float | Refused:
        value = float(token)
        return value if math.isfinite(value) else mark(_describe(token))

    # The number hooks cost ~10% of the parse (building the objects dominates).
    data = json.loads(text, parse_constant=mark, parse_int=parse_int, parse_float=parse_float)
    return data, len(refused)


_Link = tuple["_Link | None", "str | int"] | None  # (parent's link, key): a path, built lazily


def _walk(data: Any) -> Iterator[tuple[_Link, Any]]:
    """(link, value) of every value in document order; no recursion (any depth)."""
    stack: list[tuple[_Link, Any]] = [(None, data)]
    while stack:
        link, value = stack.pop()
        yield link, value
        if isinstance(value, dict):
            stack.extend(reversed([((link, k), v) for k, v in value.items()]))
        elif isinstance(value, list):
            stack.extend(reversed([((link, i), v) for i, v in enumerate(value)]))


def _path(link: _Link) -> str:
    """``teams[0].roles[1].headcount`` from a link."""
    parts: list[str | int] = []
    while link is not None:
        link, key = link
        parts.append(key)
    out = ""
    for part in reversed(parts):
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _position(text: str, rank: int) -> tuple[int, int]:
    """Line and column (1-based) of the refused token of ``rank`` in ``text``."""
    seen = 0
    for m in _TOKENS.finditer(text):
        token = m.group(1)
        if token is None or not (token in _CONSTANTS or _is_refused_number(token)):
            continue  # a string, or a number a plan can hold
        if seen == rank:
            line = text.count("\n", 0, m.start(1)) + 1
            return line, m.start(1) - text.rfind("\n", 0, m.start(1))
        seen += 1
    return 1, 1


def first_refused(data: Any, text: str, count: int) -> tuple[str, Refused, int, int, int] | None:
    """(path, marker, line, column, how many markers) of the first refused value, or None.

    ``count`` is what :func:`loads` returned; a marker overwritten by a repeated key is gone.
    """
    found = [(link, v) for link, v in _walk(data) if isinstance(v, Refused)] if count else []
    if not found:
        return None
    link, marker = found[0]
    line, column = _position(text, marker.rank)
    return _path(link), marker, line, column, len(found)
