"""The map's folium elements: each writes its data as one JavaScript literal and one call into
static/map/islands.js, which draws it with Leaflet; static/map/islands.css styles it.

Every text reaches the page inside such a literal, written by script_json. folium's own Tooltip and
Popup paste HTML into a JavaScript template literal, where a `${...}` in a CSV cell would run as code,
so these elements bind tooltips and popups themselves.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from branca.element import Element, MacroElement
from folium.template import Template

from lib.views.map.popups import Popup
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
TOOLTIP_OPTIONS = {"sticky": True, "className": "island-tooltip"}
POPUP_OPTIONS = {
    "maxWidth": 320,
    "minWidth": 200,
    "autoPanPaddingTopLeft": [56, 12],  # clear of the zoom and layer buttons
    "autoPanPaddingBottomRight": [12, 12],
}

# A "</script>" in a string would end the script, and branca compiles folium scripts once more as
# Jinja templates, where "{{ ... }}" from a CSV cell would run as Python on the server: none of these
# reaches a script raw. Chained str.replace, not str.translate: several times faster on long texts.
_SCRIPT_STRING = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("'", "\\u0027"),
    ("{", "\\u007b"),
    ("}", "\\u007d"),
)
_SCRIPT_SPECIAL = re.compile(r"[<>&'{}]")
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')


def script_string(text: str) -> str:
    """`text` as a JavaScript string literal: it cannot end the <script>, and holds no brace for Jinja."""
    literal = json.dumps(text, ensure_ascii=False)
    for old, new in _SCRIPT_STRING:
        literal = literal.replace(old, new)
    return literal


def _script_string_token(token: str) -> str:
    # A string with none of the special characters is written exactly as json.dumps wrote it.
    return script_string(json.loads(token)) if _SCRIPT_SPECIAL.search(token) else token


def script_json(value: Any) -> str:
    """`value` as a JavaScript literal: JSON whose every string is written by script_string. The
    braces of JSON's own objects never open a Jinja tag: after "{" comes a quote or "}"."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return _JSON_STRING.sub(lambda token: _script_string_token(token.group()), text)


class _FinalText(Element):
    """Rendered output that branca must not compile again as a Jinja template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class FinalMacroElement(MacroElement):
    """A MacroElement whose rendered header, html and script are final text.

    branca's MacroElement wraps each in an Element, which compiles it once more as a Jinja template:
    time in proportion to its length, for text that holds no template. (streamlit-folium calls the
    `script` macro itself; the figure's copy is what folium's own HTML output would use.)
    """

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        macros = self._template.module.__dict__
        for part in ("header", "html", "script"):
            if part in macros:
                getattr(figure, part).add_child(_FinalText(macros[part](self, kwargs)), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)


def _islands_map_call(function: str) -> Template:
    """A script that hands the element's parent (a map or a layer) and its data to islands.js."""
    return Template(
        "{% macro script(this, kwargs) %}"
        f"KurilsMap.{function}({{{{ this._parent.get_name() }}}}, {{{{ this.data_literal }}}});"
        "{% endmacro %}"
    )


@dataclass(frozen=True)
class Shape:
    """A GeoJSON feature as Leaflet draws it. An island's shape names it on hover and opens its popup
    on click; a decoration (a clipped coast, the selection's outline) has no popup and lets clicks
    through to the island below."""

    feature: dict[str, Any]
    style: dict[str, Any]
    radius: float = POINT_RADIUS  # for a point
    hover: dict[str, Any] | None = None
    tooltip: str = ""
    popup: Popup | None = None

    @property
    def island_id(self) -> str | None:
        return self.feature["properties"].get("id")

    def to_json(self) -> dict[str, Any]:
        drawn = {"feature": self.feature, "style": self.style, "radius": self.radius}
        if self.popup is not None:
            drawn |= {"hover": self.hover or {}, "tooltip": self.tooltip, "popup": list(self.popup.parts)}
        return drawn


class Shapes(FinalMacroElement):
    """Shapes drawn into the parent layer, one L.geoJSON each (streamlit-folium returns the feature
    of the one clicked), with their tooltips and popups; the popups' list items come once, in `items`."""

    _template = _islands_map_call("drawShapes")

    def __init__(self, shapes: Sequence[Shape], items: Sequence[str] = ()) -> None:
        super().__init__()
        self._name = "Shapes"
        self.shapes = tuple(shapes)
        self.items = tuple(items)
        self.data_literal = script_json(
            {
                "shapes": [shape.to_json() for shape in self.shapes],
                "items": list(self.items),
                "tooltip": TOOLTIP_OPTIONS,
                "popup": POPUP_OPTIONS,
            }
        )

    def popup_html(self, island_id: str) -> str:
        """The HTML of the island's popup, as islands.js puts it together."""
        (popup,) = [shape.popup for shape in self.shapes if shape.island_id == island_id and shape.popup is not None]
        return popup.html(self.items)


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


class IslandLabels(FinalMacroElement):
    """Labels drawn into the parent layer: markers that take no clicks and no keyboard focus."""

    _template = _islands_map_call("drawLabels")

    def __init__(self, labels: Sequence[IslandLabel]) -> None:
        super().__init__()
        self._name = "IslandLabels"
        self.labels = tuple(labels)
        self.data_literal = script_json(
            [{"at": [label.lat, label.lon], "html": label.html, "className": label.class_name} for label in self.labels]
        )


class MapChrome(FinalMacroElement):
    """What the map shows around the islands, added to the parent map: the sea, the legend, the coasts'
    attribution, islet names from ISLET_NAMES_ZOOM on, and the first view: every shape, or on a
    narrow (phone) map only the disputed islands, so they are not drawn too small."""

    _template = _islands_map_call("addChrome")

    def __init__(self, legend: str, attribution: str, fit: list[list[float]], fit_narrow: list[list[float]]) -> None:
        super().__init__()
        self._name = "MapChrome"
        self.legend = legend
        self.data_literal = script_json(
            {
                "seaColour": MAP_SEA_COLOUR,
                "legend": legend,
                "attribution": attribution,
                "fit": fit,
                "fitNarrow": fit_narrow,
                "narrowWidth": NARROW_MAP_WIDTH,
                "bottomPadding": FIT_BOTTOM_PADDING_PX,
                "isletNamesZoom": ISLET_NAMES_ZOOM,
            }
        )
