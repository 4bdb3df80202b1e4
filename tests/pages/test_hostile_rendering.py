"""Hostile text in a real browser: fixture text is never markup, and right-to-left or very long
workspace names keep the layout intact.

Each hostile state is added to its own copy of the project's fixtures (so states cannot disturb
each other's pages, the reviewers' index included), built with ``prototype.pages.build.build``
into a temporary folder served on 127.0.0.1, and opened in the shared tab.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any, TypedDict

import pytest
import yaml
from playwright.sync_api import FloatRect, Locator, Page, expect

from prototype.pages.build import build
from tests.conftest import VIEWPORT, Watched
from tests.expected import FIXTURES, valid_state
from tests.serving import serve
from tests.ui import open_workspace_list

MARKUP_NAME = "<img src=x onerror=alert(1)>"
MARKUP_TIER = "</script><script>alert(2)</script>"
MARKUP_TITLE = "<b>x</b> in the title, {{ 7*7 }}"
MARKUP_DESCRIPTION = "<b>x</b> in the description, {{ 7*7 }}"
ARABIC_NAME = "فريق أبحاث المستخدمين — الشرق الأوسط"
HEBREW_NAME = "צוות מחקר משתמשים — תל אביב"
UNBROKEN_NAME = ("UserResearchOperations" * 10)[:200]
OWN_SCRIPTS = {
    entry.name
    for entry in files("prototype.pages").joinpath("static").iterdir()
    if entry.name.endswith(".js")
}
"""The prototype's own scripts, the only ones a page may run."""


def hostile_state(title: str, name: str, tier: str, number: str) -> dict[str, Any]:
    """A valid active Pro state with one invoice; no figure on its pages contains ``49``. Its
    Unique URL is the invoice number's, as a name with no Latin letter makes none."""
    state = valid_state()
    invoice = {**state["invoices"][-1], "number": number, "date": "2026-05-01"}
    return {
        **state,
        "title": title,
        "description": f"{title}: a hostile state for the rendering tests.",
        "workspace": {**state["workspace"], "name": name, "unique_url": number.lower()},
        "plan": {**state["plan"], "tier": tier},
        "invoices": [{**invoice, "amount": {"minor_units": 12300, "currency": "USD"}}],
    }


MARKUP = "hostile-markup"
ARABIC = "hostile-rtl-arabic"
HEBREW = "hostile-rtl-hebrew"
UNBROKEN = "hostile-unbroken-name"
STATES: dict[str, dict[str, Any]] = {
    MARKUP: {
        **hostile_state(MARKUP_TITLE, MARKUP_NAME, MARKUP_TIER, "HM-0001"),
        "description": MARKUP_DESCRIPTION,
    },
    ARABIC: hostile_state("Arabic workspace name", ARABIC_NAME, "Growth", "AR-0001"),
    HEBREW: hostile_state("Hebrew workspace name", HEBREW_NAME, "Growth", "HE-0001"),
    UNBROKEN: hostile_state("A 200-character name without spaces", UNBROKEN_NAME, "Scale", "UN-1"),
}
NAMES = {state_id: state["workspace"]["name"] for state_id, state in STATES.items()}
INVOICES = {state_id: state["invoices"][0]["number"] for state_id, state in STATES.items()}
PAGES = ["home", "billing", "invoice", "index"]
SIDEBARS = {"home": "Sidebar", "billing": "Settings sidebar"}
"""The pages with a sidebar, and its accessible name."""
WIDTHS = [1280, 375]


def prototype_root(served_url: str, state_id: str) -> str:
    """The root of the prototype holding ``state_id``."""
    return f"{served_url}{state_id}/"


def page_url(served_url: str, kind: str, state_id: str) -> str:
    """A page of ``state_id``: its workspace home, Plan & Billing, invoice, or the index."""
    home = f"w/{state_id}/"
    path = {
        "home": home,
        "billing": f"{home}settings/billing/",
        "invoice": f"{home}invoices/{INVOICES[state_id]}/",
        "index": "",
    }[kind]
    return prototype_root(served_url, state_id) + path


@pytest.fixture(scope="module")
def hostile_prototypes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding, per hostile state, the prototype of the project's fixtures plus that
    state, in ``<state id>/``."""
    root = tmp_path_factory.mktemp("hostile-rendering")
    for state_id, state in STATES.items():
        fixtures = root / "fixtures" / state_id
        shutil.copytree(FIXTURES, fixtures)
        text = yaml.safe_dump(state, allow_unicode=True, sort_keys=False)
        (fixtures / f"{state_id}.yaml").write_text(text, encoding="utf-8")
        build(fixtures, root / "served" / state_id)
    return root / "served"


@pytest.fixture(scope="module")
def served_url(hostile_prototypes: Path) -> Iterator[str]:
    """The hostile builds on a local HTTP server; each state's prototype root is a folder."""
    with serve(hostile_prototypes) as url:
        yield url


@pytest.fixture
def sized_page(ui_page: Page, width: int) -> Iterator[Page]:
    """The shared tab at ``width`` pixels wide; the session's viewport is restored after."""
    ui_page.set_viewport_size({"width": width, "height": VIEWPORT["height"]})
    yield ui_page
    ui_page.set_viewport_size({"width": VIEWPORT["width"], "height": VIEWPORT["height"]})


# Text from fixtures is never markup


def assert_no_markup_from_text(page: Page, root: str) -> None:
    """No element came from the fixture's text: no image, no script but the prototype's own
    (and the workspace actions' controls, on the pages that have them)."""
    expect(page.locator("img[src='x']")).to_have_count(0)
    expect(page.locator("[onerror]")).to_have_count(0)
    expect(page.locator("b").filter(has_text=re.compile(r"^x$"))).to_have_count(0)
    scripts = page.evaluate("[...document.scripts].map(script => script.src)")
    assert scripts
    assert {script.removeprefix(f"{root}assets/") for script in scripts} <= OWN_SCRIPTS


@pytest.mark.parametrize("kind", PAGES)
def test_fixture_text_shows_literally_and_never_runs(
    watched: Watched, served_url: str, kind: str
) -> None:
    page = watched.page
    page.goto(page_url(served_url, kind, MARKUP))
    main = page.get_by_role("main")
    if kind == "index":
        row = main.locator(f"#state-{MARKUP}")
        expect(row.get_by_text(MARKUP_TITLE, exact=True)).to_be_visible()
        expect(row.get_by_text(MARKUP_DESCRIPTION, exact=True)).to_be_visible()
        expect(row.get_by_text(MARKUP_NAME, exact=True)).to_be_visible()
        expect(row.get_by_text(MARKUP_TIER, exact=True)).to_be_visible()
        shown = row.inner_text()
    else:
        bar = page.get_by_role("complementary", name="Prototype")
        expect(bar.get_by_text(MARKUP_TITLE, exact=True)).to_be_visible()
        assert MARKUP_NAME in page.title()
        shown = page.locator("body").inner_text()
    if kind in ("home", "invoice"):
        expect(main.get_by_text(MARKUP_NAME, exact=True)).to_be_visible()
    if kind == "billing":
        expect(page.get_by_role("link", name=f"Back to {MARKUP_NAME}")).to_be_visible()
        expect(main.get_by_text(MARKUP_TIER, exact=True)).to_be_visible()
    assert "{{ 7*7 }}" in shown
    assert "49" not in shown
    assert_no_markup_from_text(page, prototype_root(served_url, MARKUP))
    watched.assert_quiet()


def test_switcher_and_dialog_show_the_name_literally(watched: Watched, served_url: str) -> None:
    page = watched.page
    page.goto(page_url(served_url, "home", MARKUP))
    switcher = open_workspace_list(page)
    expect(switcher.get_by_role("link", name=MARKUP_NAME, exact=True)).to_be_visible()
    switcher.get_by_role("button", name="Plans and credits").click()
    dialog = page.get_by_role("dialog", name="Change plan")  # the state is an active Pro plan
    expect(dialog.get_by_text(MARKUP_NAME, exact=True)).to_be_visible()
    assert_no_markup_from_text(page, prototype_root(served_url, MARKUP))
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    watched.assert_quiet()


def test_states_json_holds_the_raw_text(ui_page: Page, served_url: str) -> None:
    response = ui_page.request.get(prototype_root(served_url, MARKUP) + "states.json")
    assert response.ok
    [entry] = [state for state in response.json()["states"] if state["id"] == MARKUP]
    assert {key: entry[key] for key in ("title", "description", "workspace", "tier")} == {
        "title": MARKUP_TITLE,
        "description": MARKUP_DESCRIPTION,
        "workspace": MARKUP_NAME,
        "tier": MARKUP_TIER,
    }


# Right-to-left and very long names keep the layout intact


class NameBox(TypedDict):
    """Where one visible element showing the workspace name is drawn."""

    region: str
    left: float
    right: float
    region_left: float
    region_right: float
    scrolls: bool
    direction: str


NAME_BOXES = """name => [...document.querySelectorAll("bdi")]
  .filter(element => element.textContent === name && element.checkVisibility())
  .map(element => {
    const box = element.getBoundingClientRect();
    const scroller = element.closest(".table-scroll");
    const region = scroller || element.closest("aside, main, header, dialog") || document.body;
    const outer = region.getBoundingClientRect();
    return {
      region: region.tagName.toLowerCase() + (region.className ? "." + region.className : ""),
      left: box.left, right: box.right, region_left: outer.left,
      region_right: scroller ? outer.left + scroller.scrollWidth : outer.right,
      scrolls: Boolean(scroller),
      direction: getComputedStyle(element).direction,
    };
  })"""
"""Each visible ``<bdi>`` that shows the name, with its box and the box of its region; in a
table's scroll region, the region's extent is what scrolling reaches."""

TOLERANCE = 0.5
"""Sub-pixel rounding a box may be off by."""


def name_boxes(page: Page, state_id: str) -> list[NameBox]:
    boxes: list[NameBox] = page.evaluate(NAME_BOXES, NAMES[state_id])
    assert boxes, "the workspace name is not shown in a <bdi>"
    return boxes


LAYOUT_STATES = [ARABIC, HEBREW, UNBROKEN]
LAYOUT = ("state_id", "kind", "width")


def layout_params(kinds: Iterable[str]) -> list[pytest.ParameterSet]:
    """Each layout state on each page of ``kinds`` at each width."""
    return [
        pytest.param(state_id, kind, width, id=f"{state_id}-{kind}-{width}")
        for state_id in LAYOUT_STATES
        for kind in kinds
        for width in WIDTHS
    ]


@pytest.mark.parametrize(LAYOUT, layout_params(PAGES))
def test_page_does_not_scroll_sideways(
    sized_page: Page, served_url: str, state_id: str, kind: str, width: int
) -> None:
    sized_page.goto(page_url(served_url, kind, state_id))
    scroll_width, inner_width = sized_page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert inner_width == width
    assert scroll_width <= inner_width


@pytest.mark.parametrize(LAYOUT, layout_params(PAGES))
def test_name_stays_inside_the_viewport_and_its_region(
    sized_page: Page, served_url: str, state_id: str, kind: str, width: int
) -> None:
    """In the viewport; in a data table that scrolls in its own region, within its reach."""
    sized_page.goto(page_url(served_url, kind, state_id))
    for box in name_boxes(sized_page, state_id):
        if not box["scrolls"]:
            assert box["left"] >= -TOLERANCE, box
            assert box["right"] <= width + TOLERANCE, box
        assert box["left"] >= box["region_left"] - TOLERANCE, box
        assert box["right"] <= box["region_right"] + TOLERANCE, box


def overlap(first: FloatRect, second: FloatRect) -> bool:
    """Whether two boxes share more than a sub-pixel sliver."""
    return (
        first["x"] + TOLERANCE < second["x"] + second["width"]
        and second["x"] + TOLERANCE < first["x"] + first["width"]
        and first["y"] + TOLERANCE < second["y"] + second["height"]
        and second["y"] + TOLERANCE < first["y"] + first["height"]
    )


def box_of(locator: Locator) -> FloatRect:
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not drawn"
    return box


@pytest.mark.parametrize(LAYOUT, layout_params(SIDEBARS))
def test_sidebar_and_main_do_not_overlap(
    sized_page: Page, served_url: str, state_id: str, kind: str, width: int
) -> None:
    sized_page.goto(page_url(served_url, kind, state_id))
    sidebar = box_of(sized_page.get_by_role("complementary", name=SIDEBARS[kind], exact=True))
    main = box_of(sized_page.get_by_role("main"))
    assert not overlap(sidebar, main), {"sidebar": sidebar, "main": main}
    if width == 1280:
        assert sidebar["x"] + sidebar["width"] <= main["x"] + TOLERANCE, "not side by side"


@pytest.mark.parametrize(
    ("state_id", "kind"),
    [
        pytest.param(state_id, kind, id=f"{state_id}-{kind}")
        for state_id in (ARABIC, HEBREW)
        for kind in PAGES
    ],
)
def test_right_to_left_name_is_isolated_right_to_left(
    ui_page: Page, served_url: str, state_id: str, kind: str
) -> None:
    ui_page.goto(page_url(served_url, kind, state_id))
    assert ui_page.evaluate("getComputedStyle(document.documentElement).direction") == "ltr"
    directions = [(box["region"], box["direction"]) for box in name_boxes(ui_page, state_id)]
    assert all(direction == "rtl" for _, direction in directions), directions
