"""The tense of the verb that governs a time expression: "left on Monday" vs "will leave on Monday".

With a spaCy parse, the governing verb is found by walking up the dependency tree; without
one, the nearest tense marker in the same sentence decides. The answer picks the direction in
which an underspecified date ("Monday", "June 5", "this spring") is resolved.
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Doc, Token

from sitrep.time.lexicon import LEXICON

__all__ = ["Tense", "tense_at"]

Tense = Literal["PAST", "PRESENT", "FUTURE"]

# Verbs whose passive ("is scheduled to", "is expected to") or infinitive complement points
# to the future.
_PROSPECTIVE = frozenset(LEXICON["prospective_verbs"])
_REPORTING = frozenset(LEXICON["reporting_verbs"])
# Markers of the clause's time in plain text, strong (auxiliaries, modals, reporting verbs)
# before weak (any "-ed" word, which may be a participle after "will be"). A past auxiliary
# with a prospective verb ("were planning to") is matched whole, so its "were" does not
# read as past; "payable Jan. 2" is the coming payment date of a dividend.
_FUTURE_WORDS = re.compile(
    r"\b(?:will|won't|'ll|shall|going\s+to|is\s+to|are\s+to|due\s+to|scheduled|expected\s+to|"
    r"(?:plan|plann|intend|hope|expect|want|decide|agree|promise|vow|threaten|prepare|aim)(?:s|ed|ing)?\s+to|"
    r"(?:is|are|was|were)\s+(?:planning|going)\s+to|"
    r"planning|planned\s+(?:an?|the)|set\s+(?:to|for)|slated|would|upcoming|effective|payable|"
    r"as\s+(?:soon|early)\s+as)\b",
    re.I,
)
_PAST_WORDS = re.compile(
    r"\b(?:said|says|was|were|had|did|told|ago|earlier|last|announced|reported)\b", re.I
)
_WEAK_PAST = re.compile(r"\b[a-z]{3,}ed\b", re.I)
# A full stop after an initial ("Daniel P. Davison") or a title ("Mr.", "Gen.") does not end
# the sentence; cutting there hid the verb ("will succeed Daniel P. Davison Feb. 1").
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bCorp)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|Co))(?<!\b(?:Gen|Gov|Sen|Rep|Col|Sgt|Inc|Mrs))"
    r"[.!?]\s+(?=[A-Z\"'])|\n\s*\n"
)
# How far (characters) the text fallback looks for a marker on either side; a clause in news
# prose is rarely longer than this (set by reading TimeBank sentences).
_WINDOW = 80


def _verb_of(token: Token) -> Token | None:
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _tense_of_verb(verb: Token) -> Tense | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & {"will", "'ll", "shall", "wo", "would", "ll"}:
        return "FUTURE"
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        head = verb.head
        if head.lemma_ in _PROSPECTIVE or head.lower_ in ("going", "about"):
            return "FUTURE"
        # otherwise the infinitive takes the tense of the verb it completes
        if head.i != verb.i and head.pos_ in ("VERB", "AUX"):
            return _tense_of_verb(head)
        return None
    if verb.lemma_ in _PROSPECTIVE and verb.dep_ not in ("acl", "amod"):
        return "FUTURE"  # "planned a rally on Saturday", "has scheduled a meeting Thursday"
    if verb.tag_ == "VBG" and words & {"is", "are", "'s", "'re", "am"}:
        return "FUTURE"  # "is leaving on Monday": the progressive of a planned act
    if "Past" in verb.morph.get("Tense") or any("Past" in a.morph.get("Tense") for a in auxes):
        return "PAST"
    if verb.tag_ == "VBN" and words & {"has", "have", "had"}:
        return "PAST"
    if "Pres" in verb.morph.get("Tense") or any("Pres" in a.morph.get("Tense") for a in auxes):
        # News reports what was said in the present ("the ministry says Monday"): past.
        if verb.lemma_ in _REPORTING:
            return "PAST"
        # A finite present of an event verb with a day is a schedule: "Arafat meets Monday".
        if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in ("be", "have"):
            return "FUTURE"
        return "PRESENT"
    return None


def _tense_from_text(text: str, start: int, end: int, weak: bool = True) -> Tense | None:
    left = text[max(0, start - _WINDOW) : start]
    right = text[end : end + _WINDOW]
    cut = list(_SENTENCE_END.finditer(left))
    if cut:
        left = left[cut[-1].end() :]
    stop = _SENTENCE_END.search(right)
    if stop:
        right = right[: stop.start()]
    # The governing verb usually comes first ("said Friday", "will meet on Thursday"), so
    # the clause before the expression is read first, strong markers before weak ones.
    for context, on_left in ((left, True), (right, False)):
        passes = ((_FUTURE_WORDS, "FUTURE"), (_PAST_WORDS, "PAST")), ((_WEAK_PAST, "PAST"),)
        for markers in passes if weak else passes[:1]:
            best: tuple[int, Tense] | None = None
            for regex, tense in markers:
                for match in regex.finditer(context):
                    distance = len(context) - match.end() if on_left else match.start()
                    if best is None or distance < best[0]:
                        best = (distance, tense)  # type: ignore[assignment]
            if best is not None:
                return best[1]
    return None


def tense_at(
    text: str, start: int, end: int, doc: Doc | None = None, weak: bool = True
) -> Tense | None:
    """Tense of the clause around ``text[start:end]``; None when nothing says.

    ``weak=False`` ignores the weakest marker of the text fallback, a word in "-ed" (which
    may be a participle: "remain closed until Friday" is not in the past). ``doc`` must be
    ``text`` parsed (``tag_time`` checks that once: comparing the texts on every call made a
    text with thousands of expressions quadratic)."""
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            verb = _verb_of(span.root)
            if verb is not None:
                tense = _tense_of_verb(verb)
                if tense in ("PAST", "FUTURE"):
                    return tense
                # A present (or no) tense says little about a date: let the wording decide.
                return _tense_from_text(text, start, end, weak) or tense
    return _tense_from_text(text, start, end, weak)
