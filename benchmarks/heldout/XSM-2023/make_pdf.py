"""Print edition of XSM-2023 (fictional Spanish local profile): Flat ODT written by Python, converted by LibreOffice
headless (own profile -env:UserInstallation=file:///work/heldout/.lo-w4).
Run: python3 make_pdf.py  -> mgi-san-marcelo-perfil-local-2023.fodt and mgi-san-marcelo-perfil-local-2023-libreoffice.pdf
The generator (make_fodt_pdf.py, standard library only) sits next to this script."""
import os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_fodt_pdf import main

H2 = {"Ejemplos de áreas bien desarrolladas", "Áreas con potencial de desarrollo adicional", "La migración en San Marcelo",
      "Marco de gobernanza local: competencias del municipio", "Respuestas a la COVID-19"}

def heading_level(p, ctx):
    if re.search(r"[.:⁰¹²³⁴⁵⁶⁷⁸⁹]$", p) or p.startswith("- ") or len(p) > 150:
        return 0
    if p == "PRINCIPIOS" or (p == "OBJETIVOS" and "MARCO CONCEPTUAL" in ctx):
        return 3
    if p == p.upper() and re.search(r"[A-ZÁÉÍÓÚÑ]", p):
        return 1
    if p in H2:
        return 2
    return 3

main(dict(folder=HERE, stem="mgi-san-marcelo-perfil-local-2023", txt=os.path.join(HERE, "mgi-san-marcelo-perfil-local-2023.txt"),
          toc_heading="ÍNDICE", sources_heading="FUENTES PRINCIPALES", heading_level=heading_level,
          no_break=lambda p: bool(re.match(r"^\d\. ", p)),
          title_lines={"MUNICIPALIDAD DE SAN MARCELO (REPÚBLICA DE OSTRIA) | PERFIL 2023",
                       "INDICADORES DE GOBERNANZA DE LA MIGRACIÓN A NIVEL LOCAL"},
          header="MUNICIPALIDAD DE SAN MARCELO | INDICADORES DE GOBERNANZA DE LA MIGRACIÓN A NIVEL LOCAL 2023 (FICTICIO)",
          title="FICTICIO – Indicadores de Gobernanza de la Migración a nivel local – Municipalidad de San Marcelo (República de Ostria) – Perfil 2023",
          lang="es", country="ES"))
