"""The tokenizer of sitrep's pipelines: spaCy's, guarded against inputs that take it (or the
stages after it) quadratic time.

* spaCy strips prefixes and suffixes off a whitespace-delimited chunk one character at a
  time, searching the rest of the chunk each time, so a chunk of n punctuation characters
  ("!!!!…", "((((…", quotes) costs O(n²): 3,000 of them take seconds, 100,000 take
  hours. No word of an article is that long, so a chunk longer than ``MAX_CHUNK``
  characters is cut into pieces of ``PIECE`` characters, each its own token. The Doc's text
  is still the input text exactly, so every offset stays valid.
* ``Span.sent`` (and ``Token.sent``) walk token by token to both ends of the sentence on
  every call, O(sentence length) each; a text of 20,000 short lines that the parser reads
  as one sentence made the stages that ask for a token's sentence quadratic. The Docs made
  here answer ``.sent`` from an index of sentence starts built once, in O(log n).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

__all__ = ["MAX_CHUNK", "PIECE", "GuardedTokenizer"]

# Longer than any word, URL or e-mail address worth tokenizing as one (URLs in news are
# mostly under 100 characters); the worst chunk of this size costs ~3 ms.
MAX_CHUNK = 100
PIECE = 50
_LONG_CHUNK = re.compile(rf"\S{{{MAX_CHUNK + 1},}}")
_SENTENCE_STARTS = "sitrep.sentence_starts"  # key in Doc.user_data


class GuardedTokenizer:
    """Callable like a spaCy tokenizer: ``nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)``."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        doc = self._cut(text) if _LONG_CHUNK.search(text) else self.tokenizer(text)
        doc.user_span_hooks["sent"] = sentence_of
        return doc

    def _cut(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for match in _LONG_CHUNK.finditer(text):
            self._tokenize(text[position : match.start()], words, spaces)
            chunk = match.group()
            for start in range(0, len(chunk), PIECE):
                words.append(chunk[start : start + PIECE])
                spaces.append(False)
            position = match.end()
        self._tokenize(text[position:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _tokenize(self, segment: str, words: list[str], spaces: list[bool]) -> None:
        if words and not spaces[-1] and segment.startswith(" "):
            # The space after a cut chunk belongs to its last piece, as spaCy attaches it.
            spaces[-1] = True
            segment = segment[1:]
        if not segment:
            return
        for token in self.tokenizer(segment):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))


def sentence_of(span: Span) -> Span:
    """The sentence ``span`` starts in, from an index built on first use.

    Built after the parser has set sentence boundaries (our stages run after it) and kept
    for the Doc's life: no stage of ours moves a boundary.
    """
    doc = span.doc
    starts: list[int] | None = doc.user_data.get(_SENTENCE_STARTS)
    if starts is None:
        starts = doc.user_data[_SENTENCE_STARTS] = [sentence.start for sentence in doc.sents]
    if not starts:
        return doc[0:0]
    index = max(bisect_right(starts, span.start) - 1, 0)
    end = starts[index + 1] if index + 1 < len(starts) else len(doc)
    return doc[starts[index] : end]
