"""The claims registry against the docs and the tests: nothing documented goes unchecked."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from dev import CONFORMANCE_TESTS
from prototype.conformance.registry import Registry, drift, evidence_state_problems, load_registry
from prototype.conformance.report import REGISTRY_FILE
from tests.expected import DOCS, ROOT, STATE_IDS

pytestmark = pytest.mark.conformance


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(DOCS / REGISTRY_FILE)


def claim_marks() -> Iterator[tuple[str, str]]:
    """``(test, claim id)`` for every ``@pytest.mark.claim`` in the conformance run's modules,
    where claim tests live, on a test or on one of its parameters; a claim mark elsewhere that
    names an unknown claim fails its test when it runs (tests/conformance_plugin.py)."""
    for path in CONFORMANCE_TESTS:
        name = Path(path).stem
        module = importlib.import_module(Path(path).with_suffix("").as_posix().replace("/", "."))
        for test_name, test in vars(module).items():
            for mark in getattr(test, "pytestmark", []) if test_name.startswith("test_") else []:
                params = mark.args[1] if mark.name == "parametrize" else []
                for inner in [mark, *(m for param in params for m in getattr(param, "marks", ()))]:
                    if inner.name == "claim":
                        yield f"{name}.{test_name}", str(inner.args[0])


def test_the_conformance_run_is_the_modules_marked_for_it() -> None:
    """``python3 dev.py conformance`` runs the modules that ``-m conformance`` selects."""
    marked = {
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "tests").rglob("test_*.py"))
        if "\npytestmark = pytest.mark.conformance\n" in path.read_text(encoding="utf-8")
    }
    assert marked == set(CONFORMANCE_TESTS)


def test_every_claimed_sentence_is_in_the_docs_and_every_sentence_is_accounted_for(
    registry: Registry,
) -> None:
    problems = drift(registry, DOCS)
    assert not problems, "\n".join(problems)


def test_every_claim_has_a_test(registry: Registry) -> None:
    tested = {claim for _, claim in claim_marks()}
    untested = [claim.id for claim in registry.claims if claim.id not in tested]
    assert untested == [], f"claims with no test marked @pytest.mark.claim: {untested}"


def test_every_claim_a_test_names_exists(registry: Registry) -> None:
    known = {claim.id for claim in registry.claims}
    unknown = [(test, claim) for test, claim in claim_marks() if claim not in known]
    assert unknown == [], f"tests name claims that docs/claims.yaml does not have: {unknown}"


def test_evidence_states_exist(registry: Registry) -> None:
    problems = evidence_state_problems(registry, STATE_IDS, f"docs/{REGISTRY_FILE}")
    assert not problems, "\n".join(problems)
