"""Links: the filters and a page's choices read from URL parameters (never failing) and written back."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from lib.i18n import ENGLISH, use_language
from lib.model.filters import Filters
from lib.model.link import (
    choice_from_query,
    choices_from_query,
    filters_from_query,
    filters_to_query,
    host_of,
    misplaced_params,
    page_address,
    search_from_query,
    search_text,
    share_link,
)

# Fixed bounds and islands: the parsing is tested on its own, not on today's data.
BOUNDS = (1855, 2025)
ISLAND_IDS = {"iturup", "kunashir", "shikotan", "habomai", "habomai_yuri"}
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def parse(**params: list[str]) -> tuple[Filters, list[str]]:
    return filters_from_query(params, BOUNDS, ISLAND_IDS)


def test_no_parameters_give_the_defaults() -> None:
    assert parse() == (Filters(*BOUNDS), [])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": ["Japan"]}, {"country": "Japan"}),
        ({"country": ["russia"]}, {"country": "Russia"}),
        ({"country": ["USSR"]}, {"country": "Russia"}),  # Soviet-era rows count as Russia
        ({"country": [" Japan "]}, {"country": "Japan"}),
        ({"from": ["1950"], "to": ["2000"]}, {"year_from": 1950, "year_to": 2000}),
        ({"island": ["shikotan"]}, {"island": "shikotan"}),
        ({"island": ["Shikotan"]}, {"island": "shikotan"}),
    ],
)
def test_good_parameters_are_applied(params: dict[str, list[str]], expected: dict[str, object]) -> None:
    filters, notices = parse(**params)
    assert notices == []
    assert filters == Filters(**{"year_from": BOUNDS[0], "year_to": BOUNDS[1], **expected})


@pytest.mark.parametrize(
    ("params", "mentions"),
    [
        ({"country": ["France"]}, "country=France"),
        ({"country": ["Japan", "Russia"]}, "given 2 times"),
        ({"island": ["atlantis"]}, "island=atlantis"),
        ({"island": ["<script>"]}, "island=<script>"),
        ({"from": ["2000"], "to": ["1950"]}, "is after"),
        ({"from": ["1066"]}, "outside"),
        ({"to": ["99999"]}, "not a year"),
        ({"from": ["nineteen"]}, "not a year"),
        ({"from": ["-5"]}, "not a year"),
        ({"country": ["日本"]}, "country=日本"),
        ({"island": ["kunashir", "kunashir"]}, "given 2 times"),
        ({"from": ["1950", "1960"]}, "given 2 times"),
        ({"from": ["2025"], "to": ["1855"]}, "is after"),
        ({"to": ["1854"]}, "outside"),
        ({"from": ["0"]}, "outside"),
        ({"from": ["²"]}, "not a year"),  # a digit to str.isdigit(), not to int()
        ({"from": ["١٩٥٠"]}, "not a year"),  # Arabic-Indic digits
        ({"from": ["1950.0"]}, "not a year"),
        ({"to": ["19 50"]}, "not a year"),
        ({"to": ["1e3"]}, "not a year"),
        ({"from": ["9" * 300]}, "longer than"),
        ({"island": ["shikotan" * 100]}, "longer than"),
    ],
)
def test_bad_parameters_fall_back_with_a_notice(params: dict[str, list[str]], mentions: str) -> None:
    filters, notices = parse(**params)
    assert filters == Filters(*BOUNDS)
    assert len(notices) == 1 and mentions in notices[0]


@pytest.mark.parametrize("key", ["country", "from", "to", "island"])
@pytest.mark.parametrize("value", ["", "   "])
def test_empty_parameters_are_the_defaults_without_a_notice(key: str, value: str) -> None:
    assert parse(**{key: [value]}) == (Filters(*BOUNDS), [])


def test_parameters_the_filters_do_not_know_are_left_alone() -> None:
    assert parse(utm_source=["newsletter"], q=["treaty"]) == (Filters(*BOUNDS), [])


@pytest.mark.parametrize(
    ("params", "hidden"),
    [
        ({"island": ["a" * 150]}, "a" * 50),
        ({"to": ["12345678901234567890123456789012345678901234567890"]}, "1234567890" * 5),
        ({"country": ["Ja\npan"]}, "\n"),
        ({"country": ["Japan\x1b[31m"]}, "\x1b"),
    ],
)
def test_a_notice_quotes_the_bad_value_short_and_printable(params: dict[str, list[str]], hidden: str) -> None:
    _, [notice] = parse(**params)
    assert hidden not in notice
    assert notice.isprintable()
    assert len(notice) < 120


def test_one_bad_parameter_leaves_the_good_ones() -> None:
    filters, notices = parse(country=["Japan"], island=["atlantis"], **{"from": ["1950"]})
    assert (filters.country, filters.island, filters.year_from) == ("Japan", None, 1950)
    assert len(notices) == 1


ROUND_TRIPS = [
    Filters(*BOUNDS),
    Filters(year_from=1950, year_to=2000, country="Japan"),
    Filters(year_from=BOUNDS[0], year_to=2018, island="habomai_yuri"),
    Filters(year_from=1956, year_to=1956, country="Russia", island="kunashir"),
]


@pytest.mark.parametrize("filters", ROUND_TRIPS, ids=str)
def test_a_shared_link_opens_exactly_the_view_it_was_made_from(filters: Filters) -> None:
    link = share_link("https://example.org/statements", filters_to_query(filters, BOUNDS))
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "example.org", "/statements")
    assert parse(**parse_qs(parts.query, keep_blank_values=True)) == (filters, [])


def test_defaults_make_a_clean_url() -> None:
    assert filters_to_query(Filters(*BOUNDS), BOUNDS) == {}


def test_a_link_without_parameters_is_the_page_itself() -> None:
    assert share_link("https://example.org/map", {}) == "https://example.org/map"
    assert share_link("https://example.org", {}) == "https://example.org/"


def test_spaces_are_percent_encoded_and_a_list_repeats_its_key() -> None:
    link = share_link("/statements", {"q": "peace treaty", "speaker": ["Chuichi Date", "Valentina Matviyenko"]})
    assert link == "/statements?q=peace%20treaty&speaker=Chuichi%20Date&speaker=Valentina%20Matviyenko"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("  impetus ", "impetus"), ("", ""), ("x" * 500, "x" * 200), (" " + "y" * 199 + " z", "y" * 199)],
)
def test_the_search_is_kept_trimmed_and_short_enough_for_a_link(typed: str, kept: str) -> None:
    assert search_text(typed) == kept
    assert search_from_query({"q": [search_text(typed)]}, "q") == (kept, [])


def test_a_search_given_twice_is_dropped_with_a_notice() -> None:
    assert search_from_query({"q": ["impetus", "treaty"]}, "q") == ("", ["“q” was given 2 times; ignored it."])


@pytest.mark.parametrize(
    ("values", "chosen", "notices"),
    [
        ([], None, []),
        (["1956-joint-declaration"], "1956-joint-declaration", []),
        ([" 1956-joint-declaration "], "1956-joint-declaration", []),
        ([""], None, []),
        (["1956"], None, ["“event=1956” is not an event in the data; none is chosen."]),
        (["a", "b"], None, ["“event” was given 2 times; ignored it."]),
    ],
)
def test_a_link_s_choice_is_kept_only_if_it_names_a_known_id(
    values: list[str], chosen: str | None, notices: list[str]
) -> None:
    known = ["1956-joint-declaration", "1993-tokyo-declaration"]
    assert choice_from_query({"event": values}, "event", known, "an event") == (chosen, notices)


def test_a_page_that_shows_something_in_place_of_an_unknown_choice_says_what() -> None:
    chosen, notices = choice_from_query({"chapter": ["nope"]}, "chapter", ["war-1945"], "a chapter", "it opens at 1")
    assert (chosen, notices) == (None, ["“chapter=nope” is not a chapter in the data; it opens at 1."])


def test_repeated_choices_keep_the_known_ones_once_and_name_the_others() -> None:
    chosen, notices = choices_from_query(
        {"speaker": ["Chuichi Date", "Nobody", "Chuichi Date", " Valentina Matviyenko "]},
        "speaker",
        {"Chuichi Date", "Valentina Matviyenko"},
        "a speaker",
    )
    assert chosen == ["Chuichi Date", "Valentina Matviyenko"]
    assert notices == ["“speaker=Nobody” is not a speaker in the data; ignored it."]


def test_another_page_s_parameter_gets_a_notice_and_an_unknown_one_does_not() -> None:
    notices = misplaced_params(
        {"q": ["impetus"], "event": [""], "utm_source": ["newsletter"], "country": ["Japan"]},
        used={"country", "event"},
        known={"country", "event", "q"},
    )
    assert notices == ["“q=impetus” does nothing on this page; ignored it."]


@pytest.mark.parametrize(
    ("url", "host"),
    [("https://www.mofa.go.jp/a/b.html", "www.mofa.go.jp"), ("http://TASS.com/x", "tass.com"), ("nonsense", "")],
)
def test_a_url_s_host(url: str, host: str) -> None:
    assert host_of(url) == host


@pytest.mark.parametrize(
    ("url", "page_path", "address"),
    [
        ("http://127.0.0.1:8501/timeline", "timeline", "http://127.0.0.1:8501/timeline"),
        ("http://127.0.0.1:8501/", "", "http://127.0.0.1:8501/"),
        ("http://127.0.0.1:8501/nosuchpage", "", "http://127.0.0.1:8501/"),  # the default page is shown
        ("https://example.org/kurils/map", "map", "https://example.org/kurils/map"),  # under a base path
        ("https://example.org/kurils/", "statements", "https://example.org/kurils/statements"),
        ("https://example.org/map?country=Japan#top", "map", "https://example.org/map"),
        ("", "map", "map"),  # a client that reports no address
    ],
)
def test_a_page_s_address_names_the_page_shown(url: str, page_path: str, address: str) -> None:
    assert page_address(url, page_path) == address


@pytest.fixture
def in_japanese() -> Iterator[None]:
    use_language("ja")
    yield
    use_language(ENGLISH)


@pytest.mark.usefixtures("in_japanese")
def test_a_notice_is_in_the_reader_s_language_and_quotes_the_link_as_it_was() -> None:
    _filters, notices = parse(**{"from": ["abc"], "country": ["Mars"], "to": ["1900", "1901"]})
    chosen, choice_notices = choice_from_query({"event": ["nope"]}, "event", ["a"], "an event")
    assert chosen is None
    for notice in [*notices, *choice_notices]:
        assert JAPANESE.search(notice) and not re.search(r"\b(is|was|ignored|showing)\b", notice), notice
    assert any("“from=abc”" in notice for notice in notices)
    assert any("“country=Mars”" in notice and "Japan, Russia" in notice for notice in notices)
    assert "“event=nope”" in choice_notices[0]
