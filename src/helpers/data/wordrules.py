"""Coded judgements whose value the quote's own words must justify, each written down once as data.

A rule names a column and, for each value that makes a claim, the phrases (per language) that justify it. The
codebook describes the column from the rule, `mgi validate` reports a row whose quote has none of the phrases
for its value, and the reports explain the coding with the same words. A value without phrases (an empty
cell: the profile does not say) needs no words.

Phrase syntax: words as printed, case ignored; '…' stands for up to four words in between, never across a
full stop or a semicolon ('regardless of … status' matches "regardless of the beneficiary's migration status"
and "regardless of status"). The quote is matched once its runs of whitespace are collapsed.

A profile in another language adds its phrases under its language code; every language's phrases are tried,
since a quote is in the language of its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from helpers.data.quotes import collapse

GAP = "…"
MAX_GAP_WORDS = 4
_GAP_RE = rf"(?:\s+[^\s.;]+){{0,{MAX_GAP_WORDS}}}\s+"


def compile_phrase(phrase: str) -> re.Pattern[str]:
    """The regular expression of one phrase (see the module docstring for the syntax)."""
    parts = [p.split() for p in phrase.split(GAP)]
    if any(not p for p in parts):
        raise ValueError(f"phrase {phrase!r}: '{GAP}' must stand between words")
    body = _GAP_RE.join(r"\s+".join(re.escape(w) for w in words) for words in parts)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class WordRule:
    table: str
    column: str
    claim: dict[str, str]  # cell value ('true', 'false') -> what that value claims, in plain words
    phrases: dict[str, dict[str, tuple[str, ...]]]  # cell value -> language -> phrases that justify it
    not_enough: dict[str, tuple[str, ...]]  # language -> words often mistaken for a justification
    empty_means: str

    @cached_property
    def _compiled(self) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
        return {value: [(p, compile_phrase(p)) for lang in by_lang.values() for p in lang]
                for value, by_lang in self.phrases.items()}

    def all_phrases(self, value: str) -> list[str]:
        return [p for lang in self.phrases.get(value, {}).values() for p in lang]

    def found(self, value: str, text: str | None) -> list[str]:
        """The phrases for `value` that occur in `text` (empty when none does or the value needs none)."""
        flat = collapse(text or "")
        return [p for p, rx in self._compiled.get(value, []) if rx.search(flat)]

    def needs_words(self, value: str) -> bool:
        return value in self.phrases

    def justified(self, value: str, text: str | None) -> bool:
        return not self.needs_words(value) or bool(self.found(value, text))

    def examples(self, value: str, n: int = 2) -> list[str]:
        return self.all_phrases(value)[:n]

    def weak_phrases(self) -> list[str]:
        return [p for lang in self.not_enough.values() for p in lang]

    def expected(self, value: str) -> str:
        """What a row with this value must have, for an error message."""
        listed = ", ".join(f"'{p}'" for p in self.all_phrases(value))
        return (f"a quote with words saying {self.claim[value]} (one of: {listed}), or an empty cell when the quote "
                f"does not say ({self.empty_means})")

    def describe(self) -> str:
        """The rule in plain words, for the codebook and the Table Schema description of the column."""
        parts = []
        for value in self.phrases:
            listed = ", ".join(f"'{p}'" for p in self.all_phrases(value))
            parts.append(f"{value} only when the quote says {self.claim[value]}: it contains one of {listed}")
        weak = self.weak_phrases()
        text = "; ".join(parts) + f"; empty when the quote does not say ({self.empty_means})."
        if weak:
            text += " Not enough for true on their own: " + ", ".join(f"'{p}'" for p in weak) + "."
        return text + (f" '{GAP}' stands for up to {MAX_GAP_WORDS} words; case is ignored; mgi validate checks "
                       "the words.")


COVERAGE_RULE = WordRule(
    table="covid_responses",
    column="covers_regardless_of_status",
    claim={
        "true": "migrants are covered whatever their migration status or documents",
        "false": "coverage is limited by status or documents",
    },
    phrases={
        "true": {
            "en": (
                "regardless of … status", "irrespective of … status", "whatever their … status",
                "no matter … status", "regardless of … documents", "regardless of … documentation",
                "irrespective of … documents", "irrespective of … documentation", "without … documents",
                "without … documentation", "do not have … documents", "do not have … documentation",
                "with or without … documents", "with or without … status", "including undocumented",
                "including irregular migrants", "including … in an irregular situation",
                "documented or undocumented", "regular or irregular",
            ),
            "es": (
                "independientemente de … situación", "independientemente de … estatus", "con independencia de … situación",
                "sin importar … situación", "sea cual sea … situación", "cualquiera que sea … situación",
                "en situación irregular", "situación regular o irregular", "con o sin documentos", "sin documentos",
                "indocumentadas", "indocumentados",
            ),
            "fr": (
                "quel que soit … statut", "quelle que soit … situation", "indépendamment de … statut",
                "indépendamment de … situation", "sans distinction de … statut", "en situation irrégulière",
                "régulière ou irrégulière", "avec ou sans papiers", "avec ou sans documents", "sans papiers",
                "sans documents",
            ),
            "pt": (
                "independentemente da … situação", "independentemente do … estatuto", "seja qual for … situação",
                "qualquer que seja … situação", "em situação irregular", "regular ou irregular",
                "com ou sem documentos", "sem documentos", "indocumentados", "indocumentadas",
            ),
        },
        "false": {
            "en": (
                "in possession of", "holders of", "holder of", "who hold", "holding a", "with a valid",
                "regular migrants", "in a regular situation", "regular status", "regular migration status",
                "legally resident", "lawfully resident", "legal residents", "resident foreign nationals",
                "documented migrants", "nationals only", "only nationals", "only to nationals", "excluding",
                "excludes", "excluded", "not eligible", "as a requirement",
            ),
            "es": (
                "en situación regular", "con residencia legal", "residentes legales", "con permiso de residencia",
                "titulares de", "que cuenten con", "con documentos vigentes", "solo los nacionales", "excluye",
                "excluidos", "excluidas", "no tienen derecho", "como requisito", "residencia regular",
                "solo para los nacionales",
            ),
            "fr": (
                "en situation régulière", "résidant régulièrement", "résidents réguliers", "titulaires d’un",
                "titulaires d'un", "munis d’un", "munis d'un", "disposant d’un titre", "disposant d'un titre",
                "exclus", "exclut", "n’ont pas droit", "n'ont pas droit", "seuls les nationaux", "aux seuls",
                "réservées aux", "réservés aux", "réservée aux", "réservé aux",
            ),
            "pt": (
                "em situação regular", "residência legal", "residentes legais", "titulares de",
                "com autorização de residência", "apenas os nacionais", "excluindo", "excluídos", "não têm direito",
                "como requisito",
            ),
        },
    },
    not_enough={"en": ("on an equal footing with nationals", "every person", "all migrants", "have access"),
                "es": ("en igualdad de condiciones con los nacionales", "toda persona"),
                "fr": ("au même titre que les nationaux", "toute personne"),
                "pt": ("em igualdade de condições com os nacionais", "todas as pessoas")},
    empty_means="the profile does not say; never counted as false",
)

RULES: tuple[WordRule, ...] = (COVERAGE_RULE,)
