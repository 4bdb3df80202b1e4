"""The session's tabs: one work tab, shared pages opened once, a walk's last page handed over."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.expected import MEMBER_STATE_IDS, billing_url, home_url
from tests.tabs import SessionTabs


@pytest.fixture
def tabs(browser: Browser, site_url: str) -> Iterator[SessionTabs]:
    """Tabs in a context of their own, apart from the session's."""
    context = browser.new_context(base_url=site_url)
    yield SessionTabs(context, site_url)
    context.close()


def test_a_shared_page_opens_once_whatever_the_spelling(tabs: SessionTabs, site_url: str) -> None:
    page = tabs.shared(billing_url(MEMBER_STATE_IDS[0]))
    assert tabs.shared(site_url + billing_url(MEMBER_STATE_IDS[0])) is page
    assert page.url == site_url + billing_url(MEMBER_STATE_IDS[0])


def test_the_work_tab_stays_until_handed_over(tabs: SessionTabs) -> None:
    work = tabs.work()
    assert tabs.work() is work
    work.goto(billing_url(MEMBER_STATE_IDS[0]))
    tabs.hand_over(work)
    pages_before = len(work.context.pages)
    assert tabs.shared(billing_url(MEMBER_STATE_IDS[0])) is work
    assert len(work.context.pages) == pages_before
    assert tabs.work() is not work


def test_hand_over_keeps_the_first_page_for_a_url(tabs: SessionTabs) -> None:
    reader = tabs.shared(home_url(MEMBER_STATE_IDS[0]))
    work = tabs.work()
    work.goto(home_url(MEMBER_STATE_IDS[0]))
    tabs.hand_over(work)
    assert tabs.shared(home_url(MEMBER_STATE_IDS[0])) is reader
    assert tabs.work() is work
    tabs.hand_over(reader)
    assert tabs.work() is work


def test_forgotten_pages_are_not_reused(tabs: SessionTabs) -> None:
    reader, work = tabs.shared(home_url(MEMBER_STATE_IDS[0])), tabs.work()
    tabs.forget([reader, work])
    assert tabs.shared(home_url(MEMBER_STATE_IDS[0])) is not reader
    assert tabs.work() is not work


def test_close_the_rest_keeps_only_the_work_tab_and_shared_pages(tabs: SessionTabs) -> None:
    reader, work = tabs.shared(home_url(MEMBER_STATE_IDS[0])), tabs.work()
    stray = work.context.new_page()
    tabs.forget([reader])
    tabs.close_the_rest()
    assert stray.is_closed()
    assert reader.is_closed()
    assert work.context.pages == [work]
