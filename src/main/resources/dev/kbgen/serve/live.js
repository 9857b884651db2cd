// kbgen serve: reloads the page after every rebuild. Served by the preview server only; the
// built site never contains this file.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="kbgen-build"]');
  var shown = meta ? meta.getAttribute("content") : null;
  var events = new EventSource("/__kbgen/events");
  // On (re)connecting the server says which build it serves: a page from another build (a rebuild
  // happened while the stream was not open yet, or the server restarted) is reloaded.
  events.addEventListener("hello", function (e) {
    if (shown !== null && e.data !== shown) {
      location.reload();
    }
  });
  events.addEventListener("reload", function () {
    location.reload();
  });
  function wire() {
    var button = document.getElementById("kbgen-overlay-dismiss");
    if (button) {
      button.addEventListener("click", function () {
        var overlay = document.getElementById("kbgen-overlay");
        if (overlay) {
          overlay.parentNode.removeChild(overlay);
        }
      });
      button.focus();
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
})();
