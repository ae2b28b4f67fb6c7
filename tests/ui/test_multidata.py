"""A view hands ``multiData`` the same slots for cell after cell (QStyledItemDelegate keeps
them): a model must clear the roles it has no value for, or a cell shows the last cell's
grey N/A background, muted text and italics (every table looked disabled on screen)."""

# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

from app_helpers import make_window, window  # noqa: F401 - fixtures
from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtGui import QBrush, QColor, QFont

STALE = {Qt.ItemDataRole.BackgroundRole: QBrush(QColor("grey")),
         Qt.ItemDataRole.ForegroundRole: QBrush(QColor("grey")),
         Qt.ItemDataRole.FontRole: QFont("Serif")}


def roles_after_a_stale_cell(model, index) -> dict:
    out = {}
    for role, stale in STALE.items():
        slot = QModelRoleData(int(role))
        slot.setData(stale)                  # what the previous (N/A) cell left there
        model.multiData(index, QModelRoleDataSpan(slot))
        out[role] = slot.data()
    return out


def test_a_plain_cell_clears_what_the_last_cell_left(window):
    for model in (window.compute_page.models_model, window.workflows_page.proxy,
                  window.workflows_page.model):
        index = model.index(0, 0)           # an id or name: applicable, set, no problem
        assert roles_after_a_stale_cell(model, index) == dict.fromkeys(STALE), model
