"""Which column of a roster holds which field: a guess from the headers, corrected by the user.

Headers are compared normalised (lower case, letters and digits only), so "Manager_ID",
"Manager ID" and "managerId" are the same. An exact synonym wins over a partial match, and
a column is used for one field only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

# The fields a roster can map, in the order they are shown to the user.
FIELDS: tuple[str, ...] = (
    "employee_id", "name", "manager_id", "manager_name", "team", "job_title", "annual_cost", "fte",
)

FIELD_LABELS: dict[str, str] = {
    "employee_id": "Employee id",
    "name": "Name",
    "manager_id": "Manager id",
    "manager_name": "Manager name",
    "team": "Department / team",
    "job_title": "Job title",
    "annual_cost": "Annual cost",
    "fte": "FTE",
}

# Exact synonyms (normalised). Order within a field: the most specific first.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "employee_id": (
        "employeeid", "employeenumber", "employeeno", "employeenum", "employeecode", "empid",
        "empno", "empnumber", "workerid", "workernumber", "personid", "personnumber", "staffid",
        "staffnumber", "associateid", "userid", "badgeid", "badgenumber", "businessentityid",
        "employeekey", "id", "eid",
    ),
    "name": (
        "name", "fullname", "employeename", "employeefullname", "workername", "displayname",
        "preferredname", "legalname", "personname", "staffname", "employee", "worker",
    ),
    "manager_id": (
        "managerid", "supervisorid", "reportstoid", "managerempid", "manageremployeeid",
        "manageremployeenumber", "managernumber", "managerno", "supervisornumber",
        "supervisoremployeeid", "linemanagerid", "reportingmanagerid", "directmanagerid",
        "managerworkerid", "parentid", "parentemployeeid", "parentemployeekey", "bossid",
        "reportsto", "managerkey",
    ),
    "manager_name": (
        "managername", "supervisorname", "reportstoname", "linemanagername", "managerfullname",
        "reportingmanagername", "manager", "supervisor", "linemanager", "reportingmanager",
        "directmanager", "boss",
    ),
    "team": (
        "department", "dept", "departmentname", "deptname", "team", "teamname", "division",
        "unit", "orgunit", "organisationunit", "organizationunit", "businessunit",
        "supervisoryorganization", "supervisoryorganisation", "group", "function", "costcenter",
        "costcentre",
    ),
    "job_title": (
        "jobtitle", "title", "position", "positiontitle", "businesstitle", "job", "jobname",
        "role", "jobrole", "designation", "jobprofile", "positionname",
    ),
    "annual_cost": (
        "annualcost", "annualsalary", "salary", "basepay", "basesalary", "annualbasesalary",
        "annualbasepay", "cost", "totalcost", "fullyloadedcost", "loadedcost", "annualpay",
        "compensation", "totalcompensation", "annualcompensation", "pay", "totalpay",
    ),
    "fte": (
        "fte", "ftevalue", "ftepercent", "fulltimeequivalent", "ftepct", "fteratio",
    ),
}

# Partial matches (every word must appear in the normalised header), tried after exact ones.
_PARTIAL: dict[str, tuple[tuple[str, ...], ...]] = {
    "manager_id": (("manager", "id"), ("supervisor", "id"), ("manager", "number"),
                   ("reports", "to")),
    "employee_id": (("employee", "id"), ("employee", "number"), ("worker", "id"),
                    ("staff", "id")),
    "manager_name": (("manager", "name"), ("supervisor", "name"), ("manager",), ("supervisor",)),
    "name": (("name",),),
    "team": (("department",), ("dept",), ("team",)),
    "job_title": (("title",), ("position",)),
    "annual_cost": (("salary",), ("cost",), ("pay",)),
    "fte": (("fte",),),
}


def normalise(header: object) -> str:
    """A header reduced to lower-case letters and digits ("Manager_ID " -> "managerid")."""
    return re.sub(r"[^0-9a-z]", "", str(header).lower())


def guess_mapping(columns: Sequence[str]) -> dict[str, str]:
    """field -> column for every field whose column can be told from the headers."""
    norm = [normalise(c) for c in columns]
    used: set[int] = set()
    out: dict[str, str] = {}
    for field in FIELDS:
        for syn in _SYNONYMS[field]:
            hit = next((i for i, n in enumerate(norm) if n == syn and i not in used), None)
            if hit is not None:
                out[field] = columns[hit]
                used.add(hit)
                break
    for field, partials in _PARTIAL.items():  # most specific first: "manager name" before "name"
        if field in out:
            continue
        for words in partials:
            hit = next((i for i, n in enumerate(norm)
                        if i not in used and n and all(w in n for w in words)), None)
            if hit is not None:
                out[field] = columns[hit]
                used.add(hit)
                break
    # "Reports To" alone is a manager id column by guess; the reader checks its content.
    return out


def known_header_count(cells: Iterable[object]) -> int:
    """How many cells look like a roster header (to find the header row below title rows)."""
    known = {s for syns in _SYNONYMS.values() for s in syns}
    return sum(1 for c in cells if normalise(c) in known)


def parse_map_options(items: Iterable[str]) -> dict[str, str | None]:
    """``["manager_id=Boss ID", "fte="]`` -> ``{"manager_id": "Boss ID", "fte": None}``."""
    out: dict[str, str | None] = {}
    for item in items:
        field, sep, column = item.partition("=")
        field = field.strip().lower().replace("-", "_")
        if not sep or field not in FIELDS:
            raise ValueError(
                f'--map "{item}": write FIELD=COLUMN with FIELD one of {", ".join(FIELDS)}')
        out[field] = column.strip() or None
    return out


def apply_overrides(columns: Sequence[str], guess: Mapping[str, str],
                    overrides: Mapping[str, str | None], *, source: str) -> dict[str, str]:
    """The guess corrected by the user's choices; a column named by the user must exist."""
    by_exact = {str(c): str(c) for c in columns}
    by_norm: dict[str, str] = {}
    for c in columns:
        by_norm.setdefault(normalise(c), str(c))
    out = dict(guess)
    for field, column in overrides.items():
        if column is None:
            out.pop(field, None)
            continue
        found = by_exact.get(column) or by_norm.get(normalise(column))
        if found is None:
            shown = ", ".join(f'"{c}"' for c in columns)
            raise ValueError(f'{source}: no column "{column}" for {field}; the columns are {shown}')
        # A column chosen explicitly is no longer used by a guessed field.
        for other, col in list(out.items()):
            if col == found and other != field and other not in overrides:
                del out[other]
        out[field] = found
    return out
