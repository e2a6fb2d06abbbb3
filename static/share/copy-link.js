/* The sidebar's copy buttons (lib/views/share.py): one tap puts a text (the share link, the embed
   snippet, a citation) on the clipboard and says so. The text travels in the button's data-link
   attribute, what to say in data-copied, each escaped like any text. */
(function () {
  "use strict";
  document.querySelectorAll("button.copy-link:not([data-bound])").forEach(function (button) {
    button.setAttribute("data-bound", "");
    button.addEventListener("click", function () {
      var status = document.getElementById(button.getAttribute("aria-describedby"));
      navigator.clipboard.writeText(button.getAttribute("data-link")).then(
        function () { status.textContent = button.getAttribute("data-copied") || "Copied."; },
        function () { status.textContent = "Copying is blocked here: press and hold the text above to copy it."; }
      );
    });
  });
})();
