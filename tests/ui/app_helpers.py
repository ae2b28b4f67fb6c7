"""Shared helpers for the app tests: a main window on Northwind with inline workers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def make_window(qtbot):
    """``make_window(plan_path=None)``: a shown MainWindow; background work runs inline."""
    from planner.ui.main_window import MainWindow
    from planner.ui.workers import SyncRunner

    made = []

    def make(path: Path | None = None, *, show: bool = True):
        w = MainWindow(runner=SyncRunner())
        if path is not None:
            assert w.open_plan(path, ask=False)
        if show:
            w.resize(1440, 900)
            w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        w.doc.undo_stack.setClean()
        w.close()
        w.deleteLater()


@pytest.fixture
def window(make_window, northwind_path):
    return make_window(northwind_path)


def dumps(data) -> str:
    return json.dumps(data, sort_keys=False, ensure_ascii=False)


def plain(tip: str | None) -> str:
    """A tooltip as the text a user reads: a rich-text one (a row with a note) without its
    tags, one paragraph or line break per line."""
    import html
    import re

    text = re.sub(r"<br>|</p>", "\n", tip or "")
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()
