// The workspace actions' controls on the home and Account pages: Make default workspace, Add
// workspace, the Account page's details and Transfer ownership. The actions themselves load
// when a control is first used (workspace_actions.js), as flows.js does for billing.

const actions = () => import("./workspace_actions.js");
const unavailable = () => {
  const status = document.querySelector("[data-prototype-status]");
  if (status) status.textContent = status.dataset.flowsUnavailable;
};
const wsForm = (element) => (element instanceof HTMLFormElement ? element.dataset.wsForm : null);

document.addEventListener("submit", (event) => {
  if (!wsForm(event.target)) return;
  event.preventDefault();
  actions()
    .then((module) => module.submit(event.target))
    .catch(unavailable);
});
document.addEventListener("input", (event) => {
  const form = event.target.form;
  if (wsForm(form) === "create") {
    actions()
      .then((module) => module.typed(form, event.target))
      .catch(unavailable);
  }
});
document.addEventListener("click", (event) => {
  const toggle = event.target instanceof Element && event.target.closest("[data-ws-toggle]");
  if (toggle) {
    actions()
      .then((module) => module.toggle(toggle))
      .catch(unavailable);
  }
});

// Cancel, or Escape, discards what was typed in the Account page's form.
document.addEventListener("keydown", (event) => {
  const form = event.target.form;
  if (event.key === "Escape" && wsForm(form) === "details") form.reset();
});
document.addEventListener("reset", (event) => {
  const form = event.target;
  if (!wsForm(form)) return;
  for (const error of form.querySelectorAll("[data-error-for]")) error.textContent = "";
  for (const field of form.querySelectorAll("[aria-invalid]")) {
    field.removeAttribute("aria-invalid");
  }
  if (form.elements.unique_url) delete form.elements.unique_url.dataset.edited;
});
