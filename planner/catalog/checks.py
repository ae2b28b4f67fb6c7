"""Validation of catalog data: required fields, a closed list of evidence kinds, real dates,
numbers in range. Plain checks (no pydantic) so every problem is reported at once with its
path, as ``templates[se-feature].ai.time_saved: must be between -1 and 1, got 1.5``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# How a figure was obtained. A closed list: a new kind is a decision, not a typo.
KINDS = (
    "randomised trial",      # random assignment to AI or not (lab or field)
    "field study",           # real work, no random assignment (e.g. a staggered roll-out)
    "observational study",   # administrative or survey data across firms and workers
    "survey",                # what people say about their own work
    "company report",        # a firm's own account of its results
    "vendor benchmark",      # a hardware or software maker measuring its own product
    "vendor specification",  # a maker's data sheet (memory, power)
    "list price",            # a published price
    "judgement",             # a value chosen between sources; its basis says how
)

Check = Callable[[Any], "str | None"]
_ID = re.compile(r"^[a-z0-9][a-z0-9.\-]*$")


def _show(v: Any) -> str:
    if isinstance(v, str):
        return f'"{v}"' if len(v) <= 40 else f'"{v[:37]}..."'
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dict | list):
        return "an object" if isinstance(v, dict) else "a list"
    return f"{v:g}" if isinstance(v, float) else str(v)


def number(lo: float | None = None, hi: float | None = None, *, above: bool = False,
           whole: bool = False) -> Check:
    """A finite number (not a bool) in ``[lo, hi]``; ``above``: strictly greater than ``lo``."""
    def check(v: Any) -> str | None:
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            return f"must be a number, got {_show(v)}"
        if whole and v != int(v):
            return f"must be a whole number, got {_show(v)}"
        if lo is not None and (v <= lo if above else v < lo):
            return f"must be {'above' if above else 'at least'} {lo:g}, got {_show(v)}"
        if hi is not None and v > hi:
            return f"must be at most {hi:g}, got {_show(v)}"
        return None
    return check


def text(v: Any) -> str | None:
    return None if isinstance(v, str) and v.strip() else f"must be a non-empty text, got {_show(v)}"


def ident(v: Any) -> str | None:
    if isinstance(v, str) and _ID.match(v):
        return None
    return f"must be an id of lower-case letters, digits, '-' and '.', got {_show(v)}"


def flag(v: Any) -> str | None:
    return None if isinstance(v, bool) else f"must be true or false, got {_show(v)}"


def one_of(*choices: str) -> Check:
    def check(v: Any) -> str | None:
        return None if v in choices else f"must be one of {', '.join(choices)}; got {_show(v)}"
    return check


def date(v: Any) -> str | None:
    """A real calendar date, YYYY-MM-DD, not in the future."""
    if not isinstance(v, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return f"must be a date written YYYY-MM-DD, got {_show(v)}"
    try:
        day = dt.date.fromisoformat(v)
    except ValueError:
        return f"is not a real date: {v}"
    if day > dt.date.today():
        return f"is in the future: {v}; write the day the figure was checked"
    return None


def month(v: Any) -> str | None:
    if isinstance(v, str) and re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", v):
        return None
    return f"must be a month written YYYY-MM, got {_show(v)}"


def url(v: Any) -> str | None:
    return None if isinstance(v, str) and v.startswith("https://") else \
        f"must be a web address starting https://, got {_show(v)}"


@dataclass(frozen=True)
class Rec:
    """An object with these fields (``optional`` ones may be absent; any other key is an error).
    ``evidence``: it also carries source, figure, kind, checked, and url and basis."""

    fields: dict[str, Any]
    optional: frozenset[str] = field(default_factory=frozenset)
    evidence: bool = False


@dataclass(frozen=True)
class Each:
    """A list of ``item`` with at least ``min_len`` entries; each is named in paths by its
    ``key`` field (``templates[se-feature]``), else by its index."""

    item: Rec
    min_len: int = 1
    key: str = "id"


EVIDENCE = {"source": text, "url": url, "figure": text, "kind": one_of(*KINDS), "checked": date,
            "basis": text}
EVIDENCE_OPTIONAL = frozenset({"url", "basis"})


def problems(spec: Any, value: Any, path: str = "") -> list[str]:
    """Every problem of ``value`` against ``spec``, each as ``path: message``."""
    at = f"{path}: " if path else ""
    if isinstance(spec, Each):
        if not isinstance(value, list):
            return [f"{at}must be a list, got {_show(value)}"]
        if len(value) < spec.min_len:
            return [f"{at}must list at least {spec.min_len}, got {len(value)}"]
        out: list[str] = []
        for i, item in enumerate(value):
            key = item.get(spec.key) if isinstance(item, dict) else None
            out += problems(spec.item, item, f"{path}[{key if isinstance(key, str) else i}]")
        return out
    if isinstance(spec, Rec):
        if not isinstance(value, dict):
            return [f"{at}must be an object, got {_show(value)}"]
        fields = {**spec.fields, **(EVIDENCE if spec.evidence else {})}
        optional = spec.optional | (EVIDENCE_OPTIONAL if spec.evidence else frozenset())
        out = [f"{path + '.' if path else ''}{k}: unknown key (a typo?); the keys are "
               f"{', '.join(fields)}" for k in value if k not in fields]
        for key, sub in fields.items():
            where = f"{path}.{key}" if path else key
            if key not in value:
                if key not in optional:
                    out.append(f"{where}: missing")
                continue
            out += problems(sub, value[key], where)
        if spec.evidence and value.get("kind") == "judgement" and "basis" not in value:
            out.append(f"{at}a judgement needs a basis: say which sources it lies between and why")
        return out
    message = spec(value)
    return [f"{at}{message}"] if message else []
