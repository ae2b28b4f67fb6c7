"""Atomic file writes: a temp file in the target folder, then ``os.replace``.

A failed write (disk full, permission denied, cancelled) leaves the old file as it was
and no partial file behind. A process killed mid-write (SIGKILL, power loss) cannot clean
up: its ``.NAME.XXXXXXXX.tmp`` stays, and the next write of NAME (or :func:`clean_stale`)
removes it. The folder is synced after the rename, so a power loss cannot undo it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

_IMPORTED = time.time()


def _temp_affixes(target: Path) -> tuple[str, str]:
    """The prefix and suffix of the temp files made for ``target`` (see :func:`atomic_path`)."""
    return f".{target.name}.", ".tmp"


def process_start() -> float:
    """When this process started (epoch seconds); the import of this module if unknown."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:  # Linux
            ticks = int(fh.read().rsplit(")", 1)[1].split()[19])  # field 22, starttime
        with open("/proc/stat", encoding="ascii") as fh:
            boot = next(int(line.split()[1]) for line in fh if line.startswith("btime "))
        # btime is in whole seconds: a second of margin keeps the estimate early, not late
        return min(_IMPORTED, boot + ticks / os.sysconf("SC_CLK_TCK") - 1)
    except (OSError, ValueError, IndexError, StopIteration):
        return _IMPORTED


def clean_stale(target: str | os.PathLike[str]) -> list[Path]:
    """Remove the temp files a killed process left while writing ``target``; returns them.

    Only files named as this module names them for ``target`` and last written before this
    process started: a newer one may belong to another live process, and is kept.
    """
    target = Path(target)
    prefix, suffix = _temp_affixes(target)
    started = process_start()
    removed: list[Path] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(suffix)
                and len(name) > len(prefix) + len(suffix)):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and \
                    entry.stat(follow_symlinks=False).st_mtime < started:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; elsewhere there is nothing to open)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


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
    if code == errno.EISDIR:
        return f"cannot write {path}: it is a folder. Choose a file name"
    return f"cannot write {path}: {exc.strerror or exc}"


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temp path next to ``path``; on success move it into place, else delete it."""
    target = Path(path)
    clean_stale(target)
    prefix, suffix = _temp_affixes(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=target.parent)
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
            _sync_folder(target.parent)
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
