"""Rules between cells and files: dates, provenance field by field, publishers, figures.

Each rule is called on hand-made rows, so that a test names the one thing it breaks; a few
tests break the real data to show the loader applies them.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from lib.model.link import host_of
from lib.model.load import read_dataset
from lib.model.rules import (
    date_rules,
    event_source_rules,
    figure_rules,
    position_rules,
    publisher_rules,
    reading_rules,
    story_rules,
    year_rules,
)
from lib.model.schema import EVENT_SOURCES, EVENTS, ISLANDS, POSITIONS, READINGS, STATEMENTS, STORY

TODAY = pd.Timestamp("2026-01-01")
TEXT = "In 1956, the two countries signed a declaration. Tokyo hopes for progress, Date said on Monday."
TEXTS = {"tass": TEXT}
PUBLISHED = {"tass": pd.Timestamp("2018-07-23")}


def event(date: str, precision: str, **fields: object) -> dict[str, object]:
    return {"id": "e", "date": pd.Timestamp(date), "end_date": pd.NaT, "date_precision": precision, **fields}


def source(evidence: str, supports: tuple[str, ...], source_id: str = "", url: str = "") -> dict[str, object]:
    return {"event_id": "e", "source_id": source_id, "url": url, "supports": supports, "evidence": evidence}


def reasons(problems) -> list[tuple[str, str | None, str]]:
    return [(problem.file, problem.column, problem.reason) for problem in problems]


def test_an_event_needs_a_source() -> None:
    [(file, column, reason)] = reasons(event_source_rules([(2, event("1956-10-19", "day"))], [], TEXTS, PUBLISHED))
    assert (file, column) == (EVENTS.file, "id") and "has no source" in reason


@pytest.mark.parametrize(
    ("date", "precision", "sources", "problem"),
    [
        # The article says "In 1956": the year alone is what it supports.
        ("1956", "year", [source("In 1956, the two countries signed a declaration.", ("what",), "tass")], None),
        (
            "1956-10-19",
            "day",
            [source("In 1956, the two countries signed a declaration.", ("what",), "tass")],
            "dates it only to the year",
        ),
        (
            "1956-10-19",
            "day",
            [
                source("In 1956, the two countries signed a declaration.", ("what",), "tass"),
                source("Signed in Moscow on 19 October 1956.", ("date", "place"), url="https://example.org/1956"),
            ],
            None,
        ),
        # A page that does not state the date does not help.
        (
            "1956-10-19",
            "day",
            [
                source("In 1956, the two countries signed a declaration.", ("what",), "tass"),
                source("Signed in Moscow.", ("place",), url="https://example.org/1956"),
            ],
            "dates it only to the year",
        ),
        # "on Monday", in an article of Monday 23 July 2018, is that day.
        ("2018-07-23", "day", [source("Tokyo hopes for progress, Date said on Monday.", ("what",), "tass")], None),
        (
            "2018-07-24",
            "day",
            [source("Tokyo hopes for progress, Date said on Monday.", ("what",), "tass")],
            "does not date it",
        ),
    ],
)
def test_an_event_dated_more_precisely_than_its_article_needs_a_page_for_the_date(
    date: str, precision: str, sources: list[dict[str, object]], problem: str | None
) -> None:
    found = reasons(event_source_rules([(2, event(date, precision))], list(enumerate(sources, 2)), TEXTS, PUBLISHED))
    if problem is None:
        assert found == []
    else:
        [(file, column, reason)] = found
        assert (file, column) == (EVENTS.file, "date") and problem in reason


@pytest.mark.parametrize(
    ("row", "column", "problem"),
    [
        (source("Not in the article at all.", ("what",), "tass"), "evidence", "not found verbatim"),
        (source("the two countries signed a declaration.", ("what",), "tass"), "evidence", "not as a whole sentence"),
        (source("x", ("what",), "tass", "https://example.org/"), "url", "not both or neither"),
        (source("x", ("what",)), "url", "not both or neither"),
        (
            source("In 1956, the two countries signed a declaration.", ("date", "what"), "tass"),
            "supports",
            "lists date, but the sentence dates the event only to the year",
        ),
    ],
)
def test_each_source_row_is_an_article_s_sentence_or_a_page(row: dict[str, object], column: str, problem: str) -> None:
    found = reasons(event_source_rules([(2, event("1956-10-19", "day"))], [(3, row)], TEXTS, PUBLISHED))
    assert (EVENT_SOURCES.file, column) in [(file, col) for file, col, _ in found]
    assert any(problem in reason for _, _, reason in found), found


def test_every_cited_host_must_be_a_listed_publisher() -> None:
    statements = [
        (2, {"role_source_url": "https://www.mofa.go.jp/a"}),
        (3, {"role_source_url": "https://uat.example.com/b"}),
    ]
    publishers = [(2, {"host": "www.mofa.go.jp"})]
    [(file, column, reason)] = reasons(publisher_rules({STATEMENTS: statements}, publishers))
    assert (file, column) == (STATEMENTS.file, "role_source_url")
    assert "cites 'uat.example.com', which is not in publishers.csv" in reason


@pytest.mark.parametrize(
    ("url", "a_copy"),
    [
        ("https://www.mofa.go.jp/region/europe/russia/territory/overview.html", False),
        ("https://www.example.com/ampersand/page", False),
        ("https://amp.example.com/news/1", True),
        ("https://en.m.wikipedia.org/wiki/Kuril_Islands", True),
        ("https://m.example.com/news/1", True),
        ("https://en.special.kremlin.ru/events/president/news/1", True),
        ("https://www.example.com/news/amp/1", True),
        ("https://www.example.com/news/1.amphtml", True),
    ],
)
def test_a_page_is_cited_at_its_own_address_not_a_copy(url: str, a_copy: bool) -> None:
    publishers = [(2, {"host": host_of(url)})]
    found = reasons(publisher_rules({STATEMENTS: [(4, {"role_source_url": url})]}, publishers))
    assert [(file, column) for file, column, _ in found] == ([(STATEMENTS.file, "role_source_url")] if a_copy else [])
    assert all("standard address" in reason for _, _, reason in found)


def island(**fields: object) -> dict[str, object]:
    return {"id": "shikotan", "area_km2": 247.7, "population": pd.NA, "population_year": pd.NA, **fields}


def figure(figure: str, value: float, year: object = pd.NA) -> dict[str, object]:
    return {"island_id": "shikotan", "figure": figure, "value": value, "year": year}


@pytest.mark.parametrize(
    ("row", "figures", "column"),
    [
        (island(), [figure("area_km2", 247.7), figure("area_km2", 264.13)], None),
        (island(area_km2=225.0), [figure("area_km2", 247.7)], "area_km2"),
        (island(population=2820, population_year=2010), [figure("area_km2", 247.7)], "population"),
        (
            island(population=2820, population_year=2010),
            [figure("area_km2", 247.7), figure("population", 2820, 2010)],
            None,
        ),
        (
            island(population=2820, population_year=2010),
            [figure("area_km2", 247.7), figure("population", 2820, 2021)],
            "population",
        ),
    ],
)
def test_a_figure_shown_is_stated_by_a_page(
    row: dict[str, object], figures: list[dict[str, object]], column: str | None
) -> None:
    found = reasons(figure_rules([(2, row)], list(enumerate(figures, 2))))
    assert [col for _, col, _ in found] == ([column] if column else [])


def test_dates_in_order_and_not_in_the_future() -> None:
    rows = [
        (2, event("1956-10-19", "day", end_date=pd.Timestamp("1956-10-01"))),
        (3, event("2026-06-01", "day")),
    ]
    assert reasons(date_rules(EVENTS, rows, TODAY)) == [
        (EVENTS.file, "end_date", "is before date"),
        (EVENTS.file, "date", "is 2026-06-01, in the future"),
    ]


def test_a_population_year_needs_its_population_and_a_past_year() -> None:
    rows = [(2, island(population_year=2010)), (3, island(population=5, population_year=2030))]
    assert reasons(year_rules(ISLANDS, rows, TODAY)) == [
        (ISLANDS.file, "population_year", "is given, but population is empty"),
        (ISLANDS.file, "population_year", "is 2030, in the future"),
    ]


def chapter(order: object, text: str = "The two countries signed a declaration.") -> dict[str, object]:
    return {"id": f"chapter-{order}", "order": order, "title": "A chapter", "text": text}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("As TASS put it, “Tokyo hopes for progress,” said Date.", None),
        ("Unquoted words need no source: the two countries made peace.", None),
        ("“In 1956, the two countries signed a declaration.” “Tokyo hopes for progress”", None),
        (
            "TASS wrote of “a lasting peace”.",
            "quotes “a lasting peace”, which is not found verbatim in any source article",
        ),
        # Typographic marks are what a quotation is written with; each quotation must be found whole.
        ("“Tokyo hopes” and “for progress, Date said on Monday.”", None),
        ("“Tokyo hopes for progress, date said on Monday.”", "which is not found verbatim"),
    ],
)
def test_what_a_chapter_quotes_is_in_a_source_article(text: str, problem: str | None) -> None:
    found = reasons(story_rules([(2, chapter(1, text))], TEXTS))
    if problem is None:
        assert found == []
    else:
        [(file, column, reason)] = found
        assert (file, column) == (STORY.file, "text") and problem in reason


def _drop_rows(path: Path, keep) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fieldnames, rows = reader.fieldnames, [row for row in reader if keep(row)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_the_check_fails_when_the_article_alone_would_date_the_1956_declaration_to_the_day(data_copy: Path) -> None:
    """The real article says "In 1956": without the pages that state 19 October, the day is unsupported."""
    declaration = "1956-joint-declaration"
    _drop_rows(data_copy / EVENT_SOURCES.file, lambda row: row["event_id"] != declaration or row["source_id"])
    [problem] = read_dataset(data_copy).problems
    assert (problem.file, problem.column) == (EVENTS.file, "date")
    assert "the article's sentence dates it only to the year" in problem.reason


def test_the_check_fails_on_a_contested_event_that_lacks_one_side_s_reading(data_copy: Path) -> None:
    """The 1956 declaration is marked contested: without Russia's readings of it, the check names the event."""
    declaration = "1956-joint-declaration"
    _drop_rows(data_copy / READINGS.file, lambda row: (row["event_id"], row["side"]) != (declaration, "Russia"))
    [problem] = read_dataset(data_copy).problems
    row = [row["id"] for row in csv.DictReader((data_copy / EVENTS.file).open(encoding="utf-8"))].index(declaration) + 2
    assert (problem.file, problem.row, problem.column) == (EVENTS.file, row, "contested")
    assert "no reading of Russia's" in problem.reason


def test_a_reading_of_an_event_not_marked_contested_is_a_problem() -> None:
    events = [(2, {"id": "e", "contested": False}), (3, {"id": "f", "contested": True})]
    readings = [(2, {"event_id": "e", "side": "Japan"}), (3, {"event_id": "f", "side": "Japan"})]
    found = reasons(reading_rules(events, readings))
    assert (READINGS.file, "event_id") in {(file, column) for file, column, _ in found}
    assert (EVENTS.file, "contested") in {(file, column) for file, column, _ in found}  # f lacks Russia's


def test_the_check_fails_when_a_side_has_no_position(data_copy: Path) -> None:
    _drop_rows(data_copy / POSITIONS.file, lambda row: row["side"] != "Russia")
    [problem] = read_dataset(data_copy).problems
    assert (problem.file, problem.column) == (POSITIONS.file, "side")
    assert "no position of Russia's" in problem.reason


def test_two_positions_of_one_side_may_not_share_an_order() -> None:
    positions = [
        (2, {"side": "Japan", "order": 1}),
        (3, {"side": "Japan", "order": 1}),
        (4, {"side": "Russia", "order": 1}),
    ]
    [(file, column, reason)] = reasons(position_rules(positions))
    assert (file, column) == (POSITIONS.file, "order") and "row 2" in reason
