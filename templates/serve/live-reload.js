/* relaydocs serve: reload the page after each rebuild; show a build error over the page. */
(function () {
  "use strict";
  var overlay = null;
  function show(message) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.setAttribute("role", "alert");
      overlay.style.cssText =
        "position:fixed;inset:auto 1rem 1rem 1rem;max-height:50vh;overflow:auto;z-index:9999;padding:1rem 1.25rem;" +
        "background:#2b1111;color:#ffd7d7;border:1px solid #e5534b;border-radius:8px;" +
        "font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;box-shadow:0 8px 30px rgba(0,0,0,.35)";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "relaydocs: the last edit does not build; still showing the last good site.\n\n" + message;
  }
  var source = new EventSource("/_relaydocs/events");
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("failure", function (event) { show(event.data); });
})();
