"""Who says so: reported speech and quoted posts, recorded as attribution, not as actors.

Two shapes are recognised:

* a speech verb above the event's predicate — ``"... will take up the issue ...,"
  government sources told ANI`` — gives the attribution "government sources told ANI"
  (the speech clause without its complement); when its subject is an actor, pronouns of the
  complement stand for that speaker;
* a quotation of several sentences attributed in one of them — ``"Denmark should play a more
  active role. We are ready," Christensen said.`` — makes its other sentences the speaker's
  own words too: "we" stands for the speaker, and "should" there is the speaker's demand;
* a quoted post signed on its own line — ``— Rajnath Singh (@rajnathsingh) June 22, 2020``
  — makes the sentences of its paragraph the signer's own words: the attribution is
  "Rajnath Singh (@rajnathsingh)", and "I", "me" and subject-less sentences ("Leaving for
  Moscow ...") stand for the signer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from sitrep.events.arguments import MentionIndex, Party, ResolutionContext
from sitrep.events.quotations import paragraphs

# "— Rajnath Singh (@rajnathsingh) June 22, 2020": a dash, a name, a handle in brackets.
_SIGNATURE = re.compile(r"^\s*[—–-]{1,2}\s*(?P<name>[^()\n]{2,80}?)\s*\((?P<handle>@\w{1,30})\)")
# Dependencies from a speech verb to what is said.
_SAID_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})


@dataclass(slots=True)
class Quote:
    """A stretch of text that is someone's own words."""

    start: int
    end: int
    attribution: str
    speaker: list[Party] = field(default_factory=list)
    # a post signed on its own line: its subject-less sentences ("Leaving for Moscow") are
    # the signer's acts; in a news quotation they are not read
    signed: bool = True


def signed_quotes(doc: Doc, index: MentionIndex) -> tuple[list[Quote], set[int]]:
    """Paragraphs ended by a signature line, and the start offsets of the signature sentences."""
    quotes: list[Quote] = []
    signature_sentences: set[int] = set()
    if "(@" not in doc.text:
        return quotes, signature_sentences  # no handle, no signature: most news
    blocks = paragraphs(doc.text)
    for sent in doc.sents:
        match = _SIGNATURE.match(sent.text)
        if match is None:
            continue
        signature_sentences.add(sent.start_char)
        name_start = sent.start_char + match.start("name")
        name_end = sent.start_char + match.end("name")
        speaker: list[Party] = []
        for tok in sent:
            if name_start <= tok.idx < name_end:
                mention = index.mention_at(tok)
                if mention is not None:
                    speaker = index.party_of_mention(mention)
                    break
        para_start = max((s for s, e in blocks if s <= sent.start_char), default=0)
        attribution = f"{match.group('name').strip()} ({match.group('handle')})"
        quotes.append(Quote(para_start, sent.start_char, attribution, speaker))
    return quotes, signature_sentences


def quoted_speech(
    doc: Doc, index: MentionIndex, context: ResolutionContext, verbs: frozenset[str]
) -> list[Quote]:
    """The sentences of a news quotation that its attribution ("..., Christensen said") does
    not reach: each quotation of a paragraph whose speech verb, just outside its marks in the
    first or last sentence, has a subject naming an actor."""
    quotes: list[Quote] = []
    passages = context.quotations
    all_sentences = list(doc.sents) if passages else []
    for start, end in passages:
        sentences = [s for s in all_sentences if s.end_char > start and s.start_char < end]
        if len(sentences) < 2:
            continue  # one sentence: its speech verb governs it (governing_speech)
        said = _attributing_verb(sentences[-1], end, verbs, after=True) or _attributing_verb(
            sentences[0], start, verbs, after=False
        )
        if said is None or (subject := _subject_of(said)) is None:
            continue
        speaker = [p for p in index.parties(subject, context=context) if not p.place]
        inside = [s for s in sentences if not s.start <= said.i < s.end]
        if not speaker or not inside:
            continue
        attribution = f"{doc[subject.left_edge.i : subject.i + 1].text} {said.text}"
        quotes.append(
            Quote(inside[0].start_char, inside[-1].end_char, attribution, speaker, signed=False)
        )
    return quotes


def _attributing_verb(sent: Span, mark: int, verbs: frozenset[str], *, after: bool) -> Token | None:
    """The speech verb of ``sent`` on the far side of the quotation mark at ``mark``."""
    for tok in sent:
        outside = tok.idx >= mark if after else tok.idx < mark
        if outside and tok.pos_ == "VERB" and tok.lemma_.lower() in verbs:
            return tok
    return None


def quote_at(quotes: list[Quote], char: int) -> Quote | None:
    for quote in quotes:
        if quote.start <= char < quote.end:
            return quote
    return None


@dataclass(slots=True)
class Speech:
    """A speech verb that governs an event: its clause text and its subject."""

    verb: Token
    text: str
    subject: Token | None


def governing_speech(tok: Token, verbs: frozenset[str]) -> Speech | None:
    """The nearest verb of saying (one of ``verbs``) above ``tok`` whose complement holds it."""
    child = tok
    head = tok.head
    while head is not child:
        if child.dep_ in _SAID_DEPS and head.lemma_.lower() in verbs:
            return Speech(head, _speech_text(head, child), _subject_of(head))
        if child.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "parataxis", "acl", "relcl"):
            return None
        child, head = head, head.head
    return None


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _speech_text(verb: Token, complement: Token) -> str:
    """The speech clause without what is said: "government sources told ANI"."""
    said = {t.i for t in complement.subtree}
    words = [
        t
        for t in verb.subtree
        if t.i not in said
        and not (t.dep_ in _SAID_DEPS and t.head == verb)
        and not t.is_punct
        and not t.is_space
    ]
    # keep the contiguous run around the verb: drop material on the far side of the quote
    run = [t for t in words if not any(t.i < s < verb.i or verb.i < s < t.i for s in said)]
    if not run:
        return verb.text
    doc = verb.doc
    return doc[run[0].i : run[-1].i + 1].text.strip(" ,\"'“”")
