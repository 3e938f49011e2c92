""""Test my key" on the key page, in Chromium against a real `relaydocs stand-in`: the page's own
code sends GET {origin}/v1/models to the relay with the key in the Authorization header, and
tells one of four outcomes: the key works, the key is refused (401), the base URL is wrong (404),
or the relay cannot be reached or does not allow the page (CORS).

Each site here is built by `relaydocs build` from a copy of the catalog whose relay origin is the
stand-in's (or the stand-in's with a path it does not serve, for the 404), and served from
another port, so every test is a cross-origin request with a real preflight."""

import contextlib
import functools
import http.server
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_site import PHONE, emulate_phone, open_page, overflow_report, page_widths

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests/support"))
from relaydocs_serve import BINARY  # noqa: E402 - found through the line above

# Every character a header can carry that a careless page would mangle or put in a URL.
KEY = "sk-test-'\"$(id)&x=1#%20-0123456789"
WRONG_KEY = "sk-wrong-0123456789"


def mask(key: str) -> str:
    """The stand-in's mask of a key (APIKey.mask): it prints no key in clear."""
    return key[:3] + "*" * (len(key) - 5) + key[-2:]


class StandIn:
    """`relaydocs stand-in --show-headers` on a free port, its printed lines collected."""

    def __init__(self, cors: str):
        self.process = subprocess.Popen(
            [BINARY, "stand-in", "--port", "0", "--key", KEY, "--cors", cors, "--show-headers"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
        first = self.process.stdout.readline()
        found = re.search(r"stand-in relay at (http://127\.0\.0\.1:\d+) ", first)
        if not found:
            self.process.kill()
            pytest.fail(f"relaydocs stand-in did not start: {first!r}")
        self.origin = found.group(1)
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def requests(self):
        """The printed requests: (request line, [header lines])."""
        out = []
        for line in list(self.lines):
            if line.startswith("  ") and out:
                out[-1][1].append(line.strip())
            elif line:
                out.append((line, []))
        return out

    def wait_for(self, request_line, timeout=5):
        deadline = time.time() + timeout
        while time.time() < deadline:
            found = [r for r in self.requests() if r[0] == request_line]
            if found:
                return found
            time.sleep(0.05)
        pytest.fail(f"the stand-in never printed {request_line!r}; it printed:\n" + "\n".join(self.lines))

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


@contextlib.contextmanager
def serving(folder: Path):
    """A built site served on a free port (a new port is a new page origin, which the browser has
    sent no preflight from yet)."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def site_for(origin: str, folder: Path):
    """The default site built with `origin` as the relay's origin, served on a free port."""
    catalog = (ROOT / "content/catalog.yaml").read_text()
    assert "  origin: https://api.openai-proxy.org\n" in catalog
    (folder / "catalog.yaml").write_text(catalog.replace(
        "  origin: https://api.openai-proxy.org\n", f"  origin: {origin}\n", 1))
    run = subprocess.run(
        [BINARY, "build", "--content", str(ROOT / "content"), "--catalog", str(folder / "catalog.yaml"),
         "--out", str(folder / "site")], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    with serving(folder / "site") as base:
        yield base


@pytest.fixture(scope="module")
def relay():
    stand_in = StandIn("allow")
    yield stand_in
    stand_in.stop()


@pytest.fixture(scope="module")
def refusing_relay():
    stand_in = StandIn("deny")
    yield stand_in
    stand_in.stop()


@pytest.fixture(scope="module")
def site_folder(relay, tmp_path_factory):
    folder = tmp_path_factory.mktemp("site-relay")
    with site_for(relay.origin, folder) as base:
        yield base, folder / "site"


@pytest.fixture(scope="module")
def site(site_folder):
    return site_folder[0]


@pytest.fixture(scope="module")
def site_wrong_path(relay, tmp_path_factory):
    """The relay's origin with a path prefix it does not serve: its /v1/models is a 404."""
    with site_for(relay.origin + "/wrong-prefix", tmp_path_factory.mktemp("site-wrong")) as base:
        yield base


@pytest.fixture(scope="module")
def site_refusing_cors(refusing_relay, tmp_path_factory):
    with site_for(refusing_relay.origin, tmp_path_factory.mktemp("site-deny")) as base:
        yield base


def test_my_key(driver, page_url, key):
    """Opens the key page, types the key, presses Test my key; returns (outcome, text) once told."""
    open_page(driver, page_url)
    button = driver.find_element(By.CSS_SELECTOR, "[data-key-test]")
    assert button.is_displayed(), "the script did not show Test my key"
    driver.find_element(By.CSS_SELECTOR, "[data-key-input]").send_keys(key)
    button.click()
    line = driver.find_element(By.CSS_SELECTOR, "[data-key-test-status]")
    WebDriverWait(driver, 20, poll_frequency=0.05).until(
        lambda d: line.get_attribute("data-outcome") not in (None, "testing"), "Test my key never answered")
    assert line.get_attribute("role") == "status" and line.get_attribute("aria-live") == "polite"
    return line.get_attribute("data-outcome"), line.text


test_my_key.__test__ = False  # a helper, not a test


@pytest.mark.parametrize("locale", ["", "en/"])
def test_a_working_key_works(driver, site, relay, locale, artifacts_dir):
    outcome, text = test_my_key(driver, f"{site}/{locale}guide/your-code.html", KEY)
    models = len(driver.find_elements(By.CSS_SELECTOR, "[data-model-input] option"))
    assert outcome == "works", text
    assert f"{relay.origin}/v1/models" in text and "200" in text, text
    # The stand-in lists every model of the catalog, as the model menu does.
    assert ("Key works" if locale else "Key 可用") in text, text
    assert (f"lists {models} models" if locale else f"列出了 {models} 个模型") in text, text
    driver.save_screenshot(str(artifacts_dir / f"test-my-key-works-{locale.strip('/') or 'zh'}.png"))


@pytest.mark.parametrize("locale", ["", "en/"])
def test_a_wrong_key_is_refused(driver, site, locale):
    outcome, text = test_my_key(driver, f"{site}/{locale}guide/your-code.html", WRONG_KEY)
    assert outcome == "refused", text
    assert "401" in text and ("Key refused" if locale else "Key 被拒绝") in text, text
    # What the relay said comes along, with no key in it.
    assert "invalid" in text.lower() or "incorrect" in text.lower(), text


@pytest.mark.parametrize("locale", ["", "en/"])
def test_a_wrong_base_url_is_a_404(driver, site_wrong_path, relay, locale):
    outcome, text = test_my_key(driver, f"{site_wrong_path}/{locale}guide/your-code.html", KEY)
    assert outcome == "not-found", text
    assert "404" in text and f"{relay.origin}/wrong-prefix/v1/models" in text, text
    assert ("Base URL wrong" if locale else "Base URL 不对") in text, text
    relay.wait_for("GET /wrong-prefix/v1/models -> 404")


@pytest.mark.parametrize("locale", ["", "en/"])
def test_a_relay_without_cors_is_told_with_a_curl_command(driver, site_refusing_cors, refusing_relay, locale,
                                                          artifacts_dir):
    emulate_phone(driver)  # the longest answer, on a phone
    outcome, text = test_my_key(driver, f"{site_refusing_cors}/{locale}guide/your-code.html", KEY)
    assert outcome == "unreachable", text
    assert "CORS" in text and f"{refusing_relay.origin}/v1/models" in text, text
    # The preflight was refused, so the key never left the browser.
    refusing_relay.wait_for("OPTIONS /v1/models -> 404")
    assert not [r for r in refusing_relay.requests() if r[0].startswith("GET ")], refusing_relay.lines
    block = driver.find_element(By.CSS_SELECTOR, "[data-key-test-result] .code-block")
    command = block.find_element(By.CSS_SELECTOR, "code").text
    assert command == f'curl -sS -i "{refusing_relay.origin}/v1/models" -H "Authorization: Bearer $KEY"', command
    assert "sk-test" not in driver.find_element(By.CSS_SELECTOR, "[data-key-test-result]").text
    # On a phone the answer and the command fit the screen.
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", block)
    doc, body, _ = page_widths(driver)
    assert doc <= PHONE[0] and body <= PHONE[0], f"sticking out: {overflow_report(driver, PHONE[0])}"
    driver.save_screenshot(str(artifacts_dir / f"test-my-key-cors-phone-{locale.strip('/') or 'zh'}.png"))


def test_the_key_travels_only_in_the_authorization_header(driver, site_folder, relay):
    with serving(site_folder[1]) as fresh:
        before = len(relay.requests())
        outcome, text = test_my_key(driver, f"{fresh}/en/guide/your-code.html", KEY)
    assert outcome == "works", text
    sent = relay.requests()[before:]
    deadline = time.time() + 5
    while len([r for r in sent if r[0] == "GET /v1/models -> 200"]) < 1 and time.time() < deadline:
        time.sleep(0.05)
        sent = relay.requests()[before:]
    # A real preflight for the Authorization header, then the GET, and nothing else.
    assert [r[0] for r in sent] == ["OPTIONS /v1/models -> 204", "GET /v1/models -> 200"], relay.lines
    preflight, get = sent
    assert "access-control-request-headers: authorization" in preflight[1], preflight
    # The stand-in answered 200, so the Authorization header carried exactly the key (as a Bearer
    # token); it prints keys masked, and the key is in no other header, no cookie and no referrer.
    assert f"authorization: Bearer {mask(KEY)}" in get[1], get
    carrying = [h for h in get[1] + preflight[1] if mask(KEY) in h or KEY[3:-2] in h or "sk-test" in h]
    assert carrying == [f"authorization: Bearer {mask(KEY)}"], carrying
    names = {h.split(":", 1)[0] for h in get[1]}
    assert not names & {"cookie", "referer"}, get
    # The page kept it nowhere: not in the address, storage or cookies.
    assert "sk-" not in driver.current_url and "%27" not in driver.current_url
    kept = driver.execute_script(
        "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie")
    assert "sk-" not in kept and "0123456789" not in kept, kept
    severe = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not severe, severe


def test_without_javascript_the_button_stays_hidden(site_dir):
    for path in ("guide/your-code.html", "en/guide/your-code.html"):
        html = (site_dir / path).read_text()
        assert "data-key-test hidden>" in html, path
        assert 'data-models-url="https://api.openai-proxy.org/v1/models"' in html, path
