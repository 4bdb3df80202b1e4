"""The memo: results by a digest of their inputs, the oldest dropped first."""

from __future__ import annotations

from pathlib import Path

from prototype.outputs.memo import Memo, digest, files_digest


def test_a_kept_result_is_not_computed_again() -> None:
    memo: Memo[int] = Memo(capacity=2)
    calls: list[str] = []

    def compute(value: int) -> int:
        calls.append(str(value))
        return value

    assert memo.get("a", lambda: compute(1)) == 1
    assert memo.get("a", lambda: compute(2)) == 1
    assert calls == ["1"]


def test_the_least_recently_used_result_goes_first() -> None:
    memo: Memo[str] = Memo(capacity=2)
    memo.get("a", lambda: "a")
    memo.get("b", lambda: "b")
    memo.get("a", lambda: "a again")  # "a" is now the most recently used
    memo.get("c", lambda: "c")
    assert len(memo) == 2
    assert memo.get("a", lambda: "new a") == "a"
    assert memo.get("b", lambda: "new b") == "new b"


def test_parts_are_told_apart_where_their_concatenations_agree() -> None:
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("a", b"b") == digest(b"a", "b")


def test_files_digest_follows_names_and_contents(tmp_path: Path) -> None:
    first = tmp_path / "a.html"
    first.write_text("one", encoding="utf-8")
    before = files_digest([first], tmp_path)
    assert files_digest([first], tmp_path) == before
    first.write_text("two", encoding="utf-8")
    edited = files_digest([first], tmp_path)
    assert edited != before
    renamed = first.rename(tmp_path / "b.html")
    assert files_digest([renamed], tmp_path) != edited
