"""The claims registry: splitting pages into sentences, the registry, and docs drift."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from prototype.conformance.registry import (
    INTRO,
    Registry,
    Sentence,
    adrift,
    drift,
    evidence_state_problems,
    load_registry,
    sentences,
)
from prototype.inputs.errors import InputError
from tests.expected import ROOT

BILLING = "guide/settings/billing.md"
SETTINGS = "guide/settings/index.md"
ROLES = "guide/settings/permissions-roles.md"
WORKSPACES = "guide/settings/workspaces.md"
NEW_TAB = "Invoice numbers link to the invoice page in a new tab."
UNACCOUNTED = "has a sentence that is neither claimed nor listed as not testable"

PAGE = """---
title: "Front. Matter."
description: "Not a sentence."
---

# Title

Intro one. Intro two!
Intro three, wrapped
over two lines?

## First

**Bold** starts a sentence. [A link](x) does too. `Code` as well.
Version 1.5 is out. See e.g. the notes.

- Item one. Still item one.
* Item two
+ Item three
1. Numbered one.
2) Numbered two.

### Sub heading

Under sub.

## Second ##

Last.
"""


def test_sentences_by_section() -> None:
    found = sentences(PAGE, "p.md")
    assert {s.page for s in found} == {"p.md"}
    assert [(s.section, s.text) for s in found] == [
        (INTRO, "Intro one."),
        (INTRO, "Intro two!"),
        (INTRO, "Intro three, wrapped over two lines?"),
        ("First", "**Bold** starts a sentence."),
        ("First", "[A link](x) does too."),
        ("First", "`Code` as well."),
        ("First", "Version 1.5 is out."),
        ("First", "See e.g. the notes."),
        ("First", "Item one. Still item one."),
        ("First", "Item two"),
        ("First", "Item three"),
        ("First", "Numbered one."),
        ("First", "Numbered two."),
        ("First", "Under sub."),
        ("Second", "Last."),
    ]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        pytest.param("One. Two.", ["One.", "Two."], id="no-front-matter"),
        pytest.param("---\ntitle: A. B.\n---\nOne.", ["One."], id="front-matter"),
        pytest.param("---\n---\nOne.", ["One."], id="empty-front-matter"),
        pytest.param("Is it? Yes! Done.", ["Is it?", "Yes!", "Done."], id="end-marks"),
        pytest.param("Ends with 2. lower case", ["Ends with 2. lower case"], id="no-capital"),
        pytest.param("One.\n\nTwo.", ["One.", "Two."], id="paragraphs"),
        pytest.param("Lead-in:\n- A\n- B\n\nAfter.", ["Lead-in:", "A", "B", "After."], id="list"),
        pytest.param("- A\nlazy.", ["A lazy."], id="lazy-continuation-joins-the-item"),
        pytest.param("", [], id="empty"),
    ],
)
def test_sentences_split(markdown: str, expected: list[str]) -> None:
    assert [s.text for s in sentences(markdown, "p.md")] == expected


def test_headings_other_than_h2_keep_the_section() -> None:
    found = sentences("# Title\n\nA.\n\n## Two\n\nB.\n\n### Three\n\nC.\n\n# One\n\nD.", "p.md")
    assert [(s.section, s.text) for s in found] == [
        (INTRO, "A."),
        ("Two", "B."),
        ("Two", "C."),
        ("Two", "D."),
    ]


@pytest.mark.parametrize(
    ("section", "anchor"),
    [
        (INTRO, ""),
        ("Invoices", "invoices"),
        ("What This Page Does Not Manage", "what-this-page-does-not-manage"),
        ("Plan & Billing", "plan-billing"),
        ("Café crème", "cafe-creme"),
    ],
)
def test_sentence_anchor(section: str, anchor: str) -> None:
    assert Sentence("p.md", section, "Text.").anchor == anchor


def test_heading_ending_in_hash_keeps_it() -> None:
    assert [s.section for s in sentences("## Using C#\n\nText.", "p.md")] == ["Using C#"]


def test_code_block_lines_are_not_headings() -> None:
    page = "## Invoices\n\nBefore.\n\n```markdown\n## Not a heading\n```\n\nAfter.\n"
    found = sentences(page, "p.md")
    assert [s.section for s in found if s.text == "After."] == ["Invoices"]


def test_setext_heading_starts_a_section() -> None:
    found = sentences("## First\n\nA.\n\nSecond\n------\n\nB.\n", "p.md")
    assert [(s.section, s.text) for s in found] == [("First", "A."), ("Second", "B.")]


def test_wrapped_list_item_is_one_sentence() -> None:
    found = sentences("- An item that is\n  wrapped.\n", "p.md")
    assert [s.text for s in found] == ["An item that is wrapped."]


def test_anchor_of_a_heading_with_a_link_matches_the_built_page() -> None:
    assert Sentence("p.md", "Use [links](x) here", "Text.").anchor == "use-links-here"


# load_registry


def minimal_registry() -> dict[str, Any]:
    return {
        "pages": [{"path": "p.md", "sections": [""]}],
        "claims": [
            {
                "id": "area.thing",
                "page": "p.md",
                "quote": "A sentence.",
                "about": "main",
                "evidence_state": "flex-team",
            }
        ],
        "not_testable": [
            {"page": "p.md", "quote": ["Lead-in:", "Item"], "reason": "It cannot be shown."}
        ],
    }


MINIMAL_PAGE = "# P\n\nA sentence.\n\nLead-in:\n\n- Item\n\n## Other\n\nElsewhere.\n"
"""``p.md``, the page :func:`minimal_registry` claims, with a section it does not claim."""


def write_yaml(path: Path, data: object) -> Path:
    """The registry at ``path``, with ``p.md`` beside it."""
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    (path.parent / "p.md").write_text(MINIMAL_PAGE, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_registry(path)
    return caught.value.problems


def test_minimal_registry_loads(tmp_path: Path) -> None:
    registry = load_registry(write_yaml(tmp_path / "claims.yaml", minimal_registry()))
    assert [(page.path, page.sections) for page in registry.pages] == [("p.md", [""])]
    [claim] = registry.claims
    assert claim.id == "area.thing"
    assert claim.quote == ["A sentence."]
    assert claim.shown_on == "billing"
    assert claim.evidence_state == "flex-team"
    [item] = registry.not_testable
    assert item.quote == ["Lead-in:", "Item"]
    assert item.reason == "It cannot be shown."


def test_the_projects_registry_loads() -> None:
    registry = load_registry(ROOT / "docs" / "claims.yaml")
    assert registry.claims
    assert {page.path for page in registry.pages} == {BILLING, SETTINGS, ROLES, WORKSPACES}


def test_duplicate_claim_ids_are_named(tmp_path: Path) -> None:
    data = minimal_registry()
    claim = data["claims"][0]
    data["claims"] = [
        {**claim, "id": claim_id} for claim_id in ["b.two", "a.one", "c.three", "a.one", "b.two"]
    ]
    path = write_yaml(tmp_path / "claims.yaml", data)
    assert problems_of(path) == [f"{path.as_posix()}: claims: id used more than once: a.one, b.two"]


def _set(data: dict[str, Any], field: str, value: object) -> None:
    *parents, last = field.split(".")
    target: Any = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if value is None:
        del target[last]
    else:
        target[last] = value


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        pytest.param(
            "claims.0.color",
            "red",
            "claims[0].color: Extra inputs are not permitted (got 'red')",
            id="unknown-field",
        ),
        pytest.param("extra", 1, "extra: Extra inputs are not permitted (got 1)", id="unknown-top"),
        pytest.param("claims.0.about", None, "claims[0].about: Field required", id="missing"),
        pytest.param("pages", None, "pages: Field required", id="missing-top"),
        pytest.param(
            "claims.0.id",
            "Billing Path",
            "claims[0].id: String should match pattern '^[a-z0-9]+(?:[.-][a-z0-9]+)*$' "
            "(got 'Billing Path')",
            id="bad-id",
        ),
        pytest.param(
            "claims.0.id",
            "billing..path",
            "claims[0].id: String should match pattern '^[a-z0-9]+(?:[.-][a-z0-9]+)*$' "
            "(got 'billing..path')",
            id="bad-id-empty-part",
        ),
        pytest.param(
            "claims.0.quote",
            [],
            "claims[0].quote: Value should have at least 1 item after validation, not 0",
            id="empty-quote",
        ),
        pytest.param(
            "claims.0.shown_on",
            "settings",
            (
                "claims[0].shown_on: Input should be 'home', 'billing', 'members', 'account', "
                "'model', 'integrations', 'profile', 'mcp' or 'connected-apps' (got 'settings')"
            ),
            id="bad-shown-on",
        ),
        pytest.param(
            "not_testable.0.reason",
            "short",
            "not_testable[0].reason: String should have at least 10 characters (got 'short')",
            id="short-reason",
        ),
    ],
)
def test_bad_field_is_reported_with_file_and_path(
    tmp_path: Path, field: str, value: object, problem: str
) -> None:
    data = minimal_registry()
    _set(data, field, value)
    path = write_yaml(tmp_path / "claims.yaml", data)
    assert problems_of(path) == [f"{path.as_posix()}: {problem}"]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    data = minimal_registry()
    del data["claims"][0]["about"]
    data["not_testable"][0]["reason"] = "short"
    path = write_yaml(tmp_path / "claims.yaml", data)
    problems = problems_of(path)
    assert len(problems) == 2
    assert problems[0].startswith(f"{path.as_posix()}: claims[0].about: ")
    assert problems[1].startswith(f"{path.as_posix()}: not_testable[0].reason: ")


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        pytest.param(
            "pages",
            [{"path": "p.md", "sections": [""]}, {"path": "nope.md", "sections": [""]}],
            "pages[1]: page 'nope.md' does not exist",
            id="claimed-page-missing",
        ),
        pytest.param(
            "claims.0.page",
            "guide/nope.md",
            "claims[0] (id area.thing): page 'guide/nope.md' does not exist",
            id="claim-page-missing",
        ),
        pytest.param(
            "not_testable.0.page",
            "../claims.yaml",
            "not_testable[0]: page '../claims.yaml' does not exist",
            id="not-testable-page-outside-the-docs",
        ),
        pytest.param(
            "claims.0.page",
            "q.md",
            "claims[0] (id area.thing): page 'q.md' is not listed under pages",
            id="claim-page-not-listed",
        ),
        pytest.param(
            "pages.0.sections",
            ["", "Othr"],
            "pages[0].sections[1]: p.md has no section 'Othr' with sentences",
            id="claimed-section-missing",
        ),
    ],
)
def test_page_the_registry_names_must_be_in_the_docs(
    tmp_path: Path, field: str, value: object, problem: str
) -> None:
    data = minimal_registry()
    _set(data, field, value)
    path = write_yaml(tmp_path / "claims.yaml", data)
    (tmp_path / "q.md").write_text("A sentence.\n", encoding="utf-8")
    assert problems_of(path) == [f"{path.as_posix()}: {problem}"]


def test_claimed_introduction_must_have_sentences(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "claims.yaml", minimal_registry())
    (tmp_path / "p.md").write_text("# P\n\n## Other\n\nA sentence.\n", encoding="utf-8")
    assert problems_of(path)[0] == (
        f"{path.as_posix()}: pages[0].sections[0]: p.md has no sentences before its first H2"
    )


def test_problems_name_the_registry_as_told(tmp_path: Path) -> None:
    data = minimal_registry()
    data["claims"][0]["page"] = "nope.md"
    path = write_yaml(tmp_path / "claims.yaml", data)
    with pytest.raises(InputError) as caught:
        load_registry(path, "docs/claims.yaml")
    assert caught.value.problems == [
        "docs/claims.yaml: claims[0] (id area.thing): page 'nope.md' does not exist"
    ]


def test_unknown_evidence_state_names_claim_field_value_and_the_states(tmp_path: Path) -> None:
    data = minimal_registry()
    data["claims"].append({**data["claims"][0], "id": "area.other", "evidence_state": "pro-x"})
    registry = load_registry(write_yaml(tmp_path / "claims.yaml", data))
    states = {"flex-team", "pro-canceled"}
    assert evidence_state_problems(registry, states, "docs/claims.yaml") == [
        "docs/claims.yaml: claims[1] (id area.other): evidence_state 'pro-x' is not a workspace "
        "state; the states are: flex-team, pro-canceled"
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "(top level): Input should be a valid dictionary or instance of Registry"),
        ("- a\n", "(top level): Input should be a valid dictionary or instance of Registry"),
        ("pages: [\n", "line 2, column 1: expected the node content, but found '<stream end>'"),
    ],
)
def test_bad_yaml_is_reported(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    assert problems_of(path) == [f"{path.as_posix()}: {problem}"]


def test_missing_registry_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    [problem] = problems_of(path)
    assert problem.startswith(f"{path.as_posix()}: cannot be read: ")


# drift


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(ROOT / "docs" / "claims.yaml")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of the project's docs, to edit."""
    return Path(
        shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("assets"))
    )


def edit(docs: Path, old: str, new: str, page: str = BILLING) -> None:
    """Replace the one occurrence of ``old`` on a page of the docs copy."""
    path = docs / page
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def unaccounted(page: str, where: str, sentence: str) -> str:
    return f"docs changed: docs/{page} ({where}) {UNACCOUNTED}:\n  new: {sentence}"


def test_the_docs_have_no_drift(registry: Registry, docs: Path) -> None:
    assert drift(registry, docs) == []


def test_edited_claim_names_the_claim_with_old_and_new_text(registry: Registry, docs: Path) -> None:
    edited = "Invoice numbers link to the invoice page in the same tab."
    edit(docs, NEW_TAB, edited)
    problems = drift(registry, docs)
    assert len(problems) == 2
    assert problems[0].startswith("docs changed: review claim billing.invoices.new-tab\n")
    assert f"\n  old: {NEW_TAB}\n" in problems[0]
    assert problems[0].endswith(f"\n  new: {edited}")
    assert problems[1] == unaccounted(BILLING, "Invoices", edited)


@pytest.mark.parametrize(
    ("old", "claim", "quoted"),
    [
        pytest.param(f"{NEW_TAB}\n", "billing.invoices.new-tab", NEW_TAB, id="sentence"),
        pytest.param(
            "Billing is workspace-level. ",
            "billing.workspace-level",
            "Billing is workspace-level.",
            id="first-of-paragraph",
        ),
        pytest.param("- Amount\n", "billing.invoices.columns", "Amount", id="list-item"),
    ],
)
def test_removed_claim_says_no_such_sentence(
    registry: Registry, docs: Path, old: str, claim: str, quoted: str
) -> None:
    edit(docs, old, "")
    assert drift(registry, docs) == [
        f"docs changed: review claim {claim}\n  old: {quoted}\n  new: (no such sentence any more)"
    ]


ADDED = "Invoices are emailed every month."


@pytest.mark.parametrize(
    ("page", "old", "new", "where", "added"),
    [
        pytest.param(BILLING, NEW_TAB, f"{NEW_TAB} {ADDED}", "Invoices", ADDED, id="sentence"),
        pytest.param(
            BILLING,
            "- Payment method\n",
            f"- Payment method\n\n{ADDED}\n",
            "Invoices",
            ADDED,
            id="paragraph",
        ),
        pytest.param(
            BILLING,
            "- Payment method\n",
            "- Payment method\n- Currency\n",
            "Invoices",
            "Currency",
            id="list-item",
        ),
        pytest.param(
            BILLING,
            "Billing is workspace-level.",
            f"{ADDED} Billing is workspace-level.",
            "the introduction",
            ADDED,
            id="intro",
        ),
        pytest.param(
            SETTINGS,
            "Which pages appear depends on your access.",
            f"Which pages appear depends on your access. {ADDED}",
            "The Settings sidebar",
            ADDED,
            id="other-page",
        ),
    ],
)
def test_new_sentence_in_a_claimed_section_is_reported(
    registry: Registry, docs: Path, page: str, old: str, new: str, where: str, added: str
) -> None:
    edit(docs, old, new, page=page)
    assert drift(registry, docs) == [unaccounted(page, where, added)]


@pytest.mark.parametrize(
    ("page", "old", "new"),
    [
        pytest.param(
            BILLING,
            "## Related Docs\n",
            "## Related Docs\n\nSee also the FAQ. It answers more.\n",
            id="related-docs",
        ),
        pytest.param(BILLING, "# Plan and Billing\n", "# Plan and Billing!\n", id="h1"),
        pytest.param(
            ROLES,
            "## Related Docs\n",
            "## Related Docs\n\n- Billing: where the money goes.\n",
            id="roles-related-docs",
        ),
        pytest.param(SETTINGS, "# Settings\n", "# Settings, in short\n", id="settings-h1"),
        pytest.param(BILLING, "nav_order: 4\n", 'nav_order: 4\nsummary: "A. B."\n', id="fm"),
    ],
)
def test_changes_outside_claimed_sections_are_no_problem(
    registry: Registry, docs: Path, page: str, old: str, new: str
) -> None:
    edit(docs, old, new, page=page)
    assert drift(registry, docs) == []


def test_edited_not_testable_sentence_names_the_page(registry: Registry, docs: Path) -> None:
    old = "Perspective currently displays:"
    new = "Perspective now displays:"
    edit(docs, old, new)
    assert drift(registry, docs) == [
        f"docs changed: review not-testable sentence on {BILLING}\n  old: {old}\n  new: {new}",
        unaccounted(BILLING, "Current Plan", new),
    ]


def test_renamed_claimed_section_reports_each_claim_in_it(registry: Registry, docs: Path) -> None:
    edit(docs, "## Invoices\n", "## Invoice history\n")
    problems = drift(registry, docs)
    reviewed = [problem.splitlines()[0] for problem in problems]
    assert reviewed == [
        "docs changed: review claim billing.invoices.section",
        *["docs changed: review claim billing.invoices.columns"] * 5,
        "docs changed: review claim billing.invoices.new-tab",
    ]
    assert all(problem.endswith("new: (no such sentence any more)") for problem in problems)


def test_adrift_names_the_claims_a_page_no_longer_holds(registry: Registry, docs: Path) -> None:
    assert adrift(registry, docs) == {}
    edit(docs, "The Pro tier name when a tier is attached.", "A tier, if any.")
    assert adrift(registry, docs) == {BILLING: ["billing.current-plan.tier"]}
