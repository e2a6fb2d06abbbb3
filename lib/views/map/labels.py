"""The islands' names on the map: which name, where beside the shape, and which give way at the overview zoom
(islets to their group; static/map/islands.css says how)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from lib.views.html import Markup, html
from lib.views.islands import PROMISED_1956, UNCONTESTED, Island
from lib.views.map.leaflet import IslandLabel

# Names of smaller islands go below the shape, which they would otherwise cover.
SMALL_ISLAND_KM2 = 500


def short_name(name: str) -> str:
    """The name a map label shows: without its bracketed variants ("Zeleny (Zelyony) Island" -> "Zeleny Island")."""
    return re.sub(r"\s*\([^)]*\)", "", name).strip() or name


def _label_classes(island: Island, groups: Mapping[str, str]) -> list[str]:
    classes = []
    if island.kind == "island_group":
        classes.append("group-name")
    elif island.group != island.id and island.group in groups:
        classes.append("islet-name")
    if island.is_point:
        classes.append("beside")
    elif island.kind != "island_group" and (island.area_km2 or 0) < SMALL_ISLAND_KM2:
        classes.append("below")
    if island.status == UNCONTESTED:
        classes.append("context")
    return classes


def island_label(island: Island, groups: Mapping[str, str]) -> IslandLabel:
    """The island's name at its representative point, with "promised in 1956" under it (an islet's group's only)."""
    classes = _label_classes(island, groups)
    promised = island.status == PROMISED_1956 and "islet-name" not in classes
    badge = Markup('<small class="badge">promised in 1956</small>') if promised else ""
    label = html(
        '<span class="island-label {}"><span class="name">{}</span>{}</span>',
        " ".join(classes),
        short_name(island.name),
        badge,
    )
    return IslandLabel(island.id, island.lat, island.lon, label)


def island_labels(islands_on_map: Iterable[Island], groups: Mapping[str, str]) -> list[IslandLabel]:
    """A label for every island drawn, and for every group (its members are drawn)."""
    return [
        island_label(island, groups)
        for island in islands_on_map
        if island.geometry is not None or island.kind == "island_group"
    ]
