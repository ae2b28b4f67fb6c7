"""The app icon (resources/icons/orgplanner.svg, rendered at several sizes)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

ICON_PATH = Path(__file__).resolve().parents[2] / "resources" / "icons" / "orgplanner.svg"


@lru_cache(maxsize=1)
def app_icon() -> QIcon:
    icon = QIcon()
    if ICON_PATH.is_file():
        for size in (16, 24, 32, 48, 64, 128, 256):
            icon.addFile(str(ICON_PATH), QSize(size, size))
    return icon
