"""lib/views/wording.py: lists of names, counts, shortened text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from lib.i18n import ENGLISH, use_language
from lib.model.dataset import Dataset
from lib.model.filters import Filters
from lib.views.wording import counted, filters_in_use, join_names, other_sides_names, share_of, shorten


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
    assert counted(1, "statement") == "1 statement"


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


@pytest.fixture
def english_afterwards() -> Iterator[None]:
    yield
    use_language(ENGLISH)


@pytest.mark.usefixtures("english_afterwards")
@pytest.mark.parametrize(("language", "joined"), [("ja", "A、B、C"), ("ru", "A, B и C")])
def test_names_are_listed_as_the_reader_s_language_lists_them(language: str, joined: str) -> None:
    use_language(language)
    assert join_names(["A", "B", "C"]) == joined


@pytest.mark.usefixtures("english_afterwards")
def test_russian_counts_take_the_form_each_number_asks_for() -> None:
    use_language("ru")
    assert [counted(number, "event") for number in (1, 3, 5, 21, 1000)] == [
        "1 событие",
        "3 события",
        "5 событий",
        "21 событие",
        "1\xa0000 событий",
    ]
    # "of" takes the genitive: "из 42 событий", "из 21 события".
    assert share_of(10, 42, "event") == "10 из 42 событий"
    assert share_of(3, 21, "statement") == "3 из 21 заявления"


@pytest.mark.parametrize(
    ("language", "theirs", "ours"),
    [("ja", ["Итуруп", "Кунашир", "Шикотан"], "択捉島"), ("ru", ["択捉島", "国後島", "色丹島", "歯舞群島"], "Итуруп")],
)
@pytest.mark.usefixtures("english_afterwards")
def test_a_translation_names_the_islands_as_the_other_side_does(
    dataset: Dataset, language: str, theirs: list[str], ours: str
) -> None:
    use_language(language)
    names = other_sides_names(dataset.islands, language)
    assert all(name in names for name in theirs), names
    assert ours not in names
    assert other_sides_names(dataset.islands, ENGLISH) == ""
