"""A build-ready copy of the docs for an engine without hooks: everything a build adds, as files.

The writers' pages and assets (less what the build leaves out), the generated pages, the
rendered prototype under ``prototype/`` and the evidence screenshots, where the MkDocs hooks put
them in a MkDocs build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from prototype.docsite.content import SiteContent
from prototype.docsite.review import EVIDENCE_DOCS_DIR
from prototype.pages.build import SITE_PATH


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def stage_docs(content: SiteContent, docs: Path, out: Path) -> None:
    """Copy ``docs`` into ``out`` (which must not exist) and add what :func:`gather` made."""

    def left_out(folder: str, names: list[str]) -> set[str]:
        inside = Path(folder).relative_to(docs).as_posix()
        prefix = "" if inside == "." else f"{inside}/"
        return {name for name in names if f"{prefix}{name}" in content.left_out}

    shutil.copytree(docs, out, ignore=left_out)
    for src_uri, markdown in content.generated.items():
        _write(out / src_uri, markdown.encode())
    for name, data in content.prototype.items():
        _write(out / f"{SITE_PATH}{name}", data)
    for evidence in content.evidence:
        _write(out / EVIDENCE_DOCS_DIR / evidence.name, evidence.read_bytes())
