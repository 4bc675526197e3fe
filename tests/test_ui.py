"""The Gradio UI against a live server on 127.0.0.1: API client and a real browser."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytest.importorskip("gradio_client")

ROOT = Path(__file__).resolve().parents[1]
BCQA = Path(sys.executable).with_name("bcqa")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

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


DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"


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


def _open(browser, server, viewport=DESKTOP, **options):
    context = browser.new_context(viewport=viewport, **options)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    page.goto(server)
    page.wait_for_selector("#question textarea", timeout=60_000)
    return page


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def page(request, browser, server):
    """A fresh page per test, on a desktop and a phone viewport: no test sees another's chat."""
    touch = {"has_touch": True, "is_mobile": True} if request.param is PHONE else {}
    page = _open(browser, server, request.param, **touch)
    yield page
    page.context.close()


@pytest.fixture
def desktop(browser, server):
    page = _open(browser, server)
    yield page
    page.context.close()


def _ask(page, question: str, turns: int | None = None):
    turns = turns or page.locator("#chat .turn-tools").count() + 1
    page.fill("#question textarea", question)
    page.press("#question textarea", "Enter")
    page.wait_for_function(f"document.querySelectorAll('#chat .turn-tools').length >= {turns}", timeout=60_000)
    page.wait_for_timeout(300)
    return page.locator("#chat .turn").last


def _in_view(page, selector: str) -> bool:
    return page.evaluate(
        """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight; }""",
        selector,
    )


def test_new_answer_is_scrolled_into_view_with_the_input_reachable(page):
    page.evaluate(
        """() => { window.sawPending = false; new MutationObserver(() => {
        if (document.querySelector('#chat .pending')) window.sawPending = true; })
        .observe(document.body, {subtree: true, childList: true}); }"""
    )
    _ask(page, "Which microRNAs are linked to radioresistance?")
    assert page.evaluate("window.sawPending"), "the question was not shown with a pending line first"
    turn = _ask(page, "What does MDR1 expression mean for chemotherapy response?")
    offset = page.evaluate(
        """() => { const chat = document.querySelector('#chat'); const turns = chat.querySelectorAll('.turn');
        return turns[turns.length - 1].getBoundingClientRect().top - chat.getBoundingClientRect().top; }"""
    )
    assert 0 <= offset < 40, offset  # the new question sits at the top of the chat, not the end of its references
    assert turn.locator("h2.question").is_visible()
    assert _in_view(page, "#chat .turn:last-child h2.question")
    assert _in_view(page, "#question textarea")


def test_statements_carry_support_labels_not_scores(page):
    turn = _ask(page, "How does miR-21 cause radioresistance?")
    labels = turn.locator(".support")
    assert labels.count() >= 3
    texts = {labels.nth(i).evaluate("e => e.firstChild.textContent") for i in range(labels.count())}
    assert texts <= {"direct", "related", "weak", "cites the reference"} and "direct" in texts
    tip = labels.first.locator(".tip")
    assert not tip.is_visible()
    labels.first.click()  # a tap on a phone: the meaning shows
    assert tip.is_visible() and "cosine" in tip.inner_text()
    assert "score" not in turn.inner_text()


def test_follow_up_takes_the_subject_and_new_topic_forgets_it(page):
    _ask(page, "What does MDR1 expression mean for chemotherapy response?")
    follow = _ask(page, "Does it also predict survival?")
    assert "Read as: Does MDR1 also predict survival?" in follow.inner_text()
    assert "progression-free survival" in follow.locator(".claims").inner_text()
    page.click("#new-topic")
    page.get_by_text("New topic", exact=True).last.wait_for()
    fresh = _ask(page, "Does it also predict survival?")
    assert "Read as" not in fresh.inner_text()


def test_citations_have_unique_anchors_popovers_and_copy(page):
    _ask(page, "How does miR-21 cause radioresistance?")
    turn = _ask(page, "Which long non-coding RNAs are associated with radioresistance?")
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id).filter(Boolean)")
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    cite = turn.locator(".cite-btn").first
    pop = turn.locator(".pop").first
    assert not pop.is_visible()
    cite.click()  # a tap on a phone, a click on a desktop
    assert pop.is_visible() and "Oghabi Bakhshaiesh" in pop.inner_text() and "doi:10.1080" in pop.inner_text()
    box = cite.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    page.keyboard.press("Escape")
    page.mouse.move(0, 0)  # off the marker: hover no longer holds it open
    assert not pop.is_visible()
    ref = turn.locator(".references li", has_text="Oghabi Bakhshaiesh")
    ref.locator("button.copy").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Oghabi Bakhshaiesh T, Esmaeili R. Effects of Noncoding RNAs") and "doi:" in copied


def test_every_citation_popover_stays_on_screen(browser, server):
    """On a phone, a marker near the right edge opened its popover past the screen's edge (a new user's check)."""
    page = _open(browser, server, PHONE, has_touch=True, is_mobile=True)
    turn = _ask(page, "Which long non-coding RNAs are associated with radioresistance?")
    width = page.evaluate("document.documentElement.clientWidth")
    checked = 0
    for i in range(min(turn.locator(".cite-btn").count(), 10)):
        button = turn.locator(".cite-btn").nth(i)
        if not button.is_visible():
            continue
        button.click()
        pop = turn.locator(".cite.open .pop")
        box = pop.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (i, box, width)
        page.keyboard.press("Escape")
        page.mouse.move(0, 0)  # off the marker: hover no longer holds it open
        checked += 1
    assert checked >= 3
    page.context.close()


def test_view_in_document_highlights_the_statement(page):
    turn = _ask(page, "How does miR-21 cause radioresistance?")
    claim = turn.locator(".claims .claim").first.inner_text()
    turn.locator(".claims a.view").first.click()
    mark = page.locator("#document-target")
    mark.wait_for(timeout=20_000)
    assert claim in mark.inner_text()
    assert page.get_by_role("tab", name="Document").get_attribute("aria-selected") == "true"
    assert "Non-Coding RNAs" in page.locator("#document-view h2").inner_text()


def test_section_filter_is_said_cleared_in_one_click_and_best_match_outside_named(desktop):
    page = desktop
    page.locator("#section input").click()
    page.get_by_role("option", name="Gene Mutations and Genetic Alterations").click()
    turn = _ask(page, "Which microRNAs are linked to radioresistance?")
    text = turn.inner_text()
    assert "Only from the section Gene Mutations and Genetic Alterations" in text
    assert "Best match outside it (section Non-Coding RNAs)" in text
    turn.get_by_role("button", name="Show all sections").click()
    page.wait_for_function("document.querySelector('#section input').value === 'All sections'", timeout=10_000)
    assert "Only from the section" not in _ask(page, "Which microRNAs are linked to radioresistance?").inner_text()


def test_each_claim_is_stated_once_and_weak_matches_are_collapsed(page):
    turn = _ask(page, "What does MDR1 expression mean for chemotherapy response?")
    shown = turn.locator("li.statement .claim")
    claims = [shown.nth(i).inner_text() for i in range(shown.count())]
    assert len(claims) == len(set(claims))
    weak = turn.locator("details.weak")
    if weak.count():
        assert weak.get_attribute("open") is None
        assert not weak.locator("li").first.is_visible()
        labels = weak.locator(".support").evaluate_all("els => els.map(e => e.firstChild.textContent)")
        assert all(w == "weak" for w in labels)


def test_first_screen_says_what_is_loaded_and_examples_ask(page):
    head = page.locator("#documents").inner_text()
    assert "breast_cancer_resistance_review.md" in head and "31 statements in 5 sections, 18 references" in head
    # Gradio fills its Markdown after the inputs appear: wait for the help, do not sample it once.
    page.locator("#help").get_by_text("Not covered").wait_for(state="visible", timeout=15_000)
    example = page.locator("button.example").first
    question = example.inner_text()
    example.click()
    page.wait_for_selector("#chat .turn-tools", timeout=60_000)
    assert question in page.locator("#chat .turn h2.question").first.inner_text()


def test_evidence_map_starts_empty_and_cells_list_their_statements(page):
    page.get_by_role("tab", name="Evidence map").click()
    detail = page.locator("#map-detail")
    assert "Select an entity or a cell" in detail.inner_text()
    page.locator("#evidence-map button", has_text="miR-21").first.click()
    page.wait_for_function("document.querySelector('#map-detail').innerText.includes('cancer stem cells')")
    page.locator("#evidence-map td button").first.click()
    page.wait_for_function("document.querySelector('#map-detail').innerText.includes('·')")
    # The page itself never scrolls sideways; a wide map scrolls inside its own box.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert page.evaluate("getComputedStyle(document.querySelector('.evidence-map')).overflowX") == "auto"


def test_exports_copy_clean_markdown_bibtex_and_the_conversation(desktop, tmp_path):
    page = desktop
    _ask(page, "What links tamoxifen resistance to radiotherapy resistance?")
    turn = _ask(page, "What does MDR1 expression mean for chemotherapy response?")
    turn.get_by_role("button", name="Copy answer").click()
    markdown = page.evaluate("navigator.clipboard.readText()")
    assert markdown.startswith("**Q:** What does MDR1") and "<span" not in markdown and "[5]" in markdown
    with page.expect_download() as got:
        page.click("#bibtex")
    assert got.value.suggested_filename == "bcqa-02-what-does-mdr1-expression-mean-for-chemotherapy-response.bib"
    bibtex = Path(got.value.path()).read_text(encoding="utf-8")
    assert "volume = {9}" in bibtex and "pages = {827--36}" in bibtex
    with page.expect_download() as got:
        page.click("#conversation")
    whole = Path(got.value.path()).read_text(encoding="utf-8")
    assert "**Q:** What links tamoxifen" in whole and "**Q:** What does MDR1" in whole


def test_accessibility_audit(page):
    if not AXE.exists():
        pytest.fail(f"axe-core is missing ({AXE}); `make test` installs it from the npm registry")
    _ask(page, "How does miR-21 cause radioresistance?")
    page.locator("#chat .cite-btn").first.focus()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "no visible focus on a citation"
    page.add_script_tag(path=str(AXE))
    found = []
    for tab in ("Ask", "Document", "Evidence map"):
        page.get_by_role("tab", name=tab).click()
        page.wait_for_timeout(200)
        found += page.evaluate(
            """async () => (await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})).violations
            .map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)"""
        )
    assert found == []


def test_an_over_long_question_is_cut_with_a_note_in_the_chat(desktop):
    turn = _ask(desktop, "How does miR-21 cause radioresistance? " + "miR-21 " * 200)
    assert "(Your question was cut to 1000 characters.)" in turn.inner_text()


def test_browser_renders_script_as_text(desktop):
    page = desktop
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    turn = _ask(page, "<script>alert(1)</script> <img src=x onerror=alert(2)> miR-21?")
    assert "<script>alert(1)</script>" in turn.locator("h2.question").inner_text()
    assert page.locator("#chat script").count() == 0 and page.locator("#chat img").count() == 0
    assert dialogs == []


def test_browser_renders_no_markdown_from_the_question_and_fetches_nothing_outside(browser, server):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    urls = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(server)
    page.wait_for_selector("#question textarea", timeout=60_000)
    question = "![x](http://192.0.2.1/track.png) [click](http://192.0.2.1/) http://192.0.2.1/a **bold** miR-21?"
    turn = _ask(page, question)
    heading = turn.locator("h2.question")
    assert heading.inner_text() == question
    assert heading.locator("img").count() == 0 and heading.locator("a").count() == 0
    assert heading.locator("strong").count() == 0
    context.close()
    from urllib.parse import urlparse

    outside = [u for u in urls if urlparse(u).scheme in ("http", "https", "ws", "wss")]
    outside = [u for u in outside if urlparse(u).hostname not in ("127.0.0.1", "localhost")]
    assert outside == []


def test_download_files_are_per_session_and_removed_with_it(browser, server, tmp_path_factory):
    root = _server_tmp(tmp_path_factory)

    def folders():
        while True:
            try:
                return {p for p in root.glob("bcqa-ui-*/*") if p.is_dir() and any(p.glob("*.bib"))}
            except FileNotFoundError:  # another test's session closed while this looked: look again
                continue

    before = folders()  # other tests' sessions may still be open
    page = _open(browser, server)
    _ask(page, "What links tamoxifen resistance to radiotherapy resistance?")
    sessions = sorted(folders() - before)
    assert len(sessions) == 1, sessions
    page.context.close()
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
