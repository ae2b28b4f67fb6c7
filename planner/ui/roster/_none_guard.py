"""Keep ``None`` alive under PySide6 abi3 wheels on Python 3.11.

The PySide6 6.12 wheels are built for the stable ABI with 3.12+ semantics, where ``None`` is
immortal and returning it takes no reference. On 3.11 every Qt method returning nothing then
drops one reference to ``None``; a few tens of thousands of paint calls later the interpreter
aborts ("none_dealloc: deallocating None"). Giving ``None`` a huge reference count makes it as
good as immortal, which is what 3.12 does anyway.
"""

from __future__ import annotations

import sys

_MARGIN = 1 << 40


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < _MARGIN:
        count.value += _MARGIN
