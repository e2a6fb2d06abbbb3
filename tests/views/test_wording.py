"""lib/views/wording.py: lists of names, counts, shortened text."""

from __future__ import annotations

import pytest

from lib.model.filters import Filters
from lib.views.wording import counted, filters_in_use, join_names, share_of, shorten


@pytest.mark.parametrize(
    ("names", "joined"), [([], ""), (["A"], "A"), (["A", "B"], "A and B"), (["A", "B", "C"], "A, B and C")]
)
def test_join_names(names: list[str], joined: str) -> None:
    assert join_names(names) == joined


@pytest.mark.parametrize(
    ("shown", "total", "words"),
    [
        (42, 42, "all 42 events"),
        (10, 42, "10 of 42 events"),
        (1, 1, "1 event"),
        (0, 1, "0 of 1 event"),
        (1500, 2000, "1,500 of 2,000 events"),
    ],
)
def test_share_of(shown: int, total: int, words: str) -> None:
    assert share_of(shown, total, "event") == words
    assert counted(1, "source") == "1 source"


@pytest.mark.parametrize(
    ("text", "limit", "short"),
    [
        ("Tokyo hopes for progress", 60, "Tokyo hopes for progress"),
        ("Tokyo hopes for progress in the talks", 20, "Tokyo hopes for…"),
        ("one\ntwo   three", 60, "one two three"),
        ("a, b, c, d, e", 9, "a, b…"),
    ],
)
def test_shorten_cuts_at_a_word(text: str, limit: int, short: str) -> None:
    assert shorten(text, limit) == short
    assert len(shorten(text, limit)) <= limit


def test_the_filters_in_use_are_one_escaped_line_or_nothing() -> None:
    bounds = (1855, 2025)
    names = {"shikotan": "Shikotan"}
    assert filters_in_use(Filters(*bounds), bounds, names) == ""
    line = filters_in_use(Filters(1950, 2000, "Japan", "shikotan"), bounds, names, then=". And so on.")
    assert line == ":material/filter_alt: Filters: Japan · 1950–2000 · Shikotan. And so on."
    assert filters_in_use(Filters(*bounds, island="[x](javascript:1)"), bounds, {}).endswith(
        "Filters: \\[x\\]\\(javascript\\:1\\)"
    )
