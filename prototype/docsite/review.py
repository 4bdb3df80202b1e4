"""The review section: the prototype, its gallery and the conformance report, kept apart from the
guide.

Its pages live under ``review/`` in the built docs, with a navigation, footers and search of
their own. A review build (the default) has it; a public build leaves it out entirely: set
:data:`PUBLIC_ENV` to ``1``, which ``python -m prototype.docsite.build --public`` and
``python3 dev.py build --public`` do.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping

from prototype.inputs.errors import InputError

REVIEW_DIR = "review"
"""The review section's folder in the docs, and its URL in the site."""
REVIEW_INDEX = f"{REVIEW_DIR}/index.md"
GALLERY_PAGE = f"{REVIEW_DIR}/gallery.md"
CONFORMANCE_PAGE = f"{REVIEW_DIR}/conformance.md"
EVIDENCE_DOCS_DIR = f"{REVIEW_DIR}/evidence"
"""Where the build puts the evidence screenshots, in the docs beside the Conformance page."""
PUBLIC_ENV = "DOCS_PUBLIC"
"""``1`` (or ``true``, ``yes``): build the public site, without the review section."""
_SWITCH = {"1": True, "true": True, "yes": True, "": False, "0": False, "false": False, "no": False}


def in_review(src_uri: str) -> bool:
    """Whether a path in the docs belongs to the review section."""
    return src_uri.startswith(f"{REVIEW_DIR}/")


def from_review_page(path: str) -> str:
    """A link from a review page to ``path`` (relative to the docs root)."""
    return posixpath.relpath(path, REVIEW_DIR)


def is_public(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether this build is the public one, from :data:`PUBLIC_ENV`; a value that is not a
    clear yes or no stops the build rather than publish the wrong site."""
    value = environ.get(PUBLIC_ENV, "").strip().lower()
    if value not in _SWITCH:
        shown = environ[PUBLIC_ENV]
        raise InputError([f"{PUBLIC_ENV}={shown!r}: 1 builds the public site, 0 the review site"])
    return _SWITCH[value]
