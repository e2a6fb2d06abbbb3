"""The map page through AppTest: the details panel of the selected island, its empty states and the
islands table. (st_folium is an UnknownElement here: the map itself is tested as an object in
tests/views/test_map_*.py and in the browser.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.model.load import read_dataset
from lib.ui.data import DATA_DIR_VARIABLE
from tests.apptest import run_page
from tests.conftest import EditCell

PAGE = "pages/map.py"
ISLANDS = read_dataset().dataset.islands  # type: ignore[union-attr]


def markdown(app: AppTest) -> str:
    return "\n".join(element.value for element in app.main.markdown)


def test_without_a_selection_the_page_invites_a_click_and_lists_every_island() -> None:
    app = run_page(PAGE)
    assert not app.exception
    assert app.title[0].value == "Map of the southern Kurils"
    assert any("Click an island on the map" in info.value for info in app.main.info)
    table = app.main.dataframe[0].value
    assert table["Island"].tolist() == ISLANDS["name_en"].tolist()


def test_the_selected_island_gets_its_details_panel() -> None:
    app = run_page(PAGE, island="shikotan")
    assert not app.exception
    assert [header.value for header in app.main.subheader] == ["Shikotan", "All islands"]
    text = markdown(app)
    for fact in ("Area:** 225 km²", "Population:** 2,820 \\(2010\\)", "Claimed by:** Japan"):
        assert fact in text
    assert "Promised to Japan after a peace treaty" in text
    events, statements, islands = (frame.value for frame in app.main.dataframe)
    assert "Soviet-Japanese Joint Declaration signed in Moscow" in set(events["Event"])
    assert set(statements["Speaker"]) == {"Chuichi Date", "Russian Foreign Ministry"}
    assert len(islands) == len(ISLANDS)
    assert app.session_state["filters"].island == "shikotan"


def test_the_panel_follows_the_sidebar_country_and_years() -> None:
    app = run_page(PAGE, island="shikotan", country="Japan", **{"from": "2019"})
    assert not app.exception
    events = app.main.dataframe[0].value
    assert events["Date"].str[-4:].astype(int).min() >= 2019
    assert any("No statement in the sidebar's countries and years" in info.value for info in app.main.info)


def test_the_statements_search_box_does_not_hide_statements_on_the_map_page() -> None:
    app = run_page(PAGE, island="shikotan", q="no statement says this")
    statements = app.main.dataframe[1].value
    assert len(statements) == 2


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
