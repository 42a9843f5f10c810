"""Answer key of the fictional held-out profile XBW-2022 (Republic of Bawenda, first MGI profile 2022).

Every row below was written by hand from the text; run this script to write the seven CSVs and to check that
every quote is a substring of the text (whitespace collapsed) and that every cited id exists.
A first profile has no baseline: every finding is baseline_status not_stated and after_baseline is empty.
"""
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from keylib import parse_sources, write_all  # noqa: E402

TEXT = "mgi-bawenda-profile-2022.txt"
MR, WG, PA, WB, MC, SO = ("migrants_rights", "whole_of_government", "partnerships", "wellbeing",
                          "mobility_crises", "safe_orderly_regular")
WD, FD = "well_developed", "further_development"


def wd(n, theme):
    return f"{n}. Well-developed areas – {theme}"


def fd(n):
    return f"{n}. Areas with potential for further development"


CC = "Country context"
COV = "COVID-19 and migration governance – "

# ---------------------------------------------------------------- findings (domain, kind, section, summary, instruments, evidence)
F = [
    (MR, WD, wd(1, "International conventions ratified"), "Bawenda is party to the 1951 Refugee Convention, its 1967 Protocol and the 1969 OAU Refugee Convention.", "refugee-convention-1951;refugee-protocol-1967;oau-refugee-convention-1969",
     "Bawenda is party to the Convention relating to the Status of Refugees (1951) and its 1967 Protocol, and to the OAU Convention Governing the Specific Aspects of Refugee Problems in Africa (1969)."),
    (MR, WD, wd(1, "International conventions ratified"), "Bawenda ratified the UN Migrant Workers Convention in 2015 (domain 3 says 2016; see errata).", "icrmw-1990",
     "Bawenda ratified the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (1990) in 2015."),
    (MR, WD, wd(1, "Access to services"), "The 1995 Constitution guarantees every child basic education; migrant and refugee children attend public primary schools like nationals.", "constitution-1995",
     "The Constitution of the Republic of Bawenda, 1995 guarantees the right to basic education to every child in Bawenda. Children of migrants, including refugee children, attend public primary schools on the same terms as nationals."),
    (MR, WD, wd(1, "Access to services"), "Under the Public Health Act migrants use primary health care at public facilities, and emergency care is given to everyone whatever their immigration status.", "CAP-34",
     "Under the Public Health Act (Cap. 34), migrants have access to primary health care at public facilities. Emergency care is provided to all persons regardless of their immigration status."),
    (MR, WD, wd(1, "Access to the labour market and residence"), "Foreign nationals may apply for a temporary employment permit under the Immigration Act, 2002, and its 2004 Regulations set permit procedures and fees.", "ACT-13-2002;REG-R413-2004",
     "Foreign nationals may apply for a temporary employment permit under the Immigration Act, 2002 (Act No. 13 of 2002). The Immigration Regulations, 2004 (Government Notice No. R. 413) set the procedures and fees for employment, residence and business permits."),
    (MR, WD, wd(1, "Access to the labour market and residence"), "Permanent residents may work in any sector without a separate permit.", "",
     "Holders of a permanent residence permit may work in any sector without a separate permit."),
    (MR, WD, wd(1, "Access to the labour market and residence"), "The Citizenship Act allows naturalization after 10 years of lawful residence, and after 5 years of marriage for spouses of citizens.", "CAP-172",
     "The Citizenship Act (Cap. 172) allows foreign nationals to apply for citizenship by naturalization after 10 years of lawful residence, and spouses of citizens after 5 years of marriage."),
    (MR, FD, fd(1), "Bawenda has not ratified ILO Conventions No. 97 and No. 143.", "ilo-c97;ilo-c143",
     "Bawenda has not ratified the ILO Migration for Employment Convention (Revised), 1949 (No. 97) or the Migrant Workers (Supplementary Provisions) Convention, 1975 (No. 143)."),
    (MR, FD, fd(1), "The Refugees Act requires refugees to live in designated settlements and to hold a permit to work outside them.", "ACT-3-1989",
     "Under the Refugees Act, 1989 (Act No. 3 of 1989), refugees are required to reside in designated settlements and need a permit to work outside them."),
    (MR, FD, fd(1), "The 2019 Refugees (Amendment) Regulations let refugees farm allocated settlement land but keep the encampment requirement.", "REG-112-2019",
     "The Refugees (Amendment) Regulations, 2019 (Statutory Instrument 112 of 2019) allow refugees to engage in farming on land allocated in the settlements but do not remove the encampment requirement."),
    (MR, FD, fd(1), "Irregular migrants have no non-emergency health care, and social protection such as the Social Cash Transfer Programme is for citizens only.", "social-cash-transfer-programme",
     "Migrants in an irregular situation have no access to non-emergency health care, and access to social protection programmes such as the Social Cash Transfer Programme is limited to citizens."),
    (WG, WD, wd(2, "Institutional framework"), "The Department of Immigration and Citizenship Services (Home Affairs) implements the Immigration Act, and the Commissioner for Refugees handles refugee matters.", "ACT-13-2002",
     "The Department of Immigration and Citizenship Services, under the Ministry of Home Affairs, is responsible for the implementation of the Immigration Act, 2002, while the Office of the Commissioner for Refugees is responsible for refugee matters."),
    (WG, WD, wd(2, "Institutional framework"), "The National Coordination Committee on Migration, set up in 2019 by Ministerial Order MO/HA/07/2019 and chaired by the Home Affairs Principal Secretary, brings together 14 ministries, departments and agencies.", "MO-HA-07-2019",
     "The National Coordination Committee on Migration, established in 2019 and chaired by the Principal Secretary for Home Affairs, brings together 14 ministries, departments and agencies."),
    (WG, WD, wd(2, "Migration strategy and data"), "Bawenda adopted the National Labour Migration Policy (2019–2024) in 2019; the labour ministry implements it.", "nlmp-2019-2024",
     "Bawenda adopted the National Labour Migration Policy (2019–2024) in 2019, which is implemented by the Ministry of Labour and Social Protection."),
    (WG, WD, wd(2, "Migration strategy and data"), "A National Migration Policy is being prepared with IOM support and should be validated in 2023.", "national-migration-policy",
     "A National Migration Policy is in preparation with the support of IOM and is expected to be validated in 2023."),
    (WG, WD, wd(2, "Migration strategy and data"), "The census asks about country of birth, citizenship and previous residence, and the Labour Force Survey 2020 has an international migration module.", "census-2018;lfs-2020",
     "The Bawenda National Statistics Office (BNSO) includes questions on country of birth, citizenship and previous residence in the Population and Housing Census, and the Labour Force Survey 2020 includes a module on international migration."),
    (WG, FD, fd(2), "There is no dedicated body to involve the diaspora in policy design, though the 2017 Diaspora Engagement Policy foresees a Diaspora Advisory Council.", "diaspora-engagement-policy-2017",
     "Bawenda does not have a dedicated body to engage the diaspora in the design of policies, although the Diaspora Engagement Policy (2017) foresees the creation of a Diaspora Advisory Council."),
    (WG, FD, fd(2), "Migration data are not consolidated across agencies, and no migration profile has been published since 2014.", "",
     "Migration data from different agencies are not consolidated, and no migration profile has been published since 2014."),
    (PA, WD, wd(3, "Regional and international cooperation"), "Bawenda is a MIDSA member and chaired its ministerial conference in 2021.", "",
     "Bawenda is a member of the Migration Dialogue for Southern Africa (MIDSA) and chaired its ministerial conference in 2021."),
    (PA, WD, wd(3, "Regional and international cooperation"), "Bawenda is a founding member of MIDCOM (2013) and an observer in the IGAD-RCP.", "",
     "Bawenda is also a founding member of the Migration Dialogue from COMESA Member States (MIDCOM), launched in 2013, and holds observer status in the Intergovernmental Authority on Development Regional Consultative Process on Migration (IGAD-RCP)."),
    (PA, WD, wd(3, "Regional and international cooperation"), "Bawenda takes part in the SAMM programme and the GFMD.", "",
     "Bawenda participates in the Southern Africa Migration Management (SAMM) programme and in the Global Forum on Migration and Development (GFMD)."),
    (PA, WD, wd(3, "Regional and international cooperation"), "Bawenda reports to the Committee on Migrant Workers since ratifying the Convention (here dated 2016; see errata).", "icrmw-1990",
     "Since its ratification of the Migrant Workers Convention in 2016, Bawenda has reported to the Committee on Migrant Workers."),
    (PA, WD, wd(3, "Regional and international cooperation"), "Bawenda has signed the SADC protocols on movement of persons (2005) and on employment and labour (2014).", "sadc-protocol-movement-2005;sadc-protocol-employment-2014",
     "Bawenda has signed the SADC Protocol on the Facilitation of Movement of Persons (2005) and the SADC Protocol on Employment and Labour (2014)."),
    (PA, WD, wd(3, "Regional and international cooperation"), "Bawenda has a bilateral labour agreement with Qatar (2018) and a labour cooperation MoU with South Africa (2021).", "bla-qatar-2018;mou-south-africa-2021",
     "It has a bilateral labour agreement with the State of Qatar (2018) and a memorandum of understanding on labour cooperation with the Republic of South Africa (2021)."),
    (PA, FD, fd(3), "Bawenda has not yet ratified the 2005 SADC Protocol on the Facilitation of Movement of Persons.", "sadc-protocol-movement-2005",
     "The SADC Protocol on the Facilitation of Movement of Persons (2005) has not yet been ratified by Bawenda."),
    (PA, FD, fd(3), "The private sector and trade unions could be more involved in labour migration policy.", "",
     "Bawenda could further engage the private sector and trade unions in the formulation of labour migration policy."),
    (WB, WD, wd(4, "Labour migration and skills"), "The labour ministry's Labour Export Programme, launched in 2018, placed more than 3,400 workers abroad by the end of 2021.", "labour-export-programme",
     "The Ministry of Labour and Social Protection runs the Labour Export Programme, launched in 2018, under which more than 3,400 Bawendan workers were placed abroad by the end of 2021."),
    (WB, WD, wd(4, "Labour migration and skills"), "Private employment agencies recruiting for work abroad must be licensed under the Employment Act, 2000.", "ACT-6-2000",
     "Private employment agencies recruiting workers for employment abroad must be licensed under the Employment Act, 2000 (Act No. 6 of 2000)."),
    (WB, WD, wd(4, "Labour migration and skills"), "The labour ministry's Labour Market Information System records employment permits by sector; 2,960 were issued in 2021.", "lmis",
     "The Labour Market Information System of the Ministry of Labour records the number of employment permits issued by sector; 2,960 employment permits were issued in 2021."),
    (WB, WD, wd(4, "Remittances and diaspora"), "The Reserve Bank's 2020 Guideline on Mobile Money Remittances lets licensed mobile money operators receive international remittances.", "rbb-mobile-money-guideline-2020",
     "The Reserve Bank of Bawenda Guideline on Mobile Money Remittances (2020) allows licensed mobile money operators to receive international remittances."),
    (WB, WD, wd(4, "Remittances and diaspora"), "Sending USD 200 from South Africa to Bawenda cost 7.9 per cent on average in 2021 (World Bank).", "",
     "The average cost of sending USD 200 to Bawenda from South Africa fell to 7.9 per cent in 2021 (World Bank, 2022)."),
    (WB, FD, fd(4), "The Bawenda Qualifications Authority recognizes foreign qualifications case by case, taking up to six months.", "",
     "The recognition of foreign qualifications is handled case by case by the Bawenda Qualifications Authority and can take up to six months."),
    (WB, FD, fd(4), "Bawenda could conclude mutual recognition agreements with destination countries of its workers.", "",
     "Bawenda could consider the conclusion of agreements on the mutual recognition of qualifications with countries of destination of Bawendan workers."),
    (WB, FD, fd(4), "The Diaspora Engagement Policy (2017) has no implementation plan or budget.", "diaspora-engagement-policy-2017",
     "The Diaspora Engagement Policy (2017) has not been accompanied by an implementation plan or budget."),
    (MC, WD, wd(5, "Crisis preparedness and response"), "The Disaster Preparedness and Relief Act and the 2015 disaster risk management policy set out DoDMA's coordination of disaster response.", "CAP-33;ndrm-policy-2015",
     "The Disaster Preparedness and Relief Act (Cap. 33) and the National Disaster Risk Management Policy (2015) set out the coordination of disaster response by the Department of Disaster Management Affairs (DoDMA)."),
    (MC, WD, wd(5, "Crisis preparedness and response"), "Emergency assistance goes to everyone affected regardless of nationality or migration status.", "",
     "Assistance in emergencies is provided to all persons affected regardless of their nationality or migration status."),
    (MC, WD, wd(5, "Crisis preparedness and response"), "The National Resilience Strategy 2018–2030 addresses displacement by floods and drought; Cyclone Ilena displaced about 87,000 people in 2019.", "national-resilience-strategy-2018-2030",
     "The National Resilience Strategy 2018–2030 addresses displacement caused by floods and drought. During Tropical Cyclone Ilena in 2019, about 87,000 persons were displaced in the southern districts (DoDMA, 2019)."),
    (MC, FD, fd(5), "The Disaster Risk Management Bill, 2021, meant to replace the Disaster Preparedness and Relief Act, is still before Parliament.", "drm-bill-2021;CAP-33",
     "The Disaster Risk Management Bill, 2021, which would replace the Disaster Preparedness and Relief Act, is still before Parliament."),
    (MC, FD, fd(5), "Apart from consular assistance, there are no measures to assist nationals abroad in crises.", "",
     "There are no specific measures to assist Bawendan nationals abroad in crisis situations other than consular assistance."),
    (SO, WD, wd(6, "Border management"), "The immigration department manages 31 official ports of entry.", "",
     "The Department of Immigration and Citizenship Services manages 31 official ports of entry."),
    (SO, WD, wd(6, "Border management"), "During COVID-19 the National Coordination Committee on Migration coordinated health screening of travellers at ports of entry.", "",
     "During the COVID-19 pandemic, the National Coordination Committee on Migration coordinated the health screening of travellers at ports of entry."),
    (SO, WD, wd(6, "Border management"), "IBMIS, introduced in 2019, records entries and exits at the main ports of entry.", "ibmis",
     "The Integrated Border Management Information System (IBMIS), introduced in 2019, records entries and exits at the main ports of entry."),
    (SO, WD, wd(6, "Border management"), "The e-Visa portal, launched in 2019, lets nationals of all countries apply online.", "evisa-portal",
     "The e-Visa portal, launched in 2019, allows nationals of all countries to apply for a visa online."),
    (SO, WD, wd(6, "Combating trafficking in persons"), "The Trafficking in Persons Act, 2015 criminalizes all forms of trafficking and set up the national anti-trafficking committee and the Anti-Trafficking Fund.", "ACT-3-2015",
     "The Trafficking in Persons Act, 2015 (Act No. 3 of 2015) criminalizes all forms of trafficking in persons and established the National Coordination Committee against Trafficking in Persons and the Anti-Trafficking Fund."),
    (SO, WD, wd(6, "Combating trafficking in persons"), "The 2017–2022 anti-trafficking action plan ended in June 2022 and a new plan is being drafted.", "nap-tip-2017-2022",
     "The National Action Plan against Trafficking in Persons 2017–2022 ended in June 2022; a new plan is being drafted."),
    (SO, WD, wd(6, "Return and reintegration"), "The immigration department works with IOM on assisted voluntary return; 640 nationals returned from South Africa in 2021.", "",
     "The Department of Immigration and Citizenship Services cooperates with IOM on assisted voluntary return; 640 Bawendan nationals were assisted to return from South Africa in 2021."),
    (SO, FD, fd(6), "The Immigration Act provides no alternatives to immigration detention, and children may be detained with their parents (the Act is dated 2003 here; see errata).", "ACT-13-2002",
     "The Immigration Act (Act No. 13 of 2003) does not provide for alternatives to immigration detention, and children may be detained with their parents."),
    (SO, FD, fd(6), "Bawenda could set up a formal reintegration programme for returning migrants.", "",
     "Bawenda could consider establishing a formal reintegration programme for returning migrants."),
]

# ---------------------------------------------------------------- instruments
# (id, type, number, year, title, issuing_body, domains, status, amends, repeals, regulates, extends, covid, section, evidence, note)
S1 = wd(1, "International conventions ratified")
I = [
    ("constitution-1995", "constitution", "", 1995, "Constitution of the Republic of Bawenda, 1995", "", MR, "in_force", "", "", "", "", "false", wd(1, "Access to services"),
     "The Constitution of the Republic of Bawenda, 1995 guarantees the right to basic education to every child in Bawenda.", ""),
    ("CAP-34", "act", "34", "", "Public Health Act (Cap. 34)", "", MR, "in_force", "", "", "", "", "false", wd(1, "Access to services"),
     "Under the Public Health Act (Cap. 34), migrants have access to primary health care at public facilities.", "Cap. 34 is a chapter of the Laws of Bawenda; number given as 34 (the codebook pattern allows no space, so not 'Cap. 34'). No year given."),
    ("ACT-13-2002", "act", "13", 2002, "Immigration Act, 2002", "", f"{MR};{WG};{SO}", "in_force", "", "", "", "", "false", wd(1, "Access to the labour market and residence"),
     "Foreign nationals may apply for a temporary employment permit under the Immigration Act, 2002 (Act No. 13 of 2002).",
     "'Act No. 13 of 2002': number 13, year 2002 (also 2 and Key Sources – Government of Bawenda 2002). Domain 6 prints 'Act No. 13 of 2003' (see errata E01)."),
    ("REG-R413-2004", "regulation", "R.413", 2004, "Immigration Regulations, 2004", "", MR, "in_force", "", "", "ACT-13-2002", "", "false", wd(1, "Access to the labour market and residence"),
     "The Immigration Regulations, 2004 (Government Notice No. R. 413) set the procedures and fees for employment, residence and business permits.",
     "Government Notice No. R. 413: number written R.413 (no space allowed by the codebook pattern). regulates ACT-13-2002 read from the title (Immigration Regulations); the text does not say it in words. Key Sources: not available online."),
    ("CAP-172", "act", "172", "", "Citizenship Act (Cap. 172)", "", MR, "in_force", "", "", "", "", "false", wd(1, "Access to the labour market and residence"),
     "The Citizenship Act (Cap. 172) allows foreign nationals to apply for citizenship by naturalization", "Cap. 172: number 172 (chapter of the Laws); no year given."),
    ("refugee-convention-1951", "convention", "", 1951, "Convention relating to the Status of Refugees", "", MR, "in_force", "", "", "", "", "false", S1,
     "Bawenda is party to the Convention relating to the Status of Refugees (1951)", ""),
    ("refugee-protocol-1967", "protocol", "", 1967, "Protocol relating to the Status of Refugees", "", MR, "in_force", "", "", "", "", "false", S1,
     "Bawenda is party to the Convention relating to the Status of Refugees (1951) and its 1967 Protocol", "The text says 'its 1967 Protocol'."),
    ("oau-refugee-convention-1969", "convention", "", 1969, "OAU Convention Governing the Specific Aspects of Refugee Problems in Africa", "Organization of African Unity", MR, "in_force", "", "", "", "", "false", S1,
     "and to the OAU Convention Governing the Specific Aspects of Refugee Problems in Africa (1969).", ""),
    ("icrmw-1990", "convention", "", 1990, "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families", "", f"{MR};{PA}", "in_force", "", "", "", "", "false", S1,
     "Bawenda ratified the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (1990) in 2015.",
     "Year 1990 = adoption year printed with the title. Ratified 2015 (domain 1, footnote 5) or 2016 (domain 3; see errata E02)."),
    ("ilo-c97", "convention", "97", 1949, "ILO Migration for Employment Convention (Revised), 1949 (No. 97)", "International Labour Organization", MR, "not_stated", "", "", "", "", "false", fd(1),
     "Bawenda has not ratified the ILO Migration for Employment Convention (Revised), 1949 (No. 97)", "Not ratified by Bawenda."),
    ("ilo-c143", "convention", "143", 1975, "Migrant Workers (Supplementary Provisions) Convention, 1975 (No. 143)", "International Labour Organization", MR, "not_stated", "", "", "", "", "false", fd(1),
     "or the Migrant Workers (Supplementary Provisions) Convention, 1975 (No. 143).", "Not ratified by Bawenda; ILO implied by 'ILO' earlier in the sentence."),
    ("ACT-3-1989", "act", "3", 1989, "Refugees Act, 1989", "", MR, "in_force", "", "", "", "", "false", fd(1),
     "Under the Refugees Act, 1989 (Act No. 3 of 1989), refugees are required to reside in designated settlements", "Same number as the Trafficking in Persons Act (Act No. 3 of 2015): ids carry the year."),
    ("REG-112-2019", "regulation", "112", 2019, "Refugees (Amendment) Regulations, 2019", "", MR, "in_force", "", "", "", "", "false", fd(1),
     "The Refugees (Amendment) Regulations, 2019 (Statutory Instrument 112 of 2019) allow refugees to engage in farming",
     "Typed regulation by its title; published as Statutory Instrument 112 of 2019 (number 112). The regulations it amends are not named, so amends is empty."),
    ("social-cash-transfer-programme", "programme", "", "", "Social Cash Transfer Programme", "", MR, "not_stated", "", "", "", "", "false", fd(1),
     "access to social protection programmes such as the Social Cash Transfer Programme is limited to citizens.", ""),
    ("MO-HA-07-2019", "order", "MO/HA/07/2019", 2019, "Ministerial Order No. MO/HA/07/2019 establishing the National Coordination Committee on Migration", "", WG, "not_stated", "", "", "", "", "false", "2. Well-developed areas – Institutional framework, footnote 6",
     "⁶ Ministerial Order No. MO/HA/07/2019 establishing the National Coordination Committee on Migration.", "Named only in footnote 6; year from the number and from 'established in 2019'."),
    ("nlmp-2019-2024", "policy", "", 2019, "National Labour Migration Policy (2019–2024)", "Ministry of Labour and Social Protection", WG, "in_force", "", "", "", "", "false", wd(2, "Migration strategy and data"),
     "Bawenda adopted the National Labour Migration Policy (2019–2024) in 2019, which is implemented by the Ministry of Labour and Social Protection.", "issuing_body: the implementing ministry (also the Key Sources heading, 2019)."),
    ("national-migration-policy", "policy", "", "", "National Migration Policy", "", WG, "in_preparation", "", "", "", "", "false", wd(2, "Migration strategy and data"),
     "A National Migration Policy is in preparation with the support of IOM and is expected to be validated in 2023.", "2023 is an expected validation date, not a year of the instrument."),
    ("census-2018", "survey", "", 2018, "Population and Housing Census (2018)", "Bawenda National Statistics Office (BNSO)", WG, "not_stated", "", "", "", "", "false", wd(2, "Migration strategy and data"),
     "includes questions on country of birth, citizenship and previous residence in the Population and Housing Census", "Year from the Country context ('According to the 2018 Population and Housing Census') and Key Sources – BNSO 2019."),
    ("lfs-2020", "survey", "", 2020, "Labour Force Survey 2020", "Bawenda National Statistics Office (BNSO)", WG, "not_stated", "", "", "", "", "false", wd(2, "Migration strategy and data"),
     "the Labour Force Survey 2020 includes a module on international migration.", "Footnote 7 and Key Sources – BNSO 2021."),
    ("diaspora-engagement-policy-2017", "policy", "", 2017, "Diaspora Engagement Policy (2017)", "Ministry of Foreign Affairs and International Cooperation", f"{WG};{WB}", "not_stated", "", "", "", "", "false", fd(2),
     "although the Diaspora Engagement Policy (2017) foresees the creation of a Diaspora Advisory Council.", "issuing_body from Key Sources (Ministry of Foreign Affairs and International Cooperation 2017). Also 4 (further development)."),
    ("sadc-protocol-movement-2005", "protocol", "", 2005, "SADC Protocol on the Facilitation of Movement of Persons", "Southern African Development Community (SADC)", PA, "not_stated", "", "", "", "", "false", wd(3, "Regional and international cooperation"),
     "Bawenda has signed the SADC Protocol on the Facilitation of Movement of Persons (2005)", "Signed, not ratified by Bawenda (3, further development)."),
    ("sadc-protocol-employment-2014", "protocol", "", 2014, "SADC Protocol on Employment and Labour", "Southern African Development Community (SADC)", PA, "not_stated", "", "", "", "", "false", wd(3, "Regional and international cooperation"),
     "and the SADC Protocol on Employment and Labour (2014).", "Signed."),
    ("bla-qatar-2018", "agreement", "", 2018, "Bilateral labour agreement with the State of Qatar", "", PA, "not_stated", "", "", "", "", "false", wd(3, "Regional and international cooperation"),
     "It has a bilateral labour agreement with the State of Qatar (2018)", ""),
    ("mou-south-africa-2021", "agreement", "", 2021, "Memorandum of understanding on labour cooperation with the Republic of South Africa", "", PA, "not_stated", "", "", "", "", "false", wd(3, "Regional and international cooperation"),
     "a memorandum of understanding on labour cooperation with the Republic of South Africa (2021).", "Signed in Pretoria on 9 November 2021 (footnote 8). Typed agreement (no MoU type)."),
    ("labour-export-programme", "programme", "", 2018, "Labour Export Programme", "Ministry of Labour and Social Protection", WB, "in_force", "", "", "", "", "false", wd(4, "Labour migration and skills"),
     "The Ministry of Labour and Social Protection runs the Labour Export Programme, launched in 2018", ""),
    ("ACT-6-2000", "act", "6", 2000, "Employment Act, 2000", "", WB, "in_force", "", "", "", "", "false", wd(4, "Labour migration and skills"),
     "Private employment agencies recruiting workers for employment abroad must be licensed under the Employment Act, 2000 (Act No. 6 of 2000).", ""),
    ("pea-rules-2016", "regulation", "", 2016, "Employment (Private Employment Agencies) Rules, 2016", "", WB, "not_stated", "", "", "ACT-6-2000", "", "false", "4. Well-developed areas – Labour migration and skills, footnote 9",
     "(Employment (Private Employment Agencies) Rules, 2016).", "Named only in footnote 9 as the source of the licence fee. regulates ACT-6-2000 read from the title (Employment ... Rules) and the licensing duty of the Act."),
    ("lmis", "digital_system", "", "", "Labour Market Information System", "Ministry of Labour", WB, "in_force", "", "", "", "", "false", wd(4, "Labour migration and skills"),
     "The Labour Market Information System of the Ministry of Labour records the number of employment permits issued by sector", ""),
    ("rbb-mobile-money-guideline-2020", "guideline", "", 2020, "Guideline on Mobile Money Remittances", "Reserve Bank of Bawenda", WB, "in_force", "", "", "", "", "false", wd(4, "Remittances and diaspora"),
     "The Reserve Bank of Bawenda Guideline on Mobile Money Remittances (2020) allows licensed mobile money operators to receive international remittances.",
     "Not presented as a COVID-19 measure (the COVID-19 fee waiver is a separate measure of the Reserve Bank)."),
    ("CAP-33", "act", "33", "", "Disaster Preparedness and Relief Act (Cap. 33)", "", MC, "in_force", "", "", "", "", "false", wd(5, "Crisis preparedness and response"),
     "The Disaster Preparedness and Relief Act (Cap. 33) and the National Disaster Risk Management Policy (2015) set out the coordination of disaster response", "The pending Bill would replace it (5, further development)."),
    ("ndrm-policy-2015", "policy", "", 2015, "National Disaster Risk Management Policy (2015)", "Department of Disaster Management Affairs (DoDMA)", MC, "in_force", "", "", "", "", "false", wd(5, "Crisis preparedness and response"),
     "the National Disaster Risk Management Policy (2015) set out the coordination of disaster response by the Department of Disaster Management Affairs (DoDMA).", "issuing_body from Key Sources – DoDMA 2015."),
    ("national-resilience-strategy-2018-2030", "strategy", "", 2018, "National Resilience Strategy 2018–2030", "", MC, "in_force", "", "", "", "", "false", wd(5, "Crisis preparedness and response"),
     "The National Resilience Strategy 2018–2030 addresses displacement caused by floods and drought.", "Year = start of the 2018–2030 period."),
    ("drm-bill-2021", "law", "", 2021, "Disaster Risk Management Bill, 2021", "", MC, "in_preparation", "", "", "", "", "false", fd(5),
     "The Disaster Risk Management Bill, 2021, which would replace the Disaster Preparedness and Relief Act, is still before Parliament.", "A bill before Parliament: typed law, in_preparation; no repeals link because it is not adopted."),
    ("ibmis", "digital_system", "", 2019, "Integrated Border Management Information System (IBMIS)", "", SO, "in_force", "", "", "", "", "false", wd(6, "Border management"),
     "The Integrated Border Management Information System (IBMIS), introduced in 2019, records entries and exits at the main ports of entry.", ""),
    ("evisa-portal", "digital_system", "", 2019, "e-Visa portal", "Department of Immigration and Citizenship Services", SO, "in_force", "", "", "", "", "false", wd(6, "Border management"),
     "The e-Visa portal, launched in 2019, allows nationals of all countries to apply for a visa online.", "issuing_body from Key Sources – Department of Immigration and Citizenship Services 2019; footnote 12 gives the address."),
    ("ACT-3-2015", "act", "3", 2015, "Trafficking in Persons Act, 2015", "", SO, "in_force", "", "", "", "", "false", wd(6, "Combating trafficking in persons"),
     "The Trafficking in Persons Act, 2015 (Act No. 3 of 2015) criminalizes all forms of trafficking in persons", "Same number as the Refugees Act (Act No. 3 of 1989)."),
    ("nap-tip-2017-2022", "plan", "", 2017, "National Action Plan against Trafficking in Persons 2017–2022", "", SO, "ended", "", "", "", "", "false", wd(6, "Combating trafficking in persons"),
     "The National Action Plan against Trafficking in Persons 2017–2022 ended in June 2022", "Year = start of the period. The unnamed successor plan ('a new plan is being drafted') is not a row."),
    ("CIRC-3-2020", "circular", "3", 2020, "Ministry of Health Circular No. 3 of 2020 on free testing and treatment of COVID-19 at public health facilities", "Ministry of Health", "", "not_stated", "", "", "", "", "true", COV + "Health",
     "Ministry of Health Circular No. 3 of 2020 directed that COVID-19 testing and treatment be provided free of charge at public facilities to all persons, irrespective of their immigration status.", "Title completed from Key Sources – Ministry of Health 2020 (not available online). COVID-19 section only, so domains empty."),
    ("vaccine-deployment-plan-2021", "plan", "", 2021, "National COVID-19 Vaccine Deployment Plan (2021)", "Ministry of Health", "", "not_stated", "", "", "", "", "true", COV + "Health",
     "The National COVID-19 Vaccine Deployment Plan (2021) included refugees and asylum seekers in the priority groups", "issuing_body from Key Sources – Ministry of Health 2021."),
    ("covid-preparedness-plan-2020", "plan", "", 2020, "National COVID-19 Preparedness and Response Plan (2020)", "Ministry of Health", "", "in_force", "", "", "", "", "true", COV + "Health",
     "The National COVID-19 Preparedness and Response Plan (2020) includes refugees in the settlements and migrants at border crossings in its risk communication activities.", "Present tense 'includes' read as in_force. Key Sources – Ministry of Health n.d."),
    ("PROC-1-2020", "proclamation", "1", 2020, "Proclamation No. 1 of 2020: Declaration of a State of National Disaster", "President", "", "not_stated", "", "", "", "", "true", COV + "Migration status and border measures",
     "The President declared a state of national disaster on 20 March 2020 by Proclamation No. 1 of 2020.", "Key Sources – Government of Bawenda 2020a adds that it was published as Gazette Notice No. 2318 of 2020 (one row, typed by what the text calls it)."),
    ("SI-45-2020", "statutory_instrument", "45", 2020, "Public Health (Coronavirus Prevention, Containment and Treatment) Rules, 2020", "", "", "not_stated", "", "", "", "", "true", COV + "Migration status and border measures",
     "The Public Health (Coronavirus Prevention, Containment and Treatment) Rules, 2020 (Statutory Instrument 54 of 2020) closed all ports of entry",
     "The COVID-19 section prints 'Statutory Instrument 54 of 2020', Key Sources – Government of Bawenda 2020b 'Statutory Instrument 45 of 2020' (address .../si/2020/45); the key uses 45 (see errata E03). Typed statutory_instrument (number is the SI number); 'Rules' could also be read as regulation."),
    ("IC-2-2020", "circular", "IC/2/2020", 2020, "Immigration Circular IC/2/2020: Extension of visas and permits", "Department of Immigration and Citizenship Services", "", "ended", "", "", "", "", "true", COV + "Migration status and border measures",
     "Immigration Circular IC/2/2020 automatically extended visas and permits that expired during the lockdown until 30 September 2020 and allowed online renewals.", "Status ended: the extension ran until 30 September 2020. Title and issuing body from Key Sources – Department of Immigration and Citizenship Services 2020."),
    ("MO-HA-03-2021", "order", "MO/HA/03/2021", 2021, "Ministerial Order No. MO/HA/03/2021 on the waiver of overstay penalties", "Ministry of Home Affairs", "", "not_stated", "", "", "", "", "true", COV + "Migration status and border measures",
     "Ministerial Order No. MO/HA/03/2021 waived overstay penalties for migrants whose visas expired between 1 April 2020 and 30 June 2021.", "issuing_body from Key Sources – Ministry of Home Affairs 2021."),
    ("GN-5120-2020", "legal_notice", "5120", 2020, "Gazette Notice No. 5120 of 2020: Designation of essential services", "", "", "not_stated", "", "", "", "", "true", COV + "Labour and livelihoods",
     "Gazette Notice No. 5120 of 2020 designated agricultural and health workers, including foreign nationals with a work permit, as essential workers", "Typed legal_notice (a gazette notice). Title from Key Sources – Government of Bawenda 2020c."),
]


def slug(s):
    s = re.sub(r"\(.*?\)", "", s)
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


text = (HERE / TEXT).read_text(encoding="utf-8")
SRC = parse_sources(text, slug)
sid = {(r["organisation"], r["year_tag"]): r["source_id"] for r in SRC}

# ---------------------------------------------------------------- statistics
STAT = [
    ("methodology", "mgi_indicator_count", "Number of indicators in the MGI standard set", 90, "indicators", "about", "", "", None, "Introduction",
     "a standard set of approximately 90 indicators to assist countries in assessing their migration policies"),
    ("methodology", "mgi_domain_count", "Number of migration governance dimensions (domains) grouping the MGI indicators", 6, "domains", "exact", "", "", None, "Conceptual framework",
     "The MGI is composed of around 90 indicators grouped under the 6 different dimensions of migration governance"),
    ("other", "total_population", "Total population of Bawenda (2018 census)", 17600000, "persons", "exact", "2018", "Bawenda National Statistics Office (BNSO)", ("Bawenda National Statistics Office (BNSO)", "2019"), CC,
     "According to the 2018 Population and Housing Census, Bawenda had a population of 17.6 million, of whom about 268,000 were born abroad (Bawenda National Statistics Office, 2019)."),
    ("migrant_population", "foreign_born_population", "Persons born abroad living in Bawenda (2018 census)", 268000, "persons", "about", "2018", "Bawenda National Statistics Office (BNSO)", ("Bawenda National Statistics Office (BNSO)", "2019"), CC,
     "According to the 2018 Population and Housing Census, Bawenda had a population of 17.6 million, of whom about 268,000 were born abroad (Bawenda National Statistics Office, 2019)."),
    ("refugees_asylum", "refugees_asylum_seekers", "Refugees and asylum seekers hosted by Bawenda", 52000, "persons", "over", "2021-12-31", "Office of the Commissioner for Refugees", ("Office of the Commissioner for Refugees", "2022"), CC,
     "As at 31 December 2021, Bawenda hosted over 52,000 refugees and asylum seekers, most of them at the Mtunda settlement, according to the Office of the Commissioner for Refugees."),
    ("refugees_asylum", "refugees_asylum_seekers", "Refugees and asylum seekers hosted by Bawenda", 44700, "persons", "exact", "2019-12", "", None, CC,
     "The number had been 44,700 at the end of 2019."),
    ("refugees_asylum", "refugees_asylum_seekers_children_share", "Share of children among refugees and asylum seekers", 60, "percent", "about", "2021-12-31", "Office of the Commissioner for Refugees", ("Office of the Commissioner for Refugees", "2022"), "Country context, footnote 4",
     "⁴ Office of the Commissioner for Refugees, 2022. About 60 per cent of the refugees and asylum seekers were children."),
    ("diaspora", "diaspora_size", "Bawendan diaspora", 1100000, "persons", "about", "2021", "Ministry of Foreign Affairs and International Cooperation", None, CC,
     "the Ministry of Foreign Affairs and International Cooperation estimated the Bawendan diaspora at nearly 1.1 million persons in 2021"),
    ("remittances", "remittance_inflows", "Personal remittances received", 213000000, "usd", "exact", "2021", "Reserve Bank of Bawenda", ("Reserve Bank of Bawenda", "2022"), CC,
     "Personal remittances received reached USD 213 million in 2021, or 1.8 per cent of gross domestic product (GDP), up from USD 161 million in 2019 (Reserve Bank of Bawenda, 2022)."),
    ("remittances", "remittance_inflows_gdp_share", "Personal remittances received as a share of GDP", 1.8, "percent", "exact", "2021", "Reserve Bank of Bawenda", ("Reserve Bank of Bawenda", "2022"), CC,
     "Personal remittances received reached USD 213 million in 2021, or 1.8 per cent of gross domestic product (GDP)"),
    ("remittances", "remittance_inflows", "Personal remittances received", 161000000, "usd", "exact", "2019", "Reserve Bank of Bawenda", ("Reserve Bank of Bawenda", "2022"), CC,
     "up from USD 161 million in 2019 (Reserve Bank of Bawenda, 2022)."),
    ("residence", "naturalization_residence_requirement", "Years of lawful residence required for naturalization", 10, "years", "exact", "", "", None, wd(1, "Access to the labour market and residence"),
     "after 10 years of lawful residence"),
    ("residence", "naturalization_spouse_marriage_requirement", "Years of marriage required for spouses of citizens to apply for citizenship", 5, "years", "exact", "", "", None, wd(1, "Access to the labour market and residence"),
     "and spouses of citizens after 5 years of marriage."),
    ("other", "coordination_committee_members", "Ministries, departments and agencies in the National Coordination Committee on Migration", 14, "entities", "exact", "", "", None, wd(2, "Institutional framework"),
     "brings together 14 ministries, departments and agencies."),
    ("methodology", "lfs_migration_module_sample", "Persons in the sample of the Labour Force Survey 2020 migration module", 42000, "persons", "about", "2020", "Bawenda National Statistics Office (BNSO)", ("Bawenda National Statistics Office (BNSO)", "2021"), "2. Well-developed areas – Migration strategy and data, footnote 7",
     "⁷ Bawenda National Statistics Office, 2021. The module covered a sample of about 42,000 persons."),
    ("labour_migration", "labour_export_placements", "Bawendan workers placed abroad under the Labour Export Programme (cumulative since 2018)", 3400, "persons", "over", "2021-12", "", None, wd(4, "Labour migration and skills"),
     "under which more than 3,400 Bawendan workers were placed abroad by the end of 2021."),
    ("labour_migration", "private_employment_agency_licence_fee", "Annual licence fee for a private employment agency", 250000, "local_currency", "exact", "", "", None, "4. Well-developed areas – Labour migration and skills, footnote 9",
     "⁹ The licence fee for a private employment agency is BWK 250,000 per year"),
    ("labour_migration", "employment_permits_issued", "Employment permits issued", 2960, "persons", "exact", "2021", "", None, wd(4, "Labour migration and skills"),
     "2,960 employment permits were issued in 2021."),
    ("remittances", "remittance_cost_reference_amount", "Amount of the reference remittance for the cost indicator", 200, "usd", "exact", "2021", "World Bank", ("World Bank", "2022"), wd(4, "Remittances and diaspora"),
     "The average cost of sending USD 200 to Bawenda from South Africa fell to 7.9 per cent in 2021 (World Bank, 2022)."),
    ("remittances", "remittance_average_cost_share", "Average cost of sending USD 200 from South Africa to Bawenda", 7.9, "percent", "exact", "2021", "World Bank", ("World Bank", "2022"), wd(4, "Remittances and diaspora"),
     "The average cost of sending USD 200 to Bawenda from South Africa fell to 7.9 per cent in 2021 (World Bank, 2022)."),
    ("education", "qualification_recognition_max_duration", "Maximum time taken by the recognition of foreign qualifications", 6, "months", "up_to", "", "", None, fd(4),
     "can take up to six months"),
    ("other", "cyclone_displaced_persons", "Persons displaced by Tropical Cyclone Ilena", 87000, "persons", "about", "2019", "Department of Disaster Management Affairs (DoDMA)", ("Department of Disaster Management Affairs (DoDMA)", "2019"), wd(5, "Crisis preparedness and response"),
     "During Tropical Cyclone Ilena in 2019, about 87,000 persons were displaced in the southern districts (DoDMA, 2019)."),
    ("border", "official_ports_of_entry", "Official ports of entry managed by the Department of Immigration and Citizenship Services", 31, "entities", "exact", "", "", None, wd(6, "Border management"),
     "The Department of Immigration and Citizenship Services manages 31 official ports of entry."),
    ("border", "evisa_share_of_visas", "Share of visas issued through the e-Visa portal", 41, "percent", "about", "2021", "", None, "6. Well-developed areas – Border management, footnote 12",
     "In 2021, about 41 per cent of visas were issued through it."),
    ("trafficking", "trafficking_victims_identified", "Victims of trafficking identified", 129, "persons", "exact", "2021", "National Coordination Committee against Trafficking in Persons", ("National Coordination Committee against Trafficking in Persons", "2022"), "6. Well-developed areas – Combating trafficking in persons, footnote 13",
     "¹³ In 2021, 129 victims of trafficking were identified, compared with 97 in 2020 (National Coordination Committee against Trafficking in Persons, 2022)."),
    ("trafficking", "trafficking_victims_identified", "Victims of trafficking identified", 97, "persons", "exact", "2020", "National Coordination Committee against Trafficking in Persons", ("National Coordination Committee against Trafficking in Persons", "2022"), "6. Well-developed areas – Combating trafficking in persons, footnote 13",
     "¹³ In 2021, 129 victims of trafficking were identified, compared with 97 in 2020 (National Coordination Committee against Trafficking in Persons, 2022)."),
    ("return", "assisted_voluntary_returns", "Bawendan nationals assisted to return from South Africa", 640, "persons", "exact", "2021", "", None, wd(6, "Return and reintegration"),
     "640 Bawendan nationals were assisted to return from South Africa in 2021."),
    ("methodology", "covid_question_count", "Questions added to the standard MGI assessment for the COVID-19 section", 12, "questions", "exact", "", "", None, "COVID-19 and migration governance",
     "It is based on 12 questions added to the standard MGI assessment."),
    ("health", "refugees_vaccinated_first_dose", "Refugees who had received at least one COVID-19 vaccine dose", 9800, "persons", "about", "2021-12", "Ministry of Health", ("Ministry of Health", "2021"), COV + "Health, footnote 15",
     "By the end of 2021, nearly 9,800 refugees had received at least one dose."),
    ("remittances", "mobile_money_fee_waiver_threshold", "Transaction amount below which mobile money fees were waived (COVID-19)", 20000, "local_currency", "less_than", "2020-04", "", None, COV + "Remittances and financial services",
     "From April 2020, the Reserve Bank of Bawenda waived fees on mobile money transactions below BWK 20,000 for six months."),
    ("remittances", "mobile_money_fee_waiver_duration", "Duration of the COVID-19 mobile money fee waiver", 6, "months", "exact", "2020-04", "", None, COV + "Remittances and financial services",
     "From April 2020, the Reserve Bank of Bawenda waived fees on mobile money transactions below BWK 20,000 for six months."),
    ("return", "nationals_returned_covid", "Bawendan nationals stranded in neighbouring countries assisted to return", 2300, "persons", "over", "2020", "", None, COV + "Nationals abroad and return",
     "assisted the return of more than 2,300 Bawendan nationals stranded in neighbouring countries between April and December 2020"),
    ("health", "returnee_quarantine_duration", "Mandatory quarantine period for returnees", 14, "days", "exact", "2020", "", None, COV + "Nationals abroad and return",
     "returnees were placed in mandatory quarantine for 14 days."),
]

# ---------------------------------------------------------------- COVID-19 responses
COVR = [
    ("health_access", "Free COVID-19 testing and treatment at public facilities for all persons, irrespective of immigration status", "CIRC-3-2020", "2020", "", "true", "not_stated", MR, COV + "Health",
     "Ministry of Health Circular No. 3 of 2020 directed that COVID-19 testing and treatment be provided free of charge at public facilities to all persons, irrespective of their immigration status."),
    ("vaccination", "Refugees and asylum seekers in the vaccination priority groups; vaccination offered to foreign nationals holding a valid residence permit or refugee identity card", "vaccine-deployment-plan-2021", "2021-03-11", "", "false", "not_stated", MR, COV + "Health",
     "The National COVID-19 Vaccine Deployment Plan (2021) included refugees and asylum seekers in the priority groups; vaccination started on 11 March 2021 and was offered to foreign nationals holding a valid residence permit or refugee identity card."),
    ("data", "Nationality of confirmed COVID-19 cases recorded in the Ministry of Health's daily situation reports", "", "2020-07", "", "", "not_stated", WG, COV + "Health",
     "From July 2020, the Ministry of Health recorded the nationality of confirmed COVID-19 cases in its daily situation reports."),
    ("response_planning", "Refugees in settlements and migrants at border crossings included in the risk communication of the national COVID-19 plan", "covid-preparedness-plan-2020", "2020", "", "", "in_force", WG, COV + "Health",
     "The National COVID-19 Preparedness and Response Plan (2020) includes refugees in the settlements and migrants at border crossings in its risk communication activities."),
    ("response_planning", "State of national disaster declared by Proclamation No. 1 of 2020", "PROC-1-2020", "2020-03-20", "", "", "not_stated", MC, COV + "Migration status and border measures",
     "The President declared a state of national disaster on 20 March 2020 by Proclamation No. 1 of 2020."),
    ("migration_status", "All ports of entry closed except for returning citizens and residents, goods and humanitarian cases", "SI-45-2020", "2020", "", "", "not_stated", SO, COV + "Migration status and border measures",
     "The Public Health (Coronavirus Prevention, Containment and Treatment) Rules, 2020 (Statutory Instrument 54 of 2020) closed all ports of entry except for the return of citizens and residents, the transport of goods and humanitarian cases."),
    ("migration_status", "Automatic extension of visas and permits that expired during the lockdown, and online renewals", "IC-2-2020", "2020", "2020-09-30", "", "ended", SO, COV + "Migration status and border measures",
     "Immigration Circular IC/2/2020 automatically extended visas and permits that expired during the lockdown until 30 September 2020 and allowed online renewals."),
    ("migration_status", "Overstay penalties waived for migrants whose visas expired between 1 April 2020 and 30 June 2021", "MO-HA-03-2021", "2021", "", "", "not_stated", SO, COV + "Migration status and border measures",
     "Ministerial Order No. MO/HA/03/2021 waived overstay penalties for migrants whose visas expired between 1 April 2020 and 30 June 2021."),
    ("health_workforce", "Agricultural and health workers, including foreign nationals with a work permit, designated essential workers allowed to travel during the lockdown", "GN-5120-2020", "2020", "", "", "not_stated", WB, COV + "Labour and livelihoods",
     "Gazette Notice No. 5120 of 2020 designated agricultural and health workers, including foreign nationals with a work permit, as essential workers who could continue to travel during the lockdown."),
    ("remittances_financial_services", "Reserve Bank waived fees on mobile money transactions below BWK 20,000 for six months", "", "2020-04", "", "", "ended", WB, COV + "Remittances and financial services",
     "From April 2020, the Reserve Bank of Bawenda waived fees on mobile money transactions below BWK 20,000 for six months."),
    ("return_transfer", "Return of more than 2,300 nationals stranded in neighbouring countries, with 14-day mandatory quarantine", "", "2020-04", "2020-12", "", "ended", f"{PA};{MC}", COV + "Nationals abroad and return",
     "The Ministry of Foreign Affairs and International Cooperation assisted the return of more than 2,300 Bawendan nationals stranded in neighbouring countries between April and December 2020; returnees were placed in mandatory quarantine for 14 days."),
    ("response_planning", "National Coordination Committee on Migration coordinated health screening of travellers at ports of entry", "", "", "", "", "not_stated", f"{WG};{SO}", wd(6, "Border management"),
     "During the COVID-19 pandemic, the National Coordination Committee on Migration coordinated the health screening of travellers at ports of entry."),
]

# ---------------------------------------------------------------- partnerships
P3 = wd(3, "Regional and international cooperation")
PART = [
    ("sadc-member", "Southern African Development Community (SADC)", "integration_scheme", "member", "",
     "Bawenda is a landlocked country in Southern Africa and a member of the Southern African Development Community (SADC)", CC),
    ("comesa-member", "Common Market for Eastern and Southern Africa (COMESA)", "integration_scheme", "member", "",
     "and of the Common Market for Eastern and Southern Africa (COMESA).", CC),
    ("midsa-member", "Migration Dialogue for Southern Africa (MIDSA)", "regional_consultative_process", "member", "",
     "Bawenda is a member of the Migration Dialogue for Southern Africa (MIDSA)", P3),
    ("midsa-chair-2021", "Migration Dialogue for Southern Africa (MIDSA)", "regional_consultative_process", "pro_tempore_presidency", 2021,
     "Bawenda is a member of the Migration Dialogue for Southern Africa (MIDSA) and chaired its ministerial conference in 2021.", P3),
    ("midcom-founding-member", "Migration Dialogue from COMESA Member States (MIDCOM)", "regional_consultative_process", "founding_member", 2013,
     "Bawenda is also a founding member of the Migration Dialogue from COMESA Member States (MIDCOM), launched in 2013", P3),
    ("igad-rcp-observer", "Intergovernmental Authority on Development Regional Consultative Process on Migration (IGAD-RCP)", "regional_consultative_process", "observer", "",
     "holds observer status in the Intergovernmental Authority on Development Regional Consultative Process on Migration (IGAD-RCP).", P3),
    ("samm-participant", "Southern Africa Migration Management (SAMM) programme", "programme", "participant", "",
     "Bawenda participates in the Southern Africa Migration Management (SAMM) programme", P3),
    ("gfmd-participant", "Global Forum on Migration and Development (GFMD)", "forum", "participant", "",
     "Bawenda participates in the Southern Africa Migration Management (SAMM) programme and in the Global Forum on Migration and Development (GFMD).", P3),
]

# ---------------------------------------------------------------- errata
ERR = [
    ("E01", "contradiction", fd(6), "The Immigration Act (Act No. 13 of 2003)",
     "the Immigration Act, 2002 (Act No. 13 of 2002)", wd(1, "Access to the labour market and residence"), "ACT-13-2002, year 2002",
     "Domain 1, domain 2 ('the Immigration Act, 2002') and Key Sources – Government of Bawenda ('2002 Immigration Act, 2002 (Act No. 13 of 2002)', address .../acts/2002/13) give 2002; only domain 6 prints 'Act No. 13 of 2003'."),
    ("E02", "contradiction", P3, "Since its ratification of the Migrant Workers Convention in 2016",
     "Bawenda ratified the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (1990) in 2015.", wd(1, "International conventions ratified"),
     "ratification year 2015 (F002); icrmw-1990 keeps year 1990 (adoption year)",
     "Domain 1 and its footnote 5 (instrument of ratification deposited on 14 September 2015) give 2015; domain 3 says 2016. Each finding keeps its own words; the ratification year is not a column of any table."),
    ("E03", "contradiction", COV + "Migration status and border measures", "(Statutory Instrument 54 of 2020)",
     "Statutory Instrument 45 of 2020", "Key sources – Government of Bawenda", "SI-45-2020, number 45",
     "The same Rules are 'Statutory Instrument 54 of 2020' in the COVID-19 section and 'Statutory Instrument 45 of 2020' in Key Sources (2020b, address .../si/2020/45). The key follows Key Sources (digits transposed in the body); the choice is not certain."),
]


def build():
    def src(key):
        return sid[key] if key else ""
    findings = [{"finding_id": f"F{n:03d}", "domain": d, "kind": k, "section": sec, "summary": summ,
                 "baseline_status": "not_stated", "instruments": ins, "evidence": ev}
                for n, (d, k, sec, summ, ins, ev) in enumerate(F, 1)]
    instruments = []
    for i in I:
        (iid, typ, num, yr, title, body, doms, status, amends, repeals, regulates, extends, covid, sec, ev, note) = i
        instruments.append({"instrument_id": iid, "type": typ, "number": num, "year": yr, "title_en": title,
                            "title_es": "", "issuing_body": body, "domains": doms, "status": status,
                            "amends": amends, "repeals": repeals, "regulates": regulates, "extends": extends,
                            "after_baseline": "", "covid_measure": covid, "section": sec, "evidence": ev,
                            "note": note})
    statistics = []
    for n, s in enumerate(STAT, 1):
        theme, ind, label, val, unit, q, date, org, skey, sec, ev = s
        statistics.append({"statistic_id": f"ST{n:03d}", "theme": theme, "indicator": ind, "label": label,
                           "value": val, "unit": unit, "qualifier": q, "reference_date": date, "source_org": org,
                           "source_id": src(skey), "section": sec, "evidence": ev})
    covid = [dict(zip(["area", "measure", "instruments", "date", "date_end", "covers_regardless_of_status", "status",
                       "domains", "section", "evidence"], c), response_id=f"C{n:02d}") for n, c in enumerate(COVR, 1)]
    parts = [dict(zip(["partnership_id", "name", "kind", "role", "year", "evidence", "section"], p)) for p in PART]
    errata = [dict(zip(["erratum_id", "kind", "section", "source_says", "conflicts_with", "conflict_section",
                        "extracts_use", "reason"], e)) for e in ERR]
    write_all(HERE, TEXT, {"findings": findings, "instruments": instruments, "statistics": statistics,
                           "covid_responses": covid, "partnerships": parts, "sources": SRC, "errata": errata})


if __name__ == "__main__":
    build()
