"""The islands map, one job a module: build (the folium.Map and what a click returns), shapes,
labels, popups and legend (what it shows), geometry (coasts and bounds) and leaflet (the folium
elements that hand their data to static/map/islands.js, which draws it with Leaflet).

Two rules keep the map safe and self-contained:
- Every text from the data is HTML-escaped (lib.views.html), then reaches Leaflet inside a JSON
  literal written by leaflet.script_json, never as code or a template.
- The map asks only for files the app serves from static/ (Leaflet, islands.js, islands.css), never
  a public CDN, so it draws the same with no network at all.

It is quick to build, since it is built on every run: the islands' shapes, names on hover, popups and
labels are a few elements drawn from one JSON literal each, not folium elements apiece (branca
compiles every element's output once more as a Jinja template: 229 compiles a run when each island had
its own), and these elements' output is final text that branca leaves alone.
"""
