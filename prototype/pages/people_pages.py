"""The Settings pages whose actions people.js runs, where each finds its data, the key the tab
keeps a changed state under, and what Reset forgets."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from prototype.pages.members_view import ROLE_LABELS
from prototype.pages.settings_pages import MEMBERS, MODEL
from prototype.states.models import Role

INTEGRATIONS = "integrations"
CONNECTED_APPS = "connected-apps"
PEOPLE_PAGES = (MEMBERS, MODEL, INTEGRATIONS, CONNECTED_APPS)
"""The pages with people actions: membership, the model, integrations, connected apps."""
DATA_FILE = "actions.json"
"""Each such page's data, beside the page (``settings/members/as-admin/actions.json``)."""
YOUR_VIEW = "you"
"""The last part of the key of the signed-in user's own Members view; the others' is a role."""


def view_id(as_role: str | None) -> str:
    """The last part of a Members view's key: the role it is viewed as, or the user's own."""
    return as_role or YOUR_VIEW


def members_scope(state_id: str) -> str:
    """The start of the keys of every Members view of a workspace."""
    return f"w/{state_id}/{MEMBERS}/"


def people_key(state_id: str, slug: str, as_role: str | None) -> str:
    """Where the tab keeps what the page's actions changed, below the prototype's root: the
    membership per state and view (each view is a member acting on their own copy), the model
    and integrations per workspace, the connected apps once for the user (they are the user's
    in every workspace)."""
    if slug == CONNECTED_APPS:
        return CONNECTED_APPS
    if slug == MEMBERS:
        return f"{members_scope(state_id)}{view_id(as_role)}"
    return f"w/{state_id}/{slug}"


def reset_scope(state_id: str, slug: str) -> str:
    """What Reset on the page forgets, every key that starts with it: what every Members view
    of the workspace changed, or the page's own key."""
    return members_scope(state_id) if slug == MEMBERS else people_key(state_id, slug, None)


def view_label(as_role: Role | None, own: Role) -> str:
    """A Members view's name as the View-as links write it: the user's own is theirs."""
    return ROLE_LABELS[as_role] if as_role else f"{ROLE_LABELS[own]} (you)"


def other_views_note(labels: Sequence[str]) -> str:
    """What a Members view says while the views named ``labels`` hold changes in the tab."""
    named = [f"as {label}" for label in labels]
    views = named[-1] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    return (
        f"Changes made in this tab {views} are not shown here: each view acts on its own copy "
        "of the membership. Reset forgets them all."
    )


@dataclass(frozen=True)
class OtherViews:
    """The other Members views of a workspace, as one view's note names them."""

    views: tuple[str, ...]
    """Their keys' last parts, in the View-as links' order."""
    notes: dict[str, str]
    """The note for each set of them that may hold changes, by their ids joined by spaces."""


def other_views(labels: Mapping[str, str], current: str) -> OtherViews:
    """The views of ``labels`` (by id, in order) other than ``current``, and their notes."""
    others = tuple(view for view in labels if view != current)
    sizes = range(1, len(others) + 1)
    groups = (group for size in sizes for group in itertools.combinations(others, size))
    notes = {" ".join(group): other_views_note([labels[v] for v in group]) for group in groups}
    return OtherViews(others, notes)
