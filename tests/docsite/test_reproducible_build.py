"""The same sources give the same site, byte for byte, whatever day or time it is built."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

from prototype.docsource.frontmatter import read_pages
from tests.conftest import SiteCopy
from tests.expected import ROOT
from tests.site_html import snapshot


def test_two_builds_are_byte_identical(site_copy: SiteCopy, tmp_path: Path) -> None:
    first = site_copy.build()
    assert first.returncode == 0, first.stderr
    kept = tmp_path / "first"
    site_copy.site.rename(kept)
    os.utime(site_copy.docs / "index.md")  # a touched file is the same source
    second = site_copy.build()
    assert second.returncode == 0, second.stderr
    before, after = snapshot(kept), snapshot(site_copy.site)
    assert sorted(before) == sorted(after)
    assert [name for name in before if before[name] != after[name]] == []


def page_url(uri: str) -> str:
    """The address the sitemap gives the page at ``uri`` in the docs."""
    path = uri.removesuffix(".md")
    path = path.removesuffix("index") if path.endswith("index") else f"{path}/"
    return f"http://127.0.0.1/preview/{path}"


def test_sitemap_dates_come_from_the_pages_not_the_clock(built_site: Path, engine: str) -> None:
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ET.parse(built_site / "sitemap.xml").getroot().iterfind("s:url", namespace)
    dates = {
        url.findtext("s:loc", "", namespace): url.findtext("s:lastmod", "", namespace)
        for url in urls
    }
    if engine == "zensical":  # its sitemap dates no page at all: none from the clock either
        assert dates
        assert set(dates.values()) == {""}
        return
    written = {
        page_url(uri): str(page.front_matter.date)
        for uri, page in read_pages(ROOT / "docs").items()
        if page.front_matter.date
    }
    assert written[page_url("guide/settings/billing.md")] == "2026-05-08"
    assert {url: dates[url] for url in written} == written
    assert set(dates.values()) <= set(written.values())  # pages without a date take the newest
