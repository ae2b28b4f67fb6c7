"""The one error of roster reading: a file that cannot be read at all."""

from __future__ import annotations


class RosterError(Exception):
    """A roster that cannot be read at all; ``str()`` is the message for the user."""
