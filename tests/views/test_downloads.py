"""The CSV builders behind every page's download: the columns, the rows shown and nothing else, the
sources flattened into readable columns, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
import re

import pandas as pd
import pytest

from lib.i18n import ENGLISH, _, use_language
from lib.model.dataset import Dataset
from lib.model.filters import Filters
from lib.model.load import DATA_DIR
from lib.views.downloads import (
    csv_bytes,
    download_label,
    events_frame,
    islands_frame,
    positions_frame,
)
from lib.views.provenance import event_citations, figure_sources
from lib.views.wording import LIST_SEPARATOR

# The events CSV's columns, in the order a reader's spreadsheet shows them.
EVENT_HEADER = [
    "Date",
    "Date (ISO, at its precision)",
    "End date (ISO)",
    "Title",
    "Description",
    "Countries",
    "Islands",
    "Type",
    "Sources",
    "What each source states",
    "Evidence",
    "Event id",
]


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # a byte-order mark, for spreadsheets
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_events_csv_has_one_row_per_event_shown_with_its_sources_readable(dataset: Dataset) -> None:
    shown = dataset.filtered_events(Filters(country="Japan", year_from=1950, year_to=2000))
    rows = read_csv(csv_bytes(events_frame(shown, dataset.derived(event_citations), dataset.island_names)))
    assert list(rows[0]) == EVENT_HEADER
    assert sorted(row["Event id"] for row in rows) == sorted(shown["id"])
    assert [row["Date (ISO, at its precision)"] for row in rows] == sorted(
        row["Date (ISO, at its precision)"] for row in rows
    )
    declaration = next(row for row in rows if row["Event id"] == "1956-joint-declaration")
    event_sources = dataset.event_sources[dataset.event_sources["event_id"] == "1956-joint-declaration"]
    for url in event_sources["url"]:
        if url:
            assert f": {url}" in declaration["Sources"]
    for sentence in event_sources["evidence"]:
        assert sentence in declaration["Evidence"]
    assert declaration["Date"] == "19 Oct 1956"
    assert "Japan" in declaration["Countries"].split(LIST_SEPARATOR)


def test_every_source_is_named_publisher_then_url(dataset: Dataset) -> None:
    citations = dataset.derived(event_citations)
    frame = events_frame(dataset.events, citations, dataset.island_names)
    for event_id, sources in zip(frame["Event id"], frame["Sources"], strict=True):
        assert sources == LIST_SEPARATOR.join(f"{c.publisher}: {c.url}" for c in citations[event_id])


def test_no_events_make_a_csv_of_the_header_alone(dataset: Dataset) -> None:
    empty = dataset.events.iloc[0:0]
    assert read_csv(csv_bytes(events_frame(empty, {}, dataset.island_names))) == []
    assert csv_bytes(events_frame(empty, {}, {})).decode("utf-8-sig").strip() == ",".join(
        f'"{name}"' if "," in name else name for name in EVENT_HEADER
    )


def test_cells_that_a_spreadsheet_would_run_are_defused() -> None:
    frame = pd.DataFrame(
        {"a": ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tTab", "plain", None], "n": [1, 2, 3, 4, 5, 6, 7]}
    )
    rows = read_csv(csv_bytes(frame))
    assert [row["a"] for row in rows] == ['\'=HYPERLINK("http://x")', "'+1", "'-2", "'@SUM(A1)", "'\tTab", "plain", ""]
    assert [row["n"] for row in rows] == [str(n) for n in range(1, 8)]


def test_the_islands_csv_lists_every_island_with_its_figures_and_their_pages(dataset: Dataset) -> None:
    frame = islands_frame(dataset.islands, dataset.geojson, dataset.derived(figure_sources))
    rows = read_csv(csv_bytes(frame))
    assert [row["Island id"] for row in rows] == dataset.islands["id"].tolist()
    iturup = rows[0]
    with (DATA_DIR / "islands.csv").open(encoding="utf-8", newline="") as handle:
        [stored] = [row for row in csv.DictReader(handle) if row["id"] == "iturup"]
    assert iturup["Island"] == stored["name_en"]
    assert iturup["Population year"] == stored["population_year"], "a year as the file writes it, not 2016.0"
    figures = dataset.island_figures[dataset.island_figures["island_id"] == "iturup"]
    for url in figures["url"]:
        assert url in iturup["Area stated by"] + iturup["Population stated by"]
    assert iturup["Names and status checked at"] == stored["source_url"]


def test_in_russian_the_islands_csv_names_countries_and_statuses_in_russian(dataset: Dataset) -> None:
    use_language("ru")
    try:
        frame = islands_frame(dataset.islands, dataset.geojson, dataset.derived(figure_sources))
        columns = [_("Administered by"), _("Claimed by"), _("1956 declaration")]
    finally:
        use_language(ENGLISH)
    for column in columns:
        assert all(re.fullmatch(r"[\u0400-\u04ff ]+", value) for value in frame[column]), column


def test_the_label_counts_the_rows() -> None:
    assert download_label(1, "event") == "Download 1 event (CSV)"
    assert download_label(1234, "island") == "Download 1,234 islands (CSV)"


@pytest.fixture
def russian():
    use_language("ru")
    yield
    use_language(ENGLISH)


def test_the_label_takes_each_russian_form_of_its_count(russian: None) -> None:
    # One, few and many: 1 and 21 событие, 3 события, 5 and 11 событий; 1 234 as Russian writes it.
    assert [download_label(count, "event") for count in (1, 21, 3, 5, 11)] == [
        f"Скачать {count} {word} (CSV)"
        for count, word in [(1, "событие"), (21, "событие"), (3, "события"), (5, "событий"), (11, "событий")]
    ]
    assert download_label(1234, "island") == "Скачать 1\N{NO-BREAK SPACE}234 острова (CSV)"


def test_a_translated_csv_keeps_its_japanese_and_cyrillic_through_its_bytes(dataset: Dataset, russian: None) -> None:
    japanese = dataset.positions.assign(summary="日本政府は四島が日本に帰属すると述べている。")
    data = csv_bytes(positions_frame(japanese))
    assert data.startswith("\ufeff".encode()), "a byte-order mark, so that a spreadsheet reads UTF-8"
    rows = read_csv(data)
    header = list(rows[0])
    assert all(re.search("[\u0400-\u04ff]", name) for name in header), header
    assert {row[header[1]] for row in rows} == {"日本政府は四島が日本に帰属すると述べている。"}
