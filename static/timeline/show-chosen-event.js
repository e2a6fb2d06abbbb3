/* The Timeline (pages/timeline.py): bring the chosen event into view, once for each event chosen, in the
   two places that scroll on their own. On a phone the chart is a strip wider than the screen that opens on
   the recent years (timeline.css): its ring goes to the middle of the screen; its place along the date
   axis, 0 to 1, is the data-at of the .kd-chosen-mark element (lib/views/timeline/figure.py chosen_at).
   The list of events in view scrolls inside its box: its chosen row goes to the box's middle when it is
   out of sight, after a shared link or a click on the chart. The page itself never scrolls. The chart
   draws lazily: look for it for up to 3 s. */
(function () {
  "use strict";

  // True once the chart is drawn and its strip scrolled.
  function showOnStrip(mark) {
    var strip = document.querySelector(".st-key-timeline_chart");
    var plot = strip && strip.querySelector(".nsewdrag");
    if (!plot) {
      return false;
    }
    var area = plot.getBoundingClientRect();
    var at = area.left + parseFloat(mark.getAttribute("data-at")) * area.width;
    var middle = strip.getBoundingClientRect().left + strip.clientWidth / 2;
    strip.scrollBy({ left: at - middle });
    return true;
  }

  // True once the list shows its chosen row, scrolled to it if it was out of sight.
  function showInList() {
    var list = document.querySelector(".st-key-timeline_list");
    var chosen = list && list.querySelector("input[type=radio]:checked");
    if (!chosen) {
      return false;
    }
    var row = chosen.closest("label") || chosen;
    var box = row.parentElement;
    while (box !== list.parentElement && box.scrollHeight <= box.clientHeight) {
      box = box.parentElement;
    }
    var seen = box.getBoundingClientRect();
    var place = row.getBoundingClientRect();
    if (box !== list.parentElement && (place.top < seen.top || place.bottom > seen.bottom)) {
      box.scrollTop += place.top - seen.top - (seen.height - place.height) / 2;
    }
    return true;
  }

  var mark = document.querySelector(".kd-chosen-mark:not([data-shown])");
  if (!mark) {
    return;
  }
  mark.setAttribute("data-shown", "");
  var onStrip = false;
  var inList = false;
  var tries = 0;
  function show() {
    onStrip = onStrip || showOnStrip(mark);
    inList = inList || showInList();
    if (!(onStrip && inList) && tries++ < 180) {
      window.requestAnimationFrame(show);
    }
  }
  show();
})();
