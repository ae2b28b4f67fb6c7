"""The leadership brief: a one- or two-page PDF whose text holds the engine's figures, the
scenarios and the four bets, with charts that print."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "risk"))
from risk_plans import risky_data  # noqa: E402

from planner.formatting import money, percent, ratio, smart  # noqa: E402
from planner.launch import main as launch_main  # noqa: E402
from planner.risk import analyse, compare  # noqa: E402
from planner.risk.words import bet_label, break_even_sentences  # noqa: E402

POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo") and shutil.which("pdftoppm")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils is not installed")


@pytest.fixture(scope="module")
def brief(tmp_path_factory, qapp):
    # qapp first: the command makes a bare QGuiApplication when none exists, and a later
    # test in the same process could then not make widgets
    data = risky_data()
    folder = tmp_path_factory.mktemp("brief")
    plan = folder / "risky.orgplan.json"
    plan.write_text(json.dumps(data), encoding="utf-8")
    pdf = folder / "brief.pdf"
    assert launch_main(["brief", str(plan), "-o", str(pdf), "--draws", "500", "--quiet"]) == 0
    return data, pdf


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return " ".join(out.split())


@needs_poppler
def test_the_brief_is_a_pdf_of_one_or_two_landscape_pages(brief):
    _, pdf = brief
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    assert 1 <= pages <= 2
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    w, h = (float(x) for x in size.split(":")[1].split("pts")[0].split(" x "))
    assert w > h                                           # landscape


@needs_poppler
def test_its_text_holds_the_engines_figures_the_scenarios_and_the_bets(brief):
    data, pdf = brief
    text = _text(pdf)
    rows = compare(data)
    s = rows[0].summary
    cur = s["currency"]
    for figure in (f"{smart(s['baseline']['headcount'])} → {smart(s['final']['headcount'])}",
                   ratio(s["compression_ratio"]),
                   money(s["npv_net_cash"], cur, short=True, sign=True),
                   money(s["cumulative_savings_from_ai"], cur, short=True),
                   money(s["cumulative_savings_from_structure"], cur, short=True),
                   money(s["final"]["compute_per_month"], cur, short=True),
                   percent(s["final"]["compute_to_payroll"], 1),
                   f"month {s['payback_month']}"):
        assert figure in text, figure
    for r in rows:
        assert r.name in text or r.name[:12] in text, r.name
    report = analyse(data, draws=500)
    for row in report.bets:
        assert bet_label(row["bet"], report.stress) in text, row["bet"]
        assert money(row["npv_net_cash"], cur, short=True) in text
    for sentence in break_even_sentences(report.break_even):
        assert sentence in text
    npv = report.monte_carlo.percentiles()["npv_net_cash"]
    assert f"NPV {money(npv['p10'], cur, short=True)} (P10)" in text
    assert "500 draws, seed 1" in text
    assert "docs/model.md" in text


@needs_poppler
def test_the_charts_print(brief, tmp_path):
    _, pdf = brief
    subprocess.run(["pdftoppm", "-r", "60", "-gray", "-png", str(pdf), str(tmp_path / "p")],
                   check=True)
    from PySide6.QtGui import QImage

    img = QImage(str(next(tmp_path.glob("p*.png"))))
    assert not img.isNull()
    w, h = img.width(), img.height()
    # the chart band: below the tiles, above the tables (both halves of the page)
    for x0, x1 in ((0.04, 0.48), (0.52, 0.96)):
        values = np.array([[img.pixelColor(int(w * (x0 + (x1 - x0) * i / 60)),
                                           int(h * (0.25 + 0.25 * j / 30))).value()
                            for i in range(60)] for j in range(30)])
        assert (values < 200).mean() > 0.01, "a chart is blank"


def test_a_brief_that_cannot_be_written_says_why_and_leaves_nothing(tmp_path, capsys):
    plan = tmp_path / "risky.orgplan.json"
    plan.write_text(json.dumps(risky_data()), encoding="utf-8")
    out = tmp_path / "missing" / "brief.pdf"
    assert launch_main(["brief", str(plan), "-o", str(out), "--draws", "10"]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not out.parent.exists()
    assert launch_main(["brief", str(plan), "-o", str(tmp_path / "b.txt")]) == 1
    assert ".pdf" in capsys.readouterr().err


def test_the_command_needs_no_display(tmp_path):
    import os

    plan = tmp_path / "risky.orgplan.json"
    plan.write_text(json.dumps(risky_data()), encoding="utf-8")
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-m", "planner", "brief", str(plan), "-o",
                           str(tmp_path / "b.pdf"), "--draws", "50"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "b.pdf").stat().st_size > 10_000
    assert "Wrote" in proc.stdout


def _assert_tile_words_inside_their_tiles(pdf: Path) -> None:
    """Every word in the band of tiles lies within one tile (a detail too long for a Letter
    page's narrower tile ran under the next tile, cut)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    width = float(size.split(":")[1].split("x")[0])
    mm = 72 / 25.4
    margin, top = 11 * mm, 26 * mm
    tile = (width - 2 * margin) / 8
    for page, word, x0, y0, x1, y1 in _words(pdf):
        if page or not (top < y0 and y1 < top + 17 * mm):
            continue
        i = int((x0 - margin) // tile)
        left, right = margin + i * tile, margin + (i + 1) * tile
        assert left <= x0 and x1 <= right - 0.5 * mm, (word, x0, x1, left, right)


def _words(pdf: Path) -> list[tuple[int, str, float, float, float, float]]:
    """Every word with its page and box (points), from poppler's -bbox output."""
    import re

    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    pat = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                     r"(.*?)</word>")
    return [(page, m[5], float(m[1]), float(m[2]), float(m[3]), float(m[4]))
            for page, text in enumerate(out.split("<page ")[1:])
            for m in pat.finditer(text)]


@needs_poppler
@pytest.mark.parametrize("which", ["risky", "northwind", "northwind-letter", "bets-letter"])
def test_no_two_words_on_the_page_overlap(brief, tmp_path, which, monkeypatch):
    """Columns wide enough for their cells ("month 8, then below 0" once ran into the NPV
    beside it), tile details inside their tiles on Letter's narrower page too, and legends
    clear of each other."""
    from PySide6.QtGui import QPageSize

    from planner.ui.brief import render

    pdf = brief[1]
    if which != "risky":
        if which.endswith("letter"):
            monkeypatch.setattr(render, "page_size",
                                lambda: QPageSize(QPageSize.PageSizeId.Letter))
        pdf = tmp_path / "nw.pdf"
        example = Path(__file__).resolve().parents[2] / "resources" / "examples" / \
            "northwind.orgplan.json"
        scenario = ["--scenario", "bets-fail"] if which.startswith("bets") else []
        assert launch_main(["brief", str(example), "-o", str(pdf), "--draws", "300",
                            "--quiet", *scenario]) == 0
        if which.endswith("letter"):
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            assert "letter" in info
        _assert_tile_words_inside_their_tiles(pdf)
    words = _words(pdf)
    assert len(words) > 150
    clashes = []
    for i, (pa, a, ax0, ay0, ax1, ay1) in enumerate(words):
        for pb, b, bx0, by0, bx1, by1 in words[i + 1:]:
            if pa != pb:
                continue
            dy = min(ay1, by1) - max(ay0, by0)
            dx = min(ax1, bx1) - max(ax0, bx0)
            if dy > 0.5 * min(ay1 - ay0, by1 - by0) and dx > 0.3:
                clashes.append((a, b))
    assert not clashes, clashes[:5]


def test_the_value_axis_reaches_above_the_highest_value():
    from planner.ui.brief.render import _nice_ticks

    for lo, hi in ((400, 486), (0, 15.3e6), (-5e6, 15e6), (430, 431), (0.1, 0.95)):
        ticks = _nice_ticks(lo, hi)
        assert ticks[0] <= lo and ticks[-1] >= hi - 1e-9 * abs(hi), (lo, hi, ticks)
        assert len(ticks) <= 7


@needs_poppler
def test_the_npv_names_its_rate_and_the_plan_is_placed_among_the_draws(brief):
    data, pdf = brief
    text = _text(pdf)
    rate = data["settings"].get("discount_rate_per_year", 0.0)
    assert f"at {percent(rate, 1).replace('.0%', '%')} a year" in text
    assert "The plan as written (" in text and "of draws come out lower" in text
    s = compare(data)[0].summary
    assert f"month {s['horizon_months']}: {percent(s['final']['compute_to_payroll'], 1)} of payroll" in text
