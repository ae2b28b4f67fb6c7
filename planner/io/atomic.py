"""Atomic file writes: a temp file in the target folder, then ``os.replace``.

A failed write (disk full, permission denied, cancelled) leaves the old file as it was
and no partial file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO


class WriteFailed(OSError):
    """A file could not be written; the message says where and what to do."""


def explain_os_error(exc: OSError, path: Path) -> str:
    import errno

    code = getattr(exc, "errno", None)
    if code in (errno.EACCES, errno.EPERM):
        return (f"cannot write {path}: permission denied. Choose a folder you can write to, "
                "or close the file if another program has it open")
    if code == errno.ENOSPC:
        return f"cannot write {path}: the disk is full. Free some space or choose another drive"
    if code == errno.ENOENT:
        return f"cannot write {path}: the folder {path.parent} does not exist"
    if code == errno.EROFS:
        return f"cannot write {path}: the drive is read-only. Choose another folder"
    return f"cannot write {path}: {exc.strerror or exc}"


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temp path next to ``path``; on success move it into place, else delete it."""
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise WriteFailed(explain_os_error(exc, target)) from exc
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        try:
            if target.exists():
                with contextlib.suppress(OSError):
                    os.chmod(tmp_path, target.stat().st_mode & 0o777)
            else:
                with contextlib.suppress(OSError):
                    os.chmod(tmp_path, 0o666 & ~_umask())
            os.replace(tmp_path, target)
        except OSError as exc:
            raise WriteFailed(explain_os_error(exc, target)) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], writer: Callable[[IO[bytes]], None]) -> None:
    """Write a file through ``writer(fileobj)`` atomically (fsync'd before the move)."""
    with atomic_path(path) as tmp:
        try:
            with open(tmp, "wb") as fh:
                writer(fh)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise WriteFailed(explain_os_error(exc, Path(path))) from exc
