"""File > Import roster: choose the file, check the column mapping on a preview, see the
problems with their row numbers, pick how teams are formed, then import.

``import_roster_dialog(parent, path=None)`` returns plan data (a dict) or None. Tests drive a
:class:`RosterImportDialog` directly (``set_mapping``, ``accept_import``) without ``exec``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.io.roster import (
    FIELD_LABELS,
    FIELDS,
    RawTable,
    RosterAnalysis,
    RosterError,
    analyse,
    build_plan,
    build_roster,
    guess_mapping,
    read_table,
)

from ..widgets.common import fit_to_screen
from .state import set_last_import

NOT_MAPPED = "(not in the file)"
PREVIEW_ROWS = 200
FILE_FILTER = "Rosters (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)"
ROSTER_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")


class RosterImportDialog(QDialog):
    """The mapping step with preview and problems. ``plan_data`` is set by ``accept_import``."""

    def __init__(self, parent: QWidget | None, path: str | Path, *, sheet: str | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.table: RawTable = read_table(self.path, sheet=sheet)  # RosterError: caller shows it
        self.mapping: dict[str, str] = guess_mapping(self.table.columns)
        self.analysis: RosterAnalysis | None = None
        self.error: str | None = None
        self.plan_data: dict[str, Any] | None = None
        self.setWindowTitle(f"Import roster: {self.path.name}")
        self._build()
        self._load_table()
        fit_to_screen(self, 1100, 760)

    # -- widgets ----------------------------------------------------------------------------
    def _build(self) -> None:
        top = QHBoxLayout()
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.file_label, 1)
        self.sheet_label = QLabel("Sheet:")
        self.sheet_combo = QComboBox()
        self.sheet_combo.currentTextChanged.connect(self._sheet_chosen)
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet_combo)

        mapping_box = QGroupBox("Columns: which column holds what (guessed from the headers)")
        grid = QGridLayout(mapping_box)
        self.combos: dict[str, QComboBox] = {}
        for k, field in enumerate(FIELDS):
            combo = QComboBox()
            combo.setObjectName(f"map_{field}")
            combo.currentIndexChanged.connect(lambda _=0, f=field: self._combo_changed(f))
            self.combos[field] = combo
            row, col = divmod(k, 2)
            grid.addWidget(QLabel(FIELD_LABELS[field] + ":"), row, col * 2)
            grid.addWidget(combo, row, col * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.preview.verticalHeader().setDefaultSectionSize(22)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setAlternatingRowColors(True)
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addWidget(self.summary)
        self.problems_label = QLabel("Problems")
        rbox.addWidget(self.problems_label)
        rbox.addWidget(self.problems, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.preview)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        options = QGroupBox("Plan")
        form = QFormLayout(options)
        teams_row = QHBoxLayout()
        self.by_department = QRadioButton("a team per department")
        self.by_manager = QRadioButton("a team per manager (their direct reports)")
        self.by_department.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_department)
        group.addButton(self.by_manager)
        teams_row.addWidget(self.by_department)
        teams_row.addWidget(self.by_manager)
        teams_row.addStretch(1)
        form.addRow("Teams:", teams_row)
        self.name_edit = QLineEdit(f"Plan from {self.path.stem}")
        form.addRow("Plan name:", self.name_edit)
        self.currency_edit = QLineEdit("USD")
        self.currency_edit.setMaxLength(3)
        self.currency_edit.setFixedWidth(60)
        form.addRow("Currency of the costs:", self.currency_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self._import_clicked)
        self.buttons.rejected.connect(self.reject)

        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(mapping_box)
        box.addWidget(split, 1)
        box.addWidget(options)
        box.addWidget(self.buttons)

    # -- content ----------------------------------------------------------------------------
    def _load_table(self) -> None:
        t = self.table
        self.file_label.setText(f"<b>{self.path.name}</b> \u2014 {len(t.frame):,} rows, "
                                f"{len(t.columns)} columns ({t.describe()})")
        multi = len(t.sheets) > 1
        self.sheet_label.setVisible(multi)
        self.sheet_combo.setVisible(multi)
        if multi:
            self.sheet_combo.blockSignals(True)
            self.sheet_combo.clear()
            self.sheet_combo.addItems(t.sheets)
            self.sheet_combo.setCurrentText(t.sheet or t.sheets[0])
            self.sheet_combo.blockSignals(False)
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(NOT_MAPPED, None)
            for c in t.columns:
                combo.addItem(c, c)
            col = self.mapping.get(field)
            combo.setCurrentIndex(combo.findData(col) if col else 0)
            combo.blockSignals(False)
        self._fill_preview()
        self.refresh()

    def _fill_preview(self) -> None:
        t = self.table
        head = t.frame.head(PREVIEW_ROWS)
        self.preview.clear()
        self.preview.setColumnCount(len(t.columns))
        self.preview.setRowCount(len(head))
        self._header_labels()
        self.preview.setVerticalHeaderLabels([str(x) for x in t.lines[:len(head)]])
        values = head.to_numpy()
        for r in range(values.shape[0]):
            for c in range(values.shape[1]):
                self.preview.setItem(r, c, QTableWidgetItem(str(values[r, c])))
        self.preview.resizeColumnsToContents()

    def _header_labels(self) -> None:
        field_of = {col: f for f, col in self.mapping.items()}
        labels = []
        for c in self.table.columns:
            f = field_of.get(c)
            labels.append(f"{c}\n\u2192 {FIELD_LABELS[f]}" if f else f"{c}\n(not used)")
        self.preview.setHorizontalHeaderLabels(labels)

    def _sheet_chosen(self, sheet: str) -> None:
        if not sheet or sheet == self.table.sheet:
            return
        try:
            self.table = read_table(self.path, sheet=sheet)
        except RosterError as exc:
            QMessageBox.warning(self, "Import roster", str(exc))
            self.sheet_combo.blockSignals(True)
            self.sheet_combo.setCurrentText(self.table.sheet or self.table.sheets[0])
            self.sheet_combo.blockSignals(False)
            return
        self.mapping = guess_mapping(self.table.columns)
        self._load_table()

    def _combo_changed(self, field: str) -> None:
        column = self.combos[field].currentData()
        self.set_mapping(field, column)

    def set_mapping(self, field: str, column: str | None) -> None:
        """Map ``field`` to ``column`` (None: not in the file); a column serves one field."""
        if column is None:
            self.mapping.pop(field, None)
        else:
            for other, col in list(self.mapping.items()):
                if col == column and other != field:
                    del self.mapping[other]
                    combo = self.combos[other]
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
            self.mapping[field] = column
        combo = self.combos[field]
        index = combo.findData(column) if column else 0
        if combo.currentIndex() != index:
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self._header_labels()
        self.refresh()

    def refresh(self) -> None:
        """Check the roster with the current mapping; show the figures and the problems."""
        self.problems.clear()
        try:
            roster = build_roster(self.table, self.mapping)
            self.analysis = analyse(roster)
            self.error = None
        except RosterError as exc:
            self.analysis, self.error = None, str(exc)
        except MemoryError:
            self.analysis, self.error = None, "Out of memory reading this roster."
        self.import_button.setEnabled(self.analysis is not None and self.analysis.employees > 0)
        if self.analysis is None:
            self.summary.setText(f"<span style='color:#c62828'>{self.error}</span>")
            self.problems_label.setText("Problems")
            return
        a = self.analysis
        r = a.roster
        mean = f"{a.mean_span:.2f}" if a.mean_span is not None else "-"
        median = f"{a.median_span:g}" if a.median_span is not None else "-"
        text = (f"<b>{a.employees:,} people</b> ({a.fte:,.1f} FTE), {a.managers:,} managers, "
                f"<b>{a.layers} layers</b>; span of control: mean {mean}, median {median}. "
                f"{len(a.narrow):,} narrow spans (1-2), {len(a.wide):,} wide (16+).")
        if r.left_out:
            text += f" <b>{len(r.left_out):,} rows will be left out.</b>"
        for note in r.notes:
            text += f"<br><i>{note}</i>"
        self.summary.setText(text)
        messages = r.messages
        total = sum(r.problem_counts.values())
        self.problems_label.setText(f"Problems ({total:,})" if total else "Problems: none")
        warn = QColor("#c62828") if self.palette().window().color().lightness() >= 128 else QColor("#ef5350")
        for m in messages:
            item = QListWidgetItem(m)
            item.setToolTip(m)
            if "left out" in m:
                item.setForeground(warn)
            self.problems.addItem(item)
        if not messages:
            self.problems.addItem("Nothing to report: every row is imported.")

    # -- result -----------------------------------------------------------------------------
    @property
    def teams_mode(self) -> str:
        return "manager" if self.by_manager.isChecked() else "department"

    def set_teams_mode(self, mode: str) -> None:
        (self.by_manager if mode == "manager" else self.by_department).setChecked(True)

    def accept_import(self) -> dict[str, Any] | None:
        """Build the plan with the current choices, remember the roster, close the dialog."""
        if self.analysis is None:
            return None
        currency = self.currency_edit.text().strip().upper() or "USD"
        if len(currency) != 3 or not currency.isalpha():
            QMessageBox.warning(self, "Import roster", "The currency must be a 3-letter code such as "
                                                       "USD or EUR.")
            return None
        try:
            data = build_plan(self.analysis, teams=self.teams_mode,
                              name=self.name_edit.text().strip() or None, currency=currency)
        except ValueError as exc:
            QMessageBox.warning(self, "Import roster", str(exc))
            return None
        self.plan_data = data
        set_last_import(self.analysis)
        self.accept()
        return data

    def _import_clicked(self) -> None:
        self.accept_import()


def is_roster_file(path: str | Path) -> bool:
    """True for the file types the import accepts (for drag and drop)."""
    return str(path).lower().endswith(ROSTER_SUFFIXES)


def import_roster_dialog(parent: QWidget | None, path: str | Path | None = None) -> dict[str, Any] | None:
    """Ask for a roster (a file chooser when ``path`` is None), show the mapping step and
    return the plan data, or None if the user cancels or the file cannot be read."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(parent, "Import roster", "", FILE_FILTER)
        if not chosen:
            return None
        path = chosen
    try:
        dialog = RosterImportDialog(parent, path)
    except RosterError as exc:
        QMessageBox.warning(parent, "Import roster", str(exc))
        return None
    except MemoryError:
        QMessageBox.warning(parent, "Import roster", f"{Path(path).name}: out of memory reading it.")
        return None
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.plan_data
        return None
    finally:
        dialog.deleteLater()
