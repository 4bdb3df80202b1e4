"""Every people page has its ``actions.json`` beside it, and only those pages."""

from __future__ import annotations

import json

from prototype.pages.build import DOCS_URL
from prototype.pages.people_files import people_files
from prototype.pages.render import environment, render_pages
from tests.expected import FIXTURE_SET


def test_each_page_that_loads_people_js_has_its_data() -> None:
    pages = dict(render_pages(FIXTURE_SET, DOCS_URL))
    files = dict(people_files(environment(), FIXTURE_SET))
    loading = {path for path, html in pages.items() if "assets/people.js" in html}
    assert {path.removesuffix("actions.json") + "index.html" for path in files} == loading
    assert all(json.dumps(data) for data in files.values())


def test_connected_apps_are_the_same_on_every_workspace() -> None:
    files = dict(people_files(environment(), FIXTURE_SET))
    apps = [data for path, data in files.items() if "/connected-apps/" in path]
    assert len(apps) == len(FIXTURE_SET.states) + 1  # and the added workspace
    assert all(data == apps[0] for data in apps)
