"""Cells for the export: styles, safe text, and formulas that carry the engine's value.

openpyxl writes a formula cell without a cached result, so a reader that does not
recalculate (Excel's Protected View for an e-mailed file, previewers, ``data_only``
readers) would see blanks. :class:`CalcCell` keeps the engine's figure next to the
formula and :func:`stream_rows` writes both, so the workbook reads right before any
recalculation and Excel's own recalculation (full on load) replaces them.
"""

from __future__ import annotations

import math
import types
from dataclasses import dataclass
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.xml.functions import Element, SubElement

from ...formatting import symbol
from ...textsafe import plain_text

# Colours: inputs in the finance convention (blue figures on a pale yellow fill).
INPUT_FILL = "FFF8E1"
INPUT_FONT = "1F4E9A"
HEADER_FILL = "1F3A5F"
SECTION_FILL = "DCE6F1"
CALC_FONT = "000000"
MUTED = "6B7280"
NOT_AVAILABLE = "n/a"
RISKY_LEAD = ("=", "+", "-", "@", "\t", "\r")
MAX_TEXT = 32767


def money_format(currency: str, decimals: int = 0) -> str:
    sym = symbol(currency).replace('"', "")
    body = "#,##0" + ("." + "0" * decimals if decimals else "")
    return f'"{sym}"{body};[Red]-"{sym}"{body};"{sym}"0'


def number_formats(currency: str) -> dict[str, str]:
    return {
        "money": money_format(currency), "money2": money_format(currency, 2),
        "money_plain": money_format(currency).replace("[Red]", ""),
        "money_var": money_format(currency, 2).replace("0.00", "0.00##"),
        "int": "#,##0", "num1": "#,##0.0", "num2": "#,##0.00", "num4": "0.0000",
        "pct": "0%", "pct1": "0.0%", "ratio": '0.00"x"', "month": '"month "0', "general": "General",
        "text": "@",
        # 92,381,598,192 tokens read as "92.4B": scaled by the thousands separators
        "tokens": '[>=1000000000]#,##0.0,,,"B";[>=1000000]#,##0.0,,"M";#,##0',
    }


@dataclass(frozen=True)
class Look:
    """How a kind of cell looks; turned into one shared StyleArray per workbook."""

    fmt: str = "general"
    bold: bool = False
    input: bool = False
    header: bool = False
    section: bool = False
    size: float | None = None
    italic: bool = False
    muted: bool = False
    wrap: bool = False
    align: str | None = None
    border: bool = False
    colour: str | None = None


class Styles:
    """Caches a StyleArray per (Look) so every styled cell shares it."""

    def __init__(self, wb, ws, currency: str) -> None:
        self._wb = wb
        self._ws = ws
        self._fmts = number_formats(currency)
        self._cache: dict[Look, StyleArray] = {}

    def __call__(self, look: Look) -> StyleArray:
        sa = self._cache.get(look)
        if sa is None:
            sa = self._cache[look] = self._make(look)
        return sa

    def _make(self, look: Look) -> StyleArray:
        c = Cell(self._ws, row=1, column=1)
        colour = look.colour or (INPUT_FONT if look.input else "FFFFFF" if look.header
                                 else MUTED if look.muted else CALC_FONT)
        c.font = Font(name="Calibri", size=look.size or 10, bold=look.bold or look.header,
                      italic=look.italic, color=colour)
        fill = INPUT_FILL if look.input else HEADER_FILL if look.header else \
            SECTION_FILL if look.section else None
        if fill:
            c.fill = PatternFill("solid", fgColor=fill)
        c.number_format = self._fmts[look.fmt]
        if look.wrap or look.align or look.header:
            c.alignment = Alignment(wrap_text=look.wrap or look.header,
                                    horizontal=look.align, vertical="top" if look.wrap else "center")
        if look.border or look.input:
            thin = Side(style="thin", color="D0D7E2")
            c.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        return c._style


class CalcCell(Cell):
    """A formula plus the value the engine computed for it (written as the cached result)."""

    __slots__ = ("cached",)


def clean_text(text: str) -> str:
    """User text as a cell (and XML 1.0) can hold it: see :func:`planner.textsafe.plain_text`."""
    return plain_text(text)[:MAX_TEXT]


def text_cell(ws, text: Any, style: StyleArray | None = None) -> Cell:
    """User text, always stored as text: a leading ``=``, ``+``, ``-``, ``@`` never runs."""
    c = Cell(ws, row=1, column=1)
    if text is None:
        if style is not None:
            c._style = style
        return c
    s = clean_text(str(text))
    c._value = s
    c.data_type = "s"
    if style is not None:
        c._style = style
    if s.startswith(RISKY_LEAD):
        sa = StyleArray(c._style) if c._style is not None else StyleArray()
        sa.quotePrefix = 1
        c._style = sa
    return c


def value_cell(ws, value: Any, style: StyleArray | None = None) -> Cell:
    if isinstance(value, str):
        return text_cell(ws, value, style)
    c = Cell(ws, row=1, column=1)
    if value is not None:
        if isinstance(value, float) and not math.isfinite(value):
            value = NOT_AVAILABLE
        c.value = value
    if style is not None:
        c._style = style
    return c


def calc_cell(ws, formula: str | None, value: Any, style: StyleArray | None, *,
              formulas: bool, cached: bool = True) -> Cell:
    """A result: the formula (with the engine's value cached) or, in values mode, the value."""
    if not formulas or formula is None:
        return value_cell(ws, value, style)
    c = CalcCell(ws, row=1, column=1)
    c._value = formula
    c.data_type = "f"
    c.cached = _cache_value(value) if cached else None
    if style is not None:
        c._style = style
    return c


def _cache_value(value: Any) -> Any:
    if isinstance(value, str):  # a name copied by a formula: the same text as its input cell
        return clean_text(value)
    if value is None:
        return NOT_AVAILABLE
    if isinstance(value, float) and not math.isfinite(value):
        return NOT_AVAILABLE
    return value


def _write_row(self, xf, row, row_idx):
    """WorksheetWriter.write_row that also writes the cached value of a :class:`CalcCell`."""
    from openpyxl.cell._writer import write_cell

    attrs = {"r": f"{row_idx}"}
    attrs.update(self.ws.row_dimensions.get(row_idx, {}))
    with xf.element("row", attrs):
        for cell in row:
            if isinstance(cell, CalcCell):
                a = {"r": cell.coordinate}
                if cell.has_style:
                    a["s"] = f"{cell.style_id}"
                cached = cell.cached
                if isinstance(cached, str):
                    a["t"] = "str"
                el = Element("c", a)
                SubElement(el, "f").text = cell._value[1:]
                if cached is not None:
                    SubElement(el, "v").text = cached if isinstance(cached, str) else repr(float(cached))
                xf.write(el)
                continue
            if cell._value is None and not cell.has_style:
                continue
            write_cell(xf, self.ws, cell, cell.has_style)


def open_stream(ws) -> None:
    """Start a write-only sheet (after its columns, panes and print setup are set)."""
    ws._get_writer()
    ws._writer.write_row = types.MethodType(_write_row, ws._writer)


def discard(wb) -> None:
    """Remove the temp files of a write-only workbook after it was saved or failed to be.

    A save that fails part way (a full disk) has closed some sheets without removing their
    temp files: those are removed too, not left until the app exits.
    """
    import contextlib
    import os

    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        if not getattr(ws, "closed", True):
            with contextlib.suppress(Exception):
                ws.close()
        if os.path.exists(getattr(writer, "out", "")):
            with contextlib.suppress(Exception):
                writer.cleanup()
