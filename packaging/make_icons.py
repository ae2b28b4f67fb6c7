"""Render the app icon from its one source image, resources/icons/orgplanner.svg.

    python packaging/make_icons.py [OUT_DIR]        (default: build/icons)

writes ``orgplanner-N.png`` for N in 16, 24, 32, 48, 64, 128, 256, 512 (the hicolor sizes
that install-desktop.sh installs), ``orgplanner.ico`` (Windows: the exe icon) and
``orgplanner.icns`` (macOS: the .app icon). Each size is drawn from the SVG by Qt's SVG
renderer, not scaled down from a big bitmap, so small sizes stay sharp.

Both containers hold PNG images, which Windows (Vista and later) and macOS (10.7 and later)
read; writing them here needs no Pillow. The outputs are build products: they are
regenerated when the SVG is newer, and never committed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "orgplanner.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico entry can say
# Apple's PNG icon types and their pixel sizes (the @2x types are the Retina ones).
ICNS_TYPES = ((b"ic11", 32), (b"ic12", 64), (b"ic07", 128), (b"ic13", 256), (b"ic08", 256),
              (b"ic14", 512), (b"ic09", 512), (b"ic10", 1024))


def _gui() -> None:
    """A Qt GUI application (offscreen without a display): QPainter needs one."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) \
                and sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _gui.app = QGuiApplication([])  # type: ignore[attr-defined]  # kept alive


def render_png(size: int, svg: Path = SOURCE) -> bytes:
    """The SVG drawn on a transparent ``size`` x ``size`` image, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _gui()
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not an SVG image Qt can read")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):
        raise SystemExit("make_icons: Qt could not encode a PNG")
    buf.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding the given square PNGs (ICONDIR, one entry each, the images)."""
    sizes = sorted(pngs)
    head = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(head) + 16 * len(sizes)
    entries, images = b"", b""
    for n in sizes:
        png = pngs[n]
        byte = 0 if n >= 256 else n  # 0 means 256
        entries += struct.pack("<BBBBHHII", byte, byte, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return head + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns: the 'icns' header, then one (type, length, PNG) element per type."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[n])) + pngs[n] for kind, n in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def outputs(out: Path) -> list[Path]:
    return [*(out / f"orgplanner-{n}.png" for n in PNG_SIZES),
            out / "orgplanner.ico", out / "orgplanner.icns"]


def make_icons(out: Path, *, svg: Path = SOURCE, force: bool = False) -> list[Path]:
    """Write the icons into ``out`` unless they are newer than ``svg``; returns their paths."""
    paths = outputs(out)
    if not force and all(p.is_file() and p.stat().st_mtime >= svg.stat().st_mtime
                         for p in paths):
        return paths
    out.mkdir(parents=True, exist_ok=True)
    pngs = {n: render_png(n, svg) for n in sorted({*PNG_SIZES, *ICO_SIZES,
                                                    *(n for _, n in ICNS_TYPES)})}
    for n in PNG_SIZES:
        (out / f"orgplanner-{n}.png").write_bytes(pngs[n])
    (out / "orgplanner.ico").write_bytes(ico_bytes({n: pngs[n] for n in ICO_SIZES}))
    (out / "orgplanner.icns").write_bytes(icns_bytes(pngs))
    return paths


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="make_icons.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "build" / "icons")
    parser.add_argument("--force", action="store_true", help="redraw even when up to date")
    args = parser.parse_args(argv)
    paths = make_icons(args.out, force=args.force)
    print(f"make_icons: {len(paths)} icons in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
