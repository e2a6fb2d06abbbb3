"""Reference: one st_folium map with the islands' outlines, nothing else."""

import streamlit as st
from components import folium_map

st.set_page_config(layout="wide")
folium_map()
