"""PLOVER event coding: pair classification and its evaluation on PLOVER gold records."""

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

__all__ = [
    "MODALITIES",
    "PLOVER_TYPES",
    "GoldPair",
    "Lexicon",
    "PairResult",
    "PloverScores",
    "TypeScore",
    "classify_doc",
    "classify_pair",
    "classify_pairs",
    "evaluate",
    "format_scores",
    "load_gold",
    "load_lexicon",
    "split_gold",
]
