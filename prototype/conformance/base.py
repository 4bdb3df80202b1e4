"""What a changed-only run compares with: the last recorded run, or a git ref."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from prototype.conformance.changes import Quotes, changed_files, fingerprints, quotes_of
from prototype.conformance.registry import Registry
from prototype.conformance.report import REGISTRY_FILE
from prototype.inputs.errors import InputError
from prototype.inputs.yamlfile import load_yaml

LAST_RUN = "last"
"""The ``--changed`` value that compares with the last recorded run."""


@dataclass(frozen=True)
class Base:
    """The files changed since the base and the claims' quotes then; or why there is no base."""

    changed: list[str] = field(default_factory=list)
    quotes: Quotes | None = None
    problem: str | None = None
    """Set when no base could be read: the whole run is then chosen, with this as its reason."""


def recorded(inputs: Path, root: Path) -> Base:
    """The base the last run recorded in ``inputs`` (see :func:`record`)."""
    try:
        data = json.loads(inputs.read_text(encoding="utf-8"))
        files, claims = data["files"], data["claims"]
    except (OSError, ValueError, KeyError, TypeError):
        return Base(problem=f"everything: no recorded run to compare with ({inputs.name})")
    quotes = {claim: (entry[0], tuple(entry[1:])) for claim, entry in claims.items()}
    return Base(changed=changed_files(files, fingerprints(root)), quotes=quotes)


def record(inputs: Path, root: Path, quotes: Quotes) -> None:
    """Remember what a run checked, for the next changed-only run to compare with."""
    data = {
        "files": fingerprints(root),
        "claims": {claim: [page, *quoted] for claim, (page, quoted) in quotes.items()},
    }
    inputs.parent.mkdir(parents=True, exist_ok=True)
    inputs.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise InputError([f"git {' '.join(args)}: {done.stderr.strip() or done.returncode}"])
    return done.stdout


def at_ref(ref: str, root: Path) -> Base:
    """The base at git ``ref``: the files changed since it (committed or not, and new files)
    and the registry it had."""
    try:
        changed = _git(root, "diff", "--name-only", ref, "--").split()
        changed += _git(root, "ls-files", "--others", "--exclude-standard").split()
        old = _git(root, "show", f"{ref}:docs/{REGISTRY_FILE}")
    except (InputError, OSError) as error:
        return Base(problem=f"everything: cannot compare with {ref}: {error}")
    try:
        data = load_yaml(old, f"{ref}:docs/{REGISTRY_FILE}")
        quotes = quotes_of(Registry.model_validate(data))
    except (InputError, ValidationError):
        quotes = {}  # a registry that did not load then: every claim counts as new
    return Base(changed=sorted(set(changed)), quotes=quotes)


def base_of(spec: str, root: Path, inputs: Path) -> Base:
    """``--changed`` (the last recorded run) or ``--changed=REF`` (a git ref)."""
    return recorded(inputs, root) if spec == LAST_RUN else at_ref(spec, root)
