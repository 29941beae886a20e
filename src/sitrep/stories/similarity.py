"""How alike two evidence sentences are, offline on CPU, with the pipeline's own word vectors.

Each sentence becomes the unit vectors of its content words (en_core_web_md's 300-d vectors;
stop words, numbers, the event's party names and words every news report uses are left out).
Two sentences are compared word by word: each word's best match in the other sentence,
averaged both ways (a soft word overlap, as BERTScore does with contextual vectors). A mean
sentence vector was tried first and rejected: unrelated sentences in one region's news all
score 0.7-0.9 against each other, while the best-match overlap leaves them near 0.4 and keeps
paraphrases ("imposed an economic blockade" / "has imposed an economic blockade on Tbilisi")
near 0.9.

Only the tokenizer and the vectors are loaded (no tagger, parser or NER): a few seconds once
per process, then about 30 microseconds per sentence. The vectors are always the packaged
en_core_web_md ones, whatever model the pipeline runs, so stories linked in different runs
are compared in the same space.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.language import Language

# Words that say a report is a report, not what it reports ("said", "told", "officials");
# they would make any two news sentences look alike.
REPORTING_WORDS = frozenset(
    {
        "according",
        "added",
        "agency",
        "announced",
        "briefing",
        "conference",
        "correspondent",
        "day",
        "daily",
        "month",
        "news",
        "newspaper",
        "official",
        "officials",
        "quoted",
        "quoting",
        "report",
        "reported",
        "reporters",
        "reports",
        "said",
        "say",
        "says",
        "source",
        "sources",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "statement",
        "today",
        "told",
        "week",
        "year",
        "yesterday",
    }
)

_lock = threading.Lock()
# en_core_web_md's trained components: none is needed to tokenize and look up vectors.
_TRAINED_PIPES = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")


@functools.cache
def _load() -> Language:
    import spacy

    from sitrep.nlp.pipeline import DEFAULT_MODEL, built_pipeline, model_path

    # An ingest has the default model's pipeline loaded already: same tokenizer, same
    # vectors, so it is used rather than loaded a second time (about 2 s).
    if (pipeline := built_pipeline(DEFAULT_MODEL)) is not None:
        return pipeline
    return spacy.load(model_path(DEFAULT_MODEL), exclude=list(_TRAINED_PIPES))


def vectors_model() -> Language:
    """The tokenizer and vectors of en_core_web_md, loaded once per process."""
    with _lock:  # the web server may link from two request threads at once
        return _load()


@dataclass(frozen=True, slots=True)
class Words:
    """A sentence's content words: their lower-cased forms and unit vectors (zero rows for
    words the vectors do not know, such as "S-400", "Galwan" or a rare surname)."""

    texts: tuple[str, ...]
    vectors: np.ndarray  # (len(texts), 300), float32

    def __len__(self) -> int:
        return len(self.texts)


def _is_content(token: Any, leave_out: Collection[str]) -> bool:
    text = token.lower_
    return (
        any(c.isalpha() for c in text)
        and not token.is_stop
        and text not in REPORTING_WORDS
        and text not in leave_out
    )


def content_words(sentence: str, leave_out: Collection[str] = ()) -> Words:
    """The content words of ``sentence``: letters (and codes such as "AK-203"), no stop
    words, none of the words every report uses.

    ``leave_out``: lower-cased words not to count (the event's party names: every report of
    an India-Russia event says "India" and "Russia", so they tell nothing apart).
    """
    nlp = vectors_model()
    tokens = [t for t in nlp.make_doc(sentence) if _is_content(t, leave_out)]
    width = nlp.vocab.vectors.shape[1]
    matrix = np.zeros((len(tokens), width), dtype=np.float32)
    for i, token in enumerate(tokens):
        if token.has_vector:
            vector = token.vector
            norm = float(np.linalg.norm(vector))
            if norm:
                matrix[i] = vector / norm
    return Words(tuple(t.lower_ for t in tokens), matrix)


def soft_overlap(a: Words, b: Words) -> float:
    """0..1: each content word's best match in the other sentence, averaged both ways.

    A match is the cosine of the two words' vectors, or 1 for the same word (so names and
    codes the vectors do not know still count when both sentences have them).
    """
    if not len(a) or not len(b):
        return 0.0
    scores = a.vectors @ b.vectors.T
    same = np.equal.outer(np.array(a.texts, dtype=object), np.array(b.texts, dtype=object))
    scores = np.where(same, 1.0, scores)
    value = (scores.max(axis=1).mean() + scores.max(axis=0).mean()) / 2
    return float(min(max(value, 0.0), 1.0))
