"""The gallery's pictures of each state: their names, and which of them a folder holds."""

from __future__ import annotations

from pathlib import Path

from prototype.conformance.pictures import (
    StatePictures,
    desktop_name,
    dialog_label,
    dialog_name,
    gallery_pictures,
    phone_name,
    pictures_of,
)


def test_names_of_a_states_pictures() -> None:
    assert desktop_name("pro-canceled") == "pro-canceled.png"
    assert phone_name("pro-canceled") == "pro-canceled--phone.png"
    assert dialog_name("pro-canceled", "resume-plan") == "pro-canceled--dialog-resume-plan.png"


def test_a_dialog_is_named_by_its_id() -> None:
    assert dialog_label("payment-method") == "Payment method"
    assert dialog_label("plans-and-credits") == "Plans and credits"


def test_a_states_pictures_are_told_from_a_longer_states() -> None:
    names = [
        "pro.png",
        "pro--phone.png",
        "pro--dialog-payment-method.png",
        "pro--dialog-plans-and-credits.png",
        "pro-tier.png",
        "pro-tier--dialog-resume-plan.png",
    ]
    assert pictures_of("pro", names) == StatePictures(
        desktop="pro.png",
        phone="pro--phone.png",
        dialogs={
            "payment-method": "pro--dialog-payment-method.png",
            "plans-and-credits": "pro--dialog-plans-and-credits.png",
        },
    )
    assert pictures_of("pro-tier", names) == StatePictures(
        desktop="pro-tier.png", dialogs={"resume-plan": "pro-tier--dialog-resume-plan.png"}
    )


def test_a_state_without_pictures_has_none(tmp_path: Path) -> None:
    (tmp_path / "pro.png").write_bytes(b"\x89PNG")
    found = gallery_pictures(tmp_path, ["pro", "flex"])
    assert found == {"pro": StatePictures(desktop="pro.png"), "flex": StatePictures()}
    assert found["pro"]
    assert not found["flex"]
