"""The accessibility bar: axe-core on every page and open dialog, a keyboard-only walk of the
documented path, and reflow at a phone's width and at 200% zoom.

axe-core (injected from the ``axe-playwright-python`` package, no network) runs its default rule
set on each state's prototype pages, with each dialog and the workspace switcher open, and on
every docs page. A violation of impact "serious" or "critical" fails the test; every result is
kept in ``reports/accessibility.json``: each page's URL, the rules that failed or were incomplete
(with impact and node count), those that passed, and the list of rules axe ran.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Page, expect

from prototype.pages.dialog_links import unavailable_message
from prototype.pages.workspaces import NEW_ID, NO_WORKSPACE
from prototype.states.actions import ActionId
from prototype.states.models import WorkspaceState
from tests.expected import (
    FIXTURE_SET,
    MEMBER_STATE_IDS,
    STATE_IDS,
    billing_url,
    home_url,
    members_url,
    newest_first,
    role_views,
    settings_url,
    state_ids,
)
from tests.flows_ui import (
    a_changing_choice,
    do_by_keyboard,
    expected_after,
    finish_by_mouse,
    flow_of,
    open_by_mouse,
    region,
    shown_sections,
    status,
    tab_to,
)
from tests.people_ui import (
    READ_ROWS,
    PeopleCase,
    app_cases,
    expected_rows,
    finish_by_keyboard,
    integration_cases,
    membership_cases,
    model_cases,
    open_by_keyboard,
    text_of,
)
from tests.people_ui import finish_by_mouse as finish_people_by_mouse
from tests.people_ui import open_by_mouse as open_people_by_mouse
from tests.tabs import SharedPage
from tests.workspace_ui import (
    WORKSPACE_ACTIONS,
    by_keyboard,
    by_mouse,
    expect_no_workspace,
    open_add_workspace,
)

AXE = Axe()
AXE_OPTIONS = {"resultTypes": ["violations"]}
"""axe's default rules (WCAG 2.0-2.2 A and AA, and best practices). ``resultTypes`` only trims
the nodes listed for passing rules, which the report does not need: it halves the run time."""
BLOCKING = ("critical", "serious")
REPORT = Path("reports") / "accessibility.json"

DOCS_PAGES = [
    "./",
    "guide/settings/",
    "guide/settings/workspaces/",
    "guide/settings/permissions-roles/",
    "guide/settings/billing/",
    "review/",
    "review/gallery/",
    "review/conformance/",
]
NOT_CHECKED = {"404.html": "links to its assets through site_url, which has no port in tests"}
STATE_PAGE_KINDS = ("home", "settings", "billing", "invoice")
REFLOW_WIDTHS = {"375px": 375, "200pct-zoom": 640}
"""A phone's width, and 200% zoom of the tests' 1280-pixel window: zoom halves the CSS pixels
a window is wide, so 640 CSS pixels is what a 1280-pixel window shows at 200%."""


def state_page_url(state_id: str, kind: str) -> str:
    """A state's page of one kind: home, a Settings page other than billing, billing, invoice."""
    if kind == "home":
        return home_url(state_id)
    if kind == "settings":
        return f"{home_url(state_id)}settings/members/"
    if kind == "billing":
        return billing_url(state_id)
    return f"{home_url(state_id)}invoices/{newest_first(FIXTURE_SET.states[state_id])[0]}/"


STATE_PAGE_IDS = [
    (state_id, kind)
    for state_id in STATE_IDS
    for kind in STATE_PAGE_KINDS
    if kind != "invoice" or FIXTURE_SET.states[state_id].invoices
]
STATE_PAGES = [pytest.param(*pair, id="-".join(pair)) for pair in STATE_PAGE_IDS]
PROTOTYPE_URLS = [
    *(pytest.param(state_page_url(*pair), id="-".join(pair)) for pair in STATE_PAGE_IDS),
    pytest.param("prototype/", id="reviewers-index"),
]


@dataclass(frozen=True)
class Opener:
    """A control that opens a panel: the page it is on, and the panel it should open."""

    url: Callable[[str], str]
    trigger: str
    panel: Callable[[WorkspaceState], str]
    applies: Callable[[WorkspaceState], bool] = lambda state: True


def plan_dialog(state: WorkspaceState) -> str:
    """Flex opens plan selection and credits, active Pro the tier change, canceled Pro resume."""
    if state.plan.type == "flex":
        return "#plans-and-credits"
    return "#resume-plan" if state.plan.status == "canceled" else "#change-plan"


OPENERS = {
    "workspace-switcher": Opener(home_url, ".switcher__button", lambda s: "#workspace-switcher"),
    "plan-action-dialog": Opener(billing_url, '[data-field="plan-action"]', plan_dialog),
    "payment-method-dialog": Opener(
        billing_url, '[data-field="payment-action"]', lambda s: "#payment-method"
    ),
    "add-credits-dialog": Opener(
        billing_url,
        '[data-field="add-credits"]',
        lambda s: "#plans-and-credits",
        applies=lambda s: s.plan.type == "flex",
    ),
}
OPEN_PANELS = [
    pytest.param(state_id, name, id=f"{state_id}-{name}")
    for state_id in STATE_IDS
    for name, opener in OPENERS.items()
    if opener.applies(FIXTURE_SET.states[state_id])
    and (opener.url is home_url or state_id in MEMBER_STATE_IDS)
]


@dataclass
class AxeReport:
    """Every axe run of the module, by page, written to ``reports/accessibility.json``."""

    site_url: str
    pages: dict[str, dict[str, Any]] = field(default_factory=dict)
    rules: set[str] = field(default_factory=set)
    engine: str = ""

    def add(self, name: str, url: str, results: dict[str, Any]) -> None:
        def by_rule(kind: str) -> dict[str, dict[str, Any]]:
            return {
                rule["id"]: {"impact": rule["impact"], "nodes": len(rule["nodes"])}
                for rule in results[kind]
            }

        kinds = ("violations", "incomplete", "passes", "inapplicable")
        self.rules.update(rule["id"] for kind in kinds for rule in results[kind])
        self.engine = f"axe-core {results['testEngine']['version']}"
        self.pages[name] = {
            "url": url.removeprefix(self.site_url),
            "counts": {kind: len(results[kind]) for kind in kinds},
            "violations": by_rule("violations"),
            "incomplete": by_rule("incomplete"),
            "passes": sorted(rule["id"] for rule in results["passes"]),
        }

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        summary = {
            "engine": self.engine,
            "options": AXE_OPTIONS,
            "failing_impacts": list(BLOCKING),
            "rules": sorted(self.rules),
            "pages": [{"page": name, **self.pages[name]} for name in sorted(self.pages)],
        }
        path.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def axe_report(site_url: str, pytestconfig: pytest.Config) -> Iterator[AxeReport]:
    """Collects the module's axe results; writes the report once the module is done."""
    report = AxeReport(site_url)
    yield report
    if report.pages:
        report.write(pytestconfig.rootpath / REPORT)


def target_text(node: dict[str, Any]) -> str:
    """A failing node's selector; parts inside frames or shadow roots joined by ``>>>``."""
    return " >>> ".join(
        part if isinstance(part, str) else " ".join(part) for part in node["target"]
    )


def assert_accessible(page: Page, report: AxeReport, name: str) -> None:
    """Run axe on the page as it is now; no serious or critical violation may remain."""
    results: dict[str, Any] = AXE.run(page, options=AXE_OPTIONS).response
    report.add(name, page.url, results)
    failures = []
    for rule in results["violations"]:
        if rule["impact"] not in BLOCKING:
            continue
        targets = [target_text(node) for node in rule["nodes"]]
        if targets:
            failures.append(
                f"{rule['id']} ({rule['impact']}): {rule['help']}\n    " + "\n    ".join(targets)
            )
    assert not failures, f"axe on {page.url}:\n" + "\n".join(failures)


@pytest.mark.parametrize(("state_id", "kind"), STATE_PAGES)
def test_prototype_page_passes_axe(
    shared_page: SharedPage, axe_report: AxeReport, state_id: str, kind: str
) -> None:
    assert_accessible(shared_page(state_page_url(state_id, kind)), axe_report, f"{state_id} {kind}")


@pytest.mark.parametrize(("state_id", "opener_name"), OPEN_PANELS)
def test_open_dialog_passes_axe(
    ui_page: Page, axe_report: AxeReport, state_id: str, opener_name: str
) -> None:
    """With each dialog, and the workspace switcher, open; Escape closes it and returns focus."""
    opener = OPENERS[opener_name]
    ui_page.goto(opener.url(state_id))
    trigger = ui_page.locator(opener.trigger)
    trigger.click()
    panel = ui_page.locator(opener.panel(FIXTURE_SET.states[state_id]))
    expect(panel).to_be_visible()
    assert_accessible(ui_page, axe_report, f"{state_id} {opener_name} open")
    ui_page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(trigger).to_be_focused()


MEMBERS_DIALOG_KINDS = ["add-member", "change-role", "resend", "remove"]
"""The Members page's dialog openers, by their ``data-field`` or ``data-action``."""
MEMBERS_VIEWS = [
    pytest.param(state_id, as_role, id=f"{state_id}-as-{as_role or 'you'}")
    for state_id in MEMBER_STATE_IDS
    for as_role, _ in role_views(state_id)
]


@pytest.mark.parametrize(("state_id", "as_role"), MEMBERS_VIEWS)
def test_members_page_and_its_dialogs_pass_axe(
    ui_page: Page, axe_report: AxeReport, state_id: str, as_role: str | None
) -> None:
    """The Members page as each role, then with each kind of dialog its role offers open."""
    url = members_url(state_id, as_role)
    ui_page.goto(url)
    name = f"{state_id} members as {as_role or 'you'}"
    assert_accessible(ui_page, axe_report, name)
    for kind in MEMBERS_DIALOG_KINDS:
        triggers = ui_page.locator(f'[data-field="{kind}"], [data-action="{kind}"]')
        if not triggers.count():
            continue
        trigger = triggers.first
        trigger.click()
        dialog = ui_page.locator(f'[id="{trigger.get_attribute("data-dialog")}"]')
        expect(dialog).to_be_visible()
        assert_accessible(ui_page, axe_report, f"{name} {kind} open")
        ui_page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()
        expect(trigger).to_be_focused()


@pytest.mark.parametrize(("state_id", "as_role"), MEMBERS_VIEWS)
def test_account_page_and_its_dialog_pass_axe(
    ui_page: Page, axe_report: AxeReport, state_id: str, as_role: str | None
) -> None:
    """The Account page as each role, and as the Owner with Transfer ownership open."""
    ui_page.goto(settings_url(state_id, "account", as_role))
    name = f"{state_id} account as {as_role or 'you'}"
    assert_accessible(ui_page, axe_report, name)
    transfer = ui_page.get_by_role("button", name="Transfer ownership")
    if not transfer.count():
        return
    transfer.click()
    expect(ui_page.get_by_role("dialog", name="Transfer ownership")).to_be_visible()
    assert_accessible(ui_page, axe_report, f"{name} transfer-ownership open")
    ui_page.keyboard.press("Escape")
    expect(transfer).to_be_focused()


@pytest.mark.parametrize("path", [*DOCS_PAGES, "prototype/"])
def test_docs_page_passes_axe(shared_page: SharedPage, axe_report: AxeReport, path: str) -> None:
    """Every docs page, and the reviewers' index of the prototype."""
    name = f"docs /{path.removeprefix('./')}" if path in DOCS_PAGES else "prototype index"
    assert_accessible(shared_page(path), axe_report, name)


def test_every_docs_page_is_checked(built_site: Path) -> None:
    pages = {
        path.relative_to(built_site).as_posix().removesuffix("index.html") or "./"
        for path in built_site.rglob("*.html")
        if path.relative_to(built_site).parts[0] != "prototype"
    }
    assert pages - set(NOT_CHECKED) == set(DOCS_PAGES)


@pytest.mark.parametrize(
    "state_id",
    [state_ids(lambda s: s.plan.type == "flex")[0], state_ids(lambda s: s.plan.type == "pro")[0]],
)
def test_documented_path_by_keyboard_alone(ui_page: Page, state_id: str) -> None:
    """Switcher, **Manage workspace**, **Plan & Billing**, then the payment method dialog:
    reached with Tab and worked with Space, Enter and Escape only."""
    ui_page.goto(home_url(state_id))
    switcher = ui_page.get_by_role("button", name=re.compile("Workspace switcher$"))
    tab_to(ui_page, switcher)
    ui_page.keyboard.press("Space")
    expect(switcher).to_have_attribute("aria-expanded", "true")

    manage = ui_page.get_by_role("link", name="Manage workspace", exact=True)
    tab_to(ui_page, manage)
    ui_page.keyboard.press("Enter")
    expect(ui_page.get_by_role("navigation", name="Settings")).to_be_visible()

    settings = ui_page.get_by_role("navigation", name="Settings")
    billing = settings.get_by_role("link", name="Plan & Billing", exact=True)
    tab_to(ui_page, billing)
    ui_page.keyboard.press("Enter")
    expect(ui_page.get_by_role("heading", name="Plan & Billing", level=1)).to_be_visible()

    button = ui_page.locator('[data-field="payment-action"]')
    tab_to(ui_page, button)
    ui_page.keyboard.press("Enter")
    dialog = ui_page.locator("#payment-method")
    expect(dialog.get_by_role("textbox", name="Name on card")).to_be_focused()
    ui_page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()


@contextmanager
def viewport_width(page: Page, width: int) -> Iterator[None]:
    """The page at ``width`` CSS pixels wide; its size before restored afterwards."""
    before = page.viewport_size or {"width": 1280, "height": 800}
    page.set_viewport_size({"width": width, "height": before["height"]})
    try:
        yield
    finally:
        page.set_viewport_size(before)


REFLOW_SCRIPT = """() => {
  const scrolls = (e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
  const name = (e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}` +
    `${e.classList.length ? '.' + [...e.classList].join('.') : ''}`;
  const scrollers = [...document.body.querySelectorAll('*')].filter(
    (e) => scrolls(e) && e.scrollWidth > e.clientWidth);
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    overflowing: [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((e) => !scrollers.some((s) => s.contains(e)) ||
        ['absolute', 'fixed'].includes(getComputedStyle(e).position))
      .map(name).slice(0, 10),
    unreachable: scrollers
      .filter((e) => !(e.tabIndex === 0 && e.getAttribute('role') === 'region' &&
        (e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby'))))
      .map(name),
  };
}"""


@pytest.mark.parametrize("width", list(REFLOW_WIDTHS.values()), ids=list(REFLOW_WIDTHS))
@pytest.mark.parametrize("url", PROTOTYPE_URLS)
def test_no_horizontal_scroll(shared_page: SharedPage, url: str, width: int) -> None:
    """No page scrolls sideways at 375 CSS pixels, nor at 200% zoom (WCAG 1.4.10 Reflow).

    200% zoom is emulated as WCAG's reflow does it: a window 1280 pixels wide at 200% lays the
    page out in 640 CSS pixels, so a 640-pixel viewport shows what that zoom shows. A data table
    may scroll inside its own container (WCAG allows it for tables), but that container must be
    reachable by keyboard to scroll: focusable, a region, with a name.
    """
    page = shared_page(url)
    with viewport_width(page, width):
        layout = page.evaluate(REFLOW_SCRIPT)
    assert layout["scrollWidth"] <= layout["innerWidth"], (
        f"scrolls sideways at {width}px: {layout['scrollWidth']} > {layout['innerWidth']}; "
        f"past the right edge: {layout['overflowing']}"
    )
    assert layout["unreachable"] == [], "scroll containers a keyboard cannot reach or name"


FLOW_CASES = [
    pytest.param("pro-canceled", "resume", id="resume"),
    pytest.param("pro-tier-renewing", "change-tier", id="change-tier"),
    pytest.param("flex-team", "move-to-pro", id="move-to-pro"),
    pytest.param("flex-no-credits", "buy-credits", id="buy-credits"),
    pytest.param("pro-no-payment-method", "save-card", id="add-card"),
    pytest.param("pro-no-tier", "save-card", id="change-card"),
]
"""Each kind of action once; the conformance run does each on every state, by mouse."""
WIDTHS = {"1280px": 1280, "375px": 375}


def assert_reflows(page: Page, width: int) -> None:
    layout = page.evaluate(REFLOW_SCRIPT)
    assert layout["scrollWidth"] <= layout["innerWidth"], (
        f"scrolls sideways at {width}px: past the right edge: {layout['overflowing']}"
    )


@pytest.mark.parametrize("width", list(WIDTHS.values()), ids=list(WIDTHS))
@pytest.mark.parametrize(("state_id", "action"), FLOW_CASES)
def test_each_action_by_keyboard_alone(
    flow_tab: Page, axe_report: AxeReport, state_id: str, action: ActionId, width: int
) -> None:
    """Tab to the button, Enter, arrows or typing, Enter: the action is done, announced, the
    focus back on the section's button; at 1280 pixels axe passes on the page that results and
    on the dialog it now opens, at 375 pixels nothing scrolls sideways."""
    state = FIXTURE_SET.states[state_id]
    choice = a_changing_choice(state, action)
    expected = expected_after(state_id, state, action, choice)
    page = flow_tab
    with viewport_width(page, width):
        page.goto(billing_url(state_id))
        do_by_keyboard(page, state, action, choice)
        expect(status(page)).to_have_text(expected.announced)
        button = region(page, flow_of(state, action).region).get_by_role("button")
        expect(button).to_be_focused()
        assert shown_sections(page) == expected.sections
        if width < 1280:
            assert_reflows(page, width)
            return
        assert_accessible(page, axe_report, f"{state_id} after {action}")
        page.keyboard.press("Enter")
        dialog = page.get_by_role("dialog")
        expect(dialog).to_be_visible()
        assert_accessible(page, axe_report, f"{state_id} after {action}, dialog open")
        page.keyboard.press("Escape")
        expect(button).to_be_focused()


@pytest.mark.parametrize(("state_id", "action"), FLOW_CASES)
def test_each_action_by_mouse_at_375px(flow_tab: Page, state_id: str, action: ActionId) -> None:
    """At a phone's width the dialog fits, and the action completes as at 1280 pixels."""
    state = FIXTURE_SET.states[state_id]
    choice = a_changing_choice(state, action)
    expected = expected_after(state_id, state, action, choice)
    page = flow_tab
    with viewport_width(page, REFLOW_WIDTHS["375px"]):
        page.goto(billing_url(state_id))
        dialog = open_by_mouse(page, state, action)
        assert_reflows(page, 375)
        finish_by_mouse(dialog, state, action, choice)
        expect(status(page)).to_have_text(expected.announced)
        assert shown_sections(page) == expected.sections
        assert_reflows(page, 375)


def test_card_dialog_with_its_errors_passes_axe(ui_page: Page, axe_report: AxeReport) -> None:
    ui_page.goto(billing_url("flex-team"))
    region(ui_page, "Payment Method").get_by_role("button").click()
    dialog = ui_page.get_by_role("dialog", name="Change Payment Method")
    dialog.get_by_role("button", name="Save card").click()
    expect(dialog.locator("[aria-invalid='true']")).to_have_count(4)
    assert_accessible(ui_page, axe_report, "flex-team payment-method dialog with errors")
    ui_page.keyboard.press("Escape")


@pytest.mark.parametrize("width", list(WIDTHS.values()), ids=list(WIDTHS))
@pytest.mark.parametrize("action", list(WORKSPACE_ACTIONS))
def test_each_workspace_action_by_keyboard_alone(
    flow_tab: Page, axe_report: AxeReport, action: str, width: int
) -> None:
    """Make default workspace, Add workspace, the details and a transfer with Tab, Enter and
    typing: done and announced; at 1280 pixels axe passes on the page it leads to, at 375
    nothing scrolls sideways."""
    url, announced = WORKSPACE_ACTIONS[action]
    page = flow_tab
    with viewport_width(page, width):
        page.goto(url)
        focused = by_keyboard(page, action)
        expect(status(page)).to_have_text(announced)
        if action != "add-workspace":
            expect(focused).to_be_focused()
        if width < 1280:
            assert_reflows(page, width)
            return
        assert_accessible(page, axe_report, f"after {action}")


@pytest.mark.parametrize("action", list(WORKSPACE_ACTIONS))
def test_each_workspace_action_by_mouse_at_375px(flow_tab: Page, action: str) -> None:
    url, announced = WORKSPACE_ACTIONS[action]
    page = flow_tab
    with viewport_width(page, REFLOW_WIDTHS["375px"]):
        page.goto(url)
        by_mouse(page, action)
        expect(status(page)).to_have_text(announced)
        assert_reflows(page, 375)


@pytest.mark.parametrize("width", list(WIDTHS.values()), ids=list(WIDTHS))
def test_workspace_forms_with_their_errors_pass_axe(
    ui_page: Page, axe_report: AxeReport, width: int
) -> None:
    """Add workspace, Transfer ownership and the Account page's form, each refusing every field
    it can: errors beside their fields, axe clean, nothing scrolling sideways."""
    page = ui_page
    with viewport_width(page, width):
        page.goto(WORKSPACE_ACTIONS["add-workspace"][0])
        dialog = open_add_workspace(page)
        dialog.get_by_label("Name", exact=True).fill("\t")
        dialog.get_by_role("button", name="Create workspace").click()
        expect(dialog.locator("[aria-invalid='true']")).to_have_count(2)
        check = assert_reflows if width < 1280 else None
        if check:
            check(page, width)
        else:
            assert_accessible(page, axe_report, "add-workspace dialog with errors")
        page.keyboard.press("Escape")

        page.goto(settings_url("pro-tier-renewing", "account"))
        details = page.get_by_role("region", name="Workspace details")
        for label, typed in [
            ("Name", " "),
            ("Unique URL", "-"),
            ("Website", "x"),
            ("Team size", "0"),
        ]:
            details.get_by_label(label, exact=True).fill(typed)
        details.get_by_role("button", name="Save").click()
        expect(details.locator("[aria-invalid='true']")).to_have_count(4)
        page.get_by_role("button", name="Transfer ownership").click()
        transfer = page.get_by_role("dialog", name="Transfer ownership")
        transfer.get_by_role("button", name="Start transfer").click()
        expect(transfer.locator("[aria-invalid='true']")).to_have_count(1)
        if check:
            check(page, width)
        else:
            assert_accessible(page, axe_report, "account form and transfer dialog with errors")
        page.keyboard.press("Escape")


@pytest.mark.parametrize("width", list(WIDTHS.values()), ids=list(WIDTHS))
def test_a_page_of_no_added_workspace_passes_axe(
    ui_page: Page, axe_report: AxeReport, width: int
) -> None:
    """The added workspace's Plan & Billing page in a tab that added none, linked with one of
    its dialogs: it says so, axe passes at 1280 pixels, nothing scrolls sideways at 375."""
    fresh = ui_page.context.new_page()
    with viewport_width(fresh, width):
        fresh.goto(f"{billing_url(NEW_ID)}?dialog=payment-method")
        said = f"{NO_WORKSPACE['said']} {unavailable_message('payment-method')}"
        expect_no_workspace(fresh, said)
        if width < 1280:
            assert_reflows(fresh, width)
        else:
            assert_accessible(fresh, axe_report, "no added workspace, dialog not offered")


PEOPLE_STATE = "pro-tier-renewing"
PEOPLE_CASES = [
    pytest.param(case, id=f"{case.page}-{case.action}")
    for case in [
        *(c for c in membership_cases(PEOPLE_STATE) if c.as_role is None),
        *(c for c in model_cases() if (c.state_id, c.as_role) == (PEOPLE_STATE, None)),
        *(c for c in integration_cases() if c.state_id == PEOPLE_STATE),
        *list(app_cases(PEOPLE_STATE))[:1],
    ]
]
"""Each kind of people action once, as the Owner: invite, resend, remove an invitation, change
a role, remove a member, pick the model, connect, disconnect, revoke an app. The conformance
run does each on every state and role view, by mouse."""


def people_focus(case: PeopleCase) -> str:
    """Where the focus is once the action is done (``READ_ROWS``'s ``focused``)."""
    if case.action == "invite":
        return "add-member"
    if case.action == "revoke":
        return "H2"
    return "Members table" if case.action.startswith("remove") else case.key


@pytest.mark.parametrize("width", list(WIDTHS.values()), ids=list(WIDTHS))
@pytest.mark.parametrize("case", PEOPLE_CASES)
def test_each_people_action_by_keyboard_alone(
    flow_tab: Page, axe_report: AxeReport, case: PeopleCase, width: int
) -> None:
    """Tab to the button, Enter, typing or arrows, Enter: done, announced, the focus on the
    opener or what took its place; axe passes on the open dialog and on the page after it at
    1280 pixels, nothing scrolls sideways at 375."""
    html, said, _ = expected_rows(case)
    page = flow_tab
    name = f"{case.state_id} {case.page} {case.action}"
    with viewport_width(page, width):
        page.goto(case.url)
        dialog = open_by_keyboard(page, case)
        if width < 1280:
            assert_reflows(page, width)
        else:
            assert_accessible(page, axe_report, f"{name} dialog open")
        finish_by_keyboard(page, dialog, case)
        expect(status(page)).to_have_text(said)
        shown = page.evaluate(READ_ROWS)
        assert (shown["rows"], shown["focused"]) == (text_of(html), people_focus(case))
        if width < 1280:
            assert_reflows(page, width)
        else:
            assert_accessible(page, axe_report, f"{name} after")


@pytest.mark.parametrize("case", PEOPLE_CASES)
def test_each_people_action_by_mouse_at_375px(flow_tab: Page, case: PeopleCase) -> None:
    html, said, _ = expected_rows(case)
    page = flow_tab
    with viewport_width(page, REFLOW_WIDTHS["375px"]):
        page.goto(case.url)
        dialog = open_people_by_mouse(page, case)
        assert_reflows(page, 375)
        finish_people_by_mouse(dialog, case)
        expect(status(page)).to_have_text(said)
        assert page.evaluate(READ_ROWS)["rows"] == text_of(html)
        assert_reflows(page, 375)


def test_invite_dialog_with_its_error_passes_axe(ui_page: Page, axe_report: AxeReport) -> None:
    ui_page.goto(members_url(PEOPLE_STATE))
    ui_page.get_by_role("button", name="Add New Member", exact=True).click()
    dialog = ui_page.get_by_role("dialog", name="Add New Member")
    dialog.get_by_role("button", name="Send invitation").click()
    expect(dialog.locator("[aria-invalid='true']")).to_have_count(1)
    assert_accessible(ui_page, axe_report, f"{PEOPLE_STATE} invite dialog with its error")
    ui_page.keyboard.press("Escape")


def test_members_page_with_the_other_views_note_passes_axe(
    flow_tab: Page, axe_report: AxeReport
) -> None:
    """The Admin's view while the Owner's holds changes (the other views' note), then with a
    change of its own (both notes, one Reset)."""
    page = flow_tab
    cases = {(c.as_role, c.action): c for c in membership_cases(PEOPLE_STATE)}
    for as_role in (None, "admin"):
        page.goto(members_url(PEOPLE_STATE, as_role))
        case = cases[(as_role, "invite")]
        expect(finish_people_by_mouse(open_people_by_mouse(page, case), case)).to_be_hidden()
    expect(page.locator("[data-people-others]")).to_be_visible()
    bar = page.get_by_role("complementary", name="Prototype")
    expect(bar.get_by_role("button", name="Reset", exact=True)).to_have_count(1)
    assert_accessible(page, axe_report, f"{PEOPLE_STATE} members as admin, both notes")
    page.goto(members_url(PEOPLE_STATE, "member"))
    expect(page.locator("[data-people-others]")).to_be_visible()
    assert_accessible(page, axe_report, f"{PEOPLE_STATE} members as member, the other views' note")
