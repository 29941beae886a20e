"""Find and normalise every time expression in a text: :func:`tag_time`."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from spacy.tokens import Doc

from sitrep.records import TimeExpression
from sitrep.time import calendar_points, days, durations
from sitrep.time.context import Context, Reading
from sitrep.time.intervals import interval
from sitrep.time.modifiers import extend_with_modifier, preposition_before
from sitrep.time.patterns import Candidate, find_candidates

__all__ = ["tag_time"]

_HANDLERS = {**calendar_points.HANDLERS, **days.HANDLERS, **durations.HANDLERS}
# "June 22-24", "June 22 and 23": the second day is its own expression (TimeML annotates the
# two ends of a range separately).
_RANGE_TAIL = re.compile(
    r"\s*(?:-|–|to|through|and|or)\s*(?P<dayword>(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)(?![\d,.]\d|\w)"
    r"(?:,?\s*(?P<year>(?:19|20)\d\d)(?!\d))?"
)


def _select(candidates: list[Candidate], ctx: Context) -> list[tuple[Candidate, Reading]]:
    """Leftmost-longest candidates that normalise; a rejected candidate leaves room for others.

    ``candidates`` come ordered by start, longest first (:func:`find_candidates`)."""
    chosen: list[tuple[Candidate, Reading]] = []
    taken_until = 0
    for cand in candidates:
        if cand.start < taken_until:
            continue
        try:
            reading = _HANDLERS[cand.rule](cand, ctx)
        except OverflowError:  # "tomorrow" on 9999-12-31: beyond the calendar, not a date
            reading = None
        if reading is None:
            continue
        chosen.append((cand, reading))
        taken_until = cand.end
        ctx.previous.append(_record(ctx, cand.start, cand.end, reading, f"t{len(chosen)}"))
    return chosen


def _record(ctx: Context, start: int, end: int, reading: Reading, ident: str) -> TimeExpression:
    return TimeExpression(
        text=ctx.text[start:end],
        start=start,
        end=end,
        type=reading.type,  # type: ignore[arg-type]
        value=reading.value,
        mod=reading.mod,
        anchor=reading.anchor,
        id=ident,
    )


def _range_tail(ctx: Context, cand: Candidate, reading: Reading) -> tuple[int, int, Reading] | None:
    """The second end of a range ("June 22-24", "1997-98") as its own expression."""
    if cand.rule == "year_range":
        second = cand.get("y2") or ""
        year = calendar_points.second_year(int(reading.value), second)
        return cand.end - len(second), cand.end, Reading("DATE", f"{year:04d}")
    if cand.rule != "date_mdy" or not re.fullmatch(r"\d{4}-\d\d-\d\d", reading.value):
        return None
    match = _RANGE_TAIL.match(ctx.text, cand.end)
    if match is None:
        return None
    first = date.fromisoformat(reading.value)
    year = int(match["year"]) if match["year"] else first.year
    try:
        last = date(year, first.month, int(match["day"]))
    except ValueError:
        return None
    if last <= first and not match["year"]:
        return None
    return match.start("day"), match.end("dayword"), Reading("DATE", last.isoformat())


# "15 to 22 February", "6-8 June 1994": the first day, written before the month it shares
_RANGE_HEAD = re.compile(
    r"(?<![\w.,/-])(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:-|–|to|and|until|till)\s*$"
)


def _range_head(ctx: Context, cand: Candidate, reading: Reading) -> tuple[int, int, Reading] | None:
    """The first end of a day-month range ("15 to 22 February") as its own expression."""
    if cand.rule != "date_dmy" or not re.fullmatch(r"\d{4}-\d\d-\d\d", reading.value):
        return None
    match = _RANGE_HEAD.search(ctx.text[max(0, cand.start - 12) : cand.start])
    if match is None:
        return None
    last = date.fromisoformat(reading.value)
    try:
        first = date(last.year, last.month, int(match["day"]))
    except ValueError:
        return None
    if first >= last:
        return None
    start = max(0, cand.start - 12) + match.start("day")
    return start, start + len(match["day"]), Reading("DATE", first.isoformat())


def tag_time(text: str, dct: str, doc: Doc | None = None) -> list[TimeExpression]:
    """Every time expression in ``text``, normalised against the document date ``dct``.

    ``doc`` is the same text parsed by spaCy; when given, the tense of the governing verb
    resolves weekdays and dates without a year, otherwise a text heuristic does.
    """
    anchor_day = date.fromisoformat(dct[:10])
    parsed = doc if doc is not None and doc.text == text else None
    ctx = Context(text=text, dct=anchor_day, doc=parsed)
    chosen = _select(find_candidates(text), ctx)
    selected_starts = [p.start for p in ctx.previous]  # in text order, not overlapping
    spans = [(r.start or c.start, r.end or c.end, r) for c, r in chosen]
    for cand, reading in chosen:
        for extra in (_range_tail(ctx, cand, reading), _range_head(ctx, cand, reading)):
            if extra and not any(s < extra[1] and extra[0] < e for s, e, _ in spans):
                spans.append(extra)
    spans.sort(key=lambda s: s[0])
    result: list[TimeExpression] = []
    ids: dict[str, str] = {}  # selection-order id -> text-order id
    previous_end = 0
    for start, end, reading in spans:
        expression = text[start:end]
        new_start, mod = extend_with_modifier(text, start, reading.type, expression)
        if new_start < previous_end or reading.value.endswith("_REF"):
            # a vague reference takes no modifier: "about recent events" is a topic
            new_start, mod = start, None
        mod = mod or reading.mod
        preposition = preposition_before(text, new_start)
        try:
            earliest, latest = interval(
                reading.value, mod, reading.type, expression, anchor_day, preposition
            )
        except OverflowError:  # an interval reaching past year 9999 or before year 1
            earliest, latest = None, None
        ident = f"t{len(result) + 1}"
        at = bisect_right(selected_starts, start) - 1
        if at >= 0 and ctx.previous[at].start <= start and end <= ctx.previous[at].end:
            ids[ctx.previous[at].id] = ident
        result.append(
            TimeExpression(
                text=text[new_start:end],
                start=new_start,
                end=end,
                type=reading.type,  # type: ignore[arg-type]
                value=reading.value,
                earliest=earliest,
                latest=latest,
                anchor=reading.anchor,
                mod=mod,
                id=ident,
            )
        )
        previous_end = end
    for expr in result:  # anchors pointed at selection-order ids; renumber in text order
        if expr.anchor != "document":
            expr.anchor = ids.get(expr.anchor) or "document"
    return result
