"""Tokenizer cases: biomedical names stay whole and comparable."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bcqa.text import STOPWORDS, fold, is_symbol, normalise, tokenize


@pytest.mark.parametrize(
    ("text", "must_contain"),
    [
        ("TP53 mutations", {"tp53"}),
        ("tp53", {"tp53"}),
        ("miR-196a-5p is upregulated", {"mir-196a-5p", "mir-196a", "mirna"}),
        ("PI3K-Akt signaling", {"pi3k-akt", "pi3k", "akt"}),
        ("Let- 7", {"let-7"}),
        ("let-7", {"let-7"}),
        ("hsa-let-7a", {"let-7a", "let-7"}),
        ("CD4 memory T cells", {"cd4"}),
        ("post-treatment ER+ tumors", {"er+"}),
        ("ER-positive tumours", {"er+", "tumor"}),
        ("Menyhárt", {"menyhart"}),
        ("NR4A1 and ABCB1", {"nr4a1", "abcb1"}),
    ],
)
def test_names_survive(text, must_contain):
    assert must_contain <= set(tokenize(text))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("microRNA-21", "miR-21"),
        ("hsa-miR-21", "miR-21"),
        ("mir 21", "miR-21"),
        ("Let- 7", "let-7"),
        ("Menyhárt", "Menyhart"),
        ("TP53", "tp53"),
        ("MicroRNAs", "miRNA"),
        ("long non-coding RNAs", "lncRNA"),
        ("mutated genes", "mutation gene"),
    ],
)
def test_spellings_meet(a, b):
    assert set(tokenize(b)) <= set(tokenize(a))


def test_greek_letters_stay_distinct_and_meet_their_spelling():
    assert tokenize("IL-1β")[0] == "il-1beta" and tokenize("IL-1α")[0] == "il-1alpha"
    assert tokenize("IL-1 beta")[0] == tokenize("IL-1β")[0]
    assert tokenize("TGF-β") == tokenize("TGF beta")
    assert tokenize("Aβ42") == ["abeta42"]
    assert "beta" in tokenize("with beta blockers")  # a Greek word after a plain word stays a word


def test_bacterial_gene_names_are_symbols():
    from bcqa.text import is_symbol

    assert all(is_symbol(w) for w in ("gyrA", "mecA", "blaKPC", "mTOR", "TP53", "ER+"))
    assert not any(is_symbol(w) for w in ("Gene", "resistance", "The"))


def test_ordinary_words_and_names():
    from bcqa.text import is_ordinary

    assert all(is_ordinary(w) for w in ("amplification", "overexpression", "upregulated", "copper"))
    assert not any(is_ordinary(w) for w in ("vancomycin", "oseltamivir", "trastuzumab", "cisplatin"))


def test_common_words_are_everyday_english_beyond_the_model_vocabulary():
    from bcqa.text import english_words, is_common

    assert "growers" not in english_words() and is_common("growers") and is_common("Pandemic")
    assert not any(is_common(w) for w in ("vancomycin", "oseltamivir", "glioblastoma", "peramivir"))


def test_symbols_are_not_stemmed_but_words_are():
    # A final capital S is part of the symbol (FOS, RAS); a lower-case s after an acronym is its plural.
    assert tokenize("ISGs FOS RAS") == ["isg", "fos", "ras"]
    assert tokenize("resistant resistance")[0] == tokenize("resistance")[0]


def test_stopwords_and_punctuation_dropped():
    assert tokenize("What is the ... ?") == []
    assert tokenize("") == []


def test_normalise_keeps_case_for_symbol_detection():
    assert normalise("microRNA-21 and Let- 7") == "mir-21 and let-7"


def test_distinct_mirnas_stay_distinct():
    assert "mir-21" not in tokenize("miR-210")
    assert "mir-200c" not in tokenize("miR-200b")


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_fold_of_ascii_text_is_what_the_full_unicode_path_gives(text):
    import unicodedata

    from bcqa import text as t

    full = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    assert fold(text) == full.translate(t._DASHES).translate(t._SPACES).translate(t._SLASH).translate(t._GREEK_TABLE)


@settings(max_examples=500, deadline=None, database=None)
@given(
    st.text(alphabet=st.characters(max_codepoint=127), max_size=20)
    | st.from_regex(r"[a-zA-Z0-9+\-]{0,8}", fullmatch=True)
)
def test_is_symbol_of_ascii_is_what_the_character_test_gives(token):
    expected = (
        any(c.isdigit() for c in token)
        or token.endswith("+")
        or sum(c.isupper() for c in token) >= 2
        or bool(re.search(r"[a-z][A-Z]", token))
    )
    assert is_symbol(token) == expected


def test_a_stopword_has_no_tokens_in_any_case():
    # query._uncovered_words skips stopwords without tokenizing them on this ground.
    assert not [w for w in STOPWORDS for v in (w, w.upper(), w.capitalize()) if tokenize(v)]


_FRAGMENTS = (
    "miR", "MIR", "mir", "micro", "RNA", "rna", "microRNA", "-", " ", "21", "7", "let", "Let", "hsa-", "mmu-",
    "lncRNA", "long", "non", "coding", "RNAs", "beta", "Alpha", "IL-1", "TNF", "'s", "\u2019s", "positive", "ER",
    "HER2", "tumour", "Tumours", "oestrogen", "haematological", "eta", "L", "M", "iota", "x",
)  # fmt: skip


@settings(max_examples=500, deadline=None, database=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12).map("".join) | st.text(max_size=30))
def test_normalise_skipping_rewrites_that_cannot_match_changes_nothing(text):
    from bcqa import text as t

    full = t._POSSESSIVE.sub("", fold(text))
    full = t._GREEK_WORD.sub(lambda m: m.group(1).lower(), full)
    full = t._MIRNA_PREFIX.sub("mir-", full)
    full = t._LET7.sub("let-", full)
    full = t._LNCRNA_WORD.sub("lncrna", full)
    full = t._MIRNA_WORD.sub("mirna", full)
    full = t._POSITIVE.sub(r"\1+", full)
    assert normalise(text) == full


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("tumours", "tumors"),
        ("oestrogen", "estrogen"),
        ("faecal", "fecal"),
        ("anaemia", "anemia"),
        ("oedema", "edema"),
        ("paediatric", "pediatric"),
        ("behaviour", "behavior"),
        ("characterised", "characterized"),
        ("analyse", "analyze"),
        ("organisation", "organization"),
        # Three letters before the -is- as well (ionising was one token, ionizing another).
        ("ionising", "ionizing"),
        ("ionisation", "ionization"),
    ],
)
def test_british_spellings_meet_american_ones_by_rule(british, american):
    assert tokenize(british) == tokenize(american) and tokenize(british.capitalize()) == tokenize(american)


def test_spelling_rules_leave_short_and_plain_words_alone():
    assert tokenize("four hours goes") == ["four", "hour", "goe"]


@pytest.mark.parametrize(
    ("plural", "singular"), [("ESBLs", "ESBL"), ("ICIs", "ICI"), ("SNPs", "SNP"), ("NSAIDs", "NSAID")]
)
def test_a_plural_acronym_is_its_acronym(plural, singular):
    assert tokenize(plural) == tokenize(singular) == [singular.lower()]


def test_a_symbol_ending_in_a_capital_s_is_not_a_plural():
    assert tokenize("RAS") == ["ras"] and tokenize("mAbs") == ["mabs"]


def test_a_greek_letter_after_a_slash_is_a_name_of_its_own():
    """ "WNT/β-catenin" is WNT and β-catenin; "TNF α" is one name, as before."""
    assert tokenize("WNT/β-catenin activating")[:3] == ["wnt", "beta-catenin", "beta"]
    assert tokenize("TNF α") == ["tnfalpha"] and tokenize("TGF-β/SMAD") == ["tgfbeta", "smad"]
    assert tokenize("PI3K/AKT/mTOR") == ["pi3k", "akt", "mtor"]
