"""Score story linking against gold stories with pairwise precision and recall.

A gold file (``tests/fixtures/story-corpus/gold.yaml``) names stories and, for each, the
mentions that report it: a file, an anchor (words of the sentence), the event type and
claim, and the arguments a careful coder gives the sentence. Two ways to score:

* hand-coded: the gold mentions become Event records themselves, so only the linker is
  measured (it cannot be blamed for what extraction misses);
* pipeline: events the pipeline extracts are mapped to the gold mention whose file, anchor,
  type and kind of claim they share; the rest are not part of the gold and are left out.

Pairwise: every two mapped events are a pair; a pair is predicted when both are in one
story, true when both are in one gold story (the usual measure for coreference clusters).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from sitrep.events.intensity import intensity_of, quad_of
from sitrep.records import ActorRef, Amount, Document, Event, Evidence, TimeExpression
from sitrep.stories.reports import MODALITY_FAMILY
from sitrep.time.intervals import value_interval

# A sentence ends at . ! ? (and a closing quote) before a space and a capital or quote, but
# not after a title or an initial ("Mr. Singh", "U.S. Defense").
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[\"“A-Z])")
_ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|St|No)|\b[A-Z])\.$")


@dataclass(frozen=True, slots=True)
class GoldMention:
    story: str
    file: str
    anchor: str
    event_type: str
    modality: str = "asserted"
    mode: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()  # "Name/ISO3"
    recipient: tuple[str, ...] = ()
    location: str | None = None
    time: str | None = None  # TIMEX3 value
    amount: tuple[Any, ...] | None = None  # (value, currency, text)


@dataclass(frozen=True, slots=True)
class PairScores:
    precision: float
    recall: float
    gold_pairs: int
    predicted_pairs: int
    correct_pairs: int
    mentions: int  # mentions scored

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_gold(path: Path) -> list[GoldMention]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    mentions = []
    for story, entry in data["stories"].items():
        for m in entry["mentions"]:
            mentions.append(
                GoldMention(
                    story=story,
                    file=m["file"],
                    anchor=m["anchor"],
                    event_type=m["type"],
                    modality=m.get("modality", "asserted"),
                    mode=tuple(m.get("mode", ())),
                    actor=tuple(m.get("actor", ())),
                    recipient=tuple(m.get("recipient", ())),
                    location=m.get("location"),
                    time=m.get("time"),
                    amount=tuple(m["amount"]) if m.get("amount") else None,
                )
            )
    return mentions


def read_corpus(folder: Path) -> dict[str, Document]:
    """The corpus's articles by file name."""
    from sitrep.readers import read_text

    documents = {}
    for path in sorted(folder.glob("*.txt")):
        document = read_text(path.read_text(encoding="utf-8"), source=str(path))
        if isinstance(document, Exception):
            raise document
        documents[path.name] = document
    return documents


def sentence_at(text: str, position: int) -> tuple[int, int]:
    """The sentence around ``position``: (start, end) offsets."""
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        if not _ABBREVIATIONS.search(text[: match.start()]):
            starts.append(match.end())
    start = max(s for s in starts if s <= position)
    later = [s for s in starts if s > position]
    end = later[0] if later else len(text)
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _refs(coded: tuple[str, ...]) -> list[ActorRef]:
    refs = []
    for item in coded:
        name, _, country = item.rpartition("/")
        refs.append(ActorRef(None, name, country or None, ["GOV"]))
    return refs


def hand_coded_event(mention: GoldMention, document: Document) -> Event:
    """The gold mention as the Event record a careful coder would write."""
    position = document.text.index(mention.anchor)
    start, end = sentence_at(document.text, position)
    time = None
    if mention.time:
        span = value_interval(mention.time)
        earliest, latest = (span[0].isoformat(), span[1].isoformat()) if span else (None, None)
        time = TimeExpression(mention.time, 0, 0, "DATE", mention.time, earliest, latest)
    amount = None
    if mention.amount:
        value, currency, text = mention.amount
        usd = float(value) if currency == "USD" else None
        amount = Amount(float(value), currency, text, usd=usd)
    return Event(
        event_type=mention.event_type,
        evidence=Evidence(document.id, start, end, document.text[start:end], start),
        mode=list(mention.mode),
        modality=mention.modality,
        actor=_refs(mention.actor),
        recipient=_refs(mention.recipient),
        location=mention.location,
        time=time,
        time_source="expression" if time else "document",
        amount=amount,
        quad=quad_of(mention.event_type),
        intensity=intensity_of(mention.event_type, list(mention.mode)),
    )


def gold_for(file: str, event: Event, gold: list[GoldMention]) -> GoldMention | None:
    """The gold mention an extracted event reports: same file, the anchor in its sentence,
    the same type and kind of claim."""
    family = MODALITY_FAMILY.get(event.modality, event.modality)
    sentence = " ".join(event.evidence.sentence.split())
    for mention in gold:
        if (
            mention.file == file
            and mention.anchor in sentence
            and mention.event_type == event.event_type
            and MODALITY_FAMILY.get(mention.modality, mention.modality) == family
            # a visit and a meeting told in one sentence: the mode tells them apart
            and ("visit" in mention.mode) == ("visit" in event.mode)
        ):
            return mention
    return None


def pairwise[K: Hashable](predicted: Mapping[K, str], gold: Mapping[K, str]) -> PairScores:
    """Pairwise precision and recall of ``predicted`` clusters against ``gold`` ones, over
    the keys both have (a story of one predicted or gold makes no pair)."""
    keys = sorted(set(predicted) & set(gold), key=repr)
    gold_pairs = predicted_pairs = correct = 0
    for a, b in combinations(keys, 2):
        same_gold = gold[a] == gold[b]
        same_predicted = predicted[a] == predicted[b]
        gold_pairs += same_gold
        predicted_pairs += same_predicted
        correct += same_gold and same_predicted
    return PairScores(
        precision=correct / predicted_pairs if predicted_pairs else 1.0,
        recall=correct / gold_pairs if gold_pairs else 1.0,
        gold_pairs=gold_pairs,
        predicted_pairs=predicted_pairs,
        correct_pairs=correct,
        mentions=len(keys),
    )


@dataclass(slots=True)
class CorpusResult:
    """A linked corpus: each scored event's gold story and predicted story."""

    scores: PairScores
    gold: dict[int, str]  # event row id -> gold story
    predicted: dict[int, str]  # event row id -> story id
    sentences: dict[int, str]  # event row id -> "file: sentence", for printing
    gold_mentions: int  # mentions in the gold file (scored ones are in ``scores``)


def _result(store: Any, gold_of: dict[int, str], sentences: dict[int, str], total: int) -> Any:
    from sitrep.store.stories import story_ids_of_events

    predicted = story_ids_of_events(store, gold_of)
    return CorpusResult(pairwise(predicted, gold_of), gold_of, predicted, sentences, total)


def score_hand_coded(folder: Path, url: str) -> CorpusResult:
    """Store the gold mentions as hand-coded events in a fresh store at ``url``, link them
    as an ingest does, and score the stories."""
    from sitrep.records import Extraction
    from sitrep.store import lookups, open_store
    from sitrep.stories.update import link_stories

    gold = load_gold(folder / "gold.yaml")
    documents = read_corpus(folder)
    gold_of: dict[int, str] = {}
    sentences: dict[int, str] = {}
    with open_store(url) as store:
        for name, document in documents.items():
            mentions = [m for m in gold if m.file == name]
            events = [hand_coded_event(m, document) for m in mentions]
            store.add(Extraction(document=document, events=events), "gold")
            ids = lookups.document_event_ids(store, document.id)
            for row_id, mention, event in zip(ids, mentions, events, strict=True):
                gold_of[row_id] = mention.story
                sentences[row_id] = f"{name}: {event.evidence.sentence}"
        link_stories(store)
        return _result(store, gold_of, sentences, len(gold))


def score_pipeline(folder: Path, url: str, extract_many: Any, version: str) -> CorpusResult:
    """Ingest the corpus's articles through the pipeline into a fresh store at ``url`` (the
    ingest links the stories) and score the events that report a gold mention."""
    from sitrep.ingest import ingest
    from sitrep.store import open_store

    gold = load_gold(folder / "gold.yaml")
    documents = read_corpus(folder)
    gold_of: dict[int, str] = {}
    sentences: dict[int, str] = {}
    with open_store(url) as store:
        ingest(list(documents.values()), store, extract_many, version)
        from sitrep.store import lookups

        for name, document in documents.items():
            extraction = store.extraction(document.id)
            ids = lookups.document_event_ids(store, document.id)
            for row_id, event in zip(ids, extraction.events, strict=True):
                mention = gold_for(name, event, gold)
                if mention is not None:
                    gold_of[row_id] = mention.story
                    sentences[row_id] = f"{name}: {' '.join(event.evidence.sentence.split())}"
        return _result(store, gold_of, sentences, len(gold))
