"""Loading the fixture set: every problem named by file (and line or field), all at once."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from prototype.inputs.errors import InputError
from prototype.states.fixtures import FixtureSet, load_fixture_set
from prototype.states.models import WorkspaceState
from tests.expected import FIXTURES, STATE_IDS

NAME_RULE = "the file name is the state id and must be lowercase letters, digits and single hyphens"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixtures in ``fixtures/`` under the working directory, to break.

    Problems then name files as ``fixtures/<name>``, as they do in the project.
    """
    monkeypatch.chdir(tmp_path)
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    return tmp_path / "fixtures"


def problems(folder: Path) -> list[str]:
    """The problems loading ``folder`` reports; it must fail."""
    with pytest.raises(InputError) as caught:
        load_fixture_set(folder)
    assert str(caught.value) == "\n".join(caught.value.problems)
    return caught.value.problems


def a_state_id() -> str:
    """Any state's id; the tests below hold for each."""
    return STATE_IDS[0]


def test_yaml_syntax_error_names_file_line_and_column(folder: Path) -> None:
    (folder / "flex-team.yaml").write_text(
        "title: T\ndescription: D\nplan: type: flex\n", encoding="utf-8"
    )
    assert problems(folder) == [
        "fixtures/flex-team.yaml: line 3, column 11: mapping values are not allowed here"
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param("", "the file is empty", id="empty"),
        pytest.param("# only a comment\n", "the file is empty", id="comment-only"),
        pytest.param("- title: T\n- description: D\n", "expected fields (key: value), got list"),
        pytest.param("just words\n", "expected fields (key: value), got str", id="scalar"),
    ],
)
def test_file_without_fields(folder: Path, text: str, reason: str) -> None:
    state_id = a_state_id()
    (folder / f"{state_id}.yaml").write_text(text, encoding="utf-8")
    assert problems(folder) == [f"fixtures/{state_id}.yaml: {reason}"]


def test_unquoted_impossible_date_reaches_validation(folder: Path) -> None:
    path = folder / "flex-team.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("date: 2026-05-02", "date: 2026-02-30"), encoding="utf-8")
    assert problems(folder) == [
        "fixtures/flex-team.yaml: invoices[0].date: '2026-02-30' is not a calendar date in the "
        "form YYYY-MM-DD"
    ]


@pytest.mark.parametrize("name", ["Flex-Team", "flex_team", "flex--team", "-flex", "flex team"])
def test_bad_file_name(folder: Path, name: str) -> None:
    (folder / f"{a_state_id()}.yaml").rename(folder / f"{name}.yaml")
    assert problems(folder) == [f"fixtures/{name}.yaml: {NAME_RULE}"]


@pytest.mark.parametrize(
    "name",
    ["flex-team.yml", "flex-team.YML", "flex-team.YAML", "flex-team.Yaml", "flex-team.yaml.txt"],
)
def test_a_fixture_not_named_yaml_is_refused_not_dropped(folder: Path, name: str) -> None:
    (folder / "flex-team.yaml").rename(folder / name)
    assert problems(folder) == [
        f"fixtures/{name}: fixtures are read from .yaml files only; rename it to flex-team.yaml"
    ]


def test_other_files_in_the_folder_are_left_alone(folder: Path) -> None:
    for name in ["README.md", "notes.txt", "flex-team.yaml.bak", "yaml"]:
        (folder / name).write_text("not a fixture\n", encoding="utf-8")
    assert sorted(load_fixture_set(folder).states) == STATE_IDS


def test_a_symbolic_link_is_named_as_it_is_in_the_folder(folder: Path) -> None:
    (folder / "drafts").mkdir()
    (folder / "flex-team.yaml").rename(folder / "drafts" / "team.yaml")
    (folder / "flex-team.yaml").symlink_to(Path("drafts", "team.yaml"))
    assert load_fixture_set(folder).states["flex-team"].workspace.name
    (folder / "drafts" / "team.yaml").write_text("", encoding="utf-8")
    assert problems(folder) == ["fixtures/flex-team.yaml: the file is empty"]


def test_duplicate_workspace_names_across_files(folder: Path) -> None:
    state_id = a_state_id()
    original = folder / f"{state_id}.yaml"
    shutil.copy(original, folder / "zz-copy.yaml")
    workspace = load_fixture_set(FIXTURES).states[state_id].workspace
    assert problems(folder) == [
        f"fixtures/zz-copy.yaml: workspace.name: {workspace.name!r} is already the name of the "
        f"workspace in fixtures/{state_id}.yaml; names tell workspaces apart in the switcher"
    ]


def test_a_unique_url_taken_by_another_workspace_is_named(folder: Path) -> None:
    state_id = a_state_id()
    copy = (folder / f"{state_id}.yaml").read_text(encoding="utf-8")
    workspace = load_fixture_set(FIXTURES).states[state_id].workspace
    renamed = copy.replace(workspace.name, "Another Name", 1)
    slug = str(workspace.unique_url).upper()
    (folder / "zz-copy.yaml").write_text(
        renamed.replace("workspace:", f"workspace:\n  unique_url: {slug}\n", 1)
        if "workspace:\n" in renamed
        else renamed.replace("workspace: {", f"workspace: {{unique_url: {slug}, ", 1),
        encoding="utf-8",
    )
    assert problems(folder) == [
        f"fixtures/zz-copy.yaml: workspace.unique_url: {slug!r} is already the unique_url of the "
        f"workspace in fixtures/{state_id}.yaml; each workspace has its own address"
    ]


def test_a_model_the_catalogue_does_not_offer_is_named(folder: Path) -> None:
    path = folder / "flex-team.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("kind: team,", "kind: team, interviewer_model: GPT Whatever,", 1),
        encoding="utf-8",
    )
    [problem] = problems(folder)
    assert problem.startswith(
        "fixtures/flex-team.yaml: workspace.interviewer_model: 'GPT Whatever' is not one of the "
        "catalogue's interviewer_models (Example Interviewer Standard, "
    )


def test_missing_settings_file(folder: Path) -> None:
    (folder / "_set.yaml").unlink()
    [problem] = problems(folder)
    assert problem.startswith("fixtures/_set.yaml: cannot be read: ")


def test_missing_folder(folder: Path) -> None:
    assert problems(folder / "nowhere") == ["fixtures/nowhere: no such fixtures folder"]


def test_folder_without_states(folder: Path) -> None:
    for state_id in STATE_IDS:
        (folder / f"{state_id}.yaml").unlink()
    assert problems(folder) == ["fixtures: no workspace states (<id>.yaml files)"]


def test_several_broken_files_are_reported_together(folder: Path) -> None:
    (folder / "flex-team.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    canceled = folder / "pro-canceled.yaml"
    canceled.write_text(
        canceled.read_text(encoding="utf-8").replace("status: canceled, ", ""), encoding="utf-8"
    )
    (folder / "flex-personal.yaml").rename(folder / "Flex-Personal.yaml")
    (folder / "pro-no-tier.yaml").write_text("", encoding="utf-8")
    assert problems(folder) == [
        f"fixtures/Flex-Personal.yaml: {NAME_RULE}",
        "fixtures/flex-team.yaml: line 2, column 1: expected ',' or ']', but got '<stream end>'",
        "fixtures/pro-canceled.yaml: plan.status: a Pro plan needs a status: active or canceled",
        "fixtures/pro-no-tier.yaml: the file is empty",
    ]


def test_broken_settings_and_state_are_reported_together(folder: Path) -> None:
    (folder / "_set.yaml").write_text(
        "today: 2026-02-30\nuser: {name: Maya, email: maya@example.com}\n", encoding="utf-8"
    )
    (folder / "flex-team.yaml").write_text("", encoding="utf-8")
    assert problems(folder) == [
        "fixtures/_set.yaml: today: '2026-02-30' is not a calendar date in the form YYYY-MM-DD",
        "fixtures/flex-team.yaml: the file is empty",
    ]


def test_duplicate_key_is_a_problem(folder: Path) -> None:
    path = folder / "flex-team.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "credits: {balance: 1, total: 1}\n", encoding="utf-8"
    )
    [problem] = problems(folder)
    assert problem.startswith("fixtures/flex-team.yaml: ")
    assert "credits" in problem


def test_the_project_fixture_set_loads(fixture_set: FixtureSet) -> None:
    assert fixture_set.today == dt.date(2026, 5, 20)
    assert fixture_set.user.name
    assert sorted(fixture_set.states) == STATE_IDS


def _non_usd_invoices(state: WorkspaceState) -> int:
    return sum(invoice.amount.currency != "USD" for invoice in state.invoices)


PROMISED_STATES: dict[str, Callable[[WorkspaceState], bool]] = {
    "flex-personal-no-card-no-invoices": lambda s: (
        s.plan.type == "flex"
        and s.workspace.kind == "personal"
        and s.payment_method is None
        and not s.invoices
    ),
    "flex-team-card-invoices": lambda s: (
        s.plan.type == "flex"
        and s.workspace.kind == "team"
        and s.payment_method is not None
        and bool(s.invoices)
    ),
    "flex-balance-zero": lambda s: s.plan.type == "flex" and s.credits.balance == 0,
    "pro-tier-renewing-card-invoices": lambda s: (
        s.plan.type == "pro"
        and s.plan.tier is not None
        and s.plan.status == "active"
        and s.plan.renews_on is not None
        and s.payment_method is not None
        and bool(s.invoices)
    ),
    "pro-without-tier": lambda s: s.plan.type == "pro" and s.plan.tier is None,
    "pro-canceled-active-until": lambda s: (
        s.plan.status == "canceled" and s.plan.active_until is not None
    ),
    "pro-without-payment-method": lambda s: s.plan.type == "pro" and s.payment_method is None,
    "25-invoices-not-usd": lambda s: _non_usd_invoices(s) >= 25,
    "long-non-ascii-name": lambda s: len(s.workspace.name) >= 60 and not s.workspace.name.isascii(),
}


@pytest.mark.parametrize("promise", PROMISED_STATES)
def test_fixture_set_covers_promised_state(fixture_set: FixtureSet, promise: str) -> None:
    matches = [id_ for id_, state in fixture_set.states.items() if PROMISED_STATES[promise](state)]
    assert matches, f"no fixture shows {promise}"
