/* relaydocs: theme toggle, sidebar, code tabs, copy buttons, "on this page" and search. */
(() => {
  "use strict";
  const root = document.documentElement;
  const data = root.dataset;
  const THEME_KEY = "relaydocs-theme", TAB_KEY = "relaydocs-code-tab";
  const $ = (sel, el = document) => el.querySelector(sel);
  const $$ = (sel, el = document) => Array.from(el.querySelectorAll(sel));
  const store = (key, value) => { try { localStorage.setItem(key, value); } catch (e) { /* disabled */ } };
  const lower = (s) => String(s || "").toLowerCase();
  const load = (key) => { try { return localStorage.getItem(key); } catch (e) { return null; } };
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  };

  /* Theme: the head script applied it; the toggle stores a choice, else the system is followed. */
  const setTheme = (theme) => {
    data.theme = theme;
    $$("[data-theme-toggle]").forEach((b) => b.setAttribute("aria-pressed", String(theme === "dark")));
  };
  setTheme(data.theme === "dark" ? "dark" : "light");
  $$("[data-theme-toggle]").forEach((b) => b.addEventListener("click", () => {
    const next = data.theme === "dark" ? "light" : "dark";
    store(THEME_KEY, next);
    setTheme(next);
  }));
  const system = window.matchMedia && matchMedia("(prefers-color-scheme: dark)");
  if (system && system.addEventListener) {
    system.addEventListener("change", (e) => {
      if (!/^(light|dark)$/.test(load(THEME_KEY) || "")) setTheme(e.matches ? "dark" : "light");
    });
  }

  /* Sidebar: an off-canvas panel on small screens. */
  const menu = $("[data-sidebar-toggle]"), sidebar = $("#sidebar");
  const setSidebar = (open, refocus) => {
    root.classList.toggle("sidebar-open", open);
    if (menu) menu.setAttribute("aria-expanded", String(open));
    const first = open && sidebar && ($(".nav-link.active", sidebar) || $("a", sidebar));
    if (first) setTimeout(() => first.focus(), 50);
    else if (refocus && menu) menu.focus();
  };
  if (menu) menu.addEventListener("click", () => setSidebar(!root.classList.contains("sidebar-open")));
  $$("[data-sidebar-close]").forEach((b) => b.addEventListener("click", () => setSidebar(false)));
  if (sidebar) {
    sidebar.addEventListener("click", (e) => { if (e.target.closest("a")) setSidebar(false); });
    const active = $(".nav-link.active", sidebar);
    if (active && active.offsetTop > sidebar.clientHeight - 80) sidebar.scrollTop = active.offsetTop - sidebar.clientHeight / 2;
  }

  /* Language menu (a <details>): closes on an outside click. */
  const localeMenu = $("[data-locale-menu]");
  document.addEventListener("click", (e) => {
    if (localeMenu && localeMenu.open && !localeMenu.contains(e.target)) localeMenu.open = false;
  });

  /* Code groups: tabs are linked across the page by data-tab and remembered. */
  const groups = $$("[data-code-group]");
  const select = (group, name) => {
    const tabs = $$(".code-group-tab", group);
    if (!tabs.some((t) => t.dataset.tab === name)) return false;
    tabs.forEach((t) => {
      const on = t.dataset.tab === name;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
    });
    $$(".code-group-panel", group).forEach((p) => { p.hidden = p.dataset.tab !== name; });
    return true;
  };
  const selectAll = (name, tab) => {
    const before = tab.getBoundingClientRect().top;
    groups.forEach((g) => select(g, name));
    store(TAB_KEY, name);
    // Keep the chosen tab in place when groups above it change height.
    const shift = tab.getBoundingClientRect().top - before;
    if (shift) window.scrollBy(0, shift);
    tab.focus();
  };
  const remembered = load(TAB_KEY);
  groups.forEach((group, n) => {
    const tabs = $$(".code-group-tab", group), panels = $$(".code-group-panel", group);
    tabs.forEach((tab, i) => {
      const id = `code-group-${n}-${i}`;
      const panel = panels.find((p) => p.dataset.tab === tab.dataset.tab);
      tab.id = id + "-tab";
      if (panel) {
        panel.id = id + "-panel";
        panel.setAttribute("aria-labelledby", tab.id);
        tab.setAttribute("aria-controls", panel.id);
      }
      tab.addEventListener("click", () => selectAll(tab.dataset.tab, tab));
      tab.addEventListener("keydown", (e) => {
        const last = tabs.length - 1;
        const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: last }[e.key];
        if (to === undefined) return;
        e.preventDefault();
        const next = tabs[to > last ? 0 : to < 0 ? last : to];
        selectAll(next.dataset.tab, next);
      });
    });
    const initial = tabs.find((t) => t.getAttribute("aria-selected") === "true") || tabs[0];
    if (!(remembered && select(group, remembered)) && initial) select(group, initial.dataset.tab);
    group.classList.add("ready");
  });

  /* Copy buttons on every code block; shell prompts ("$ " at a line start) are not copied. */
  const fallbackCopy = (text) => {
    const area = el("textarea");
    area.value = text;
    area.style.cssText = "position:fixed;top:0;left:-9999px;opacity:0";
    document.body.append(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { /* unsupported */ }
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  };
  const copyText = (text) => navigator.clipboard && window.isSecureContext
    ? navigator.clipboard.writeText(text).catch(() => fallbackCopy(text))
    : fallbackCopy(text);
  const label = data.copy || "Copy";
  $$(".code-block").forEach((block) => {
    const code = $("code", block) || $("pre", block);
    if (!code) return;
    const button = el("button", "copy-button", label);
    button.type = "button";
    let timer = 0;
    const show = (text, ok) => {
      button.textContent = text;
      button.classList.toggle("copied", ok);
      clearTimeout(timer);
      if (text !== label) timer = setTimeout(() => show(label, false), 2000);
    };
    button.addEventListener("click", () => {
      let text = code.textContent;
      if (/^(bash|sh|shell|console|zsh)$/.test(block.dataset.lang || "")) text = text.replace(/^\$ /gm, "");
      copyText(text).then(() => show(data.copied || "Copied", true), () => show(data.copyFailed || "Copy failed", false));
    });
    block.append(button);
  });

  /* "On this page": highlight the section being read. */
  const tocLinks = $$(".toc-link");
  const targets = tocLinks.map((a) => {
    let id = a.getAttribute("href").slice(1);
    try { id = decodeURIComponent(id); } catch (e) { /* keep as written */ }
    return document.getElementById(id);
  });
  let frame = 0;
  const updateToc = () => {
    frame = 0;
    const offset = (parseFloat(getComputedStyle(root).scrollPaddingTop) || 72) + 8;
    const atEnd = innerHeight + scrollY >= root.scrollHeight - 2;
    let current = -1;
    targets.forEach((t, i) => {
      const top = t ? t.getBoundingClientRect().top : Infinity;
      if (top <= offset || (atEnd && top < innerHeight)) current = i;
    });
    tocLinks.forEach((a, i) => a.classList.toggle("active", i === current));
  };
  if (tocLinks.length) {
    addEventListener("scroll", () => { if (!frame) frame = requestAnimationFrame(updateToc); }, { passive: true });
    updateToc();
  }

  /* Search: the index is fetched on first focus; every query term must match (substrings, so
     Chinese works without spaces); title hits rank over heading hits over text hits. */
  const box = $("[data-search]"), input = box && $(".search-input", box), list = box && $(".search-results", box);
  if (!input || !list) return bindKeys();
  let pages = null, loading = null, active = -1;
  const loadIndex = () => loading || (loading = fetch(data.searchIndex, { credentials: "same-origin" })
    .then((r) => { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then((json) => {
      pages = ((json && json.pages) || []).map((p) => ({
        url: p.url, title: String(p.title || ""), text: String(p.text || ""),
        t: lower(p.title), x: lower(p.text),
        headings: (p.headings || []).map((h) => ({ id: h.id, text: String(h.text || ""), l: lower(h.text) })),
      }));
    })
    .catch(() => { pages = []; }));

  const search = (words, phrase) => pages.map((page) => {
    let score = 0, heading = null, best = 0;
    for (const w of words) {
      const h = page.headings.find((x) => x.l.includes(w));
      const s = (page.t.includes(w) ? 100 : 0) + (h ? 10 : 0) + (page.x.includes(w) ? 1 : 0);
      if (!s) return null;
      score += s;
      const hits = h ? words.filter((v) => h.l.includes(v)).length : 0;
      if (hits > best) { heading = h; best = hits; }
    }
    if (page.t.includes(phrase)) score += page.t === phrase ? 150 : 50;
    return { page, heading, score };
  }).filter(Boolean).sort((a, b) => b.score - a.score).slice(0, 10);

  // Appends text with each match wrapped in <mark>; text is never parsed as HTML.
  const marked = (parent, text, words) => {
    const l = text.toLowerCase();
    let pos = 0;
    for (;;) {
      let at = -1, len = 0;
      for (const w of words) {
        const i = l.indexOf(w, pos);
        if (i >= 0 && (at < 0 || i < at || (i === at && w.length > len))) { at = i; len = w.length; }
      }
      if (at < 0) break;
      if (at > pos) parent.append(text.slice(pos, at));
      parent.append(el("mark", "", text.slice(at, at + len)));
      pos = at + len;
    }
    parent.append(text.slice(pos));
    return parent;
  };
  const excerpt = (page, words) => {
    const hits = words.map((w) => page.x.indexOf(w)).filter((i) => i >= 0);
    const at = hits.length ? Math.min(...hits) : 0;
    const start = Math.max(0, at - 30), end = Math.min(page.text.length, at + 90);
    const text = page.text.slice(start, end).replace(/\s+/g, " ").trim();
    return text && (start ? "…" : "") + text + (end < page.text.length ? "…" : "");
  };

  const items = () => $$(".search-result", list);
  const setActive = (index) => {
    const all = items();
    active = all.length ? (index + all.length) % all.length : -1;
    all.forEach((a, i) => {
      a.classList.toggle("active", i === active);
      a.setAttribute("aria-selected", String(i === active));
      if (i === active) a.scrollIntoView({ block: "nearest" });
    });
    if (active >= 0) input.setAttribute("aria-activedescendant", all[active].id);
    else input.removeAttribute("aria-activedescendant");
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const render = () => {
    const query = input.value.trim().toLowerCase();
    const words = query.split(/\s+/).filter(Boolean);
    if (!words.length) return close();
    if (!pages) return;
    const results = search(words, query);
    list.textContent = "";
    active = -1;
    if (!results.length) list.append(el("p", "search-empty", data.noResults || "No results"));
    results.forEach(({ page, heading }, i) => {
      const a = el("a", "search-result");
      a.id = "search-result-" + i;
      a.href = page.url + (heading && heading.id ? "#" + heading.id : "");
      a.tabIndex = -1;
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.append(marked(el("span", "search-result-title"), page.title, words));
      if (heading) a.append(marked(el("span", "search-result-heading"), heading.text, words));
      const text = excerpt(page, words);
      if (text) a.append(marked(el("span", "search-result-excerpt"), text, words));
      a.addEventListener("click", close);
      list.append(a);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };

  input.addEventListener("focus", () => loadIndex().then(() => { if (document.activeElement === input) render(); }));
  input.addEventListener("input", () => loadIndex().then(render));
  input.addEventListener("keydown", (e) => {
    if ((e.key === "ArrowDown" || e.key === "ArrowUp") && !list.hidden) {
      e.preventDefault();
      setActive(active + (e.key === "ArrowDown" ? 1 : -1));
    } else if (e.key === "Enter" && !list.hidden) {
      const target = items()[active] || items()[0];
      if (!target) return;
      e.preventDefault();
      close();
      location.href = target.href;
    } else if (e.key === "Escape") {
      if (!list.hidden) close();
      else { input.value = ""; input.blur(); }
    }
  });
  box.addEventListener("focusout", (e) => { if (!box.contains(e.relatedTarget)) close(); });
  list.addEventListener("mousedown", (e) => e.preventDefault());
  bindKeys();

  /* "/" or Ctrl/Cmd+K focuses search; Escape closes the sidebar and the language menu. */
  function bindKeys() {
    document.addEventListener("keydown", (e) => {
      const t = e.target;
      const typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      const slash = e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey;
      if (input && (slash || ((e.ctrlKey || e.metaKey) && lower(e.key) === "k"))) {
        e.preventDefault();
        input.focus();
        input.select();
      } else if (e.key === "Escape") {
        if (root.classList.contains("sidebar-open")) setSidebar(false, true);
        if (localeMenu && localeMenu.open) {
          localeMenu.open = false;
          $("summary", localeMenu).focus();
        }
      }
    });
  }
})();

/* The base-URL check of the errors page (```client base-urls```): the request a client sends with
   the base URL typed, whether the relay serves it and the fix, computed here from the join rules
   the build wrote into the page (the same as relaydocs doctor's); nothing is sent anywhere. */
(() => {
  const box = document.querySelector("[data-doctor-check]");
  if (!box) return;
  const data = JSON.parse(box.querySelector("[data-doctor-data]").textContent);
  const select = box.querySelector("[data-doctor-client]");
  const input = box.querySelector("[data-doctor-base]");
  const output = box.querySelector("[data-doctor-output]");
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, name) => (name in values ? values[name] : m));
  const versioned = (url) => url.replace(/^[a-z]+:\/\/[^/]*/i, "").split("/")
    .some((s) => /^v[0-9]+(alpha|beta)?$/.test(s));
  function join(base, rule) {
    let url = base;
    if (rule.trailingSlash === "one" && url.endsWith("/")) url = url.slice(0, -1);
    if (rule.trailingSlash === "all") url = url.replace(/\/+$/, "");
    let verbatim = false;
    if (rule.verbatimMark && url.endsWith(rule.verbatimMark)) {
      url = url.slice(0, -rule.verbatimMark.length);
      verbatim = true;
    }
    if (rule.addsVersion && !verbatim && !versioned(url)) url += rule.addsVersion;
    return url + rule.appends;
  }
  function diagnose(rule, base) {
    const bare = rule.verbatimMark && base.endsWith(rule.verbatimMark) ? base.slice(0, -rule.verbatimMark.length) : base;
    const m = /^(https?:\/\/[^/?#\s]+)([^?#\s]*)$/i.exec(bare);
    if (!m) return { error: true };
    const host = m[1];
    const request = join(base, rule);
    const path = (url) => url.slice(host.length);
    const serves = (url) => new RegExp(rule.served).test(path(url));
    const answer = { requestURL: request, served: serves(request), suggestedBaseURL: null, reason: null };
    if (answer.served) return answer;
    const suggested = host + rule.suggested;
    const fixed = join(suggested, rule);
    const values = { client: rule.name, appends: rule.appends, request: path(request), served: path(fixed),
      protocol: rule.protocolName, suggested: suggested, part: "" };
    if (!serves(fixed)) {
      answer.reason = fill(data.reasons.noBaseURL, values);
      return answer;
    }
    answer.suggestedBaseURL = suggested;
    let kind = "other";
    if (suggested.startsWith(base) && suggested !== base) { kind = "missing"; values.part = suggested.slice(base.length); }
    else if (base.startsWith(suggested) && suggested !== base) { kind = "extra"; values.part = base.slice(suggested.length); }
    answer.reason = fill(data.reasons[kind], values);
    return answer;
  }
  function show() {
    const rule = data.clients[Number(select.value)];
    const answer = diagnose(rule, input.value.trim());
    output.textContent = "";
    const row = (label, text, name) => {
      const dt = document.createElement("dt");
      dt.textContent = data.labels[label];
      const dd = document.createElement("dd");
      dd.textContent = text;
      if (name) dd.dataset.doctor = name;
      output.append(dt, dd);
    };
    if (answer.error) return;
    row("request", "POST " + answer.requestURL, "requestURL");
    row("served", data.labels[answer.served ? "yes" : "no"], "served");
    output.dataset.served = String(answer.served);
    if (answer.suggestedBaseURL) row("suggested", answer.suggestedBaseURL, "suggestedBaseURL");
    if (answer.reason) row("reason", answer.reason, "reason");
  }
  select.addEventListener("change", () => { input.value = data.clients[Number(select.value)].example; show(); });
  input.addEventListener("input", show);
  input.value = data.clients[0].example;
  box.hidden = false;
  show();
})();
