"""``PlanTable``: a table view over a plan model with clipboard, row actions and drop-downs.

Copy and paste cell ranges as tab-separated text (to and from Excel); Insert adds a row,
Ctrl+D duplicates the selected rows, Delete deletes them (all undoable). Choice and
reference columns edit with a drop-down. Refused values go to ``message`` (status bar).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QTableView,
    QToolTip,
    QWidget,
)

from ..doc.edits import MISSING
from ..qt_models.cells import PATH_ROLE, RAW_ROLE
from .tsv import parse_tsv, to_tsv


def source_of(model: Any) -> tuple[Any, list]:
    chain = []
    while isinstance(model, QAbstractProxyModel):
        chain.append(model)
        model = model.sourceModel()
    return model, chain


def to_source(index: QModelIndex) -> QModelIndex:
    model = index.model()
    while isinstance(model, QAbstractProxyModel):
        index = model.mapToSource(index)
        model = model.sourceModel()
    return index


_COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down for choice/reference fields; text fields edit as text, and a value that
    would be refused (out of the registry's range, not a number) is refused in place."""

    refused = Signal(str)

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.last_refusal = ""

    def _field(self, index: QModelIndex):
        src = to_source(index)
        model = src.model()
        if model is None or not hasattr(model, "field"):
            return None, None
        try:
            return model, model.field(src.column(), src.row())
        except (IndexError, TypeError):
            return model, None

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        model, f = self._field(index)
        if f is not None and f.kind in ("choice", "ref") and f.choices is not None:
            combo = QComboBox(parent)
            for value, label in f.choices(model.doc):
                combo.addItem(label, value)
            combo.activated.connect(lambda _i, c=combo: self._commit(c))
            return combo
        editor = super().createEditor(parent, option, index)
        editor._plan_index = QPersistentModelIndex(index)
        return editor

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            raw = index.data(RAW_ROLE)
            if raw is MISSING:      # an absent value: the one that applies (the default)
                model, f = self._field(index)
                raw = f.fallback(model.doc) if f is not None else None
                raw = None if raw is MISSING else raw
            i = editor.findData(raw)
            if i < 0 and isinstance(raw, str) and raw:
                # a reference to an item that is not there (validation lists it)
                editor.addItem(f"{raw} (missing)", raw)
                i = editor.count() - 1
            editor.setCurrentIndex(max(i, 0))
            return
        super().setEditorData(editor, index)

    def refusal(self, editor: QWidget) -> str | None:
        """Why the text in a cell editor would be refused (None when it would be stored)."""
        index = getattr(editor, "_plan_index", None)
        if index is None or not index.isValid() or not isinstance(editor, QLineEdit):
            return None
        model, f = self._field(index.model().index(index.row(), index.column()))
        if f is None or f.kind in ("choice", "ref"):
            return None
        try:
            f.parse(editor.text(), model.doc)
        except ValueError as exc:
            return str(exc)
        return None

    def eventFilter(self, editor, event) -> bool:  # noqa: N802 - Qt naming
        """Enter or Tab on a value that would be refused keeps the editor open and says why
        beside the cell, so the value can be fixed in place."""
        if event.type() == QEvent.Type.KeyPress and event.key() in _COMMIT_KEYS:
            reason = self.refusal(editor)
            if reason:
                self.last_refusal = reason
                QToolTip.showText(editor.mapToGlobal(QPoint(0, editor.height())), reason, editor,
                                  editor.rect(), 6000)
                # the cell itself shows it is refused until the text changes
                editor.setStyleSheet("QLineEdit { border: 2px solid #c0392b; }")
                editor.setToolTip(reason)
                if not getattr(editor, "_plan_unmark", False):
                    editor._plan_unmark = True
                    editor.textEdited.connect(lambda _t, e=editor: (e.setStyleSheet(""),
                                                                     e.setToolTip("")))
                self.refused.emit(reason)
                return True
        return super().eventFilter(editor, event)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class PlanTable(QTableView):
    message = Signal(str)
    rowsAdded = Signal(list)

    def __init__(self, parent: QWidget | None = None, *, row_actions: bool = True,
                 fit_max: int = 260, label_column: bool = False) -> None:
        super().__init__(parent)
        self.row_actions = row_actions
        self.fit_max = fit_max
        self.label_column = label_column  # a form: column 0 holds labels that must fit whole
        self.delegate = ChoiceDelegate(self)
        self.delegate.refused.connect(self.message)
        self.setItemDelegate(self.delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        hh = self.horizontalHeader()
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setHighlightSections(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

        def act(text: str, keys, slot, tip: str = "") -> QAction:
            a = QAction(text, self)
            a.setShortcuts(keys if isinstance(keys, list) else [keys])
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            a.triggered.connect(slot)
            if tip:
                a.setStatusTip(tip)
            self.addAction(a)
            return a

        self.copy_action = act("Copy", QKeySequence.StandardKey.Copy, self.copy_selection)
        self.paste_action = act("Paste", QKeySequence.StandardKey.Paste, self.paste_clipboard)
        self.add_action = act("Add row", QKeySequence(Qt.Key.Key_Insert), self.add_row,
                              "Add a row below the current one (Insert)")
        self.duplicate_action = act("Duplicate rows", QKeySequence("Ctrl+D"), self.duplicate_rows,
                                    "Duplicate the selected rows (Ctrl+D)")
        self.delete_action = act("Delete rows", QKeySequence(Qt.Key.Key_Delete), self.delete_rows,
                                 "Delete the selected rows (Delete)")
        for a in (self.add_action, self.duplicate_action):
            a.setEnabled(row_actions)
        if not row_actions:
            self.delete_action.setText("Reset to default")
            self.delete_action.setStatusTip("Clear the selected values (back to their defaults)")

    # ----- helpers --------------------------------------------------------------------
    def source_model(self):
        return source_of(self.model())[0]

    def _src_row(self, view_row: int) -> int:
        return to_source(self.model().index(view_row, 0)).row()

    def selected_source_rows(self) -> list[int]:
        rows = {to_source(i).row() for i in self.selectionModel().selectedIndexes()} \
            if self.selectionModel() else set()
        if not rows and self.currentIndex().isValid():
            rows = {to_source(self.currentIndex()).row()}
        return sorted(rows)

    def _view_index(self, row: int, column: int) -> QModelIndex:
        model, chain = source_of(self.model())
        idx = model.index(row, column)
        for proxy in reversed(chain):
            idx = proxy.mapFromSource(idx)
        return idx

    def select_source_row(self, row: int, column: int = 0) -> None:
        """Make ``row``'s cell the current one and the only selection (whatever keys are held:
        with Ctrl down, a plain ``setCurrentIndex`` would add to the selection)."""
        idx = self._view_index(row, column)
        if idx.isValid():
            self.selectionModel().setCurrentIndex(
                idx, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.scrollTo(idx)

    def select_source_rows(self, rows: list[int], column: int = 0) -> None:
        """Select exactly these rows (whole rows); the last one becomes current."""
        selection = QItemSelection()
        last = QModelIndex()
        n = self.model().columnCount()
        for r in rows:
            first = self._view_index(r, 0)
            if first.isValid():
                selection.select(first, self._view_index(r, n - 1))
                last = self._view_index(r, column)
        if not last.isValid():
            return
        sm = self.selectionModel()
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        sm.setCurrentIndex(last, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.scrollTo(last)

    def setModel(self, model) -> None:  # noqa: N802 - Qt API
        old = self.model()
        if old is not None:
            for signal, slot in ((old.rowsInserted, self._rows_inserted), (old.modelReset, self._reset)):
                try:
                    signal.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass
        super().setModel(model)
        if model is not None:
            # columns are sized to their contents when a table gets its first rows
            model.rowsInserted.connect(self._rows_inserted)
            model.modelReset.connect(self._reset)

    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        model = self.model()
        if not parent.isValid() and model is not None and model.rowCount() == last - first + 1:
            self.fit_columns()

    def _reset(self) -> None:
        model = self.model()
        if model is not None and model.rowCount():
            self.fit_columns()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt naming
        super().showEvent(event)
        if getattr(self, "_needs_fit", False):
            self._needs_fit = False
            self.fit_columns()

    def fit_columns(self, max_width: int | None = None) -> None:
        """Size columns to header and a sample of contents (never the whole big table). A table
        on a page not shown is sized when it is next shown, not on every reset (a scenario
        switch resets every editor)."""
        model = self.model()
        if model is None:
            return
        if not self.isVisible():
            self._needs_fit = True
            return
        if self.label_column:
            self.resizeColumnToContents(0)
            return
        max_width = max_width or self.fit_max
        fm = self.fontMetrics()
        rows = min(model.rowCount(), 60)
        source = self.source_model()
        fields = getattr(source, "fields", None) if not self.label_column else None
        # a number column has room for a typical value even before it holds one
        room = fm.horizontalAdvance("0,000.00") + 22
        icon = (self.iconSize().width() if self.iconSize().width() > 0 else 16) + 6
        for c in range(model.columnCount()):
            head = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            w = max((fm.horizontalAdvance(line) for line in head.split("\n")), default=40) + 28
            if fields is not None and c < len(fields) and fields[c].kind == "number":
                w = max(w, room)
            for r in range(rows):
                idx = model.index(r, c)
                text = idx.data()
                if text:
                    # a cell with a mark (the ± of a ranged value) needs the mark's room too
                    mark = icon if idx.data(Qt.ItemDataRole.DecorationRole) is not None else 0
                    w = max(w, fm.horizontalAdvance(str(text)) + 22 + mark)
            self.setColumnWidth(c, min(w, max_width))

    # ----- clipboard --------------------------------------------------------------------
    def copy_selection(self) -> None:
        indexes = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if not indexes:
            return
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        model = self.model()
        grid = []
        for r in rows:
            line = []
            for c in cols:
                if (r, c) in chosen:
                    idx = model.index(r, c)
                    val = idx.data(Qt.ItemDataRole.EditRole)
                    if val is None or not isinstance(val, str):
                        val = idx.data(Qt.ItemDataRole.DisplayRole) or ""
                    line.append(str(val))
                else:
                    line.append("")
            grid.append(line)
        QGuiApplication.clipboard().setText(to_tsv(grid))
        n = len(indexes)
        self.message.emit(f"Copied {n} cell{'s' if n != 1 else ''}")

    def paste_clipboard(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> tuple[int, list[str]]:
        """Paste TSV at the current cell (a single value fills the selection)."""
        grid = parse_tsv(text)
        model = self.source_model()
        if not grid or model is None or not hasattr(model, "paste"):
            return 0, []
        cur = self.currentIndex()
        view_model = self.model()
        if not cur.isValid():
            cur = view_model.index(0, 0) if view_model.rowCount() else QModelIndex()
        sel = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if len(grid) == 1 and len(grid[0]) == 1 and len(sel) > 1:
            # one value into many cells: fill each selected cell
            value = grid[0][0]
            applied, errors = 0, []
            with model.doc.macro("Paste"):
                for idx in sel:
                    s = to_source(idx)
                    a, e = model.paste([s.row()], s.column(), [[value]], add_rows=False)
                    applied += a
                    errors += e
            self._report(applied, errors)
            return applied, errors
        start_view_row = cur.row() if cur.isValid() else view_model.rowCount()
        first_col = to_source(cur).column() if cur.isValid() else 0
        rows = [self._src_row(r) for r in range(start_view_row, min(view_model.rowCount(),
                                                                    start_view_row + len(grid)))]
        applied, errors = model.paste(rows, first_col, grid, add_rows=self.row_actions)
        self._report(applied, errors)
        return applied, errors

    def _report(self, applied: int, errors: list[str]) -> None:
        msg = f"Pasted {applied} value{'s' if applied != 1 else ''}"
        if errors:
            more = f" (+{len(errors) - 2} more)" if len(errors) > 2 else ""
            msg += f"; refused {len(errors)}: " + "; ".join(errors[:2]) + more
        self.message.emit(msg)

    # ----- rows ---------------------------------------------------------------------------
    def add_row(self) -> None:
        model = self.source_model()
        if not self.row_actions or model is None or not hasattr(model, "insert_new"):
            return
        rows = self.selected_source_rows()
        row = model.insert_new(rows[-1] + 1 if rows else None)
        if row >= 0:
            self.select_source_row(row)
            self.rowsAdded.emit([row])
            self.message.emit(f"Added a {model.noun}")

    def duplicate_rows(self) -> None:
        model = self.source_model()
        rows = self.selected_source_rows()
        if not self.row_actions or not rows:
            return
        new = model.duplicate_rows(rows)
        if new:
            # only the copies: Delete right after Ctrl+D removes them, never the originals
            self.select_source_rows(new)
            self.message.emit(f"Duplicated {len(new)} row{'s' if len(new) != 1 else ''}")

    def delete_rows(self) -> None:
        model = self.source_model()
        rows = self.selected_source_rows()
        if not rows:
            return
        if not self.row_actions:
            sel = [to_source(i) for i in self.selectionModel().selectedIndexes()]
            with model.doc.macro("Reset to default"):
                for s in sel:
                    model.paste([s.row()], s.column(), [[""]], add_rows=False)
            return
        model.remove_rows(rows)
        self.message.emit(f"Deleted {len(rows)} row{'s' if len(rows) != 1 else ''} (Ctrl+Z to undo)")

    def _menu(self, pos) -> None:
        menu = QMenu(self)
        for a in (self.copy_action, self.paste_action):
            menu.addAction(a)
        menu.addSeparator()
        if self.row_actions:
            for a in (self.add_action, self.duplicate_action):
                menu.addAction(a)
        menu.addAction(self.delete_action)
        self._layer_actions(menu, self.indexAt(pos))
        menu.exec(self.viewport().mapToGlobal(pos))

    def cell_of(self, index: QModelIndex) -> tuple[Any, tuple, Any] | None:
        """(document, absolute path, field) of the cell at a view index, when it has them."""
        if not index.isValid():
            return None
        src = to_source(index)
        model = src.model()
        doc = getattr(model, "doc", None)
        path = model.data(src, PATH_ROLE) if model is not None else None
        field_of = getattr(model, "field", None)
        if doc is None or not path or field_of is None:
            return None
        return doc, tuple(path), field_of(src.column(), src.row())

    def _layer_actions(self, menu: QMenu, index: QModelIndex) -> None:
        """Reset to baseline (a value the shown scenario changes); Set / Remove range (a real
        value that can have one)."""
        cell = self.cell_of(index)
        if cell is None:
            return
        doc, path, field = cell
        if not hasattr(doc, "path_text") or doc.path_text(path) is None:
            return
        actions = []
        if doc.overridden_at(path):
            a = QAction(f"Reset to baseline ({doc.scenario_name()} changes it)", menu)
            a.triggered.connect(lambda: doc.reset_to_baseline(path))
            actions.append(a)
        spec = getattr(field, "spec", None)
        if spec is not None and spec.rangeable:
            ranged = doc.range_at(path) is not None
            a = QAction("Edit range..." if ranged else "Set range...", menu)
            a.setStatusTip("How unsure this value is: the Risk page draws it from this range")
            a.triggered.connect(lambda: self._range_dialog(doc, path, field))
            actions.append(a)
            if ranged:
                r = QAction("Remove range", menu)
                r.triggered.connect(lambda: self._remove_range(doc, path, field))
                actions.append(r)
        if actions:
            menu.addSeparator()
            for a in actions:
                menu.addAction(a)

    def _range_dialog(self, doc: Any, path: tuple, field: Any) -> None:
        from ..risk.range_dialog import RangeDialog, cell_value

        dialog = RangeDialog(doc, doc.path_text(path), field, cell_value(doc, path, field), self)
        if dialog.exec():
            self.message.emit("Range set: the Risk page draws this value from it (Ctrl+Z to undo)")

    def _remove_range(self, doc: Any, path: tuple, field: Any) -> None:
        from ..risk.range_dialog import remove_range

        rg = doc.range_at(path)
        if remove_range(doc, path, field):
            many = "" if "[*]" not in (rg or {}).get("path", "") else " (for every item it covered)"
            self.message.emit(f"Range removed{many} (Ctrl+Z to undo)")
