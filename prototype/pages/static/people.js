// People actions (Members, Model, Integrations, Connected Apps), on those pages only. As with
// prototype.js, a tab with changed rows stays hidden until people-flows.js has put them in.
// Reset forgets every key in the page's scope: on a Members page, what each view of the
// workspace changed (each acts on its own copy); the page's note names the other views that
// hold changes, with the texts Python rendered into it.
(() => {
  "use strict";
  const script = document.currentScript;
  const root = document.documentElement;
  const data = new URL(script.dataset.src, location.href).href;
  const prefix = `prototype.people:${new URL("..", script.src).pathname}`;
  const key = prefix + script.dataset.key;
  const scope = prefix + script.dataset.scope;
  let people = null;
  const load = () => {
    people ||= import(new URL("people-flows.js", script.src).href).then((m) => m.load(data, key));
    people.catch(() => {
      people = null;
    });
    return people;
  };
  const stored = (name) => {
    try {
      return sessionStorage.getItem(name);
    } catch {
      return null; // no storage: the fixture state
    }
  };
  const forget = () => {
    try {
      const keys = Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i));
      for (const name of keys) if (name && name.startsWith(scope)) sessionStorage.removeItem(name);
    } catch {
      // No storage: nothing was kept.
    }
  };
  // The note on the other views holding changes: shown with the text naming them, or hidden.
  const showOthers = () => {
    const note = document.querySelector("[data-people-others]");
    if (!note) return;
    const views = note.dataset.peopleOthers.split(" ");
    const held = views.filter((view) => stored(scope + view)).join(" ");
    for (const text of note.querySelectorAll("[data-people-views]")) {
      text.hidden = text.dataset.peopleViews !== held;
    }
    note.hidden = !held;
  };
  const changed = Boolean(stored(key));
  if (changed) {
    root.classList.add("people-pending");
    load();
  }
  const main = () => {
    const status = document.querySelector("[data-prototype-status]");
    const unavailable = () => {
      if (status) status.textContent = status.dataset.flowsUnavailable;
    };
    showOthers();
    if (changed) {
      load()
        .then((flows) => flows.show(), unavailable)
        .finally(() => {
          root.classList.remove("people-pending");
          document.dispatchEvent(new Event("prototype:people-shown"));
        });
    }
    document.addEventListener("submit", (event) => {
      const form = event.target;
      if (!form.hasAttribute("data-people-form")) return;
      event.preventDefault();
      load().then((flows) => flows.submit(form, status), unavailable);
    });
    document.addEventListener("click", (event) => {
      if (event.target instanceof Element && event.target.closest("[data-flows-reset]")) {
        forget();
        showOthers();
        load().then((flows) => flows.reset(), unavailable);
      }
    });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main);
  else main();
})();
