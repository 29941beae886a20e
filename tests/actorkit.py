"""Helpers for tests that run the actor stage on a sentence."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.actors.stage import ActorStage
from sitrep.records import Entity


def annotate(nlp: Language, stage: ActorStage, text: str, date: str = "2020-06-23") -> Doc:
    """``text`` parsed by the model, dated ``date``, then resolved by the actor stage."""
    doc = nlp.make_doc(text)
    doc._.dct = date
    return stage(nlp(doc))


def entity_of(doc: Doc, text: str) -> Entity:
    """The entity of the first mention whose text is ``text``."""
    entities = {e.id: e for e in doc._.entities}
    for mention in doc._.mentions:
        if mention.text == text and mention.entity_id:
            return entities[mention.entity_id]
    raise AssertionError(f"no mention {text!r} in {[m.text for m in doc._.mentions]}")
