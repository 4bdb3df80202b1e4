"""The link check that follows an engine's build: files and anchors of every docs page's links."""

from __future__ import annotations

from pathlib import Path

import pytest

from prototype.docsite.site_check import built_path, check_built_links
from prototype.inputs.errors import InputError


@pytest.mark.parametrize(
    ("src_uri", "built"),
    [
        ("index.md", "index.html"),
        ("guide/settings/index.md", "guide/settings/index.html"),
        ("guide/settings/billing.md", "guide/settings/billing/index.html"),
        ("conformance.md", "conformance/index.html"),
    ],
)
def test_built_path(src_uri: str, built: str) -> None:
    assert built_path(src_uri) == built


def write(site: Path, path: str, html: str) -> None:
    (site / path).parent.mkdir(parents=True, exist_ok=True)
    (site / path).write_text(html, encoding="utf-8")


def test_every_broken_link_of_the_docs_pages_is_named(tmp_path: Path) -> None:
    write(tmp_path, "guide/a/index.html", '<h2 id="there">T</h2><a name="named"></a>')
    write(tmp_path, "assets/app.js", "")
    write(
        tmp_path,
        "index.html",
        '<a href="guide/a/">ok</a> <a href="./guide/a/#there">ok</a> <a href="guide/a#named">ok</a>'
        ' <a href="#">top</a> <a href="https://example.com/x">out</a> <a href="mailto:a@b.c">m</a>'
        ' <img src="data:image/png;base64,AA=="> <a href="/preview/x">site_url</a>'
        ' <script src="assets/app.js"></script> <a href="">here</a> <a href="#top" id="top">up</a>'
        ' <a href="guide/missing/">gone</a> <a href="guide/a/#nowhere">no anchor</a>'
        ' <a href="../outside/">out</a> <a href="guide/a/#nowhere">no anchor, again</a>',
    )
    with pytest.raises(InputError) as raised:
        check_built_links(tmp_path, ["index.md", "guide/a.md"])
    assert raised.value.problems == [
        "docs/index.md (built as index.html): link 'guide/missing/' leads to no file"
        " (guide/missing/index.html)",
        "docs/index.md (built as index.html): link 'guide/a/#nowhere':"
        " guide/a/index.html has no anchor 'nowhere'",
        "docs/index.md (built as index.html): link '../outside/' leads out of the site",
    ]
