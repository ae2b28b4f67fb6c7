"""Tab-separated text, as Excel and LibreOffice put it on the clipboard. No Qt."""

from __future__ import annotations

import csv
import io


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells; quoted cells may hold tabs and newlines; the trailing newline is dropped."""
    if not text:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    reader = csv.reader(io.StringIO(text), delimiter="\t", quotechar='"')
    return [row if row else [""] for row in reader]


def to_tsv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", quotechar='"', lineterminator="\n",
                        quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return out.getvalue()
