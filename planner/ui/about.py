"""The versions the app reports (About box, ``orgplanner --smoke``) and the About box.

The app's version is the installed package's (``importlib.metadata``), which pyproject
takes from ``planner.__version__``; a frozen build that lacks the metadata falls back to
``planner.__version__`` (packaging/orgplanner.spec copies the metadata, so both agree).
"""

from __future__ import annotations

import platform
from importlib import metadata

from .. import __version__

DIST_NAME = "orgplanner"


def metadata_version() -> str | None:
    """The installed package's version, None when there is no metadata (a bare checkout)."""
    try:
        return metadata.version(DIST_NAME)
    except metadata.PackageNotFoundError:
        return None


def app_version() -> str:
    return metadata_version() or __version__


def versions() -> dict[str, str]:
    """OrgPlanner, Python, Qt and PySide6 versions, in that order."""
    import PySide6
    from PySide6.QtCore import qVersion

    return {"OrgPlanner": app_version(), "Python": platform.python_version(),
            "Qt": qVersion(), "PySide6": PySide6.__version__}


def about_html() -> str:
    v = versions()
    return (f"<h3>OrgPlanner {v['OrgPlanner']}</h3><p>Plan an organisation's move to AI: "
            "operational compression, compute budget and the money, side by side.</p><p>Every "
            "figure follows the formulas in the planning model; hover a number to see where it "
            f"comes from.</p><p>Qt {v['Qt']} · Python {v['Python']}</p>")


def show_about(parent) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(parent, "About OrgPlanner", about_html())
