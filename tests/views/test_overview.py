"""The home page's facts: each one found in the data, never written into the code."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import replace

import pandas as pd
import pytest

from lib.i18n import ENGLISH, use_language
from lib.model.dataset import Dataset
from lib.model.load import DATA_DIR
from lib.views.citation import coverage_of
from lib.views.overview import (
    data_runs_to,
    declaration_figure,
    declaration_of_1956,
    dispute_summary,
    disputed_islands,
    headline_figures,
    latest_event,
    promised_in_1956,
    whole_years_between,
)


def csv_rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_disputed_islands_are_those_one_state_holds_and_another_claims(dataset: Dataset) -> None:
    # Urup is held but not claimed; the Habomai islets are counted in their group.
    assert list(disputed_islands(dataset.islands)["id"]) == ["iturup", "kunashir", "shikotan", "habomai"]


def test_the_1956_promise_names_shikotan_and_the_habomai_group(dataset: Dataset) -> None:
    assert list(promised_in_1956(dataset.islands)["id"]) == ["shikotan", "habomai"]


def test_the_1956_declaration_is_its_signing_not_its_entry_into_force(dataset: Dataset) -> None:
    assert declaration_of_1956(dataset.events)["id"] == "1956-joint-declaration"
    backwards = dataset.events.iloc[::-1]
    assert declaration_of_1956(backwards)["id"] == "1956-joint-declaration"


def test_no_1956_declaration_in_the_data_gives_none(dataset: Dataset) -> None:
    events = dataset.events[dataset.events["event_type"] != "declaration"]
    assert declaration_of_1956(events) is None
    assert headline_figures(replace(dataset, events=events)).declaration is None


def test_the_latest_event_is_the_one_with_the_latest_date_in_the_file(dataset: Dataset) -> None:
    rows = csv_rows("events.csv")
    last = max(rows, key=lambda row: max(row["date"], row["end_date"]))
    assert latest_event(dataset.events)["id"] == last["id"]


def test_an_event_that_ends_last_is_the_latest_even_if_it_began_earlier(dataset: Dataset) -> None:
    events = dataset.events.copy()
    index = events.index[events["id"] == "1973-tanaka-brezhnev-summit"][0]
    events.loc[index, "end_date"] = pd.Timestamp("2030-01-01")
    assert latest_event(events)["id"] == "1973-tanaka-brezhnev-summit"


def test_no_events_give_no_latest_event(dataset: Dataset) -> None:
    assert latest_event(dataset.events.iloc[0:0]) is None


@pytest.mark.parametrize(
    ("start", "start_precision", "end", "end_precision", "years"),
    [
        ("1956-10-19", "day", "2025-01-24", "day", 68),
        ("1956-10-19", "day", "2025-10-18", "day", 68),
        ("1956-10-19", "day", "2025-10-19", "day", 69),
        ("1956-10-19", "day", "2025-01-01", "year", 69),  # only the year is known: compare years
        ("1956-10-01", "month", "2025-10-05", "day", 69),  # same month counts as a whole year
        ("1956-10-01", "month", "2025-09-30", "day", 68),
        ("2018-07-23", "day", "2018-07-31", "day", 0),
    ],
)
def test_whole_years_between(start: str, start_precision: str, end: str, end_precision: str, years: int) -> None:
    assert whole_years_between(pd.Timestamp(start), start_precision, pd.Timestamp(end), end_precision) == years


def test_headline_figures_count_the_files(dataset: Dataset) -> None:
    figures = headline_figures(dataset)
    assert figures.events == len(csv_rows("events.csv"))
    assert figures.statements == len(csv_rows("statements.csv"))
    assert figures.articles == len(csv_rows("sources.csv"))
    assert figures.declaration["id"] == "1956-joint-declaration"


@pytest.mark.parametrize(("today", "years"), [("2026-10-18", 69), ("2026-10-19", 70), ("2026-12-06", 70)])
def test_years_since_the_declaration_count_to_today(dataset: Dataset, today: str, years: int) -> None:
    declaration = declaration_of_1956(dataset.events)
    assert declaration_figure(declaration, pd.Timestamp(today))[1] == f"{years} years"


def test_how_far_the_data_go_names_the_latest_event_s_date_as_precisely_as_it_is_known() -> None:
    day = pd.Series({"date": pd.Timestamp("2025-01-24"), "end_date": pd.NaT, "date_precision": "day"})
    assert data_runs_to(day) == "Events up to 24 Jan 2025."
    assert data_runs_to(day.replace("day", "month")) == "Events up to Jan 2025."
    assert data_runs_to(None) == ""


def test_how_far_the_data_go_counts_to_the_day_the_latest_event_ends_as_the_citation_does() -> None:
    talks = pd.DataFrame(
        {"date": [pd.Timestamp("2025-01-20")], "end_date": [pd.Timestamp("2025-01-24")], "date_precision": ["day"]}
    )
    assert data_runs_to(talks.iloc[0]) == "Events up to 24 Jan 2025."
    assert coverage_of(talks)[0] == "24 Jan 2025"


def test_sources_count_each_cited_page_once_and_the_articles_apart(dataset: Dataset) -> None:
    sources = dataset.sources
    event_sources = dataset.event_sources.copy()
    event_sources["url"] = ""
    event_sources.loc[event_sources.index[:3], "url"] = "https://example.org/same-page"
    event_sources.loc[event_sources.index[3], "url"] = sources["url"].iloc[0]  # an article is not also a page
    islands = dataset.islands.assign(source_url="https://example.org/islands")
    island_figures = dataset.island_figures.assign(url="https://example.org/islands")
    statements = dataset.statements.assign(role_source_url="")
    readings = dataset.readings.assign(url="https://example.org/islands")
    positions = dataset.positions.assign(url="https://example.org/same-page")
    changed = replace(
        dataset,
        event_sources=event_sources,
        islands=islands,
        island_figures=island_figures,
        statements=statements,
        readings=readings,
        positions=positions,
    )
    figures = headline_figures(changed)
    assert (figures.articles, figures.pages, figures.sources) == (len(sources), 2, len(sources) + 2)


def test_the_summary_names_the_islands_the_states_and_the_declaration_from_the_data(dataset: Dataset) -> None:
    summary = dispute_summary(dataset.islands, dataset.island_names, declaration_of_1956(dataset.events))
    assert "Iturup, Kunashir, Shikotan and Habomai Islands" in summary
    assert "Russia administers them and Japan claims them" in summary
    assert "19 Oct 1956" in summary
    assert "hand over Shikotan and Habomai Islands" in summary


def test_the_summary_follows_the_data(dataset: Dataset) -> None:
    islands = dataset.islands.copy()
    islands.loc[islands["id"] == "iturup", "claimed_by"] = ""
    islands.loc[islands["id"] == "kunashir", "in_1956_declaration"] = True
    summary = dispute_summary(islands, dict(zip(islands["id"], islands["name_en"], strict=True)), None)
    assert "owns Kunashir, Shikotan and Habomai Islands" in summary
    assert "Joint Declaration" not in summary  # no declaration row, no sentence about it


def test_the_summary_shows_hostile_names_as_text(dataset: Dataset) -> None:
    islands = dataset.islands.copy()
    islands.loc[islands["id"] == "shikotan", "name_en"] = "[Shikotan](javascript:alert(1)) <b>"
    summary = dispute_summary(
        islands, dict(zip(islands["id"], islands["name_en"], strict=True)), declaration_of_1956(dataset.events)
    )
    assert "](javascript" not in summary and "<b>" not in summary
    assert r"\[Shikotan\]\(javascript\:alert\(1\)\) &lt;b&gt;" in summary


@pytest.fixture
def speak() -> Iterator[Callable[[str], None]]:
    """use_language, with English back after the test."""
    yield use_language
    use_language(ENGLISH)


def test_the_summary_in_japanese_names_the_islands_states_and_date_as_japanese_writes_them(
    dataset: Dataset, speak: Callable[[str], None]
) -> None:
    speak("ja")
    names = {row["id"]: row["name_ja_kanji"] for row in csv_rows("islands.csv")}
    summary = dispute_summary(dataset.islands, names, declaration_of_1956(dataset.events))
    assert all(name in summary for name in ("択捉島", "国後島", "色丹島", "歯舞群島", "ロシア", "1956年10月19日"))
    assert "Russia and Japan" not in summary and "Iturup" not in summary


def test_the_years_since_the_declaration_take_each_russian_form(dataset: Dataset, speak: Callable[[str], None]) -> None:
    speak("ru")
    declaration = declaration_of_1956(dataset.events)
    # 19 Oct 1956 to 1 Dec of 2027, 2028 and 2031: 71, 72 and 75 whole years.
    years = [declaration_figure(declaration, pd.Timestamp(f"{year}-12-01"))[1] for year in (2027, 2028, 2031)]
    assert years == ["71 год", "72 года", "75 лет"]
