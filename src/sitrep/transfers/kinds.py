"""Which kind cue a system falls under, read off the dependency parse.

"the licensed production in India of SU-30 aircraft and T-90 tanks" makes both licensed
production; "BrahMos as well as the licensed production of ..." does not make BrahMos so.
Also: a system that a sentence says is being replaced is not the one changing hands.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sitrep.actors.equipment import EquipmentMatch
from sitrep.transfers.cues import CueMatch

__all__ = ["is_replaced", "kinds_for", "token_at"]

# Systems listed this close after one a kind cue governs share its kind, even where the parse
# breaks the list: the seed article's spares list has gaps of up to 9 tokens between systems.
_LIST_GAP_TOKENS = 12


def token_at(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _governs(head: Token, other: Token, *, through_conj: bool) -> bool:
    """``other`` lies under ``head`` in the parse (optionally not through a conjunction)."""
    token = other
    for _ in range(len(head.doc)):
        if token == head:
            return True
        if token.head == token:
            return False
        if not through_conj and token.dep_ in ("conj", "appos"):
            return False
        token = token.head
    return False


def _cue_heads(cue: Token, systems: set[Token]) -> list[Token]:
    """The cue token and the phrase heads it stands for: "supply of equipment and spares
    needed for the Su-30MKIs" -> spares, equipment, supply. Climbing stops at a system: in
    "BrahMos as well as the licensed production of ..." the cue is coordinated with BrahMos,
    not said of it."""
    heads = [cue]
    token = cue
    for _ in range(4):  # "spares" -> "equipment" -> "of" -> "supply" is the longest climb seen
        if token.dep_ == "conj":
            following = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in ("of", "under", "for"):
            following = token.head.head
        else:
            break
        if following in systems or following == token:
            break
        heads.append(following)
        token = following
    return heads


def _kind_links(cue: CueMatch, systems: list[EquipmentMatch], sentence: Span) -> set[int]:
    """Indexes of the systems a kind cue is said of, read off the parse."""
    doc = sentence.doc
    base = sentence.start_char
    cue_token = token_at(doc, base + cue.start, base + cue.end)
    tokens = [token_at(doc, m.start, m.end) for m in systems]
    if cue_token is None:
        return set()
    heads = _cue_heads(cue_token, {t for t in tokens if t is not None})
    linked = {
        i
        for i, token in enumerate(tokens)
        if token is not None
        and (
            any(_governs(head, token, through_conj=True) for head in heads)
            or _governs(token, cue_token, through_conj=False)
        )
    }
    # An enumeration the parser broke up ("... the MiG29Ks of the Indian Navy, the T-90
    # battle tanks for the Army and the Kilo-class submarines"): a system that follows a
    # linked one closely, after the cue, belongs to the same list.
    for i in range(1, len(systems)):
        previous, current = tokens[i - 1], tokens[i]
        if (
            i - 1 in linked
            and i not in linked
            and previous is not None
            and current is not None
            and systems[i].start - base > cue.end
            and current.i - previous.i <= _LIST_GAP_TOKENS
        ):
            linked.add(i)
    return linked


def kinds_for(
    systems: list[EquipmentMatch], cues: list[CueMatch], sentence: Span
) -> list[CueMatch | None]:
    """For each system, the kind cue that governs it: linked by the parse, or the only system."""
    chosen: list[CueMatch | None] = [None] * len(systems)
    if not cues:
        return chosen
    if sentence.doc.has_annotation("DEP"):
        base = sentence.start_char
        for cue in cues:
            for i in _kind_links(cue, systems, sentence):
                current = chosen[i]
                middle = (systems[i].start + systems[i].end) / 2 - base
                if current is None or abs(cue.start - middle) < abs(current.start - middle):
                    chosen[i] = cue
    if len(systems) == 1 and chosen[0] is None:
        chosen[0] = cues[0]
    return chosen


def is_replaced(mention: EquipmentMatch, sentence: Span, verbs: frozenset[str]) -> bool:
    if not verbs or not sentence.doc.has_annotation("DEP"):
        return False
    token = token_at(sentence.doc, mention.start, mention.end)
    for _ in range(3):  # system -> its noun phrase head -> the verb
        if token is None or token.head == token:
            return False
        token = token.head
        if token.pos_ == "VERB":
            return token.lemma_.lower() in verbs
    return False
