"""An article's text cut into segments, each knowing which records cover it.

Mentions, time expressions, event triggers and the selected event's evidence may overlap;
the text is cut at every span boundary so each segment carries the set of records over it.
The template escapes each segment's text (it is untrusted): nothing here builds HTML.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from sitrep.records import Event, Extraction


@dataclass(slots=True)
class Span:
    start: int
    end: int
    kind: str  # "mention", "timex", "trigger", "sentence", "evidence"
    ref: str  # "m3", "t1", "e42": the record it stands for (the page's JSON has them)


@dataclass(slots=True)
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)


def find_word(sentence: str, word: str | None) -> tuple[int, int] | None:
    """Offsets of the first whole-word occurrence of ``word`` in ``sentence``."""
    if not word:
        return None
    found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", sentence)
    return (found.start(), found.end()) if found else None


def trigger_span(event: Event) -> tuple[int, int] | None:
    """Where the event's trigger word is in the text: its first whole-word occurrence in the
    evidence sentence (the record keeps the word, not its offsets)."""
    where = find_word(event.evidence.sentence, event.evidence.trigger)
    if where is None:
        return None
    start = event.evidence.sentence_start
    return start + where[0], start + where[1]


def spans_of(
    extraction: Extraction, event_ids: list[int], selected: int | None = None
) -> list[Span]:
    """Every highlighted span of a document; ``selected`` is an event row id to show whole."""
    spans = [Span(m.start, m.end, "mention", f"m{i}") for i, m in enumerate(extraction.mentions)]
    spans += [
        Span(t.start, t.end, "timex", f"t{i}") for i, t in enumerate(extraction.time_expressions)
    ]
    for row_id, event in zip(event_ids, extraction.events, strict=False):
        where = trigger_span(event)
        if where is not None:
            spans.append(Span(*where, "trigger", f"e{row_id}"))
        if row_id == selected:  # its sentence, and within it the span the event stands on
            evidence = event.evidence
            sentence_end = evidence.sentence_start + len(evidence.sentence)
            spans.append(Span(evidence.sentence_start, sentence_end, "sentence", f"e{row_id}"))
            spans.append(Span(evidence.start, evidence.end, "evidence", f"e{row_id}"))
    return spans


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """``text`` cut at every span boundary; each piece lists the spans covering it.

    One sweep over the boundaries (spans open and close as it passes), so a long article
    with thousands of mentions costs time in proportion to its spans, not their square.
    """
    length = len(text)
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    kept = [s for s in spans if 0 <= s.start < s.end <= length]
    for index, span in enumerate(kept):
        opening.setdefault(span.start, []).append(index)
        closing.setdefault(span.end, []).append(index)
    cuts = sorted({0, length, *opening, *closing})
    active: dict[int, Span] = {}
    pieces: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        for index in closing.get(start, ()):
            active.pop(index, None)
        for index in opening.get(start, ()):
            active[index] = kept[index]
        covering = [active[i] for i in sorted(active)]
        kinds = sorted({s.kind for s in covering})
        refs = list(dict.fromkeys(s.ref for s in covering))
        pieces.append(Segment(text[start:end], kinds, refs))
    return pieces
