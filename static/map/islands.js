/* The islands map (lib/views/map): what folium has no part for, added around the islands that
   folium draws: the legend, the sea, the first view, islet names when zoomed in, touch, and Leaflet's own
   words in the reader's language. The map's MapChrome element calls addChrome with its options as JSON;
   every text in them is HTML escaped already. Loaded after Leaflet, from the app's own static files. */
(function () {
  "use strict";

  function addLegend(map, html) {
    var legend = L.control({position: "bottomright"});
    legend.onAdd = function () {
      var box = L.DomUtil.create("div", "island-legend-box");
      box.innerHTML = html;
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    return legend.addTo(map);
  }

  // The islets' names show from this zoom on; below it their group's name stands for them.
  function showIsletNamesFrom(map, zoom) {
    function showIsletNames() {
      map.getContainer().classList.toggle("islet-names-shown", map.getZoom() >= zoom);
    }
    map.on("zoomend", showIsletNames);
    showIsletNames();
  }

  // Pressing the map focuses it (Leaflet's keyboard handler, or the shape itself), and the browser
  // scrolls the page to show the focused map whole: the click then ends elsewhere and is lost.
  // Focus the map first, without scrolling, and keep shapes unfocused.
  function keepClicksInPlace(map) {
    var container = map.getContainer();
    container.addEventListener("mousedown", function () {
      container.focus({preventScroll: true});
    }, true);
    map.getPanes().overlayPane.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
  }

  // By keyboard: each island's shape is a named button, and Enter or Space chooses it as a click does.
  // Leaflet turns Enter into a keypress that only opens the popup; streamlit-folium hears clicks alone.
  // The name is the tooltip's first line, read with DOMParser, which runs nothing in the HTML it reads.
  function chooseByKeyboard(map) {
    map.eachLayer(function (layer) {
      var properties = layer.feature && layer.feature.properties;
      var shape = layer.getElement && layer.getElement();
      if (!properties || properties.tooltip === undefined || !shape) {
        return;
      }
      var tooltip = new DOMParser().parseFromString(properties.tooltip, "text/html");
      var name = tooltip.querySelector("strong") || tooltip.body;
      shape.setAttribute("tabindex", "0");
      shape.setAttribute("role", "button");
      shape.setAttribute("aria-label", name.textContent);
      shape.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          layer.fire("click", {latlng: layer.getCenter ? layer.getCenter() : layer.getLatLng()}, true);
        }
      });
    });
  }

  // Leaflet's own English words in the reader's language, on the controls Leaflet and folium made: the zoom
  // buttons' titles, the credit link's (set on the element, so the browser escapes it), the layers button's
  // (its control is added after this call, so once the map's script has run) and the popups' close button's name.
  function translateLeaflet(map, words) {
    var container = map.getContainer();
    function nameZoomButton(selector, title) {
      var button = container.querySelector(selector);
      button.title = title;
      button.setAttribute("aria-label", title);
    }
    nameZoomButton(".leaflet-control-zoom-in", words.zoomIn);
    nameZoomButton(".leaflet-control-zoom-out", words.zoomOut);
    var credit = L.DomUtil.create("div");
    credit.innerHTML = map.attributionControl.options.prefix;
    credit.firstChild.title = words.credit;
    map.attributionControl.options.prefix = credit.innerHTML;  // drawn by the addAttribution that follows
    setTimeout(function () {
      container.querySelector(".leaflet-control-layers-toggle").title = words.layers;
    });
    map.on("popupopen", function (event) {
      var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
      close.setAttribute("aria-label", words.closePopup);
    });
  }

  // The sea, the legend (folded on a narrow map, a phone), the coasts' attribution, the islets'
  // names, and the first view: every shape, or on a narrow map only the disputed islands.
  function addChrome(map, options) {
    map.getContainer().style.background = options.seaColour;
    var legend = addLegend(map, options.legend);
    var narrow = map.getSize().x < options.narrowWidth;
    if (narrow) {
      legend.getContainer().querySelector("details").removeAttribute("open");
    }
    // A narrow map shows only the disputed islands: names of land beyond them would be cut at its edge.
    map.getContainer().classList.toggle("narrow-map", narrow);
    map.fitBounds(narrow ? options.fitNarrow : options.fit,
      {paddingTopLeft: [12, 12], paddingBottomRight: [12, options.bottomPadding], animate: false});
    translateLeaflet(map, options.words);
    map.attributionControl.addAttribution(options.attribution);
    showIsletNamesFrom(map, options.isletNamesZoom);
    keepClicksInPlace(map);
    chooseByKeyboard(map);
    leaveSwipesToThePage(map);
    map.getContainer().classList.add("first-view-set");  // tests wait on this, not on time
  }

  // On a phone a one-finger swipe scrolls the page, as everywhere else on it: the map moves with two
  // fingers (a pinch zooms and pans) and its + and − buttons. Without one-finger dragging, Leaflet
  // lets the browser pan the page (touch-action: pan-x pan-y). A touch screen has no hover: one tap
  // opens the popup, which names the island too, where a tooltip would open on the same tap and cover it.
  function leaveSwipesToThePage(map) {
    if (L.Browser.mobile) {
      map.dragging.disable();
      map.eachLayer(function (layer) { layer.unbindTooltip(); });
    }
  }

  window.KurilsMap = {addChrome: addChrome};
})();
