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
