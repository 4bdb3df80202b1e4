"""The package's folders are its layers: data flows one way, and no module reaches back up."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "prototype"

MAY_IMPORT: dict[str, frozenset[str]] = {
    "inputs": frozenset(),
    "outputs": frozenset(),
    "states": frozenset({"inputs", "outputs"}),
    "docsource": frozenset({"inputs"}),
    "pages": frozenset({"inputs", "outputs", "states"}),
    "conformance": frozenset({"inputs", "outputs", "states", "docsource"}),
    "docsite": frozenset({"inputs", "outputs", "states", "docsource", "pages", "conformance"}),
}
"""Each layer and the layers below it that it may use (its own modules always)."""
ENGINES = frozenset({"mkdocs", "properdocs", "zensical"})
"""The site's engines: only their adapters may import them."""
ENGINE_ADAPTERS = ("docsite/engines/", "docsite/mkdocs_hooks.py")
"""The thin per-engine adapters; every other module does its docs job for any engine."""
MODULES = sorted(path.relative_to(PACKAGE).as_posix() for path in PACKAGE.glob("*/**/*.py"))


def layer_imports(path: Path) -> set[str]:
    """The package layers a module imports, relative imports resolved."""
    layer = path.relative_to(PACKAGE).parts[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = [layer] if node.level == 1 else []
                parts = [*base, *(node.module or "").split(".")]
            elif (node.module or "").startswith("prototype."):
                parts = (node.module or "").split(".")[1:]
            elif node.module == "prototype":
                parts = [alias.name for alias in node.names]
            else:
                continue
            found.update(part for part in parts[:1] if part)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("prototype."):
                    found.add(alias.name.split(".")[1])
    return found


def test_every_folder_of_the_package_is_a_known_layer() -> None:
    folders = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()}
    assert folders == set(MAY_IMPORT)


def top_level_imports(path: Path) -> set[str]:
    """The top-level packages a module imports from outside (``mkdocs``, ``yaml``...)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and not node.level:
            found.add((node.module or "").split(".")[0])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
    return found


@pytest.mark.parametrize("module", MODULES)
def test_no_module_imports_a_higher_layer(module: str) -> None:
    layer = module.split("/")[0]
    reached = layer_imports(PACKAGE / module) - {layer}
    assert reached <= MAY_IMPORT[layer], f"{module} imports {sorted(reached - MAY_IMPORT[layer])}"


@pytest.mark.parametrize(
    "module", [module for module in MODULES if not module.startswith(ENGINE_ADAPTERS)]
)
def test_only_the_engine_adapters_import_an_engine(module: str) -> None:
    assert top_level_imports(PACKAGE / module) & ENGINES == set()


def test_the_adapters_are_where_the_engines_are_imported() -> None:
    adapters = [module for module in MODULES if module.startswith(ENGINE_ADAPTERS)]
    imported = set().union(*(top_level_imports(PACKAGE / module) for module in adapters))
    assert imported >= ENGINES - {"properdocs"}, "ProperDocs answers to the mkdocs imports"
