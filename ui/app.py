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
from bcqa.answer import cite_links, escape_markdown  # noqa: E402
from bcqa.errors import BcqaError  # noqa: E402

MAX_QUESTION_CHARS = 1000
ALL_SECTIONS = "All sections"
CSS = """
.evidence-map table { border-collapse: collapse; font-size: 0.9em; }
.evidence-map th, .evidence-map td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; }
.evidence-map td.hit { background: #dbeafe; font-weight: 600; }
.evidence-map td.layer { background: #f3f4f6; font-style: italic; }
"""


def render_answer(answer: Answer) -> str:
    """Chat markdown for one answer; the question is not echoed (the chat shows it)."""
    return answer.to_markdown(question=False, link_citations=True)


def example_questions(qa: Assistant) -> list[str]:
    """Questions about what the loaded documents actually contain.

    Built from the corpus: the entities cited most often in the evidence map,
    a reference number, and the title of a section.
    """
    ev = qa.evidence
    busy = sorted(ev.markers, key=lambda m: -sum(len(c.statements) for c in ev.cells(m).values()))
    examples = [f"What does the review say about {m.split(' (')[0]}?" for m in busy[:2]]
    sections = [s for s in qa.sections if s != "Overview"]
    if sections:
        examples.append(f"What is known about {sections[0].lower().lstrip('0123456789. ')}?")
    if qa.document.references:
        examples.append(f"What does reference {min(qa.document.references)} say?")
    return examples


def welcome(qa: Assistant) -> str:
    """What is loaded: title, size, and how to ask."""
    lines = [f"# bcqa: {html.escape(qa.title)}"]
    for d in qa.documents:
        lines.append(
            f"- **{html.escape(d.title or d.name)}** ({html.escape(d.name)}): {len(d.statements)} statements, "
            f"{len(d.sections)} sections, {len(d.references)} references"
        )
    lines.append(
        "\nAsk in plain language. Every claim is quoted from the document with the numbers of the references "
        "that support it; a question the document does not cover is answered with *Not covered*."
    )
    return "\n".join(lines)


def evidence_html(qa: Assistant) -> str:
    """The evidence map as a table: entities down, the corpus's columns across, [n] in cells."""
    ev = qa.evidence
    used = ev.used_columns()
    head = "".join(f"<th>{html.escape(t)}</th>" for t in used)
    rows = []
    for marker in ev.markers:
        cells = ev.cells(marker)
        tds = "".join(
            f"<td class='hit'>{''.join(f'[{n}]' for n in cells[t].references)}</td>" if t in cells else "<td></td>"
            for t in used
        )
        rows.append(f"<tr><td>{html.escape(marker)}</td>{tds}</tr>")
    return f"<div class='evidence-map'><table><tr><th>entity</th>{head}</tr>{''.join(rows)}</table></div>"


def marker_statements(qa: Assistant, marker: str) -> str:
    if not marker or marker not in qa.evidence.markers:
        return "Choose an entity to see the statements behind it."
    by_id = {s.id: s for s in qa.statements}
    lines = [f"**{html.escape(marker)}**", ""]
    for sid in qa.evidence.statement_ids(marker):
        s = by_id[sid]
        refs = next(d.references for d in qa.documents if d.name == s.document)
        lines.append(f"- {html.escape(s.text)} {cite_links(s.citations, refs)} — *{html.escape(s.section)}*")
    return "\n".join(lines)


def _clip(question: str) -> tuple[str, str]:
    question = (question or "").strip()
    if len(question) > MAX_QUESTION_CHARS:
        return question[:MAX_QUESTION_CHARS], f"*(Your question was cut to {MAX_QUESTION_CHARS} characters.)*\n\n"
    return question, ""


def build_demo(qa: Assistant):
    import gradio as gr

    lock = threading.Lock()  # one encoder, many users: answer one at a time
    # BibTeX/RIS files: one folder per browser session, removed when the page
    # closes; the whole folder when the server stops.
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

    def answer_markdown(question: str, k: float = 5, section: str = ALL_SECTIONS) -> str:
        """Answer one question; returns the cited answer as markdown."""
        question, note = _clip(question)
        if not question:
            return f"Please type a question about {html.escape(qa.title)}."
        only = None if section in (None, "", ALL_SECTIONS) else [section]
        with lock:
            answer = qa.ask(question, k=int(k), sections=only)
        return note + render_answer(answer)

    def respond(question, history, k, section, request: gr.Request):
        history = list(history or [])
        question, note = _clip(question)
        if not question:
            return history, "", "", None, None
        only = None if section in (None, "", ALL_SECTIONS) else [section]
        with lock:
            answer = qa.ask(question, k=int(k), sections=only)
        stem = f"bcqa-{abs(hash((question, k, section))) % 10**8}"
        folder = session_folder(request)
        bib, ris = folder / f"{stem}.bib", folder / f"{stem}.ris"
        bib.write_text(answer.to_bibtex() or "% no references cited\n", encoding="utf-8")
        ris.write_text(answer.to_ris() or "", encoding="utf-8")
        history += [
            {"role": "user", "content": escape_markdown(question)},
            {"role": "assistant", "content": note + render_answer(answer)},
        ]
        return history, "", answer.to_markdown(), str(bib), str(ris)

    examples = example_questions(qa)
    # delete_cache: gradio's own copies of the download files go within the hour.
    with gr.Blocks(title=f"bcqa: {qa.title}", analytics_enabled=False, delete_cache=(600, 3600)) as demo:
        gr.Markdown(welcome(qa))
        with gr.Tab("Ask"):
            chat = gr.Chatbot(label="Answers", height=760, elem_id="chat", sanitize_html=True)
            with gr.Row():
                box = gr.Textbox(
                    placeholder=f"e.g. {examples[0]}" if examples else "Ask a question",
                    show_label=False,
                    scale=5,
                    elem_id="question",
                    max_length=MAX_QUESTION_CHARS * 4,
                )
                send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
            with gr.Row():
                k = gr.Slider(1, 10, value=5, step=1, label="Statements per answer")
                section = gr.Dropdown(sections, value=ALL_SECTIONS, label="Section")
            if examples:
                gr.Examples(examples, inputs=box)
            with gr.Accordion("Export the last answer", open=False):
                md = gr.Code(label="Answer as markdown (copy)", language="markdown", interactive=False)
                with gr.Row():
                    bib = gr.DownloadButton("References as BibTeX", elem_id="bibtex")
                    ris = gr.DownloadButton("References as RIS", elem_id="ris")
            outputs = [chat, box, md, bib, ris]
            box.submit(respond, [box, chat, k, section], outputs, api_name="chat")
            send.click(respond, [box, chat, k, section], outputs, api_name=False)
        with gr.Tab("Evidence map"):
            gr.Markdown(
                "Which named entities (genes, RNAs, variants ...) the documents tie to which column, each cell "
                "holding the reference numbers. The columns are the sections, or those a `bcqa.toml` beside the "
                "corpus names. Built from the statements when the index is built."
            )
            gr.HTML(evidence_html(qa))
            marker = gr.Dropdown(list(qa.evidence.markers), label="Entity", elem_id="marker")
            detail = gr.Markdown(marker_statements(qa, ""))
            marker.change(lambda m: marker_statements(qa, m), marker, detail, api_name="marker")
        gr.api(answer_markdown, api_name="ask")
        demo.unload(forget_session)
    return demo


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
    qa = Assistant.load(corpus, index_dir)
    print(f"bcqa: ready: {len(qa.statements)} statements; open http://{host}:{port}/", file=sys.stderr, flush=True)
    demo = build_demo(qa)
    # SIGTERM ends the server like Ctrl-C, so that exit handlers remove its temp files.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    demo.queue(default_concurrency_limit=4).launch(
        server_name=host, server_port=port, show_error=True, css=CSS, footer_links=["api"], quiet=True
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
