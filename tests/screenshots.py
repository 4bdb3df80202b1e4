"""Screenshots written only when their pixels change, so unchanged pictures stay untouched."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image


def same_pixels(png: bytes, path: Path) -> bool:
    """Whether ``path`` holds a picture with exactly the pixels of ``png``."""
    if not path.exists():
        return False
    if path.read_bytes() == png:
        return True
    with Image.open(io.BytesIO(png)) as new, Image.open(path) as old:
        return (
            new.size == old.size and new.convert("RGBA").tobytes() == old.convert("RGBA").tobytes()
        )


def save_if_changed(png: bytes, path: Path) -> bool:
    """Write ``png`` to ``path`` unless it already shows the same pixels; ``True`` if written."""
    if same_pixels(png, path):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)
    return True


def crop(png: bytes, box: tuple[float, float, float, float], padding: int = 8) -> bytes:
    """The part of a page picture inside ``box`` (left, top, width, height, in page pixels),
    with a margin, as PNG."""
    left, top, width, height = box
    with Image.open(io.BytesIO(png)) as picture:
        area = (
            max(0, round(left) - padding),
            max(0, round(top) - padding),
            min(picture.width, round(left + width) + padding),
            min(picture.height, round(top + height) + padding),
        )
        out = io.BytesIO()
        picture.crop(area).save(out, format="PNG")
    return out.getvalue()
