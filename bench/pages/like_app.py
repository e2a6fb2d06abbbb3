"""Reference: each page of the app written plainly, with the same kinds and number of elements and no
code of the app (like_<module>.py), at the app's addresses, in a navigation of as many pages, beside a
plain sidebar of the app's widget kinds, in the link's language as the app (?lang=ja or ?lang=ru, else
English). `python -m bench` judges each page against its own here, in the same language."""

import streamlit as st
from components import _, plain_sidebar

st.set_page_config(page_title="Reference", layout="wide")
page = st.navigation(
    [
        st.Page("like_home.py", title=_("Overview"), icon="🏠", default=True),
        st.Page("like_story.py", title=_("Story"), icon="📖", url_path="story"),
        st.Page("like_map.py", title=_("Map"), icon="🗺️", url_path="map"),
        st.Page("like_timeline.py", title=_("Timeline"), icon="📈", url_path="timeline"),
        st.Page("like_statements.py", title=_("Statements"), icon="💬", url_path="statements"),
    ]
)
plain_sidebar()
page.run()
