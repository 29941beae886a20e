"""The spaCy pipeline stage that finds arms transfers: writes ``doc._.transfers``.

Reads the sentences and parse of the base model, ``doc._.dct``, ``doc._.document_id`` and
``doc._.time_expressions`` (tagging them itself when the time stage did not run), and looks up
systems, countries and money in the gazetteers directly, so it does not depend on the actor
stage. The lead registers it as the factory ``sitrep_transfers_v1``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.actors.equipment import EquipmentMatch, find_equipment
from sitrep.actors.gazetteer import Gazetteer, load_gazetteer
from sitrep.nlp.extensions import register_extensions
from sitrep.records import Transfer
from sitrep.time import tag_time
from sitrep.transfers.cues import CueLexicon, load_cues
from sitrep.transfers.facts import SentenceFact, resolve_families, sentence_facts
from sitrep.transfers.generic import ANY_KIND, find_generic_systems, is_kind_only
from sitrep.transfers.merge import fill_from_context, merge_facts
from sitrep.transfers.parties import CountryMention, countries_in
from sitrep.transfers.rates import RateTable, load_rates

__all__ = ["TransferStage", "find_transfers"]

# Sentence ends for a Doc without the parser's sentence boundaries (a blank pipeline).
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")


def _sentences(doc: Doc) -> Iterator[Span]:
    if doc.has_annotation("SENT_START"):
        yield from doc.sents
        return
    start = 0
    for end in [m.start() for m in _SENTENCE_END.finditer(doc.text)] + [len(doc.text)]:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            yield span
        start = end


def _sentence_index(sentences: list[Span], offset: int) -> int:
    for index, sentence in enumerate(sentences):
        if sentence.start_char <= offset < sentence.end_char:
            return index
    return -1


def find_transfers(
    doc: Doc,
    *,
    lexicon: CueLexicon | None = None,
    gazetteer: Gazetteer | None = None,
    rates: RateTable | None = None,
) -> list[Transfer]:
    """Every arms transfer a parsed, dated Doc states, one per deal, with its evidence."""
    lexicon = lexicon or load_cues()
    gazetteer = gazetteer or load_gazetteer()
    rates = rates or load_rates()
    dct = str(doc._.dct or "")
    times = doc._.time_expressions
    if times is None:
        times = tag_time(doc.text, dct, doc if doc.has_annotation("DEP") else None) if dct else []
    sentences = list(_sentences(doc))
    found_systems = find_equipment(doc.text, gazetteer)
    if doc.has_annotation("DEP"):
        found_systems = sorted(
            found_systems + _generic_systems(sentences, found_systems, lexicon, gazetteer),
            key=lambda m: m.start,
        )
    where = [_sentence_index(sentences, m.start) for m in found_systems]
    mentions = resolve_families(found_systems, where)
    facts: list[SentenceFact] = []
    # Per sentence, its countries, or the sentence itself when they are still to be read:
    # they only complete facts, so a document without any (most news) never reads them.
    countries: list[list[CountryMention] | Span] = []
    for index, sentence in enumerate(sentences):
        in_sentence = [m for m, w in zip(mentions, where, strict=True) if w == index]
        if not in_sentence:
            # Sentences without a system still name who supplies whom ("Russia is India's
            # largest defence supplier") and what the article is about.
            countries.append(sentence)
            continue
        found = sentence_facts(
            sentence, in_sentence, times, dct or "9999", lexicon, gazetteer, rates
        )
        countries.append(found[0].countries if found else sentence)
        facts.extend(found)
    if not facts:
        return []
    named = [
        country
        for item in countries
        for country in (
            countries_in(item, gazetteer, lexicon.roles) if isinstance(item, Span) else item
        )
    ]
    facts = fill_from_context(facts, named)
    return merge_facts(facts, str(doc._.document_id or ""), lexicon)


def _generic_systems(
    sentences: list[Span],
    catalogued: list[EquipmentMatch],
    lexicon: CueLexicon,
    gazetteer: Gazetteer,
) -> list[EquipmentMatch]:
    """Systems named by their kind ("fighter jets") in sentences that talk of a transfer.

    An article that names a system by its designation refers back to it by its kind ("the
    Korean light fighter" after "FA-50"): a kind the article's catalogued systems already
    cover is no system of its own, and "military equipment" is covered by any of them."""
    taken = [(m.start, m.end) for m in catalogued]
    named = {m.entry.category for m in catalogued}
    out: list[EquipmentMatch] = []
    for sentence in sentences:
        text = sentence.text
        if lexicon.transfer_cue(text) is None and lexicon.status_of(text) is None:
            continue
        for match in find_generic_systems(sentence, gazetteer, taken):
            covered = match.category in named or (named and match.category == ANY_KIND)
            if is_kind_only(match.entry) and covered:
                continue
            out.append(match)
    return out


class TransferStage:
    """Pipeline component: ``doc._.transfers = find_transfers(doc)``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        # Loaded once per process, shared by every Doc.
        self.lexicon = load_cues()
        # The actor stage's gazetteer where the pipeline has one: the user's gazetteer files
        # count for transfers too, and the equipment catalogue is built and searched once.
        self.gazetteer = _pipeline_gazetteer(nlp) or load_gazetteer()
        self.rates = load_rates()

    def __call__(self, doc: Doc) -> Doc:
        doc._.transfers = find_transfers(
            doc, lexicon=self.lexicon, gazetteer=self.gazetteer, rates=self.rates
        )
        return doc


def _pipeline_gazetteer(nlp: Language) -> Gazetteer | None:
    """The gazetteer of a stage already in ``nlp`` (the actor stage), if any."""
    for _, component in nlp.pipeline:
        gazetteer = getattr(component, "gazetteer", None)
        if isinstance(gazetteer, Gazetteer):
            return gazetteer
    return None
