"""Front matter: the keys a page may set; bad values named by file and key, YAML errors by line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from prototype.docsource.frontmatter import DocPage, parse_page, read_pages
from prototype.inputs.errors import InputError
from tests.expected import DOCS
from tests.site_html import DOC_PAGES

SOURCE = "docs/guide/x.md"


def problems_of(text: str) -> list[str]:
    """The problems ``parse_page`` raises for ``text``; fails the test if it raises none."""
    with pytest.raises(InputError) as raised:
        parse_page(SOURCE, text)
    return raised.value.problems


def test_valid_page_gives_typed_values() -> None:
    text = (
        "---\n"
        'title: "Plan and Billing"\n'
        "nav_title: Billing\n"
        "description: View your plan.\n"
        "date: 2026-05-08\n"
        "nav_order: 4\n"
        "nav_display: false\n"
        "tags: [billing, plans]\n"
        "hide: [toc]\n"
        "---\n"
        "\n"
        "# Plan and Billing ##\n"
        "\n"
        "## Credits\n"
    )
    page = parse_page(SOURCE, text)
    front = page.front_matter
    assert (front.title, front.nav_title, front.description) == (
        "Plan and Billing",
        "Billing",
        "View your plan.",
    )
    assert front.date == dt.date(2026, 5, 8)
    assert (front.nav_order, front.nav_display, front.tags) == (4, False, ["billing", "plans"])
    assert front.model_extra == {"hide": ["toc"]}, "keys the theme reads pass through"
    assert page.h1_title == "Plan and Billing"


@pytest.mark.parametrize("written", ["2026-05-08", '"2026-05-08"', "'2026-05-08'"])
def test_date_quoted_or_not(written: str) -> None:
    assert parse_page(SOURCE, f"---\ndate: {written}\n---\n").front_matter.date == dt.date(
        2026, 5, 8
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("# Only a heading\n\nText.\n", id="no front matter"),
        pytest.param("---\n---\n# Only a heading\n", id="empty front matter"),
        pytest.param("---\n# a YAML comment\n---\n# Only a heading\n", id="comment only"),
    ],
)
def test_page_without_front_matter_gets_defaults(text: str) -> None:
    page = parse_page(SOURCE, text)
    front = page.front_matter
    assert (front.title, front.nav_title, front.description, front.date) == (None,) * 4
    assert (front.nav_order, front.nav_display, front.tags) == (None, True, [])
    assert page.h1_title == "Only a heading"


@pytest.mark.parametrize(
    ("body", "h1_title"),
    [
        ("# Title\n", "Title"),
        ("# Title ###\n", "Title"),
        ("Intro.\n\n#\tTabbed title\n", "Tabbed title"),
        ("## Not the page title\n", None),
        ("#hashtag, not a heading\n", None),
        ("Text only.\n", None),
    ],
)
def test_first_h1(body: str, h1_title: str | None) -> None:
    page = parse_page(SOURCE, f"---\ntitle: T\n---\n{body}")
    assert page.h1_title == h1_title


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("date: 2026-02-30", "'date': '2026-02-30' is not a calendar date in the form YYYY-MM-DD"),
        ('date: "May 8"', "'date': 'May 8' is not a calendar date in the form YYYY-MM-DD"),
        (
            "date: 2026-05-08T10:00:00",
            "'date': '2026-05-08T10:00:00' is not a calendar date in the form YYYY-MM-DD",
        ),
        ("date: 20260508", "'date': expected a date in the form YYYY-MM-DD, got int"),
        ("nav_order: two", "'nav_order': Input should be a valid integer (got 'two')"),
        ('nav_order: "3"', "'nav_order': Input should be a valid integer (got '3')"),
        ("nav_order: 2.5", "'nav_order': Input should be a valid integer (got 2.5)"),
        ("nav_order: true", "'nav_order': Input should be a valid integer (got True)"),
        ("nav_display: maybe", "'nav_display': Input should be a valid boolean (got 'maybe')"),
        ('nav_display: "false"', "'nav_display': Input should be a valid boolean (got 'false')"),
        ("nav_display: 0", "'nav_display': Input should be a valid boolean (got 0)"),
        ("title: [a, b]", "'title': Input should be a valid string"),
        ("tags: billing", "'tags': Input should be a valid list (got 'billing')"),
    ],
)
def test_bad_value_names_file_and_key(line: str, problem: str) -> None:
    assert problems_of(f"---\ndescription: D\n{line}\n---\n# T\n") == [
        f"{SOURCE}: front matter {problem}"
    ]


def test_every_bad_key_of_a_page_is_reported() -> None:
    text = "---\ndate: 2026-02-30\nnav_order: two\nnav_display: maybe\n---\n"
    assert problems_of(text) == [
        f"{SOURCE}: front matter 'date': '2026-02-30' is not a calendar date in the form "
        "YYYY-MM-DD",
        f"{SOURCE}: front matter 'nav_order': Input should be a valid integer (got 'two')",
        f"{SOURCE}: front matter 'nav_display': Input should be a valid boolean (got 'maybe')",
    ]


@pytest.mark.parametrize(
    ("front_matter", "where"),
    [
        (
            "title: ok\nnav_title: Home: extra\n",
            "line 3, column 16: mapping values are not allowed here",
        ),
        ("title: ok\n  bad: indent\n", "line 3, column 6: mapping values are not allowed here"),
        ("description: fine\n\ntitle: ok\nnav_order: [1\n", "line 6, column 1:"),
    ],
)
def test_yaml_error_names_file_and_line(front_matter: str, where: str) -> None:
    [problem] = problems_of(f"---\n{front_matter}---\n# T\n")
    assert problem.startswith(f"{SOURCE}: front matter: {where}")


def test_an_alias_bomb_in_front_matter_is_refused_not_expanded() -> None:
    """Without the count, validating ``tags`` (9**9 of them) would take minutes."""
    lines = ["l0: &l0 [" + ", ".join(["lol"] * 9) + "]"]
    lines += [f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 9)]
    [problem] = problems_of("---\n" + "\n".join(lines) + "\ntags: *l8\n---\n# T\n")
    assert problem == (
        f"{SOURCE}: front matter: line 7, column 5: with its aliases written out, the data holds "
        "more than 100,000 values"
    )


@pytest.mark.parametrize(
    ("front_matter", "problem"),
    [
        pytest.param(
            "title: T\n? [nav, order]\n: 4\n",
            "line 3, column 3: a key must be a plain value, not a list or a mapping",
            id="key-not-plain",
        ),
        pytest.param(
            "title: !!binary VGl0bGU=\n",
            "line 2, column 8: the tag '!!binary' is not allowed; write the value without it",
            id="tag",
        ),
        pytest.param(
            "title: !!python/name:os.system\n",
            "line 2, column 8: the tag '!!python/name:os.system' is not allowed; write the value "
            "without it",
            id="python-tag",
        ),
        pytest.param(
            "title: T\non: push\n",
            "line 3, column 1: the key 'on' is read as a boolean; quote it or use a field name",
            id="boolean-key",
        ),
        pytest.param(
            "title: T\n4: four\n",
            "line 3, column 1: the key '4' is read as a number; quote it or use a field name",
            id="number-key",
        ),
        pytest.param(
            "a: &a [*a]\n",
            "line 2, column 4: an alias refers to the collection that holds it",
            id="alias-in-itself",
        ),
    ],
)
def test_yaml_the_docs_have_no_use_for_is_refused(front_matter: str, problem: str) -> None:
    assert problems_of(f"---\n{front_matter}---\n# T\n") == [f"{SOURCE}: front matter: {problem}"]


LONG = "a" * 1_000_000
CUT = f"'{'a' * 40}…' (1,000,000 characters)"
"""How a message shows :data:`LONG`."""


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (f"nav_order: {LONG}", f"'nav_order': Input should be a valid integer (got {CUT})"),
        (f"date: {LONG}", f"'date': {CUT} is not a calendar date in the form YYYY-MM-DD"),
        (f'nav_display: "{LONG}"', f"'nav_display': Input should be a valid boolean (got {CUT})"),
    ],
)
def test_a_long_value_is_cut_in_the_message(line: str, problem: str) -> None:
    assert problems_of(f"---\n{line}\n---\n# T\n") == [f"{SOURCE}: front matter {problem}"]


def test_a_long_key_written_twice_is_cut_in_the_message() -> None:
    key = "k" * 1000
    assert problems_of(f"---\n{key}: 1\n{key}: 2\n---\n") == [
        f"{SOURCE}: front matter: line 3, column 1: the key '{'k' * 40}…' (1,000 characters) "
        "appears twice"
    ]


@pytest.mark.parametrize("front_matter", ["- a\n- b\n", "just text\n", "42\n"])
def test_front_matter_that_is_not_a_mapping(front_matter: str) -> None:
    assert problems_of(f"---\n{front_matter}---\n") == [
        f"{SOURCE}: front matter: expected key: value pairs"
    ]


def write_pages(docs: Path, pages: dict[str, str]) -> None:
    for name, text in pages.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_read_pages_keys_pages_by_path_in_docs(tmp_path: Path) -> None:
    write_pages(
        tmp_path,
        {
            "index.md": "---\ntitle: Home\n---\n",
            "guide/settings/billing.md": "---\nnav_order: 4\n---\n# Billing\n",
            "guide/plain.md": "# Plain\n",
            "guide/notes.txt": "not a page",
        },
    )
    pages = read_pages(tmp_path)
    assert sorted(pages) == ["guide/plain.md", "guide/settings/billing.md", "index.md"]
    assert pages["index.md"].front_matter.title == "Home"
    assert pages["guide/settings/billing.md"].front_matter.nav_order == 4
    assert pages["guide/plain.md"] == DocPage.model_validate(
        {"front_matter": {}, "h1_title": "Plain"}
    )


def test_read_pages_reports_every_file_at_once(tmp_path: Path) -> None:
    write_pages(
        tmp_path,
        {
            "a.md": "---\ndate: May 8\n---\n",
            "good.md": "---\nnav_order: 1\n---\n",
            "guide/b.md": "---\nnav_display: maybe\n---\n",
            "guide/c.md": "---\ntitle: [\n---\n",
        },
    )
    with pytest.raises(InputError) as raised:
        read_pages(tmp_path)
    assert raised.value.problems == [
        "docs/a.md: front matter 'date': 'May 8' is not a calendar date in the form YYYY-MM-DD",
        "docs/guide/b.md: front matter 'nav_display': Input should be a valid boolean "
        "(got 'maybe')",
        "docs/guide/c.md: front matter: line 3, column 1: expected the node content, "
        "but found '<stream end>'",
    ]
    assert str(raised.value) == "\n".join(raised.value.problems)


def test_read_pages_reads_the_project_docs() -> None:
    pages = read_pages(DOCS)
    assert sorted(pages) == sorted(DOC_PAGES)
    assert pages["guide/settings/billing.md"].front_matter.date == dt.date(2026, 5, 8)


def test_byte_order_mark_does_not_hide_front_matter(tmp_path: Path) -> None:
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf---\ntitle: T\nnav_display: maybe\n---\n# T\n")
    with pytest.raises(InputError):
        read_pages(tmp_path)


@pytest.mark.parametrize("written", ["2026-W19-5", '"20260508"'])
def test_date_only_in_the_documented_form(written: str) -> None:
    problems_of(f"---\ndate: {written}\n---\n")


def test_comment_in_fenced_code_is_not_the_h1() -> None:
    page = parse_page(SOURCE, "Intro.\n\n```sh\n# install the tools\nmake\n```\n")
    assert page.h1_title is None


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: T\nnav_order: 2\n\n# T\n\nText.\n",
        "---\n",
        "---",
        "--- \ntitle: T\n",
    ],
)
def test_front_matter_never_closed(text: str) -> None:
    assert problems_of(text) == [f"{SOURCE}: line 1: front matter opened with --- is never closed"]


@pytest.mark.parametrize(
    ("key", "meant"),
    [
        ("nav_ordr", "nav_order"),
        ("nav_tilte", "nav_title"),
        ("descripton", "description"),
        ("titel", "title"),
        ("Title", "title"),
        ("nav-display", "nav_display"),
        ("dates", "date"),
        ("tag", "tags"),
    ],
)
def test_misspelt_key_names_the_key_it_is_close_to(key: str, meant: str) -> None:
    assert problems_of(f"---\ntitle: T\n{key}: x\n---\n# T\n") == [
        f"{SOURCE}: front matter '{key}': unknown key; did you mean '{meant}'?"
    ]


def test_misspelt_key_is_reported_with_bad_values() -> None:
    assert problems_of("---\ntitel: T\nnav_order: two\n---\n") == [
        f"{SOURCE}: front matter 'titel': unknown key; did you mean 'title'?",
        f"{SOURCE}: front matter 'nav_order': Input should be a valid integer (got 'two')",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "hide: [navigation, toc]",
        "icon: material/cog",
        "status: new",
        "subtitle: A subtitle",
        "template: main.html",
        "search: {exclude: true}",
        "draft: true",
        "authors: [someone]",
        "owner: docs-team",
    ],
)
def test_theme_and_unrelated_keys_pass_through(line: str) -> None:
    key = line.partition(":")[0]
    front = parse_page(SOURCE, f"---\ntitle: T\n{line}\n---\n").front_matter
    assert front.model_extra is not None
    assert key in front.model_extra


def test_page_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    (tmp_path / "latin1.md").write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    with pytest.raises(InputError) as raised:
        read_pages(tmp_path)
    [problem] = raised.value.problems
    assert problem.startswith("docs/latin1.md: cannot be read: 'utf-8' codec can't decode")
