"""A source article to read: its paragraphs, where each extracted sentence sits, and HTML that
highlights what the dataset took from it. Every text from data is escaped (lib.views.html)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from lib.i18n import N_, _
from lib.model.dataset import Dataset
from lib.model.dates import format_partial_date
from lib.views.html import Markup, escape, html, join, link
from lib.views.theme import HIGHLIGHT_COLOURS, rgba
from lib.views.wording import shorten

EvidenceKind = Literal["statement", "event"]
KIND_NAMES: dict[str, str] = {"statement": N_("Statement"), "event": N_("Event")}
_KIND_ORDER: dict[str, int] = {"statement": 0, "event": 1}

# A paragraph runs from a character that is not blank up to a blank line (or the end), trailing blanks aside.
_PARAGRAPH = re.compile(r"\S(?:.|\n(?![^\S\n]*\n))*")
# A sentence is found whether its quotes and apostrophes are curly or straight. Each character
# folds into exactly one, so an offset in the folded text is the same offset in the original.
_FOLD_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class Paragraph:
    """Where a paragraph sits in the text: text[start:end], without surrounding blank space."""

    start: int
    end: int


@dataclass(frozen=True)
class EvidenceSpan:
    """A stretch of the text that a statement or an event was taken from."""

    start: int
    end: int
    kind: EvidenceKind
    label: str  # the speaker of a statement, the title of an event


@dataclass(frozen=True)
class Piece:
    """A run of text that the same spans cover: the unit the highlighter draws."""

    text: str
    spans: tuple[EvidenceSpan, ...]  # every span covering this run
    opening: tuple[EvidenceSpan, ...]  # the spans that begin with this run, labelled here


def split_paragraphs(text: str) -> list[Paragraph]:
    return [
        Paragraph(found.start(), found.start() + len(found.group().rstrip())) for found in _PARAGRAPH.finditer(text)
    ]


def find_all(text: str, sentence: str) -> list[tuple[int, int]]:
    """Every (start, end) where `sentence` occurs in `text`, curly and straight quotes alike."""
    if not sentence:
        return []
    needle = re.escape(sentence.translate(_FOLD_QUOTES))
    return [found.span() for found in re.finditer(needle, text.translate(_FOLD_QUOTES))]


def _span_order(span: EvidenceSpan) -> tuple[int, int, int, str]:
    return span.start, -span.end, _KIND_ORDER[span.kind], span.label


def evidence_spans(dataset: Dataset, source_id: str) -> list[EvidenceSpan]:
    """A span for each place a statement's or an event's sentence occurs; rows of one sentence and label make one."""
    text = dataset.texts[source_id]
    statements = dataset.statements.loc[dataset.statements["source_id"] == source_id, ["evidence", "speaker"]]
    event_rows = dataset.event_sources.loc[dataset.event_sources["source_id"] == source_id, ["evidence", "event_id"]]
    events = event_rows.assign(title=event_rows["event_id"].map(dataset.events_by_id["title"]))[["evidence", "title"]]
    spans = {
        EvidenceSpan(start, end, kind, label)
        for kind, rows in (("statement", statements), ("event", events))
        for evidence, label in rows.drop_duplicates().itertuples(index=False)
        for start, end in find_all(text, evidence)
    }
    return sorted(spans, key=_span_order)


def pieces(text: str, spans: Iterable[EvidenceSpan], start: int = 0, end: int | None = None) -> list[Piece]:
    """Cut text[start:end] wherever a span begins or ends, so that overlapping spans nest cleanly; a span
    reaching outside the range is clipped, and labelled only where it really begins."""
    end = len(text) if end is None else end
    inside = sorted(
        {span for span in spans if span.start < end and span.end > start and span.start < span.end}, key=_span_order
    )
    cuts = sorted({start, end, *(max(span.start, start) for span in inside), *(min(span.end, end) for span in inside)})
    result = []
    for left, right in pairwise(cuts):
        covering = tuple(span for span in inside if span.start <= left and right <= span.end)
        result.append(Piece(text[left:right], covering, tuple(span for span in covering if span.start == left)))
    return result


# A translucent fill and `color: inherit` keep the text readable on light and dark themes alike.
_MARK_BASE = "color:inherit;background-color:transparent;padding:0.1em 0;border-radius:0.15em;"
_MARK_STYLES: dict[str, str] = {
    "statement": f"background-color:{rgba(HIGHLIGHT_COLOURS['statement'], 0.5)};",
    "event": (
        f"text-decoration-line:underline;text-decoration-color:{HIGHLIGHT_COLOURS['event']};"
        "text-decoration-thickness:3px;text-underline-offset:0.25em;text-decoration-skip-ink:none;"
    ),
}
_LABEL_BASE = (
    "display:inline-block;font-size:0.72em;font-weight:600;line-height:1.35;padding:0 0.45em;"
    "margin:0 0.3em 0 0;border-radius:0.7em;vertical-align:0.12em;unicode-bidi:isolate;"
)
_LABEL_STYLES: dict[str, str] = {
    "statement": f"background:{HIGHLIGHT_COLOURS['statement']};color:#1a1a1a;",
    "event": f"border:2px solid {HIGHLIGHT_COLOURS['event']};color:inherit;",
}
_PARAGRAPH_STYLE = (
    "margin:0 0 0.9em 0;padding:0.1em 0 0.1em 0.75em;line-height:1.8;white-space:pre-line;"
    "overflow-wrap:anywhere;border-left:3px solid transparent;"
)
_UNUSED_PARAGRAPH_STYLE = "border-left:3px dashed rgba(128,128,128,0.7);"
# The statement the reader chose: a ring round its sentence as well as its fill, so that it stands
# out from the other statements without relying on colour alone.
CHOSEN_ID = "kd-chosen-statement"
_CHOSEN_STYLE = "outline:3px solid currentColor;outline-offset:2px;scroll-margin:6rem;"


def _label_html(span: EvidenceSpan) -> Markup:
    return html(
        '<span class="hl-label hl-label-{kind}" title="{title}" style="{style}">{label}</span>',
        kind=span.kind,
        title=f"{_(KIND_NAMES[span.kind])}: {span.label}",
        style=_LABEL_BASE + _LABEL_STYLES[span.kind],
        label=shorten(span.label, 60),  # short beside the text; the title holds it whole
    )


def piece_html(piece: Piece, labelled: bool = True, chosen: bool = False, anchor: bool = False) -> Markup:
    """One piece as HTML: its labels, then its text, in a <mark> if any span covers it. A piece of
    the `chosen` statement's sentence is ringed; the first (`anchor`) carries the id a link scrolls to."""
    labels = join(_label_html(span) for span in piece.opening) if labelled else Markup()
    if not piece.spans and not chosen:
        return labels + escape(piece.text)
    kinds = sorted({span.kind for span in piece.spans}, key=_KIND_ORDER.__getitem__)
    titles = [f"{_(KIND_NAMES[span.kind])}: {span.label}" for span in piece.spans]
    return labels + html(
        '<mark class="{classes}"{anchor} title="{title}" style="{style}">{text}</mark>',
        classes=" ".join(["hl", *(f"hl-{kind}" for kind in kinds), *(["hl-chosen"] if chosen else [])]),
        anchor=html(' id="{}"', CHOSEN_ID) if anchor else "",
        title="; ".join([_("The statement chosen"), *titles] if chosen else titles),
        style=_MARK_BASE + "".join(_MARK_STYLES[kind] for kind in kinds) + (_CHOSEN_STYLE if chosen else ""),
        text=piece.text,
    )


def paragraph_html(
    text: str,
    paragraph: Paragraph,
    spans: Sequence[EvidenceSpan],
    labelled: bool = True,
    chosen: tuple[int, int] | None = None,
) -> Markup:
    """One paragraph, its spans highlighted, the `chosen` (start, end) ringed; a dashed rule if nothing was taken."""
    # The chosen stretch is cut as a span of its own: the pieces it covers are ringed, the one it opens anchored.
    ring = EvidenceSpan(*chosen, "statement", "") if chosen else None
    parts = pieces(text, [*spans, ring] if ring else spans, paragraph.start, paragraph.end)
    used = any(part.spans for part in parts)
    body = join(
        piece_html(
            Piece(part.text, tuple(s for s in part.spans if s != ring), tuple(s for s in part.opening if s != ring)),
            labelled,
            chosen=ring in part.spans,
            anchor=ring in part.opening,
        )
        for part in parts
    )
    return html(
        '<p class="{classes}" style="{style}">{body}</p>',
        classes="kd-paragraph" if used else "kd-paragraph kd-paragraph-unused",
        style=_PARAGRAPH_STYLE if used else _PARAGRAPH_STYLE + _UNUSED_PARAGRAPH_STYLE,
        body=body,
    )


def paragraphs_with_spans(paragraphs: Sequence[Paragraph], spans: Sequence[EvidenceSpan]) -> int:
    return sum(
        any(span.start < paragraph.end and span.end > paragraph.start for span in spans) for paragraph in paragraphs
    )


def article_html(text: str, spans: Sequence[EvidenceSpan], chosen_sentence: str = "") -> Markup:
    """Every paragraph, spans highlighted and labelled; `chosen_sentence` ringed where it first occurs, at CHOSEN_ID."""
    chosen = next(iter(find_all(text, chosen_sentence)), None)
    body = join(paragraph_html(text, paragraph, spans, chosen=chosen) for paragraph in split_paragraphs(text))
    return html('<div class="kd-article">{}</div>', body)


def show_chosen_html() -> Markup:
    """The script that brings the chosen statement (CHOSEN_ID) into view once the article is drawn."""
    return Markup('<script src="app/static/article/show-chosen.js"></script>')


def context_html(text: str, sentence: str) -> Markup | None:
    """The paragraph(s) where `sentence` first occurs, the sentence highlighted; None if it is not in the text."""
    found = find_all(text, sentence)
    if not found:
        return None
    start, end = found[0]
    span = EvidenceSpan(start, end, "statement", "")
    paragraphs = [paragraph for paragraph in split_paragraphs(text) if paragraph.start < end and paragraph.end > start]
    return join(paragraph_html(text, paragraph, [span], labelled=False) for paragraph in paragraphs)


def source_html(source: Mapping[str, object]) -> Markup:
    """Headline, publisher, dateline, day of publication and a link to the original."""
    return html(
        '<p style="margin:0 0 1em 0;"><strong>{title}</strong><br>{publisher} · {dateline} · {published} · {link}</p>',
        title=source["title"],
        publisher=source["publisher"],
        dateline=source["dateline"],
        published=_("published {date}").format(date=format_partial_date(source["published"], "day")),
        link=link(str(source["url"]), _("read the original")),
    )


def highlight_legend_html() -> Markup:
    """What the highlights mean; sample labels and marks drawn exactly as in the article."""
    statement = EvidenceSpan(0, 1, "statement", _("Speaker"))
    event = EvidenceSpan(0, 1, "event", _("Event title"))
    sentence = _("sentence")
    unused = html('<span style="{}padding-left:0.5em;">{}</span>', _UNUSED_PARAGRAPH_STYLE, _("paragraph"))
    items = [
        (piece_html(Piece(sentence, (statement,), (statement,))), _("a statement was taken from this sentence")),
        (piece_html(Piece(sentence, (event,), (event,))), _("an event was taken from this sentence")),
        (unused, _("nothing in it was taken into the dataset")),
        (_("plain text"), _("left out of the dataset")),
    ]
    rows = join(
        html('<li style="margin:0 0 0.3em 0;line-height:1.8;">{} — {}</li>', sample, meaning)
        for sample, meaning in items
    )
    return html('<ul style="list-style:none;padding:0;margin:0 0 1em 0;">{}</ul>', rows)
