// The workspace actions: each form's fields checked by Python's rules (workspace_rules.js),
// then the tab's changes kept and shown (workspace_tab.js), and the live region says what was
// done. workspaces.js loads this module when a workspace control is first used.

import {
  current,
  defaultOf,
  fillIn as text,
  forgetAdded,
  keep,
  load,
  home,
  read,
  say,
  sayLater,
  state,
  takenBy,
} from "./workspace_tab.js";

const rules = Promise.all([load(), import("./workspace_rules.js")]).then(([d, module]) =>
  module.rules(d),
);

// Each refused field marked, its message beside it, the first one focused; true if any.
export const errors = (form, found) => {
  for (const error of form.querySelectorAll("[data-error-for]")) error.textContent = "";
  for (const field of form.querySelectorAll("[aria-invalid]")) {
    field.removeAttribute("aria-invalid");
  }
  for (const [name, message] of Object.entries(found)) {
    form.querySelector(`[data-error-for="${name}"]`).textContent = message;
    form.elements[name].setAttribute("aria-invalid", "true");
  }
  const first = Object.keys(found)[0];
  if (first) form.elements[first].focus();
  return Boolean(first);
};
const fieldsOf = (form) =>
  Object.fromEntries([...new FormData(form)].map(([name, value]) => [name, String(value)]));
const withDetails = (tab, changes) => ({
  ...tab,
  details: { ...tab.details, [state]: { ...(tab.details || {})[state], ...changes } },
});

// Add workspace: the new workspace replaces one added before, and the tab switches into it.
const create = (form, d, r, tab) => {
  const checked = r.newWorkspace(fieldsOf(form), takenBy(d, tab, d.new));
  if (errors(form, checked.errors)) return;
  const added = { ...tab, created: checked.values };
  if (added.details) delete added.details[d.new];
  for (const [email, id] of Object.entries(added.defaults || {})) {
    if (id === d.new) added.defaults[email] = null;
  }
  forgetAdded(d);
  keep(d, added);
  sayLater(text(d.texts.done.created, { name: checked.values.name }));
  form.closest("dialog").close("done");
  location.assign(home(d, d.new));
};

// The Account page's details; a new Unique URL moves the page's address in Perspective.
const saveDetails = (form, d, r, tab) => {
  const checked = r.details(fieldsOf(form), takenBy(d, tab, state));
  if (errors(form, checked.errors)) return;
  const moved = checked.values.unique_url !== current(d, tab, state).unique_url;
  keep(d, withDetails(tab, checked.values));
  const address = document.querySelector('[data-field="product-address"] code');
  const done = d.texts.done;
  say(moved && address ? text(done.moved, { address: address.textContent }) : done.saved);
};

// Transfer ownership: the Danger Zone then says the transfer to that address has started.
const transfer = (form, d, r, tab) => {
  const checked = r.transfer(fieldsOf(form), form.dataset.owner);
  if (errors(form, checked.errors)) return;
  keep(d, withDetails(tab, { transfer_to: checked.values.email }));
  const dialog = form.closest("dialog");
  dialog.close("done");
  document.querySelector(`[data-dialog="${dialog.id}"]`)?.focus();
  say(text(d.texts.done.transfer, { email: checked.values.email }));
};

const ACTIONS = { create, details: saveDetails, transfer };

export const submit = async (form) => {
  const [d, r] = await Promise.all([load(), rules]);
  ACTIONS[form.dataset.wsForm](form, d, r, read(d));
};

// Make default workspace: sets the workspace as the member's default, or clears it.
export const toggle = async (button) => {
  const d = await load();
  const tab = read(d);
  const email = button.dataset.wsToggle.toLowerCase();
  const on = defaultOf(d, tab, email) === state;
  keep(d, { ...tab, defaults: { ...tab.defaults, [email]: on ? null : state } });
  const name = current(d, tab, state).name;
  say(text(d.texts.done[on ? "default-cleared" : "default-set"], { name }));
};

// Add workspace's Unique URL follows the name as it is typed, until it is edited itself
// (emptied, it follows the name again); its error shows beside it as it changes.
export const typed = async (form, field) => {
  const url = form.elements.unique_url;
  if (field === url) url.dataset.edited = url.value ? "yes" : "";
  const [d, r] = await Promise.all([load(), rules]);
  if (!url.dataset.edited) url.value = r.slugFromName(form.elements.name.value);
  const fields = fieldsOf(form);
  const taken = takenBy(d, read(d), d.new);
  const problem = fields.name || fields.unique_url ? r.urlProblem(fields, taken) : null;
  form.querySelector('[data-error-for="unique_url"]').textContent = problem || "";
  if (problem) url.setAttribute("aria-invalid", "true");
  else url.removeAttribute("aria-invalid");
};
