"""Reading an .xlsx roster safely: hostile or broken workbooks get the usual message.

Before openpyxl sees a workbook, every XML part is checked: a DOCTYPE (the only way to
declare entities, hence "billion laughs" bombs) is refused before anything expands, and so
is a part whose declared size no roster needs. Rows are then read from the sheet's XML as
they are: the declared dimension (``A1:XFD1048576`` costs nothing to write) is never used to
pad rows, so memory follows the filled cells, which are capped.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.parsers import expat

from .base import MAX_COLUMNS, MAX_ROWS, RosterError

MAX_CELLS = 20_000_000     # filled cells, about 2 GB of text cells in memory
MAX_PART = 2**30           # declared size of one XML part (a 1M-row sheet is ~0.5 GB)
MAX_PARTS = 10_000
_PROLOG = 1 << 20          # a part's XML declaration and comments before its root element


def unreadable(p: Path, why: str) -> RosterError:
    return RosterError(f"{p.name}: not a readable .xlsx workbook ({why}); open it in Excel and "
                       "save it again, or export CSV")


def open_workbook(p: Path) -> Any:
    """openpyxl's read-only workbook, or RosterError naming the file."""
    from openpyxl import load_workbook

    _check_parts(p)
    try:
        return load_workbook(p, read_only=True, data_only=True)
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parse failure of a file is a bad file
        raise unreadable(p, _short(exc)) from None


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."


class _Root(Exception):
    """The parser reached the root element: the prolog held no DOCTYPE."""


class _Doctype(Exception):
    pass


def _check_parts(p: Path) -> None:
    try:
        with zipfile.ZipFile(p) as z:
            infos = z.infolist()
            if len(infos) > MAX_PARTS:
                raise unreadable(p, f"{len(infos):,} parts")
            for info in infos:
                if not info.filename.endswith((".xml", ".rels")):
                    continue
                if info.file_size > MAX_PART:
                    raise unreadable(p, f"{info.filename} would unpack to "
                                        f"{info.file_size / 2**30:.0f} GB")
                with z.open(info) as part:
                    _check_prolog(p, info.filename, part)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, EOFError,
            ValueError) as exc:
        raise unreadable(p, _short(exc)) from None
    except OSError as exc:
        raise RosterError(f"{p}: cannot read the file ({exc.strerror or exc})") from None


def _check_prolog(p: Path, name: str, part: Any) -> None:
    """Read ``part`` up to its root element: refuse a DOCTYPE or broken XML before it."""
    parser = expat.ParserCreate()

    def doctype(*_: Any) -> None:
        raise _Doctype

    def root(*_: Any) -> None:
        raise _Root

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartElementHandler = root
    read = 0
    try:
        while read <= _PROLOG:
            chunk = part.read(16384)
            read += len(chunk)
            parser.Parse(chunk, not chunk)
            if not chunk:
                break
    except _Root:
        return
    except _Doctype:
        raise unreadable(p, f"{name} declares a DOCTYPE or entities, which workbooks never "
                            "do") from None
    except expat.ExpatError as exc:
        raise unreadable(p, f"{name}: {expat.ErrorString(exc.code)} at line {exc.lineno}") \
            from None
    raise unreadable(p, f"{name}: no XML element in its first MB")


def cell_text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v).strip()


def sheet_rows(p: Path, wb: Any, ws: Any, *, limit: int | None = None
               ) -> Iterator[tuple[int, list[str]]]:
    """(sheet row number, cell texts) of each row with a filled cell, in file order.

    At most ``limit`` rows; else RosterError past MAX_ROWS rows, MAX_COLUMNS columns or
    MAX_CELLS cells. Reads the sheet's XML as written (openpyxl's own row parser), so
    neither the declared dimension nor a far-away empty cell pads the rows.
    """
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet._reader import WorkSheetParser

    where = f"{p.name} ({ws.title})"
    rows = cells = 0
    try:
        with ws._get_source() as src:
            parser = WorkSheetParser(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                     date_formats=wb._date_formats,
                                     timedelta_formats=wb._timedelta_formats)
            for number, parsed in parser.parse():
                filled = {}
                for cell in parsed:
                    text = cell_text(cell["value"])
                    if not text:
                        continue
                    column = cell["column"]
                    if column > MAX_COLUMNS:
                        raise RosterError(
                            f"{where}: cell {get_column_letter(column)}{number} is beyond column "
                            f"{get_column_letter(MAX_COLUMNS)}; a roster has at most {MAX_COLUMNS} "
                            "columns: delete the columns on the right, or copy the roster to a "
                            "new sheet")
                    filled[column] = text
                if not filled:
                    continue
                rows += 1
                cells += len(filled)
                if rows > MAX_ROWS or cells > MAX_CELLS:
                    raise RosterError(
                        f"{where} row {number}: the sheet holds more than "
                        f"{MAX_ROWS:,} rows or {MAX_CELLS:,} filled cells; a roster has one row "
                        "per person and a few columns: delete what is not the roster")
                yield number, [filled.get(c, "") for c in range(1, max(filled) + 1)]
                if limit is not None and rows >= limit:
                    return
    except RosterError:
        raise
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken sheet part is a bad file
        raise unreadable(p, f"{ws.title}: {_short(exc)}") from None
