"""Every page through AppTest: it runs, broken data shows the error panel, the filters a link set
are named, and no page changes the dataset every session shares."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pandas as pd
import pytest

from lib.model.filters import Filters
from lib.model.load import read_dataset
from lib.ui.data import DATA_DIR_VARIABLE, load_dataset
from lib.views.downloads import download_label
from tests.apptest import PAGE_FILES, run_page
from tests.conftest import EditCell


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_every_page_runs_without_an_exception(page_file: str) -> None:
    app = run_page(page_file)
    assert not app.exception
    assert not app.error
    assert app.title, "every page has a title"


# A link with filters: each page's CSV holds what the page shows, filtered as shown (the Story its
# first chapter, told whole; the Map every island; the Overview the two positions, which the filters
# leave whole).
LINK = {"country": "Japan", "from": "1950", "to": "2020"}


def expected_downloads(page_file: str) -> list[str]:
    dataset = read_dataset().dataset
    assert dataset is not None
    filters = Filters(country="Japan", year_from=1950, year_to=2020)
    first_chapter = dataset.story.sort_values("order").iloc[0]
    return {
        "pages/home.py": [download_label(len(dataset.positions), "position")],
        "pages/story.py": [download_label(len(first_chapter["events"]), "event")],
        "pages/map.py": [download_label(len(dataset.islands), "island")],
        "pages/timeline.py": [download_label(len(dataset.filtered_events(filters)), "event")],
        "pages/statements.py": [download_label(len(dataset.filtered_statements(filters)), "statement")],
    }[page_file]


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_every_page_offers_what_it_shows_as_csv(page_file: str) -> None:
    app = run_page(page_file, **LINK)
    labels = [button.label for button in app.get("download_button") if button.label.endswith("(CSV)")]
    assert labels == expected_downloads(page_file)


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_broken_data_shows_the_error_panel_and_nothing_else(
    page_file: str, data_copy: Path, edit_cell: EditCell, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit_cell("events.csv", "1956-joint-declaration", "event_type", "<script>alert(1)</script>")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    app = run_page(page_file)
    assert not app.exception
    assert "1 problem" in app.error[0].value
    problems = app.dataframe[0].value
    assert list(problems.columns) == ["file", "row", "column", "problem"]
    assert list(problems["file"]) == ["events.csv"]
    assert "<script>" in problems["problem"].iloc[0]  # shown as text in a table cell
    assert not app.title, "nothing built on broken data is drawn"


@pytest.mark.parametrize("page_file", [page for page in PAGE_FILES if not page.endswith("home.py")])
def test_every_page_names_the_filters_a_link_opened_it_with(page_file: str) -> None:
    # The sidebar is folded away on a phone: the page itself says what it is filtered by.
    linked = run_page(page_file, country="Japan", island="shikotan", **{"from": "1950", "to": "2000"})
    assert any("Filters: Japan · 1950–2000 · Shikotan" in caption.value for caption in linked.caption)
    unfiltered = run_page(page_file)
    assert not any("Filters: " in caption.value for caption in unfiltered.caption)


def test_a_bad_url_parameter_shows_a_notice_and_the_default() -> None:
    app = run_page("pages/home.py", country="Atlantis", island="kunashir")
    assert not app.exception
    assert app.sidebar.radio(key="filter_country").value == "Both"
    assert app.sidebar.selectbox(key="filter_island").value == "kunashir"
    assert any("country=Atlantis" in warning.value for warning in app.main.warning)
    assert dict(app.query_params) == {"island": "kunashir"}


def test_no_page_changes_the_dataset_every_session_shares() -> None:
    """The dataset is one object shared by every session (st.cache_resource): pages only read it."""
    for page_file in PAGE_FILES:
        app = run_page(page_file, country="Japan", island="kunashir")
        app.sidebar.radio(key="filter_country").set_value("Russia").run()
        assert not app.exception
    shared = load_dataset().dataset
    assert shared is load_dataset().dataset, "one object, not a copy per call"
    fresh = read_dataset().dataset
    tables = [
        field.name for field in dataclasses.fields(shared) if isinstance(getattr(shared, field.name), pd.DataFrame)
    ]
    assert {"events", "readings", "positions"} <= set(tables)
    for table in tables:
        pd.testing.assert_frame_equal(getattr(shared, table), getattr(fresh, table))
    assert shared.geojson == fresh.geojson
    assert shared.texts == fresh.texts


# Each page's own parameters, given a value no data has.
UNKNOWN_CHOICES = [
    ("pages/story.py", {"chapter": "no-such-chapter"}),
    ("pages/timeline.py", {"event": "no-such-event"}),
    ("pages/statements.py", {"statement": "no-such-statement"}),
    ("pages/statements.py", {"speaker": "No Such Speaker"}),
]


@pytest.mark.parametrize("language", ["ja", "ru"])
@pytest.mark.parametrize(("page_file", "query"), UNKNOWN_CHOICES)
def test_a_link_s_unknown_choice_is_named_in_the_reader_s_language(
    page_file: str, query: dict[str, str], language: str
) -> None:
    app = run_page(page_file, lang=language, **query)
    [warning] = app.warning
    # The parameter is echoed as the link has it, between “ ”; every other word is the reader's language's.
    words = re.sub(r"“[^”]*”", "", warning.value.replace("\\", ""))
    assert not re.search("[A-Za-z]", words), warning.value
