"""Reference: one st.dataframe of today's events, nothing else."""

from pathlib import Path

import pandas as pd
import streamlit as st

st.set_page_config(layout="wide")
st.dataframe(pd.read_csv(Path(__file__).resolve().parents[2] / "data" / "events.csv"), width="stretch")
