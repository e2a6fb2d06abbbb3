/* The Timeline (pages/timeline.py): on a phone the chart is a strip wider than the screen that opens on
   the recent years (timeline.css). Bring the chosen event's ring to the middle of the screen, once for each
   event chosen: its place along the date axis, 0 to 1, is the data-at of the .kd-chosen-mark element
   (lib/views/timeline/figure.py chosen_at). The chart draws lazily: look for it for up to 3 s. */
(function () {
  "use strict";
  var tries = 0;
  function show() {
    var mark = document.querySelector(".kd-chosen-mark:not([data-shown])");
    var strip = document.querySelector(".st-key-timeline_chart");
    var plot = strip && strip.querySelector(".nsewdrag");
    if (mark && plot) {
      mark.setAttribute("data-shown", "");
      var area = plot.getBoundingClientRect();
      var at = area.left + parseFloat(mark.getAttribute("data-at")) * area.width;
      var middle = strip.getBoundingClientRect().left + strip.clientWidth / 2;
      strip.scrollBy({ left: at - middle });
    } else if (mark && tries++ < 180) {
      window.requestAnimationFrame(show);
    }
  }
  show();
})();
