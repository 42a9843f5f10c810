"""Answer key of XLO-2023 (fictional), written by hand. Run: python3 build_key.py"""
import sys, os
sys.path.insert(0, "/work/heldout/tools_w3")
from keylib import Key, H
K = Key(os.path.dirname(os.path.abspath(__file__)), "mgi-lorvane-second-profile-2023.txt")
P, S, Q = K.P, K.S, K.Q

SU = "Principales mises à jour depuis 2019 – Résumé des mises à jour – "
D = {1: "migrants_rights", 2: "whole_of_government", 3: "partnerships", 4: "wellbeing", 5: "mobility_crises", 6: "safe_orderly_regular"}
def WD(n): return f"{n}.1 Exemples de domaines bien développés"
def FD(n): return f"{n}.2 Domaines pouvant faire l'objet d'améliorations"
COV = "La gouvernance des migrations et la pandémie de COVID-19"
KS = "Principales sources – "

F = []
def f(dom, kind, sec, summ, bs, ins, ev):
    F.append(dict(finding_id=f"F{len(F)+1:03d}", domain=D[dom], kind=kind, section=sec, summary=summ, baseline_status=bs, instruments=ins, evidence=ev))
U, W, A = "update_since_baseline", "well_developed", "further_development"
f(1, U, SU+"Droits des migrants", "Law No. 2019-017 of 3 June 2019 on foreigners and migration replaced and repealed Ordinance No. 84-050 of 1984 on the entry and stay of foreigners.", "new", "LAW-2019-017;ORD-84-050",
  S("Depuis la première évaluation des IGM en 2019, la loi n° 2019-017"))
f(1, U, SU+"Droits des migrants", "The new law guarantees foreigners in a regular situation equal treatment with nationals in access to employment.", "new", "LAW-2019-017",
  S("La nouvelle loi garantit aux étrangers en situation régulière"))
f(1, U, SU+"Droits des migrants", "In 2021 Lorvane ratified the African Union Kampala Convention on internally displaced persons.", "new", "KAMPALA-2009",
  P("En 2021, le Lorvane a ratifié la Convention de l'Union africaine"))
f(2, U, SU+"Approche associant l'ensemble du gouvernement", "The National Migration Policy 2021-2030 was adopted, with an Action Plan 2021-2023 whose cost is estimated at CFA francs 18.7 billion (the summary dates the adoption 2020; see errata).", "new", "PNM-2021-2030;PNM-PA-2021-2023",
  P("La Politique nationale migratoire 2021-2030 (PNM) a été adoptée en 2020"))
f(2, U, SU+"Approche associant l'ensemble du gouvernement", "In 2022 the National Institute of Statistics carried out the National Migration Survey, the first since 2012.", "new", "ENM-2022",
  P("En 2022, l'Institut national de la statistique (INS) a réalisé"))
f(3, U, SU+"Partenariats", "In 2022 Lorvane held the presidency of the Migration Dialogue for West Africa (MIDWA) and hosted its ministerial meeting in Koundari.", "new", "",
  P("En 2022, le Lorvane a assuré la présidence du Dialogue migratoire"))
f(4, U, SU+"Bien-être des migrants", "The number of bilateral labour agreements rose from 2 in 2019 to 4 at 31 December 2022.", "improved", "",
  P("Le nombre d'accords bilatéraux de main-d'œuvre conclus par le Lorvane"))
f(5, U, SU+"Dimension de mobilité des crises", "The National Multi-Hazard Contingency Plan 2022-2024, adopted in 2022, now has a component on internally displaced persons and migrants.", "new", "PNCM-2022-2024",
  P("Le Plan national de contingence multirisque 2022-2024, adopté en 2022"))
f(6, U, SU+"Migration sûre, ordonnée et régulière", "Law No. 2021-004 of 9 March 2021 amended the 2008 anti-trafficking law to increase penalties.", "improved", "LAW-2021-004;LAW-2008-029",
  P("La loi n° 2021-004 du 9 mars 2021 a modifié la loi n° 2008-029"))
f(6, U, SU+"Migration sûre, ordonnée et régulière", "The Integrated Border Management System (SIGEF) has been operational since 2021 at 27 of 41 border posts.", "new", "SIGEF",
  P("Le Système intégré de gestion des frontières (SIGEF) est opérationnel depuis 2021"))
# domain 1
f(1, W, WD(1), "The Constitution of 1991, revised in 2015, guarantees everyone on the national territory the rights to health and education; regular migrants access public health care as nationals do.", "not_stated", "CONST-1991",
  P("La Constitution du 2 juin 1991, révisée en 2015"))
f(1, W, WD(1), "Law No. 2019-017 governs the entry, stay and removal of foreigners and repeals Ordinance No. 84-050; its implementing decree of 14 May 2020 sets the conditions of the renewable five-year residence card.", "new", "LAW-2019-017;ORD-84-050;DEC-2020-345",
  P("La loi n° 2019-017 du 3 juin 2019 portant régime des étrangers et de la migration³"))
f(1, W, WD(1), "Public primary and secondary education is guaranteed to all children whatever their migration status; 3,415 refugee children were enrolled in 2021-2022.", "not_stated", "",
  P("L'accès à l'enseignement primaire et secondaire public est garanti"))
f(1, W, WD(1), "Lorvane is party to the 1990 Migrant Workers Convention (ratified 2005), the 1951 Refugee Convention and its 1967 Protocol.", "not_stated", "ICRMW-1990;REFUGEE-1951;PROT-1967",
  S("Le Lorvane est partie à la Convention internationale sur la protection des droits de tous les travailleurs migrants"))
f(1, W, WD(1), "In 2021 Lorvane ratified the Kampala Convention (2009).", "new", "KAMPALA-2009",
  S("En 2021, il a ratifié la Convention de Kampala (2009)."))
f(1, W, WD(1), "The Labour Code of 2015 establishes equal treatment of national and foreign workers in pay and working conditions.", "not_stated", "CODE-2015-036",
  P("Le Code du travail (loi n° 2015-036 du 14 août 2015) consacre"))
f(1, A, FD(1), "As noted in the 2019 assessment, the Labour Code keeps a 10 per cent quota of foreign workers per company, beyond which an authorization of the labour ministry is required.", "gap_persisting", "CODE-2015-036",
  P("Comme relevé lors de l'évaluation de 2019, le Code du travail maintient"))
f(1, A, FD(1), "The Nationality Code of 1996 requires 10 years of residence for naturalization and has no simplified procedure for stateless persons.", "not_stated", "CODE-96-011",
  P("Le Code de la nationalité (loi n° 96-011 du 22 avril 1996)"))
# domain 2
f(2, W, WD(2), "The National Migration Policy 2021-2030, adopted by Decree No. 2021-078/PRES/PM of 11 February 2021, is the first national policy document on migration, covering labour migration, diaspora, protection, trafficking and environmental migration.", "new", "PNM-2021-2030",
  P("La Politique nationale migratoire 2021-2030 (PNM), adoptée par le décret"))
f(2, W, WD(2), "The National Committee for the Coordination of Migration Policy, created by interministerial order in July 2021, brings together 14 ministries and civil society and monitors the PNM action plan.", "new", "AI-0112-MAECR-MSPC;PNM-PA-2021-2023",
  P("Le Comité national de coordination de la politique migratoire (CNCPM)"))
f(2, W, WD(2), "The 2019 General Population and Housing Census has an international migration module; it counted 412,350 immigrants in 2019, 1.9 per cent of the population.", "not_stated", "RGPH-2019",
  P("L'Institut national de la statistique publie les données du Recensement"))
f(2, W, WD(2), "The National Migration Survey 2022, conducted by the INS with IOM support, covered 8,500 households and provides sex- and age-disaggregated data on emigration, return and remittances.", "new", "ENM-2022",
  P("L'Enquête nationale sur la migration (ENM 2022), réalisée par l'INS"))
f(2, W, WD(2), "The High Council of Lorvanians Abroad, created by order in March 2022, is the diaspora's advisory body to the Government.", "new", "AR-2022-031-MAECR",
  P("Le Haut Conseil des Lorvanais de l'extérieur (HCLE), créé par l'arrêté"))
f(2, A, FD(2), "Administrative migration data of the border police, the employment agency and the foreign ministry are not yet centralized in a common database.", "not_stated", "",
  P("Les données administratives sur la migration produites par"))
f(2, A, FD(2), "The PNM is not yet applied at regional level: the regional migration committees it provides for exist in only 4 of the 13 regions.", "not_stated", "PNM-2021-2030",
  P("La PNM 2021-2030 n'est pas encore déclinée au niveau régional"))
# domain 3
f(3, W, WD(3), "A founding member of ECOWAS (1975), Lorvane applies the 1979 Free Movement Protocol allowing ECOWAS nationals to stay up to 90 days without a visa; it is also a member of WAEMU.", "not_stated", "ECOWAS-A-P.1-5-79",
  P("Membre fondateur de la Communauté économique des États de l'Afrique de l'Ouest"))
f(3, W, WD(3), "Lorvane is a member of MIDWA and held its presidency in 2022.", "new", "",
  P("Le Lorvane est membre du Dialogue migratoire pour l'Afrique de l'Ouest (MIDWA)"))
f(3, W, WD(3), "Lorvane has been a member of the Rabat Process since 2006.", "not_stated", "",
  S("Le Lorvane est membre du Dialogue euro-africain sur la migration et le développement (Processus de Rabat)"))
f(3, W, WD(3), "Lorvane obtained observer status in the Khartoum Process in 2021.", "new", "",
  S("Le Lorvane est membre du Dialogue euro-africain sur la migration et le développement (Processus de Rabat)"))
f(3, W, WD(3), "Lorvane participates in the Global Forum on Migration and Development.", "not_stated", "",
  S("Il participe également au Forum mondial sur la migration et le développement (FMMD)."))
f(3, W, WD(3), "The Government works with civil society, notably in the coordination committee, and with the private sector to implement the returnee reintegration support programme.", "not_stated", "PARMR",
  P("Le Gouvernement collabore avec les organisations de la société civile"))
f(3, A, FD(3), "Diaspora associations could be more involved in policymaking beyond the advisory role of the High Council.", "not_stated", "",
  P("Le Lorvane pourrait associer davantage les associations de la diaspora"))
# domain 4
f(4, W, WD(4), "A bilateral labour agreement with the Kingdom of Varennes (2022) brings the number of such agreements to 4, against 2 in the 2019 assessment.", "improved", "BLA-VARENNES-2022",
  P("Le Lorvane a conclu un accord bilatéral de main-d'œuvre avec le Royaume de Varennes"))
f(4, W, WD(4), "Remittances reached CFA francs 512.4 billion in 2022, about 3.8 per cent of GDP (Central Bank of Lorvane); the diaspora is estimated at over 2 million people.", "not_stated", "",
  P("Les envois de fonds des Lorvanais de l'extérieur ont atteint"))
f(4, W, WD(4), "The Diaspora Initiatives Support Fund, created in 2020, had financed 146 productive investment projects of Lorvanians abroad by 31 December 2022.", "new", "FAID",
  P("Le Fonds d'appui aux initiatives de la diaspora (FAID), créé en 2020"))
f(4, A, FD(4), "Recognition of foreign diplomas and qualifications is case by case, without a national certification framework.", "not_stated", "",
  P("La reconnaissance des diplômes et qualifications obtenus à l'étranger"))
f(4, A, FD(4), "The National Financial Inclusion Strategy 2023-2027, being drafted, could include measures to reduce the cost of remittances.", "not_stated", "SNIF-2023-2027",
  P("La Stratégie nationale d'inclusion financière 2023-2027"))
# domain 5
f(5, W, WD(5), "The national emergency relief council coordinates crisis response; the Multi-Hazard Contingency Plan 2022-2024 has a component on internally displaced persons and migrants.", "new", "PNCM-2022-2024",
  P("Le Conseil national de secours d'urgence et de réhabilitation (CONASUR) coordonne"))
f(5, W, WD(5), "According to CONASUR there were over 1.2 million internally displaced persons at 31 March 2023, owing to insecurity in the northern regions.", "not_stated", "",
  P("Selon le CONASUR, le pays comptait plus de 1,2 million"))
f(5, W, WD(5), "The National Disaster Risk Reduction Strategy 2019-2030 takes account of displacement caused by floods and drought; regional contingency plans were adopted in the country's regions.", "not_stated", "SNRRC-2019-2030",
  P("La Stratégie nationale de réduction des risques de catastrophe 2019-2030"))
f(5, A, FD(5), "There is no specific procedure to assist foreign nationals in crises, and foreign consulates are not involved in simulation exercises.", "not_stated", "",
  P("Il n'existe pas de procédure spécifique d'assistance aux ressortissants étrangers"))
# domain 6
f(6, W, WD(6), "The Integrated Border Management System, operational since 2021, links 27 of the 41 official border posts to the border police central file.", "new", "SIGEF",
  P("Le Système intégré de gestion des frontières (SIGEF), opérationnel depuis 2021"))
f(6, W, WD(6), "The 2008 anti-trafficking law was amended by Law No. 2021-004 of 9 March 2021.", "improved", "LAW-2008-029;LAW-2021-004",
  S("La loi n° 2008-029 du 28 juillet 2008 portant lutte contre la traite des personnes et les pratiques assimilées a été modifiée"))
f(6, W, WD(6), "The National Plan against Trafficking in Persons 2022-2026 was adopted in 2022.", "new", "PNLT-2022-2026",
  S("Le Plan national de lutte contre la traite des personnes 2022-2026 a été adopté en 2022."))
f(6, W, WD(6), "The national anti-trafficking committee identified 1,234 victims in 2022, against 987 in 2021.", "not_stated", "",
  S("Selon le Comité national de lutte contre la traite des personnes (CNLTP), 1 234 victimes"))
f(6, W, WD(6), "The returnee reintegration support programme, implemented with IOM, assisted 6,812 returning migrants between 2019 and 2022.", "not_stated", "PARMR",
  P("Le Programme d'appui à la réintégration des migrants de retour (PARMR), mis en œuvre"))
f(6, A, FD(6), "As in the 2019 assessment, Lorvane has no national reintegration strategy; assistance still depends on project funding.", "gap_persisting", "",
  P("Comme lors de l'évaluation de 2019, le Lorvane ne dispose pas d'une stratégie nationale de réintégration"))

I = []
def i(iid, typ, num, year, ten, tfr, body, doms, status, ev, sec, after, covid=False, amends="", repeals="", regulates="", extends="", note=""):
    I.append(dict(instrument_id=iid, type=typ, number=num, year=year, title_en=ten, title_es=tfr, issuing_body=body, domains=doms, status=status,
                  amends=amends, repeals=repeals, regulates=regulates, extends=extends, after_baseline=after, covid_measure=covid, section=sec, evidence=ev, note=note))
i("CONST-1991", "constitution", "", 1991, "Constitution of 2 June 1991 (revised in 2015)", "Constitution du 2 juin 1991", "", "migrants_rights", "amended",
  S("La Constitution du 2 juin 1991, révisée en 2015"), WD(1), False, note="Revised by constitutional law No. 2015-001 (Key sources).")
i("LAW-2015-001", "law", "2015-001", 2015, "Constitutional Law No. 2015-001 revising the Constitution", "loi constitutionnelle n° 2015-001", "", "", "not_stated",
  S("1991 Constitution du 2 juin 1991, révisée par la loi constitutionnelle n° 2015-001."), KS+"Gouvernement du Lorvane", False, amends="CONST-1991",
  note="Named only in Key sources; year from the body's 'révisée en 2015'.")
i("LAW-2019-017", "law", "2019-017", 2019, "Law No. 2019-017 of 3 June 2019 on the regime of foreigners and migration", "loi n° 2019-017 du 3 juin 2019 portant régime des étrangers et de la migration", "", "migrants_rights", "in_force",
  P("³ La loi est entrée en vigueur"), "1.1, footnote 3", True, repeals="ORD-84-050", note="In force per footnote 3 ('entrée en vigueur'). Also Summary of updates, 1.1 and Key sources.")
i("ORD-84-050", "ordinance", "84-050", 1984, "Ordinance No. 84-050 of 12 October 1984 on the entry and stay of foreigners", "ordonnance n° 84-050 du 12 octobre 1984 relative à l'entrée et au séjour des étrangers", "", "migrants_rights", "repealed",
  S("Depuis la première évaluation des IGM en 2019, la loi n° 2019-017"), SU+"Droits des migrants", None, note="Repealed by LAW-2019-017; after_baseline left empty (repeal is not an amendment).")
i("DEC-2020-345", "decree", "2020-345/PRES/PM/MAECR", 2020, "Decree No. 2020-345/PRES/PM/MAECR of 14 May 2020 implementing Law No. 2019-017", "décret n° 2020-345/PRES/PM/MAECR du 14 mai 2020 portant application de la loi n° 2019-017", "", "migrants_rights", "not_stated",
  S("Son décret d'application, le décret n° 2020-345/PRES/PM/MAECR"), WD(1), True, regulates="LAW-2019-017")
i("ICRMW-1990", "convention", "", 1990, "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families", "Convention internationale sur la protection des droits de tous les travailleurs migrants et des membres de leur famille", "", "migrants_rights", "in_force",
  S("Le Lorvane est partie à la Convention internationale sur la protection des droits de tous les travailleurs migrants"), WD(1), False, note="Ratified in 2005 ('est partie à' -> in_force).")
i("REFUGEE-1951", "convention", "", 1951, "Convention relating to the Status of Refugees", "Convention relative au statut des réfugiés", "", "migrants_rights", "in_force",
  S("Le Lorvane est partie à la Convention internationale sur la protection des droits de tous les travailleurs migrants"), WD(1), False)
i("PROT-1967", "protocol", "", 1967, "Protocol of 1967 relating to the Status of Refugees", "Protocole de 1967", "", "migrants_rights", "in_force",
  S("Le Lorvane est partie à la Convention internationale sur la protection des droits de tous les travailleurs migrants"), WD(1), False)
i("KAMPALA-2009", "convention", "", 2009, "African Union Convention for the Protection and Assistance of Internally Displaced Persons in Africa (Kampala Convention)", "Convention de l'Union africaine sur la protection et l'assistance aux personnes déplacées en Afrique (Convention de Kampala)", "Union africaine", "migrants_rights", "not_stated",
  P("En 2021, le Lorvane a ratifié la Convention de l'Union africaine"), SU+"Droits des migrants", True, note="Adopted 2009, ratified by Lorvane in 2021: after_baseline true (ratification). Also 1.1 and Key sources – Union africaine.")
i("STATELESS-1954", "convention", "", 1954, "Convention relating to the Status of Stateless Persons", "Convention relative au statut des apatrides", "", "migrants_rights", "not_stated",
  P("⁵ Le Lorvane n'est pas partie"), "1.2, footnote 5", None, note="Lorvane is not party to it.")
i("CODE-2015-036", "code", "2015-036", 2015, "Labour Code (Law No. 2015-036 of 14 August 2015)", "Code du travail (loi n° 2015-036 du 14 août 2015)", "", "migrants_rights", "not_stated",
  P("Le Code du travail (loi n° 2015-036 du 14 août 2015) consacre"), WD(1), False, note="after_baseline false: 1.2 says the quota noted in 2019 is maintained.")
i("CODE-96-011", "code", "96-011", 1996, "Nationality Code (Law No. 96-011 of 22 April 1996)", "Code de la nationalité (loi n° 96-011 du 22 avril 1996)", "", "migrants_rights", "not_stated",
  P("Le Code de la nationalité (loi n° 96-011 du 22 avril 1996)"), FD(1), None)
i("PNM-2021-2030", "policy", "2021-078/PRES/PM", 2021, "National Migration Policy 2021-2030", "Politique nationale migratoire 2021-2030", "", "whole_of_government", "not_stated",
  P("La Politique nationale migratoire 2021-2030 (PNM), adoptée par le décret"), WD(2), True,
  note="Adopted by Decree No. 2021-078/PRES/PM of 11 February 2021 (typed policy, codebook rule). The Summary says 2020: erratum E01.")
i("PNM-PA-2021-2023", "plan", "", 2021, "Action Plan 2021-2023 of the National Migration Policy", "Plan d'action 2021-2023 de la Politique nationale migratoire", "", "whole_of_government", "not_stated",
  P("La Politique nationale migratoire 2021-2030 (PNM) a été adoptée en 2020"), SU+"Approche associant l'ensemble du gouvernement", True, note="Year from the Key sources tag 2021b and the plan period.")
i("AI-0112-MAECR-MSPC", "order", "0112/MAECR/MSPC", 2021, "Interministerial Order No. 0112/MAECR/MSPC of 5 July 2021 creating the National Committee for the Coordination of Migration Policy", "arrêté interministériel n° 0112/MAECR/MSPC du 5 juillet 2021", "", "whole_of_government", "not_stated",
  P("Le Comité national de coordination de la politique migratoire (CNCPM)"), WD(2), True)
i("RGPH-2019", "survey", "", 2019, "General Population and Housing Census 2019", "Recensement général de la population et de l'habitation (RGPH) de 2019", "Institut national de la statistique", "whole_of_government", "not_stated",
  P("L'Institut national de la statistique publie les données du Recensement"), WD(2), True)
i("ENM-2022", "survey", "", 2022, "National Migration Survey 2022", "Enquête nationale sur la migration (ENM 2022)", "Institut national de la statistique", "whole_of_government", "not_stated",
  P("L'Enquête nationale sur la migration (ENM 2022), réalisée par l'INS"), WD(2), True)
i("AR-2022-031-MAECR", "order", "2022-031/MAECR", 2022, "Order No. 2022-031/MAECR of 18 March 2022 creating the High Council of Lorvanians Abroad", "arrêté n° 2022-031/MAECR du 18 mars 2022", "", "whole_of_government", "not_stated",
  P("Le Haut Conseil des Lorvanais de l'extérieur (HCLE), créé par l'arrêté"), WD(2), True)
i("ECOWAS-A-P.1-5-79", "protocol", "A/P.1/5/79", 1979, "ECOWAS Protocol A/P.1/5/79 relating to Free Movement of Persons, Residence and Establishment", "Protocole A/P.1/5/79 sur la libre circulation des personnes, le droit de résidence et d'établissement", "CEDEAO", "partnerships", "in_force",
  P("Membre fondateur de la Communauté économique des États de l'Afrique de l'Ouest"), WD(3), False, note="'applique' -> in_force.")
i("PARMR", "programme", "", None, "Returning Migrants Reintegration Support Programme", "Programme d'appui à la réintégration des migrants de retour (PARMR)", "", "partnerships;safe_orderly_regular", "not_stated",
  P("Le Programme d'appui à la réintégration des migrants de retour (PARMR), mis en œuvre"), WD(6), None)
i("BLA-VARENNES-2022", "agreement", "", 2022, "Bilateral labour agreement with the Kingdom of Varennes", "accord bilatéral de main-d'œuvre avec le Royaume de Varennes", "", "wellbeing", "not_stated",
  P("Le Lorvane a conclu un accord bilatéral de main-d'œuvre avec le Royaume de Varennes"), WD(4), True)
i("FAID", "programme", "", 2020, "Diaspora Initiatives Support Fund", "Fonds d'appui aux initiatives de la diaspora (FAID)", "", "wellbeing", "not_stated",
  P("Le Fonds d'appui aux initiatives de la diaspora (FAID), créé en 2020"), WD(4), True)
i("SNIF-2023-2027", "strategy", "", None, "National Financial Inclusion Strategy 2023-2027", "Stratégie nationale d'inclusion financière 2023-2027", "", "wellbeing", "in_preparation",
  P("La Stratégie nationale d'inclusion financière 2023-2027"), FD(4), None)
i("PNCM-2022-2024", "plan", "", 2022, "National Multi-Hazard Contingency Plan 2022-2024", "Plan national de contingence multirisque 2022-2024", "", "mobility_crises", "not_stated",
  P("Le Plan national de contingence multirisque 2022-2024, adopté en 2022"), SU+"Dimension de mobilité des crises", True)
i("SNRRC-2019-2030", "strategy", "", None, "National Disaster Risk Reduction Strategy 2019-2030", "Stratégie nationale de réduction des risques de catastrophe 2019-2030", "", "mobility_crises", "not_stated",
  P("La Stratégie nationale de réduction des risques de catastrophe 2019-2030"), WD(5), None)
i("SIGEF", "digital_system", "", 2021, "Integrated Border Management System (SIGEF)", "Système intégré de gestion des frontières (SIGEF)", "", "safe_orderly_regular", "in_force",
  P("Le Système intégré de gestion des frontières (SIGEF), opérationnel depuis 2021"), WD(6), True, note="'opérationnel' -> in_force.")
i("LAW-2008-029", "law", "2008-029", 2008, "Law No. 2008-029 of 28 July 2008 on combating trafficking in persons and similar practices", "loi n° 2008-029 du 28 juillet 2008 portant lutte contre la traite des personnes et les pratiques assimilées", "", "safe_orderly_regular", "amended",
  S("La loi n° 2008-029 du 28 juillet 2008 portant lutte contre la traite des personnes et les pratiques assimilées a été modifiée"), WD(6), True)
i("LAW-2021-004", "law", "2021-004", 2021, "Law No. 2021-004 of 9 March 2021 amending Law No. 2008-029", "loi n° 2021-004 du 9 mars 2021 portant modification de la loi n° 2008-029", "", "safe_orderly_regular", "not_stated",
  P("La loi n° 2021-004 du 9 mars 2021 a modifié la loi n° 2008-029"), SU+"Migration sûre, ordonnée et régulière", True, amends="LAW-2008-029")
i("PNLT-2022-2026", "plan", "", 2022, "National Plan against Trafficking in Persons 2022-2026", "Plan national de lutte contre la traite des personnes 2022-2026", "", "safe_orderly_regular", "not_stated",
  S("Le Plan national de lutte contre la traite des personnes 2022-2026 a été adopté en 2022."), WD(6), True)
i("ORD-2020-01", "ordinance", "2020-01", 2020, "Ordinance No. 2020-01 of 30 March 2020 on exceptional measures in response to COVID-19", "ordonnance n° 2020-01 du 30 mars 2020 portant mesures exceptionnelles de riposte à la COVID-19", "", "", "not_stated",
  P("L'ordonnance n° 2020-01 du 30 mars 2020"), COV, True, covid=True)
i("AI-0045-MSPC-MEF", "order", "0045/MSPC/MEF", 2020, "Interministerial Order No. 0045/MSPC/MEF of 2 April 2020 on free COVID-19 testing and care", "arrêté interministériel n° 0045/MSPC/MEF du 2 avril 2020", "", "", "repealed",
  P("L'arrêté interministériel n° 0045/MSPC/MEF du 2 avril 2020"), COV, True, covid=True,
  note="Repealed on 30 June 2022 per footnote 17, which prints the number as 0054/MSPC/MEF (erratum E02).")
i("CIRC-003-MATD", "circular", "003/MATD", 2020, "Circular No. 003/MATD of 16 April 2020 on the regional COVID-19 response", "circulaire n° 003/MATD du 16 avril 2020 relative à la riposte régionale à la COVID-19", "", "", "not_stated",
  P("La circulaire n° 003/MATD du 16 avril 2020"), COV, True, covid=True)
i("PNDV-2021", "plan", "", 2021, "National COVID-19 Vaccine Deployment and Vaccination Plan (2021)", "Plan national de déploiement et de vaccination contre la COVID-19", "", "", "not_stated",
  P("Le Plan national de déploiement et de vaccination contre la COVID-19 (2021)"), COV, True, covid=True)
i("DEC-2020-402", "decree", "2020-402/PRES/PM/MEF", 2020, "Decree No. 2020-402/PRES/PM/MEF of 8 May 2020 creating the COVID-19 Solidarity Fund", "décret n° 2020-402/PRES/PM/MEF du 8 mai 2020 portant création du Fonds de solidarité COVID-19", "", "", "not_stated",
  P("Le Fonds de solidarité COVID-19, créé par le décret"), COV, True, covid=True, note="The Solidarity Fund itself is not a separate row (created by this decree).")
i("AR-2020-077-MSHP", "order", "2020-077/MSHP", 2020, "Order No. 2020-077/MSHP of 20 April 2020 on a derogation for the practice of medicine", "arrêté n° 2020-077/MSHP du 20 avril 2020 portant dérogation à l'exercice de la médecine", "", "", "not_stated",
  P("Par dérogation, les médecins et infirmiers diplômés à l'étranger"), COV, True, covid=True)
i("INS-COVID-SURVEY-2020", "survey", "", 2020, "Survey monitoring the impact of COVID-19 on households", "enquête de suivi de l'impact de la COVID-19 sur les ménages", "Institut national de la statistique", "", "not_stated",
  P("L'INS a intégré un module sur les migrants"), COV, True, covid=True)
i("CIRC-07-2020-BCL", "circular", "07/2020/BCL", 2020, "Circular No. 07/2020/BCL on free withdrawal of remittances", "Circulaire n° 07/2020/BCL relative à la gratuité des frais de retrait des transferts de fonds", "Banque centrale du Lorvane", "", "not_stated",
  S("Circulaire n° 07/2020/BCL relative à la gratuité des frais de retrait des transferts de fonds."), KS+"Banque centrale du Lorvane (BCL)", True,
  note="Named only in Key sources; the COVID-19 section's fee reduction does not cite it, so covid_measure false.")

ST = []
def st(theme, ind, label, value, unit, q, date, org, sid, sec, ev):
    ST.append(dict(statistic_id=f"ST{len(ST)+1:03d}", theme=theme, indicator=ind, label=label, value=value, unit=unit, qualifier=q, reference_date=date, source_org=org, source_id=sid, section=sec, evidence=ev))
st("methodology", "mgi_indicator_count", "Number of indicators in the MGI set", 90, "indicators", "about", "", "", "", "Introduction", S("Afin de rendre le MiGOF opérationnel"))
st("methodology", "mgi_domain_count", "Number of migration governance domains", 6, "domains", "exact", "", "", "", "Cadre conceptuel", S("Les IGM comprennent environ 90 indicateurs répartis dans les 6 domaines"))
st("programmes", "pnm_action_plan_cost", "Estimated cost of the PNM Action Plan 2021-2023 (CFA francs)", 18700000000, "local_currency", "estimated", "", "", "", SU+"Approche associant l'ensemble du gouvernement", P("La Politique nationale migratoire 2021-2030 (PNM) a été adoptée en 2020"))
st("residence", "residence_card_validity", "Validity of the residence card", 5, "years", "exact", "", "", "", WD(1), S("Son décret d'application, le décret n° 2020-345/PRES/PM/MAECR"))
st("education", "refugee_children_enrolled_public_schools", "Refugee children enrolled in public schools, school year 2021-2022", 3415, "persons", "exact", "2022", "Ministère de l'éducation nationale", "", WD(1), S("Selon le Ministère de l'éducation nationale, 3 415 enfants réfugiés"))
st("employment_restrictions", "foreign_worker_quota_per_company", "Quota of foreign workers per company without authorization", 10, "percent", "up_to", "", "", "", FD(1), P("Comme relevé lors de l'évaluation de 2019, le Code du travail maintient"))
st("residence", "naturalization_residence_requirement", "Years of residence required for naturalization", 10, "years", "exact", "", "", "", FD(1), P("Le Code de la nationalité (loi n° 96-011 du 22 avril 1996)"))
st("roundtable", "cncpm_ministries", "Ministries in the National Committee for the Coordination of Migration Policy", 14, "entities", "exact", "", "", "", WD(2), P("Le Comité national de coordination de la politique migratoire (CNCPM)"))
st("migrant_population", "immigrant_population", "Immigrants in Lorvane (census)", 412350, "persons", "exact", "2019", "Institut national de la statistique", "S-ins-2020", WD(2), S("Selon le RGPH, le Lorvane comptait 412 350 immigrants"))
st("migrant_population", "immigrant_population_share", "Immigrants as a share of the total population", 1.9, "percent", "exact", "2019", "Institut national de la statistique", "S-ins-2020", WD(2), S("Selon le RGPH, le Lorvane comptait 412 350 immigrants"))
st("migrant_population", "immigrant_population", "Immigrant population (INS projection)", 450000, "persons", "over", "2022-12-31", "Institut national de la statistique", "S-ins-2023", "2.1, footnote 7", P("⁷ Selon les projections de l'INS"))
st("methodology", "enm_households_surveyed", "Households covered by the National Migration Survey 2022", 8500, "entities", "exact", "2022", "Institut national de la statistique", "", WD(2), P("L'Enquête nationale sur la migration (ENM 2022), réalisée par l'INS"))
st("other", "regions_with_migration_committees", "Regions with a regional migration committee installed", 4, "districts", "exact", "", "", "", FD(2), P("La PNM 2021-2030 n'est pas encore déclinée au niveau régional"))
st("other", "regions_total", "Number of regions", 13, "districts", "exact", "", "", "", FD(2), P("La PNM 2021-2030 n'est pas encore déclinée au niveau régional"))
st("border", "ecowas_visa_free_stay", "Visa-free stay for ECOWAS nationals", 90, "days", "up_to", "", "", "", WD(3), P("Membre fondateur de la Communauté économique des États de l'Afrique de l'Ouest"))
st("diaspora", "hcle_members", "Members of the High Council of Lorvanians Abroad", 45, "entities", "exact", "", "", "", "3.2, footnote 11", P("¹¹ Le HCLE compte 45 membres"))
st("diaspora", "hcle_members_elected_by_diaspora", "High Council members elected by diaspora associations", 30, "entities", "exact", "", "", "", "3.2, footnote 11", P("¹¹ Le HCLE compte 45 membres"))
st("labour_migration", "bilateral_labour_agreements", "Bilateral labour agreements concluded by Lorvane", 4, "agreements", "exact", "2022-12-31", "", "", SU+"Bien-être des migrants", P("Le nombre d'accords bilatéraux de main-d'œuvre conclus par le Lorvane"))
st("labour_migration", "bilateral_labour_agreements", "Bilateral labour agreements concluded by Lorvane", 2, "agreements", "exact", "2019", "", "", SU+"Bien-être des migrants", P("Le nombre d'accords bilatéraux de main-d'œuvre conclus par le Lorvane"))
st("remittances", "remittance_inflows", "Remittances from Lorvanians abroad (CFA francs)", 512400000000, "local_currency", "exact", "2022", "Banque centrale du Lorvane (BCL)", "S-bcl-2023", WD(4), S("Les envois de fonds des Lorvanais de l'extérieur ont atteint"))
st("remittances", "remittance_inflows_gdp_share", "Remittances as a share of GDP", 3.8, "percent", "about", "2022", "Banque centrale du Lorvane (BCL)", "S-bcl-2023", WD(4), S("Les envois de fonds des Lorvanais de l'extérieur ont atteint"))
st("remittances", "remittance_inflows", "Remittances from Lorvanians abroad (CFA francs)", 398600000000, "local_currency", "exact", "2019", "Banque centrale du Lorvane (BCL)", "S-bcl-2023", "4.1, footnote 12", P("¹² BCL, 2023."))
st("diaspora", "diaspora_size", "Lorvanian diaspora", 2000000, "persons", "over", "", "", "", WD(4), S("La diaspora lorvanaise est estimée à plus de 2 millions de personnes."))
st("diaspora", "faid_projects_financed", "Diaspora investment projects financed by the FAID", 146, "entities", "exact", "2022-12-31", "", "", WD(4), P("Le Fonds d'appui aux initiatives de la diaspora (FAID), créé en 2020"))
st("education", "diploma_recognition_requests_per_year", "Diploma equivalence requests examined per year", 600, "entities", "about", "", "", "", "4.2, footnote 13", P("¹³ La Commission nationale d'équivalence"))
st("other", "internally_displaced_persons", "Internally displaced persons", 1200000, "persons", "over", "2023-03-31", "CONASUR", "S-conasur-2023", WD(5), P("Selon le CONASUR, le pays comptait plus de 1,2 million"))
st("other", "internally_displaced_persons", "Internally displaced persons", 560000, "persons", "exact", "2020-12-31", "CONASUR", "S-conasur-2023", "5.1, footnote 14", P("¹⁴ CONASUR, 2023."))
st("other", "regions_with_contingency_plans", "Regions with a regional contingency plan", 12, "districts", "exact", "", "", "", WD(5), S("Des plans régionaux de contingence ont été adoptés dans les 12 régions du pays."))
st("border", "border_posts_connected_sigef", "Border posts connected to the SIGEF", 27, "entities", "exact", "", "", "", WD(6), P("Le Système intégré de gestion des frontières (SIGEF), opérationnel depuis 2021"))
st("border", "official_border_posts", "Official border posts", 41, "entities", "exact", "", "", "", WD(6), P("Le Système intégré de gestion des frontières (SIGEF), opérationnel depuis 2021"))
st("trafficking", "trafficking_victims_identified", "Trafficking victims identified", 1234, "persons", "exact", "2022", "Comité national de lutte contre la traite des personnes (CNLTP)", "S-cnltp-2023", WD(6), S("Selon le Comité national de lutte contre la traite des personnes (CNLTP), 1 234 victimes"))
st("trafficking", "trafficking_victims_identified", "Trafficking victims identified", 987, "persons", "exact", "2021", "Comité national de lutte contre la traite des personnes (CNLTP)", "S-cnltp-2023", WD(6), S("Selon le Comité national de lutte contre la traite des personnes (CNLTP), 1 234 victimes"))
st("return", "returnees_assisted_parmr", "Returning migrants assisted by the PARMR, 2019-2022", 6812, "persons", "exact", "", "", "", WD(6), P("Le Programme d'appui à la réintégration des migrants de retour (PARMR), mis en œuvre"))
st("health", "covid_vaccine_doses_to_foreigners_share", "Share of COVID-19 vaccine doses given to foreign nationals", 12.5, "percent", "exact", "2021-12-31", "", "", COV, S("Au 31 décembre 2021, 12,5 % des doses"))
st("remittances", "covid_transfer_fee_reduction", "Reduction of money transfer fees, April-September 2020", 50, "percent", "exact", "2020", "", "", COV, P("La BCL et les opérateurs de transfert d'argent ont réduit de 50 %"))
st("return", "nationals_repatriated_covid", "Nationals repatriated on special flights, March-December 2020", 3216, "persons", "exact", "2020", "", "", COV, S("Entre mars et décembre 2020, 3 216 ressortissants"))
st("health", "returnee_quarantine_days", "Quarantine for returning migrants", 14, "days", "exact", "", "", "", COV, P("Les migrants de retour ont été soumis à une quarantaine de 14 jours"))
st("health", "foreign_trained_health_workers_authorization", "Duration of the authorization of foreign-trained doctors and nurses", 6, "months", "exact", "", "", "", COV, P("Par dérogation, les médecins et infirmiers diplômés à l'étranger"))

C = []
def c(area, measure, ins, date, end, cov, status, doms, ev):
    C.append(dict(response_id=f"C{len(C)+1:02d}", area=area, measure=measure, instruments=ins, date=date, date_end=end, covers_regardless_of_status=cov, status=status, domains=doms, section=COV, evidence=ev))
c("migration_status", "Residence cards expiring after 16 March 2020 automatically extended until 31 December 2020", "ORD-2020-01", "2020-03-30", "2020-12-31", None, "ended", "safe_orderly_regular", P("L'ordonnance n° 2020-01 du 30 mars 2020"))
c("health_access", "Free COVID-19 testing and care for everyone on the territory whatever their migration status", "AI-0045-MSPC-MEF", "2020-04-02", "2022-06-30", True, "repealed", "migrants_rights", P("L'arrêté interministériel n° 0045/MSPC/MEF du 2 avril 2020"))
c("response_planning", "Governors asked to include internally displaced persons and migrants in regional response plans", "CIRC-003-MATD", "2020-04-16", "", None, "not_stated", "mobility_crises", P("La circulaire n° 003/MATD du 16 avril 2020"))
c("vaccination", "COVID-19 vaccination open to foreigners, including migrants in an irregular situation", "PNDV-2021", "2021", "", True, "not_stated", "migrants_rights", S("Le Plan national de déploiement et de vaccination contre la COVID-19 (2021) ouvre la vaccination"))
c("response_planning", "COVID-19 Solidarity Fund aid to vulnerable households, reserved for nationals only", "DEC-2020-402", "2020-05-08", "", False, "not_stated", "wellbeing", P("Le Fonds de solidarité COVID-19, créé par le décret"))
c("remittances_financial_services", "Money transfer fees cut by 50 per cent by the Central Bank and transfer operators", "", "2020-04", "2020-09", None, "ended", "wellbeing", P("La BCL et les opérateurs de transfert d'argent ont réduit de 50 %"))
c("consular_assistance", "Crisis cell and consular assistance hotline for Lorvanians stranded abroad", "", "", "", None, "not_stated", "mobility_crises", S("Le MAECR a mis en place une cellule de crise"))
c("return_transfer", "Repatriation of 3,216 nationals on special flights", "", "2020-03", "2020-12", None, "ended", "mobility_crises", S("Entre mars et décembre 2020, 3 216 ressortissants"))
c("return_transfer", "14-day quarantine of returning migrants at border sites, lifted in 2021", "", "", "2021", None, "ended", "safe_orderly_regular", P("Les migrants de retour ont été soumis à une quarantaine de 14 jours"))
c("data", "Module on migrants in the survey of COVID-19 impact on households", "INS-COVID-SURVEY-2020", "2020", "", None, "not_stated", "whole_of_government", P("L'INS a intégré un module sur les migrants"))
c("health_workforce", "Foreign-trained doctors and nurses authorized to practise for 6 months in COVID-19 treatment centres", "AR-2020-077-MSHP", "2020-04-20", "", None, "not_stated", "wellbeing", P("Par dérogation, les médecins et infirmiers diplômés à l'étranger"))

PA = []
def pa(pid, name, kind, role, year, ev, sec):
    PA.append(dict(partnership_id=pid, name=name, kind=kind, role=role, year=year, evidence=ev, section=sec))
pa("ecowas-founding-member", "Economic Community of West African States (ECOWAS/CEDEAO)", "integration_scheme", "founding_member", 1975, S("Membre fondateur de la Communauté économique des États de l'Afrique de l'Ouest"), WD(3))
pa("waemu-member", "West African Economic and Monetary Union (WAEMU/UEMOA)", "integration_scheme", "member", None, S("Le Lorvane est également membre de l'Union économique et monétaire ouest-africaine (UEMOA)."), WD(3))
pa("midwa-member", "Migration Dialogue for West Africa (MIDWA)", "regional_consultative_process", "member", None, P("Le Lorvane est membre du Dialogue migratoire pour l'Afrique de l'Ouest (MIDWA)"), WD(3))
pa("midwa-presidency-2022", "Migration Dialogue for West Africa (MIDWA)", "regional_consultative_process", "pro_tempore_presidency", 2022, P("En 2022, le Lorvane a assuré la présidence du Dialogue migratoire"), SU+"Partenariats")
pa("rabat-process-member", "Euro-African Dialogue on Migration and Development (Rabat Process)", "regional_consultative_process", "member", 2006, S("Le Lorvane est membre du Dialogue euro-africain sur la migration et le développement (Processus de Rabat)"), WD(3))
pa("khartoum-process-observer", "Khartoum Process", "regional_consultative_process", "observer", 2021, S("Le Lorvane est membre du Dialogue euro-africain sur la migration et le développement (Processus de Rabat)"), WD(3))
pa("gfmd-participant", "Global Forum on Migration and Development (GFMD)", "forum", "participant", None, S("Il participe également au Forum mondial sur la migration et le développement (FMMD)."), WD(3))

# sources: parse the Key sources block
import re
SO = []
lines = K.text.split("\n")
start = lines.index("PRINCIPALES SOURCES")
org = None; counts = {}
for raw in lines[start+1:]:
    l = raw.strip()
    if not l: continue
    is_entry = l.startswith("- ") or re.match(r"^(\d{4}[a-z]?|n\.d\.) ", l) or "Disponible à l'adresse" in l or "Non disponible en ligne" in l
    if not is_entry:
        org = l; continue
    l = l[2:] if l.startswith("- ") else l
    m = re.match(r"^(\d{4}[a-z]?|n\.d\.) (.*)$", l)
    tag, rest = (m.group(1), m.group(2)) if m else ("", l)
    if "Non disponible en ligne" in rest:
        title, addr_p, online = rest.replace(" Non disponible en ligne.", "").strip(), "", False
    else:
        title, addr_p = rest.split(" Disponible à l'adresse ", 1); online = True
        addr_p = addr_p.rstrip(".")
    short = re.sub(r"\s*\(.*?\)", "", org)
    slug = {"Banque centrale du Lorvane": "bcl", "Communauté économique des États de l'Afrique de l'Ouest": "cedeao", "Conseil national de secours d'urgence et de réhabilitation": "conasur",
            "Comité national de lutte contre la traite des personnes": "cnltp", "Gouvernement du Lorvane": "gouvernement", "Institut national de la statistique": "ins",
            "Ministère de l'administration territoriale et de la décentralisation": "matd", "Ministère des affaires étrangères, de la coopération régionale et des Lorvanais de l'extérieur": "maecr",
            "Ministère de la santé et de l'hygiène publique": "mshp", "Ministère de la sécurité et de la protection civile": "mspc", "Organisation internationale pour les migrations": "oim",
            "Processus de Rabat": "rabat", "Union africaine": "ua"}[short]
    base = f"S-{slug}-{tag.replace('.', '') if tag else 'x'}"
    counts[base] = counts.get(base, 0) + 1
    sid = base if counts[base] == 1 else f"{base}-{counts[base]}"
    SO.append(dict(source_id=sid, organisation=org, year_tag=tag, title=title, address=addr_p.replace(" ", ""), address_as_printed=addr_p, online=online))

ER = [
 dict(erratum_id="E01", kind="contradiction", section=SU+"Approche associant l'ensemble du gouvernement",
      source_says="La Politique nationale migratoire 2021-2030 (PNM) a été adoptée en 2020",
      conflicts_with="La Politique nationale migratoire 2021-2030 (PNM), adoptée par le décret n° 2021-078/PRES/PM du 11 février 2021",
      conflict_section=WD(2), extracts_use="PNM-2021-2030 year 2021",
      reason="The adopting decree is dated 11 February 2021 in 2.1 and the Key sources tag is 2021a; only the Summary says 2020."),
 dict(erratum_id="E02", kind="contradiction", section="COVID-19, footnote 17",
      source_says="L'arrêté interministériel n° 0054/MSPC/MEF a été abrogé le 30 juin 2022.",
      conflicts_with="L'arrêté interministériel n° 0045/MSPC/MEF du 2 avril 2020",
      conflict_section=COV, extracts_use="AI-0045-MSPC-MEF (number 0045/MSPC/MEF), status repealed, C02 date_end 2022-06-30",
      reason="The footnote is attached to the sentence on order 0045/MSPC/MEF and Key sources – MSPC also print 0045; 0054 is read as a transposition of the same order."),
 dict(erratum_id="E03", kind="contradiction", section=WD(5),
      source_says="Des plans régionaux de contingence ont été adoptés dans les 12 régions du pays.",
      conflicts_with="ne sont installés que dans 4 des 13 régions", conflict_section=FD(2),
      extracts_use="regions_total 13 (ST014); regions_with_contingency_plans 12 kept as printed (ST028)",
      reason="2.2 counts 13 regions; 5.1 speaks of 'the 12 regions of the country'. The text gives no way to decide; the count of regions uses 2.2, the contingency-plan figure is kept verbatim."),
]

K.check_ids(I, [("findings", F, ["instruments"]), ("covid_responses", C, ["instruments"]), ("instruments", I, ["amends", "repeals", "regulates", "extends"])])
sids = {s["source_id"] for s in SO}
for r in ST:
    if r["source_id"] and r["source_id"] not in sids: K.errors.append("unknown source " + r["source_id"])
K.write("findings", H["findings"], F); K.write("instruments", H["instruments"], I); K.write("statistics", H["statistics"], ST)
K.write("covid_responses", H["covid_responses"], C); K.write("partnerships", H["partnerships"], PA); K.write("sources", H["sources"], SO); K.write("errata", H["errata"], ER)
print(sorted(sids))
K.finish()
