"""Actor resolution scored against PLOVER gold records: country and sector of each actor.

Each gold record gives a sentence and its ``source``/``target`` actors (``actorText``,
``code``, ``sector``). We run the pipeline with the actor stage on the sentence (the record's
``date`` as document date), find the mention that covers ``actorText`` and compare the
resolved entity's country and primary sector with the gold codes.

How the gold codes are read (the PLOVER GSR file follows CAMEO in places):
- ``code``: ISO 3166 alpha-3, with three CAMEO-era codes mapped (JAP -> JPN, ITL -> ITA,
  VTN -> VNM). The manual's non-state international codes are scored like countries:
  ``IGO`` (an international organisation, or a phrase owned by one, "UN peacekeepers"),
  ``NGO`` (an entity with sector NGO: "Amnesty International", "a human rights group"),
  ``IMG`` (a transnational militarized group: al-Qaeda), ``ISM`` and ``MNC``. Actors
  without a code are counted in ``country_skipped``.
- ``sector``: the first three letters are the primary sector ("CVLalb" -> CVL, "REFKUR" ->
  REF). No sector (the state as a whole) and "***" (unknown) are not scored. "CIV" is read as
  CVL (a typo in the file); CAMEO religion codes (MOS, CHR ...) as REL. The file uses CAMEO's
  JRN for media and MED for health, as PLOVER does, so they are compared as they are.
- Our prediction for an entity: its country, or "IGO"; its first sector that is not "IGO",
  or GOV for an international organisation with no other sector (PLOVER's "IGO GOV").
  When the covering entity has no country (a bare "rebels"), the country of another mention
  inside the actor text is used ("rebels in Darfur").
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.records import Entity, Mention

GoldPart = Literal["all", "tune", "check"]
CAMEO_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# PLOVER's non-state international "countries" (manual, "Non-state international actors")
# that our entities carry as a sector; UNO and EUR are folded into IGO, as the gold file does.
NONSTATE_CODES = ("NGO", "IMG", "ISM", "MNC")
CAMEO_RELIGION_CODES = frozenset({"MOS", "CHR", "JEW", "HIN", "BUD", "SHI", "SUN"})
SECTOR_TYPOS = {"CIV": "CVL"}
# Which covering mention stands for the actor: the head of an English noun phrase is a person
# or an institution more often than the country or place named inside it.
_KIND_RANK = {"person": 5, "organisation": 4, "group": 4, "country": 2, "place": 1}


@dataclass(slots=True)
class ActorError:
    record: str
    side: str
    text: str
    gold_country: str | None
    gold_sector: str | None
    country: str | None
    sector: str | None
    mention: str | None


@dataclass(slots=True)
class ActorScores:
    actors: int = 0
    country_correct: int = 0
    country_total: int = 0
    country_skipped: int = 0
    sector_correct: int = 0
    sector_total: int = 0
    sector_skipped: int = 0
    not_found: int = 0  # actor text not located in the sentence (not scored)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, predicted)
    errors: list[ActorError] = field(default_factory=list)

    @property
    def country_accuracy(self) -> float:
        return self.country_correct / self.country_total if self.country_total else 0.0

    @property
    def sector_accuracy(self) -> float:
        return self.sector_correct / self.sector_total if self.sector_total else 0.0


def plover_codes(entity: Entity | None) -> tuple[str | None, str | None]:
    """(country code, primary sector) of an entity as PLOVER writes an actor."""
    if entity is None:
        return None, None
    igo = (
        entity.id.startswith("igo:")
        or str(entity.attributes.get("organisation", "")).startswith("igo:")
        or "IGO" in entity.sector  # forces of an unnamed mandate: "a peacekeeping force"
    )
    # PLOVER writes non-state international actors in the country field: IGO, NGO, IMG ...
    special = next((code for code in NONSTATE_CODES if code in entity.sector), None)
    country = entity.country or ("IGO" if igo else special)
    sectors = [s for s in entity.sector if s != "IGO" and s not in NONSTATE_CODES]
    # A non-governmental organisation of one country is civil society there (PLOVER SOC).
    domestic_ngo = special == "NGO" and entity.country is not None
    sector = sectors[0] if sectors else ("GOV" if igo else "SOC" if domestic_ngo else None)
    return country, sector


def gold_country(code: str | None) -> str | None:
    """The gold code to score against, or None when it is not scored."""
    if not code:
        return None
    return CAMEO_COUNTRY_CODES.get(code, code)


def gold_sector(sector: str | None) -> str | None:
    if not sector or sector.startswith("*"):
        return None
    primary = sector[:3].upper()
    if primary in CAMEO_RELIGION_CODES:
        return "REL"
    return SECTOR_TYPOS.get(primary, primary)


def locate(text: str, actor_text: str) -> tuple[int, int] | None:
    """Where the actor text is in the sentence: exactly, ignoring case, or from its pieces
    around an ellipsis ("U.S. ... negotiators")."""
    actor_text = actor_text.strip()
    for haystack, needle in ((text, actor_text), (text.lower(), actor_text.lower())):
        at = haystack.find(needle)
        if at >= 0:
            return at, at + len(needle)
    pieces = [p.strip() for p in actor_text.replace("..", "…").split("…") if p.strip(". ")]
    pieces = [p.strip(". ") for p in pieces]
    if len(pieces) > 1:
        first = text.find(pieces[0])
        last = text.find(pieces[-1], max(first, 0))
        if first >= 0 and last >= 0:
            return first, last + len(pieces[-1])
    return None


def actor_for(
    span: tuple[int, int], mentions: list[Mention], entities: dict[str, Entity], text: str
) -> tuple[Entity | None, Mention | None, str | None]:
    """(head entity, its mention, country read from the other mentions) for an actor span.

    The head is the covering mention of the highest kind (person, then organisation or
    group, then country, then place); among equals the first, since what follows it is
    usually a modifier ("workers of the United Bus Company"). A mention inside a hyphenated
    modifier ("NATO-member Norway") or a possessor before another mention ("Djindjic's
    opposition coalition") is never the head. When nothing covers the actor text and
    a name follows it, the text is that person's title ("U.S. negotiator Paul Nitze").
    """
    start, end = span
    known = [m for m in mentions if m.entity_id in entities]
    covering = [m for m in known if m.start < end and start < m.end]
    if not covering:
        following = [m for m in known if end <= m.start <= end + 2]
        following = [m for m in following if entities[m.entity_id or ""].kind == "person"]
        if not following:
            return None, None, None
        covering = following[:1]

    def modifies_next(m: Mention) -> bool:
        """ "Zoran Djindjic's opposition coalition", "the Bush administration": a possessor or
        a name written right before another covering mention modifies it; the head comes
        last, as in any English noun phrase."""
        for gap in ("'s ", "’s ", "' ", " "):
            if text.startswith(gap, m.end):
                return any(o.start == m.end + len(gap) for o in covering)
        return False

    def rank(m: Mention) -> tuple[int, int]:
        entity = entities[m.entity_id or ""]
        if text[m.end : m.end + 1] == "-" or modifies_next(m):
            return -1, -m.start
        return _KIND_RANK.get(entity.kind, 0), -m.start

    head = max(covering, key=rank)
    countries = (entities[m.entity_id or ""].country for m in covering)
    fallback = next((c for c in countries if c), None)
    return entities[head.entity_id or ""], head, fallback


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The gold event records (the file's DOCUMENT entries dropped)."""
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]


def in_part(record_id: str, part: GoldPart) -> bool:
    """Whether a record belongs to a fixed half of the gold file.

    The same split as the event stage's (``sitrep.events.evaluate.split_gold``: the first
    byte of the SHA-1 of the record id, even -> "tune", odd -> "check"), so that both stages
    read errors on one half and report the other as held out.
    """
    if part == "all":
        return True
    want = 0 if part == "tune" else 1
    return hashlib.sha1(record_id.encode()).digest()[0] % 2 == want


def _annotate(
    nlp: Language, records: list[dict[str, Any]], gazetteers: list[str] | None
) -> list[Doc]:
    from sitrep.actors.stage import ActorStage

    docs = []
    for record in records:
        doc = nlp.make_doc(record["text"])
        doc._.dct = str(record.get("date") or "")[:10] or None
        docs.append(doc)
    docs = list(nlp.pipe(docs))
    if not any(isinstance(component, ActorStage) for _name, component in nlp.pipeline):
        stage = ActorStage(nlp, "sitrep_actors_v1", gazetteers=gazetteers)
        docs = [stage(doc) for doc in docs]
    return docs


def evaluate_actors(
    gold_path: Path | str,
    nlp: Language,
    gazetteers: list[str] | None = None,
    part: GoldPart = "all",
) -> ActorScores:
    """Score actor country and sector on a PLOVER gold file (or one half of it, ``part``).

    ``nlp`` is a pipeline with the English model; if it lacks the actor stage, one (with the
    user ``gazetteers``, if given) is run after it for the evaluation.
    """
    from sitrep.nlp.extensions import register_extensions

    register_extensions()
    records = [r for r in load_gold(Path(gold_path)) if in_part(str(r.get("id", "")), part)]
    scores = ActorScores()
    for record, doc in zip(records, _annotate(nlp, records, gazetteers), strict=True):
        entities = {e.id: e for e in doc._.entities or []}
        for side in ("source", "target"):
            actors = record.get(side)
            if not isinstance(actors, list):
                continue
            for actor in actors:
                _score_actor(scores, record, side, actor, doc, entities)
    return scores


def _score_actor(
    scores: ActorScores,
    record: dict[str, Any],
    side: str,
    actor: dict[str, Any],
    doc: Doc,
    entities: dict[str, Entity],
) -> None:
    scores.actors += 1
    span = locate(doc.text, actor.get("actorText", ""))
    if span is None:
        scores.not_found += 1
        return
    entity, mention, fallback = actor_for(span, doc._.mentions or [], entities, doc.text)
    country, sector = plover_codes(entity)
    country = country or fallback
    want_country = gold_country(actor.get("code"))
    want_sector = gold_sector(actor.get("sector"))
    wrong = False
    if want_country is None:
        scores.country_skipped += 1
    else:
        scores.country_total += 1
        if country == want_country:
            scores.country_correct += 1
        else:
            wrong = True
    if want_sector is None:
        scores.sector_skipped += 1
    else:
        scores.sector_total += 1
        scores.confusion[(want_sector, sector or "-")] += 1
        if sector == want_sector:
            scores.sector_correct += 1
        else:
            wrong = True
    if wrong:
        scores.errors.append(
            ActorError(
                record=str(record.get("id")),
                side=side,
                text=actor.get("actorText", ""),
                gold_country=want_country,
                gold_sector=want_sector,
                country=country,
                sector=sector,
                mention=mention.text if mention else None,
            )
        )


def format_actor_scores(scores: ActorScores, max_errors: int = 40) -> str:
    """A plain-text report: accuracies with counts, sector confusion, the first errors."""
    lines = [
        f"actors: {scores.actors} (actor text not found in sentence: {scores.not_found})",
        f"country accuracy: {scores.country_accuracy:.1%} "
        f"({scores.country_correct}/{scores.country_total}; "
        f"not scored: {scores.country_skipped} without a code)",
        f"sector accuracy:  {scores.sector_accuracy:.1%} "
        f"({scores.sector_correct}/{scores.sector_total}; "
        f"not scored: {scores.sector_skipped} without a gold sector or '***')",
        "sector confusion (gold -> predicted: count):",
    ]
    by_gold: dict[str, Counter[str]] = {}
    for (gold, predicted), count in scores.confusion.items():
        by_gold.setdefault(gold, Counter())[predicted] += count
    for gold, predicted in sorted(by_gold.items(), key=lambda kv: -sum(kv[1].values())):
        total = sum(predicted.values())
        right = predicted.get(gold, 0)
        others = ", ".join(f"{p} {n}" for p, n in predicted.most_common() if p != gold)
        lines.append(f"  {gold}: {right}/{total} right" + (f"; {others}" if others else ""))
    if scores.errors:
        lines.append(f"errors ({len(scores.errors)}, first {min(max_errors, len(scores.errors))}):")
        for error in scores.errors[:max_errors]:
            lines.append(
                f"  {error.record} {error.side} {error.text!r}: gold {error.gold_country} "
                f"{error.gold_sector}, got {error.country} {error.sector} "
                f"(mention {error.mention!r})"
            )
    return "\n".join(lines)
