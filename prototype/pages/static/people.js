// People actions (Members, Model, Integrations, Connected Apps), on those pages only. As with
// prototype.js, a tab with changed rows stays hidden until people-flows.js has put them in.
(() => {
  "use strict";
  const script = document.currentScript;
  const root = document.documentElement;
  const data = new URL(script.dataset.src, location.href).href;
  const key = `prototype.people:${new URL("..", script.src).pathname}${script.dataset.key}`;
  let people = null;
  const load = () => {
    people ||= import(new URL("people-flows.js", script.src).href).then((m) => m.load(data, key));
    people.catch(() => {
      people = null;
    });
    return people;
  };
  let changed = false;
  try {
    changed = Boolean(sessionStorage.getItem(key));
  } catch {
    // No storage: the fixture state.
  }
  if (changed) {
    root.classList.add("people-pending");
    load();
  }
  const main = () => {
    const status = document.querySelector("[data-prototype-status]");
    const unavailable = () => {
      if (status) status.textContent = status.dataset.flowsUnavailable;
    };
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
        load().then((flows) => flows.reset(), unavailable);
      }
    });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main);
  else main();
})();
