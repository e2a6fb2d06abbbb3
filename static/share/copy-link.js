/* The sidebar's copy buttons (lib/views/share.py): one tap puts a text (the share link, the embed
   snippet, a citation) on the clipboard and says so. The text travels in the button's data-link
   attribute, or is the text of the element data-copy-from names; what to say, in the reader's language,
   is in data-copied and data-blocked. */
(function () {
  "use strict";
  document.querySelectorAll("button.copy-link:not([data-bound])").forEach(function (button) {
    button.setAttribute("data-bound", "");
    button.addEventListener("click", function () {
      var status = document.getElementById(button.getAttribute("aria-describedby"));
      var source = button.getAttribute("data-copy-from");
      var text = source ? document.getElementById(source).textContent : button.getAttribute("data-link");
      navigator.clipboard.writeText(text).then(
        function () { status.textContent = button.getAttribute("data-copied"); },
        function () { status.textContent = button.getAttribute("data-blocked"); }
      );
    });
  });
})();
