"""The one entry point that turns fixtures into the prototype: used by the CLI, hook and tests."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from .atomic_site import discard, publish, staging_dir
from .errors import InputError
from .fixtures import FixtureSet, load_fixture_set
from .manifest import states_json
from .render import render_pages, views_of

DOCS_URL = "../"
"""The docs root as seen from the prototype root (the prototype lives in ``site/prototype/``)."""
SITE_PATH = "prototype/"
"""The prototype root as seen from the site root."""


def write_prototype(fixture_set: FixtureSet, out_dir: Path, docs_url: str = DOCS_URL) -> None:
    """Write every page, the assets and ``states.json`` into ``out_dir`` (which must be new)."""
    for path, html in render_pages(fixture_set, docs_url):
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    assets = out_dir / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    for asset in files("prototype").joinpath("static").iterdir():
        if asset.is_file():
            (assets / asset.name).write_bytes(asset.read_bytes())
    manifest = states_json(fixture_set, views_of(fixture_set), SITE_PATH)
    (out_dir / "states.json").write_text(manifest, encoding="utf-8")


def build(fixtures_dir: Path, out_dir: Path, docs_url: str = DOCS_URL) -> FixtureSet:
    """Validate the fixtures and render the prototype into ``out_dir``, all or nothing.

    Raises :class:`~prototype.errors.InputError` on bad fixtures; ``out_dir`` is then untouched.
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
        write_prototype(fixture_set, staging, docs_url)
    except BaseException:
        discard(staging)
        raise
    publish(staging, out_dir)
    return fixture_set
