"""The Compute page's read-only results: each self-hosted model's fleet in the final month
(GPUs, busy share, energy, rent, overhead, purchases, depreciation), explained on hover."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ... import formatting as fmt
from ..doc.document import PlanDocument
from ..doc.result_figures import Fleet, fleets
from ..qt_models.cells import _muted

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

# (header, what it is: the header's tooltip)
COLUMNS = (
    ("Model", "The self-hosted model; each has its own fleet of GPUs (models on the same GPU "
              "type are not pooled)."),
    ("GPU", "The GPU type it runs on: cloud GPUs are rented by the hour, owned GPUs bought."),
    ("GPUs", "GPUs in the fleet = GPUs per replica × ceil(GPU-hours needed / 730 × peak to "
             "average / GPUs per replica); GPU-hours needed = busy hours / utilization. An owned "
             "fleet never shrinks."),
    ("Busy", "Busy share = busy GPU-hours / (GPUs × 730): how much of the fleet's time does "
             "work. Low when the fleet is sized for peak or an owned fleet outlived its load."),
    ("Energy\nkWh / month", "Energy = GPUs × watts per GPU / 1000 × 730 h × PUE; idle owned "
                            "GPUs still draw power. Cloud: reported, paid in the rent."),
    ("Energy\n{cur} / month", "Energy × power price (owned GPUs; a cloud GPU's power is in its "
                              "rent)."),
    ("Rent\n{cur} / month", "Cloud GPUs: GPUs × 730 h × price per GPU-hour, following the GPU "
                            "price decline."),
    ("Overhead\n{cur} / month", "Owned GPUs: GPUs × overhead per GPU-month (colocation, "
                                "network, operations)."),
    ("Purchases\n{cur}, all months", "Owned GPUs: capex, the GPUs added each month × purchase "
                                     "price (following the GPU price decline), summed over the "
                                     "plan (cash view)."),
    ("Depreciation\n{cur} / month", "Owned GPUs: each month's purchases spread evenly over the "
                                    "GPU's depreciation months (P&L view)."),
    ("Fleet cost\n{cur} / month", "Rent + energy + overhead + depreciation: the fleet's cost in "
                                  "the P&L view, the figure the Compute tile counts."),
)


class FleetTableModel(QAbstractTableModel):
    """One row per self-hosted model of the document's current result."""

    def __init__(self, doc: PlanDocument, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.rows: list[Fleet] = []
        self.horizon = 0
        doc.resultChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        result = self.doc.result
        self.rows = fleets(result)
        self.horizon = result.horizon if result is not None else 0
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        head, tip = COLUMNS[section]
        head = head.replace("{cur}", fmt.symbol(self.doc.currency).strip())
        if role == Qt.ItemDataRole.DisplayRole:
            return head
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{head.replace(chr(10), ' ')}, month {self.horizon}\n{tip}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        f, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(f, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._explain(f, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self.doc.stale_message:
            return _muted()
        return None

    def _money(self, x: float) -> str:
        return fmt.money(x, self.doc.currency)

    def _text(self, f: Fleet, col: int) -> str:
        cloud_only, owned_only = not f.owned, f.owned
        values = (
            f.model, f"{f.gpu} ({'owned' if f.owned else 'cloud'})", fmt.number(f.gpus),
            fmt.percent(f.busy_share, 1) if f.busy_share is not None else "–",
            fmt.number(f.kwh), self._money(f.energy_cost) if owned_only else "in rent",
            self._money(f.rental) if cloud_only else "–",
            self._money(f.overhead) if owned_only else "–",
            self._money(f.capex_total) if owned_only else "–",
            self._money(f.depreciation) if owned_only else "–",
            self._money(f.cost),
        )
        return values[col]

    def _explain(self, f: Fleet, col: int) -> str:
        tip = COLUMNS[col][1]
        H = self.horizon
        if col == 2:
            return (f"{tip}\nMonth {H}: busy {fmt.number(f.busy_hours, 1)} h / utilization "
                    f"{fmt.percent(f.utilization)} = {fmt.number(f.gpu_hours, 1)} GPU-hours; needs "
                    f"{fmt.number(f.gpus_needed)} GPUs" + (
                        f"; the owned fleet keeps {fmt.number(f.gpus)}"
                        if f.owned and f.gpus > f.gpus_needed else ""))
        if col == 3 and f.busy_share is not None:
            return (f"{tip}\nMonth {H}: {fmt.number(f.busy_hours, 1)} / ({fmt.number(f.gpus)} × "
                    f"730) = {fmt.percent(f.busy_share, 1)}")
        if col == 10:
            return (f"{tip}\nMonth {H}: rent {self._money(f.rental)} + energy "
                    f"{self._money(f.energy_cost)} + overhead {self._money(f.overhead)} + "
                    f"depreciation {self._money(f.depreciation)} = {self._money(f.cost)}")
        return tip
