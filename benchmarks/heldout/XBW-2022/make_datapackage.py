import os
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dp_helper import make

DH = {
    "migrants_rights": "Adherence to international standards and fulfilment of migrants' rights",
    "whole_of_government": "Formulates policy using evidence and whole-of-government approach",
    "partnerships": "Engages with partners to address migration and related issues",
    "wellbeing": "Advances the socioeconomic well-being of migrants and society",
    "mobility_crises": "Effectively addresses the mobility dimensions of crises",
    "safe_orderly_regular": "Ensures that migration takes place in a safe, orderly and regular manner",
}
CIT = ("FICTIONAL – not a real publication: Migration Governance Indicators Profile 2022 – Republic of Bawenda. "
       "Invented for the mgi-profiles held-out tests.")
meta = {
    "profile_id": "XBW-2022", "country": "Republic of Bawenda", "country_short": "Bawenda", "iso3": "XBW",
    "edition": "Profile 2022", "edition_number": 1, "assessment_year": 2022, "publication_year": 2022,
    "baseline_year": None, "baseline_title": None,
    "publisher": "Nobody: fictional test document of the mgi-profiles project",
    "citation": CIT, "isbn": None, "source_file": "mgi-bawenda-profile-2022.txt",
    "source_license": "CC0 1.0 (fictional test document)", "data_version": "1.0.0", "fictional": True,
    "absent_tables": {}, "domain_headings": DH,
}
make(os.path.dirname(os.path.abspath(__file__)), meta,
     "FICTIONAL TEST PROFILE – Migration Governance Indicators Profile 2022 – Republic of Bawenda: cited tabular extracts (held-out answer key)",
     "Fictional, out-of-sample test data. The Republic of Bawenda does not exist; the source text and every table were invented to measure the mgi-profiles drafter and describe no real country. Every row except sources and errata carries a verbatim quote of the fictional source text in its evidence column.",
     "https://example.org/bawenda")
