"""The islands map: a pure function from DataFrames and GeoJSON to a folium.Map.

`build_island_map` draws data/islands.geojson with the statuses from islands.csv: who administers
each island, who claims it, and whether the 1956 declaration promised it to Japan.

Two rules keep the map safe and self-contained:
- Every text from the data is HTML-escaped, then handed to Leaflet inside a JSON literal whose every
  string is written by script_string. folium's own Tooltip and Popup paste HTML into a JavaScript
  template literal, where a `${...}` in a CSV cell would run as code (and its Popup needs jQuery),
  so this module binds tooltips and popups itself.
- The map asks only for the Leaflet files the app serves from static/leaflet, never a public CDN,
  so it draws the same with no network at all.

It is also quick to build, since it is built on every run: the islands' shapes, their names on hover,
their popups and their labels are two elements drawn from one JSON literal each, not folium elements
apiece (branca compiles every element's output once more as a Jinja template: 229 compiles a run
when each island had its own), and these elements' output is final text that branca leaves alone.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import namedtuple
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import folium
import numpy as np
import pandas as pd
import xyzservices
from branca.element import Element, MacroElement
from folium.template import Template

from lib.model.dataset import Dataset
from lib.model.dates import format_date_range, format_partial_date
from lib.model.filters import island_groups
from lib.views.islands import (
    CLAIMED,
    PROMISED_1956,
    UNCONTESTED,
    Island,
    Named,
    NamingIndex,
    event_link,
    island_facts,
    island_records,
    japanese_name,
    members_of,
    naming_index,
    part_of,
    safe_url,
    source_urls,
)
from lib.views.text import escape_html, script_string
from lib.views.theme import COUNTRY_COLOURS, ISLAND_STATUS_STYLES, MAP_SEA_COLOUR, MAP_SELECTED_COLOUR, NEUTRAL_COLOUR
from lib.views.wording import join_names

# Relative to the page st_folium renders in (<app>/component/<name>/index.html), so the files are
# found under whatever base path the app is deployed at. A map saved on its own would not find them.
STATIC_URL = "../../app/static/"
LEAFLET_JS = STATIC_URL + "leaflet/leaflet.js"
LEAFLET_CSS = STATIC_URL + "leaflet/leaflet.css"

# The Habomai islets lie a few pixels apart at the overview zoom: their names show from this zoom on,
# and below it the group's name stands for them.
ISLET_NAMES_ZOOM = 10
POINT_RADIUS = 6
# A popup lists at most this many events and as many statements, the latest: every one today
# (29 at most), a bounded list however the data grows.
POPUP_LIST_LIMIT = 40
# Names of smaller islands go below the shape, which they would otherwise cover.
SMALL_ISLAND_KM2 = 500
# Narrower than this (a phone), the legend starts folded so the islands stay in view.
NARROW_MAP_WIDTH = 560
# The first view keeps the southernmost names (the Habomai islets') clear of the attribution line.
FIT_BOTTOM_PADDING_PX = 56
OSM_LAYER_NAME = "OpenStreetMap (online only)"
OSM_TILES = xyzservices.providers.OpenStreetMap.Mapnik
NAMES_LAYER_NAME = "Island names"
COASTS_ATTRIBUTION = "Coasts: Made with Natural Earth"
PROMISE_1956 = "promised to Japan after a peace treaty by the 1956 declaration"


@dataclass(frozen=True)
class LegendEntry:
    status: str
    style: dict[str, str | float]
    names: tuple[str, ...]
    description: str


def island_style(island: Island) -> dict[str, str | float]:
    """Leaflet path options for the island's status; land outside the dispute is outlined in its
    administering country's colour."""
    style = dict(ISLAND_STATUS_STYLES[island.status])
    if island.status == UNCONTESTED:
        style["color"] = COUNTRY_COLOURS.get(island.administered_by, NEUTRAL_COLOUR)
    return style


def short_name(name: str) -> str:
    """The name a map label shows: without its bracketed variants ("Zeleny (Zelyony) Island" -> "Zeleny Island")."""
    return re.sub(r"\s*\([^)]*\)", "", name).strip() or name


def _link(url: str, text: str) -> str:
    url = safe_url(url)
    if not url:
        return ""
    return f'<a href="{escape_html(url)}" target="_blank" rel="noopener noreferrer">{escape_html(text)}</a>'


def names_html(island: Island) -> str:
    """The tooltip: the name in English, Japanese (romaji and kanji) and Russian (Latin and Cyrillic)."""
    japanese = (
        f'{escape_html(island.name_ja_romaji)} <span lang="ja">{escape_html(island.name_ja_kanji)}</span>'
        if japanese_name(island)
        else "<em>not recorded</em>"
    )
    russian = f'{escape_html(island.name_ru_latin)} <span lang="ru">{escape_html(island.name_ru_cyrillic)}</span>'
    return (
        f'<div class="island-names"><strong>{escape_html(island.name)}</strong>'
        f"<br>Japanese: {japanese}<br>Russian: {russian}</div>"
    )


def _event_item(event: Any, urls: Mapping[str, str]) -> str:
    when = format_date_range(event.date, event.end_date, event.date_precision)
    return (
        f'<li><span class="when">{escape_html(when)}</span> '
        f"{escape_html(event.title)} {_link(event_link(event, urls), 'source')}</li>"
    )


def _statement_item(statement: Any, urls: Mapping[str, str]) -> str:
    return (
        f'<li><span class="when">{escape_html(format_partial_date(statement.date, statement.date_precision))}</span> '
        f"{escape_html(statement.speaker)} ({escape_html(statement.country)}): “{escape_html(statement.quote)}” "
        f"{_link(urls.get(statement.source_id, ''), 'source')}</li>"
    )


@dataclass(frozen=True)
class Listed:
    """One island's list in its popup: how many rows name it, and the list items of the latest."""

    count: int
    shown: tuple[int, ...]  # indices into PopupLists.items, oldest first


@dataclass(frozen=True)
class PopupLists:
    """The events and statements the popups list, each list item written once: a popup holds
    indices into `items`, so an event naming five islands is built, and sent to the page, once."""

    items: tuple[str, ...]
    events: Mapping[str, Listed]  # by island id
    statements: Mapping[str, Listed]


@dataclass(frozen=True)
class PopupIndex:
    """The rows of the dataset's events and statements that name each island of islands.csv.

    It depends on the dataset only: a page can build it once per data version (`popup_index`) and
    hand it to build_island_map with the filtered frames on every run.
    """

    events: NamingIndex
    statements: NamingIndex


def popup_index(islands: pd.DataFrame, events: pd.DataFrame, statements: pd.DataFrame) -> PopupIndex:
    groups = island_groups(islands)
    island_ids = list(islands["id"])
    return PopupIndex(naming_index(events, island_ids, groups), naming_index(statements, island_ids, groups))


def dataset_popup_index(dataset: Dataset) -> PopupIndex:
    """The popups' index of the whole dataset: worth building once per data version."""
    return popup_index(dataset.islands, dataset.events, dataset.statements)


# The columns a popup's list item shows, as the rows _listed builds.
_EventRow = namedtuple(
    "_EventRow", ["date", "end_date", "date_precision", "title", "origin", "source_id", "source_url"]
)
_StatementRow = namedtuple("_StatementRow", ["date", "date_precision", "speaker", "country", "quote", "source_id"])


def _listed(
    index: NamingIndex,
    named: Mapping[str, Named],
    row: type[tuple],
    item: Callable[[Any], str],
    items: list[str],
) -> dict[str, Listed]:
    """Append to `items` the list item of every row some popup shows; each island's Listed points at them."""
    shown = np.unique(np.concatenate([np.empty(0, dtype=np.intp), *(each.latest for each in named.values())]))
    first = len(items)
    # Rows from whole columns: DataFrame.itertuples costs more than the few rows it builds here.
    values = [index.frame[column].take(shown).tolist() for column in row._fields]
    items.extend(item(row(*fields)) for fields in zip(*values, strict=True))
    position_of = {position: first + offset for offset, position in enumerate(shown.tolist())}
    return {
        island: Listed(each.count, tuple(position_of[position] for position in each.latest.tolist()))
        for island, each in named.items()
    }


def popup_lists(
    events: pd.DataFrame, statements: pd.DataFrame, index: PopupIndex, urls: Mapping[str, str]
) -> PopupLists:
    """For each island, the events and statements naming it (of those given, rows of the indexed
    frames): the latest POPUP_LIST_LIMIT of each.

    Every popup is written into the page, so an unbounded list would grow the map with the data.
    """
    items: list[str] = []
    events_listed = _listed(
        index.events,
        index.events.latest(events, POPUP_LIST_LIMIT),
        _EventRow,
        lambda event: _event_item(event, urls),
        items,
    )
    statements_listed = _listed(
        index.statements,
        index.statements.latest(statements, POPUP_LIST_LIMIT),
        _StatementRow,
        lambda statement: _statement_item(statement, urls),
        items,
    )
    return PopupLists(items=tuple(items), events=events_listed, statements=statements_listed)


@dataclass(frozen=True)
class Popup:
    """An island's popup in parts: HTML text, and runs of indices into the list items it shares
    with the other popups (PopupLists.items)."""

    parts: tuple[str | tuple[int, ...], ...]

    def html(self, items: Sequence[str]) -> str:
        """The popup's HTML, `items` being those of the PopupLists it was made from."""
        return "".join(part if isinstance(part, str) else "".join(items[i] for i in part) for part in self.parts)


def _list_parts(listed: Listed, where: str) -> tuple[str | tuple[int, ...], ...]:
    if not listed.count:
        return ('<p class="none">None listed.</p>',)
    left_out = listed.count - len(listed.shown)
    more = f'<p class="more">And {left_out:,} earlier: see the {where} page.</p>' if left_out else ""
    return ("<ul>", listed.shown, f"</ul>{more}")


def island_popup(island: Island, lists: PopupLists, group_name: str = "", lists_below: bool = False) -> Popup:
    """The popup: names, facts with their source, then the events and statements that name the island,
    or with `lists_below` only how many there are: the page lists them below the map."""
    if not island.listed:
        return Popup(
            (
                f'<div class="island-popup">{names_html(island)}'
                f"<p>Administered by {escape_html(island.administered_by)}. Shown for context: not part of the dispute.</p>"
                "</div>",
            )
        )
    rows = "".join(
        f"<tr><th>{escape_html(label)}</th><td>{escape_html(value)}</td></tr>"
        for label, value in island_facts(island, group_name)
    )
    events, statements = lists.events[island.id], lists.statements[island.id]
    facts = (
        f'<div class="island-popup">{names_html(island)}'
        f'<table class="facts">{rows}</table>'
        f'<p class="facts-source">{_link(island.source_url, "Source of these facts")}</p>'
    )
    if lists_below:
        return Popup(
            (
                f'{facts}<p class="listed-below">Events naming it: {events.count}. Statements naming it: '
                f"{statements.count}. Both are listed below the map.</p></div>",
            )
        )
    return Popup(
        (
            f"{facts}<h4>Events naming it ({events.count})</h4>",
            *_list_parts(events, "Timeline"),
            f"<h4>Statements naming it ({statements.count})</h4>",
            *_list_parts(statements, "Statements"),
            "</div>",
        )
    )


def _display_names(islands: Iterable[Island], by_id: Mapping[str, Island]) -> tuple[str, ...]:
    """Names for the legend: members of a group are named once, by their group."""
    names: list[str] = []
    for island in islands:
        owner = by_id.get(island.group, island) if island.group != island.id else island
        name = short_name(owner.name)
        if name not in names:
            names.append(name)
    return tuple(names)


def legend_entries(islands_on_map: list[Island]) -> list[LegendEntry]:
    """One entry per status drawn (per administering country for land outside the dispute)."""
    by_id = {island.id: island for island in islands_on_map}
    drawn = [island for island in islands_on_map if island.geometry is not None]
    order = {CLAIMED: 0, PROMISED_1956: 1, UNCONTESTED: 2}
    keys = sorted(
        {(island.status, island.administered_by, island.claimed_by) for island in drawn},
        key=lambda key: (order[key[0]], key[1], key[2]),
    )
    entries = []
    for status, administered_by, claimed_by in keys:
        members = [
            i for i in drawn if (i.status, i.administered_by, i.claimed_by) == (status, administered_by, claimed_by)
        ]
        if status == UNCONTESTED:
            description = f"administered by {administered_by}, not claimed"
        else:
            description = f"administered by {administered_by}, claimed by {claimed_by}"
            if status == PROMISED_1956:
                description += f"; {PROMISE_1956}"
        entries.append(LegendEntry(status, island_style(members[0]), _display_names(members, by_id), description))
    return entries


def legend_text(entries: list[LegendEntry]) -> str:
    """The legend as sentences: the map's text alternative, readable wherever the map is not."""
    return " ".join(f"{join_names(entry.names)}: {entry.description}." for entry in entries)


def _rgba(colour: str, opacity: float) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {opacity})"


def legend_html(entries: list[LegendEntry], compact: bool = False) -> str:
    items = []
    for entry in entries:
        style = entry.style
        border = "dashed" if style.get("dashArray") else "solid"
        swatch = (
            f"background:{_rgba(str(style['fillColor']), float(style['fillOpacity']))};"
            f"border:2px {border} {style['color']}"
        )
        items.append(
            f'<li><span class="swatch" style="{escape_html(swatch)}"></span>'
            f"<span><strong>{escape_html(', '.join(entry.names))}</strong>: {escape_html(entry.description)}</span></li>"
        )
    hint = f"Zoom in for the names of the Habomai islets. {COASTS_ATTRIBUTION}."
    return (
        f'<details class="island-legend"{"" if compact else " open"}><summary>Legend</summary>'
        f'<ul>{"".join(items)}</ul><p class="hint">{escape_html(hint)}</p></details>'
    )


_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
# What script_string changes; a string without any of these it writes exactly as json.dumps does.
_SCRIPT_SPECIAL = re.compile(r"[<>&'{}]")


def _script_string_token(token: str) -> str:
    return script_string(json.loads(token)) if _SCRIPT_SPECIAL.search(token) else token


def script_json(value: Any) -> str:
    """`value` as a JavaScript literal for a folium template: JSON whose every string is written by
    script_string (it cannot end the <script>, and holds no brace for Jinja). The braces of JSON's own
    objects never open a Jinja tag: after "{" comes a quote or "}"."""
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


TOOLTIP_OPTIONS = {"sticky": True, "className": "island-tooltip"}
POPUP_OPTIONS = {
    "maxWidth": 320,
    "minWidth": 200,
    "autoPanPaddingTopLeft": [56, 12],  # clear of the zoom and layer buttons
    "autoPanPaddingBottomRight": [12, 12],
}


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

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (layer, data) {
                function html(parts) {
                    return parts.map(function (part) {
                        return typeof part === "string" ? part : part.map(function (i) { return data.items[i]; }).join("");
                    }).join("");
                }
                data.shapes.forEach(function (shape) {
                    var drawn = L.geoJSON(shape.feature, {
                        style: function () { return shape.style; },
                        pointToLayer: function (feature, latlng) { return L.circleMarker(latlng, {radius: shape.radius}); }
                    });
                    if (shape.popup) {
                        drawn.bindTooltip(shape.tooltip, data.tooltip);
                        drawn.bindPopup(html(shape.popup), data.popup);
                        drawn.on("mouseover", function (event) { event.layer.setStyle(shape.hover); });
                        drawn.on("mouseout", function (event) { drawn.resetStyle(event.layer); });
                    }
                    drawn.addTo(layer);
                });
            })({{ this._parent.get_name() }}, {{ this.data_literal }});
        {% endmacro %}
        """
    )

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
        """The HTML of the island's popup, as the page puts it together."""
        (popup,) = [shape.popup for shape in self.shapes if shape.island_id == island_id and shape.popup is not None]
        return popup.html(self.items)


@dataclass(frozen=True)
class Label:
    """An island's name on the map, its icon's corner at the island's representative point."""

    island_id: str
    lat: float
    lon: float
    html: str

    @property
    def class_name(self) -> str:
        # Ids are lowercase letters, digits, '-' and '_' (the loader checks), so they make safe class names.
        return f"island-label-icon label-{self.island_id}"


class Labels(FinalMacroElement):
    """Labels drawn into the parent layer: markers that take no clicks and no keyboard focus."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (layer, labels) {
                labels.forEach(function (label) {
                    var icon = L.divIcon({html: label.html, className: label.className, iconSize: [0, 0]});
                    L.marker(label.at, {icon: icon, interactive: false, keyboard: false}).addTo(layer);
                });
            })({{ this._parent.get_name() }}, {{ this.labels_literal }});
        {% endmacro %}
        """
    )

    def __init__(self, labels: Sequence[Label]) -> None:
        super().__init__()
        self._name = "Labels"
        self.labels = tuple(labels)
        self.labels_literal = script_json(
            [{"at": [label.lat, label.lon], "html": label.html, "className": label.class_name} for label in self.labels]
        )


MAP_CSS = f"""
.leaflet-container {{ background: {MAP_SEA_COLOUR}; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }}
.island-label-icon {{ background: none; border: none; }}
.island-label {{ position: absolute; transform: translate(-50%, -50%); white-space: nowrap; font-size: 13px;
  font-weight: 600; color: #1b1b1b; text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff; pointer-events: none; }}
.island-label.beside {{ transform: translate(10px, -50%); font-size: 12px; }}
.island-label.below {{ transform: translate(-50%, 10px); }}
.island-label.group-name {{ transform: translate(-50%, 22px); }}
.island-label .badge {{ display: block; font-size: 11px; font-weight: 600; font-style: italic; color: #0b4f7a; text-align: center; }}
.island-label.context {{ font-weight: 500; font-style: italic; color: #4a4a4a; }}
.island-label.islet-name {{ display: none; }}
.islet-names-shown .island-label.islet-name {{ display: block; }}
.islet-names-shown .island-label.group-name {{ display: none; }}
.island-legend-box {{ background: rgba(255, 255, 255, 0.94); border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,.3);
  padding: 6px 10px; max-width: min(340px, calc(100vw - 70px)); font-size: 12px; line-height: 1.35; color: #1b1b1b; }}
.island-legend summary {{ cursor: pointer; font-weight: 600; }}
.island-legend ul {{ list-style: none; margin: 6px 0 0; padding: 0; }}
.island-legend li {{ display: flex; gap: 8px; align-items: flex-start; margin: 0 0 5px; }}
.island-legend .swatch {{ flex: 0 0 auto; width: 18px; height: 12px; margin-top: 2px; box-sizing: border-box; }}
.island-legend .hint {{ margin: 4px 0 0; color: #555; font-size: 11px; }}
.island-names {{ font-size: 13px; line-height: 1.4; }}
.leaflet-popup-content {{ max-width: calc(100vw - 110px); }}
.island-popup {{ font-size: 13px; line-height: 1.4; max-height: 300px; overflow-y: auto; padding-right: 4px; }}
.island-popup table.facts {{ border-collapse: collapse; margin: 6px 0; }}
.island-popup th {{ text-align: left; font-weight: 600; padding: 1px 8px 1px 0; vertical-align: top; white-space: nowrap; }}
.island-popup td {{ padding: 1px 0; }}
.island-popup h4 {{ font-size: 13px; margin: 8px 0 2px; }}
.island-popup ul {{ margin: 0; padding-left: 16px; }}
.island-popup li {{ margin: 0 0 3px; }}
.island-popup .when {{ color: #444; white-space: nowrap; }}
.island-popup .none, .island-popup .facts-source, .island-popup .listed-below {{ margin: 2px 0; color: #555; }}
"""


class MapChrome(FinalMacroElement):
    """The sea colour, label and legend styles, the legend control, the coasts' attribution, the
    switch that shows islet names from ISLET_NAMES_ZOOM on, and the first view: every shape, or on a
    narrow (phone) map only the disputed islands, so they are not drawn too small."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <style>{{ this.css }}</style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            (function (map) {
                var legend = L.control({position: "bottomright"});
                legend.onAdd = function () {
                    var box = L.DomUtil.create("div", "island-legend-box");
                    box.innerHTML = {{ this.legend_literal }};
                    L.DomEvent.disableClickPropagation(box);
                    L.DomEvent.disableScrollPropagation(box);
                    return box;
                };
                legend.addTo(map);
                var narrow = map.getSize().x < {{ this.narrow_width }};
                if (narrow) {
                    legend.getContainer().querySelector("details").removeAttribute("open");
                }
                map.fitBounds(narrow ? {{ this.fit_narrow|tojson }} : {{ this.fit|tojson }}, {paddingTopLeft: [12, 12], paddingBottomRight: [12, {{ this.bottom_padding }}], animate: false});
                map.attributionControl.addAttribution({{ this.attribution_literal }});
                function showIsletNames() {
                    map.getContainer().classList.toggle("islet-names-shown", map.getZoom() >= {{ this.islet_zoom }});
                }
                map.on("zoomend", showIsletNames);
                showIsletNames();
                // Pressing the map focuses it (Leaflet's keyboard handler, or the shape itself), and
                // the browser scrolls the page to show the focused map whole: the click then ends
                // elsewhere and is lost. Focus the map first, without scrolling, and keep shapes unfocused.
                var container = map.getContainer();
                container.addEventListener("mousedown", function () {
                    container.focus({preventScroll: true});
                }, true);
                map.getPanes().overlayPane.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                });
            })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, legend: str, fit: list[list[float]], fit_narrow: list[list[float]]) -> None:
        super().__init__()
        self._name = "MapChrome"
        self.legend = legend
        self.legend_literal = script_string(legend)
        self.fit = fit
        self.fit_narrow = fit_narrow
        self.attribution_literal = script_string(COASTS_ATTRIBUTION)
        self.islet_zoom = ISLET_NAMES_ZOOM
        self.bottom_padding = FIT_BOTTOM_PADDING_PX
        self.narrow_width = NARROW_MAP_WIDTH
        self.css = MAP_CSS


def _feature(island: Island) -> dict[str, Any]:
    # Only the id travels: streamlit-folium hands the clicked feature back, and the id names it.
    return {"type": "Feature", "properties": {"id": island.id}, "geometry": island.geometry}


def _label(island: Island, classes: str) -> Label:
    """The island's name at its representative point, with "promised in 1956" under it if so."""
    promised = island.status == PROMISED_1956 and "islet-name" not in classes
    badge = '<small class="badge">promised in 1956</small>' if promised else ""
    html = f'<span class="island-label {classes}"><span class="name">{escape_html(short_name(island.name))}</span>{badge}</span>'
    return Label(island.id, island.lat, island.lon, html)


def _label_classes(island: Island, groups: Mapping[str, str]) -> str:
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
    return " ".join(classes)


def coast_lines(geometry: Mapping[str, Any]) -> dict[str, Any]:
    """The outline of a clipped shape without the cut, as a MultiLineString: segments lying along one
    side of the shape's own bounding box are the clip box's straight edges, not coast."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    rings = [ring for polygon in polygons for ring in polygon]
    sides_lon = {min(lon for ring in rings for lon, _ in ring), max(lon for ring in rings for lon, _ in ring)}
    sides_lat = {min(lat for ring in rings for _, lat in ring), max(lat for ring in rings for _, lat in ring)}
    lines = []
    for ring in rings:
        run = [ring[0]]
        for start, end in itertools.pairwise(ring):
            along_cut = (start[0] == end[0] and start[0] in sides_lon) or (start[1] == end[1] and start[1] in sides_lat)
            if along_cut:
                if len(run) > 1:
                    lines.append(run)
                run = [end]
            else:
                run.append(end)
        if len(run) > 1:
            lines.append(run)
    return {"type": "MultiLineString", "coordinates": lines}


def _decoration(geometry: Mapping[str, Any], style: Mapping[str, Any], radius: float = POINT_RADIUS) -> Shape:
    """A shape drawn over the islands that clicks and hovers pass through."""
    return Shape({"type": "Feature", "properties": {}, "geometry": geometry}, {**style, "interactive": False}, radius)


def selection_layer(islands: pd.DataFrame, geojson: Mapping[str, Any], selected: str | None) -> folium.FeatureGroup:
    """A thick outline around the selected island (every member, for a group); empty when none is.

    It lets clicks through to the island below. st_folium can swap it in without redrawing the map
    (`feature_group_to_add`); an empty group, not None, is what clears an earlier selection there.
    """
    layer = folium.FeatureGroup(name="Selected island", control=False)
    if not selected:
        return layer
    wanted = members_of(selected, island_groups(islands))
    outlines = [
        _decoration(
            island.geometry,
            {
                "color": MAP_SELECTED_COLOUR,
                "weight": 3 if island.is_point else 4,
                "fill": False,
                "className": "selected-outline",
            },
            radius=POINT_RADIUS + 4,
        )
        for island in island_records(islands, geojson)
        if island.id in wanted and island.geometry is not None
    ]
    Shapes(outlines).add_to(layer)
    return layer


def _positions(coordinates: Any) -> list[tuple[float, float]]:
    """Every (lon, lat) of GeoJSON coordinates, however deeply nested."""
    if isinstance(coordinates[0], (int, float)):
        return [(coordinates[0], coordinates[1])]
    return [position for item in coordinates for position in _positions(item)]


def _bounds(islands_on_map: Iterable[Island]) -> list[list[float]]:
    """[[south, west], [north, east]] around every shape drawn."""
    positions = [
        position
        for island in islands_on_map
        if island.geometry
        for position in _positions(island.geometry["coordinates"])
    ]
    lats = [lat for _, lat in positions]
    lons = [lon for lon, _ in positions]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def build_island_map(
    islands: pd.DataFrame,
    geojson: dict[str, Any],
    events: pd.DataFrame,
    statements: pd.DataFrame,
    selected: str | None = None,
    *,
    sources: pd.DataFrame | None = None,
    compact: bool = False,
    lists_below: bool = False,
    index: PopupIndex | None = None,
) -> folium.Map:
    """The islands, coloured by status with a legend, each named, with names on hover and details on click.

    `events` and `statements` are those the popups may list (filter them first); `sources` gives
    article rows their link. `index`, the dataset's PopupIndex, spares a pass over them; without it
    they are indexed here. `selected` is outlined. `compact` starts the legend folded, for a small
    map (it also folds by itself on a narrow one). `lists_below` leaves the lists out of the popups,
    for a page that shows them under the map: a popup then stays small enough not to hide the islands.
    Render it with st_folium: the Leaflet files are the app's own.
    """
    on_map = island_records(islands, geojson)
    by_id = {island.id: island for island in on_map}
    groups = island_groups(islands)
    urls = source_urls(sources)
    south_west, north_east = _bounds(on_map)

    island_map = folium.Map(
        location=((south_west[0] + north_east[0]) / 2, (south_west[1] + north_east[1]) / 2),
        zoom_start=7,
        tiles=None,
        max_bounds=True,
        min_lat=south_west[0] - 2,
        max_lat=north_east[0] + 2,
        min_lon=south_west[1] - 3,
        max_lon=north_east[1] + 3,
        font_size="13px",
        minZoom=5,
        maxZoom=12,
        zoomSnap=0.25,  # fits the islands snugly at any width
        scrollWheelZoom=False,  # the page scrolls past the map; + / − and double-click zoom
    )
    island_map.default_js = [("leaflet", LEAFLET_JS)]
    island_map.default_css = [("leaflet_css", LEAFLET_CSS)]

    # The provider itself, not its name: looking a name up searches every provider xyzservices knows (5 ms).
    folium.TileLayer(OSM_TILES, name=OSM_LAYER_NAME, overlay=True, show=False, control=True).add_to(island_map)

    lists = popup_lists(events, statements, index or popup_index(islands, events, statements), urls)
    shapes = []
    # Context first, points last: smaller shapes stay on top and clickable.
    drawn = sorted(
        (island for island in on_map if island.geometry is not None),
        key=lambda island: (island.status != UNCONTESTED, island.is_point),
    )
    for island in drawn:
        style = {**island_style(island), "className": "island-shape"}
        hover = {"weight": 3, "fillOpacity": 1.0}
        if island.clipped:  # its coast is drawn below, without the straight edges of the cut
            style, hover = {**style, "stroke": False}, {"fillOpacity": 1.0}
        shapes.append(
            Shape(
                _feature(island),
                style,
                hover=hover,
                tooltip=names_html(island),
                popup=island_popup(island, lists, part_of(island, by_id), lists_below),
            )
        )
        if island.clipped:
            shapes.append(
                _decoration(coast_lines(island.geometry), {"color": style["color"], "weight": style["weight"]})
            )
    island_layer = folium.FeatureGroup(name="Islands", control=False).add_to(island_map)
    Shapes(shapes, () if lists_below else lists.items).add_to(island_layer)

    names = folium.FeatureGroup(name=NAMES_LAYER_NAME, control=True).add_to(island_map)
    Labels(
        [
            _label(island, _label_classes(island, groups))
            for island in on_map
            if island.geometry is not None or island.kind == "island_group"
        ]
    ).add_to(names)

    if selected:
        selection_layer(islands, geojson, selected).add_to(island_map)

    disputed = [island for island in on_map if island.status != UNCONTESTED]
    MapChrome(
        legend_html(legend_entries(on_map), compact=compact),
        fit=[south_west, north_east],
        fit_narrow=_bounds(disputed) if disputed else [south_west, north_east],
    ).add_to(island_map)
    folium.LayerControl(position="topleft", collapsed=True).add_to(island_map)
    return island_map


def clicked_island_id(map_state: Mapping[str, Any] | None, island_ids: Iterable[str]) -> str | None:
    """The island of islands.csv whose shape was clicked last, from st_folium's `last_active_drawing`."""
    drawing = (map_state or {}).get("last_active_drawing") or {}
    island = (drawing.get("properties") or {}).get("id")
    return island if island in set(island_ids) else None
