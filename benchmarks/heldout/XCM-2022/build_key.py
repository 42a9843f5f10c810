"""Answer key of XCM-2022 (fictional local profile), written by hand. Run: python3 build_key.py"""
import sys, os
sys.path.insert(0, "/work/heldout/tools_w3")
from keylib import Key, H, parse_sources
K = Key(os.path.dirname(os.path.abspath(__file__)), "mgi-carmora-local-profile-2022.txt")
P, S, Q = K.P, K.S, K.Q

DN = {1: ("migrants_rights", "1. Adherence to international standards and fulfilment of migrants' rights"),
      2: ("whole_of_government", "2. Formulates policy using evidence and a whole-of-government approach"),
      3: ("partnerships", "3. Engages with partners to address migration and related issues"),
      4: ("wellbeing", "4. Advances the socioeconomic well-being of migrants and society"),
      5: ("mobility_crises", "5. Effectively addresses the mobility dimensions of crises"),
      6: ("safe_orderly_regular", "6. Ensures that migration takes place in a safe, orderly and regular manner")}
def WD(n, sub=None): return DN[n][1] + " – Well-developed areas" + (f" – {sub}" if sub else "")
def FD(n): return DN[n][1] + " – Areas with potential for further development"
def FN(sec, k): return f"{sec}, footnote {k}"
CT = "Context – Migration trends"
CL = "Context – Local competences: the national and local context of migration governance"
COV = "Migration governance and the COVID-19 pandemic"
KS = "Key sources – "

F = []
def f(dom, kind, sec, summ, ins, ev):
    F.append(dict(finding_id=f"F{len(F)+1:03d}", domain=DN[dom][0], kind=kind, section=sec, summary=summ, baseline_status="not_stated", instruments=ins, evidence=ev))
W, A = "well_developed", "further_development"
f(1, W, WD(1, "Access to health services"), "Municipal primary health-care clinics serve all residents regardless of migration status.", "", S("The municipal primary health-care clinics of Carmora provide care"))
f(1, W, WD(1, "Access to health services"), "Under By-law No. 45 of 2018 the Carmora Resident Card gives anyone proving three months' residence access to municipal clinics, libraries and transport discounts.", "BYLAW-45-2018", S("Under By-law No. 45 of 2018 on Municipal Services and Identification"))
f(1, W, WD(1, "Access to health services"), "Over 36,000 Resident Cards had been issued by 31 December 2021, about a third to foreign nationals.", "BYLAW-45-2018", P("By 31 December 2021, the City had issued over 36,000 Resident Cards"))
f(1, W, WD(1, "Access to education"), "Municipal early childhood centres enrol children of all nationalities; 23,700 pupils of foreign nationality were enrolled in 2021.", "", P("Municipal early childhood centres enrol children of all nationalities."))
f(1, W, WD(1, "Access to housing and social protection"), "Since Resolution No. 2020/062, migrants with a residence permit can apply for social housing on the same basis as nationals.", "RES-2020-062", P("The City's social housing allocation rules, revised by Resolution No. 2020/062"))
f(1, A, FD(1), "There is no local mechanism for complaints of discrimination against migrants; complaints go to the national Human Rights Commission.", "", P("The City has no local mechanism to receive and follow up complaints"))
f(1, A, FD(1), "Information on municipal services on the city portal is only in Velsarian and English, although leaflets exist in 9 languages.", "", P("Information on municipal services is available in Velsarian and English only"))
f(2, W, WD(2, "Institutional framework"), "The Office for Migrant Inclusion, established by Mayoral Executive Order No. 7/2019, coordinates the City's migration action.", "EO-7-2019", P("The Office for Migrant Inclusion, established by Mayoral Executive Order No. 7/2019"))
f(2, W, WD(2, "Institutional framework"), "The Carmora Inclusion Strategy 2020–2025 (Council Resolution No. 2019/114) has 5 axes and 38 actions and a budget of CVL 42 million (about USD 3.1 million).", "CIS-2020-2025", P("The Carmora Inclusion Strategy 2020–2025, adopted by Resolution No. 2019/114"))
f(2, W, WD(2, "Institutional framework"), "The Carmora Migrant Advisory Council (Resolution No. 2021/087), with 15 members of whom 8 from migrant and diaspora associations, is consulted on every action of the Strategy.", "RES-2021-087;CIS-2020-2025", P("The Carmora Migrant Advisory Council, established by Resolution No. 2021/087"))
f(2, W, WD(2, "Data"), "The Carmora Household Survey 2021 asked for the first time about country of birth and year of arrival, covering 6,400 households.", "CHS-2021", P("The Carmora Household Survey 2021, carried out by the City's Statistics Unit"))
f(2, A, FD(2), "The Local Development Plan 2018–2022 does not mention migration, and departments do not disaggregate administrative data by nationality or migration status.", "LDP-2018-2022", P("The Carmora Local Development Plan 2018–2022 does not mention migration"))
f(2, A, FD(2), "The Office for Migrant Inclusion has a staff of 6, which limits its capacity to follow up the Strategy's 38 actions (this passage dates its creation 2020; see errata).", "CIS-2020-2025", P("The Office for Migrant Inclusion was created in 2020 with a staff of 6"))
f(2, A, FD(2), "The Inclusion Strategy has not yet had a mid-term evaluation.", "CIS-2020-2025", P("The Carmora Inclusion Strategy 2020–2025 (Resolution No. 2019/141)"))
f(3, W, WD(3, "City networks"), "Carmora has been a member of the Global Network of Welcoming Cities since 2019 and has chaired its Working Group on Labour Inclusion since 2021.", "", P("Carmora has been a member of the Global Network of Welcoming Cities (GNWC)"))
f(3, W, WD(3, "City networks"), "Carmora is a founding member of the Southern Cities Migration Forum (2017, 11 cities) and a member of UCLG.", "", S("Carmora is a founding member of the Southern Cities Migration Forum"))
f(3, W, WD(3, "City networks"), "In 2018 the Mayor signed the Marrakech Mayors Declaration.", "MARRAKECH-2018", S("In 2018 the Mayor signed the Marrakech Mayors Declaration."))
f(3, W, WD(3, "City networks"), "The City took part in the 2021 Mayoral Forum on Human Mobility, Migration and Development.", "", S("The City participated in the 2021 Mayoral Forum"))
f(3, W, WD(3, "City networks"), "In 2022 the City obtained observer status in the Regional Observatory on Urban Migration.", "", S("The City participated in the 2021 Mayoral Forum"))
f(3, W, WD(3, "Cooperation with national authorities and other actors"), "A 2021 Memorandum of Understanding with the Department of Home Affairs set up a Home Affairs service point in the municipal One-Stop Centre for Migrants.", "MOU-HOME-AFFAIRS-2021", P("The City and the Department of Home Affairs signed a Memorandum of Understanding in 2021"))
f(3, W, WD(3, "Cooperation with national authorities and other actors"), "The Carmora Welcome Programme is implemented with 14 civil society organizations and the Chamber of Commerce.", "WELCOME-PROGRAMME", P("The Carmora Welcome Programme is implemented with 14 civil society organizations"))
f(3, A, FD(3), "The City is not formally consulted by the national Government on migration policy, and the National Migration Policy has no coordination mechanism with municipalities.", "NMP-2018-2027", P("The City is not formally consulted by the national Government"))
f(3, A, FD(3), "The private sector beyond the Chamber of Commerce could be more involved in labour inclusion measures.", "", P("The City could involve the private sector more widely"))
f(4, W, WD(4, "Employment and skills"), "The Carmora Welcome Programme, launched in 2020, offers language classes, orientation and job-readiness training; 4,250 people took part in 2021.", "WELCOME-PROGRAMME", P("The Carmora Welcome Programme, launched in 2020"))
f(4, W, WD(4, "Employment and skills"), "The Carmora Jobs Portal lists vacancies of over 1,900 local employers and is open to job-seekers of any nationality with a work permit.", "CARMORA-JOBS-PORTAL", P("The Carmora Jobs Portal, an online platform"))
f(4, W, WD(4, "Employment and skills"), "Foreign entrepreneurs with a residence permit can apply for municipal micro-grants of up to CVL 25,000 under the Small Business Support Scheme (Municipal Ordinance No. 11/2019).", "ORD-11-2019", P("Under the Small Business Support Scheme, created by Municipal Ordinance No. 11/2019"))
f(4, A, FD(4), "Foreign-born residents had an unemployment rate of 11.2 per cent against 7.4 per cent overall (2021), and the City has no programme to help recognize foreign qualifications.", "CHS-2021", P("According to the Carmora Household Survey 2021, the unemployment rate"))
f(4, A, FD(4), "A large share of the foreign-born residents work in the informal sector.", "", P("According to the 2021 census, some 241,600 foreign-born residents"))
f(5, W, WD(5), "The Carmora Disaster Risk Management Plan 2021 (Council Resolution No. 2021/019) makes informal settlements with many migrants priority areas for early warning.", "DRMP-2021", P("The Carmora Disaster Risk Management Plan 2021, adopted by Resolution No. 2021/019"))
f(5, W, WD(5), "During the February 2021 floods the City opened 9 emergency shelters (640 places) open to all of the about 12,000 displaced residents.", "", P("During the floods of February 2021"))
f(5, A, FD(5), "The Disaster Risk Management Plan has no communication in migrants' languages and migrants are not consulted on evacuation plans.", "DRMP-2021", P("The Disaster Risk Management Plan 2021 does not provide for communication"))
f(5, A, FD(5), "The City has no agreement with consulates to assist foreign nationals in emergencies.", "", P("The City has no agreement with consulates"))
f(6, W, WD(6), "The Local Referral Protocol for Victims of Trafficking (2022) sets out how municipal social workers identify and refer victims; 57 presumed victims were referred in 2021.", "LRP-TRAFFICKING-2022", P("The Local Referral Protocol for Victims of Trafficking, adopted in 2022"))
f(6, W, WD(6), "The One-Stop Centre for Migrants, opened in 2021, provides information, legal aid and referral to Home Affairs and assisted 8,930 people in its first year.", "", P("The One-Stop Centre for Migrants, opened in 2021"))
f(6, A, FD(6), "There is no specific support for returning Velsarian migrants settling in Carmora, and municipal staff get no regular training on migrants' rights.", "", P("The City does not offer specific support to returning Velsarian migrants"))

I = []
def i(iid, typ, num, year, ten, body, doms, status, ev, sec, covid=False, amends="", repeals="", regulates="", extends="", note=""):
    I.append(dict(instrument_id=iid, type=typ, number=num, year=year, title_en=ten, title_es="", issuing_body=body, domains=doms, status=status,
                  amends=amends, repeals=repeals, regulates=regulates, extends=extends, after_baseline=None, covid_measure=covid, section=sec, evidence=ev, note=note))
i("CONST-1996", "constitution", "", 1996, "Constitution of the Republic of Velsaria", "", "", "in_force", S("The Constitution of the Republic of Velsaria (1996) guarantees local self-government"), CL, note="National; frames local self-government. 'guarantees' read as in force.")
i("ACT-12-2013", "act", "12", 2013, "Local Government Act (Act No. 12 of 2013)", "", "", "in_force", P("The Republic of Velsaria is a unitary State."), CL, note="National act setting the city's competences ('assigns' -> in_force). Also footnote 5.")
i("ACT-4-2009", "act", "4", 2009, "Immigration Act (Act No. 4 of 2009)", "", "", "in_force", S("They are governed by the Immigration Act (Act No. 4 of 2009)"), CL, note="National; 'are governed by' -> in_force.")
i("ACT-21-2017", "act", "21", 2017, "Refugees Act (Act No. 21 of 2017)", "", "", "in_force", S("They are governed by the Immigration Act (Act No. 4 of 2009)"), CL)
i("NMP-2018-2027", "policy", "", 2018, "National Migration Policy 2018–2027", "Government of Velsaria", "partnerships", "not_stated", P("The National Migration Policy 2018–2027, adopted by the Government of Velsaria in 2018"), CL, note="National policy; also 3, areas for further development.")
i("CENSUS-2021", "survey", "", 2021, "2021 Population and Housing Census", "Velsaria National Statistics Office (VNSO)", "", "not_stated", S("According to the 2021 Population and Housing Census of the Velsaria National Statistics Office (VNSO)"), CT)
i("MTPS-2016", "survey", "", 2016, "Mid-term Population Survey 2016", "", "", "not_stated", S("According to the 2021 Population and Housing Census of the Velsaria National Statistics Office (VNSO)"), CT, note="'the 2016 mid-term population survey'; title from Key sources – VNSO 2017.")
i("BYLAW-45-2018", "ordinance", "45", 2018, "By-law No. 45 of 2018 on Municipal Services and Identification", "", "migrants_rights", "not_stated", S("Under By-law No. 45 of 2018 on Municipal Services and Identification"), WD(1, "Access to health services"),
  note="A municipal by-law: the schema has no by-law type, typed ordinance (municipal legislation adopted by the Council). The Carmora Resident Card it creates is not a separate row.")
i("RES-2020-062", "resolution", "2020/062", 2020, "Resolution No. 2020/062 of the City Council on social housing allocation rules", "City Council", "migrants_rights", "not_stated", P("The City's social housing allocation rules, revised by Resolution No. 2020/062"), WD(1, "Access to housing and social protection"))
i("EO-7-2019", "order", "7/2019", 2019, "Mayoral Executive Order No. 7/2019 establishing the Office for Migrant Inclusion", "Mayor", "whole_of_government", "not_stated", P("The Office for Migrant Inclusion, established by Mayoral Executive Order No. 7/2019"), WD(2, "Institutional framework"), note="The Office's creation is dated 2020 in 2, further development: erratum E02.")
i("CIS-2020-2025", "strategy", "2019/114", 2019, "Carmora Inclusion Strategy 2020–2025", "City Council", "whole_of_government", "not_stated", P("The Carmora Inclusion Strategy 2020–2025, adopted by Resolution No. 2019/114"), WD(2, "Institutional framework"),
  note="Adopted by Resolution No. 2019/114 of the City Council (typed by what the profile calls it, codebook rule); year from the resolution (Key sources 2019). Printed once as 2019/141: erratum E01.")
i("RES-2021-087", "resolution", "2021/087", 2021, "Resolution No. 2021/087 of the City Council establishing the Carmora Migrant Advisory Council", "City Council", "whole_of_government", "not_stated", P("The Carmora Migrant Advisory Council, established by Resolution No. 2021/087"), WD(2, "Institutional framework"))
i("CHS-2021", "survey", "", 2021, "Carmora Household Survey 2021", "City's Statistics Unit with the University of Carmora", "whole_of_government;wellbeing", "not_stated", P("The Carmora Household Survey 2021, carried out by the City's Statistics Unit"), WD(2, "Data"))
i("LDP-2018-2022", "plan", "", None, "Carmora Local Development Plan 2018–2022", "", "whole_of_government", "not_stated", P("The Carmora Local Development Plan 2018–2022 does not mention migration"), FD(2))
i("MARRAKECH-2018", "declaration", "", 2018, "Marrakech Mayors Declaration", "", "partnerships", "not_stated", S("In 2018 the Mayor signed the Marrakech Mayors Declaration."), WD(3, "City networks"))
i("MOU-HOME-AFFAIRS-2021", "agreement", "", 2021, "Memorandum of Understanding between the City and the Department of Home Affairs", "", "partnerships", "not_stated", P("The City and the Department of Home Affairs signed a Memorandum of Understanding in 2021"), WD(3, "Cooperation with national authorities and other actors"))
i("WELCOME-PROGRAMME", "programme", "", 2020, "Carmora Welcome Programme", "", "partnerships;wellbeing", "not_stated", P("The Carmora Welcome Programme, launched in 2020"), WD(4, "Employment and skills"))
i("CARMORA-JOBS-PORTAL", "digital_system", "", 2019, "Carmora Jobs Portal", "Department of Economic Development", "wellbeing", "not_stated", P("The Carmora Jobs Portal, an online platform"), WD(4, "Employment and skills"), note="Launch year 2019 from footnote 12.")
i("ORD-11-2019", "ordinance", "11/2019", 2019, "Municipal Ordinance No. 11/2019 on the Small Business Support Scheme", "", "wellbeing", "not_stated", P("Under the Small Business Support Scheme, created by Municipal Ordinance No. 11/2019"), WD(4, "Employment and skills"), note="The Scheme itself is not a separate row.")
i("DRMP-2021", "plan", "2021/019", 2021, "Carmora Disaster Risk Management Plan 2021", "City Council", "mobility_crises", "not_stated", P("The Carmora Disaster Risk Management Plan 2021, adopted by Resolution No. 2021/019"), WD(5), note="Adopted by Resolution No. 2021/019 of the City Council (typed plan).")
i("LRP-TRAFFICKING-2022", "protocol", "", 2022, "Local Referral Protocol for Victims of Trafficking", "the City and the provincial police", "safe_orderly_regular", "not_stated", P("The Local Referral Protocol for Victims of Trafficking, adopted in 2022"), WD(6))
i("NAP-TIP-2021-2025", "plan", "", None, "National Action Plan against Trafficking in Persons 2021–2025", "", "safe_orderly_regular", "not_stated", P("¹⁵ Data of the Department of Social Development"), FN(WD(6), 15), note="National plan.")
i("DEC-9-2020", "decree", "9/2020", 2020, "Mayoral Decree No. 9/2020 of 23 March 2020 on free COVID-19 testing and treatment in municipal clinics", "Mayor", "", "not_stated", P("From March 2020, municipal clinics tested and treated"), COV, covid=True)
i("ORD-3-2020", "ordinance", "3/2020", 2020, "Municipal Ordinance No. 3/2020 on Emergency Food Assistance", "", "", "not_stated", P("Municipal Ordinance No. 3/2020 on Emergency Food Assistance"), COV, covid=True)
i("RES-2020-045", "resolution", "2020/045", 2020, "Resolution No. 2020/045 of the City Council establishing the COVID-19 Relief Fund", "City Council", "", "ended", P("The COVID-19 Relief Fund, established by Resolution No. 2020/045"), COV, covid=True, note="'The Fund ended in June 2021' -> ended; the Fund is not a separate row.")
i("DEC-14-2020", "decree", "14/2020", 2020, "Mayoral Decree No. 14/2020 on the validity of Resident Cards", "Mayor", "", "not_stated", P("Mayoral Decree No. 14/2020 extended the validity"), COV, covid=True, extends="BYLAW-45-2018",
  note="Extends the validity of the Resident Cards created by By-law No. 45 of 2018.")
i("MNA-2020", "survey", "", 2020, "Migrant Needs Assessment 2020", "Office for Migrant Inclusion", "", "not_stated", P("The Migrant Needs Assessment 2020, a rapid telephone survey"), COV, covid=True)

ST = []
def st(theme, ind, label, value, unit, q, date, org, sid, sec, ev):
    ST.append(dict(statistic_id=f"ST{len(ST)+1:03d}", theme=theme, indicator=ind, label=label, value=value, unit=unit, qualifier=q, reference_date=date, source_org=org, source_id=sid, section=sec, evidence=ev))
st("methodology", "mgi_indicator_count", "Number of indicators in the (national) MGI set", 90, "indicators", "about", "", "", "", "Introduction", S("In an effort to operationalize the MiGOF"))
st("methodology", "local_mgi_indicator_count", "Number of indicators in the local MGI set", 80, "indicators", "about", "", "", "", "Introduction", S("In 2019, the MGI was adapted to the local level"))
st("methodology", "local_mgi_indicator_count", "Number of indicators in the local MGI set", 80, "indicators", "about", "", "", "", "The local MGI", S("The local MGI is composed of around 80 indicators"))
st("methodology", "mgi_domain_count", "Number of migration governance domains", 6, "domains", "exact", "", "", "", "The local MGI", S("The local MGI is composed of around 80 indicators"))
st("migrant_population", "city_population", "Inhabitants of Carmora", 1482000, "persons", "exact", "2021", "Velsaria National Statistics Office (VNSO)", "S-vnso-2022a", CT, S("According to the 2021 Population and Housing Census"))
st("migrant_population", "foreign_born_residents", "Foreign-born residents of Carmora", 214600, "persons", "exact", "2021", "Velsaria National Statistics Office (VNSO)", "S-vnso-2022a", CT, S("The census counted 214,600 foreign-born residents"))
st("migrant_population", "foreign_born_residents_share", "Foreign-born residents as a share of the city's population", 14.5, "percent", "exact", "2021", "Velsaria National Statistics Office (VNSO)", "S-vnso-2022a", CT, S("The census counted 214,600 foreign-born residents"))
st("migrant_population", "foreign_born_residents", "Foreign-born residents of Carmora", 168300, "persons", "exact", "2016", "Velsaria National Statistics Office (VNSO)", "S-vnso-2017", CT, S("The census counted 214,600 foreign-born residents"))
st("population_by_origin", "foreign_born_share_ostrania", "Share of foreign-born residents from the Republic of Ostrania", 41, "percent", "exact", "2021", "Velsaria National Statistics Office (VNSO)", "S-vnso-2022a", FN(CT, 4), P("⁴ VNSO, 2022a."))
st("population_by_origin", "foreign_born_share_sundar_islands", "Share of foreign-born residents from the Sundar Islands", 17, "percent", "exact", "2021", "Velsaria National Statistics Office (VNSO)", "S-vnso-2022a", FN(CT, 4), P("⁴ VNSO, 2022a."))
st("refugees_asylum", "refugees_asylum_seekers_city", "Refugees and asylum-seekers hosted in Carmora", 18900, "persons", "about", "2021-12", "Office of the United Nations High Commissioner for Refugees (UNHCR)", "S-unhcr-2022", CT, P("Carmora is also a destination for internal migrants"))
st("other", "city_councillors", "Councillors of the Carmora Metropolitan Council", 61, "entities", "exact", "", "", "", CL, S("The City of Carmora is governed by the Carmora Metropolitan Council, made up of 61 councillors"))
st("residence", "resident_card_residence_requirement", "Residence in the city required for a Resident Card", 3, "months", "exact", "", "", "", WD(1, "Access to health services"), S("Under By-law No. 45 of 2018 on Municipal Services and Identification"))
st("residence", "resident_cards_issued", "Carmora Resident Cards issued", 36000, "persons", "over", "2021-12-31", "", "", WD(1, "Access to health services"), P("By 31 December 2021, the City had issued over 36,000 Resident Cards"))
st("education", "foreign_pupils_enrolled", "Pupils of foreign nationality enrolled in municipal and public schools", 23700, "persons", "exact", "2021", "Department of Education of the City", "", WD(1, "Access to education"), S("According to the Department of Education of the City, 23,700 pupils"))
st("other", "discrimination_complaints_carmora", "Complaints from Carmora residents received by the Human Rights Commission", 212, "entities", "exact", "2021", "Velsarian Human Rights Commission", "", FN(FD(1), 7), P("⁷ The Velsarian Human Rights Commission received 212 complaints"))
st("other", "discrimination_complaints_migrants", "Complaints concerning migrants received by the Human Rights Commission", 34, "entities", "exact", "2021", "Velsarian Human Rights Commission", "", FN(FD(1), 7), P("⁷ The Velsarian Human Rights Commission received 212 complaints"))
st("programmes", "leaflet_languages", "Languages of the Office for Migrant Inclusion leaflets", 9, "categories", "exact", "", "", "", FD(1), P("Information on municipal services is available in Velsarian and English only"))
st("programmes", "strategy_axes", "Strategic axes of the Carmora Inclusion Strategy 2020–2025", 5, "categories", "exact", "", "", "", WD(2, "Institutional framework"), P("The Carmora Inclusion Strategy 2020–2025, adopted by Resolution No. 2019/114"))
st("programmes", "strategy_actions", "Actions of the Carmora Inclusion Strategy 2020–2025", 38, "entities", "exact", "", "", "", WD(2, "Institutional framework"), P("The Carmora Inclusion Strategy 2020–2025, adopted by Resolution No. 2019/114"))
st("programmes", "strategy_budget", "Budget of the Carmora Inclusion Strategy 2020–2025 (Velsarian crowns)", 42000000, "local_currency", "exact", "", "", "", WD(2, "Institutional framework"), S("It has a budget of CVL 42 million for the period"))
st("programmes", "strategy_budget", "Budget of the Carmora Inclusion Strategy 2020–2025 (US dollars)", 3100000, "usd", "about", "", "", "", WD(2, "Institutional framework"), S("It has a budget of CVL 42 million for the period"))
st("roundtable", "advisory_council_members", "Members of the Carmora Migrant Advisory Council", 15, "entities", "exact", "", "", "", WD(2, "Institutional framework"), P("The Carmora Migrant Advisory Council, established by Resolution No. 2021/087"))
st("roundtable", "advisory_council_migrant_members", "Advisory Council members representing migrant and diaspora associations", 8, "entities", "exact", "", "", "", WD(2, "Institutional framework"), P("The Carmora Migrant Advisory Council, established by Resolution No. 2021/087"))
st("methodology", "household_survey_households", "Households covered by the Carmora Household Survey 2021", 6400, "entities", "exact", "2021", "", "", WD(2, "Data"), P("The Carmora Household Survey 2021, carried out by the City's Statistics Unit"))
st("programmes", "omi_staff", "Staff of the Office for Migrant Inclusion", 6, "persons", "exact", "", "", "", FD(2), P("The Office for Migrant Inclusion was created in 2020 with a staff of 6"))
st("cooperation_agreements", "scmf_founding_cities", "Cities that created the Southern Cities Migration Forum", 11, "entities", "exact", "2017", "", "", WD(3, "City networks"), S("Carmora is a founding member of the Southern Cities Migration Forum"))
st("programmes", "welcome_programme_cso_partners", "Civil society organizations implementing the Carmora Welcome Programme", 14, "entities", "exact", "", "", "", WD(3, "Cooperation with national authorities and other actors"), P("The Carmora Welcome Programme is implemented with 14 civil society organizations"))
st("programmes", "welcome_programme_participants", "Participants in the Carmora Welcome Programme", 4250, "persons", "exact", "2021", "", "", WD(4, "Employment and skills"), P("The Carmora Welcome Programme, launched in 2020"))
st("labour_migration", "jobs_portal_employers", "Local employers listing vacancies on the Carmora Jobs Portal", 1900, "entities", "over", "", "", "", WD(4, "Employment and skills"), P("The Carmora Jobs Portal, an online platform"))
st("programmes", "micro_grant_max", "Maximum municipal micro-grant of the Small Business Support Scheme (Velsarian crowns)", 25000, "local_currency", "up_to", "", "", "", WD(4, "Employment and skills"), P("Under the Small Business Support Scheme, created by Municipal Ordinance No. 11/2019"))
st("labour_migration", "unemployment_rate_foreign_born", "Unemployment rate of foreign-born residents", 11.2, "percent", "exact", "2021", "", "", FD(4), P("According to the Carmora Household Survey 2021, the unemployment rate"))
st("labour_migration", "unemployment_rate_city", "Unemployment rate of the city as a whole", 7.4, "percent", "exact", "2021", "", "", FD(4), P("According to the Carmora Household Survey 2021, the unemployment rate"))
st("migrant_population", "foreign_born_residents", "Foreign-born residents of Carmora (as printed in 4; see errata)", 241600, "persons", "about", "2021", "", "", FD(4), P("According to the 2021 census, some 241,600 foreign-born residents"))
st("other", "flood_displaced_residents", "Residents displaced by the February 2021 floods", 12000, "persons", "about", "2021-02", "", "", WD(5), P("During the floods of February 2021"))
st("other", "emergency_shelters_opened", "Emergency shelters opened during the February 2021 floods", 9, "entities", "exact", "2021-02", "", "", WD(5), P("During the floods of February 2021"))
st("other", "emergency_shelter_capacity", "Total capacity of the emergency shelters (places)", 640, "persons", "exact", "2021-02", "", "", WD(5), P("During the floods of February 2021"))
st("trafficking", "trafficking_victims_referred", "Presumed victims of trafficking referred by municipal services", 57, "persons", "exact", "2021", "Department of Social Development, City of Carmora", "", WD(6), S("In 2021, municipal services referred 57 presumed victims"))
st("programmes", "one_stop_centre_people_assisted", "People assisted by the One-Stop Centre for Migrants in its first year", 8930, "persons", "exact", "", "", "", WD(6), P("The One-Stop Centre for Migrants, opened in 2021"))
st("health", "covid_vaccine_doses_non_nationals", "COVID-19 vaccine doses given to non-nationals", 95000, "persons", "over", "2021-12-31", "City of Carmora, Department of Health", "", COV, S("By 31 December 2021, over 95,000 doses"))
st("programmes", "food_parcel_households", "Households receiving emergency food parcels, April–December 2020", 58000, "entities", "about", "2020", "", "", COV, P("Municipal Ordinance No. 3/2020 on Emergency Food Assistance"))
st("programmes", "covid_relief_fund", "COVID-19 Relief Fund (Velsarian crowns)", 8500000, "local_currency", "exact", "", "", "", COV, P("The COVID-19 Relief Fund, established by Resolution No. 2020/045"))
st("programmes", "covid_information_languages", "Languages of the COVID-19 information of the Office for Migrant Inclusion", 9, "categories", "exact", "2020-04", "", "", COV, P("The Office for Migrant Inclusion set up a hotline"))
st("other", "consulates_coordinated", "Countries whose consulates the City coordinated with", 12, "countries", "exact", "2020", "", "", COV, P("The City coordinated with the consulates of 12 countries"))
st("methodology", "migrant_needs_assessment_respondents", "Migrants surveyed in the Migrant Needs Assessment 2020", 1150, "persons", "exact", "2020-07", "Office for Migrant Inclusion", "S-omi-2020", COV, P("The Migrant Needs Assessment 2020, a rapid telephone survey"))
st("remittances", "banks_accepting_resident_card", "Local banks accepting the Resident Card to open basic accounts", 3, "entities", "exact", "2020", "", "", COV, P("Three local banks agreed in 2020"))

C = []
def c(area, measure, ins, date, end, cov, status, doms, ev):
    C.append(dict(response_id=f"C{len(C)+1:02d}", area=area, measure=measure, instruments=ins, date=date, date_end=end, covers_regardless_of_status=cov, status=status, domains=doms, section=COV, evidence=ev))
c("health_access", "Free COVID-19 testing and treatment in municipal clinics regardless of migration status", "DEC-9-2020", "2020-03-23", "", True, "not_stated", "migrants_rights", P("From March 2020, municipal clinics tested and treated"))
c("vaccination", "City vaccination centres vaccinated residents without asking for identity documents", "", "2021-04", "", True, "not_stated", "migrants_rights", S("The City's vaccination centres, opened in April 2021"))
c("response_planning", "Emergency food parcels to all households in need, including undocumented migrants", "ORD-3-2020", "2020-04", "", True, "not_stated", "wellbeing", P("Municipal Ordinance No. 3/2020 on Emergency Food Assistance"))
c("response_planning", "COVID-19 Relief Fund cash transfers, only to legally resident households", "RES-2020-045", "2020", "2021-06", False, "ended", "wellbeing", P("The COVID-19 Relief Fund, established by Resolution No. 2020/045"))
c("migration_status", "Validity of expired Resident Cards extended until 30 June 2021", "DEC-14-2020", "2020", "2021-06-30", None, "ended", "migrants_rights", P("Mayoral Decree No. 14/2020 extended the validity"))
c("health_workforce", "Temporary hiring of foreign-trained nurses for COVID-19 wards, open only to holders of a valid work permit", "", "", "", False, "not_stated", "wellbeing", P("The City temporarily hired foreign-trained nurses"))
c("response_planning", "Hotline and COVID-19 information in 9 languages from the Office for Migrant Inclusion", "", "2020-04", "", None, "not_stated", "whole_of_government", P("The Office for Migrant Inclusion set up a hotline"))
c("consular_assistance", "Coordination with the consulates of 12 countries to reach their nationals and organize repatriation flights", "", "", "", None, "not_stated", "partnerships;mobility_crises", P("The City coordinated with the consulates of 12 countries"))
c("return_transfer", "Shelter for migrants stranded at the Central Bus Terminal and transfer to their home provinces", "", "2020-05", "2020-06", None, "ended", "mobility_crises", P("In May and June 2020, the City sheltered migrants"))
c("data", "Migrant Needs Assessment 2020, a rapid telephone survey of 1,150 migrants informing the relief measures", "MNA-2020", "2020-07", "", None, "not_stated", "whole_of_government", P("The Migrant Needs Assessment 2020, a rapid telephone survey"))
c("remittances_financial_services", "Three local banks accept the Resident Card to open basic accounts", "", "2020", "", None, "not_stated", "wellbeing", P("Three local banks agreed in 2020"))

PA = []
def pa(pid, name, kind, role, year, ev, sec):
    PA.append(dict(partnership_id=pid, name=name, kind=kind, role=role, year=year, evidence=ev, section=sec))
N = WD(3, "City networks")
pa("gnwc-member", "Global Network of Welcoming Cities (GNWC)", "forum", "member", 2019, P("Carmora has been a member of the Global Network of Welcoming Cities (GNWC)"), N)
pa("gnwc-labour-inclusion-wg-chair", "Global Network of Welcoming Cities (GNWC) – Working Group on Labour Inclusion", "forum", "pro_tempore_presidency", 2021, P("Carmora has been a member of the Global Network of Welcoming Cities (GNWC)"), N)
pa("scmf-founding-member", "Southern Cities Migration Forum", "forum", "founding_member", 2017, S("Carmora is a founding member of the Southern Cities Migration Forum"), N)
pa("uclg-member", "United Cities and Local Governments (UCLG)", "forum", "member", None, S("Carmora is a founding member of the Southern Cities Migration Forum"), N)
pa("mayoral-forum-participant-2021", "Mayoral Forum on Human Mobility, Migration and Development", "forum", "participant", 2021, S("The City participated in the 2021 Mayoral Forum"), N)
pa("roum-observer", "Regional Observatory on Urban Migration", "observatory", "observer", 2022, S("The City participated in the 2021 Mayoral Forum"), N)

SO = parse_sources(K, "KEY SOURCES", "Available at", "Not available online", {
    "City of Carmora": "city", "Carmora City Council": "council", "Office for Migrant Inclusion": "omi", "Carmora Chamber of Commerce": "chamber",
    "Global Network of Welcoming Cities": "gnwc", "Government of Velsaria": "velsaria", "International Organization for Migration": "iom",
    "Southern Cities Migration Forum": "scmf", "United Nations High Commissioner for Refugees": "unhcr", "Velsaria National Statistics Office": "vnso"})

ER = [
 dict(erratum_id="E01", kind="contradiction", section=FD(2), source_says="The Carmora Inclusion Strategy 2020–2025 (Resolution No. 2019/141)",
      conflicts_with="The Carmora Inclusion Strategy 2020–2025, adopted by Resolution No. 2019/114 of the City Council", conflict_section=WD(2, "Institutional framework"),
      extracts_use="CIS-2020-2025 number 2019/114", reason="The well-developed areas of domain 2, footnote 8 and Key sources – Carmora City Council all print 2019/114; 2019/141 appears once, a transposition."),
 dict(erratum_id="E02", kind="contradiction", section=FD(2), source_says="The Office for Migrant Inclusion was created in 2020",
      conflicts_with="The Office for Migrant Inclusion, established by Mayoral Executive Order No. 7/2019", conflict_section=WD(2, "Institutional framework"),
      extracts_use="EO-7-2019 year 2019 (the Office dates from 2019)", reason="The establishing order is numbered 7/2019 and Key sources – City of Carmora list it as 2019a; only the further-development passage says 2020."),
 dict(erratum_id="E03", kind="contradiction", section=FD(4), source_says="According to the 2021 census, some 241,600 foreign-born residents live in the city",
      conflicts_with="The census counted 214,600 foreign-born residents", conflict_section=CT,
      extracts_use="foreign_born_residents 2021 = 214600 (ST006); the 241,600 row (ST034) is kept as printed, qualifier about",
      reason="Both cite the 2021 census; the Context figure is the one with the share (14.5 per cent of 1,482,000 ≈ 214,900) and the VNSO source, so 241,600 is read as a transposition of digits."),
]

K.check_ids(I, [("findings", F, ["instruments"]), ("covid_responses", C, ["instruments"]), ("instruments", I, ["amends", "repeals", "regulates", "extends"])])
sids = {s["source_id"] for s in SO}
for r in ST:
    if r["source_id"] and r["source_id"] not in sids: K.errors.append("unknown source " + r["source_id"])
K.write("findings", H["findings"], F); K.write("instruments", H["instruments"], I); K.write("statistics", H["statistics"], ST)
K.write("covid_responses", H["covid_responses"], C); K.write("partnerships", H["partnerships"], PA); K.write("sources", H["sources"], SO); K.write("errata", H["errata"], ER)
print(sorted(sids))
K.finish()
