"""Render every prototype page of a fixture set with Jinja (autoescaped, strict)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from prototype.pages.settings_pages import BILLING, LANDING, SETTINGS_PAGES
from prototype.pages.views import BillingView, billing_view, catalogue_choices
from prototype.states.fixtures import FixtureSet
from prototype.states.formatting import long_date


def environment() -> Environment:
    """The Jinja environment: HTML autoescaped, undefined names an error."""
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
    shared: dict[str, Any] = {
        "today": fixture_set.today,
        "today_text": long_date(fixture_set.today),
        "user": fixture_set.user,
        "views": views,
        "docs_url": docs_url,
        "settings_pages": SETTINGS_PAGES,
        "landing": LANDING,
        "screenshots": dict(screenshots or {}),
        "choices": catalogue_choices(fixture_set.catalogue),
    }

    def page(path: str, template: str, **context: Any) -> tuple[str, str]:
        html = env.get_template(template).render(shared, root=_root(path), **context)
        return path, html

    yield page("index.html", "index/states.html", state=None, state_id="", page_kind="index")
    for view in views:
        each: dict[str, Any] = {"view": view, "state": view.state, "state_id": view.state_id}
        yield page(f"{view.home_path}index.html", "workspace/home.html", page_kind="home", **each)
        for entry in SETTINGS_PAGES:
            template = "settings/billing.html" if entry.slug == BILLING else "settings/outside.html"
            yield page(
                f"{view.home_path}settings/{entry.slug}/index.html",
                template,
                settings_page=entry,
                page_kind="billing" if entry.slug == BILLING else "settings",
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
