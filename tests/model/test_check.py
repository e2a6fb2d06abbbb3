from pathlib import Path

import pandas as pd
import pytest

from lib.check import cited_urls, main, story_problems, wikipedia_problems
from lib.model.dataset import Dataset
from tests.conftest import EditCell
from tests.translations import translation_rows, write_translation_rows, write_translations


def test_check_passes_on_the_real_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert capsys.readouterr().out.startswith("OK:")


def test_check_prints_every_problem_and_fails(
    data_copy: Path, edit_cell: EditCell, capsys: pytest.CaptureFixture[str]
) -> None:
    row = edit_cell("events.csv", "1956-joint-declaration", "event_type", "party")
    edit_cell("islands.csv", "kunashir", "lat", "north")
    assert main([str(data_copy)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"events.csv, row {row}, column 'event_type': is 'party'") for line in out)
    assert any(line.startswith("islands.csv, row 3, column 'lat'") for line in out)
    assert len(out) == 2, out


def translated_copy(data_copy: Path) -> Path:
    """The copy with complete Japanese and Russian translations."""
    write_translations(data_copy, "ja", lambda text: f"訳:{text}")
    write_translations(data_copy, "ru", lambda text: f"перевод: {text}")
    return data_copy


def test_check_passes_on_complete_translations(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(translated_copy(data_copy))]) == 0, capsys.readouterr().out


def test_check_names_each_stale_translation(
    data_copy: Path, edit_cell: EditCell, capsys: pytest.CaptureFixture[str]
) -> None:
    translated_copy(data_copy)
    edit_cell("story.csv", "exchange-1875", "title", "Sakhalin for the Kuril Islands")
    assert main([str(data_copy)]) == 1
    out = capsys.readouterr().out.splitlines()
    row = 1 + next(
        number
        for number, (table, row_id, field, *_) in enumerate(translation_rows(data_copy, str), start=1)
        if (table, row_id, field) == ("story", "exchange-1875", "title")
    )
    assert out == [
        f"translations/{language}.csv, row {row}, column 'english': translates an older English text: "
        "'Sakhalin for the Kurils'"
        for language in ("ja", "ru")
    ]


def test_check_names_each_missing_translation(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    translated_copy(data_copy)
    rows = translation_rows(data_copy, lambda text: f"訳:{text}")
    kept = [row for row in rows if row[:3] != ["events", "1956-joint-declaration", "description"]]
    write_translation_rows(data_copy, "ja", kept)
    (data_copy / "translations" / "ru.csv").unlink()
    assert main([str(data_copy)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "translations/ja.csv: no row translates events.description of '1956-joint-declaration'" in out
    assert any(line.startswith("translations/ru.csv: ") for line in out), "a missing file is named"
    assert len(out) == 2, out


def test_check_names_a_translation_of_no_text(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    translated_copy(data_copy)
    rows = translation_rows(data_copy, lambda text: f"訳:{text}")
    write_translation_rows(data_copy, "ja", [*rows, ["events", "1957-no-such-event", "title", "訳", "No such event"]])
    assert main([str(data_copy)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"translations/ja.csv, row {len(rows) + 2}, column 'id': "
        "events.title of '1957-no-such-event' is no text of the dataset"
    ]


def test_cited_urls_gathers_every_url_column(dataset: Dataset) -> None:
    urls = cited_urls(dataset)
    for frame, column in [
        (dataset.statements, "role_source_url"),
        (dataset.event_sources, "url"),
        (dataset.positions, "url"),
        (dataset.island_figures, "url"),
    ]:
        assert set(frame[column]) - {""} <= urls, column
    assert "" not in urls


def pages(count: int, host: str) -> set[str]:
    return {f"https://{host}/page-{number}" for number in range(count)}


def test_wikipedia_may_be_a_tenth_of_the_cited_pages() -> None:
    assert list(wikipedia_problems(pages(9, "www.mofa.go.jp") | pages(1, "en.wikipedia.org"))) == []


def test_wikipedia_beyond_a_tenth_is_a_problem_naming_its_pages() -> None:
    wikipedia = pages(2, "ja.wikipedia.org")
    [problem] = wikipedia_problems(pages(8, "tass.com") | wikipedia)
    assert problem.reason.startswith("Wikipedia is 2 of the 10 distinct pages cited")
    assert all(url in problem.reason for url in wikipedia)


EVENTS = pd.DataFrame(
    {
        "id": ["treaty-1855", "war-1904", "declaration-1956", "talks-2018"],
        "date": pd.to_datetime(["1855-02-07", "1904-02-08", "1956-10-19", "2018-07-23"]),
        "event_type": ["treaty", "war", "treaty", "meeting"],
    }
)


def chapter(order: int, events: tuple[str, ...], text: str = "The two countries signed a “declaration”.") -> dict:
    return {"order": order, "text": text, "events": events}


def told_well() -> list[tuple[int, dict]]:
    return [(2, chapter(1, ("treaty-1855", "war-1904"))), (3, chapter(2, ("declaration-1956", "talks-2018")))]


def test_a_story_told_in_order_from_the_first_treaty_to_the_latest_event_has_no_problem() -> None:
    assert list(story_problems(told_well(), EVENTS)) == []


@pytest.mark.parametrize(
    ("change", "row", "column", "reason"),
    [
        ({"text": "word " * 81}, 3, "text", "has 81 words"),
        ({"text": 'Abe said "progress".'}, 3, "text", "quotes in marks other than"),
        ({"text": "Abe said “progress."}, 3, "text", "quotes in marks other than"),
        ({"events": ("talks-2018", "declaration-1956")}, 3, "events", "are not in date order"),
        ({"events": ("declaration-1956",)}, 3, "events", "does not tell the latest event, 'talks-2018'"),
    ],
)
def test_each_break_of_the_story_is_named(change: dict, row: int | None, column: str, reason: str) -> None:
    chapters = told_well()
    chapters[1] = (3, chapters[1][1] | change)
    [problem] = story_problems(chapters, EVENTS)
    assert (problem.file, problem.row, problem.column) == ("story.csv", row, column)
    assert reason in problem.reason


def test_the_first_chapter_tells_the_first_treaty() -> None:
    chapters = told_well()
    chapters[0] = (2, chapter(1, ("war-1904",)))
    [problem] = story_problems(chapters, EVENTS)
    assert (problem.row, problem.column) == (2, "events")
    assert "'treaty-1855'" in problem.reason


def test_the_chapters_start_in_date_order() -> None:
    chapters = [
        (2, chapter(1, ("treaty-1855",))),
        (3, chapter(2, ("declaration-1956",))),
        (4, chapter(3, ("war-1904", "talks-2018"))),
    ]
    [problem] = story_problems(chapters, EVENTS)
    assert (problem.file, problem.row, problem.column) == ("story.csv", None, "order")
    assert "do not start in date order" in problem.reason


def test_check_applies_the_story_s_rules(
    data_copy: Path, edit_cell: EditCell, capsys: pytest.CaptureFixture[str]
) -> None:
    row = edit_cell("story.csv", "first-border-1855", "text", "A long chapter. " * 30)
    assert main([str(data_copy)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"story.csv, row {row}, column 'text': has 90 words; a chapter has at most 80" in out
