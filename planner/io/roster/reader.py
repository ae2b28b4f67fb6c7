"""Reading a roster file into a table of text cells, with the file's own line numbers.

CSV: the delimiter (``,`` ``;`` tab ``|``) and the encoding (UTF-8, UTF-8 with BOM, UTF-16 as
Excel's "Unicode text" writes it, else cp1252/latin-1) are detected. XLSX: the first sheet or a
chosen one. Every cell is kept as text (ids such as ``0042`` keep their zeros); numbers are
parsed later, with a message per bad cell. Title rows above the header are skipped when the
header is recognisable further down.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..files import read_checked
from . import csvlines, xlsx
from .base import MAX_COLUMNS, MAX_ROWS, RosterError
from .columns import known_header_count

if TYPE_CHECKING:
    import pandas as pd

MAX_BYTES = 512 * 1024 * 1024
DELIMITERS = (",", ";", "\t", "|")
_DELIM_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


@dataclass
class RawTable:
    """The cells of a roster (all text, "" when empty) and where each row sits in the file."""

    source: str                      # the file name, as messages show it
    columns: list[str]               # header cells, made unique ("Name", "Name (2)")
    frame: pd.DataFrame              # one column per header, dtype object (str)
    lines: np.ndarray                # int64: the file line (CSV) or sheet row (XLSX) of each row
    unit: str = "line"               # "line" for text files, "row" for spreadsheets
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.source} ({self.sheet})" if self.sheet else self.source

    def place(self, line: int | None) -> str:
        return self.where if line is None else f"{self.where} {self.unit} {line}"

    def describe(self) -> str:
        if self.sheet:
            return f"sheet {self.sheet}"
        return f"{self.encoding}, {_DELIM_NAMES.get(self.delimiter or ',', self.delimiter)}-separated"


def read_table(path: str | os.PathLike[str], *, sheet: str | None = None) -> RawTable:
    """The roster's cells, or :class:`RosterError` with a message naming the file and the fix."""
    p = Path(path)
    name = p.name
    head = read_checked(p, what="roster", max_bytes=MAX_BYTES, error=RosterError, head=8)
    if head.startswith(b"PK\x03\x04"):
        return _read_xlsx(p, sheet)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise RosterError(f"{name}: this is an old Excel .xls workbook; save it as .xlsx or CSV "
                          "and import that")
    if sheet:
        raise RosterError(f"{name}: a sheet was chosen ({sheet}) but this is a text file, "
                          "not an .xlsx workbook")
    return _read_csv(p)


def sheet_names(path: str | os.PathLike[str]) -> list[str]:
    """The sheets of an .xlsx workbook ([] for a text file)."""
    p = Path(path)
    try:
        if not read_checked(p, what="roster", max_bytes=MAX_BYTES, error=RosterError,
                            head=4).startswith(b"PK\x03\x04"):
            return []
    except RosterError:  # read_table says why
        return []
    wb = xlsx.open_workbook(p)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


# -- text files -------------------------------------------------------------------------------

def decode_bytes(raw: bytes, *, source: str) -> tuple[str, str]:
    """(text, encoding name) of a text roster, or RosterError for a binary file."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return _decode(raw[3:], "utf-8", "UTF-8 with BOM", source), "UTF-8 with BOM"
    if raw.startswith(b"\xff\xfe"):
        return _decode(raw[2:], "utf-16-le", "UTF-16", source), "UTF-16"
    if raw.startswith(b"\xfe\xff"):
        return _decode(raw[2:], "utf-16-be", "UTF-16", source), "UTF-16"
    sample = raw[:4096]
    if len(sample) >= 4 and sample.count(b"\x00") >= len(sample) // 3:
        # UTF-16 without a BOM: every other byte of ASCII text is zero.
        if sample[1::2].count(0) > len(sample) // 3:
            return _decode(raw, "utf-16-le", "UTF-16", source), "UTF-16"
        if sample[0::2].count(0) > len(sample) // 3:
            return _decode(raw, "utf-16-be", "UTF-16", source), "UTF-16"
    if b"\x00" in sample or _looks_binary(sample):
        raise RosterError(f"{source}: this is not a text file (it holds binary data); export the "
                          "roster as CSV or .xlsx")
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "Latin-1"


def _looks_binary(sample: bytes) -> bool:
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 13, 12))
    return len(sample) > 0 and control > max(2, len(sample) // 50)


def _decode(raw: bytes, codec: str, label: str, source: str) -> str:
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise RosterError(f"{source}: not valid {label} text (byte {exc.start}); save the file "
                          "again as CSV UTF-8") from None
    if "\x00" in text:
        raise RosterError(f"{source}: this is not a text file (it holds binary data); export the "
                          "roster as CSV or .xlsx")
    return text


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the header into most fields, consistently over the next lines."""
    best, best_score = ",", (0, 0)
    for d in DELIMITERS:
        counts = [ln.count(d) for ln in lines[:20] if ln.strip()]
        if not counts or counts[0] == 0:
            continue
        consistent = sum(1 for c in counts if c == counts[0])
        score = (consistent, counts[0])
        if score > best_score:
            best, best_score = d, score
    return best


def _header_offset(lines: list[str], sep: str) -> int:
    """Lines to skip above the header: title rows that exports put on top."""
    for i, ln in enumerate(lines[:15]):
        if known_header_count(c.strip().strip('"') for c in ln.split(sep)) >= 2:
            return i
    for i, ln in enumerate(lines[:15]):  # else the first non-blank line
        if ln.strip():
            return i
    return 0


def _read_csv(p: Path) -> RawTable:
    import pandas as pd

    name = p.name
    raw = read_checked(p, what="roster", max_bytes=MAX_BYTES, error=RosterError)
    text, encoding = decode_bytes(raw, source=name)
    del raw
    if not text.strip():
        raise RosterError(f"{name}: the file is empty; it should have a header row and one row "
                          "per person")
    first = text[:65536].splitlines()
    sep0 = sniff_delimiter([ln for ln in first if ln.strip()])
    skip = _header_offset(first, sep0)
    sep = sniff_delimiter([ln for ln in first[skip:] if ln.strip()])
    header = first[skip] if skip < len(first) else ""  # its first 64 KB at most
    if header.count(sep) >= MAX_COLUMNS:  # before pandas builds a frame that wide
        raise RosterError(f"{name} line {skip + 1}: the header has more than {MAX_COLUMNS} "
                          f"columns; a roster has one row per person and a few columns: save "
                          "only those as CSV")
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, header=None,
                            keep_default_na=False, na_filter=False, skip_blank_lines=False,
                            skiprows=skip, engine="c", quotechar='"')
    except pd.errors.EmptyDataError:
        raise RosterError(f"{name}: the file is empty; it should have a header row and one row "
                          "per person") from None
    except pd.errors.ParserError as exc:
        raise RosterError(_parser_message(str(exc), text, name, sep)) from None
    if len(frame) > MAX_ROWS + 1:
        raise RosterError(f"{name}: more than {MAX_ROWS:,} rows; a roster has one row per "
                          "person: is this the right file?")
    # pandas skipped ``skip`` records above the header
    lines = csvlines.record_lines(text, sep, count=skip + len(frame))[skip:]
    del text
    return _table_from_frame(frame, source=name, lines=lines, unit="line",
                             encoding=encoding, delimiter=sep)


def _parser_message(msg: str, text: str, name: str, sep: str) -> str:
    """The parser's complaint in plain words, at the line a text editor shows."""
    if "EOF inside string" in msg:
        line = csvlines.scan(text, sep).unclosed
        if line is not None:
            return (f'{name} line {line}: a quote (") opens a field that never closes; remove '
                    "the stray quote or close it")
    m = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", msg)
    if m:
        record = int(m.group(2))  # counted in records from the top of the file, not in lines
        line = int(csvlines.record_lines(text, sep, count=record)[-1])
        return (f"{name} line {line}: {m.group(3)} fields where the header has {m.group(1)}; "
                "fix that row (an unquoted delimiter or a missing quote?)")
    reason = re.sub(r"^Error tokenizing data\. C error: ", "", msg.strip())
    return f"{name}: cannot read the file as CSV ({reason}); save it again as CSV from Excel"


# -- workbooks --------------------------------------------------------------------------------

def _has_header(p: Path, wb, ws) -> bool:  # noqa: ANN001
    rows = xlsx.sheet_rows(p, wb, ws, limit=15)
    return any(known_header_count(row) >= 2 for _, row in rows)


def _read_xlsx(p: Path, sheet: str | None) -> RawTable:
    import pandas as pd

    wb = xlsx.open_workbook(p)
    try:
        names = list(wb.sheetnames)
        if sheet is None:
            if not names:
                raise RosterError(f"{p.name}: the workbook has no sheets")
            # The first sheet whose top rows hold a roster header (a cover sheet is skipped).
            chosen = next((s for s in names if _has_header(p, wb, wb[s])), names[0])
        elif sheet in names:
            chosen = sheet
        else:
            shown = ", ".join(f'"{s}"' for s in names)
            raise RosterError(f'{p.name}: no sheet "{sheet}"; the sheets are {shown}')
        numbered = list(xlsx.sheet_rows(p, wb, wb[chosen]))  # rows with a filled cell
    finally:
        wb.close()
    if not numbered:
        raise RosterError(f"{p.name} ({chosen}): the sheet is empty; it should have a header row "
                          "and one row per person")
    rows = [r for _, r in numbered]
    skip = next((i for i, r in enumerate(rows[:15]) if known_header_count(r) >= 2), 0)
    width = max(len(r) for r in rows)
    frame = pd.DataFrame([r + [""] * (width - len(r)) for r in rows[skip:]], dtype=object)
    lines = np.array([n for n, _ in numbered[skip:]], dtype=np.int64)
    table = _table_from_frame(frame, source=p.name, lines=lines, unit="row",
                              encoding=None, delimiter=None)
    table.sheet = chosen if len(names) > 1 else None
    table.sheets = names
    return table


# -- common -----------------------------------------------------------------------------------

def _table_from_frame(frame: pd.DataFrame, *, source: str, lines: np.ndarray, unit: str,
                      encoding: str | None, delimiter: str | None) -> RawTable:
    """Header from the first row; rows that are entirely blank are dropped (their lines kept).

    ``lines[i]`` is where row i of ``frame`` (the header first) starts in the file.
    """
    if frame.shape[0] == 0:
        raise RosterError(f"{source}: the file is empty; it should have a header row and one row "
                          "per person")
    frame = frame.fillna("")
    header = [str(c).strip() for c in frame.iloc[0].tolist()]
    # Trailing unnamed empty columns (a trailing delimiter) are dropped.
    while header and not header[-1] and not frame.iloc[1:, len(header) - 1].astype(bool).any():
        header.pop()
    frame = frame.iloc[1:, : len(header)]
    columns = _unique_headers(header)
    frame.columns = columns
    lines = lines[1:]
    if len(frame):
        blank = ~(frame != "").to_numpy().any(axis=1)
        if blank.any():
            frame = frame[~blank]
            lines = lines[~blank]
    frame = frame.reset_index(drop=True)
    if len(frame) == 0:
        raise RosterError(f"{source}: there is a header row but no people below it")
    return RawTable(source=source, columns=columns, frame=frame, lines=lines, unit=unit,
                    encoding=encoding, delimiter=delimiter)


def _unique_headers(header: list[str]) -> list[str]:
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, h in enumerate(header):
        h = h or f"Column {i + 1}"
        if h in seen:
            seen[h] += 1
            h = f"{h} ({seen[h]})"
        else:
            seen[h] = 1
        out.append(h)
    return out
