"""Reading an input file with messages a person can act on (missing, folder, too big, denied)."""

from __future__ import annotations

import os
from pathlib import Path


def read_checked(path: str | os.PathLike[str], *, what: str, max_bytes: int,
                 error: type[Exception], head: int | None = None) -> bytes:
    """The file's bytes (only the first ``head`` when given), or ``error(message)``.

    ``what`` names the kind of file in the messages ("plan", "roster").
    """
    p = Path(path)
    try:
        if p.is_dir():
            raise error(f"{p}: is a folder, not a {what} file")
        size = p.stat().st_size
        if size > max_bytes:
            raise error(f"{p.name}: the file is {size / 1e6:.1f} MB; a {what} file is at most "
                        f"{max_bytes // 2**20} MB. Is this the right file?")
        with p.open("rb") as fh:
            return fh.read() if head is None else fh.read(head)
    except FileNotFoundError:
        raise error(f"{p}: no such file; check the path") from None
    except PermissionError:
        raise error(f"{p}: permission denied; check the file's permissions") from None
    except OSError as exc:
        raise error(f"{p}: cannot read the file ({exc.strerror or exc})") from None
