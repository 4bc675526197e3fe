"""Query analysis: references, list questions, unknown entities, expansions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bcqa.query import (
    analyse,
    asks_for_quantity,
    find_references,
    is_list_question,
    is_overview_question,
    names_in,
    pasted_title,
    quantity_kind,
    without_words,
)
from bcqa.text import english_words, tokenize


@pytest.fixture(scope="module")
def vocab(document):
    return frozenset(t for s in document.statements for t in tokenize(s.text))


ALIASES = {"p53": ["tp53"], "lat1": ["slc7a5"], "beta-catenin": ["ctnnb1"], "nur77": ["nr4a1"]}


@pytest.mark.parametrize(
    ("question", "refs"),
    [
        ("What does reference 13 say?", (13,)),
        ("[9]", (9,)),
        ("What do refs 2 and 3 report?", (2, 3)),
        ("What does ref. 17 report?", (17,)),
        ("What did Post et al. find?", (9,)),
        ("What did Menyhart and colleagues report?", (7,)),
        ("Which statements cite Xia and Powell?", (2,)),
        ("What did the Kneubil study show?", (3,)),
        ("Which claims rely on the Theranostics paper?", (8,)),
        ("What did the Frontiers in Oncology articles contribute?", (14, 15)),
        ("What does the 2018 Oncology Reports study show?", (12,)),
        ("What does the chemoresistome mapping paper conclude?", (18,)),
        ("Which study was published in 2016?", (17,)),
    ],
)
def test_reference_questions(document, question, refs):
    assert find_references(question, document.references, english_words()) == (refs, ())


@pytest.mark.parametrize(
    "question",
    [
        "Post-treatment changes in ER+ tumours?",
        "Look at the MDR1 data: what does it show?",
        "Who won the football world cup in 2018?",
        "What does the review say about DNA repair gene expression?",
        "Is TP53 mutated in resistant groups?",
        # Two words of a title beside "paper", among many others: a fact question, searched.
        "What does the chemoresistome mapping paper say about how tumours change after chemotherapy?",
    ],
)
def test_not_reference_questions(document, question):
    assert find_references(question, document.references, english_words()) == ((), ())


def test_missing_reference_number(document):
    assert find_references("What does reference 25 say?", document.references) == ((), (25,))


@pytest.mark.parametrize(
    "question",
    [
        "Which microRNAs are linked to radioresistance?",
        "Which genes are associated with radioresistance?",
        "List the non-coding RNAs that make radiotherapy more effective.",
        "What mutations are linked to chemotherapy resistance?",
    ],
)
def test_list_questions(question):
    assert is_list_question(question)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("How many patients carried the mutation?", True),
        ("What proportion of isolates were resistant to florfenicol?", True),
        ("By how much did the vaccine cut hospital admissions?", True),
        ("How often does the infection come back within a year?", True),
        ("In what year was the strain first described?", True),
        ("How does PTEN loss blunt apoptosis?", False),
        ("What does HOTAIR do?", False),
        ("Which genes are associated with radioresistance?", False),
    ],
)
def test_questions_that_ask_for_a_number(question, asks):
    assert asks_for_quantity(question) is asks
    assert analyse(question, frozenset(), {}, {}).asks_quantity is asks


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What fraction of patients had lower HER2 levels at progression?", "share"),
        ("What proportion of isolates were resistant to florfenicol?", "share"),
        ("How long was median PFS on pirtobrutinib?", "duration"),
        ("How long was median overall survival in the combination arm?", "duration"),
        ("What was the median overall survival in the combination arm?", None),  # no "how long": not asked as a number
        ("How many patients carried the mutation?", None),
        ("By how much did the vaccine cut hospital admissions?", None),
        ("Which share of the market is held by generics?", None),  # asks for no number ("which", not "what")
        ("How long is the gene?", "duration"),  # a length, read as a duration: the penalty is small
        ("What does HOTAIR do?", None),
    ],
)
def test_the_kind_of_number_a_question_asks_for(question, kind):
    assert quantity_kind(question) == kind
    assert analyse(question, frozenset(), {}, {}).quantity_kind == kind


@pytest.mark.parametrize(
    "question",
    [
        "Is MAPK14 a hub gene?",
        "What happens to ECM genes after chemotherapy?",
        "What kinds of changes drive resistance?",
    ],
)
def test_not_list_questions(question):
    assert not is_list_question(question)


@pytest.mark.parametrize(
    "question",
    [
        "What is this review about?",
        "What's it about?",
        "What topics does this review cover?",
        "Summarize this document.",
        "Summarise the paper",
        "Give me an overview of the article",
        "What are the main points?",
        "What does the review say?",
        "What is the scope of the review?",
        "What are these reviews about?",
        "What is this note about?",  # a user's own note, report or file is the document too
        "Summarise the report",
        "What does this file cover?",
    ],
)
def test_overview_questions(question):
    assert is_overview_question(question)
    assert analyse(question, frozenset(), {}, {}).overview


@pytest.mark.parametrize(
    "question",
    [
        "What does the review say about HOTAIR?",  # a subject: a search
        "Summarize the findings on cisplatin",
        "What is the main mechanism of resistance?",
        "What does this review conclude?",
        "What is the role?",  # no subject and no word about the document
        "How is a urinary tract infection treated?",
        "What is reported?",  # "report" the verb names no document
        "What notes are there on dosing?",
    ],
)
def test_not_overview_questions(question):
    assert not is_overview_question(question)
    assert not analyse(question, frozenset({"hotair", "cisplatin"}), {}, {}).overview


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("Does HER2 amplification predict resistance to trastuzumab?", ("HER2", "trastuzumab")),
        ("Does cisplatin resistance involve miR-155?", ("cisplatin", "miR-155")),
        ("Is PD-L1 linked to radiotherapy failure?", ("PD-L1",)),
        ("Does glioblastoma resist radiation?", ("glioblastoma",)),
        # Everyday English the model's vocabulary lacks is no name (wordfreq: among the commonest
        # words); a common disease name goes with it: melanoma is a word of English, glioblastoma a name.
        ("What can growers do about pandemic spread?", ()),
        ("Does melanoma resist radiation?", ()),
        # Outside oncology: antibiotics, antivirals, bacterial genes, neurology.
        ("Does vancomycin resistance involve vanA?", ("vancomycin", "vanA")),
        ("Is oseltamivir still useful?", ("oseltamivir",)),
        ("Do Pseudomonas strains carry mecA?", ("Pseudomonas", "mecA")),
        ("Is IL-1β raised?", ("IL-1β",)),
        ("Does miR-21 promote radioresistance?", ()),
        ("Which CYP genes go up?", ()),
        ("How do BRCA-deficient tumours respond?", ()),
        ("Is p53 or LAT1 involved?", ()),
        ("Is breast cancer resistance linked to tamoxifen?", ()),
        ("How does P4HA2 make cancer cells resist radiation?", ()),
        # A rare word shaped like a qualifying adjective or a verb describes; it names nothing the document lacks.
        ("Is ferrous iron better?", ()),
        ("Which tumours became refractory to tamoxifen?", ()),
        ("What is the minimum inhibitory concentration?", ()),
        ("Were the spores internalised or sterilised?", ()),
        ("How do the enzymes detoxify cisplatin?", ("cisplatin",)),
        # ... but one in plain "-al" may stand for a class of things, and a name stays a name.
        ("Which antiretroviral regimen is first-line?", ("antiretroviral",)),
        ("Does tigecycline work?", ("tigecycline",)),
    ],
)
def test_unknown_names(vocab, question, unknown):
    assert names_in(question, vocab, ALIASES)[0] == unknown


def test_named_subjects_the_document_uses(vocab):
    assert names_in("What does HOTAIR do?", vocab, ALIASES)[:2] == ((), ("HOTAIR",))
    assert names_in("What is the role of NEAT1?", vocab, ALIASES)[1] == ("NEAT1",)


def test_a_name_with_a_dot_between_digits_is_read_whole():
    """ "9p24.1" is one token for the index, so the question's "9p24.1" is that name, not "9p24"."""
    vocabulary = frozenset({"9p24.1", "amplif", "ch14.18"})
    assert names_in("Does 9p24.1 amplification predict response?", vocabulary, {})[:2] == ((), ("9p24.1",))
    assert names_in("What did ch14.18 add?", vocabulary, {})[0] == ()
    assert names_in("Does 9p21.3 loss matter?", vocabulary, {})[0] == ("9p21.3",)
    assert names_in("Were U.S. patients treated?", vocabulary, {})[0] == ()  # letters, not a name


def test_pasted_title_finds_its_reference(document):
    title = document.references[14].title
    assert pasted_title(title, document.references) == {14}
    assert pasted_title(" ".join(title.split()[:-2]), document.references) == {14}
    assert pasted_title("Which non-coding RNAs matter?", document.references) == set()


def test_first_author_beats_coauthors(document):
    # Liu Z is the first author of [1]; Liu J and Liu E are co-authors of [8] and [11].
    assert find_references("What did Liu et al. find?", document.references, english_words()) == ((1,), ())


def test_authors_of_apa_and_nature_lists_are_their_surnames_not_their_initials():
    from bcqa.types import surnames_of

    assert surnames_of("Hsu, P. D., Lander, E. S. & Zhang, F") == ("Hsu", "Lander", "Zhang")
    assert surnames_of("Smith, J., & Jones, K") == ("Smith", "Jones")
    assert surnames_of("Jinek, M. et al") == ("Jinek",)
    assert surnames_of("Liu Z, Gao J, et al") == ("Liu", "Gao")
    assert surnames_of("J. Smith, K. Jones, and L. Brown") == ("Smith", "Jones", "Brown")
    assert surnames_of("Ó Súilleabháin, C., Byrne, D. & Walsh, E") == ("O Suilleabhain", "Byrne", "Walsh")
    assert surnames_of("Whitfield, R.A., Nakamura, S. and Berglund, T") == ("Whitfield", "Nakamura", "Berglund")


def test_a_name_in_the_reference_titles_only_is_cited_not_unknown():
    vocabulary = frozenset({"antibiot", "use", "shorter", "surviv"})
    question = "Do antibiotics hurt immunotherapy outcomes?"
    plain = analyse(question, vocabulary, {}, {})
    assert plain.unknown == ("immunotherapy",) and plain.cited_only == ()
    cited = analyse(question, vocabulary, {}, {}, cited=frozenset({"immunotherapi", "melanoma"}))
    assert cited.unknown == () and cited.cited_only == ("immunotherapy",)
    assert "immunotherapy" not in cited.uncovered


@pytest.mark.parametrize(
    ("question", "vocabulary", "expansion"),
    [
        ("Is IL6 an early marker?", {"il-6", "il", "6", "early", "marker"}, ("il6", "il-6")),
        ("Does CTLA-4 matter?", {"ctla4", "matter"}, ("ctla-4", "ctla4")),
        # A marker with or without its "+": the document writes CD8+ T cells, the question CD8.
        ("Which CD8 T cells matter?", {"cd8+", "t", "cell", "matter"}, ("cd8", "cd8+")),
        ("Do KPC-positive isolates matter?", {"kpc", "kpc-producing", "isol", "matter"}, ("kpc+", "kpc")),
        ("Why do CD133-positive cells matter?", {"cd133+", "cell", "matter"}, ("cd133", "cd133+")),
    ],
)
def test_a_symbol_with_or_without_its_hyphen_or_plus_is_the_documents_symbol(question, vocabulary, expansion):
    q = analyse(question, frozenset(vocabulary), {}, {})
    assert q.unknown == () and q.expansions[expansion[0]] == expansion[1] and expansion[1] in q.tokens
    assert analyse("Is IL7 an early marker?", frozenset(vocabulary), {}, {}).unknown == ("IL7",)
    # Another marker is still another name.
    assert analyse("Which CD4 T cells matter?", frozenset({"cd8+", "t", "cell"}), {}, {}).unknown == ("CD4",)


def test_a_url_only_reference_is_named_by_its_site():
    from bcqa.render import short_reference
    from bcqa.types import Reference

    refs = {
        1: Reference(
            1, "https://www.cdc.gov/antimicrobial-resistance/", link="https://www.cdc.gov/antimicrobial-resistance/"
        ),
        2: Reference(2, "https://www.ecdc.europa.eu/en/amr", link="https://www.ecdc.europa.eu/en/amr"),
        3: Reference(3, "Doe J. Title. J Med. 2020.", title="Title", authors="Doe J", link="https://cdc.gov/x"),
    }
    assert find_references("What does the CDC report?", refs) == ((1,), ())
    assert find_references("Which statements cite ECDC?", refs) == ((2,), ())
    # Not the word written in lower case, and not a reference that has authors to name it by.
    assert find_references("What does the cdc report?", refs) == ((), ())
    assert short_reference(refs[1]) == "cdc.gov" and short_reference(refs[3]) == "Doe"


def test_aliases_expand_only_when_the_document_lacks_the_word(document, vocab):
    q = analyse("Is LAT1 higher in resistant tumours?", vocab, ALIASES, document.references)
    assert "slc7a5" in q.tokens and q.expansions == {"lat1": "slc7a5"} and "SLC7A5" in q.dense_text
    q = analyse("Why is the role of p53 complicated?", vocab, ALIASES, document.references)
    assert "tp53" not in q.tokens  # the document says p53 itself


def test_learnt_abbreviations_join_both_spellings():
    from bcqa.sparse import statement_tokens

    table = {"ecm": "extracellular matrix"}
    assert {"extracellular", "matrix"} <= set(statement_tokens("ECM genes rise.", abbreviations=table))
    assert "ecm" in statement_tokens("Extracellular matrix genes rise.", abbreviations=table)
    both = statement_tokens("Extracellular matrix (ECM) genes rise.", abbreviations=table)
    assert both.count("extracellular") == 1 and both.count("ecm") == 1


_SPELLED = [
    "Median progression-free survival was 9 months in the United States.",
    "Resistance to this single drug grew, and RNA-dependent RNA polymerase changes were rare.",
    "Single-nucleotide polymorphisms in the Global Burden of Disease study.",
]


@pytest.mark.parametrize(
    ("abbreviation", "spelled"),
    [
        ("PFS", True),  # hyphen between the words, any case
        ("RdRp", True),
        ("SNPs", True),  # a plural "s" is no letter of the words
        ("GBD", True),  # one small word between two of them
        ("US", True),  # two letters: capitalised words only
        ("RTS", False),  # "Resistance to this single": function words spell nothing
        ("MS", False),  # "months" and nothing capitalised after it
        ("OS", False),
    ],
)
def test_an_abbreviation_the_document_spells_out(abbreviation, spelled):
    from bcqa.query import Spellings

    assert Spellings(lambda: _SPELLED)(abbreviation) is spelled


def test_an_abbreviation_spelled_out_is_neither_missing_nor_a_name_used():
    """ "PFS" of a review that writes "progression-free survival" is not what it lacks; it is no
    name that makes a question about an absent drug one the review covers, either."""
    from bcqa.query import Spellings

    vocabulary = frozenset(tokenize(" ".join(_SPELLED)))
    spells = Spellings(lambda: _SPELLED)
    assert names_in("How long was PFS?", vocabulary, {}, spells_out=spells)[0] == ()
    assert names_in("How long was PFS?", vocabulary, {})[0] == ("PFS",)
    unknown, named, spoken = names_in("Does the PFS of ceralasertib differ?", vocabulary, {}, spells_out=spells)
    assert unknown == ("ceralasertib",) and named == () and spoken == ()


def test_coverage_and_uncovered_words(document, vocab):
    q = analyse("What is the capital of France?", vocab, {}, document.references)
    assert q.coverage == 0.0 and q.uncovered == ("capital", "France")
    q = analyse("Which biomarkers are ready for clinical use?", vocab, {}, document.references)
    assert q.uncovered == ("biomarkers", "clinical")  # not the vague "ready", "use"
    q = analyse("Is TP53 mutated in anthracycline-sensitive tumours?", vocab, {}, document.references)
    assert q.coverage == 1.0 and q.uncovered == ()


def test_et_al_is_no_word_the_document_lacks(document, vocab):
    """A first author the list does not give (no reference matches) leaves "et al." out of every word check."""
    q = analyse("What did Kowalczyk et al. find on TP53 mutations?", vocab, {}, document.references)
    assert not q.references and q.unknown == ("Kowalczyk",) and q.uncovered == ("Kowalczyk",)
    assert q.specific_coverage == pytest.approx(2 / 3)  # "Kowalczyk" missing; "TP53", "mutations" known


def test_specific_coverage_counts_only_the_words_a_question_is_about(document, vocab):
    """The breast-cancer review says "resistance" and "develop", never "insulin"."""
    q = analyse("How does insulin resistance develop in type 2 diabetes?", vocab, {}, document.references)
    assert q.specific_coverage == 0.0  # only "insulin" is specific: "diabetes", "resistance", "2" are common
    q = analyse("Is HOTAIR overexpressed in chemoresistant tumours?", vocab, {}, document.references)
    assert q.specific_coverage == 1.0
    q = analyse("What is the role of the cell?", vocab, {}, document.references)
    assert q.specific_coverage == 1.0  # no specific word: nothing to miss


# The family-prefix check by binary search must say what listing every prefix says.
_VOCAB_WORD = st.text(alphabet="abcy0123²-", min_size=1, max_size=7)


@settings(max_examples=300, deadline=None, database=None)
@given(vocabulary=st.frozensets(_VOCAB_WORD, max_size=40), token=_VOCAB_WORD)
def test_family_prefix_search_matches_every_prefix_listed(vocabulary, token):
    from bcqa.query import _is_family_prefix

    listed = {v[:i] for v in vocabulary for i in range(1, len(v)) if v[i].isdigit()}
    assert _is_family_prefix(token, tuple(sorted(vocabulary))) == (token in listed)


def test_another_form_of_a_document_word_is_no_name_it_lacks():
    """ "migraineurs" in a review of migraine, "effectors" in one that speaks of effects: a question
    using them is about the document (dev, 2026-12-03: four false abstentions on four documents)."""
    vocabulary = frozenset(
        tokenize("Chronic migraine and the effect of FAT1 loss on CDK6 in peramivir trials of Staphylococcus")
    )
    assert names_in("Do chronic migraineurs respond?", vocabulary, {})[0] == ()
    assert names_in("Do staphylococci resist peramivir?", vocabulary, {})[0] == ()
    assert names_in("Through which effectors does FAT1 loss act on CDK6?", vocabulary, {})[0] == ()
    # A drug sharing a stem is another drug, and a short word has no family.
    assert names_in("Does oseltamivir work?", vocabulary, {})[0] == ("oseltamivir",)
    assert names_in("Is zanamivir better than peramivir?", vocabulary, {})[0] == ("zanamivir",)


_PLAIN_WORD = st.text(alphabet="abcdef", min_size=1, max_size=11)


@settings(max_examples=300, deadline=None, database=None)
@given(vocabulary=st.frozensets(_PLAIN_WORD, max_size=40), token=_PLAIN_WORD)
def test_family_word_search_matches_the_definition(vocabulary, token):
    """The binary search finds a family member exactly when one exists: six or more shared leading
    letters, and at most three letters of either word past them."""
    import os

    from bcqa.query import _FAMILY_STEM, _FAMILY_TAIL, _family_word

    def related(word):
        shared = len(os.path.commonprefix((token, word)))
        return shared >= _FAMILY_STEM and max(len(token), len(word)) - shared <= _FAMILY_TAIL

    assert _family_word(token, vocabulary) == any(related(w) for w in vocabulary)


@pytest.mark.parametrize(
    ("authors", "who"),
    [
        ("Post AEM, Smid M, Nagelkerke A, et al", "Post et al."),
        ("Okonkwo, A. C., & Brandt, S", "Okonkwo and Brandt"),
        ("Xia Y, Powell SN", "Xia and Powell"),
        ("Hsu, P. D., Lander, E. S. & Zhang, F", "Hsu et al."),
        ("Doe J", "Doe"),
    ],
)
def test_a_short_reference_names_one_or_two_authors_and_et_al_for_more(authors, who):
    from bcqa.render import short_reference
    from bcqa.types import Reference

    ref = Reference(1, "x", title="T", authors=authors, journal="J Med", year=2020)
    assert short_reference(ref) == f"{who}, J Med 2020"


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        # The first name is one the document lacks: the question is about it.
        ("Does peramivir keep its activity against H275Y viruses?", True),
        ("How does loss of DYNLL1 make BRCA1-mutant tumours resist olaparib?", True),
        # A known name comes first: the missing one only qualifies it.
        ("By how much does E119V raise the oseltamivir IC50?", False),
        ("Is oseltamivir broken down by MBLs such as H275Y?", False),
        # Written into the known symbol, the unknown word is part of its name.
        ("How does Siglec H275Y affect uptake?", False),
        # Nothing known is named: no subject to weigh (the question abstains anyway).
        ("Does peramivir work?", False),
    ],
)
def test_an_unknown_name_is_the_subject_when_it_comes_first(question, subject):
    vocabulary = frozenset({"h275y", "brca1", "brca1-mutant", "mutant", "olaparib", "oseltamivir", "e119v", "raise"})
    q = analyse(question, vocabulary, {}, {})
    assert q.unknown and q.unknown_subject is subject


def test_a_one_word_journal_that_is_the_documents_own_topic_word_needs_a_cue():
    """ "... in patients with uncontrolled hypertension" of a hypertension review is no question about the
    papers in *Hypertension*; "the paper published in Hypertension" still is."""
    from bcqa.types import Reference

    refs = {
        1: Reference(1, "x", title="Resistant hypertension", authors="Carey RM", journal="Hypertension", year=2018),
        2: Reference(2, "y", title="Spironolactone", authors="Williams B", journal="Lancet", year=2015),
    }
    vocabulary = frozenset(tokenize("resistant hypertension is common; spironolactone lowers blood pressure"))
    asked = "What blood pressure reduction did drugs achieve in patients with uncontrolled hypertension?"
    assert find_references(asked, refs, vocabulary=vocabulary) == ((), ())
    assert find_references(asked, refs) == ((1,), ())  # without the document's words: read as the journal
    assert find_references("What did the paper published in Hypertension find?", refs, vocabulary=vocabulary) == (
        (1,),
        (),
    )
    assert find_references("What did the Lancet paper show?", refs, vocabulary=vocabulary) == ((2,), ())


def test_a_journal_named_only_by_the_documents_own_words_needs_a_cue():
    """ "How much wave energy do coral reefs absorb?" of a coral review is no question about *Coral Reefs*."""
    from bcqa.types import Reference

    refs = {
        1: Reference(
            1,
            "x",
            title="Do fluctuating temperatures elevate tolerance?",
            authors="Oliver TA",
            journal="Coral Reefs",
            year=2011,
        ),
        2: Reference(2, "y", title="Global warming and bleaching", authors="Hughes TP", journal="Nature", year=2017),
    }
    vocabulary = frozenset(tokenize("coral reefs bleach when heat stress accumulates over summer"))
    asked = "How much wave energy do coral reefs absorb before it reaches the coastline?"
    assert find_references(asked, refs, vocabulary=vocabulary) == ((), ())
    assert find_references("Which papers in Coral Reefs are cited?", refs, vocabulary=vocabulary) == ((1,), ())


def test_a_journal_inside_a_longer_one_and_a_one_word_journal_written_as_a_name():
    """ "the Lancet Neurology paper" named Neurology's papers too; a one-word journal that is an ordinary word
    (*Sleep*, *Chest*) was never named, even as "the Sleep paper". Written as a name (capitalised after the first
    word) in a question about papers or journals, it is; the word alone in a question about sleep is not."""
    from bcqa.text import english_words
    from bcqa.types import Reference

    english = english_words()
    assert "sleep" in english  # an ordinary word of the model's vocabulary
    refs = {
        1: Reference(1, "x", title="Gene therapy", authors="Day JW", journal="The Lancet Neurology", year=2021),
        2: Reference(2, "y", title="Add-on nusinersen", authors="Lindqvist M", journal="Neurology", year=2023),
        3: Reference(3, "z", title="Bright light at night", authors="Eastman CI", journal="Sleep", year=1994),
    }
    assert find_references("What does the Lancet Neurology paper say?", refs, english) == ((1,), ())
    assert find_references("What does the Neurology paper say?", refs, english) == ((2,), ())
    assert find_references("What does the Sleep paper say?", refs, english) == ((3,), ())
    assert find_references("Which studies were published in the journal Sleep?", refs, english) == ((3,), ())
    assert find_references("How does sleep loss affect shift workers?", refs, english) == ((), ())
    assert find_references("Sleep loss: what does the paper say?", refs, english) == ((), ())


def test_a_journal_the_list_lacks_is_not_a_shorter_one_it_holds():
    """ "the Nature Medicine paper" named the *Nature* paper when the list had no *Nature Medicine* (one document
    of several may have it, another only *Nature*): a capitalised word beside a journal's name makes it another
    journal's. A dotted abbreviation ("Chem. Rev.") was read as its first word ("chem") and never named."""
    from bcqa.text import english_words
    from bcqa.types import Reference

    english = english_words()
    refs = {
        1: Reference(1, "a", title="Reticular synthesis", authors="Yaghi OM", journal="Nature", year=2003),
        2: Reference(2, "b", title="Porous carriers", authors="Moreno L", journal="Chem. Rev.", year=2019),
        3: Reference(3, "c", title="MOF drugs", authors="Horcajada P", journal="Angew. Chem., Int. Ed.", year=2006),
    }
    assert find_references("What does the Nature Medicine paper report?", refs, english) == ((), ())
    assert find_references("What did Nature Reviews Chemistry publish?", refs, english) == ((), ())
    assert find_references("What does the Nature paper report?", refs, english) == ((1,), ())
    assert find_references("Which studies were published in Nature?", refs, english) == ((1,), ())
    assert find_references("What Does The Nature Paper Say?", refs, english) == ((1,), ())  # title case
    assert find_references("What does the Chem Rev paper say?", refs, english) == ((2,), ())
    assert find_references("What does the Chem. Rev. paper say?", refs, english) == ((2,), ())
    assert find_references("Which paper appeared in Angew Chem Int Ed?", refs, english) == ((3,), ())
    assert find_references("Is chemistry in this paper?", refs, english) == ((), ())


def test_an_organisation_is_named_by_its_initials_where_the_text_never_writes_them():
    """ "What does the ECDC recommend?" was "not mentioned" and "What does the WHO say?" had "no words to search":
    an acronym names the organisation that wrote a reference ("WHO" of "World Health Organization"), or the site of
    a page without authors ("CDC" of "Centers for Disease Control and Prevention"), one initial maybe left out.
    Where the document writes the acronym itself, a question naming it asks what the text says."""
    from bcqa.text import english_words
    from bcqa.types import Reference

    english = english_words()
    refs = {
        1: Reference(1, "a", title="Priority pathogens list", authors="World Health Organization", year=2024),
        2: Reference(2, "b", title="Wastewater", authors="European Centre for Disease Prevention and Control"),
        3: Reference(
            3, "c", title="Cryptosporidiosis – Symptoms", journal="Centers for Disease Control and Prevention"
        ),
        4: Reference(4, "d", title="Colitis", authors="Ng SC", journal="Inflammatory Bowel Diseases", year=2018),
    }
    vocabulary = frozenset(tokenize("Carbapenem-resistant Enterobacterales are priority pathogens; colitis in IBD."))
    assert find_references("What does the WHO say?", refs, english, vocabulary=vocabulary) == ((1,), ())
    assert find_references("What does the ECDC recommend?", refs, english, vocabulary=vocabulary) == ((2,), ())
    assert find_references("What does the CDC report?", refs, english, vocabulary=vocabulary) == ((3,), ())
    # Written by the document, or a journal of a paper with authors: the question is about the subject.
    assert find_references("Which pathogens does the WHO list as priority?", refs, english, vocabulary=vocabulary) == (
        (),
        (),
    )
    assert find_references("What causes IBD?", refs, english, vocabulary=vocabulary) == ((), ())
    # The text writes "WHO" (which no token tells): the question asks what the text says, unless it says little else.
    writes = frozenset({"WHO", "IBD"}).__contains__
    words = frozenset(tokenize("The WHO sentinel survey reported resistance in leprosy patients."))
    asked = "In the WHO sentinel survey, what share of leprosy patients had resistance?"
    assert find_references(asked, refs, english, vocabulary=words, writes=writes) == ((), ())
    assert find_references("What does the WHO report say?", refs, english, vocabulary=words, writes=writes) == (
        (1,),
        (),
    )
    assert find_references("What does the EDC say?", refs, english, vocabulary=vocabulary) == ((), ())


def test_a_journal_written_out_in_full_names_its_abbreviation():
    """Lists abbreviate ("JAMA Intern Med", "Nat Chem Biol", "N Engl J Med"); users write the name out. "the JAMA
    Internal Medicine trial" named the *JAMA* paper; "Occupational and Environmental Medicine" named nothing. A name
    written as the list writes it, only inflected ("gastric cancers" of *Gastric Cancer*), is no abbreviation."""
    from bcqa.text import english_words
    from bcqa.types import Reference

    english = english_words()
    refs = {
        1: Reference(1, "a", title="Annual vitamin D", authors="Sanders KM", journal="JAMA", year=2010),
        2: Reference(2, "b", title="Monthly vitamin D", authors="Bischoff HA", journal="JAMA Intern Med", year=2016),
        3: Reference(3, "c", title="Shift work", authors="Kivimaki M", journal="Occup Environ Med", year=2020),
        4: Reference(4, "d", title="Ferroptosis", authors="Zou Y", journal="Nat Chem Biol", year=2019),
        5: Reference(5, "e", title="Ferroptosis again", authors="Dixon SJ", journal="Nature", year=2012),
        6: Reference(6, "f", title="Trastuzumab", authors="Bang YJ", journal="N. Engl. J. Med.", year=2010),
        7: Reference(7, "g", title="HER2 loss", authors="Seo S", journal="Gastric Cancer", year=2019),
    }
    asked = {
        "What did the JAMA Internal Medicine trial show?": (2,),
        "What did the JAMA paper show?": (1,),
        "What did the paper in Occupational and Environmental Medicine find?": (3,),
        "What did the Nature Chemical Biology paper report?": (4,),
        "What did the Nature paper report?": (5,),
        "What did the New England Journal of Medicine trial find?": (6,),
        "How often do gastric cancers lose HER2 in the re-biopsy studies?": (),
        "How does internal medicine treat occupational disease?": (),  # no word of papers or journals
    }
    for question, numbers in asked.items():
        assert find_references(question, refs, english) == (numbers, ()), question


@pytest.mark.parametrize(
    ("text", "words", "left"),
    [
        (
            "What dose of tulathromycin is recommended in pigs?",
            ("dose", "pigs"),
            "What of tulathromycin is recommended in ?",
        ),
        ("Does Dose-finding change the dose?", ("dose",), "Does Dose-finding change the ?"),  # not inside a word
        ("Is IL-1beta made by pigs' cells?", ("pigs",), "Is IL-1beta made by pigs' cells?"),  # possessive kept whole
        ("Is C++ faster?", ("C++",), "Is faster?"),
    ],
)
def test_without_words_takes_out_whole_words_only(text, words, left):
    assert without_words(text, words) == left


def test_every_cue_word_is_left_out_of_a_title_match():
    """The words that make a question ask about papers ("study", "papers", "authors" ...) are not title
    words: each one the cue pattern finds is among the tokens left out ("papers" was kept as "paper")."""
    from bcqa import query

    for word in query._CUE_WORDS:
        assert query._REF_CUE.fullmatch(word)
        assert set(tokenize(word)) <= query._CUE_TOKENS, word
