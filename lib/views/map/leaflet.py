"""The map's folium elements: the islands and the outlines over or beneath them as folium.GeoJson
layers (the islands with GeoJsonTooltip and GeoJsonPopup), their names as DivIcon markers, and the
chrome around them (legend, sea, first view), which static/map/islands.js adds; islands.css styles it.

Every text reaches folium as HTML escaped by lib.views.html, then made `inert`: branca compiles every
folium element's script once more as a Jinja template, where a "{{ ... }}" from a CSV cell would run
as Python on the server, so its braces become HTML entities, the same braces once drawn. No text ends
the script: folium writes features with Jinja's tojson, which escapes "<", ">", "&" and "'", and
styles (a name's icon HTML among them) with json.dumps, where the only raw "<" are the map's own tags.
GeoJsonTooltip and GeoJsonPopup insert a property's HTML when they open: a `${...}` in it is text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import folium
from branca.element import MacroElement
from folium.template import Template

from lib.views.theme import MAP_SEA_COLOUR

# Relative to the page st_folium renders in (<app>/component/<name>/index.html), so the files are
# found under whatever base path the app is deployed at. A map saved on its own would not find them.
STATIC_URL = "../../app/static/"
LEAFLET_JS = STATIC_URL + "leaflet/leaflet.js"
LEAFLET_CSS = STATIC_URL + "leaflet/leaflet.css"
ISLANDS_JS = STATIC_URL + "map/islands.js"
ISLANDS_CSS = STATIC_URL + "map/islands.css"
# A folium.Map's default_js and default_css: streamlit-folium loads them in this order, and
# islands.js calls Leaflet; islands.css overrides some of Leaflet's styles.
MAP_SCRIPTS = [("leaflet", LEAFLET_JS), ("islands_map", ISLANDS_JS)]
MAP_STYLESHEETS = [("leaflet_css", LEAFLET_CSS), ("islands_map_css", ISLANDS_CSS)]

POINT_RADIUS = 6
# The Habomai islets lie a few pixels apart at the overview zoom: their names show from this zoom on,
# and below it the group's name stands for them.
ISLET_NAMES_ZOOM = 10
# Narrower than this (a phone), the legend starts folded so the islands stay in view.
NARROW_MAP_WIDTH = 560
# The first view keeps the southernmost names (the Habomai islets') clear of the attribution line.
FIT_BOTTOM_PADDING_PX = 64
POPUP_OPTIONS = {
    "max_width": 320,
    "min_width": 200,
    "autoPanPaddingTopLeft": [56, 12],  # clear of the zoom and layer buttons
    "autoPanPaddingBottomRight": [12, 12],
}


def inert(html: str) -> str:
    """HTML whose braces are entities: drawn the same, and no Jinja tag when branca compiles it."""
    return str(html).replace("{", "&#123;").replace("}", "&#125;")


@dataclass(frozen=True)
class Shape:
    """A GeoJSON feature as Leaflet draws it. An island's shape names it on hover and opens its popup
    on click; a decoration (a clipped coast, the selection's outline) has no popup and lets clicks
    through to the island below."""

    feature: dict[str, Any]
    style: dict[str, Any]
    hover: dict[str, Any] | None = None
    tooltip: str = ""
    popup: str | None = None  # HTML

    @property
    def island_id(self) -> str | None:
        return self.feature["properties"].get("id")


def _collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features}


def island_layer(shapes: Sequence[Shape]) -> folium.GeoJson:
    """The islands, each styled by its shape, named on hover and detailed on click. streamlit-folium
    returns the feature clicked: its id names the island."""
    by_id = {shape.island_id: shape for shape in shapes}
    features = [
        {
            **shape.feature,
            "properties": {"id": shape.island_id, "tooltip": inert(shape.tooltip), "popup": inert(shape.popup or "")},
        }
        for shape in shapes
    ]
    return folium.GeoJson(
        _collection(features),
        style_function=lambda feature: by_id[feature["properties"]["id"]].style,
        highlight_function=lambda feature: by_id[feature["properties"]["id"]].hover or {},
        marker=folium.CircleMarker(radius=POINT_RADIUS),
        tooltip=folium.GeoJsonTooltip(["tooltip"], labels=False, class_name="island-tooltip"),
        popup=folium.GeoJsonPopup(["popup"], labels=False, **POPUP_OPTIONS),
    )


def outline_layer(shapes: Sequence[Shape]) -> folium.GeoJson:
    """Decorations, each with its own style (a point's radius in it): clicks and hovers pass through."""
    features = [{**shape.feature, "properties": {"style": shape.style}} for shape in shapes]
    return folium.GeoJson(
        _collection(features),
        style_function=lambda feature: feature["properties"]["style"],
        marker=folium.CircleMarker(radius=POINT_RADIUS),
    )


@dataclass(frozen=True)
class IslandLabel:
    """An island's name on the map, its icon's corner at the island's representative point."""

    island_id: str
    lat: float
    lon: float
    html: str

    @property
    def class_name(self) -> str:
        # Ids are lowercase letters, digits, '-' and '_' (the loader checks), so they make safe class names.
        return f"island-label-icon label-{self.island_id}"


def label_layer(labels: Sequence[IslandLabel]) -> folium.GeoJson:
    """The names, one DivIcon marker each that takes no clicks and no keyboard focus. One layer, not a
    folium.Marker apiece: folium's GeoJson sets each point's icon options from its style, here the
    icon's HTML and class."""
    icons = {label.island_id: {"html": inert(label.html), "className": label.class_name} for label in labels}
    features = [
        {
            "type": "Feature",
            "properties": {"id": label.island_id},
            "geometry": {"type": "Point", "coordinates": [label.lon, label.lat]},
        }
        for label in labels
    ]
    return folium.GeoJson(
        _collection(features),
        style_function=lambda feature: icons[feature["properties"]["id"]],
        marker=folium.Marker(icon=folium.DivIcon(icon_size=(0, 0)), interactive=False, keyboard=False),
    )


class MapChrome(MacroElement):
    """What the map shows around the islands, added to the parent map by islands.js: the sea, the
    legend, the coasts' attribution, islet names from ISLET_NAMES_ZOOM on, and the first view: every
    shape, or on a narrow (phone) map only the disputed islands, so they are not drawn too small."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "KurilsMap.addChrome({{ this._parent.get_name() }}, {{ this.options|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, legend: str, attribution: str, fit: list[list[float]], fit_narrow: list[list[float]]) -> None:
        super().__init__()
        self._name = "MapChrome"
        self.options = {
            "seaColour": MAP_SEA_COLOUR,
            "legend": inert(legend),
            "attribution": inert(attribution),
            "fit": fit,
            "fitNarrow": fit_narrow,
            "narrowWidth": NARROW_MAP_WIDTH,
            "bottomPadding": FIT_BOTTOM_PADDING_PX,
            "isletNamesZoom": ISLET_NAMES_ZOOM,
        }
