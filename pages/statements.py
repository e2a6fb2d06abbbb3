"""Who said what."""

import streamlit as st

from lib.filters import filter_statements
from lib.ui import dataset_year_bounds, island_groups, page_context

dataset, filters = page_context()
statements = filter_statements(dataset.statements, filters, dataset_year_bounds(dataset), island_groups(dataset))
st.title("Statements")
st.dataframe(statements[["date", "speaker", "country", "quote"]], hide_index=True)
