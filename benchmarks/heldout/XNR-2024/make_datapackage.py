import sys
sys.path.insert(0, __import__("os").path.dirname(__import__("os").path.abspath(__file__)))
from dp_helper import make

DH = {
    "migrants_rights": "Adherence to international standards and fulfilment of migrants' rights",
    "whole_of_government": "Formulates policy using evidence and whole-of-government approach",
    "partnerships": "Engages with partners to address migration and related issues",
    "wellbeing": "Advances the socioeconomic well-being of migrants and society",
    "mobility_crises": "Effectively addresses the mobility dimensions of crises",
    "safe_orderly_regular": "Ensures that migration takes place in a safe, orderly and regular manner",
}
CIT = ("FICTIONAL – not a real publication: Migration Governance Indicators – Republic of Norvalia Second Profile 2024. "
       "Invented for the mgi-profiles held-out tests.")
meta = {
    "profile_id": "XNR-2024", "country": "Republic of Norvalia", "country_short": "Norvalia", "iso3": "XNR",
    "edition": "Second Profile 2024", "edition_number": 2, "assessment_year": 2024, "publication_year": 2024,
    "baseline_year": 2020,
    "baseline_title": "Migration Governance Indicators Profile 2020 – Republic of Norvalia (fictional)",
    "publisher": "Nobody: fictional test document of the mgi-profiles project",
    "citation": CIT, "isbn": None, "source_file": "mgi-norvalia-second-profile-2024.txt",
    "source_license": "CC0 1.0 (fictional test document)", "data_version": "1.0.0", "fictional": True,
    "absent_tables": {}, "domain_headings": DH,
}
make("/work/heldout/XNR-2024", meta,
     "FICTIONAL TEST PROFILE – Migration Governance Indicators – Republic of Norvalia Second Profile 2024: cited tabular extracts (held-out answer key)",
     "Fictional, out-of-sample test data. The Republic of Norvalia does not exist; the source text and every table were invented to measure the mgi-profiles drafter and describe no real country. Every row except sources and errata carries a verbatim quote of the fictional source text in its evidence column.",
     "https://example.org/norvalia")
