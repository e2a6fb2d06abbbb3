"""lib/views/sides.py: each government's position and each side's reading, attributed and escaped."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pandas as pd
import pytest

from lib.i18n import ENGLISH, use_language
from lib.model.dataset import Dataset
from lib.views.sides import contested_readings, position_heading, positions_markdown, readings_markdown
from tests.hostile import CANARY, PAYLOADS

MOFA = "https://www.mofa.go.jp/region/europe/russia/territory/index.html"


def reading(side: str, text: str, url: str = MOFA) -> dict[str, str]:
    return {"event_id": "event-0", "side": side, "reading": text, "url": url, "evidence": f"Said by {side}."}


def test_each_side_s_reading_is_attributed_with_the_sentence_of_its_page() -> None:
    publishers = {MOFA: "Ministry of Foreign Affairs of Japan"}
    said = readings_markdown([reading("Japan", "Japan holds A."), reading("Russia", "Moscow says B.")], publishers.get)
    assert said.startswith("**Contested: how each side reads it**\n\n")
    japan, russia = said.split("\n\n", 1)[1].splitlines()
    assert japan == f"- **Japan**: Japan holds A\\. [Ministry of Foreign Affairs of Japan]({MOFA}): “Said by Japan\\.”"
    assert russia.startswith("- **Russia**: Moscow says B\\.")


def test_no_reading_gives_nothing() -> None:
    assert readings_markdown([], str) == ""


def test_a_hostile_reading_is_shown_as_text() -> None:
    said = readings_markdown([reading("Japan", PAYLOADS["markdown link"], f"javascript:{CANARY}")], str)
    assert "](javascript" not in said
    assert "\\[read more\\]" in said


def test_the_data_s_contested_events_each_have_japan_s_reading_then_russia_s(dataset: Dataset) -> None:
    readings = dataset.derived(contested_readings)
    contested = set(dataset.events.loc[dataset.events["contested"], "id"])
    assert contested and contested <= set(readings)
    for event_id in contested:
        text = readings[event_id]
        assert text.index("**Japan**") < text.index("**Russia**")


def position(side: str, order: int, published: str | None = None) -> dict[str, object]:
    return {
        "id": f"{side}-{order}",
        "side": side,
        "order": order,
        "summary": f"{side}'s government says {order}.",
        "quote": f"Words {order}\nof {side}.",
        "speaker": "Ministry",
        "url": MOFA,
        "title": "" if published else "Page title",
        "published": pd.Timestamp(published) if published else pd.NaT,
    }


def test_a_side_s_positions_are_its_own_in_order_each_quoted_with_its_page() -> None:
    positions = pd.DataFrame([position("Japan", 1), position("Russia", 1, "2019-01-14"), position("Japan", 2)])
    japan = positions_markdown(positions, "Japan")
    assert "Russia" not in japan
    assert japan.index("Japan's government says 1") < japan.index("Japan's government says 2")
    assert "> Words 1 of Japan\\." in japan, "a quote is one block, its line breaks as spaces"
    assert f"— Ministry, [Page title]({MOFA})" in japan
    russia = positions_markdown(positions, "Russia")
    assert russia.endswith(f"— [Ministry]({MOFA}), 14 Jan 2019"), "no title: the speaker's name links the page"


def test_a_side_without_positions_gives_nothing_and_the_heading_names_whose_case_it_is() -> None:
    assert positions_markdown(pd.DataFrame([position("Japan", 1)]), "Russia") == ""
    assert position_heading("Russia") == "Russia's position, as its government states it"


def test_hostile_positions_are_escaped() -> None:
    hostile = position("Japan", 1) | {"summary": PAYLOADS["script"], "quote": PAYLOADS["markdown syntax"]}
    shown = positions_markdown(pd.DataFrame([hostile]), "Japan")
    assert "<script>" not in shown
    assert "\\*\\*bold\\*\\*" in shown


@pytest.fixture
def speak() -> Iterator[Callable[[str], None]]:
    """use_language, with English back after the test."""
    yield use_language
    use_language(ENGLISH)


def test_the_sides_and_their_headings_are_named_in_the_reader_s_language(speak: Callable[[str], None]) -> None:
    speak("ja")
    said = readings_markdown([reading("Japan", "日本はAとする。"), reading("Russia", "ロシアはBとする。")], str)
    assert "- **日本**: 日本はAとする" in said and "- **ロシア**: ロシアはBとする" in said
    assert position_heading("Russia").startswith("ロシアの立場")
    speak("ru")
    assert position_heading("Japan").startswith("Япония: позиция")
