/* The sidebar's "Copy link" button (lib/ui/address.py): one tap puts the share link on the
   clipboard and says so. The link travels in the button's data-link attribute, escaped like any text. */
(function () {
  "use strict";
  document.querySelectorAll("button.copy-link:not([data-bound])").forEach(function (button) {
    button.setAttribute("data-bound", "");
    button.addEventListener("click", function () {
      var status = document.getElementById(button.getAttribute("aria-describedby"));
      navigator.clipboard.writeText(button.getAttribute("data-link")).then(
        function () { status.textContent = "Link copied."; },
        function () { status.textContent = "Copying is blocked here: press and hold the link above to copy it."; }
      );
    });
  });
})();
