"""Publish a build all at once: write into a staging folder, then swap it into place."""

from __future__ import annotations

import shutil
from pathlib import Path


def staging_dir(target: Path) -> Path:
    """The folder a build of ``target`` is written to first (a sibling, for an atomic rename)."""
    return target.with_name(f".{target.name}.staging")


def publish(staging: Path, target: Path) -> None:
    """Replace ``target`` with ``staging``; the old content is gone only once the new is there."""
    retired = target.with_name(f".{target.name}.retired")
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


def discard(staging: Path) -> None:
    """Drop a failed build's staging folder; the published one stays as it was."""
    shutil.rmtree(staging, ignore_errors=True)
