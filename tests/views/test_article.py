"""The article as text to read: paragraphs, sentences found, overlapping highlights, safe HTML."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from lib.i18n import ENGLISH, use_language
from lib.model.dataset import Dataset
from lib.views.article import (
    CHOSEN_ID,
    EvidenceSpan,
    Paragraph,
    article_html,
    context_html,
    evidence_spans,
    find_all,
    highlight_legend_html,
    paragraph_html,
    paragraphs_with_spans,
    pieces,
    show_chosen_html,
    source_html,
    split_paragraphs,
)
from tests.views.parsed_html import parse_html

SOURCE_ID = "tass-2018-07-23"


@pytest.fixture(scope="module")
def article(dataset: Dataset) -> str:
    return dataset.texts[SOURCE_ID]


HOSTILE = ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', '"><svg onload=alert(1)>', "a & b"]


def assert_only_own_markup(html: str) -> None:
    """No tag or attribute came from the data: only those this module writes."""
    for tag, attrs in parse_html(html).tags:
        assert tag in {"div", "p", "blockquote", "mark", "span", "a", "strong", "em", "br", "ul", "li"}, tag
        assert set(attrs) <= {"class", "style", "title", "href", "target", "rel", "id"}, attrs
        assert attrs.get("id", CHOSEN_ID) == CHOSEN_ID, attrs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("\n\n  One.  \n\n\n\nTwo.\n", ["One.", "Two."]),
        ("One,\nstill one.\n\nTwo.", ["One,\nstill one.", "Two."]),
        ("One.\r\n\r\nTwo.", ["One.", "Two."]),
        ("One.\n \t\nTwo.", ["One.", "Two."]),
        ("Only one.", ["Only one."]),
        ("", []),
        ("\n\n \n", []),
    ],
)
def test_paragraphs_are_split_at_blank_lines(text: str, expected: list[str]) -> None:
    assert [text[p.start : p.end] for p in split_paragraphs(text)] == expected


def test_the_article_has_its_eleven_paragraphs(article: str) -> None:
    paragraphs = [article[p.start : p.end] for p in split_paragraphs(article)]
    assert len(paragraphs) == 11
    assert paragraphs[0] == "All news"
    assert paragraphs[3].startswith("MOSCOW, July 23. /TASS/.")
    assert paragraphs[-1].startswith("The Russian foreign ministry has repeatedly said")


@pytest.mark.parametrize(
    ("text", "sentence", "expected"),
    [
        ("Russia’s ownership is fixed.", "Russia’s ownership", [(0, 18)]),
        ("Russia’s ownership is fixed.", "Russia's ownership", [(0, 18)]),  # typed straight
        ("Russia's ownership is fixed.", "Russia’s ownership", [(0, 18)]),  # stored straight
        ("He said “yes”.", 'said "yes"', [(3, 13)]),
        ("a b a b", "a b", [(0, 3), (4, 7)]),
        ("aaaa", "aa", [(0, 2), (2, 4)]),
        ("text", "", []),
        ("text", "absent", []),
    ],
)
def test_find_all_places_a_sentence_whatever_its_apostrophes(
    text: str, sentence: str, expected: list[tuple[int, int]]
) -> None:
    assert find_all(text, sentence) == expected


STATEMENT = EvidenceSpan(0, 6, "statement", "A")
EVENT = EvidenceSpan(3, 10, "event", "B")


def cut(
    text: str, spans: list[EvidenceSpan], start: int = 0, end: int | None = None
) -> list[tuple[str, set[str], set[str]]]:
    """Pieces as (text, labels covering, labels opening), easy to write down by hand."""
    return [
        (piece.text, {span.label for span in piece.spans}, {span.label for span in piece.opening})
        for piece in pieces(text, spans, start, end)
    ]


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], [("abcdefghij", set(), set())]),
        # Overlapping: the shared stretch is covered by both, each labelled where it begins.
        ([STATEMENT, EVENT], [("abc", {"A"}, {"A"}), ("def", {"A", "B"}, {"B"}), ("ghij", {"B"}, set())]),
        ([EVENT, STATEMENT], [("abc", {"A"}, {"A"}), ("def", {"A", "B"}, {"B"}), ("ghij", {"B"}, set())]),
        # Nested.
        (
            [EvidenceSpan(0, 10, "statement", "A"), EvidenceSpan(2, 4, "event", "B")],
            [("ab", {"A"}, {"A"}), ("cd", {"A", "B"}, {"B"}), ("efghij", {"A"}, set())],
        ),
        # The same stretch for a statement and an event: one piece, both labels.
        (
            [EvidenceSpan(2, 5, "statement", "A"), EvidenceSpan(2, 5, "event", "B")],
            [("ab", set(), set()), ("cde", {"A", "B"}, {"A", "B"}), ("fghij", set(), set())],
        ),
        # A span at the very start and one at the very end of the text.
        (
            [EvidenceSpan(0, 2, "statement", "A"), EvidenceSpan(8, 10, "event", "B")],
            [("ab", {"A"}, {"A"}), ("cdefgh", set(), set()), ("ij", {"B"}, {"B"})],
        ),
        # One span over the whole text.
        ([EvidenceSpan(0, 10, "statement", "A")], [("abcdefghij", {"A"}, {"A"})]),
        # Touching spans do not overlap.
        (
            [EvidenceSpan(0, 5, "statement", "A"), EvidenceSpan(5, 10, "statement", "B")],
            [("abcde", {"A"}, {"A"}), ("fghij", {"B"}, {"B"})],
        ),
        # An empty span is ignored.
        ([EvidenceSpan(4, 4, "statement", "A")], [("abcdefghij", set(), set())]),
    ],
)
def test_pieces_handle_overlapping_spans(
    spans: list[EvidenceSpan], expected: list[tuple[str, set[str], set[str]]]
) -> None:
    assert cut("abcdefghij", spans) == expected


def test_the_same_span_twice_is_drawn_once() -> None:
    (piece,) = pieces("abc", [EvidenceSpan(0, 3, "statement", "A"), EvidenceSpan(0, 3, "statement", "A")])
    assert len(piece.spans) == 1 and len(piece.opening) == 1


def test_a_span_clipped_at_the_range_start_is_not_labelled_again() -> None:
    assert cut("abcdefghij", [EvidenceSpan(0, 8, "statement", "A")], start=5) == [
        ("fgh", {"A"}, set()),
        ("ij", set(), set()),
    ]


def test_a_span_at_the_very_start_and_end_is_highlighted_whole_and_escaped() -> None:
    text = "<b>Bold</b> claim"
    html = paragraph_html(text, Paragraph(0, len(text)), [EvidenceSpan(0, len(text), "statement", "Speaker")])
    parsed = parse_html(html)
    assert [tag for tag, _ in parsed.tags] == ["p", "span", "mark"]
    assert "".join(parsed.text) == "Speaker" + text


def test_typographic_apostrophes_survive_the_highlighter() -> None:
    text = "Russia’s ownership of these islands"
    (start, end), *_ = find_all(text, "Russia's ownership")
    html = paragraph_html(text, Paragraph(0, len(text)), [EvidenceSpan(start, end, "statement", "MFA")])
    assert "<mark" in html
    assert "Russia’s ownership" in html  # the curly apostrophe is kept, not folded or escaped


@pytest.mark.parametrize("hostile", HOSTILE)
def test_article_text_and_labels_come_out_escaped(hostile: str) -> None:
    text = f"Intro {hostile}.\n\nSaid {hostile} here."
    spans = [EvidenceSpan(text.index("Said"), len(text), "statement", hostile), EvidenceSpan(0, 5, "event", hostile)]
    html = article_html(text, spans)
    assert_only_own_markup(html)
    assert hostile in "".join(parse_html(html).text)  # shown as text, as typed


@pytest.mark.parametrize("hostile", HOSTILE)
def test_context_and_source_come_out_escaped(hostile: str) -> None:
    text = f"Before. {hostile} said it.\n\nAfter."
    html = context_html(text, f"{hostile} said it.")
    assert html is not None
    assert_only_own_markup(html)
    source = {"title": hostile, "publisher": hostile, "dateline": hostile, "published": pd.Timestamp("2018-07-23")}
    html = source_html({**source, "url": f"https://example.org/?q={hostile}"})
    assert_only_own_markup(html)
    assert "".join(parse_html(html).text).count(hostile) == 3


def test_context_is_the_paragraph_with_only_that_sentence_highlighted(article: str) -> None:
    sentence = "A top-level contact is needed to resolve it,"
    html = context_html(article, sentence)
    assert html is not None
    parsed = parse_html(html)
    shown = "".join(parsed.text)
    assert shown.startswith('"An unsettled territorial problem') and shown.endswith('Vladimir Putin."')
    assert [tag for tag, _ in parsed.tags].count("mark") == 1
    assert f">{sentence}</mark>" in html


def test_context_of_a_sentence_not_in_the_text_is_none(article: str) -> None:
    assert context_html(article, "Words the article never had.") is None


def test_every_statement_and_article_event_is_found_in_the_article(dataset: Dataset, article: str) -> None:
    spans = evidence_spans(dataset, SOURCE_ID)
    from_article = dataset.event_sources[dataset.event_sources["source_id"] == SOURCE_ID]
    titles = dict(zip(dataset.events["id"], dataset.events["title"], strict=True))
    assert sorted(span.label for span in spans if span.kind == "statement") == sorted(dataset.statements["speaker"])
    assert {span.label for span in spans if span.kind == "event"} == {titles[i] for i in from_article["event_id"]}
    for span in spans:
        assert article[span.start : span.end] in set(dataset.statements["evidence"]) | set(from_article["evidence"])


def test_rows_that_share_a_sentence_and_a_label_make_one_span(dataset: Dataset) -> None:
    doubled = replace(
        dataset,
        statements=pd.concat([dataset.statements, dataset.statements.assign(id=dataset.statements["id"] + "-copy")]),
    )
    assert evidence_spans(doubled, SOURCE_ID) == evidence_spans(dataset, SOURCE_ID)


def test_three_paragraphs_of_the_article_have_nothing_extracted(dataset: Dataset, article: str) -> None:
    """The site's "All news", the headline and the sub-headline: read from the article by hand."""
    spans = evidence_spans(dataset, SOURCE_ID)
    paragraphs = split_paragraphs(article)
    assert paragraphs_with_spans(paragraphs, spans) == 8
    html = article_html(article, spans)
    unused = html.split('class="kd-paragraph kd-paragraph-unused"')[1:]
    assert len(unused) == 3
    assert unused[0].split("</p>")[0].endswith(">All news")


def test_the_overlap_in_matviyenkos_paragraph_carries_both_highlights(dataset: Dataset, article: str) -> None:
    """Two events were taken from inside one of Matviyenko's statements."""
    spans = evidence_spans(dataset, SOURCE_ID)
    both = [p for p in pieces(article, spans) if {s.kind for s in p.spans} == {"statement", "event"}]
    assert "Two ministerial meetings have already been held this year." in [p.text for p in both]
    html = article_html(article, spans)
    assert 'class="hl hl-statement hl-event"' in html


class _Ringed(HTMLParser):
    """The text inside the ringed marks, and only that."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside = tag == "mark" and "hl-chosen" in str(dict(attrs).get("class"))

    def handle_endtag(self, tag: str) -> None:
        self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.text.append(data)


def ringed_text(html: str) -> str:
    parser = _Ringed()
    parser.feed(html)
    return "".join(parser.text)


def chosen_marks(html: str) -> list[dict[str, str | None]]:
    return [attrs for tag, attrs in parse_html(html).tags if tag == "mark" and "hl-chosen" in str(attrs["class"])]


def test_the_chosen_statement_is_ringed_once_with_its_id_on_its_start(dataset: Dataset, article: str) -> None:
    spans = evidence_spans(dataset, SOURCE_ID)
    sentence = str(dataset.statements.set_index("id").loc["matviyenko-strong-impetus", "evidence"])
    html = article_html(article, spans, sentence)
    marks = chosen_marks(html)
    assert marks, "the chosen sentence is marked"
    assert [attrs.get("id") for attrs in marks].count(CHOSEN_ID) == 1
    assert marks[0]["id"] == CHOSEN_ID
    assert str(marks[0]["title"]).startswith("The statement chosen")
    assert all("hl-statement" in str(attrs["class"]) for attrs in marks)
    # The ringed pieces are the sentence, whole, and nothing else.
    assert ringed_text(html).replace("’", "'") == sentence.replace("’", "'")
    # Every other statement keeps its labels and highlights: the same as without a choice but for the ring.
    plain = article_html(article, spans)
    assert parse_html(plain).text == parse_html(html).text
    assert not chosen_marks(plain) and CHOSEN_ID not in plain


@pytest.mark.parametrize("hostile", HOSTILE)
def test_the_chosen_statement_comes_out_escaped(hostile: str) -> None:
    text = f"Intro {hostile}.\n\nSaid {hostile} here."
    sentence = f"Said {hostile} here."
    spans = [EvidenceSpan(text.index("Said"), len(text), "statement", hostile)]
    html = article_html(text, spans, sentence)
    assert_only_own_markup(html)
    assert len(chosen_marks(html)) == 1
    assert hostile in "".join(parse_html(html).text)


def test_a_chosen_sentence_not_in_the_text_rings_nothing(article: str) -> None:
    assert CHOSEN_ID not in article_html(article, [], "Not a sentence of the article.")


def test_the_script_that_shows_the_chosen_statement_is_served_by_the_app() -> None:
    [(tag, attrs)] = parse_html(show_chosen_html()).tags
    assert tag == "script"
    path = str(attrs["src"]).removeprefix("app/")
    assert (Path(__file__).resolve().parents[2] / path).is_file()
    assert CHOSEN_ID in (Path(__file__).resolve().parents[2] / path).read_text(encoding="utf-8")


@pytest.fixture
def speak() -> Iterator[Callable[[str], None]]:
    """use_language, with English back after the test."""
    yield use_language
    use_language(ENGLISH)


def test_the_interface_round_the_article_follows_the_language_and_its_text_stays_english(
    dataset: Dataset, article: str, speak: Callable[[str], None]
) -> None:
    speak("ja")
    source = dataset.sources_by_id.loc[SOURCE_ID]
    shown = "".join(parse_html(source_html(source) + highlight_legend_html()).text)
    assert "2018年7月23日公開" in shown and "原文を読む" in shown and "段落" in shown
    assert source["title"] in shown, "the headline as published"
    body = article_html(article, evidence_spans(dataset, SOURCE_ID))
    assert 'title="発言: ' in body, "each highlight says what it is in the reader's language"
    assert "Matviyenko" in "".join(parse_html(body).text), "the article's own words, in English as published"
