"""packaging/make_icons.py: every icon size drawn from the one SVG, and the .ico/.icns."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "packaging" / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pngs_at_every_size_show_the_icon(make_icons, tmp_path, qapp):
    from PySide6.QtGui import QImage

    paths = make_icons.make_icons(tmp_path)
    assert [p.name for p in paths][:8] == [f"orgplanner-{n}.png" for n in
                                           (16, 24, 32, 48, 64, 128, 256, 512)]
    for n in (16, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(tmp_path / f"orgplanner-{n}.png"))
        assert (image.width(), image.height()) == (n, n)
        assert image.hasAlphaChannel()
        assert image.pixelColor(0, 0).alpha() == 0              # transparent corner
        tile = image.pixelColor(n * 3 // 32, n // 2)     # the blue tile, left of the people
        assert tile.alpha() == 255 and tile.blue() > 2 * tile.red()


def test_windows_ico_and_macos_icns_hold_each_size(make_icons, tmp_path, qapp):
    from PySide6.QtGui import QImageReader

    make_icons.make_icons(tmp_path)
    for name, sizes in (("orgplanner.ico", [16, 24, 32, 48, 64, 128, 256]),
                        ("orgplanner.icns", [32, 64, 128, 256, 256, 512, 512, 1024])):
        reader = QImageReader(str(tmp_path / name))
        assert reader.canRead(), name
        found = []
        for i in range(reader.imageCount()):
            assert reader.jumpToImage(i)
            image = reader.read()
            assert not image.isNull(), (name, i)
            found.append(image.width())
        assert sorted(found) == sizes, name


def test_icons_are_redrawn_only_when_the_svg_changes(make_icons, tmp_path, qapp):
    import os
    import shutil

    svg = tmp_path / "icon.svg"
    shutil.copy(make_icons.SOURCE, svg)
    out = tmp_path / "icons"
    png = out / "orgplanner-16.png"
    make_icons.make_icons(out, svg=svg)
    os.utime(png, (1, 1))
    os.utime(svg, (0, 0))
    make_icons.make_icons(out, svg=svg)              # up to date: untouched
    assert png.stat().st_mtime == 1
    os.utime(svg, None)
    make_icons.make_icons(out, svg=svg)              # the SVG is newer: redrawn
    assert png.stat().st_mtime > 1
