"""Property-based checks: generated workspace states, rendered and checked in a real browser.

Hypothesis draws valid :class:`WorkspaceState` objects from strategies that follow the models'
own rules. They are drawn once per run with a fixed seed (``GENERATED_STATES_SEED`` overrides
it), rendered in batches with :func:`write_prototype`, served over local HTTP and checked
against the documented rules of the Plan & Billing page in Chromium: one ``goto`` and one read
of the page's regions per state, then plain assertions. A failure names each failing state by
index and id, says which rule and what the page showed, dumps the state as JSON, keeps a
screenshot and prints the seed that reproduces the run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from playwright.sync_api import Browser, Page

from prototype.pages.build import write_prototype
from prototype.states.fixtures import STATE_ID
from prototype.states.models import (
    Money,
    WorkspaceState,
)
from tests.billing_rules import (
    READ_REGIONS,
    Link,
    Region,
    credits_problems,
    current_plan_problems,
    differs,
    payment_method_problems,
    squash,
    squashed,
)
from tests.expected import card_text, newest_first, shown_date
from tests.serving import serve
from tests.strategies import (
    CURRENCIES,
    SEED,
    batched_sets,
    batches,
    generated_states,
    state_id,
)

MIN_STATES = 200
"""The fewest generated states a run must check."""
MAX_FAILED_STATES = 10
"""Stop reporting after this many failing states."""
INVOICE_COLUMNS = ["Date", "Invoice number", "Amount", "Payment method"]


def test_generated_states_are_valid_and_varied() -> None:
    """Every state validates against "today", and the draw reaches every documented case."""
    found = generated_states()
    assert len(found) >= MIN_STATES, f"only {len(found)} distinct states (seed {SEED})"
    plans = [state.plan for state in found]
    reached = {
        "flex": any(plan.type == "flex" for plan in plans),
        "pro active": any(plan.status == "active" for plan in plans),
        "pro canceled": any(plan.status == "canceled" for plan in plans),
        "tier": any(plan.tier for plan in plans),
        "pro without tier": any(plan.type == "pro" and not plan.tier for plan in plans),
        "renewal date": any(plan.renews_on for plan in plans),
        "active without renewal date": any(
            plan.status == "active" and not plan.renews_on for plan in plans
        ),
        "active with end date": any(
            plan.status == "active" and plan.active_until for plan in plans
        ),
        "card": any(state.payment_method for state in found),
        "no card": any(state.payment_method is None for state in found),
        "no invoices": any(not state.invoices for state in found),
        "several invoices": any(len(state.invoices) >= 3 for state in found),
        "invoices on one day": any(
            len({i.date for i in state.invoices}) < len(state.invoices) for state in found
        ),
        "zero-decimal currency": any(
            i.amount.currency in ("JPY", "KRW") for state in found for i in state.invoices
        ),
        "markup-like name": any("<" in state.workspace.name for state in found),
        "RTL name": any(re.search("[\u0590-\u06ff]", state.workspace.name) for state in found),
        "longest name": any(len(state.workspace.name) == 200 for state in found),
    }
    missing = [case for case, hit in reached.items() if not hit]
    assert not missing, f"no generated state has: {', '.join(missing)} (seed {SEED})"
    for batch in batches(found):
        assert all(STATE_ID.match(state_id(index)) for index in batch)
        assert len({found[index].workspace.name for index in batch}) == len(batch)


@dataclass(frozen=True)
class Case:
    """One generated state, as served."""

    index: int
    state_id: str
    state: WorkspaceState
    root: Path
    """The folder its prototype build was written into."""
    root_url: str
    """That folder's URL."""

    @property
    def billing_url(self) -> str:
        return f"{self.root_url}w/{self.state_id}/settings/billing/"


@pytest.fixture(scope="module")
def served_cases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Case]]:
    """The generated states, built in batches of prototypes and served over local HTTP."""
    root = tmp_path_factory.mktemp("generated")
    found = generated_states()
    folders = []
    for number, (batch, fixture_set) in enumerate(batched_sets(found)):
        folder = root / f"batch-{number}"
        write_prototype(fixture_set, folder)
        folders.append((folder, batch))
    with serve(root) as url:
        cases = [
            Case(index, state_id(index), found[index], folder, f"{url}{folder.name}/")
            for folder, batch in folders
            for index in batch
        ]
        yield sorted(cases, key=lambda case: case.index)


def amount_text(money: Money) -> str:
    """``$1,234.50``, ``¥1,234``, ``KWD1.234``: worked out without the app's code."""
    symbol, decimals = CURRENCIES[money.currency]
    units, cents = divmod(money.minor_units, 10**decimals)
    return f"{symbol}{units:,}" + (f".{cents:0{decimals}d}" if decimals else "")


def invoices_problems(region: Region, case: Case) -> list[str]:
    """The four columns, one row per invoice, newest first, each with its link."""
    state = case.state
    numbers = newest_first(state)
    if not numbers:
        return differs("invoice rows", [], region["rows"])
    problems = differs("invoice columns", INVOICE_COLUMNS, squashed(region["headers"]))
    rows = [squashed(row["cells"]) for row in region["rows"]]
    shown = [cells[1].split(" ")[0] if len(cells) > 1 else "" for cells in rows]
    if shown != numbers:
        return [
            *problems,
            f"invoice rows: expected {numbers} (newest first), the page shows {shown}",
        ]
    by_number = {invoice.number: invoice for invoice in state.invoices}
    for number, cells, row in zip(numbers, rows, region["rows"], strict=True):
        invoice = by_number[number]
        expected = [
            shown_date(invoice.date),
            cells[1],
            amount_text(invoice.amount),
            card_text(invoice.paid_with),
        ]
        problems += differs(f"invoice {number} row", expected, cells)
        if len(row["links"]) != 1:
            problems.append(f"invoice {number}: {len(row['links'])} links in its row, not 1")
        for link in row["links"]:
            problems += link_problems(number, link, case)
    return problems


def link_problems(number: str, link: Link, case: Case) -> list[str]:
    """Opens in a new tab without opener or referrer, to this invoice's page in the build."""
    problems: list[str] = []
    if squash(link["text"]).split(" ")[0] != number:
        problems.append(f"invoice {number}: the link reads {link['text']!r}")
    if link["target"] != "_blank":
        problems.append(f"invoice {number}: link target {link['target']!r}, not '_blank'")
    if not {"noopener", "noreferrer"} <= set(link["rel"].split()):
        problems.append(f"invoice {number}: link rel {link['rel']!r}, not 'noopener noreferrer'")
    href = link["href"]
    built = case.root / unquote(href.removeprefix(case.root_url).split("#")[0]) / "index.html"
    if not (
        href.startswith(case.root_url)
        and built.is_file()
        and re.search(f"Invoice {re.escape(number)}(?![A-Z0-9-])", built.read_text("utf-8"))
    ):
        problems.append(f"invoice {number}: the link {href} is not its invoice page in the build")
    return problems


def check_state(page: Page, case: Case) -> list[str]:
    """Every documented rule on one state's Plan & Billing page; returns what breaks them."""
    page.goto(case.billing_url)
    regions: dict[str, Region] = page.evaluate(READ_REGIONS)
    problems: list[str] = []
    for name in ("Current Plan", "Available Credits", "Payment Method", "Invoices"):
        if name not in regions:
            problems.append(f"no region named {name!r}; the page has {sorted(regions)}")
    if problems:
        return problems
    return [
        *current_plan_problems(regions["Current Plan"], case.state),
        *credits_problems(regions["Available Credits"], case.state),
        *payment_method_problems(regions["Payment Method"], case.state),
        *invoices_problems(regions["Invoices"], case),
    ]


@pytest.fixture(scope="module")
def billing_tab(browser: Browser, browser_context_args: dict[str, Any]) -> Iterator[Page]:
    """A tab in a context of its own, outside the session's trace, which would record every
    one of a thousand checks; a failing state is kept as a screenshot instead."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    yield page
    context.close()


def test_generated_states_follow_the_billing_rules(
    billing_tab: Page, served_cases: list[Case], output_path: str
) -> None:
    """Each generated state's Plan & Billing page shows what billing.md says it shows."""
    failures: list[str] = []
    checked = 0
    for case in served_cases:
        problems = check_state(billing_tab, case)
        checked += 1
        if problems:
            screenshot = Path(output_path) / f"{case.state_id}.png"
            billing_tab.screenshot(path=screenshot, full_page=True)
            failures.append(
                f"state #{case.index} ({case.state_id}, {case.billing_url}):\n"
                + "".join(f"  - {problem}\n" for problem in problems)
                + f"  state: {case.state.model_dump_json()}\n  screenshot: {screenshot}"
            )
            if len(failures) == MAX_FAILED_STATES:
                break
    print(f"checked {checked} generated workspace states in the browser (seed {SEED})")
    stopped = f", stopped at {MAX_FAILED_STATES}" if len(failures) == MAX_FAILED_STATES else ""
    assert not failures, (
        f"{len(failures)} of {checked} generated states break a documented rule{stopped} "
        f"(hypothesis seed {SEED}; the same seed, GENERATED_STATES_SEED={SEED}, reruns them):\n"
        + "\n".join(failures)
    )
    assert checked >= MIN_STATES, f"only {checked} states checked (seed {SEED})"
