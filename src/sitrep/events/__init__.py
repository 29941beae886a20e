"""PLOVER event coding: the sentence-level event stage, pair classification and its
evaluation on PLOVER gold records."""

from sitrep.events.evaluate import (
    GoldPair,
    PloverScores,
    TypeScore,
    evaluate,
    format_scores,
    load_gold,
    split_gold,
)
from sitrep.events.lexicon import PLOVER_TYPES, Lexicon, load_lexicon
from sitrep.events.modality import MODALITIES
from sitrep.events.pairs import PairResult, classify_doc, classify_pair, classify_pairs
from sitrep.events.stage import EventStage, extract_events

__all__ = [
    "MODALITIES",
    "PLOVER_TYPES",
    "EventStage",
    "GoldPair",
    "Lexicon",
    "PairResult",
    "PloverScores",
    "TypeScore",
    "classify_doc",
    "classify_pair",
    "classify_pairs",
    "evaluate",
    "extract_events",
    "format_scores",
    "load_gold",
    "load_lexicon",
    "split_gold",
]
