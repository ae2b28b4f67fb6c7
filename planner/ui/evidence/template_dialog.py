"""Add workflow from template: search the catalog's workflow templates (grouped by function),
read one's values and the study behind them, choose the team, volume and model, add.

The dialog only decides (:meth:`TemplateDialog.choice`); :func:`adding.add_workflow_from_template`
makes the edit, one undo step.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ... import catalog as cat
from ...formatting import money, percent
from ..doc.catalog import team_choices
from ..widgets.common import fit_to_screen, hint
from .adding import (
    TemplateChoice,
    currency_caveat,
    matching_team,
    problems_if_added,
    suggest_volume,
    team_hours_share,
)
from .citation import citation_html, esc, values_html

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def find_data(combo: QComboBox, data: Any) -> int:
    """The index of the item holding ``data`` (a tuple: ``QComboBox.findData`` compares
    Python tuples by identity), else -1."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == data), -1)


def _pct(x: Any) -> str:
    return percent(x) if isinstance(x, int | float) else "–"


def template_values(t: dict[str, Any], function: dict[str, Any] | None) -> list[tuple[str, str]]:
    """The values a template gives a workflow, in words (escaped for rich text)."""
    ai, comp, rng = t["ai"], t["compute"], t["time_saved_range"]
    rows = [("Unit of work", esc(t["unit"])),
            ("Minutes per unit", f"{t['minutes_per_unit']:,g}"),
            ("Volume per person", f"{t.get('volume_hint', 0):,g} a month"),
            ("Time saved", f"{_pct(ai['time_saved'])} (studies: {_pct(rng['low'])} to "
                           f"{_pct(rng['high'])})"),
            ("Adoption", _pct(ai.get("adoption"))),
            ("Ramp", f"{ai.get('ramp_months', 0):g} months, {esc(ai.get('ramp', 'linear'))}"
             if ai.get("ramp_months") else "none"),
            ("Review overhead", _pct(ai.get("review_overhead", 0))),
            ("Calls and tokens", f"{comp['calls_per_unit']:,g} calls a unit, "
                                 f"{comp['input_tokens']:,g} input + {comp['output_tokens']:,g} "
                                 f"output tokens a call"
                                 + (f", {_pct(comp['cached_share'])} of input cached"
                                    if comp.get("cached_share") else ""))]
    if function is not None:
        rows.append(("Most measured", f"{_pct(function['max_time_saved'])} for "
                                      f"{esc(function['name'].lower())} (any cited study)"))
    return rows


def readable(problem: str, data: Any) -> str:
    """``scenarios[fast].overrides[0]: ...`` -> ``In the scenario "Fast adoption": ...``."""
    import re

    found = re.match(r"scenarios\[([^\]]+)\](?:\.overrides\[\d+\])?: (?:ranges\[\d+\]: )?", problem)
    if not found:
        return problem
    names = {s.get("id"): s.get("name") for s in (data.get("scenarios") or [])
             if isinstance(s, dict)} if isinstance(data, dict) else {}
    name = names.get(found.group(1)) or found.group(1)
    return f'In the scenario "{name}": {problem[found.end():]}'


class TemplateDialog(QDialog):
    """``exec()``, then :meth:`choice` (None when nothing was chosen)."""

    def __init__(self, doc: Any, parent: QWidget | None = None, *, team: str | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle("Add workflow from template")
        self.templates = {t["id"]: t for t in cat.workflow_templates()}
        self.functions = {f["id"]: f for f in cat.functions()}
        self.api_models = {m["id"]: m for m in cat.api_models()}

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search by function or name (e.g. support, contract)")
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName("Workflow templates")
        self.preview = QTextBrowser(self)
        self.preview.setOpenExternalLinks(True)
        self.preview.setAccessibleName("The selected template's values and evidence")

        self.team = QComboBox(self)
        for tid, label in team_choices(doc):
            self.team.addItem(label, tid)
        self.team.setCurrentIndex(max(0, self.team.findData(team)))
        # a team given (the page's filter or selected row) or picked by the user stays; else
        # each template proposes the first team that does its kind of work
        self._team_fixed = team is not None and self.team.findData(team) >= 0
        self.team.activated.connect(lambda _i: setattr(self, "_team_fixed", True))
        self.volume = QDoubleSpinBox(self)
        self.volume.setRange(0, 1e9)
        self.volume.setDecimals(0)
        self.volume.setGroupSeparatorShown(True)
        self.volume_hint = hint("", self)
        self.model = QComboBox(self)
        self.model_hint = hint("", self)
        self.with_range = QCheckBox(self)
        self.with_range.setChecked(True)
        self.with_range.setToolTip("A range {low, high} on the workflow's time saved: the Risk "
                                   "page draws from it and shows what it does to the results")
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        self.problems.hide()
        self._cache = None                 # validated items, kept between checks
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(150)
        self._check_timer.timeout.connect(self.check_now)

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.search)
        lv.addWidget(self.tree, 1)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.preview, 1)
        form = QFormLayout()
        form.addRow("Team:", self.team)
        form.addRow("Volume per month:", self.volume)
        form.addRow("", self.volume_hint)
        form.addRow("Model for its compute:", self.model)
        form.addRow("", self.model_hint)
        form.addRow("", self.with_range)
        rv.addLayout(form)
        rv.addWidget(self.problems)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        self.buttons = QDialogButtonBox(self)
        self.add_button = self.buttons.addButton("Add workflow", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(hint("Every template's values come from a cited study; the workflow keeps "
                             "the citation in its note, and its time-saved range goes to the Risk "
                             "page. Replace what you know better afterwards.", self))
        outer.addWidget(split, 1)
        outer.addWidget(self.buttons)

        self._fill_models()
        self.search.textChanged.connect(self._fill_tree)
        self.tree.currentItemChanged.connect(lambda *_: self._template_changed())
        self.tree.itemDoubleClicked.connect(lambda item, _c: item.data(0, ID_ROLE) and self.accept())
        self.team.currentIndexChanged.connect(lambda _i: self._selected())
        self.volume.valueChanged.connect(self._volume_changed)
        self.model.currentIndexChanged.connect(lambda _i: self._describe_model())
        for signal in (self.team.currentIndexChanged, self.volume.valueChanged,
                       self.model.currentIndexChanged, self.with_range.toggled):
            signal.connect(lambda *_: self._check_timer.start())
        self._fill_tree()
        fit_to_screen(self, 1040, 680)

    # ----- the list ------------------------------------------------------------------
    def _fill_tree(self) -> None:
        current = self.current_id()
        found = cat.find_templates(self.search.text())
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        first = None
        for fid, function in self.functions.items():
            mine = [t for t in found if t["function"] == fid]
            if not mine:
                continue
            head = QTreeWidgetItem(self.tree, [f"{function['name']} ({len(mine)})"])
            head.setFont(0, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for t in mine:
                item = QTreeWidgetItem(head, [t["name"]])
                item.setData(0, ID_ROLE, t["id"])
                item.setToolTip(0, f"Per {t['unit']}; {t['source']}")
                if first is None or t["id"] == current:
                    first = item
        self.tree.expandAll()
        if first is not None:
            self.tree.setCurrentItem(first)
        else:
            self._selected()

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def select(self, template_id: str) -> None:
        """Make ``template_id`` the current template (clearing the search if it hides it)."""
        for _ in range(2):
            for i in range(self.tree.topLevelItemCount()):
                head = self.tree.topLevelItem(i)
                for j in range(head.childCount()):
                    if head.child(j).data(0, ID_ROLE) == template_id:
                        self.tree.setCurrentItem(head.child(j))
                        return
            self.search.clear()
        raise KeyError(template_id)

    # ----- the selected template ---------------------------------------------------------
    def template(self) -> dict[str, Any] | None:
        tid = self.current_id()
        return self.templates.get(tid) if tid else None

    def _template_changed(self) -> None:
        """Another template: unless a team was given or picked, propose one doing its work."""
        t = self.template()
        if t is not None and not self._team_fixed:
            match = matching_team(self.doc.data, t)
            i = self.team.findData(match) if match is not None else -1
            if i >= 0 and i != self.team.currentIndex():
                self.team.blockSignals(True)
                self.team.setCurrentIndex(i)
                self.team.blockSignals(False)
        self._selected()

    def _selected(self) -> None:
        """Show the selected template and suggest its volume for the team (a new template
        or team: a new suggestion; the user's own volume stands until then)."""
        t = self.template()
        self.add_button.setEnabled(t is not None and self.team.count() > 0)
        if t is None:
            self.preview.setHtml("<p><i>No template matches the search: try a function "
                                 "(support, legal, finance...) or clear it.</i></p>")
            self.volume_hint.setText("")
            self.problems.hide()
            return
        fn = self.functions.get(t["function"])
        rng = t["time_saved_range"]
        self.with_range.setEnabled(rng["low"] != rng["high"])
        self.with_range.setText(f"Add its range of time saved, {_pct(rng['low'])} to "
                                f"{_pct(rng['high'])}, for the Risk page" if rng["low"] != rng["high"]
                                else "No range: the studies give one value")
        self.preview.setHtml(f"<h3>{esc(t['name'])}</h3>"
                             f"<p>{esc(fn['name'] if fn else t['function'])}</p>"
                             + values_html(template_values(t, fn)) + citation_html(t))
        suggestion = suggest_volume(self.doc.data, t, self.team.currentData(),
                                    {k: f["name"].lower() for k, f in self.functions.items()})
        self.volume.blockSignals(True)
        self.volume.setValue(suggestion.volume)
        self.volume.blockSignals(False)
        self._suggestion = suggestion.text
        self._describe_volume()
        self._describe_model()
        self._check_timer.start()

    def check_now(self) -> list[str]:
        """What adding would break (shown in the dialog before anything changes)."""
        from ...model.items import ItemCache

        self._check_timer.stop()
        choice = self.choice()
        if choice is None:
            self.problems.hide()
            return []
        if self._cache is None:
            self._cache = ItemCache()
        found = problems_if_added(self.doc.data, choice, cache=self._cache)
        if found:
            n = len(found)
            shown = "".join(f"<li>{esc(readable(p, self.doc.data))}</li>" for p in found[:3])
            more = f"<li>and {n - 3} more</li>" if n > 3 else ""
            untick = (" Untick the range to add the workflow without it." if choice.with_range
                      and any("outside the range" in p for p in found) else "")
            self.problems.setText(
                f"<span style='color:{self._problem_colour()}'><b>Added as it is, the plan gets "
                f"{n} problem{'s' if n != 1 else ''}</b></span> (the results then stay those of "
                f"the last valid plan until it is fixed).{untick}<ul>{shown}{more}</ul>")
        self.problems.setVisible(bool(found))
        return found

    def _problem_colour(self) -> str:
        from ..dashboard.theme import theme_for

        return theme_for(self).problem.name()

    def _volume_changed(self, _v: float) -> None:
        self._suggestion = "your volume"
        self._describe_volume()
        self._describe_model()

    def _describe_volume(self) -> None:
        t = self.template()
        if t is None:
            return
        self.volume_hint.setText(f"{self._suggestion}; "
                                 f"{team_hours_share(self.doc.data, t, self.team.currentData(), self.volume.value())}.")

    # ----- the model ------------------------------------------------------------------------
    def _fill_models(self) -> None:
        plan = [m for m in self.doc.items("models") if isinstance(m, dict) and isinstance(m.get("id"), str)]
        for m in plan:
            how = "API" if m.get("hosting") == "api" else f"self-hosted on {m.get('gpu', '?')}"
            self.model.addItem(f"{m['id']} ({how})", ("plan", m["id"]))
        self.model.addItem("(no compute)", ("none", None))
        self.model.insertSeparator(self.model.count())
        for m in self.api_models.values():
            self.model.addItem(f"{m['name']}: add from the catalog (${m['input_per_mtok']:g} in, "
                               f"${m['output_per_mtok']:g} out per M tokens)", ("catalog", m["id"]))
        if plan:
            used = Counter(w.get("compute", {}).get("model") for w in self.doc.items("workflows")
                           if isinstance(w, dict) and isinstance(w.get("compute"), dict))
            best = max(plan, key=lambda m: used.get(m["id"], 0))["id"]
            self.model.setCurrentIndex(find_data(self.model, ("plan", best)))
        else:
            self.model.setCurrentIndex(find_data(self.model, ("catalog", next(iter(self.api_models)))))

    def _describe_model(self) -> None:
        t = self.template()
        kind, ident = self.model.currentData() or ("none", None)
        if t is None or kind == "none":
            self.model_hint.setText("No tokens or API cost: the workflow saves time only."
                                    if kind == "none" else "")
            return
        if kind == "catalog":
            prices = self.api_models[ident]
            added = f"Adds {ident} to the plan's models at its list prices. "
            caveat = currency_caveat(self.doc.currency)
            added += f"{caveat} " if caveat else ""
        else:
            prices = next((m for m in self.doc.items("models") if m.get("id") == ident), {})
            added = ""
        if prices.get("hosting", "api") != "api" or not isinstance(prices.get("input_per_mtok"), int | float):
            self.model_hint.setText(f"{added}Self-hosted: its share of the fleet's cost follows "
                                    "from the tokens.")
            return
        comp, ai = t["compute"], t["ai"]
        cached = comp.get("cached_share", 0)
        cin = prices.get("cached_input_per_mtok", prices["input_per_mtok"])
        per_call = (comp["input_tokens"] * ((1 - cached) * prices["input_per_mtok"] + cached * cin)
                    + comp["output_tokens"] * prices["output_per_mtok"]) / 1e6
        cost = self.volume.value() * ai.get("adoption", 0) * comp["calls_per_unit"] * per_call
        self.model_hint.setText(f"{added}About {money(cost, self.doc.currency)} a month of API "
                                f"calls at full adoption ({_pct(ai.get('adoption'))}), at month-1 "
                                "prices.")

    # ----- the answer --------------------------------------------------------------------------
    def choice(self) -> TemplateChoice | None:
        t = self.template()
        team = self.team.currentData()
        if t is None or team is None:
            return None
        kind, ident = self.model.currentData() or ("none", None)
        return TemplateChoice(template=t, team=team, volume=float(self.volume.value()),
                              model=ident if kind == "plan" else None,
                              new_model=self.api_models[ident] if kind == "catalog" else None,
                              with_range=self.with_range.isChecked() and self.with_range.isEnabled())

