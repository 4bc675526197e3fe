"""Org mode and reStructuredText documents: read as the markdown they stand for."""

from __future__ import annotations

from bcqa.corpus import DOCUMENT_SUFFIXES, parse_document
from bcqa.lightmarkup import org_to_markdown, rst_to_markdown

ORG = """#+TITLE: Macrolide resistance in Mycoplasma bovis
#+AUTHOR: Rachel Whitfield
#+OPTIONS: toc:nil

* Summary
/Mycoplasma bovis/ causes pneumonia in calves [1,2]. Control relies on antimicrobials and/or culling [2].

* Macrolides
** TODO Target-site mutations                                         :rrna:
:PROPERTIES:
:CUSTOM_ID: sec-rrl
:END:
Substitutions at A2058 or A2059 confer resistance [3]. See [[https://example.org/x][the assay]] and =parC=.

#+BEGIN_SRC python
print([1, 2])
#+END_SRC

#+CAPTION: Main determinants.
| Drug class | Target |
|------------+--------|
| Macrolides | rrl3 [3] |

* References
1. Maunsell FP, Woolums AR. Mycoplasma bovis infections in cattle. J Vet Intern Med. 2011;25:772-83.
2. Dudek K, Nicholas RAJ. Mycoplasma bovis infections. Pathogens. 2020;9:640.
3. Lerner U, Amram E. Acquired resistance to tylosin and tilmicosin. Vet Microbiol. 2014;168:365-71.
"""

RST = """==========================================
Insecticide Resistance in the House Fly
==========================================

:Author: T. Lindqvist
:Date: 2025-02-04

.. contents::
   :depth: 2

Pyrethroid resistance
---------------------

Target-site insensitivity
~~~~~~~~~~~~~~~~~~~~~~~~~

The *kdr* allele gives 10- to 30-fold resistance [1]_ [2]_. The ``super-kdr`` allele adds M918T [2]_.

.. note::

   Behavioural avoidance cannot be found by topical bioassays [3]_.

.. code-block:: python

   print("[1]_")

References
----------

.. [1] Williamson MS, Devonshire AL. Mutations in the housefly para-type sodium channel gene. Mol Gen
   Genet. 1996;252:51-60.
.. [2] Sun H, Scott JG. Overcoming super-knock down resistance. Insect Mol Biol. 2016;25:126-137.
.. [3] Gerry AC, Zhang D. Behavioral resistance of house flies to imidacloprid. J Econ Entomol. 2009;102:1130.
"""


def test_an_org_file_is_read_with_its_title_outline_table_and_references():
    document = parse_document(ORG, "mbovis.org")
    assert document.title == "Macrolide resistance in Mycoplasma bovis"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Summary", "Mycoplasma bovis causes pneumonia in calves.", (1, 2)),
        ("Summary", "Control relies on antimicrobials and/or culling.", (2,)),
        ("Target-site mutations", "Substitutions at A2058 or A2059 confer resistance.", (3,)),
        ("Target-site mutations", "See the assay and parC.", ()),
        ("Target-site mutations", "Drug class: Macrolides; Target: rrl3", (3,)),
    ]
    assert sorted(document.references) == [1, 2, 3]


def test_markdown_whose_bullets_are_stars_is_no_org_file():
    text = "# Review\n\n* Efflux matters [1].\n* Porins matter [1].\n"
    assert org_to_markdown(text) is text


def test_a_restructuredtext_file_is_read_with_its_title_sections_citations_and_references():
    document = parse_document(RST, "musca.rst")
    assert document.title == "Insecticide Resistance in the House Fly"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Target-site insensitivity", "The kdr allele gives 10- to 30-fold resistance.", (1, 2)),
        ("Target-site insensitivity", "The super-kdr allele adds M918T.", (2,)),
        ("Target-site insensitivity", "Behavioural avoidance cannot be found by topical bioassays.", (3,)),
    ]
    assert sorted(document.references) == [1, 2, 3]
    assert document.references[1].journal.startswith("Mol Gen")
    assert not document.warnings


def test_text_with_one_stray_rst_like_mark_is_left_alone():
    text = "# Review\n\nA footnote-like [1]_ once.\n"
    assert rst_to_markdown(text) is text


def test_org_and_rst_files_are_documents_of_a_corpus_folder():
    assert {".org", ".rst"} <= set(DOCUMENT_SUFFIXES)


SLIDES = """Slide 1
Aspirin Resistance in Diabetes
\tHigh on-aspirin platelet reactivity
\tPharmacology Module - Lecture 9
Notes: This lecture asks why aspirin protects people with diabetes less well.

Slide 2
Why diabetes and aspirin?
\tDiabetes doubles the risk of myocardial infarction [2]
\tPrimary prevention: small benefit, offset by bleeding [1]
\t\tmajor bleeding rose from 3.2% to 4.1% [1]
Notes: In ASCEND, 15,480 adults were randomised to aspirin or placebo [1]. Events fell [1].

Slide 3: Mechanisms
\tNew platelets carry unacetylated COX-1 [2]

Slide 4
References
\t1. ASCEND Study Collaborative Group. Effects of aspirin in diabetes. N Engl J Med. 2018;379:1529-39.
\t2. Rocca B, Santilli F. The recovery of platelet cyclooxygenase activity. J Thromb Haemost. 2012;10:1220-30.
"""


def test_a_slide_decks_outline_gives_a_heading_per_slide_its_points_and_its_notes():
    document = parse_document(SLIDES, "lecture.txt")
    assert document.title == "Aspirin Resistance in Diabetes"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Overview", "This lecture asks why aspirin protects people with diabetes less well.", ()),
        ("Why diabetes and aspirin?", "Diabetes doubles the risk of myocardial infarction", (2,)),
        ("Why diabetes and aspirin?", "Primary prevention: small benefit, offset by bleeding", (1,)),
        ("Why diabetes and aspirin?", "major bleeding rose from 3.2% to 4.1%", (1,)),
        ("Why diabetes and aspirin?", "In ASCEND, 15,480 adults were randomised to aspirin or placebo.", (1,)),
        ("Why diabetes and aspirin?", "Events fell.", (1,)),
        ("Mechanisms", "New platelets carry unacetylated COX-1", (2,)),
    ]
    assert sorted(document.references) == [1, 2]


def test_two_slide_lines_make_no_deck():
    from bcqa.lightmarkup import slides_to_markdown

    text = "Slide 1\nIntro\n\nSlide 2\nMore text here.\n"
    assert slides_to_markdown(text) is text


OUTLINE = """title:: Candida parapsilosis azole resistance
tags:: [[mycology]], [[antifungal resistance]]

- ## Overview
\t- [[Candida parapsilosis]] spreads on the hands of healthcare workers [1]. #review
- ## Mechanisms #mechanisms
\t- ### Target alteration in [[ERG11]]
\t\t- The Y132F substitution weakens azole binding [2].
\t\t  collapsed:: true
\t- #[[treatment failure]] checklist for the ward round
\t\t- Remove every central line [1, 2].
- ## References
\t- 1. Trofa D, Gacser A. Candida parapsilosis, an emerging fungal pathogen. Clin Microbiol Rev. 2008;21:606-25.
\t- 2. Grossman NT, Pham CD. Mechanisms of fluconazole resistance. Antimicrob Agents Chemother. 2015;59:1030-7.
"""


def test_an_outliners_page_gives_its_title_headings_bullets_and_references():
    document = parse_document(OUTLINE, "candida.md")
    assert document.title == "Candida parapsilosis azole resistance"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Overview", "Candida parapsilosis spreads on the hands of healthcare workers.", (1,)),
        ("Target alteration in ERG11", "The Y132F substitution weakens azole binding.", (2,)),
        ("Target alteration in ERG11", "Remove every central line.", (1, 2)),
    ]
    assert document.statements[-1].context == "treatment failure checklist for the ward round"
    assert sorted(document.references) == [1, 2]


def test_a_markdown_list_is_no_outliners_page():
    from bcqa.lightmarkup import outline_to_markdown

    text = "# Review\n\n## Mechanisms\n\n- Efflux matters [1].\n- Porins matter [1].\n"
    assert outline_to_markdown(text) is text


ASCIIDOC = """= Resistance to Non-Covalent BTK Inhibitors in CLL
Miriam Osei-Bonsu; Tomasz Wieczorek
:revdate: 2026-11-30
:toc: left

== Background

Ibrutinib binds cysteine 481, and CLL escapes it through C481S <<ref1>><<ref2>>.
PLCG2 mutations are a second route <<ref2,[2]>>.

[NOTE]
====
Kinase-dead mutations are a diagnostic trap <<ref3>>.
====

[source,python]
----
print("<<ref1>>")
----

.Susceptibility of BTK mutations
[cols="1,2",options="header"]
|===
|BTK mutation |Pirtobrutinib
|C481S |Sensitive <<ref3>>
|===

[bibliography]
== References

- [[[ref1]]] Woyach JA, Furman RR. Resistance mechanisms for ibrutinib. N Engl J Med. 2014;370:2286-94.
- [[[ref2]]] Mato AR, Shah NN. Pirtobrutinib in relapsed or refractory B-cell malignancies. Lancet. 2021;397:892-901.
- [[[ref3]]] Wang E, Mi X. Mechanisms of resistance to noncovalent BTK inhibitors. N Engl J Med. 2022;386:735-43.
"""


def test_an_asciidoc_file_gives_its_title_sections_cross_references_table_and_bibliography():
    document = parse_document(ASCIIDOC, "cll.adoc")
    assert document.title == "Resistance to Non-Covalent BTK Inhibitors in CLL"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Background", "Ibrutinib binds cysteine 481, and CLL escapes it through C481S.", (1, 2)),
        ("Background", "PLCG2 mutations are a second route.", (2,)),
        ("Background", "Kinase-dead mutations are a diagnostic trap.", (3,)),
        ("Background", "BTK mutation: C481S; Pirtobrutinib: Sensitive", (3,)),
    ]
    assert sorted(document.references) == [1, 2, 3]
    assert {".adoc", ".asciidoc"} <= set(DOCUMENT_SUFFIXES)


def test_markdown_with_a_rule_of_equals_signs_is_no_asciidoc():
    from bcqa.lightmarkup import asciidoc_to_markdown

    text = "Resistance review\n=================\n\nEfflux matters [1].\n"
    assert asciidoc_to_markdown(text) is text


TEXTILE = """h1. Why levetiracetam and valproate fail in JME

_Epilepsy service wiki. Last reviewed 11 February 2025._

{{toc}}

h2. Background

JME was first described by Janz in 1957[1]. It is common.

It helps to separate three situations:

# *true pharmacoresistance*, where seizures continue[2]
# *pseudo-resistance*, where adherence is the problem

|_. Drug |_. Main concern |
| Valproate | teratogenicity[2] |

See "the guideline":https://example.org/g for details[1].

h2. References

fn1. Janz D, Christian W. Impulsiv-Petit mal. Dtsch Z Nervenheilkd. 1957;176:346-86.

fn2. Marson A, Burnside G. Levetiracetam versus valproate for generalised epilepsy (SANAD II). Lancet. 2021;397:1375-86.
"""


def test_a_textile_page_gives_its_headings_lists_table_footnote_markers_and_footnotes():
    document = parse_document(TEXTILE, "jme.textile")
    assert document.title == "Why levetiracetam and valproate fail in JME"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Background", "JME was first described by Janz in 1957.", (1,)),
        ("Background", "It is common.", ()),
        ("Background", "true pharmacoresistance, where seizures continue", (2,)),
        ("Background", "pseudo-resistance, where adherence is the problem", ()),
        ("Background", "Drug: Valproate; Main concern: teratogenicity", (2,)),
        ("Background", "See the guideline for details.", (1,)),
    ]
    assert sorted(document.references) == [1, 2]
    assert {".textile"} <= set(DOCUMENT_SUFFIXES)


def test_one_textile_like_line_makes_no_textile_page():
    from bcqa.lightmarkup import textile_to_markdown

    text = "# Review\n\nh1. is a heading in Textile [1].\n"
    assert textile_to_markdown(text) is text


WIKI = """{{Infobox drug
| name = Colistin
| class = [[Polymyxin]]
}}
{{Main|Polymyxin resistance}}
'''Colistin resistance''' is the loss of susceptibility to [[colistin|polymyxin E]].<ref name="liu">{{cite journal
 |last1=Liu |first1=Yi-Yun |last2=Wang |first2=Yang
 |title=Emergence of plasmid-mediated colistin resistance mechanism MCR-1
 |journal=Lancet Infect Dis |year=2016 |volume=16 |pages=161-168 |doi=10.1016/S1473-3099(15)00424-7}}</ref>

== Mechanisms ==
<!-- TODO: expand -->
Lipid A gains [[phosphoethanolamine]].<ref name="liu" /> ''Acinetobacter'' can lose its LPS.<ref>Moffatt JH, Harper M. \
Colistin resistance in Acinetobacter baumannii is mediated by complete loss of lipopolysaccharide production. \
Antimicrob Agents Chemother. 2010;54:4971-7.</ref>

{| class="wikitable"
|+ Mechanisms by genus
! Genus !! Mechanism
|-
| ''E. coli'' || mcr-1 plasmid<ref name="liu" />
|-
| style="color:red" | ''A. baumannii''
| LPS loss
|}

[[File:Lipid A.png|thumb|Lipid A with [[phosphoethanolamine]] added]]

== References ==
{{Reflist}}

[[Category:Antimicrobial resistance]]
"""


def test_a_wiki_page_numbers_its_ref_tags_and_writes_out_citation_templates():
    document = parse_document(WIKI, "colistin.wiki")
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Overview", "Colistin resistance is the loss of susceptibility to polymyxin E.", (1,)),
        ("Mechanisms", "Lipid A gains phosphoethanolamine.", (1,)),
        ("Mechanisms", "Acinetobacter can lose its LPS.", (2,)),
        ("Mechanisms", "Mechanisms by genus", ()),
        ("Mechanisms", "Genus: E. coli; Mechanism: mcr-1 plasmid", (1,)),
        ("Mechanisms", "Genus: A. baumannii; Mechanism: LPS loss", ()),
    ]
    liu, moffatt = document.references[1], document.references[2]
    assert (liu.authors, liu.title, liu.journal, liu.year) == (
        "Liu YY, Wang Y",
        "Emergence of plasmid-mediated colistin resistance mechanism MCR-1",
        "Lancet Infect Dis",
        2016,
    )
    assert liu.doi == "10.1016/S1473-3099(15)00424-7"
    assert moffatt.journal == "Antimicrob Agents Chemother"
    assert {".wiki", ".mediawiki"} <= set(DOCUMENT_SUFFIXES)


WIKI_NUMBERED = """== Background ==

Triclabendazole kills '''juvenile''' flukes [1]. Resistance was first reported in Australia [2][3].

# a faecal egg count reduction test below 90% [2]
## repeated after 14 days
# a coproantigen test that stays positive [3]

== References ==

# Fairweather I. Triclabendazole progress report, 2005-2009. Vet Parasitol. 2009;160:1-14.
# Overend DJ, Bowen FL. Resistance of Fasciola hepatica to triclabendazole. Aust Vet J. 1995;72:275-6.
# Brockwell YM, Elliott TP. Confirmation of Fasciola hepatica resistant to triclabendazole. \
[https://doi.org/10.1016/j.ijpddr.2013.11.002 Int J Parasitol Drugs Drug Resist]. 2014;4:48-54.
"""


def test_a_wiki_pages_numbered_items_count_up_as_the_wiki_shows_them():
    document = parse_document(WIKI_NUMBERED, "fluke.wiki")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("Triclabendazole kills juvenile flukes.", (1,)),
        ("Resistance was first reported in Australia.", (2, 3)),
        ("a faecal egg count reduction test below 90%", (2,)),
        ("repeated after 14 days", ()),
        ("a coproantigen test that stays positive", (3,)),
    ]
    assert sorted(document.references) == [1, 2, 3]
    assert document.references[2].authors == "Overend DJ, Bowen FL"
    assert document.references[3].doi == "10.1016/j.ijpddr.2013.11.002"
    assert not document.warnings


def test_one_wiki_heading_makes_no_wiki_page():
    from bcqa.lightmarkup import mediawiki_to_markdown

    text = "# Review\n\n== Aside ==\n\nIt's ''quoted'' here [1].\n"
    assert mediawiki_to_markdown(text) is text


CONFLUENCE = """h1. Candida biofilms on catheters

{info:title=Page status}
Reading-group summary.
{info}
{toc:maxLevel=2}

h2. Matrix

Taff et al. showed that {{BGL2}} and {{XOG1}} deliver glucan [1]. See [the EUCAST page|https://www.eucast.org/] too.

{note:title=Caution} Tolerance is not resistance [2].
{note}

{code:title=XTT working solution}
XTT stock    0.5 g/L in PBS
{code}

||Drug||Sessile MIC||Ref||
|fluconazole|>1,024|[1]|
|caspofungin|0.5|[2]|

h2. References

# Taff HT, Nett JE. A Candida biofilm-induced pathway for matrix glucan delivery. PLoS Pathog. 2012;8:e1002848.
# Nett J, Lincoln L. Putative role of beta-1,3 glucans in Candida albicans biofilm resistance. AAC. 2007;51:510-20.
"""


def test_a_confluence_page_gives_its_macros_text_table_and_numbered_references():
    document = parse_document(CONFLUENCE, "biofilm.txt")
    assert document.title == "Candida biofilms on catheters"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Overview", "Reading-group summary.", ()),
        ("Matrix", "Taff et al. showed that BGL2 and XOG1 deliver glucan.", (1,)),
        ("Matrix", "See the EUCAST page too.", ()),
        ("Matrix", "Tolerance is not resistance.", (2,)),
        ("Matrix", "Drug: fluconazole; Sessile MIC: >1,024", (1,)),
        ("Matrix", "Drug: caspofungin; Sessile MIC: 0.5", (2,)),
    ]
    assert [(n, r.first_author) for n, r in document.references.items()] == [(1, "Taff"), (2, "Nett")]
    assert not document.warnings


def test_confluence_inline_macros_forced_breaks_underline_and_strike_through_leave_their_words():
    text = (
        "h1. AmpC derepression\n\n{info:title=Page status}\n*Owner:* Stewardship team \\\\\n"
        "*Last reviewed:* 14 Nov 2025\n{info}\n\nh2. Treatment\n\n"
        "Piperacillin-tazobactam is {color:red}not recommended{color} for bacteraemia \\[1\\]. "
        "{quote}Most events followed undrained foci.{quote}\n\n"
        "+Do not+ report ceftriaxone for blood isolates. Old mnemonics such as -SPICE- mislead [2].\n\n"
        "{anchor:refs}\nh2. References\n\n# Tamma PD. IDSA guidance. Clin Infect Dis. 2022;74:2089.\n"
        "# Kohlmann R. Mutation rates. J Antimicrob Chemother. 2018;73:1530.\n"
    )
    assert [(s.section, s.text, s.citations) for s in parse_document(text, "ampc.txt").statements] == [
        ("Treatment", "Piperacillin-tazobactam is not recommended for bacteraemia.", (1,)),
        ("Treatment", "Most events followed undrained foci.", ()),
        ("Treatment", "Do not report ceftriaxone for blood isolates.", ()),
        ("Treatment", "Old mnemonics such as SPICE mislead.", (2,)),
    ]


DOKUWIKI = """~~NOTOC~~
====== Diamide resistance in the diamondback moth ======

//Reading-group page of the resistance sub-lab. Last revised after the journal club.//

===== Overview =====

The moth //Plutella xylostella// costs [[wiki:economics|US$4-5 billion]] a year [1].
Its ''G4946E'' allele spread \\\\ across Asia [2].

^ Class ^ Target ^ Refs ^
| Diamides | [[https://irac-online.org|Ryanodine receptor]] | [1] |
| Spinosyns | nAChR alpha6 | [2] |

<note important>
**Rotation rule:** never spray one group twice in a row [1].
</note>

<code>
leaf_dip(dose=10)  # no prose
</code>

==== Workflow ====

  - Rear the F1 generation on cabbage [1].
    * one leaf a larva
  - Genotype 48 larvae for G4946E [2].

===== References =====

  - Furlong MJ, Wright DJ, Dosdall LM. Diamondback moth ecology and management. Annu Rev Entomol. 2013;58:517-41.
  - Troczka B, Zimmer CT. Resistance to diamides in diamondback moth. Insect Biochem Mol Biol. 2012;42:873-80.

{{tag>resistance diamides}}
"""


def test_a_dokuwiki_page_ranks_its_headings_the_other_way_round_and_reads_its_marks():
    document = parse_document(DOKUWIKI, "plutella.txt")
    assert document.title == "Diamide resistance in the diamondback moth"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Overview", "The moth Plutella xylostella costs US$4-5 billion a year.", (1,)),
        ("Overview", "Its G4946E allele spread across Asia.", (2,)),
        ("Overview", "Class: Diamides; Target: Ryanodine receptor", (1,)),
        ("Overview", "Class: Spinosyns; Target: nAChR alpha6", (2,)),
        ("Overview", "Rotation rule: never spray one group twice in a row.", (1,)),
        ("Workflow", "Rear the F1 generation on cabbage.", (1,)),
        ("Workflow", "one leaf a larva", ()),
        ("Workflow", "Genotype 48 larvae for G4946E.", (2,)),
    ]
    assert sorted(document.references) == [1, 2] and not document.warnings  # the "  - " list is numbered
    assert document.references[2].authors == "Troczka B, Zimmer CT"


def test_a_dokuwiki_pages_footnotes_are_its_references():
    text = """====== Diamides ======

===== Overview =====

G4946E spread across Asia((Steinbach D, Gutbrod O. Geographic spread of ryanodine receptor
mutations. Insect Biochem Mol Biol. 2015;63:14-26.)), whereas //I4790M// did not((Troczka B. Resistance to
diamides. Pestic Biochem Physiol. 2012;1:1-9.)).
"""
    document = parse_document(text, "moth.txt")
    assert [(s.text, s.citations) for s in document.statements] == [
        ("G4946E spread across Asia", (1,)),
        ("whereas I4790M did not.", (2,)),
    ]
    assert document.references[1].journal == "Insect Biochem Mol Biol"
    assert document.references[2].authors == "Troczka B"


def test_a_mediawiki_page_with_a_two_space_list_is_still_mediawiki():
    from bcqa.lightmarkup import dokuwiki_to_markdown

    text = "== Background ==\n\n'''Colistin''' kills [1].\n\n  * indented\n\n== References ==\n\n# Liu Y. 2016.\n"
    assert dokuwiki_to_markdown(text) is text
    assert dokuwiki_to_markdown("# Review\n\n== Aside ==\n\n  * item\n") == "# Review\n\n== Aside ==\n\n  * item\n"


BBCODE = """Right, as promised in the other thread, here is my write-up [1].

[quote="PonyMumOf3"]Surely worming every 8 weeks is safest?[/quote]

Short answer: no.

[hr]

[size=150][color=#8B0000][b]Benzimidazoles[/b][/color][/size]

Fenbendazole failed on [b]97.7%[/b] of farms [2], see [url=https://example.org/kaplan]the survey[/url].
[list]
[*]Lyons saw eggs return after 4 weeks [3].
[*][i]Cylicocyclus[/i] species survived moxidectin [3,4].
[/list]
[table]
[tr][td][b]Drug class[/b][/td][td][b]Expected efficacy[/b][/td][/tr]
[tr][td]Ivermectin[/td][td]99.9% [4][/td][/tr]
[/table]

[b]References[/b]
1. Kaplan RM. Drug resistance in nematodes. Trends Parasitol. 2004;20:477-81.
2. Kaplan RM, Klei TR. Prevalence of resistant cyathostomes. J Am Vet Med Assoc. 2004;225:903-10.
3. Lyons ET, Tolliver SC. Field studies on ivermectin. Parasitol Res. 2008;103:209-15.
4. Nielsen MK, Banahan M. Egg reappearance periods. Int J Parasitol Drugs Drug Resist. 2022;20:1-8.

_________________
[size=85][i]Emma - mixed practice vet[/i][/size]
"""


def test_a_forum_post_in_bbcode_gives_its_headings_lists_table_and_references():
    document = parse_document(BBCODE, "post.txt")
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Overview", "Right, as promised in the other thread, here is my write-up.", (1,)),
        ("Overview", "Short answer: no.", ()),
        ("Benzimidazoles", "Fenbendazole failed on 97.7% of farms", (2,)),
        ("Benzimidazoles", "see the survey.", ()),
        ("Benzimidazoles", "Lyons saw eggs return after 4 weeks.", (3,)),
        ("Benzimidazoles", "Cylicocyclus species survived moxidectin.", (3, 4)),
        ("Benzimidazoles", "Drug class: Ivermectin; Expected efficacy: 99.9%", (4,)),
    ]
    assert sorted(document.references) == [1, 2, 3, 4] and not document.warnings


def test_a_bracketed_word_or_two_makes_no_bbcode_post():
    from bcqa.lightmarkup import bbcode_to_markdown

    text = "# Review\n\nResistance [b] rose [1] in [i]vitro.\n"
    assert bbcode_to_markdown(text) is text


def test_an_org_title_and_emphasis_run_over_a_line_break_lose_their_marks():
    text = (
        "#+TITLE: Copper resistance in /Xanthomonas/\n\n* Scope\nCopper sprays select resistant strains [1].\n\n"
        "* References\n1. Abbasi PA, Zhang L. Occurrence of copper-resistant strains. /Canadian Journal of\n"
        "   Microbiology/ 61:753-761 (2015).\n"
    )
    assert org_to_markdown(text).startswith("# Copper resistance in *Xanthomonas*\n")
    document = parse_document(text, "copper.org")
    assert document.title == "Copper resistance in Xanthomonas"
    assert document.references[1].journal.startswith("Canadian Journal of Microbiology")


def test_an_mkdocs_pages_boxes_and_tabs_are_their_text_and_its_attributes_and_icons_go():
    text = (
        "# Phage resistance\n\nBacteria evolve resistance within days [1].\n\n"
        '!!! note "Scope of this page"\n    This page covers resistance during therapy [2].\n\n'
        "## Receptors { #receptors }\n\n- LPS truncation defeats most phages [1].\n\n{ .annotate }\n\n"
        '??? tip "Reading sequencing data :material-alert:"\n    Loss-of-function mutations dominate [2].\n\n'
        '=== "Lytic phages"\n\n    Lytic phages cannot integrate [1].\n\n'
        '=== "Temperate phages"\n\n    Temperate phages form lysogens [2].\n\n'
        "Text after the tabs is not indented [1].\n\n"
        '--8<-- "includes/abbreviations.md"\n\n## References\n\n'
        "1. Doe J. Phages. J Med. 2020;1:1.\n2. Roe K. Lysogens. J Med. 2021;2:2.\n\n*[LPS]: lipopolysaccharide\n"
    )
    document = parse_document(text, "phage.md")
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("Overview", "Bacteria evolve resistance within days.", (1,)),
        ("Overview", "This page covers resistance during therapy.", (2,)),
        ("Receptors", "LPS truncation defeats most phages.", (1,)),
        ("Receptors", "Loss-of-function mutations dominate.", (2,)),
        ("Receptors", "Lytic phages cannot integrate.", (1,)),
        ("Receptors", "Temperate phages form lysogens.", (2,)),
        ("Receptors", "Text after the tabs is not indented.", (1,)),
    ]


TYPST = """#set page(paper: "a4", numbering: "1")
#set text(font: "Libertinus Serif", size: 10.5pt)

#align(center)[
  #text(size: 16pt)[*Copper tolerance in Xanthomonas*]

  #v(0.5em)
  Ana Ruiz \\
  _Draft of 2 May 2025_
]

= 1 Introduction

Copper sprays select tolerant strains [1]. // a comment to the end of the line
// TODO: add the 2024 survey
Tolerance is plasmid-borne.[2]

== 1.1 Genes
+ copL raises the efflux of copper [3];
- cusA is a second pump [2, 3].

#figure(
  image("fig.svg"),
  caption: [Copper fluxes.],
) <fig-flux>

#table(columns: 2, [*Strain*], [*MIC*], [Xcv 81], [2.0 [3]])

See #link("https://example.org/x")[the assay] for details [1].

= References
[1] Behlau F, Canteros BI. Copper resistance genes. Plant Pathol. 2011;60:1-9.
[2] Voloudakis AE. Copper resistance in Xanthomonas. Phytopathology. 2005;95:1-8.
[3] https://example.org/cop-protocol
"""


def test_a_typst_source_gives_its_headings_lists_table_and_references():
    document = parse_document(TYPST, "xanthomonas.txt")
    assert document.title == "Copper tolerance in Xanthomonas"
    assert [(s.section, s.text, s.citations) for s in document.statements] == [
        ("1 Introduction", "Copper sprays select tolerant strains.", (1,)),
        ("1 Introduction", "Tolerance is plasmid-borne.", (2,)),
        ("1.1 Genes", "copL raises the efflux of copper", (3,)),
        ("1.1 Genes", "cusA is a second pump.", (2, 3)),
        ("1.1 Genes", "Strain: Xcv 81; MIC: 2.0", (3,)),
        ("1.1 Genes", "See the assay for details.", (1,)),
    ]
    assert sorted(document.references) == [1, 2, 3]
    assert document.references[3].url == "https://example.org/cop-protocol"


def test_equals_headings_without_typst_rules_are_left_to_the_other_readers():
    from bcqa.lightmarkup import typst_to_markdown

    text = "= Title\n\n== Background\n\nText [1].\n\n== More\n\nText [2].\n"
    assert typst_to_markdown(text) is text


TRANSCRIPT = """SCIENCE HOUR, episode 12

SHOW NOTES

Mia talks to Dr. Omar Haddad about heat stress in dairy cows.

[00:00:05] HOST: Welcome back.
[00:00:09] DR. HADDAD: Thanks. Milk yield falls by about 0.2 kg per unit of THI above 68 [1]. [laughs] It adds up.
[00:01:12] HOST: And fertility?
[00:01:15] DR. HADDAD: Conception rates drop in summer [2][3].
[00:02:00] [AD BREAK]

SOURCES MENTIONED IN THIS EPISODE

1. West JW. Effects of heat-stress on production in dairy cattle. J Dairy Sci. 2003;86:2131-44.
2. De Rensis F, Scaramuzzi RJ. Heat stress and seasonal effects on reproduction. Theriogenology. 2003;60:1139-51.
3. https://example.org/heat-stress-factsheet
"""


def test_a_transcript_loses_its_timestamps_speakers_and_stage_directions():
    document = parse_document(TRANSCRIPT, "episode.txt")
    texts = [(s.text, s.citations) for s in document.statements]
    assert ("Milk yield falls by about 0.2 kg per unit of THI above 68.", (1,)) in texts
    assert ("It adds up.", ()) in texts
    assert ("Conception rates drop in summer.", (2, 3)) in texts
    assert not any("[" in t or "HOST" in t or "HADDAD:" in t or "AD BREAK" in t for t, _ in texts)
    assert sorted(document.references) == [1, 2, 3] and not document.warnings


def test_two_bracketed_times_make_no_transcript():
    from bcqa.lightmarkup import transcript_to_markdown

    text = "# Review\n\n[10:30] Doses were given at [12:00] and at night [1].\n[14:00] A third.\n"
    assert transcript_to_markdown(text) is text


def _cited(text: str, name: str) -> list[tuple[str, tuple[int, ...]]]:
    return [(s.text, s.citations) for s in parse_document(text, name).statements]


def test_org_footnotes_cite_and_an_org_footnotes_section_is_the_reference_list():
    text = (
        "#+TITLE: Soil\n* Intro\nInhibitors keep nitrogen in the root zone for longer [fn:1].\n"
        "Dicyandiamide binds the copper centre [fn:2][3].\n* Footnotes\n"
        "[fn:1] Subbarao GV, Ito O. Scope of nitrification regulation. Crit Rev Plant Sci. 2006;25:303-335.\n"
        "[fn:2] Zerulla W, Barth T. DMPP: a new nitrification inhibitor. Biol Fertil Soils. 2001;34:79-84.\n"
        "[fn:3] Roe K. Copper. Soil Biol Biochem. 2010;1:2.\n"
    )
    doc = parse_document(text, "soil.org")
    assert [(s.text, s.citations) for s in doc.statements] == [
        ("Inhibitors keep nitrogen in the root zone for longer.", (1,)),
        ("Dicyandiamide binds the copper centre.", (2, 3)),
    ]
    assert doc.references[2].title == "DMPP: a new nitrification inhibitor" and doc.warnings == ()


def test_rst_auto_numbered_footnotes_admonitions_on_one_line_list_tables_and_titled_roles():
    text = (
        "==========\nIce sheets\n==========\n\nWarm deep water melts the shelves from below [#]_.\n\n"
        "Shelves restrain the ice behind them, see :ref:`the buttressing section <buttressing>` [2]_.\n\n"
        ".. warning:: Cliff failure may be slower than first proposed [#edwards]_.\n\n"
        ".. list-table:: Observed mass loss\n   :header-rows: 1\n\n   * - Basin\n     - Loss (Gt/yr)\n"
        "   * - Amundsen Sea\n     - 120\n\nReferences\n----------\n\n"
        ".. [#] Jenkins A, Dutrieux P. Ice sheet retreat driven by ocean variability. Nat Geosci. 2018;11:733.\n"
        ".. [2] Furst JJ, Durand G. The safety band of Antarctic ice shelves. Nat Clim Chang. 2016;6:479.\n"
        ".. [#edwards] Edwards TL. Revisiting Antarctic ice loss. Nature. 2019;566:58.\n"
    )
    doc = parse_document(text, "ice.rst")
    assert [(s.text, s.citations) for s in doc.statements] == [
        ("Warm deep water melts the shelves from below.", (1,)),
        ("Shelves restrain the ice behind them, see the buttressing section.", (2,)),
        ("Cliff failure may be slower than first proposed.", (3,)),
        ("Basin: Amundsen Sea; Loss (Gt/yr): 120", ()),
    ]
    assert [(n, r.authors) for n, r in sorted(doc.references.items())] == [
        (1, "Jenkins A, Dutrieux P"),
        (2, "Furst JJ, Durand G"),
        (3, "Edwards TL"),
    ]


def test_asciidoc_cells_one_a_line_xref_macros_and_footnotes():
    text = (
        "= Sleep\n\n== Oscillations\n\nOdour cues during sleep strengthen memory xref:ref1[].\n"
        "Spindle density predicts recall footnote:[Measured with scalp EEG.] <<ref2>>.\n\n"
        "|===\n|Oscillation |Frequency\n\n|Spindle\n|11-16 Hz\n\n|Slow oscillation\n|<1 Hz\n|===\n\n"
        "[bibliography]\n== References\n\n- [[[ref1]]] Rasch B. Odor cues. Science. 2007;315:1426.\n"
        "- [[[ref2]]] Steriade M. Grouping of brain rhythms. Neuroscience. 2006;137:1087.\n"
    )
    assert _cited(text, "sleep.adoc") == [
        ("Odour cues during sleep strengthen memory.", (1,)),
        ("Spindle density predicts recall.", (2,)),
        ("Oscillation: Spindle; Frequency: 11-16 Hz", ()),
        ("Oscillation: Slow oscillation; Frequency: <1 Hz", ()),
    ]
