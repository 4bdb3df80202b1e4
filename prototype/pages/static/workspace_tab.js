// What workspace actions changed in this tab, and every page showing it. The changes are kept
// in sessionStorage; a page shows them by filling in, as text, the places Python marked:
// data-ws="<state id> <field>" and the page's own workspace name, data-ws-if (shown when the
// field is set), data-ws-unless (shown when it is not), data-ws-default* (the user's default
// workspace), data-ws-toggle (Make default workspace, for the member it names) and
// data-ws-status. A page of the added workspace (w/~new/) in a tab that added none says so
// instead. prototype.js loads this module on every page of a tab that holds a change, and on
// the added workspace's pages, and keeps the page hidden until it is shown;
// workspace_actions.js changes it. Reset in the prototype bar forgets it all.

const KEY = "prototype.workspaces";
const SAID = "prototype.workspaces.said";
const OWN = ".workspace-name > bdi, .switcher__name, .back-link > bdi";
const here = import.meta.url;
const addedPage = document.documentElement.hasAttribute("data-ws-new");
export let state = ""; // this page's workspace, once the page is parsed
let title = "";
let data = null;

// workspaces.json: each workspace's details as rendered, the rules, messages and texts.
export const load = () => {
  data ||= fetch(new URL("../workspaces.json", here), { credentials: "same-origin" }).then(
    (response) => {
      if (!response.ok) throw new Error(`workspaces.json: ${response.status}`);
      return response.json();
    },
  );
  data.catch(() => (data = null));
  return data;
};

export const stored = (key) => {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null; // no storage: every page shows the fixtures
  }
};
export const store = (key, value) => {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // No storage: the change lasts as long as this page.
  }
};
// A template's {key}s replaced by the values, as text ("$" in a value is no pattern).
export const fillIn = (template, values) =>
  Object.entries(values).reduce(
    (so, [key, value]) => so.replaceAll(`{${key}}`, () => value),
    template,
  );
export const say = (text) => {
  const status = document.querySelector("[data-prototype-status]");
  if (status) status.textContent = text;
};
export const sayLater = (text) => store(SAID, text); // on the page the tab opens next

// The key prototype.js keeps a state's Plan & Billing changes under.
const flowsKey = (url) => `prototype.flows:${new URL(url, location.href).pathname}`;
export const home = (d, id) => new URL(`../${d.workspaces[id].home}`, here);
// What the tab changed in a workspace added before: its billing, and its people pages' changes
// (people.js keeps them under "prototype.people:<prototype root>w/<state id>/...").
export const forgetAdded = (d) => {
  store(flowsKey(new URL("flows.json", home(d, d.new))), null);
  const people = `prototype.people:${new URL("..", here).pathname}w/${d.new}/`;
  try {
    const keys = Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i));
    for (const key of keys) if (key && key.startsWith(people)) sessionStorage.removeItem(key);
  } catch {
    // No storage: nothing was kept.
  }
};

// The tab's changes: {defaults: {email: state id or null}, created: {name, unique_url,
// description}, details: {state id: {field: value}}}, each kept only while it differs.
export const read = (d) => {
  let tab = {};
  try {
    tab = JSON.parse(stored(KEY)) || {};
  } catch {
    return {};
  }
  const known = (id) => Object.hasOwn(d.workspaces, id) && (id !== d.new || tab.created);
  const created = tab.created && typeof tab.created.name === "string" ? tab.created : null;
  const details = Object.entries(tab.details || {}).filter(([id]) => known(id));
  const defaults = Object.entries(tab.defaults || {}).filter(([, id]) => id === null || known(id));
  return tidy(d, {
    ...(created && { created }),
    details: Object.fromEntries(details),
    defaults: Object.fromEntries(defaults),
  });
};
const base = (d, tab, id) =>
  id === d.new && tab.created
    ? { ...d.workspaces[id], ...tab.created, created: true }
    : d.workspaces[id];
export const current = (d, tab, id) => ({ ...base(d, tab, id), ...(tab.details || {})[id] });
const fixtureDefault = (d, email) => (email === d.user.toLowerCase() ? d.default : null);
export const defaultOf = (d, tab, email) => {
  const key = email.toLowerCase();
  return Object.hasOwn(tab.defaults || {}, key) ? tab.defaults[key] : fixtureDefault(d, key);
};
const tidy = (d, tab) => {
  for (const [id, changed] of Object.entries(tab.details || {})) {
    const was = base(d, tab, id);
    for (const field of Object.keys(changed)) {
      if (changed[field] === was[field]) delete changed[field];
    }
    if (!Object.keys(changed).length) delete tab.details[id];
  }
  for (const [email, id] of Object.entries(tab.defaults || {})) {
    if (id === fixtureDefault(d, email)) delete tab.defaults[email];
  }
  for (const part of ["details", "defaults"]) {
    if (!Object.keys(tab[part] || {}).length) delete tab[part];
  }
  return tab;
};
export const keep = (d, tab) => {
  tidy(d, tab);
  store(KEY, Object.keys(tab).length ? JSON.stringify(tab) : null);
  show(d, tab);
};
// The names and Unique URLs of every workspace but one, as they are in the tab.
export const takenBy = (d, tab, except) => {
  const others = Object.keys(d.workspaces)
    .filter((id) => id !== except && (id !== d.new || tab.created))
    .map((id) => current(d, tab, id));
  return {
    names: new Set(others.map((w) => w.name)),
    urls: new Set(others.map((w) => w.unique_url.toLowerCase())),
  };
};

// The page as the tab's changes have it.
export const show = (d, tab) => {
  const fill = (element, id, field) => {
    const value = current(d, tab, id)[field];
    const text = value === null || value === "" ? (element.dataset.empty ?? "") : String(value);
    if ("defaultValue" in element) {
      element.defaultValue = text;
      element.value = text;
    } else element.textContent = text;
  };
  for (const element of document.querySelectorAll("[data-ws]")) {
    const [id, field] = element.dataset.ws.split(" ");
    if (Object.hasOwn(d.workspaces, id)) fill(element, id, field);
  }
  for (const element of document.querySelectorAll("[data-ws-if]")) {
    const [id, field] = element.dataset.wsIf.split(" ");
    element.hidden = !current(d, tab, id)[field];
  }
  for (const element of document.querySelectorAll("[data-ws-unless]")) {
    const [id, field] = element.dataset.wsUnless.split(" ");
    element.hidden = Boolean(current(d, tab, id)[field]);
  }
  const mine = defaultOf(d, tab, d.user) ?? "";
  for (const element of document.querySelectorAll("[data-ws-default]")) {
    element.hidden = element.dataset.wsDefault !== mine;
  }
  for (const element of document.querySelectorAll("[data-ws-default-only]")) element.hidden = !mine;
  for (const link of document.querySelectorAll("[data-ws-default-home]")) {
    if (mine) link.href = home(d, mine);
  }
  for (const element of document.querySelectorAll("[data-ws-default-name]")) {
    if (mine) element.textContent = current(d, tab, mine).name;
  }
  const toggle = document.querySelector("[data-ws-toggle]");
  const on = Boolean(toggle) && defaultOf(d, tab, toggle.dataset.wsToggle) === state;
  if (toggle) toggle.setAttribute("aria-pressed", String(on));
  for (const status of document.querySelectorAll("[data-ws-status]")) {
    status.textContent = d.texts.default_status[on];
  }
  if (Object.hasOwn(d.workspaces, state)) {
    for (const element of document.querySelectorAll(OWN)) fill(element, state, "name");
    document.title = title.replace(d.workspaces[state].name, () => current(d, tab, state).name);
  }
  if (state === d.new && !tab.created) {
    // No workspace added in this tab: the page says so, and so does its live region.
    const none = d.texts.no_workspace;
    document.title = none.title + title.slice(title.lastIndexOf(" · "));
    say(none.said);
  }
  const flows = document.documentElement.dataset.flows;
  const billing = flows && stored(flowsKey(flows));
  for (const note of document.querySelectorAll("[data-flows-changed]")) {
    note.hidden = !(Object.keys(tab).length || billing);
  }
};

document.addEventListener("click", (event) => {
  if (!(event.target instanceof Element) || !event.target.closest("[data-flows-reset]")) return;
  load().then((d) => {
    if (read(d).created) forgetAdded(d);
    store(KEY, null);
    show(d, {});
  });
});
document.addEventListener("prototype:swapped", () => {
  // Parts come as the fixture has them; after Reset, an added workspace's page says it is gone.
  if (stored(KEY) || addedPage) load().then((d) => show(d, read(d)));
});

if (document.readyState === "loading") {
  await new Promise((go) => document.addEventListener("DOMContentLoaded", go, { once: true }));
}
state = document.body.dataset.state;
title = document.title;
const said = stored(SAID);
store(SAID, null);
if (stored(KEY) || addedPage) {
  try {
    const d = await load();
    show(d, read(d));
  } catch {
    // No workspaces.json (a page opened from a file): the page shows the fixtures.
  }
}
if (said) say(said);
