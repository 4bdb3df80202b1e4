"""What the workspace actions show, and ``workspaces.json``: the added workspace's pages, the
marks the browser fills in, and the rules, messages and texts it is given."""

from __future__ import annotations

import re

import pytest

from prototype.pages.build import DOCS_URL
from prototype.pages.dialog_links import add_workspace_link
from prototype.pages.render import render_pages, views_of
from prototype.pages.workspaces import (
    DEFAULT_STATUS,
    DONE,
    NEW_EXAMPLE,
    NEW_ID,
    NO_WORKSPACE,
    done_message,
    new_workspace_state,
    product_address,
    rules,
    workspaces_data,
)
from prototype.states.models import EMAIL_PATTERN
from prototype.states.workspace_actions import create_workspace
from prototype.states.workspace_details import HOST_PATTERN, SLUG_PATTERN, WHITESPACE, WS
from prototype.states.workspace_input import FORM_MESSAGES, Taken
from tests.expected import FIXTURE_SET, MEMBER_STATE_IDS, SHARED_STATE_IDS, STATE_IDS
from tests.site_html import Element, parse_html

DATA = workspaces_data(FIXTURE_SET, views_of(FIXTURE_SET))


@pytest.fixture(scope="module")
def pages() -> dict[str, Element]:
    """Every page of the project's fixture set, parsed."""
    return {path: parse_html(html) for path, html in render_pages(FIXTURE_SET, DOCS_URL)}


def marked(page: Element, attribute: str) -> list[Element]:
    return [element for element in page.iter() if attribute in element.attrs]


def test_the_added_workspace_is_the_users_with_the_example_name() -> None:
    user, example = FIXTURE_SET.user, FIXTURE_SET.catalogue.new_workspace
    state = new_workspace_state(FIXTURE_SET)
    assert state == create_workspace(NEW_EXAMPLE, Taken(), example, user, FIXTURE_SET.today)
    assert state.workspace.name == NEW_EXAMPLE["name"]
    assert re.fullmatch(r"~[a-z]+", NEW_ID), "no fixture id can be it"


def test_workspaces_json_has_every_workspace_as_rendered() -> None:
    for state_id, state in FIXTURE_SET.states.items():
        details = DATA["workspaces"][state_id]
        assert details["name"] == state.workspace.name
        assert details["unique_url"] == state.workspace.unique_url
        assert details["home"] == f"w/{state_id}/"
    added = DATA["workspaces"][NEW_ID]
    assert (added["name"], added["created"], added["home"]) == (
        NEW_EXAMPLE["name"],
        False,
        "w/~new/",
    )
    assert set(DATA["workspaces"]) == {*STATE_IDS, NEW_ID}


def test_workspaces_json_says_who_may_choose_a_default() -> None:
    assert DATA["defaultable"] == MEMBER_STATE_IDS
    assert (DATA["user"], DATA["default"]) == (
        FIXTURE_SET.user.email,
        FIXTURE_SET.default_workspace,
    )


def test_the_browser_gets_pythons_rules_and_words() -> None:
    assert DATA["messages"] == FORM_MESSAGES
    assert DATA["rules"] == rules()
    assert (DATA["rules"]["slug"], DATA["rules"]["host"], DATA["rules"]["email"]) == (
        SLUG_PATTERN,
        HOST_PATTERN,
        EMAIL_PATTERN,
    )
    assert re.fullmatch(f"[{DATA['rules']['ws']}]+", WHITESPACE)
    assert DATA["rules"]["ws"] == WS
    assert DATA["texts"]["default_status"] == {
        "true": DEFAULT_STATUS[True],
        "false": DEFAULT_STATUS[False],
    }
    assert DATA["texts"]["done"] == DONE
    assert DATA["texts"]["no_workspace"] == NO_WORKSPACE


def test_what_the_live_region_says() -> None:
    assert done_message("default-set", name="Acme") == "Acme is now your default workspace."
    assert done_message("moved", address="/acme/settings/account/") == (
        "Saved the workspace details. This page is now at /acme/settings/account/."
    )


def test_a_settings_pages_address_in_perspective() -> None:
    workspace = FIXTURE_SET.states["pro-tier-renewing"].workspace
    parts = product_address(workspace, "account")
    assert parts == ("/", "acme-research", "/settings/account/")


def test_the_added_workspace_has_its_pages(pages: dict[str, Element]) -> None:
    home = pages[f"w/{NEW_ID}/index.html"]
    assert home.find("title").text == f"{NEW_EXAMPLE['name']} · Perspective prototype"
    current = [a for a in home.iter() if a.attrs.get("aria-current") == "true"]
    assert [a.text for a in current] == [NEW_EXAMPLE["name"]]
    assert "Added in this tab with Add workspace" in home.text
    account = pages[f"w/{NEW_ID}/settings/account/index.html"]
    assert {e.attrs["data-ws"] for e in marked(account, "data-ws")} >= {
        f"{NEW_ID} {field}" for field in ("name", "unique_url", "description", "website")
    }
    assert account.find("section", cls="danger-zone")


def test_every_page_of_the_added_workspace_can_say_none_was_added(
    pages: dict[str, Element],
) -> None:
    """Each holds, hidden, what it shows in a tab that added no workspace: the title, what it
    says, links to the state index and to Add workspace; the workspace's own parts (sidebar,
    header, content, the bar's lines on it) are marked to hide then."""
    added = {path: page for path, page in pages.items() if path.startswith(f"w/{NEW_ID}/")}
    assert added
    for path, page in added.items():
        assert "data-ws-new" in page.find("html").attrs, path
        [notice] = [e for e in marked(page, "data-ws-unless") if e.tag == "div"]
        assert (notice.attrs["data-ws-unless"], "hidden" in notice.attrs) == (
            f"{NEW_ID} created",
            True,
        )
        assert notice.find("h1").text == NO_WORKSPACE["title"]
        assert notice.find("p").text == NO_WORKSPACE["said"]
        root = "../" * path.count("/")
        links = {a.text: a.attrs["href"] for a in notice.find_all("a")}
        assert links == {
            NO_WORKSPACE["index"]: f"{root}index.html",
            NO_WORKSPACE["add"]: f"{root}{add_workspace_link(views_of(FIXTURE_SET))}",
        }
        hidden = {e.tag for e in marked(page, "data-ws-if") if "hidden" not in e.attrs}
        assert {"aside", "div", "bdi", "p"} <= hidden, path
        assert not [e for e in marked(page, "data-ws-if") if e.tag == "main"], "main stays"


def test_fixture_pages_have_no_added_workspace_notice(pages: dict[str, Element]) -> None:
    for path, page in pages.items():
        if not path.startswith(f"w/{NEW_ID}/"):
            assert "data-ws-new" not in page.find("html").attrs, path
            assert not marked(page, "data-ws-unless"), path


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_every_switcher_lists_the_added_workspace_once_it_is_added(
    pages: dict[str, Element], state_id: str
) -> None:
    home = pages[f"w/{state_id}/index.html"]
    [item] = [li for li in marked(home, "data-ws-if") if li.tag == "li"]
    assert (item.attrs["data-ws-if"], "hidden" in item.attrs) == (f"{NEW_ID} created", True)
    badges = [b.attrs["data-ws-default"] for b in marked(home, "data-ws-default")]
    assert badges == [*MEMBER_STATE_IDS, NEW_ID], "a shared workspace is nobody's default"
    shown = [b for b in marked(home, "data-ws-default") if "hidden" not in b.attrs]
    assert [b.attrs["data-ws-default"] for b in shown] == [FIXTURE_SET.default_workspace]
    toggles = marked(home, "data-ws-toggle")
    assert len(toggles) == (state_id not in SHARED_STATE_IDS)


@pytest.mark.parametrize("state_id", MEMBER_STATE_IDS)
def test_the_account_page_says_whose_default_it_is(
    pages: dict[str, Element], state_id: str
) -> None:
    """The user's default is the fixture set's; a member seen through View as has none."""
    for path, page in pages.items():
        if not path.startswith(f"w/{state_id}/settings/account/"):
            continue
        [toggle] = marked(page, "data-ws-toggle")
        mine = toggle.attrs["data-ws-toggle"] == FIXTURE_SET.user.email
        is_default = mine and state_id == FIXTURE_SET.default_workspace
        assert toggle.attrs["aria-pressed"] == str(is_default).lower(), path
        [status] = marked(page, "data-ws-status")
        assert status.text == DEFAULT_STATUS[is_default]


def test_the_index_says_which_workspace_opens_by_default(pages: dict[str, Element]) -> None:
    line = next(
        e for e in pages["index.html"].iter() if e.attrs.get("data-field") == "opens-by-default"
    )
    chosen = FIXTURE_SET.states[str(FIXTURE_SET.default_workspace)].workspace.name
    assert line.text.startswith(f"Open Perspective: {chosen}, your default workspace, opens.")
    [link] = line.find_all("a")
    assert link.attrs["href"] == f"w/{FIXTURE_SET.default_workspace}/"
