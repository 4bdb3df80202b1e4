"""The review section: complete in the default (review) build, absent from the public build, and
showing the last test run's results."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from prototype.conformance.pictures import desktop_name, dialog_name, phone_name
from prototype.conformance.registry import load_registry
from prototype.conformance.report import (
    NOT_CHECKED,
    REPORT_FILE,
    SCREENSHOTS_DIR,
    TestOutcome,
    build_report,
    write_report,
)
from prototype.docsite.generated_pages import NOT_CHECKED_YET
from prototype.docsite.review import PUBLIC_ENV, is_public
from prototype.inputs.errors import InputError
from tests.conftest import SiteCopy, mkdocs_env
from tests.expected import DOCS, MEMBER_STATE_IDS, ROOT, billing_url, each_state
from tests.site_html import (
    DOC_PAGES,
    article,
    broken_links,
    html_files,
    page_links,
    primary_nav_links,
    read_page,
    search_entries,
    site_path,
)

GUIDE_FILES = sorted(f"{url}index.html" for url in DOC_PAGES.values())
"""The guide's built pages: everything a reader reads."""
REVIEW_FILES = ["review/conformance/index.html", "review/gallery/index.html", "review/index.html"]
"""The review section's pages; the prototype's own pages are under ``prototype/``."""
REVIEW_WORDS = ("prototype", "reviewer", "conformance", "gallery", "claim", "fixture")
"""Words that only review material uses: none appears anywhere in the public site."""


def public_build(
    site: Path, cwd: Path, engine: str, *args: str
) -> subprocess.CompletedProcess[str]:
    """``python -m prototype.docsite.build --public``, the documented switch, in ``cwd``."""
    command = [sys.executable, "-m", "prototype.docsite.build", "--engine", engine, "--public"]
    return subprocess.run(
        [*command, "--site-dir", str(site), *args],
        cwd=cwd,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def public_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    """The project's public site, built strictly with the session's engine."""
    site = tmp_path_factory.mktemp("public") / "site"
    done = public_build(site, ROOT, engine)
    log = done.stdout + done.stderr
    assert done.returncode == 0, log
    assert "WARNING" not in log
    return site


# The switch


@pytest.mark.parametrize(
    ("value", "public"),
    [("1", True), ("true", True), ("YES", True), ("", False), ("0", False), ("no", False)],
)
def test_the_switch_reads_a_clear_yes_or_no(value: str, public: bool) -> None:
    assert is_public({PUBLIC_ENV: value}) is public


def test_without_the_switch_the_build_is_the_review_build() -> None:
    assert is_public({}) is False


def test_an_unclear_switch_stops_the_build() -> None:
    with pytest.raises(InputError) as caught:
        is_public({PUBLIC_ENV: "public"})
    assert caught.value.problems == [
        f"{PUBLIC_ENV}='public': 1 builds the public site, 0 the review site"
    ]


def test_an_unclear_switch_fails_the_build_and_publishes_nothing(site_copy: SiteCopy) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "prototype.docsite.build", "--engine", site_copy.engine],
        cwd=site_copy.root,
        env={**mkdocs_env(), PUBLIC_ENV: "maybe"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert f"{PUBLIC_ENV}='maybe'" in done.stderr
    assert "Traceback" not in done.stderr
    assert not site_copy.site.exists()


# The public build


def test_public_build_holds_the_guide_and_the_theme_only(public_site: Path) -> None:
    pages = html_files(public_site)
    assert [page for page in pages if page != "404.html"] == GUIDE_FILES
    files = [path.relative_to(public_site).as_posix() for path in public_site.rglob("*")]
    review = [path for path in files if path.startswith(("prototype", "review", SCREENSHOTS_DIR))]
    assert review == []


def test_public_build_navigation_and_links_stay_in_the_guide(public_site: Path) -> None:
    for page in html_files(public_site):
        links = {site_path(page, url)[0] for url in page_links(read_page(public_site / page))}
        assert [link for link in links if link.startswith(("prototype/", "review/"))] == [], page
    for page in GUIDE_FILES:
        nav = [
            site_path(page, href)[0] for _, href in primary_nav_links(read_page(public_site / page))
        ]
        assert sorted(set(nav)) == GUIDE_FILES, page
    assert broken_links(public_site) == []


def test_public_build_search_finds_the_guide_only(public_site: Path, engine: str) -> None:
    entries = search_entries(public_site, engine)
    locations = {entry["location"].partition("#")[0] for entry in entries}
    assert locations == set(DOC_PAGES.values())


@pytest.mark.parametrize("word", REVIEW_WORDS)
def test_public_build_never_mentions_review_material(
    public_site: Path, engine: str, word: str
) -> None:
    texts = {page: read_page(public_site / page).text for page in html_files(public_site)}
    entries = search_entries(public_site, engine)
    texts["search index"] = " ".join(f"{entry['title']} {entry['text']}" for entry in entries)
    assert [where for where, text in texts.items() if word in text.lower()] == []


# The review build (the default)


def test_review_build_has_the_review_section_complete(built_site: Path) -> None:
    pages = html_files(built_site)
    assert set(REVIEW_FILES) <= set(pages)
    assert "prototype/index.html" in pages
    assert len([page for page in pages if page.startswith("prototype/w/")]) > 10
    shots = sorted(path.name for path in (DOCS / SCREENSHOTS_DIR).glob("*.png"))
    assert shots, "no gallery pictures in the docs"
    assert sorted(path.name for path in (built_site / SCREENSHOTS_DIR).glob("*.png")) == shots
    nav = primary_nav_links(read_page(built_site / "index.html"))
    review = [label for label, _ in nav][-4:]
    assert review == [
        "For reviewers",
        "Settings prototype",
        "Prototype gallery",
        "Conformance",
    ]


@each_state
def test_the_gallery_has_each_states_pictures(built_site: Path, state_id: str) -> None:
    """The page at desktop and phone width, and each dialog of the page open, as the
    conformance run saves them in the docs (the build copies them)."""
    page = read_page(built_site / billing_url(state_id) / "index.html")
    dialogs = [dialog.attrs["id"] for dialog in page.find_all("dialog")]
    assert dialogs or state_id not in MEMBER_STATE_IDS
    wanted = {desktop_name(state_id), phone_name(state_id)}
    wanted |= {dialog_name(state_id, dialog) for dialog in dialogs}
    assert wanted - {path.name for path in (DOCS / SCREENSHOTS_DIR).glob("*.png")} == set()


def test_review_pages_link_each_other_and_the_prototype(built_site: Path) -> None:
    page = "review/index.html"
    links = {
        link.text: site_path(page, link.attrs["href"])[0]
        for link in article(read_page(built_site / page)).find_all("a")
        if "href" in link.attrs and not link.attrs["href"].startswith("#")
    }
    assert links == {
        "Settings prototype": "prototype/index.html",
        "Prototype gallery": "review/gallery/index.html",
        "Conformance": "review/conformance/index.html",
    }


def test_review_pages_stay_out_of_the_search(built_site: Path, engine: str) -> None:
    locations = {entry["location"] for entry in search_entries(built_site, engine)}
    assert [location for location in locations if location.startswith("review/")] == []
    assert set(DOC_PAGES.values()) <= locations


# Results of the last run


def shown_statuses(site: Path) -> dict[str, str]:
    """Each claim's status as the prototype's "Show doc claims" gets it."""
    claims: list[dict[str, Any]] = json.loads(
        (site / "prototype/claims.json").read_text(encoding="utf-8")
    )["claims"]
    return {claim["id"]: claim["status"] for claim in claims}


def paragraphs(site: Path, page: str) -> list[str]:
    """The text of each paragraph of a built page's article."""
    return [p.text for p in article(read_page(site / page)).find_all("p")]


def test_without_a_report_the_review_pages_say_not_checked_yet(site_copy: SiteCopy) -> None:
    done = site_copy.build()
    assert done.returncode == 0, done.stdout + done.stderr
    assert set(shown_statuses(site_copy.site).values()) == {NOT_CHECKED}
    conformance = paragraphs(site_copy.site, "review/conformance/index.html")
    assert conformance[0] == NOT_CHECKED_YET  # then only how the flows are checked
    assert not [line for line in conformance if "fail" in line.lower() or "run" in line.lower()]
    assert paragraphs(site_copy.site, "review/index.html")[-1] == NOT_CHECKED_YET


def test_the_next_build_shows_the_last_runs_statuses(site_copy: SiteCopy) -> None:
    registry = load_registry(site_copy.docs / "claims.yaml")
    first, second, *rest = registry.claims
    results = {
        first.id: [TestOutcome("t::test_a", None, "passed")],
        second.id: [TestOutcome("t::test_b", "pro-canceled", "failed")],
    }
    write_report(build_report(registry, site_copy.docs, results, {}), site_copy.root / REPORT_FILE)
    done = site_copy.build()
    assert done.returncode == 0, done.stdout + done.stderr
    statuses = shown_statuses(site_copy.site)
    assert statuses == {first.id: "verified", second.id: "failing"} | {
        claim.id: "not run" for claim in rest
    }
    rows = {
        cells[0]: cells[1]
        for row in article(read_page(site_copy.site / "review/conformance/index.html")).find_all(
            "tr"
        )
        if len(cells := [cell.text for cell in row.find_all("td")]) == 4
    }
    assert (rows[first.id], rows[second.id]) == ("Verified", "Failing")
    summary = paragraphs(site_copy.site, "review/index.html")[-1]
    assert summary.startswith("Last run: 1 verified, 1 failing, ")
