"""The timeline: every event on a date axis, in one lane per event type, and the details of one event.

Pure functions, no Streamlit: `event_marks` decides what the chart draws and `timeline_figure`
draws it with Plotly; `event_listing` and `event_choices` fill the Event box, and `event_details`
and `details_markdown` describe the event a reader picked.

Up to `MAX_EVENT_MARKS` events the chart draws a mark per event and the Event box lists them all.
Past that, a mark per event could not be told apart and would make the page slow to build and send,
so each mark gathers the events of one lane and origin in one day, month or year, and the Event
box lists the clicked mark's events (or the latest ones): the work stays bounded whatever the rows.

Lanes are event types, not countries: nearly every event involves both Japan and Russia (or the
USSR), so lanes by country would repeat each mark and separate nothing, while the event types
show the shape of the story (treaties, the 1945 war, summits, then suspensions).
"""
