"""Reference: one st_folium map inside the navigation and a plain sidebar of the app's widget kinds."""

import streamlit as st
from components import folium_map, with_navigation

st.set_page_config(layout="wide")
with_navigation(folium_map)
