"""Reference-list parsing: numbering forms, citation styles, DOIs and links, merging, warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from bcqa.references import _excerpt, _is_author_list, merge_reference_blocks, parse_entry, parse_reference_block
from bcqa.types import surnames_of

ROOT = Path(__file__).resolve().parents[1]
REVIEW = ROOT / "corpus" / "breast_cancer_resistance_review.md"

ENTRY_A = "Alpha Study of Tumours. Smith J, Doe AB. J Foo. 2020;1(2):3-4."
ENTRY_B = "Beta Study of Tumours. Roe K. J Bar. 2021;5:6."


def _block(text: str, document: str = "") -> tuple[list, list[str]]:
    return parse_reference_block(text, document)


# --- numbering --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(f"1. {ENTRY_A}\n2. {ENTRY_B}", id="dot-per-line"),
        pytest.param(f"[1] {ENTRY_A}\n[2] {ENTRY_B}", id="bracket-per-line"),
        pytest.param(f"1) {ENTRY_A}\n2) {ENTRY_B}", id="paren-per-line"),
        pytest.param(f"1: {ENTRY_A}\n2: {ENTRY_B}", id="colon-per-line"),  # PubMed's text export
        pytest.param(f"1. {ENTRY_A} 2. {ENTRY_B}", id="dot-one-line"),
        pytest.param(f"[1] {ENTRY_A} [2] {ENTRY_B}", id="bracket-one-line"),
        pytest.param(f"1) {ENTRY_A} 2) {ENTRY_B}", id="paren-one-line"),
        pytest.param(f"(1) {ENTRY_A}\n(2) {ENTRY_B}", id="parentheses-per-line"),
        pytest.param(f"(1) {ENTRY_A} (2) {ENTRY_B}", id="parentheses-one-line"),
        pytest.param(f"\n\n1. {ENTRY_A}\n\n2. {ENTRY_B}\n", id="blank-lines"),
        pytest.param(f"1. {ENTRY_A.replace(' Smith', chr(10) + '   Smith')}\n2. {ENTRY_B}", id="wrapped-line"),
        pytest.param(f"¹ {ENTRY_A}\n² {ENTRY_B}", id="superscript-per-line"),  # endnotes copied from a word processor
        pytest.param(f"¹{ENTRY_A}\n²{ENTRY_B}", id="superscript-glued"),
    ],
)
def test_numbering_forms(text):
    refs, warnings = _block(text)
    assert [(r.number, r.raw) for r in refs] == [(1, ENTRY_A), (2, ENTRY_B)]
    assert warnings == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "- 1. **Alpha Study of Tumours**. Smith J, Doe AB. *J Foo*. 2020;1(2):3-4.\n"
            "- 2. _Beta Study of Tumours_. Roe K. J Bar. 2021;5:6.",
            id="dash-bullets-emphasis",
        ),
        pytest.param(
            "* **1.** Alpha Study of Tumours. Smith J, Doe AB. J Foo. 2020;1(2):3-4.\n"
            "* **2.** Beta Study of Tumours. Roe K. J Bar. 2021;5:6.",
            id="star-bullets-bold-numbers",
        ),
        pytest.param(
            "- [1] Alpha Study of Tumours. Smith J, Doe AB. J Foo. 2020;1(2):3-4. "
            "- [2] Beta Study of Tumours. Roe K. *J Bar*. 2021;5:6.",
            id="bullets-one-line",
        ),
    ],
)
def test_markdown_markup_is_removed_from_raw(text):
    refs, warnings = _block(text)
    assert [(r.number, r.raw) for r in refs] == [(1, ENTRY_A), (2, ENTRY_B)]
    assert refs[0].title == "Alpha Study of Tumours"
    assert warnings == []


def test_underscore_inside_a_doi_is_not_emphasis():
    ref = parse_entry(3, "*Title*. Kneubil M. _J Clin Oncol_. 2022;40:e1. doi:10.1200/JCO.2022.40.16_suppl.e12538.")
    assert ref.doi == "10.1200/JCO.2022.40.16_suppl.e12538"
    assert ref.raw.startswith("Title. Kneubil M. J Clin Oncol. 2022")


def test_one_line_numbers_out_of_sequence_stay_in_their_entry():
    text = (
        "1. RNA Expression of Multidrug Resistance- Associated Proteins 1 and 2. Burger H, Look MP , et al. "
        "Clin Cancer Res. 2003;9(2):827-36. 2. Comprehensive Analysis. Liu Z, Gao J. Biomolecules. "
        "2022;12(12):1834. doi:10.3390/biom12121834. 3. Third Title. Roe K. J Bar. 2021;5:6."
    )
    refs, warnings = _block(text)
    assert [r.number for r in refs] == [1, 2, 3]
    assert refs[0].title == "RNA Expression of Multidrug Resistance- Associated Proteins 1 and 2"
    assert refs[1].pages == "1834"
    assert warnings == []


def test_one_line_number_after_a_word_is_title_text():
    refs, _ = _block(
        "1. Part 2. Breast Cancer Cohorts. Smith J. J Foo. 2020;1:2. 2. Next Title. Roe K. J Bar. 2021;5:6."
    )
    assert [r.number for r in refs] == [1, 2]
    assert refs[0].title == "Part 2. Breast Cancer Cohorts"


def test_url_only_and_url_with_text_entries():
    text = (
        "[26] https://www.who.int/publications/i/item/9789240093461\n"
        "[27] WHO. Global antimicrobial resistance report 2022. https://www.who.int/publications/i/item/amr."
    )
    refs, warnings = _block(text, "review.md")
    url_only, with_text = refs
    assert (url_only.number, url_only.raw, url_only.title) == (
        26,
        "https://www.who.int/publications/i/item/9789240093461",
        "",
    )
    assert url_only.link == url_only.raw and url_only.url == url_only.raw and url_only.doi is None
    assert with_text.number == 27
    assert with_text.link == "https://www.who.int/publications/i/item/amr"
    assert (with_text.authors, with_text.title, with_text.year) == (
        "WHO",
        "Global antimicrobial resistance report 2022",
        2022,
    )
    assert {r.document for r in refs} == {"review.md"}
    assert warnings == []


# --- entry styles -----------------------------------------------------------------------------------------

# (entry, expected fields); only the fields named are checked.
ENTRIES = [
    pytest.param(
        "Comprehensive Analysis of Transcriptomics and Genetic Alterations Identifies Potential Mechanisms Underlying "
        "Anthracycline Therapy Resistance in Breast Cancer. Liu Z, Gao J, Gu R, et al. Biomolecules. "
        "2022;12(12):1834. doi:10.3390/biom12121834.",
        {
            "title": "Comprehensive Analysis of Transcriptomics and Genetic Alterations Identifies Potential "
            "Mechanisms Underlying Anthracycline Therapy Resistance in Breast Cancer",
            "authors": "Liu Z, Gao J, Gu R, et al",
            "journal": "Biomolecules",
            "year": 2022,
            "volume": "12",
            "issue": "12",
            "pages": "1834",
            "doi": "10.3390/biom12121834",
            "link": None,
        },
        id="title-first",
    ),
    pytest.param(
        "The Molecular Basis of Radiosensitivity and Chemosensitivity in the Treatment of Breast Cancer. Xia F , "
        "Powell SN. Seminars in Radiation Oncology. 2002;12(4):296-304. doi:10.1053/srao.2002.35250.",
        {
            "title": "The Molecular Basis of Radiosensitivity and Chemosensitivity in the Treatment of Breast Cancer",
            "authors": "Xia F, Powell SN",
            "journal": "Seminars in Radiation Oncology",
            "year": 2002,
            "pages": "296-304",
            "doi": "10.1053/srao.2002.35250",
        },
        id="title-first-space-before-comma",
    ),
    pytest.param(
        "RNA Expression of Breast Cancer Resistance Protein in Breast Cancer. Burger H, Foekens JA, Look MP , et al. "
        "Clinical Cancer Research : An Official Journal of the American Association for Cancer Research. "
        "2003;9(2):827-36.",
        {
            "authors": "Burger H, Foekens JA, Look MP, et al",
            "journal": "Clinical Cancer Research : An Official Journal of the American Association for Cancer Research",
            "year": 2003,
            "volume": "9",
            "issue": "2",
            "pages": "827-36",
            "doi": None,
        },
        id="title-first-no-doi",
    ),
    pytest.param(
        "Systematic Review. Ismailov ZB, Belykh ES. Mutation Research. Reviews in Mutation Research. "
        "2023 Jul-Dec;792:108467. doi:10.1016/j.mrrev.2023.108467.",
        {
            "title": "Systematic Review",
            "journal": "Mutation Research. Reviews in Mutation Research",
            "year": 2023,
            "volume": "792",
            "issue": "",
            "pages": "108467",
        },
        id="journal-with-full-stop-and-month-range",
    ),
    pytest.param(
        "Non-Coding RNAs in Breast Cancer Radioresistance. Zhao X, Qiu Y , Chen J, et al. Cell Proliferation. "
        "2025;:e70119. doi:10.1111/cpr.70119.",
        {"journal": "Cell Proliferation", "year": 2025, "volume": "", "pages": "e70119", "doi": "10.1111/cpr.70119"},
        id="no-volume",
    ),
    pytest.param(
        "Chemoresistome Mapping. Dadiani M, Friedlander G, et al. Molecular Oncology. 2025;. "
        "doi:10.1002/1878-0261.70030.",
        {"journal": "Molecular Oncology", "year": 2025, "volume": "", "pages": "", "doi": "10.1002/1878-0261.70030"},
        id="ahead-of-print",
    ),
    pytest.param(
        "Effects of Noncoding RNAs. Oghabi Bakhshaiesh T, Esmaeili R. Cell Cycle (Georgetown, Tex.). "
        "2022;21(9):883-893.",
        {"authors": "Oghabi Bakhshaiesh T, Esmaeili R", "journal": "Cell Cycle (Georgetown, Tex.)", "year": 2022},
        id="full-stop-inside-brackets",
    ),
    pytest.param(
        "Liu Z, Gao J, et al. Title of the paper. Journal Name. 2022;12(3):45-67. doi:10.1/x",
        {
            "authors": "Liu Z, Gao J, et al",
            "title": "Title of the paper",
            "journal": "Journal Name",
            "year": 2022,
            "volume": "12",
            "issue": "3",
            "pages": "45-67",
            "doi": "10.1/x",
        },
        id="vancouver",
    ),
    pytest.param(
        "Heneka MT, Carson MJ, El Khoury J, et al. Neuroinflammation in Alzheimer's disease. Lancet Neurol. "
        "2015;14(4):388-405. doi:10.1016/S1474-4422(15)70016-5.",
        {
            "authors": "Heneka MT, Carson MJ, El Khoury J, et al",
            "title": "Neuroinflammation in Alzheimer's disease",
            "journal": "Lancet Neurol",
            "year": 2015,
            "doi": "10.1016/S1474-4422(15)70016-5",
        },
        id="vancouver-multiword-surname-doi-with-parentheses",
    ),
    pytest.param(
        "Smith J, Roe K. Does tamoxifen resistance predict radioresistance? EMBO J. 2019;38(1):e100.",
        {
            "authors": "Smith J, Roe K",
            "title": "Does tamoxifen resistance predict radioresistance?",
            "journal": "EMBO J",
        },
        id="vancouver-question-title-initial-like-journal",
    ),
    pytest.param(
        "Antimicrobial Resistance Collaborators. Global burden of bacterial antimicrobial resistance in 2019: a "
        "systematic analysis. Lancet. 2022;399(10325):629-655.",
        {
            "authors": "Antimicrobial Resistance Collaborators",
            "title": "Global burden of bacterial antimicrobial resistance in 2019: a systematic analysis",
            "journal": "Lancet",
            "year": 2022,
            "issue": "10325",
        },
        id="group-author",
    ),
    pytest.param(
        "Suárez-Calvet M, Kleinberger G, Araque Caballero MÁ, et al. sTREM2 levels. EMBO Mol Med. 2016;8(5):466-476.",
        {"authors": "Suárez-Calvet M, Kleinberger G, Araque Caballero MÁ, et al", "title": "sTREM2 levels"},
        id="accented-initial",
    ),
    pytest.param(
        "Keren-Shaul H, Spinrad A. A unique microglia type. Cell. 2017;169(7):1276-1290.e17. "
        "doi:10.1016/j.cell.2017.05.018.",
        {"journal": "Cell", "pages": "1276-1290.e17", "doi": "10.1016/j.cell.2017.05.018"},
        id="article-number-pages",
    ),
    pytest.param(
        "Smith, J., & Doe, A. (2020). Title of the study. Journal of Things, 5(2), 10-20. https://doi.org/10.1000/xyz",
        {
            "title": "Title of the study",
            "journal": "Journal of Things",
            "year": 2020,
            "volume": "5",
            "issue": "2",
            "pages": "10-20",
            "doi": "10.1000/xyz",
            "link": None,
        },
        id="apa",
    ),
    pytest.param(
        "Roe K. Tumour Atlas. Lancet. 2015. Available from: https://example.org/atlas PMID: 123456",
        {
            "authors": "Roe K",
            "title": "Tumour Atlas",
            "journal": "Lancet",
            "year": 2015,
            "link": "https://example.org/atlas",
        },
        id="year-only-with-link-and-pmid",
    ),
    pytest.param(
        "Hsu, P. D., Lander, E. S. & Zhang, F. Development and applications of CRISPR-Cas9 for genome"
        " engineering. Cell 157, 1262–1278 (2014).",
        {
            "authors": "Hsu, P. D., Lander, E. S. & Zhang, F.",
            "title": "Development and applications of CRISPR-Cas9 for genome engineering",
            "journal": "Cell",
            "year": 2014,
            "volume": "157",
            "pages": "1262–1278",
            "first_author": "Hsu",
        },
        id="nature",
    ),
    pytest.param(
        "Smith J et al. Antibiotic resistance in the ICU. Nature 575, 123–128 (2019).",
        {"authors": "Smith J et al", "title": "Antibiotic resistance in the ICU", "journal": "Nature", "year": 2019},
        id="nature-et-al",
    ),
    pytest.param(
        'J. Smith, K. Jones, and L. Brown, "Antibiotic resistance in the ICU," IEEE Trans. Med. Imaging, vol. 38,'
        " no. 2, pp. 12–20, 2019.",
        {
            "authors": "J. Smith, K. Jones, and L. Brown",
            "title": "Antibiotic resistance in the ICU",
            "journal": "IEEE Trans. Med. Imaging",
            "year": 2019,
            "volume": "38",
            "issue": "2",
            "pages": "12–20",
            "first_author": "Smith",
        },
        id="ieee",
    ),
    pytest.param(
        "[Erlotinib versus standard chemotherapy (EURTAC)](https://doi.org/10.1016/S1470-2045(11)70393-X)"
        " — Rosell R, Carcereny E, et al., *Lancet Oncol*, 2012.",
        {
            "raw": "Erlotinib versus standard chemotherapy (EURTAC) — Rosell R, Carcereny E, et al., Lancet Oncol,"
            " 2012.",
            "authors": "Rosell R, Carcereny E, et al",
            "title": "Erlotinib versus standard chemotherapy (EURTAC)",
            "journal": "Lancet Oncol",
            "year": 2012,
            "doi": "10.1016/S1470-2045(11)70393-X",
            "first_author": "Rosell",
        },
        id="linked-title",
    ),
    pytest.param(
        "[Tracing the global expansion of Candida auris](https://doi.org/10.1128/mBio.03364-19)"
        " - Chow NA, Muñoz JF, Gade L, et al., mBio (2020)",
        {
            "raw": "Tracing the global expansion of Candida auris - Chow NA, Muñoz JF, Gade L, et al., mBio (2020)",
            "authors": "Chow NA, Muñoz JF, Gade L, et al",
            "journal": "mBio",
            "year": 2020,
            "first_author": "Chow",
        },
        id="linked-title-year-in-brackets",
    ),
    pytest.param(
        "Singh A, Masih A, Khurana A. 2018. High terbinafine resistance in Trichophyton interdigitale isolates."
        " Mycoses 61:477-484.",
        {
            "authors": "Singh A, Masih A, Khurana A",
            "title": "High terbinafine resistance in Trichophyton interdigitale isolates",
            "journal": "Mycoses",
            "year": 2018,
            "volume": "61",
            "pages": "477-484",
        },
        id="ecology-year-after-authors",
    ),
    pytest.param(
        "Contemporary status of insecticide resistance in Aedes vectors - PLoS Neglected Tropical Diseases (2017)"
        " - https://doi.org/10.1371/journal.pntd.0005625",
        {
            "authors": "",
            "title": "Contemporary status of insecticide resistance in Aedes vectors",
            "journal": "PLoS Neglected Tropical Diseases",
            "year": 2017,
            "doi": "10.1371/journal.pntd.0005625",
        },
        id="chatbot-title-journal-year-link",
    ),
    pytest.param(
        "Gao, J., Shi, L. Z., & Zhao, H. (2016). Loss of IFN-γ pathway genes. Cell, 167(2), 397–404.e9.",
        {"journal": "Cell", "year": 2016, "volume": "167", "issue": "2", "pages": "397–404.e9"},
        id="apa-online-pages",
    ),
    pytest.param(
        "Whitfield, R.A., Nakamura, S. and Berglund, T. (2018) 'Acquired ESR1 mutations during therapy', Journal"
        " of Clinical Oncology, 36(22), pp. 2251–2260. doi: 10.1200/JCO.2017.1",
        {"title": "Acquired ESR1 mutations during therapy", "journal": "Journal of Clinical Oncology", "year": 2018},
        id="harvard",
    ),
    pytest.param(
        'Castellano, Marisa, and David H. Ferreira. "Circulating Tumor DNA Tracking of ESR1 Mutations." Breast'
        " Cancer Research 22, no. 4 (2020): 118–131.",
        {
            "title": "Circulating Tumor DNA Tracking of ESR1 Mutations",
            "journal": "Breast Cancer Research",
            "volume": "22",
            "issue": "4",
            "pages": "118–131",
            "first_author": "Castellano",
        },
        id="chicago",
    ),
    pytest.param(
        'Sorensen, Ida, and Paul Whitcombe. "Is Fulvestrant Still Relevant After CDK4/6 Inhibition?" Annals of'
        " Oncology, vol. 33, no. 4, 2022, pp. 380–392.",
        {
            "title": "Is Fulvestrant Still Relevant After CDK4/6 Inhibition?",
            "journal": "Annals of Oncology",
            "volume": "33",
            "pages": "380–392",
            "year": 2022,
        },
        id="mla",
    ),
    pytest.param(
        "Varga, E., Thompson, L.R., and Iqbal, Z. (2017). Growth factor receptor crosstalk. Cancer Cell 31, 412–427.",
        {"title": "Growth factor receptor crosstalk", "journal": "Cancer Cell", "volume": "31", "pages": "412–427"},
        id="cell-press",
    ),
    pytest.param(
        "Ó Súilleabháin, C., Byrne, D. & Walsh, E. FGFR1 amplification drives resistance. Nat. Commun. 11, 5021"
        " (2020).",
        {
            "title": "FGFR1 amplification drives resistance",
            "journal": "Nat. Commun.",
            "volume": "11",
            "first_author": "Ó Súilleabháin",
        },
        id="nature-abbreviated-journal",
    ),
    pytest.param(
        "Draper M, Ibekwe C. Single-cell lineage tracing. bioRxiv [Preprint]. 2023. doi:10.1101/2023.03.14.532611",
        {"journal": "bioRxiv", "year": 2023, "doi": "10.1101/2023.03.14.532611"},
        id="preprint",
    ),
    pytest.param(
        "Doe J, Roe K. Efflux pumps in tumour cells. Journal of Medicine, 2020, 12(3), 100-110.",
        {"authors": "Doe J, Roe K", "journal": "Journal of Medicine", "year": 2020, "volume": "12", "pages": "100-110"},
        id="journal-comma-year",
    ),
    pytest.param(
        "Efflux pumps: A review of the evidence. Smith J, et al. Nature Medicine, 2021.",
        {"title": "Efflux pumps: A review of the evidence", "journal": "Nature Medicine", "year": 2021},
        id="colon-title-journal-comma-year",
    ),
    pytest.param(
        "Efflux pumps in tumour cells. Smith J, et al. Nature Medicine, 2021.",
        {
            "title": "Efflux pumps in tumour cells",
            "authors": "Smith J, et al",
            "journal": "Nature Medicine",
            "year": 2021,
        },
        id="title-first-journal-comma-year",
    ),
    pytest.param(
        "Doe J, Roe K. Efflux pumps in tumour cells. J Med. Published online March 5, 2020. doi:10.1000/xyz",
        {"title": "Efflux pumps in tumour cells", "journal": "J Med", "year": 2020, "doi": "10.1000/xyz"},
        id="ama-online-first",
    ),
    pytest.param(
        "Doe J, Roe K. Efflux pumps in tumour cells. J Med. 2020. [Epub ahead of print]",
        {"title": "Efflux pumps in tumour cells", "journal": "J Med", "year": 2020},
        id="epub-ahead-of-print",
    ),
    pytest.param(
        "Doe J, Roe K, Poe L: Efflux pumps in tumour cells: a review. BMC Cancer 2020, 12(3):100.",
        {
            "authors": "Doe J, Roe K, Poe L",
            "title": "Efflux pumps in tumour cells: a review",
            "journal": "BMC Cancer",
            "year": 2020,
            "volume": "12",
            "pages": "100",
        },
        id="biomed-central",
    ),
    pytest.param(
        "Antiviral Drug-Resistant HBV: Standardization of Nomenclature. Lok AS, Zoulim F, et al. Hepatology."
        " 2007;46(1):254-65.",
        {
            "authors": "Lok AS, Zoulim F, et al",
            "title": "Antiviral Drug-Resistant HBV: Standardization of Nomenclature",
            "journal": "Hepatology",
        },
        id="title-colon-before-the-authors",
    ),
    pytest.param(
        "WHO. Global plan for insecticide resistance management. Geneva: World Health Organization, 2012.",
        {"authors": "WHO", "title": "Global plan for insecticide resistance management", "journal": "", "year": 2012},
        id="report-publisher-is-no-journal",
    ),
    pytest.param(
        "Doe J. Antimicrobial resistance surveillance [Internet]. Bethesda (MD): NCBI; 2020 [cited 2024 Jan 1]."
        " Available from: https://example.org/amr",
        {"title": "Antimicrobial resistance surveillance", "year": 2020, "link": "https://example.org/amr"},
        id="vancouver-web-medium",
    ),
    pytest.param(
        "Kalai AT, Vempala SS. Calibrated language models must hallucinate. arXiv:2311.14648. 2023.",
        {"title": "Calibrated language models must hallucinate", "link": "https://arxiv.org/abs/2311.14648"},
        id="arxiv-identifier-is-its-link",
    ),
    pytest.param(
        "S. B. Bravyi and A. Yu. Kitaev, Quantum codes on a lattice with boundary, arXiv:quant-ph/9811052 (1998).",
        {"link": "https://arxiv.org/abs/quant-ph/9811052", "year": 1998},
        id="arxiv-old-identifier",
    ),
    pytest.param(
        "Roe K. Adaptation of cells. arXiv:2001.01234v2. doi:10.48550/arXiv.2001.01234",
        {"doi": "10.48550/arXiv.2001.01234", "link": None},
        id="arxiv-with-a-doi-keeps-the-doi",
    ),
    pytest.param(
        "National Cancer Institute. Drug resistance in cancer. https://www.cancer.gov/resistance (2021).",
        {"authors": "National Cancer Institute", "title": "Drug resistance in cancer", "journal": "", "year": 2021},
        id="group-author-web-page",
    ),
    pytest.param(
        "U.S. Food and Drug Administration. FDA approves olaparib for BRCA-mutated breast cancer. 2018.",
        {
            "authors": "U.S. Food and Drug Administration",
            "title": "FDA approves olaparib for BRCA-mutated breast cancer",
        },
        id="group-author-news",
    ),
    pytest.param(
        "Drug resistance in cancer. Cancer Research (2020).",
        {"authors": "", "title": "Drug resistance in cancer", "journal": "Cancer Research", "year": 2020},
        id="title-then-journal-in-capitals",
    ),
    pytest.param(
        "Roe K. Adaptation of cells [dissertation]. Boston: Harvard University; 2019.",
        {"title": "Adaptation of cells", "year": 2019},
        id="vancouver-dissertation",
    ),
    pytest.param(
        "Doe J. Why tumours resist drugs [editorial]. BMJ. 2018;360:k12.",
        {"title": "Why tumours resist drugs", "journal": "BMJ", "volume": "360"},
        id="vancouver-article-type",
    ),
    pytest.param(
        'Phage Directory, "Phage therapy providers and phage banks," 2024. [Online]. Available:'
        " https://phage.directory/capsid/phage-banks",
        {"title": "Phage therapy providers and phage banks", "journal": "", "year": 2024},
        id="ieee-web-page",
    ),
    pytest.param(
        "A. Vaswani et al., “Attention is all you need,” in Proc. NeurIPS, 2017, pp. 5998–6008.",
        {"title": "Attention is all you need", "journal": "Proc. NeurIPS", "year": 2017, "first_author": "Vaswani"},
        id="ieee-proceedings",
    ),
    pytest.param(
        'M. Castellanos and T. Whitfield, "Mechanisms of PARP inhibitor resistance," N. Engl. J. Med., vol. 20,'
        " pp. 233-251, 2023.",
        {"journal": "N. Engl. J. Med.", "first_author": "Castellanos", "volume": "20"},
        id="ieee-two-authors-dotted-journal",
    ),
    pytest.param(
        'H. Nakamura and Y. Sato, "Accuracy of smartwatch ECG," in Proc. 42nd Annu. Int. Conf. IEEE Eng. Med.'
        " Biol. Soc. (EMBC), Montreal, QC, Canada, Jul. 2020, pp. 5512–5515.",
        {"journal": "Proc. 42nd Annu. Int. Conf. IEEE Eng. Med. Biol. Soc. (EMBC), Montreal, QC, Canada", "year": 2020},
        id="ieee-conference-with-its-month",  # the month was read into the venue ("... Canada, Jul. 2020")
    ),
    pytest.param(
        'P. M. Barrett and S. Topol, "Holter against patch monitoring," Am. J. Med., vol. 127, no. 1, pp.'
        " 95.e11–95.e17, Jan. 2014.",
        {"journal": "Am. J. Med.", "volume": "127", "pages": "95.e11–95.e17", "year": 2014},
        id="ieee-online-pages",  # were "95"
    ),
    pytest.param(
        "Smith, John; Jones, Kate. Antibiotic resistance in the ICU. Lancet 2019, 393, 123-130.",
        {"title": "Antibiotic resistance in the ICU", "journal": "Lancet", "year": 2019, "volume": "393"},
        id="acs",
    ),
    pytest.param(
        "Nordmann, P.; Poirel, L. Carbapenem resistance. Antimicrob. Agents Chemother. 2019, 63, e01234-18.",
        {
            "title": "Carbapenem resistance",
            "journal": "Antimicrob. Agents Chemother.",
            "year": 2019,
            "volume": "63",
            "pages": "e01234-18",
            "first_author": "Nordmann",
        },
        id="acs-abbreviated-journal",
    ),
    pytest.param(
        "Poole, K. Efflux pumps as resistance mechanisms. Ann. Med. 2007, 39, 162-176. DOI: 10.1080/07853890701195262",
        {"title": "Efflux pumps as resistance mechanisms", "journal": "Ann. Med.", "year": 2007, "pages": "162-176"},
        id="acs-abbreviated-journal-doi",
    ),
    pytest.param(
        "Satoh K, Makimura K. Candida auris sp. nov., a novel yeast from the ear. Microbiol Immunol. 2009;53:41-44.",
        {"title": "Candida auris sp. nov., a novel yeast from the ear", "journal": "Microbiol Immunol", "year": 2009},
        id="taxonomy-abbreviations-do-not-end-the-title",
    ),
    pytest.param(
        "Scholz CFP, Kilian M. Reclassification of Propionibacterium to the novel genera Acidipropionibacterium gen."
        " nov., Cutibacterium gen. nov. and Pseudopropionibacterium gen. nov. Int J Syst Evol Microbiol."
        " 2016;66:4422-4432.",
        {
            "title": "Reclassification of Propionibacterium to the novel genera Acidipropionibacterium gen. nov.,"
            " Cutibacterium gen. nov. and Pseudopropionibacterium gen. nov",
            "journal": "Int J Syst Evol Microbiol",
            "year": 2016,
        },
        id="a-new-genus-name-ends-the-title-at-its-last-nov",
    ),
    pytest.param(
        "Tortoli E, Kohl TA. Designation of Mycobacterium abscessus subsp. massiliense comb. nov. Int J Syst Evol"
        " Microbiol. 2016;66:4471-4479.",
        {
            "title": "Designation of Mycobacterium abscessus subsp. massiliense comb. nov",
            "journal": "Int J Syst Evol Microbiol",
        },
        id="a-new-combination-ends-the-title-at-nov",
    ),
    pytest.param(
        "GBD 2019 Antimicrobial Resistance Collaborators. Global burden of resistance. Lancet. 2022;399:629-655.",
        {"first_author": "GBD 2019 Antimicrobial Resistance Collaborators", "title": "Global burden of resistance"},
        id="group-author-with-a-number",
    ),
    pytest.param(
        "CRyPTIC Consortium and the 100,000 Genomes Project. Prediction of resistance. N Engl J Med. 2018;379:1.",
        {"first_author": "CRyPTIC Consortium and the 100,000 Genomes Project", "journal": "N Engl J Med"},
        id="group-author-with-a-comma-in-a-number",
    ),
    pytest.param(
        "Smith J. Sting of the wasp. Nature. 2001;1:2.",
        {"title": "Sting of the wasp", "journal": "Nature"},
        id="a-word-ending-in-sp-ends-the-title",
    ),
    pytest.param(
        "World Health Organization. Global antibiotic resistance surveillance report. Geneva: WHO; 2022.",
        {"first_author": "World Health Organization", "year": 2022},
        id="group-author-is-its-own-first-author",
    ),
    pytest.param(
        "Price RN, von Seidlein L. Chloroquine-resistant P. vivax and the shrinking P. falciparum map. "
        "Trends Parasitol 30, 12–19 (2014).",
        {"title": "Chloroquine-resistant P. vivax and the shrinking P. falciparum map", "journal": "Trends Parasitol"},
        id="an-abbreviated-genus-ends-no-title",
    ),
    pytest.param(
        "Ge X, d'Avignon DA, Sammons RD. Rapid vacuolar sequestration. Pest Manag Sci. 2010;66(4):345-8.",
        {"authors": "Ge X, d'Avignon DA, Sammons RD", "title": "Rapid vacuolar sequestration"},
        id="an-elided-particle-opens-a-surname",
    ),
    pytest.param(
        "Integrated genomic analyses. Etemadmoghadam D, deFazio A, et al. Clin Cancer Res. 2009;15(4):1417-1427.",
        {"authors": "Etemadmoghadam D, deFazio A, et al", "title": "Integrated genomic analyses"},
        id="a-joined-particle-opens-a-surname",
    ),
    pytest.param(
        "Integrated Genomic Analyses of Ovarian Carcinoma. Cancer Genome Atlas Research Network. Nature. "
        "2011;474(7353):609-615.",
        {
            "first_author": "Cancer Genome Atlas Research Network",
            "title": "Integrated Genomic Analyses of Ovarian Carcinoma",
            "journal": "Nature",
        },
        id="group-author-after-a-title-first",
    ),
    pytest.param(
        "WHO. Global plan for insecticide resistance management. Geneva: World Health Organization, 2012.",
        {"first_author": "WHO", "title": "Global plan for insecticide resistance management"},
        id="a-group-named-after-the-title-is-the-publisher-there",
    ),
    pytest.param(
        "Genetic testing in the epilepsies: report of the ILAE Genetics Commission. ILAE Genetics Commission. "
        "Epilepsia. 2010;51(4):655-670.",
        {"first_author": "ILAE Genetics Commission", "journal": "Epilepsia"},
        id="a-commission-is-a-group-author",
    ),
    pytest.param(
        "The molecular evolution of acquired resistance. Diaz LA Jr, Williams RT, et al. Nature. 2012;486:537-540.",
        {"authors": "Diaz LA Jr, Williams RT, et al", "title": "The molecular evolution of acquired resistance"},
        id="a-generational-suffix-after-the-initials",
    ),
    pytest.param(
        "Patterson TF, Thompson GR 3rd, Rijs AJMM, et al. Practice guidelines for aspergillosis. "
        "Clinical Infectious Diseases. 2016;63(4):e1-e60.",
        {
            "authors": "Patterson TF, Thompson GR 3rd, Rijs AJMM, et al",
            "title": "Practice guidelines for aspergillosis",
        },
        id="four-initials-and-a-numbered-suffix",
    ),
    pytest.param(
        "International Prognostic Factors Study Group, Lorch A, Beyer J, et al. Prognostic factors in patients with "
        "metastatic germ cell tumors. J Clin Oncol 2010;28:4906-11.",
        {
            "authors": "International Prognostic Factors Study Group, Lorch A, Beyer J, et al",
            "title": "Prognostic factors in patients with metastatic germ cell tumors",
            "journal": "J Clin Oncol",
        },
        id="a-group-author-before-named-ones",
    ),
    pytest.param(
        "Baert F, Noman M. Influence of immunogenicity on infliximab. *The New England Journal of Medicine*. 2003. "
        "[doi](https://doi.org/10.1056/NEJMoa020888)",
        {
            "title": "Influence of immunogenicity on infliximab",
            "journal": "The New England Journal of Medicine",
            "year": 2003,
            "doi": "10.1056/NEJMoa020888",
            "raw": "Baert F, Noman M. Influence of immunogenicity on infliximab. The New England Journal of Medicine. "
            "2003. https://doi.org/10.1056/NEJMoa020888",
        },
        id="a-doi-link-labelled-doi",
    ),
    pytest.param(
        "Versalovic J, Shortridge D (1996) Mutations in 23S rRNA are associated with clarithromycin resistance. "
        "Antimicrob Agents Chemother 40(2):477-480",
        {
            "authors": "Versalovic J, Shortridge D",
            "year": 1996,
            "journal": "Antimicrob Agents Chemother",
            "volume": "40",
            "issue": "2",
            "pages": "477-480",
        },
        id="springer-volume-colon-pages",
    ),
    pytest.param(
        "MalariaGEN Plasmodium falciparum Community Project. Genomic epidemiology of artemisinin resistant malaria. "
        "eLife 5, e08714 (2016).",
        {
            "first_author": "MalariaGEN Plasmodium falciparum Community Project",
            "title": "Genomic epidemiology of artemisinin resistant malaria",
            "journal": "eLife",
            "pages": "e08714",
        },
        id="a-group-named-with-a-species-and-a-journal-in-lower-case",
    ),
    pytest.param(
        "J. Smith, K. Roe, L. M. Poe, Efflux pumps in bacteria: a review. Science 363, eaau1234 (2019).",
        {
            "authors": "J. Smith, K. Roe, L. M. Poe",
            "title": "Efflux pumps in bacteria: a review",
            "journal": "Science",
            "year": 2019,
            "volume": "363",
            "pages": "eaau1234",
        },
        id="science-initials-first-title-after-a-comma",
    ),
    pytest.param(
        "J. Smith et al., Efflux pumps in bacteria. Proc. Natl. Acad. Sci. U.S.A. 116, 34–45 (2019).",
        {
            "authors": "J. Smith et al",
            "title": "Efflux pumps in bacteria",
            "journal": "Proc. Natl. Acad. Sci. U.S.A.",
            "volume": "116",
        },
        id="science-et-al-and-a-journal-ending-in-dotted-capitals",
    ),
    pytest.param(
        'Smith, John, and Kate Roe. 2019. "Efflux Pumps in Bacteria." Journal of Bacteriology 201 (3): 34–45.',
        {
            "authors": "Smith, John, and Kate Roe",
            "title": "Efflux Pumps in Bacteria",
            "journal": "Journal of Bacteriology",
            "year": 2019,
            "volume": "201",
            "issue": "3",
            "pages": "34–45",
        },
        id="chicago-author-date",
    ),
    pytest.param(
        "Smith, John. 2019. “Efflux Pumps in Bacteria.” Journal of Bacteriology 201, no. 3: 34–45.",
        {"journal": "Journal of Bacteriology", "year": 2019, "issue": "3", "pages": "34–45"},
        id="chicago-author-date-with-no",
    ),
]


@pytest.mark.parametrize(("raw", "expected"), ENTRIES)
def test_parse_entry_fields(raw, expected):
    ref = parse_entry(7, raw, "review.md")
    assert (ref.number, ref.raw, ref.document) == (7, expected.pop("raw", raw), "review.md")
    assert {field: getattr(ref, field) for field in expected} == expected


@pytest.mark.parametrize(
    ("raw", "doi"),
    [
        ("Title. Smith J. J Foo. 2020;1:2. doi:10.1000/abc.", "10.1000/abc"),
        ("Title. Smith J. J Foo. 2020;1:2. doi: 10.1000/abc", "10.1000/abc"),
        ("Title. Smith J. J Foo. 2020;1:2. DOI: 10.1000/ABC.", "10.1000/ABC"),
        ("Title. Smith J. J Foo. 2020;1:2. https://doi.org/10.1000/abc.", "10.1000/abc"),
        ("Title. Smith J. J Foo. 2020;1:2. https://dx.doi.org/10.1000/abc", "10.1000/abc"),
        ("Title. Smith J. J Foo. 2020;1:2. 10.1000/abc.", "10.1000/abc"),
        (
            "Title. Smith J. Lancet Neurol. 2015;14:388. doi:10.1016/S1474-4422(15)70016-5.",
            "10.1016/S1474-4422(15)70016-5",
        ),
        ("Title. Smith J. J Foo. 2020;1:2. (doi:10.1000/abc)", "10.1000/abc"),
        ("Title. Smith J. J Foo. 2020;1:2.", None),
    ],
)
def test_doi_forms(raw, doi):
    ref = parse_entry(1, raw)
    assert ref.doi == doi
    assert ref.link is None
    assert ref.journal in ("J Foo", "Lancet Neurol")


def test_a_non_doi_url_goes_to_link_beside_the_doi():
    ref = parse_entry(1, "Title. Smith J. J Foo. 2020;1:2. doi:10.1000/abc. https://pubmed.ncbi.nlm.nih.gov/123/.")
    assert (ref.doi, ref.link) == ("10.1000/abc", "https://pubmed.ncbi.nlm.nih.gov/123/")
    assert ref.url == "https://doi.org/10.1000/abc"


@pytest.mark.parametrize(
    ("text", "is_authors"),
    [
        ("Liu Z, Gao J, Gu R, et al.", True),
        ("Xia F , Powell SN.", True),
        ("Heneka MT, Carson MJ, El Khoury J, et al", True),
        ("Oghabi Bakhshaiesh T, Esmaeili R", True),
        ("Menyhárt O, Fekete JT, Győrffy B", True),
        ("Guevara-Nieto HM, Orozco-Castaño CA, Parra-Medina R, et al", True),
        ("Post AEM, Smid M", True),
        ("van der Berg A, O'Brien K", True),
        ("Roe K", True),
        ("MacDonald NE; SAGE Working Group on Vaccine Hesitancy", True),
        ("Vaccine hesitancy; definition, scope and determinants", False),
        ("Comprehensive Analysis of Transcriptomics in Breast Cancer", False),
        ("RNA Expression of Breast Cancer Resistance Protein, Lung Resistance-Related Protein", False),
        ("Clinical Cancer Research : An Official Journal", False),
        ("Lancet Neurol", False),
        ("Regulation of DNA repair by ATM", False),
        ("Buil JB, Rijs AJMM, Schauwvlieghe AFAD", True),  # Dutch names often carry four initials
        ("Smith JABCD", False),
        ("et al", False),
    ],
)
def test_author_lists_are_told_by_shape(text, is_authors):
    assert _is_author_list(text) is is_authors


# --- the seed document ------------------------------------------------------------------------------------

# (title, first author, journal, year) of each entry, read off the document.
REVIEW_REFERENCES = [
    (
        "Comprehensive Analysis of Transcriptomics and Genetic Alterations Identifies Potential Mechanisms Underlying "
        "Anthracycline Therapy Resistance in Breast Cancer",
        "Liu",
        "Biomolecules",
        2022,
    ),
    (
        "The Molecular Basis of Radiosensitivity and Chemosensitivity in the Treatment of Breast Cancer",
        "Xia",
        "Seminars in Radiation Oncology",
        2002,
    ),
    (
        "Predictive value of DNA repair gene expression for response to neoadjuvant chemotherapy in breast cancer",
        "Kneubil",
        "Journal of Clinical Oncology",
        2022,
    ),
    (
        "Comprehensive Characterization of Pre- And Post-Treatment Samples of Breast Cancer Reveal Potential "
        "Mechanisms of Chemotherapy Resistance",
        "Hoogstraat",
        "NPJ Breast Cancer",
        2022,
    ),
    (
        "Systematic Review of Comparative Transcriptomic Studies of Cellular Resistance to Genotoxic Stress",
        "Ismailov",
        "Mutation Research. Reviews in Mutation Research",
        2023,
    ),
    (
        "RNA Expression of Breast Cancer Resistance Protein, Lung Resistance-Related Protein, Multidrug Resistance- "
        "Associated Proteins 1 and 2, and Multidrug Resistance Gene 1 in Breast Cancer: Correlation With "
        "Chemotherapeutic Response",
        "Burger",
        "Clinical Cancer Research : An Official Journal of the American Association for Cancer Research",
        2003,
    ),
    (
        "Resistance to Combined Anthracycline-Taxane Chemotherapy Is Associated With Altered Metabolism and "
        "Inflammation in Breast Carcinomas",
        "Menyhárt",
        "International Journal of Molecular Sciences",
        2024,
    ),
    (
        "Single-Cell and Spatial Transcriptomics Reveal P4ha2-Mediated Radiotherapy Resistance Mechanisms in Breast "
        "Cancer",
        "Li",
        "Theranostics",
        2026,
    ),
    (
        "Interferon-Stimulated Genes Are Involved in Cross-Resistance to Radiotherapy in Tamoxifen-Resistant Breast "
        "Cancer",
        "Post",
        "Clinical Cancer Research : An Official Journal of the American Association for Cancer Research",
        2018,
    ),
    (
        "Molecular Determinants of Neoadjuvant Chemotherapy Resistance in Breast Cancer: An Analysis of Gene "
        "Expression and Tumor Microenvironment",
        "Guevara-Nieto",
        "PloS One",
        2025,
    ),
    (
        "Subpathway Analysis of Transcriptome Profiles Reveals New Molecular Mechanisms of Acquired Chemotherapy "
        "Resistance in Breast Cancer",
        "Huo",
        "Cancers",
        2022,
    ),
    (
        "Bioinformatic Identification of Chemoresistance-Associated microRNAs in Breast Cancer Based on Microarray "
        "Data",
        "Wang",
        "Oncology Reports",
        2018,
    ),
    (
        "Effects of Noncoding RNAs in Radiotherapy Response in Breast Cancer: A Systematic Review",
        "Oghabi Bakhshaiesh",
        "Cell Cycle (Georgetown, Tex.)",
        2022,
    ),
    (
        "Non-Coding RNAs Associated With Radioresistance in Triple-Negative Breast Cancer",
        "Aranza-Martínez",
        "Frontiers in Oncology",
        2021,
    ),
    (
        "Radiotherapy and Breast Cancer: Finally, an lncRNA Perspective on Radiosensitivity and Radioresistance",
        "Yazarlou",
        "Frontiers in Oncology",
        2024,
    ),
    (
        "Non-Coding RNAs in Breast Cancer Radioresistance: Mechanisms, Functional Roles and Translational Potentials",
        "Zhao",
        "Cell Proliferation",
        2025,
    ),
    (
        "Genome-Wide Profiles of Methylation, microRNAs, and Gene Expression in Chemoresistant Breast Cancer",
        "He",
        "Scientific Reports",
        2016,
    ),
    (
        "Chemoresistome Mapping in Individual Breast Cancer Patients Unravels Diversity in Dynamic Transcriptional "
        "Adaptation",
        "Dadiani",
        "Molecular Oncology",
        2025,
    ),
]


def test_review_document_reference_list():
    text = REVIEW.read_text(encoding="utf-8")
    block = text.split("### References", 1)[1]
    refs, warnings = parse_reference_block(block, REVIEW.name)
    assert [r.number for r in refs] == list(range(1, 19))
    assert [(r.title, r.first_author, r.journal, r.year) for r in refs] == REVIEW_REFERENCES
    assert [r.doi is None for r in refs] == [n == 6 for n in range(1, 19)]
    # The list ends with a stray "2." that is not an entry; it is dropped, and said so.
    assert refs[-1].raw.endswith("doi:10.1002/1878-0261.70030.")
    assert warnings == [f"{REVIEW.name}: '2.' after the last reference ignored"]


# --- warnings ---------------------------------------------------------------------------------------------


def test_block_warnings_name_the_document():
    text = f"See below.\n1. {ENTRY_A}\n3. {ENTRY_B}\n4."
    refs, warnings = _block(text, "review.md")
    # A gap is not a problem: a consolidated list often repeats only some entries.
    assert [r.number for r in refs] == [1, 3]
    assert warnings == [
        "review.md: text before the first reference ignored: 'See below.'",
        "review.md: reference [4] has no text; skipped",
    ]


def test_block_without_numbered_entries_warns():
    refs, warnings = _block("Smith J. Some unnumbered entry. J Foo. 2020;1:2.")
    assert refs == []
    assert warnings == ["no numbered entries in the reference list: 'Smith J. Some unnumbered entry. J Foo. 2020;1:2.'"]
    assert _block("  \n") == ([], [])


def test_a_list_copied_without_its_numbers_is_numbered_in_order():
    """A web page's <ol> draws its numbers: copied, the entries come one a paragraph, with the page's
    links under each ("Article" / "Google Scholar"); read in order, with a warning that says so."""
    refs, warnings = _block(
        "Liu YY, Wang Y (2016) Emergence of MCR-1. Lancet Infect Dis 16:161-168\n\nArticle\nGoogle Scholar\n\n"
        "Moffatt JH, Harper M (2010) Loss of LPS. Antimicrob Agents Chemother 54:4971-4977\n\nCAS\nGoogle Scholar\n"
    )
    assert [(r.number, r.first_author, r.title) for r in refs] == [
        (1, "Liu", "Emergence of MCR-1"),
        (2, "Moffatt", "Loss of LPS"),
    ]
    assert warnings == ["the reference list is not numbered; its 2 entries are read as 1-2 in order"]
    refs, _ = _block("Liu YY. Emergence of MCR-1. Lancet. 2016;16:161.\nSee the supplement for the rest.\n")
    assert refs == []  # a line that names no year is no entry: the list is not read as one


def test_entries_numbered_with_a_dash_glued_to_the_number():
    refs, _ = _block(
        "1- Liu YY. Emergence of MCR-1. Lancet. 2016;16:161.\n2- Moffatt JH. Loss of LPS. AAC. 2010;54:4971."
    )
    assert [(r.number, r.first_author) for r in refs] == [(1, "Liu"), (2, "Moffatt")]


def test_a_markdown_list_numbered_one_throughout_is_numbered_in_order():
    """Markdown renders "1. / 1. / 1." as 1, 2, 3, and the text cites the rendered numbers."""
    refs, warnings = _block("\n".join(f"1. Doe{n} J. Title {n}. Lancet. 2020;1:{n}." for n in range(1, 5)))
    assert [(r.number, r.first_author) for r in refs] == [(1, "Doe1"), (2, "Doe2"), (3, "Doe3"), (4, "Doe4")]
    assert warnings == [
        "every entry of the reference list is numbered 1; read as 1-4 in order, as markdown numbers them"
    ]
    # Two entries with one number are a number listed twice, for the merge to report.
    refs, _ = _block("1. Doe J. Title. Lancet. 2020;1:1.\n1. Roe K. Other. Lancet. 2021;2:2.")
    assert [r.number for r in refs] == [1, 1]


def test_a_note_under_the_last_entry_alone_is_the_pages_own_matter():
    """PubMed Central ends its list with "Articles from ... are provided here courtesy of ...": under the last
    entry alone it was read as that paper's annotation and shown with it.  A list that notes other papers keeps
    its last note (the test above)."""
    refs, warnings = _block(
        "1. Colley DG, Bustinduy AL. Human schistosomiasis. Lancet. 2014;383(9936):2253-2264.\n"
        "2. Roe K, Poe L. Porins and carbapenems. J Antimicrob Chemother. 2020;75(3):501-9.\n"
        "3. Le Clec'h W, Chevalier FD. Genetic analysis of praziquantel response. Sci Transl Med. 2021;13:eabj9114."
        " https://doi.org/10.1126/scitranslmed.abj9114\n\n"
        "Articles from PLoS Neglected Tropical Diseases are provided here courtesy of PLOS\n"
    )
    assert refs[2].raw.endswith("https://doi.org/10.1126/scitranslmed.abj9114")
    assert [w.split(" after ")[0] for w in warnings] == [
        "'Articles from PLoS Neglected Tropical Diseases are provided here courtesy of PLOS'"
    ]


def test_an_annotated_entry_keeps_its_note_out_of_its_fields():
    """Current Opinion and annotated bibliographies write what a paper shows below its entry."""
    refs, warnings = _block(
        "1.•• Doe J, Roe K: Efflux in vivo. Curr Opin Microbiol 2019, 12:34-45.\n"
        "The authors show that efflux pumps matter in a mouse model of infection.\n"
        "2. Roe K, Poe L. Porins and carbapenems. J Antimicrob Chemother. 2020;75(3):501-9.\n"
        "This study links porin loss to treatment failure in 40 patients.\n"
        "3. Poe L (2018) Title of a long paper wrapped\n"
        "Onto the next line of the list. J Chemother 12:34-45.\n"
    )
    one, two, three = refs
    assert (one.authors, one.title, one.journal, one.year, one.pages) == (
        "Doe J, Roe K",
        "Efflux in vivo",
        "Curr Opin Microbiol",
        2019,
        "34-45",
    )
    assert one.raw.endswith("12:34-45. The authors show that efflux pumps matter in a mouse model of infection.")
    assert (two.title, two.journal, two.volume) == ("Porins and carbapenems", "J Antimicrob Chemother", "75")
    assert "porin loss" in two.raw
    # A wrapped entry's next line is no note: its line before ends in no source.
    assert three.journal == "J Chemother" and "Onto the next line" in three.title
    assert warnings == []


# --- merging ----------------------------------------------------------------------------------------------


def test_merge_same_entry_twice_is_merged_with_a_warning():
    first, _ = _block(f"1. {ENTRY_A}\n2. {ENTRY_B}")
    second, _ = _block(f"[2] {ENTRY_B.upper().replace('.', ' .')}\n[3] Gamma. Roe K. J Baz. 2022;7:8.")
    merged, warnings = merge_reference_blocks([first, second], "review.md")
    assert list(merged) == [1, 2, 3]
    assert merged[2] is first[1]
    assert warnings == ["review.md: reference [2] is repeated; merged (same text)"]


def test_merge_different_entries_keeps_the_first_and_says_so():
    first, _ = _block(f"1. {ENTRY_A}")
    second, _ = _block(f"1. {ENTRY_B}")
    merged, warnings = merge_reference_blocks([second, first])
    assert merged == {1: second[0]}
    assert warnings == [
        f"reference [1] is listed twice with different text; keeping the first ('{_excerpt(second[0].raw)}'),"
        f" leaving out '{_excerpt(first[0].raw)}': check which one the text cites"
    ]
    assert "Alpha" in warnings[0] and "Beta" in warnings[0]


def test_a_list_numbered_afresh_with_other_entries_is_said_once():
    """Two parts of a file, each with its own list from [1]: one number space cannot tell them apart, so the
    user hears it once, with what to do, instead of once per number."""
    first, _ = _block(f"1. {ENTRY_A}\n2. {ENTRY_B}\n3. Gamma. Roe K. J Baz. 2022;7:8.")
    second, _ = _block("1. Delta. Lee C. Cell. 2019;2:1.\n2. Epsilon. Lee C. Cell. 2019;2:2.")
    merged, warnings = merge_reference_blocks([first, second], "two.md")
    assert [merged[n] for n in (1, 2, 3)] == first
    assert warnings == [
        "two.md: a second reference list numbered from [1] has other entries under the same numbers (2 of 2, first"
        " 'Delta. Lee C. Cell. 2019;2:1.'); its part's citations are read against the first list: give each part"
        " its own file"
    ]


def test_merge_orders_by_number():
    refs, _ = _block(f"[3] {ENTRY_A}\n[1] {ENTRY_B}")
    merged, warnings = merge_reference_blocks([refs])
    assert list(merged) == [1, 3]
    assert warnings == []


def test_a_group_author_after_a_semicolon():
    ref = parse_entry(
        4,
        "MacDonald NE; SAGE Working Group on Vaccine Hesitancy. Vaccine hesitancy: definition, scope and"
        " determinants. Vaccine 2015;33:4161-4.",
    )
    assert (ref.authors, ref.title, ref.journal, ref.year) == (
        "MacDonald NE; SAGE Working Group on Vaccine Hesitancy",
        "Vaccine hesitancy: definition, scope and determinants",
        "Vaccine",
        2015,
    )
    assert ref.first_author == "MacDonald"


def test_a_doi_in_a_publishers_address_is_the_doi_and_the_address_the_link():
    url = "https://www.science.org/doi/10.1126/science.abb5920"
    ref = parse_entry(1, f"Smith, J. (2021). Title. Science, 371(6529), 602–609. {url}")
    assert (ref.doi, ref.link, ref.journal) == ("10.1126/science.abb5920", url, "Science")
    ref = parse_entry(1, "Title. Smith J. J Foo. 2020;1:2. https://onlinelibrary.wiley.com/doi/full/10.1002/ijc.123")
    assert ref.doi == "10.1002/ijc.123"


def test_a_pubmed_id_is_the_link_of_an_entry_without_doi_or_address():
    ref = parse_entry(10, "Orlando EJ. Target antigen loss. Nat Med. 2018;24:1504-6. PMID: 30275569")
    assert (ref.doi, ref.link, ref.journal) == (None, "https://pubmed.ncbi.nlm.nih.gov/30275569/", "Nat Med")
    # PLOS and the BMJ write it in lower case
    ref = parse_entry(3, "Chan BK, Sistrom M. Phage selection. Sci Rep. 2016;6:26717. pmid:27225966")
    assert (ref.link, ref.journal, ref.pages) == ("https://pubmed.ncbi.nlm.nih.gov/27225966/", "Sci Rep", "26717")


def test_entries_numbered_without_a_full_stop_are_read_in_sequence():
    """Lancet style, or a PDF's copy: "1 Hemingway J, ..."; a wrapped line opening with a number stays."""
    text = (
        "1 Hemingway J, Ranson H, Magill A, et al. Averting a malaria disaster: will insecticide\n"
        "resistance derail malaria control? Lancet 2016; 387:\n"
        "1785–88.\n"
        "2 Ranson H, Lissenden N. Insecticide resistance in African Anopheles mosquitoes. Trends\n"
        "Parasitol 2016; 32: 187–96.\n"
        "3 Ingham VA, Anthousi A. A sensory appendage protein protects malaria vectors. Nature 2020; 577: 376–80.\n"
    )
    entries, warnings = parse_reference_block(text)
    assert [r.number for r in entries] == [1, 2, 3] and not warnings
    assert entries[0].pages == "1785–88" and entries[1].journal == "Trends Parasitol"
    # Two entries, each a line of its own, are numbered too (they were read unnumbered, "1 Conradie F" a title).
    two = "1  Conradie F, Diacon AH, et al. Treatment of XDR-TB. N Engl J Med 2020; 382: 893–902.\n" + (
        "2  Nyang'wa BT, Berry C, et al. A 24-week regimen. N Engl J Med 2022; 387: 2331–43.\n"
    )
    entries, warnings = parse_reference_block(two)
    assert [(r.number, r.first_author) for r in entries] == [(1, "Conradie"), (2, "Nyang'wa")] and not warnings
    # ... but not with another line between them, which may be a wrapped entry's: read unnumbered, with a warning.
    assert parse_reference_block(two.replace("\n2", "\nsee also\n2"))[1]


def test_an_address_ends_an_entry_as_a_full_stop_does():
    text = (
        "11. A hypothesis. Fang M. Med Hypotheses. 2011;76:871-876. "
        "12. https://www.who.int/news-room/fact-sheets/detail/epilepsy "
        "13. The role of inflammation in epilepsy. Vezzani A. Nat Rev Neurol. 2011;7:31-40."
    )
    refs, warnings = parse_reference_block(text)
    assert [r.number for r in refs] == [11, 12, 13] and not warnings
    assert refs[1].link == "https://www.who.int/news-room/fact-sheets/detail/epilepsy"
    assert refs[2].title == "The role of inflammation in epilepsy"


def test_a_doi_ends_an_entry_as_a_full_stop_does():
    """In a list run into one line, a DOI that ends in a letter ("...-z") is no word the next number follows."""
    text = (
        "10. Natriuresis-guided diuretic therapy. ter Maaten JM, et al. Nat Med. 2023;29(10):2625-2632. "
        "doi:10.1038/s41591-023-02532-z 11. Protocolized natriuresis-guided decongestion. Dauw J, et al. "
        "Circ Heart Fail. 2024;17(1):e011105. 10.1161/circheartfailure.123.01110x 12. Diuretic therapy. "
        "Brater DC. N Engl J Med. 1998;339(6):387-395."
    )
    refs, warnings = parse_reference_block(text)
    assert [r.number for r in refs] == [10, 11, 12] and not warnings
    assert (
        refs[0].doi == "10.1038/s41591-023-02532-z" and refs[1].title == "Protocolized natriuresis-guided decongestion"
    )
    assert refs[2].title == "Diuretic therapy"


def test_a_stray_number_after_a_last_entry_that_is_only_an_address_is_no_title():
    text = "1) Roe K. Title one. Blood. 2020.\n2) https://doi.org/10.1038/nature17960 2."
    refs, warnings = parse_reference_block(text, "r.txt")
    assert [r.number for r in refs] == [1, 2] and warnings == ["r.txt: '2.' after the last reference ignored"]
    assert refs[1].title == "" and refs[1].doi == "10.1038/nature17960"


def test_a_stray_number_out_of_sequence_after_the_list_is_said_as_such():
    text = "[1] Roe K. Title one. Blood. 2020;1:2.\n[2] Doe J. Title two. Cell. 2021;3:4.\n2."
    refs, warnings = parse_reference_block(text, "r.txt")
    assert [r.number for r in refs] == [1, 2] and warnings == ["r.txt: '2.' after the last reference ignored"]


def test_a_last_entry_ending_in_its_single_page_keeps_it():
    # Harvard and APA write one page "p. 100."; the full stop of "p." is no entry's end before a stray number.
    text = (
        "1. Doe, J. (2020) 'Pumps', J Med, 1(2), pp. 1-9.\n"
        "2. Roe, K. (2019) Adaptation of cells. Cell Reports, 5, p. 100."
    )
    refs, warnings = parse_reference_block(text, "r.txt")
    assert [r.number for r in refs] == [1, 2] and not warnings
    assert (refs[1].journal, refs[1].volume, refs[1].pages) == ("Cell Reports", "5", "100")


def test_a_year_in_brackets_that_closes_a_title_first_entry_follows_the_journal():
    """ "Title. Authors. Journal (Year)." is not APA: the authors are not before the year."""
    ref = parse_entry(
        2, "The genetic landscape of high-risk neuroblastoma. Pugh TJ, Morozova O, et al. Nature Genetics (2013)."
    )
    assert (ref.authors, ref.title, ref.journal, ref.year) == (
        "Pugh TJ, Morozova O, et al",
        "The genetic landscape of high-risk neuroblastoma",
        "Nature Genetics",
        2013,
    )
    apa = parse_entry(1, "Pugh, T. J., & Morozova, O. (2013). The genetic landscape. Nature Genetics, 45(3), 279-284.")
    assert (apa.authors, apa.title, apa.journal) == (
        "Pugh, T. J., & Morozova, O.",
        "The genetic landscape",
        "Nature Genetics",
    )


def test_a_year_in_brackets_before_the_volume_alone_follows_the_journal():
    """ "Authors. Title. Journal (2012). 25(1):164-192." is not APA either: the volume is no title."""
    ref = parse_entry(
        1,
        "Doggett SL, Dwyer DE, Penas PF, Russell RC. Bed bugs: clinical relevance and control options. "
        "Clinical Microbiology Reviews (2012). 25(1):164-192. doi:10.1128/CMR.05015-11",
    )
    assert (ref.authors, ref.title, ref.journal, ref.year, ref.volume, ref.issue, ref.pages) == (
        "Doggett SL, Dwyer DE, Penas PF, Russell RC",
        "Bed bugs: clinical relevance and control options",
        "Clinical Microbiology Reviews",
        2012,
        "25",
        "1",
        "164-192",
    )
    assert parse_entry(2, "Mamidala P, Kornacker K. RNA-Seq of the bed bug. BMC Genomics (2012). 13:6.").pages == "6"


@pytest.mark.parametrize(
    "raw, title, journal",
    [
        pytest.param(
            "Davidse LC, Hofman AE. Specific interference of metalaxyl in nuclei from Phytophthora megasperma"
            " f. sp. medicaginis. Exp Mycol. 1983;7(4):344-61.",
            "Specific interference of metalaxyl in nuclei from Phytophthora megasperma f. sp. medicaginis",
            "Exp Mycol",
            id="forma-specialis",
        ),
        pytest.param(
            "Roe K, Doe J. Copper tolerance in Pseudomonas syringae pv. tomato. Plant Dis. 2019;3:4-9.",
            "Copper tolerance in Pseudomonas syringae pv. tomato",
            "Plant Dis",
            id="pathovar",
        ),
        pytest.param(
            "Jacobsen C, Honecker F. Cisplatin resistance in germ cell tumours. Andrology 2015;3:111-21.",
            "Cisplatin resistance in germ cell tumours",
            "Andrology",
            id="an-initial-F-still-ends-the-authors",
        ),
    ],
)
def test_ranks_below_the_species_end_no_title(raw, title, journal):
    ref = parse_entry(3, raw)
    assert (ref.title, ref.journal) == (title, journal)


def test_a_book_chapter_names_its_book_where_a_journal_would_stand():
    ref = parse_entry(
        12,
        "Sierotzki H, Blum M, et al. Sensitivity to CAA fungicides. In: Dehne HW, Deising HB, Gisi U, et al., eds."
        " Modern Fungicides and Antifungal Compounds VI. Braunschweig: DPG; 2011:103-10.",
    )
    assert (ref.authors, ref.title, ref.journal, ref.year, ref.pages) == (
        "Sierotzki H, Blum M, et al",
        "Sensitivity to CAA fungicides",
        "Modern Fungicides and Antifungal Compounds VI",
        2011,
        "103-10",
    )
    ref = parse_entry(
        10, "Lee K. A chapter. In: Roe J, ed. Molecular Oncology. 3rd ed. Oxford University Press; 2020:1-9."
    )
    assert (ref.title, ref.journal, ref.year) == ("A chapter", "Molecular Oncology", 2020)


@pytest.mark.parametrize(
    "raw, authors, title",
    [
        pytest.param(
            "Comparison of two doses of imatinib: a meta-analysis of 1,640 patients. Gastrointestinal Stromal Tumor"
            " Meta-Analysis Group (MetaGIST). J Clin Oncol. 2010;28(7):1247-53.",
            "Gastrointestinal Stromal Tumor Meta-Analysis Group (MetaGIST)",
            "Comparison of two doses of imatinib: a meta-analysis of 1,640 patients",
            id="title-first",
        ),
        pytest.param(
            "European Centre for Disease Prevention and Control (ECDC). Antimicrobial resistance in Europe."
            " Stockholm: ECDC; 2023.",
            "European Centre for Disease Prevention and Control (ECDC)",
            "Antimicrobial resistance in Europe",
            id="group-first",
        ),
    ],
)
def test_a_group_author_may_carry_its_short_form_in_brackets(raw, authors, title):
    ref = parse_entry(3, raw)
    assert (ref.authors, ref.title) == (authors, title)


def test_a_dotted_short_form_before_a_lower_case_word_ends_no_title():
    ref = parse_entry(
        14, "Grabke A, Schnabel G. Resistance profiles from seven southern U.S. states. Plant Dis 2014;98:825-833."
    )
    assert (ref.title, ref.journal) == ("Resistance profiles from seven southern U.S. states", "Plant Dis")


def test_a_linked_title_keeps_its_full_stop_before_the_journal():
    ref = parse_entry(
        1,
        "Kaakoush NO, Man SM. [Global epidemiology of Campylobacter infection](https://doi.org/10.1128/CMR.00006-15)."
        " *Clin Microbiol Rev*. 2015;28(3):687-720.",
    )
    assert (ref.title, ref.journal, ref.year, ref.doi) == (
        "Global epidemiology of Campylobacter infection",
        "Clin Microbiol Rev",
        2015,
        "10.1128/CMR.00006-15",
    )


def test_a_linked_title_that_opens_a_vancouver_entry_keeps_its_authors_and_journal():
    """A linked title, then "Authors. Journal. Year;vol:pages.": the sentences after the link are a citation's."""
    text = (
        "1. [Erlotinib versus chemotherapy. The EURTAC trial](https://doi.org/10.1016/S1470-2045(11)70393-X)."
        " Rosell R, Carcereny E, et al. *Lancet Oncol*. 2012;13(3):239-246.\n"
        "2. [Is resistance inevitable?](https://example.org/review) Doe J, Roe K. Cell. 2019.\n"
        "3. [Tracing Candida auris](https://doi.org/10.1128/mBio.03364-19) - Chow NA, Gade L, et al., mBio (2020)\n"
    )
    refs, _ = parse_reference_block(text, "r.md")
    assert [(r.title, r.authors, r.journal, r.year) for r in refs] == [
        ("Erlotinib versus chemotherapy. The EURTAC trial", "Rosell R, Carcereny E, et al", "Lancet Oncol", 2012),
        ("Is resistance inevitable?", "Doe J, Roe K", "Cell", 2019),
        ("Tracing Candida auris", "Chow NA, Gade L, et al", "mBio", 2020),  # a dash: read as a list, as before
    ]
    # Authors and venue in brackets after the link, as a chat assistant writes them.
    ref = parse_entry(
        1, "[Efflux pumps in tumour cells](https://doi.org/10.1000/xyz) (Doe J, Roe K, Cancer Res, 2019)."
    )
    assert (ref.title, ref.authors, ref.journal, ref.year) == (
        "Efflux pumps in tumour cells",
        "Doe J, Roe K",
        "Cancer Res",
        2019,
    )
    assert (refs[0].volume, refs[0].issue, refs[0].pages) == ("13", "3", "239-246")
    assert refs[0].raw.startswith("Erlotinib versus chemotherapy. The EURTAC trial. Rosell R")
    assert refs[1].link == "https://example.org/review"


def test_an_entry_ending_in_volume_and_pages_after_commas_keeps_them():
    """ "Cell, 3, 4." ends a line: the "4." after a comma is the entry's pages, not a marker of entry 4."""
    text = (
        "1. Doe, J. (2020). A title here. J Med, 1, 2.\n2. Roe, K. (2019). Second title. Cell, 3, 4.\n"
        "3. Poe, L. (2018). Third title. Nature, 5, 6.\n4. Moe, M. (2017). Fourth title. Science, 7, 8.\n"
    )
    refs, warnings = parse_reference_block(text, "r.md")
    assert [(r.number, r.raw) for r in refs] == [
        (1, "Doe, J. (2020). A title here. J Med, 1, 2."),
        (2, "Roe, K. (2019). Second title. Cell, 3, 4."),
        (3, "Poe, L. (2018). Third title. Nature, 5, 6."),
        (4, "Moe, M. (2017). Fourth title. Science, 7, 8."),
    ]
    assert not warnings
    # Entries run together on one line (a PDF's copy) still split after a full stop.
    refs, _ = parse_reference_block("1. Doe J. A title. J Med. 2020. 2. Roe K. Second. Cell. 2019.", "r.md")
    assert [r.title for r in refs] == ["A title", "Second"]


def test_a_closing_question_in_its_own_paragraph_is_no_part_of_the_last_entry():
    """An assistant's offer after its sources ends no entry, whatever the entry ends in (a year here)."""
    text = (
        "[20] https://www.irac-online.org/modes-of-action/\n"
        "[21] [Cross-resistance of Bemisia tabaci to cyantraniliprole](https://doi.org/10.1002/ps.3885)"
        " — Pest Management Science, 2015\n\n"
        "Would you like me to expand the section on greenhouse management, including biological control?\n"
    )
    refs, warnings = parse_reference_block(text, "r.md")
    assert [r.number for r in refs] == [20, 21]
    assert refs[1].journal == "Pest Management Science" and refs[1].year == 2015
    assert warnings == [
        "r.md: 'Would you like me to expand the section on greenhouse management, including biological control?'"
        " after the last reference ignored"
    ]


def test_a_rule_closes_the_list_and_what_follows_it_is_no_part_of_the_last_entry():
    text = (
        "- [20] https://www.ema.europa.eu/en/medicines/human/EPAR/vyvgart\n"
        "- [21] https://clinicaltrials.gov/study/NCT01997229\n\n---\n"
        "_Generated with a research assistant on 2026-11-28._\n"
    )
    refs, warnings = parse_reference_block(text, "r.md")
    assert [(r.number, r.title, r.link) for r in refs] == [
        (20, "", "https://www.ema.europa.eu/en/medicines/human/EPAR/vyvgart"),
        (21, "", "https://clinicaltrials.gov/study/NCT01997229"),
    ]
    assert len(warnings) == 1 and warnings[0].startswith("r.md: text after the reference list ignored: 'Generated")


@pytest.mark.parametrize(
    ("address", "doi"),
    [
        ("https://www.biorxiv.org/content/10.1101/2023.01.15.524121v1", "10.1101/2023.01.15.524121"),
        ("https://www.medrxiv.org/content/10.1101/2021.02.03.21251054v2.full.pdf", "10.1101/2021.02.03.21251054"),
        ("https://link.springer.com/article/10.1007/s00134-020-06022-5", "10.1007/s00134-020-06022-5"),
        ("https://www.nature.com/articles/s41586-020-2012-7", None),
    ],
)
def test_a_doi_inside_a_preprint_servers_or_publishers_address(address, doi):
    """bioRxiv's and Springer's addresses hold the DOI ("/content/10.1101/...v1", "/article/10.1007/..."); it was not
    read, so the entry had no DOI. A preprint's version and page ("v2.full.pdf") are no part of it."""
    ref = parse_entry(1, f"Smith J, Doe A. Base editing off-targets. J Med. 2023;1:2. {address}")
    assert ref.doi == doi and ref.link == address


@pytest.mark.parametrize(
    ("raw", "authors", "journal", "year"),
    [
        (
            "Perlin DS, et al., Lancet Infect Dis, 2017. DOI: 10.1016/S1473-3099(17)30316-X",
            "Perlin DS, et al",
            "Lancet Infect Dis",
            2017,
        ),
        ("Arendrup MC, Perlin DS, Curr Opin Infect Dis, 2014.", "Arendrup MC, Perlin DS", "Curr Opin Infect Dis", 2014),
        ("Thompson GR 3rd, et al., Lancet, 2023.", "Thompson GR 3rd, et al", "Lancet", 2023),
        ("J. Smith and A. Doe, J. Hosp. Infect., 2020, 104, 45–67.", "J. Smith and A. Doe", "J. Hosp. Infect.", 2020),
        (
            "J.-P. Smith, A. van der Berg, et al., Energy Environ. Sci., 2021, 14(3), 1234–1250.",
            "J.-P. Smith, A. van der Berg, et al",
            "Energy Environ. Sci.",
            2021,
        ),
    ],
)
def test_an_entry_with_no_title_gives_authors_journal_and_year(raw, authors, journal, year):
    """A chat assistant's "Authors, et al., Journal, Year." entry, and the Royal Society of Chemistry's "J. Smith and
    A. Doe, Journal, 2020, 104, 45–67." (its whole text was read as a title "Smith and A. Doe, J"): no title to
    read."""
    ref = parse_entry(1, raw)
    assert (ref.authors, ref.title, ref.journal, ref.year) == (authors, "", journal, year)


@pytest.mark.parametrize(
    ("raw", "authors", "title", "journal"),
    [
        (
            "Finkel RS, Mercuri E, et al., Nusinersen versus sham control in infantile-onset spinal muscular atrophy,"
            " New England Journal of Medicine (2017). https://doi.org/10.1056/NEJMoa1702752",
            "Finkel RS, Mercuri E, et al",
            "Nusinersen versus sham control in infantile-onset spinal muscular atrophy",
            "New England Journal of Medicine",
        ),
        (
            "Finkel RS et al., Nusinersen versus sham control in infantile-onset spinal muscular atrophy, N Engl J Med,"
            " 2017.",
            "Finkel RS et al",
            "Nusinersen versus sham control in infantile-onset spinal muscular atrophy",
            "N Engl J Med",
        ),
        (
            "Smith J, Drug resistance, mechanisms and outcomes in bacteria, J Med, 2017.",
            "Smith J",
            "Drug resistance, mechanisms and outcomes in bacteria",
            "J Med",
        ),
    ],
)
def test_an_entry_whose_fields_commas_part_gives_its_title_and_journal(raw, authors, title, journal):
    """A chat assistant's "Authors, Title, Journal (Year)." entry: the authors, title and journal were all read as
    authors, so a question about the paper's journal found nothing. A title may hold commas; the journal is the last
    part before the year."""
    ref = parse_entry(1, raw)
    assert (ref.authors, ref.title, ref.journal, ref.year) == (authors, title, journal, 2017)
    assert ref.first_author == authors.split()[0]


def test_a_browsing_assistants_lenticular_source_list_is_a_reference_list():
    """【1】 Title — Journal (Year). https://doi.org/... as a browsing chat assistant lists its sources."""
    text = (
        "【1】 Mycoplasma pneumoniae from the respiratory tract and beyond — Clinical Microbiology Reviews (2017)."
        " https://doi.org/10.1128/CMR.00114-16\n"
        "【2】 https://www.cdc.gov/mycoplasma/hcp/clinical-overview/index.html\n"
    )
    refs, warnings = parse_reference_block(text, "r.md")
    assert not warnings and [r.number for r in refs] == [1, 2]
    assert (refs[0].title, refs[0].journal, refs[0].year) == (
        "Mycoplasma pneumoniae from the respiratory tract and beyond",
        "Clinical Microbiology Reviews",
        2017,
    )
    assert refs[1].link == "https://www.cdc.gov/mycoplasma/hcp/clinical-overview/index.html"


def test_a_reference_list_set_as_a_table():
    text = (
        "| No. | Reference |\n|---|---|\n"
        "| 1 | Goadsby PJ, Reuter U. A controlled trial of erenumab for episodic migraine."
        " N Engl J Med. 2017;377:2123-2132. |\n"
        "| 2 | Tepper S, Ashina M. Erenumab for chronic migraine. Lancet Neurol. 2017;16:425-434. |\n"
    )
    refs, warnings = parse_reference_block(text)
    assert [(r.number, r.title, r.journal, r.year) for r in refs] == [
        (1, "A controlled trial of erenumab for episodic migraine", "N Engl J Med", 2017),
        (2, "Erenumab for chronic migraine", "Lancet Neurol", 2017),
    ]
    assert warnings == []


def test_a_rendered_footnotes_back_arrows_are_not_part_of_it():
    text = (
        "1. Turner NC, Ro J. Palbociclib in advanced breast cancer. N Engl J Med. 2015;373:209-219. ↩\n"
        "2. Finn RS, Martin M. Palbociclib and letrozole. N Engl J Med. 2016;375:1925-1936."
        " doi:10.1056/NEJMoa1607303 ↩ ↩2\n"
    )
    refs, _ = parse_reference_block(text)
    assert [r.pages for r in refs] == ["209-219", "1925-1936"] and refs[1].doi == "10.1056/NEJMoa1607303"
    assert not any("↩" in r.raw for r in refs)


@pytest.mark.parametrize(
    ("raw", "title", "journal"),
    [
        (
            "Teclistamab in Relapsed or Refractory Multiple Myeloma | New England Journal of Medicine, accessed March"
            " 3, 2025, https://www.nejm.org/doi/full/10.1056/NEJMoa2203478",
            "Teclistamab in Relapsed or Refractory Multiple Myeloma",
            "New England Journal of Medicine",
        ),
        (
            "γ-Secretase inhibition increases efficacy of BCMA-specific CAR T cells | Blood | American Society of"
            " Hematology, accessed March 4, 2025, https://ashpublications.org/blood/article/134/19/1585/374901/",
            "γ-Secretase inhibition increases efficacy of BCMA-specific CAR T cells",
            "Blood",
        ),
        (
            "Cilta-cel or Standard Care in Lenalidomide-Refractory Multiple Myeloma - PubMed, accessed March 3, 2025,"
            " https://pubmed.ncbi.nlm.nih.gov/37272512/",
            "Cilta-cel or Standard Care in Lenalidomide-Refractory Multiple Myeloma",
            "",
        ),
        (
            "Biallelic loss of BCMA as a resistance mechanism - PMC, accessed 3 March 2025,"
            " https://pmc.ncbi.nlm.nih.gov/articles/PMC7870932/",
            "Biallelic loss of BCMA as a resistance mechanism",
            "",
        ),
        (
            "Erythropoiesis-stimulating agent hyporesponsiveness - PubMed - National Library of Medicine"
            " https://pubmed.ncbi.nlm.nih.gov/17635746/",
            "Erythropoiesis-stimulating agent hyporesponsiveness",
            "",
        ),
        (
            "Greater epoetin alfa responsiveness and survival - PMC - NCBI https://pmc.ncbi.nlm.nih.gov/articles/PMC2440276/",
            "Greater epoetin alfa responsiveness and survival",
            "",
        ),
    ],
)
def test_a_page_title_with_the_day_it_was_read_gives_title_and_journal_and_no_year(raw, title, journal):
    """Gemini's "Works cited": the page's title as the browser shows it, "accessed" and the address. The day
    the page was read is no year of the work, and "- PubMed" names the site, not a journal."""
    ref = parse_entry(1, raw)
    assert (ref.title, ref.journal, ref.year, ref.authors) == (title, journal, None, "")
    assert ref.link or ref.doi


def test_an_access_date_is_no_year_beside_the_works_own():
    ref = parse_entry(1, "Smith J. Resistance in N1. J Virol. 2019;93:e1. Accessed March 3, 2025.")
    assert (ref.title, ref.journal, ref.year) == ("Resistance in N1", "J Virol", 2019)


def test_a_joint_report_of_two_bodies_names_both_as_its_authors():
    ref = parse_entry(
        1,
        "European Food Safety Authority, European Centre for Disease Prevention and Control. The European Union"
        " summary report on antimicrobial resistance in 2021-2022. EFSA J. 2024;22(2):e8583.",
    )
    assert ref.authors == "European Food Safety Authority, European Centre for Disease Prevention and Control"
    assert ref.title.startswith("The European Union summary report") and ref.journal == "EFSA J"


@pytest.mark.parametrize(
    ("raw", "journal", "volume", "issue", "pages"),
    [
        (
            "Kuter DJ, Bussel JB. Romiplostim in chronic ITP. Lancet. 2008 Feb 2. 371 (9610):395-403. "
            "[QxMD MEDLINE Link]. [Full Text].",
            "Lancet",
            "371",
            "9610",
            "395-403",
        ),
        (
            "Li J, Ma L. Desialylation in ITP. Nat Commun. 2015 Jul 17. 6:7737. [QxMD MEDLINE Link].",
            "Nat Commun",
            "6",
            "",
            "7737",
        ),
    ],
)
def test_a_medscape_entry_has_its_journal_volume_and_pages(raw, journal, volume, issue, pages):
    entry = parse_entry(1, raw, "medscape.txt")
    assert (entry.journal, entry.volume, entry.issue, entry.pages) == (journal, volume, issue, pages)
    assert entry.year in (2008, 2015) and "QxMD" not in entry.title


def test_an_mdpi_entry_with_dotted_initials_has_its_authors_title_and_journal():
    entry = parse_entry(
        1,
        "Henriquez-Camacho C., Gotuzzo E., White A.C., Jr., Terashima A., Plana M.N., et al. Ivermectin versus "
        "albendazole for Strongyloides stercoralis infection. Cochrane Database Syst. Rev. 2016;2016:CD007745. "
        "[Europe PMC free article] [Abstract] [Google Scholar]",
        "mdpi.txt",
    )
    assert entry.authors == "Henriquez-Camacho C, Gotuzzo E, White AC Jr, Terashima A, Plana MN, et al"
    assert entry.title == "Ivermectin versus albendazole for Strongyloides stercoralis infection"
    assert entry.year == 2016 and "Scholar" not in entry.journal


def test_a_search_tools_citation_count_is_no_part_of_the_journal():
    entry = parse_entry(
        1,
        "Taylor, W. R. J., et al. (2019). Short-course primaquine. The Lancet, 394(10202), 929–938. Citations: 145",
        "x",
    )
    assert entry.journal == "The Lancet" and entry.pages == "929–938"


@pytest.mark.parametrize(
    ("raw", "authors", "title", "journal"),
    [
        # A book's editor after the title, title first.
        (
            "Galvanized Steel Reinforcement in Concrete. Yeomans SR (editor). Elsevier. 2004.",
            "Yeomans SR (editor)",
            "Galvanized Steel Reinforcement in Concrete",
            "Elsevier",
        ),
        # A conference's proceedings with no publisher before the year and pages.
        (
            "Lin S, Hilton J, Evans O. TruthfulQA: Measuring how models mimic human falsehoods. In: Proceedings of "
            "the 60th Annual Meeting of the Association for Computational Linguistics. 2022:3214-3252.",
            "Lin S, Hilton J, Evans O",
            "TruthfulQA: Measuring how models mimic human falsehoods",
            "Proceedings of the 60th Annual Meeting of the Association for Computational Linguistics",
        ),
        # The NLM's chapter form: editors in full, a volume, the pages after the year.
        (
            "Gangloff RP. Hydrogen assisted cracking of high strength alloys. In: Milne I, Ritchie RO, Karihaloo B, "
            "editors. Comprehensive Structural Integrity. Vol 6. Oxford: Elsevier; 2003. p. 31-101.",
            "Gangloff RP",
            "Hydrogen assisted cracking of high strength alloys",
            "Comprehensive Structural Integrity",
        ),
        # A title in parts: the part's numeral ends no sentence, after a colon or a full stop.
        (
            "Keil P, Schuster SF, Wilhelm J, et al. Calendar aging of lithium-ion batteries: I. Impact of the "
            "graphite anode on capacity fade. J Electrochem Soc. 2016;163(9):A1872-A1880.",
            "Keil P, Schuster SF, Wilhelm J, et al",
            "Calendar aging of lithium-ion batteries: I. Impact of the graphite anode on capacity fade",
            "J Electrochem Soc",
        ),
        (
            "Bull BS, Korpman RA, Huse WM, Briggs BD. Heparin therapy during extracorporeal circulation. I. Problems "
            "inherent in existing heparin protocols. J Thorac Cardiovasc Surg. 1975;69:674-684.",
            "Bull BS, Korpman RA, Huse WM, Briggs BD",
            "Heparin therapy during extracorporeal circulation. I. Problems inherent in existing heparin protocols",
            "J Thorac Cardiovasc Surg",
        ),
        # A title in two sentences (a question, a part): the journal is the last sentence before the year.
        (
            "Schulte P. What is an adequate trial with clozapine? Therapeutic drug monitoring and time to response "
            "in treatment-refractory schizophrenia. Clin Pharmacokinet. 2003;42(7):607-618.",
            "Schulte P",
            "What is an adequate trial with clozapine? Therapeutic drug monitoring and time to response in "
            "treatment-refractory schizophrenia",
            "Clin Pharmacokinet",
        ),
        (
            "Bissen M, Frimmel FH. Arsenic - a review. Part II: oxidation of arsenic and its removal in water "
            "treatment. Acta Hydrochim Hydrobiol. 2003;31(2):97-107.",
            "Bissen M, Frimmel FH",
            "Arsenic - a review. Part II: oxidation of arsenic and its removal in water treatment",
            "Acta Hydrochim Hydrobiol",
        ),
        # ... and a journal abbreviated with full stops keeps all its pieces.
        (
            "Meng X, Bang S, Korfiatis GP. Effects of silicate, sulfate, and carbonate on arsenic removal. "
            "Proc. Natl. Acad. Sci. U.S.A. 2000;34(4):1255-1261.",
            "Meng X, Bang S, Korfiatis GP",
            "Effects of silicate, sulfate, and carbonate on arsenic removal",
            "Proc. Natl. Acad. Sci. U.S.A.",
        ),
    ],
)
def test_editors_proceedings_and_titles_in_parts(raw, authors, title, journal):
    ref = parse_entry(1, raw)
    assert (ref.authors, ref.title, ref.journal) == (authors, title, journal)


def test_an_assistant_offer_after_the_last_source_is_no_part_of_it():
    text = (
        "1. Reversible Hydration of CH3NH3PbI3 in Films – Chemistry of Materials (2015) – https://doi.org/10.1021/x\n"
        "2. A hole-conductor-free, fully printable mesoscopic perovskite solar cell – Science (2014) – "
        "https://doi.org/10.1126/science.1254763\n\n"
        "If you want, I can turn this into a one-page summary table of degradation mechanisms.\n"
    )
    refs, warnings = parse_reference_block(text, "p.md")
    assert refs[-1].title == "A hole-conductor-free, fully printable mesoscopic perovskite solar cell"
    assert refs[-1].journal == "Science" and refs[-1].year == 2014
    assert any("If you want" in w and "ignored" in w for w in warnings)


@pytest.mark.parametrize(
    ("raw", "title", "journal"),
    [
        (
            "Transport and fate of microplastic particles in wastewater treatment plants - Water Research, accessed "
            "November 3, 2025, https://doi.org/10.1016/j.watres.2016.01.002",
            "Transport and fate of microplastic particles in wastewater treatment plants",
            "Water Research",
        ),
        (
            "Microplastics - ECHA, accessed November 3, 2025, https://echa.europa.eu/hot-topics/microplastics",
            "Microplastics",
            "ECHA",
        ),
    ],
)
def test_a_page_title_names_its_site_after_a_dash(raw, title, journal):
    ref = parse_entry(1, raw)
    assert (ref.title, ref.journal) == (title, journal)


@pytest.mark.parametrize(
    ("raw", "authors", "title", "publisher", "year"),
    [
        (
            "G. S. Springer, *Erosion by Liquid Impact*. Washington, DC, USA: Scripta Publishing, 1976.",
            "G. S. Springer",
            "Erosion by Liquid Impact",
            "Scripta Publishing",
            1976,
        ),
        (
            "D. R. Halvorsen, Bacteriophages in Medicine: A Century of Phage Therapy, 2nd ed. Cambridge, U.K.: "
            "Cambridge Univ. Press, 2018.",
            "D. R. Halvorsen",
            "Bacteriophages in Medicine: A Century of Phage Therapy",
            "Cambridge Univ. Press",
            2018,
        ),
        (
            "S. Haykin and M. Moher, *Communication Systems*, 5th ed. Hoboken, NJ, USA: Wiley, 2009.",
            "S. Haykin and M. Moher",
            "Communication Systems",
            "Wiley",
            2009,
        ),
    ],
)
def test_an_ieee_book_has_its_authors_title_and_publisher(raw, authors, title, publisher, year):
    ref = parse_entry(1, raw)
    assert (ref.authors, ref.title, ref.journal, ref.year) == (authors, title, publisher, year)


def test_surnames_after_a_linked_title_are_its_authors():
    """A chat assistant's "— Kharraz et al., DIMVA, 2015": surnames without initials, then the venue."""
    text = (
        "1. [Cutting the Gordian Knot](https://doi.org/10.1007/978-3-319-20550-2_1) — Kharraz et al., DIMVA, 2015\n"
        "2. [EMBER: An Open Dataset](https://doi.org/10.48550/arXiv.1804.04637) — Anderson & Roth, arXiv, 2018\n"
        "3. [R-Locker](https://doi.org/10.1016/j.cose.2018.01.001) — Computers & Security, 2018\n"
    )
    refs, _ = parse_reference_block(text, "r.md")
    assert [(r.authors, r.journal, r.year) for r in refs] == [
        ("Kharraz et al", "DIMVA", 2015),
        ("Anderson & Roth", "arXiv", 2018),
        ("", "Computers & Security", 2018),  # a journal alone is no author
    ]


def test_a_lead_in_to_a_second_list_is_no_part_of_the_last_entry():
    text = (
        "17. [Adversarial Malware Binaries](https://doi.org/10.23919/EUSIPCO.2018.8553214) — Kolosnjaji et al.,"
        " EUSIPCO, 2018\n"
        "18. [TESSERACT](https://www.usenix.org/conference/usenixsecurity19/presentation/pendlebury) — Pendlebury"
        " et al., USENIX Security, 2019\n\n"
        "If you want to go deeper on datasets and network-level detection, these are good starting points:\n"
    )
    refs, warnings = parse_reference_block(text, "r.md")
    assert (refs[-1].journal, refs[-1].year) == ("USENIX Security", 2019)
    assert warnings == [
        "r.md: 'If you want to go deeper on datasets and network-level detection, these are good starting points:'"
        " after the last reference ignored"
    ]


def test_an_agency_with_a_dotted_short_name_is_the_author():
    ref = parse_entry(
        18,
        "U.S. Environmental Protection Agency. PFAS National Primary Drinking Water Regulation: final rule. Fed "
        "Regist. 2024;89:32532-32757.",
    )
    assert (ref.authors, ref.title, ref.journal) == (
        "U.S. Environmental Protection Agency",
        "PFAS National Primary Drinking Water Regulation: final rule",
        "Fed Regist",
    )


@pytest.mark.parametrize(
    ("raw", "authors", "title", "journal", "year"),
    [
        (
            "A. G. Fowler, M. Mariantoni, J. M. Martinis and A. N. Cleland, Surface codes: towards practical "
            "large-scale quantum computation, Phys. Rev. A 86, 032324 (2012).",
            "A. G. Fowler, M. Mariantoni, J. M. Martinis and A. N. Cleland",
            "Surface codes: towards practical large-scale quantum computation",
            "Phys. Rev. A",
            2012,
        ),
        (
            "J. Edmonds, Paths, trees, and flowers, Can. J. Math. 17, 449 (1965).",
            "J. Edmonds",
            "Paths, trees, and flowers",
            "Can. J. Math.",
            1965,
        ),
        (
            "S. B. Bravyi and A. Yu. Kitaev, Quantum codes on a lattice with boundary, arXiv:quant-ph/9811052 (1998).",
            "S. B. Bravyi and A. Yu. Kitaev",
            "Quantum codes on a lattice with boundary",
            "arXiv:quant-ph/9811052",
            1998,
        ),
        (
            "Google Quantum AI, Suppressing quantum errors by scaling a surface code logical qubit, Nature 614, 676 "
            "(2023).",
            "Google Quantum AI",
            "Suppressing quantum errors by scaling a surface code logical qubit",
            "Nature",
            2023,
        ),
        # Nature's style, surnames before their initials, stays Nature's.
        (
            "Kowalski, P., Adeyemi, F. & Strand, H. Activating PIK3CA mutations and PI3K pathway addiction. Nat. "
            "Genet. 52, 1183–1194 (2020).",
            "Kowalski, P., Adeyemi, F. & Strand, H.",
            "Activating PIK3CA mutations and PI3K pathway addiction",
            "Nat. Genet.",
            2020,
        ),
    ],
)
def test_the_physics_journals_style_is_read(raw, authors, title, journal, year):
    ref = parse_entry(1, raw)
    assert (ref.authors, ref.title, ref.journal, ref.year) == (authors, title, journal, year)


@pytest.mark.parametrize(
    ("raw", "authors", "title", "journal", "numbers"),
    [
        (
            "SMITH, J.; DOE, A. Efflux pumps in Gram-negative bacteria. Journal of Antimicrobial Chemotherapy, v. 75, "
            "n. 3, p. 45-67, 2020. DOI: https://doi.org/10.1093/jac/dkz001.",
            "SMITH, J.; DOE, A.",
            "Efflux pumps in Gram-negative bacteria",
            "Journal of Antimicrobial Chemotherapy",
            ("75", "3", "45-67", 2020),
        ),
        (
            "OLIVEIRA, M. C. et al. Porin loss and carbapenem resistance in Klebsiella pneumoniae. Brazilian Journal "
            "of Microbiology, v. 51, p. 100-110, Mar. 2021. Available at: https://example.org/bjm/51/100. Accessed "
            "on: 5 Jan. 2024.",
            "OLIVEIRA, M. C. et al",
            "Porin loss and carbapenem resistance in Klebsiella pneumoniae",
            "Brazilian Journal of Microbiology",
            ("51", "", "100-110", 2021),
        ),
        (
            "COSTA, R.; LIMA, P. Aminoglycoside penetration through biofilms. Antimicrobial Agents and Chemotherapy, "
            "v. 64, n. 2, e01234-19, 2019.",
            "COSTA, R.; LIMA, P.",
            "Aminoglycoside penetration through biofilms",
            "Antimicrobial Agents and Chemotherapy",
            ("64", "2", "e01234-19", 2019),
        ),
        (
            "Smith, J. A., Doe, B. Porin loss and carbapenem resistance. J Med. 2020;12:100-110.",
            "Smith, J. A., Doe, B.",
            "Porin loss and carbapenem resistance",
            "J Med",
            ("12", "", "100-110", 2020),
        ),
        (
            "Smith J. A. baumannii porin loss and carbapenem resistance. J Med. 2020;12:100-110.",
            "Smith J",
            "A. baumannii porin loss and carbapenem resistance",
            "J Med",
            ("12", "", "100-110", 2020),
        ),
        (
            "Smith, J., Doe, A., 2020. Efflux pumps in Gram-negative bacteria. J. Hosp. Infect. 104, 45–67.",
            "Smith, J., Doe, A.",
            "Efflux pumps in Gram-negative bacteria",
            "J. Hosp. Infect.",
            ("104", "", "45–67", 2020),
        ),
        (
            "Smith, J.A., Doe, A.-B., et al., 2019a. Microplastics in rivers. What is known? Science of the Total "
            "Environment 650 (2), 1234–1245. https://doi.org/10.1016/j.scitotenv.2018.09.001",
            "Smith, J.A., Doe, A.-B., et al",
            "Microplastics in rivers. What is known?",
            "Science of the Total Environment",
            ("650", "2", "1234–1245", 2019),
        ),
        (
            "Cancer Genome Atlas Research Network, 2014. Comprehensive molecular profiling of lung adenocarcinoma. "
            "Nature 511, 543–550.",
            "Cancer Genome Atlas Research Network",
            "Comprehensive molecular profiling of lung adenocarcinoma",
            "Nature",
            ("511", "", "543–550", 2014),
        ),
        (
            "World Health Organization, 2022. Global antimicrobial resistance and use surveillance system report. "
            "WHO, Geneva.",
            "World Health Organization",
            "Global antimicrobial resistance and use surveillance system report",
            "WHO, Geneva",
            ("", "", "", 2022),
        ),
    ],
)
def test_abnt_elsevier_harvard_and_authors_with_several_dotted_initials(raw, authors, title, journal, numbers):
    """ABNT (NBR 6023), as Brazilian journals write it: surnames in capitals, "v. 75, n. 3, p. 45-67, 2020." after
    the journal, which was lost; an author's second initial ("M. C.", "J. A.") ended the authors, so the title
    began "C. et al." or "A., Doe, B."; "DOI: https://doi.org/..." and "Accessed on: 5 Jan. 2024." are no fields.
    A genus after one initial ("Smith J. A. baumannii ...") still opens the title.  Elsevier's Harvard style ends
    the authors with the year after a comma ("Smith, J., Doe, A., 2020."): the whole entry was read as a title
    "Smith, J., Doe, A., 2020" with no authors or journal, and a group author kept the year ("World Health
    Organization, 2022")."""
    ref = parse_entry(1, raw)
    assert (ref.authors, ref.title, ref.journal) == (authors, title, journal)
    assert (ref.volume, ref.issue, ref.pages, ref.year) == numbers


@pytest.mark.parametrize(
    "raw, authors, journal, numbers",
    [
        (
            "Smith J & Doe A. Efflux pumps and porins. J Med. 2020;1(2):3-4.",
            "Smith J & Doe A",
            "J Med",
            ("1", "2", "3-4", 2020),
        ),
        (
            "Smith J, Roe K and Doe A. Efflux pumps and porins. J Med. 2020;1(2):3-4.",
            "Smith J, Roe K and Doe A",
            "J Med",
            ("1", "2", "3-4", 2020),
        ),
        (
            "Smith, J. & Doe, A. 2020. Efflux pumps and porins. J Med 1:3-4.",
            "Smith, J. & Doe, A.",
            "J Med",
            ("1", "", "3-4", 2020),
        ),
        (
            "Smith, J. and Doe, A. 2020. Efflux pumps and porins. Journal of Hospital Infection, 104(2), pp. 45-67.",
            "Smith, J. and Doe, A.",
            "Journal of Hospital Infection",
            ("104", "2", "45-67", 2020),
        ),
        (
            "Smith, J. and Doe, A. (2020) 'Efflux pumps and porins', Journal of Hospital Infection, 104(2), pp. 45-67.",
            "Smith, J. and Doe, A.",
            "Journal of Hospital Infection",
            ("104", "2", "45-67", 2020),
        ),
    ],
)
def test_two_authors_joined_by_and_or_an_ampersand(raw, authors, journal, numbers):
    """The last two names parted by "&" or "and" alone ("Smith J & Doe A."): the authors were read as the title
    and the entry had none; a Harvard year as a sentence of its own ("Smith, J. & Doe, A. 2020.") made the title
    "& Doe, A" or "2020"; Cite Them Right's "pp. 45-67" ended a sentence, so the journal ran into the title."""
    ref = parse_entry(1, raw)
    assert (ref.authors, ref.title, ref.journal) == (authors, "Efflux pumps and porins", journal)
    assert (ref.volume, ref.issue, ref.pages, ref.year) == numbers
    assert ref.first_author == "Smith"


def test_a_group_author_with_and_stays_whole_and_two_named_authors_are_two_surnames():
    from bcqa.types import surnames_of

    ref = parse_entry(
        1,
        "Head lice. Devore CD, Schutze GE, Council on School Health and Committee on Infectious Diseases. "
        "Pediatrics. 2015;135(5):e1355-e1365.",
    )
    assert (ref.title, ref.first_author) == ("Head lice", "Devore")
    assert surnames_of("Smith J and Doe A") == surnames_of("Smith J & Doe A") == ("Smith", "Doe")
    assert surnames_of("Centers for Disease Control and Prevention") == ("Centers for Disease Control and Prevention",)


def test_surnames_in_capitals_are_named_as_a_question_writes_them():
    """A question asks about "Oliveira et al." or "da Silva", not "OLIVEIRA": the capitals of a list that writes
    surnames so (before dotted initials) are a name's, an agency's acronym keeps its own."""
    from bcqa.query import find_references
    from bcqa.types import surnames_of

    refs = {
        1: parse_entry(
            1, "OLIVEIRA, M. C. et al. Porin loss. Brazilian Journal of Microbiology, v. 51, p. 100-110, 2021."
        ),
        2: parse_entry(2, "DA SILVA, J.; LI, X. Biofilm tolerance. Biofouling, v. 30, n. 2, p. 1-9, 2014."),
        3: parse_entry(3, "WHO. Global antimicrobial resistance surveillance report. Geneva: WHO; 2022."),
    }
    assert surnames_of(refs[2].authors) == ("da Silva", "Li")
    assert (refs[1].first_author, refs[2].first_author) == ("Oliveira", "da Silva")
    assert find_references("What did Oliveira et al. find?", refs)[0] == (1,)
    assert find_references("What did da Silva and Li report on biofilms?", refs)[0] == (2,)
    assert surnames_of("WHO") == ("WHO",)


@pytest.mark.parametrize(
    ("raw", "surnames", "title", "journal"),
    [
        (
            "Farha, O. K.; Eryazici, I.; Jeong, N. C.; Hauser, B. G. Metal–Organic Framework Materials with Ultrahigh"
            " Surface Areas. *J. Am. Chem. Soc.* **2012**, *134*, 15016–15021. DOI: 10.1021/ja3055639.",
            ("Farha", "Eryazici", "Jeong", "Hauser"),
            "Metal–Organic Framework Materials with Ultrahigh Surface Areas",
            "J. Am. Chem. Soc.",
        ),
        (
            "Park, K. S.; Ni, Z.; Côté, A. P.; Choi, J. Y. Exceptional Chemical and Thermal Stability of Zeolitic"
            " Imidazolate Frameworks. *Proc. Natl. Acad. Sci. U.S.A.* **2006**, *103*, 10186–10191.",
            ("Park", "Ni", "Cote", "Choi"),  # accents folded, as questions are
            "Exceptional Chemical and Thermal Stability of Zeolitic Imidazolate Frameworks",
            "Proc. Natl. Acad. Sci. U.S.A.",
        ),
        (
            "Tanaka, S.; Ito, M. Protein Encapsulation in Porous Coordination Polymers. *Angew. Chem., Int. Ed.*"
            " **2020**, *59*, 11204–11213.",
            ("Tanaka", "Ito"),
            "Protein Encapsulation in Porous Coordination Polymers",
            "Angew. Chem., Int. Ed.",
        ),
        (
            "Vasquez, R. M.; Lindgren, O. π–π Interactions Govern Anthracycline Release. *J. Phys. Chem. C* **2020**,"
            " *124*, 8810–8819.",
            ("Vasquez", "Lindgren"),
            "π–π Interactions Govern Anthracycline Release",
            "J. Phys. Chem. C",
        ),
        (
            "Park, J.; Hwang, S.; Lim, D. Biodistribution of Iron Carboxylate Nanocarriers. *ACS Appl. Mater."
            " Interfaces* **2019**, *11*, 22110–22121.",
            ("Park", "Hwang", "Lim"),
            "Biodistribution of Iron Carboxylate Nanocarriers",
            "ACS Appl. Mater. Interfaces",
        ),
    ],
)
def test_an_acs_entry_with_semicolon_parted_authors_and_a_dotted_journal(raw, surnames, title, journal):
    """ACS style: three or more "Surname, I. I." authors parted by semicolons were no author list (the title was
    the authors, and "What did Farha et al. find?" abstained); a journal whose last word shares the year's sentence
    was that word ("Ed", "C", "Interfaces")."""
    ref = parse_entry(1, raw)
    assert (surnames_of(ref.authors), ref.title, ref.journal) == (surnames, title, journal)
    assert ref.year == int(raw.split("**")[1])


def test_an_organisation_after_a_linked_title_is_its_author():
    """Notion's "[Title](doi) — World Health Organization, WHO Report (2022)": the organisation wrote it (it was
    read into the journal, and "What does the World Health Organization report say?" abstained)."""
    ref = parse_entry(
        1,
        "[Fungal priority pathogens list](https://doi.org/10.2471/FPPL.2022.001) — World Health Organization, WHO"
        " Report (2022)",
    )
    assert (ref.title, ref.authors, ref.journal, ref.year) == (
        "Fungal priority pathogens list",
        "World Health Organization",
        "WHO Report",
        2022,
    )


def test_an_mdpi_title_asking_a_question_keeps_its_subtitle():
    ref = parse_entry(
        1,
        "Razzaghi, F.; Obour, P.B.; Arthur, E. Does biochar improve soil water retention? A systematic review."
        " *Geoderma* **2020**, *361*, 114055. https://doi.org/10.1016/j.geoderma.2019.114055",
    )
    assert (ref.title, ref.journal, ref.year, ref.volume, ref.pages) == (
        "Does biochar improve soil water retention? A systematic review",
        "Geoderma",
        2020,
        "361",
        "114055",
    )
    # A book's series after the question is no subtitle.
    book = parse_entry(
        20,
        "Brent KJ, Hollomon DW. Fungicide Resistance in Crop Pathogens: How Can It Be Managed? FRAC Monograph No. 1,"
        " 2nd revised edition. Brussels: Fungicide Resistance Action Committee; 2007.",
    )
    assert book.title == "Fungicide Resistance in Crop Pathogens: How Can It Be Managed?"


def test_an_elsevier_report_by_an_organisation_gives_author_title_and_publisher():
    ref = parse_entry(
        1,
        "World Health Organization, Microplastics in drinking-water, WHO, Geneva, 2019,"
        " https://www.who.int/publications/i/item/9789241516198.",
    )
    assert (ref.authors, ref.title, ref.journal, ref.year) == (
        "World Health Organization",
        "Microplastics in drinking-water",
        "WHO",
        2019,
    )
    assert ref.link == "https://www.who.int/publications/i/item/9789241516198"
    # A person's entry in the same style keeps its journal.
    ref = parse_entry(2, "M. Weber, T. Lott, Microplastics in tap water, J. Hazard. Mater. 384 (2020) 121–130.")
    assert (ref.authors, ref.journal, ref.volume) == ("M. Weber, T. Lott", "J. Hazard. Mater.", "384")


@pytest.mark.parametrize(
    "raw, fields",
    [
        (
            "THOMSON M J, DE OCAMPO M, EGDANE J, et al. Characterizing the Saltol locus in rice[J]. Rice, 2010,"
            " 3(2): 148-160.",
            ("Characterizing the Saltol locus in rice", "Rice", 2010, "3", "2", "148-160"),
        ),
        (
            "LIU X J. Saline-alkali land agriculture[M]. Beijing: Science Press, 2018: 10-20.",
            ("Saline-alkali land agriculture", "Science Press", 2018, "", "", "10-20"),
        ),
        (
            "ZHAO Q. Salt tolerance of coastal rice[D]. Nanjing: Nanjing Agricultural University, 2020.",
            ("Salt tolerance of coastal rice", "Nanjing Agricultural University", 2020, "", "", ""),
        ),
        (
            "CHEN W. Reactive oxygen species signalling[M]//LI M. Plant Stress Biology. Beijing: China Agriculture"
            " Press, 2017: 120-145.",
            ("Reactive oxygen species signalling", "Plant Stress Biology", 2017, "", "", "120-145"),
        ),
        (
            "China National Rice Research Institute. Salt tolerance screening[EB/OL]. (2021-05-03)[2023-01-02]."
            " https://www.ricedata.cn/variety/salt.htm.",
            ("Salt tolerance screening", "", 2021, "", "", ""),
        ),
    ],
)
def test_gbt_7714_entries_lose_their_type_and_give_publisher_pages_and_year(raw, fields):
    ref = parse_entry(1, raw)
    assert (ref.title, ref.journal, ref.year, ref.volume, ref.issue, ref.pages) == fields


def test_gbt_7714_surnames_in_capitals_before_initials_apart_are_asked_by_name():
    from bcqa.query import find_references
    from bcqa.text import english_words

    ref = parse_entry(1, "THOMSON M J, DE OCAMPO M, EGDANE J, et al. Saltol in rice[J]. Rice, 2010, 3(2): 148-160.")
    assert surnames_of(ref.authors) == ("Thomson", "de Ocampo", "Egdane")
    assert find_references("What did Thomson et al. find?", {1: ref}, english_words())[0] == (1,)
