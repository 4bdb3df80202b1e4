"""Render every prototype page of a fixture set with Jinja (autoescaped, strict)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from prototype.pages.dialog_links import UNAVAILABLE, add_workspace_link, dialogs_of
from prototype.pages.members_view import members_view, viewers_by_role
from prototype.pages.people_pages import (
    OtherViews,
    other_views,
    people_key,
    reset_scope,
    view_id,
    view_label,
)
from prototype.pages.settings_pages import (
    BILLING,
    LANDING,
    MEMBERS,
    ROLE_PAGES,
    SETTINGS_PAGES,
    SettingsPage,
)
from prototype.pages.settings_views import integration_rows, model_view, role_view, user_view
from prototype.pages.views import BillingView, billing_view, catalogue_choices
from prototype.pages.workspaces import (
    DEFAULT_STATUS,
    NEW_ID,
    NO_WORKSPACE,
    new_workspace_view,
    product_address,
)
from prototype.states.fixtures import FixtureSet
from prototype.states.formatting import long_date
from prototype.states.membership import ROLES, sees_workspace_pages, viewer_of
from prototype.states.models import Member, Role
from prototype.states.workspace_actions import chooses_default

_INDENT = re.compile(r"\n[ \t]+")


def compact(html: str) -> str:
    """HTML without the templates' indentation: a line's leading blanks are whitespace between
    tags or inside one line of text (no page has ``<pre>`` or a multi-line ``<textarea>``)."""
    return _INDENT.sub("\n", html)


@functools.cache
def environment() -> Environment:
    """The Jinja environment: HTML autoescaped, undefined names an error. One per process, so
    a rebuild (``mkdocs serve``) compiles only the templates that changed (``auto_reload``)."""
    return Environment(
        loader=PackageLoader("prototype.pages", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def views_of(fixture_set: FixtureSet) -> list[BillingView]:
    """One view per state, in state id order."""
    return [billing_view(state_id, state) for state_id, state in fixture_set.states.items()]


def _root(path: str) -> str:
    """The relative prefix from the page at ``path`` back to the prototype root."""
    return "../" * path.count("/")


def render_pages(
    fixture_set: FixtureSet,
    docs_url: str,
    screenshots: Mapping[str, str] | None = None,
    views: list[BillingView] | None = None,
) -> Iterator[tuple[str, str]]:
    """Yield ``(path, html)`` for every page; paths are relative to the prototype root.

    ``docs_url`` is the docs root relative to the prototype root, e.g. ``"../"``;
    ``screenshots`` maps state ids to screenshot URLs for the reviewers' index; ``views`` are
    the states' views when the caller has them already.
    """
    env = environment()
    views = views if views is not None else views_of(fixture_set)
    user = fixture_set.user
    new_view = new_workspace_view(fixture_set)
    every = [*views, new_view]
    shared: dict[str, Any] = {
        "today": fixture_set.today,
        "today_text": long_date(fixture_set.today),
        "user": fixture_set.user,
        "views": views,
        "docs_url": docs_url,
        "settings_pages": SETTINGS_PAGES,
        "landing": LANDING,
        "screenshots": dict(screenshots or {}),
        "user_view": user_view(fixture_set.user),
        "default_workspace": fixture_set.default_workspace,
        "choices": catalogue_choices(fixture_set.catalogue),
        "new_id": NEW_ID,
        "new_view": new_view,
        "defaultable": {
            v.state_id for v in every if chooses_default(v.state, viewer_of(v.state, user))
        },
        "default_status": DEFAULT_STATUS,
        "dialog_links": {view.state_id: dialogs_of(view, user) for view in views},
        "add_workspace_link": add_workspace_link(views),
        "dialog_unavailable": UNAVAILABLE,
        "no_workspace": NO_WORKSPACE,
        "default_view": next(
            (v for v in views if v.state_id == fixture_set.default_workspace), None
        ),
    }

    def page(path: str, template: str, **context: Any) -> tuple[str, str]:
        html = env.get_template(template).render(shared, root=_root(path), **context)
        return path, compact(html)

    yield page("index.html", "index/states.html", state=None, state_id="", page_kind="index")
    for view in every:
        viewer = viewer_of(view.state, user)
        each: dict[str, Any] = {
            "view": view,
            "state": view.state,
            "state_id": view.state_id,
            "viewer": viewer,
            "is_default": is_default(fixture_set, view, viewer),
            "integrations": integration_rows(view.state.workspace, viewer),
        }
        yield page(f"{view.home_path}index.html", "workspace/home.html", page_kind="home", **each)
        for entry in SETTINGS_PAGES:
            path = f"{view.home_path}settings/{entry.slug}/"
            if entry.level == "workspace" and not sees_workspace_pages(viewer):
                yield page(
                    f"{path}index.html",
                    "settings/not_member.html",
                    settings_page=entry,
                    page_kind="not-member",
                    **each,
                )
            elif entry.slug in ROLE_PAGES and viewer is not None:
                yield from _role_pages(page, fixture_set, view, entry, path, each)
            else:
                yield page(
                    f"{path}index.html",
                    entry.template,
                    settings_page=entry,
                    page_kind="billing" if entry.slug == BILLING else "settings",
                    page_role=role_view(viewer) if viewer else None,
                    people_key=people_key(view.state_id, entry.slug, None),
                    people_scope=reset_scope(view.state_id, entry.slug),
                    **each,
                )
        for invoice in view.invoices:
            yield page(
                f"{invoice.path}index.html",
                "invoice/page.html",
                invoice=invoice,
                page_kind="invoice",
                **each,
            )


def is_default(fixture_set: FixtureSet, view: BillingView, member: Member | None) -> bool:
    """Whether the workspace is the member's default: the signed-in user's is the fixture set's
    ``default_workspace``; the other members have chosen none."""
    chosen = (
        fixture_set.default_workspace if member and member.email == fixture_set.user.email else None
    )
    return chosen is not None and chosen == view.state_id


def as_role_path(role: str) -> str:
    """Where a Settings page, seen as a member holding ``role``, lives below the page."""
    return f"as-{role}/"


def _view_as_links(
    own: Role, others: list[Role], current: Role | None
) -> list[tuple[str, str | None]]:
    """The prototype bar's "View as" links: ``(label, href)``, href ``None`` for this page."""
    up = "" if current is None else "../"
    links: list[tuple[str, str | None]] = []
    for role in ROLES:
        if role == own:
            links.append((view_label(None, own), None if current is None else up))
        elif role in others:
            href = None if role == current else up + as_role_path(role)
            links.append((view_label(role, own), href))
    return links


def _other_members_views(own: Role, others: list[Role], current: Role | None) -> OtherViews:
    """The Members views of the workspace other than the one viewed as ``current``, in the
    View-as links' order, and what the page says while they hold changes."""
    views = [None if role == own else role for role in ROLES if role == own or role in others]
    return other_views({view_id(v): view_label(v, own) for v in views}, view_id(current))


def _role_pages(
    page: Callable[..., tuple[str, str]],
    fixture_set: FixtureSet,
    view: BillingView,
    entry: SettingsPage,
    path: str,
    each: dict[str, Any],
) -> Iterator[tuple[str, str]]:
    """A page whose content depends on the viewer's role, as the signed-in user sees it and as
    a member of each other role the workspace has."""
    user, state, viewer = fixture_set.user, view.state, each["viewer"]
    others = {role: m for role, m in viewers_by_role(state, user).items() if m != viewer}
    for role, as_member in [(None, viewer), *others.items()]:
        yield page(
            f"{path}{as_role_path(role) if role else ''}index.html",
            entry.template,
            settings_page=entry,
            page_kind=entry.slug,
            members=members_view(state, user, as_member),
            model=model_view(state, as_member, fixture_set.catalogue.interviewer_models),
            page_role=role_view(as_member),
            people_key=people_key(view.state_id, entry.slug, role),
            people_scope=reset_scope(view.state_id, entry.slug),
            view_as_links=_view_as_links(viewer.role, list(others), role),
            other_views=(
                _other_members_views(viewer.role, list(others), role)
                if entry.slug == MEMBERS
                else None
            ),
            product_address=product_address(state.workspace, entry.slug),
            **(each | {"is_default": is_default(fixture_set, view, as_member)}),
        )
