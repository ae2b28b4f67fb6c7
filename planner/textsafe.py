"""Text on its way to a file or a terminal: what UTF-8 or XML 1.0 cannot hold is fixed.

A name can hold anything JSON can spell: control characters (BEL, ESC), or a lone UTF-16
surrogate (``"\\ud800"``), which UTF-8 cannot encode at all. Every writer of user text goes
through here, so the rule is the same everywhere:

- a lone surrogate becomes U+FFFD (the replacement character), in every file and output;
- in XML (the workbook) and on a terminal, control characters other than tab, newline and
  carriage return, and the non-characters U+FFFE and U+FFFF, are removed: XML 1.0 cannot
  hold them even escaped, and a terminal would obey ESC sequences;
- in a message about a problem they are shown as escapes (``\\x07``), so the person sees
  why two names that look alike differ.

Pure Python; the CLI, the plan files and the Excel export share it.
"""

from __future__ import annotations

import re
from typing import Any

REPLACEMENT = "\ufffd"

_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def encodable(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so it encodes as UTF-8."""
    return _SURROGATE.sub(REPLACEMENT, text) if _SURROGATE.search(text) else text


def plain_text(text: str) -> str:
    """``text`` as XML 1.0 can hold it and a terminal shows it without obeying it (no ESC
    sequences): lone surrogates replaced, control characters but tab, CR and LF removed."""
    return _NOT_IN_XML.sub("", encodable(text))


def visible(text: str) -> str:
    """``text`` for a message: control characters (but tab and newline) and lone surrogates
    as Python escapes, ``"exec\\x07"``."""
    return _INVISIBLE.sub(lambda m: ascii(m.group())[1:-1], text)


def encodable_data(value: Any) -> Any:
    """JSON-like data with :func:`encodable` applied to every string (keys too)."""
    if isinstance(value, str):
        return encodable(value)
    if isinstance(value, dict):
        return {encodable_data(k): encodable_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [encodable_data(v) for v in value]
    return value
