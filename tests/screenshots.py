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


def crops(
    png: bytes, boxes: list[tuple[float, float, float, float]], padding: int = 8
) -> list[bytes]:
    """The parts of a page picture inside ``boxes`` (left, top, width, height, in page pixels),
    each with a margin, as PNG."""
    pieces = []
    with Image.open(io.BytesIO(png)) as picture:
        picture.load()
        for left, top, width, height in boxes:
            area = (
                max(0, round(left) - padding),
                max(0, round(top) - padding),
                min(picture.width, round(left + width) + padding),
                min(picture.height, round(top + height) + padding),
            )
            out = io.BytesIO()
            picture.crop(area).save(out, format="PNG")
            pieces.append(out.getvalue())
    return pieces
