// People actions: what membership, model, integration and connected-app actions do in the
// browser. The site is static, so the build (prototype/pages/row_flows.py and the pages'
// *_flows.py) tried every action with every choice on every row the page can show, rendered
// each variant of a row with the page's own templates, and wrote them with the transitions
// between them to the page's actions.json. This module keeps the tab's rows as a list of
// variant ids, looks transitions up, and puts the rows and their dialogs in.
//
// An invitation can be sent to any address, so its row comes from a template: the typed
// address goes in as text (textContent), and into the row's ids as Python's address key
// (lowercase: only ASCII addresses are accepted). The address is checked by the rules of
// Python's prototype/states/invite_input.py, with its patterns and messages.

export const load = async (url, storageKey) => {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`actions.json: ${response.status}`);
  return new People(await response.json(), storageKey);
};

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

class People {
  constructor(data, storageKey) {
    this.data = data;
    this.key = storageKey;
    this.rows = this.saved() || data.fixture;
    const form = data.invite_form;
    if (form) {
      const blank = `[${form.blanks}]`;
      this.trim = new RegExp(`^${blank}+|${blank}+$`, "g");
      this.address = new RegExp(`^(?:${form.address})$`);
    }
  }

  saved() {
    let rows = null;
    try {
      rows = JSON.parse(sessionStorage.getItem(this.key));
    } catch {
      return null;
    }
    const known = (row) =>
      row && Object.hasOwn(this.data.variants, row.v) &&
      (row.e === undefined || (typeof row.e === "string" && typeof row.k === "string"));
    return Array.isArray(rows) && rows.every(known) ? rows : null;
  }

  keep(rows) {
    this.rows = rows;
    try {
      if (same(rows, this.data.fixture)) sessionStorage.removeItem(this.key);
      else sessionStorage.setItem(this.key, JSON.stringify(rows));
    } catch {
      // No storage: the change lasts as long as this page.
    }
  }

  // A row's data-row: its variant's, or a template's with the address key in it.
  keyOf(row) {
    const key = this.data.variants[row.v].key;
    return row.k === undefined ? key : key.replaceAll(this.data.placeholders.key, row.k);
  }

  // The HTML of a row (or its dialogs) as nodes, a template's address and key filled in.
  nodes(html, row) {
    const template = document.createElement("template");
    template.innerHTML = html;
    if (row.e !== undefined) {
      const slot = this.data.placeholders.key;
      for (const element of template.content.querySelectorAll("*")) {
        for (const { name, value } of [...element.attributes]) {
          if (value.includes(slot)) element.setAttribute(name, value.replaceAll(slot, row.k));
        }
      }
      for (const element of template.content.querySelectorAll("[data-fill]")) {
        element.textContent = row.e;
        element.removeAttribute("data-fill");
      }
    }
    return template.content;
  }

  // Every row and its dialogs as the tab's state shows them, and the prototype bar's note.
  show() {
    const variant = (row) => this.data.variants[row.v];
    const list = document.querySelector("[data-people-rows]");
    list.replaceChildren(...this.rows.map((row) => this.nodes(variant(row).row, row)));
    document
      .querySelector("[data-people-dialogs]")
      .replaceChildren(...this.rows.map((row) => this.nodes(variant(row).dialogs, row)));
    const empty = document.querySelector("[data-people-empty]");
    if (empty) {
      empty.hidden = this.rows.length > 0;
      list.hidden = !empty.hidden;
    }
    for (const note of document.querySelectorAll("[data-flows-changed]")) {
      note.toggleAttribute("data-changed-people", !same(this.rows, this.data.fixture));
      note.hidden = !note.matches("[data-changed-billing], [data-changed-people]");
    }
    document.dispatchEvent(new Event("prototype:swapped"));
  }

  reset() {
    this.keep(this.data.fixture);
    this.show();
  }

  // Why the typed address cannot be invited (a message key), or null: invite_input's order.
  problem(typed) {
    const form = this.data.invite_form;
    const email = typed.replace(this.trim, "");
    if (!email) return "missing";
    const separated = [...email].some((char) => form.separators.includes(char));
    if (separated && email.split("@").length > 2) return "several";
    if (!this.address.test(email)) return "invalid";
    if (email.length > form.max) return "too-long";
    for (const row of this.rows) {
      const taken = this.data.variants[row.v].taken;
      if (taken && (taken.key ?? row.k) === email.toLowerCase()) return taken.as;
    }
    return null;
  }

  // The state a submitted dialog's action leads to: kept, and what to announce; null when the
  // typed address is refused (its reason beside the field, the field focused).
  act(form) {
    const action = form.dataset.action;
    const checked = form.querySelector("input[name=choice]:checked");
    const choice = checked ? checked.value : "";
    const email = this.data.placeholders && this.data.placeholders.email;
    const adds = this.data.add[action];
    if (adds) {
      const field = form.elements.email;
      const problem = this.problem(field.value);
      if (problem) {
        form.querySelector('[data-error-for="email"]').textContent =
          this.data.invite_form.messages[problem];
        field.setAttribute("aria-invalid", "true");
        field.focus();
        return null;
      }
      const typed = field.value.replace(this.trim, "");
      const move = adds[choice];
      this.keep([...this.rows, { v: move.to, k: typed.toLowerCase(), e: typed }]);
      return move.done.replaceAll(email, typed);
    }
    const id = form.closest("[data-row]").dataset.row;
    const index = this.rows.findIndex((row) => this.keyOf(row) === id);
    const row = this.rows[index];
    const move = this.data.variants[row.v].actions[action][choice];
    const rows = [...this.rows];
    if (move.to === null) rows.splice(index, 1);
    else rows[index] = { ...row, v: move.to };
    this.keep(rows);
    return row.e === undefined ? move.done : move.done.replaceAll(email, row.e);
  }

  // Do a submitted dialog's action; once it is closed, the page shows the new rows, the focus
  // is on the control that opened it (or the one in its place, or the list), and the live
  // region says what was done.
  submit(form, status) {
    for (const error of form.querySelectorAll("[data-error-for]")) error.textContent = "";
    for (const field of form.querySelectorAll("[aria-invalid]")) {
      field.removeAttribute("aria-invalid");
    }
    const dialog = form.closest("dialog");
    const row = form.closest("[data-row]");
    const id = row && row.dataset.row;
    const done = this.act(form);
    if (done === null) return;
    dialog.close("done");
    this.show();
    const opener = document.querySelector(`[data-dialog="${CSS.escape(dialog.id)}"]`);
    const inRow = id && document.querySelector(`[data-people-rows] [data-row="${CSS.escape(id)}"] button`);
    (opener || inRow || document.querySelector("[data-people-focus]")).focus();
    if (status) status.textContent = done;
  }
}
