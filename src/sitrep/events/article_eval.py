"""Score events and transfers against hand-annotated articles (``sitrep eval events DIR``).

A gold folder holds one YAML file per article (format: ``tests/fixtures/events-gold/GUIDE.md``):
every political event the article reports, with the exact sentence that says it, its PLOVER
type (and other defensible types), actors, modality; and every arms transfer.

Matching is by evidence and meaning, not by string:

* a system event **matches** a gold event when its evidence sentence overlaps one of the gold
  event's sentences (``sentence`` or ``also_in``, or a restatement the system merged into it)
  and its type is the gold type or one of ``also_ok``;
* its **actor is right** when one of its actors has the country of a gold actor (or, for
  actors without a country, shares a name word with one);
* a system transfer matches a gold transfer when their sentences overlap and the system's
  designation and the gold ``system`` share a word (case and hyphens ignored).

Recall is reported on ``must`` events and on all events; precision counts a system event as
right when it matches any gold event (must or not). A gold event matched by several system
events counts once for recall; the extra system events are reported as duplicates. How many
``must`` events had a system event of any type in their sentence separates finding an event
from typing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sitrep.records import ActorRef, Event, Evidence, Extraction, Transfer

__all__ = [
    "ArticleGold",
    "ArticleScores",
    "article_name",
    "format_article_scores",
    "gold_files",
    "read_gold",
    "score",
]

_WORD = re.compile(r"[a-z0-9]+")


@dataclass(slots=True)
class GoldEvent:
    what: str
    spans: list[tuple[int, int]]  # character spans of its sentences in the document text
    types: frozenset[str]
    must: bool
    modality: str | None
    actors: list[dict[str, Any]]
    recipients: list[dict[str, Any]]


@dataclass(slots=True)
class GoldTransfer:
    what: str
    spans: list[tuple[int, int]]
    must: bool
    system: str
    supplier: str | None
    recipient: str | None
    kind: str | None
    status: str | None


@dataclass(slots=True)
class ArticleGold:
    file: str  # the article's name (newswire file stem)
    path: Path  # the gold file
    events: list[GoldEvent]
    transfers: list[GoldTransfer]


@dataclass(slots=True)
class ArticleScores:
    articles: int = 0
    gold_events: int = 0
    gold_must: int = 0
    found: int = 0  # gold events matched
    found_must: int = 0
    found_must_actor: int = 0  # must events matched with a right actor
    detected_must: int = 0  # must events with a system event of any type in their sentence
    system_events: int = 0
    correct_system: int = 0  # system events matching some gold event
    duplicates: int = 0
    modality_right: int = 0  # among found gold events
    gold_transfers: int = 0
    gold_must_transfers: int = 0
    found_transfers: int = 0
    found_must_transfers: int = 0
    transfer_parties_right: int = 0  # among found transfers: supplier and recipient
    transfer_status_right: int = 0
    system_transfers: int = 0
    correct_transfers: int = 0
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # (file, what, said)
    spurious: list[tuple[str, str, str]] = field(default_factory=list)  # (file, type, sentence)
    # (file, what, gold actors, system actors) of found must events with no right actor
    wrong_actor: list[tuple[str, str, str, str]] = field(default_factory=list)
    # transfers: (file, gold what) missed; (file, system transfer) matching no gold one;
    # (file, gold what, gold supplier > recipient status, system's) found with a wrong field
    missed_transfers: list[tuple[str, str]] = field(default_factory=list)
    spurious_transfers: list[tuple[str, str]] = field(default_factory=list)
    wrong_transfer: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def must_recall(self) -> float:
        return self.found_must / self.gold_must if self.gold_must else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold_events if self.gold_events else 0.0

    @property
    def precision(self) -> float:
        return self.correct_system / self.system_events if self.system_events else 0.0

    @property
    def transfer_recall(self) -> float:
        if not self.gold_must_transfers:
            return 0.0
        return self.found_must_transfers / self.gold_must_transfers


def gold_files(folder: Path) -> list[Path]:
    """The gold files of a folder (``draw.yaml``, the list of drawn articles, is not one)."""
    return [p for p in sorted(folder.glob("*.yaml")) if p.name != "draw.yaml"]


def article_name(gold_file: Path) -> str:
    raw = yaml.safe_load(gold_file.read_text(encoding="utf-8")) or {}
    return str(raw.get("file") or gold_file.stem)


def read_gold(gold_file: Path, text: str) -> ArticleGold:
    """One article's gold records, their sentences located in ``text`` (the article as sitrep
    reads it); a sentence that is not in the text is an annotation error (ValueError)."""
    raw = yaml.safe_load(gold_file.read_text(encoding="utf-8")) or {}
    gold = ArticleGold(str(raw.get("file") or gold_file.stem), gold_file, [], [])
    for item in raw.get("events") or []:
        gold.events.append(
            GoldEvent(
                what=str(item.get("what", "")),
                spans=_spans(text, item),
                types=frozenset([str(item["event_type"]), *map(str, item.get("also_ok") or [])]),
                must=bool(item.get("must")),
                modality=item.get("modality"),
                actors=list(item.get("actor") or []),
                recipients=list(item.get("recipient") or []),
            )
        )
    for item in raw.get("transfers") or []:
        gold.transfers.append(
            GoldTransfer(
                what=str(item.get("what", "")),
                spans=_spans(text, item),
                must=bool(item.get("must")),
                system=str(item.get("system") or ""),
                supplier=(item.get("supplier") or {}).get("country"),
                recipient=(item.get("recipient") or {}).get("country"),
                kind=item.get("kind"),
                status=item.get("status"),
            )
        )
    return gold


def _spans(text: str, item: dict[str, Any]) -> list[tuple[int, int]]:
    out = []
    for sentence in [item.get("sentence"), *(item.get("also_in") or [])]:
        if not sentence:
            continue
        start = text.find(str(sentence))
        if start < 0:
            raise ValueError(f"gold sentence not in the article text: {sentence!r}")
        out.append((start, start + len(str(sentence))))
    return out


def _evidence_spans(evidences: Iterable[Evidence]) -> list[tuple[int, int]]:
    return [(e.sentence_start, e.sentence_start + len(e.sentence)) for e in evidences]


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _words(text: str | None) -> set[str]:
    return set(_WORD.findall((text or "").lower()))


def _actor_right(system: list[ActorRef], gold: list[dict[str, Any]]) -> bool:
    if not gold:
        return True
    for ref in system:
        for item in gold:
            country = item.get("country")
            if country and ref.country == country:
                return True
            name = str(item.get("name", ""))
            if not country and (_same_name(ref.name, name) or _named_by_id(ref, name)):
                return True
    return False


def _named_by_id(ref: ActorRef, gold: str) -> bool:
    """The gold name is the id of the entity found: "IGAD" for ``org:igad``, the
    Intergovernmental Authority on Development."""
    return bool(ref.entity_id) and ref.entity_id.partition(":")[2] == gold.strip().lower()


def _same_name(system: str, gold: str) -> bool:
    """A shared word, or one name the acronym of the other ("OECD")."""
    if _words(system) & _words(gold):
        return True
    initials = "".join(w[0] for w in _WORD.findall(system.lower()) if w not in _SMALL)
    return bool(initials) and initials in _words(gold)


_SMALL = frozenset({"of", "the", "for", "and", "on", "in", "de", "du", "la"})


def _same_system(system: str, gold: str) -> bool:
    def norm(text: str) -> set[str]:
        return {w for w in _words(text.replace("-", "")) if len(w) > 1} | _words(text)

    return bool(norm(system) & norm(gold))


def score(pairs: Iterable[tuple[ArticleGold, Extraction]]) -> ArticleScores:
    """Score each article's extraction against its gold records (see the module docstring)."""
    scores = ArticleScores()
    for gold, extraction in pairs:
        scores.articles += 1
        _score_events(scores, gold, extraction.events)
        _score_transfers(scores, gold, extraction.transfers)
    return scores


def _score_events(scores: ArticleScores, gold: ArticleGold, events: list[Event]) -> None:
    scores.gold_events += len(gold.events)
    scores.gold_must += sum(g.must for g in gold.events)
    scores.system_events += len(events)
    matched_by: dict[int, list[Event]] = {}
    for event in events:
        spans = _evidence_spans([event.evidence, *event.also_in])
        hits = [
            i
            for i, g in enumerate(gold.events)
            if event.event_type in g.types and _overlaps(spans, g.spans)
        ]
        if not hits:
            scores.spurious.append((gold.file, event.event_type, event.evidence.sentence))
            continue
        scores.correct_system += 1
        # the first gold event not matched yet takes it; else it is a duplicate
        free = [i for i in hits if i not in matched_by]
        if free:
            matched_by[free[0]] = [event]
        else:
            scores.duplicates += 1
            matched_by[hits[0]].append(event)
    for i, g in enumerate(gold.events):
        found = matched_by.get(i)
        if g.must and any(
            _overlaps(_evidence_spans([e.evidence, *e.also_in]), g.spans) for e in events
        ):
            scores.detected_must += 1
        if not found:
            said = [
                f"{e.event_type}({e.evidence.trigger})"
                for e in events
                if _overlaps(_evidence_spans([e.evidence, *e.also_in]), g.spans)
            ]
            label = f"{'must ' if g.must else ''}{'/'.join(sorted(g.types))}: {g.what}"
            scores.missed.append((gold.file, label, ", ".join(said) or "nothing"))
            continue
        scores.found += 1
        if any(e.modality == g.modality for e in found):
            scores.modality_right += 1
        if g.must:
            scores.found_must += 1
            if any(_actor_right(e.actor, g.actors) for e in found):
                scores.found_must_actor += 1
            else:
                wanted = ", ".join(f"{a.get('name')} ({a.get('country')})" for a in g.actors)
                said = "; ".join(
                    ", ".join(f"{r.name} ({r.country})" for r in e.actor) or "none" for e in found
                )
                scores.wrong_actor.append((gold.file, g.what, wanted, said))


def _score_transfers(scores: ArticleScores, gold: ArticleGold, transfers: list[Transfer]) -> None:
    scores.gold_transfers += len(gold.transfers)
    scores.gold_must_transfers += sum(t.must for t in gold.transfers)
    scores.system_transfers += len(transfers)
    taken: set[int] = set()
    for transfer in transfers:
        spans = _evidence_spans([transfer.evidence, *(f.evidence for f in transfer.facts)])
        hit = next(
            (
                i
                for i, g in enumerate(gold.transfers)
                if i not in taken
                and _overlaps(spans, g.spans)
                and _same_system(transfer.system, g.system)
            ),
            None,
        )
        if hit is None:
            sentence = " ".join(transfer.evidence.sentence.split())
            said = f"{transfer.system}: {_transfer_fields(transfer)} | {sentence}"
            scores.spurious_transfers.append((gold.file, said))
            continue
        taken.add(hit)
        g = gold.transfers[hit]
        scores.correct_transfers += 1
        scores.found_transfers += 1
        scores.found_must_transfers += g.must
        parties = transfer.supplier == g.supplier and transfer.recipient == g.recipient
        scores.transfer_parties_right += parties
        scores.transfer_status_right += transfer.status == g.status
        if not parties or transfer.status != g.status:
            wanted, said = _transfer_fields(g), _transfer_fields(transfer)
            scores.wrong_transfer.append((gold.file, g.what, wanted, said))
    for i, g in enumerate(gold.transfers):
        if i not in taken:
            scores.missed_transfers.append((gold.file, f"{'must ' if g.must else ''}{g.what}"))


def _transfer_fields(transfer: Transfer | GoldTransfer) -> str:
    """ "RUS > IND ordered": supplier, recipient and status as the error lists print them."""
    return f"{transfer.supplier or '?'} > {transfer.recipient or '?'} {transfer.status or '-'}"


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.1%} ({part}/{whole})" if whole else "n/a (0)"


def format_article_scores(scores: ArticleScores, *, errors: bool = False) -> str:
    s = scores
    lines = [
        f"articles: {s.articles}",
        f"events   must recall {_pct(scores.found_must, scores.gold_must)}   "
        f"all recall {_pct(scores.found, scores.gold_events)}   "
        f"precision {_pct(scores.correct_system, scores.system_events)}",
        f"         must events detected with any type {_pct(s.detected_must, s.gold_must)}"
        f"   right actor on found must events {_pct(s.found_must_actor, s.found_must)}"
        f"   modality right on found {_pct(scores.modality_right, scores.found)}"
        f"   duplicates {scores.duplicates}",
        f"transfers must recall {_pct(scores.found_must_transfers, scores.gold_must_transfers)}"
        f"   all recall {_pct(scores.found_transfers, scores.gold_transfers)}"
        f"   precision {_pct(scores.correct_transfers, scores.system_transfers)}",
        f"         supplier+recipient right {_pct(s.transfer_parties_right, s.found_transfers)}"
        f"   status right {_pct(scores.transfer_status_right, scores.found_transfers)}",
    ]
    if errors:
        lines += ["", "missed gold events:"]
        lines += [f"  {file}: {what}  [system: {said}]" for file, what, said in scores.missed]
        lines += ["", "system events matching no gold event:"]
        lines += [f"  {file}: {kind} | {sentence}" for file, kind, sentence in scores.spurious]
        lines += ["", "found must events with no right actor (gold | system):"]
        lines += [f"  {f}: {what}: {gold} | {said}" for f, what, gold, said in scores.wrong_actor]
        lines += ["", "missed gold transfers:"]
        lines += [f"  {file}: {what}" for file, what in scores.missed_transfers]
        lines += ["", "system transfers matching no gold transfer:"]
        lines += [f"  {file}: {said}" for file, said in scores.spurious_transfers]
        lines += ["", "found transfers with wrong parties or status (gold | system):"]
        lines += [
            f"  {f}: {what}: {gold} | {said}" for f, what, gold, said in scores.wrong_transfer
        ]
    return "\n".join(lines)
