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
  var client = root.querySelector("[data-client-input]");
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

  function copyButton(text) {
    var copy = document.createElement("button");
    copy.type = "button";
    copy.className = "copy-button";
    copy.textContent = document.documentElement.getAttribute("data-copy") || "Copy";
    copy.addEventListener("click", function () {
      var done = function () {
        copy.textContent = document.documentElement.getAttribute("data-copied") || "Copied";
        setTimeout(function () { copy.textContent = document.documentElement.getAttribute("data-copy") || "Copy"; }, 1500);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, done);
    });
    return copy;
  }

  /* A block of text with a copy button; built with textContent only, so nothing in it is HTML. */
  function textBlock(label, text) {
    var section = document.createElement("section");
    section.className = "key-page-snippet";
    var caption = document.createElement("p");
    caption.className = "key-page-label";
    caption.textContent = label;
    section.appendChild(caption);
    var block = document.createElement("div");
    block.className = "code-block";
    var pre = document.createElement("pre");
    pre.className = "code";
    var code = document.createElement("code");
    code.textContent = text;
    pre.appendChild(code);
    block.appendChild(pre);
    block.appendChild(copyButton(text));
    section.appendChild(block);
    return section;
  }

  /* A client's set-up (the answer of /api/v1/setup): its files, commands, fields and requests. */
  function showSetup(setup) {
    output.textContent = "";
    setup.files.forEach(function (file) {
      output.appendChild(textBlock(output.getAttribute("data-setup-files") + ": " + file.path, file.content));
    });
    if (setup.commands.length) {
      output.appendChild(textBlock(output.getAttribute("data-setup-commands"), setup.commands.join("\n") + "\n"));
    }
    setup.settings.forEach(function (setting) {
      var section = textBlock(output.getAttribute("data-setup-settings") + ": " + setting.name, setting.value);
      // An app's deep link opens the app on this machine: it is handed to the browser as a link,
      // never requested from a server.
      if (/^[a-z][a-z0-9+.-]*:\/\//.test(setting.value) && !/^https?:/i.test(setting.value)) {
        var link = document.createElement("a");
        link.className = "key-page-button";
        link.href = setting.value;
        link.rel = "noreferrer";
        link.textContent = output.getAttribute("data-open-link");
        section.appendChild(link);
      }
      output.appendChild(section);
    });
    output.appendChild(textBlock(output.getAttribute("data-setup-requests"),
      setup.requests.map(function (request) { return request.method + " " + request.url; }).join("\n") + "\n"));
  }

  function request(path, key) {
    return fetch(api + path, {
      headers: { "Authorization": "Bearer " + key },
      cache: "no-store",
      credentials: "omit",
      referrerPolicy: "no-referrer"
    }).then(function (response) {
      var type = response.headers.get("content-type") || "";
      if (type.indexOf("application/json") !== 0) throw new Error("unavailable");
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    });
  }

  function loadSetup(key) {
    var withModel = "setup?client=" + encodeURIComponent(client.value) + "&model=" + encodeURIComponent(model.value);
    say(output.getAttribute("data-loading"));
    request(withModel, key).then(function (result) {
      // A model the tool cannot use: its own default model, with the reason.
      if (!result.ok && result.body && result.body.error) {
        var reason = result.body.error.message;
        return request("setup?client=" + encodeURIComponent(client.value), key).then(function (again) {
          again.note = reason;
          return again;
        });
      }
      return result;
    }).then(function (result) {
      if (!result.ok) {
        say(result.body && result.body.error ? result.body.error.message : output.getAttribute("data-unavailable"));
        return;
      }
      say(result.note || "");
      showSetup(result.body);
    }).catch(function () {
      output.textContent = "";
      say(output.getAttribute("data-unavailable"));
    });
  }

  function load() {
    if (client && client.value) {
      var typed = keyInput.value.trim();
      if (!typed) { say(output.getAttribute("data-empty-key")); return; }
      loadSetup(typed);
      return;
    }
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

  if (client) {
    client.addEventListener("change", function () {
      // Languages and streaming are for snippets; a tool's set-up has its own.
      lang.disabled = stream.disabled = !!client.value;
    });
  }
  button.addEventListener("click", load);
  keyInput.addEventListener("keydown", function (event) { if (event.key === "Enter") load(); });
})();
