"""The map's legend: one entry per status drawn, as HTML on the map and as sentences beside it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from lib.i18n import N_, _
from lib.model.dataset import Dataset
from lib.views.html import Markup, html, join
from lib.views.islands import CLAIMED, PROMISED_1956, UNCONTESTED, Island, island_records
from lib.views.map.shapes import island_style, short_name
from lib.views.theme import MAP_HIGHLIGHT_STYLE, country_name, rgba
from lib.views.wording import join_names

COASTS_ATTRIBUTION = N_("Coasts: Made with Natural Earth")
_STATUS_ORDER = {CLAIMED: 0, PROMISED_1956: 1, UNCONTESTED: 2}


@dataclass(frozen=True)
class LegendEntry:
    status: str
    style: dict[str, str | float]
    names: tuple[str, ...]
    description: str


def legend_names(islands: Iterable[Island], islands_on_map: Iterable[Island]) -> tuple[str, ...]:
    """Names for the legend: members of a group are named once, by their group."""
    by_id = {island.id: island for island in islands_on_map}
    return tuple(dict.fromkeys(short_name(by_id.get(island.group, island).name) for island in islands))


def _description(status: str, administered_by: str, claimed_by: str) -> str:
    countries = {"administrator": country_name(administered_by), "claimant": country_name(claimed_by)}
    if status == UNCONTESTED:
        return _("administered by {administrator}, not claimed").format(**countries)
    if status == PROMISED_1956:
        return _(
            "administered by {administrator}, claimed by {claimant}; "
            "promised to Japan after a peace treaty by the 1956 declaration"
        ).format(**countries)
    return _("administered by {administrator}, claimed by {claimant}").format(**countries)


def legend_entries(islands_on_map: Sequence[Island]) -> list[LegendEntry]:
    """One entry per status drawn (per administering country for land outside the dispute)."""
    members: dict[tuple[str, str, str], list[Island]] = {}
    for island in islands_on_map:
        if island.geometry is not None:
            members.setdefault((island.status, island.administered_by, island.claimed_by), []).append(island)
    ordered = sorted(members.items(), key=lambda item: (_STATUS_ORDER[item[0][0]], item[0][1], item[0][2]))
    return [
        LegendEntry(key[0], island_style(drawn[0]), legend_names(drawn, islands_on_map), _description(*key))
        for key, drawn in ordered
    ]


def legend_in_words(dataset: Dataset) -> str:
    """Every island's entry as sentences: the text alternative under each map, whatever it shows."""
    return legend_text(legend_entries(island_records(dataset.islands, dataset.geojson)))


def legend_text(entries: Iterable[LegendEntry]) -> str:
    """The legend as sentences: the map's text alternative, readable wherever the map is not."""
    # Translators: a legend entry as a sentence, e.g. "Iturup and Kunashir: administered by Russia, claimed by Japan."
    entry_sentence = _("{islands}: {description}.")
    return " ".join(
        entry_sentence.format(islands=join_names(entry.names), description=entry.description) for entry in entries
    )


def _swatch_style(style: Mapping[str, str | float]) -> str:
    border = "dashed" if style.get("dashArray") else "solid"
    return (
        f"background:{rgba(str(style['fillColor']), float(style['fillOpacity']))};border:2px {border} {style['color']}"
    )


def _legend_item(swatch_style: str, names: Iterable[str], description: str) -> Markup:
    return html(
        '<li><span class="swatch" style="{}"></span><span><strong>{}</strong>: {}</span></li>',
        swatch_style,
        ", ".join(names),
        description,
    )


def map_legend_html(entries: Iterable[LegendEntry], compact: bool = False, highlighted: Sequence[str] = ()) -> Markup:
    """The legend on the map, open unless `compact`; the `highlighted` islands' names first, beside their ring."""
    ring = f"background:transparent;border:3px solid {MAP_HIGHLIGHT_STYLE['color']}"
    first = [_legend_item(ring, highlighted, _("highlighted"))] if highlighted else []
    items = join(
        [*first, *(_legend_item(_swatch_style(entry.style), entry.names, entry.description) for entry in entries)]
    )
    return html(
        '<details class="island-legend"{}><summary>{}</summary><ul>{}</ul><p class="hint">{} {}.</p></details>',
        "" if compact else Markup(" open"),
        _("Legend"),
        items,
        _("Zoom in for the names of the Habomai islets."),
        _(COASTS_ATTRIBUTION),
    )
