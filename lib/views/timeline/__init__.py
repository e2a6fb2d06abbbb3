"""The timeline: every event on a date axis, a lane per event type (nearly every event involves both countries,
so lanes by country would separate nothing). Past MAX_EVENT_MARKS events a mark gathers a lane's events of one
period, so the work stays bounded. The reader zooms by the years: Streamlit remounts a changed chart, losing a drag."""
