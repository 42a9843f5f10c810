"""Writes datapackage.json metadata for XSM-2023 (schemas are then added by `mgi package`)."""
import hashlib, json, os
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = "mgi-san-marcelo-perfil-local-2023.txt"
sha = hashlib.sha256(open(os.path.join(HERE, SRC), "rb").read()).hexdigest()
tpl = json.load(open("/work/heldout/XCM-2022/datapackage.json", encoding="utf-8"))
cit = ("FICTICIO – no es una publicación real: Indicadores de Gobernanza de la Migración a nivel local – Municipalidad de "
       "San Marcelo (República de Ostria) – Perfil 2023. Inventado para las pruebas fuera de muestra de mgi-profiles.")
d = {
 "name": "mgi-xsm-2023",
 "title": "FICTIONAL TEST PROFILE – Indicadores de Gobernanza de la Migración a nivel local – Municipalidad de San Marcelo (República de Ostria) – Perfil 2023: cited tabular extracts",
 "description": "Fictional held-out test data (local / city MGI profile, Spanish, first assessment). The Municipality of San Marcelo and the Republic of Ostria do not exist; the source text and every table were invented to test the mgi-profiles software out of sample and describe no real place. Every row except sources and errata carries a verbatim quote of the fictional source text in its evidence column.",
 "version": "1.0.0",
 "licenses": [{"name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/",
               "title": "Fictional test data: CC0 1.0 Universal public domain dedication"}],
 "sources": [{"title": cit, "path": "https://example.org/san-marcelo"}],
 "contributors": [{"title": "mgi-profiles contributors", "role": "author"}],
 "mgi": {
  "profile_id": "XSM-2023", "country": "República de Ostria", "country_short": "Ostria", "iso3": "XOS",
  "edition": "Perfil 2023", "edition_number": 1, "assessment_year": 2023, "publication_year": 2023,
  "baseline_year": None, "baseline_title": None,
  "publisher": "Nobody: fictional test document of the mgi-profiles project", "citation": cit, "isbn": None,
  "source_file": SRC, "source_sha256": sha, "source_license": "CC0 1.0 (fictional test document)",
  "data_version": "1.0.0", "fictional": True, "absent_tables": {},
  "domain_headings": {
   "migrants_rights": "Adhesión a las normas internacionales y respeto de los derechos de los migrantes",
   "whole_of_government": "Formulación de políticas basadas en datos y aplicación de un enfoque de gobierno integral",
   "partnerships": "Colaboración con los asociados para abordar la migración y las cuestiones conexas",
   "wellbeing": "Fomento del bienestar socioeconómico de los migrantes y de la sociedad",
   "mobility_crises": "Abordaje eficaz de las dimensiones de movilidad de las crisis",
   "safe_orderly_regular": "Velar por que la migración se efectúe de manera segura, ordenada y regular"},
  "language": "es", "level": "local", "city": "Municipalidad de San Marcelo", "city_short": "San Marcelo",
  "city_country": "República de Ostria", "city_country_code": "XOS"},
 "resources": [],
}
for r in tpl["resources"]:
    r = dict(r)
    if r["name"] == "source-text":
        r["path"] = SRC; r["hash"] = "sha256:" + sha
    d["resources"].append(r)
json.dump(d, open(os.path.join(HERE, "datapackage.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=2)
print("datapackage.json", sha)
