"""When an event happened: the time expression that governs it, and whether it is history.

The governing expression is one attached in the parse to the event's predicates or their
own clause (not to an embedded clause). A date wins over a duration; a duration that modifies
the event ("a three-day visit") stretches the date's interval ("left on Monday (June 22) for a
three-day visit" → 2020-06-22 .. 2020-06-24), recorded on an event-level copy so the
document's own time expression is untouched.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from sitrep.records import TimeExpression

_DAYS_PER_UNIT = {"D": 1, "W": 7}
_DURATION = re.compile(r"^P(?P<n>\d+)(?P<unit>[DWMY])$")
# An event dated this many days or more before the document date is "historical" news
# background rather than the news itself. Set by hand: a week covers "on Monday" or "last
# week" reports of the news event; a month-old event is context ("in September 2019").
HISTORICAL_DAYS = 30
# Dependency labels of a date that names which thing a noun is ("the May elections").
_NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod"})
# Conjunctions of a clause that happens at the event's moment ("killed when a van exploded").
_SIMULTANEOUS_MARKS = frozenset({"when"})  # "as" and "while" also contrast or give reasons
# Prepositions that place an event inside the dated noun ("during January's election").
_OCCASION_PREPOSITIONS = frozenset({"in", "during", "at", "on", "over", "amid", "throughout"})


def expression_tokens(doc: Doc, expressions: list[TimeExpression]) -> dict[int, TimeExpression]:
    """Token index -> the time expression covering it."""
    out: dict[int, TimeExpression] = {}
    for expression in expressions:
        span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            out.setdefault(tok.i, expression)
    return out


def governing_time(
    clause: list[Token],
    trigger: Token,
    by_token: dict[int, TimeExpression],
    trigger_indices: Iterable[int] = (),
) -> TimeExpression | None:
    """The event's time: the nearest date in its clause, stretched by a duration of the event.

    ``trigger_indices`` are the tokens of the trigger phrase ("attended" and "forum").
    """
    phrase = {trigger.i, *trigger_indices}
    found: list[tuple[int, TimeExpression]] = []
    seen: set[str] = set()
    if trigger.dep_ in ("relcl", "acl"):
        # "the 2002 Bali bombings which killed 202 people": the antecedent's own date
        antecedent = trigger.head
        clause = [*clause, *(c for c in antecedent.children if c.dep_ in _NOUN_MODIFIER_DEPS)]
    for tok in clause:
        expression = by_token.get(tok.i)
        if expression is None or expression.id in seen:
            continue
        seen.add(expression.id)
        if _dates_another_noun(tok, expression, phrase, by_token):
            continue
        found.append((abs(tok.i - trigger.i), expression))
    if not any(e.type in ("DATE", "TIME") for _, e in found):
        # "Twelve people were killed when a van exploded ... on September 5, 2004": a clause
        # of the same moment dates the event its own clause leaves undated
        for tok in _simultaneous_clause_tokens(trigger):
            expression = by_token.get(tok.i)
            if expression is not None and expression.id not in seen:
                seen.add(expression.id)
                found.append((abs(tok.i - trigger.i), expression))
    if not found:
        return None
    dates = sorted(
        ((d, e) for d, e in found if e.type in ("DATE", "TIME") and (e.earliest or e.latest)),
        key=lambda x: (x[0], x[1].start),
    )
    durations = [e for _, e in sorted(found, key=lambda x: x[0]) if e.type == "DURATION"]
    if dates:
        chosen = dates[0][1]
        for duration in durations:
            if not (duration.earliest or duration.latest):
                return stretch(chosen, duration)
        return chosen
    anchored = [e for e in durations if e.earliest or e.latest]
    return anchored[0] if anchored else None


def _simultaneous_clause_tokens(trigger: Token) -> list[Token]:
    """Tokens of the trigger's "when" clauses."""
    return [
        t
        for clause in trigger.children
        if clause.dep_ == "advcl"
        and any(
            m.dep_ in ("mark", "advmod") and m.lower_ in _SIMULTANEOUS_MARKS
            for m in clause.children
        )
        for t in clause.subtree
    ]


def since_start(trigger: Token, by_token: dict[int, TimeExpression]) -> TimeExpression | None:
    """The date a "since" clause or phrase of the trigger starts its event at: "12,000 have
    been killed since the insurgency began in February 1996", "has opposed the visits since
    it came to light in 1985" (a tally or a stance that runs from then to the report)."""
    for child in trigger.children:
        since = (child.dep_ == "prep" and child.lower_ == "since") or (
            child.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ == "since" for m in child.children)
        )
        if not since:
            continue
        for tok in child.subtree:
            expression = by_token.get(tok.i)
            if expression is not None and expression.type in ("DATE", "TIME"):
                return expression
    return None


def _dates_another_noun(
    tok: Token,
    expression: TimeExpression,
    trigger_indices: set[int],
    by_token: dict[int, TimeExpression],
) -> bool:
    """Whether the expression only names which thing a noun is (see
    :func:`names_another_noun`)."""
    root = tok
    while root.head.i != root.i and by_token.get(root.head.i) is expression:
        root = root.head
    return (
        expression.type in ("DATE", "TIME")
        and by_token.get(root.head.i) is None
        and names_another_noun(root, trigger_indices)
    )


def names_another_noun(root: Token, trigger_indices: set[int]) -> bool:
    """Whether a date (given by its root token) only names which thing a noun is: "the May
    elections", "Sunday's vote", "the 1992 killings" in "arrested students for calling for
    a boycott of the May elections".

    The noun's own date is not the event's, unless that noun is the trigger ("the May 5
    attack", "attended the Nov. 18-19 forum"), the clause's subject ("Monday's blast killed
    three", "the 2002 bombings which killed 202") or the occasion the event happened in ("in
    Tuesday's hearing, a lawyer asked").
    """
    noun = root.head
    while noun.dep_ in ("compound", "nmod") and noun.head.i != noun.i:
        noun = noun.head  # "the Nov. 18 Asia-Pacific Economic Cooperation forum": the forum
    return (
        root.dep_ in _NOUN_MODIFIER_DEPS
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.i not in trigger_indices
        and noun.dep_ not in ("nsubj", "nsubjpass")
        and not _occasion(noun)
        # "the 2002 Bali bombings which killed 202 people": the noun is the clause's subject
        and not any(c.dep_ in ("relcl", "acl") and c.i in trigger_indices for c in noun.children)
    )


def _occasion(noun: Token) -> bool:
    """A noun the event happened in or during: "in Tuesday's hearing, a lawyer asked", not
    "over Tehran's involvement in the 1992 killings" (the phrase hangs on another noun)."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in _OCCASION_PREPOSITIONS
        and prep.head.pos_ in ("VERB", "AUX")
    )


def stretch(moment: TimeExpression, duration: TimeExpression) -> TimeExpression:
    """A copy of ``moment`` whose interval lasts ``duration`` from its start."""
    if not moment.earliest:
        return moment
    days = duration_days(duration.value)
    if days is None or days < 1:
        return moment
    start = date.fromisoformat(moment.earliest[:10])
    latest = (start + timedelta(days=days - 1)).isoformat()
    if moment.latest and moment.latest > latest:
        return moment
    return dataclasses.replace(moment, latest=latest)


def duration_days(value: str) -> int | None:
    """Whole days of a TIMEX3 duration in days or weeks (P3D, P2W); None for others."""
    match = _DURATION.match(value)
    if match is None or match.group("unit") not in _DAYS_PER_UNIT:
        return None
    return int(match.group("n")) * _DAYS_PER_UNIT[match.group("unit")]


def is_past(time: TimeExpression | None, dct: str | None) -> bool:
    """Whether the event's time lies well before the document date (see HISTORICAL_DAYS)."""
    if time is None or not dct or not time.earliest:
        return False
    try:
        start = date.fromisoformat(time.earliest[:10])
        doc_date = date.fromisoformat(dct[:10])
    except ValueError:
        return False
    return (doc_date - start).days >= HISTORICAL_DAYS
