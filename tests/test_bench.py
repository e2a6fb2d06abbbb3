"""The benchmark's verdicts: each page against its own reference, and the list of targets missed."""

from __future__ import annotations

import gettext
from collections import Counter

import pandas as pd
from streamlit.testing.v1 import AppTest

from bench.abuse import AbuseFigures
from bench.cold import REFERENCE_APP, Target, reference_page
from bench.load import Load
from bench.pages.components import translated
from bench.proxy import ProxyFigures, ViewBytes
from bench.report import (
    BYTES_TARGET,
    FIRST_VIEW_TARGET,
    RENDER_TARGET,
    SCALE_TARGET,
    SWITCH_TARGET,
    Figures,
    abuse_section,
    bytes_in_languages,
    bytes_ratios,
    languages_section,
    missed_targets,
    render_table,
    scale_table,
    structures_section,
)
from bench.reruns import without_derived
from deploy.replicas import ROOT
from lib.model.dataset import Dataset
from lib.site import PAGES

PATHS = [page.url_path for page in PAGES]


def target(name: str, *times_ms: float) -> Target:
    return Target(name, f"http://127.0.0.1/{name}", times_ms=list(times_ms))


def figures_meeting_every_target() -> Figures:
    """Every page at its reference's figures, at every scale: no target missed."""
    same = ViewBytes(1000, 100)
    return Figures(
        references={path: target(path, 1000) for path in PATHS},
        pages={scale: {path: target(path, 1000) for path in PATHS} for scale in (1, 1000)},
        first_views={name: target(name, 5000) for name in ("the app", "its reference", "bare one-line page")},
        in_languages={language: {path: target(path, 1000) for path in PATHS} for language in ("ja", "ru")},
        references_in_languages={language: {path: target(path, 1000) for path in PATHS} for language in ("ja", "ru")},
        reruns={scale: dict.fromkeys(PATHS, 0.1) for scale in (1, 1000)},
        reruns_without_derived={scale: dict.fromkeys(PATHS, 0.1) for scale in (1, 1000)},
        language_switches=dict.fromkeys(PATHS, 0.1),
        loads=[Load("the app", 180, 200, 20, 0.3, 0)],
        proxy=ProxyFigures(
            {path: same for path in PATHS},
            *({language: {path: same for path in PATHS} for language in ("en", "ja", "ru")} for _ in range(2)),
            {},
        ),
        abuse=AbuseFigures(Counter({429: 2500, 200: 500}), Counter({200: 50}), Counter({200: 40}), 0.05),
        rounds=7,
        context={},
    )


def test_every_page_has_its_reference_page_at_its_address() -> None:
    navigation = (ROOT / REFERENCE_APP).read_text(encoding="utf-8")
    for page in PAGES:
        assert (ROOT / reference_page(page)).is_file(), f"write {reference_page(page)} for {page.module}"
        assert f'st.Page("like_{page.module}.py"' in navigation
        assert not page.url_path or f'url_path="{page.url_path}"' in navigation


def test_figures_within_every_target_miss_none() -> None:
    assert missed_targets(figures_meeting_every_target()) == []


def test_each_target_missed_is_named_once_in_the_order_of_the_sections() -> None:
    figures = figures_meeting_every_target()
    figures.pages[1]["map"].times_ms = [1000 * RENDER_TARGET + 10]  # over its reference, and so not over ×1000
    figures.in_languages["ja"]["story"].times_ms = [1000 * RENDER_TARGET + 20]
    figures.language_switches[""] = 0.1 * SWITCH_TARGET + 0.001
    figures.first_views["the app"].times_ms = [5000 * FIRST_VIEW_TARGET + 50]
    figures.reruns[1000]["timeline"] = 0.1 * SCALE_TARGET + 0.001
    figures.loads.append(Load("replica 1 of 2, behind nginx", 180, 700, 20, 0.3, 0))
    figures.proxy.bytes_proxied["en"]["statements"] = ViewBytes(int(1100 * BYTES_TARGET) + 100, 0)
    figures.proxy.bytes_proxied["ru"]["map"] = ViewBytes(int(1100 * BYTES_TARGET) + 200, 0)
    assert missed_targets(figures) == [
        f"cold render of map: {RENDER_TARGET + 0.01:.2f} × its reference",
        f"cold render of story in ja: {RENDER_TARGET + 0.02:.2f} × its reference",
        f"rerun of home after a switch of language: {SWITCH_TARGET + 0.01:.2f} × after a filter change",
        f"a fresh server's first view: {FIRST_VIEW_TARGET + 0.01:.2f} × its reference's",
        f"rerun of timeline at ×1000: {SCALE_TARGET + 0.01:.2f} × today",
        "replica 1 of 2, behind nginx: 700 MB with 20 sessions",
        f"bytes of a cold view of statements through nginx: {(int(1100 * BYTES_TARGET) + 100) / 1100:.2f} × its reference's",
        f"bytes of a cold view of map in ru through nginx: {(int(1100 * BYTES_TARGET) + 200) / 1100:.2f} × its reference's",
    ]


def test_a_page_in_a_language_is_judged_against_its_reference_in_that_language() -> None:
    figures = figures_meeting_every_target()
    # Over the English reference (1000 ms) by half, but within 1.15 of the Japanese one: met.
    figures.in_languages["ja"]["timeline"].times_ms = [1500]
    figures.references_in_languages["ja"]["timeline"].times_ms = [1400]
    # At the English reference's figure, but 1.3 times the Russian one: missed.
    figures.in_languages["ru"]["map"].times_ms = [1000]
    figures.references_in_languages["ru"]["map"].times_ms = [769.2]
    assert missed_targets(figures) == ["cold render of map in ru: 1.30 × its reference"]
    rows = {line.split(" | ")[0]: line for line in languages_section(figures) if line.startswith("| ")}
    assert rows["| timeline"].startswith("| timeline | 1500 | 1400 | 1.07 | yes | 1000 | 1000 | 1.00 | yes |")
    assert rows["| map"].startswith("| map | 1000 | 1000 | 1.00 | yes | 1000 | 769 | 1.30 | **no** |")


def test_bytes_in_a_language_are_judged_against_the_reference_in_that_language() -> None:
    figures = figures_meeting_every_target()
    # Half again the English reference's 1100 bytes, but within 1.1 of the Japanese reference's: met.
    figures.proxy.bytes_proxied["ja"]["story"] = ViewBytes(1650, 0)
    figures.proxy.bytes_reference["ja"]["story"] = ViewBytes(1600, 0)
    # The English reference's bytes, but 1.25 times the Russian reference's: missed.
    figures.proxy.bytes_reference["ru"][""] = ViewBytes(880, 0)  # the overview
    assert missed_targets(figures) == ["bytes of a cold view of home in ru through nginx: 1.25 × its reference's"]
    table = bytes_in_languages(figures.proxy, bytes_ratios(figures.proxy))
    rows = {line.split(" | ")[0]: line for line in table if line.startswith("| ")}
    assert rows["| story"].endswith("| 2 (2 + 0) | 2 (2 + 0) | 1.03 | yes | 1 (1 + 0) | 1 (1 + 0) | 1.00 | yes |")
    assert rows["| home"].endswith("| 1 (1 + 0) | 1 (1 + 0) | 1.00 | yes | 1 (1 + 0) | 1 (1 + 0) | 1.25 | **no** |")


def test_a_reference_shows_each_translated_field_and_keeps_english_where_none_is_given() -> None:
    events = pd.DataFrame(
        {"id": ["a", "b"], "title": ["Treaty", "Summit"], "description": ["Signed.", "Met."], "date": ["1855", "1956"]}
    )
    rows = pd.DataFrame(
        {
            "table": ["events", "events", "positions"],
            "id": ["a", "b", "a"],
            "field": ["title", "description", "summary"],
            "text": ["条約", "会談した。", "立場"],
        }
    )
    shown = translated(events, "events", rows)
    assert shown.to_dict("list") == {
        "id": ["a", "b"],
        "title": ["条約", "Summit"],
        "description": ["Signed.", "会談した。"],
        "date": ["1855", "1956"],
    }
    assert translated(events, "events", rows.iloc[:0]).equals(events)


def reference_timeline(query: dict[str, str]) -> AppTest:
    app = AppTest.from_file(str(ROOT / REFERENCE_APP), default_timeout=60)
    app.query_params.update(query)
    app.run()
    app.switch_page("like_timeline.py")
    return app.run()


def test_a_reference_opened_in_japanese_draws_the_app_s_japanese_words_and_data() -> None:
    words = gettext.translation("messages", ROOT / "locale", languages=["ja"])
    first = pd.read_csv(ROOT / "data" / "events.csv").iloc[0]
    rows = pd.read_csv(ROOT / "data" / "translations" / "ja.csv").set_index(["table", "id", "field"])
    japanese, english, unknown = (reference_timeline(query) for query in ({"lang": "ja"}, {}, {"lang": "xx"}))
    assert not japanese.exception
    assert japanese.title[0].value == words.gettext("Timeline of the negotiations") != "Timeline of the negotiations"
    assert japanese.main.radio[0].options[0].endswith(rows.loc[("events", first["id"], "title"), "text"])
    assert english.title[0].value == unknown.title[0].value == "Timeline of the negotiations"
    assert english.main.radio[0].options[0].endswith(first["title"])


def test_the_render_table_gives_each_page_its_reference_and_verdict() -> None:
    figures = figures_meeting_every_target()
    figures.pages[1]["map"].times_ms = [1000 * RENDER_TARGET + 10]
    lines = render_table(figures)
    rows = [line for line in lines if line.startswith("| ") and not line.startswith("| page")]
    assert len(rows) == len(PAGES)
    map_row = next(row for row in rows if row.startswith("| map |"))
    assert "`bench/pages/like_map.py`" in map_row
    assert map_row.endswith(f"| {RENDER_TARGET + 0.01:.2f} | **no** |")
    assert sum(row.endswith("| yes |") for row in rows) == len(PAGES) - 1


def test_the_scale_table_gives_each_page_its_ratio_and_verdict() -> None:
    largest = dict.fromkeys(PATHS, 100.0 * SCALE_TARGET) | {"timeline": 100.0 * SCALE_TARGET + 1}
    lines = scale_table({1: dict.fromkeys(PATHS, 100.0), 1000: largest})
    assert len(lines) == 2 + len(PATHS)
    assert next(line for line in lines if line.startswith("| timeline |")).endswith("| **no** |")
    assert sum(line.endswith("| yes |") for line in lines) == len(PATHS) - 1


def test_the_structures_section_names_the_pages_whose_target_dataset_derived_keeps() -> None:
    figures = figures_meeting_every_target()
    figures.reruns_without_derived[1000]["map"] = 0.5
    lines = structures_section(figures)
    assert lines[-1] == "Without `Dataset.derived`, it keeps the rerun target of map."
    assert next(line for line in lines if line.startswith("| map |")).endswith("| 5.00 | **no** |")
    figures.reruns_without_derived = figures.reruns
    assert (
        structures_section(figures)[-1]
        == "Without `Dataset.derived`, no page's rerun target depends on it in this run."
    )


def test_without_derived_builds_on_every_call_and_then_keeps_again(dataset: Dataset) -> None:
    calls: list[int] = []

    def builder(data: Dataset) -> int:
        calls.append(1)
        return len(calls)

    with without_derived():
        assert [dataset.derived(builder), dataset.derived(builder)] == [1, 2]
    assert dataset.derived(builder) == dataset.derived(builder) == 3


def test_the_abuse_section_counts_each_client_s_answers_by_status() -> None:
    section = "\n".join(abuse_section(figures_meeting_every_target()))
    assert "| abusive, 127.0.0.2 | 3,000 | 500 × 200, 2,500 × 429 |" in section
    assert "| reader, 127.0.0.3 | 50 | 50 × 200 |" in section
    assert "Slowest health check during the abuse: 0.050 s." in section
