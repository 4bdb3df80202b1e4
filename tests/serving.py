"""A local HTTP server for a built folder, as the tests serve the site and the prototype."""

from __future__ import annotations

import functools
import socket
import sys
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _MountedHandler(SimpleHTTPRequestHandler):
    """Serves its folder under ``mount``; anything outside it is a 404. Quiet."""

    mount = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.mount):
            return str(Path(self.directory) / "__outside_the_mount__")
        return super().translate_path("/" + path.removeprefix(self.mount))

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""


class _Server(ThreadingHTTPServer):
    """Says nothing of a client that went away mid-response: a page that navigated on."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path, mount: str = "/") -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 at a free port under ``mount``; yield its URL."""
    handler_class = type("Handler", (_MountedHandler,), {"mount": mount})
    server = _Server(("127.0.0.1", 0), functools.partial(handler_class, directory=str(folder)))
    # A short poll interval, so that shutting down takes milliseconds rather than half a second.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{mount}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now, for a server started elsewhere."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def page_text(url: str) -> str:
    """What ``url`` serves, or nothing while it cannot be reached."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""
