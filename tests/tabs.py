"""The session's browser tabs: one tab that tests click in, and pages opened once for reading."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import urljoin

from playwright.sync_api import BrowserContext, Page

SharedPage = Callable[[str], Page]
"""The ``shared_page`` fixture: the page at a URL, opened once for every reader."""


class SessionTabs:
    """Tabs of one browser context, kept across tests.

    Tests that navigate share the work tab and start with ``goto``. Tests that only read a page,
    or open and close something on it, share one tab per URL. A test whose walk ends on a page
    in the state ``goto`` would leave it in may hand that tab over, so that page's readers need
    not open it again. Everything else a test opened closes when it ends.
    """

    def __init__(self, context: BrowserContext, base_url: str) -> None:
        self._context = context
        self._base_url = base_url
        self._work: Page | None = None
        self._shared: dict[str, Page] = {}

    def work(self) -> Page:
        """The tab for tests that navigate and click; opened when first needed."""
        if self._work is None:
            self._work = self._context.new_page()
        return self._work

    def shared(self, url: str) -> Page:
        """The page at ``url`` (relative to the site), opened once for every reader."""
        address = urljoin(self._base_url, url)
        if address not in self._shared:
            page = self._context.new_page()
            page.goto(address)
            self._shared[address] = page
        return self._shared[address]

    def hand_over(self, page: Page) -> None:
        """Give the work tab, showing a page as ``goto`` would, to that page's readers."""
        if page is self._work and page.url not in self._shared:
            page.mouse.move(-1, -1)  # no hover from the walk's last click
            self._shared[page.url] = page
            self._work = None

    def forget(self, pages: Iterable[Page]) -> None:
        """Stop reusing ``pages``, which a failing test used: its failure must not leak."""
        dropped = set(pages)
        self._shared = {url: page for url, page in self._shared.items() if page not in dropped}
        if self._work in dropped:
            self._work = None

    def close_the_rest(self) -> None:
        """Close every tab that is neither the work tab nor a shared page."""
        kept = {*self._shared.values(), self._work}
        for page in self._context.pages:
            if page not in kept:
                page.close()
