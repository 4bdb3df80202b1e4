"""The Updated line and the page's one H1, added to a page's rendered HTML."""

from __future__ import annotations

import datetime as dt

import pytest

from prototype.docsite.heading import drift_note, escaped_meta, updated_line, with_heading
from prototype.docsource.frontmatter import DocPage, FrontMatter


def doc(day: dt.date | None = None, *, has_h1: bool = True) -> DocPage:
    return DocPage(
        front_matter=FrontMatter(title="Plan and Billing", date=day),
        h1_title="Plan and Billing" if has_h1 else None,
    )


MAY_8 = '<p class="page-updated">Updated: <time datetime="2026-05-08">May 8, 2026</time></p>'


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (dt.date(2026, 5, 8), "May 8, 2026"),
        (dt.date(2026, 6, 12), "June 12, 2026"),
        (dt.date(2025, 12, 31), "December 31, 2025"),
        (dt.date(2027, 1, 1), "January 1, 2027"),
    ],
)
def test_updated_line(day: dt.date, shown: str) -> None:
    assert updated_line(doc(day)) == (
        f'<p class="page-updated">Updated: <time datetime="{day.isoformat()}">{shown}</time></p>'
    )


def test_no_updated_line_without_a_date() -> None:
    assert updated_line(doc()) == ""


@pytest.mark.parametrize("h1", ['<h1 id="plan">Plan and Billing</h1>', "<H1>Plan and Billing</H1>"])
def test_updated_line_follows_the_pages_own_h1(h1: str) -> None:
    html = f"{h1}\n<p>Intro.</p>\n<h2>Credits</h2>"
    assert with_heading(html, doc(dt.date(2026, 5, 8)), "Ignored title") == (
        f"{h1}{MAY_8}\n<p>Intro.</p>\n<h2>Credits</h2>"
    )


def test_only_the_first_h1_gets_the_updated_line() -> None:
    html = "<h1>First</h1><p>x</p><h1>Second</h1>"
    assert with_heading(html, doc(dt.date(2026, 5, 8)), "T") == (
        f"<h1>First</h1>{MAY_8}<p>x</p><h1>Second</h1>"
    )


def test_page_without_h1_gets_its_title_escaped() -> None:
    html = "<p>Intro.</p>"
    assert with_heading(html, doc(dt.date(2026, 5, 8), has_h1=False), "Plans & <Billing>") == (
        f"<h1>Plans &amp; &lt;Billing&gt;</h1>{MAY_8}<p>Intro.</p>"
    )


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<h1>Own</h1><p>x</p>", "<h1>Own</h1><p>x</p>"),
        ("<p>x</p>", "<h1>Title</h1><p>x</p>"),
    ],
)
def test_no_date_adds_no_updated_line(html: str, expected: str) -> None:
    assert with_heading(html, doc(), "Title") == expected


def test_front_matter_text_the_theme_prints_is_escaped_once() -> None:
    meta = {
        "title": "Press <Tab> & go",
        "description": '"><script>x()</script>',
        "subtitle": "<b>sub</b>",
        "nav_order": 3,
        "hide": ["<toc>"],
        "tags": ["<t>"],
    }
    escaped = escaped_meta(meta)
    assert escaped == {
        "title": "Press &lt;Tab&gt; &amp; go",
        "description": "&#34;&gt;&lt;script&gt;x()&lt;/script&gt;",
        "subtitle": "&lt;b&gt;sub&lt;/b&gt;",
        "nav_order": 3,
        "hide": ["<toc>"],
        "tags": ["<t>"],
    }
    assert escaped_meta(escaped) == escaped, "escaping twice changes nothing"


def test_drift_note_names_each_claim_to_review() -> None:
    note = drift_note(["billing.path", "billing.current-plan.tier"])
    assert note.startswith('<p class="claim-drift" role="note">')
    assert "<code>billing.path</code>, <code>billing.current-plan.tier</code> quote." in note
    assert note.endswith("</p>\n\n")
    assert "quotes." in drift_note(["billing.path"])
