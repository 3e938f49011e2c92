"""Fixtures for the real-browser tests of the built docs site.

The site is read from RELAYDOCS_SITE_DIR (built beforehand by `relaydocs build`), served on
127.0.0.1 on a free port, and driven with Debian's headless Chromium through chromedriver.
Screenshots go to $RELAYDOCS_ARTIFACTS/screenshots/ (default: artifacts/screenshots/).
"""

import functools
import http.server
import os
import re
import threading
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
DESKTOP = (1280, 900)


@pytest.fixture(scope="session")
def site_dir() -> Path:
    value = os.environ.get("RELAYDOCS_SITE_DIR")
    if not value:
        pytest.fail(
            "RELAYDOCS_SITE_DIR is not set: build the site first "
            "(relaydocs build --content content --out DIR) and set RELAYDOCS_SITE_DIR=DIR",
            pytrace=False,
        )
    path = Path(value).resolve()
    if not path.is_dir():
        pytest.fail(f"RELAYDOCS_SITE_DIR={value!r} is not a directory (was the site built?)", pytrace=False)
    for page in ("index.html", "guide/quickstart.html", "en/guide/quickstart.html", "404.html"):
        if not (path / page).is_file():
            pytest.fail(f"RELAYDOCS_SITE_DIR={value!r} has no {page}: is it a built relaydocs site?", pytrace=False)
    return path


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    path = Path(os.environ.get("RELAYDOCS_ARTIFACTS") or "artifacts") / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


@pytest.fixture(scope="session")
def base_url(site_dir):
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def _chromium():
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.isfile(path):
            pytest.fail(f"{path} is missing: apt-get install -y chromium chromium-driver fonts-noto-cjk", pytrace=False)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size={DESKTOP[0]},{DESKTOP[1]}", "--lang=zh-CN",
                "--disable-extensions", "--no-first-run", "--no-default-browser-check"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: Selenium Manager is never run (it would try to download).
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(20)
    driver.set_script_timeout(10)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def driver(_chromium, base_url):
    """The shared browser, reset for each test: desktop size, no emulation, empty
    localStorage, and an empty console log buffer."""
    d = _chromium
    d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    d.set_window_size(*DESKTOP)
    d.get(base_url + "/404.html")
    d.execute_script("localStorage.clear()")
    d.get("about:blank")
    d.get_log("browser")  # drain
    yield d
    try:
        d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    except Exception:
        pass


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failure, keep a screenshot of what the browser showed."""
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    d = item.funcargs.get("driver")
    shots = item.funcargs.get("artifacts_dir") or Path(os.environ.get("RELAYDOCS_ARTIFACTS") or "artifacts") / "screenshots"
    if d is None:
        return
    try:
        Path(shots).mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "-", item.name).strip("-")
        path = Path(shots) / f"FAILED-{name}.png"
        d.save_screenshot(str(path))
        report.sections.append(("browser", f"screenshot at failure: {path}  (URL {d.current_url})"))
    except Exception:
        pass
