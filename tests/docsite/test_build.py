"""``python -m prototype.docsite.build``: the Zensical path keeps the promises MkDocs' hooks keep.

Bad input is named with its file and reason before anything is written, exit status 1, no
traceback; a strict build fails on a broken link; the last good ``site/`` stays as it was, and a
good build replaces it all at once.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from prototype.docsite import build
from tests.conftest import SiteCopy
from tests.site_html import replace_in, snapshot

needs_zensical = pytest.mark.skipif(
    importlib.util.find_spec("zensical") is None,
    reason="zensical not installed: the engines extra is optional; "
    "python3 dev.py build --engine zensical installs it (or pip install -e '.[engines]')",
)
HOSTILE_FIXTURE = Path(__file__).resolve().parents[1] / "hostile_fixtures" / "february-30.yaml"


@pytest.fixture
def zensical_copy(site_copy: SiteCopy, built_site: Path) -> SiteCopy:
    """A copy of the sources, with a good site in place, built with Zensical whatever the session
    engine is."""
    site_copy.publish(built_site)
    return SiteCopy(site_copy.root, "zensical")


def failed_cleanly(copy: SiteCopy, before: dict[str, bytes], *messages: str) -> None:
    """The build failed with ``messages``, without a traceback, and left the site as it was."""
    done = copy.build()
    log = done.stdout + done.stderr
    assert done.returncode == 1, log
    assert [message for message in messages if message not in log] == [], log
    assert "Traceback" not in log
    assert snapshot(copy.site) == before
    assert sorted(path.name for path in copy.root.iterdir()) == [
        "docs",
        "fixtures",
        "mkdocs.yml",
        "site",
    ]


BAD_INPUT: dict[str, tuple[Callable[[Path], object], str]] = {
    "fixture": (
        lambda root: shutil.copyfile(HOSTILE_FIXTURE, root / "fixtures" / "hostile.yaml"),
        "fixtures/hostile.yaml: ",
    ),
    "front matter": (
        lambda root: replace_in(
            root / "docs/guide/settings/billing.md", 'date: "2026-05-08"', 'date: "2026-02-30"'
        ),
        "docs/guide/settings/billing.md: front matter 'date': '2026-02-30' is not a calendar date",
    ),
    "claims registry": (
        lambda root: replace_in(root / "docs/claims.yaml", "  - id: billing.path\n", "  - \n"),
        "docs/claims.yaml: claims[0]",
    ),
    "link": (
        lambda root: replace_in(
            root / "docs/guide/settings/billing.md",
            "(/docs/guide/settings/permissions-roles)",
            "(/docs/guide/settings/no-such-page)",
        ),
        "docs/guide/settings/billing.md: link '/docs/guide/settings/no-such-page' points to",
    ),
}


@needs_zensical
@pytest.mark.engines
@pytest.mark.parametrize("problem", BAD_INPUT)
def test_bad_input_is_named_and_the_last_good_site_kept(
    zensical_copy: SiteCopy, problem: str
) -> None:
    before = snapshot(zensical_copy.site)
    spoil, message = BAD_INPUT[problem]
    spoil(zensical_copy.root)
    failed_cleanly(zensical_copy, before, message, "Aborted: nothing was published")


@needs_zensical
@pytest.mark.engines
def test_a_link_zensical_refuses_fails_the_strict_build(zensical_copy: SiteCopy) -> None:
    before = snapshot(zensical_copy.site)
    page = zensical_copy.docs / "guide/settings/workspaces.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Gone](gone.md)\n", encoding="utf-8")
    failed_cleanly(zensical_copy, before, "workspaces.md", "zensical: Aborted because --strict")


@needs_zensical
@pytest.mark.engines
def test_a_good_build_replaces_the_site_all_at_once(zensical_copy: SiteCopy) -> None:
    (zensical_copy.site / "stale.html").write_text("from an older build", encoding="utf-8")
    replace_in(zensical_copy.docs / "index.md", "This site explains", "This rebuilt site explains")
    done = zensical_copy.build()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Built with zensical" in done.stderr
    assert not (zensical_copy.site / "stale.html").exists()
    assert "This rebuilt site explains" in (zensical_copy.site / "index.html").read_text("utf-8")
    assert not [path for path in zensical_copy.root.iterdir() if path.name.startswith(".site.")]


def test_an_engine_that_is_not_installed_is_named_with_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    assert build.main(["--engine", "zensical"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("zensical is not installed; python3 dev.py build --engine zensical")
    assert "pip install -e '.[engines]'" in error
