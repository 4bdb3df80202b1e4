"""The browser work a test run does, written down so a bare script can do the same work.

With ``BROWSER_WORK_LOG=<file>`` set, the session's browser context records every page it
loads, every dialog it opens (on the page it opens on) and every tab it opens, and writes them
to that file as JSON when the session ends. ``bench.floor`` replays them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, ConsoleMessage, Page

MARK = "browser-work:dialog:"
SHOW_MODAL_SPY = f"""(() => {{
  const showModal = HTMLDialogElement.prototype.showModal;
  HTMLDialogElement.prototype.showModal = function () {{
    console.debug({json.dumps(MARK)} + this.id);
    return showModal.call(this);
  }};
}})();"""
"""Tells the recorder each time a dialog opens, before it opens."""


@dataclass
class WorkLog:
    """Pages loaded, dialogs opened and tabs opened, in the order the run did them."""

    site_url: str
    loads: list[str] = field(default_factory=list)
    dialogs: list[list[str]] = field(default_factory=list)
    tabs: int = 0

    def watch(self, context: BrowserContext) -> None:
        """Record what ``context`` does from now on."""
        context.add_init_script(SHOW_MODAL_SPY)
        context.on("page", self._watch_page)

    def _watch_page(self, page: Page) -> None:
        self.tabs += 1
        page.on("load", lambda loaded: self.loads.append(self._relative(loaded.url)))

        def on_console(message: ConsoleMessage) -> None:
            if message.text.startswith(MARK):
                self.dialogs.append([self._relative(page.url), message.text.removeprefix(MARK)])

        page.on("console", on_console)

    def _relative(self, url: str) -> str:
        return url.removeprefix(self.site_url)

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"loads": self.loads, "dialogs": self.dialogs, "tabs": self.tabs}
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
