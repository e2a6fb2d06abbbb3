"""lib/views/timeline/background.py: labels above the plot sit in rows where none overlaps another."""

from __future__ import annotations

import pandas as pd

from lib.views.timeline.background import AxisLabel, axis_range, place_labels

X_RANGE = axis_range((1900, 2000))


def at(date: str, *lines: str) -> AxisLabel:
    return AxisLabel(lines, pd.Timestamp(date), pd.Timestamp(date))


def test_labels_that_would_touch_go_to_separate_rows() -> None:
    labels = [at("1950-01-01", "First label"), at("1950-01-01", "Second label"), at("1905-01-01", "Far away")]
    annotations, height = place_labels(labels, X_RANGE)
    shifts = [annotation["yshift"] for annotation in annotations]
    assert shifts[0] != shifts[1]
    assert shifts[2] == shifts[0], "a label with room beside the first shares its row"
    assert height > max(shifts)


def test_a_row_of_two_line_labels_is_taller() -> None:
    _, one_line = place_labels([at("1950-01-01", "A label")], X_RANGE)
    _, two_lines = place_labels([at("1950-01-01", "A label", "and a date")], X_RANGE)
    assert two_lines > one_line
    assert place_labels([], X_RANGE) == ([], 0)


def test_a_label_near_the_right_edge_ends_at_its_date() -> None:
    (annotation,), _ = place_labels([at("1998-01-01", "A label by the edge")], X_RANGE)
    assert annotation["xanchor"] == "right"
    assert annotation["x"] == pd.Timestamp("1998-01-01")


def test_label_text_is_escaped_and_its_lines_kept() -> None:
    (annotation,), _ = place_labels([at("1950-01-01", "<b>bold</b>", "a & b")], X_RANGE)
    assert annotation["text"] == "&lt;b&gt;bold&lt;/b&gt;<br>a &amp; b"


def test_a_japanese_label_is_as_wide_as_its_characters() -> None:
    """A kanji or kana is a full em wide, nearly twice a Latin letter: a label of as many Latin letters fits
    where the Japanese one would touch the next label."""
    for lines, rows in ((("日本語の長いラベルです",), 2), (("A long label",), 1)):
        annotations, _ = place_labels([at("1920-01-01", *lines), at("1965-01-01", "Next")], X_RANGE)
        assert len({annotation["yshift"] for annotation in annotations}) == rows, lines
