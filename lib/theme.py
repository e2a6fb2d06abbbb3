"""Colours and symbols, one place for every page: countries, origins, island statuses."""

from __future__ import annotations

# Colour-blind-safe pair for the two parties (Okabe–Ito vermilion and blue); others in greys.
COUNTRY_COLOURS: dict[str, str] = {
    "Japan": "#D55E00",
    "Russia": "#0072B2",
    "USSR": "#0072B2",  # Soviet-era rows count as Russia
    "USA": "#7F7F7F",
    "UK": "#7F7F7F",
    "Allies": "#7F7F7F",
}
NEUTRAL_COLOUR = "#7F7F7F"

ORIGIN_LABELS: dict[str, str] = {"article": "from the article", "context": "context (sourced elsewhere)"}

# The annotated article: a statement's sentence gets a filled highlight and an event's an underline,
# so the two stay apart without colour too (Okabe–Ito yellow and bluish green).
HIGHLIGHT_COLOURS: dict[str, str] = {"statement": "#F0E442", "event": "#009E73"}

# Timeline marks: an event from the article is a green diamond, a context event a grey circle,
# so the two stay apart in shape as well as colour.
ORIGIN_COLOURS: dict[str, str] = {"article": "#009E73", "context": "#6E6E6E"}
ORIGIN_SYMBOLS: dict[str, str] = {"article": "diamond", "context": "circle"}
# Background bands of the timeline: the Soviet era, then the Russian Federation's.
ERA_COLOURS: dict[str, str] = {"soviet": "#F3E8DA", "russian_federation": "#E3EEF6"}
MILESTONE_COLOUR = "#444444"
