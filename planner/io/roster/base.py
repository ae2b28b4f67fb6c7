"""What every roster reader shares: its one error and the limits it enforces."""

from __future__ import annotations

MAX_ROWS = 1_000_000       # people; Excel's own limit is 1,048,576 rows
MAX_COLUMNS = 200          # a roster needs a handful


class RosterError(Exception):
    """A roster that cannot be read at all; ``str()`` is the message for the user."""
