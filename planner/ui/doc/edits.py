"""The document's pure path edits live in :mod:`planner.plan.edits` (Qt-free, shared with the
scenario layer of the core); re-exported here for the editors."""

from ...plan.edits import (  # noqa: F401
    MISSING,
    EditError,
    Path,
    clone,
    get_in,
    insert_in,
    key_index,
    move_in,
    remove_in,
    set_in,
    unique_id,
)
