"""The notebooks `mgi run` renders, their parameters, the jobs of a run and how they are split into shards."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from helpers.paths import BadParameter, check_plain_name, notebooks_dir

PER_PROFILE_NOTEBOOKS = ("overview", "domain_progress", "migration_statistics", "covid_responses")
CROSS_PROFILE_NOTEBOOKS = ("compare_profiles", "corpus")
KNOWN_NOTEBOOKS = PER_PROFILE_NOTEBOOKS + CROSS_PROFILE_NOTEBOOKS
COMPARE_KEY = "_compare"  # folder of reports that span profiles
CORPUS_KEY = "_corpus"  # folder of the corpus report and the combined dataset (every profile of the run)
CROSS_KEYS = {"compare_profiles": COMPARE_KEY, "corpus": CORPUS_KEY}


# The comparison puts profiles side by side (a bar per profile and domain, every finding of every profile per
# domain): it reads well for a few. Beyond this many, the corpus report (a heat map, searchable tables) is the
# view of all of them, and the comparison is not rendered.
COMPARE_MAX_PROFILES = 12


def is_cross(key: str) -> bool:
    """True for the folder of a report that spans profiles (the comparison, the corpus)."""
    return key in CROSS_KEYS.values()


@dataclass
class Job:
    key: str  # profile id, or COMPARE_KEY
    notebook: str
    parameters: dict
    staging: str = ""
    timeout: int = 600
    keep_code: bool = False
    cache_key: str = ""  # filled in by the runner (helpers.run.keys)
    profiles: tuple[str, ...] = field(default=())  # the profiles whose data the report reads

    @property
    def label(self) -> str:
        """The job's identity: stable across runs, and the same whichever other profiles are in the run."""
        return f"{self.key}/{self.notebook}"


def resolve_notebooks(names: list[str] | None) -> list[str]:
    """The notebooks asked for (default: every known notebook present), each checked to exist."""
    if not names:
        return [nb for nb in KNOWN_NOTEBOOKS if (notebooks_dir() / f"{nb}.ipynb").is_file()]
    for nb in names:
        check_plain_name(nb, "Notebook name")
        if nb not in KNOWN_NOTEBOOKS or not (notebooks_dir() / f"{nb}.ipynb").is_file():
            raise BadParameter(f"Unknown notebook {nb!r}. Notebooks: {', '.join(KNOWN_NOTEBOOKS)}")
    return list(dict.fromkeys(names))


def plan_jobs(profiles: list[str], notebooks: list[str], *, timeout: int = 600, keep_code: bool = False) -> list[Job]:
    """Every report of the run: each per-profile notebook for each profile, then the comparison and the corpus report
    (two or more profiles)."""
    jobs = [Job(pid, nb, {"profile": pid}, timeout=timeout, keep_code=keep_code, profiles=(pid,))
            for pid in profiles for nb in notebooks if nb in PER_PROFILE_NOTEBOOKS]
    if len(profiles) >= 2:
        jobs += [Job(CROSS_KEYS[nb], nb, {"profiles": list(profiles)}, timeout=timeout, keep_code=keep_code,
                     profiles=tuple(profiles))
                 for nb in notebooks if nb in CROSS_PROFILE_NOTEBOOKS
                 and not (nb == "compare_profiles" and len(profiles) > COMPARE_MAX_PROFILES)]
    return jobs


def set_staging(jobs: list[Job], root: Path) -> None:
    for job in jobs:
        job.staging = str(root / job.key / job.notebook)


def parse_shard(text: str | None) -> tuple[int, int] | None:
    """'2/4' -> (2, 4): the second of four shards (numbered from 1)."""
    if text is None:
        return None
    try:
        i, n = (int(part) for part in text.split("/"))
    except ValueError:
        raise BadParameter(f"--shard expects I/N such as 1/4, found {text!r}") from None
    if not (n >= 1 and 1 <= i <= n):
        raise BadParameter(f"--shard {text}: I must be between 1 and N, and N at least 1")
    return i, n


def shard_of(label: str, n: int) -> int:
    """The shard (1..n) a job belongs to: a hash of its identity, so adding a profile moves no other job."""
    return int(hashlib.sha256(label.encode("utf-8")).hexdigest()[:12], 16) % n + 1


def select_shard(jobs: list[Job], shard: tuple[int, int] | None) -> list[Job]:
    if shard is None:
        return jobs
    i, n = shard
    return [j for j in jobs if shard_of(j.label, n) == i]
