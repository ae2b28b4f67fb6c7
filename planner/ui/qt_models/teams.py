"""The team hierarchy as a tree (``QAbstractItemModel`` over the teams' parent ids).

The structure (children per team) is built once per structural change (a team added,
removed, moved or re-parented, or an id changed), never per ``data()`` call. Teams whose
parent is missing or part of a cycle are shown at the top level (validation marks them).
Dragging a team onto another re-parents it (one undo step).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ...formatting import smart
from ..doc.catalog import TEAM_TREE_FIELDS
from ..doc.document import Change, PlanDocument
from ..doc.team_figures import role_totals
from .cells import PATH_ROLE, OneCallPerCell, cell_data

Index = QModelIndex | QPersistentModelIndex
_ROOT_INDEX = QModelIndex()
MIME = "application/x-orgplanner-team-index"
ROOT = -1

# column -> (header, tooltip); the first two are editable fields
COLUMNS = [
    ("Team", "The team's name. Drag a team onto another to change who it reports to."),
    ("ID", "Short unique id; renaming it updates every reference."),
    ("ICs", "Individual contributors today (sum of the team's IC roles)."),
    ("Managers", "Managers today (sum of the team's manager roles)."),
    ("Span", "ICs per manager today."),
    ("Function", "Business function."),
]


class TeamTreeModel(OneCallPerCell, QAbstractItemModel):
    message = Signal(str)

    def __init__(self, doc: PlanDocument, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._children: dict[int, list[int]] = {ROOT: []}
        self._parent: dict[int, int] = {}
        self._row: dict[int, int] = {}
        self._resetting = False
        self._rebuild()
        doc.aboutToChange.connect(self._about)
        doc.changed.connect(self._changed)

    # ----- structure ----------------------------------------------------------------
    def _rebuild(self) -> None:
        teams = self.doc.items("teams")
        ids = self.doc.ids("teams")
        parent_of: dict[int, int] = {}
        for i, t in enumerate(teams):
            p = t.get("parent") if isinstance(t, dict) else None
            parent_of[i] = ids.get(p, ROOT) if isinstance(p, str) else ROOT
            if parent_of[i] == i:
                parent_of[i] = ROOT
        # break cycles: a team whose ancestry loops back is shown at the top level
        state: dict[int, int] = {}
        for start in range(len(teams)):
            path, node = [], start
            while node != ROOT and state.get(node) is None:
                state[node] = 1
                path.append(node)
                node = parent_of[node]
            if node != ROOT and state.get(node) == 1 and node in path:
                parent_of[node] = ROOT
            for n in path:
                state[n] = 2
        children: dict[int, list[int]] = {ROOT: []}
        for i in range(len(teams)):
            children.setdefault(parent_of[i], []).append(i)
        self._children = children
        self._parent = parent_of
        self._row = {c: r for kids in children.values() for r, c in enumerate(kids)}

    def team_index(self, index: Index) -> int:
        return index.internalId() - 1 if index.isValid() else ROOT

    def index_of_team(self, team: int, column: int = 0) -> QModelIndex:
        if team not in self._row:
            return QModelIndex()
        return self.createIndex(self._row[team], column, team + 1)

    def index(self, row: int, column: int, parent: Index = _ROOT_INDEX) -> QModelIndex:
        kids = self._children.get(self.team_index(parent), [])
        if 0 <= row < len(kids) and 0 <= column < len(COLUMNS):
            return self.createIndex(row, column, kids[row] + 1)
        return QModelIndex()

    def parent(self, index: Index = _ROOT_INDEX) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        p = self._parent.get(self.team_index(index), ROOT)
        return QModelIndex() if p == ROOT else self.createIndex(self._row[p], 0, p + 1)

    def rowCount(self, parent: Index = _ROOT_INDEX) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(self.team_index(parent), []))

    def columnCount(self, parent: Index = _ROOT_INDEX) -> int:
        return len(COLUMNS)

    def descendants(self, team: int) -> set[int]:
        out, stack = set(), [team]
        while stack:
            for c in self._children.get(stack.pop(), []):
                if c not in out:
                    out.add(c)
                    stack.append(c)
        return out

    # ----- data ---------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i = self.team_index(index)
        teams = self.doc.items("teams")
        if not 0 <= i < len(teams):
            return None
        team, col = teams[i], index.column()
        if col < 2:
            f = TEAM_TREE_FIELDS[col]
            return cell_data(self.doc, team, f, ("teams", i, *f.path), role)
        if role == PATH_ROLE:
            return ("teams", i)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (2, 3, 4):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[col][1]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        ic, mgr = role_totals(team)
        if col == 2:
            return smart(ic)
        if col == 3:
            return smart(mgr)
        if col == 4:
            return f"{ic / mgr:.1f}" if mgr and ic else "–"
        fn = team.get("function") if isinstance(team, dict) else None
        return fn or ""

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section][0]
            if role == Qt.ItemDataRole.ToolTipRole:
                return COLUMNS[section][1]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        base |= Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() < 2:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() >= 2:
            return False
        f = TEAM_TREE_FIELDS[index.column()]
        try:
            parsed = f.parse(value, self.doc)
        except ValueError as exc:
            self.message.emit(str(exc))
            return False
        i = self.team_index(index)
        if f.writer is not None:
            try:
                f.writer(self.doc, ("teams", i), parsed)
            except ValueError as exc:   # e.g. an id already taken by another team
                self.message.emit(str(exc))
                return False
        else:
            self.doc.set(("teams", i, *f.path), parsed, f"Rename team to {parsed}")
        return True

    # ----- drag and drop: re-parent ----------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        teams = sorted({self.team_index(i) for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(MIME, ",".join(map(str, teams)).encode())
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return data.hasFormat(MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if not data.hasFormat(MIME):
            return False
        raw = bytes(data.data(MIME).data()).decode()
        teams = [int(x) for x in raw.split(",") if x.strip().lstrip("-").isdigit()]
        target = self.team_index(parent)
        return self.reparent(teams, target)

    def reparent(self, teams: list[int], target: int) -> bool:
        """Make ``target`` (ROOT for the top level) the parent of ``teams``; refuses cycles."""
        all_teams = self.doc.items("teams")
        new_parent = None
        if target != ROOT:
            new_parent = all_teams[target].get("id") if isinstance(all_teams[target], dict) else None
        moves = []
        for t in teams:
            if t == target or target in self.descendants(t):
                name = all_teams[t].get("name", "team")
                self.message.emit(f"{name} cannot report to itself or to one of its own sub-teams")
                return False
            if all_teams[t].get("parent") != new_parent:
                moves.append(t)
        if not moves:
            return False
        label = all_teams[target].get("name", "") if target != ROOT else "the top level"
        with self.doc.macro(f"Move {len(moves)} team{'s' if len(moves) != 1 else ''} under {label}"):
            for t in moves:
                self.doc.set(("teams", t, "parent"), new_parent)
        return True

    # ----- document notifications --------------------------------------------------------
    @staticmethod
    def _structural(change: Change) -> bool:
        if change.kind == "reset":
            return True
        p = change.path
        if not change.touches(("teams",)):
            return False
        if change.kind in ("insert", "remove", "move"):
            return len(p) <= 1
        # a whole team list / team replaced, or its parent or id changed
        return len(p) <= 2 or (len(p) == 3 and p[2] in ("parent", "id"))

    def _about(self, change: Change) -> None:
        if self._structural(change) and not self._resetting:
            self._resetting = True
            self.beginResetModel()

    def _changed(self, change: Change) -> None:
        if self._resetting:
            self._rebuild()
            self._resetting = False
            self.endResetModel()
        elif change.touches(("teams",)) and len(change.path) >= 2 and isinstance(change.path[1], int):
            i = change.path[1]
            if i in self._row:
                self.dataChanged.emit(self.index_of_team(i, 0), self.index_of_team(i, len(COLUMNS) - 1))
