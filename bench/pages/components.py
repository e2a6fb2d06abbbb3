"""What the reference pages share, written plainly with Streamlit, pandas and folium alone: no code of
the app. Streamlit puts this folder on the import path of every page in it."""

import gettext
from functools import cache
from pathlib import Path

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
# The app's compiled catalogs, read as data: a reference shows a reader the app's words in their language.
LOCALE = ROOT / "locale"
ENGLISH = "en"
TRANSLATED = ("ja", "ru")
# The app's own Leaflet, served from static/ (bench/pages/static links to it), as on the app's maps.
LEAFLET = "../../app/static/leaflet/leaflet"


def language() -> str:
    """The reader's language, from the link as the app takes it (?lang=ja or ?lang=ru), else English."""
    chosen = st.query_params.get("lang", ENGLISH)
    return chosen if chosen in TRANSLATED else ENGLISH


@cache
def catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation("messages", localedir=LOCALE, languages=[language], fallback=True)


def _(message: str) -> str:
    return catalog(language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return catalog(language()).ngettext(singular, plural, count)


@cache
def translation_rows(language: str) -> pd.DataFrame:
    """data/translations/<language>.csv: each translated field's text by table, id and field; none in English."""
    path = DATA / "translations" / f"{language}.csv"
    return pd.read_csv(path) if path.is_file() else pd.DataFrame(columns=["table", "id", "field", "text"])


def translated(table: pd.DataFrame, name: str, rows: pd.DataFrame) -> pd.DataFrame:
    """`table` (data/<name>.csv) as the app shows it in a language: each field that a row of `rows` (table, id,
    field, text) translates is replaced by its text; a field with no row keeps its English, as do quotes."""
    texts = rows[rows["table"] == name].pivot(index="id", columns="field", values="text")
    return table.assign(**{field: table["id"].map(texts[field]).fillna(table[field]) for field in texts.columns})


def read(name: str) -> pd.DataFrame:
    """data/<name> in the reader's language."""
    return translated(pd.read_csv(DATA / name), Path(name).stem, translation_rows(language()))


def plain_sidebar() -> None:
    """A sidebar of the widget kinds the app's has: two radios (the language, the country), two number
    inputs, a selectbox, a link, the closed Embed and Cite panels; and above the page, the closed Filters
    panel a phone reader opens."""
    with st.sidebar:
        st.radio(
            _("Language"), ("English", "日本語", "Русский"), (ENGLISH, *TRANSLATED).index(language()), horizontal=True
        )
        st.radio(_("Country"), (_("Both"), _("Japan"), _("Russia")), horizontal=True)
        first, last = st.columns(2)
        first.number_input(_("From"), 1855, 2025, 1855)
        last.number_input(_("To"), 1855, 2025, 2025)
        st.selectbox(_("Island"), (_("All islands"), "Iturup", "Kunashir", "Shikotan", "Habomai"))
        st.markdown(f"[{_('Share this view')}](?)")
        for panel in (_("Embed this view"), _("Cite this view")):
            with st.expander(panel):
                st.caption(panel)
                st.html("<pre>text to copy</pre><button>Copy</button>")
    with st.popover(_("Filters: none in use"), width="stretch"):
        st.caption(_("Filters"))


def folium_map(height: int, returned_objects: list[str]) -> None:
    """The islands of data/islands.geojson on a folium map, drawn by st_folium; it reruns the page when
    one of `returned_objects` changes (as the app's maps: none on a picture, a click on the Map page)."""
    world = folium.Map(location=(44.5, 146.5), zoom_start=7, tiles=None)
    world.default_js = [("leaflet", f"{LEAFLET}.js")]
    world.default_css = [("leaflet_css", f"{LEAFLET}.css")]
    islands = (DATA / "islands.geojson").read_text(encoding="utf-8")
    folium.GeoJson(islands, marker=folium.CircleMarker(radius=6)).add_to(world)
    st_folium(world, height=height, use_container_width=True, returned_objects=returned_objects)


def two_positions() -> None:
    """The two sides' positions: a subheader, a caption, two bordered columns of Markdown."""
    positions = read("positions.csv")
    st.subheader(_("The two positions"))
    st.caption("Each government's case in its own words.")
    for column, (side, rows) in zip(st.columns(2, gap="medium"), positions.groupby("side"), strict=True):
        with column.container(border=True):
            st.markdown(f"**{_(side)}**")
            st.markdown(
                "\n\n".join(f"{r.summary}\n\n> {r.quote}\n\n— [{r.speaker}]({r.url})" for r in rows.itertuples())
            )
