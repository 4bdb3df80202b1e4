"""Compiled theme templates kept in memory, so a served site's rebuild does not compile them again.

An engine makes a fresh Jinja environment for each build; with this cache on it, ``python3
dev.py serve`` compiles the theme's templates on the first build only. Jinja checks each
template's source against the checksum it was compiled from, so an edited template compiles
again.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    """Jinja bytecode, by template, for the life of the process."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


SERVE_TEMPLATES = MemoryBytecodeCache()
"""The serving process's cache, shared by all its builds."""
