"""Text labels above the plot, tied to dates, placed in rows so that none overlaps another."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.views.html import join
from lib.views.theme import MILESTONE_COLOUR
from lib.views.timeline.axes import NARROWEST_PLOT_PX

LABEL_FONT_PX = 12
LABEL_CHAR_PX = 0.58 * LABEL_FONT_PX  # a generous average width of one character (about 0.45 measured)
LABEL_LINE_PX = 16  # one line of label text (Plotly spaces lines at 1.3 times the font size)
LABEL_PAD_PX = 2
LABEL_GAP_PX = 4  # between rows of labels


@dataclass(frozen=True)
class AxisLabel:
    """Text over the plot, tied to a date: left-aligned from `left`, or right-aligned up to `right`."""

    lines: tuple[str, ...]
    left: pd.Timestamp
    right: pd.Timestamp
    background: str | None = None


def place_labels(
    labels: Sequence[AxisLabel], x_range: tuple[pd.Timestamp, pd.Timestamp], plot_px: float = NARROWEST_PLOT_PX
) -> tuple[list[dict[str, Any]], int]:
    """Annotations for the labels, each in the lowest row above the plot where it overlaps no other, and the
    rows' height in pixels. Widths are for a plot `plot_px` wide: labels apart there are apart on a wider one."""
    anchored = [_anchor(label, x_range, plot_px) for label in labels]
    rows = _lowest_free_rows([extent for _, _, extent in anchored])
    row_lines = [0] * (max(rows, default=-1) + 1)
    for label, row in zip(labels, rows, strict=True):
        row_lines[row] = max(row_lines[row], len(label.lines))
    heights = [lines * LABEL_LINE_PX + 2 * LABEL_PAD_PX + LABEL_GAP_PX for lines in row_lines]
    annotations = [
        _annotation(label, anchor, x, yshift=LABEL_GAP_PX + sum(heights[:row]))
        for label, (anchor, x, _), row in zip(labels, anchored, rows, strict=True)
    ]
    return annotations, sum(heights)


def _anchor(
    label: AxisLabel, x_range: tuple[pd.Timestamp, pd.Timestamp], plot_px: float
) -> tuple[str, pd.Timestamp, tuple[float, float]]:
    """ "left" from its left date, unless only "right" up to its right date keeps it on the axis; that date;
    and the span it covers in fractions of the axis."""
    span = (x_range[1] - x_range[0]).value
    left, right = ((at - x_range[0]).value / span for at in (label.left, label.right))
    width = (max(len(line) for line in label.lines) * LABEL_CHAR_PX + 2 * LABEL_PAD_PX) / plot_px
    if left + width <= 1 or right - width < 0:
        return "left", label.left, (left, left + width)
    return "right", label.right, (right - width, right)


def _lowest_free_rows(extents: Sequence[tuple[float, float]]) -> list[int]:
    """Each extent's row, in order: the lowest where it overlaps none placed before it."""
    rows: list[list[tuple[float, float]]] = []
    placed: list[int] = []
    for start, stop in extents:
        free = (number for number, spans in enumerate(rows) if all(stop <= a or b <= start for a, b in spans))
        row = next(free, len(rows))
        if row == len(rows):
            rows.append([])
        rows[row].append((start, stop))
        placed.append(row)
    return placed


def _annotation(label: AxisLabel, anchor: str, x: pd.Timestamp, yshift: int) -> dict[str, Any]:
    return {
        "text": str(join(label.lines, "<br>")),
        "x": x,
        "xref": "x",
        "xanchor": anchor,
        "y": 1,
        "yref": "paper",
        "yanchor": "bottom",
        "yshift": yshift,
        "showarrow": False,
        "align": anchor,
        "font": {"size": LABEL_FONT_PX, "color": MILESTONE_COLOUR},
        "bgcolor": label.background,
        "borderpad": LABEL_PAD_PX,
    }
