"""The workbook being written: sheets, shared styles, progress and cancellation."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any

from openpyxl.worksheet.properties import PageSetupProperties

from .cells import Look, Styles, calc_cell, open_stream, text_cell, value_cell
from .figures import Figures
from .layout import Layout


class Rows:
    """Appends rows to a sheet from column B (column A is a margin) and counts them:
    ``put(*cells, height=None)`` returns the row it wrote."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.row = 0

    def __call__(self, *cells, height: float | None = None) -> int:
        if height:
            self.ws.row_dimensions[self.row + 1].height = height
        self.ws.append([None, *cells])
        self.row += 1
        return self.row


class ExportCancelled(Exception):
    """The export was cancelled; no file was written and the old file is untouched."""


# Column widths (in characters) that print on one landscape page at a readable scale
# (~65%); wider sheets print across several pages, their first columns repeated.
PAGE_WIDTH = {True: 230.0, False: 160.0}
DEFAULT_WIDTH = 8.43


class Book:
    def __init__(self, figs: Figures, *, formulas: bool, cached: bool,
                 progress: Callable[[float, str], None] | None,
                 cancel: Callable[[], bool] | None, total_rows: int,
                 data: dict | None = None, source: str | None = None) -> None:
        from openpyxl import Workbook

        self.figs = figs
        self.plan = figs.plan
        self.data = data if data is not None else {}     # the plan as data (scenarios, ranges)
        self.source = source                              # the plan file's name, when known
        self.scen: Any = None       # scenario_inputs.Scenarios: what follows the scenario
        self.notes = 0              # cell notes written on inputs that follow the scenario
        self.L = Layout.of(figs.plan)
        self.formulas = formulas
        self.cached = cached
        self._progress = progress
        self._cancel = cancel
        self._total = max(1, total_rows)
        self._done = 0
        self._message = ""
        self.wb = Workbook(write_only=True)
        self.sheets: dict[str, Any] = {}
        self._styles: Styles | None = None

    # ----- progress -------------------------------------------------------------------
    def step(self, message: str) -> None:
        self._message = message
        self.check()
        self.report()

    def check(self) -> None:
        if self._cancel is not None and self._cancel():
            raise ExportCancelled("export cancelled")

    def report(self) -> None:
        if self._progress is not None:
            self._progress(min(0.95, 0.95 * self._done / self._total), self._message)

    def rows_done(self, n: int = 1) -> None:
        self._done += n
        if self._done % 500 < n:
            self.check()
            self.report()

    # ----- sheets ---------------------------------------------------------------------
    def sheet(self, name: str, *, widths: dict[str, float] | Iterable[tuple[str, float]] = (),
              freeze: str | None = None, title_rows: str | None = None,
              title_cols: str | None = None, landscape: bool = True, one_page: bool = False,
              tab: str | None = None, hidden_grid: bool = False,
              tall_rows: dict[int, float] | None = None, protect: bool = False):
        """A new sheet. ``protect``: locked against edits but its inputs (no password: the
        protection stops accidents, such as an inserted row the formulas would not see)."""
        ws = self.wb.create_sheet(name)
        self.sheets[name] = ws
        if self._styles is None:
            self._styles = Styles(self.wb, ws, self.plan.currency)
        widths = dict(widths)
        for col, w in widths.items():
            ws.column_dimensions[col].width = w
        if freeze:
            ws.freeze_panes = freeze
        if title_rows:
            ws.print_title_rows = title_rows
        if title_cols:
            ws.print_title_cols = title_cols
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        # Letter where the plan counts in dollars of North America, else A4
        ws.page_setup.paperSize = ("1" if self.plan.currency in ("USD", "CAD")
                                   else "9")
        total = sum(widths.values()) if widths else DEFAULT_WIDTH
        ws.page_setup.fitToWidth = 1 if one_page else max(1, math.ceil(total / PAGE_WIDTH[landscape]))
        ws.page_setup.fitToHeight = 1 if one_page else 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.5
        ws.print_options.gridLines = False
        ws.oddFooter.center.text = f"{name} · &P of &N"
        if tab:
            ws.sheet_properties.tabColor = tab
        if hidden_grid:
            ws.sheet_view.showGridLines = False
        for row, height in (tall_rows or {}).items():
            ws.row_dimensions[row].height = height    # wrapped column headers
        if protect:
            p = ws.protection
            p.sheet = True
            p.formatColumns = p.formatRows = False      # widening a column stays allowed
            p.selectLockedCells = p.selectUnlockedCells = False
        open_stream(ws)
        return ws

    # ----- cells ----------------------------------------------------------------------
    def style(self, look: Look | None):
        return None if look is None else self._styles(look)

    def txt(self, ws, text: Any, look: Look | None = None):
        return text_cell(ws, text, self.style(look))

    def val(self, ws, value: Any, look: Look | None = None):
        return value_cell(ws, value, self.style(look))

    def calc(self, ws, formula: str | None, value: Any, look: Look | None = None):
        return calc_cell(ws, formula, value, self.style(look), formulas=self.formulas,
                         cached=self.cached)

    def header(self, ws, labels: Iterable[str], look: Look | None = None) -> list:
        lk = look or Look(header=True)
        return [self.txt(ws, s, lk) for s in labels]
