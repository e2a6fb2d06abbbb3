"""The dataset in Japanese and Russian: a text is shown in translation only while the translation was
made from its current English; a missing, stale or unreadable translation shows the English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.synthetic import read_rows
from lib.i18n import ENGLISH, use_language
from lib.model.load import read_dataset
from lib.ui.data import DATA_DIR_VARIABLE, load_dataset
from tests.apptest import PAGE_FILES, run_page
from tests.conftest import EditCell
from tests.translations import write_translations

DECLARATION = "1956-joint-declaration"
CYRILLIC, LATIN, JAPANESE = (
    re.compile("[а-яё]", re.I),
    re.compile("[a-z]", re.I),
    re.compile("[\u3040-\u30ff\u4e00-\u9fff]"),
)


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    use_language(ENGLISH)


def english(folder: Path, file: str, key: str, row_id: str) -> dict[str, str]:
    return next(record for record in read_rows(folder / file)[1] if record[key] == row_id)


def test_each_text_is_in_the_language_its_file_translates_it_to(data_copy: Path) -> None:
    write_translations(data_copy, "ja", lambda text: f"訳:{text}")
    dataset = read_dataset(data_copy, "ja").dataset
    event = dataset.events.set_index("id").loc[DECLARATION]
    assert event["title"] == "訳:" + english(data_copy, "events.csv", "id", DECLARATION)["title"]
    assert event["description"] == "訳:" + english(data_copy, "events.csv", "id", DECLARATION)["description"]
    chapter = dataset.story.iloc[0]
    assert chapter["text"] == "訳:" + english(data_copy, "story.csv", "id", chapter["id"])["text"]
    assert all(summary.startswith("訳:") for summary in dataset.positions["summary"])
    # Japan gives two readings of the declaration: each gets its own translation.
    readings = dataset.readings[(dataset.readings["event_id"] == DECLARATION) & (dataset.readings["side"] == "Japan")]
    originals = [r["reading"] for r in read_rows(data_copy / "readings.csv")[1] if r["event_id"] == DECLARATION]
    assert len(readings) == 2
    assert set(readings["reading"]) <= {f"訳:{text}" for text in originals}


def test_english_is_read_unchanged_beside_translations(data_copy: Path) -> None:
    write_translations(data_copy, "ja", lambda text: f"訳:{text}")
    dataset = read_dataset(data_copy, ENGLISH).dataset
    assert (
        dataset.events.set_index("id").loc[DECLARATION, "title"]
        == english(data_copy, "events.csv", "id", DECLARATION)["title"]
    )
    assert not dataset.story["text"].str.startswith("訳:").any()


def test_a_stale_translation_shows_the_current_english(data_copy: Path, edit_cell: EditCell) -> None:
    write_translations(data_copy, "ru", lambda text: f"перевод: {text}")
    edit_cell("events.csv", DECLARATION, "title", "Moscow Declaration, retitled")
    titles = read_dataset(data_copy, "ru").dataset.events.set_index("id")["title"]
    assert titles[DECLARATION] == "Moscow Declaration, retitled"
    assert titles.drop(DECLARATION).str.startswith("перевод: ").all(), "only the edited text falls back"


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.unlink(),
        lambda path: path.write_bytes(b"\xff\xfe not UTF-8"),
        lambda path: path.write_text("table,id,text\nevents,x,y\n", encoding="utf-8"),
        lambda path: path.write_text("", encoding="utf-8"),
    ],
    ids=["missing", "not UTF-8", "a column missing", "empty"],
)
def test_an_unreadable_translation_file_shows_english(data_copy: Path, damage) -> None:
    damage(write_translations(data_copy, "ja", lambda text: f"訳:{text}"))
    result = read_dataset(data_copy, "ja")
    assert result.problems == (), "a translation never keeps the dataset from loading"
    assert result.dataset.events["title"].tolist() == [
        english(data_copy, "events.csv", "id", event_id)["title"] for event_id in result.dataset.events["id"]
    ]


@pytest.mark.parametrize(
    ("language", "iturup", "habomai_oskolki"),
    [("en", "Iturup", "Oskolki islets"), ("ja", "択捉島", "Oskolki islets"), ("ru", "Итуруп", "острова Осколки")],
)
def test_island_names_are_those_of_the_language(language: str, iturup: str, habomai_oskolki: str) -> None:
    """Japan's gazetteer names no Oskolki islet: its Japanese name is the English one."""
    names = read_dataset(language=language).dataset.island_names
    assert (names["iturup"], names["habomai_oskolki"]) == (iturup, habomai_oskolki)
    assert len(names) == 13


def test_the_app_loads_the_dataset_once_per_language(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_translations(data_copy, "ja", lambda text: f"訳:{text}")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    use_language("ja")
    japanese = load_dataset().dataset
    use_language(ENGLISH)
    english_one = load_dataset().dataset
    assert japanese.language == "ja" and japanese.events["title"].str.startswith("訳:").all()
    assert not english_one.events["title"].str.startswith("訳:").any()
    use_language("ja")
    assert load_dataset().dataset is japanese, "cached: read once per language and version of the files"


def test_the_loaders_words_are_in_the_runs_language(data_copy: Path) -> None:
    (data_copy / "events.csv").unlink()
    missing = [p.reason for p in read_dataset(data_copy).problems if p.file == "events.csv"]
    use_language("ru")
    in_russian = [p.reason for p in read_dataset(data_copy).problems if p.file == "events.csv"]
    assert missing == ["the file is missing"]
    assert len(in_russian) == 1 and CYRILLIC.search(in_russian[0]) and not LATIN.search(in_russian[0])


def test_the_error_panel_is_in_the_links_language(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (data_copy / "sources" / "tass-2018-07-23-japan-hopes-for-progress.txt").unlink()
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    app = run_page(PAGE_FILES[0], lang="ja")
    assert not app.exception and not app.title, "nothing built on broken data is drawn"
    assert JAPANESE.search(app.error[0].value) and "python -m lib.check" in app.error[0].value
    problems = app.dataframe[0].value
    assert all(JAPANESE.search(column) for column in problems.columns), list(problems.columns)
    assert any(JAPANESE.search(reason) for reason in problems.iloc[:, 3]), "the loader's words, in Japanese"
