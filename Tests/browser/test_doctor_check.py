"""The errors page's base-URL check in Chromium: for each case the page's answer (computed in the
browser from the rules the build wrote into the page) must equal `relaydocs doctor --format json`'s
for the same client, protocol and base URL; without JavaScript only the table shows."""

import json
import os
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_site import open_page

BINARY = os.environ.get("RELAYDOCS_BINARY", ".build/debug/relaydocs")
ORIGIN = "https://api.openai-proxy.org"
# client, protocol, base URL: the right ones, each common mistake, another host.
CASES = [
    ("claude-code", "anthropic-messages", ORIGIN + "/anthropic"),
    ("claude-code", "anthropic-messages", ORIGIN + "/anthropic/v1"),
    ("claude-code", "anthropic-messages", ORIGIN + "/v1"),
    ("codex-cli", "openai-responses", ORIGIN),
    ("gemini-cli", "gemini-generate", ORIGIN + "/google/v1beta"),
    ("cherry-studio", "openai-chat", ORIGIN + "/"),
    ("cherry-studio", "openai-chat", ORIGIN + "/v1#"),
    ("cherry-studio", "openai-chat", ORIGIN + "#"),
    ("cherry-studio", "openai-chat", ORIGIN + "/openai"),
    ("litellm", "gemini-generate", ORIGIN + "/google"),
    ("litellm", "openai-chat", "http://127.0.0.1:8080/v1/v1"),
    ("openai", "openai-chat", ORIGIN + "/v1/"),
    ("openai", "openai-chat", ORIGIN + "/v1//"),
    ("anthropic", "anthropic-messages", ORIGIN),
    ("google-genai", "gemini-generate", ORIGIN + "/google/"),
    ("genai-env", "gemini-generate", ORIGIN + "/google/v1beta"),
]


def page_answer(driver, index, base):
    Select(driver.find_element(By.CSS_SELECTOR, "[data-doctor-client]")).select_by_value(str(index))
    field = driver.find_element(By.CSS_SELECTOR, "[data-doctor-base]")
    driver.execute_script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", field, base)
    output = driver.find_element(By.CSS_SELECTOR, "[data-doctor-output]")
    values = {dd.get_attribute("data-doctor"): dd.text for dd in output.find_elements(By.CSS_SELECTOR, "dd")}
    return {
        "requestURL": values["requestURL"].removeprefix("POST "),
        "served": output.get_attribute("data-served") == "true",
        "suggestedBaseURL": values.get("suggestedBaseURL"),
        "reason": values.get("reason"),
    }


@pytest.mark.parametrize("locale,path", [("en", "/en/guide/errors.html"), ("zh", "/guide/errors.html")])
def test_the_check_agrees_with_relaydocs_doctor(driver, base_url, locale, path):
    open_page(driver, base_url + path)
    box = driver.find_element(By.CSS_SELECTOR, "[data-doctor-check]")
    assert box.is_displayed(), "the check is hidden though the script ran"
    rows = json.loads(driver.find_element(By.CSS_SELECTOR, "[data-doctor-data]").get_attribute("textContent"))
    index = {(row["client"], row["protocol"]): i for i, row in enumerate(rows["clients"])}
    for client, protocol, base in CASES:
        run = subprocess.run(
            [BINARY, "doctor", "--client", client, "--protocol", protocol, "--base-url", base, "--locale", locale,
             "--format", "json"], capture_output=True, text=True, timeout=60)
        assert run.returncode in (0, 1), run
        expected = json.loads(run.stdout)
        answer = page_answer(driver, index[(client, protocol)], base)
        assert answer == {k: expected[k] for k in ("requestURL", "served", "suggestedBaseURL", "reason")}, (
            client, base)


def test_without_javascript_the_table_reads(driver, base_url, site_dir):
    html = (site_dir / "en/guide/errors.html").read_text()
    assert "data-doctor-check hidden" in html, "the check must stay hidden until the script runs"
    assert "<td><code>https://api.<wbr>" in html or "anthropic/<wbr>v1/<wbr>v1/<wbr>messages" in html


@pytest.mark.parametrize("path", ["/en/guide/errors.html", "/guide/errors.html"])
def test_the_check_and_table_fit_a_phone(driver, base_url, path):
    from test_site import PHONE, emulate_phone, overflow_report, page_widths

    emulate_phone(driver)
    open_page(driver, base_url + path)
    doc, body, _ = page_widths(driver)
    assert doc <= PHONE[0] and body <= PHONE[0], f"{path}: sticking out: {overflow_report(driver, PHONE[0])}"
