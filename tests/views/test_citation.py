"""lib/views/citation.py: a view cited in APA and BibTeX, with its link, title, coverage and access date."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from lib.i18n import ENGLISH, use_language
from lib.views.citation import Citation, apa, bibtex, bibtex_key, bibtex_text, bibtex_url, coverage_of

LINK = "https://kurils.example/timeline?country=Japan&from=1950&q=peace%20treaty"
CITATION = Citation(
    "Timeline · Southern Kurils dispute", LINK, "24 Jan 2025", "2025", accessed=dt.date(2026, 12, 6), page="Timeline"
)


def test_apa_names_the_title_the_coverage_the_access_date_and_the_link() -> None:
    assert apa(CITATION) == (
        "Southern Kurils dispute. (2025). Timeline · Southern Kurils dispute "
        "[Interactive dashboard; events up to 24 Jan 2025]. "
        f"Retrieved 6 December 2026, from {LINK}"
    )


@pytest.mark.parametrize(
    ("language", "accessed"), [("ja", "2026年12月6日"), ("ru", "6 декабря 2026 г.")], ids=["ja", "ru"]
)
def test_a_citation_in_another_language_keeps_its_title_and_link_and_dates_the_reading_as_it_writes(
    language: str, accessed: str
) -> None:
    use_language(language)
    try:
        cited, entry = apa(CITATION), bibtex(CITATION)
    finally:
        use_language(ENGLISH)
    assert CITATION.title in cited and cited.endswith(LINK)
    assert accessed in cited.replace("\u202f", " ").replace("\xa0", " ")
    assert "Interactive dashboard" not in cited and "Interactive dashboard" not in entry
    assert "urldate = {2026-12-06}" in entry


def test_bibtex_is_one_misc_entry_with_the_link_and_iso_dates() -> None:
    entry = bibtex(CITATION)
    assert entry.startswith("@misc{kurils-timeline-2026,\n")
    assert entry.endswith("\n}")
    assert "  title = {{Timeline · Southern Kurils dispute}},\n" in entry
    assert f"  url = {{{LINK}}},\n" in entry  # its %20 stays an escape
    assert "  urldate = {2026-12-06}\n" in entry
    assert "  note = {Events up to 24 Jan 2025; accessed 2026-12-06},\n" in entry
    assert entry.count("{") == entry.count("}")


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("{a}", r"\{a\}"),
        ("50% & $1_000 #1", r"50\% \& \$1\_000 \#1"),
        ("x^2 ~ y", r"x\^{}2 \~{} y"),
        ("back\\slash", r"back\textbackslash{}slash"),
        ("two\nlines\t tabbed", "two lines tabbed"),
        ("}@misc{evil,", r"\}@misc\{evil,"),
    ],
)
def test_bibtex_text_escapes_braces_and_tex_s_special_characters(text: str, escaped: str) -> None:
    assert bibtex_text(text) == escaped


def test_a_hostile_title_and_link_cannot_end_the_field_or_the_entry() -> None:
    hostile = Citation(
        '}} , evil = {x} @misc{y, title={"\\',
        'https://k.example/?q=}}{%\\ "&x=%41',
        "1855",
        "1855",
        dt.date(2026, 1, 2),
        page='}} , evil = {x} @misc{y, title={"\\',
    )
    entry = bibtex(hostile)
    # Each field's braces balance, so no value closes its field early.
    for line in entry.splitlines()[1:-1]:
        value = line.split(" = ", 1)[1].rstrip(",")
        depth = 0
        for char_at, char in enumerate(value):
            escaped = char_at > 0 and value[char_at - 1] == "\\"
            depth += (char == "{" and not escaped) - (char == "}" and not escaped)
            assert depth >= 1 or char_at == len(value) - 1, line
    # An @ inside a braced field is text to BibTeX: only the first line opens an entry.
    assert [line for line in entry.splitlines() if line.startswith("@")] == ["@misc{kurils-evil-x-misc-y-title-2026,"]
    # The link keeps its own escapes (%41) and encodes what TeX would read.
    assert bibtex_url(hostile.link) == 'https://k.example/?q=%7D%7D%7B%25%5C%20"&x=%41'


def test_the_key_is_plain() -> None:
    assert bibtex_key(CITATION) == "kurils-timeline-2026"


def test_the_key_is_the_same_whatever_the_language_of_the_title() -> None:
    japanese = Citation(
        "年表 · 南クリル諸島（北方領土）問題", LINK, "2025年1月24日", "2025", dt.date(2026, 12, 6), "Timeline"
    )
    assert bibtex_key(japanese) == bibtex_key(CITATION)


def test_coverage_is_the_latest_event_s_last_day_at_its_precision() -> None:
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["1956-10-19", "2018-07-01", "1991-01-01"]),
            "end_date": pd.to_datetime([None, "2018-07-23", None]),
            "date_precision": ["day", "day", "year"],
        }
    )
    assert coverage_of(events) == ("23 Jul 2018", "2018")
    assert coverage_of(events.iloc[[0, 2]]) == ("1991", "1991")
    assert coverage_of(events.iloc[[]]) == ("no events", "n.d.")
