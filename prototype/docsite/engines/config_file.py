"""Reading ``mkdocs.yml`` as plain data, ``!ENV`` values resolved as MkDocs resolves them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, with MkDocs' ``!ENV`` tag."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """``!ENV NAME`` or ``!ENV [NAME, OTHER, default]``: the first variable set, or the default."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        names, default = (values[:-1], values[-1]) if len(values) > 1 else (values, None)
    else:
        problem = "!ENV takes a variable's name or a list of names and a default"
        raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark)
    return next((os.environ[str(name)] for name in names if str(name) in os.environ), default)


_Loader.add_constructor("!ENV", _env)


def read_config(path: Path) -> dict[str, Any]:
    """The settings in ``path``."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    return data if isinstance(data, dict) else {}


def write_config(config: dict[str, Any], path: Path) -> None:
    """Write ``config`` as YAML, keys in their order."""
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
