"""Recalculate workbooks in LibreOffice (headless) for the Excel export tests.

LibreOffice keeps the results stored in an .xlsx unless its profile says to
recalculate on load, so each run uses a fresh profile that says "always".
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """The soffice binary; skip without it locally, fail in CI (where it must be installed)."""
    exe = soffice()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI to recalculate the workbooks")
        pytest.skip("LibreOffice (soffice) is not installed")
    return exe


def _profile(root: Path) -> Path:
    profile = root / "lo-profile"
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    return profile


def convert(files: list[Path], out_dir: Path, *, to: str = "xlsx", work: Path | None = None,
            timeout: float = 240) -> list[Path]:
    """Open ``files`` in LibreOffice, recalculate and save them to ``out_dir`` as ``to``."""
    exe = require_soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = _profile(work or out_dir.parent)
    cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--convert-to", to, "--outdir", str(out_dir), *map(str, files)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "HOME": str(profile)})
    ext = to.split(":")[0]
    outs = [out_dir / (Path(f).stem + "." + ext) for f in files]
    missing = [o for o in outs if not o.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not convert {missing}: {proc.stdout} {proc.stderr}")
    return outs
