"""prototype/conformance/report.py: claim statuses, the report, and what the prototype overlays."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from prototype.conformance.registry import Registry, load_registry, plain
from prototype.conformance.report import (
    NOT_CHECKED,
    REPORT_VERSION,
    Outcome,
    build_report,
    docs_url,
    overlay,
    read_report,
    status_of,
    write_report,
)
from prototype.conformance.report import TestOutcome as Ran  # not a test class
from tests.expected import DOCS

EVIDENCE = {"billing.path": "reports/evidence/billing.path.png"}


def outcomes(*kinds: Outcome, state: str | None = None) -> list[Ran]:
    return [Ran(f"tests/test_x.py::test_{n}", state, kind) for n, kind in enumerate(kinds)]


@pytest.mark.parametrize(
    ("kinds", "status"),
    [
        ((), "not run"),
        (("skipped",), "not run"),
        (("skipped", "skipped"), "not run"),
        (("passed",), "verified"),
        (("passed", "passed"), "verified"),
        (("passed", "skipped"), "verified"),
        (("failed",), "failing"),
        (("passed", "failed"), "failing"),
        (("skipped", "failed"), "failing"),
        (("xfailed", "failed"), "failing"),
        (("xfailed",), "expected to fail"),
        (("xfailed", "passed"), "expected to fail"),
        (("skipped", "xfailed"), "expected to fail"),
    ],
)
def test_status_of(kinds: tuple[Outcome, ...], status: str) -> None:
    assert status_of(outcomes(*kinds)) == status


def test_status_of_reads_an_iterator_once() -> None:
    assert status_of(iter(outcomes("passed", "failed"))) == "failing"


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("No markup here.", "No markup here."),
        ("**Flex Credits** for personal workspaces.", "Flex Credits for personal workspaces."),
        ("Use **Add** or **Change** to open it.", "Use Add or Change to open it."),
        ("Use [Roles](/docs/guide/settings/permissions-roles) to.", "Use Roles to."),
        ("[One](a) and [Two](b).", "One and Two."),
        ("[**Bold link**](x).", "Bold link."),
        ("**[Link in bold](x)**.", "Link in bold."),
    ],
)
def test_plain(markdown: str, text: str) -> None:
    assert plain(markdown) == text


@pytest.mark.parametrize(
    ("page", "anchor", "url"),
    [
        ("index.md", "", ""),
        ("index.md", "top", "#top"),
        ("guide/settings/index.md", "", "guide/settings/"),
        ("guide/settings/index.md", "the-settings-sidebar", "guide/settings/#the-settings-sidebar"),
        ("guide/settings/billing.md", "", "guide/settings/billing/"),
        ("guide/settings/billing.md", "invoices", "guide/settings/billing/#invoices"),
        ("conformance.md", "", "conformance/"),
    ],
)
def test_docs_url(page: str, anchor: str, url: str) -> None:
    assert docs_url(page, anchor) == url


@pytest.mark.parametrize("page", ["guide/reindex.md", "search-index.md"])
def test_docs_url_of_a_page_named_like_index(page: str) -> None:
    assert docs_url(page) == page.removesuffix(".md") + "/"


# build_report


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(DOCS / "claims.yaml")


RESULTS = {
    "billing.path": outcomes("passed"),
    "billing.invoices.section": [
        Ran("t::test_rows[b]", "b", "passed"),
        Ran("t::test_rows[a]", "a", "passed"),
        Ran("t::test_link[a]", "a", "passed"),
        Ran("t::test_any", None, "passed"),
    ],
    "billing.current-plan.tier": outcomes("passed", "failed", state="pro-tier-renewing"),
    "billing.credits.renewal": outcomes("xfailed", state="pro-tier-renewing"),
    "billing.workspace-level": outcomes("skipped"),
}
STATUSES = {
    "billing.path": "verified",
    "billing.invoices.section": "verified",
    "billing.current-plan.tier": "failing",
    "billing.credits.renewal": "expected to fail",
    "billing.workspace-level": "not run",
}


@pytest.fixture(scope="module")
def report(registry: Registry) -> dict[str, Any]:
    return build_report(registry, DOCS, RESULTS, EVIDENCE)


def by_id(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {claim["id"]: claim for claim in report["claims"]}


def test_report_has_every_claim_in_registry_order(
    registry: Registry, report: dict[str, Any]
) -> None:
    assert report["version"] == REPORT_VERSION
    assert [claim["id"] for claim in report["claims"]] == [c.id for c in registry.claims]


def test_report_statuses(registry: Registry, report: dict[str, Any]) -> None:
    statuses = {claim["id"]: claim["status"] for claim in report["claims"]}
    assert statuses == {claim.id: STATUSES.get(claim.id, "not run") for claim in registry.claims}


def test_report_states_are_sorted_and_unique(report: dict[str, Any]) -> None:
    claims = by_id(report)
    assert claims["billing.invoices.section"]["states"] == ["a", "b"]
    assert claims["billing.current-plan.tier"]["states"] == ["pro-tier-renewing"]
    assert claims["billing.path"]["states"] == []
    assert claims["billing.not-managed"]["states"] == []


def test_report_lists_each_test_run(report: dict[str, Any]) -> None:
    claims = by_id(report)
    assert claims["billing.invoices.section"]["tests"] == [
        {"test": "t::test_rows[b]", "state": "b", "outcome": "passed"},
        {"test": "t::test_rows[a]", "state": "a", "outcome": "passed"},
        {"test": "t::test_link[a]", "state": "a", "outcome": "passed"},
        {"test": "t::test_any", "state": None, "outcome": "passed"},
    ]
    assert claims["billing.not-managed"]["tests"] == []


@pytest.mark.parametrize(
    ("claim_id", "section", "url"),
    [
        ("billing.path", "", "guide/settings/billing/"),
        ("billing.current-plan.tier", "Current Plan", "guide/settings/billing/#current-plan"),
        ("billing.invoices.new-tab", "Invoices", "guide/settings/billing/#invoices"),
        ("billing.invoices.columns", "Invoices", "guide/settings/billing/#invoices"),
        (
            "billing.not-managed",
            "What This Page Does Not Manage",
            "guide/settings/billing/#what-this-page-does-not-manage",
        ),
        (
            "settings.sidebar.groups",
            "The Settings sidebar",
            "guide/settings/#the-settings-sidebar",
        ),
    ],
)
def test_report_links_each_claim_to_its_section(
    report: dict[str, Any], claim_id: str, section: str, url: str
) -> None:
    claim = by_id(report)[claim_id]
    assert (claim["section"], claim["url"]) == (section, url)


def test_report_quotes_and_plain_text(registry: Registry, report: dict[str, Any]) -> None:
    claims = by_id(report)
    for claim in registry.claims:
        assert claims[claim.id]["quote"] == claim.quote
        assert claims[claim.id]["about"] == claim.about
        assert claims[claim.id]["page"] == claim.page
    assert claims["billing.current-plan.flex-label"]["text"] == (
        "Flex Credits for personal or credit-based workspaces."
    )
    assert claims["billing.membership-separate"]["text"] == (
        "Use Roles and Permissions to manage workspace membership separately from billing."
    )
    assert claims["billing.invoices.columns"]["text"] == (
        "Each row includes: Date Invoice number Amount Payment method"
    )


def test_report_passes_evidence_through(report: dict[str, Any]) -> None:
    evidence = {claim["id"]: claim["evidence"] for claim in report["claims"]}
    assert {key: value for key, value in evidence.items() if value is not None} == EVIDENCE


def test_report_not_testable_entries(registry: Registry, report: dict[str, Any]) -> None:
    assert [(item["text"], item["reason"]) for item in report["not_testable"]] == [
        (" ".join(item.quote), item.reason) for item in registry.not_testable
    ]
    assert {item["status"] for item in report["not_testable"]} == {"not testable"}
    urls = {item["text"]: (item["section"], item["url"]) for item in report["not_testable"]}
    assert urls["Perspective currently displays:"] == (
        "Current Plan",
        "guide/settings/billing/#current-plan",
    )
    assert urls["Perspective sends an invitation by email."] == (
        "Invite a member",
        "guide/settings/permissions-roles/#invite-a-member",
    )


def test_report_summary(registry: Registry, report: dict[str, Any]) -> None:
    assert report["summary"] == {
        "expected to fail": 1,
        "failing": 1,
        "not run": len(registry.claims) - 4,
        "not testable": len(registry.not_testable),
        "verified": 2,
    }
    assert list(report["summary"]) == sorted(report["summary"])


def test_report_of_a_claim_no_longer_in_the_docs_has_no_anchor(
    registry: Registry, tmp_path: Path
) -> None:
    docs = Path(shutil.copytree(DOCS, tmp_path / "docs"))
    page = docs / "guide" / "settings" / "billing.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("in a new tab.", "in the same tab."), encoding="utf-8")
    claim = by_id(build_report(registry, docs, {}, {}))["billing.invoices.new-tab"]
    assert (claim["section"], claim["url"]) == ("", "guide/settings/billing/")


def test_report_with_no_results(registry: Registry) -> None:
    report = build_report(registry, DOCS, {}, {})
    assert report["summary"] == {
        "not run": len(registry.claims),
        "not testable": len(registry.not_testable),
    }
    assert all(claim["evidence"] is None for claim in report["claims"])


# write_report / read_report


def test_report_round_trip(report: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "reports" / "nested" / "conformance.json"
    write_report(report, path)
    assert read_report(path) == report
    assert path.read_text(encoding="utf-8").endswith("}\n")


def test_report_is_written_as_readable_utf8(tmp_path: Path) -> None:
    path = tmp_path / "conformance.json"
    write_report({"version": REPORT_VERSION, "claims": [{"text": "Café crème"}]}, path)
    assert "Café crème" in path.read_text(encoding="utf-8")
    assert read_report(path) == {"version": REPORT_VERSION, "claims": [{"text": "Café crème"}]}


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(None, id="missing"),
        pytest.param(b"", id="empty"),
        pytest.param(b"{not json", id="invalid-json"),
        pytest.param(b"\xff\xfe{}", id="not-utf8"),
        pytest.param(b"[]", id="not-an-object"),
        pytest.param(b'{"claims": []}', id="no-version"),
        pytest.param(json.dumps({"version": REPORT_VERSION + 1}).encode(), id="other-version"),
        pytest.param(b'{"version": "1"}', id="version-as-text"),
    ],
)
def test_read_report_returns_none(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "conformance.json"
    if content is not None:
        path.write_bytes(content)
    assert read_report(path) is None


# overlay


def test_overlay_without_a_report(registry: Registry) -> None:
    notes = overlay(registry, DOCS, None)
    assert [note["id"] for note in notes] == [claim.id for claim in registry.claims]
    assert {note["status"] for note in notes} == {NOT_CHECKED}
    assert NOT_CHECKED == "not checked yet"
    for note, claim in zip(notes, registry.claims, strict=True):
        assert note["text"] == " ".join(plain(part) for part in claim.quote)
        assert note["about"] == claim.about
    by_note = {note["id"]: note for note in notes}
    assert by_note["billing.path"]["url"] == "guide/settings/billing/"
    assert by_note["billing.invoices.new-tab"]["url"] == "guide/settings/billing/#invoices"
    assert by_note["settings.sidebar.groups"]["url"] == "guide/settings/#the-settings-sidebar"
    assert by_note["billing.current-plan.flex-label"]["text"] == (
        "Flex Credits for personal or credit-based workspaces."
    )


def test_overlay_uses_the_report_statuses(registry: Registry, report: dict[str, Any]) -> None:
    notes = overlay(registry, DOCS, report)
    assert {note["id"]: note["status"] for note in notes} == {
        claim.id: STATUSES.get(claim.id, "not run") for claim in registry.claims
    }
    assert [note["url"] for note in notes] == [claim["url"] for claim in report["claims"]]


def test_overlay_says_not_checked_yet_for_claims_missing_from_the_report(
    registry: Registry,
) -> None:
    report = {"version": REPORT_VERSION, "claims": [{"id": "billing.path", "status": "failing"}]}
    notes = {note["id"]: note for note in overlay(registry, DOCS, report)}
    assert notes["billing.path"]["status"] == "failing"
    others = {note["status"] for key, note in notes.items() if key != "billing.path"}
    assert others == {NOT_CHECKED}
