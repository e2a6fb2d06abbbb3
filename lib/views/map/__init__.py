"""The islands map. Every text from the data is HTML-escaped and its braces made entities (leaflet.inert), as
branca compiles folium's scripts once more as Jinja; the map loads only the app's static files, never a CDN."""
