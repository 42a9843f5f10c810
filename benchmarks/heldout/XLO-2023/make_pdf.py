"""Print edition of XLO-2023 (fictional): Flat ODT written by Python, converted by LibreOffice headless.
Run: python3 make_pdf.py  -> mgi-lorvane-second-profile-2023.fodt and mgi-lorvane-second-profile-2023-libreoffice.pdf
The generator (make_fodt_pdf.py, standard library only) is copied next to this script."""
import os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_fodt_pdf import main

def heading_level(p, ctx):
    if re.search(r"[.:⁰¹²³⁴⁵⁶⁷⁸⁹]$", p) or p.startswith("- ") or len(p) > 150:
        return 0
    if p == "PRINCIPES" or (p == "OBJECTIFS" and "CADRE CONCEPTUEL" in ctx):
        return 3
    if p == p.upper() and re.search(r"[A-ZÉ]", p):
        return 1
    if re.match(r"^\d\.\d\. ", p) or p == "Résumé des mises à jour":
        return 2
    return 3

main(dict(folder=HERE, stem="mgi-lorvane-second-profile-2023", txt=os.path.join(HERE, "mgi-lorvane-second-profile-2023.txt"),
          toc_heading="TABLE DES MATIÈRES", sources_heading="PRINCIPALES SOURCES", heading_level=heading_level,
          title_lines={"RÉPUBLIQUE DU LORVANE | DEUXIÈME PROFIL 2023", "INDICATEURS DE GOUVERNANCE DES MIGRATIONS"},
          header="RÉPUBLIQUE DU LORVANE | INDICATEURS DE GOUVERNANCE DES MIGRATIONS 2023 (FICTIF)",
          title="FICTIF – Indicateurs de gouvernance des migrations – République du Lorvane – Deuxième profil 2023", lang="fr", country="FR"))
