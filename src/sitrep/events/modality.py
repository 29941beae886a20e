"""Modality of a pair event: did it happen, is it planned, expected, requested, denied, ...

The classifier walks a chain of predicates from the actor's verb down to the trigger
("said it would provide", "refused to lift", "is expected to visit"). Each predicate on that
chain contributes cue flags (:func:`token_cues`); :func:`resolve` turns the collected flags
into one of the seven modalities, in a fixed precedence. The cue words live in
``data/modality_cues.yaml``.
"""

from __future__ import annotations

import re
from enum import StrEnum

from spacy.tokens import Token

from sitrep.events.lexicon import Lexicon
from sitrep.events.timing import names_another_noun

MODALITIES: tuple[str, ...] = (
    "asserted",
    "planned",
    "expected",
    "requested",
    "negated",
    "hypothetical",
    "historical",
)


class Cue(StrEnum):
    FUTURE = "future"  # will, shall, going to, plans to, is scheduled to
    WOULD = "would"  # future-in-the-past under a speech verb, else conditional
    CONDITIONAL = "conditional"  # could, might, may
    OBLIGATION = "obligation"  # must, should
    NEGATION = "negation"  # not, never, no longer
    IF_CLAUSE = "if"  # the predicate sits in, or governs, an if/unless clause
    EXPECTED = "expected"  # is expected to, is likely to
    PLANNED = "planned"  # plan, intend, ready, willing ...
    REQUESTED = "requested"  # urged/asked/demanded ..., or "Y must ..."
    REFUSED = "refused"  # refused/declined/failed to ..., denied doing


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")


def token_cues(tok: Token, lex: Lexicon) -> set[Cue]:
    """Cues carried by one predicate of the chain (its auxiliaries, particles, marks, lemma)."""
    cues: set[Cue] = set()
    c = lex.cues
    for child in tok.children:
        word = child.lower_
        if child.dep_ in ("aux", "auxpass"):
            if word in c.future_aux or child.lemma_ in c.future_aux:
                cues.add(Cue.FUTURE)
            elif word == "would":
                cues.add(Cue.WOULD)
            elif word in c.conditional_aux:
                cues.add(Cue.CONDITIONAL)
            elif word in c.obligation_aux:
                cues.add(Cue.OBLIGATION)
        elif child.dep_ == "neg" or (child.dep_ == "advmod" and word in c.negation_words):
            cues.add(Cue.NEGATION)
        elif child.dep_ == "advmod" and word in c.negation_advmods:
            # "no longer": the negator is a child of the adverb.
            if any(g.lower_ in c.negation_words for g in child.children):
                cues.add(Cue.NEGATION)
        elif child.dep_ == "mark" and word in c.hypothetical_marks:
            cues.add(Cue.IF_CLAUSE)
        elif (
            child.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in c.hypothetical_marks for m in child.children)
            and any(a.lower_ == "would" or a.lower_ in c.conditional_aux for a in tok.children)
        ):
            # "X would meet Y if ...": the predicate itself is conditional.
            cues.add(Cue.IF_CLAUSE)
    lemma = tok.lemma_.lower()
    if lemma in c.expected_heads and (
        any(ch.dep_ == "auxpass" for ch in tok.children) or tok.pos_ == "ADJ"
    ):
        cues.add(Cue.EXPECTED)
    elif (lemma in c.planned_heads or tok.lower_ in c.planned_heads) and (
        tok.pos_ == "ADJ" or any(ch.dep_ == "xcomp" for ch in tok.children)
    ):
        # only with a complement: "plans to visit", "is set to sign", not "set fire to"
        cues.add(Cue.PLANNED)
    if lemma == "be" and any(ch.dep_ == "xcomp" and is_to_infinitive(ch) for ch in tok.children):
        cues.add(Cue.PLANNED)  # "the minister is to visit Moscow"
    return cues


def is_to_infinitive(tok: Token) -> bool:
    return any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children)


def is_historical(trigger: Token, lex: Lexicon) -> bool:
    """A past event dated clearly before the reporting period ("in 2019", "last year")."""
    if trigger.tag_ not in ("VBD", "VBN"):
        return False
    clause = _own_clause(trigger)
    text = f" {' '.join(t.lower_ for t in clause)} "  # padded: whole words only
    if any(f" {phrase} " in text for phrase in lex.cues.historical_phrases):
        return True
    return any(
        t.ent_type_ == "DATE"
        and _YEAR.search(t.text)
        and not names_another_noun(_date_root(t), {trigger.i})
        for t in clause
    )


def _date_root(tok: Token) -> Token:
    """The token of ``tok``'s date entity whose head lies outside it ("August 1990")."""
    entity = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return entity.root if entity is not None else tok


# Dependents that open a clause of their own: a date inside one dates that clause.
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl"})


def _own_clause(trigger: Token) -> list[Token]:
    """``trigger``'s subtree without the clauses below it and without "since" phrases, in
    document order: "the first visit since 1993" starts a stretch that runs to the report
    and dates no past event (a tally that runs since then is the stage's ``since_start``)."""
    out: list[Token] = []
    stack = [trigger]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(
            c
            for c in tok.children
            if c.dep_ not in _CLAUSE_DEPS and not (c.dep_ == "prep" and c.lower_ == "since")
        )
    return sorted(out, key=lambda t: t.i)


def resolve(cues: set[Cue], *, under_speech: bool, historical: bool) -> str:
    """One modality from the collected cues (precedence documented in modality_cues.yaml)."""
    if Cue.NEGATION in cues or Cue.REFUSED in cues:
        return "negated"
    if Cue.IF_CLAUSE in cues or Cue.CONDITIONAL in cues or (Cue.WOULD in cues and not under_speech):
        return "hypothetical"
    if Cue.REQUESTED in cues:
        return "requested"
    if Cue.EXPECTED in cues:
        return "expected"
    if Cue.FUTURE in cues or Cue.PLANNED in cues or (Cue.WOULD in cues and under_speech):
        return "planned"
    # The past perfect alone is no cue: news uses it for the reported act itself ("the army
    # said it had killed 200 rebels"); only a date or a phrase of the past makes background.
    if historical:
        return "historical"
    return "asserted"
