"""The documented rules of the Plan & Billing page, checked on what a page shows.

One ``page.evaluate(READ_REGIONS)`` reads every region of the page; the ``*_problems``
functions compare a region with what billing.md says it shows for a state, and return what
breaks the rules. Used on generated states and on the states actions lead to.
"""

from __future__ import annotations

import re
from typing import TypedDict

from prototype.states.models import WorkspaceState
from tests.expected import CARD_BRANDS, PLAN_LABELS, card_text, plan_action_label, shown_date

_SPACE = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+")


def squash(text: str) -> str:
    """Runs of whitespace as one space, trimmed; whitespace as JavaScript's ``\\s`` has it."""
    return _SPACE.sub(" ", text).strip()


class Link(TypedDict):
    """An invoice link: its text, ``target`` and ``rel`` as written, ``href`` resolved."""

    text: str
    target: str
    rel: str
    href: str


class Row(TypedDict):
    cells: list[str]
    links: list[Link]


class Region(TypedDict):
    """What a region of the page shows; every text as ``textContent``."""

    text: str
    bold: list[str]
    buttons: list[str]
    tiers: list[str]
    headers: list[str]
    rows: list[Row]


READ_REGIONS = """() => {
  const shown = el => el.checkVisibility({visibilityProperty: true})
    && !el.closest("[aria-hidden='true']");
  const texts = (root, selector) =>
    [...root.querySelectorAll(selector)].filter(shown).map(el => el.textContent);
  const nameOf = el => el.hasAttribute("aria-labelledby")
    ? el.getAttribute("aria-labelledby").split(/\\s+/)
        .map(id => document.getElementById(id)?.textContent ?? "").join(" ")
    : el.getAttribute("aria-label") ?? "";
  const regions = {};
  for (const region of document.querySelectorAll(
      "main section[aria-labelledby], main section[aria-label], main [role='region']")) {
    const name = nameOf(region).replace(/\\s+/g, " ").trim();
    if (!shown(region) || name in regions) continue;
    regions[name] = {
      text: region.textContent,
      bold: texts(region, "strong, b"),
      buttons: texts(region, "button, [role='button']"),
      tiers: texts(region, "[data-field='tier']"),
      headers: texts(region, "th, [role='columnheader']"),
      rows: [...region.querySelectorAll("tbody tr, [role='row']:has([role='cell'])")]
        .filter(shown).map(row => ({
          cells: [...row.querySelectorAll("td, [role='cell']")].map(cell => cell.textContent),
          links: [...row.querySelectorAll("a[href]")].map(a => ({
            text: a.textContent, target: a.getAttribute("target") ?? "",
            rel: a.getAttribute("rel") ?? "", href: a.href})),
        })),
    };
  }
  return regions;
}"""
"""Reads every region of ``main`` (a section named by its heading) in one call. Checking the
same with locators and ``expect`` took 120 ms a state against 60 ms: Playwright injects its
selector engine into each new document (~35 ms), and reading attributes needs a second one."""


def differs(rule: str, expected: object, shown: object) -> list[str]:
    """The problem when the page does not show what the rule expects."""
    return [] if expected == shown else [f"{rule}: expected {expected!r}, the page shows {shown!r}"]


def squashed(texts: list[str]) -> list[str]:
    return [squash(text) for text in texts]


DATED = r"(?: [A-Z][a-z]+ [0-9]{1,2}, [0-9]{4})?"


def current_plan_problems(region: Region, state: WorkspaceState) -> list[str]:
    """The plan label, the tier when attached, Active until and its date, the plan action."""
    plan = state.plan
    text = squash(region["text"])
    other = PLAN_LABELS["pro" if plan.type == "flex" else "flex"]
    until = [f"Active until {shown_date(plan.active_until)}"] if plan.active_until else []
    action = plan_action_label(plan)
    bold = [PLAN_LABELS[plan.type], *(["Active until"] if plan.active_until else [])]
    return [
        *differs("bold plan label and Active until", bold, squashed(region["bold"])),
        *([f"the Current Plan also shows {other!r}"] if other in text else []),
        *differs("tier", [squash(plan.tier)] if plan.tier else [], squashed(region["tiers"])),
        *differs("Active until date", until, re.findall(f"Active until{DATED}", text)),
        *differs("plan action", [action], squashed(region["buttons"])),
    ]


def credits_problems(region: Region, state: WorkspaceState) -> list[str]:
    """**Add credits** only on Flex; "Renews on <date>" only on Pro with a renewal date."""
    plan = state.plan
    renewal = [f"Renews on {shown_date(plan.renews_on)}"] if plan.renews_on else []
    add_credits = ["Add credits"] if plan.type == "flex" else []
    return [
        *differs("renewal date", renewal, re.findall(f"Renews on{DATED}", squash(region["text"]))),
        *differs("Add credits on Flex only", add_credits, squashed(region["buttons"])),
    ]


def payment_method_problems(region: Region, state: WorkspaceState) -> list[str]:
    """The card label when there is a card; **Add** or **Change Payment Method**."""
    card = state.payment_method
    cards = re.findall(
        f"(?:{'|'.join(CARD_BRANDS.values())}) ending in [0-9]{{4}}|ending in",
        squash(region["text"]),
    )
    button = "Change Payment Method" if card else "Add Payment Method"
    return [
        *differs("card label", [card_text(card)] if card else [], cards),
        *differs("payment method button", [button], squashed(region["buttons"])),
    ]
