"""The timeline: every event on a date axis, in one lane per event type, and the details of one event.

Pure functions, no Streamlit, a module per job:

- `marks`: what the chart draws (`event_marks`, `Marks`), each mark in its lane and sub-row;
- `grouping`: past `MAX_EVENT_MARKS` events, which events one gathered mark holds;
- `precisions`: the day, month, year and decade a date is known to or a mark gathers, on arrays of dates;
- `hover`: the marks' hover text, escaped for Plotly;
- `axes`: the lanes' names and the date range across;
- `background`: the era bands and milestone lines; `labels`: their text above the plot;
- `figure`: the Plotly figure (`timeline_figure`) and the event a click selects;
- `listing`: what the list of events in view and the Event box offer, and the notes that say so;
- `periods`: the periods of the talks a reader jumps to, which set the years;
- `details`: the details of the event a reader picked, as Markdown;
- the page's styles are static/timeline/timeline.css: on a touch screen the chart lets a swipe scroll the page (the list is
  the way into an event there), and what the page adds is at least 44 px to tap.

Up to `MAX_EVENT_MARKS` events the chart draws a mark per event and the list and the Event box offer
them all. Past that, a mark per event could not be told apart and would make the page slow to build
and send, so each mark gathers the events of one lane and origin in one day, month or year, and the
list and the box offer the clicked mark's events (or the latest ones): the work stays bounded
whatever the rows.

The reader zooms by the years (a period is one tap), not by dragging the chart: Streamlit remounts a
Plotly chart whenever its figure changes, as it does to ring the chosen event, and a drag's zoom
would be lost then; on a touch screen the drag would also hold the page's scroll.

Lanes are event types, not countries: nearly every event involves both Japan and Russia (or the
USSR), so lanes by country would repeat each mark and separate nothing, while the event types
show the shape of the story (treaties, the 1945 war, summits, then suspensions).
"""
