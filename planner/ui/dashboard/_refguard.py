"""Keep ``None``, ``True`` and ``False`` alive under PySide6 6.12 wheels on Python 3.11.

Those wheels assume 3.12 semantics (the three singletons are immortal), so on 3.11 each
Qt call returning nothing drops a reference to ``None`` and each ``emit`` one to ``True``;
the charts make thousands of such calls per second while painting, and the interpreter
then aborts ("none_dealloc"). A huge reference count makes them as good as immortal, which
is what 3.12 does. Idempotent, and shared in spirit with ``planner.ui._qtfix``.
"""

from __future__ import annotations

import sys

_MARGIN = 1 << 40


def keep_singletons_alive() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for obj in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(obj))
        if count.value < _MARGIN:
            count.value += _MARGIN
