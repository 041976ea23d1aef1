"""SVG to PNG with librsvg's ``rsvg-convert`` (Debian package librsvg2-bin).

librsvg is the SVG renderer of the GNOME stack: offline, a 5 MB package, and it finds fonts
through fontconfig exactly as browsers on the same machine do, so Hangul set in the charts'
font stack (Noto Sans CJK KR, package fonts-noto-cjk) renders with real glyphs. cairosvg
would add a Python dependency whose text layout has no per-glyph font fallback; headless
Chromium is a 300 MB dependency for a job librsvg does in milliseconds.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..atomic import write_atomic
from ..errors import KwpldError

__all__ = ["RenderError", "render_png", "write_atomic", "RSVG", "RSVG_PACKAGE"]

RSVG = "rsvg-convert"
RSVG_PACKAGE = "librsvg2-bin"


class RenderError(KwpldError):
    """A chart could not be rendered as PNG (renderer missing or failing)."""

    exit_code = 1


def render_png(svg: str, path: str | Path, *, scale: float = 2.0) -> Path:
    """Render SVG text to a PNG file at ``scale`` times its size (2: sharp on HiDPI screens)."""
    if not 0.1 <= scale <= 10:
        raise RenderError(f"--scale {scale}: use a zoom factor between 0.1 and 10")
    tool = shutil.which(RSVG)
    if tool is None:
        raise RenderError(
            f"PNG output needs {RSVG}; install the Debian package {RSVG_PACKAGE} "
            f"(apt-get install {RSVG_PACKAGE}) or write SVG instead"
        )
    try:
        done = subprocess.run(
            [tool, "--format", "png", "--zoom", f"{scale:g}", "--background-color", "white"],
            input=svg.encode("utf-8"),
            capture_output=True,
            check=False,
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RenderError(f"{RSVG} failed: {exc}") from None
    if done.returncode != 0 or not done.stdout.startswith(b"\x89PNG"):
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
        raise RenderError(f"{RSVG} could not render the chart: {message}")
    return write_atomic(path, done.stdout)
