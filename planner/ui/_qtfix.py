"""Work around a reference-count bug in some PySide6 builds (seen in 6.12.0 on Python 3.11).

There, every ``SignalInstance.emit()`` and ``dataChanged.emit()`` from Python returns
``True`` without a new reference, so each emit lowers ``True``'s reference count by one;
after enough emits Python aborts with "bool_dealloc: deallocating True or False". On
Python 3.12+ ``True``/``False`` are immortal and nothing happens. On older Pythons, when the
bug is detected, ``True`` and ``False`` (static singletons that are never freed) get a
large reference reserve, so the count can never reach zero.
"""

from __future__ import annotations

import sys

_RESERVE = 1 << 40
applied = False


def _leaks() -> bool:
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) < before


def apply() -> bool:
    """Apply the workaround when needed; True when it was applied."""
    global applied
    if applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return applied
    if not _leaks():
        return False
    import ctypes

    for obj in (True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _RESERVE
    applied = True
    return True
