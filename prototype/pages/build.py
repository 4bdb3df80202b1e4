"""The one entry point that turns fixtures into the prototype: used by the CLI, hook and tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from importlib.resources import files
from pathlib import Path
from typing import Any

from prototype.inputs.errors import InputError
from prototype.outputs.atomic_site import discard, publish, staging_dir
from prototype.outputs.jsontext import json_text
from prototype.outputs.memo import Memo, digest, files_digest
from prototype.pages.flows import flows_data
from prototype.pages.manifest import states_json
from prototype.pages.people_files import state_people_files
from prototype.pages.render import environment, render_pages, views_of
from prototype.pages.views import BillingView
from prototype.pages.workspaces import new_workspace_view, workspaces_data
from prototype.states.fixtures import FixtureSet, load_fixture_set
from prototype.states.models import WorkspaceState

DOCS_URL = "../"
"""The docs root as seen from the prototype root (the prototype lives in ``site/prototype/``)."""
SITE_PATH = "prototype/"
"""The prototype root as seen from the site root."""
TEMPLATES = Path(str(files("prototype.pages").joinpath("templates")))
Rendered = list[tuple[str, bytes]]
STATE_FILES: Memo[Rendered] = Memo(capacity=512)
"""Each state's ``flows.json`` and people data, by a digest of all they are made from: a
rebuild after a save renders only the states it changed."""


@dataclass(frozen=True)
class ReviewAids:
    """What the docs side adds for reviewers; the prototype builds without any of it."""

    claims: list[dict[str, Any]] = field(default_factory=list)
    """The doc claims "Show doc claims" outlines: ``id``, ``text``, ``status``, ``states``
    (checked on, in the last run), ``url`` (relative to the site root) and ``about`` (a CSS
    selector)."""
    screenshots: dict[str, str] = field(default_factory=dict)
    """A full-page screenshot per state id, as a URL relative to the prototype root."""


def prototype_files(
    fixture_set: FixtureSet, docs_url: str = DOCS_URL, aids: ReviewAids | None = None
) -> Iterator[tuple[str, bytes]]:
    """Every file of the prototype, as ``(path relative to its root, content)``: the pages (an
    added workspace's among them), each state's ``flows.json``, each people page's
    ``actions.json``, the assets, ``states.json``, ``workspaces.json`` and ``claims.json``."""
    aids = aids or ReviewAids()
    views = views_of(fixture_set)
    for path, html in render_pages(fixture_set, docs_url, aids.screenshots, views):
        yield path, html.encode()
    templates = files_digest(TEMPLATES.rglob("*.html"), TEMPLATES)
    shared = digest(
        templates,
        fixture_set.user.model_dump_json(),
        fixture_set.today.isoformat(),
        fixture_set.catalogue.model_dump_json(),
    )
    added = new_workspace_view(fixture_set)
    for view in [*views, added]:
        key = digest("flows", shared, view.state_id, view.state.model_dump_json())
        yield from STATE_FILES.get(key, partial(_flows_file, fixture_set, view))
    for state_id, state in [*fixture_set.states.items(), (added.state_id, added.state)]:
        key = digest("people", shared, state_id, state.model_dump_json())
        yield from STATE_FILES.get(key, partial(_people_files, fixture_set, state_id, state))
    for asset in sorted(
        files("prototype.pages").joinpath("static").iterdir(), key=lambda a: a.name
    ):
        if asset.is_file():
            yield f"assets/{asset.name}", asset.read_bytes()
    yield "states.json", states_json(fixture_set, views, SITE_PATH).encode()
    yield "workspaces.json", json_text(workspaces_data(fixture_set, views)).encode()
    claims = json_text({"claims": aids.claims})
    yield "claims.json", claims.encode()


def _flows_file(fixture_set: FixtureSet, view: BillingView) -> Rendered:
    data = flows_data(
        environment(), view, fixture_set.catalogue, fixture_set.today, fixture_set.user.name
    )
    return [(f"{view.home_path}flows.json", json_text(data).encode())]


def _people_files(fixture_set: FixtureSet, state_id: str, state: WorkspaceState) -> Rendered:
    found = state_people_files(environment(), fixture_set, state_id, state)
    return [(path, json_text(data).encode()) for path, data in found]


def write_prototype(
    fixture_set: FixtureSet, out_dir: Path, docs_url: str = DOCS_URL, aids: ReviewAids | None = None
) -> None:
    """Write every file of the prototype into ``out_dir``."""
    for path, content in prototype_files(fixture_set, docs_url, aids):
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def build(
    fixtures_dir: Path, out_dir: Path, docs_url: str = DOCS_URL, aids: ReviewAids | None = None
) -> FixtureSet:
    """Validate the fixtures and render the prototype into ``out_dir``, all or nothing.

    Raises :class:`~prototype.inputs.errors.InputError` on bad fixtures; ``out_dir`` is then
    untouched.
    """
    out_dir = out_dir.resolve()
    fixtures = fixtures_dir.resolve()
    if out_dir in (Path.cwd(), fixtures, *fixtures.parents):
        raise InputError([f"{out_dir}: OUT must be a folder of its own, not one the project needs"])
    fixture_set = load_fixture_set(fixtures_dir)
    staging = staging_dir(out_dir)
    discard(staging)
    staging.mkdir(parents=True)
    try:
        write_prototype(fixture_set, staging, docs_url, aids)
    except BaseException:
        discard(staging)
        raise
    publish(staging, out_dir)
    return fixture_set
