"""The timeline: every event on a date axis, in one lane per event type, and the details of one event.

Pure functions, no Streamlit, a module per job:

- `marks`: what the chart draws (`event_marks`, `Marks`), each mark in its lane and sub-row;
- `grouping`: past `MAX_EVENT_MARKS` events, which events one gathered mark holds;
- `periods`: day, month, year and decade arithmetic on arrays of dates;
- `hover`: the marks' hover text, escaped for Plotly;
- `sources`: where an event comes from, named for a reader;
- `axes`: the lanes' names and the date range across;
- `background`: the era bands and milestone lines; `labels`: their text above the plot;
- `figure`: the Plotly figure (`timeline_figure`) and the event a click selects;
- `listing`: what the Event box lists, and the notes that say so;
- `details`: the details of the event a reader picked, as Markdown.

Up to `MAX_EVENT_MARKS` events the chart draws a mark per event and the Event box lists them all.
Past that, a mark per event could not be told apart and would make the page slow to build and send,
so each mark gathers the events of one lane and origin in one day, month or year, and the Event
box lists the clicked mark's events (or the latest ones): the work stays bounded whatever the rows.

Lanes are event types, not countries: nearly every event involves both Japan and Russia (or the
USSR), so lanes by country would repeat each mark and separate nothing, while the event types
show the shape of the story (treaties, the 1945 war, summits, then suspensions).
"""
