"""The Story page through AppTest: it opens on the first chapter, Previous and Next move through the
story and keep the chapter in the link, a link opens on its chapter, a bad one gets a notice, and each
chapter shows its events with their sources, its map and the statements of its time. (st_folium is an
UnknownElement here: its arguments hold the map's script, which names the islands it rings.)"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.model.load import DATA_DIR
from lib.ui.data import DATA_DIR_VARIABLE
from lib.views.markdown import escape_markdown, markdown_url
from tests.apptest import markdown_text, run_page, share_link
from tests.hostile import CANARY

PAGE = "pages/story.py"
CHAPTER_KEY = "story_chapter"


def csv_rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# The chapters as story.csv writes them, in the order its `order` column gives.
CHAPTERS = sorted(csv_rows("story.csv"), key=lambda row: int(row["order"]))
EVENTS = {row["id"]: row for row in csv_rows("events.csv")}
ISLAND_NAMES = {row["id"]: row["name_en"] for row in csv_rows("islands.csv")}


def chapter_shown(app: AppTest) -> str:
    return app.selectbox(key=CHAPTER_KEY).value


def progress(app: AppTest) -> str:
    [bar] = app.get("progress")
    return bar.proto.text


def button(app: AppTest, label: str, where: str = ""):
    """The top Previous or Next; with where="_end", the pair's at the chapter's end."""
    found = app.button(key=f"story_{label.lower()}{where}")
    assert found.label == label
    return found


def test_the_story_opens_on_its_first_chapter() -> None:
    app = run_page(PAGE)
    assert not app.exception and not app.warning
    first = CHAPTERS[0]
    assert chapter_shown(app) == first["id"]
    assert [header.value for header in app.main.header] == [escape_markdown(first["title"])]
    assert escape_markdown(first["text"]) in markdown_text(app)
    assert progress(app) == f"Chapter 1 of {len(CHAPTERS)}"
    assert button(app, "Previous").disabled and not button(app, "Next").disabled
    assert dict(app.query_params) == {"chapter": first["id"]}


def test_next_and_previous_move_through_the_story_and_keep_the_chapter_in_the_link() -> None:
    app = run_page(PAGE)
    button(app, "Next").click().run()
    button(app, "Next").click().run()
    assert not app.exception
    third = CHAPTERS[2]
    assert chapter_shown(app) == third["id"]
    assert progress(app) == f"Chapter 3 of {len(CHAPTERS)}"
    assert [header.value for header in app.main.header] == [escape_markdown(third["title"])]
    assert app.query_params["chapter"] == third["id"]
    assert share_link(app) == f"story?chapter={third['id']}"
    button(app, "Previous").click().run()
    assert chapter_shown(app) == CHAPTERS[1]["id"]
    assert app.query_params["chapter"] == CHAPTERS[1]["id"]


def test_the_last_chapter_has_no_next_and_the_chooser_goes_anywhere() -> None:
    app = run_page(PAGE)
    app.selectbox(key=CHAPTER_KEY).set_value(CHAPTERS[-1]["id"]).run()
    assert progress(app) == f"Chapter {len(CHAPTERS)} of {len(CHAPTERS)}"
    assert button(app, "Next").disabled and not button(app, "Previous").disabled
    assert app.query_params["chapter"] == CHAPTERS[-1]["id"]


def test_previous_and_next_are_at_the_chapters_end_too_and_do_the_same() -> None:
    app = run_page(PAGE)
    assert button(app, "Previous", "_end").disabled and not button(app, "Next", "_end").disabled
    button(app, "Next", "_end").click().run()
    assert chapter_shown(app) == CHAPTERS[1]["id"]
    assert app.query_params["chapter"] == CHAPTERS[1]["id"]
    assert progress(app) == f"Chapter 2 of {len(CHAPTERS)}"
    button(app, "Previous", "_end").click().run()
    assert chapter_shown(app) == CHAPTERS[0]["id"]
    app.selectbox(key=CHAPTER_KEY).set_value(CHAPTERS[-1]["id"]).run()
    assert button(app, "Next", "_end").disabled and not button(app, "Previous", "_end").disabled


def test_a_shared_link_opens_on_its_chapter_with_its_filters() -> None:
    number, chapter = next((n, row) for n, row in enumerate(CHAPTERS, 1) if n > 1 and n < len(CHAPTERS))
    app = run_page(PAGE, chapter=chapter["id"], country="Japan")
    assert not app.exception and not app.warning
    assert chapter_shown(app) == chapter["id"]
    assert progress(app) == f"Chapter {number} of {len(CHAPTERS)}"
    assert dict(app.query_params) == {"country": "Japan", "chapter": chapter["id"]}


@pytest.mark.parametrize(
    ("chapter", "notice"),
    [
        ("no-such-chapter", "“chapter=no-such-chapter” is not a chapter in the data; the story opens at its first"),
        ("WAR-1945", "“chapter=WAR-1945” is not a chapter in the data"),
        ("x" * 500, "“chapter” was longer than"),
    ],
    ids=["unknown", "in capitals", "too long"],
)
def test_a_link_to_an_unknown_chapter_says_so_and_opens_the_first(chapter: str, notice: str) -> None:
    app = run_page(PAGE, chapter=chapter)
    assert not app.exception
    [warning] = app.warning
    assert escape_markdown(notice) in warning.value
    assert chapter_shown(app) == CHAPTERS[0]["id"]
    assert app.query_params["chapter"] == CHAPTERS[0]["id"]
    button(app, "Next").click().run()
    assert not app.warning  # said once; the reader has moved on


def test_every_chapter_in_turn_lists_its_events_with_their_sources() -> None:
    articles = {row["id"]: row["url"] for row in csv_rows("sources.csv")}
    app = run_page(PAGE)
    for number, chapter in enumerate(CHAPTERS, start=1):
        if number > 1:
            button(app, "Next", "_end").click().run()  # the pair at the chapter's end, as a reader at its end does
        assert chapter_shown(app) == chapter["id"]
        events = len(chapter["events"].split(";"))
        [download] = app.get("download_button")
        assert download.label == f"Download {events} event{'' if events == 1 else 's'} (CSV)"
        shown = markdown_text(app)
        for event_id in chapter["events"].split(";"):
            event = EVENTS[event_id]
            assert escape_markdown(event["title"]) in shown
            assert escape_markdown(event["description"]) in shown
            for row in csv_rows("event_sources.csv"):
                if row["event_id"] == event_id:
                    assert f"]({markdown_url(row['url'] or articles[row['source_id']])})" in shown
                    assert escape_markdown(row["evidence"]) in shown


def test_the_chapter_s_map_rings_its_islands_and_names_them() -> None:
    chapter = next(row for row in CHAPTERS if len(row["islands"].split(";")) > 1)
    app = run_page(PAGE, chapter=chapter["id"])
    [island_map] = app.get("component_instance")
    script = json.loads(island_map.proto.json_args)["script"]
    names = [ISLAND_NAMES[island] for island in chapter["islands"].split(";")]
    assert "highlight-ring" in script
    assert all(name in script for name in names)
    captions = " ".join(caption.value for caption in app.main.caption)
    assert escape_markdown(f"Ringed on the map: {', '.join(names[:-1])} and {names[-1]}.") in captions


def test_a_chapter_shows_the_statements_of_its_time_and_only_those() -> None:
    said = [row for row in csv_rows("statements.csv") if row["date"]]
    meeting = EVENTS["2018-date-matviyenko-meeting"]  # the article's meeting, where its statements were made
    [chapter] = [row for row in CHAPTERS if meeting["id"] in row["events"].split(";")]
    app = run_page(PAGE, chapter=chapter["id"])
    assert "Said at the time" in [subheader.value for subheader in app.main.subheader]
    on_the_day = [row for row in said if row["date"] == meeting["date"]]
    assert on_the_day and all(escape_markdown(row["quote"]) in markdown_text(app) for row in on_the_day)
    first = CHAPTERS[0]
    told = [EVENTS[event_id] for event_id in first["events"].split(";")]
    assert max(event["end_date"] or event["date"] for event in told) < min(row["date"] for row in said)
    assert "Said at the time" not in [subheader.value for subheader in run_page(PAGE).main.subheader]


def test_the_filters_leave_the_story_whole_and_the_page_says_so() -> None:
    app = run_page(PAGE, country="Japan", **{"from": "2020"})
    assert not app.exception
    assert len(app.selectbox(key=CHAPTER_KEY).options) == len(CHAPTERS)
    assert chapter_shown(app) == CHAPTERS[0]["id"]
    [note] = [caption.value for caption in app.main.caption if caption.value.startswith(":material/filter_alt:")]
    assert "Filters: Japan · 2020–" in note and "The story is told whole" in note
    assert not [caption for caption in run_page(PAGE).main.caption if "told whole" in caption.value]


def test_hostile_data_is_shown_as_text(hostile_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(hostile_dir))
    app = run_page(PAGE)
    assert not app.exception
    button(app, "Next").click().run()
    assert not app.exception
    shown = markdown_text(app) + " ".join(header.value for header in app.main.header)
    assert CANARY in shown
    assert "<script" not in shown and "](javascript:" not in shown


def test_the_story_starts_with_both_governments_positions_each_linking_its_own_page() -> None:
    positions = csv_rows("positions.csv")
    first = run_page("pages/story.py")
    shown = markdown_text(first)
    for side in ("Japan", "Russia"):
        assert f"{side}'s position, as its government states it" in shown
        for row in (row for row in positions if row["side"] == side):
            assert f"]({markdown_url(row['url'])})" in shown, row["id"]
    later = run_page("pages/story.py", chapter=csv_rows("story.csv")[1]["id"])
    assert "position, as its government states it" not in markdown_text(later)


def test_a_contested_event_in_a_chapter_gives_each_side_s_reading() -> None:
    contested = {row["id"] for row in csv_rows("events.csv") if row["contested"] == "true"}
    chapter = next(row for row in csv_rows("story.csv") if contested & set(row["events"].split(";")))
    app = run_page("pages/story.py", chapter=chapter["id"])
    said = app.expander[0].markdown[0].value
    assert "**Contested: how each side reads it**" in said
    assert "**Japan**:" in said and "**Russia**:" in said


# A character of each language's script: kana or kanji, Cyrillic.
SCRIPTS = {"ja": re.compile("[\u3040-\u30ff\u4e00-\u9fff]"), "ru": re.compile("[\u0400-\u04ff]")}


@pytest.mark.parametrize("language", ["ja", "ru"])
def test_the_story_in_japanese_and_russian_shows_its_interface_in_that_script(language: str) -> None:
    app = run_page(PAGE, lang=language)
    assert not app.exception
    english = run_page(PAGE)
    script = SCRIPTS[language]
    [title], [intro] = app.title, app.caption[:1]
    chooser = app.selectbox(key=CHAPTER_KEY)
    buttons = [app.button(key=key).label for key in ("story_previous", "story_next", "story_next_end")]
    headings = [app.main.subheader[-1].value, app.main.expander[0].label, app.get("download_button")[0].label]
    written = [title.value, intro.value, chooser.label, progress(app), *buttons, *headings]
    assert all(script.search(text) for text in written), written
    # The same elements in English: the page's own words, not the data's.
    assert english.title[0].value == "The story of the negotiations"
    assert progress(english).startswith("Chapter 1 of")
    assert chooser.value == chapter_shown(english) == CHAPTERS[0]["id"]
