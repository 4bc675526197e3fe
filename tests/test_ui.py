"""The Gradio UI against a live server on 127.0.0.1: API client and a real browser."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytest.importorskip("gradio_client")

ROOT = Path(__file__).resolve().parents[1]
BCQA = Path(sys.executable).with_name("bcqa")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Not docs/ui.png: tests never rewrite tracked files (copy it there by hand to refresh the README picture).
SCREENSHOT = Path(tempfile.gettempdir()) / "bcqa-ui-test.png"

pytestmark = pytest.mark.model


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_tmp(factory) -> Path:
    path = factory.getbasetemp() / "ui-server-tmp"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture(scope="module")
def server(real_index, tmp_path_factory):
    corpus, index = real_index
    port = _free_port()
    log = tmp_path_factory.mktemp("ui") / "serve.log"
    # The server's temp folder is the test's, so what it writes there can be checked.
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "TMPDIR": str(_server_tmp(tmp_path_factory))}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [str(BCQA), "serve", "--port", str(port), "--corpus", str(corpus), "--index-dir", str(index)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"bcqa serve exited early:\n{log.read_text()}")
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail(f"bcqa serve did not come up:\n{log.read_text()}")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def client(server):
    from gradio_client import Client

    return Client(server, verbose=False)


def test_in_scope_answer_has_citation_and_reference(client):
    md = client.predict("How does miR-21 cause radioresistance?", 5, "All sections", api_name="/ask")
    assert "[[13]](https://doi.org/10.1080/15384101.2022.2035915)" in md
    assert "Oghabi Bakhshaiesh T, Esmaeili R" in md


def test_off_topic_is_shown_as_abstention(client):
    md = client.predict("What is the capital of France?", 5, "All sections", api_name="/ask")
    assert md.startswith("⚠️ **Not covered by the document.**")


def test_section_filter(client):
    md = client.predict("Which genes are linked to resistance?", 5, "Non-Coding RNAs", api_name="/ask")
    assert "Gene Mutations" not in md and "Non-Coding RNAs" in md


def test_chat_turn_exports_markdown_bibtex_and_ris(client):
    history, box, md, bib, ris = client.predict(
        "What links tamoxifen resistance to radiotherapy resistance?", [], 5, "All sections", api_name="/chat"
    )
    assert box == "" and [m["role"] for m in history] == ["user", "assistant"]
    assert "[9]" in md and md.startswith("**Q:**")
    bibtex = Path(bib).read_text(encoding="utf-8")
    assert "@article{post2018ref9," in bibtex and "doi = {10.1158/1078-0432.CCR-17-2551}" in bibtex
    assert "DO  - 10.1158/1078-0432.CCR-17-2551" in Path(ris).read_text(encoding="utf-8")


def test_evidence_map_marker_shows_its_statements(client):
    md = client.predict("miR-21", api_name="/marker")
    assert "miR-21 promotes radioresistance via cancer stem cells [[13]]" in md
    assert "[[13]](https://doi.org/10.1080/15384101.2022.2035915)" in md


def test_public_address_warning():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bcqa_ui_app", ROOT / "ui" / "app.py")
    app = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(app)
    assert app.is_loopback("127.0.0.1") and app.is_loopback("localhost") and app.is_loopback("::1")
    assert not app.is_loopback("0.0.0.0") and not app.is_loopback("192.0.2.7")


def test_long_input_is_cut_with_a_message(client):
    md = client.predict("miR-21 " * 400, 3, "All sections", api_name="/ask")
    assert "cut to 1000 characters" in md


def test_twenty_concurrent_requests(server):
    from gradio_client import Client

    questions = {
        "Is LAT1 higher in resistant tumours?": "[[7]]",
        "What does MDR1 expression mean for chemotherapy response?": "[[5]]",
        "How does P4HA2 make cells resist radiation?": "[[8]]",
        "What links tamoxifen resistance to radiotherapy resistance?": "[[9]]",
    }
    jobs = list(questions.items()) * 5

    def ask(item):
        question, mark = item
        md = Client(server, verbose=False).predict(question, 3, "All sections", api_name="/ask")
        return mark in md.split("**Supporting statements**")[0]

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(ask, jobs))
    assert len(results) == 20 and all(results)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed; `make test` installs it (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    """A fresh page per test: no test sees another's chat."""
    page = browser.new_page(viewport={"width": 1280, "height": 1500})
    page.goto(server)
    page.wait_for_selector("#question textarea", timeout=60_000)
    yield page
    page.close()


def _ask(page, question: str, expect_messages: int):
    page.fill("#question textarea", question)
    page.press("#question textarea", "Enter")
    page.wait_for_function(
        f"document.querySelectorAll('#chat .message-row').length >= {expect_messages}", timeout=60_000
    )
    page.wait_for_timeout(300)


def test_browser_shows_citations_references_and_doi_links(page):
    _ask(page, "Which microRNAs are linked to radioresistance?", 2)
    bot = page.locator("#chat .message-row").nth(1)
    bot.get_by_text("Supporting statements").wait_for()
    assert bot.get_by_text("References").first.is_visible()
    assert bot.get_by_text("miR-21 promotes radioresistance").first.is_visible()
    link = bot.locator("a[href='https://doi.org/10.1080/15384101.2022.2035915']").first
    assert link.is_visible()
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)


def test_browser_renders_script_as_text(page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _ask(page, "<script>alert(1)</script> <img src=x onerror=alert(2)> miR-21?", 2)
    user = page.locator("#chat .message-row").nth(0)
    assert "<script>alert(1)</script>" in user.inner_text()
    assert page.locator("#chat script").count() == 0
    assert dialogs == []


def test_browser_renders_no_markdown_from_the_question_and_fetches_nothing_outside(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 1500})
    urls = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(server)
    page.wait_for_selector("#question textarea", timeout=60_000)
    question = "![x](http://192.0.2.1/track.png) [click](http://192.0.2.1/) http://192.0.2.1/a **bold** miR-21?"
    _ask(page, question, 2)
    user = page.locator("#chat .message-row").nth(0)
    assert question in user.inner_text()
    assert user.locator("img").count() == 0 and user.locator("a").count() == 0 and user.locator("strong").count() == 0
    page.close()
    from urllib.parse import urlparse

    outside = [u for u in urls if urlparse(u).scheme in ("http", "https", "ws", "wss")]
    outside = [u for u in outside if urlparse(u).hostname not in ("127.0.0.1", "localhost")]
    assert outside == []


def test_download_files_are_per_session_and_removed_with_it(browser, server, tmp_path_factory):
    root = _server_tmp(tmp_path_factory)
    def folders():
        return {p for p in root.glob("bcqa-ui-*/*") if p.is_dir() and list(p.glob("*.bib"))}

    before = folders()  # other tests' API clients have sessions too
    page = browser.new_page()
    page.goto(server)
    page.wait_for_selector("#question textarea", timeout=60_000)
    _ask(page, "What links tamoxifen resistance to radiotherapy resistance?", 2)
    sessions = sorted(folders() - before)
    assert len(sessions) == 1, sessions
    page.close()
    deadline = time.monotonic() + 60
    while sessions[0].exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not sessions[0].exists()


def test_busy_port_is_said_with_a_hint(capsys):
    from bcqa.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"port {port} on 127.0.0.1 is already in use" in err and "--port" in err and "Traceback" not in err
