"""bcqa in the browser: cited chat answers and the document's evidence map.

Start it with ``bcqa serve`` (or ``python ui/app.py``).  It uses only the
public ``bcqa`` API: ``Assistant.load``, ``Assistant.ask``, ``Answer`` and
``Assistant.evidence``.
"""

# No `from __future__ import annotations`: gradio reads the gr.Request hints
# of the handlers at run time, and those name the locally imported module.
import argparse
import atexit
import errno
import html
import ipaddress
import os
import re
import shutil
import signal
import socket
import sys
import tempfile
import threading
from pathlib import Path

# Before gradio is imported: no usage analytics leave this machine.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

from bcqa import Answer, Assistant  # noqa: E402
from bcqa.assistant import document_title  # noqa: E402
from bcqa.conversation import Conversation  # noqa: E402
from bcqa.errors import BcqaError  # noqa: E402
from bcqa.htmlview import answer_html  # noqa: E402
from bcqa.render import cite, cite_links, lead_of  # noqa: E402

MAX_QUESTION_CHARS = 1000
ALL_SECTIONS = "All sections"
HERE = Path(__file__).resolve().parent
CSS_PATH = HERE / "style.css"
JS_PATH = HERE / "app.js"
NONCE = "\x01"  # app.js appends NONCE + a timestamp so that a repeated request is still a change

HELP = """**What to ask.** Facts ("How does miR-21 cause radioresistance?"), lists ("Which genes are linked to
chemoresistance?"), references ("What does reference 9 say?", "What did Post et al. find?"), and follow-ups
("Does it also predict survival?" takes the subject of your last question; *New topic* forgets it).
Every claim is quoted from the document with its reference numbers; hover or tap a number to see the
reference. Each statement is labelled **direct**, **related** or **weak** (hover the label for what it
means). A question the document does not cover is answered with *Not covered*: bcqa does not guess,
summarise beyond the text, or answer from outside the loaded documents."""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def render_answer(answer: Answer) -> str:
    """Chat markdown for one answer; the question is not echoed."""
    return answer.to_markdown(question=False, link_citations=True)


def example_questions(qa: Assistant) -> list[str]:
    """Questions about what the loaded documents actually contain.

    Built from the corpus: the entities cited most often in the evidence map,
    a reference number, and the title of a section; last, an overview of the whole.
    """
    ev = qa.evidence
    busy = sorted(ev.markers, key=lambda m: -sum(len(c.statements) for c in ev.cells(m).values()))
    examples = [f"What does the review say about {m.split(' (')[0]}?" for m in busy[:2]]
    sections = [s for s in qa.sections if s != "Overview"]
    if sections:
        examples.append(f"What is known about {sections[0].lower().lstrip('0123456789. ')}?")
    if qa.document.references:
        examples.append(f"What does reference {min(qa.document.references)} say?")
    examples.append("What is this review about?" if len(qa.documents) == 1 else "What are these reviews about?")
    return examples


def documents_html(qa: Assistant) -> str:
    """The first screen: what is loaded (title, file, size, years of its references)."""
    items = []
    for d in qa.documents:
        years = sorted(r.year for r in d.references.values() if r.year)
        span = f"; references from {years[0]} to {years[-1]}" if years and years[0] != years[-1] else ""
        items.append(
            f"<li><strong>{_e(document_title(d))}</strong> <span class='where'>({_e(d.name)})</span>: "
            f"{len(d.statements)} statements in {len(d.sections)} sections, {len(d.references)} references{span}</li>"
        )
    what = "document" if len(qa.documents) == 1 else f"{len(qa.documents)} documents"
    return f"<div id='documents'><h1>bcqa: {_e(qa.title)}</h1><p>Loaded {what}:</p><ul>{''.join(items)}</ul></div>"


def evidence_html(qa: Assistant) -> str:
    """The evidence map: entities down, the corpus's columns across; every row and cell is a button."""
    ev = qa.evidence
    used = ev.used_columns()
    several = len(qa.documents) > 1
    document_of = {s.id: s.document for s in qa.statements}
    head = "".join(f"<th scope='col'>{_e(t)}</th>" for t in used)
    if several:
        head = "<th scope='col'>documents</th>" + head
    rows = []
    for marker in ev.markers:
        cells = ev.cells(marker)
        tds = "".join(
            f"<td class='hit'><button type='button' data-cell='{_e(marker)}\t{_e(t)}' "
            f"aria-label='{_e(marker)}, {_e(t)}: references {_e(', '.join(map(str, cells[t].references)))}'>"
            f"{''.join(f'[{n}]' for n in cells[t].references)}</button></td>"
            if t in cells
            else "<td></td>"
            for t in used
        )
        if several:
            docs = sorted({document_of.get(sid, "") for c in cells.values() for sid in c.statements} - {""})
            tds = f"<td class='docs'>{_e(', '.join(docs))}</td>" + tds
        rows.append(
            f"<tr><th scope='row'><button type='button' data-cell='{_e(marker)}\t'>{_e(marker)}</button></th>{tds}</tr>"
        )
    return (
        "<div class='evidence-map' tabindex='0' role='region' aria-label='Evidence map'><table>"
        f"<caption class='visually-hidden'>Entities by column; select one to see its statements</caption>"
        f"<tr><th scope='col'>entity</th>{head}</tr>{''.join(rows)}</table></div>"
    )


def marker_statements(qa: Assistant, marker: str, column: str = "") -> str:
    """The statements behind an entity (or one of its cells), with their references."""
    if not marker or marker not in qa.evidence.markers:
        return "Select an entity or a cell of the map to see the statements behind it."
    by_id = {s.id: s for s in qa.statements}
    cells = qa.evidence.cells(marker)
    if column and column in cells:
        ids, title = list(cells[column].statements), f"**{html.escape(marker)}** · {html.escape(column)}"
    else:
        ids, title = qa.evidence.statement_ids(marker), f"**{html.escape(marker)}**"
    lines = [title, ""]
    for sid in ids:
        s = by_id[sid]
        refs = next(d.references for d in qa.documents if d.name == s.document)
        lines.append(f"- {html.escape(s.text)} {cite_links(s.citations, refs)} — *{html.escape(s.section)}*")
    return "\n".join(lines)


def document_html(qa: Assistant, statement_id: str) -> str:
    """The section holding a statement, in the document's words, with the statement marked."""
    target = next((s for s in qa.statements if s.id == statement_id), None)
    if target is None:
        return "<p>Choose <em>view in document</em> beside a statement to read it in its section.</p>"
    section = [s for s in qa.statements if s.document == target.document and s.section == target.section]
    paragraphs: list[list[str]] = []
    last = None
    for s in sorted(section, key=lambda s: s.position):
        text = _e(s.text) + (" " + _e("".join(f"[{n}]" for n in s.citations)) if s.citations else "")
        if s.id == target.id:
            text = f"<mark id='document-target'>{text}</mark>"
        if s.context and s.context != last:
            paragraphs.append([f"<em>{_e(s.context)}</em>"])
            last = s.context
        elif not paragraphs or not s.context:
            paragraphs.append([])
        paragraphs[-1].append(text)
    body = "".join(f"<p>{' '.join(p)}</p>" for p in paragraphs)
    return (
        f"<h2>{_e(target.section)}</h2><p class='where'>{_e(target.document)}; the highlighted statement is the "
        f"one you chose.</p>{body}"
    )


def _clip(question: str) -> tuple[str, str]:
    question = (question or "").strip()
    if len(question) > MAX_QUESTION_CHARS:
        return question[:MAX_QUESTION_CHARS], f"(Your question was cut to {MAX_QUESTION_CHARS} characters.)"
    return question, ""


def _slug(text: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", text.lower())[:8]
    return "-".join(words) or "answer"


def transcript_html(turns: list[dict]) -> str:
    if not turns:
        return "<p class='empty'>Your questions and their cited answers appear here.</p>"
    return "".join(t["html"] for t in turns)


def _turn_html(turn_id: str, answer: Answer, notes: list[str]) -> str:
    tools = (
        f"<div class='turn-tools'><button type='button' data-copy='{_e(answer.to_markdown())}'>Copy answer</button>"
        f"<button type='button' data-copy='{_e(answer.to_bibtex() or '% no references cited')}'>Copy BibTeX</button>"
        "</div>"
    )
    return f"<section class='turn' id='{turn_id}'>{answer_html(answer, turn_id, notes)}{tools}</section>"


def _pending_html(turn_id: str, question: str) -> str:
    return (
        f"<section class='turn' id='{turn_id}'><article class='bcqa-answer'><h2 class='question'>{_e(question)}</h2>"
        "<p class='pending' role='status' aria-live='polite'>Searching the documents</p></article></section>"
    )


SCROLL_JS = """() => {
  const chat = document.querySelector('#chat');
  const turns = chat ? chat.querySelectorAll('.turn') : [];
  const last = turns[turns.length - 1];
  if (!last) return;
  const box = chat.getBoundingClientRect();
  if (box.top < 0 || box.top > window.innerHeight * 0.5) window.scrollBy(0, box.top - 8);
  chat.scrollTop += last.getBoundingClientRect().top - chat.getBoundingClientRect().top - 4;
}"""

TO_DOCUMENT_JS = """() => {
  setTimeout(() => document.querySelector('#document-target')?.scrollIntoView({block: 'center'}), 50);
}"""


def build_demo(qa: Assistant):
    import gradio as gr

    lock = threading.Lock()  # one encoder, many users: answer one at a time
    # Downloads: one folder per browser session, removed when the page closes;
    # the whole folder when the server stops.
    downloads = Path(tempfile.mkdtemp(prefix="bcqa-ui-"))
    atexit.register(shutil.rmtree, downloads, ignore_errors=True)

    def session_name(request) -> str:
        """The browser session's id, safe as a folder name ("" when there is none)."""
        return re.sub(r"[^A-Za-z0-9_-]", "", getattr(request, "session_hash", None) or "")

    def session_folder(request) -> Path:
        folder = downloads / (session_name(request) or "shared")
        folder.mkdir(exist_ok=True)
        return folder

    def forget_session(request: gr.Request):
        if session_name(request):
            shutil.rmtree(downloads / session_name(request), ignore_errors=True)

    sections = [ALL_SECTIONS, *qa.sections]

    def _only(section):
        return None if section in (None, "", ALL_SECTIONS) else [section]

    def _filter_notes(question: str, answer: Answer, section) -> list[str]:
        only = _only(section)
        if not only:
            return []
        notes = [
            f"Only from the section <strong>{_e(section)}</strong>. "
            "<button type='button' class='copy' data-clear-filter='1'>Show all sections</button>"
        ]
        with lock:
            (best,) = qa.ask(question, k=1).statements[:1] or (None,)
        shown = answer.statements[0] if answer.statements else None
        if best and best.statement.section != section and (shown is None or best.dense > shown.dense):
            s = best.statement
            where = f"{s.document} · {s.section}" if len(qa.documents) > 1 else s.section
            # a clause that goes on a sentence comes after the clauses before it, each with its numbers
            lead = lead_of(best, lambda c: f"{_e(c.text)} {_e(cite(c.citations))}".rstrip())
            quoted = f"<q>{lead}{_e(s.text)}</q> {_e(cite(s.citations))}"
            notes.append(f"Best match outside it (section {_e(where)}): {quoted}")
        return notes

    def answer_markdown(question: str, k: float = 5, section: str = ALL_SECTIONS) -> str:
        """Answer one question; returns the cited answer as markdown."""
        question, note = _clip(question)
        if not question:
            return f"Please type a question about {html.escape(qa.title)}."
        with lock:
            answer = qa.ask(question, k=int(k), sections=_only(section))
        return (f"*{note}*\n\n" if note else "") + render_answer(answer)

    def start_turn(question, state):
        """Show the question at once, with a pending line; the answer follows."""
        state = _session(state)
        question, cut = _clip(question)
        if not question:
            return gr.update(), "", state
        state["count"] += 1
        turn_id = f"t{state['count']}"
        state["pending"] = (turn_id, question, cut)
        turns = [*state["turns"], {"html": _pending_html(turn_id, question)}]
        return transcript_html(turns), "", state

    def finish_turn(state, k, section, request: gr.Request):
        state = _session(state)
        pending = state.pop("pending", None)
        if not pending:
            return (gr.update(), state) + (gr.update(),) * 3
        turn_id, question, cut = pending
        chat = Conversation(qa)
        chat.subject = state.get("subject", "")
        try:
            with lock:
                answer = chat.ask(question, k=int(k), sections=_only(section))
        except BcqaError as exc:
            state["turns"] = [*state["turns"], {"html": _error_html(turn_id, question, str(exc)), "markdown": ""}]
            return (transcript_html(state["turns"]), state) + (gr.update(),) * 3
        state["subject"] = chat.subject
        notes = ([cut] if cut else []) + _filter_notes(answer.read_as or question, answer, section)
        turn = {"html": _turn_html(turn_id, answer, notes), "markdown": answer.to_markdown()}
        state["turns"] = [*state["turns"], turn]
        folder = session_folder(request)
        stem = f"bcqa-{state['count']:02d}-{_slug(question)}"
        bib, ris = folder / f"{stem}.bib", folder / f"{stem}.ris"
        bib.write_text(answer.to_bibtex() or "% no references cited\n", encoding="utf-8")
        ris.write_text(answer.to_ris() or "", encoding="utf-8")
        conversation = folder / "bcqa-conversation.md"
        body = "\n\n---\n\n".join(t["markdown"] for t in state["turns"] if t.get("markdown"))
        conversation.write_text(f"# bcqa conversation: {qa.title}\n\n{body}\n", encoding="utf-8")
        return transcript_html(state["turns"]), state, str(bib), str(ris), str(conversation)

    def new_topic(state):
        state = _session(state)
        state["subject"] = ""
        if state["turns"]:
            state["turns"] = [*state["turns"], {"html": "<p class='new-topic'>New topic</p>", "markdown": ""}]
        return transcript_html(state["turns"]), state

    def show_filter(section):
        return gr.update(visible=section not in (None, "", ALL_SECTIONS))

    def view_document(value):
        statement_id = (value or "").split(NONCE)[0]
        return document_html(qa, statement_id), gr.Tabs(selected="document")

    def map_cell(value):
        marker, _, column = (value or "").split(NONCE)[0].partition("\t")
        return marker_statements(qa, marker, column)

    examples = example_questions(qa)
    # delete_cache: gradio's own copies of the download files go within the hour.
    with gr.Blocks(title=f"bcqa: {qa.title}", analytics_enabled=False, delete_cache=(600, 3600)) as demo:
        state = gr.State(None)
        gr.HTML(documents_html(qa))
        with gr.Tabs() as tabs:
            with gr.Tab("Ask", id="ask"):
                transcript = gr.HTML(transcript_html([]), elem_id="chat")
                with gr.Row(equal_height=True):
                    box = gr.Textbox(
                        label="Your question",
                        placeholder=f"e.g. {examples[0]}" if examples else "Ask a question",
                        scale=6,
                        elem_id="question",
                        max_length=MAX_QUESTION_CHARS * 4,
                        lines=1,
                    )
                    send = gr.Button("Ask", variant="primary", scale=1, min_width=80, elem_id="ask")
                    topic = gr.Button("New topic", scale=1, min_width=100, elem_id="new-topic")
                if examples:
                    gr.Markdown("**Try:**")
                    with gr.Row():
                        example_buttons = [gr.Button(e, size="sm", elem_classes="example") for e in examples]
                else:
                    example_buttons = []
                with gr.Row():
                    k = gr.Slider(1, 10, value=5, step=1, label="Statements per answer", elem_id="k")
                    section = gr.Dropdown(sections, value=ALL_SECTIONS, label="Only from section", elem_id="section")
                    clear = gr.Button("Show all sections", visible=False, elem_id="clear-filter", size="sm")
                with gr.Row():
                    bib = gr.DownloadButton("Last answer's references (BibTeX)", elem_id="bibtex", size="sm")
                    ris = gr.DownloadButton("Last answer's references (RIS)", elem_id="ris", size="sm")
                    whole = gr.DownloadButton("Whole conversation (markdown)", elem_id="conversation", size="sm")
                gr.Markdown(HELP, elem_id="help")
            with gr.Tab("Document", id="document"):
                document_view = gr.HTML(document_html(qa, ""), elem_id="document-view")
            with gr.Tab("Evidence map", id="map"):
                gr.Markdown(
                    "Which named entities (genes, RNAs, variants ...) the documents tie to which column, each cell "
                    "holding the reference numbers. The columns are the sections, or those a `bcqa.toml` beside "
                    "the corpus names. Select an entity or a cell to see its statements."
                )
                with gr.Row():
                    with gr.Column(scale=3, min_width=300):
                        gr.HTML(evidence_html(qa), elem_id="evidence-map")
                    with gr.Column(scale=2, min_width=300):
                        detail = gr.Markdown(marker_statements(qa, ""), elem_id="map-detail")
        view_request = gr.Textbox(elem_id="view-request", elem_classes="hidden-request", show_label=False)
        map_request = gr.Textbox(elem_id="map-request", elem_classes="hidden-request", show_label=False)

        def ask_chain(trigger, inputs=(box, state)):
            return (
                trigger(start_turn, list(inputs), [transcript, box, state], queue=False, api_name=False)
                .then(None, js=SCROLL_JS)
                .then(finish_turn, [state, k, section], [transcript, state, bib, ris, whole], api_name=False)
                .then(None, js=SCROLL_JS)
            )

        ask_chain(box.submit)
        ask_chain(send.click)
        for button in example_buttons:
            ask_chain(button.click, (button, state))
        topic.click(new_topic, state, [transcript, state], api_name=False)
        section.change(show_filter, section, clear, api_name=False)
        clear.click(lambda: ALL_SECTIONS, None, section, api_name=False)
        view_request.change(view_document, view_request, [document_view, tabs], api_name=False).then(
            None, js=TO_DOCUMENT_JS
        )
        map_request.change(map_cell, map_request, detail, api_name=False)
        gr.api(answer_markdown, api_name="ask")

        def marker(name: str) -> str:
            """The statements behind one entity of the evidence map, as markdown."""
            return marker_statements(qa, name)

        gr.api(marker, api_name="marker")
        demo.unload(forget_session)
    return demo


def _session(state: dict | None) -> dict:
    """A browser session's chat: its turns, the follow-up subject, how many questions it asked."""
    return dict(state or {"turns": [], "subject": "", "count": 0})


def _error_html(turn_id: str, question: str, message: str) -> str:
    return (
        f"<section class='turn' id='{turn_id}'><article class='bcqa-answer'><h2 class='question'>{_e(question)}</h2>"
        f"<p class='abstain' role='status'>{_e(message)}</p></article></section>"
    )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(host: str = "127.0.0.1", port: int = 7860, corpus=None, index_dir=None) -> None:
    """Load (or build) the index with progress on stderr, then serve until stopped."""
    if not is_loopback(host):
        print(f"bcqa: warning: serving on {host}, reachable from other machines; there is no login", file=sys.stderr)
    check_port(host, port)  # before the slow load: a busy port is said at once
    print("bcqa: loading the index ...", file=sys.stderr, flush=True)
    qa = Assistant.load(corpus, index_dir, progress=lambda m: print(f"bcqa: {m}", file=sys.stderr, flush=True))
    print(f"bcqa: ready: {len(qa.statements)} statements; open http://{host}:{port}/", file=sys.stderr, flush=True)
    demo = build_demo(qa)
    # SIGTERM ends the server like Ctrl-C, so that exit handlers remove its temp files.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    demo.queue(default_concurrency_limit=4).launch(
        server_name=host,
        server_port=port,
        show_error=True,
        css_paths=[CSS_PATH],
        head=f"<script>{JS_PATH.read_text(encoding='utf-8')}</script>",
        footer_links=["api"],
        quiet=True,
    )


def check_port(host: str, port: int) -> None:
    """Raise BcqaError, suggesting --port, when ``host:port`` cannot be bound."""
    if not 0 < port < 65536:
        raise BcqaError(f"--port {port} is not a port number (1-65535)")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise BcqaError(f"cannot serve on {host}: {exc.strerror or exc}; give an address of this machine") from None
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself binds
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise BcqaError(
                    f"port {port} on {host} is already in use (another bcqa serve?); "
                    f"start on another one with: bcqa serve --port {port + 1}"
                ) from None
            raise BcqaError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Serve the bcqa chat UI.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7860)
    args = parser.parse_args(argv)
    serve(args.host, args.port)


if __name__ == "__main__":
    main()
