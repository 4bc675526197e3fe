"""Take the README picture: the first screen with one answer, in Debian's Chromium.

Usage: make screenshot   (or .venv/bin/python scripts/screenshot.py OUT.png)
Starts `bcqa serve` on a free port of 127.0.0.1, asks one question, saves the
page, stops the server.  Only `make screenshot` writes docs/ui.png; the tests
never do.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BCQA = Path(sys.executable).with_name("bcqa")
QUESTION = "How does miR-21 cause radioresistance?"


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/ui.png")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False"}
    server = subprocess.Popen([str(BCQA), "serve", "-q", "--port", str(port)], env=env)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(url)
            page.wait_for_selector("#question textarea", timeout=60_000)
            page.fill("#question textarea", QUESTION)
            page.press("#question textarea", "Enter")
            page.wait_for_selector("#chat .turn-tools", timeout=60_000)
            page.wait_for_timeout(300)
            page.screenshot(path=str(out))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
