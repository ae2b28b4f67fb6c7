"""Reading an input file with messages a person can act on (missing, folder, too big, denied).

Only regular files are read, and never more than the limit: a device (``/dev/zero``), a pipe
or a file that grows while it is read would otherwise fill memory or block forever.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# Opening a pipe that has no writer blocks until one appears; non-blocking opens at once.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_checked(path: str | os.PathLike[str], *, what: str, max_bytes: int,
                 error: type[Exception], head: int | None = None) -> bytes:
    """The file's bytes (only the first ``head`` when given), or ``error(message)``.

    ``what`` names the kind of file in the messages ("plan", "roster").
    """
    p = Path(path)
    try:
        _check_kind(p, os.stat(p).st_mode, what, error)  # before opening: a pipe never blocks
        fd = os.open(p, _OPEN_FLAGS)
        with open(fd, "rb") as fh:
            size = os.fstat(fd).st_size
            _check_kind(p, os.fstat(fd).st_mode, what, error)  # replaced since the stat?
            if size > max_bytes:
                raise error(_too_big(p, what, max_bytes, f"{size / 1e6:.1f} MB"))
            if head is not None:
                return fh.read(head)
            # The size may be stale or 0 (/proc, a file still being written): read no more
            # than one byte past the limit, whatever the size said.
            data = fh.read(size + 1)
            if len(data) > size:
                data += fh.read(max_bytes + 1 - len(data))
            if len(data) > max_bytes:
                raise error(_too_big(p, what, max_bytes, f"more than {_amount(max_bytes)}"))
            return data
    except FileNotFoundError:
        raise error(f"{p}: no such file; check the path") from None
    except PermissionError:
        raise error(f"{p}: permission denied; check the file's permissions") from None
    except OSError as exc:
        raise error(f"{p}: cannot read the file ({exc.strerror or exc})") from None


def _check_kind(p: Path, mode: int, what: str, error: type[Exception]) -> None:
    if stat.S_ISDIR(mode):
        raise error(f"{p}: is a folder, not a {what} file")
    if not stat.S_ISREG(mode):
        raise error(f"{p}: is not a regular file (a device, pipe or socket); choose a {what} "
                    "file saved on a disk")


def _too_big(p: Path, what: str, max_bytes: int, size: str) -> str:
    return (f"{p.name}: the file is {size}; a {what} file is at most {_amount(max_bytes)}. "
            "Is this the right file?")


def _amount(n: int) -> str:
    return f"{n // 2**20} MB" if n >= 2**20 else f"{n:,} bytes"
