// The prototype's behaviour: disclosures (workspace switcher, profile menu) and dialogs.
// Plain DOM, no framework, and no request of any kind.
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
})();
