"""API or self-host? The Compute page's answer for each model that serves tokens: the cost
curves (:class:`HostingChart`), where self-hosting becomes cheaper, the fleets' busy share at
the plan's volume and the verdict in words, all from :func:`planner.hosting.analyse` on the
last valid result. Worked out only while on screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ... import formatting as fmt
from ..widgets.common import heading, hint
from .citation import esc
from .hosting_chart import HostingChart, cost_curves


def crossover_lines(report) -> list[str]:
    """``open-70b on h100-owned vs small-api: cheaper from 3.8B (for good from 4.1B)``."""
    apis, fleets = report.shown()
    out = []
    for f in fleets:
        parts = []
        for a in apis:
            x = report.crossover_of(f, a)
            if x.cheaper_from is None:
                parts.append(f"{esc(a.label)}: never")
                continue
            text = f"{esc(a.label)}: from {fmt.tokens(x.cheaper_from)}"
            if x.always_cheaper_from is not None and x.always_cheaper_from != x.cheaper_from:
                text += f" (for good from {fmt.tokens(x.always_cheaper_from)})"
            parts.append(text)
        out.append(f"<b>{esc(f.label)}</b> is cheaper than " + "; ".join(parts))
    return out


def busy_lines(report, currency: str) -> list[str]:
    """Each shown fleet at the plan's volume: GPUs, busy share and cost a month."""
    from ...hosting.words import cost

    w = report.workload
    out = []
    for f in report.shown()[1]:
        n = float(f.gpus(w.tokens, w.mix))
        busy = f.busy_share(w.tokens, w.mix)
        out.append(f"{esc(f.label)}: {n:,.0f} GPUs busy {fmt.percent(busy, 1)} of the time, "
                   f"{cost(float(f.cost(w.tokens, w.mix)), currency)} a month")
    return out


class HostingView(QWidget):
    """The section: a workload selector (when several), the chart, and the words."""

    def __init__(self, doc: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.report = None           # planner.hosting.HostingReport
        self._dirty = True
        top = QHBoxLayout()
        top.addWidget(heading("API or self-host?", self))
        top.addStretch(1)
        self.selector_label = QLabel("Model:", self)
        self.selector = QComboBox(self)
        self.selector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.selector.setToolTip("Each model that serves tokens in the final month is a workload "
                                 "of its own (its own mix of input and output tokens)")
        top.addWidget(self.selector_label)
        top.addWidget(self.selector)
        self.intro = hint("What a month of each model's tokens would cost on each API model (a "
                          "price per token) and on self-hosted GPUs (whole replicas sized for "
                          "peak: rent, or depreciation, power and overhead), at month-1 prices, "
                          "from 100x below to 100x above the plan's volume. Hover the chart "
                          "for the costs at a volume.", self)
        self.chart = HostingChart(self)
        self.words = QLabel(self)
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.RichText)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.words.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 4, 0, 4)
        v.addLayout(top)
        v.addWidget(self.intro)
        v.addWidget(self.chart, 1)
        v.addWidget(self.words)
        self.selector.currentIndexChanged.connect(lambda _i: self._show_workload())
        doc.resultChanged.connect(self._result_changed)

    # ----- keeping up with the plan ---------------------------------------------------------
    def _result_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Analyse the last valid result again and show the selected model's workload."""
        from ...hosting import analyse

        self._dirty = False
        result = self.doc.result
        self.report = analyse(result) if result is not None else None
        keep = self.selector.currentData()
        self.selector.blockSignals(True)
        self.selector.clear()
        for w in self.report.workloads if self.report else []:
            wl = w.workload
            how = f"self-hosted on {wl.gpu}" if wl.hosting == "self" else "API"
            self.selector.addItem(f"{wl.model} ({how}, {fmt.tokens(wl.tokens)} tokens a month)",
                                  wl.model)
        self.selector.setCurrentIndex(max(0, self.selector.findData(keep)))
        self.selector.blockSignals(False)
        several = self.selector.count() > 1
        self.selector.setVisible(several)
        self.selector_label.setVisible(several)
        self._show_workload()

    def workload_report(self):
        if self.report is None or not self.report.workloads:
            return None
        i = max(0, self.selector.currentIndex())
        return self.report.workloads[min(i, len(self.report.workloads) - 1)]

    def _show_workload(self) -> None:
        w = self.workload_report()
        stale = bool(self.doc.stale_message) and self.doc.result is not None
        self.chart.set_stale(stale)
        if w is None:
            why = ("No result yet: fix the plan's problems first." if self.doc.result is None
                   else (self.report.note if self.report else "") or "Nothing to compare.")
            self.chart.show_placeholder(f"{why} Give a workflow a model (its compute columns) "
                                        "to compare serving its tokens by API and on your own GPUs.")
            self.words.setText("")
            return
        self.chart.show_placeholder(None)
        self.chart.set_result(cost_curves(w, self.report.currency))
        wl = w.workload
        self.chart.set_title(f"{wl.model}: a month of its tokens on each option "
                             f"({esc(wl.mix.describe())})")
        parts = [f"<p><b>{esc(w.verdict)}</b></p>"]
        busy = busy_lines(w, self.report.currency)
        if busy:
            parts.append("<p>At the plan's volume: " + "; ".join(busy) + ".</p>")
        cross = crossover_lines(w)
        if cross:
            parts.append("<p>Self-hosting becomes cheaper (tokens a month): "
                         + ". ".join(cross) + ".</p>")
        if stale:
            parts.append("<p><i>Of the last valid plan: fix the problems to update.</i></p>")
        self.words.setText("".join(parts))
