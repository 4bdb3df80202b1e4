"""Results of pure functions, kept by a digest of their inputs for the life of the process.

A long-lived process (``python3 dev.py serve``) builds the site again on every save. What a
save did not change is taken from here instead of being rendered again; a one-shot build pays
only for the digests.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


def digest(*parts: str | bytes) -> str:
    """One key for ``parts``, which are told apart even when their concatenations agree."""
    hasher = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def files_digest(paths: Iterable[Path], root: Path) -> str:
    """A key for the names (relative to ``root``) and contents of ``paths``."""
    parts: list[str | bytes] = []
    for path in sorted(paths):
        parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    return digest(*parts)


class Memo(Generic[T]):
    """The last ``capacity`` results, by key; the oldest used goes first."""

    def __init__(self, capacity: int) -> None:
        self._capacity = capacity
        self._results: OrderedDict[str, T] = OrderedDict()

    def get(self, key: str, compute: Callable[[], T]) -> T:
        """The result kept for ``key``, or ``compute()``, kept from now on."""
        if key in self._results:
            self._results.move_to_end(key)
            return self._results[key]
        result = compute()
        self._results[key] = result
        if len(self._results) > self._capacity:
            self._results.popitem(last=False)
        return result

    def clear(self) -> None:
        """Forget every result."""
        self._results.clear()

    def __len__(self) -> int:
        return len(self._results)
