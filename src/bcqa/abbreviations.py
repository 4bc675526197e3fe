"""Abbreviations learnt from the document itself, not from a hand-written list.

Implements Schwartz & Hearst (2003), "A simple algorithm for identifying
abbreviation definitions in biomedical text": every ``long form (SHORT)`` (or
``SHORT (long form)``) is accepted only if the characters of the short form can
be found, in order and from the right, in the long form, the first one starting
a word.  That one test separates "extracellular matrix (ECM)" from "ABCB1
(MDR1)", two names of one gene, and from parenthesised remarks and statistics.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_PARENTHESIS = re.compile(r"\(([^()]*)\)")
# A long form never reaches back past a sentence end (a period before a space or
# a citation bracket, so "0.75" is no end), clause punctuation, a markdown
# heading or a blank line: the whole document may be a single line.
_BOUNDARY = re.compile(r"[.!?](?=[\s\[])|[;:#]|\n\s*\n")
_EMPHASIS = re.compile(r"\*+")
# A remark after the short form, "(ECM; see below)" or "(TREM2, a receptor)".
_REMARK = re.compile(r"[;,]")
# Greek letters are spelt by their Latin initial in short forms: "β-lactamases (ESBLs)".
_GREEK = str.maketrans("αβγδεκλμπσςτω", "abgdeklmpssto")
_QUOTES = "\"'“”‘’[]{},"


def find_abbreviations(texts: Iterable[str]) -> dict[str, str]:
    """Find the abbreviations the texts define.

    Args:
        texts: Pieces of one document, e.g. its paragraphs or statements.  A
            definition is only looked for within one piece.

    Returns:
        Short form -> long form, e.g. ``{"ECM": "extracellular matrix"}``.  When
        a short form is defined twice, the first definition wins.
    """
    found: dict[str, str] = {}
    for text in texts:
        for short, long in _definitions(text):
            found.setdefault(short, long)
    return found


def _definitions(text: str) -> Iterator[tuple[str, str]]:
    """Yield (short, long) for each parenthesis in ``text`` that defines one."""
    # Bold markers would otherwise glue to the words: "**extracellular matrix (ECM) genes**".
    text = _EMPHASIS.sub("", text)
    start = 0
    for match in _PARENTHESIS.finditer(text):
        # As in the original, text before an earlier parenthesis is not reused.
        before = text[start : match.start()]
        start = match.end()
        ends = [m.end() for m in _BOUNDARY.finditer(before)]
        before = before[ends[-1] :] if ends else before
        inside = _REMARK.split(match.group(1), maxsplit=1)[0].split()
        if not inside:
            continue
        if len(inside) == 1:
            pair = _pair(inside[0], before.split())
        else:
            # A short form is one word, so several words in the parenthesis can
            # only be the long form of the word before it: "P4HA2 (Prolyl ...)".
            words = before.split()
            short = words[-1].strip(_QUOTES) if words else ""
            # Required as in the original, or "response (17% vs 68% ...)" would be tried.
            has_capital = any(c.isupper() for c in short)
            pair = _pair(short, inside) if has_capital else None
        if pair:
            yield pair


def _pair(short: str, words: list[str]) -> tuple[str, str] | None:
    """Return (short, long form) if ``short`` abbreviates the end of ``words``."""
    if not (2 <= len(short) <= 10 and short[0].isalnum() and any(c.isalpha() for c in short)):
        return None
    letters = sum(c.isalnum() for c in short)
    candidate = " ".join(words[-min(letters + 5, letters * 2) :])
    long = _match(short, candidate)
    if long is None or len(long) < len(short) or short + " " in long or long.endswith(short):
        return None
    return short, long


def abbreviation_of(short: str, words: str) -> str | None:
    """The end of ``words`` that ``short`` abbreviates ("TMP-SMX", "in trimethoprim-sulfamethoxazole" ->
    "trimethoprim-sulfamethoxazole"), or None."""
    return _match(short, words)


def _match(short: str, candidate: str) -> str | None:
    """Shortest end of ``candidate`` holding the characters of ``short`` in order.

    Args:
        short: The short form, e.g. ``"ECM"``.
        candidate: The words before the parenthesis, e.g. ``"while extracellular matrix"``.

    Returns:
        The long form from the start of the word that holds the first character,
        e.g. ``"extracellular matrix"``, or None if the characters do not match.
    """
    # Fold one character at a time so that indices in both strings stay aligned.
    s = "".join(c.lower()[0] for c in short).translate(_GREEK)
    text = "".join(c.lower()[0] for c in candidate).translate(_GREEK)
    i = len(text) - 1
    for j in range(len(s) - 1, -1, -1):
        if not s[j].isalnum():
            continue
        # The first character of the short form must also begin a word of the long form.
        while i >= 0 and (text[i] != s[j] or (j == 0 and i > 0 and text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
    return re.sub(r"^\W+", "", candidate[candidate.rfind(" ", 0, i + 1) + 1 :]) or None
