"""Teams: the hierarchy as a tree, the selected team's roles and its details."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .. import dialogs
from ..doc import catalog
from ..doc.document import PlanDocument
from ..qt_models.table import FormModel, ListTableModel
from ..qt_models.teams import ROOT, TeamTreeModel
from ..widgets.common import EmptyState, heading, hint
from ..widgets.table import ChoiceDelegate, PlanTable


class TeamTree(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setItemDelegate(ChoiceDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)


class TeamsPage(QWidget):
    message = Signal(str)
    openExample = Signal()

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.tree_model = TeamTreeModel(doc, self)
        self.roles_model = ListTableModel(doc, None, catalog.ROLE_FIELDS, noun="role",
                                          new_item=catalog.new_role, parent=self)
        self.details_model = FormModel(doc, None, catalog.TEAM_DETAIL_FIELDS, self)
        self._current_id: str | None = None
        self._expanded: set[str] = set()

        self.stack = QStackedWidget(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)
        self.empty = EmptyState(
            "Add your first team",
            "A plan starts with the teams of your organisation: who does the work (ICs), who "
            "manages them, and what they cost. Then add the workflows AI will change.",
            "Add a team", self.add_team, link="or open the Northwind example to see a full plan",
            on_link=self.openExample.emit, parent=self)
        self.stack.addWidget(self.empty)

        editor = QWidget(self)
        self.stack.addWidget(editor)
        v = QVBoxLayout(editor)
        v.setContentsMargins(12, 10, 12, 6)
        top = QHBoxLayout()
        top.addWidget(heading("Teams", editor))
        top.addStretch(1)
        self.add_btn = QPushButton("Add team", editor)
        self.add_btn.setToolTip("Add a team at the top level (Insert in the tree)")
        self.add_btn.clicked.connect(self.add_team)
        self.sub_btn = QPushButton("Add sub-team", editor)
        self.sub_btn.setToolTip("Add a team reporting to the selected one")
        self.sub_btn.clicked.connect(lambda: self.add_team(under_current=True))
        self.del_btn = QPushButton("Delete", editor)
        self.del_btn.setToolTip("Delete the selected teams (Delete); sub-teams move up a level")
        self.del_btn.clicked.connect(self.delete_selected)
        for b in (self.add_btn, self.sub_btn, self.del_btn):
            top.addWidget(b)
        v.addLayout(top)
        v.addWidget(hint("Drag a team onto another to change who it reports to. Double-click a "
                         "name to rename it. Select a team to edit its roles and details below.",
                         editor))

        split = QSplitter(Qt.Orientation.Vertical, editor)
        split.setChildrenCollapsible(False)
        v.addWidget(split, 1)
        self.tree = TeamTree(split)
        self.tree.setModel(self.tree_model)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree_model.message.connect(self.message)
        self.tree_model.modelAboutToBeReset.connect(self._remember)
        self.tree_model.modelReset.connect(self._restore)
        doc.problemsChanged.connect(self.tree.viewport().update)
        self._tree_actions()

        bottom = QWidget(split)
        h = QHBoxLayout(bottom)
        h.setContentsMargins(0, 6, 0, 0)
        left = QVBoxLayout()
        self.roles_title = heading("Roles", bottom, size=1.05)
        left.addWidget(self.roles_title)
        self.roles = PlanTable(bottom)
        self.roles.setModel(self.roles_model)
        self.roles.message.connect(self.message)
        self.roles_model.message.connect(self.message)
        self.roles.horizontalHeader().setStretchLastSection(True)
        left.addWidget(self.roles, 1)
        rb = QHBoxLayout()
        add_role = QPushButton("Add role", bottom)
        add_role.setToolTip("Add a role to the selected team (Insert in the table)")
        add_role.clicked.connect(self.roles.add_row)
        del_role = QPushButton("Delete role", bottom)
        del_role.setToolTip("Delete the selected roles (Delete in the table)")
        del_role.clicked.connect(self.roles.delete_rows)
        rb.addWidget(add_role)
        rb.addWidget(del_role)
        rb.addStretch(1)
        left.addLayout(rb)
        h.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(heading("Details", bottom, size=1.05))
        self.details = PlanTable(bottom, row_actions=False, label_column=True)
        self.details.setModel(self.details_model)
        self.details.message.connect(self.message)
        self.details_model.message.connect(self.message)
        self.details.verticalHeader().hide()
        self.details.horizontalHeader().setStretchLastSection(True)
        right.addWidget(self.details, 1)
        h.addLayout(right, 2)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.splitter = split

        doc.changed.connect(self._doc_changed)
        self._doc_changed(None)
        self._fit_tree()

    # ----- actions -------------------------------------------------------------------
    def _tree_actions(self) -> None:
        def act(text, key, slot):
            a = QAction(text, self.tree)
            a.setShortcut(QKeySequence(key))
            a.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            a.triggered.connect(slot)
            self.tree.addAction(a)
            return a

        self.a_add = act("Add team", Qt.Key.Key_Insert, self.add_team)
        self.a_sub = act("Add sub-team", "Ctrl+Shift+Insert", lambda: self.add_team(under_current=True))
        self.a_dup = act("Duplicate team", "Ctrl+D", self.duplicate_selected)
        self.a_del = act("Delete teams", Qt.Key.Key_Delete, self.delete_selected)
        self.a_top = act("Move to top level", "Ctrl+Shift+Up", self.move_to_top)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)

    def _menu(self, pos) -> None:
        m = QMenu(self)
        for a in (self.a_add, self.a_sub, self.a_dup, self.a_top, self.a_del):
            m.addAction(a)
        m.exec(self.tree.viewport().mapToGlobal(pos))

    def current_team(self) -> int:
        return self.tree_model.team_index(self.tree.currentIndex())

    def selected_teams(self) -> list[int]:
        rows = {self.tree_model.team_index(i) for i in self.tree.selectionModel().selectedRows()}
        if not rows and self.current_team() != ROOT:
            rows = {self.current_team()}
        return sorted(r for r in rows if r != ROOT)

    def add_team(self, under_current: bool = False) -> None:
        parent_id = None
        cur = self.current_team()
        teams = self.doc.items("teams")
        if cur != ROOT and cur < len(teams):
            if under_current:
                parent_id = teams[cur].get("id")
            else:
                parent_id = teams[cur].get("parent")
        team = catalog.new_team(self.doc, parent_id)
        self.doc.insert(("teams",), len(teams), team, "Add team")
        self.select_team(len(self.doc.items("teams")) - 1)
        self.message.emit(f"Added {team['name']}: rename it, then set its roles below")

    def duplicate_selected(self) -> None:
        sel = self.selected_teams()
        if not sel:
            return
        first = len(self.doc.items("teams"))
        with self.doc.macro("Duplicate team" if len(sel) == 1 else f"Duplicate {len(sel)} teams"):
            for i in sel:
                copy = catalog.duplicate(self.doc, "teams", self.doc.items("teams")[i])
                self.doc.insert(("teams",), len(self.doc.items("teams")), copy)
        # only the copies are selected: Delete right after Ctrl+D removes them alone
        copies = range(first, len(self.doc.items("teams")))
        self.select_team(copies[-1])
        for i in copies[:-1]:
            idx = self.tree_model.index_of_team(i)
            self.tree.selectionModel().select(idx, QItemSelectionModel.SelectionFlag.Select
                                              | QItemSelectionModel.SelectionFlag.Rows)

    def delete_selected(self) -> None:
        """Delete the selected teams; sub-teams move up. When workflows use them, ask first:
        delete those workflows too, keep them (to give them another team), or cancel."""
        sel = self.selected_teams()
        if not sel:
            return
        teams = self.doc.items("teams")
        gone = {teams[i].get("id") for i in sel}
        used = [j for j, w in enumerate(self.doc.items("workflows"))
                if isinstance(w, dict) and w.get("team") in gone]
        drop: list[int] = []
        if used:
            flows = self.doc.items("workflows")
            answer = dialogs.ask_delete_teams(
                self, [str(teams[i].get("name") or teams[i].get("id")) for i in sel],
                [str(flows[j].get("name") or flows[j].get("id")) for j in used])
            if answer == dialogs.CANCEL:
                return
            drop = used if answer == dialogs.WITH_WORKFLOWS else []
        what = f"{len(sel)} team{'s' if len(sel) != 1 else ''}"
        if drop:
            what += f" and {len(drop)} workflow{'s' if len(drop) != 1 else ''}"
        with self.doc.macro(f"Delete {what}"):
            # sub-teams move up to the deleted team's parent, so nothing is left dangling
            for i in sel:
                tid, parent = teams[i].get("id"), teams[i].get("parent")
                while parent in gone:
                    parent = teams[self.doc.ids("teams")[parent]].get("parent")
                for j, t in enumerate(self.doc.items("teams")):
                    if j not in sel and t.get("parent") == tid:
                        self.doc.set(("teams", j, "parent"), parent)
            for j in reversed(drop):
                self.doc.remove(("workflows",), j)
            for i in sorted(sel, reverse=True):
                self.doc.remove(("teams",), i)
        left = len(used) - len(drop)
        msg = f"Deleted {what}"
        if left:
            msg += f"; {left} workflow{'s' if left != 1 else ''} now need another team (see Problems)"
        self.message.emit(msg + " (Ctrl+Z to undo)")

    def move_to_top(self) -> None:
        self.tree_model.reparent(self.selected_teams(), ROOT)

    # ----- selection --------------------------------------------------------------------
    def select_team(self, team: int, column: int = 0) -> None:
        idx = self.tree_model.index_of_team(team, column)
        if idx.isValid():
            p = idx.parent()
            while p.isValid():
                self.tree.expand(p)
                p = p.parent()
            self.tree.selectionModel().setCurrentIndex(
                idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.tree.scrollTo(idx)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        i = self.tree_model.team_index(current)
        teams = self.doc.items("teams")
        if i == ROOT or i >= len(teams):
            self._current_id = None
            self.roles_model.set_list_path(None)
            self.details_model.set_base_path(None)
            self.roles_title.setText("Roles")
            return
        self._current_id = teams[i].get("id")
        if self.roles_model.list_path != ("teams", i, "roles"):
            self.roles_model.set_list_path(("teams", i, "roles"))
        if self.details_model.base_path != ("teams", i):
            self.details_model.set_base_path(("teams", i))
        self._update_roles_title()
        self.roles.fit_columns()

    def _update_roles_title(self) -> None:
        """"Roles of <the current team's name>", following renames and undo."""
        i = self.doc.ids("teams").get(self._current_id) if self._current_id else None
        if i is None:
            self.roles_title.setText("Roles")
            return
        team = self.doc.items("teams")[i]
        self.roles_title.setText(f"Roles of {team.get('name') or self._current_id}")

    def _remember(self) -> None:
        teams = self.doc.items("teams")
        m = self.tree_model
        self._expanded = set()
        for i in range(len(teams)):
            idx = m.index_of_team(i)
            if idx.isValid() and self.tree.isExpanded(idx):
                self._expanded.add(teams[i].get("id"))

    def _restore(self) -> None:
        ids = self.doc.ids("teams")
        teams = self.doc.items("teams")
        if len(teams) <= 300:
            self.tree.expandAll()
        else:
            for tid in self._expanded:
                if tid in ids:
                    self.tree.expand(self.tree_model.index_of_team(ids[tid]))
        if self._current_id in ids:
            self.select_team(ids[self._current_id])
        elif teams:
            self.select_team(0)
        else:
            self._current_changed(QModelIndex(), QModelIndex())

    def _doc_changed(self, change: Any) -> None:
        has = bool(self.doc.items("teams"))
        self.stack.setCurrentIndex(1 if has else 0)
        if change is not None and change.touches(("teams",)):
            self._update_roles_title()
        if change is None or getattr(change, "kind", "") == "reset":
            self._restore()
            self._fit_tree()

    def _fit_tree(self) -> None:
        fm = self.fontMetrics()
        widths = [fm.horizontalAdvance("M" * 16) + 60, fm.horizontalAdvance("eng-platform-xx") + 20,
                  fm.horizontalAdvance("Managers") + 24, fm.horizontalAdvance("Managers") + 24,
                  fm.horizontalAdvance("Span0") + 24]
        for c, w in enumerate(widths):
            self.tree.setColumnWidth(c, w)
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, max(self.tree.columnWidth(0), widths[0]))
        self.details.fit_columns()

    # ----- navigation from the Problems list ----------------------------------------------
    def show_path(self, loc: tuple) -> None:
        if len(loc) < 2 or not isinstance(loc[1], int):
            return
        self.select_team(loc[1])
        rest = loc[2:]
        if rest[:1] == ("roles",) and len(rest) >= 2 and isinstance(rest[1], int):
            col = self.roles_model.column_of(rest[2:]) if len(rest) > 2 else 0
            self.roles.select_source_row(rest[1], col)
            self.roles.setFocus()
        elif rest[:1] in (("name",), ("id",)):
            self.select_team(loc[1], 0 if rest[0] == "name" else 1)
            self.tree.setFocus()
        elif rest:
            row = self.details_model.row_of(rest)
            if row >= 0:
                self.details.setCurrentIndex(self.details_model.index(row, 1))
                self.details.setFocus()
