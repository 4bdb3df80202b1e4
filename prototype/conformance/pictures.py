"""The gallery's pictures of each state: their file names, and which of them a folder holds.

The conformance run takes them (``tests/conformance/test_evidence.py``) into
:data:`~prototype.conformance.report.SCREENSHOTS_DIR`: the Plan & Billing page at desktop width
(``<state>.png``) and at phone width (``<state>--phone.png``), and each of its dialogs open
(``<state>--dialog-<dialog id>.png``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Viewport:
    """A window's size in CSS pixels."""

    width: int
    height: int


DESKTOP = Viewport(1280, 800)
"""The desktop window the pictures are taken in."""
PHONE = Viewport(390, 844)
"""The phone window the pictures are taken in."""
_PHONE_SUFFIX = "--phone"
_DIALOG_INFIX = "--dialog-"


def desktop_name(state_id: str) -> str:
    """The desktop picture's file name."""
    return f"{state_id}.png"


def phone_name(state_id: str) -> str:
    """The phone picture's file name."""
    return f"{state_id}{_PHONE_SUFFIX}.png"


def dialog_name(state_id: str, dialog_id: str) -> str:
    """The file name of a picture with the dialog ``dialog_id`` open."""
    return f"{state_id}{_DIALOG_INFIX}{dialog_id}.png"


def dialog_label(dialog_id: str) -> str:
    """How the gallery names a dialog: ``payment-method`` → ``Payment method``."""
    return dialog_id.replace("-", " ").capitalize()


@dataclass(frozen=True)
class StatePictures:
    """The file names of one state's pictures that exist."""

    desktop: str | None = None
    phone: str | None = None
    dialogs: dict[str, str] = field(default_factory=dict)
    """Dialog id → file name, by dialog id."""

    def __bool__(self) -> bool:
        return bool(self.desktop or self.phone or self.dialogs)


def pictures_of(state_id: str, names: Iterable[str]) -> StatePictures:
    """Which of a state's pictures are among the file ``names``."""
    present = set(names)
    prefix = f"{state_id}{_DIALOG_INFIX}"
    dialogs = {
        name.removeprefix(prefix).removesuffix(".png"): name
        for name in sorted(present)
        if name.startswith(prefix) and name.endswith(".png")
    }
    return StatePictures(
        desktop=desktop_name(state_id) if desktop_name(state_id) in present else None,
        phone=phone_name(state_id) if phone_name(state_id) in present else None,
        dialogs=dialogs,
    )


def gallery_pictures(folder: Path, state_ids: Iterable[str]) -> dict[str, StatePictures]:
    """Each state's pictures in ``folder``."""
    names = [path.name for path in folder.glob("*.png")]
    return {state_id: pictures_of(state_id, names) for state_id in state_ids}
