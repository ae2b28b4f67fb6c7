"""Shared by the CLI commands: user-facing errors and how they are reported."""

from __future__ import annotations

import contextlib
import sys
import traceback
from collections.abc import Iterator

from ..io.atomic import WriteFailed
from ..io.planfile import PlanFileError
from ..model import PlanInvalid
from ..textsafe import visible


class CliError(Exception):
    """An error whose message is ready for the user (exit code 1 unless given)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def say(text: str) -> None:
    """A message on stderr; a name's control characters show as escapes (``\\x07``) rather
    than ring, recolour or rewrite the terminal."""
    print(visible(text), file=sys.stderr)


def report_error(exc: BaseException, *, debug: bool = False) -> int:
    """Print a user-facing message for ``exc`` on stderr and return the exit code."""
    if debug:
        traceback.print_exception(exc)
    if isinstance(exc, PlanInvalid):
        say(str(exc))
        return 1
    if isinstance(exc, CliError):
        say(f"orgplanner: {exc}")
        return exc.code
    if isinstance(exc, PlanFileError | WriteFailed):
        say(f"orgplanner: {exc}")
        return 1
    if isinstance(exc, MemoryError):
        say("orgplanner: out of memory; the input is too large")
        return 1
    say(f"orgplanner: unexpected error: {type(exc).__name__}: {exc} "
        "(run again with --debug for details)")
    return 2


@contextlib.contextmanager
def tolerant_stdout() -> Iterator[None]:
    """While a command runs, text stdout cannot encode (a file name with undecodable bytes, a
    non-UTF-8 console) is printed as an escape (\\udcff, as on stderr) instead of failing
    the command after its work."""
    out = sys.stdout
    old = getattr(out, "errors", None)
    try:
        out.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):  # not a TextIOWrapper: leave it
        old = None
    try:
        yield
    finally:
        if old is not None:
            with contextlib.suppress(AttributeError, ValueError, OSError):
                out.reconfigure(errors=old)  # type: ignore[union-attr]
