"""The workbook being written: sheets, shared styles, progress and cancellation."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from openpyxl.worksheet.properties import PageSetupProperties

from .cells import Look, Styles, calc_cell, open_stream, text_cell, value_cell
from .figures import Figures
from .layout import Layout


class ExportCancelled(Exception):
    """The export was cancelled; no file was written and the old file is untouched."""


class Book:
    def __init__(self, figs: Figures, *, formulas: bool, cached: bool,
                 progress: Callable[[float, str], None] | None,
                 cancel: Callable[[], bool] | None, total_rows: int) -> None:
        from openpyxl import Workbook

        self.figs = figs
        self.plan = figs.plan
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
              tall_rows: dict[int, float] | None = None):
        ws = self.wb.create_sheet(name)
        self.sheets[name] = ws
        if self._styles is None:
            self._styles = Styles(self.wb, ws, self.plan.currency)
        for col, w in dict(widths).items():
            ws.column_dimensions[col].width = w
        if freeze:
            ws.freeze_panes = freeze
        if title_rows:
            ws.print_title_rows = title_rows
        if title_cols:
            ws.print_title_cols = title_cols
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.fitToWidth = 1
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
