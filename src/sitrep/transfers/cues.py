"""The cue lexicon of the transfer stage, loaded from ``data/transfer_cues.yaml``.

The YAML file holds the words (what news says when a deal is signed, delayed or delivered);
this module compiles them once into regular expressions and small lookup sets, and answers
the questions the stage asks of one sentence: which status does it state, which kind cues
does it contain, is it about a transfer at all, what reason does it give for a delay.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitrep.errors import ConfigError, E

CUES_PATH = Path(__file__).resolve().parent / "data" / "transfer_cues.yaml"

KINDS: tuple[str, ...] = (
    "purchase",
    "licensed-production",
    "co-development",
    "spares",
    "lease",
    "aid",
)
STATUSES: tuple[str, ...] = (
    "planned",
    "negotiating",
    "ordered",
    "delayed",
    "delivering",
    "delivered",
    "cancelled",
)


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A cue found in a sentence: what it signals and where (offsets within the sentence)."""

    label: str  # a status, a kind, or "transfer"/"value"/"due"
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Roles:
    """Lemmas that tell, from the parse, who supplies and who receives."""

    recipient_verbs: frozenset[str]
    supplier_verbs: frozenset[str]
    transfer_nouns: frozenset[str]
    supplier_nouns: frozenset[str]
    buyer_nouns: frozenset[str]
    service_nouns: frozenset[str]
    replaced_verbs: frozenset[str]


def _compile(patterns: Iterable[str]) -> re.Pattern[str]:
    # Word edges around each alternative: "lease" must not match inside "release".
    joined = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![^\W_])(?:{joined})(?![^\W_])", re.IGNORECASE)


@dataclass(frozen=True)
class CueLexicon:
    """Compiled cues; build with :func:`load_cues`."""

    statuses: tuple[tuple[str, re.Pattern[str]], ...]  # sentence precedence order
    lifecycle: dict[str, int]
    article_precedence: tuple[str, ...]
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    transfer: re.Pattern[str]
    value: re.Pattern[str]
    due_prepositions: tuple[str, ...]  # longest first
    due: re.Pattern[str]
    due_after: re.Pattern[str]  # matches at the end of the text before a date
    delivery: re.Pattern[str]
    reason: re.Pattern[str]
    reason_labels: tuple[tuple[str, re.Pattern[str]], ...]
    roles: Roles
    batch_words: frozenset[str]
    reporting: re.Pattern[str]  # matches at the end of the text before a date
    superseded: re.Pattern[str]

    def status_of(self, sentence: str) -> CueMatch | None:
        """The status a sentence states: the first status in file order with a matching cue."""
        for status, pattern in self.statuses:
            for found in pattern.finditer(sentence):
                if _NEGATED.search(sentence, 0, found.start()):
                    continue  # "has not been delivered", "was never cancelled"
                return CueMatch(status, found.start(), found.end(), found.group())
        return None

    def statuses_in(self, sentence: str) -> list[CueMatch]:
        """Every status a sentence states, in text order; where two cues overlap, the one
        earlier in file order wins ("first batch arrived" over "arrived")."""
        found: list[CueMatch] = []
        for status, pattern in self.statuses:
            for match in pattern.finditer(sentence):
                if _NEGATED.search(sentence, 0, match.start()):
                    continue
                if any(c.start < match.end() and match.start() < c.end for c in found):
                    continue
                found.append(CueMatch(status, match.start(), match.end(), match.group()))
        return sorted(found, key=lambda c: c.start)

    def kind_cues(self, sentence: str) -> list[CueMatch]:
        found = [
            CueMatch(kind, m.start(), m.end(), m.group())
            for kind, pattern in self.kinds
            for m in pattern.finditer(sentence)
        ]
        return sorted(found, key=lambda c: c.start)

    def transfer_cue(self, sentence: str) -> CueMatch | None:
        """The first word that makes a sentence about a transfer (deal, delivery, order ...)."""
        found = self.transfer.search(sentence)
        return CueMatch("transfer", found.start(), found.end(), found.group()) if found else None

    def reasons(self, sentence: str) -> Iterator[tuple[str, int, int]]:
        """Causes given in a sentence ("due to the pandemic"): phrase and its span."""
        for found in self.reason.finditer(sentence):
            phrase = found.group("reason").strip()
            if phrase:
                yield phrase, found.start("reason"), found.start("reason") + len(phrase)

    def reason_label(self, phrase: str) -> str:
        """A short label for a cause: "coronavirus COVID-19 pandemic" -> "COVID-19 pandemic"."""
        for label, pattern in self.reason_labels:
            if pattern.search(phrase):
                return label
        return _strip_determiner(phrase)

    def rank(self, status: str | None) -> int:
        return self.lifecycle.get(status, -1) if status else -1

    def article_order(self, status: str | None) -> int:
        """Position in :attr:`article_precedence` (lower wins); unknown statuses last."""
        if status in self.article_precedence:
            return self.article_precedence.index(status)
        return len(self.article_precedence)


# A negation up to two words before a status cue cancels it; it must end right where the
# cue starts, which the caller ensures by searching the text before the cue.
_NEGATED = re.compile(r"\b(?:not|never|n't|yet to|no|without)(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
_DETERMINERS = re.compile(r"^(?:the|a|an|its|their|this|that)\s+", re.IGNORECASE)


def _strip_determiner(phrase: str) -> str:
    return _DETERMINERS.sub("", phrase).strip()


def _require(data: dict[str, Any], key: str, path: Path) -> Any:
    if key not in data:
        raise ConfigError(E.BAD_OPTION, option=str(path), reason=f"missing section {key!r}")
    return data[key]


def _lemmas(roles: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in roles.get(key, []))


@functools.lru_cache(maxsize=4)
def load_cues(path: Path = CUES_PATH) -> CueLexicon:
    """The cue lexicon from ``path`` (the shipped file by default), compiled once."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    statuses = tuple(
        (str(entry["status"]), _compile(entry["cues"]))
        for entry in _require(data, "statuses", path)
    )
    unknown = {s for s, _ in statuses} - set(STATUSES)
    kinds = tuple((str(k), _compile(v)) for k, v in _require(data, "kinds", path).items())
    unknown |= {k for k, _ in kinds} - set(KINDS)
    if unknown:
        raise ConfigError(
            E.BAD_OPTION, option=str(path), reason=f"unknown status or kind: {sorted(unknown)}"
        )
    prepositions = sorted(data.get("due_prepositions", ["by"]), key=len, reverse=True)
    reason_cues = "|".join(re.escape(c) for c in sorted(data["reason_cues"], key=len, reverse=True))
    roles = data.get("roles", {})
    return CueLexicon(
        statuses=statuses,
        lifecycle={str(k): int(v) for k, v in _require(data, "lifecycle", path).items()},
        article_precedence=tuple(_require(data, "article_precedence", path)),
        kinds=kinds,
        transfer=_compile(_require(data, "transfer_cues", path)),
        value=_compile(_require(data, "value_cues", path)),
        due_prepositions=tuple(str(p) for p in prepositions),
        due=_compile(data.get("due_cues", [])),
        due_after=re.compile(
            rf"\b(?:{'|'.join(data.get('due_after', ['pushed back to']))})\s+(?:the\s+)?$",
            re.IGNORECASE,
        ),
        delivery=_compile(data.get("delivery_words", [])),
        # The cause runs to the end of the clause: a comma, semicolon, full stop or "but".
        reason=re.compile(
            rf"\b(?:{reason_cues})\s+(?P<reason>[^,;.()]+?)(?=\s*(?:[,;.()]|\bbut\b|\band\b|$))",
            re.IGNORECASE,
        ),
        reason_labels=tuple(
            (str(entry["label"]), re.compile(entry["pattern"], re.IGNORECASE))
            for entry in data.get("reason_labels", [])
        ),
        roles=Roles(
            recipient_verbs=_lemmas(roles, "recipient_verbs"),
            supplier_verbs=_lemmas(roles, "supplier_verbs"),
            transfer_nouns=_lemmas(roles, "transfer_nouns"),
            supplier_nouns=_lemmas(roles, "supplier_nouns"),
            buyer_nouns=_lemmas(roles, "buyer_nouns"),
            service_nouns=_lemmas(roles, "service_nouns"),
            replaced_verbs=_lemmas(roles, "replaced_verbs"),
        ),
        batch_words=frozenset(str(w).lower() for w in data.get("batch_words", [])),
        # "said on Tuesday", "told reporters on Monday": up to three words in between.
        reporting=re.compile(
            rf"\b(?:{'|'.join(map(re.escape, data.get('reporting_verbs', ['said'])))})\b"
            r"(?:\s+\w+){0,3}\s*$",
            re.IGNORECASE,
        ),
        superseded=_compile(data.get("superseded_cues", [])),
    )
