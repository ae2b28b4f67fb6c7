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
from xml.sax.saxutils import escape

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.xml.functions import Element, SubElement

from ...formatting import symbol
from ...textsafe import plain_text

# Colours: inputs in the finance convention (blue figures on a pale yellow fill).
INPUT_FILL = "FFF8E1"
INPUT_FONT = "1F4E9A"
HEADER_FILL = "1F3A5F"
FOLLOWS_FILL = "EDE7F6"      # an input that follows the scenario selected on Summary
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
    sym = symbol(currency).replace('"', "")
    body = f'"{sym}"#,##0'
    return {
        "money": money_format(currency), "money2": money_format(currency, 2),
        "money_plain": money_format(currency).replace("[Red]", ""),
        "money_var": money_format(currency, 2).replace("0.00", "0.00##"),
        "int": "#,##0", "num1": "#,##0.0", "num2": "#,##0.00", "num4": "0.0000",
        "pct": "0%", "pct1": "0.0%", "ratio": '0.00"x"', "month": '"month "0', "general": "General",
        # a payback whose running net cash is below 0 again by the end (formatting.payback)
        "month_below": '"month "0", then below 0"',
        "text": "@",
        # 92,381,598,192 tokens read as "92.4B": scaled by the thousands separators
        "tokens": '[>=1000000000]#,##0.0,,,"B";[>=1000000]#,##0.0,,"M";#,##0',
        # a change with its sign; a cost that rises is red
        "signed1": "+#,##0.0;-#,##0.0;0.0", "signed_int": "+#,##0;-#,##0;0",
        "cost_change": f"[Red]+{body};-{body};{body}",
        "money_change": f"+{body};-{body};{body}",
        "money_m": f'{body}.0,,"M";-{body}.0,,"M";"{sym}"0',      # 12,345,678 as $12.3M
        "pct_change": "+0.0%;-0.0%;0.0%",
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
    follows: bool = False       # a formula in an input's place: it follows the scenario
    unlocked: bool = False      # editable on a protected sheet (inputs always are)


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
        colour = look.colour or (INPUT_FONT if look.input or look.follows else "FFFFFF"
                                 if look.header else MUTED if look.muted else CALC_FONT)
        c.font = Font(name="Calibri", size=look.size or 10, bold=look.bold or look.header,
                      italic=look.italic or look.follows, color=colour)
        fill = INPUT_FILL if look.input else FOLLOWS_FILL if look.follows else \
            HEADER_FILL if look.header else SECTION_FILL if look.section else None
        if fill:
            c.fill = PatternFill("solid", fgColor=fill)
        c.number_format = self._fmts[look.fmt]
        # numbers (and the "n/a" a formula may show in their place) sit on the right; every
        # cell at the top of its row, beside a wrapped note that makes the row tall
        align = look.align or ("right" if look.fmt not in ("general", "text") else None)
        c.alignment = Alignment(wrap_text=look.wrap or look.header, horizontal=align,
                                vertical="center" if look.header else "top")
        if look.border or look.input or look.follows:
            thin = Side(style="thin", color="D0D7E2")
            c.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        if look.input or look.unlocked:     # sheets are protected: inputs can be typed over
            c.protection = Protection(locked=False)
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
    if isinstance(value, int | float) and not isinstance(value, bool):
        if math.isfinite(value):
            c._value = value          # a plain number: openpyxl's type checks cost more
            c.data_type = "n"
        else:
            c.value = NOT_AVAILABLE
    elif value is not None:
        c.value = value
    if style is not None:
        c._style = style
    return c


def calc_cell(ws, formula: str | None, value: Any, style: StyleArray | None, *,
              formulas: bool, cached: bool = True) -> Cell:
    """A result: the formula (with the engine's value cached) or, in values mode, the value
    (an undefined one as ``n/a``, as the formula shows it)."""
    if not formulas:
        return value_cell(ws, _cache_value(value), style)
    if formula is None:
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


def _calc_xml(cell: CalcCell, styles: dict[int, tuple[StyleArray, str]]) -> str:
    """The ``<c>`` element of a formula cell with its cached value, as text. ``styles``
    caches the attribute of each shared style (and keeps the style, so its id stays its own)."""
    style = _style_attr(cell, styles)
    cached = cell.cached
    if cached is None:
        kind, value = "", ""
    elif isinstance(cached, str):
        kind, value = ' t="str"', f"<v>{escape(cached)}</v>"
    else:
        kind, value = "", f"<v>{float(cached)!r}</v>"
    return f'<c r="{cell.coordinate}"{style}{kind}><f>{escape(cell._value[1:])}</f>{value}</c>'


def _style_attr(cell: Cell, styles: dict[int, tuple[StyleArray, str]]) -> str:
    if not cell.has_style:
        return ""
    known = styles.get(id(cell._style))
    if known is None:
        known = styles[id(cell._style)] = (cell._style, f' s="{cell.style_id}"')
    return known[1]


def _value_xml(cell: Cell, styles: dict[int, tuple[StyleArray, str]]) -> str | None:
    """The ``<c>`` element of a number or a plain text as openpyxl writes it, as text (None
    for anything else: openpyxl writes those)."""
    value = cell._value
    if (cell.data_type == "n" and isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value)):
        return f'<c r="{cell.coordinate}"{_style_attr(cell, styles)} t="n"><v>{value:.16g}</v></c>'
    if cell.data_type == "s" and type(value) is str and value:
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return (f'<c r="{cell.coordinate}"{_style_attr(cell, styles)} t="inlineStr"><is>'
                f"<t{space}>{escape(value)}</t></is></c>")
    return None


def _write_row(self, xf, row, row_idx):
    """WorksheetWriter.write_row that also writes the cached value of a :class:`CalcCell`.

    Formula cells are most of a large workbook: with the standard library's incremental XML
    writer (openpyxl's default without lxml) they are written as text, which is several
    times faster than building and serialising an element for each."""
    from openpyxl.cell._writer import write_cell

    raw = getattr(xf, "_file", None)           # et_xmlfile's writer; None under lxml
    styles = self.__dict__.setdefault("_calc_styles", {})
    attrs = {"r": f"{row_idx}"}
    attrs.update(self.ws.row_dimensions.get(row_idx, {}))
    with xf.element("row", attrs):
        for cell in row:
            if isinstance(cell, CalcCell):
                if cell._comment is not None:
                    from openpyxl.comments.comment_sheet import CommentRecord

                    self.ws._comments.append(CommentRecord.from_cell(cell))
                if raw is not None:
                    raw(_calc_xml(cell, styles))
                    continue
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
            if cell._comment is not None:          # header notes (as openpyxl's own writer)
                from openpyxl.comments.comment_sheet import CommentRecord

                self.ws._comments.append(CommentRecord.from_cell(cell))
            elif cell._value is None and not cell.has_style:
                continue
            elif raw is not None and cell.hyperlink is None:
                text = _value_xml(cell, styles)
                if text is not None:
                    raw(text)
                    continue
            write_cell(xf, self.ws, cell, cell.has_style)


def _values_to_row(self, values, row_idx):
    """WriteOnlyWorksheet._values_to_row for rows of ready cells: openpyxl's own tries to
    assign each cell as a value first and recovers from the error, which costs more than
    writing the cell."""
    from openpyxl.cell import WriteOnlyCell

    for col_idx, value in enumerate(values, 1):
        if value is None:
            continue
        cell = value if isinstance(value, Cell) else WriteOnlyCell(self, value)
        cell.column = col_idx
        cell.row = row_idx
        yield cell


def open_stream(ws) -> None:
    """Start a write-only sheet (after its columns, panes and print setup are set)."""
    ws._get_writer()
    ws._writer.write_row = types.MethodType(_write_row, ws._writer)
    ws._values_to_row = types.MethodType(_values_to_row, ws)


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
