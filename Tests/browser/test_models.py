"""The model pages and the model index in headless Chromium: a model page's linked tabs, and the
index's filters with JavaScript off (plain links to pre-rendered pages), on a desktop and at 390 px.

Run:  RELAYDOCS_SITE_DIR=site RELAYDOCS_ARTIFACTS=artifacts python -m pytest Tests/browser -q -k models
"""

import urllib.parse

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By

from test_site import (
    assert_all_groups_show, click, code_groups, emulate_phone, full_page_screenshot, open_page, overflow_report,
    page_widths, reload, severe_console_entries, wait, wait_for_groups_ready,
)

MODEL = {"zh": "/models/claude-sonnet-4-20250514.html", "en": "/en/models/claude-sonnet-4-20250514.html"}
INDEX = {"zh": "/models/", "en": "/en/models/"}


def listed_models(driver):
    """The model pages the list (after the #models heading) links to, by path."""
    return driver.execute_script("""
        const heading = document.getElementById('models');
        const out = [];
        for (let el = heading.nextElementSibling; el; el = el.nextElementSibling)
          for (const a of el.querySelectorAll('a[href]')) out.push(new URL(a.href).pathname);
        return out;
    """)


def path_of(driver):
    return urllib.parse.urlparse(driver.current_url).path


@pytest.fixture
def no_script(driver):
    """The shared browser with JavaScript off for the test, and on again after it."""
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        yield driver
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_model_page_has_linked_tabs_per_protocol(driver, base_url, locale, artifacts_dir):
    open_page(driver, base_url + MODEL[locale])
    driver.execute_script("localStorage.clear()")
    reload(driver)
    wait_for_groups_ready(driver)
    assert driver.find_element(By.TAG_NAME, "h1").text.strip() == "Claude Sonnet 4"
    groups = code_groups(driver)
    assert len(groups) == 3, f"{MODEL[locale]}: one tab group per protocol, found {len(groups)}"
    for group in groups:
        assert "sk-xxxxxx" in group.get_attribute("textContent"), "each group's code has the placeholder key"
    curl = [t for t in groups[0].find_elements(By.CSS_SELECTOR, "[role=tab]") if t.text.strip().lower() == "curl"]
    assert curl, "the first group has a curl tab"
    click(driver, curl[0])
    try:
        wait(driver, lambda d: all(
            [t.get_attribute("data-tab") for t in g.find_elements(By.CSS_SELECTOR, "[role=tab]")
             if t.get_attribute("aria-selected") == "true"] == ["curl"] for g in code_groups(d)),
             "not every group switched to curl", timeout=3)
    except TimeoutException:
        pass
    assert_all_groups_show(driver, "curl", f"{MODEL[locale]} after clicking curl")
    assert not severe_console_entries(driver)
    emulate_phone(driver)
    reload(driver)
    doc, body, inner = page_widths(driver)
    assert doc <= inner and body <= inner, f"{MODEL[locale]} scrolls sideways at 390 px: {overflow_report(driver, inner)}"
    full_page_screenshot(driver, artifacts_dir / f"model-page-{locale}-390.png")


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_index_filters_work_without_javascript(no_script, base_url, locale, artifacts_dir):
    driver = no_script
    driver.get(base_url + INDEX[locale])
    # Scripts are off: the theme-init script did not mark the page.
    assert not driver.execute_script("return document.documentElement.classList.contains('js')")
    everything = listed_models(driver)
    assert len(everything) >= 8, f"{INDEX[locale]} lists {len(everything)} models"
    prefix = "/en" if locale == "en" else ""

    def choose(text):
        links = [a for a in driver.find_elements(By.CSS_SELECTOR, "article a") if a.text.strip() == text]
        assert links, f"{driver.current_url}: no filter link {text!r}"
        links[0].click()
        wait(driver, lambda d: d.execute_script("return document.readyState") == "complete", "page did not load")

    choose("Anthropic")
    assert path_of(driver) == f"{prefix}/models/vendors/anthropic.html"
    anthropic = listed_models(driver)
    assert anthropic and set(anthropic) < set(everything)
    assert all("claude" in path for path in anthropic), anthropic
    # The chosen filter is shown as chosen (bold, not a link).
    strong = [s.text for s in driver.find_elements(By.CSS_SELECTOR, "article p strong")]
    assert "Anthropic" in strong, strong

    choose("Vertex AI Claude")
    assert path_of(driver) == f"{prefix}/models/protocols/vertex-anthropic.html"
    assert listed_models(driver) == [f"{prefix}/models/claude-sonnet-4-20250514.html"]

    choose({"zh": "推理", "en": "Reasoning"}[locale])
    assert path_of(driver) == f"{prefix}/models/features/reasoning.html"
    reasoning = listed_models(driver)
    assert f"{prefix}/models/deepseek-chat.html" not in reasoning and f"{prefix}/models/gpt-5.1.html" in reasoning

    choose({"zh": "全部", "en": "All"}[locale])
    assert path_of(driver) in (f"{prefix}/models/", f"{prefix}/models/index.html")
    assert listed_models(driver) == everything

    # A model's page reads without JavaScript too: every panel's code is there.
    driver.get(base_url + MODEL[locale])
    panels = driver.find_elements(By.CSS_SELECTOR, ".code-group-panel")
    assert panels and all(p.is_displayed() for p in panels), "without JavaScript every tab's code shows"

    emulate_phone(driver)
    driver.get(base_url + INDEX[locale])
    doc, body, inner = page_widths(driver)
    assert doc <= inner and body <= inner, f"{INDEX[locale]} scrolls sideways at 390 px: {overflow_report(driver, inner)}"
    full_page_screenshot(driver, artifacts_dir / f"models-index-{locale}-390-nojs.png")


def test_model_pages_stay_out_of_the_sidebar(driver, base_url):
    open_page(driver, base_url + "/en/guide/quickstart.html")
    links = driver.execute_script(
        "return Array.from(document.querySelectorAll('#sidebar a'), a => new URL(a.href).pathname)")
    assert "/en/models/" in links, links
    assert not [link for link in links if link.startswith("/en/models/") and link != "/en/models/"], links
