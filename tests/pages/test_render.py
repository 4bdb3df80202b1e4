"""The rendered pages: escaped, strict, safe links, nothing loaded from outside the site."""

from __future__ import annotations

import re
import shutil
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import yaml
from jinja2 import StrictUndefined, UndefinedError

from prototype.pages.build import DOCS_URL
from prototype.pages.render import environment, render_pages
from prototype.states.fixtures import FixtureSet, load_fixture_set
from tests.expected import FIXTURES, STATE_IDS, field_at, valid_state
from tests.site_html import parse_html

Tag = tuple[str, dict[str, str]]
PAYLOAD = "<img src=x onerror=alert(1)>"
ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "cite"}
EXTERNAL = ("http:", "https:", "//")


def tags_of(html: str) -> list[Tag]:
    """Every start tag of ``html`` with its attributes (entities decoded), in document order."""
    return [(element.tag, element.attrs) for element in parse_html(html).iter()][1:]


@pytest.fixture(scope="module")
def pages(fixture_set: FixtureSet) -> dict[str, str]:
    """Every page of the project's fixture set: path relative to the prototype root → HTML."""
    return dict(render_pages(fixture_set, DOCS_URL))


def test_environment_autoescapes_and_is_strict() -> None:
    env = environment()
    assert env.autoescape is True
    assert env.undefined is StrictUndefined
    with pytest.raises(UndefinedError):
        env.from_string("{{ missing }}").render()


def test_every_state_has_pages(pages: dict[str, str]) -> None:
    assert "index.html" in pages
    rendered = {path.split("/")[1] for path in pages if path.startswith("w/")}
    assert rendered == set(STATE_IDS)


def test_every_page_is_a_whole_document(pages: dict[str, str]) -> None:
    for path, html in pages.items():
        assert html.startswith('<!doctype html>\n<html lang="en"'), path
        assert html.rstrip().endswith("</html>"), path


def test_new_tab_links_have_noopener_noreferrer(pages: dict[str, str]) -> None:
    new_tab = [
        (path, attrs)
        for path, html in pages.items()
        for tag, attrs in tags_of(html)
        if attrs.get("target") == "_blank"
    ]
    assert new_tab, "no page opens a link in a new tab; nothing checked"
    unsafe = [
        f"{path}: {attrs.get('href')}"
        for path, attrs in new_tab
        if not {"noopener", "noreferrer"} <= set(attrs.get("rel", "").split())
    ]
    assert not unsafe


def test_no_page_references_outside_the_site(pages: dict[str, str]) -> None:
    outside = [
        f"{path}: <{tag} {name}={value!r}>"
        for path, html in pages.items()
        for tag, attrs in tags_of(html)
        for name, value in attrs.items()
        if name in URL_ATTRIBUTES and value.strip().lower().startswith(EXTERNAL)
    ]
    assert not outside
    raw = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:|//)""", re.IGNORECASE)
    assert not [path for path, html in pages.items() if raw.search(html)]


@pytest.mark.parametrize(
    "asset", ["prototype.css", "prototype.js", "flows.js", "people.js", "people-flows.js"]
)
def test_assets_load_nothing_from_outside(asset: str) -> None:
    text = files("prototype.pages").joinpath("static", asset).read_text(encoding="utf-8")
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:|//)|@import|https?://""", text)


def _hostile_state(field: str) -> dict[str, Any]:
    """A valid state, named apart from the project's, whose ``field`` holds markup."""
    state = valid_state()
    state["workspace"]["name"] = "Hostile workspace"
    node, key = field_at(state, field)
    node[key] = PAYLOAD
    return state


def render_with_hostile(tmp_path: Path, field: str) -> dict[str, str]:
    """The pages of the fixture set plus a ``hostile`` state whose ``field`` is markup."""
    folder = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, folder)
    (folder / "hostile.yaml").write_text(
        yaml.safe_dump(_hostile_state(field), allow_unicode=True), encoding="utf-8"
    )
    return dict(render_pages(load_fixture_set(folder), DOCS_URL))


@pytest.mark.parametrize("field", ["workspace.name", "title", "description", "plan.tier"])
def test_markup_in_fixture_text_is_escaped(tmp_path: Path, field: str) -> None:
    pages = render_with_hostile(tmp_path, field)
    assert not [path for path, html in pages.items() if PAYLOAD in html]
    assert ESCAPED in pages["index.html"]


def test_markup_in_workspace_name_is_escaped_on_every_page_of_its_state(tmp_path: Path) -> None:
    pages = render_with_hostile(tmp_path, "workspace.name")
    own = [path for path in pages if path.startswith("w/hostile/")]
    assert len(own) > 1
    assert not [path for path in own if ESCAPED not in pages[path]]
    homes = [f"w/{state_id}/index.html" for state_id in STATE_IDS]
    assert not [path for path in homes if ESCAPED not in pages[path]], "switcher entries"
