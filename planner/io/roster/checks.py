"""From a table of cells to a checked roster: ids, reporting lines, costs and FTE.

Every problem names the row as the user sees it in the file (the header is line 1, so the
first person is line 2) and says what happens to the row. What is valid is kept:

* a row without an id, or repeating an id already used above, is left out;
* a manager id (or name) that matches nobody, or matches several people: the person is kept
  as the top of a separate tree (with everyone below them);
* a reporting cycle: its members are left out; the people who reported to them are kept as
  tops of separate trees;
* someone who reports to themself is the top of their tree (some HR systems export the
  CEO so);
* several people without a manager: the largest tree is the organisation; the others are
  kept as separate trees (their tops sit on layer 1 too);
* a missing, negative or non-numeric annual cost: the person is kept, and their role's
  average cost (over the people whose cost is known) stands in for it;
* a non-numeric FTE or one outside 0 < FTE <= 1: the person counts as 1 FTE. An FTE column
  written in percent (all values up to 100, most above 1.5) is read as percent.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from . import tree
from .reader import RawTable, RosterError

MAX_MESSAGES_PER_KIND = 50


@dataclass(frozen=True)
class RosterProblem:
    """One problem with the roster: where (``line``, as in the file), what, and what happens."""

    kind: str
    line: int | None
    message: str
    where: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class Roster:
    """The people kept after the checks, as parallel arrays (index = person)."""

    source: str
    ids: np.ndarray          # object (str)
    names: np.ndarray        # object (str), "" when unknown
    titles: np.ndarray       # object (str)
    teams: np.ndarray        # object (str)
    parent: np.ndarray       # int64, -1 for a top of a tree
    cost: np.ndarray         # float64, NaN when unknown
    fte: np.ndarray          # float64
    lines: np.ndarray        # int64: line (or sheet row) in the file
    mapping: dict[str, str]
    problems: list[RosterProblem] = field(default_factory=list)
    problem_counts: dict[str, int] = field(default_factory=dict)
    left_out: list[tuple[int, str, str]] = field(default_factory=list)  # (line, id, why)
    notes: list[str] = field(default_factory=list)
    rows_read: int = 0
    unit: str = "line"
    has_cost: bool = False

    def __len__(self) -> int:
        return len(self.ids)

    def label(self, i: int) -> str:
        """How a person is named in messages: "Ken Sánchez (id 1)"."""
        name = self.names[i]
        return f"{name} (id {self.ids[i]})" if name else f"id {self.ids[i]}"

    @property
    def messages(self) -> list[str]:
        out = [str(p) for p in self.problems]
        for kind, total in self.problem_counts.items():
            shown = sum(1 for p in self.problems if p.kind == kind)
            if total > shown:
                out.append(f"{self.source}: ... and {total - shown:,} more rows with the same "
                           f"problem ({_KIND_TEXT.get(kind, kind)})")
        return out


_KIND_TEXT = {
    "missing_id": "no employee id",
    "duplicate_id": "a repeated employee id",
    "unknown_manager": "a manager that matches nobody",
    "ambiguous_manager": "a manager name shared by several people",
    "self_manager": "reports to themself",
    "cycle": "in a reporting cycle",
    "manager_left_out": "manager left out",
    "extra_root": "no manager",
    "cost_missing": "annual cost missing",
    "cost_invalid": "annual cost not a number",
    "cost_negative": "negative annual cost",
    "fte_invalid": "FTE not a number",
    "fte_range": "FTE out of range",
}


class _Problems:
    def __init__(self, table: RawTable) -> None:
        self.table = table
        self.items: list[RosterProblem] = []
        self.counts: dict[str, int] = defaultdict(int)

    def add(self, kind: str, line: int | None, message: str) -> None:
        self.counts[kind] += 1
        if self.counts[kind] <= MAX_MESSAGES_PER_KIND:
            self.items.append(RosterProblem(kind, line, message, self.table.place(line)))

    def add_many(self, kind: str, lines: np.ndarray, make) -> None:
        """Messages for many rows; only the first few are formatted (``make(k)`` -> text)."""
        total = len(lines)
        room = max(0, MAX_MESSAGES_PER_KIND - self.counts[kind])
        for k in range(min(total, room)):
            line = int(lines[k])
            self.items.append(RosterProblem(kind, line, make(k), self.table.place(line)))
        self.counts[kind] += total


def _column(table: RawTable, mapping: Mapping[str, str], fieldname: str) -> np.ndarray | None:
    col = mapping.get(fieldname)
    if col is None:
        return None
    return table.frame[col].to_numpy(dtype=object)


def _strip(values: np.ndarray) -> np.ndarray:
    import pandas as pd

    return pd.Series(values, dtype=object).str.strip().fillna("").to_numpy(dtype=object)


def normalise_ids(values: np.ndarray) -> np.ndarray:
    """Ids as text, stripped; "17.0" (a number passed through a spreadsheet) becomes "17"."""
    import pandas as pd

    s = pd.Series(values, dtype=object).fillna("").astype(str).str.strip()
    dotted = s.str.endswith(".0").to_numpy(dtype=bool)
    if dotted.any():
        s[dotted] = s[dotted].str.replace(r"^(-?\d+)\.0+$", r"\1", regex=True)
    return s.to_numpy(dtype=object)


_MONEY_JUNK = re.compile(r"[\s\u00a0\u202f$€£¥'’]|[A-Za-z]{3}$|^[A-Za-z]{3}")


def _parse_money(text: str) -> float | None:
    """Costs as people type them: "$62,080", "62.080,50 €", "USD 90000"; None if not a number."""
    t = _MONEY_JUNK.sub("", text.strip())
    neg = t.startswith("(") and t.endswith(")")
    t = t.strip("()")
    if "," in t and "." in t:
        t = t.replace(",", "") if t.rfind(".") > t.rfind(",") else t.replace(".", "").replace(",", ".")
    elif "," in t:
        t = t.replace(",", "") if re.fullmatch(r"-?\d{1,3}(,\d{3})+", t) else t.replace(",", ".")
    try:
        v = float(t)
    except ValueError:
        return None
    if not np.isfinite(v):
        return None
    return -v if neg else v


def _numbers(values: np.ndarray, parse_one) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(numbers with NaN where empty or bad, empty mask, bad mask); fast path for plain numbers."""
    import pandas as pd

    s = pd.Series(values, dtype=object).fillna("").astype(str).str.strip()
    empty = (s == "").to_numpy()
    num = np.array(pd.to_numeric(s.where(~empty, None), errors="coerce"), dtype=np.float64)
    num[~np.isfinite(num)] = np.nan
    retry = np.flatnonzero(np.isnan(num) & ~empty)
    bad = np.zeros(len(s), dtype=bool)
    for i in retry:
        v = parse_one(s.iat[i])
        if v is None:
            bad[i] = True
        else:
            num[i] = v
    return num, empty, bad


def _parse_fte(text: str) -> float | None:
    t = text.strip().replace(",", ".")
    pct = t.endswith("%")
    try:
        v = float(t.rstrip("%").strip())
    except ValueError:
        return None
    if not np.isfinite(v):
        return None
    return v / 100 if pct else v


def build_roster(table: RawTable, mapping: Mapping[str, str]) -> Roster:
    """Check a table with its column mapping; keep what is valid and report the rest."""
    import pandas as pd

    mapping = dict(mapping)
    src = table.source
    probs = _Problems(table)
    notes: list[str] = []
    n_rows = len(table.frame)
    lines = table.lines

    names = _column(table, mapping, "name")
    names = _strip(names) if names is not None else np.full(n_rows, "", dtype=object)
    id_col = _column(table, mapping, "employee_id")
    mgr_id_col = _column(table, mapping, "manager_id")
    mgr_name_col = _column(table, mapping, "manager_name")

    if id_col is None and mgr_name_col is None and mgr_id_col is not None and "name" in mapping:
        # Without employee ids, a "Reports To" column can only name the manager.
        mapping["manager_name"] = mapping.pop("manager_id")
        mgr_name_col, mgr_id_col = mgr_id_col, None
    if id_col is None:
        if "name" not in mapping or mgr_name_col is None:
            raise RosterError(f"{src}: no employee id column found; say which column it is "
                              "(--map employee_id=COLUMN), or map name and manager_name to match "
                              "people by name")
        ids = np.array([f"row {x}" for x in lines], dtype=object)
        notes.append("no employee id column: people are matched by name")
    else:
        ids = normalise_ids(id_col)
    if mgr_id_col is None and mgr_name_col is None:
        raise RosterError(f"{src}: no manager column found (manager id or manager name); say "
                          "which column it is (--map manager_id=COLUMN)")

    keep = np.ones(n_rows, dtype=bool)
    left_out: list[tuple[int, str, str]] = []

    # Rows without an id.
    missing = ids == ""
    if missing.any():
        rows = np.flatnonzero(missing)
        probs.add_many("missing_id", lines[rows], lambda k: (
            f"no employee id{_who(names[rows[k]])}; this row is left out"))
        keep &= ~missing
        left_out += [(int(lines[r]), "", "no employee id") for r in rows]

    # Repeated ids: the first row wins.
    dup = pd.Series(ids).duplicated(keep="first").to_numpy() & keep
    if dup.any():
        first_line = pd.Series(lines, index=ids).groupby(level=0).first()
        rows = np.flatnonzero(dup)
        probs.add_many("duplicate_id", lines[rows], lambda k: (
            f"employee id {ids[rows[k]]} is used again (first on {table.unit} "
            f"{first_line[ids[rows[k]]]}); this row is left out"))
        keep &= ~dup
        left_out += [(int(lines[r]), str(ids[r]), "repeated employee id") for r in rows]

    kept = np.flatnonzero(keep)
    k_ids = ids[kept]
    k_names = names[kept]
    k_lines = lines[kept]
    n = len(kept)
    index = pd.Index(k_ids)

    # Reporting lines: by manager id, or by manager name when there is no id column (or when
    # the "manager id" column turns out to hold names, as "Reports To" often does).
    by_name = mgr_id_col is None
    if mgr_id_col is None and id_col is not None:
        # A "Manager" column may hold ids rather than names: go by what it matches.
        mref = normalise_ids(mgr_name_col)[kept]
        filled = mref != ""
        if filled.any():
            hit = (index.get_indexer(mref[filled]) >= 0).mean()
            name_hit = pd.Series(mref[filled]).isin(set(k_names) - {""}).mean()
            if hit >= 0.5 and hit > name_hit:
                by_name = False
                notes.append(f'the "{mapping["manager_name"]}" column holds employee ids: managers '
                             "are matched by id")
                mapping["manager_id"] = mapping.pop("manager_name")
    elif mgr_id_col is not None:
        mref = normalise_ids(mgr_id_col)[kept]
        filled = mref != ""
        if filled.any():
            hit = (index.get_indexer(mref[filled]) >= 0).mean()
            name_hit = pd.Series(mref[filled]).isin(set(k_names) - {""}).mean()
            if hit < 0.5 and name_hit > 0.5:
                by_name = True
                mgr_name_col = mgr_id_col
                notes.append(f'the "{mapping["manager_id"]}" column holds names: managers are '
                             "matched by name")
                mapping["manager_name"] = mapping.pop("manager_id")
    if by_name:
        mref = _strip(mgr_name_col)[kept]
        parent = _parent_by_name(mref, k_names, k_lines, probs, table)
    else:
        parent = index.get_indexer(mref).astype(np.int64)
        parent[mref == ""] = -1
        unknown = np.flatnonzero((parent < 0) & (mref != ""))
        if len(unknown):
            probs.add_many("unknown_manager", k_lines[unknown], lambda k: (
                f"manager id {mref[unknown[k]]} matches nobody; "
                f"{_person(k_ids[unknown[k]], k_names[unknown[k]])} is kept as the top of a "
                "separate tree"))
    selfref = np.flatnonzero(parent == np.arange(n))
    if len(selfref):
        probs.add_many("self_manager", k_lines[selfref], lambda k: (
            f"{_person(k_ids[selfref[k]], k_names[selfref[k]])} reports to themself; "
            "treated as the top of the tree"))
        parent[selfref] = -1

    # Reporting cycles: members left out, the people below them become tops of trees.
    depth, top = tree.climb(parent)
    stuck = np.flatnonzero(depth < 0)
    drop = np.zeros(n, dtype=bool)
    if len(stuck):
        for loop in tree.cycles(parent, stuck):
            chain = _chain_text([str(k_ids[i]) for i in loop])
            for i in loop:
                probs.add("cycle", int(k_lines[i]),
                          f"{_person(k_ids[i], k_names[i])} is in a reporting cycle ({chain}); "
                          "this row is left out")
                left_out.append((int(k_lines[i]), str(k_ids[i]), "in a reporting cycle"))
                drop[i] = True
    if drop.any():
        orphan = np.flatnonzero(~drop & (parent >= 0) & drop[np.maximum(parent, 0)])
        for i in orphan:
            probs.add("manager_left_out", int(k_lines[i]),
                      f"{_person(k_ids[i], k_names[i])} reports to id {k_ids[parent[i]]}, who was "
                      "left out (reporting cycle); kept as the top of a separate tree")
        parent[orphan] = -1
        remap = np.cumsum(~drop) - 1
        survivors = np.flatnonzero(~drop)
        parent = parent[survivors]
        parent = np.where(parent >= 0, remap[np.maximum(parent, 0)], -1)
        kept = kept[survivors]
        k_ids, k_names, k_lines = k_ids[survivors], k_names[survivors], k_lines[survivors]
        n = len(kept)
        depth, top = tree.climb(parent)

    # Several tops: the largest tree is the organisation.
    roots = np.flatnonzero(parent < 0)
    if len(roots) > 1:
        sizes = np.bincount(top, minlength=n)[roots]
        main = roots[int(np.argmax(sizes))]
        reported = {p.line for p in probs.items if p.kind in ("unknown_manager", "ambiguous_manager",
                                                             "manager_left_out", "self_manager")}
        extra = [r for r in roots if r != main and int(k_lines[r]) not in reported]
        main_who = _person(k_ids[main], k_names[main])
        size_of = dict(zip(roots.tolist(), sizes.tolist(), strict=True))
        for r in extra:
            probs.add("extra_root", int(k_lines[r]),
                      f"{_person(k_ids[r], k_names[r])} has no manager: a second top besides "
                      f"{main_who} ({table.unit} {k_lines[main]}); kept as the top of a separate "
                      f"tree of {size_of[r]:,} {'person' if size_of[r] == 1 else 'people'}")

    # Costs.
    cost = np.full(n, np.nan)
    cost_col = _column(table, mapping, "annual_cost")
    if cost_col is not None:
        raw_cost = cost_col[kept]
        cost, empty, bad = _numbers(raw_cost, _parse_money)
        rows = np.flatnonzero(empty)
        probs.add_many("cost_missing", k_lines[rows], lambda k: (
            f"annual cost missing for {_person(k_ids[rows[k]], k_names[rows[k]])}; the role's "
            "average cost is used"))
        rows_b = np.flatnonzero(bad)
        probs.add_many("cost_invalid", k_lines[rows_b], lambda k: (
            f'annual cost "{raw_cost[rows_b[k]]}" is not a number; the role\'s average cost is used'))
        neg = np.flatnonzero(cost < 0)
        probs.add_many("cost_negative", k_lines[neg], lambda k: (
            f"annual cost {cost[neg[k]]:g} is negative; the role's average cost is used"))
        cost[neg] = np.nan
    else:
        notes.append("no annual cost column: costs are 0 in the plan; fill them in per role")

    # FTE.
    fte = np.ones(n)
    fte_col = _column(table, mapping, "fte")
    if fte_col is not None:
        raw_fte = fte_col[kept]
        vals, empty, bad = _numbers(raw_fte, _parse_fte)
        ok = ~np.isnan(vals)
        # Percent when most values are (the median is above 1.5): one typo such as 50 in a
        # column of fractions must not turn everyone into 0.01 FTE; it is reported instead.
        if ok.any() and np.nanmedian(vals) > 1.5 and np.nanmax(vals) <= 100 and np.nanmin(vals) >= 0:
            vals = vals / 100
            notes.append(f'the "{mapping["fte"]}" column is read as percent (100 = full time)')
        rows_b = np.flatnonzero(bad)
        probs.add_many("fte_invalid", k_lines[rows_b], lambda k: (
            f'FTE "{raw_fte[rows_b[k]]}" is not a number; counted as 1 FTE'))
        out = np.flatnonzero(ok & ((vals <= 0) | (vals > 1 + 1e-9)))
        probs.add_many("fte_range", k_lines[out], lambda k: (
            f"FTE {vals[out[k]]:g} is outside 0 < FTE <= 1; counted as 1 FTE"))
        good = ok.copy()
        good[out] = False
        fte = np.where(good, vals, 1.0)

    def text_col(fieldname: str) -> np.ndarray:
        col = _column(table, mapping, fieldname)
        return _strip(col)[kept] if col is not None else np.full(n, "", dtype=object)

    order = {k: i for i, k in enumerate(_KIND_TEXT)}
    problems = sorted(probs.items, key=lambda p: (p.line or 0, order.get(p.kind, 99)))
    left_out.sort()
    return Roster(source=src, ids=k_ids, names=k_names, titles=text_col("job_title"),
                  teams=text_col("team"), parent=parent, cost=cost, fte=fte, lines=k_lines,
                  mapping=mapping, problems=problems, problem_counts=dict(probs.counts),
                  left_out=left_out, notes=notes, rows_read=n_rows, unit=table.unit,
                  has_cost=cost_col is not None)


def _who(name: str) -> str:
    return f" ({name})" if name else ""


def _person(ident: str, name: str) -> str:
    return f"{name} (id {ident})" if name else f"id {ident}"


def _parent_by_name(mref: np.ndarray, names: np.ndarray, lines: np.ndarray, probs: _Problems,
                    table: RawTable) -> np.ndarray:
    import pandas as pd

    n = len(names)
    key = pd.Series(names).str.casefold()
    counts = key[key != ""].value_counts()
    unique = counts[counts == 1].index
    first = pd.Series(np.arange(n), index=key)
    first = first[first.index.isin(unique)]
    ref = pd.Series(mref).str.casefold()
    parent = ref.map(first).fillna(-1).to_numpy(dtype=np.int64)
    parent[ref.to_numpy() == ""] = -1
    ambiguous = np.flatnonzero(ref.isin(counts[counts > 1].index).to_numpy())
    if len(ambiguous):
        where = key.reset_index(drop=True)
        probs.add_many("ambiguous_manager", lines[ambiguous], lambda k: (
            f'manager name "{mref[ambiguous[k]]}" matches {counts[ref.iat[ambiguous[k]]]} people '
            f"({table.unit}s {', '.join(str(lines[j]) for j in np.flatnonzero((where == ref.iat[ambiguous[k]]).to_numpy())[:5])}); "
            f"{names[ambiguous[k]] or 'this person'} is kept as the top of a separate tree "
            "(add a manager id column to tell them apart)"))
    unknown = np.flatnonzero((parent < 0) & (ref.to_numpy() != "") & ~ref.isin(counts[counts > 1].index).to_numpy())
    if len(unknown):
        probs.add_many("unknown_manager", lines[unknown], lambda k: (
            f'manager "{mref[unknown[k]]}" matches nobody by name; '
            f"{names[unknown[k]] or 'this person'} is kept as the top of a separate tree"))
    return parent


def _chain_text(ids: list[str], *, most: int = 10) -> str:
    """``a -> b -> c -> a``; a long cycle shows its ends and its length, not 50,000 ids."""
    if len(ids) <= most:
        return " -> ".join([*ids, ids[0]])
    shown = [*ids[: most - 2], "...", ids[-1], ids[0]]
    return " -> ".join(shown) + f", {len(ids):,} people"
