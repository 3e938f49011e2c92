"""The key page against a real `relaydocs serve`: code with the user's key, the key kept out of
URLs, storage and the server log; and a clear message on a static host without the API."""

import sys
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests/support"))
from relaydocs_serve import serve  # noqa: E402 - found through the line above

KEY = "sk-browser-'\"$(id)-0123456789"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`relaydocs serve --no-watch` on a free port, with its log captured."""
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with serve(log) as base:
        yield base, log


def show_code(driver, language):
    driver.find_element(By.CSS_SELECTOR, "[data-key-input]").send_keys(KEY)
    Select(driver.find_element(By.CSS_SELECTOR, "[data-model-input]")).select_by_value("claude-sonnet-4-20250514")
    Select(driver.find_element(By.CSS_SELECTOR, "[data-lang-input]")).select_by_value(language)
    driver.find_element(By.CSS_SELECTOR, "[data-stream-input]").click()
    driver.find_element(By.CSS_SELECTOR, "[data-key-submit]").click()


@pytest.mark.parametrize("locale", ["", "en/"])
def test_key_page_shows_code_with_the_users_key(driver, served, locale, artifacts_dir):
    base, log = served
    driver.get(f"{base}/{locale}guide/your-code.html")
    show_code(driver, "curl")
    blocks = WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".key-page-output .code-block"))
    assert len(blocks) == 3  # anthropic-messages, openai-chat and vertex-anthropic
    text = blocks[0].text
    assert "x-api-key: sk-browser-'\\''\"$(id)-0123456789" in text, text
    assert "-N" in text, "streaming was asked for"
    assert "/anthropic/v1/messages" in text
    vertex = blocks[2].text
    assert "Authorization: Bearer sk-browser-'\\''\"$(id)-0123456789" in vertex, vertex
    assert "/publishers/anthropic/models/claude-sonnet-4@20250514:streamRawPredict" in vertex, vertex
    driver.save_screenshot(str(artifacts_dir / f"key-page-{locale.strip('/') or 'zh'}.png"))
    # The key is nowhere but in the page's memory.
    assert KEY not in driver.current_url
    assert driver.execute_script("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)").find("sk-browser") < 0
    severe = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not severe, severe
    # Nor in the server's log, which has the request without its query.
    text_log = Path(log).read_text()
    assert "GET /api/v1/snippets 200" in text_log
    assert "sk-browser" not in text_log and "claude-sonnet" not in text_log


@pytest.mark.parametrize("language, key_line", [
    ("javascript", 'const apiKey = "sk-browser-\'\\"$(id)-0123456789";'),
    ("go", 'apiKey := "sk-browser-\'\\"$(id)-0123456789"'),
    ("java", 'String apiKey = "sk-browser-\'\\"$(id)-0123456789";'),
])
def test_key_page_offers_every_language(driver, served, language, key_line):
    base, _ = served
    driver.get(f"{base}/en/guide/your-code.html")
    offered = [o.get_attribute("value") for o in Select(
        driver.find_element(By.CSS_SELECTOR, "[data-lang-input]")).options]
    assert offered == ["python", "curl", "swift", "javascript", "go", "java"], offered
    show_code(driver, language)
    blocks = WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".key-page-output .code-block"))
    assert len(blocks) == 3  # anthropic-messages, openai-chat and vertex-anthropic
    text = blocks[0].text
    assert key_line in text, text[:600]
    assert "/v1/messages" in text


def test_key_page_says_what_it_needs_on_a_static_host(driver, base_url):
    driver.get(base_url + "/guide/your-code.html")
    show_code(driver, "python")
    status = WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "[data-key-status]").text.strip() or None)
    assert "relaydocs" in status and "/api/v1/" in status, status
    assert not driver.find_elements(By.CSS_SELECTOR, ".key-page-output .code-block")


SETUP_KEY = "sk-'\"$(id)`x`\\n"


@pytest.mark.parametrize("locale", ["", "en/"])
def test_key_page_sets_up_a_tool_with_the_users_key(driver, served, locale, artifacts_dir):
    """Picking a tool gives its files, commands and fields from /api/v1/setup, filled in with the key
    (Codex: config.toml and the export line; Cherry Studio: the fields and the import link), and
    the key still goes nowhere but the Authorization header."""
    base, log = served
    driver.get(f"{base}/{locale}guide/your-code.html")
    driver.find_element(By.CSS_SELECTOR, "[data-key-input]").send_keys(SETUP_KEY)
    Select(driver.find_element(By.CSS_SELECTOR, "[data-client-input]")).select_by_value("codex-cli")
    driver.find_element(By.CSS_SELECTOR, "[data-key-submit]").click()
    blocks = WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".key-page-output .code-block"))
    texts = [block.text for block in blocks]
    assert any("wire_api = \"responses\"" in text for text in texts), texts
    assert any("export RELAY_API_KEY='sk-'\\''\"$(id)`x`\\n'" in text for text in texts), texts
    Select(driver.find_element(By.CSS_SELECTOR, "[data-client-input]")).select_by_value("cherry-studio")
    driver.find_element(By.CSS_SELECTOR, "[data-key-submit]").click()
    link = WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".key-page-output a[href^='cherrystudio://']"))
    assert "data=" in link[0].get_attribute("href")
    driver.save_screenshot(str(artifacts_dir / f"key-page-setup-{locale.strip('/') or 'zh'}.png"))
    assert "sk-" not in driver.current_url
    assert driver.execute_script("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)").find("sk-") < 0
    severe = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not severe, severe
    text_log = Path(log).read_text()
    assert "GET /api/v1/setup 200" in text_log
    assert "sk-'" not in text_log and "codex" not in text_log
