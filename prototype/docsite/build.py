"""``python -m prototype.docsite.build --engine NAME``: build the docs site with any engine.

MkDocs (the default and the pinned engine) and ProperDocs run the project's hooks; Zensical runs
none, so this step gathers and stages everything first, hands Zensical an explicit navigation,
checks the links of what it built and publishes it. The same promise with every engine: a strict
build; bad input named with its file and reason, exit status 1, no traceback; ``site/`` replaced
all at once, and only by a good build. ``--public`` builds the public site, without the review
section (:mod:`prototype.docsite.review`).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from prototype.docsite.content import gather
from prototype.docsite.engines.config_file import read_config, write_config
from prototype.docsite.engines.hooked import HOOKED_ENGINES, run_hooked
from prototype.docsite.engines.neighbours import follow_reading_parts
from prototype.docsite.engines.zensical import EngineFailed, run_zensical, zensical_config
from prototype.docsite.navigation import site_navigation
from prototype.docsite.review import PUBLIC_ENV, is_public
from prototype.docsite.site_check import check_built_links
from prototype.docsite.staging import stage_docs
from prototype.inputs.errors import InputError
from prototype.outputs import atomic_site

ENGINES = (*HOOKED_ENGINES, "zensical")
DEFAULT_ENGINE = "mkdocs"
INSTALL_HINT = (
    "{engine} is not installed; python3 dev.py build --engine {engine} installs the engines"
    " extra into .venv (elsewhere: pip install -e '.[engines]')"
)


def default_site_dir(config_file: Path) -> Path:
    """``site_dir`` of the configuration, from its folder."""
    return config_file.parent / str(read_config(config_file).get("site_dir", "site"))


def build_with_zensical(config_file: Path, site_dir: Path, *, public: bool = False) -> None:
    """Gather, stage, build with Zensical, check the links, publish; raises on bad input."""
    project = config_file.parent
    settings = read_config(config_file)
    docs = project / str(settings.get("docs_dir", "docs"))
    content = gather(docs, project, public=public)
    root = atomic_site.staging_dir(site_dir)
    atomic_site.discard(root)
    try:
        stage_docs(content, docs, root / "docs")
        navigation = site_navigation(content.pages)
        config = zensical_config(settings, navigation, "docs", "site")
        write_config(config, root / "mkdocs.yml")
        run_zensical(root / "mkdocs.yml", content.pages)
        follow_reading_parts(root / "site", navigation, list(content.pages))
        check_built_links(root / "site", content.pages)
        atomic_site.publish(root / "site", site_dir)
    finally:
        atomic_site.discard(root)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m prototype.docsite.build", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--engine", choices=ENGINES, default=DEFAULT_ENGINE)
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("-d", "--site-dir", type=Path, help="where to publish (site_dir)")
    parser.add_argument(
        "--public",
        action="store_true",
        help=f"the public site: the guide without the review section (or set {PUBLIC_ENV}=1)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Build with the chosen engine; the exit status."""
    args = _parser().parse_args(argv)
    if importlib.util.find_spec(args.engine) is None:
        print(INSTALL_HINT.format(engine=args.engine), file=sys.stderr)
        return 1
    try:
        public = args.public or is_public()
    except InputError as error:
        print("\n".join(error.problems), file=sys.stderr)
        return 1
    if args.engine in HOOKED_ENGINES:
        return run_hooked(args.engine, args.config_file, args.site_dir, public=public)
    site_dir = args.site_dir or default_site_dir(args.config_file)
    started = time.perf_counter()
    try:
        build_with_zensical(args.config_file, site_dir, public=public)
    except InputError as error:
        print("\n".join(error.problems), file=sys.stderr)
        print(f"Aborted: nothing was published; {site_dir} is as it was", file=sys.stderr)
        return 1
    except EngineFailed as error:
        print(f"{error}\nAborted: nothing was published; {site_dir} is as it was", file=sys.stderr)
        return 1
    version = importlib.metadata.version(args.engine)
    seconds = time.perf_counter() - started
    print(f"Built with {args.engine} {version} in {seconds:.2f} s into {site_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
