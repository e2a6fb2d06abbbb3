"""The filter model: reading and writing URL parameters, and applying the filters."""

from __future__ import annotations

import itertools
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest

from lib.model.load import read_dataset
from lib.model.filters import (
    Filters,
    choice_from_query,
    default_filters,
    describe_filters,
    events_filter_index,
    filter_events,
    filter_statements,
    filters_from_query,
    filters_to_query,
    related_islands,
    search_text,
    share_link,
    statements_filter_index,
    year_bounds,
)

DATASET = read_dataset().dataset
assert DATASET is not None
BOUNDS = year_bounds(DATASET.events["date"], DATASET.events["end_date"], DATASET.statements["date"])
ISLAND_IDS = set(DATASET.islands["id"])
GROUPS = dict(zip(DATASET.islands["id"], DATASET.islands["group"], strict=True))


def parse(**params: list[str]) -> tuple[Filters, list[str]]:
    return filters_from_query(params, BOUNDS, ISLAND_IDS)


def test_no_parameters_give_the_defaults() -> None:
    assert parse() == (default_filters(BOUNDS), [])


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
        ({"q": ["impetus"]}, {"q": "impetus"}),
    ],
)
def test_good_parameters_are_applied(params: dict[str, list[str]], expected: dict[str, object]) -> None:
    filters, notices = parse(**params)
    assert notices == []
    assert filters == replace(default_filters(BOUNDS), **expected)


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
        ({"q": ["impetus", "treaty"]}, "given 2 times"),
        ({"from": ["2025"], "to": ["1855"]}, "is after"),
        ({"to": ["1854"]}, "outside"),
        ({"from": ["0"]}, "outside"),
        ({"from": ["²"]}, "not a year"),  # a digit to str.isdigit(), not to int()
        ({"from": ["١٩٥٠"]}, "not a year"),  # Arabic-Indic digits
        ({"from": ["1950.0"]}, "not a year"),
        ({"to": ["19 50"]}, "not a year"),
        ({"to": ["1e3"]}, "not a year"),
        ({"from": ["9" * 300]}, "longer than"),
        ({"q": ["x" * 1000]}, "longer than"),
        ({"island": ["shikotan" * 100]}, "longer than"),
    ],
)
def test_bad_parameters_fall_back_with_a_notice(params: dict[str, list[str]], mentions: str) -> None:
    filters, notices = parse(**params)
    assert filters == default_filters(BOUNDS)
    assert len(notices) == 1 and mentions in notices[0]


@pytest.mark.parametrize("key", ["country", "from", "to", "island", "q"])
@pytest.mark.parametrize("value", ["", "   "])
def test_empty_parameters_are_the_defaults_without_a_notice(key: str, value: str) -> None:
    assert parse(**{key: [value]}) == (default_filters(BOUNDS), [])


def test_parameters_the_app_does_not_know_are_ignored() -> None:
    assert parse(utm_source=["newsletter"], page=["2"]) == (default_filters(BOUNDS), [])


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


@pytest.mark.parametrize(
    "filters",
    [
        default_filters(BOUNDS),
        Filters(year_from=1950, year_to=2000, country="Japan"),
        Filters(year_from=BOUNDS[0], year_to=2018, island="habomai_yuri", q="Russia’s ownership"),
        Filters(year_from=2018, year_to=BOUNDS[1], country="Russia", island="kunashir", q="a&b=c?d"),
    ],
)
def test_filters_survive_a_round_trip_through_the_url(filters: Filters) -> None:
    params = {key: [value] for key, value in filters_to_query(filters, BOUNDS).items()}
    assert parse(**params) == (filters, [])


def test_defaults_make_a_clean_url() -> None:
    assert filters_to_query(default_filters(BOUNDS), BOUNDS) == {}


@pytest.mark.parametrize(
    "filters",
    [
        default_filters(BOUNDS),
        Filters(year_from=1956, year_to=1956, country="Russia", island="habomai"),
        Filters(year_from=BOUNDS[0], year_to=BOUNDS[1], q="Россия & 日本 + 100% #1 ?x=y"),
    ],
)
def test_a_shared_link_opens_exactly_the_view_it_was_made_from(filters: Filters) -> None:
    link = share_link("https://example.org/statements", filters_to_query(filters, BOUNDS))
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "example.org", "/statements")
    assert parse(**parse_qs(parts.query, keep_blank_values=True)) == (filters, [])


def test_a_link_without_filters_is_the_page_itself() -> None:
    assert share_link("https://example.org/map", {}) == "https://example.org/map"


def test_spaces_in_a_shared_link_are_percent_encoded() -> None:
    assert share_link("/statements", {"q": "peace treaty"}) == "/statements?q=peace%20treaty"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("  impetus ", "impetus"), ("", ""), ("x" * 500, "x" * 200), (" " + "y" * 199 + " z", "y" * 199)],
)
def test_the_search_is_kept_trimmed_and_short_enough_for_a_link(typed: str, kept: str) -> None:
    assert search_text(typed) == kept
    filters = replace(default_filters(BOUNDS), q=search_text(typed))
    params = {key: [value] for key, value in filters_to_query(filters, BOUNDS).items()}
    assert parse(**params) == (filters, [])


def ids(frame) -> set[str]:
    return set(frame["id"])


def test_country_filter_counts_the_ussr_as_russia() -> None:
    russia = filter_events(DATASET.events, replace(default_filters(BOUNDS), country="Russia"), BOUNDS, GROUPS)
    assert "1946-ussr-annexes-kurils" in ids(russia)  # a USSR-only row
    japan = filter_events(DATASET.events, replace(default_filters(BOUNDS), country="Japan"), BOUNDS, GROUPS)
    assert "1946-ussr-annexes-kurils" not in ids(japan)
    assert "1945-yalta-agreement" not in ids(japan)


@pytest.mark.parametrize(
    ("year_from", "year_to", "inside", "outside"),
    [
        (1956, 1956, {"1956-joint-declaration", "1956-joint-declaration-in-force"}, {"1960-soviet-memorandum"}),
        (1945, 1945, {"1945-southern-kurils-occupied", "1945-yalta-agreement"}, {"1946-ussr-annexes-kurils"}),
        (2018, 2018, {"2018-two-ministerial-meetings", "2018-third-2plus2-moscow"}, {"2019-abe-putin-osaka"}),
    ],
)
def test_year_range_filter(year_from: int, year_to: int, inside: set[str], outside: set[str]) -> None:
    shown = ids(filter_events(DATASET.events, Filters(year_from=year_from, year_to=year_to), BOUNDS, GROUPS))
    assert inside <= shown and not outside & shown


def test_an_islet_matches_rows_about_its_group_and_the_group_matches_its_islets() -> None:
    assert {"habomai", "habomai_yuri", "habomai_zeleny"} <= related_islands("habomai", GROUPS)
    assert related_islands("habomai_yuri", GROUPS) == {"habomai_yuri", "habomai"}
    assert related_islands("kunashir", GROUPS) == {"kunashir"}
    yuri = filter_events(DATASET.events, replace(default_filters(BOUNDS), island="habomai_yuri"), BOUNDS, GROUPS)
    assert "1956-joint-declaration" in ids(yuri)
    assert "2010-medvedev-visits-kunashir" not in ids(yuri)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"q": "impetus"}, {"matviyenko-strong-impetus"}),
        ({"q": "IMPETUS"}, {"matviyenko-strong-impetus"}),
        ({"q": "Russia's ownership"}, {"mfa-ownership-fixed"}),  # typed apostrophe matches ’
        ({"q": "spokeswoman"}, {"zakharova-2plus2-july-31"}),  # found in the role
        ({"q": "Matviyenko", "country": "Japan"}, set()),
        ({"q": "no such words"}, set()),
        ({"island": "shikotan"}, {"date-unsettled-territorial-problem", "mfa-ownership-fixed"}),
        (
            {"country": "Japan"},
            {"date-hopes-for-progress", "date-unsettled-territorial-problem", "date-trust-abe-putin"},
        ),
    ],
)
def test_statement_search_and_filters(changes: dict[str, str], expected: set[str]) -> None:
    filters = replace(default_filters(BOUNDS), **changes)
    assert ids(filter_statements(DATASET.statements, filters, BOUNDS, GROUPS)) == expected


def test_undated_statements_show_only_while_the_years_are_untouched() -> None:
    every = ids(filter_statements(DATASET.statements, default_filters(BOUNDS), BOUNDS, GROUPS))
    assert "mfa-ownership-fixed" in every
    narrowed = Filters(year_from=BOUNDS[0], year_to=BOUNDS[1] - 1)
    assert "mfa-ownership-fixed" not in ids(filter_statements(DATASET.statements, narrowed, BOUNDS, GROUPS))


def _in_years(row: pd.Series, filters: Filters) -> bool:
    if pd.isna(row["date"]):
        return filters.is_full_range(BOUNDS)
    end = row.get("end_date")
    last = row["date"].year if end is None or pd.isna(end) else end.year
    return row["date"].year <= filters.year_to and last >= filters.year_from


def _plain(text: str) -> str:
    return text.casefold().replace("\u2019", "'").replace("\u2018", "'")


def kept_by_definition(row: pd.Series, filters: Filters) -> bool:
    """The filters, one row at a time, as the README describes them."""
    countries = row["countries"] if "countries" in row else (row["country"],)
    searched = "\n".join(row[column] for column in ("quote", "speaker", "role") if column in row)
    return (
        _in_years(row, filters)
        and (filters.country is None or filters.country in {"Russia" if c == "USSR" else c for c in countries})
        and (filters.island is None or bool(related_islands(filters.island, GROUPS) & set(row["islands"])))
        and (not filters.q or "countries" in row or _plain(filters.q) in _plain(searched))
    )


FILTER_COMBINATIONS = [
    Filters(year_from=years[0], year_to=years[1], country=country, island=island, q=q)
    for years, country, island, q in itertools.product(
        [BOUNDS, (1956, 1956), (1945, 2000), (2018, BOUNDS[1])],
        [None, "Japan", "Russia"],
        [None, "habomai", "habomai_yuri", "kunashir"],
        ["", "russia's"],
    )
]
# Each index is built once, as a page keeps it per data version, and serves every combination.
EVENTS_INDEX = events_filter_index(DATASET.events)
STATEMENTS_INDEX = statements_filter_index(DATASET.statements)


@pytest.mark.parametrize("filters", FILTER_COMBINATIONS, ids=str)
def test_a_kept_filter_index_keeps_the_rows_the_filters_define(filters: Filters) -> None:
    for frame, filtered in (
        (DATASET.events, filter_events(DATASET.events, filters, BOUNDS, GROUPS, EVENTS_INDEX)),
        (DATASET.statements, filter_statements(DATASET.statements, filters, BOUNDS, GROUPS, STATEMENTS_INDEX)),
    ):
        expected = [row["id"] for _, row in frame.iterrows() if kept_by_definition(row, filters)]
        assert filtered["id"].tolist() == expected


def test_the_combinations_keep_some_rows_and_drop_others() -> None:
    """Guards the test above: filters that keep everything, or nothing, would prove little."""
    sizes = {
        len(filter_events(DATASET.events, filters, BOUNDS, GROUPS, EVENTS_INDEX)) for filters in FILTER_COMBINATIONS
    }
    assert 0 in sizes and len(DATASET.events) in sizes and len(sizes) > 5


def test_year_bounds_span_every_date_column_and_skip_missing_dates() -> None:
    starts = pd.Series(pd.to_datetime(["1956-10-19", None, "1960-01-27"]))
    ends = pd.Series(pd.to_datetime([None, "2018-07-23", None]))
    undated = pd.Series(pd.to_datetime([None, None]))
    assert year_bounds(starts, ends, undated) == (1956, 2018)


def test_an_index_of_another_frame_is_refused() -> None:
    with pytest.raises(ValueError, match="build it from this frame"):
        filter_events(DATASET.events.head(3), default_filters(BOUNDS), BOUNDS, GROUPS, EVENTS_INDEX)


ISLAND_NAMES = dict(zip(DATASET.islands["id"], DATASET.islands["name_en"], strict=True))


@pytest.mark.parametrize(
    ("filters", "words"),
    [
        (default_filters(BOUNDS), ""),
        (Filters(year_from=1950, year_to=2000, country="Japan"), "Japan · 1950–2000"),
        (Filters(year_from=1956, year_to=1956), "1956"),
        (
            Filters(year_from=BOUNDS[0], year_to=BOUNDS[1], island="shikotan", q="impetus"),
            "Shikotan · search “impetus”",
        ),
    ],
)
def test_filters_in_words(filters: Filters, words: str) -> None:
    assert describe_filters(filters, BOUNDS, ISLAND_NAMES) == words


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
