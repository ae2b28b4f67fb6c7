"""The one-page leadership brief: its content (Qt-free); the PDF is drawn in planner.ui.brief."""

from .content import BriefContent, Tile, build

__all__ = ["BriefContent", "Tile", "build"]
