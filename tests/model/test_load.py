"""The loader: typed output from the real data, and one broken fixture per validation rule."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from lib.model.load import Problem, read_dataset
from lib.model.schema import TABLES
from tests.conftest import EditCell


def only_problem(data_dir: Path) -> Problem:
    result = read_dataset(data_dir)
    assert result.dataset is None, "a broken dataset must not load"
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    return result.problems[0]


def test_the_real_dataset_loads_typed() -> None:
    result = read_dataset()
    assert result.problems == ()
    dataset = result.dataset
    assert dataset is not None
    assert pd.api.types.is_datetime64_any_dtype(dataset.events["date"])
    assert pd.api.types.is_datetime64_any_dtype(dataset.statements["date"])
    assert dataset.islands["in_1956_declaration"].dtype == bool
    assert isinstance(dataset.events["countries"].iloc[0], tuple)
    assert dataset.events["date"].is_monotonic_increasing
    # Text as Python strings, not pandas' Arrow-backed "str": each filter copies the kept rows, and
    # copying Arrow text moved megabytes per run at 1000 times today's rows.
    for text in (dataset.events["title"], dataset.statements["quote"], dataset.islands["id"], dataset.sources["id"]):
        assert text.dtype == object and isinstance(text.iloc[0], str)


def test_precision_is_kept_beside_the_parsed_date() -> None:
    dataset = read_dataset().dataset
    assert dataset is not None
    undated = dataset.statements[dataset.statements["date_precision"] == "unknown"]
    assert not undated.empty and undated["date"].isna().all()
    yearly = dataset.events[dataset.events["date_precision"] == "year"]
    assert not yearly.empty and (yearly["date"].dt.strftime("%m-%d") == "01-01").all()


def test_every_row_of_every_file_is_kept(data_copy: Path) -> None:
    dataset = read_dataset(data_copy).dataset
    assert dataset is not None
    for table in TABLES:
        lines = (data_copy / table.file).read_text(encoding="utf-8").splitlines()
        frame = getattr(dataset, table.file.removesuffix(".csv"))
        # No field in the real data spans lines, so rows = lines - header.
        assert len(frame) == len(lines) - 1, table.file


@pytest.mark.parametrize(
    ("file", "row_id", "column", "value", "reason"),
    [
        ("statements.csv", "date-trust-abe-putin", "speaker", "", "is empty but required"),
        ("statements.csv", "date-trust-abe-putin", "kind", "paraphrase", "allowed values: direct, reported"),
        ("statements.csv", "date-trust-abe-putin", "country", "Japn", "allowed values"),
        ("statements.csv", "date-trust-abe-putin", "date", "23/07/2018", "YYYY-MM-DD"),
        ("statements.csv", "date-trust-abe-putin", "date", "2018-02-30", "not a real date"),
        ("statements.csv", "date-trust-abe-putin", "date_precision", "week", "allowed values"),
        ("statements.csv", "date-trust-abe-putin", "source_id", "tass-1999", "is not an id in sources.csv"),
        ("statements.csv", "date-trust-abe-putin", "islands", "kunashir;atlantis", "is not an id in islands.csv"),
        ("statements.csv", "date-trust-abe-putin", "islands", "kunashir;;iturup", "empty item"),
        ("statements.csv", "date-trust-abe-putin", "role_source_url", "javascript:alert(1)", "not an http(s) address"),
        (
            "statements.csv",
            "date-trust-abe-putin",
            "evidence",
            '"We hope for serious progress in talks on the basis of trust relations between Japanese Prime Minister Shinzo Abe and Russian President Vladimir Putin." he whispered.',
            "not found verbatim in the text",
        ),
        ("statements.csv", "date-trust-abe-putin", "quote", "We fear no progress.", "not found verbatim inside"),
        ("events.csv", "1956-joint-declaration", "end_date", "1956-10-01", "is before date"),
        ("events.csv", "1956-joint-declaration", "countries", "Japan;Atlantis", "allowed values"),
        ("events.csv", "1956-joint-declaration", "event_type", "party", "allowed values"),
        ("events.csv", "1956-joint-declaration-in-force", "date_precision", "unknown", "allowed values"),
        ("events.csv", "1956-joint-declaration-in-force", "date", "2999-01-01", "in the future"),
        ("events.csv", "1956-joint-declaration-in-force", "end_date", "2999-01-01", "in the future"),
        ("islands.csv", "kunashir", "lat", "north", "not a number"),
        ("islands.csv", "kunashir", "lat", "95", "above 90"),
        ("islands.csv", "kunashir", "lon", "-181", "below -180"),
        ("islands.csv", "kunashir", "area_km2", "0", "must be above 0"),
        ("islands.csv", "kunashir", "area_km2", "-3", "must be above 0"),
        ("islands.csv", "urup", "population", "-1", "below 0"),
        ("islands.csv", "urup", "population_year", "2999", "in the future"),
        ("islands.csv", "kunashir", "in_1956_declaration", "yes", "write true or false"),
        ("islands.csv", "kunashir", "group", "kurils", "is not an id in islands.csv"),
        ("sources.csv", "tass-2018-07-23", "url", "tass.com/world/1014523", "not an http(s) address"),
        ("sources.csv", "tass-2018-07-23", "published", "July 23", "YYYY-MM-DD"),
        ("publishers.csv", "tass.com", "kind", "blog", "allowed values"),
        ("publishers.csv", "tass.com", "host", "https://tass.com", "write a host name"),
        ("statements.csv", "date-trust-abe-putin", "role", "Speaker\x00", "control character"),
        ("story.csv", "war-1945", "events", "1945-yalta-agreement;1945-atlantis", "is not an id in events.csv"),
        ("story.csv", "war-1945", "events", "", "is empty but required"),
        ("story.csv", "war-1945", "islands", "iturup;atlantis", "is not an id in islands.csv"),
        ("story.csv", "war-1945", "text", "", "is empty but required"),
        ("story.csv", "war-1945", "text", "  ", "is empty but required"),
        ("story.csv", "war-1945", "title", "", "is empty but required"),
        ("story.csv", "war-1945", "order", "third", "not a whole number"),
        ("story.csv", "war-1945", "order", "0", "below 1"),
        (
            "story.csv",
            "annexation-1946",
            "text",
            "As TASS put it, “all Kuril Islands were handed over.”",
            "quotes “all Kuril Islands were handed over.”, which is not found verbatim in any source article",
        ),
    ],
)
def test_each_broken_cell_is_named(
    data_copy: Path, edit_cell: EditCell, file: str, row_id: str, column: str, value: str, reason: str
) -> None:
    row = edit_cell(file, row_id, column, value)
    problems = read_dataset(data_copy).problems
    problem = next(problem for problem in problems if problem.file == file)
    assert (problem.file, problem.row, problem.column) == (file, row, column)
    assert reason in problem.reason


def test_a_duplicate_id_names_both_rows(data_copy: Path, edit_cell: EditCell) -> None:
    first = edit_cell("statements.csv", "date-hopes-for-progress", "id", "same")
    second = edit_cell("statements.csv", "date-trust-abe-putin", "id", "same")
    problem = only_problem(data_copy)
    assert (problem.file, problem.row, problem.column) == ("statements.csv", second, "id")
    assert f"already used in row {first}" in problem.reason


def test_a_repeated_chapter_order_names_both_rows(data_copy: Path, edit_cell: EditCell) -> None:
    first = edit_cell("story.csv", "war-1945", "order", "7")
    second = edit_cell("story.csv", "memorandum-1960", "order", "7")
    assert first < second
    problem = only_problem(data_copy)
    assert (problem.file, problem.row, problem.column) == ("story.csv", second, "order")
    assert problem.reason == f"7 is already used in row {first}"


def test_the_story_is_in_its_order_whatever_the_rows_order(data_copy: Path, edit_cell: EditCell) -> None:
    edit_cell("story.csv", "first-border-1855", "order", "99")
    story = read_dataset(data_copy).dataset.story
    assert story["order"].is_monotonic_increasing
    assert story["id"].iloc[-1] == "first-border-1855"


def test_all_problems_are_reported_at_once(data_copy: Path, edit_cell: EditCell) -> None:
    edit_cell("statements.csv", "date-trust-abe-putin", "kind", "bad")
    edit_cell("events.csv", "1956-joint-declaration", "event_type", "bad")
    edit_cell("islands.csv", "kunashir", "lat", "bad")
    problems = read_dataset(data_copy).problems
    assert {p.file for p in problems} == {"statements.csv", "events.csv", "islands.csv"}


def test_a_missing_source_text_is_named(data_copy: Path) -> None:
    next((data_copy / "sources").iterdir()).unlink()
    problems = read_dataset(data_copy).problems
    assert any(p.file == "sources.csv" and p.column == "path" and "does not exist" in p.reason for p in problems)


def rewrite(path: Path, change) -> None:
    path.write_bytes(change(path.read_bytes()))


@pytest.mark.parametrize(
    "change",
    [
        lambda b: b"\xef\xbb\xbf" + b,
        lambda b: b.replace(b"\n", b"\r\n"),
        lambda b: b"\n".join(line + (b",extra" if line else b"") for line in b.split(b"\n")),
        lambda b: b + b"\n\n",
    ],
    ids=["byte-order mark", "CRLF line ends", "an extra column", "trailing blank lines"],
)
def test_what_spreadsheets_write_loads_unchanged(data_copy: Path, change) -> None:
    original = read_dataset(data_copy).dataset
    rewrite(data_copy / "statements.csv", change)
    changed = read_dataset(data_copy)
    assert changed.problems == ()
    assert changed.dataset is not None and original is not None
    pd.testing.assert_frame_equal(changed.dataset.statements, original.statements)


def test_a_geojson_feature_must_name_a_known_island(data_copy: Path) -> None:
    path = data_copy / "islands.geojson"
    geojson = json.loads(path.read_text(encoding="utf-8"))
    geojson["features"][0]["properties"]["id"] = "atlantis"
    path.write_text(json.dumps(geojson), encoding="utf-8")
    messages = [str(p) for p in read_dataset(data_copy).problems]
    assert "islands.geojson, row 1, column 'properties.id': 'atlantis' is not an id in islands.csv" in messages
    assert "islands.csv, row 2, column 'id': 'iturup' has no feature in islands.geojson" in messages


def test_a_geojson_that_is_not_json_is_named(data_copy: Path) -> None:
    (data_copy / "islands.geojson").write_text("{not json", encoding="utf-8")
    problems = read_dataset(data_copy).problems
    assert any(p.file == "islands.geojson" and "not valid UTF-8 JSON" in p.reason for p in problems)


def test_a_missing_file_is_named(data_copy: Path) -> None:
    (data_copy / "events.csv").unlink()
    assert any(p.file == "events.csv" and p.reason == "the file is missing" for p in read_dataset(data_copy).problems)


def test_evidence_is_compared_with_the_source_bytes_line_ends_included(data_copy: Path, edit_cell: EditCell) -> None:
    source = data_copy / "sources" / "tass-2018-07-23-japan-hopes-for-progress.txt"
    # A sentence no other row quotes, broken outside its quotation.
    source.write_bytes(source.read_bytes().replace(b"Matviyenko, in turn,", b"Matviyenko,\r\nin turn,"))
    evidence = read_dataset().dataset.statements.set_index("id").loc["matviyenko-strong-impetus", "evidence"]
    row = edit_cell("statements.csv", "matviyenko-strong-impetus", "evidence", evidence.replace(", in", ",\r\nin", 1))
    assert read_dataset(data_copy).problems == ()
    edit_cell("statements.csv", "matviyenko-strong-impetus", "evidence", evidence.replace(", in", ",\nin", 1))
    problem = only_problem(data_copy)
    assert (problem.row, problem.column) == (row, "evidence")
