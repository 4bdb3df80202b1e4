// Material for MkDocs renders its search panel as a dialog without an accessible name
// (axe: aria-dialog-name). Name it on every page, instant navigation included.
document$.subscribe(() => {
  for (const dialog of document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])')) {
    dialog.setAttribute("aria-label", "Search");
  }
});
