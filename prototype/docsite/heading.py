"""What the docs pages show from their front matter, added to the rendered HTML."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from markupsafe import escape

from prototype.docsource.frontmatter import DocPage
from prototype.states.formatting import long_date

_FIRST_H1_END = re.compile(r"</h1>", re.I)
THEME_TEXT_KEYS = frozenset({"title", "description", "subtitle", "status"})
"""Front matter the theme prints into pages as it finds it: MkDocs templates do not escape."""


def escaped_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """A page's front matter with the text the theme prints HTML-escaped once, so the header,
    ``<title>``, meta description and search index show it as written."""
    return {
        key: escape(value) if key in THEME_TEXT_KEYS and isinstance(value, str) else value
        for key, value in meta.items()
    }


def updated_line(doc: DocPage) -> str:
    """``Updated: May 8, 2026`` as a paragraph, or nothing when the page has no date."""
    day = doc.front_matter.date
    if day is None:
        return ""
    return (
        f'<p class="page-updated">Updated: '
        f'<time datetime="{day.isoformat()}">{long_date(day)}</time></p>'
    )


def with_heading(html: str, doc: DocPage, title: str) -> str:
    """The page's HTML with one H1 (its own, or ``title``) followed by its Updated line."""
    updated = updated_line(doc)
    match = _FIRST_H1_END.search(html)
    if match:
        return html[: match.end()] + updated + html[match.end() :]
    return f"<h1>{escape(title)}</h1>{updated}{html}"


def drift_note(claim_ids: list[str]) -> str:
    """The note a served page shows its writer when claimed sentences changed: which claims to
    review. Raw HTML, put before the page's Markdown."""
    names = ", ".join(f"<code>{escape(claim_id)}</code>" for claim_id in claim_ids)
    return (
        '<p class="claim-drift" role="note"><strong>Doc claims to review:</strong> this page no '
        f"longer says what {names} quote{'s' if len(claim_ids) == 1 else ''}. Update the quote in "
        "<code>docs/claims.yaml</code> (and the test, if the behaviour changed).</p>\n\n"
    )
