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
    """Annotations for the labels, each in the lowest row above the plot where it overlaps no other,
    and the height in pixels of all the rows.

    Widths are estimated for a plot `plot_px` wide; on a wider plot every label takes a smaller
    share of the axis, so labels that are apart here stay apart.
    """
    span = (x_range[1] - x_range[0]).value

    def fraction(timestamp: pd.Timestamp) -> float:
        return (timestamp - x_range[0]).value / span

    rows: list[list[tuple[float, float]]] = []
    row_lines: list[int] = []
    placed: list[tuple[AxisLabel, str, pd.Timestamp, int]] = []
    for label in labels:
        width = (max(len(line) for line in label.lines) * LABEL_CHAR_PX + 2 * LABEL_PAD_PX) / plot_px
        if fraction(label.left) + width <= 1 or fraction(label.right) - width < 0:
            anchor, x, extent = "left", label.left, (fraction(label.left), fraction(label.left) + width)
        else:
            anchor, x, extent = "right", label.right, (fraction(label.right) - width, fraction(label.right))
        row = next(
            (number for number, spans in enumerate(rows) if all(extent[1] <= a or b <= extent[0] for a, b in spans)),
            len(rows),
        )
        if row == len(rows):
            rows.append([])
            row_lines.append(0)
        rows[row].append(extent)
        row_lines[row] = max(row_lines[row], len(label.lines))
        placed.append((label, anchor, x, row))

    heights = [lines * LABEL_LINE_PX + 2 * LABEL_PAD_PX + LABEL_GAP_PX for lines in row_lines]
    annotations = [
        {
            "text": str(join(label.lines, "<br>")),
            "x": x,
            "xref": "x",
            "xanchor": anchor,
            "y": 1,
            "yref": "paper",
            "yanchor": "bottom",
            "yshift": LABEL_GAP_PX + sum(heights[:row]),
            "showarrow": False,
            "align": anchor,
            "font": {"size": LABEL_FONT_PX, "color": MILESTONE_COLOUR},
            "bgcolor": label.background,
            "borderpad": LABEL_PAD_PX,
        }
        for label, anchor, x, row in placed
    ]
    return annotations, sum(heights)
