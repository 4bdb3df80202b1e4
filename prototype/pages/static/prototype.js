// The prototype's behaviour: disclosures (workspace switcher, profile menu), dialogs, the
// reviewers' "Show doc claims" switch, and the entry points of the flows (flows.js). Plain DOM.
// It runs in <head>: a tab whose state an action changed stays hidden until flows.js has
// swapped the changed parts in, and a page of the added workspace until workspace_tab.js has
// shown whether the tab added one (no flash; without JavaScript nothing is hidden). Requests
// are same-origin, only when needed: claims.json when the switch is on; flows.js and flows.json
// when an action is done or a changed state is shown.
(() => {
  "use strict";

  const root = document.documentElement;
  const source = document.currentScript.src;
  const flowsUrl = root.dataset.flows ? new URL(root.dataset.flows, location.href) : null;
  const storageKey = flowsUrl && `prototype.flows:${flowsUrl.pathname}`;
  let flows = null;
  const loadFlows = () => {
    flows ||= import(new URL("flows.js", source).href).then((module) =>
      module.load(flowsUrl.href, storageKey),
    );
    flows.catch(() => {
      flows = null;
    });
    return flows;
  };
  let stateChanged = false;
  let workspacesChanged = false;
  const addedPage = root.hasAttribute("data-ws-new"); // a page of the workspace a tab adds
  try {
    stateChanged = Boolean(storageKey && sessionStorage.getItem(storageKey));
    workspacesChanged = Boolean(sessionStorage.getItem("prototype.workspaces"));
  } catch {
    // No storage: every page shows its fixture state.
  }
  if (stateChanged) {
    root.classList.add("flows-pending");
    loadFlows(); // while the page is parsed
  }
  let workspacesShown = null;
  if (workspacesChanged || addedPage) {
    // Workspace actions change every page of the tab, and the added workspace's pages show it
    // only in a tab that added it: shown by workspace_tab.js.
    root.classList.add("ws-pending");
    const shown = () => root.classList.remove("ws-pending");
    workspacesShown = import(new URL("workspace_tab.js", source).href).then(shown, shown);
  }

  const main = () => {
    const status = document.querySelector("[data-prototype-status]");
    const say = (text) => {
      if (status) status.textContent = text;
    };

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

    // Dialogs. Controls and dialogs may be swapped for others (flows.js), so events are
    // handled on the document. Opening a dialog clears the last announcement and the form;
    // Cancel and Escape discard what was typed and give the focus back to the opener.
    const openers = new Map(); // dialog id → the control that opened it
    const clear = (dialog) => {
      const form = dialog.querySelector("form");
      if (!form) return;
      form.reset();
      for (const error of form.querySelectorAll("[data-error-for]")) error.textContent = "";
      for (const field of form.querySelectorAll("[aria-invalid]")) {
        field.removeAttribute("aria-invalid");
      }
    };
    // What the focus can go to for a control: the control, or the button of the closed
    // disclosure that holds it (the workspace switcher's); null if the page hides it for its
    // state.
    const reachable = (control) => {
      let found = control;
      while (found) {
        const hidden = found.closest("[hidden]");
        if (!hidden) return found;
        const id = hidden.id && CSS.escape(hidden.id);
        found = id && document.querySelector(`[data-disclosure][aria-controls="${id}"]`);
      }
      return null;
    };
    const open = (dialog, opener) => {
      if (!(dialog instanceof HTMLDialogElement) || dialog.open) return;
      openers.set(dialog.id, opener);
      clear(dialog);
      say("");
      dialog.returnValue = "";
      dialog.showModal();
    };
    const giveFocusBack = (id) => {
      const opener = openers.get(id);
      const field = opener && opener.dataset.field;
      const target = [
        opener && opener.isConnected && opener,
        field && document.querySelector(`[data-field="${field}"]`),
        document.querySelector(`[data-dialog="${CSS.escape(id)}"]`),
        document.querySelector('[data-field="plan-action"]'),
      ].reduce((found, control) => found || (control && reachable(control)), null);
      if (target) target.focus();
    };
    document.addEventListener("click", (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      const trigger = target.closest("[data-dialog]");
      if (trigger) open(document.getElementById(trigger.dataset.dialog), trigger);
      const cancel = target.closest("dialog [data-close]");
      if (cancel) cancel.closest("dialog").close();
      if (target.closest("[data-flows-reset]")) {
        // Back to the fixture state, in place; the focus goes to the page's content.
        loadFlows().then(
          (flow) => {
            flow.reset();
            say(""); // before the swap: what the page then is may say something
            document.dispatchEvent(new Event("prototype:swapped"));
            document.getElementById("main").focus();
          },
          () => {
            try {
              sessionStorage.removeItem(storageKey);
            } catch {
              // No storage: nothing was kept.
            }
            location.reload();
          },
        );
      }
    });
    document.addEventListener(
      "close",
      (event) => {
        const dialog = event.target;
        if (!(dialog instanceof HTMLDialogElement) || dialog.returnValue === "done") return;
        clear(dialog);
        giveFocusBack(dialog.id);
      },
      true, // close does not bubble
    );

    // An action: flows.js checks the form and finds where the action leads; once the dialog is
    // closed, the page shows the new state and the live region says what was done.
    document.addEventListener("submit", (event) => {
      const form = event.target;
      const dialog = form.closest("dialog");
      if (!dialog || !form.hasAttribute("data-action-form")) return;
      event.preventDefault();
      loadFlows().then(
        (flow) => {
          const done = flow.submit(form);
          if (!done) return; // a field is wrong: its error is beside it
          dialog.close("done");
          flow.show();
          document.dispatchEvent(new Event("prototype:swapped"));
          giveFocusBack(dialog.id);
          say(done);
        },
        () => say(status ? status.dataset.flowsUnavailable : ""),
      );
    });

    // ?dialog=<id> opens that dialog once the page shows its state (people.js's and the
    // workspaces' too), if the page offers it: a control that opens it is there, shown or in a
    // closed disclosure. If not, the live region says so, after what it already says.
    const offered = (id) => {
      const dialog = document.getElementById(id);
      if (!(dialog instanceof HTMLDialogElement)) return null;
      const controls = document.querySelectorAll(`[data-dialog="${CSS.escape(id)}"]`);
      const opener = [...controls].find(reachable);
      return opener ? [dialog, opener] : null;
    };
    const notOffered = (id) => {
      if (!status) return;
      const [before, after] = status.dataset.dialogUnavailable.split("{id}");
      const name = document.createElement("bdi");
      name.textContent = id;
      if (status.textContent) status.append(" ");
      status.append(before, name, after);
    };
    const openFromAddress = () => {
      if (root.classList.contains("people-pending")) {
        return document.addEventListener("prototype:people-shown", openFromAddress);
      }
      const id = new URLSearchParams(location.search).get("dialog");
      if (!id) return;
      const found = offered(id);
      if (found) open(...found);
      else notOffered(id);
    };
    const flowsShown =
      stateChanged &&
      loadFlows()
        .then(
          (flow) => {
            flow.show();
            document.dispatchEvent(new Event("prototype:swapped"));
          },
          () => say(status ? status.dataset.flowsUnavailable : ""),
        )
        .finally(() => root.classList.remove("flows-pending"));
    Promise.all([flowsShown, workspacesShown]).then(openFromAddress);

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
    // Parts swapped in by flows.js come without notes: outline them again.
    document.addEventListener("prototype:swapped", () => {
      if (toggle.getAttribute("aria-checked") === "true") turn(true);
    });
    try {
      if (sessionStorage.getItem(KEY) === "1") turn(true);
    } catch {
      // No storage: the switch starts off.
    }
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", main, { once: true });
  } else {
    main();
  }
})();
