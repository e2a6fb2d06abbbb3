"""Reference: one Plotly chart of today's events, nothing else."""

from pathlib import Path

import pandas as pd
import plotly.express as px
import streamlit as st

st.set_page_config(layout="wide")
events = pd.read_csv(Path(__file__).resolve().parents[2] / "data" / "events.csv")
st.plotly_chart(px.scatter(events, x="date", y="event_type"), width="stretch")
