// The prototype's behaviour: disclosures (workspace switcher, profile menu), dialogs and the
// reviewers' "Show doc claims" switch. Plain DOM, no framework, and no request but one: the
// same-origin claims.json, fetched when the switch is first turned on.
(() => {
  "use strict";

  const status = document.querySelector("[data-prototype-status]");

  for (const button of document.querySelectorAll("[data-disclosure]")) {
    const panel = document.getElementById(button.getAttribute("aria-controls"));
    const setOpen = (open) => {
      button.setAttribute("aria-expanded", String(open));
      panel.hidden = !open;
    };
    button.addEventListener("click", () => {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    for (const element of [button, panel]) {
      element.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && !panel.hidden) {
          setOpen(false);
          button.focus();
        }
      });
    }
    document.addEventListener("click", (event) => {
      const inside = button.contains(event.target) || panel.contains(event.target);
      if (!inside && !event.target.closest("dialog")) setOpen(false);
    });
  }

  const openers = new WeakMap();
  for (const trigger of document.querySelectorAll("[data-dialog]")) {
    trigger.addEventListener("click", () => {
      const dialog = document.getElementById(trigger.dataset.dialog);
      openers.set(dialog, trigger);
      dialog.returnValue = "";
      dialog.showModal();
    });
  }
  for (const dialog of document.querySelectorAll("dialog")) {
    dialog.addEventListener("close", () => {
      const opener = openers.get(dialog);
      if (opener && opener.isConnected) opener.focus();
      if (status && dialog.returnValue && dialog.returnValue !== "cancel") {
        status.textContent = dialog.dataset.doneMessage || "";
      }
    });
  }

  // "Show doc claims": outline each element a doc claim is about, with a note after it.
  // Turning it off undoes every change, so the DOM is exactly as it was.
  const toggle = document.querySelector("[data-claims-toggle]");
  if (!toggle) return;
  const KEY = "prototype.showClaims";
  const FAILED = "Doc claims could not be loaded: open the prototype over HTTP.";
  const TABLE_PARTS = new Set(["THEAD", "TBODY", "TFOOT", "TR", "TH", "TD", "CAPTION", "COLGROUP", "COL"]);
  const changed = []; // [element, its class attribute before, its note]
  let loading = null;

  const make = (tag, className, text) => {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  };
  const remember = (on) => {
    try {
      if (on) sessionStorage.setItem(KEY, "1");
      else sessionStorage.removeItem(KEY);
    } catch {
      // No storage: the choice lasts for this page only.
    }
  };
  const load = () => {
    loading ||= fetch(toggle.dataset.claimsSrc, { credentials: "same-origin" })
      .then((response) => {
        if (!response.ok) throw new Error(`claims.json: ${response.status}`);
        return response.json();
      })
      .then((data) => {
        if (!Array.isArray(data.claims)) throw new Error("claims.json: no claims");
        return data.claims;
      });
    loading.catch(() => {
      loading = null;
    });
    return loading;
  };

  const hide = () => {
    for (const [element, before, note] of changed.splice(0)) {
      note.remove();
      element.classList.remove("claim-target");
      if (before === null && !element.classList.length) element.removeAttribute("class");
      element.removeAttribute("data-claim-ids");
    }
  };

  const show = (claims) => {
    hide();
    const found = new Map();
    const state = document.body.dataset.state;
    for (const claim of claims) {
      // A claim the last run checked on other states only is not this page's business.
      if (state && claim.states && claim.states.length && !claim.states.includes(state)) continue;
      let matches = [];
      try {
        matches = document.querySelectorAll(claim.about);
      } catch {
        continue; // not a valid selector
      }
      for (const element of matches) {
        if (!element.getClientRects().length) continue; // not rendered
        if (!found.has(element)) found.set(element, []);
        found.get(element).push(claim);
      }
    }
    for (const [element, group] of found) {
      const note = make("aside", "claim-note");
      note.setAttribute("aria-label", group.map((claim) => `Doc claim ${claim.id}`).join(", "));
      const list = note.appendChild(make("ul"));
      for (const claim of group) {
        const slug = String(claim.status).toLowerCase().replace(/[^a-z0-9]+/g, "-");
        const link = make("a", "", "Read in the docs");
        link.href = toggle.dataset.docsRoot + claim.url;
        list.appendChild(make("li")).append(
          make("q", "", claim.text),
          " ",
          make("span", `claim-status claim-status--${slug}`, claim.status),
          " ",
          link,
        );
      }
      changed.push([element, element.getAttribute("class"), note]);
      element.classList.add("claim-target");
      element.setAttribute("data-claim-ids", group.map((claim) => claim.id).join(" "));
      // A note cannot sit between table rows: it goes after the table instead.
      (TABLE_PARTS.has(element.tagName) ? element.closest("table") : element).after(note);
    }
  };

  const turn = (on) => {
    toggle.setAttribute("aria-checked", String(on));
    remember(on);
    if (!on) {
      hide();
      return;
    }
    if (status && status.textContent === FAILED) status.textContent = "";
    const isOn = () => toggle.getAttribute("aria-checked") === "true";
    load().then(
      (claims) => {
        if (isOn()) show(claims);
      },
      () => {
        if (!isOn()) return;
        turn(false);
        if (status) status.textContent = FAILED;
      },
    );
  };

  toggle.addEventListener("click", () => turn(toggle.getAttribute("aria-checked") !== "true"));
  try {
    if (sessionStorage.getItem(KEY) === "1") turn(true);
  } catch {
    // No storage: the switch starts off.
  }
})();
