"""The dialogs a URL opens on each state's pages: Plan & Billing's for members, Add workspace
everywhere, Transfer ownership for the Owner."""

from __future__ import annotations

import pytest

from prototype.pages.build import DOCS_URL
from prototype.pages.dialog_links import UNAVAILABLE, dialogs_of, unavailable_message
from prototype.pages.render import render_pages, views_of
from tests.expected import FIXTURE_SET, SHARED_STATE_IDS, STATE_IDS, role_views
from tests.site_html import parse_html

VIEWS = {view.state_id: view for view in views_of(FIXTURE_SET)}


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_each_state_links_the_dialogs_its_user_may_open(state_id: str) -> None:
    view = VIEWS[state_id]
    found = {(d.id, d.path) for d in dialogs_of(view, FIXTURE_SET.user)}
    home = f"w/{state_id}/"
    expected = {("add-workspace", f"{home}?dialog=add-workspace")}
    if state_id not in SHARED_STATE_IDS:
        expected |= {(d.id, f"{home}settings/billing/?dialog={d.id}") for d in view.dialogs}
        if role_views(state_id)[0][1].role == "owner":
            expected.add(
                ("transfer-ownership", f"{home}settings/account/?dialog=transfer-ownership")
            )
    assert found == expected


def test_a_link_to_a_dialog_the_page_does_not_offer_is_answered_in_words() -> None:
    """Every page's live region holds the words, with the one place the id goes."""
    assert UNAVAILABLE.count("{id}") == 1
    assert unavailable_message("transfer-ownership") == (
        "The link asks for the dialog \u201ctransfer-ownership\u201d, which this page does not"
        " offer in this state or to this role."
    )
    for path, html in render_pages(FIXTURE_SET, DOCS_URL):
        [status] = [e for e in parse_html(html).iter() if "data-prototype-status" in e.attrs]
        assert status.attrs["data-dialog-unavailable"] == UNAVAILABLE, path
