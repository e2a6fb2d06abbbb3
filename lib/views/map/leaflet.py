"""The map's folium elements: GeoJson layers of islands, outlines and DivIcon names, and the chrome
static/map/islands.js adds, sent in the map's script. Every text is HTML escaped by lib.views.html, then made
`inert`: branca compiles each element's script once more as Jinja, where a "{{ ... }}" from a CSV cell would run
on the server. No text ends the script: folium writes features with tojson and styles with json.dumps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import folium
from branca.element import MacroElement
from folium.template import Template

from lib.i18n import N_, _
from lib.site import STATIC_DIR
from lib.views.html import escape
from lib.views.theme import MAP_SEA_COLOUR

# Relative to the page st_folium renders in (<app>/component/<name>/index.html), so the files are
# found under whatever base path the app is deployed at. A map saved on its own would not find them.
STATIC_URL = "../../app/static/"
LEAFLET_JS = STATIC_URL + "leaflet/leaflet.js"
LEAFLET_CSS = STATIC_URL + "leaflet/leaflet.css"
ISLANDS_CSS = STATIC_URL + "map/islands.css"
MAP_SCRIPTS = [("leaflet", LEAFLET_JS)]
# In this order: islands.css overrides some of Leaflet's styles.
MAP_STYLESHEETS = [("leaflet_css", LEAFLET_CSS), ("islands_map_css", ISLANDS_CSS)]
# Sent inside the map's own script, not linked: streamlit-folium loads linked scripts one after another,
# and a second one delayed every map's first view by about 60 ms (python -m bench).
CHROME_SCRIPT = (STATIC_DIR / "map" / "islands.js").read_text(encoding="utf-8")

POINT_RADIUS = 6
# The Habomai islets lie a few pixels apart at the overview zoom: their names show from this zoom on,
# and below it the group's name stands for them.
ISLET_NAMES_ZOOM = 10
NARROW_MAP_WIDTH = 560  # a phone: the legend starts folded so the islands stay in view
FIT_BOTTOM_PADDING_PX = 84  # keeps the Habomai islets' names and badge (two lines in Russian) off the attribution
# Panned clear of the zoom and layer buttons, top left.
POPUP_OPTIONS = dict(max_width=320, min_width=200, autoPanPaddingTopLeft=[56, 12], autoPanPaddingBottomRight=[12, 12])
# Leaflet's own English words: its buttons' titles, its credit link's, and the popups' close button's name.
LEAFLET_WORDS = {
    "zoomIn": N_("Zoom in"),
    "zoomOut": N_("Zoom out"),
    "layers": N_("Layers"),
    "credit": N_("A JavaScript library for interactive maps"),
    "closePopup": N_("Close popup"),
}


def inert(html: str) -> str:
    """HTML whose braces are entities: drawn the same, and no Jinja tag when branca compiles it."""
    return str(html).replace("{", "&#123;").replace("}", "&#125;")


@dataclass(frozen=True)
class Shape:
    """A GeoJSON feature as Leaflet draws it: an island's has a tooltip and a popup; a decoration has neither."""

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
    """The islands, named on hover and detailed on click; streamlit-folium returns the clicked feature's id."""
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
        tooltip=folium.GeoJsonTooltip(["tooltip"], labels=False),
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


def label_layer(labels: Sequence[IslandLabel]) -> folium.GeoJson:
    """The names, DivIcons that take no clicks or focus, in one layer: GeoJson sets a point's icon from its style."""
    # Ids are lowercase letters, digits, '-' and '_' (the loader checks), so they make safe class names.
    icons = {
        label.island_id: {"html": inert(label.html), "className": f"island-label-icon label-{label.island_id}"}
        for label in labels
    }
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
    """What islands.js adds around the islands: the sea, the legend, the attribution, Leaflet's words in the
    reader's language, islet names from ISLET_NAMES_ZOOM on, and the first view (on a phone, the disputed islands)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this.chrome_script }}\n"
        "KurilsMap.addChrome({{ this._parent.get_name() }}, {{ this.options|tojson }});"
        "{% endmacro %}"
    )
    chrome_script = CHROME_SCRIPT

    def __init__(self, legend: str, attribution: str, fit: list[list[float]], fit_narrow: list[list[float]]) -> None:
        super().__init__()
        self._name = "MapChrome"
        self.options = {
            "seaColour": MAP_SEA_COLOUR,
            "legend": inert(escape(legend)),
            "attribution": inert(escape(attribution)),
            "fit": fit,
            "fitNarrow": fit_narrow,
            "narrowWidth": NARROW_MAP_WIDTH,
            "bottomPadding": FIT_BOTTOM_PADDING_PX,
            "isletNamesZoom": ISLET_NAMES_ZOOM,
            "words": {name: _(message) for name, message in LEAFLET_WORDS.items()},
        }
