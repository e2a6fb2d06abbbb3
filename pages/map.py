"""Map of the southern Kurils."""

import streamlit as st

from lib.ui import page_context

dataset, filters = page_context()
st.title("Map of the southern Kurils")
st.dataframe(dataset.islands[["name_en", "name_ja", "name_ru", "administered_by", "claimed_by"]], hide_index=True)
