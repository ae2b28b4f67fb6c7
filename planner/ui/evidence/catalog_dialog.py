"""Add a model or a GPU from the catalog: API models at their list prices, self-hosted
set-ups (a model served on a GPU, measured), and GPUs rented or bought, each with the
source of its figures. The dialog decides (:meth:`CatalogDialog.choice`);
:func:`adding.add_from_catalog` makes the edit, one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ... import catalog as cat
from ...catalog.convert import AMORTIZATION_MONTHS
from ..dashboard.theme import theme_for
from ..widgets.common import fit_to_screen, hint
from .adding import CatalogChoice, GpuChoice, currency_caveat, gpu_id_for
from .citation import citation_html, esc, values_html
from .template_dialog import find_data

ID_ROLE = Qt.ItemDataRole.UserRole + 1
API, SELF, GPU = "api", "self", "gpu"


def _usd(x: Any, spec: str = "g") -> str:
    """``$3.99``, ``$40,625`` (``spec``: the number's format after the thousands comma)."""
    return f"${x:,{spec}}" if isinstance(x, int | float) else "–"


class _Tab(QWidget):
    """A list of catalog entries (one per row) beside the selected one's values and evidence,
    with the options adding it needs below."""

    def __init__(self, parent: QWidget, headers: list[str], entries: list[dict],
                 row: Callable[[dict], list[str]], describe: Callable[[dict], str],
                 in_plan: set[str] | frozenset[str] = frozenset()) -> None:
        super().__init__(parent)
        self.entries = {e["id"]: e for e in entries}
        self.describe = describe
        self.in_plan = set(in_plan) & set(self.entries)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(headers)
        self.tree.setAlternatingRowColors(True)
        for e in entries:
            cells = row(e)
            if e["id"] in self.in_plan:           # adding it again would make a second copy
                cells = [cells[0] + "  (in the plan)", *cells[1:]]
            item = QTreeWidgetItem(self.tree, cells)
            item.setData(0, ID_ROLE, e["id"])
            item.setToolTip(0, e.get("source", ""))
            if e["id"] in self.in_plan:
                for c in range(len(cells)):
                    item.setForeground(c, self.palette().placeholderText())
            for c, text in enumerate(row(e)):
                if text[:1].isdigit() or text[:1] in "$–":          # numbers line up on the right
                    item.setTextAlignment(c, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for c in range(len(headers)):
            self.tree.resizeColumnToContents(c)
        self.preview = QTextBrowser(self)
        self.preview.setOpenExternalLinks(True)
        self.options = QFormLayout()
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.preview, 1)
        rv.addLayout(self.options)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        v = QVBoxLayout(self)
        v.addWidget(split)
        self.tree.currentItemChanged.connect(lambda *_: self.refresh())
        # start on the first entry the plan does not have yet
        items = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        first = next((it for it in items if it.data(0, ID_ROLE) not in self.in_plan),
                     items[0] if items else None)
        if first is not None:
            self.tree.setCurrentItem(first)

    def current(self) -> dict | None:
        item = self.tree.currentItem()
        return self.entries.get(item.data(0, ID_ROLE)) if item is not None else None

    def select(self, ident: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            if self.tree.topLevelItem(i).data(0, ID_ROLE) == ident:
                self.tree.setCurrentItem(self.tree.topLevelItem(i))
                return
        raise KeyError(ident)

    def refresh(self) -> None:
        e = self.current()
        html = self.describe(e) if e is not None else ""
        if e is not None and e["id"] in self.in_plan:
            html = (f"<p><b>Already in the plan</b> as {esc(e['id'])}: adding it again makes a "
                    "second copy with its own id (a what-if at other prices, say).</p>" + html)
        self.preview.setHtml(html)


class CatalogDialog(QDialog):
    """Tabs: API models, self-hosted set-ups, GPUs. ``exec()``, then :meth:`choice`."""

    def __init__(self, doc: Any, parent: QWidget | None = None, *, show: str = API) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle("Add from the catalog")
        self.gpus = {g["id"]: g for g in cat.gpus()}
        self.tabs = QTabWidget(self)

        models, gpus = set(doc.ids("models")), set(doc.ids("gpus"))
        self.api = _Tab(self, ["Model", "Provider", "Input", "Output", "Cached input"],
                        cat.api_models(), self._api_row, self._api_html, models)
        self.self_hosted = _Tab(self, ["Set-up", "GPUs per replica", "Output tok/s per GPU (1k/1k)"],
                                cat.self_hosted_models(), self._self_row, self._self_html, models)
        self.gpu_tab = _Tab(self, ["GPU", "Memory", "Rent per GPU-hour", "Purchase per GPU"],
                            cat.gpus(), self._gpu_row, self._gpu_html, gpus)
        self.api.options.addRow(hint("Prices in USD per million tokens, from the LiteLLM price "
                                     "file; File > Import prices... updates them later.", self.api))
        # self-hosted: the GPU it runs on (one of the plan's, or the catalog's, added too)
        self.run_on = QComboBox(self.self_hosted)
        self.run_on_hint = hint("", self.self_hosted)
        self.self_hosted.options.addRow("Runs on:", self.run_on)
        self.self_hosted.options.addRow("", self.run_on_hint)
        self.self_hosted.tree.currentItemChanged.connect(lambda *_: self._fill_run_on())
        self.run_on.currentIndexChanged.connect(lambda _i: self._describe_run_on())
        # GPUs: rented or bought
        self.rent = QRadioButton("Rent by the hour (cloud)", self.gpu_tab)
        self.buy = QRadioButton("Buy (owned: depreciation, power, overhead)", self.gpu_tab)
        self.rent.setChecked(True)
        self.pricing = QButtonGroup(self)
        self.pricing.addButton(self.rent)
        self.pricing.addButton(self.buy)
        self.months = QSpinBox(self.gpu_tab)
        self.months.setRange(12, 120)
        self.months.setValue(AMORTIZATION_MONTHS)
        self.months.setSuffix(" months")
        self.months.setToolTip("Depreciation period: GPUs are commonly written off over 3-5 years")
        self.gpu_tab.options.addRow("", self.rent)
        self.gpu_tab.options.addRow("", self.buy)
        self.gpu_tab.options.addRow("Written off over:", self.months)
        for w in (self.rent, self.buy):
            w.toggled.connect(lambda _on: self._gpu_options())
        self.months.valueChanged.connect(lambda _v: self.gpu_tab.refresh())

        self.tabs.addTab(self.api, "API models")
        self.tabs.addTab(self.self_hosted, "Self-hosted models")
        self.tabs.addTab(self.gpu_tab, "GPUs")
        self.buttons = QDialogButtonBox(self)
        self.add_button = self.buttons.addButton("Add", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for tab in (self.api, self.self_hosted, self.gpu_tab):
            tab.tree.itemDoubleClicked.connect(lambda *_: self.accept())
            tab.tree.currentItemChanged.connect(lambda *_: self._name_button())
        self.tabs.currentChanged.connect(lambda _i: self._name_button())
        outer = QVBoxLayout(self)
        outer.addWidget(hint("Each figure carries its source, what was measured and the day it was "
                             "checked; the added row keeps them in its note (hover its cells).", self))
        self.currency_note = None
        if currency_caveat(doc.currency):
            self.currency_note = hint(currency_caveat(doc.currency), self)
            self.currency_note.setStyleSheet(f"color: {theme_for(self).cost.name()};")
            outer.addWidget(self.currency_note)
        outer.addWidget(self.tabs, 1)
        outer.addWidget(self.buttons)
        self._fill_run_on()
        self._gpu_options()
        self.show_tab(show)
        fit_to_screen(self, 1040, 640)

    def show_tab(self, kind: str) -> None:
        self.tabs.setCurrentWidget({API: self.api, SELF: self.self_hosted, GPU: self.gpu_tab}[kind])
        self._name_button()

    def kind(self) -> str:
        return {0: API, 1: SELF, 2: GPU}[self.tabs.currentIndex()]

    def _name_button(self) -> None:
        kind = self.kind()
        text = {API: "Add model", GPU: "Add GPU"}.get(kind, "Add model")
        if kind == SELF and (self.run_on.currentData() or (None,))[0] == "catalog":
            text = "Add model and GPU"
        tab = {API: self.api, SELF: self.self_hosted, GPU: self.gpu_tab}[kind]
        e = tab.current()
        if e is not None and e["id"] in tab.in_plan:
            text = "Add a second copy"
        self.add_button.setText(text)

    # ----- API models -------------------------------------------------------------------
    @staticmethod
    def _api_row(m: dict) -> list[str]:
        return [m["name"], m["provider"], _usd(m["input_per_mtok"]), _usd(m["output_per_mtok"]),
                _usd(m.get("cached_input_per_mtok"))]

    def _api_html(self, m: dict) -> str:
        rows = [("Price-file key", esc(m["file_key"])),
                ("Input", f"{_usd(m['input_per_mtok'])} per million tokens"),
                ("Output", f"{_usd(m['output_per_mtok'])} per million tokens"),
                ("Cached input", f"{_usd(m['cached_input_per_mtok'])} per million tokens"
                 if m.get("cached_input_per_mtok") is not None else "not listed: billed as input")]
        tier = cat.tier_for(m["id"])
        if tier is not None:
            steps = " → ".join(f"{esc(t['model'])} {t['input_per_mtok']:g}/{t['output_per_mtok']:g}"
                               for t in tier["members"])
            rows.append(("Its family", f"{steps} ({esc(tier['trend'])}: input/output per million "
                                       "tokens, oldest first)"))
        return f"<h3>{esc(m['name'])}</h3>" + values_html(rows) + citation_html(m)

    # ----- self-hosted set-ups ---------------------------------------------------------------
    def _self_row(self, m: dict) -> list[str]:
        rate = next((x["output_tokens_per_s"] for x in m.get("measured", [])
                     if x["input_tokens"] <= 1000), None)
        return [m["name"], f"{m['gpus_per_replica']}", f"{rate:,}" if rate else "–"]

    def _self_html(self, m: dict) -> str:
        g = self.gpus.get(m["gpu"], {})
        measured = "; ".join(f"{x['input_tokens']:,} in / {x['output_tokens']:,} out: "
                             f"{x['output_tokens_per_s']:,} output tok/s per GPU"
                             for x in m.get("measured", []))
        rows = [("GPU", esc(g.get("name", m["gpu"]))),
                ("GPUs per replica", f"{m['gpus_per_replica']} ({esc(m.get('parallelism', ''))}, "
                                     f"{esc(m.get('precision', ''))})"),
                ("Measured", esc(measured) or "–"),
                ("Prefill rate", f"{m['prefill_tokens_per_s']:,} tokens/s per GPU (fitted)"),
                ("Decode rate", f"{m['decode_tokens_per_s']:,} tokens/s per GPU (fitted)"),
                ("Utilization", f"{m['utilization']:.0%} of the measured maximum")]
        return f"<h3>{esc(m['name'])}</h3>" + values_html(rows) + citation_html(m)

    def _fill_run_on(self) -> None:
        m = self.self_hosted.current()
        self.run_on.blockSignals(True)
        self.run_on.clear()
        if m is not None:
            entry = self.gpus[m["gpu"]]
            family = m["gpu"].split("-")[0]
            default = -1
            for g in self.doc.items("gpus"):
                if not isinstance(g, dict) or not isinstance(g.get("id"), str):
                    continue
                how = "rented" if g.get("pricing") == "cloud" else "owned"
                self.run_on.addItem(f"{g['id']} ({how}, in the plan)", ("plan", g["id"]))
                if default < 0 and g["id"].lower().startswith(family):
                    default = self.run_on.count() - 1
            taken = set(self.doc.ids("gpus"))
            for pricing, how in (("cloud", "rented"), ("owned", "bought")):
                gid = gpu_id_for(entry, pricing)
                if gid not in taken:
                    self.run_on.addItem(f"Add {entry['name']}, {how}, from the catalog",
                                        ("catalog", pricing))
            if default < 0:
                default = max(0, find_data(self.run_on, ("catalog", "cloud")))
            self.run_on.setCurrentIndex(default)
        self.run_on.blockSignals(False)
        self._describe_run_on()

    def _describe_run_on(self) -> None:
        m = self.self_hosted.current()
        data = self.run_on.currentData()
        if m is None or data is None:
            self.run_on_hint.setText("")
            return
        name = self.gpus[m["gpu"]]["name"]
        if data[0] == "catalog":
            text = f"Adds the GPU too ({gpu_id_for(self.gpus[m['gpu']], data[1])}), with its sources."
        elif data[1].lower().startswith(m["gpu"].split("-")[0]):
            text = f"The serving rates were measured on {name}."
        else:
            text = (f"The serving rates were measured on {name}: on {data[1]} they differ; "
                    "enter that GPU's own rates if you know them.")
        self.run_on_hint.setText(text)
        self._name_button()

    # ----- GPUs --------------------------------------------------------------------------------
    @staticmethod
    def _gpu_row(g: dict) -> list[str]:
        return [g["name"], f"{g['memory_gb']} GB", _usd(g["cloud"]["per_gpu_hour"]),
                _usd(g["purchase"]["capex_per_gpu"], ".0f")]

    def gpu_pricing(self) -> str:
        return "owned" if self.buy.isChecked() else "cloud"

    def _gpu_options(self) -> None:
        self.months.setEnabled(self.buy.isChecked())
        self.gpu_tab.refresh()

    def _gpu_html(self, g: dict) -> str:
        pricing = self.gpu_pricing() if hasattr(self, "buy") else "cloud"
        months = self.months.value() if hasattr(self, "months") else AMORTIZATION_MONTHS
        plan = cat.gpu_to_plan(g, pricing=pricing, amortization_months=months)
        cloud, purchase, watts = g["cloud"], g["purchase"], g["watts"]
        rows = [("Memory", f"{g['memory_gb']} GB"),
                ("Power", f"{watts['per_gpu']:,} W per GPU with its share of the server")]
        if pricing == "cloud":
            rows += [("Rent", f"{_usd(cloud['per_gpu_hour'])} per GPU-hour ({esc(cloud['provider'])}"
                              f"{', ' + esc(cloud['date']) if cloud.get('date') else ''}); quoted "
                              f"{_usd(cloud.get('low'))} to {_usd(cloud.get('high'))}"),
                     ("A month", f"{_usd(cloud['per_gpu_hour'] * 730, '.0f')} per GPU (730 hours), "
                                 "busy or not")]
            evidence = citation_html(cloud, title="Evidence for the rent")
        else:
            rows += [("Purchase", f"{_usd(purchase['capex_per_gpu'], '.0f')} per GPU incl. the "
                                  f"server share (range {_usd(purchase.get('low'), '.0f')} to "
                                  f"{_usd(purchase.get('high'), '.0f')})"),
                     ("Depreciation", f"{_usd(purchase['capex_per_gpu'] / months, '.0f')} a month "
                                      f"over {months} months"),
                     ("Overhead", f"{_usd(plan['overhead_per_gpu_month'], '.0f')} per GPU-month: "
                                  "colocation and network (operations staff not included)")]
            evidence = citation_html(purchase, title="Evidence for the price")
        return (f"<h3>{esc(g['name'])}</h3>" + values_html(rows) + evidence
                + citation_html(watts, title="Evidence for the power"))

    # ----- the answer ----------------------------------------------------------------------------
    def choice(self) -> CatalogChoice | None:
        kind = self.kind()
        if kind == API:
            e = self.api.current()
            return CatalogChoice(API, e) if e is not None else None
        if kind == SELF:
            e, data = self.self_hosted.current(), self.run_on.currentData()
            if e is None or data is None:
                return None
            gpu = GpuChoice(plan_id=data[1]) if data[0] == "plan" else \
                GpuChoice(entry=self.gpus[e["gpu"]], pricing=data[1])
            return CatalogChoice(SELF, e, gpu=gpu)
        e = self.gpu_tab.current()
        if e is None:
            return None
        pricing = self.gpu_pricing()
        return CatalogChoice(GPU, e, pricing=pricing,
                             months=self.months.value() if pricing == "owned" else None)
