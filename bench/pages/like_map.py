"""Reference for the Map (pages/map.py): a title and a caption, a folium map, its legend in words, a
notice, a subheader and a dataframe of the islands with a link column, a download button."""

import streamlit as st
from components import _, folium_map, ngettext, read

islands = read("islands.csv")
st.title(_("Map of the southern Kurils"))
st.caption("Which islands are in question, who administers them and who claims them. Click one for its details.")
folium_map(height=560, returned_objects=["last_object_clicked"])
st.caption(
    _("The map in words: {legend}").format(
        legend="red, administered by Russia and claimed by Japan; grey, not claimed."
    )
)
st.info(
    "Click an island on the map, or choose one in the sidebar, to see its details here.", icon=":material/touch_app:"
)
st.subheader(_("All islands"))
st.dataframe(
    islands[["name_en", "name_ja", "name_ru", "area_km2", "population", "administered_by", "claimed_by", "source_url"]],
    hide_index=True,
    width="stretch",
    column_config={"source_url": st.column_config.LinkColumn(_("Source"), display_text=_("source"))},
)
st.download_button(
    ngettext("Download {count} island (CSV)", "Download {count} islands (CSV)", len(islands)).format(
        count=len(islands)
    ),
    data=lambda: islands.to_csv(index=False),
    file_name="islands.csv",
    on_click="ignore",
    icon=":material/download:",
    width="stretch",
)
