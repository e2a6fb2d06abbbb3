/* The Statements page's annotated article (lib/views/article.py): once the article is drawn, bring
   the chosen statement's ringed sentence into view, once for each time it is drawn. The article
   arrives in its own element, possibly a moment after this script: look for it for up to 3 s. */
(function () {
  "use strict";
  var tries = 0;
  function show() {
    var chosen = document.getElementById("kd-chosen-statement");
    if (chosen && !chosen.hasAttribute("data-shown")) {
      chosen.setAttribute("data-shown", "");
      chosen.scrollIntoView({ block: "center" });
    } else if (!chosen && tries++ < 180) {
      window.requestAnimationFrame(show);
    }
  }
  show();
})();
