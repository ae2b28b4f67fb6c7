"""Field specs: how one value of the plan is shown, parsed and checked in an editor.

Qt-free. A :class:`Field` names a path relative to an item (``("ai", "adoption")``), its kind
(text, number, whole number, percent, choice, reference), its range, default, unit and the
tooltip that explains it. ``parse`` turns typed or pasted text into a value or raises
``ValueError`` with a message for the status bar; values the schema would flag later
(dangling references, duplicate ids) are accepted and marked by validation instead.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .edits import MISSING

Choices = Callable[[Any], list[tuple[Any, str]]]  # doc -> [(value, label)]

# How a percentage cell reads what is typed: one rule, shown in every percent tooltip.
PERCENT_RULE = ("Type 35 or 35% for 35%; a bare number up to 1 is a share (0.35 is 35%, "
                "1 is 100%).")

# Field kinds of the editor for each registry kind (percent is a number shown as one).
_KIND = {"number": "number", "whole": "int", "choice": "choice", "ref": "ref", "id": "id"}


_THOUSANDS = re.compile(r"^[-+]?\d{1,3}([,.]\d{3})+$")


def _decimal_point(t: str) -> str:
    """Text with a ``.`` decimal point and no group separators, for ``float()``.

    ``62.000,50`` and ``62,000.50`` are both 62000.5; ``0,35`` is 0.35 (a decimal comma);
    ``62,000`` and ``62.000.000`` are groups of thousands.
    """
    if "," in t and "." in t:
        decimal = "," if t.rfind(",") > t.rfind(".") else "."
        group = "." if decimal == "," else ","
        return t.replace(group, "").replace(decimal, ".")
    sep = "," if "," in t else "." if "." in t else ""
    if not sep:
        return t
    core = t.rstrip("kKmM")
    if _THOUSANDS.match(core) and (sep == "," or t.count(".") > 1):
        return t.replace(sep, "")
    if t.count(sep) > 1:
        raise ValueError
    return t.replace(sep, ".")


def parse_number(text: str) -> float:
    """``1,234.5`` / ``1.234,5`` / ``0,35`` / ``$62 000`` / ``-3`` -> float; ValueError otherwise."""
    t = re.sub(r"[\s_$€£¥₹]|(?<=\d)'(?=\d)", "", text.strip())
    try:
        t = _decimal_point(t)
    except ValueError:
        raise ValueError(f'"{text.strip()}" is not a number') from None
    mult = 1.0
    if t[-1:].lower() in ("k", "m") and len(t) > 1:
        mult = 1e3 if t[-1].lower() == "k" else 1e6
        t = t[:-1]
    try:
        v = float(t) * mult
    except ValueError:
        raise ValueError(f'"{text.strip()}" is not a number') from None
    if not math.isfinite(v):
        raise ValueError(f'"{text.strip()}" is too large a number to use')
    return v


def tidy(v: float) -> int | float:
    """Whole numbers as int (as the file writes them), others rounded off float noise."""
    if float(v).is_integer() and abs(v) < 2**53:
        return int(v)
    return round(v, 12)


def fmt_number(v: Any, decimals: int = 4) -> str:
    if isinstance(v, bool) or not isinstance(v, int | float):
        return "" if v is None or v is MISSING else str(v)
    if float(v).is_integer():
        return f"{int(v):,}"
    text = f"{v:,.{decimals}f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "0") or v == 0 else f"{v:.3g}"


def fmt_percent(v: Any) -> str:
    if isinstance(v, bool) or not isinstance(v, int | float):
        return "" if v is None or v is MISSING else str(v)
    p = round(v * 100, 4)
    return (f"{p:.0f}" if float(p).is_integer() else f"{p:.2f}".rstrip("0").rstrip(".")) + "%"


@dataclass
class Field:
    """One editable value. Built from the plan registry with :meth:`from_spec` (range,
    default, label, unit, meaning and choices come from there); the rest is the editor's."""

    key: str
    path: tuple
    header: str
    kind: str = "number"            # text | id | number | int | percent | choice | ref
    unit: str = ""
    tooltip: str = ""               # the meaning
    hint: str = ""                  # what the editor adds to the meaning (how to edit it)
    minimum: float | None = None
    maximum: float | None = None
    min_open: bool = False          # minimum itself not allowed (> instead of >=)
    max_open: bool = False
    optional: bool = False          # may be left empty (the key is then removed)
    null_when_empty: bool = False   # empty writes null instead of removing the key
    default: Any = MISSING          # shown (greyed) when the key is absent
    default_text: str = ""          # how the default is described in tooltips
    choices: Choices | None = None
    container: dict | None = None   # defaults of the parent object when it must be created
    applies: Callable[[dict], bool] | None = None  # False: cell is N/A for this item
    na_text: str = ""
    writer: Callable | None = None  # custom write(doc, item_path, value)
    money: bool = False
    placeholder: str = ""           # shown (greyed) when the value is absent and has no default
    short: str = ""                 # a narrow table header ("{cur}": the currency symbol)
    group: str = ""                 # columns shown together ("compute": a View toggle)
    clean: Callable[[str], Any] | None = None  # text -> value, or ValueError (e.g. a currency code)
    inherit: Callable[[Any], Any] | None = None  # doc -> the value that applies when empty
    drops_block: bool = False       # emptying it removes its parent object (AI seats)
    spec: Any = None                # the planner.plan.fields.Spec it comes from
    source: str = ""                # where the default comes from

    @classmethod
    def from_spec(cls, spec: Any, path: tuple | None = None, **editor: Any) -> Field:
        """The editor field of a registry :class:`Spec`; ``editor`` adds what only the
        editor knows (choices of a reference, a writer, a container, a placeholder...)."""
        kind = "percent" if spec.show == "percent" else _KIND.get(spec.kind, "text")
        optional = not spec.required
        default = MISSING if spec.required or spec.default is None else spec.default
        base: dict[str, Any] = dict(
            key=spec.key, path=path or (spec.key,), header=spec.label, kind=kind, unit=spec.unit,
            tooltip=spec.meaning, minimum=spec.minimum, maximum=spec.maximum,
            min_open=spec.min_open, max_open=spec.max_open, optional=optional, default=default,
            default_text=spec.describe_default(), money=spec.show == "money", short=spec.short,
            spec=spec, source=spec.source)
        if spec.choices and spec.kind == "choice":
            pairs = tuple(spec.choices)
            base["choices"] = lambda _doc: list(pairs)
        base.update(editor)
        return cls(**base)

    # ----- display -------------------------------------------------------------
    def labels(self, doc: Any) -> dict[Any, str]:
        """``{value: label}`` of the choices (cached per version of the list they come from)."""
        if self.choices is None:
            return {}
        dep = getattr(self.choices, "depends", None)
        if dep and doc is None:
            return {}
        build = lambda: {v: str(label) for v, label in self.choices(doc)}  # noqa: E731
        if dep and hasattr(doc, "cached"):
            return doc.cached(("labels", self.key, id(self.choices)), dep, build)
        return build()

    def fallback(self, doc: Any = None) -> Any:
        """The value that applies when the cell is empty: the plan's (``inherit``), else the
        default; MISSING when there is none."""
        if self.inherit is not None and doc is not None:
            value = self.inherit(doc)
            if value is not None and value is not MISSING:
                return value
        return self.default

    def display(self, value: Any, doc: Any = None) -> str:
        if self.kind in ("choice", "ref") and self.choices is not None:
            labels = self.labels(doc)
            key = self.fallback(doc) if value is MISSING else value
            key = None if key is MISSING else key
            if isinstance(key, str | None) and key in labels:
                return labels[key]
        if value is MISSING or value is None:
            value = self.fallback(doc)
            if value is MISSING or value is None:
                return self.placeholder
        if self.kind == "percent":
            return fmt_percent(value)
        if self.kind in ("number", "int"):
            return fmt_number(value)
        return str(value)

    def label_of(self, value: Any, doc: Any = None) -> str:
        """What the table shows for a choice (``self`` -> ``Self-hosted``) or any value."""
        return self.labels(doc).get(value, str(value)) if self.choices else str(value)

    def edit_text(self, value: Any) -> str:
        if value is MISSING or value is None:
            return ""
        if self.kind == "percent":
            return fmt_percent(value)
        if self.kind in ("number", "int") and isinstance(value, int | float) and not isinstance(value, bool):
            return repr(tidy(value)) if not float(value).is_integer() else str(int(value))
        return str(value)

    def describe(self, doc: Any = None) -> str:
        """Tooltip: meaning, unit, range, default (the plan's value when inherited), typing."""
        parts = [" ".join(x for x in (self.tooltip, self.hint) if x)] \
            if self.tooltip or self.hint else []
        if self.unit and self.kind != "percent":
            parts.append(f"Unit: {self.unit}{' (plan currency)' if self.money else ''}.")
        rng = self.range_text()
        if rng:
            parts.append(f"Allowed: {rng}.")
        default = self.default_text
        if self.inherit is not None and doc is not None:
            value = self.fallback(doc)
            if value is not MISSING and value is not None:
                default = f"{default}, now {self.display(value, doc)}" if default else \
                    self.display(value, doc)
        if default:
            parts.append(f"Default: {default}.")
        if self.source:
            parts.append(f"Source: {self.source}.")
        if self.kind == "percent":
            parts.append(PERCENT_RULE)
        return "\n".join(parts)

    def range_text(self) -> str:
        if self.kind not in ("number", "int", "percent"):
            return ""
        if self.spec is not None:
            return self.spec.describe_range()
        show = fmt_percent if self.kind == "percent" else fmt_number
        lo = hi = ""
        if self.minimum is not None:
            lo = f"{'>' if self.min_open else '>='} {show(self.minimum)}"
        if self.maximum is not None:
            hi = f"{'<' if self.max_open else '<='} {show(self.maximum)}"
        text = " and ".join(x for x in (lo, hi) if x)
        return ("a whole number " + text).strip() if self.kind == "int" else text

    # ----- parsing ---------------------------------------------------------------
    def parse(self, text: Any, doc: Any = None) -> Any:
        """A value to store, ``MISSING`` (clear) or ValueError with a message for the user."""
        if not isinstance(text, str):
            text = "" if text is None else str(text)
        raw = text.strip()
        if not raw:
            if self.optional:
                return None if self.null_when_empty else MISSING
            if self.kind in ("text",):
                return ""
            raise ValueError(f"{self.header} cannot be empty")
        if self.kind == "text":
            return self.clean(raw) if self.clean is not None else raw
        if self.kind == "id":
            if any(c.isspace() for c in raw):
                raise ValueError(f'{self.header}: "{raw}" has spaces; use a short id like "{re.sub(r"[^A-Za-z0-9]+", "-", raw).strip("-").lower()}"')
            return raw
        if self.kind in ("choice", "ref"):
            options = self.choices(doc) if self.choices is not None and \
                (doc is not None or not getattr(self.choices, "depends", None)) else []
            for v, label in options:
                if raw == str(v) or raw.lower() == str(label).lower():
                    return v
            if self.kind == "choice":
                labels = ", ".join(str(label) for _, label in options)
                raise ValueError(f'{self.header}: "{raw}" is not one of {labels}')
            return raw  # a reference to something not (yet) there: validation marks it
        try:
            v = parse_percent(raw) if self.kind == "percent" else parse_number(raw)
        except ValueError as exc:           # say which value, as a message beside the cell
            raise ValueError(f"{self.header}: {exc}") from None
        if self.kind == "percent":
            value = tidy(round(v, 12))
        elif self.kind == "int":
            if not float(v).is_integer():
                raise ValueError(f"{self.header} must be a whole number (you typed {raw})")
            value = int(v)
        else:
            value = tidy(v)
        self._check_range(value, raw)
        return value

    def _check_range(self, value: float, raw: str) -> None:
        show = fmt_percent if self.kind == "percent" else fmt_number
        lo, hi = self.minimum, self.maximum
        if lo is not None and (value < lo or (self.min_open and value == lo)):
            raise ValueError(f"{self.header} must be {'more than' if self.min_open else 'at least'} "
                             f"{show(lo)} (you typed {raw})")
        if hi is not None and (value > hi or (self.max_open and value == hi)):
            raise ValueError(f"{self.header} must be {'less than' if self.max_open else 'at most'} "
                             f"{show(hi)} (you typed {raw})")

    def is_applicable(self, item: Any) -> bool:
        return self.applies is None or (isinstance(item, dict) and self.applies(item))


def parse_percent(text: str) -> float:
    """The share a typed percentage means: ``35%`` / ``35 %`` -> 0.35; a bare number up to 1
    in size is a share (``0.35`` -> 0.35, ``1`` -> 1.0, ``-0.2`` -> -0.2); a bigger one is a
    percentage (``35`` -> 0.35, ``150`` -> 1.5)."""
    raw = text.strip()
    if raw.endswith("%"):
        return parse_number(raw[:-1]) / 100
    v = parse_number(raw)
    return v if abs(v) <= 1 else v / 100
