"""Roster import in the app: the mapping dialog and the Organisation page (org chart, spans
and layers before and after the plan).

>>> data = import_roster_dialog(parent, path=None)   # plan data, or None if cancelled
>>> page = OrganisationPage(parent); page.set_document(doc)
"""

from __future__ import annotations

from .dialog import RosterImportDialog, import_roster_dialog, is_roster_file
from .page import OrganisationPage
from .state import last_import, roster_state, set_last_import

__all__ = ["OrganisationPage", "RosterImportDialog", "import_roster_dialog", "is_roster_file",
           "last_import", "roster_state", "set_last_import"]
