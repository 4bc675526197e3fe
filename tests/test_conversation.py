"""Follow-up questions take the previous turn's subject, on more than one document."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bcqa import Assistant
from bcqa.conversation import Conversation, read_as
from conftest import FakeEncoder

DOCUMENTS = Path(__file__).parent / "documents"


@pytest.fixture
def amr(tmp_path):
    corpus = tmp_path / "amr"
    corpus.mkdir()
    shutil.copy(DOCUMENTS / "amr_gram_negative.md", corpus)
    return Assistant.load(corpus, tmp_path / "index", encoder=FakeEncoder(), progress=None)


def test_pronouns_take_the_subject():
    assert read_as("Does it also predict survival?", "MDR1") == "Does MDR1 also predict survival?"
    assert read_as("What is its role in hypoxia?", "P4HA2") == "What is P4HA2 role in hypoxia?"
    assert read_as("Are they linked to relapse?", "drug efflux transporters") == (
        "Are drug efflux transporters linked to relapse?"
    )


def test_nothing_to_replace_or_no_subject_reads_as_asked():
    assert read_as("Which genes predict survival?", "MDR1") == ""
    assert read_as("Does it also predict survival?", "") == ""
    # An "it" that stands for nothing stays, and "this review" is the document.
    assert read_as("Is it true that expression predicts response?", "MDR1") == ""
    said = read_as("Does this review say it predicts survival?", "MDR1")
    assert said == "Does this review say MDR1 predicts survival?"


def test_a_question_about_the_document_takes_no_subject(fake_assistant):
    chat = Conversation(fake_assistant)
    chat.ask("What does HOTAIR do?")
    for question in ("What is this review about?", "What is it about?", "Summarize the paper"):
        answer = chat.ask(question)
        assert answer.read_as == "" and answer.mode == "overview", question


def test_follow_up_on_the_review(fake_assistant):
    chat = Conversation(fake_assistant)
    first = chat.ask("What does MDR1 expression mean for chemotherapy response?")
    assert first.read_as == "" and chat.subject == "MDR1"
    follow = chat.ask("Does it also predict survival?")
    assert follow.read_as == "Does MDR1 also predict survival?"
    assert follow.question == "Does it also predict survival?"
    assert follow.to_dict()["read_as"] == "Does MDR1 also predict survival?"
    # A question naming its own subject is read as asked and becomes the subject.
    assert chat.ask("How does P4HA2 make cells resist radiation?").read_as == ""
    assert chat.ask("What is its role?").read_as == "What is P4HA2 role?"
    chat.new_topic()
    assert chat.ask("What is its role?").read_as == ""


def test_follow_up_on_another_document(amr):
    chat = Conversation(amr)
    chat.ask("Which mutations in gyrA raise fluoroquinolone resistance?")
    assert chat.subject == "gyrA"
    assert chat.ask("Where do they occur?").read_as == "Where do gyrA occur?"
    chat.ask("What does the review say about porin loss?")
    assert chat.subject == "porin loss"
    assert chat.ask("How does it combine with efflux?").read_as == "How does porin loss combine with efflux?"


def test_follow_up_reaches_the_right_statement(real_assistant):
    chat = Conversation(real_assistant)
    chat.ask("What does MDR1 expression mean for chemotherapy response?")
    follow = chat.ask("Does it also predict survival?", k=3)
    assert not follow.abstained
    assert "progression-free survival" in follow.statements[0].statement.text
