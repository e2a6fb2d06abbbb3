"""Reference: one st_folium map with the islands' outlines, nothing else.

Leaflet comes from the app's own static files, as on the map page (bench/pages/static links to them).
"""

from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

from lib.views.map.leaflet import LEAFLET_CSS, LEAFLET_JS

st.set_page_config(layout="wide")
islands = Path(__file__).resolve().parents[2] / "data" / "islands.geojson"
world = folium.Map(location=(44.5, 146.5), zoom_start=7, tiles=None)
world.default_js = [("leaflet", LEAFLET_JS)]
world.default_css = [("leaflet_css", LEAFLET_CSS)]
folium.GeoJson(islands.read_text(encoding="utf-8"), marker=folium.CircleMarker(radius=6)).add_to(world)
st_folium(world, height=500, use_container_width=True)
