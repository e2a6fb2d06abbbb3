"""Entry point: page setup, the shared data and filters, then the selected page."""

import streamlit as st

from lib.ui import dataset_or_stop, filter_sidebar, share_this_view

# An emoji icon: a Material icon as favicon would be fetched from a font server, and fail offline.
st.set_page_config(page_title="Southern Kurils dispute", page_icon="🗺️", layout="wide")

pages = [
    st.Page("pages/home.py", title="Overview", icon=":material/home:", default=True),
    st.Page("pages/map.py", title="Map", icon=":material/map:", url_path="map"),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("pages/statements.py", title="Statements", icon=":material/format_quote:", url_path="statements"),
]
page = st.navigation(pages)
# The tab names the page, so a shared link reads well wherever it is pasted or bookmarked.
st.set_page_config(page_title=f"{page.title} · Southern Kurils dispute")
filter_sidebar(dataset_or_stop())
page.run()
share_this_view()  # after the page, which may add what it has chosen to the link
