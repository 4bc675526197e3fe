"""Follow-up questions: a question that names nothing takes the previous turn's subject.

"What does MDR1 expression mean for chemotherapy response?" then "Does it
also predict survival?" is read as "Does MDR1 also predict survival?".  The
subject of a turn is what its question names that the documents discuss
(gene and RNA symbols, variants ...), else the words after "about" ("What does
the review say about drug efflux transporters?").  A question that names its
own subject, or cites a reference, is read as asked and becomes the new
subject.  ``Conversation.new_topic()`` forgets the subject.

No subject is guessed: a pronoun with no subject before it is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bcqa.query import DOCUMENT_NOUNS

if TYPE_CHECKING:
    from bcqa.answer import Answer
    from bcqa.assistant import Assistant
    from bcqa.query import Query

# Pronouns that stand for a subject; "that" and "those" are left out (mostly conjunctions
# and determiners of a new noun).  The possessives become the bare subject:
# "its expression" -> "MDR1 expression".  "This review", "these papers" are the documents.
_PRONOUN = re.compile(rf"\b(it|its|they|them|their|this|these)\b(?!\s+{DOCUMENT_NOUNS}\b)", re.I)
# "Is it true that ...", "it is known that ...": an "it" that stands for nothing.
_EXPLETIVE = re.compile(
    r"\b(?:it\s+(?:is|was|'s)|(?:is|was)\s+it)\s+(?:true|possible|known|likely|clear|thought|said|reported)\b", re.I
)
_ABOUT = re.compile(r"\babout\s+(?:the\s+)?(.+?)\s*[?.!]*$", re.I)


def subject_of(question: str, queries: Sequence[Query]) -> str:
    """What a question is about, as later turns may refer to it ("" when unclear)."""
    named = list(dict.fromkeys(n for q in queries for n in q.named))
    if named:
        return " and ".join(named)
    m = _ABOUT.search(question)
    if m and not _PRONOUN.fullmatch(m.group(1)) and len(m.group(1).split()) <= 6:
        return m.group(1)
    return ""


def names_something(queries: Sequence[Query]) -> bool:
    """The question names its own subject: a symbol the documents use, a reference or an author.

    A name the documents lack does not count: in "What is its role in
    hypoxia?" the subject is still "its".
    """
    return any(q.named or q.references or q.missing_references for q in queries)


def read_as(question: str, subject: str) -> str:
    """``question`` with its pronouns replaced by ``subject`` ("" when nothing is replaced)."""
    if not subject:
        return ""
    spans = [m.span() for m in _EXPLETIVE.finditer(question)]

    def swap(m: re.Match) -> str:
        if any(a <= m.start() < b for a, b in spans):
            return m.group(0)
        return subject

    rewritten = _PRONOUN.sub(swap, question)
    return rewritten if rewritten != question else ""


class Conversation:
    """Questions asked in turn, follow-ups read with the previous subject.

    Example:
        >>> chat = Conversation(qa)
        >>> chat.ask("What does MDR1 expression mean for chemotherapy response?")
        >>> chat.ask("Does it also predict survival?").read_as
        'Does MDR1 also predict survival?'
    """

    def __init__(self, assistant: Assistant):
        self.assistant = assistant
        self.subject = ""

    def new_topic(self) -> None:
        """Forget the subject: the next question is read as asked."""
        self.subject = ""

    def ask(self, question: str, **options) -> Answer:
        """Answer ``question`` in this conversation; ``options`` go to ``Assistant.ask``.

        The answer's ``question`` is the question as asked and ``read_as`` the
        rewritten one ("" when it was read as asked).
        """
        from bcqa.assistant import check_question

        question = check_question(question)
        queries = self.assistant.analyse(question)
        # A question about the documents as a whole ("What is this review about?") has no subject to take.
        own = names_something(queries) or any(q.overview for q in queries)
        rewritten = "" if own else read_as(question, self.subject)
        answer = self.assistant.ask(rewritten or question, **options)
        if not rewritten:
            self.subject = subject_of(question, queries) or self.subject
        return replace(answer, question=question, read_as=rewritten)
