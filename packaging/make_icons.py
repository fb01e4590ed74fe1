"""Render the application icon (resources/icons/app.svg) into the icon set under packaging/icons.

Run it after changing the SVG, and commit what it writes:

    .venv/bin/python packaging/make_icons.py

It writes a freedesktop ``hicolor`` tree (``scalable/apps/press-reader.svg`` and
``NxN/apps/press-reader.png`` for every size in SIZES), a Windows ``press-reader.ico`` and a
macOS ``press-reader.icns``, all drawn by Qt's SVG renderer (PySide6.QtSvg), so that no other
image tool is needed.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "app.svg"
OUT = ROOT / "packaging" / "icons"
NAME = "press-reader"

#: The PNG sizes of the hicolor tree (freedesktop's usual ones, 16 to 512).
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: Windows shows 16 to 256 pixels; the 256 one is used for large views.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: macOS icon types holding PNG data, with their pixel size (the @2x ones reuse larger PNGs).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent square of ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs ask for bytes, but the binding only accepts a str here (PySide6 6.11).
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise SystemExit(f"make_icons: cannot encode a {size} px PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon file holding PNG images (supported since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        # Width and height are one byte each; 0 means 256.
        entries += struct.pack(
            "<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset + len(images)
        )
        images += data
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon file holding PNG images (supported since OS X 10.7)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - kept alive
    pngs = {size: render_png(SOURCE, size) for size in sorted({*SIZES, *ICO_SIZES})}

    hicolor = OUT / "hicolor"
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable / f"{NAME}.svg")
    for size in SIZES:
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{NAME}.png").write_bytes(pngs[size])
    (OUT / f"{NAME}.ico").write_bytes(ico({size: pngs[size] for size in ICO_SIZES}))
    (OUT / f"{NAME}.icns").write_bytes(icns(pngs))
    print(f"make_icons: wrote {len(SIZES)} PNGs, the SVG, .ico and .icns under {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
