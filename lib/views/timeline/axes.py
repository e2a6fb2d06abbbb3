"""The chart's axes: dates across, over the years the filter chose; a lane per event type down."""

from __future__ import annotations

import pandas as pd

LANE_LABELS: dict[str, str] = {
    "treaty": "Treaty",
    "declaration": "Declaration",
    "summit": "Summit",
    "ministerial": "Ministerial",
    "military": "Military",
    "legislative": "Legislation",
    "suspension": "Suspension",
    "other": "Other",
}

# A 390-px window less the page padding and lane names: what fits here fits any wider window too.
NARROWEST_PLOT_PX = 250


def axis_range(year_range: tuple[int, int]) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The year filter's years whole, with a little room at each end."""
    start = pd.Timestamp(year=year_range[0], month=1, day=1)
    stop = pd.Timestamp(year=year_range[1] + 1, month=1, day=1)
    pad = (stop - start) * 0.02
    return start - pad, stop + pad
