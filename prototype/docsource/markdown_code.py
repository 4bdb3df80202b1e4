"""Code in Markdown: fenced blocks and inline code spans, which link and title checks skip."""

from __future__ import annotations

import re
from collections.abc import Callable

CODE = re.compile(
    r"(?P<fenced>^[ \t]*(?P<fence>`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*(?P=fence)[`~]*[ \t]*$|\Z))"
    r"|(?P<span>(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))",
    re.M | re.S,
)
"""A fenced block (closed by the same fence character, at least as long) or a code span."""


def outside_code(markdown: str, transform: Callable[[str], str]) -> str:
    """Apply ``transform`` to the text between code blocks and spans; code stays as written."""
    parts: list[str] = []
    last = 0
    for match in CODE.finditer(markdown):
        parts.extend((transform(markdown[last : match.start()]), match.group(0)))
        last = match.end()
    parts.append(transform(markdown[last:]))
    return "".join(parts)


def without_code(markdown: str) -> str:
    """The Markdown with its code blocks and spans blanked out."""
    return CODE.sub("", markdown)


def without_fenced_code(markdown: str) -> str:
    """The Markdown with its fenced code blocks blanked out; inline code stays."""
    return CODE.sub(lambda match: "" if match.group("span") is None else match.group(0), markdown)
