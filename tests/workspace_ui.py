"""Doing the workspace actions in a browser as a reviewer does, and what Python says the page
must then show: the Account page's sections rendered by the page's own macros for the state
an action leads to."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from prototype.pages.flows import macros
from prototype.pages.render import environment
from prototype.pages.settings_views import role_view
from prototype.pages.views import billing_view
from prototype.pages.workspaces import DEFAULT_STATUS, NEW_EXAMPLE, NO_WORKSPACE
from prototype.states.models import Member, WorkspaceState
from prototype.states.workspace_actions import NEW_WORKSPACE_TITLE
from prototype.states.workspace_input import Taken, taken_by
from tests.expected import FIXTURE_SET, MEMBER_STATE_IDS, Person
from tests.flows_ui import status, tab_to
from tests.site_html import Element, parse_html
from tests.ui import open_workspace_list, switcher

ACCOUNT = macros(environment(), "settings/account_parts.html")
"""The Account page's section macros, compiled once."""
DETAIL_LABELS = {
    "name": "Name",
    "unique_url": "Unique URL",
    "description": "Description",
    "website": "Website",
    "team_size": "Team size",
}
"""The Account page's fields, by what they hold, with their labels."""
NEW_WORKSPACE_LABELS = {
    "name": "Name",
    "unique_url": "Unique URL",
    "description": "Description (optional)",
}
"""The Add workspace form's fields, by what they hold, with their labels."""


def member(person: Person) -> Member:
    """A row of the Members page as the member it is."""
    return Member.model_validate(
        {"name": person.name or person.email, "email": person.email, "role": person.role}
    )


def others(state_id: str) -> Taken:
    """What every workspace but this one has taken: names and Unique URLs."""
    return taken_by(s.workspace for i, s in FIXTURE_SET.states.items() if i != state_id)


def open_add_workspace(page: Page) -> Locator:
    """Switcher, **Switch Workspace**, **Add workspace**: the dialog, open."""
    panel = open_workspace_list(page)
    panel.get_by_role("button", name="Add workspace", exact=True).click()
    dialog = page.get_by_role("dialog", name="Add workspace")
    expect(dialog).to_be_visible()
    return dialog


def add_workspace(page: Page, start: str, name: str) -> None:
    """From the home page at ``start``, add a workspace named ``name``: the tab is then in it."""
    page.goto(start)
    dialog = open_add_workspace(page)
    dialog.get_by_label("Name", exact=True).fill(name)
    dialog.get_by_role("button", name="Create workspace").click()
    expect(switcher(page)).to_contain_text(name)


def expect_no_workspace(page: Page, said: str = NO_WORKSPACE["said"]) -> None:
    """A page of the added workspace in a tab that added none: it says so, as its heading and
    title, in its text and in the live region (``said``), shows nothing of the example
    workspace, and links to the state index and to Add workspace."""
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(NO_WORKSPACE["title"])
    expect(main.get_by_text(NO_WORKSPACE["said"], exact=True)).to_be_visible()
    expect(status(page)).to_have_text(said)
    expect(page).to_have_title(f"{NO_WORKSPACE['title']} · Perspective prototype")
    bar = page.get_by_role("complementary", name="Prototype")
    expect(bar).to_contain_text(f"Prototype: {NO_WORKSPACE['title']}.", use_inner_text=True)
    expect(bar).not_to_contain_text(NEW_WORKSPACE_TITLE, use_inner_text=True)
    expect(page.get_by_text(NEW_EXAMPLE["name"]).filter(visible=True)).to_have_count(0)
    expect(switcher(page)).to_have_count(0)
    for name in (NO_WORKSPACE["index"], NO_WORKSPACE["add"]):
        expect(main.get_by_role("link", name=name, exact=True)).to_be_visible()


def make_default_button(page: Page, where: str) -> Locator:
    """**Make default workspace** in the open switcher, or in the Account page's section."""
    if where == "switcher":
        switcher(page).click()
        return page.locator("#workspace-switcher").get_by_role(
            "button", name="Make default workspace"
        )
    section = page.get_by_role("region", name="Default workspace")
    return section.get_by_role("button", name="Make default workspace")


def shown_details(page: Page) -> dict[str, str]:
    """The Workspace details section: each field's value as the page shows it."""
    section = page.get_by_role("region", name="Workspace details")
    if section.get_by_role("textbox").count():
        return {
            label: section.get_by_label(label, exact=True).input_value()
            for label in DETAIL_LABELS.values()
        }
    terms = section.locator("dt").all_inner_texts()
    values = section.locator("dd").all_inner_texts()
    return dict(zip(terms, values, strict=True))


def _labelled(section: Element) -> dict[str, str]:
    """A rendered details form: each field's value by its label; or a list's terms and values."""
    if section.find_all("form"):
        labels = {e.attrs["for"]: e.text for e in section.iter() if e.tag == "label"}
        return {
            labels[e.attrs["id"]]: e.text if e.tag == "textarea" else e.attrs.get("value", "")
            for e in section.iter()
            if e.tag in ("input", "textarea")
        }
    terms = [e.text for e in section.iter() if e.tag == "dt"]
    return dict(zip(terms, [e.text for e in section.iter() if e.tag == "dd"], strict=True))


def expected_details(state_id: str, state: WorkspaceState, viewer: Member) -> dict[str, str]:
    """The Workspace details section as Python renders it for ``state`` and ``viewer``."""
    html = ACCOUNT("details_section", billing_view(state_id, state), role_view(viewer))
    return _labelled(parse_html(html))


def default_badge(page: Page) -> Locator:
    """The switcher's **Default** mark, where it shows."""
    return page.get_by_text("Default", exact=True).filter(visible=True)


def default_status(is_default: bool) -> str:
    """What the Account page says of the workspace as the viewer's default."""
    return DEFAULT_STATUS[is_default]


NOT_DEFAULT = next(s for s in MEMBER_STATE_IDS if s != FIXTURE_SET.default_workspace)
"""A member state that is not the user's default (the first, in id order)."""
OWNER_STATE = "pro-tier-renewing"
"""A state whose workspace the user owns and whose Members page lists others."""
WORKSPACE_ACTIONS: dict[str, tuple[str, str]] = {
    "make-default": (
        f"prototype/w/{NOT_DEFAULT}/",
        f"{FIXTURE_SET.states[NOT_DEFAULT].workspace.name} is now your default workspace.",
    ),
    "add-workspace": (f"prototype/w/{OWNER_STATE}/", "Added Orbit Labs. You are its Owner."),
    "details": (
        f"prototype/w/{OWNER_STATE}/settings/account/",
        "Saved the workspace details.",
    ),
    "transfer": (
        f"prototype/w/{OWNER_STATE}/settings/account/",
        "Started the transfer of ownership to new.owner@example.com.",
    ),
}
"""Each workspace action: the page it starts on, and what the live region then says."""


def by_keyboard(page: Page, action: str) -> Locator:
    """Do ``action`` with Tab, Enter and typing only; returns what has the focus after it."""
    if action in ("make-default", "add-workspace"):
        tab_to(page, switcher(page))
        page.keyboard.press("Enter")
    if action == "make-default":
        button = page.get_by_role("button", name="Make default workspace")
        tab_to(page, button)
        page.keyboard.press("Enter")
        return button
    if action == "add-workspace":
        tab_to(page, page.get_by_role("button", name="Switch Workspace", exact=True))
        page.keyboard.press("Enter")
        tab_to(page, page.get_by_role("button", name="Add workspace"))
        page.keyboard.press("Enter")
        expect(page.get_by_label("Name", exact=True)).to_be_focused()
        page.keyboard.type("Orbit Labs")
        page.keyboard.press("Enter")
        return page.locator("body")
    if action == "details":
        name = page.get_by_role("region", name="Workspace details").get_by_label("Name", exact=True)
        tab_to(page, name)
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.type("Orbit Labs")
        page.keyboard.press("Enter")
        return name
    button = page.get_by_role("button", name="Transfer ownership")
    tab_to(page, button)
    page.keyboard.press("Enter")
    expect(page.get_by_label("New owner's email address")).to_be_focused()
    page.keyboard.type("new.owner@example.com")
    page.keyboard.press("Enter")
    return button


def by_mouse(page: Page, action: str) -> Locator | None:
    """Do ``action`` by clicking and filling; returns its dialog, if it has one."""
    if action == "make-default":
        make_default_button(page, "switcher").click()
        return None
    if action == "add-workspace":
        dialog = open_add_workspace(page)
        dialog.get_by_label("Name", exact=True).fill("Orbit Labs")
        dialog.get_by_role("button", name="Create workspace").click()
        return dialog
    if action == "details":
        details = page.get_by_role("region", name="Workspace details")
        details.get_by_label("Name", exact=True).fill("Orbit Labs")
        details.get_by_role("button", name="Save").click()
        return None
    page.get_by_role("button", name="Transfer ownership").click()
    dialog = page.get_by_role("dialog", name="Transfer ownership")
    dialog.get_by_label("New owner's email address").fill("new.owner@example.com")
    dialog.get_by_role("button", name="Start transfer").click()
    return dialog
