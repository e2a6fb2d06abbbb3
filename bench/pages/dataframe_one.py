"""Reference: one st.dataframe of today's events, nothing else."""

import streamlit as st
from components import dataframe

st.set_page_config(layout="wide")
dataframe()
