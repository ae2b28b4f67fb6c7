"""Help > Getting started: six short steps from a first team to the workbook for leadership,
each with a button that takes the user to the place it describes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    go: str          # the place the "Show me" button opens (a page name or an action key)
    go_label: str


STEPS = (
    Step("1. Describe your teams",
         "On <b>Teams</b>, add each team with its roles: how many people, individual "
         "contributors or managers, and what each costs a year (fully loaded). Drag a team onto "
         "another to say who it reports to. Starting from an HR export? Use <b>File &gt; Import "
         "roster</b>: OrgPlanner builds the teams and shows your real spans and layers.",
         "Teams", "Open Teams"),
    Step("2. Add the work AI will assist",
         "On <b>Workflows</b>, add the recurring work each team does: how often, how many "
         "minutes, how much time AI saves and how many people will use it. <b>Add from "
         "template</b> starts from the evidence: each template cites the study behind its "
         "figures and brings its own uncertainty range.",
         "Workflows", "Open Workflows"),
    Step("3. Read the dashboard",
         "The <b>Results</b> on the right update as you type: headcount against the same "
         "organisation without AI, layers and spans, payroll saved from AI and from structure, "
         "the compute it costs, NPV and payback. Hover any figure to see its formula with your "
         "numbers. <b>Overview</b> shows the same, large, for leadership.",
         "Overview", "Open Overview"),
    Step("4. Compare scenarios",
         "Use the <b>Scenario</b> box on the toolbar to add a scenario (say, \"Bets go wrong\" or "
         "\"Attrition instead of layoffs\"). While it is shown, every change you make belongs "
         "to it alone, and changed cells are marked. <b>Compare</b> puts the scenarios side by "
         "side.", "Compare", "Open Compare"),
    Step("5. Stress the four bets",
         "The plan is a bet that the work keeps growing, prices hold or fall, AI saves the time "
         "planned and serving gets cheaper. <b>Risk</b> shows what happens when each fails, the "
         "spread of outcomes over your ranges (right-click a value, <b>Set range...</b>), what "
         "moves the NPV most, and the break-even values in plain words.",
         "Risk", "Open Risk"),
    Step("6. Send it to leadership",
         "<b>File &gt; Export to Excel</b> writes a workbook whose every figure is a live "
         "formula over named inputs, with a scenario selector. <b>File &gt; Export brief</b> "
         "writes a one-page PDF with the headline figures, the scenarios, the four bets and "
         "the evidence warnings.", "export", "Export to Excel…"),
)


class TourDialog(QDialog):
    """The steps, one at a time, with Back / Next and "Show me"."""

    def __init__(self, go: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Getting started with OrgPlanner")
        self.go = go
        self.stack = QStackedWidget(self)
        for step in STEPS:
            page = QWidget(self)
            v = QVBoxLayout(page)
            title = QLabel(f"<h3>{step.title}</h3>", page)
            text = QLabel(step.text, page)
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            show = QPushButton(step.go_label, page)
            show.clicked.connect(lambda _=False, s=step: self._show_me(s))
            v.addWidget(title)
            v.addWidget(text, 1)
            row = QHBoxLayout()
            row.addWidget(show)
            row.addStretch(1)
            v.addLayout(row)
            self.stack.addWidget(page)
        self.counter = QLabel(self)
        self.back = QPushButton("Back", self)
        self.next = QPushButton("Next", self)
        self.close_button = QPushButton("Close", self)
        self.back.clicked.connect(lambda: self.turn(-1))
        self.next.clicked.connect(lambda: self.turn(+1))
        self.close_button.clicked.connect(self.accept)
        nav = QHBoxLayout()
        nav.addWidget(self.counter)
        nav.addStretch(1)
        for b in (self.back, self.next, self.close_button):
            nav.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(nav)
        self.resize(560, 330)
        self.turn(0)

    def turn(self, delta: int) -> None:
        i = max(0, min(len(STEPS) - 1, self.stack.currentIndex() + delta))
        self.stack.setCurrentIndex(i)
        self.counter.setText(f"Step {i + 1} of {len(STEPS)}")
        self.back.setEnabled(i > 0)
        self.next.setEnabled(i < len(STEPS) - 1)
        self.next.setDefault(i < len(STEPS) - 1)

    def _show_me(self, step: Step) -> None:
        self.go(step.go)
