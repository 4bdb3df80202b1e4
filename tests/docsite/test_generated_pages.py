"""Generated docs pages of the review section: its landing page, the Conformance page and the
Prototype gallery, as Markdown."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from typing import Any

import markdown
import pytest

from prototype.conformance.pictures import StatePictures
from prototype.conformance.registry import Registry, load_registry
from prototype.conformance.report import TestOutcome as Ran  # not a test class
from prototype.conformance.report import build_report
from prototype.docsite.generated_pages import (
    CONFORMANCE_FRONT_MATTER,
    GALLERY_FRONT_MATTER,
    NOT_CHECKED_YET,
    REVIEW_FRONT_MATTER,
    STATUS_LABELS,
    conformance_page,
    gallery_page,
    review_page,
)
from prototype.docsource.frontmatter import FRONT_MATTER
from prototype.pages.views import billing_view
from prototype.states.fixtures import FixtureSet
from prototype.states.models import Credits, Plan, User, Workspace, WorkspaceState
from tests.expected import DOCS, FIXTURE_SET

SITE_EXTENSIONS = ["tables", "attr_list", "toc"]
"""The Markdown extensions of mkdocs.yml."""
HOSTILE = "<img src=x onerror=alert(1)> *bold* [x](y)"
HOSTILE_DESCRIPTION = "_under_ **strong** `code` # 1. \\ & &amp; {#id} <b>tag</b> | pipe"


class Parsed(HTMLParser):
    """The tags of an HTML fragment, and the text of each element that holds text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[tuple[str, str]] = []
        self._open: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in {"img", "br", "hr"}:
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open and data.strip():
            self.texts.append((self._open[-1], data))

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def text_of(self, tag: str) -> list[str]:
        return [text for name, text in self.texts if name == tag]


def render(page: str) -> str:
    """A generated page as the site renders it: front matter off, the site's extensions on."""
    match = FRONT_MATTER.match(page)
    assert match, "a generated page starts with front matter"
    return markdown.markdown(page[match.end() :], extensions=SITE_EXTENSIONS)


# conformance_page


def body_lines(page: str) -> list[str]:
    """A generated page's lines after its front matter and its H1, blank lines left out."""
    match = FRONT_MATTER.match(page)
    assert match, "a generated page starts with front matter"
    lines = [line for line in page[match.end() :].splitlines() if line.strip()]
    assert lines[0].startswith("# ")
    return lines[1:]


def test_conformance_page_without_a_report_says_so_in_one_line() -> None:
    page = conformance_page(None, set())
    assert page.startswith(CONFORMANCE_FRONT_MATTER)
    assert "# Conformance" in page.splitlines()
    status = page.split("\n## ", 1)[0]  # the flows' explanation follows, under its heading
    assert body_lines(status) == [NOT_CHECKED_YET]
    assert "fail" not in NOT_CHECKED_YET.lower()


@pytest.mark.parametrize(
    "front_matter", [REVIEW_FRONT_MATTER, GALLERY_FRONT_MATTER, CONFORMANCE_FRONT_MATTER]
)
def test_review_pages_stay_out_of_the_search(front_matter: str) -> None:
    assert "search:\n  exclude: true\n" in front_matter


# review_page


def test_review_page_links_the_prototype_gallery_and_conformance_report() -> None:
    html = render(review_page(None))
    links = {text: attrs.get("href") for (_, attrs), text in zip_links(html)}
    assert links == {
        "Settings prototype": "../prototype/index.html",
        "Prototype gallery": "gallery.md",
        "Conformance": "conformance.md",
    }


def zip_links(html: str) -> list[tuple[tuple[str, dict[str, str | None]], str]]:
    """Each link of an HTML fragment with its text."""
    parsed = Parsed(html)
    return list(
        zip([("a", attrs) for attrs in parsed.named("a")], parsed.text_of("a"), strict=True)
    )


def test_review_page_without_a_report_says_so_in_one_line() -> None:
    lines = body_lines(review_page(None))
    assert lines[-1] == NOT_CHECKED_YET
    assert [line for line in lines if "test results" in line] == [NOT_CHECKED_YET]


def test_review_page_sums_up_the_last_run(report: dict[str, Any]) -> None:
    assert body_lines(review_page(report))[-1].startswith("Last run: 2 verified, 1 failing, ")


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(DOCS / "claims.yaml")


RESULTS = {
    "billing.path": [Ran("t::test_path", None, "passed")],
    "billing.invoices.section": [
        Ran("t::test_rows[b]", "b", "passed"),
        Ran("t::test_rows[a]", "a", "passed"),
    ],
    "billing.current-plan.tier": [Ran("t::test_tier", "pro-tier-renewing", "failed")],
    "billing.credits.renewal": [Ran("t::test_renewal", "pro-tier-renewing", "xfailed")],
}
STATUSES = {
    "billing.path": "verified",
    "billing.invoices.section": "verified",
    "billing.current-plan.tier": "failing",
    "billing.credits.renewal": "expected to fail",
}
WITH_EVIDENCE = {"billing.path", "billing.invoices.new-tab"}


@pytest.fixture(scope="module")
def report(registry: Registry) -> dict[str, Any]:
    return build_report(registry, DOCS, RESULTS, {})


@pytest.fixture(scope="module")
def page(report: dict[str, Any]) -> str:
    return conformance_page(report, WITH_EVIDENCE)


def rows(page: str) -> dict[str, str]:
    """The claims table's rows by claim id."""
    found = {}
    for line in page.splitlines():
        if line.startswith("| [`"):
            found[line.removeprefix("| [`").partition("`")[0]] = line
    return found


def test_conformance_page_has_one_row_per_claim(registry: Registry, page: str) -> None:
    assert page.startswith(CONFORMANCE_FRONT_MATTER)
    assert list(rows(page)) == [claim.id for claim in registry.claims]


def test_conformance_page_summary(registry: Registry, page: str) -> None:
    not_run = len(registry.claims) - len(STATUSES)
    not_testable = len(registry.not_testable)
    assert (
        f"Last run: 2 verified, 1 failing, 1 expected to fail, {not_testable} not testable, "
        f"{not_run} not run." in page
    )


@pytest.mark.parametrize(
    ("claim_id", "cells"),
    [
        (
            "billing.path",
            [
                "[`billing.path`](#billing-path)",
                "Verified",
                "all pages (no state)",
                "[Introduction](../guide/settings/billing.md)",
            ],
        ),
        (
            "billing.invoices.section",
            [
                "[`billing.invoices.section`](#billing-invoices-section)",
                "Verified",
                "a, b",
                "[Invoices](../guide/settings/billing.md#invoices)",
            ],
        ),
        (
            "billing.current-plan.tier",
            [
                "[`billing.current-plan.tier`](#billing-current-plan-tier)",
                "Failing",
                "pro-tier-renewing",
                "[Current Plan](../guide/settings/billing.md#current-plan)",
            ],
        ),
        (
            "billing.credits.renewal",
            [
                "[`billing.credits.renewal`](#billing-credits-renewal)",
                "Expected to fail",
                "pro-tier-renewing",
                "[Credits](../guide/settings/billing.md#credits)",
            ],
        ),
        (
            "settings.sidebar.groups",
            [
                "[`settings.sidebar.groups`](#settings-sidebar-groups)",
                "Not run",
                "all pages (no state)",
                "[The Settings sidebar](../guide/settings/index.md#the-settings-sidebar)",
            ],
        ),
    ],
)
def test_conformance_page_row(page: str, claim_id: str, cells: list[str]) -> None:
    assert rows(page)[claim_id] == "| " + " | ".join(cells) + " |"


def test_conformance_page_quotes_each_claim_with_its_status(
    report: dict[str, Any], page: str
) -> None:
    lines = page.splitlines()
    for claim in report["claims"]:
        heading = f"### {claim['id']} {{#{claim['id'].replace('.', '-')}}}"
        assert heading in lines
        at = lines.index(heading)
        assert lines[at + 2] == f"> {claim['text']}"
        assert lines[at + 4].startswith(f"**{STATUS_LABELS[claim['status']]}** · ")
        assert lines[at + 4].endswith(f" · {len(claim['tests'])} test run(s)")


def test_conformance_page_shows_evidence_only_for_claims_that_have_it(page: str) -> None:
    images = [line for line in page.splitlines() if line.startswith("![")]
    assert images == [
        f"![Evidence for {claim_id}](evidence/{claim_id}.png)"
        for claim_id in ["billing.path", "billing.invoices.new-tab"]
    ]


def test_conformance_page_lists_not_testable_sentences(
    registry: Registry, report: dict[str, Any], page: str
) -> None:
    table = page.split("\n## Not testable\n", 1)[1]
    lines = [line for line in table.splitlines() if line.startswith("| ")]
    assert lines[0] == "| Sentence | Why | In the docs |"
    assert lines[1] == "| --- | --- | --- |"
    assert len(lines) == 2 + len(registry.not_testable)
    for line, item in zip(lines[2:], registry.not_testable, strict=True):
        assert line.startswith(f"| {' '.join(item.quote).replace('|', chr(92) + '|')} | ")
    cells = Parsed(render(page)).text_of("td")
    assert all(item.reason in cells for item in registry.not_testable)


def test_conformance_page_renders_two_tables_with_a_row_per_entry(
    registry: Registry, page: str
) -> None:
    parsed = Parsed(render(page))
    assert len(parsed.named("table")) == 2
    cells = 4 * len(registry.claims) + 3 * len(registry.not_testable)
    assert len(parsed.named("td")) == cells
    assert len(parsed.named("tr")) == 2 + len(registry.claims) + len(registry.not_testable)
    ids = {attrs.get("id") for attrs in parsed.named("h3")}
    assert ids == {claim.id.replace(".", "-") for claim in registry.claims}
    links = {attrs.get("href") for attrs in parsed.named("a")}
    assert {f"#{claim_id}" for claim_id in ids if claim_id} <= links


def test_conformance_page_escapes_pipes_in_table_cells() -> None:
    entry = {"page": "p.md", "section": "A | B", "url": "p/#a-b", "status": "not testable"}
    report = {
        "summary": {"not testable": 1},
        "claims": [],
        "not_testable": [{**entry, "text": "One | two.", "reason": "Because | why."}],
    }
    parsed = Parsed(render(conformance_page(report, set())))
    assert parsed.text_of("td") == ["One | two.", "Because | why."]
    assert parsed.text_of("a") == ["A | B"]


def test_conformance_page_shows_a_reason_literally() -> None:
    entry = {"page": "p.md", "section": "", "url": "p/", "status": "not testable"}
    report = {
        "summary": {"not testable": 1},
        "claims": [],
        "not_testable": [{**entry, "text": "One.", "reason": HOSTILE_DESCRIPTION}],
    }
    page = conformance_page(report, set())
    front, _, rest = page.partition("\n## Not testable\n")
    table = rest.split("\n## ", 1)[0]
    parsed = Parsed(render(front.split("\n---\n", 1)[0] + "\n---\n" + table))
    assert parsed.text_of("td") == ["One.", HOSTILE_DESCRIPTION]
    for tag in ["em", "strong", "b", "code", "img"]:
        assert parsed.named(tag) == [], tag


# gallery_page


def state(title: str = HOSTILE, description: str = HOSTILE_DESCRIPTION) -> WorkspaceState:
    return WorkspaceState(
        title=title,
        description=description,
        workspace=Workspace(name="Hostile", kind="team"),
        plan=Plan(type="flex"),
        credits=Credits(balance=0, total=0),
    )


def fixture_set(**states: WorkspaceState) -> FixtureSet:
    return FixtureSet(
        today=dt.date(2026, 5, 20),
        user=User(name="Maya", email="maya@example.com"),
        states=states,
        catalogue=FIXTURE_SET.catalogue,
    )


PICTURES = StatePictures(
    desktop="plain.png",
    phone="plain--phone.png",
    dialogs={"payment-method": "plain--dialog-payment-method.png"},
)


def test_gallery_page_lists_each_state() -> None:
    hostile = fixture_set(hostile=state(), plain=state("Plain title", "Plain description."))
    page = gallery_page(hostile, {"plain": PICTURES})
    assert page.startswith(GALLERY_FRONT_MATTER)
    assert "today is fixed at 2026-05-20" in page
    for state_id, workspace_state in hostile.states.items():
        path = billing_view(state_id, workspace_state).billing_path
        assert f"[Open this state](../prototype/{path}index.html)" in page
    assert "## Plain title\n\nPlain description\\.\n" in page
    assert page.count("No pictures of this state yet.") == 1


def test_gallery_page_without_pictures_says_so_in_one_line() -> None:
    page = gallery_page(fixture_set(plain=state("Plain title", "Plain description.")), {})
    assert body_lines(page) == [
        NOT_CHECKED_YET,
        "## Plain title",
        "Plain description\\.",
        "[Open this state](../prototype/w/plain/settings/billing/index.html)",
    ]


def test_gallery_pictures_open_full_size_side_by_side() -> None:
    html = render(gallery_page(fixture_set(plain=state("Plain title")), {"plain": PICTURES}))
    parsed = Parsed(html)
    shots = "../assets/screenshots/"
    assert parsed.named("img") == [
        {
            "alt": f"Plan & Billing at {kind} width: Plain title",
            "src": f"{shots}{name}",
            "class": f"gallery__shot gallery__shot--{kind}",
            "loading": "lazy",
        }
        for kind, name in [("desktop", "plain.png"), ("phone", "plain--phone.png")]
    ] + [
        {
            "alt": "Payment method dialog open: Plain title",
            "src": f"{shots}plain--dialog-payment-method.png",
            "class": "gallery__shot gallery__shot--dialog",
            "loading": "lazy",
        }
    ]
    targets = [attrs.get("href") for attrs in parsed.named("a")][1:]
    assert targets == [attrs.get("src") for attrs in parsed.named("img")]
    rows = [attrs for attrs in parsed.named("p") if attrs.get("class") == "gallery__row"]
    assert len(rows) == 2


def test_gallery_page_escapes_fixture_text_in_markdown() -> None:
    page = gallery_page(fixture_set(hostile=state()), {})
    assert "<img" not in page
    assert "<b>" not in page
    assert "## &lt;img src=x onerror=alert\\(1\\)&gt; \\*bold\\* \\[x\\]\\(y\\)" in page
    assert "&amp;amp;" in page


@pytest.mark.parametrize("with_pictures", [False, True])
def test_gallery_page_shows_fixture_text_literally(with_pictures: bool) -> None:
    pictures = {"hostile": StatePictures(desktop="hostile.png")} if with_pictures else {}
    html = render(gallery_page(fixture_set(hostile=state()), pictures))
    assert "&lt;img" in html
    parsed = Parsed(html)
    assert parsed.text_of("h2") == [HOSTILE]
    assert HOSTILE_DESCRIPTION in parsed.text_of("p")
    for tag in ["em", "strong", "b", "table", "code"]:
        assert parsed.named(tag) == [], tag
    assert parsed.text_of("a") == ["Open this state"]
    images = [{"alt": attrs.get("alt"), "src": attrs.get("src")} for attrs in parsed.named("img")]
    assert images == (
        [
            {
                "alt": f"Plan & Billing at desktop width: {HOSTILE}",
                "src": "../assets/screenshots/hostile.png",
            }
        ]
        if with_pictures
        else []
    )
    assert all(attrs.get("id") != "id" for _, attrs in parsed.tags)


@pytest.mark.parametrize("with_report", [False, True], ids=["no-report", "report"])
def test_conformance_page_explains_flows_and_deep_links(
    report: dict[str, Any], with_report: bool
) -> None:
    page = conformance_page(report if with_report else None, set())
    assert "## Flows and deep links" in page.splitlines()
    assert "?dialog=payment-method" in page
    assert "**Reset**" in page
    assert "`fixtures/_catalogue.yaml`" in page
    assert "**Make default workspace**" in page


def test_conformance_page_counts_each_claimed_page(report: dict[str, Any]) -> None:
    """Every claimed page has a line: its claims by status, and its not-testable sentences."""
    page = conformance_page(report, set())
    pages = {entry["page"] for entry in [*report["claims"], *report["not_testable"]]}
    listed = [line for line in page.splitlines() if line.startswith("- [`guide/")]
    assert sorted(line.split("`")[1] for line in listed) == sorted(pages)
    for line in listed:
        assert line.split("`")[2].startswith("](../guide/")
