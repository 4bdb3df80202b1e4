"""Docs pages written at build time: the conformance report and the prototype gallery."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from prototype.conformance.report import EVIDENCE_DOCS_DIR
from prototype.pages.views import billing_path
from prototype.states.fixtures import FixtureSet

STATUS_LABELS = {
    "verified": "Verified",
    "failing": "Failing",
    "expected to fail": "Expected to fail",
    "not testable": "Not testable",
    "not run": "Not run",
}
CONFORMANCE_FRONT_MATTER = """---
title: Conformance
description: Which documented statements the browser tests verified against the prototype.
nav_order: 20
---
"""
GALLERY_FRONT_MATTER = """---
title: Prototype gallery
description: The Plan & Billing page in every workspace state of the prototype.
nav_order: 21
---
"""


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
    "**Reset**.",
    "",
    "Every dialog of every state opens from a link, such as",
    '`prototype/w/flex-team/settings/billing/?dialog=payment-method`, to share "this state,',
    "this dialog\" in a review. The prototype's index of states and its `states.json` list",
    "them, with each state's actions and the state each leads to.",
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
    """A Markdown link to the claim's place in the docs (a page, and its section)."""
    anchor = str(entry["url"]).partition("#")[2]
    target = str(entry["page"]) + (f"#{anchor}" if anchor else "")
    return f"[{_cell(entry['section'] or 'Introduction')}]({target})"


def conformance_page(report: Mapping[str, Any] | None, evidence: set[str]) -> str:
    """``conformance.md`` from the last report; without one, how to produce it.

    ``evidence`` holds the claim ids whose screenshot is in :data:`EVIDENCE_DOCS_DIR`.
    """
    lines = [CONFORMANCE_FRONT_MATTER, "# Conformance", ""]
    if report is None:
        lines += [
            "No conformance report yet. Run the tests with `python3 dev.py test`: they write",
            "`reports/conformance.json` and the evidence screenshots, and the next build of",
            "the site (`python3 dev.py serve` or `python3 dev.py build`) shows them here.",
            "",
            *FLOWS_TEXT,
        ]
        return "\n".join(lines)
    summary = report.get("summary", {})
    counts = ", ".join(f"{summary[key]} {key}" for key in STATUS_LABELS if key in summary)
    lines += [
        "Every behavioural sentence of the claimed docs sections is a claim that browser tests",
        "check against the prototype, on every workspace state it concerns, or is listed as not",
        f"testable with the reason. Last run: {counts}.",
        "",
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
            picture = f"{EVIDENCE_DOCS_DIR}/{claim['id']}.png"
            lines += [f"![Evidence for {claim['id']}]({picture})", ""]
    lines += ["## Not testable", "", "| Sentence | Why | In the docs |", "| --- | --- | --- |"]
    for item in report["not_testable"]:
        lines.append(f"| {_cell(item['text'])} | {_text(item['reason'])} | {_docs_link(item)} |")
    lines.append("")
    return "\n".join(lines)


def gallery_page(fixture_set: FixtureSet, screenshots: Mapping[str, str]) -> str:
    """``prototype-gallery.md``: each state's Plan & Billing page, as last screenshotted.

    ``screenshots`` maps state ids to image paths relative to the docs root.
    """
    lines = [GALLERY_FRONT_MATTER, "# Prototype gallery", ""]
    lines += [
        "The Plan & Billing page of the prototype in every workspace state, as the last test",
        "run saw it (1280 by 800 pixels, today fixed at "
        f"{fixture_set.today.isoformat()}). Open a state to click through it.",
        "",
    ]
    for state_id, state in fixture_set.states.items():
        lines += [f"## {_text(state.title)}", "", _text(state.description), ""]
        lines += [f"[Open this state](prototype/{billing_path(state_id)}index.html)", ""]
        if state_id in screenshots:
            lines += [f"![Plan & Billing: {_text(state.title)}]({screenshots[state_id]})", ""]
        else:
            lines += ["No screenshot yet: run `python3 dev.py test`.", ""]
    return "\n".join(lines)
