"""Find the actor and recipient strings of a pair in a parsed sentence.

Users give actors "as they appear in the sentence", but gold records and hand-typed input are
not always exact: elisions ("U.S. ... negotiators"), doubled spaces, a missing closing
parenthesis, a different case. We try an exact (case-insensitive, whitespace-normalised) match,
then each part of an elided string, then the longest run of sentence tokens whose words all
occur in the given string.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

_ELISION = re.compile(r"\s*(?:\.{2,}|…)\s*")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
# Words too common to anchor a fuzzy match on their own.
_WEAK = frozenset({"the", "of", "in", "and", "a", "an", "'s", "from", "to", "for", "on", "at"})


def _overlaps(span: Span, other: Span | None) -> bool:
    return other is not None and span.start < other.end and other.start < span.end


def _find_text(doc: Doc, needle: str, avoid: Span | None) -> Span | None:
    # whole words only: "US" must not match inside "refused"
    body = r"\s+".join(re.escape(part) for part in needle.split())
    pattern = re.compile(rf"(?<!\w){body}(?!\w)", flags=re.IGNORECASE)
    first: Span | None = None
    for match in pattern.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if not _overlaps(span, avoid):
            return span
        first = first or span
    return first


def _fuzzy(doc: Doc, text: str, avoid: Span | None) -> Span | None:
    words = {w.lower() for w in _WORD.findall(text)}
    best: tuple[int, int] | None = None
    best_strong = 0
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].lower_ in words:
            j += 1
        strong = [t for t in doc[i:j] if t.lower_ not in _WEAK]
        if strong and not _overlaps(doc[i:j], avoid) and len(strong) > best_strong:
            best, best_strong = (i, j), len(strong)
        i = max(j, i + 1)
    return doc[best[0] : best[1]] if best else None


def locate(doc: Doc, text: str | None, avoid: Span | None = None) -> Span | None:
    """The span of ``doc`` that ``text`` names, preferring one that does not overlap ``avoid``."""
    if not text or not text.strip():
        return None
    clean = _SPACES.sub(" ", text).strip()
    span = _find_text(doc, clean, avoid)
    if span is not None:
        return span
    parts = sorted((p for p in _ELISION.split(clean) if p.strip()), key=len, reverse=True)
    for part in parts:
        span = _find_text(doc, part.strip(" ()"), avoid)
        if span is not None:
            return span
    return _fuzzy(doc, clean, avoid)
