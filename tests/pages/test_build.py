"""``build``: the files it writes, within budget, the same every time, and all or nothing."""

from __future__ import annotations

import posixpath
import shutil
from dataclasses import replace
from importlib.resources import files
from pathlib import Path

import pytest

from prototype.inputs.errors import InputError
from prototype.outputs.atomic_site import staging_dir
from prototype.outputs.jsontext import json_text
from prototype.pages import build as build_module
from prototype.pages.build import SITE_PATH, build, prototype_files
from prototype.pages.manifest import states_json
from prototype.pages.render import views_of
from prototype.pages.views import workspace_path
from prototype.pages.workspaces import NEW_ID, workspaces_data
from prototype.states.fixtures import FixtureSet
from tests.expected import FIXTURES, MEMBER_STATE_IDS, PAGE_BUDGET, STATE_IDS, role_views
from tests.site_html import assets_of, page_weight, parse_html, snapshot

SETTINGS_SLUGS = [
    "profile",
    "mcp",
    "connected-apps",
    "integrations",
    "members",
    "billing",
    "model",
    "account",
]
"""The eight Settings pages every workspace has."""
"""Bytes of a page's HTML plus the CSS and JS it loads."""
ASSETS = sorted(
    entry.name for entry in files("prototype.pages").joinpath("static").iterdir() if entry.is_file()
)


def links_of(html: str) -> list[str]:
    """The target of every link on a page."""
    return [e.attrs["href"] for e in parse_html(html).iter() if e.tag == "a" and "href" in e.attrs]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, FixtureSet]:
    """The project's fixtures built once for this module: the folder and what build returned."""
    out = tmp_path_factory.mktemp("build") / "out"
    return out, build(FIXTURES, out)


@pytest.fixture(scope="module")
def out(built: tuple[Path, FixtureSet]) -> Path:
    return built[0]


@pytest.fixture(scope="module")
def html_pages(out: Path) -> dict[str, str]:
    """Every built HTML page, by path relative to the output folder."""
    return {
        path.relative_to(out).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(out.rglob("*.html"))
    }


@pytest.fixture
def broken_fixtures(tmp_path: Path) -> Path:
    """A copy of the fixtures with one state that fails validation."""
    folder = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, folder)
    (folder / f"{STATE_IDS[0]}.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    return folder


def test_build_returns_the_fixture_set(built: tuple[Path, FixtureSet]) -> None:
    _, fixture_set = built
    assert sorted(fixture_set.states) == STATE_IDS


def test_top_level_files(out: Path) -> None:
    assert sorted(path.name for path in out.iterdir()) == [
        "assets",
        "claims.json",
        "index.html",
        "states.json",
        "w",
        "workspaces.json",
    ]
    assert sorted(path.name for path in (out / "assets").iterdir()) == ASSETS
    assert sorted(path.name for path in (out / "w").iterdir()) == [*STATE_IDS, NEW_ID]


def test_pages_of_the_added_workspace(out: Path) -> None:
    """Its home, its Settings pages as its Owner (the user, its one member), its flows and its
    people pages' actions."""
    people_pages = ("members", "model", "integrations", "connected-apps")
    expected = {
        "index.html",
        "flows.json",
        *(f"settings/{slug}/index.html" for slug in SETTINGS_SLUGS),
        *(f"settings/{slug}/actions.json" for slug in people_pages),
    }
    assert set(snapshot(out / "w" / NEW_ID)) == expected


def test_workspaces_json_is_workspaces_data(out: Path, fixture_set: FixtureSet) -> None:
    expected = json_text(workspaces_data(fixture_set, views_of(fixture_set)))
    assert (out / "workspaces.json").read_text(encoding="utf-8") == expected


@pytest.mark.parametrize("asset", ASSETS)
def test_assets_are_copied_as_they_are(out: Path, asset: str) -> None:
    source = files("prototype.pages").joinpath("static", asset).read_bytes()
    assert (out / "assets" / asset).read_bytes() == source


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_pages_of_each_state(out: Path, fixture_set: FixtureSet, state_id: str) -> None:
    state = fixture_set.states[state_id]
    expected = {
        "index.html",
        "flows.json",
        *(f"settings/{slug}/index.html" for slug in SETTINGS_SLUGS),
        *(f"invoices/{invoice.number}/index.html" for invoice in state.invoices),
        *(
            f"settings/{slug}/as-{role}/index.html"
            for slug in ("members", "model", "account")
            for role in other_roles(state_id)
        ),
        *people_data_files(state_id),
    }
    assert set(snapshot(out / "w" / state_id)) == expected


def people_data_files(state_id: str) -> set[str]:
    """Each people page's actions.json: Connected Apps on every workspace; Integrations, and
    Members and Model as each role, on a workspace the user belongs to."""
    files = {"settings/connected-apps/actions.json"}
    if state_id not in MEMBER_STATE_IDS:
        return files
    views = ["", *(f"as-{role}/" for role in other_roles(state_id))]
    return files | {
        "settings/integrations/actions.json",
        *(f"settings/{slug}/{view}actions.json" for slug in ("members", "model") for view in views),
    }


def other_roles(state_id: str) -> set[str]:
    """The roles, other than the user's own, that a member workspace's Members, Model and
    Account pages are also built as (none in a workspace only shared with the user)."""
    if state_id not in MEMBER_STATE_IDS:
        return set()
    return {str(as_role) for as_role, _ in role_views(state_id)[1:]}


def test_states_json_is_the_manifest(out: Path, fixture_set: FixtureSet) -> None:
    expected = states_json(fixture_set, views_of(fixture_set), SITE_PATH)
    assert (out / "states.json").read_text(encoding="utf-8") == expected


def test_each_page_with_its_css_and_js_is_within_budget(
    out: Path, html_pages: dict[str, str]
) -> None:
    over = {}
    for path, html in html_pages.items():
        stylesheets, scripts = assets_of(html)
        assert stylesheets, f"{path} loads no stylesheet"
        assert scripts, f"{path} loads no script"
        size = page_weight(out, path, html)
        if size > PAGE_BUDGET:
            over[path] = size
    assert not over, f"over {PAGE_BUDGET} bytes"


def test_links_inside_the_prototype_lead_to_built_pages(
    out: Path, html_pages: dict[str, str]
) -> None:
    broken = []
    for path, html in html_pages.items():
        for url in links_of(html):
            href = url.split("#")[0].split("?")[0]  # ?dialog=<id> opens a dialog of the page
            if not href:
                continue  # an anchor on the same page
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), href))
            if target.startswith("../"):
                continue  # the docs, outside the prototype
            resolved = out / target
            if not (resolved.is_file() or (resolved / "index.html").is_file()):
                broken.append(f"{path}: {url}")
    assert not broken


def test_build_is_byte_identical_twice(out: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build(FIXTURES, again)
    assert snapshot(again) == snapshot(out)


def test_rebuild_replaces_the_previous_output(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "stale.html").write_text("old", encoding="utf-8")
    staging_dir(target).mkdir()
    (staging_dir(target) / "leftover.html").write_text("old", encoding="utf-8")
    build(FIXTURES, target)
    assert not (target / "stale.html").exists()
    assert not (target / "leftover.html").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]


def test_failed_build_leaves_the_previous_output_untouched(
    tmp_path: Path, broken_fixtures: Path
) -> None:
    target = tmp_path / "out"
    build(FIXTURES, target)
    before = snapshot(target)
    with pytest.raises(InputError) as caught:
        build(broken_fixtures, target)
    assert caught.value.problems[0].endswith(
        f"{STATE_IDS[0]}.yaml: line 2, column 1: expected ',' or ']', but got '<stream end>'"
    )
    assert snapshot(target) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["fixtures", "out"]


def test_build_failing_while_writing_leaves_no_trace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out"
    build(FIXTURES, target)
    before = snapshot(target)

    def write_then_fail(fixture_set: FixtureSet, out_dir: Path, *_: object) -> None:
        (out_dir / "index.html").write_text("half a build", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setattr(build_module, "write_prototype", write_then_fail)
    with pytest.raises(OSError, match="disk full"):
        build(FIXTURES, target)
    assert snapshot(target) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]


def test_a_rebuild_after_a_change_renders_what_a_first_build_would(
    fixture_set: FixtureSet,
) -> None:
    """Files kept from an earlier build are used only where nothing they come from changed:
    here one workspace is renamed (every page's switcher names it) and loses its pending
    invitations (its Members page's data)."""
    state_id = "flex-team"
    state = fixture_set.states[state_id]
    assert state.invitations
    renamed = state.workspace.model_copy(update={"name": f"{state.workspace.name} renamed"})
    edited = state.model_copy(update={"workspace": renamed, "invitations": []})
    changed = replace(fixture_set, states={**fixture_set.states, state_id: edited})
    members = f"{workspace_path(state_id)}settings/members/actions.json"
    before = dict(prototype_files(fixture_set))
    rebuilt = dict(prototype_files(changed))
    assert rebuilt[members] != before[members]
    build_module.STATE_FILES.clear()
    assert rebuilt == dict(prototype_files(changed))
