"""Real-browser checks of the built docs site (headless Chromium through chromedriver).

Run:  RELAYDOCS_SITE_DIR=site RELAYDOCS_ARTIFACTS=artifacts python -m pytest Tests/browser -q
"""

import base64
import re
import struct
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ZH_QUICKSTART = "/guide/quickstart.html"
EN_QUICKSTART = "/en/guide/quickstart.html"
QUICKSTARTS = {"zh": ZH_QUICKSTART, "en": EN_QUICKSTART}
TITLES = {"zh": "快速接入", "en": "Quick start"}
PHONE = (390, 844)
TAB_NAMES = {"python", "curl", "swift", "javascript", "go", "java"}
WAIT = 10


# ---------------------------------------------------------------------------------------------
# Helpers


def wait(driver, condition, message, timeout=WAIT):
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: condition(d), message)


def open_page(driver, url):
    """Load a page and wait until it is loaded and the site script has run."""
    driver.get(url)
    wait(driver, lambda d: d.execute_script("return document.readyState") == "complete",
         f"{url} did not finish loading")
    wait(driver, lambda d: d.execute_script("return document.documentElement.classList.contains('js')"),
         f"{url}: the theme-init script did not run (no .js class on <html>)")


def reload(driver):
    driver.refresh()
    wait(driver, lambda d: d.execute_script("return document.readyState") == "complete",
         f"{driver.current_url} did not finish reloading")


def severe_console_entries(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def emulate_phone(driver):
    driver.set_window_size(*PHONE)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": PHONE[0], "height": PHONE[1], "deviceScaleFactor": 2, "mobile": True,
    })


def set_theme(driver, theme):
    driver.execute_script("localStorage.setItem('relaydocs-theme', arguments[0])", theme)
    reload(driver)
    assert driver.execute_script("return document.documentElement.dataset.theme") == theme


def code_groups(driver):
    return driver.find_elements(By.CSS_SELECTOR, "[data-code-group]")


def group_state(group):
    """(names of the selected tabs, names of the displayed panels) of one code group."""
    tabs = group.find_elements(By.CSS_SELECTOR, "[role=tab]")
    selected = [t.get_attribute("data-tab") for t in tabs if t.get_attribute("aria-selected") == "true"]
    panels = group.find_elements(By.CSS_SELECTOR, ".code-group-panel")
    shown = [p.get_attribute("data-tab") for p in panels if p.is_displayed()]
    return selected, shown


def assert_all_groups_show(driver, name, where):
    groups = code_groups(driver)
    assert len(groups) >= 2, f"{where}: expected at least 2 code groups, found {len(groups)}"
    for i, group in enumerate(groups):
        selected, shown = group_state(group)
        assert selected == [name], f"{where}: code group #{i + 1} has selected tab(s) {selected}, expected [{name!r}]"
        assert shown == [name], f"{where}: code group #{i + 1} displays panel(s) {shown}, expected only [{name!r}]"


def wait_for_groups_ready(driver):
    wait(driver, lambda d: all("ready" in (g.get_attribute("class") or "").split() for g in code_groups(d)),
         "code groups never got the .ready class (did relaydocs.js run?)")


def click(driver, element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element)
    element.click()


def http_status(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except (urllib.error.URLError, OSError) as error:
        return f"{type(error).__name__}: {error}", b""


def internal_links(driver):
    """href attributes (as written) of every a[href^="/"] on the current page."""
    hrefs = driver.execute_script(
        "return Array.from(document.querySelectorAll('a[href^=\"/\"]'), a => a.getAttribute('href'))")
    return [h for h in hrefs if not h.startswith("//")]


def overflow_report(driver, width):
    """Elements that stick out to the right of the viewport (not counting those inside a
    scrolling or clipping box), for failure messages."""
    return driver.execute_script("""
        const w = arguments[0], out = [];
        for (const el of document.querySelectorAll('body *')) {
          const r = el.getBoundingClientRect();
          let clipped = false;
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
            if (getComputedStyle(p).overflowX !== 'visible') { clipped = true; break; }
          if (!clipped && r.width && r.right > w + 0.5) {
            const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
            out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls} right=${Math.round(r.right)}`);
          }
        }
        return out.slice(0, 12);
    """, width)


def page_widths(driver):
    return driver.execute_script(
        "return [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]")


def full_page_screenshot(driver, path):
    """A PNG of the whole document (not just the viewport), through CDP."""
    driver.execute_async_script("document.fonts.ready.then(() => arguments[0]())")
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    viewport = metrics["cssLayoutViewport"]
    content = metrics["cssContentSize"]
    width = max(viewport["clientWidth"], content["width"])
    height = max(viewport["clientHeight"], content["height"])
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True, "fromSurface": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
    })
    Path(path).write_bytes(base64.b64decode(shot["data"]))


def png_size(path):
    data = Path(path).read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


# ---------------------------------------------------------------------------------------------
# 1. The quick-start pages render


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_quickstart_renders(driver, base_url, locale):
    open_page(driver, base_url + QUICKSTARTS[locale])
    assert TITLES[locale] in driver.title, f"{QUICKSTARTS[locale]}: title {driver.title!r} lacks {TITLES[locale]!r}"
    lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang") or ""
    assert lang.lower().startswith(locale), f"{QUICKSTARTS[locale]}: <html lang={lang!r}>"

    cells = [c.text.strip() for c in driver.find_elements(By.CSS_SELECTOR, "table td") if c.is_displayed()]
    for suffix in ("/anthropic", "/google"):
        relay = [c for c in cells if re.fullmatch(r"https?://\S+" + re.escape(suffix), c)]
        assert relay, f"{QUICKSTARTS[locale]}: no visible table cell with a relay URL ending in {suffix}; cells: {cells}"

    groups = code_groups(driver)
    assert len(groups) >= 2, f"{QUICKSTARTS[locale]}: expected at least 2 [data-code-group], found {len(groups)}"
    for i, group in enumerate(groups):
        tabs = group.find_elements(By.CSS_SELECTOR, "[role=tab]")
        labels = {t.text.strip().lower() for t in tabs}
        names = {t.get_attribute("data-tab") for t in tabs}
        assert TAB_NAMES <= labels, f"{QUICKSTARTS[locale]}: code group #{i + 1} has tabs {sorted(labels)}"
        assert TAB_NAMES <= names, f"{QUICKSTARTS[locale]}: code group #{i + 1} has data-tab values {sorted(names)}"
    wait_for_groups_ready(driver)
    for i, group in enumerate(groups):
        selected, shown = group_state(group)
        assert len(selected) == 1 and shown == selected, (
            f"{QUICKSTARTS[locale]}: code group #{i + 1} at load: selected {selected}, displayed panels {shown}")


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_domain_table_relay_urls_visible_on_desktop(driver, base_url, locale):
    """At 1280x900 the relay URLs, the point of the page, are readable without scrolling the table."""
    open_page(driver, base_url + QUICKSTARTS[locale])
    found, clipped = driver.execute_script("""
        const out = []; let found = 0;
        for (const td of document.querySelectorAll('.doc table td')) {
          if (!/^https?:\\/\\/\\S+\\/(anthropic|google)$/.test(td.textContent.trim())) continue;
          found++;
          const table = td.closest('table'), t = table.getBoundingClientRect(), r = (td.querySelector('code') || td).getBoundingClientRect();
          const right = t.left + table.clientLeft + table.clientWidth;  // the visible part of a scrolling table
          if (r.left < t.left - 0.5 || r.right > right + 0.5)
            out.push(`${td.textContent.trim()} spans x=${Math.round(r.left)}..${Math.round(r.right)}, the table shows x=${Math.round(t.left)}..${Math.round(right)} (table ${table.scrollWidth}px wide in ${table.clientWidth}px)`);
        }
        return [found, out];
    """)
    assert found >= 2, f"{QUICKSTARTS[locale]}: no table cells with the /anthropic and /google relay URLs"
    assert not clipped, f"{QUICKSTARTS[locale]} at 1280x900: relay URLs cut off by the domain table's horizontal scroll:\n  " + "\n  ".join(clipped)


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_domain_table_reads_without_sideways_scroll_on_a_phone(driver, base_url, locale, artifacts_dir):
    """At 390 px the domain table is one card per provider: the relay URL, the column users came
    for, is whole on screen and the table does not scroll sideways."""
    emulate_phone(driver)
    open_page(driver, base_url + QUICKSTARTS[locale])
    report = driver.execute_script("""
        const out = {urls: 0, problems: [], labels: []};
        for (const table of document.querySelectorAll('.doc table.catalog-table')) {
          if (table.scrollWidth > table.clientWidth + 1)
            out.problems.push(`a catalog table scrolls: ${table.scrollWidth}px of content in ${table.clientWidth}px`);
          for (const td of table.querySelectorAll('td')) {
            const text = td.textContent.trim();
            if (!/^https?:\\/\\/\\S+\\/(v1|anthropic|google)$/.test(text)) continue;
            const code = td.querySelector('code') || td, r = code.getBoundingClientRect();
            out.urls++;
            out.labels.push(getComputedStyle(td, '::before').content);
            if (r.left < -0.5 || r.right > innerWidth + 0.5 || r.width === 0)
              out.problems.push(`${text} spans x=${Math.round(r.left)}..${Math.round(r.right)} in a ${innerWidth}px screen`);
          }
        }
        return out;
    """)
    assert report["urls"] >= 3, f"{QUICKSTARTS[locale]} at {PHONE[0]}px: found {report['urls']} relay URLs in catalog tables"
    assert not report["problems"], f"{QUICKSTARTS[locale]} at {PHONE[0]}px:\n  " + "\n  ".join(report["problems"])
    assert all(label not in ("none", "normal", "") for label in report["labels"]), (
        f"each relay URL should sit under its column's name on a phone; labels: {report['labels']}")
    table = driver.find_element(By.CSS_SELECTOR, ".doc table.catalog-table")
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", table)
    table.screenshot(str(artifacts_dir / f"domain-table-{locale}-phone.png"))


# ---------------------------------------------------------------------------------------------
# 2. Code tabs are linked across groups, and remembered across reloads and locales


def test_code_tabs_are_linked_and_remembered(driver, base_url):
    open_page(driver, base_url + ZH_QUICKSTART)
    driver.execute_script("localStorage.clear()")
    reload(driver)
    wait_for_groups_ready(driver)

    first = code_groups(driver)[0]
    curl = [t for t in first.find_elements(By.CSS_SELECTOR, "[role=tab]") if t.text.strip().lower() == "curl"]
    assert curl, "the first code group has no tab labelled curl"
    name = curl[0].get_attribute("data-tab")
    assert group_state(first)[0] != [name], "curl is already selected before clicking (localStorage was reset)"
    click(driver, curl[0])
    try:
        wait(driver, lambda d: all(group_state(g)[0] == [name] for g in code_groups(d)),
             "not every code group switched to curl", timeout=3)
    except TimeoutException:
        pass  # the precise assertion below says what is wrong
    assert_all_groups_show(driver, name, f"{ZH_QUICKSTART} after clicking curl")

    reload(driver)
    wait_for_groups_ready(driver)
    assert_all_groups_show(driver, name, f"{ZH_QUICKSTART} after a reload")

    open_page(driver, base_url + EN_QUICKSTART)
    wait_for_groups_ready(driver)
    assert_all_groups_show(driver, name, f"{EN_QUICKSTART} after choosing curl on the Chinese page")


def tab_row_report(driver):
    """For every code group: tabs that are cut off by the tab row or the viewport, and whether the
    row scrolls sideways."""
    return driver.execute_script("""
        const out = [];
        document.querySelectorAll('[data-code-group]').forEach((group, i) => {
          const row = group.querySelector('.code-group-tabs'), box = row.getBoundingClientRect();
          if (row.scrollWidth > row.clientWidth + 1) out.push(`group ${i + 1}: the tab row scrolls (${row.scrollWidth}px in ${row.clientWidth}px)`);
          for (const tab of row.querySelectorAll('[role=tab]')) {
            const r = tab.getBoundingClientRect();
            if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.left < -0.5 || r.right > innerWidth + 0.5)
              out.push(`group ${i + 1}: tab ${tab.dataset.tab} spans x=${Math.round(r.left)}..${Math.round(r.right)}, row ${Math.round(box.left)}..${Math.round(box.right)}`);
          }
        });
        return out;
    """)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_six_tabs_all_show_and_the_last_is_remembered(driver, base_url, artifacts_dir, size):
    """Six language tabs: on a 1280 px desktop and a 390 px phone none is cut off or hidden in a
    sideways scroll, and choosing the last one (Java) switches every group and survives a reload."""
    if size == "phone":
        emulate_phone(driver)
    open_page(driver, base_url + ZH_QUICKSTART)
    wait_for_groups_ready(driver)
    for i, group in enumerate(code_groups(driver)):
        names = [t.get_attribute("data-tab") for t in group.find_elements(By.CSS_SELECTOR, "[role=tab]")]
        assert len(names) == 6 and set(names) == TAB_NAMES, f"code group #{i + 1} has tabs {names}"
    problems = tab_row_report(driver)
    assert not problems, f"{ZH_QUICKSTART} ({size}):\n  " + "\n  ".join(problems)

    first = code_groups(driver)[0]
    java = first.find_element(By.CSS_SELECTOR, "[role=tab][data-tab=java]")
    click(driver, java)
    wait(driver, lambda d: all(group_state(g)[0] == ["java"] for g in code_groups(d)),
         "not every code group switched to java", timeout=3)
    reload(driver)
    wait_for_groups_ready(driver)
    assert_all_groups_show(driver, "java", f"{ZH_QUICKSTART} ({size}) after choosing java and reloading")
    problems = tab_row_report(driver)
    assert not problems, f"{ZH_QUICKSTART} ({size}) after the reload:\n  " + "\n  ".join(problems)
    group = code_groups(driver)[0]
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", group)
    driver.execute_script("window.scrollBy(0, -80)")
    selected = group.find_element(By.CSS_SELECTOR, "[role=tab][aria-selected=true]")
    assert selected.get_attribute("data-tab") == "java" and selected.is_displayed()
    driver.save_screenshot(str(artifacts_dir / f"tabs-six-{size}.png"))


# ---------------------------------------------------------------------------------------------
# 3. Search


def search_results(driver):
    """(absolute href, text) of the displayed search results."""
    box = driver.find_element(By.CSS_SELECTOR, ".search-results")
    if not box.is_displayed():
        return []
    return [(a.get_attribute("href"), a.text) for a in box.find_elements(By.CSS_SELECTOR, "a[href]")]


def type_query(driver, query):
    field = driver.find_element(By.CSS_SELECTOR, ".search-input")
    if driver.switch_to.active_element != field:
        click(driver, field)
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.BACKSPACE)
    field.send_keys(query)
    assert field.get_attribute("value") == query, f"typed {query!r}, the field holds {field.get_attribute('value')!r}"


def wait_for_results(driver, query, predicate, what):
    def ready(d):
        box = d.find_element(By.CSS_SELECTOR, ".search-results")
        marks = [m.text.lower() for m in box.find_elements(By.CSS_SELECTOR, "mark")] if box.is_displayed() else []
        results = search_results(d)
        # The results are for this query once what they highlight is the query.
        return results if results and query.lower() in marks and predicate(results) else False
    try:
        return wait(driver, ready, what)
    except TimeoutException:
        pytest.fail(f"search for {query!r}: {what}; results shown: {search_results(driver)}", pytrace=False)


def path_of(href):
    return urllib.parse.urlsplit(href).path


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_search_finds_pages(driver, base_url, locale):
    open_page(driver, base_url + QUICKSTARTS[locale])
    index = driver.find_element(By.TAG_NAME, "html").get_attribute("data-search-index")
    assert index, "<html> has no data-search-index"
    status, _ = http_status(urllib.parse.urljoin(base_url + "/", index))
    assert status == 200, f"the search index {index} answers {status}"

    type_query(driver, "anthropic")
    results = wait_for_results(driver, "anthropic", lambda r: True, "no result appeared")
    for href, text in results:
        assert href.startswith(base_url + "/"), f"result {text!r} links outside the site: {href}"
        status, _ = http_status(href.split("#")[0])
        assert status == 200, f"result {text!r} links to {href}, which answers {status}"
        prefix = "/en/" if locale == "en" else "/"
        assert path_of(href).startswith(prefix) and (locale == "en" or not path_of(href).startswith("/en/")), (
            f"on the {locale} page, result {text!r} links to another locale: {href}")

    query = "域名" if locale == "zh" else "base URL"
    type_query(driver, query)
    words = query.lower().split()
    wait_for_results(driver, words[0], lambda r: any(path_of(h) == QUICKSTARTS[locale] for h, _ in r),
                     f"the quick-start page {QUICKSTARTS[locale]} is not among the results")


# ---------------------------------------------------------------------------------------------
# 4. Dark mode


def body_background(driver):
    return driver.execute_script("return getComputedStyle(document.body).backgroundColor")


def test_theme_toggle_flips_and_is_kept(driver, base_url):
    open_page(driver, base_url + ZH_QUICKSTART)
    driver.execute_script("localStorage.clear()")
    reload(driver)
    html = driver.find_element(By.TAG_NAME, "html")
    initial = html.get_attribute("data-theme")
    assert initial in ("light", "dark"), f"<html data-theme={initial!r}> at load"
    background = body_background(driver)

    click(driver, driver.find_element(By.CSS_SELECTOR, "[data-theme-toggle]"))
    flipped = "dark" if initial == "light" else "light"
    wait(driver, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("data-theme") == flipped,
         f"<html data-theme> did not flip from {initial!r} to {flipped!r}", timeout=3)
    try:
        wait(driver, lambda d: body_background(d) != background, "", timeout=3)
    except TimeoutException:
        pytest.fail(f"the body background stayed {background} after switching to {flipped}", pytrace=False)
    changed = body_background(driver)
    stored = driver.execute_script("return localStorage.getItem('relaydocs-theme')")
    assert stored == flipped, f"localStorage relaydocs-theme is {stored!r}, expected {flipped!r}"

    reload(driver)
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("data-theme") == flipped, "the theme was lost on reload"
    # Wait out any colour transition before comparing.
    wait(driver, lambda d: body_background(d) == changed,
         f"after a reload the body background is {body_background(driver)}, expected {changed}", timeout=3)
    pressed = driver.find_element(By.CSS_SELECTOR, "[data-theme-toggle]").get_attribute("aria-pressed")
    assert pressed == str(flipped == "dark").lower(), f"the toggle has aria-pressed={pressed!r} in {flipped} mode"


# ---------------------------------------------------------------------------------------------
# 5. No console errors


CONSOLE_PAGES = {
    "zh-home": "/",
    "zh-quickstart": ZH_QUICKSTART,
    "en-quickstart": EN_QUICKSTART,
    "404": "/404.html",
    "zh-quickstart-after-search": ZH_QUICKSTART,
    "zh-integration-codex": "/integrations/codex-cli.html",
    "en-integration-cherry": "/en/integrations/cherry-studio.html",
}


@pytest.mark.parametrize("page", list(CONSOLE_PAGES))
def test_no_console_errors(driver, base_url, page):
    open_page(driver, base_url + CONSOLE_PAGES[page])
    if page.endswith("after-search"):
        type_query(driver, "anthropic")
        wait_for_results(driver, "anthropic", lambda r: True, "no result appeared")
        type_query(driver, "域名")
        wait_for_results(driver, "域名", lambda r: True, "no result appeared")
    driver.execute_script("return new Promise(r => requestAnimationFrame(() => setTimeout(r, 100)))")
    errors = severe_console_entries(driver)
    assert not errors, f"{CONSOLE_PAGES[page]} ({page}): console errors:\n" + "\n".join(
        f"  {e.get('source', '')}: {e.get('message', '')}" for e in errors)


# ---------------------------------------------------------------------------------------------
# 6. No horizontal overflow on a phone, with and without the sidebar open


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_phone_width_has_no_horizontal_overflow(driver, base_url, locale):
    width = PHONE[0]
    emulate_phone(driver)
    open_page(driver, base_url + QUICKSTARTS[locale])
    doc, body, inner = page_widths(driver)
    # (A mobile browser widens the layout viewport to fit content that overflows, so the
    # widths are compared with the phone's width, not with innerWidth.)
    assert doc <= width and body <= width, (
        f"{QUICKSTARTS[locale]} at {width}px: documentElement.scrollWidth={doc}, body.scrollWidth={body}; "
        f"sticking out: {overflow_report(driver, width)}")
    assert inner == width, f"the emulated viewport is {inner}px wide, not {width}px"

    toggle = driver.find_element(By.CSS_SELECTOR, "[data-sidebar-toggle]")
    assert toggle.is_displayed(), f"{QUICKSTARTS[locale]} at {width}px: the menu button is not shown"
    driver.execute_script("window.scrollTo(0, 0)")
    toggle.click()
    wait(driver, lambda d: toggle.get_attribute("aria-expanded") == "true",
         "the menu button did not report aria-expanded=true", timeout=3)
    sidebar = driver.find_element(By.CSS_SELECTOR, "#sidebar")
    # Let the slide-in finish: the panel is shown and its left edge inside the viewport.
    try:
        wait(driver, lambda d: sidebar.is_displayed() and d.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return r.left >= -0.5 && r.right <= arguments[1] + 0.5 && r.width > 0",
            sidebar, width), "", timeout=3)
    except TimeoutException:
        rect = driver.execute_script("return arguments[0].getBoundingClientRect().toJSON()", sidebar)
        pytest.fail(f"{QUICKSTARTS[locale]} at {width}px: the opened sidebar is not inside the viewport: {rect}",
                    pytrace=False)
    links = [a for a in sidebar.find_elements(By.CSS_SELECTOR, "a") if a.is_displayed()]
    assert links, "the opened sidebar shows no links"
    doc, body, _ = page_widths(driver)
    assert doc <= width and body <= width, (
        f"{QUICKSTARTS[locale]} at {width}px with the sidebar open: documentElement.scrollWidth={doc}, "
        f"body.scrollWidth={body}; sticking out: {overflow_report(driver, width)}")


# ---------------------------------------------------------------------------------------------
# 7. Internal links resolve


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_internal_links_resolve(driver, base_url, locale):
    open_page(driver, base_url + QUICKSTARTS[locale])
    hrefs = internal_links(driver)
    assert len(hrefs) >= 5, f"{QUICKSTARTS[locale]}: only {len(hrefs)} internal links found: {hrefs}"
    broken = {}
    for href in sorted(set(h.split("#")[0] for h in hrefs)):
        status, _ = http_status(base_url + href)
        if status != 200:
            broken[href] = status
    assert not broken, f"{QUICKSTARTS[locale]}: internal links that do not answer 200: {broken}"


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_internal_link_fragments_exist(driver, base_url, locale):
    """Links with #fragment (to this or another page) point at an element that exists."""
    open_page(driver, base_url + QUICKSTARTS[locale])
    hrefs = internal_links(driver) + driver.execute_script(
        "return Array.from(document.querySelectorAll('a[href^=\"#\"]'), a => a.getAttribute('href'))")
    missing, pages = [], {}
    for href in sorted(set(h for h in hrefs if "#" in h and not h.endswith("#"))):
        path, fragment = href.split("#", 1)
        path = path or QUICKSTARTS[locale]
        fragment = urllib.parse.unquote(fragment)
        if path not in pages:
            pages[path] = http_status(base_url + path)[1].decode("utf-8", "replace")
        ids = set(re.findall(r'\sid="([^"]*)"', pages[path])) | set(re.findall(r'\sname="([^"]*)"', pages[path]))
        if fragment not in ids:
            missing.append(href)
    assert not missing, f"{QUICKSTARTS[locale]}: links to fragments that do not exist: {missing}"


# ---------------------------------------------------------------------------------------------
# 8. Screenshots


def test_screenshots(driver, base_url, artifacts_dir):
    shots = []

    def take(name):
        path = artifacts_dir / f"{name}.png"
        if path.exists():
            path.unlink()
        full_page_screenshot(driver, path)
        shots.append(path)

    open_page(driver, base_url + ZH_QUICKSTART)
    for theme in ("light", "dark"):
        set_theme(driver, theme)
        take(f"quickstart-zh-desktop-{theme}")

    emulate_phone(driver)
    for theme in ("light", "dark"):
        set_theme(driver, theme)
        take(f"quickstart-zh-phone-{theme}")

    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.set_window_size(1280, 900)
    open_page(driver, base_url + EN_QUICKSTART)
    set_theme(driver, "light")
    take("quickstart-en-desktop-light")

    for path in shots:
        assert path.is_file(), f"{path} was not written"
        size = path.stat().st_size
        assert size > 10_000, f"{path} is only {size} bytes"
        width, height = png_size(path)
        assert height > width, f"{path} is {width}x{height}: not a full-page capture"
