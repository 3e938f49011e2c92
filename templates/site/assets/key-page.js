/* The key page: code with the user's own key, from the relaydocs snippet API, and "Test my key",
   one request to the relay itself.
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
  var modelsURL = root.getAttribute("data-models-url");
  var testButton = root.querySelector("[data-key-test]");
  var testResult = root.querySelector("[data-key-test-result]");

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

  /* The key as it shows in text the relay sent back, should the relay repeat it. */
  function masked(text, key) {
    var mask = key.length > 8 ? key.slice(0, 3) + "***" + key.slice(-2) : "***";
    return text.split(key).join(mask);
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  /* What the relay said about a refusal: the message of OpenAI's, Anthropic's or Gemini's error
     shape, or of new-api's {"message": …}. */
  function relayMessage(body) {
    if (!body || typeof body !== "object") return "";
    var error = body.error;
    var text = error && typeof error === "object" ? error.message : typeof error === "string" ? error : body.message;
    return typeof text === "string" ? text.slice(0, 300) : "";
  }

  /* Tells the outcome of a test in the live region: outcome is works, odd, refused, not-found,
     unreachable, other, bad-key, testing or "" (nothing to tell). */
  function tell(outcome, text, extra) {
    var line = testResult.querySelector("[data-key-test-status]");
    var old = testResult.querySelector(".key-page-snippet");
    if (old) testResult.removeChild(old);
    if (outcome) line.setAttribute("data-outcome", outcome); else line.removeAttribute("data-outcome");
    line.textContent = text;
    if (extra) testResult.appendChild(extra);
  }

  /* "Test my key": GET {origin}/v1/models with the key in the Authorization header, nothing else
     of the user's sent, no cookies, no referrer and no cache. A browser shows no status when the
     relay cannot be reached or does not allow this page (CORS), so those two are told together,
     with the curl command that tells them apart. */
  function testKey() {
    var key = keyInput.value.trim();
    if (!key) { tell("", output.getAttribute("data-empty-key")); return; }
    // fetch refuses such a header before sending anything; that is not the relay's doing.
    if (!/^[\x21-\x7e]+$/.test(key)) { tell("bad-key", testResult.getAttribute("data-bad-key")); return; }
    var values = { url: modelsURL };
    tell("testing", testResult.getAttribute("data-testing"));
    testButton.disabled = true;
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, 15000) : null;
    fetch(modelsURL, {
      method: "GET",
      headers: { "Authorization": "Bearer " + key },
      mode: "cors",
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        try { body = JSON.parse(text); } catch (error) { body = null; }
        return { status: response.status, body: body };
      });
    }).then(function (answer) {
      values.status = answer.status;
      var said = masked(relayMessage(answer.body), key);
      var withSaid = function (text) {
        return said ? text + " " + fill(testResult.getAttribute("data-relay-said"), { message: said }) : text;
      };
      if (answer.status === 200 && answer.body && Array.isArray(answer.body.data)) {
        values.count = answer.body.data.length;
        tell("works", fill(testResult.getAttribute("data-works"), values));
      } else if (answer.status === 200) {
        tell("odd", fill(testResult.getAttribute("data-odd"), values));
      } else if (answer.status === 401) {
        tell("refused", withSaid(fill(testResult.getAttribute("data-refused"), values)));
      } else if (answer.status === 404) {
        tell("not-found", withSaid(fill(testResult.getAttribute("data-not-found"), values)));
      } else {
        tell("other", withSaid(fill(testResult.getAttribute("data-other"), values)));
      }
    }, function () {
      // No status: the relay was not reached, took too long, or its answer was kept from the page.
      var command = "curl -sS -i \"" + modelsURL + "\" -H \"Authorization: Bearer $KEY\"\n";
      tell("unreachable", fill(testResult.getAttribute("data-unreachable"), values),
        textBlock(testResult.getAttribute("data-curl"), command));
    }).then(function () {
      if (timer) clearTimeout(timer);
      testButton.disabled = false;
    });
  }

  if (testButton && testResult && modelsURL && window.fetch) {
    testButton.hidden = false;
    testButton.addEventListener("click", testKey);
    // An answer about another key would mislead.
    keyInput.addEventListener("input", function () {
      if (testResult.querySelector("[data-key-test-status]").textContent) tell("", "");
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
