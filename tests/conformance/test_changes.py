"""Which claims a change can affect, and what a changed-only run compares with."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from prototype.conformance.base import at_ref, base_of, record, recorded
from prototype.conformance.changes import (
    Selection,
    changed_files,
    fingerprints,
    quotes_of,
    select,
)
from prototype.conformance.registry import Registry, load_registry
from tests.expected import DOCS, ROOT

TIER = "The Pro tier name when a tier is attached."


@pytest.fixture
def registry() -> Registry:
    return load_registry(DOCS / "claims.yaml")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    shutil.copytree(DOCS, tmp_path / "docs", ignore=shutil.ignore_patterns("assets"))
    return tmp_path / "docs"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_sentence_edited_in_the_docs_and_the_registry_chooses_its_claim(
    registry: Registry, docs: Path
) -> None:
    new = "The Pro tier's name, when a tier is attached."
    edit(docs / "guide" / "settings" / "billing.md", TIER, new)
    edit(docs / "claims.yaml", TIER, new)
    chosen = select(
        ["docs/guide/settings/billing.md", "docs/claims.yaml"],
        quotes_of(registry),
        load_registry(docs / "claims.yaml"),
        docs,
    )
    assert chosen == Selection(
        claims=frozenset({"billing.current-plan.tier"}),
        reasons=("claim billing.current-plan.tier: its quoted sentence was edited",),
    )


def test_a_claimed_sentence_edited_in_the_docs_only_chooses_its_claim(
    registry: Registry, docs: Path
) -> None:
    edit(docs / "guide" / "settings" / "billing.md", TIER, "A tier name, when there is one.")
    chosen = select(["docs/guide/settings/billing.md"], quotes_of(registry), registry, docs)
    assert chosen.claims == {"billing.current-plan.tier"}
    assert not chosen.everything


def test_a_fixture_edit_chooses_its_state() -> None:
    chosen = select(["fixtures/flex-team.yaml"], None, load_registry(DOCS / "claims.yaml"), DOCS)
    assert not chosen.everything
    assert chosen.claims == frozenset()
    assert chosen.states == frozenset({"flex-team"})
    assert chosen.chooses(["billing.path"], "flex-team")
    assert not chosen.chooses(["billing.path"], "pro-canceled")


@pytest.mark.parametrize(
    "path",
    [
        "prototype/pages/templates/settings/billing.html",
        "prototype/pages/static/prototype.css",
        "prototype/states/actions.py",
        "docs/stylesheets/extra.css",
        "fixtures/_catalogue.yaml",
        "tests/conformance/test_billing_claims.py",
        "mkdocs.yml",
    ],
)
def test_what_the_pages_are_made_from_chooses_everything(registry: Registry, path: str) -> None:
    chosen = select([path], quotes_of(registry), registry, DOCS)
    assert chosen.everything
    assert chosen.reasons == (f"everything: {path} changed",)
    assert chosen.chooses([], None)


@pytest.mark.parametrize(
    "path", ["README.md", "docs/assets/screenshots/flex-team.png", "tests/hostile_pages/x.md"]
)
def test_what_no_check_reads_chooses_nothing(registry: Registry, path: str) -> None:
    assert select([path], quotes_of(registry), registry, DOCS) == Selection()


def test_a_claim_new_in_the_registry_is_chosen(registry: Registry) -> None:
    before = {k: v for k, v in quotes_of(registry).items() if k != "billing.path"}
    chosen = select(["docs/claims.yaml"], before, registry, DOCS)
    assert chosen.claims == {"billing.path"}


def test_changed_files_are_those_added_removed_or_edited() -> None:
    assert changed_files({"a": "1", "b": "2", "c": "3"}, {"a": "1", "b": "9", "d": "4"}) == [
        "b",
        "c",
        "d",
    ]


def test_the_recorded_run_is_the_base(tmp_path: Path, registry: Registry) -> None:
    root = tmp_path / "project"
    (root / "fixtures").mkdir(parents=True)
    (root / "fixtures" / "one.yaml").write_text("a\n", encoding="utf-8")
    inputs = tmp_path / "inputs.json"
    record(inputs, root, quotes_of(registry))
    assert recorded(inputs, root).changed == []
    (root / "fixtures" / "one.yaml").write_text("b\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    base = base_of("last", root, inputs)
    assert base.changed == ["fixtures/one.yaml", "mkdocs.yml"]
    assert base.quotes == quotes_of(registry)
    assert set(fingerprints(root)) == {"fixtures/one.yaml", "mkdocs.yml"}


def test_no_recorded_run_means_everything(tmp_path: Path) -> None:
    base = recorded(tmp_path / "none.json", tmp_path)
    assert base.problem == "everything: no recorded run to compare with (none.json)"


def test_a_git_ref_is_a_base(registry: Registry) -> None:
    base = at_ref("HEAD", ROOT)
    assert base.problem is None
    assert base.quotes is not None
    assert "billing.path" in base.quotes


def test_an_unknown_git_ref_says_so() -> None:
    base = at_ref("no-such-ref-anywhere", ROOT)
    assert base.problem is not None
    assert base.problem.startswith("everything: cannot compare with no-such-ref-anywhere: git")
