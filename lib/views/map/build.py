"""The islands map as a folium.Map: who administers each island, who claims it, and whether the 1956
declaration promised it to Japan. Render it with st_folium; clicked_island_id reads what it returns."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

import folium
import pandas as pd
import xyzservices

from lib.i18n import N_, _
from lib.model.dataset import Dataset
from lib.views.islands import UNCONTESTED, island_records, members_of
from lib.views.map.leaflet import MAP_SCRIPTS, MAP_STYLESHEETS, MapChrome, island_layer, label_layer, outline_layer
from lib.views.map.legend import COASTS_ATTRIBUTION, legend_entries, legend_names, map_legend_html
from lib.views.map.popups import popup_counts
from lib.views.map.shapes import bounds, highlight_rings, island_labels, island_shapes, selection_outlines

OSM_LAYER_NAME = N_("OpenStreetMap (online only)")
OSM_TILES = xyzservices.providers.OpenStreetMap.Mapnik


def _base_map(box: list[list[float]]) -> folium.Map:
    """An empty map around `box` that loads only the app's own files, with OpenStreetMap offered, hidden."""
    (south, west), (north, east) = box
    base = folium.Map(
        location=((south + north) / 2, (west + east) / 2),
        zoom_start=7,
        tiles=None,
        max_bounds=True,
        min_lat=south - 2,
        max_lat=north + 2,
        min_lon=west - 3,
        max_lon=east + 3,
        font_size="13px",
        minZoom=5,
        maxZoom=12,
        zoomSnap=0.25,  # fits the islands snugly at any width
        scrollWheelZoom=False,  # the page scrolls past the map; + / − and double-click zoom
    )
    base.default_js = MAP_SCRIPTS
    base.default_css = MAP_STYLESHEETS
    # The provider itself, not its name: looking a name up searches every provider xyzservices knows (5 ms).
    folium.TileLayer(OSM_TILES, name=_(OSM_LAYER_NAME), overlay=True, show=False, control=True).add_to(base)
    return base


def build_island_map(
    dataset: Dataset,
    events: pd.DataFrame,
    statements: pd.DataFrame,
    selected: str | None = None,
    *,
    compact: bool = False,
    lists_links: Mapping[str, str] | None = None,
    highlighted: Collection[str] = (),
) -> folium.Map:
    """The islands coloured by status, with a legend, names on hover and on click the island's facts and how
    many of the (filtered) `events` and `statements` name it, listed under the map or at `lists_links`. The
    `highlighted` islands (a group's members too) are ringed, named first in the legend, and in a narrow map's view."""
    islands, geojson, groups = dataset.islands, dataset.geojson, dataset.island_groups
    on_map = island_records(islands, geojson)
    everything = bounds(island.geometry for island in on_map if island.geometry)
    wanted = {member for island_id in highlighted for member in members_of(island_id, groups)}
    ringed = [island for island in on_map if island.id in wanted and island.geometry is not None]
    # A narrow map first shows the disputed islands, and the highlighted ones.
    narrow_view = [island.geometry for island in on_map if island.geometry and island.status != UNCONTESTED]
    narrow_view += [island.geometry for island in ringed]
    island_map = _base_map(everything)
    if ringed:  # added first, so that the rings lie beneath the islands
        rings = folium.FeatureGroup(name="Highlighted islands", control=False).add_to(island_map)
        outline_layer(highlight_rings(ringed)).add_to(rings)
    # The islands with their popups, then the clipped coasts' outline over them (the islands lack it), then the names.
    shapes = island_shapes(on_map, popup_counts(events, statements, dataset), lists_links)
    islands_layer = folium.FeatureGroup(name="Islands", control=False).add_to(island_map)
    island_layer([shape for shape in shapes if shape.popup is not None]).add_to(islands_layer)
    if coasts := [shape for shape in shapes if shape.popup is None]:
        outline_layer(coasts).add_to(islands_layer)
    names = folium.FeatureGroup(name=_("Island names"), control=True).add_to(island_map)
    label_layer(island_labels(on_map, groups)).add_to(names)
    if selected:
        selection_layer(dataset, selected).add_to(island_map)

    MapChrome(
        map_legend_html(legend_entries(on_map), compact=compact, highlighted=legend_names(ringed, on_map)),
        _(COASTS_ATTRIBUTION),
        fit=everything,
        fit_narrow=bounds(narrow_view) if narrow_view else everything,
    ).add_to(island_map)
    folium.LayerControl(position="topleft", collapsed=True).add_to(island_map)
    return island_map


def selection_layer(dataset: Dataset, selected: str | None) -> folium.FeatureGroup:
    """A thick outline around the selected island (or group). st_folium swaps it in without redrawing the map
    (`feature_group_to_add`): an empty group, not None, clears an earlier selection."""
    layer = folium.FeatureGroup(name="Selected island", control=False)
    if selected:
        wanted = members_of(selected, dataset.island_groups)
        outlined = [island for island in island_records(dataset.islands, dataset.geojson) if island.id in wanted]
        outline_layer(selection_outlines(outlined)).add_to(layer)
    return layer


def clicked_island_id(map_state: Mapping[str, Any] | None, island_ids: Iterable[str]) -> str | None:
    """The island of islands.csv whose shape was clicked last, from st_folium's `last_active_drawing`."""
    drawing = (map_state or {}).get("last_active_drawing") or {}
    island = (drawing.get("properties") or {}).get("id")
    return island if island in set(island_ids) else None
