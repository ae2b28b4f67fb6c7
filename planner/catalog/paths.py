"""Where the bundled resources are: ``resources/`` beside the ``planner`` package.

In a checkout (and an editable install) that is the repository's ``resources/``; in the
PyInstaller build the spec copies the folder to the same place relative to the code
(``packaging/orgplanner.spec``: ``datas=[(ROOT / "resources", "resources")]``).
"""

from __future__ import annotations

from pathlib import Path


def resources_dir() -> Path:
    """The folder holding ``examples/``, ``icons/`` and ``catalog/``."""
    return Path(__file__).resolve().parents[2] / "resources"


def catalog_dir() -> Path:
    """The folder holding the evidence catalog (``workflows.json``, ``models.json``, ``gpus.json``)."""
    return resources_dir() / "catalog"
