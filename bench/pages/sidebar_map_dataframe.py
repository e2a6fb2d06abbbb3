"""Reference: one st_folium map and one st.dataframe inside the navigation and a plain sidebar of the app's widget kinds."""

import streamlit as st
from components import map_and_dataframe, with_navigation

st.set_page_config(layout="wide")
with_navigation(map_and_dataframe)
