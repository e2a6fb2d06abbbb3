"""The islands map, one job a module: build (the folium.Map and what a click returns), shapes,
labels, popups and legend (what it shows), geometry (coasts and bounds) and leaflet (folium's GeoJson
layers, GeoJsonTooltip, GeoJsonPopup and DivIcon names, and the chrome static/map/islands.js adds).

Two rules keep the map safe and self-contained:
- Every text from the data is HTML-escaped (lib.views.html), and its braces are entities
  (leaflet.inert): branca compiles folium's scripts once more as Jinja templates.
- The map asks only for files the app serves from static/ (Leaflet, islands.js, islands.css), never
  a public CDN, so it draws the same with no network at all.

It is built on every run: each layer is one GeoJson element with all its features, not a folium
element apiece (branca compiles each element's output once more: 229 compiles a run when each
island had its own, 23 now).
"""
