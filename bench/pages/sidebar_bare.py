"""Reference: a line of text inside the navigation and a plain sidebar of the app's widget kinds."""

import streamlit as st
from components import with_navigation


def bare() -> None:
    st.write("A bare Streamlit page inside a plain sidebar.")


st.set_page_config(layout="wide")
with_navigation(bare)
