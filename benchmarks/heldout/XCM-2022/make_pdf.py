"""Print edition of XCM-2022 (fictional local profile): Flat ODT written by Python, converted by LibreOffice headless.
Run: python3 make_pdf.py  -> mgi-carmora-local-profile-2022.fodt and mgi-carmora-local-profile-2022-libreoffice.pdf
The generator (make_fodt_pdf.py, standard library only) is copied next to this script."""
import os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_fodt_pdf import main

H2 = {"Well-developed areas", "Areas with potential for further development", "Migration trends",
      "Local competences: the national and local context of migration governance"}

def heading_level(p, ctx):
    if re.search(r"[.:⁰¹²³⁴⁵⁶⁷⁸⁹]$", p) or p.startswith("- ") or len(p) > 150:
        return 0
    if p == "PRINCIPLES" or (p == "OBJECTIVES" and "CONCEPTUAL FRAMEWORK" in ctx):
        return 3
    if p == p.upper() and re.search(r"[A-Z]", p):
        return 1
    if p in H2:
        return 2
    return 3

main(dict(folder=HERE, stem="mgi-carmora-local-profile-2022", txt=os.path.join(HERE, "mgi-carmora-local-profile-2022.txt"),
          toc_heading="TABLE OF CONTENTS", sources_heading="KEY SOURCES", heading_level=heading_level,
          no_break=lambda p: bool(re.match(r"^\d\. ", p)),
          title_lines={"CITY OF CARMORA (REPUBLIC OF VELSARIA) | LOCAL PROFILE 2022", "MIGRATION GOVERNANCE INDICATORS"},
          header="CITY OF CARMORA | LOCAL MIGRATION GOVERNANCE INDICATORS 2022 (FICTIONAL)",
          title="FICTIONAL – Migration Governance Indicators – City of Carmora (Republic of Velsaria) – Local profile 2022", lang="en", country="GB"))
