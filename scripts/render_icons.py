"""Render assets/voiceprep.svg to the PNG sizes desktops want (run after editing the SVG; PNGs are committed).

Uses Qt's own SVG renderer (PySide6, already a dependency), so no extra tool is needed:
    .venv/bin/python scripts/render_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "assets"
sys.path.insert(0, str(ROOT))
from voiceprep.paths import ICON_SIZES  # noqa: E402


def render(svg: Path, out_dir: Path, sizes=ICON_SIZES) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"voiceprep-{size}.png"
        if not image.save(str(path)):
            raise SystemExit(f"{path}: could not write")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in render(ASSETS / "voiceprep.svg", ASSETS / "icons"):
        print(p.relative_to(ASSETS.parent))
