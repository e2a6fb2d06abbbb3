"""Reference: one st.dataframe inside the navigation and a plain sidebar of the app's widget kinds."""

import streamlit as st
from components import dataframe, with_navigation

st.set_page_config(layout="wide")
with_navigation(dataframe)
