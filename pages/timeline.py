"""Timeline of the negotiations."""

import streamlit as st

from lib.filters import filter_events
from lib.ui import dataset_year_bounds, island_groups, page_context

dataset, filters = page_context()
events = filter_events(dataset.events, filters, dataset_year_bounds(dataset), island_groups(dataset))
st.title("Timeline of the negotiations")
st.dataframe(events[["date", "title", "countries"]], hide_index=True)
