"""Property-based tests: random text, markdown and bytes never raise anything but bcqa's own errors."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bcqa import Assistant
from bcqa.corpus import parse_document
from bcqa.errors import BcqaError, CorpusError, IndexStateError, QuestionError
from bcqa.store import MANIFEST, manifest_problems, read_index
from conftest import FakeEncoder

# No example database in the work tree: `git status` stays clean after the tests.
FAST = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

_WORDS = st.sampled_from(
    ["TP53", "miR-21", "resistance", "the", "cells", "IL-1β", "is", "and", "while", "et al.", "e.g.", "3.5", "Fig."]
)
_MARKS = st.sampled_from(
    ["[1]", "[2][3]", "[4] [6]", "[4, 6]", "[4-6]", "[4–6]", "[^3]", "[3](https://x.org)", "[", "]", "[0]", "[99999]"]
)
_LINES = st.sampled_from(
    [
        "#",
        "## 2. Methods",
        "References",
        "## References",
        "1. Smith J. A title. J Biol. 2020;1:2.",
        "[1] Doe A, et al. T. N Engl J Med. 2019.",
        "- ",
        "* item",
        "  - nested",
        "| a | b |",
        "|---|---|",
        "---",
        "*Generated on 2024-01-01*",
        "**Finding:**",
        "> quote",
        "",
        "Title\n=====",
        "1) x",
        "[26] https://a.b/c",
    ]
)
_MARKDOWN = st.lists(
    st.one_of(
        _LINES,
        st.lists(st.one_of(_WORDS, _MARKS, st.sampled_from([".", ",", "?", ":", ";", " "])), max_size=30).map(" ".join),
    ),
    max_size=25,
).map("\n".join)


@FAST
@given(st.text(max_size=2000))
def test_parser_on_random_text(text):
    try:
        document = parse_document(text, "random.md")
    except CorpusError:
        return
    assert document.statements


@FAST
@given(_MARKDOWN)
def test_parser_on_random_markdown(text):
    try:
        document = parse_document(text, "random.md")
    except CorpusError:
        return
    for s in document.statements:
        assert s.text.strip() and s.text == " ".join(s.text.split())
        assert all(isinstance(n, int) and n >= 0 for n in s.citations)
        assert list(s.citations) == sorted(set(s.citations))


@FAST
@given(st.binary(max_size=2000))
def test_parser_on_random_bytes(raw):
    text = raw.decode("utf-8", errors="replace")
    with contextlib.suppress(CorpusError):
        parse_document(text, "random.md")


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    from conftest import CORPUS_FILE

    return Assistant.load(CORPUS_FILE, tmp_path_factory.mktemp("prop") / "index", encoder=FakeEncoder(), progress=None)


@FAST
@given(question=st.one_of(st.text(max_size=300), _MARKDOWN, st.binary(max_size=200).map(lambda b: b.decode("latin-1"))))
def test_ask_on_random_input(qa, question):
    try:
        answer = qa.ask(question, k=3)
    except QuestionError:
        return
    # An answer abstains, or quotes statements, or (asked for the reference list: "Reference") lists it.
    assert answer.abstained or answer.statements or (answer.mode == "references" and answer.references)
    assert "\x1b" not in answer.to_text() and "\x00" not in answer.to_text()


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import CORPUS_FILE

    index = tmp_path_factory.mktemp("prop-index") / "index"
    Assistant.load(CORPUS_FILE, index, encoder=FakeEncoder(), progress=None)
    return CORPUS_FILE, index, json.loads((index / MANIFEST).read_text(encoding="utf-8"))


def _mutations(manifest):
    """The real manifest with one field replaced by random JSON, or random JSON outright."""
    keys = st.sampled_from(sorted(manifest))
    swapped = st.tuples(keys, _JSON).map(lambda kv: {**manifest, kv[0]: kv[1]})
    return st.one_of(_JSON, swapped)


@settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_manifest_loader_on_random_json_and_bytes(built, data):
    corpus, index, manifest = built
    original = (index / MANIFEST).read_bytes()
    if data.draw(st.booleans()):
        payload = json.dumps(data.draw(_mutations(manifest))).encode()
    else:
        payload = data.draw(st.binary(max_size=300))
    try:
        (index / MANIFEST).write_bytes(payload)
        manifest_problems(index)
        with contextlib.suppress(IndexStateError):
            read_index(index)
        with contextlib.suppress(IndexStateError):
            Assistant.load(corpus, index, encoder=FakeEncoder(), rebuild="never", progress=None)
    except BcqaError as exc:  # pragma: no cover - the message says which
        pytest.fail(f"unexpected {type(exc).__name__}: {exc}")
    finally:
        (index / MANIFEST).write_bytes(original)


_NAME_PARTS = st.sampled_from(["Liu", "O'Brien", "van der Berg", "Li", "Müller", "-Kim", "Nature", "J", "Ca", "É"])


@FAST
@given(name=_NAME_PARTS, text=st.lists(st.one_of(_NAME_PARTS, _WORDS, st.text(max_size=4)), max_size=8))
def test_the_word_prefilter_never_hides_a_name_the_pattern_finds(name, text):
    # find_references skips a reference's regular expression when the name's first
    # word is not a word of the question; that must never drop a real match.
    import re

    from bcqa.query import _WORD, _may_occur

    question = " ".join(text)
    for candidate in (question, question.lower()):
        found = re.search(rf"\b{re.escape(name)}\b(?!-)", candidate)
        if found:
            assert _may_occur(name, frozenset(_WORD.findall(candidate)))
