"""The core (model, engine, io, cli) runs with Qt unavailable: it proves the app is optional."""

from __future__ import annotations

import subprocess
import sys

from conftest import EXAMPLE, ROOT

BLOCK_QT = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'):
            raise ImportError('Qt is blocked in this test: ' + name)
sys.meta_path.insert(0, Block())
import planner.model, planner.engine, planner.io.planfile, planner.cli
from planner.cli import main
rc = main(['summary', sys.argv[1], '--json'])
assert not any(m.split('.')[0] in ('PySide6', 'pyqtgraph') for m in sys.modules)
raise SystemExit(rc)
"""


def test_core_runs_with_qt_blocked():
    proc = subprocess.run([sys.executable, "-c", BLOCK_QT, str(EXAMPLE)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert '"payback_month": 7' in proc.stdout


def test_import_contract_is_declared():
    text = (ROOT / "pyproject.toml").read_text()
    assert 'forbidden_modules = ["PySide6", "pyqtgraph", "planner.ui"]' in text
    for module in ("planner.model", "planner.engine", "planner.io", "planner.cli"):
        assert f'"{module}"' in text


def test_lint_imports_passes():
    exe = ROOT / ".venv" / "bin" / "lint-imports"
    if not exe.exists():
        import shutil
        exe = shutil.which("lint-imports")
    proc = subprocess.run([str(exe)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 kept, 0 broken" in proc.stdout
