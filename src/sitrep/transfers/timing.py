"""Dates of a transfer in a sentence: when delivery is due, when it was ordered, and the
cause given for a delay."""

from __future__ import annotations

import re

from spacy.tokens import Span

from sitrep.records import TimeExpression
from sitrep.transfers.cues import CueLexicon

__all__ = ["CONCRETE_DATE", "delay_reason", "due_and_ordered", "year_of"]

CONCRETE_DATE = re.compile(r"^\d{4}")


def _preceded_by(text: str, start: int, prepositions: tuple[str, ...]) -> str | None:
    before = text[max(0, start - 20) : start].lower().rstrip()
    for prep in prepositions:
        if before.endswith(" " + prep) or before == prep:
            return prep
    return None


def _times_in(sentence: Span, times: list[TimeExpression]) -> list[TimeExpression]:
    return [t for t in times if sentence.start_char <= t.start and t.end <= sentence.end_char]


def due_and_ordered(
    sentence: Span, times: list[TimeExpression], dct: str, lexicon: CueLexicon
) -> tuple[TimeExpression | None, TimeExpression | None]:
    """The delivery due date ("by December 2021") and the order date ("signed in 2018")."""
    text = sentence.text
    base = sentence.start_char
    ahead = lexicon.due.search(text) is not None
    about_delivery = lexicon.delivery.search(text) is not None
    ordered_cue = next((p for s, p in lexicon.statuses if s == "ordered"), None)
    ordered_at = ordered_cue.search(text) if ordered_cue is not None else None
    dues: list[tuple[bool, TimeExpression]] = []  # (superseded?, time)
    order_dates: list[TimeExpression] = []
    for time in _times_in(sentence, times):
        offset = time.start - base
        before = text[max(0, offset - 40) : offset]
        if lexicon.reporting.search(before):
            continue  # "the ministry said on Tuesday": when it was said
        concrete = time.type == "DATE" and bool(CONCRETE_DATE.match(time.value))
        prep = _preceded_by(text, offset, lexicon.due_prepositions)
        if concrete and lexicon.due_after.search(before):
            dues.append((False, time))  # "pushed back to 2026": the new schedule
            continue
        if concrete and prep is not None and ((prep == "by" and about_delivery) or ahead):
            dues.append((lexicon.superseded.search(before) is not None, time))
            continue
        if ordered_at is None or before.rstrip().lower().endswith("since"):
            continue  # "has flown FA-50s since 2017": in service since, not ordered then
        interval_known = time.earliest is not None or concrete
        in_past = (time.earliest or time.value)[:10] <= dct
        if interval_known and in_past and time.type in ("DATE", "DURATION"):
            order_dates.append(time)
    # The schedule in force, not the one a delay broke; the broken one if it is all we have
    # ("India was supposed to get the S-400 by December 2021").
    due = next((t for old, t in dues if not old), dues[0][1] if dues else None)
    ordered = None
    if order_dates and ordered_at is not None:
        # The date after the signing verb ("signed ... in March 2023"), else the nearest before.
        cue_end = base + ordered_at.end()
        after = [t for t in order_dates if t.start >= cue_end]
        ordered = after[0] if after else order_dates[-1]
    return due, ordered


def delay_reason(sentence: Span, lexicon: CueLexicon, times: list[TimeExpression]) -> str | None:
    base = sentence.start_char
    taken = [(t.start - base, t.end - base) for t in _times_in(sentence, times)]
    for phrase, start, end in lexicon.reasons(sentence.text):
        if phrase[:1].isdigit() or any(s < end and start < e for s, e in taken):
            continue  # "delayed by two years", "delayed by December": a time, not a cause
        return lexicon.reason_label(phrase)
    return None


def year_of(time: TimeExpression | None, dct: str) -> int:
    if time is not None and CONCRETE_DATE.match(time.value):
        return int(time.value[:4])
    return int(dct[:4])
