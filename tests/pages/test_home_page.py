"""The home page through AppTest: figures from the data, the latest event, and counts under the link's filters."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.model.load import DATA_DIR, read_dataset
from lib.ui.data import DATA_DIR_VARIABLE
from lib.views.downloads import csv_bytes, positions_frame
from lib.views.markdown import escape_markdown
from tests.apptest import run_page
from tests.conftest import ROOT, EditCell


def csv_rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def matching_rows(name: str, country: str, year_from: int, year_to: int) -> int:
    """Rows of a CSV for `country` (USSR counts as Russia) that overlap the years: counted straight from the file."""
    matched = 0
    for row in csv_rows(name):
        countries = {"Russia" if c == "USSR" else c for c in (row.get("countries") or row.get("country")).split(";")}
        if not row["date"] or country not in countries:
            continue
        first, last = int(row["date"][:4]), int((row.get("end_date") or row["date"])[:4])
        matched += first <= year_to and last >= year_from
    return matched


def page_links(app: AppTest) -> dict[str, str]:
    return {link.proto.page: link.proto.label for link in app.get("page_link")}


def test_the_figures_count_the_files() -> None:
    app = run_page("pages/home.py")
    assert not app.exception
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Events"] == str(len(csv_rows("events.csv")))
    assert metrics["Statements"] == str(len(csv_rows("statements.csv")))
    assert metrics["Sources"] == str(len(csv_rows("sources.csv")) + len(pages_cited_besides_the_articles()))
    assert metrics["Since the 1956 declaration"] == f"{whole_years_from_the_1956_declaration()} years"
    # Read with the filters on, the figures say what they count: all the data, and how far it goes.
    filtered = run_page("pages/home.py", country="Japan")
    assert {metric.label: metric.value for metric in filtered.metric} == metrics
    assert any(
        caption.value.startswith(f"Figures for the whole dataset. Events up to {latest_day()}.")
        for caption in filtered.caption
    )


def pages_cited_besides_the_articles() -> set[str]:
    """The pages cited for context events, island facts, speakers' roles and both sides' case."""
    cited = {
        row["url"]
        for name in ("event_sources", "island_figures", "readings", "positions")
        for row in csv_rows(f"{name}.csv")
    }
    cited |= {row["source_url"] for row in csv_rows("islands.csv")}
    cited |= {row["role_source_url"] for row in csv_rows("statements.csv")}
    return cited - {""} - {row["url"] for row in csv_rows("sources.csv")}


def latest_day() -> str:
    """The latest event's day as the page writes days, e.g. "24 Jan 2025"."""
    latest = max(csv_rows("events.csv"), key=lambda row: max(row["date"], row["end_date"]))
    day = date.fromisoformat(latest["date"])
    return f"{day.day} {day:%b %Y}"


def whole_years_from_the_1956_declaration() -> int:
    """From 19 Oct 1956 to today: the count goes on after the data's last event."""
    events = csv_rows("events.csv")
    [declaration] = [row for row in events if row["event_type"] == "declaration" and row["date"] == "1956-10-19"]
    start, end = date.fromisoformat(declaration["date"]), date.today()
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def test_the_latest_event_is_shown_with_its_source() -> None:
    rows = csv_rows("events.csv")
    last = max(rows, key=lambda row: max(row["date"], row["end_date"]))
    app = run_page("pages/home.py")
    shown = " ".join(markdown.value for markdown in app.markdown)
    assert escape_markdown(last["title"]) in shown
    assert escape_markdown(last["description"]) in shown
    [sources] = [markdown.value for markdown in app.markdown if markdown.value.startswith("Sources:")]
    articles = {row["id"]: row["url"] for row in csv_rows("sources.csv")}
    for row in csv_rows("event_sources.csv"):
        if row["event_id"] == last["id"]:
            assert f"]({row['url'] or articles[row['source_id']]})" in sources
            assert escape_markdown(row["evidence"]) in sources


@pytest.mark.parametrize(("country", "year_from", "year_to"), [("Japan", 1950, 2000), ("Russia", 2018, 2018)])
def test_a_link_s_filters_give_the_counts_on_the_way_to_each_page(country: str, year_from: int, year_to: int) -> None:
    app = run_page("pages/home.py", country=country, **{"from": str(year_from), "to": str(year_to)})
    events = matching_rows("events.csv", country, year_from, year_to)
    statements = matching_rows("statements.csv", country, year_from, year_to)
    links = page_links(app)
    assert links["timeline"] == f"Timeline: {events} of {len(csv_rows('events.csv'))} events"
    assert links["statements"] == f"Statements: {statements} of {len(csv_rows('statements.csv'))} statements"
    assert links["map"].startswith("Map")
    assert any(f"{country} · {year_from}" in caption.value for caption in app.caption)


def test_without_filters_every_row_is_counted() -> None:
    links = page_links(run_page("pages/home.py"))
    assert links["timeline"] == f"Timeline: all {len(csv_rows('events.csv'))} events"


def test_what_the_page_keeps_per_data_version_follows_an_edit(
    data_copy: Path, edit_cell: EditCell, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    assert "Shikotan" in " ".join(markdown.value for markdown in run_page("pages/home.py").markdown)
    edit_cell("islands.csv", "shikotan", "name_en", "Shikotan Renamed")
    app = run_page("pages/home.py")
    shown = " ".join(markdown.value for markdown in app.markdown)
    assert "Shikotan Renamed" in shown
    assert not app.exception


def blocks(block) -> list:
    """`block` and every block inside it."""
    inner = [child for child in getattr(block, "children", {}).values() if hasattr(child, "children")]
    return [block, *(found for child in inner for found in blocks(child))]


def test_read_the_story_is_offered_beside_the_latest_event_and_the_figures_stay() -> None:
    app = run_page("pages/home.py")
    assert page_links(app)["story"] == "Read the story"
    [row] = [
        [getattr(child, "type", "") for child in block.children.values()]
        for block in blocks(app.main)
        if any(getattr(child, "value", None) == "#### Latest event" for child in block.children.values())
    ]
    assert row == ["markdown", "page_link"]
    assert [metric.label for metric in app.metric] == ["Since the 1956 declaration", "Events", "Statements", "Sources"]


def test_the_overview_gives_both_governments_positions_side_by_side() -> None:
    app = run_page("pages/home.py")
    shown = "\n".join(element.value for element in app.main.markdown)
    for side in ("Japan", "Russia"):
        assert f"**{side}'s position, as its government states it**" in shown
    urls = {row["url"] for row in csv_rows("positions.csv")}
    assert all(url.replace("(", "%28").replace(")", "%29") in shown for url in urls)


def map_popups(app: AppTest) -> str:
    """Every popup of the small map, as HTML: each is a JSON string in the map's script."""
    [island_map] = app.get("component_instance")
    script = json.loads(island_map.proto.json_args)["script"]
    return "".join(json.loads(popup) for popup in re.findall(r'"popup": ("(?:[^"\\]|\\.)*")', script))


def home_at_an_address(**query: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.context = {"url": "http://127.0.0.1:8501/"}
    for key, value in query.items():
        app.query_params[key] = value
    app.switch_page("pages/home.py")
    return app.run()


def test_the_small_map_counts_what_names_each_island_and_links_to_the_map_page_on_it() -> None:
    popups = map_popups(home_at_an_address(country="Japan"))
    # The island filter would empty every other island's popup: the map leaves it out.
    assert map_popups(home_at_an_address(country="Japan", island="shikotan")) == popups
    # Each disputed island drawn: the Habomai group is drawn as its members.
    disputed = {row["id"] for row in csv_rows("islands.csv") if row["claimed_by"] and row["kind"] != "island_group"}
    for island in disputed:
        assert f'<a href="http://127.0.0.1:8501/map?country=Japan&amp;island={island}"' in popups
    # The lists themselves are the Map page's: the page no longer carries them in every popup.
    titles = [row["title"] for row in csv_rows("events.csv") if set(row["islands"].split(";")) & disputed]
    assert titles and not any(title in html.unescape(popups) for title in titles)


def test_the_overview_offers_the_positions_it_shows_and_the_whole_data_package() -> None:
    positions = csv_rows("positions.csv")
    labels = [button.label for button in run_page("pages/home.py", country="Japan").get("download_button")]
    assert labels == [f"Download {len(positions)} positions (CSV)", "Download the data package (ZIP, Frictionless)"]
    dataset = read_dataset().dataset
    written = list(csv.DictReader(io.StringIO(csv_bytes(positions_frame(dataset.positions)).decode("utf-8-sig"))))
    assert [(row["Side"], row["Quote"], row["Page"]) for row in written] == [
        (row["side"], row["quote"], row["url"])
        for row in sorted(positions, key=lambda row: (row["side"], int(row["order"])))
    ]


# A character of each language's script: kana or kanji, Cyrillic.
SCRIPTS = {"ja": re.compile("[\u3040-\u30ff\u4e00-\u9fff]"), "ru": re.compile("[\u0400-\u04ff]")}
# The Overview's own interface words in English, none of which a translated page may show.
OVERVIEW_ENGLISH = (
    "Russia–Japan peace-treaty talks",
    "Since the 1956 declaration",
    "Figures for the whole dataset.",
    "Neither is the dashboard's view.",
    "'s position, as its government states it",
    "#### Latest event",
    "Read the story",
    "Sources:",
    "#### Explore",
    "Map: who holds and who claims each island",
    "Download the data package",
)


def interface_text(app: AppTest) -> str:
    """Every word the page's elements show: title, captions, Markdown, figures, links and buttons."""
    shown = [*app.title, *app.caption, *app.main.markdown]
    labelled = [*app.metric, *app.get("download_button")]
    return "\n".join(
        [element.value for element in shown]
        + [f"{element.label} {element.value} {element.help}" for element in app.metric]
        + [element.label for element in labelled]
        + list(page_links(app).values())
    )


def test_the_overview_in_english_shows_every_interface_word_the_translations_replace() -> None:
    shown = interface_text(run_page("pages/home.py"))
    assert [words for words in OVERVIEW_ENGLISH if words not in shown] == []


@pytest.mark.parametrize("language", ["ja", "ru"])
def test_the_overview_in_japanese_and_russian_shows_its_interface_in_that_script(language: str) -> None:
    app = run_page("pages/home.py", lang=language)
    assert not app.exception
    shown = interface_text(app)
    assert [words for words in OVERVIEW_ENGLISH if words in shown] == []
    script = SCRIPTS[language]
    [title] = app.title
    written = [title.value, *(f"{metric.label} {metric.help}" for metric in app.metric), app.metric[0].value]
    assert all(script.search(text) for text in written), written
    assert all(script.search(button.label) for button in app.get("download_button"))
