"""The staged docs an engine without hooks builds from: what the MkDocs hooks add, as files."""

from __future__ import annotations

from pathlib import Path

from prototype.docsite.content import SiteContent
from prototype.docsite.staging import stage_docs
from tests.site_html import snapshot


def test_stage_docs_adds_generated_pages_prototype_and_evidence(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "guide/page.md").write_text("# Page\n", encoding="utf-8")
    evidence = tmp_path / "reports/evidence/billing.path.png"
    evidence.parent.mkdir(parents=True)
    evidence.write_bytes(b"\x89PNG picture")
    content = SiteContent(
        pages={},
        prototype={"index.html": b"<h1>States</h1>", "assets/prototype.css": b"body{}"},
        generated={"review/conformance.md": "# Conformance — ✓\n"},
        evidence=[evidence],
    )
    stage_docs(content, docs, tmp_path / "staged")
    assert snapshot(tmp_path / "staged") == {
        "review/conformance.md": "# Conformance — ✓\n".encode(),
        "review/evidence/billing.path.png": b"\x89PNG picture",
        "guide/page.md": b"# Page\n",
        "index.md": b"# Home\n",
        "prototype/assets/prototype.css": b"body{}",
        "prototype/index.html": b"<h1>States</h1>",
    }
    assert snapshot(docs) == {"guide/page.md": b"# Page\n", "index.md": b"# Home\n"}


def test_stage_docs_leaves_out_what_the_build_leaves_out(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "assets/screenshots").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "assets/screenshots/pro.png").write_bytes(b"\x89PNG picture")
    (docs / "assets/logo.png").write_bytes(b"\x89PNG logo")
    content = SiteContent(
        pages={},
        prototype={},
        generated={},
        evidence=[],
        left_out=frozenset({"assets/screenshots/pro.png"}),
    )
    stage_docs(content, docs, tmp_path / "staged")
    assert snapshot(tmp_path / "staged") == {
        "assets/logo.png": b"\x89PNG logo",
        "index.md": b"# Home\n",
    }
