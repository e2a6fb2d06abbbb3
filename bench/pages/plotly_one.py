"""Reference: one Plotly chart of today's events, nothing else."""

import streamlit as st
from components import plotly_chart

st.set_page_config(layout="wide")
plotly_chart()
