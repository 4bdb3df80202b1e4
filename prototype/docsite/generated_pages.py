"""Docs pages written at build time for the review section: its landing page, the prototype
gallery and the conformance report."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from prototype.conformance.pictures import DESKTOP, PHONE, StatePictures, dialog_label
from prototype.conformance.report import SCREENSHOTS_DIR
from prototype.docsite.review import (
    CONFORMANCE_PAGE,
    EVIDENCE_DOCS_DIR,
    GALLERY_PAGE,
    from_review_page,
)
from prototype.pages.build import SITE_PATH
from prototype.pages.views import billing_path
from prototype.states.fixtures import FixtureSet

STATUS_LABELS = {
    "verified": "Verified",
    "failing": "Failing",
    "expected to fail": "Expected to fail",
    "not testable": "Not testable",
    "not run": "Not run",
}
NOT_CHECKED_YET = "Not checked yet: this build has no test results."
"""What each review page says, in one line, when there is no conformance report to show."""
_SEARCH_EXCLUDED = "search:\n  exclude: true\n"
"""Review pages stay out of the search, so readers' searches lead to the guide only."""
REVIEW_FRONT_MATTER = f"""---
title: For reviewers
description: The Settings prototype, its gallery and the conformance report.
nav_order: 90
{_SEARCH_EXCLUDED}---
"""
GALLERY_FRONT_MATTER = f"""---
title: Prototype gallery
description: The Plan & Billing page in every workspace state, at desktop and phone width.
nav_order: 1
{_SEARCH_EXCLUDED}---
"""
CONFORMANCE_FRONT_MATTER = f"""---
title: Conformance
description: Which documented statements the browser tests verified against the prototype.
nav_order: 2
{_SEARCH_EXCLUDED}---
"""
PROTOTYPE_HOME = f"{SITE_PATH}index.html"
"""The prototype's list of states, relative to the docs root."""


FLOWS_TEXT = [
    "## Flows and deep links",
    "",
    "The claims about plan actions, credits and payment methods are checked by doing the",
    "action, not only by opening its dialog: **Resume plan** on a canceled Pro Subscription,",
    "**Change plan** on an active one, **Choose a plan** (move to Pro) and **Add credits** (buy",
    "credits) on Flex, and **Add Payment Method** or **Change Payment Method** everywhere, each",
    "on every state where the docs offer it. The page an action leads to must show what a",
    "fixture in that state shows, and is held to every claim about such a state: after",
    "**Resume plan**, the claims of an active Pro page. Invoices never change: nothing in the",
    "prototype bills.",
    "",
    "The rules of each action are Python functions from one validated state to the next",
    "(`prototype/states/actions.py`). The site is static, so the build follows every action",
    "from each fixture state ahead of time and renders each state it reaches with the page's",
    "own templates; the browser only looks the result up and swaps it in. The tiers, credit",
    "packs and test cards offered are example data (`fixtures/_catalogue.yaml`). A changed",
    "state holds on the workspace's pages in that browser tab until **Reset** in the",
    "prototype bar; a new tab shows the fixture.",
    "",
    "The claims about workspaces are checked by doing their actions too: **Add workspace**",
    "from the switcher, **Make default workspace** in the switcher and on the Account page,",
    "saving the Account page's details and **Transfer ownership**, for every role that may",
    "and absent for those that may not. The forms check what Python checks",
    "(`prototype/states/workspace_input.py`, its rules exported to the browser as data). A",
    "workspace added in a tab has its pages under `prototype/w/~new/`, rendered once and",
    "filled in with what was typed; what changed shows on every page of the tab until",
    "**Reset**. In a tab that added none, or after **Reset**, those pages say so instead and",
    "link to the index of states and to **Add workspace**.",
    "",
    "Every dialog of every state opens from a link, such as",
    '`prototype/w/flex-team/settings/billing/?dialog=payment-method`, to share "this state,',
    "this dialog\" in a review. The prototype's index of states and its `states.json` list",
    "them, with each state's actions and the state each leads to. A link to a dialog the page",
    "does not offer in its state or to the viewer's role opens nothing, and the prototype bar",
    "says so.",
    "",
]
"""How the flows are checked and how a dialog is linked to, on the Conformance page."""

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def _text(text: str) -> str:
    """Fixture text as literal Markdown: no markup, no HTML, one line."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(text, quote=False)).replace("\n", " ")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _docs_link(entry: Mapping[str, Any]) -> str:
    """A Markdown link from a review page to the claim's place in the docs (page and section)."""
    anchor = str(entry["url"]).partition("#")[2]
    target = from_review_page(str(entry["page"])) + (f"#{anchor}" if anchor else "")
    return f"[{_cell(entry['section'] or 'Introduction')}]({target})"


def last_run(report: Mapping[str, Any] | None) -> str:
    """One line on the last test run: its counts, or that there is none."""
    if report is None:
        return NOT_CHECKED_YET
    summary = report.get("summary", {})
    counts = ", ".join(f"{summary[key]} {key}" for key in STATUS_LABELS if key in summary)
    return f"Last run: {counts}."


def review_page(report: Mapping[str, Any] | None) -> str:
    """``review/index.md``: what the review section holds, and how the last run went."""
    gallery = from_review_page(GALLERY_PAGE)
    conformance = from_review_page(CONFORMANCE_PAGE)
    lines = [
        REVIEW_FRONT_MATTER,
        "# For reviewers",
        "",
        "This section is for reviewing the Settings guide against a clickable prototype of the",
        "Plan & Billing page. Readers of the guide do not need it.",
        "",
        f"- [Settings prototype]({from_review_page(PROTOTYPE_HOME)}): every workspace",
        "  state, to click through. **Show doc claims**, in the bar at the top of each page,",
        "  outlines what each documented statement is about and how the last test run found it.",
        f"- [Prototype gallery]({gallery}): the Plan & Billing page of every state at desktop",
        "  and at phone width, and each of its dialogs open, to compare states without clicking.",
        f"- [Conformance]({conformance}): every behavioural sentence of the guide's claimed",
        "  sections, and whether the browser tests found the prototype doing what it says.",
        "",
        last_run(report),
        "",
    ]
    return "\n".join(lines)


def _by_page(report: Mapping[str, Any]) -> list[str]:
    """One line per claimed docs page: its claims and their statuses, counted."""
    pages: dict[str, Counter[str]] = {}
    for entry in report["claims"]:
        pages.setdefault(entry["page"], Counter())[STATUS_LABELS[entry["status"]]] += 1
    for entry in report["not_testable"]:
        pages.setdefault(entry["page"], Counter())["not testable"] += 1
    lines = []
    for page, counts in pages.items():
        statuses = ", ".join(f"{count} {status.lower()}" for status, count in counts.items())
        lines.append(f"- [`{_cell(page)}`]({from_review_page(page)}): {statuses}")
    return [*lines, ""]


def conformance_page(report: Mapping[str, Any] | None, evidence: set[str]) -> str:
    """``review/conformance.md`` from the last report; without one, one line that says so.

    ``evidence`` holds the claim ids whose screenshot is in :data:`EVIDENCE_DOCS_DIR`.
    """
    lines = [CONFORMANCE_FRONT_MATTER, "# Conformance", ""]
    if report is None:
        return "\n".join([*lines, NOT_CHECKED_YET, "", *FLOWS_TEXT])
    lines += [
        "Every behavioural sentence of the claimed docs sections is a claim that browser tests",
        "check against the prototype, on every workspace state it concerns, or is listed as not",
        f"testable with the reason. {last_run(report)}",
        "",
        *_by_page(report),
        "| Claim | Status | Checked on | In the docs |",
        "| --- | --- | --- | --- |",
    ]
    for claim in report["claims"]:
        states = ", ".join(claim["states"]) or "all pages (no state)"
        lines.append(
            f"| [`{claim['id']}`](#{claim['id'].replace('.', '-')}) | "
            f"{STATUS_LABELS[claim['status']]} | {_cell(states)} | {_docs_link(claim)} |"
        )
    lines += ["", *FLOWS_TEXT, "## Claims", ""]
    for claim in report["claims"]:
        lines += [
            f"### {claim['id']} {{#{claim['id'].replace('.', '-')}}}",
            "",
            f"> {claim['text']}",
            "",
            f"**{STATUS_LABELS[claim['status']]}** · {_docs_link(claim)} · "
            f"{len(claim['tests'])} test run(s)",
            "",
        ]
        if claim["id"] in evidence:
            picture = from_review_page(f"{EVIDENCE_DOCS_DIR}/{claim['id']}.png")
            lines += [f"![Evidence for {claim['id']}]({picture})", ""]
    lines += ["## Not testable", "", "| Sentence | Why | In the docs |", "| --- | --- | --- |"]
    for item in report["not_testable"]:
        lines.append(f"| {_cell(item['text'])} | {_text(item['reason'])} | {_docs_link(item)} |")
    lines.append("")
    return "\n".join(lines)


def _picture(alt: str, name: str, kind: str) -> str:
    """A picture that opens full size when followed."""
    path = from_review_page(f"{SCREENSHOTS_DIR}/{name}")
    return f'[![{alt}]({path}){{ .gallery__shot .gallery__shot--{kind} loading="lazy" }}]({path})'


def _state_pictures(title: str, pictures: StatePictures) -> list[str]:
    """A state's pictures, each row a paragraph the docs' stylesheet lays out side by side."""
    pages = [
        _picture(f"Plan & Billing at {label} width: {title}", name, kind)
        for label, name, kind in [
            ("desktop", pictures.desktop, "desktop"),
            ("phone", pictures.phone, "phone"),
        ]
        if name
    ]
    dialogs = [
        _picture(f"{_text(dialog_label(dialog))} dialog open: {title}", name, "dialog")
        for dialog, name in pictures.dialogs.items()
    ]
    return ["\n".join(row) + "\n{ .gallery__row }\n" for row in (pages, dialogs) if row] or [
        "No pictures of this state yet.\n"
    ]


def gallery_page(fixture_set: FixtureSet, pictures: Mapping[str, StatePictures]) -> str:
    """``review/gallery.md``: each state's Plan & Billing page, as the last test run saw it.

    ``pictures`` holds each state's pictures in :data:`SCREENSHOTS_DIR`.
    """
    lines = [GALLERY_FRONT_MATTER, "# Prototype gallery", ""]
    if not any(pictures.values()):
        lines += [NOT_CHECKED_YET, ""]
    else:
        lines += [
            "The Plan & Billing page of the prototype in every workspace state, as the last test",
            f"run saw it at desktop width ({DESKTOP.width} by {DESKTOP.height} pixels) and",
            f"at phone width ({PHONE.width} pixels), and each of its dialogs open.",
            f"In the prototype, today is fixed at {fixture_set.today.isoformat()}.",
            "Each picture opens full size.",
            "",
        ]
    for state_id, state in fixture_set.states.items():
        title = _text(state.title)
        target = from_review_page(f"{SITE_PATH}{billing_path(state_id)}index.html")
        lines += [f"## {title}", "", _text(state.description), ""]
        lines += [f"[Open this state]({target})", ""]
        if any(pictures.values()):
            lines += _state_pictures(title, pictures.get(state_id, StatePictures()))
    return "\n".join(lines)
