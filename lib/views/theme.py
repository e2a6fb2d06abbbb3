"""Colours and symbols, one place for every page: countries, origins, island statuses."""

from __future__ import annotations

from lib.i18n import N_, _
from lib.model.filters import COUNTRY_ALIASES

NEUTRAL_COLOUR = "#7F7F7F"
# Colour-blind-safe pair for the two parties (Okabe–Ito vermilion and blue); others in greys.
_JAPAN, _RUSSIA = "#D55E00", "#0072B2"
_PARTY_COLOURS = {"Japan": _JAPAN, "Russia": _RUSSIA}
_ALIAS_COLOURS = {alias: _PARTY_COLOURS[country] for alias, country in COUNTRY_ALIASES.items()}  # the USSR: Russia's
COUNTRY_COLOURS: dict[str, str] = (
    _PARTY_COLOURS | _ALIAS_COLOURS | dict.fromkeys(("USA", "UK", "Allies"), NEUTRAL_COLOUR)
)
# The data's country values, marked for the catalogs: a reader sees them in their own language.
COUNTRY_NAMES = dict(
    Japan=N_("Japan"), Russia=N_("Russia"), USSR=N_("USSR"), USA=N_("USA"), UK=N_("UK"), Allies=N_("Allies")
)

ORIGIN_LABELS: dict[str, str] = {"article": N_("from the TASS article"), "context": N_("context (sourced elsewhere)")}

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
# The ring around the chosen event's mark: darker than any mark, whatever its origin.
TIMELINE_CHOSEN_COLOUR = "#111111"

# The islands map. Fill = who administers (Russia's blue); a dashed vermilion outline = claimed by
# Japan; the lighter sky blue = also promised to Japan by the 1956 declaration. Land outside the
# dispute is pale, outlined in its administering country's colour. Lightness and the dashes keep the
# statuses apart for colour-blind readers too (Okabe–Ito blue, sky blue and vermilion).
_CLAIMED_STYLE = {"fillColor": _RUSSIA, "fillOpacity": 0.9, "color": _JAPAN, "weight": 1.5, "dashArray": "4 3"}
ISLAND_STATUS_STYLES: dict[str, dict[str, str | float]] = {
    "claimed": _CLAIMED_STYLE,
    "promised_1956": {**_CLAIMED_STYLE, "fillColor": "#56B4E9", "fillOpacity": 0.95},
    "uncontested": {"fillColor": "#ECE7DC", "fillOpacity": 1.0, "weight": 1.2},
}
MAP_SEA_COLOUR = "#D5E3EC"
MAP_SELECTED_COLOUR = "#111111"
# The islands a view is about (a story chapter's): a wide ring drawn beneath the islands, so only its
# outer half shows, a highlighter's halo around the coast that leaves each status's colours as they are
# (Okabe–Ito yellow: apart from the blues and the vermilion, and from the sea, for colour-blind readers too).
MAP_HIGHLIGHT_STYLE: dict[str, str | float] = {"color": "#F0E442", "weight": 10, "opacity": 1.0}


def country_name(country: str) -> str:
    return _(COUNTRY_NAMES.get(country, country))


def rgba(colour: str, opacity: float) -> str:
    """A "#rrggbb" colour at `opacity`, as CSS writes it."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {opacity})"
