"""Overview: what the dispute is and where to look next."""

import streamlit as st

from lib.ui import page_context

dataset, filters = page_context()

st.title("Russia–Japan peace-treaty talks and the southern Kuril Islands")
st.write(
    f"{len(dataset.events)} events, {len(dataset.statements)} statements and "
    f"{len(dataset.islands)} islands, from {len(dataset.sources)} source article."
)
