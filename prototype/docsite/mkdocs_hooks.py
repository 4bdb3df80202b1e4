"""MkDocs and ProperDocs hooks: the engine-neutral docs jobs, handed to an engine with hooks.

Each handler hands its work to a module that does not depend on MkDocs: :func:`gather` checks
and renders everything, the navigation comes from the front matter, and the docs' Markdown
extension (``prototype.docsite.docs_markdown``, in ``markdown_extensions``) rewrites the links
and writes the heading of the page each hook announces. Bad input fails the build with a
:class:`PluginError` naming the file before the previous ``site/`` is touched, and the site is
written to a staging folder that replaces ``site/`` only when the build succeeds. ProperDocs
runs these hooks unchanged (it answers ``mkdocs.*`` imports with its own modules).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from prototype.docsite.content import SiteContent, gather
from prototype.docsite.engines.mkdocs_nav import apply_navigation
from prototype.docsite.heading import drift_note, escaped_meta
from prototype.docsite.navigation import site_navigation
from prototype.docsite.page_context import PageContext, announce
from prototype.docsite.review import EVIDENCE_DOCS_DIR, is_public
from prototype.docsite.template_cache import SERVE_TEMPLATES
from prototype.docsource.frontmatter import last_updated
from prototype.inputs.errors import InputError
from prototype.outputs import atomic_site
from prototype.pages.build import SITE_PATH

PAGES = Path(__file__).resolve().parents[1] / "pages"
PROTOTYPE_SOURCES = [PAGES / "templates", PAGES / "static"]
ENGINE_LOGGER = MkDocsConfig.__module__.partition(".")[0]
"""The engine's own logger, whose warnings fail a strict build: ``mkdocs``, or ``properdocs``
when ProperDocs answers the ``mkdocs.*`` imports."""
log = logging.getLogger("mkdocs.plugins.prototype")


class _Build:
    """What one build knows between events."""

    def __init__(self, site_dir: Path, public: bool) -> None:
        self.site_dir = site_dir
        self.public = public
        """A public build: the review section left out."""
        self.staging = atomic_site.staging_dir(site_dir)
        self.warnings = CountHandler(level=logging.WARNING)
        """Warnings so far, so a strict build that is about to abort is not published."""
        self.content = SiteContent(pages={}, prototype={}, generated={}, evidence=[])


_build: _Build | None = None
_serving = False
"""Whether this is ``mkdocs serve``: pages then tell their writer which claims to review."""


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether the site is being served for writing."""
    global _serving
    _serving = command == "serve"


def _current() -> _Build:
    if _build is None:
        raise PluginError("the project's hooks ran out of order: on_config has not run")
    return _build


def _project(config: MkDocsConfig) -> Path:
    """The folder of ``mkdocs.yml``, which holds ``fixtures/`` and ``reports/``."""
    return Path(config.config_file_path).parent


def _fail(error: InputError) -> PluginError:
    return PluginError("\n".join(error.problems))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Send the build to a staging folder; ``site_dir`` is replaced only on success. Note
    whether this is the public build."""
    global _build
    try:
        public = is_public()
    except InputError as error:
        raise _fail(error) from None
    _build = _Build(Path(config.site_dir), public)
    logging.getLogger(ENGINE_LOGGER).addHandler(_build.warnings)
    config.site_dir = str(_build.staging)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Check every page and fixture and render the additions before anything is written."""
    try:
        build = _current()
        build.content = gather(Path(config.docs_dir), _project(config), public=build.public)
    except InputError as error:
        raise _fail(error) from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the prototype, the generated pages and the evidence, so links to them are checked;
    drop what the build leaves out."""
    content = _current().content
    for file in [file for file in files if file.src_uri in content.left_out]:
        files.remove(file)
    for name, data in content.prototype.items():
        files.append(File.generated(config, f"{SITE_PATH}{name}", content=data))
    for src_uri, markdown in content.generated.items():
        files.append(File.generated(config, src_uri, content=markdown))
    for evidence in content.evidence:
        src_uri = f"{EVIDENCE_DOCS_DIR}/{evidence.name}"
        files.append(File.generated(config, src_uri, abs_src_path=str(evidence)))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """The navigation from front matter, with the prototype's link."""
    return apply_navigation(nav, site_navigation(_current().content.pages))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """While serving, keep the theme's compiled templates from one build to the next."""
    if _serving:
        env.bytecode_cache = SERVE_TEMPLATES
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Escape the front matter the theme prints; tell the docs' Markdown extension which page
    renders next."""
    page.meta = escaped_meta(page.meta)
    announce(PageContext(page.file.src_uri, _current().content.pages))
    adrift = _current().content.adrift.get(page.file.src_uri, []) if _serving else []
    for claim_id in adrift:
        log.info(f"docs/{page.file.src_uri}: doc claim {claim_id} no longer matches this page")
    return drift_note(adrift) + markdown if adrift else markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page is rendered; the sitemap dates it from front matter."""
    announce(None)
    pages = _current().content.pages
    doc = pages.get(page.file.src_uri)
    if doc is not None:
        page.update_date = last_updated(doc, pages.values()).isoformat()
        if "title" not in page.meta and isinstance(page.title, Markup) and not page.is_homepage:
            page.meta["title"] = page.title  # Material's <title> would unescape the nav label
    return html


def on_post_build(config: MkDocsConfig) -> None:
    """Publish the staging folder unless a strict build is about to abort on warnings."""
    build_state = _current()
    if config.strict and build_state.warnings.get_counts():
        return
    atomic_site.publish(build_state.staging, build_state.site_dir)
    config.site_dir = str(build_state.site_dir)
    log.info(f"Published the build from {build_state.staging.name} to {build_state.site_dir}")
    _finish()


def on_build_error(error: Exception) -> None:
    """Drop the staging folder; the last good site stays as it was."""
    if _build is not None:
        atomic_site.discard(_build.staging)
    _finish()


def _finish() -> None:
    announce(None)
    if _build is not None:
        logging.getLogger(ENGINE_LOGGER).removeHandler(_build.warnings)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    """Rebuild when a fixture, template, prototype asset or the conformance report changes."""
    project = _project(config)
    for source in [project / "fixtures", project / "reports", *PROTOTYPE_SOURCES]:
        if source.exists():
            server.watch(str(source))
    return server
