"""Every table can be read whole on a phone: its first column is pinned, so a table swiped sideways
still names its rows, and its rows are over 64 px high, where st.dataframe wraps a cell's text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.ui.data import DATA_DIR_VARIABLE
from tests.apptest import run_page
from tests.conftest import EditCell

WRAPS_OVER_PX = 64  # st.dataframe wraps text in rows over 4rem


def first_columns(app: AppTest) -> list[tuple[str, dict, int]]:
    """Each table's first shown column, its config and the table's row height."""
    tables = []
    for table in app.dataframe:
        config = json.loads(table.proto.columns)
        shown = list(table.proto.column_order) or list(table.value.columns)
        tables.append((shown[0], config.get(shown[0], {}), table.proto.row_height))
    return tables


@pytest.mark.parametrize(
    ("page", "query", "first"),
    [
        ("pages/statements.py", {}, ["speaker"]),
        ("pages/map.py", {}, ["Island"]),
        ("pages/map.py", {"island": "iturup"}, ["Date", "Island"]),
    ],
)
def test_every_table_pins_its_first_column_and_wraps_its_text(page: str, query: dict, first: list[str]) -> None:
    app = run_page(page, **query)
    assert not app.exception
    tables = first_columns(app)
    assert [name for name, _, _ in tables] == first
    for name, config, row_height in tables:
        assert config.get("pinned") is True, name
        assert row_height > WRAPS_OVER_PX, name


def test_the_error_panel_pins_the_file_and_wraps_the_reason(
    data_copy: Path, edit_cell: EditCell, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit_cell("events.csv", "1956-joint-declaration", "event_type", "not a type " * 20)
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    [(name, config, row_height)] = first_columns(run_page("pages/timeline.py"))
    assert (name, config.get("pinned"), row_height > WRAPS_OVER_PX) == ("file", True, True)
