"""The spaCy pipeline stage that tags time expressions: reads ``doc._.dct``, writes
``doc._.time_expressions``. The lead registers it as the factory ``sitrep.timex.v1``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.errors import E, InputError
from sitrep.time.tagger import tag_time

__all__ = ["TimexStage"]


class TimexStage:
    """Tag and normalise every time expression of a Doc against its document date.

    The Doc's own parse (when earlier stages produced one) gives the tense of the verb that
    governs each expression; without a date, nothing can be normalised and the stage says so.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        dct = doc._.dct
        if not dct:
            raise InputError(E.NO_DATE, source=doc._.document_id or "document")
        parsed = doc if doc.has_annotation("DEP") else None
        doc._.time_expressions = tag_time(doc.text, str(dct), parsed)
        return doc
