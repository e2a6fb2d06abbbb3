"""The two governments' positions side by side, drawn the same way on the Overview and the Story."""

from __future__ import annotations

import streamlit as st

from lib.i18n import _
from lib.model.dataset import Dataset
from lib.views.sides import POSITIONS_INTRO, SIDES, position_heading, positions_markdown


def show_both_positions(dataset: Dataset) -> None:
    """Each side's case in a column of its own (one above the other on a phone), neither first in rank."""
    st.subheader(_("The two positions"), anchor="positions")
    st.caption(_(POSITIONS_INTRO))
    for column, side in zip(st.columns(len(SIDES), gap="medium"), SIDES, strict=True):
        with column.container(border=True, key=f"position_{side.lower()}"):
            st.markdown(f"**{position_heading(side)}**")
            st.markdown(
                positions_markdown(dataset.positions, side) or _("The data holds no position of this side yet.")
            )
