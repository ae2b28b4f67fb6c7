"""A catalog entry's evidence as rich text: source, figure, kind (and how much weight it
carries), the day it was checked and the reasoning (docs/evidence.md)."""

from __future__ import annotations

import html
from typing import Any

# How much weight each kind of evidence carries (docs/evidence.md, "How to weigh").
WEIGHT = {
    "randomised trial": "the strongest evidence that AI caused the effect, for that task and "
                        "population; lab tasks are short, so lab effects are larger than a "
                        "whole job sees",
    "field study": "good evidence for that workplace; check its population matches yours",
    "observational study": "the average across the economy, diluted by people who use AI little",
    "survey": "weak on its own: people overestimate their gains",
    "company report": "weak on its own: firms report their successes",
    "vendor benchmark": "accurate for the stated set-up, and that set-up is the best case",
    "vendor specification": "reliable as of its date",
    "list price": "reliable as of its date; prices change",
    "judgement": "a value chosen between sources: read its basis, and replace it with your "
                 "own measurement first",
}


def esc(text: Any) -> str:
    return html.escape(str(text), quote=False)


def citation_html(entry: dict[str, Any], *, title: str = "Evidence") -> str:
    """``<b>Evidence</b>`` then source (linked), figure, kind, checked date and basis."""
    source = esc(entry.get("source", ""))
    url = entry.get("url")
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        source = f'<a href="{html.escape(url)}">{source}</a>'
    kind = entry.get("kind", "")
    weight = WEIGHT.get(kind, "")
    rows = [("Source", source), ("Figure", esc(entry.get("figure", ""))),
            ("Kind", esc(kind) + (f" <i>({esc(weight)})</i>" if weight else "")),
            ("Checked", esc(entry.get("checked", "")))]
    if entry.get("basis"):
        rows.append(("Basis", esc(entry["basis"])))
    body = "".join(f"<tr><td valign='top'><b>{k}</b>&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
    return f"<p><b>{esc(title)}</b></p><table cellspacing='2'>{body}</table>"


def values_html(rows: list[tuple[str, str]]) -> str:
    """A two-column table of label and value (values already escaped)."""
    body = "".join(f"<tr><td>{esc(k)}&nbsp;&nbsp;</td><td><b>{v}</b></td></tr>" for k, v in rows)
    return f"<table cellspacing='2'>{body}</table>"


def short_citation(source: str) -> str:
    """The authors and their parenthesis, whole: "Cui et al. (Management Science 2026)" for a
    long author list, "Brynjolfsson, Li, Raymond (QJE 140(2), 2025; NBER w31161, 2023)" for a
    short one; text without a parenthesis up to its first comma."""
    text = source.strip()
    start = text.find("(")
    if start < 0:
        return text.split(",")[0].strip()
    depth = 0
    end = len(text)
    for i in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            end = i + 1
            break
    authors, paren = text[:start].strip(), text[start:end]
    names = [a.strip() for a in authors.split(",") if a.strip()]
    if len(names) > 3:
        authors = f"{names[0]} et al."
    return f"{authors} {paren}".strip()
