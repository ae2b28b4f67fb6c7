"""The installed Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 on Python 3.11 drops a reference to None/True/False on every void call or
signal emit, and the app aborts after a few thousand of them; pyproject.toml excludes it.
This test fails loudly if such a build is ever installed again.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
class Probe(QObject):
    ping = Signal()
    value = Signal(object)
probe, label = Probe(), QLabel()
before = [sys.getrefcount(x) for x in (None, True, False)]
for _ in range(20000):
    probe.ping.emit(); probe.value.emit(None)
    label.setMinimumWidth(10); label.setText("x"); label.setVisible(False); label.isVisible()
    app.processEvents()
after = [sys.getrefcount(x) for x in (None, True, False)]
print(*[a - b for a, b in zip(after, before)])
"""


def test_twenty_thousand_qt_calls_do_not_corrupt_refcounts():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    drift = [abs(int(x)) for x in proc.stdout.split()]
    if sys.version_info < (3, 12):          # 3.12+: the singletons are immortal, counts are fixed
        assert max(drift) < 100, f"reference counts drifted by {drift}"
