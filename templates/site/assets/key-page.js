/* The key page: code with the user's own key, from the relaydocs snippet API.
   The key lives only in this page's memory: it is sent in the Authorization header and is never
   put in a URL, in storage or in the page's address. */
(function () {
  "use strict";
  var root = document.querySelector("[data-key-page]");
  if (!root) return;
  var api = root.getAttribute("data-api") || "/api/v1/";
  var keyInput = root.querySelector("[data-key-input]");
  var model = root.querySelector("[data-model-input]");
  var lang = root.querySelector("[data-lang-input]");
  var stream = root.querySelector("[data-stream-input]");
  var button = root.querySelector("[data-key-submit]");
  var status = root.querySelector("[data-key-status]");
  var output = root.querySelector("[data-key-output]");

  function say(text) {
    status.textContent = text;
    status.hidden = !text;
  }

  function show(snippets) {
    output.textContent = "";
    snippets.forEach(function (snippet) {
      var section = document.createElement("section");
      section.className = "key-page-snippet";
      var label = document.createElement("p");
      label.className = "key-page-label";
      label.textContent = snippet.protocol + " · " + snippet.sdk + (snippet.stream ? " · stream" : "");
      section.appendChild(label);
      // The API's html is the code, escaped and highlighted by relaydocs.
      var holder = document.createElement("div");
      holder.innerHTML = snippet.html;
      var block = holder.firstElementChild;
      if (block) {
        var copy = document.createElement("button");
        copy.type = "button";
        copy.className = "copy-button";
        copy.textContent = document.documentElement.getAttribute("data-copy") || "Copy";
        copy.addEventListener("click", function () {
          var done = function () {
            copy.textContent = document.documentElement.getAttribute("data-copied") || "Copied";
            setTimeout(function () { copy.textContent = document.documentElement.getAttribute("data-copy") || "Copy"; }, 1500);
          };
          if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(snippet.code).then(done, done);
          }
        });
        block.appendChild(copy);
        section.appendChild(block);
      }
      output.appendChild(section);
    });
  }

  function load() {
    var key = keyInput.value.trim();
    if (!key) { say(output.getAttribute("data-empty-key")); return; }
    var query = "model=" + encodeURIComponent(model.value) + "&lang=" + encodeURIComponent(lang.value) +
      (stream.checked ? "&stream=true" : "");
    say(output.getAttribute("data-loading"));
    fetch(api + "snippets?" + query, {
      headers: { "Authorization": "Bearer " + key },
      cache: "no-store",
      credentials: "omit",
      referrerPolicy: "no-referrer"
    }).then(function (response) {
      var type = response.headers.get("content-type") || "";
      if (type.indexOf("application/json") !== 0) throw new Error("unavailable");
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (!result.ok) {
        say(result.body && result.body.error ? result.body.error.message : output.getAttribute("data-unavailable"));
        return;
      }
      say(result.body.note || "");
      show(result.body.snippets || []);
    }).catch(function () {
      output.textContent = "";
      say(output.getAttribute("data-unavailable"));
    });
  }

  button.addEventListener("click", load);
  keyInput.addEventListener("keydown", function (event) { if (event.key === "Enter") load(); });
})();
