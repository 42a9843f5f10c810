"""Answer key of XSM-2023 (fictional Spanish local MGI profile): hand-written rows -> the seven CSVs.
Checks every evidence / source_says / conflicts_with quote is a substring of the text (whitespace collapsed) and that
every instrument id cited exists. Prints the text's SHA-256 (for mgi.source_sha256).  Run: python3 build_key.py"""
import csv, hashlib, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
TXT = os.path.join(HERE, "mgi-san-marcelo-perfil-local-2023.txt")
RAW = open(TXT, encoding="utf-8").read()
TEXT = re.sub(r"\s+", " ", RAW)


def q(s):
    c = re.sub(r"\s+", " ", s).strip()
    assert c in TEXT, "NOT VERBATIM: " + s
    return s


# sections
INTRO = "Introducción"
LOCAL = "Los IGM a nivel local"
CTX1 = "Contexto – La migración en San Marcelo"
CTX2 = "Contexto – Marco de gobernanza local: competencias del municipio"
CONC = "Principales conclusiones"
DH = {
    1: "1. Adhesión a las normas internacionales y respeto de los derechos de los migrantes",
    2: "2. Formulación de políticas basadas en datos y aplicación de un enfoque de gobierno integral",
    3: "3. Colaboración con los asociados para abordar la migración y las cuestiones conexas",
    4: "4. Fomento del bienestar socioeconómico de los migrantes y de la sociedad",
    5: "5. Abordaje eficaz de las dimensiones de movilidad de las crisis",
    6: "6. Velar por que la migración se efectúe de manera segura, ordenada y regular",
}
DOM = {1: "migrants_rights", 2: "whole_of_government", 3: "partnerships", 4: "wellbeing", 5: "mobility_crises",
       6: "safe_orderly_regular"}
def WD(n): return DH[n] + " – Ejemplos de áreas bien desarrolladas"
def FD(n): return DH[n] + " – Áreas con potencial de desarrollo adicional"
def FN(sec, n): return f"{sec}, footnote {n}"
COVID = "La gobernanza de la migración y la pandemia de COVID-19 – Respuestas a la COVID-19"
KS = "Fuentes principales"

# ---------------------------------------------------------------- findings
F = []
def f(n, kind, sec, summary, instr, ev):
    F.append(dict(finding_id=f"F{len(F)+1:03d}", domain=DOM[n], kind=kind, section=sec, summary=summary,
                  baseline_status="not_stated", instruments=";".join(instr), evidence=q(ev)))
W, D = "well_developed", "further_development"
f(1, W, WD(1), "Municipal Ordinance No. 123-2019-MSM provides that municipal services are delivered to everyone living in the district, whatever their nationality.",
  ["ORD-123-2019-MSM"], "La Ordenanza Municipal N.º 123-2019-MSM, que promueve la inclusión y la no discriminación de las personas migrantes en el distrito de San Marcelo (2019), establece que los servicios municipales se prestan a todas las personas que residen en el distrito, sin distinción de nacionalidad.")
f(1, W, WD(1), "The same ordinance created the Municipal Resident Card, a local identity document giving migrants access to municipal social programmes, libraries and sports centres.",
  ["ORD-123-2019-MSM", "carne-municipal-de-vecino"], "La misma ordenanza creó el Carné Municipal de Vecino, un documento de identificación local que permite a las personas migrantes acceder a los programas sociales municipales, a las bibliotecas y a los centros deportivos.")
f(1, W, WD(1), "In 2020 the municipality opened the Municipal Migrant Assistance Centre (legal, psychological and social guidance), which handled over 4,300 enquiries in 2022.",
  [], "En 2020, la Municipalidad inauguró el Centro Municipal de Atención a Personas Migrantes, que ofrece orientación jurídica, psicológica y social. Según la Gerencia de Desarrollo Social, el Centro atendió más de 4.300 consultas en 2022.⁸")
f(1, W, WD(1), "Ostria is party to the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families, which the Municipal Migrant Integration Plan 2021–2024 cites as a frame of reference.",
  ["CONV-migrant-workers-1990", "plan-integracion-2021-2024"], "La República de Ostria es parte de la Convención Internacional sobre la Protección de los Derechos de Todos los Trabajadores Migratorios y de sus Familiares (1990), que el Plan Municipal de Integración de Personas Migrantes 2021–2024 cita como marco de referencia.")
f(1, D, FD(1), "There is no specific mechanism for migrants to complain of discrimination in access to municipal services.",
  [], "La Municipalidad no cuenta con un mecanismo específico para que las personas migrantes presenten quejas por discriminación en el acceso a los servicios municipales.")
f(1, D, FD(1), "Municipal early-childhood education has no specific measures to enrol migrant children without identity documents.",
  [], "La oferta municipal de educación inicial no dispone de medidas específicas para la inscripción de niñas y niños migrantes que no cuentan con documentos de identidad.")
f(2, W, WD(2), "By Council Agreement No. 045-2020-MSM (December 2020) the Municipal Council approved the Municipal Migrant Integration Plan 2021–2024, with a budget of S/ 1,250,000, aligned with the Concerted Local Development Plan 2019–2030.",
  ["plan-integracion-2021-2024", "pdlc-2019-2030"], "Mediante el Acuerdo de Concejo N.º 045-2020-MSM, de diciembre de 2020, el Concejo Municipal aprobó el Plan Municipal de Integración de Personas Migrantes 2021–2024, con un presupuesto de S/ 1.250.000 para sus cuatro años de ejecución. El Plan se articula con el Plan de Desarrollo Local Concertado de San Marcelo 2019–2030.")
f(2, W, WD(2), "Mayoral Decree No. 007-2021-A/MSM created the Municipal Working Group on Human Mobility, bringing together 23 public bodies, civil society organizations and international organizations.",
  ["DEC-007-2021-A-MSM"], "El Decreto de Alcaldía N.º 007-2021-A/MSM (2021) creó la Mesa de Trabajo Municipal para la Movilidad Humana, espacio de coordinación que reúne a 23 entidades públicas, organizaciones de la sociedad civil y organismos internacionales.⁹")
f(2, W, WD(2), "The Municipal Statistics Office added questions on nationality and year of arrival to the Municipal Household Survey 2022 (2,400 households).",
  ["encuesta-municipal-hogares-2022"], "La Oficina Municipal de Estadística incorporó preguntas sobre nacionalidad y año de llegada en la Encuesta Municipal de Hogares 2022, aplicada a 2.400 hogares del distrito.¹⁰")
f(2, W, WD(2), "The Human Mobility Sub-Department, created by Municipal Ordinance No. 123-2019-MSM, coordinates municipal action for the migrant population.",
  ["ORD-123-2019-MSM"], "La Subgerencia de Movilidad Humana, creada por la Ordenanza Municipal N.º 123-2019-MSM, es la unidad orgánica encargada de coordinar las acciones municipales dirigidas a la población migrante.")
f(2, D, FD(2), "The Municipal Migrant Integration Plan 2021–2024 has no monitoring and evaluation system with outcome indicators.",
  ["plan-integracion-2021-2024"], "El Plan Municipal de Integración de Personas Migrantes 2021–2024 no cuenta con un sistema de seguimiento y evaluación con indicadores de resultado.")
f(2, D, FD(2), "The municipality does not regularly publish data on services to migrants disaggregated by sex, age and nationality.",
  [], "La Municipalidad no publica de manera periódica información sobre los servicios prestados a la población migrante desagregada por sexo, edad y nacionalidad.")
f(3, W, WD(3), "San Marcelo has been a member of Mercociudades since 2017 and in 2022 coordinated its Thematic Unit on Migration.",
  [], "San Marcelo es miembro de Mercociudades desde 2017 y, en 2022, coordinó la Unidad Temática de Migraciones de la red.¹¹")
f(3, W, WD(3), "Since 2020 San Marcelo has been a member of the Intercultural Cities Network (over 140 cities).",
  [], "Desde 2020, San Marcelo es miembro de la Red de Ciudades Interculturales, que reúne a más de 140 ciudades.¹²")
f(3, W, WD(3), "San Marcelo is a founding member of the Andean Network of Border Cities, created in 2018 to exchange experience on managing mobility in border areas.",
  [], "San Marcelo es miembro fundador de la Red Andina de Ciudades Fronterizas, creada en 2018 para intercambiar experiencias sobre la gestión de la movilidad en zonas de frontera.")
f(3, W, WD(3), "The municipality takes part in UNHCR's Cities of Solidarity programme and in 2021 took part in the Mayors Mechanism / Mayoral Forum on Human Mobility, Migration and Development.",
  [], "La Municipalidad participa en el programa Ciudades Solidarias, impulsado por el Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR), y en 2021 participó en el Foro de Alcaldes sobre Movilidad Humana, Migración y Desarrollo.")
f(3, W, WD(3), "Since 2021 the municipality has observer status in the Regional Observatory on Urban Mobility.",
  [], "Desde 2021, la Municipalidad tiene la condición de observadora en el Observatorio Regional de Movilidad Urbana.")
f(3, W, WD(3), "In 2021 the municipality signed a Framework Agreement on Inter-institutional Cooperation with IOM and it has six cooperation agreements with civil society organizations working with migrants.",
  ["convenio-marco-oim-2021"], "En 2021, la Municipalidad firmó el Convenio Marco de Cooperación Interinstitucional con la OIM, y mantiene seis convenios de cooperación con organizaciones de la sociedad civil que trabajan con personas migrantes.")
f(3, D, FD(3), "No formal partnerships with the private sector for migrants' labour inclusion.",
  [], "La Municipalidad no ha establecido alianzas formales con el sector privado para la inserción laboral de las personas migrantes.")
f(3, D, FD(3), "Migrant associations' participation in the Municipal Working Group on Human Mobility is limited: only two members are diaspora organizations.",
  [], "La participación de las asociaciones de personas migrantes en la Mesa de Trabajo Municipal para la Movilidad Humana es aún limitada: solo dos de sus miembros son organizaciones de la diáspora.")
f(4, W, WD(4), "The municipal programme Emprende sin Fronteras (2021) gives seed capital of up to S/ 5,000 per business; in 2022 it financed 85 businesses of migrants and Ostrians.",
  ["emprende-sin-fronteras"], "El programa municipal Emprende sin Fronteras, creado en 2021, otorga capital semilla de hasta S/ 5.000 por emprendimiento. En 2022, el programa financió 85 emprendimientos de personas migrantes y ostrianas.¹³")
f(4, W, WD(4), "The Empleo San Marcelo digital platform publishes job offers open to foreigners; the 2022 job fairs placed 312 migrants in formal jobs.",
  ["empleo-san-marcelo"], "La plataforma digital Empleo San Marcelo, gestionada por la Gerencia de Desarrollo Económico Local, publica ofertas de trabajo abiertas a personas extranjeras. En las ferias de empleo de 2022 se colocó a 312 personas migrantes en puestos formales.")
f(4, W, WD(4), "The migrant inclusion ordinance (printed here as No. 132-2019-MSM, see errata) recognizes migrants' right to take part in municipal job-training programmes.",
  ["ORD-123-2019-MSM"], "La Ordenanza Municipal N.º 132-2019-MSM, que promueve la inclusión y la no discriminación de las personas migrantes, reconoce el derecho de las personas migrantes a participar en los programas municipales de formación para el empleo.")
f(4, W, WD(4), "Foreign residents of the district (14,250 as printed here; see errata) can register on the platform with the Municipal Resident Card.",
  ["empleo-san-marcelo", "carne-municipal-de-vecino"], "Según la Gerencia de Desarrollo Económico Local, las 14.250 personas extranjeras residentes en el distrito pueden inscribirse en la plataforma con el Carné Municipal de Vecino.")
f(4, D, FD(4), "No municipal programmes to ease recognition of migrants' degrees and professional skills, a procedure that depends on the national government.",
  [], "La Municipalidad no cuenta con programas para facilitar el reconocimiento de títulos y competencias profesionales de las personas migrantes, trámite que depende del Gobierno nacional.")
f(4, D, FD(4), "No municipal financial education or banking access programmes for migrants.",
  [], "No existen programas municipales de educación financiera ni de acceso a servicios bancarios dirigidos a la población migrante.")
f(5, W, WD(5), "The Municipal Disaster Risk Management Plan 2022–2026 includes migrants and people in transit among the vulnerable groups to be assisted in emergencies.",
  ["plan-grd-2022-2026"], "El Plan Municipal de Gestión del Riesgo de Desastres 2022–2026 incluye a las personas migrantes y en tránsito entre los grupos en situación de vulnerabilidad que deben ser atendidos en caso de emergencia.¹⁴")
f(5, W, WD(5), "During the March 2022 floods (about 2,100 families affected) the municipality opened a temporary shelter for 180 people, open to Ostrians and foreigners.",
  [], "Durante las inundaciones de marzo de 2022, que afectaron a alrededor de 2.100 familias, la Municipalidad habilitó un albergue temporal con capacidad para 180 personas, abierto a personas ostrianas y extranjeras.")
f(5, D, FD(5), "Municipal early warning messages are issued only in Spanish, which may keep Haitians from receiving them.",
  [], "Los sistemas municipales de alerta temprana emiten sus mensajes únicamente en español, lo que podría dificultar que las personas haitianas reciban la información.")
f(5, D, FD(5), "No post-crisis recovery strategy that specifically considers migrants.",
  [], "La Municipalidad no cuenta con una estrategia de recuperación posterior a las crisis que tenga en cuenta de manera específica a las personas migrantes.")
f(6, W, WD(6), "In 2022 the municipality approved the Municipal Protocol for Assisting Victims of Trafficking in Persons under Law No. 29.510; 17 presumed trafficking victims were identified in the district in 2022.",
  ["protocolo-trata-2022", "LAW-29510"], "En 2022, la Municipalidad aprobó el Protocolo Municipal de Atención a Víctimas de Trata de Personas, en el marco de la Ley N.º 29.510 contra la Trata de Personas y el Tráfico Ilícito de Migrantes (2010). Según la Fiscalía Provincial de Altomar, en 2022 se identificaron 17 presuntas víctimas de trata en el distrito.¹⁵")
f(6, W, WD(6), "The Municipal Migrant Assistance Centre gives guidance on regularization procedures run by the National Directorate of Migration.",
  [], "El Centro Municipal de Atención a Personas Migrantes brinda orientación sobre los procedimientos de regularización migratoria a cargo de la Dirección Nacional de Migraciones.")
f(6, D, FD(6), "38 per cent of Venezuelan residents had no valid residence permit (Household Survey 2022); the municipality could coordinate regularization days with the National Directorate of Migration.",
  ["encuesta-municipal-hogares-2022"], "Según la Encuesta Municipal de Hogares 2022, el 38 % de las personas venezolanas residentes en el distrito no contaba con un permiso de residencia vigente. La Municipalidad podría reforzar la coordinación con la Dirección Nacional de Migraciones para organizar jornadas de regularización en el distrito.")
f(6, D, FD(6), "No municipal mechanism to search for migrants who go missing while transiting the district.",
  [], "No existe un mecanismo municipal para la búsqueda de personas migrantes desaparecidas durante su tránsito por el distrito.")

# ---------------------------------------------------------------- instruments
I = []
def ins(iid, typ, number, year, en, es, body, doms, status, sec, ev, amends="", repeals="", regulates="", extends="",
        covid=False, note=""):
    I.append(dict(instrument_id=iid, type=typ, number=number, year=year, title_en=en, title_es=es, issuing_body=body,
                  domains=";".join(DOM[d] for d in doms), status=status, amends=amends, repeals=repeals,
                  regulates=regulates, extends=extends, after_baseline="", covid_measure="true" if covid else "false",
                  section=sec, evidence=q(ev), note=note))
ins("constitution-1994", "constitution", "", 1994, "Political Constitution of the Republic of Ostria",
    "Constitución Política de la República de Ostria", "", [], "in_force", CTX2,
    "La Constitución Política de la República de Ostria (1994) reconoce la autonomía política, económica y administrativa de las municipalidades en los asuntos de su competencia.",
    note="Cited only in Context (domains empty). in_force: 'reconoce' (present tense, framing the city's competences).")
ins("LAW-27972", "law", "27.972", 2003, "Organic Law of Municipalities No. 27.972", "Ley Orgánica de Municipalidades N.º 27.972",
    "", [], "in_force", CTX2,
    "La Ley Orgánica de Municipalidades N.º 27.972 (2003) asigna a las municipalidades distritales competencias en materia de servicios sociales locales, salud preventiva, educación, promoción del empleo, seguridad ciudadana y gestión del riesgo de desastres.⁶",
    note="Number kept as printed with the Spanish thousands point ('27.972'). Also Context footnote 6 and Key sources (Congreso de la República de Ostria 2003: 'Ley N.º 27.972, Ley Orgánica de Municipalidades'). in_force: 'asigna'.")
ins("LAW-30411", "law", "30.411", 2016, "Migration Law No. 30.411", "Ley de Migraciones N.º 30.411", "", [], "in_force", CTX2,
    "La política migratoria, el control fronterizo y la regularización son competencia del Gobierno nacional, de acuerdo con la Ley de Migraciones N.º 30.411 (2016) y su Reglamento, aprobado por el Decreto Supremo N.º 004-2017-IN.",
    note="Key sources: Congreso de la República de Ostria 2016. in_force: competences are national 'de acuerdo con' the law (present).")
ins("SD-004-2017-IN", "supreme_decree", "004-2017-IN", 2017, "Supreme Decree No. 004-2017-IN approving the Regulations of the Migration Law",
    "Decreto Supremo N.º 004-2017-IN, que aprueba el Reglamento de la Ley de Migraciones", "", [], "not_stated", CTX2,
    "La política migratoria, el control fronterizo y la regularización son competencia del Gobierno nacional, de acuerdo con la Ley de Migraciones N.º 30.411 (2016) y su Reglamento, aprobado por el Decreto Supremo N.º 004-2017-IN.",
    regulates="LAW-30411", note="Year and full Spanish title from Key sources (Dirección Nacional de Migraciones 2017); the body gives no year.")
ins("national-migration-policy-2018-2030", "policy", "", 2018, "National Migration Policy 2018–2030", "Política Nacional Migratoria 2018–2030",
    "", [], "in_force", CTX2,
    "La Política Nacional Migratoria 2018–2030 reconoce a los gobiernos locales como actores en la integración de las personas migrantes, aunque no les asigna recursos específicos.",
    note="Year 2018 from Key sources (Gobierno de la República de Ostria 2018) and the period's start. in_force: 'reconoce' (present).")
ins("CONV-migrant-workers-1990", "convention", "", 1990,
    "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families",
    "Convención Internacional sobre la Protección de los Derechos de Todos los Trabajadores Migratorios y de sus Familiares",
    "", [1], "in_force", WD(1),
    "La República de Ostria es parte de la Convención Internacional sobre la Protección de los Derechos de Todos los Trabajadores Migratorios y de sus Familiares (1990)",
    note="in_force: the country 'es parte'.")
ins("ORD-123-2019-MSM", "ordinance", "123-2019-MSM", 2019,
    "Municipal Ordinance No. 123-2019-MSM promoting the inclusion and non-discrimination of migrants in the district of San Marcelo",
    "Ordenanza Municipal N.º 123-2019-MSM, que promueve la inclusión y la no discriminación de las personas migrantes en el distrito de San Marcelo",
    "", [1, 2, 4], "not_stated", WD(1),
    "La Ordenanza Municipal N.º 123-2019-MSM, que promueve la inclusión y la no discriminación de las personas migrantes en el distrito de San Marcelo (2019), establece que los servicios municipales se prestan a todas las personas que residen en el distrito, sin distinción de nacionalidad.⁷",
    note="Also footnote 7, domain 2 (creates the Subgerencia de Movilidad Humana) and Key sources 2019a. Domain 4 prints it as No. 132-2019-MSM with the same title (errata E01): counted as this instrument, no row for 132. issuing_body empty: the words name no body (listed under Municipalidad de San Marcelo in Key sources).")
ins("carne-municipal-de-vecino", "permit", "", 2019, "Municipal Resident Card", "Carné Municipal de Vecino", "", [1, 4], "not_stated", WD(1),
    "La misma ordenanza creó el Carné Municipal de Vecino, un documento de identificación local que permite a las personas migrantes acceder a los programas sociales municipales, a las bibliotecas y a los centros deportivos.",
    note="A local identity document, typed permit (closest; PER-2021 types residence documents as permit). Year = the creating ordinance's. Its validity extended by DEC-012-2020-A-MSM (COVID-19 section).")
ins("plan-integracion-2021-2024", "plan", "045-2020-MSM", 2020, "Municipal Plan for the Integration of Migrants 2021–2024",
    "Plan Municipal de Integración de Personas Migrantes 2021–2024", "Concejo Municipal", [1, 2], "not_stated", WD(2),
    "Mediante el Acuerdo de Concejo N.º 045-2020-MSM, de diciembre de 2020, el Concejo Municipal aprobó el Plan Municipal de Integración de Personas Migrantes 2021–2024, con un presupuesto de S/ 1.250.000 para sus cuatro años de ejecución.",
    note="Approved by Council Agreement (Acuerdo de Concejo) No. 045-2020-MSM of December 2020: typed plan with the agreement's number (codebook: an act approving a plan is typed by what the profile calls it). Year 2020 = approval; period 2021–2024. Also domain 1 and domain 2 further development; Key sources 2020a.")
ins("pdlc-2019-2030", "plan", "", 2019, "Concerted Local Development Plan of San Marcelo 2019–2030",
    "Plan de Desarrollo Local Concertado de San Marcelo 2019–2030", "", [2], "not_stated", WD(2),
    "El Plan se articula con el Plan de Desarrollo Local Concertado de San Marcelo 2019–2030.",
    note="Year from Key sources (Municipalidad de San Marcelo 2019b).")
ins("DEC-007-2021-A-MSM", "decree", "007-2021-A/MSM", 2021,
    "Mayoral Decree No. 007-2021-A/MSM creating the Municipal Working Group on Human Mobility",
    "Decreto de Alcaldía N.º 007-2021-A/MSM, que crea la Mesa de Trabajo Municipal para la Movilidad Humana", "Alcaldía", [2],
    "not_stated", WD(2),
    "El Decreto de Alcaldía N.º 007-2021-A/MSM (2021) creó la Mesa de Trabajo Municipal para la Movilidad Humana",
    note="Decreto de Alcaldía typed decree. title_es from Key sources 2021a. The COVID-19 section says the Mesa was created in 2020 (errata E02); the year is 2021.")
ins("encuesta-municipal-hogares-2022", "survey", "", 2022, "Municipal Household Survey 2022", "Encuesta Municipal de Hogares 2022",
    "Oficina Municipal de Estadística", [2, 6], "not_stated", WD(2),
    "La Oficina Municipal de Estadística incorporó preguntas sobre nacionalidad y año de llegada en la Encuesta Municipal de Hogares 2022, aplicada a 2.400 hogares del distrito.¹⁰",
    note="Also footnote 10, domain 6 further development and Key sources (Oficina Municipal de Estadística 2022).")
ins("convenio-marco-oim-2021", "agreement", "", 2021,
    "Framework Agreement on Inter-institutional Cooperation between the Municipality of San Marcelo and IOM",
    "Convenio Marco de Cooperación Interinstitucional entre la Municipalidad de San Marcelo y la Organización Internacional para las Migraciones",
    "", [3], "not_stated", WD(3),
    "En 2021, la Municipalidad firmó el Convenio Marco de Cooperación Interinstitucional con la OIM",
    note="Full Spanish title from Key sources 2021b (not available online). The six agreements with civil society are unnamed: no rows.")
ins("emprende-sin-fronteras", "programme", "", 2021, "Emprende sin Fronteras (Entrepreneurship without Borders) programme",
    "Emprende sin Fronteras", "", [4], "not_stated", WD(4),
    "El programa municipal Emprende sin Fronteras, creado en 2021, otorga capital semilla de hasta S/ 5.000 por emprendimiento.")
ins("empleo-san-marcelo", "digital_system", "", "", "Empleo San Marcelo digital platform", "Empleo San Marcelo",
    "Gerencia de Desarrollo Económico Local", [4], "not_stated", WD(4),
    "La plataforma digital Empleo San Marcelo, gestionada por la Gerencia de Desarrollo Económico Local, publica ofertas de trabajo abiertas a personas extranjeras.",
    note="Key sources 's.f.' (no date): year empty.")
ins("plan-grd-2022-2026", "plan", "141-2022-MSM", 2022, "Municipal Disaster Risk Management Plan 2022–2026",
    "Plan Municipal de Gestión del Riesgo de Desastres 2022–2026", "", [5], "not_stated", WD(5),
    "El Plan Municipal de Gestión del Riesgo de Desastres 2022–2026 incluye a las personas migrantes y en tránsito entre los grupos en situación de vulnerabilidad que deben ser atendidos en caso de emergencia.¹⁴",
    note="Number from footnote 14 (approved by Ordenanza Municipal N.º 141-2022-MSM): typed plan, as the profile calls it. Year from that number and Key sources 2022a.")
ins("protocolo-trata-2022", "protocol", "118-2022-GM/MSM", 2022, "Municipal Protocol for Assisting Victims of Trafficking in Persons",
    "Protocolo Municipal de Atención a Víctimas de Trata de Personas", "Municipalidad de San Marcelo", [6], "not_stated", WD(6),
    "En 2022, la Municipalidad aprobó el Protocolo Municipal de Atención a Víctimas de Trata de Personas",
    note="Number from footnote 15 (approved by Resolución de Gerencia Municipal N.º 118-2022-GM/MSM); typed protocol, as the profile calls it.")
ins("LAW-29510", "law", "29.510", 2010, "Law No. 29.510 against Trafficking in Persons and Smuggling of Migrants",
    "Ley N.º 29.510 contra la Trata de Personas y el Tráfico Ilícito de Migrantes", "", [6], "not_stated", WD(6),
    "en el marco de la Ley N.º 29.510 contra la Trata de Personas y el Tráfico Ilícito de Migrantes (2010)",
    note="Key sources: Congreso de la República de Ostria 2010.")
ins("RGM-210-2020-GM-MSM", "resolution", "210-2020-GM/MSM", 2020, "Municipal Management Resolution No. 210-2020-GM/MSM",
    "Resolución de Gerencia Municipal N.º 210-2020-GM/MSM", "Gerencia Municipal", [], "not_stated", COVID,
    "La Resolución de Gerencia Municipal N.º 210-2020-GM/MSM (2020) autorizó la contratación temporal de profesionales de la salud extranjeros en el Servicio Municipal de Salud durante la emergencia sanitaria.",
    covid=True, note="Cited only in the COVID-19 section (not a domain section): domains empty. Key sources 2020d: not available online.")
ins("ORD-098-2020-MSM", "ordinance", "098-2020-MSM", 2020, "Municipal Ordinance No. 098-2020-MSM creating the Municipal Solidarity Grant",
    "Ordenanza Municipal N.º 098-2020-MSM, que crea el Bono Municipal Solidario", "", [], "not_stated", COVID,
    "La Ordenanza Municipal N.º 098-2020-MSM creó el Bono Municipal Solidario de S/ 350, otorgado en 2020 a 1.540 hogares, solo para hogares con residencia legal acreditada en el distrito.¹⁷",
    covid=True, note="Year from the number and Key sources 2020b. The grant it creates is not a separate row.")
ins("DEC-012-2020-A-MSM", "decree", "012-2020-A/MSM", 2020, "Mayoral Decree No. 012-2020-A/MSM extending the validity of Municipal Resident Cards",
    "Decreto de Alcaldía N.º 012-2020-A/MSM, que prorroga la vigencia de los Carnés Municipales de Vecino", "Alcaldía", [], "not_stated", COVID,
    "El Decreto de Alcaldía N.º 012-2020-A/MSM prorrogó la vigencia de los Carnés Municipales de Vecino vencidos durante la emergencia hasta el 31 de diciembre de 2021.",
    extends="carne-municipal-de-vecino", covid=True, note="Year from the number and Key sources 2020c.")
ins("plan-respuesta-covid-2020", "plan", "", 2020, "Municipal COVID-19 Response Plan", "Plan Municipal de Respuesta frente a la COVID-19",
    "", [], "not_stated", COVID,
    "El Plan Municipal de Respuesta frente a la COVID-19 (2020) incluyó a las personas migrantes entre los grupos prioritarios para la entrega de ayuda humanitaria.",
    covid=True)
ins("declaracion-red-andina-2018", "declaration", "", 2018, "Founding Declaration of the Andean Network of Border Cities",
    "Declaración constitutiva de la Red Andina de Ciudades Fronterizas", "Red Andina de Ciudades Fronterizas", [], "not_stated",
    KS + " – Red Andina de Ciudades Fronterizas",
    "Declaración constitutiva de la Red Andina de Ciudades Fronterizas.",
    note="Named only in Key sources: domains empty.")

# ---------------------------------------------------------------- statistics
S = []
def st(theme, ind, label, value, unit, qual, date, org, sid, sec, ev):
    S.append(dict(statistic_id=f"ST{len(S)+1:03d}", theme=theme, indicator=ind, label=label, value=value, unit=unit,
                  qualifier=qual, reference_date=date, source_org=org, source_id=sid, section=sec, evidence=q(ev)))
st("methodology", "mgi_indicator_count", "Number of indicators in the national MGI set", 90, "indicators", "about", "", "", "", INTRO,
   "un conjunto de aproximadamente 90 indicadores que ayudan a los países a evaluar sus políticas migratorias")
st("methodology", "local_mgi_indicator_count", "Number of indicators in the local MGI", 80, "indicators", "about", "", "", "", INTRO,
   "Los IGM a nivel local se basan en los IGM nacionales y comprenden alrededor de 80 indicadores")
st("methodology", "local_mgi_indicator_count", "Number of indicators in the local MGI", 80, "indicators", "about", "", "", "", LOCAL,
   "Los alrededor de 80 indicadores de los IGM a nivel local se agrupan en los seis ámbitos de la gobernanza de la migración")
st("methodology", "mgi_domain_count", "Number of migration governance domains of the local MGI", 6, "domains", "exact", "", "", "", LOCAL,
   "Los alrededor de 80 indicadores de los IGM a nivel local se agrupan en los seis ámbitos de la gobernanza de la migración")
st("migrant_population", "district_population", "Population of the district of San Marcelo", 99600, "persons", "estimated", "2022",
   "Oficina Municipal de Estadística", "S-ome-2023", CTX1,
   "Según la Oficina Municipal de Estadística, se estima que el distrito tenía 99.600 habitantes en 2022.⁵")
st("migrant_population", "foreign_migrant_residents", "Foreign migrants residing in San Marcelo", 12450, "persons", "exact", "2022-12-31",
   "Oficina Municipal de Estadística", "S-ome-2023", CTX1,
   "Al 31 de diciembre de 2022, residían en San Marcelo 12.450 personas migrantes extranjeras, según la Oficina Municipal de Estadística")
st("migrant_population", "foreign_migrant_residents_share", "Foreign migrants as a share of the district population", 12.5, "percent", "exact", "2022-12-31",
   "Oficina Municipal de Estadística", "S-ome-2023", CTX1,
   "Al 31 de diciembre de 2022, residían en San Marcelo 12.450 personas migrantes extranjeras, según la Oficina Municipal de Estadística, lo que equivale al 12,5 % de la población del distrito.")
st("migrant_population", "foreign_migrant_residents", "Foreign migrants residing in San Marcelo", 7980, "persons", "exact", "2019-12-31",
   "Oficina Municipal de Estadística", "", CTX1,
   "Al 31 de diciembre de 2019, la misma oficina registraba 7.980 personas migrantes extranjeras.")
st("population_by_origin", "migrants_share_venezuela", "Share of migrants from the Bolivarian Republic of Venezuela", 64, "percent", "exact", "", "", "", CTX1,
   "La mayoría de las personas migrantes proceden de la República Bolivariana de Venezuela (64 %)")
st("population_by_origin", "migrants_share_colombia", "Share of migrants of Colombian nationality", 18, "percent", "about", "", "", "", CTX1,
   "seguidas de las personas de nacionalidad colombiana (cerca del 18 %)")
st("population_by_origin", "migrants_share_haiti", "Share of migrants of Haitian nationality", 6, "percent", "exact", "", "", "", CTX1,
   "y haitiana (6 %)")
st("border", "monthly_border_crossings_puerto_lindo", "People crossing the Puerto Lindo border crossing each month", 3000, "persons", "over", "2022",
   "Dirección Nacional de Migraciones", "S-dnm-2023", CTX1,
   "según la Dirección Nacional de Migraciones, más de 3.000 personas cruzaron cada mes el paso fronterizo de Puerto Lindo durante 2022.")
st("programmes", "migrant_centre_enquiries", "Enquiries handled by the Municipal Migrant Assistance Centre", 4300, "entities", "over", "2022",
   "Gerencia de Desarrollo Social", "", WD(1),
   "Según la Gerencia de Desarrollo Social, el Centro atendió más de 4.300 consultas en 2022.⁸")
st("programmes", "migrant_centre_staff", "Professionals on the staff of the Municipal Migrant Assistance Centre", 5, "persons", "exact", "", "", "", FN(WD(1), 8),
   "El Centro funciona en el Palacio Municipal y cuenta con un equipo de cinco profesionales.")
st("programmes", "integration_plan_budget", "Budget of the Municipal Migrant Integration Plan 2021–2024 (four years)", 1250000, "local_currency", "exact", "",
   "", "", WD(2), "con un presupuesto de S/ 1.250.000 para sus cuatro años de ejecución")
st("programmes", "integration_plan_duration", "Implementation period of the Municipal Migrant Integration Plan 2021–2024", 4, "years", "exact", "",
   "", "", WD(2), "con un presupuesto de S/ 1.250.000 para sus cuatro años de ejecución")
st("roundtable", "working_group_member_entities", "Entities in the Municipal Working Group on Human Mobility", 23, "entities", "exact", "", "", "", WD(2),
   "reúne a 23 entidades públicas, organizaciones de la sociedad civil y organismos internacionales.⁹")
st("methodology", "household_survey_sample", "Households surveyed in the Municipal Household Survey 2022", 2400, "entities", "exact", "2022",
   "Oficina Municipal de Estadística", "", WD(2), "en la Encuesta Municipal de Hogares 2022, aplicada a 2.400 hogares del distrito.¹⁰")
st("other", "intercultural_cities_network_size", "Cities in the Intercultural Cities Network", 140, "entities", "over", "", "", "", WD(3),
   "Red de Ciudades Interculturales, que reúne a más de 140 ciudades.¹²")
st("cooperation_agreements", "civil_society_cooperation_agreements", "Cooperation agreements with civil society organizations working with migrants", 6, "agreements", "exact", "", "", "", WD(3),
   "mantiene seis convenios de cooperación con organizaciones de la sociedad civil que trabajan con personas migrantes.")
st("roundtable", "working_group_diaspora_members", "Diaspora organizations among the members of the Municipal Working Group", 2, "entities", "exact", "", "", "", FD(3),
   "solo dos de sus miembros son organizaciones de la diáspora.")
st("programmes", "seed_capital_per_business", "Seed capital per business under Emprende sin Fronteras", 5000, "local_currency", "up_to", "", "", "", WD(4),
   "otorga capital semilla de hasta S/ 5.000 por emprendimiento.")
st("programmes", "businesses_financed", "Businesses of migrants and Ostrians financed by Emprende sin Fronteras", 85, "entities", "exact", "2022", "", "", WD(4),
   "En 2022, el programa financió 85 emprendimientos de personas migrantes y ostrianas.¹³")
st("programmes", "emprende_sin_fronteras_funding", "Funding of Emprende sin Fronteras from the municipality and international cooperation", 45000, "usd", "exact", "2022", "", "",
   FN(WD(4), 13), "por un total de USD 45.000 en 2022.")
st("labour_migration", "job_fair_placements", "Migrants placed in formal jobs at the municipal job fairs", 312, "persons", "exact", "2022",
   "", "", WD(4), "En las ferias de empleo de 2022 se colocó a 312 personas migrantes en puestos formales.")
st("migrant_population", "foreign_residents_as_printed_domain4", "Foreign residents of the district as printed in domain 4 (see errata E03)", 14250, "persons", "exact", "",
   "Gerencia de Desarrollo Económico Local", "", WD(4),
   "Según la Gerencia de Desarrollo Económico Local, las 14.250 personas extranjeras residentes en el distrito pueden inscribirse en la plataforma")
st("other", "flood_affected_families", "Families affected by the March 2022 floods", 2100, "entities", "about", "2022-03", "", "", WD(5),
   "Durante las inundaciones de marzo de 2022, que afectaron a alrededor de 2.100 familias")
st("programmes", "temporary_shelter_capacity", "Capacity of the temporary shelter opened during the floods", 180, "persons", "exact", "2022-03", "", "", WD(5),
   "la Municipalidad habilitó un albergue temporal con capacidad para 180 personas")
st("trafficking", "presumed_trafficking_victims", "Presumed victims of trafficking identified in the district", 17, "persons", "exact", "2022",
   "Fiscalía Provincial de Altomar", "S-fiscalia-2023", WD(6),
   "Según la Fiscalía Provincial de Altomar, en 2022 se identificaron 17 presuntas víctimas de trata en el distrito.¹⁵")
st("residence", "venezuelans_without_residence_permit_share", "Share of Venezuelan residents without a valid residence permit", 38, "percent", "exact", "2022",
   "", "S-ome-2022", FD(6),
   "Según la Encuesta Municipal de Hogares 2022, el 38 % de las personas venezolanas residentes en el distrito no contaba con un permiso de residencia vigente.")
st("health", "migrants_vaccinated_covid19", "Migrants vaccinated against COVID-19 at municipal vaccination points", 9800, "persons", "over", "2022-06-30",
   "Gerencia de Salud", "", COVID,
   "Según la Gerencia de Salud, al 30 de junio de 2022 se había vacunado a más de 9.800 personas migrantes.¹⁶")
st("programmes", "solidarity_grant_amount", "Amount of the Municipal Solidarity Grant", 350, "local_currency", "exact", "2020", "", "", COVID,
   "creó el Bono Municipal Solidario de S/ 350, otorgado en 2020 a 1.540 hogares")
st("programmes", "solidarity_grant_households", "Households that received the Municipal Solidarity Grant", 1540, "entities", "exact", "2020", "", "", COVID,
   "creó el Bono Municipal Solidario de S/ 350, otorgado en 2020 a 1.540 hogares")

# ---------------------------------------------------------------- covid responses
C = []
def cv(area, measure, instr, date, date_end, covers, status, doms, sec, ev):
    C.append(dict(response_id=f"C{len(C)+1:02d}", area=area, measure=measure, instruments=";".join(instr), date=date,
                  date_end=date_end, covers_regardless_of_status=covers, status=status,
                  domains=";".join(DOM[d] for d in doms), section=sec, evidence=q(ev)))
cv("health_access", "Municipal Health Service facilities treated everyone with COVID-19 symptoms, regardless of migration status", [], "2020-03", "",
   "true", "not_stated", [1], COVID,
   "Desde marzo de 2020, los establecimientos del Servicio Municipal de Salud atendieron a todas las personas con síntomas de COVID-19, independientemente de su situación migratoria.")
cv("vaccination", "Municipal COVID-19 vaccination points vaccinated foreigners without requiring identity documents", [], "2021-04", "",
   "true", "not_stated", [1], COVID,
   "A partir de abril de 2021, los puntos municipales de vacunación contra la COVID-19 vacunaron a las personas extranjeras sin exigir documentos de identidad.")
cv("health_workforce", "Temporary hiring of foreign health professionals in the Municipal Health Service during the health emergency", ["RGM-210-2020-GM-MSM"], "2020", "",
   "", "not_stated", [4], COVID,
   "La Resolución de Gerencia Municipal N.º 210-2020-GM/MSM (2020) autorizó la contratación temporal de profesionales de la salud extranjeros en el Servicio Municipal de Salud durante la emergencia sanitaria.")
cv("response_planning", "Food baskets distributed to vulnerable Ostrian and migrant families", [], "2020-04", "2020-12",
   "", "ended", [4], COVID,
   "Entre abril y diciembre de 2020, la Municipalidad distribuyó canastas de víveres a familias ostrianas y migrantes en situación de vulnerabilidad.")
cv("response_planning", "Municipal Solidarity Grant of S/ 350 paid once in 2020 to 1,540 households, only to households with proven legal residence in the district", ["ORD-098-2020-MSM"], "2020", "",
   "false", "ended", [4], COVID,
   "La Ordenanza Municipal N.º 098-2020-MSM creó el Bono Municipal Solidario de S/ 350, otorgado en 2020 a 1.540 hogares, solo para hogares con residencia legal acreditada en el distrito.¹⁷")
cv("migration_status", "Validity of Municipal Resident Cards that expired during the emergency extended until 31 December 2021", ["DEC-012-2020-A-MSM"], "2020", "2021-12-31",
   "", "ended", [1], COVID,
   "El Decreto de Alcaldía N.º 012-2020-A/MSM prorrogó la vigencia de los Carnés Municipales de Vecino vencidos durante la emergencia hasta el 31 de diciembre de 2021.")
cv("response_planning", "Municipal COVID-19 Response Plan included migrants among the priority groups for humanitarian aid", ["plan-respuesta-covid-2020"], "2020", "",
   "", "not_stated", [5], COVID,
   "El Plan Municipal de Respuesta frente a la COVID-19 (2020) incluyó a las personas migrantes entre los grupos prioritarios para la entrega de ayuda humanitaria.")
cv("data", "Nationality variable added to the municipal register of COVID-19 cases", [], "2020-07", "",
   "", "not_stated", [2], COVID,
   "La Oficina Municipal de Estadística incorporó la variable de nacionalidad en el registro municipal de casos de COVID-19 desde julio de 2020.")
cv("return_transfer", "Humanitarian transfer of foreigners stranded in the district to the Puerto Lindo border crossing, with the National Directorate of Migration", [], "2020-06", "",
   "", "not_stated", [5, 6], COVID,
   "En junio de 2020, la Municipalidad organizó, junto con la Dirección Nacional de Migraciones, el traslado humanitario de personas extranjeras varadas en el distrito hacia el paso fronterizo de Puerto Lindo.")
cv("consular_assistance", "The Municipal Working Group on Human Mobility coordinated with the consulates of Venezuela and Colombia the assistance to their nationals during the emergency", [], "", "",
   "", "not_stated", [3], COVID,
   "La Mesa de Trabajo Municipal para la Movilidad Humana, creada en 2020, coordinó con los consulados de Venezuela y Colombia la atención de sus connacionales durante la emergencia.¹⁸")

# ---------------------------------------------------------------- partnerships
P = []
def pt(pid, name, kind, role, year, ev, sec):
    P.append(dict(partnership_id=pid, name=name, kind=kind, role=role, year=year, evidence=q(ev), section=sec))
pt("mercociudades-member", "Mercociudades", "forum", "member", 2017,
   "San Marcelo es miembro de Mercociudades desde 2017", WD(3))
pt("mercociudades-ut-migraciones-coordination-2022", "Mercociudades – Unidad Temática de Migraciones", "forum", "pro_tempore_presidency", 2022,
   "San Marcelo es miembro de Mercociudades desde 2017 y, en 2022, coordinó la Unidad Temática de Migraciones de la red.¹¹", WD(3))
pt("red-ciudades-interculturales-member", "Red de Ciudades Interculturales", "forum", "member", 2020,
   "Desde 2020, San Marcelo es miembro de la Red de Ciudades Interculturales, que reúne a más de 140 ciudades.¹²", WD(3))
pt("red-andina-ciudades-fronterizas-founding-member", "Red Andina de Ciudades Fronterizas", "forum", "founding_member", 2018,
   "San Marcelo es miembro fundador de la Red Andina de Ciudades Fronterizas, creada en 2018", WD(3))
pt("ciudades-solidarias-participant", "Ciudades Solidarias (ACNUR)", "programme", "participant", "",
   "La Municipalidad participa en el programa Ciudades Solidarias, impulsado por el Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR)", WD(3))
pt("foro-alcaldes-participant-2021", "Foro de Alcaldes sobre Movilidad Humana, Migración y Desarrollo", "forum", "participant", 2021,
   "y en 2021 participó en el Foro de Alcaldes sobre Movilidad Humana, Migración y Desarrollo.", WD(3))
pt("observatorio-regional-movilidad-urbana-observer", "Observatorio Regional de Movilidad Urbana", "observatory", "observer", 2021,
   "Desde 2021, la Municipalidad tiene la condición de observadora en el Observatorio Regional de Movilidad Urbana.", WD(3))

# ---------------------------------------------------------------- sources (parsed from the Key sources list, then checked)
SRC = []
lines = [l.strip() for l in RAW.split("\n") if l.strip()]
k = lines.index("FUENTES PRINCIPALES")
org = None
slug = {"Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR)": "acnur",
        "Asamblea General de las Naciones Unidas": "agnu", "Congreso de la República de Ostria": "congreso",
        "Dirección Nacional de Migraciones": "dnm", "Fiscalía Provincial de Altomar": "fiscalia",
        "Gobierno de la República de Ostria": "gobierno", "Mercociudades": "mercociudades",
        "Municipalidad de San Marcelo": "msm", "Oficina Municipal de Estadística de San Marcelo": "ome",
        "Organización Internacional para las Migraciones (OIM)": "oim",
        "Red Andina de Ciudades Fronterizas": "red-andina", "Red de Ciudades Interculturales": "rci"}
for l in lines[k + 1:]:
    if l in slug:
        org = l; continue
    e = l[2:] if l.startswith("- ") else l
    m = re.match(r"^(\d{4}[a-z]?|s\.f\.) (.*)$", e)
    tag, rest = (m.group(1), m.group(2)) if m else ("", e)
    online = "No disponible en línea" not in rest
    if online:
        title, addr = re.match(r"^(.*?) Disponible en (.*?)\.?$", rest).groups()
    else:
        title, addr = rest.replace(" No disponible en línea.", ""), ""
    sid = f"S-{slug[org]}-{tag.replace('.', '') if tag and tag != 's.f.' else 'sf'}"
    SRC.append(dict(source_id=sid, organisation=org, year_tag="" if tag == "s.f." else tag, title=title,
                    address=addr.replace(" ", ""), address_as_printed=addr, online="true" if online else "false"))
ids = [s["source_id"] for s in SRC]
assert len(ids) == len(set(ids)), ids

# ---------------------------------------------------------------- errata
E = []
def er(kind, sec, says, conflicts, csec, use, reason):
    E.append(dict(erratum_id=f"E{len(E)+1:02d}", kind=kind, section=sec, source_says=q(says),
                  conflicts_with=q(conflicts) if conflicts else "", conflict_section=csec, extracts_use=use, reason=reason))
er("contradiction", WD(4), "La Ordenanza Municipal N.º 132-2019-MSM, que promueve la inclusión y la no discriminación de las personas migrantes",
   "La Ordenanza Municipal N.º 123-2019-MSM, que promueve la inclusión y la no discriminación de las personas migrantes en el distrito de San Marcelo (2019)",
   WD(1), "ORD-123-2019-MSM (no row for 132-2019-MSM); F023 cites ORD-123-2019-MSM",
   "The ordinance with this title is No. 123-2019-MSM in domain 1 (body and footnote 7), domain 2 and Key sources (2019a); domain 4 prints 132 with the same title, a transposition of digits.")
er("contradiction", COVID, "La Mesa de Trabajo Municipal para la Movilidad Humana, creada en 2020",
   "El Decreto de Alcaldía N.º 007-2021-A/MSM (2021) creó la Mesa de Trabajo Municipal para la Movilidad Humana",
   WD(2), "DEC-007-2021-A-MSM year 2021 (the Mesa created in 2021)",
   "Domain 2, the decree's number and Key sources (2021a) all give 2021; only the COVID-19 section says 2020.")
er("contradiction", WD(4), "las 14.250 personas extranjeras residentes en el distrito",
   "Al 31 de diciembre de 2022, residían en San Marcelo 12.450 personas migrantes extranjeras",
   CTX1, "ST006 = 12450 (Oficina Municipal de Estadística, 2022-12-31) as the foreign-resident figure; ST026 keeps 14250 as printed, under its own indicator",
   "The Context figure is dated, sourced and consistent with the 12,5 % share of 99.600 inhabitants; 14.250 in domain 4 has the same digits transposed and no date.")

# ---------------------------------------------------------------- checks and output
inst_ids = {r["instrument_id"] for r in I}
for r in F + C:
    for x in filter(None, r["instruments"].split(";")):
        assert x in inst_ids, (r, x)
for r in I:
    for col in ("amends", "repeals", "regulates", "extends"):
        for x in filter(None, r[col].split(";")):
            assert x in inst_ids, (r["instrument_id"], col, x)
src_ids = set(ids)
for r in S:
    assert not r["source_id"] or r["source_id"] in src_ids, r

def write(name, rows):
    with open(os.path.join(HERE, name + ".csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0].keys()))
        w.writeheader(); w.writerows(rows)
for name, rows in [("findings", F), ("instruments", I), ("statistics", S), ("covid_responses", C), ("partnerships", P),
                   ("sources", SRC), ("errata", E)]:
    write(name, rows)
    print(name, len(rows))
print("sha256", hashlib.sha256(open(TXT, "rb").read()).hexdigest())
