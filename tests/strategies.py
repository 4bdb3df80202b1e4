"""Hypothesis strategies for valid workspace states, drawn from the models' own rules, and for
the actions a reviewer can do on them.

Used by the generated-state browser tests, the action tests and the benchmarks; ``draw_states``
draws the same states for the same seed.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import string

from hypothesis import Phase, example, given, seed, settings
from hypothesis import strategies as st

from prototype.states.actions import ActionError, ActionId, Choice, actions_of, apply
from prototype.states.card_input import SECURITY_CODE_LENGTHS, CardInput
from prototype.states.fixtures import FixtureSet
from prototype.states.models import (
    MAX_CREDITS,
    MAX_MINOR_UNITS,
    Card,
    CardReference,
    Credits,
    Invoice,
    Money,
    Plan,
    User,
    Workspace,
    WorkspaceState,
    is_visible,
)
from prototype.states.workspace_details import slug_from_name
from tests.expected import CARD_BRANDS, FIXTURE_SET

TODAY = dt.date(2026, 5, 8)
"""The "today" every generated state is valid for."""
SEED = int(os.environ.get("GENERATED_STATES_SEED", "20260508"))
"""Hypothesis' seed: fixed, so every run checks the same states."""
MAX_EXAMPLES = 205
"""Examples Hypothesis draws; the few that repeat an earlier state are dropped."""
BATCH_SIZE = 40
"""States per prototype build: every page's switcher lists each workspace of its batch."""

CURRENCIES: dict[str, tuple[str, int]] = {
    "USD": ("$", 2),
    "EUR": ("€", 2),
    "GBP": ("£", 2),
    "CHF": ("CHF", 2),
    "INR": ("₹", 2),
    "BRL": ("R$", 2),
    "SEK": ("SEK", 2),
    "JPY": ("¥", 0),
    "KRW": ("₩", 0),
    "KWD": ("KWD", 3),
    "BHD": ("BHD", 3),
}
"""Real ISO 4217 codes, including zero- and three-decimal ones, with the symbol and number of
decimals US English shows them with: the test's own oracle for the Amount column."""
USER = User(name="Ada Lovelace", email="ada.lovelace@example.com")
CATALOGUE = FIXTURE_SET.catalogue
"""The project's example catalogue: the choices generated actions pick from."""

TRICKY_NAMES = [
    "<b>x</b>",
    '</span><script>alert("x")</script>',
    "{{ 7 * 7 }} {% raw %}",
    "&amp; &lt;tag&gt; &#x41;",
    "צוות המוצר",
    "مساحة عمل الفريق",
    "Équipe ‮gnp.exe‬ 🚀",
    "Zoë's 東京 workspace ☃",
    "W" * 200,
    ("مساحة " * 34)[:200],
]
"""Names that are hard to show: markup-like, template-like, entity-like, RTL (with a bidi
override), emoji, the longest allowed."""

# Any character UTF-8 can encode (so no lone surrogates) but control characters, which the
# models refuse: a page cannot show them all (the HTML parser drops NUL, for one).
characters = st.characters(codec="utf-8", exclude_categories=["Cc"])


def text(max_size: int) -> st.SearchStrategy[str]:
    """A name: a known tricky one, or any text with a visible character (not blank)."""
    tricky = st.sampled_from([name[:max_size] for name in TRICKY_NAMES])
    drawn = st.text(characters, min_size=1, max_size=max_size).filter(
        lambda s: any(map(is_visible, s))
    )
    return tricky | drawn | drawn  # drawn text twice as often as a known tricky name


past_dates = st.dates(TODAY - dt.timedelta(days=30), TODAY) | st.dates(dt.date(2020, 1, 1), TODAY)
"""Invoice dates: often within a month, so some invoices share a day."""
renewal_dates = st.dates(TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=3 * 366))
end_dates = st.dates(TODAY, TODAY + dt.timedelta(days=3 * 366))
last4 = st.text(string.digits, min_size=4, max_size=4)
card_references = st.builds(CardReference, brand=st.sampled_from(list(CARD_BRANDS)), last4=last4)
cards = st.builds(
    Card,
    brand=st.sampled_from(list(CARD_BRANDS)),
    last4=last4,
    exp_month=st.integers(1, 12),
    exp_year=st.integers(2000, 2100),
)
money = st.builds(
    Money,
    minor_units=st.integers(0, MAX_MINOR_UNITS),
    currency=st.sampled_from(list(CURRENCIES)),
)
invoice_numbers = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(string.ascii_uppercase + string.digits),
    st.text(string.ascii_uppercase + string.digits + "-", min_size=1, max_size=39),
)
invoices = st.builds(
    Invoice, number=invoice_numbers, date=past_dates, amount=money, paid_with=card_references
)
slugs = st.from_regex(r"\A[a-z0-9]{1,20}(-[a-z0-9]{1,20}){0,2}\Z")


@st.composite
def workspaces(draw: st.DrawFn) -> Workspace:
    """A workspace; its Unique URL made from the name, or drawn when the name has no Latin
    letter or digit to make one from (as a fixture then has to give one)."""
    name = draw(text(200))
    return Workspace(
        name=name,
        kind=draw(st.sampled_from(["personal", "team"])),
        group=draw(st.sampled_from(["my_workspaces", "shared_with_me"])),
        unique_url=None if slug_from_name(name) else draw(slugs),
    )


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """Flex (no tier, status or dates), or Pro: active (renewing, ending, or neither), or canceled
    and running to its end."""
    if draw(st.booleans()):
        return Plan(type="flex")
    tier = draw(st.none() | text(80))
    if draw(st.booleans()):
        return Plan(type="pro", tier=tier, status="canceled", active_until=draw(end_dates))
    renews_on = draw(st.none() | renewal_dates)
    active_until = draw(st.none() | end_dates) if renews_on is None else None
    return Plan(
        type="pro", tier=tier, status="active", renews_on=renews_on, active_until=active_until
    )


@st.composite
def credit_figures(draw: st.DrawFn) -> Credits:
    """A balance never above its total."""
    total = draw(st.integers(0, MAX_CREDITS))
    return Credits(balance=draw(st.integers(0, total)), total=total)


states = st.builds(
    WorkspaceState,
    title=text(120),
    description=text(300),
    workspace=workspaces(),
    plan=plans(),
    credits=credit_figures(),
    payment_method=st.none() | cards,
    invoices=st.lists(invoices, max_size=8, unique_by=lambda invoice: invoice.number),
)


ENDING_ACTIVE_PLAN = WorkspaceState(
    title="An active plan that ends",
    description="Pro, active, with an end date and no renewal date.",
    workspace=Workspace(name="Explicit example workspace", kind="team"),
    plan=Plan(
        type="pro", tier="Growth", status="active", active_until=TODAY + dt.timedelta(days=40)
    ),
    credits=Credits(balance=0, total=0),
)
"""A case every draw checks whatever the seed: the rarest documented plan, drawn last of all."""


@functools.cache
def generated_states() -> tuple[WorkspaceState, ...]:
    """The distinct states Hypothesis draws with :data:`SEED` for the browser tests."""
    return draw_states(MAX_EXAMPLES, SEED)


def draw_states(count: int, seed_value: int) -> tuple[WorkspaceState, ...]:
    """Up to ``count`` distinct states drawn with ``seed_value``, each re-validated against
    "today" (a state that fails is shrunk and reported by Hypothesis)."""
    drawn: dict[str, WorkspaceState] = {}

    @seed(seed_value)
    @settings(
        max_examples=count,
        database=None,  # nothing written into the project; the seed alone reproduces a run
        deadline=None,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        print_blob=True,
    )
    @example(ENDING_ACTIVE_PLAN)
    @given(states)
    def draw(state: WorkspaceState) -> None:
        context = {"today": TODAY}
        assert WorkspaceState.model_validate(state.model_dump(), context=context) == state
        as_in_a_file = state.model_dump(mode="json")  # dates as YYYY-MM-DD, as YAML has them
        assert WorkspaceState.model_validate(as_in_a_file, context=context) == state
        drawn.setdefault(state.model_dump_json(), state)

    draw()
    return tuple(drawn.values())


def state_id(index: int) -> str:
    return f"gen-{index:03d}"


def batches(found: tuple[WorkspaceState, ...]) -> list[list[int]]:
    """The states' indexes, in builds of at most :data:`BATCH_SIZE`; a name is used once per
    build, since names tell workspaces apart in the switcher (as the fixture loader requires)."""
    built: list[list[int]] = []
    for index, state in enumerate(found):
        name = state.workspace.name
        batch = next(
            (
                batch
                for batch in built
                if len(batch) < BATCH_SIZE and all(found[i].workspace.name != name for i in batch)
            ),
            None,
        )
        if batch is None:
            batch = []
            built.append(batch)
        batch.append(index)
    return built


def batched_sets(found: tuple[WorkspaceState, ...]) -> list[tuple[list[int], FixtureSet]]:
    """The states in fixture sets of one build each (:func:`batches`), with their indexes."""
    return [
        (
            batch,
            FixtureSet(
                today=TODAY,
                user=USER,
                states={state_id(i): found[i] for i in batch},
                catalogue=CATALOGUE,
            ),
        )
        for batch in batches(found)
    ]


@st.composite
def card_inputs(draw: st.DrawFn, today: dt.date = TODAY) -> CardInput:
    """The payment method dialog filled in with a test card that it accepts."""
    card = draw(st.sampled_from(CATALOGUE.test_cards))
    year = draw(st.integers(today.year, 2099))
    month = draw(st.integers(today.month if year == today.year else 1, 12))
    number, size = card.number, SECURITY_CODE_LENGTHS[card.brand]
    if draw(st.booleans()):  # grouped as people type it
        number = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    fields = {
        "name": draw(text(120)),
        "number": number,
        "expiry": f"{month:02d}/{year % 100:02d}",
        "security_code": draw(st.text(string.digits, min_size=size, max_size=size)),
    }
    context = {"today": today, "test_numbers": CATALOGUE.test_numbers}
    return CardInput.model_validate(fields, context=context)


def choices(action: ActionId, any_pack: bool = True) -> st.SearchStrategy[Choice]:
    """What can be picked for ``action``: the catalogue's choices, and (unless ``any_pack`` is
    false, as in the dialogs) a pack of any size."""
    if action == "resume":
        return st.none()
    if action in ("change-tier", "move-to-pro"):
        return st.sampled_from(CATALOGUE.tiers)
    if action == "buy-credits":
        packs = st.sampled_from(CATALOGUE.credit_packs)
        return packs | st.integers(1, MAX_CREDITS) if any_pack else packs
    return card_inputs()


Step = tuple[ActionId, Choice, WorkspaceState]
"""An action, its choice and the state it led to."""


def act(
    data: st.DataObject, state: WorkspaceState, steps: int, any_pack: bool = True
) -> list[Step]:
    """Up to ``steps`` actions drawn one after the other, each among those the state reached
    so far offers; a purchase past the largest credit figure is refused and leads nowhere."""
    done: list[Step] = []
    for _ in range(steps):
        action = data.draw(st.sampled_from(actions_of(state)), label="action")
        choice = data.draw(choices(action, any_pack), label="choice")
        try:
            state = apply(state, action, choice, TODAY)
        except ActionError:
            assert action == "buy-credits"
            assert isinstance(choice, int)
            assert state.credits.total + choice > MAX_CREDITS
            continue
        done.append((action, choice, state))
    return done
