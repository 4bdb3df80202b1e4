"""``mkdocs serve`` that notices a save at once (``python3 dev.py serve`` runs it).

MkDocs's live-reload server looks for changed files every half second, half the second a saved
fixture has to reach the served page. This runs MkDocs's own ``serve`` command, options and all,
with the same server looking every twentieth of a second (a look at the watched folders costs
about a millisecond).
"""

from __future__ import annotations

import sys
from typing import Any

from mkdocs import __main__ as mkdocs_cli
from mkdocs.commands import serve
from mkdocs.livereload import LiveReloadServer

POLLING_INTERVAL = 0.05
"""Seconds between two looks at the watched files."""
BUILD_DELAY = 0.05
"""Seconds without a further change before a rebuild starts (MkDocs waits 0.1)."""


class PromptLiveReloadServer(LiveReloadServer):
    """MkDocs's live-reload server, looking for changes every ``POLLING_INTERVAL`` seconds."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("polling_interval", POLLING_INTERVAL)
        super().__init__(*args, **kwargs)
        self.build_delay = BUILD_DELAY


def main(args: list[str]) -> None:
    """Run ``mkdocs serve`` with ``args``, on the prompt server."""
    serve.LiveReloadServer = PromptLiveReloadServer  # type: ignore[attr-defined]
    mkdocs_cli.cli(["serve", *args], prog_name="mkdocs")


if __name__ == "__main__":
    main(sys.argv[1:])
