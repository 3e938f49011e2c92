"""What the pytest suites (Tests/browser, Tests/mcp) share: the relaydocs binary, a free loopback
port, and `relaydocs serve --no-watch` running on one with its log captured."""

import contextlib
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BINARY = os.environ.get("RELAYDOCS_BINARY") or str(ROOT / ".build/debug/relaydocs")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serve(log: Path):
    """`relaydocs serve --no-watch` over the default content on a free port; yields its base URL
    once the site answers, and stops it afterwards. Its standard output and error go to `log`."""
    if not os.access(BINARY, os.X_OK):
        pytest.fail(f"no relaydocs binary at {BINARY}; run `make test` (it builds it) or set RELAYDOCS_BINARY")
    port = free_port()
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [BINARY, "serve", "--no-watch", "--port", str(port), "--content", str(ROOT / "content")],
            stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/api/v1/catalog", timeout=1)
            break
        except Exception:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("relaydocs serve did not start:\n" + log.read_text())
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
