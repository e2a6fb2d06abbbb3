"""Reference: one st_folium map and one st.dataframe of the islands, as on the Map page; nothing else."""

import streamlit as st
from components import map_and_dataframe

st.set_page_config(layout="wide")
map_and_dataframe()
