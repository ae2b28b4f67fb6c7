"""The Linux desktop entry, the *.orgplan.json file type and install-desktop.sh."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_entry_is_valid():
    proc = subprocess.run(["desktop-file-validate", str(PACKAGING / "orgplanner.desktop")],
                          capture_output=True, text=True)
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout


def test_desktop_entry_opens_plans_only_and_the_mime_type_names_them():
    entry = (PACKAGING / "orgplanner.desktop").read_text("utf-8")
    assert "\nMimeType=application/x-orgplanner+json;\n" in entry
    assert "\nExec=orgplanner %f\n" in entry and "\nIcon=orgplanner\n" in entry
    xml = (PACKAGING / "orgplanner-mime.xml").read_text("utf-8")
    for part in ('type="application/x-orgplanner+json"', '<glob pattern="*.orgplan.json"/>',
                 '<sub-class-of type="application/json"/>', '<icon name="orgplanner"/>'):
        assert part in xml


@pytest.fixture
def icons(tmp_path, qapp):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_icons", PACKAGING / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = tmp_path / "bundle" / "linux"
    module.make_icons(folder / "icons")
    for name in ("install-desktop.sh", "orgplanner.desktop", "orgplanner-mime.xml"):
        shutil.copy(PACKAGING / name, folder / name)
    shutil.copy(module.SOURCE, folder / "icons")  # as packaging/orgplanner.spec lays it out
    return folder


def _install(folder: Path, data: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, XDG_DATA_HOME=str(data))
    return subprocess.run(["sh", str(folder / "install-desktop.sh"), *args], env=env,
                          capture_output=True, text=True, timeout=60)


def test_install_from_a_bundle_and_uninstall(icons, tmp_path):
    """As from dist/orgplanner/linux/: the program is the bundle's, even in an odd folder."""
    program = icons.parent / "orgplanner"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    odd = tmp_path / "my apps & 100%"
    shutil.move(str(icons.parent), odd)
    data = tmp_path / "share"
    proc = _install(odd / "linux", data)
    assert proc.returncode == 0, proc.stderr
    entry = (data / "applications" / "orgplanner.desktop").read_text("utf-8")
    assert f'\nExec="{tmp_path}/my apps & 100%%/orgplanner" %f\n' in entry
    assert f"\nTryExec={tmp_path}/my apps & 100%/orgplanner\n" in entry
    for n in SIZES:
        assert (data / f"icons/hicolor/{n}x{n}/apps/orgplanner.png").is_file()
    assert (data / "icons/hicolor/scalable/apps/orgplanner.svg").is_file()
    assert (data / "mime/packages/orgplanner-mime.xml").is_file()
    assert not (data / "icons/hicolor/icon-theme.cache").exists()   # never a new stale cache
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(data / "applications" /
                                                              "orgplanner.desktop")],
                               capture_output=True, text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout
    if shutil.which("update-mime-database"):
        # what a file manager asks: the type of a plan file, from the user's MIME database
        probe = ("from PySide6.QtCore import QMimeDatabase as D\n"
                 "t = D().mimeTypeForFile('a.orgplan.json', D.MatchMode.MatchExtension)\n"
                 "print(t.name(), t.inherits('application/json'), t.iconName())\n")
        seen = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                              env=dict(os.environ, XDG_DATA_HOME=str(data)), timeout=60)
        assert seen.stdout.split() == ["application/x-orgplanner+json", "True", "orgplanner"]

    proc = _install(odd / "linux", data, "--uninstall")
    assert proc.returncode == 0, proc.stderr
    assert not [p for p in data.rglob("*orgplanner*")]


def test_without_a_program_it_says_how_to_get_one(icons, tmp_path):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "share"), PATH="/usr/bin:/bin")
    proc = subprocess.run(["sh", str(icons / "install-desktop.sh")], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "no OrgPlanner program found" in proc.stderr and "--exec PROGRAM" in proc.stderr
