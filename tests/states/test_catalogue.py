"""The example catalogue: loaded with the fixtures, and refused like any bad fixture."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from prototype.cli import main
from prototype.inputs.errors import InputError
from prototype.states.fixtures import load_fixture_set
from tests.expected import FIXTURE_SET, FIXTURES
from tests.site_html import snapshot

SOURCE = "fixtures/_catalogue.yaml"
GOOD = (FIXTURES / "_catalogue.yaml").read_text(encoding="utf-8")

BAD: dict[str, tuple[str, str, str]] = {
    "duplicate-tier": ("Scale]", "Growth]", "tiers: the tier 'Growth' is listed twice"),
    "blank-tier": (
        "[Starter,",
        "['  ', Starter,",
        "tiers: [0] '  ' is not a tier name a plan can have: is blank: it has no visible character",
    ),
    "tier-too-long": ("[Starter,", f"[{'T' * 81},", "tiers: [0] "),
    "no-tiers": (
        "tiers: [Starter, Growth, Scale]",
        "tiers: []",
        "tiers: List should have at least 1",
    ),
    "zero-pack": ("[1000,", "[0,", "credit_packs[0]: Input should be greater than or equal to 1"),
    "pack-as-text": ("[1000,", "['1000',", "credit_packs[0]: Input should be a valid integer"),
    "huge-pack": ("[1000,", "[1000000001,", "credit_packs[0]: Input should be less than or equal"),
    "duplicate-pack": ("5000,", "1000,", "credit_packs: the pack of 1000 is listed twice"),
    "bad-checksum": (
        '"4242424242424242"',
        '"4242424242424241"',
        "test_cards[0].number: the number fails",
    ),
    "wrong-brand": (
        "brand: visa",
        "brand: amex",
        "test_cards[0].brand: 4242424242424242 is a visa number, not amex",
    ),
    "unknown-brand": ("brand: visa", "brand: jcb", "test_cards[0].brand: Input should be"),
    "number-with-spaces": (
        '"4242424242424242"',
        '"4242 4242 4242 4242"',
        "test_cards[0].number: String should match",
    ),
    "unknown-key": ("tiers:", "colour: red\ntiers:", "colour: Extra inputs are not permitted"),
    "new-workspace-balance-over-total": (
        "credits: {balance: 0, total: 0}",
        "credits: {balance: 5, total: 0}",
        "new_workspace.credits.total: the total (0) is less than the balance (5)",
    ),
    "new-workspace-renewed-yesterday": (
        "plan: {type: flex}",
        "plan: {type: pro, status: active, renews_on: 2026-05-19}",
        "new_workspace.plan.renews_on: the renewal date 2026-05-19 is not after today",
    ),
    "no-new-workspace": (
        "new_workspace:\n  kind: team\n  plan: {type: flex}\n  credits: {balance: 0, total: 0}\n",
        "",
        "new_workspace: Field required",
    ),
    "duplicate-model": (
        "Example Interviewer Deep]",
        "Example Interviewer Fast]",
        "interviewer_models: the model 'Example Interviewer Fast' is listed twice",
    ),
    "blank-model": (
        "[Example Interviewer Standard,",
        "['  ', Example Interviewer Standard,",
        "interviewer_models: [0] '  ' is not a model name a workspace can have: is blank",
    ),
    "no-models": (
        "interviewer_models: [Example Interviewer Standard, Example Interviewer Fast, "
        "Example Interviewer Deep]",
        "interviewer_models: []",
        "interviewer_models: List should have at least 1",
    ),
}
"""Case → the text replaced in the good catalogue, its replacement, and the start of the one
problem it must give (after the file name)."""


@pytest.fixture
def fixtures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixtures under the working directory, so problems name ``fixtures/...``."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    return tmp_path / "fixtures"


def test_the_project_catalogue_loads() -> None:
    catalogue = FIXTURE_SET.catalogue
    sizes = [
        len(catalogue.tiers),
        len(catalogue.credit_packs),
        len(catalogue.test_cards),
        len(catalogue.interviewer_models),
    ]
    assert sizes == [3, 3, 4, 3]
    assert "4242424242424242" in catalogue.test_numbers
    assert load_fixture_set(FIXTURES).catalogue == catalogue


def test_the_catalogue_is_not_a_workspace_state() -> None:
    assert "_catalogue" not in FIXTURE_SET.states


@pytest.mark.parametrize("case", BAD)
def test_bad_catalogue_names_file_field_and_reason(fixtures: Path, case: str) -> None:
    old, new, expected = BAD[case]
    assert old in GOOD
    (fixtures / "_catalogue.yaml").write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_fixture_set(fixtures)
    [problem] = caught.value.problems
    assert problem.startswith(f"{SOURCE}: {expected}"), problem


def test_missing_catalogue(fixtures: Path) -> None:
    (fixtures / "_catalogue.yaml").unlink()
    with pytest.raises(InputError) as caught:
        load_fixture_set(fixtures)
    [problem] = caught.value.problems
    assert problem.startswith(f"{SOURCE}: cannot be read: ")


def test_bad_catalogue_fails_the_build_and_keeps_the_last_good_one(
    fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "out"]) == 0
    before = snapshot(Path("out"))
    capsys.readouterr()
    old, new, expected = BAD["wrong-brand"]
    (fixtures / "_catalogue.yaml").write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    assert main(["build", "out"]) == 1
    out, err = capsys.readouterr()
    assert (out, "Traceback" in err) == ("", False)
    assert err.splitlines() == [f"{SOURCE}: {expected}", "1 problem(s); nothing was written"]
    assert snapshot(Path("out")) == before
