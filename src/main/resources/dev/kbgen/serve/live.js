// kbgen serve: reloads the page when a rebuild changed it. Served by the preview server only; the
// built site never contains this file.
(function () {
  "use strict";
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute("content") : null;
  }
  var shown = meta("kbgen-build");
  var page = meta("kbgen-page");
  // After a rebuild, the page is fetched again and reloaded only if what it shows changed (its
  // fingerprint covers the page, not the names of the search files, and the problems overlay):
  // an edit to one article reloads that article's tabs once, not every open page twice.
  function check() {
    if (page === null || !window.fetch) {
      location.reload();
      return;
    }
    fetch(location.href, { cache: "no-store" })
      .then(function (response) {
        return response.text();
      })
      .then(function (text) {
        var m = /<meta name="kbgen-page" content="([0-9a-f]+)">/.exec(text);
        if (!m || m[1] !== page) {
          location.reload();
        }
      })
      .catch(function () {
        location.reload();
      });
  }
  var events = new EventSource("/__kbgen/events");
  var connected = false;
  // On connecting the server says which build it serves: a page from another build (a rebuild
  // happened while the stream was not open yet) is checked. A reconnection is always checked: the
  // server may have restarted, and a new server counts its builds from 1 again, so the same number
  // can name other content.
  events.addEventListener("hello", function (e) {
    if (connected || (shown !== null && e.data !== shown)) {
      check();
    }
    connected = true;
  });
  events.addEventListener("reload", check);
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
