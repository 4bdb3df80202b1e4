// Layout helpers: the Settings sidebar folds behind a button on narrow screens, a table that
// scrolls sideways says so, and a disclosure closes when the focus leaves it (so it never hides
// what the focus lands on).
(() => {
  "use strict";

  // The Settings sidebar: on a narrow screen a button stands for it, naming the page shown.
  const nav = document.querySelector(".app--settings .sidebar__nav");
  if (nav) {
    nav.id ||= "settings-nav";
    const current = nav.querySelector('[aria-current="page"]');
    const toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "sidebar__toggle";
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", nav.id);
    toggle.append("Settings menu ");
    if (current) {
      const page = toggle.appendChild(document.createElement("span"));
      page.className = "sidebar__toggle-page";
      page.textContent = current.textContent;
    }
    toggle.addEventListener("click", () => {
      toggle.setAttribute("aria-expanded", String(toggle.getAttribute("aria-expanded") !== "true"));
    });
    nav.before(toggle);
  }

  // A table too wide for its region: a line above it says it scrolls, while it does.
  for (const region of document.querySelectorAll(".table-scroll")) {
    const hint = document.createElement("p");
    hint.className = "table-scroll__hint";
    hint.textContent = "Scroll sideways to see every column →";
    hint.hidden = true;
    region.before(hint);
    const update = () => {
      hint.hidden = region.scrollWidth <= region.clientWidth + 1;
    };
    new ResizeObserver(update).observe(region);
  }

  // A disclosure (the workspace switcher, the profile menu) closes when the focus moves out of
  // it to another element of the page; a dialog it opened keeps it open.
  for (const button of document.querySelectorAll("[data-disclosure]")) {
    const panel = document.getElementById(button.getAttribute("aria-controls"));
    const container = button.parentElement;
    if (!panel || !container.contains(panel) || container.closest("[hidden]")) continue;
    container.addEventListener("focusout", (event) => {
      const next = event.relatedTarget;
      if (!next || container.contains(next) || next.closest("dialog") || panel.hidden) return;
      button.setAttribute("aria-expanded", "false");
      panel.hidden = true;
    });
  }
})();
