"""lib.views.islands: island records, statuses, facts as text, and the details panel's tables."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.i18n import ENGLISH, use_language
from lib.model.dataset import Dataset
from lib.model.filters import island_groups
from lib.views.islands import (
    CLAIMED,
    PROMISED_1956,
    UNCONTESTED,
    area_format,
    facts_markdown,
    format_area,
    format_population,
    island_details,
    island_records,
    island_status,
    islands_table,
    members_of,
    naming,
    naming_counts,
)

ARTICLE_URL = "https://tass.com/world/1014523"  # sources.csv, tass-2018-07-23


@pytest.mark.parametrize(
    ("administered_by", "claimed_by", "in_1956", "status"),
    [
        ("Russia", "Japan", False, CLAIMED),
        ("Russia", "Japan", True, PROMISED_1956),
        ("Russia", "", False, UNCONTESTED),
        ("Japan", "", False, UNCONTESTED),
        ("Japan", "Japan", False, UNCONTESTED),  # a state claiming what it holds is no dispute
    ],
)
def test_island_status(administered_by: str, claimed_by: str, in_1956: bool, status: str) -> None:
    assert island_status(administered_by, claimed_by, in_1956) == status


def test_statuses_from_the_data(dataset: Dataset) -> None:
    status = {island.id: island.status for island in island_records(dataset.islands, dataset.geojson)}
    assert status["iturup"] == status["kunashir"] == CLAIMED
    assert status["shikotan"] == status["habomai"] == status["habomai_signalny"] == PROMISED_1956
    assert status["urup"] == status["hokkaido_east"] == UNCONTESTED


def test_records_join_the_csv_and_the_geojson(dataset: Dataset) -> None:
    records = {island.id: island for island in island_records(dataset.islands, dataset.geojson)}
    feature_ids = {feature["properties"]["id"] for feature in dataset.geojson["features"]}
    assert set(records) == set(dataset.islands["id"]) | feature_ids
    assert records["habomai"].geometry is None  # the group is drawn through its members
    assert records["habomai_dyomin"].is_point
    assert records["hokkaido_east"].listed is False
    assert records["hokkaido_east"].clipped is True
    assert records["hokkaido_east"].administered_by == "Japan"
    assert records["kunashir"].clipped is False


@pytest.mark.parametrize(
    ("population", "year", "text"),
    [
        (6799, 2021, "6,799 (2021)"),
        (0, None, "no permanent civilian population"),
        (0, 2010, "no permanent civilian population (2010)"),
        (7000, None, "7,000"),
        (None, None, "not published"),
    ],
)
def test_format_population(population: int | None, year: int | None, text: str) -> None:
    assert format_population(population, year) == text


@pytest.mark.parametrize(
    ("area", "text"), [(3139.0, "3,139 km²"), (58.72, "58.72 km²"), (12.1, "12.1 km²"), (None, "not published")]
)
def test_format_area(area: float | None, text: str) -> None:
    assert format_area(area) == text


def test_members_of_a_group_and_of_a_single_island() -> None:
    groups = {"habomai": "habomai", "habomai_yuri": "habomai", "habomai_zeleny": "habomai", "iturup": "iturup"}
    assert members_of("habomai", groups) == {"habomai", "habomai_yuri", "habomai_zeleny"}
    assert members_of("iturup", groups) == {"iturup"}
    assert members_of("habomai_yuri", groups) == {"habomai_yuri"}


def test_naming_counts_the_group_for_a_member_and_the_members_for_the_group() -> None:
    groups = {"habomai": "habomai", "habomai_yuri": "habomai", "shikotan": "shikotan"}
    frame = pd.DataFrame(
        {"id": ["group", "member", "other"], "islands": [("habomai",), ("habomai_yuri",), ("shikotan",)]}
    )
    assert list(naming(frame, "habomai_yuri", groups)["id"]) == ["group", "member"]
    assert list(naming(frame, "habomai", groups)["id"]) == ["group", "member"]
    assert list(naming(frame, "shikotan", groups)["id"]) == ["other"]


@pytest.mark.parametrize("first_year", [1850, 1956, 2000, 2024])
def test_the_naming_counts_count_as_naming_does(dataset: Dataset, first_year: int) -> None:
    groups = island_groups(dataset.islands)
    kept = dataset.events[dataset.events["date"].dt.year >= first_year]
    counts = naming_counts(kept, dataset.islands["id"], groups)
    assert counts == {island: len(naming(kept, island, groups)) for island in dataset.islands["id"]}
    assert counts["shikotan"] > 0


def test_details_of_shikotan(dataset: Dataset) -> None:
    details = island_details(dataset, dataset.events, dataset.statements, "shikotan")
    facts = dict(details.facts)
    row = dataset.islands.set_index("id").loc["shikotan"]
    assert facts["English name"] == "Shikotan"
    assert facts["Japanese name"] == f"{row['name_ja_romaji']} {row['name_ja_kanji']}"
    assert facts["Area"] == format_area(row["area_km2"])
    assert facts["Population"] == format_population(row["population"], row["population_year"])
    assert (facts["Administered by"], facts["Claimed by"]) == ("Russia", "Japan")
    assert facts["1956 declaration"] == "Promised to Japan after a peace treaty"
    assert "Part of" not in facts
    assert "1956-joint-declaration" in set(details.events["id"])
    assert "2010-medvedev-visits-kunashir" not in set(details.events["id"])  # the 2010 visit names Kunashir only
    assert set(details.statements["Speaker"]) == {"Chuichi Date", "Russian Foreign Ministry"}
    assert set(details.statements["Source"]) == {ARTICLE_URL}
    assert "date unknown" in set(details.statements["Date"])  # the ministry's statement has no date


def test_each_figure_shown_comes_with_its_page_and_any_other_published_figure_with_its_own(dataset: Dataset) -> None:
    details = island_details(dataset, dataset.events, dataset.statements, "shikotan")
    figures = dataset.island_figures[dataset.island_figures["island_id"] == "shikotan"]
    areas = figures[figures["figure"] == "area_km2"]
    assert len(areas) >= 2, "the data records that sources disagree on Shikotan's area"
    text = facts_markdown(details)
    [area_line] = [line for line in text.splitlines() if line.startswith("- **Area:**")]
    shown = dataset.islands.set_index("id").loc["shikotan", "area_km2"]
    stated, other = details.figures["area_km2"][0], details.figures["area_km2"][1]
    assert stated.value == shown and other.value != shown
    assert area_line.index(stated.url) < area_line.index("also published") < area_line.index(other.url)
    assert set(areas["url"]) <= {source.url for source in details.figures["area_km2"]}


def test_details_of_an_islet_name_its_group_and_the_group_s_events(dataset: Dataset) -> None:
    details = island_details(dataset, dataset.events, dataset.statements, "habomai_zeleny")
    facts = dict(details.facts)
    assert facts["Part of"] == "Habomai Islands"
    assert facts["Population"] == "no permanent civilian population"
    assert "1956-joint-declaration" in set(details.events["id"])


def test_details_follow_the_frames_they_are_given(dataset: Dataset) -> None:
    recent = dataset.events[dataset.events["date"].dt.year >= 2024]
    details = island_details(dataset, recent, dataset.statements.iloc[0:0], "iturup")
    assert set(details.events["id"]) <= set(recent["id"])
    assert details.statements.empty


def test_islands_table_has_a_row_per_island_of_the_csv(dataset: Dataset) -> None:
    table = islands_table(dataset.islands, dataset.geojson)
    assert table["Island"].tolist() == dataset.islands["name_en"].tolist()
    rows = table.set_index("Island")
    iturup = dataset.islands.set_index("id").loc["iturup"]
    assert rows.loc["Iturup", "Population"] == format_population(iturup["population"], iturup["population_year"])
    assert rows.loc["Iturup", "1956 declaration"] == "not included"
    assert rows.loc["Polonsky Island", "Part of"] == "Habomai Islands"
    assert rows.loc["Polonsky Island", "1956 declaration"] == "promised"
    assert rows.loc["Urup", "Claimed by"] == "not claimed"
    assert pd.isna(rows.loc["Signalny Island (Kaigara rock)", "Area (km²)"])
    assert table["Source"].tolist() == dataset.islands["source_url"].tolist()  # where each row's facts come from


@pytest.mark.parametrize(("language", "grouping"), [("en", ","), ("ja", ","), ("ru", "\N{NO-BREAK SPACE}")])
def test_the_table_s_areas_are_grouped_as_the_page_s_language_groups_them(language: str, grouping: str) -> None:
    use_language(language)
    try:
        # Streamlit's printf format: "'" then the character that groups the thousands, "," to group them.
        assert area_format() == f"%'{grouping},g"
    finally:
        use_language(ENGLISH)
