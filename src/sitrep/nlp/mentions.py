"""``sitrep_mentions_v1``: named-entity mentions from the model's NER, as records.

This is the baseline the actor-resolution stage refines: one entity per distinct name and
label in the document, with the kind the NER label implies. Time and number labels are left
to the time stage and the money/quantity normalisers.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.records import Entity, EntityKind, Mention

# spaCy (OntoNotes) label -> our entity kind. Labels not listed (DATE, TIME, CARDINAL,
# ORDINAL, PERCENT, QUANTITY, MONEY) are values, not entities.
KIND_OF_LABEL: dict[str, EntityKind] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "PRODUCT": "equipment",
    "EVENT": "event",
    "LAW": "other",
    "WORK_OF_ART": "other",
    "LANGUAGE": "other",
}

_NOT_KEY = re.compile(r"[^0-9a-z]+")


def entity_key(kind: str, name: str) -> str:
    """A readable id for a name of a kind, e.g. ``person:rajnath-singh``."""
    return f"{kind}:{_NOT_KEY.sub('-', name.lower()).strip('-')}"


class MentionStage:
    """Turns ``doc.ents`` into Mention records, with a provisional Entity per name."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        entities: dict[str, Entity] = {}
        mentions: list[Mention] = []
        for span in doc.ents:
            kind = KIND_OF_LABEL.get(span.label_)
            if kind is None:
                continue
            key = entity_key(kind, span.text)
            entities.setdefault(key, Entity(id=key, name=span.text, kind=kind))
            mentions.append(
                Mention(
                    text=span.text,
                    start=span.start_char,
                    end=span.end_char,
                    label=span.label_,
                    entity_id=key,
                )
            )
        doc._.entities = list(entities.values())
        doc._.mentions = mentions
        return doc
