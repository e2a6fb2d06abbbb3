"""The home page's facts: each one found in the data, never written into the code."""

from __future__ import annotations

import csv
from dataclasses import replace

import pandas as pd
import pytest

from lib.model.load import DATA_DIR, read_dataset
from lib.views.overview import (
    SourceLink,
    counted,
    declaration_of_1956,
    dispute_summary,
    disputed_islands,
    event_source,
    headline_figures,
    join_names,
    latest_event,
    promised_in_1956,
    share_of,
    whole_years_between,
)

DATASET = read_dataset().dataset
assert DATASET is not None


def csv_rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def event(event_id: str) -> pd.Series:
    return DATASET.events.set_index("id", drop=False).loc[event_id]


@pytest.mark.parametrize(
    ("names", "joined"),
    [
        ([], ""),
        (["Iturup"], "Iturup"),
        (["Iturup", "Kunashir"], "Iturup and Kunashir"),
        (["A", "B", "C"], "A, B and C"),
    ],
)
def test_join_names(names: list[str], joined: str) -> None:
    assert join_names(names) == joined


def test_the_disputed_islands_are_those_one_state_holds_and_another_claims() -> None:
    # Urup is held but not claimed; the Habomai islets are counted in their group.
    assert list(disputed_islands(DATASET.islands)["id"]) == ["iturup", "kunashir", "shikotan", "habomai"]


def test_the_1956_promise_names_shikotan_and_the_habomai_group() -> None:
    assert list(promised_in_1956(DATASET.islands)["id"]) == ["shikotan", "habomai"]


def test_the_1956_declaration_is_its_signing_not_its_entry_into_force() -> None:
    assert declaration_of_1956(DATASET.events)["id"] == "1956-joint-declaration"
    backwards = DATASET.events.iloc[::-1]
    assert declaration_of_1956(backwards)["id"] == "1956-joint-declaration"


def test_no_1956_declaration_in_the_data_gives_none() -> None:
    events = DATASET.events[DATASET.events["event_type"] != "declaration"]
    assert declaration_of_1956(events) is None
    assert headline_figures(replace(DATASET, events=events)).years_from_declaration is None


def test_the_latest_event_is_the_one_with_the_latest_date_in_the_file() -> None:
    rows = csv_rows("events.csv")
    last = max(rows, key=lambda row: max(row["date"], row["end_date"]))
    assert latest_event(DATASET.events)["id"] == last["id"]


def test_an_event_that_ends_last_is_the_latest_even_if_it_began_earlier() -> None:
    events = DATASET.events.copy()
    index = events.index[events["id"] == "1973-tanaka-brezhnev-summit"][0]
    events.loc[index, "end_date"] = pd.Timestamp("2030-01-01")
    assert latest_event(events)["id"] == "1973-tanaka-brezhnev-summit"


def test_no_events_give_no_latest_event() -> None:
    assert latest_event(DATASET.events.iloc[0:0]) is None


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


def test_headline_figures_count_the_files() -> None:
    figures = headline_figures(DATASET)
    assert figures.events == len(csv_rows("events.csv"))
    assert figures.statements == len(csv_rows("statements.csv"))
    assert figures.articles == len(csv_rows("sources.csv"))
    assert figures.declaration["id"] == "1956-joint-declaration"
    # 19 Oct 1956 to the latest event, checked here by hand from the file's dates.
    last = max(max(row["date"], row["end_date"]) for row in csv_rows("events.csv"))
    assert figures.years_from_declaration == int(last[:4]) - 1956 - (last[5:] < "10-19")


def test_sources_count_each_cited_page_once_and_the_articles_apart() -> None:
    sources = DATASET.sources
    events = DATASET.events.copy()
    events["source_url"] = ""
    events.loc[events.index[:3], "source_url"] = "https://example.org/same-page"
    events.loc[events.index[3], "source_url"] = sources["url"].iloc[0]  # an article is not also a page
    islands = DATASET.islands.assign(source_url="https://example.org/islands")
    statements = DATASET.statements.assign(role_source_url="")
    figures = headline_figures(replace(DATASET, events=events, islands=islands, statements=statements))
    assert (figures.articles, figures.pages, figures.sources) == (len(sources), 2, len(sources) + 2)


def test_an_article_event_links_to_its_article_and_a_context_event_to_its_page() -> None:
    article = event_source(event("1956-joint-declaration"), DATASET.sources)
    assert article is not None
    assert article.url == "https://tass.com/world/1014523"
    assert "TASS" in article.label and "Japan hopes for progress" in article.label
    context = event_source(event("1855-treaty-of-shimoda"), DATASET.sources)
    assert context == SourceLink("en.wikipedia.org", "https://en.wikipedia.org/wiki/Treaty_of_Shimoda")


def test_the_summary_names_the_islands_the_states_and_the_declaration_from_the_data() -> None:
    summary = dispute_summary(DATASET.islands, declaration_of_1956(DATASET.events))
    assert "Iturup, Kunashir, Shikotan and Habomai Islands" in summary
    assert "Russia administers them and Japan claims them" in summary
    assert "19 Oct 1956" in summary
    assert "hand over Shikotan and Habomai Islands" in summary


def test_the_summary_follows_the_data() -> None:
    islands = DATASET.islands.copy()
    islands.loc[islands["id"] == "iturup", "claimed_by"] = ""
    islands.loc[islands["id"] == "kunashir", "in_1956_declaration"] = True
    summary = dispute_summary(islands, None)
    assert "owns Kunashir, Shikotan and Habomai Islands" in summary
    assert "Joint Declaration" not in summary  # no declaration row, no sentence about it


def test_the_summary_shows_hostile_names_as_text() -> None:
    islands = DATASET.islands.copy()
    islands.loc[islands["id"] == "shikotan", "name_en"] = "[Shikotan](javascript:alert(1)) <b>"
    summary = dispute_summary(islands, declaration_of_1956(DATASET.events))
    assert "](javascript" not in summary and "<b>" not in summary
    assert r"\[Shikotan\]\(javascript\:alert\(1\)\) &lt;b&gt;" in summary


@pytest.mark.parametrize(
    ("shown", "total", "noun", "text"),
    [
        (42, 42, "event", "all 42 events"),
        (10, 42, "event", "10 of 42 events"),
        (0, 8, "statement", "0 of 8 statements"),
        (1, 1, "event", "1 event"),
        (0, 1, "event", "0 of 1 event"),
    ],
)
def test_share_of(shown: int, total: int, noun: str, text: str) -> None:
    assert share_of(shown, total, noun) == text


def test_counted() -> None:
    assert (counted(1, "page"), counted(0, "page"), counted(48, "page")) == ("1 page", "0 pages", "48 pages")
