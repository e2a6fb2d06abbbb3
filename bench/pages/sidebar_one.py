"""Reference: the bare page inside what every page of the app draws around its content: the
navigation and the shared filter sidebar (lib.ui.filter_sidebar), on today's data.

Not a component: its time less the bare page's is what the shared frame adds to any page.
"""

import streamlit as st

from lib.ui import dataset_or_stop, filter_sidebar, share_this_view

st.set_page_config(page_title="Sidebar reference", layout="wide")


def bare() -> None:
    st.write("A bare Streamlit page inside the app's navigation and filter sidebar.")


# Two entries, as a navigation menu is drawn only when there is more than one page.
page = st.navigation([st.Page(bare, title="Bare", default=True), st.Page(bare, title="Again", url_path="again")])
filter_sidebar(dataset_or_stop())
page.run()
share_this_view()
