"""The map page through AppTest: the details panel of the selected island, its empty states and the
islands table. (st_folium is an UnknownElement here: the map itself is tested as an object in
tests/views/test_map_*.py and in the browser.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.model.dataset import Dataset
from lib.ui.data import DATA_DIR_VARIABLE
from lib.views.islands import format_area, format_population
from lib.views.markdown import escape_markdown
from tests.apptest import run_page
from tests.conftest import EditCell

PAGE = "pages/map.py"


def markdown(app: AppTest) -> str:
    return "\n".join(element.value for element in app.main.markdown)


def test_without_a_selection_the_page_invites_a_click_and_lists_every_island(dataset: Dataset) -> None:
    app = run_page(PAGE)
    assert not app.exception
    assert app.title[0].value == "Map of the southern Kurils"
    assert any("Click or tap an island on the map" in info.value for info in app.main.info)
    table = app.main.dataframe[0].value
    assert table["Island"].tolist() == dataset.islands["name_en"].tolist()
    assert table["Area (km²)"].isna().any()  # Signalny's: shown as words, not as "None"
    assert app.main.dataframe[0].proto.placeholder == "not published"


def test_the_selected_island_gets_its_details_panel(dataset: Dataset) -> None:
    app = run_page(PAGE, island="shikotan")
    assert not app.exception
    assert [header.value for header in app.main.subheader] == ["Shikotan", "All islands"]
    text = markdown(app)
    row = dataset.islands.set_index("id").loc["shikotan"]
    area, population = format_area(row["area_km2"]), format_population(row["population"], row["population_year"])
    for fact in (
        f"Area:** {escape_markdown(area)}",
        f"Population:** {escape_markdown(population)}",
        "Claimed by:** Japan",
    ):
        assert fact in text
    assert "Promised to Japan after a peace treaty" in text
    declaration = dataset.events.set_index("id").loc["1956-joint-declaration", "title"]
    assert escape_markdown(declaration) in text, "the events naming it, with their sources"
    statements, islands = (frame.value for frame in app.main.dataframe)
    assert set(statements["Speaker"]) == {"Chuichi Date", "Russian Foreign Ministry"}
    assert len(islands) == len(dataset.islands)
    assert app.sidebar.selectbox(key="filter_island").value == "shikotan"


def test_the_panel_follows_the_filters_country_and_years(dataset: Dataset) -> None:
    app = run_page(PAGE, island="shikotan", country="Japan", **{"from": "2019"})
    assert not app.exception
    text = markdown(app)
    for event in dataset.events.to_dict("records"):
        if "shikotan" in event["islands"] and event["date"].year < 2019:
            assert escape_markdown(event["title"]) not in text
    assert any("No statement in the country and years of the filters" in info.value for info in app.main.info)


def test_a_group_lists_what_names_any_of_its_islands() -> None:
    app = run_page(PAGE, island="habomai")
    assert app.main.subheader[0].value == "Habomai Islands"
    assert "no permanent civilian population" in markdown(app)


def test_what_the_page_keeps_per_data_version_follows_an_edit(
    data_copy: Path, edit_cell: EditCell, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    assert "Urup" in run_page(PAGE).main.dataframe[0].value["Island"].tolist()
    edit_cell("islands.csv", "urup", "name_en", "Urup Renamed")
    app = run_page(PAGE)
    assert "Urup Renamed" in app.main.dataframe[0].value["Island"].tolist()
    assert any("Urup Renamed" in caption.value for caption in app.main.caption)  # the legend in words


def test_hostile_names_in_the_panel_are_text(hostile_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(hostile_dir))
    app = run_page(PAGE, island="kunashir")
    assert not app.exception
    assert not app.error
    shown = app.main.subheader[0].value + markdown(app)
    assert "<" not in shown.replace("\\<", "")  # every tag from the data is escaped


def test_the_download_offers_every_island_the_table_lists(dataset: Dataset) -> None:
    [download] = run_page(PAGE, island="shikotan").get("download_button")
    assert download.label == f"Download {len(dataset.islands)} islands (CSV)"


def test_in_russian_the_page_and_its_table_name_the_islands_in_russian(dataset: Dataset) -> None:
    app = run_page(PAGE, lang="ru")
    assert not app.exception
    cyrillic = re.compile("[\u0400-\u04ff]")
    table = app.main.dataframe[0].value
    assert all(cyrillic.search(header) for header in table.columns), list(table.columns)
    assert table.iloc[:, 0].tolist() == dataset.islands["name_ru_cyrillic"].tolist()
    for text in (app.title[0].value, app.main.info[0].value, *(caption.value for caption in app.main.caption)):
        assert cyrillic.search(text), text
    assert app.main.dataframe[0].proto.placeholder != "not published"


@pytest.mark.parametrize(("language", "grouping"), [("en", ","), ("ru", "\N{NO-BREAK SPACE}")])
def test_the_table_s_areas_are_grouped_as_the_page_s_language_groups_them(language: str, grouping: str) -> None:
    app = run_page(PAGE, lang=language)
    table = app.main.dataframe[0]
    area = next(header for header in table.value.columns if "²" in header)  # Area (km²), in the language
    # A printf format, which the table sorts as numbers, not "localized", which follows the browser's locale.
    assert json.loads(table.proto.columns)[area]["type_config"]["format"] == f"%'{grouping},g"
