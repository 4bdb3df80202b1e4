// Flows: what a documented action does in the browser. The site is static, so the build
// (prototype/pages/flows.py) followed every action from this workspace state with every choice
// of the example catalogue, rendered each part of every state it reached with the page's own
// templates, and wrote them to flows.json with the transitions between them. This module only
// looks transitions up, keeps the tab's state in sessionStorage and swaps the parts in.
//
// Credits are the one figure that grows without end: their part holds placeholders, filled with
// the figures grouped as Python's Babel groups them (the grouping comes from flows.json). The
// payment method dialog is checked by the rules of Python's CardInput
// (prototype/states/card_input.py), with its messages; the tests hold the two together.

export const load = async (url, storageKey) => {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`flows.json: ${response.status}`);
  return new Flows(await response.json(), storageKey);
};

const luhn = (digits) => {
  let total = 0;
  [...digits].reverse().forEach((char, position) => {
    const value = Number(char) * (position % 2 ? 2 : 1);
    total += value > 9 ? value - 9 : value;
  });
  return total % 10 === 0;
};

const EXPIRY = /^ *([0-9]{1,2}) *\/ *([0-9]{2}) *$/;

class Flows {
  constructor(data, storageKey) {
    this.data = data;
    this.key = storageKey;
    this.state = this.saved() || data.fixture;
  }

  saved() {
    let state = null;
    try {
      state = JSON.parse(sessionStorage.getItem(this.key));
    } catch {
      return null;
    }
    const { plans, cards } = this.data;
    const known =
      state && plans[state.plan] && cards[state.card] && state.credits &&
      Number.isSafeInteger(state.credits.balance) && Number.isSafeInteger(state.credits.total);
    return known ? state : null;
  }

  isFixture(state) {
    const fixture = this.data.fixture;
    return (
      state.plan === fixture.plan && state.card === fixture.card &&
      state.credits.balance === fixture.credits.balance &&
      state.credits.total === fixture.credits.total
    );
  }

  keep(state) {
    this.state = state;
    try {
      if (this.isFixture(state)) sessionStorage.removeItem(this.key);
      else sessionStorage.setItem(this.key, JSON.stringify(state));
    } catch {
      // No storage: the change lasts as long as this page.
    }
  }

  // A whole number grouped as formatting.count groups it (Babel's own steps).
  group(number) {
    const { symbol, sizes } = this.data.grouping;
    let digits = String(number);
    let grouped = "";
    let size = sizes[0];
    while (digits.length > size) {
      grouped = symbol + digits.slice(-size) + grouped;
      digits = digits.slice(0, -size);
      size = sizes[1];
    }
    return digits + grouped;
  }

  fill(html, credits) {
    const slot = this.data.placeholders;
    return html
      .replaceAll(slot.balance_text, this.group(credits.balance))
      .replaceAll(slot.total_text, this.group(credits.total))
      .replaceAll(slot.balance, String(credits.balance))
      .replaceAll(slot.bar_max, String(credits.total || 1)); // as views.credit_figures
  }

  // Every part of the page as the state shows it, and the prototype bar's note.
  show() {
    const state = this.state;
    const parts = { ...this.data.plans[state.plan].parts, ...this.data.cards[state.card].parts };
    for (const element of document.querySelectorAll("[data-part]")) {
      const html = parts[element.dataset.part];
      if (html !== undefined) element.outerHTML = this.fill(html, state.credits);
    }
    // The note shows while this or people-flows.js has a change to show.
    for (const note of document.querySelectorAll("[data-flows-changed]")) {
      note.toggleAttribute("data-changed-billing", !this.isFixture(state));
      note.hidden = !note.matches("[data-changed-billing], [data-changed-people]");
    }
  }

  // The fixture state again: nothing kept, every part as the page was built.
  reset() {
    this.keep(this.data.fixture);
    this.show();
  }

  error(form, name, message) {
    form.querySelector(`[data-error-for="${name}"]`).textContent = message;
    const field =
      name === "choice"
        ? form.querySelector("input[name=choice]:checked").closest("fieldset")
        : form.elements[name];
    field.setAttribute("aria-invalid", "true");
  }

  // The card's number when the dialog's fields pass CardInput's rules; else null, each
  // wrong field marked, its message beside it, the first one focused.
  checkCard(form) {
    const rules = this.data.card_form;
    const say = rules.messages;
    const value = (name) => form.elements[name].value;
    const wrong = {};
    if (!value("cc-name").trim()) wrong["cc-name"] = say.name;
    const digits = value("cc-number").replace(/[ -]/g, "");
    if (!digits) wrong["cc-number"] = say["number-missing"];
    else if (!/^[0-9]{12,19}$/.test(digits) || !luhn(digits)) {
      wrong["cc-number"] = say["number-invalid"];
    } else if (!Object.hasOwn(rules.security_codes, digits)) {
      wrong["cc-number"] = say["number-not-test"];
    }
    const expiry = EXPIRY.exec(value("cc-exp"));
    const month = expiry ? Number(expiry[1]) : 0;
    const year = expiry ? 2000 + Number(expiry[2]) : 0;
    const earliest = rules.earliest_expiry;
    if (month < 1 || month > 12) wrong["cc-exp"] = say["expiry-format"];
    else if (year < earliest.year || (year === earliest.year && month < earliest.month)) {
      wrong["cc-exp"] = say["expiry-past"];
    }
    const length = wrong["cc-number"] ? null : rules.security_codes[digits];
    const code = new RegExp(length ? `^[0-9]{${length}}$` : "^[0-9]{3,4}$");
    if (!code.test(value("cc-csc"))) wrong["cc-csc"] = say[length ? `csc-${length}` : "csc-any"];
    const names = Object.keys(rules.fields).filter((name) => name in wrong);
    for (const name of names) this.error(form, name, wrong[name]);
    if (!names.length) return digits;
    form.elements[names[0]].focus();
    return null;
  }

  // Do the action of a submitted dialog: keep the state it leads to and say what was done
  // (the caller shows it); null when the form is refused, with the reason beside the field.
  submit(form) {
    for (const error of form.querySelectorAll("[data-error-for]")) error.textContent = "";
    for (const field of form.querySelectorAll("[aria-invalid]")) {
      field.removeAttribute("aria-invalid");
    }
    const checked = form.querySelector("input[name=choice]:checked");
    const action = form.dataset.action || checked.closest("[data-action]").dataset.action;
    const choice = action === "save-card" ? this.checkCard(form) : checked ? checked.value : "";
    if (choice === null) return null;
    const { plans, cards } = this.data;
    const state = this.state;
    const moves = plans[state.plan].actions[action] || cards[state.card].actions[action];
    const move = moves && moves[choice];
    const added = move && move.credits;
    const credits = added
      ? { balance: state.credits.balance + added.balance, total: state.credits.total + added.total }
      : state.credits;
    if (!move || credits.total > this.data.max_credits) {
      // Only a purchase can be refused: past the largest credit figure Python allows.
      this.error(form, "choice", this.data.messages["max-credits"]);
      checked.focus();
      return null;
    }
    this.keep({ plan: move.plan || state.plan, card: move.card || state.card, credits });
    return move.done;
  }
}
