"""The six MGI domains: the one place their ids are declared.

Everything else (table schemas, validation, notebooks, charts) imports them from here,
so that a new domain id or a renamed one cannot drift between modules.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Domain:
    id: str
    number: int
    label: str
    migof: str  # the MiGOF principle or objective the domain is drawn from


DOMAINS: tuple[Domain, ...] = (
    Domain("migrants_rights", 1, "Migrants' rights",
           "Principle 1: adherence to international standards and fulfilment of migrants' rights"),
    Domain("whole_of_government", 2, "Whole-of-government approach",
           "Principle 2: policy formulated using evidence and a whole-of-government approach"),
    Domain("partnerships", 3, "Partnerships",
           "Principle 3: engagement with partners to address migration and related issues"),
    Domain("wellbeing", 4, "Well-being of migrants",
           "Objective 1: advance the socioeconomic well-being of migrants and society"),
    Domain("mobility_crises", 5, "Mobility dimension of crises",
           "Objective 2: effectively address the mobility dimensions of crises"),
    Domain("safe_orderly_regular", 6, "Safe, orderly and regular migration",
           "Objective 3: ensure that migration takes place in a safe, orderly and dignified manner"),
)

DOMAIN_IDS: tuple[str, ...] = tuple(d.id for d in DOMAINS)
BY_ID: dict[str, Domain] = {d.id: d for d in DOMAINS}


def domain_label(domain_id: str) -> str:
    return BY_ID[domain_id].label
