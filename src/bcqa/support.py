"""How strongly a shown statement supports the answer: direct, related or weak.

A label, not a score: the fused score is relative to the question's best
statement (the top one is always 1.00), so it cannot say how good a match
is.  The label reads the cosine between the question and the statement,
which is comparable across questions, with cut-offs calibrated on the dev
golden questions of the four golden documents (``scripts/calibrate_support.py``;
162 expected statements among 1,179 shown):

- **direct**: cosine >= 0.60.  Half of the statements at or above it were the
  very statement the golden file expects (the rest are mostly its neighbours).
- **related**: between the two.
- **weak**: cosine < 0.40.  94 % of the expected statements score 0.40 or
  more; under it, about 3 in 100 statements are the expected one.

In a reference answer the statements are chosen because they cite the
reference asked about, not by similarity: each is labelled ``cites``; in an
overview of the document ("What is this review about?") each is ``overview``.
Raw scores stay in the JSON output.
"""

from __future__ import annotations

from bcqa.types import Hit

DIRECT_COSINE = 0.60
WEAK_COSINE = 0.40

EXPLANATIONS = {
    "direct": "Close to the question (cosine 0.60 or more): in calibration, half of such statements were the exact "
    "answer and most others its neighbours.",
    "related": "On the same subject (cosine 0.40 to 0.60): it may answer part of the question.",
    "weak": "A distant match (cosine under 0.40): 94% of real answers score higher. Read with care.",
    "cites": "Shown because it cites the reference the question asks about.",
    "overview": "Shown in an overview of the document: where it says what it covers, or a section's first statement.",
}


def support(hit: Hit, mode: str = "search") -> str:
    """The support label of ``hit`` in an answer of the given ``mode``."""
    if mode == "reference":
        return "cites"
    if mode == "overview":
        return "overview"
    if hit.dense >= DIRECT_COSINE:
        return "direct"
    return "related" if hit.dense >= WEAK_COSINE else "weak"
