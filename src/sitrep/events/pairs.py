"""PLOVER pair classification: the event an actor does to a recipient in one sentence.

Given a sentence and the actor and recipient strings, we

1. find both spans in the dependency parse and the predicate that links them (their lowest
   common ancestor, climbed up to the nearest verb or event noun);
2. build the *chain* of predicates from there down to the recipient, continuing through
   complements (``xcomp``/``ccomp``) when the recipient is not given or not reached
   ("said it would provide aid to", "refused to lift the curfew on");
3. read the chain top-down with the lexicon: reporting verbs are transparent, verbs of
   intention mark the action as intended, request and refusal verbs decide REQUEST/REJECT,
   and the first content trigger (a verb, phrasal verb, or the object of a light verb:
   "held talks", "imposed a curfew", "lifted sanctions") gives the type and mode;
4. re-read intended and refused actions the PLOVER way (future cooperation is AGREE, future
   hostility is THREATEN, refused cooperation is REJECT, "Y must ..." is REQUEST) and set the
   modality from the cues collected on the way.

The batch form :func:`classify_pairs` is the ``sitrep classify-pairs`` contract: one input
dict ``{"sentence", "actor", "recipient"}`` in, ``{"event_type", "mode", "modality"}`` out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sitrep.events.lexicon import Lexicon, NounEntry, Sense, SenseMap, VerbEntry, load_lexicon
from sitrep.events.modality import Cue, is_historical, is_to_infinitive, resolve, token_cues
from sitrep.events.spans import locate

# Dependencies that lead from a predicate to the predicate it embeds.
_COMPLEMENT_DEPS = ("xcomp", "ccomp", "acomp", "attr", "oprd")
# Where a light verb's event noun sits: its object, passive subject, attribute, or the object
# of one of its prepositions ("engaged in ethnic cleansing", "resorted to throwing stones").
_OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd", "acomp")
_ENTITY_PERSON = frozenset({"PERSON", "NORP"})
_ENTITY_GROUP = frozenset({"PERSON", "NORP", "ORG", "GPE"})
_ENTITY_PLACE = frozenset({"GPE", "LOC", "FAC"})
# Batch size for nlp.pipe: sentences are short; 64 keeps memory flat and the parser busy.
PIPE_BATCH = 64


@dataclass(slots=True)
class PairResult:
    """The classification of one (sentence, actor, recipient) pair."""

    event_type: str | None
    mode: list[str] = field(default_factory=list)
    modality: str = "asserted"
    trigger: str | None = None  # the word or phrase that decided the type
    trigger_start: int | None = None  # character offset of the trigger in the sentence
    intended_type: str | None = None  # the embedded action of AGREE/THREATEN/REQUEST/REJECT
    trigger_index: int | None = None  # token index (in the Doc) of the deciding predicate
    trigger_indices: list[int] = field(default_factory=list)  # token indices of the trigger words
    specific: bool = False  # decided by an object/preposition/wrapper, not a verb's default
    # which trigger source decided it: "lexicon", "cameo", or "judgement" (praise or blame
    # named, sitrep.events.evaluations)
    source: str = "lexicon"

    def to_dict(self) -> dict[str, Any]:
        """The stable ``classify-pairs`` output line."""
        return {"event_type": self.event_type, "mode": list(self.mode), "modality": self.modality}


@dataclass(slots=True)
class _Reading:
    kind: str  # content | speech | intent | aspect | request | reject | deny | none
    sense: Sense | None = None
    trigger: list[Token] = field(default_factory=list)
    specific: bool = False  # decided by an object/subject/preposition, not a default
    source: str = "lexicon"  # "lexicon" (ours) or "cameo" (the CAMEO verb dictionary)


# --------------------------------------------------------------------------- tree helpers


# Prepositions whose -ing clause shares its verb's subject ("by resigning", "after visiting").
_GERUND_PREPOSITIONS = frozenset(
    {"by", "after", "before", "while", "since", "upon", "on", "without", "through", "in"}
)


def _ancestors(tok: Token) -> list[Token]:
    """``tok`` and its ancestors, nearest first."""
    out = [tok]
    while out[-1].head != out[-1]:
        out.append(out[-1].head)
    return out


def _lca(a: Token, b: Token) -> Token:
    up = {t.i for t in _ancestors(a)}
    for t in _ancestors(b):
        if t.i in up:
            return t
    return a.sent.root


def _in(tok: Token, span: Span | None) -> bool:
    return span is not None and span.start <= tok.i < span.end


def is_predicate(tok: Token, lex: Lexicon) -> bool:
    if tok.pos_ == "VERB":
        return True
    if tok.pos_ == "AUX":
        return tok.dep_ not in ("aux", "auxpass")
    if tok.pos_ == "ADJ":
        return tok.lemma_.lower() in lex.intent_adjectives or _adjective_verb(tok, lex) is not None
    return False


def _is_event_noun(tok: Token, lex: Lexicon) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    entry = _noun_entry(tok, lex)
    return entry is not None and entry.key in lex.event_nouns


# --------------------------------------------------------------------------- lexicon lookups


def _noun_keys(tok: Token, lex: Lexicon) -> list[str]:
    """Candidate lexicon keys for a noun, longest first: "hunger strike", "state of siege"."""
    lemma = tok.lemma_.lower()
    keys: list[str] = []
    left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
    # contiguous modifiers ending at the head, e.g. [suicide, car] + bombing
    mods: list[Token] = []
    for c in reversed(left):
        if (mods[0].i if mods else tok.i) - c.i == 1:
            mods.insert(0, c)
    for k in range(min(len(mods), lex.longest_noun_key - 1), 0, -1):
        words = [m.lower_ for m in mods[-k:]]
        keys.append(" ".join([*words, lemma]))
        keys.append(" ".join([*words, tok.lower_]))
    for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            keys.append(f"{lemma} of {pobj.lemma_.lower()}")
            keys.append(f"{tok.lower_} of {pobj.lower_}")
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() == "collect":
        keys.append(f"collecting {lemma}")
    keys.extend([lemma, tok.lower_])
    return keys


def _noun_entry(tok: Token, lex: Lexicon) -> NounEntry | None:
    if tok.pos_ == "VERB" and tok.lemma_.lower() not in lex.verbs:
        # "done dealing with", "according to": a verb the lexicon does not know, which no
        # noun of its spelling ("deal", "accord") speaks for
        return None
    for key in _noun_keys(tok, lex):
        entry = lex.nouns.get(key)
        if entry is not None:
            return entry
    return None


def _object_nouns(verb: Token) -> list[Token]:
    """The nouns a verb acts on, most direct first."""
    direct = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    via_prep = [
        g
        for c in verb.children
        if c.dep_ in ("prep", "agent", "dative")
        for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    ]
    out: list[Token] = []
    for tok in [*direct, *via_prep]:
        out.append(tok)
        out.extend(c for c in tok.children if c.dep_ == "conj")
        # "10 days of war games", "a series of bombs": the noun after "of" names the thing,
        # as "in" does after a sum ("$500 million in humanitarian aid")
        out.extend(
            g
            for c in tok.children
            if c.dep_ == "prep"
            and (c.lower_ == "of" or (c.lower_ == "in" and tok.ent_type_ == "MONEY"))
            for g in c.children
            if g.dep_ == "pobj"
        )
    return out


def _matches_key(tok: Token, key: str, noun_keys: list[str]) -> bool:
    if key == "*":
        return tok.pos_ in ("NOUN", "PROPN")  # any object (listed last in its map)
    if key.startswith("@"):
        # a named direct object ("received Li Zhaoxing"), not a place gone to ("returned to
        # Israel")
        head = tok.head if tok.dep_ == "conj" else tok
        if head.dep_ not in _OBJECT_DEPS:
            return False
        ent = tok.ent_type_
        if key == "@person":
            return ent in _ENTITY_PERSON
        if key == "@place":
            return ent in _ENTITY_PLACE
        if key == "@org":
            return ent == "ORG"
        return ent in _ENTITY_GROUP
    return key in noun_keys


def _map_lookup(
    mapping: SenseMap, nouns: list[Token], lex: Lexicon
) -> tuple[bool, Sense | None, Token | None]:
    """The entry of ``mapping`` matching the first matching noun: (found, sense, noun), noun
    None when an entity key ("@person") matched it.

    The lexicon lists a map's longer (more specific) keys first, so the first key that
    matches wins."""
    if not mapping:
        return False, None, None
    for noun in nouns:
        noun_keys = _noun_keys(noun, lex)  # once per noun, not once per key
        for key, sense in mapping.items():
            if _matches_key(noun, key, noun_keys):
                # a named object ("@person") decides the reading but is no trigger word
                return True, sense, None if key.startswith("@") else noun
    return False, None, None


def _verb_entry(tok: Token, lex: Lexicon) -> tuple[VerbEntry | None, list[Token]]:
    """The lexicon entry of a verb, trying phrasal forms ("cut off", "hand over") first."""
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ in ("prt", "prep", "advmod"):
            entry = lex.verbs.get(f"{lemma} {child.lower_}")
            if entry is not None:
                return entry, [tok, child]
    entry = lex.verbs.get(lemma)
    return entry, [tok]


def _adjective_verb(tok: Token, lex: Lexicon) -> VerbEntry | None:
    """Participial adjectives read as their verb: "opposed", "committed", "guilty" is not one."""
    lemma = tok.lemma_.lower()
    if not lemma.endswith("ed"):
        return None
    for cand in (lemma, lemma[:-1], lemma[:-2], lemma[:-3]):
        if cand in lex.verbs:
            return lex.verbs[cand]
    return None


def _noun_reading(tok: Token, lex: Lexicon, *, undo: bool = False) -> Sense | None:
    entry = _noun_entry(tok, lex)
    if entry is None:
        return None
    return entry.undo if undo else entry.sense


def _objects_reading(verb: Token, lex: Lexicon) -> tuple[Sense | None, Token | None]:
    for noun in _object_nouns(verb):
        sense = _noun_reading(noun, lex)
        if sense is not None:
            return sense, noun
    return None, None


def _content_reading(tok: Token, entry: VerbEntry, words: list[Token], lex: Lexicon) -> _Reading:
    """The reading of a lexicon verb; ``specific`` is set when an object/subject/preposition
    map or the object noun (not the verb's default sense) decided it."""
    objects = _object_nouns(tok)
    if entry.light:
        for noun in objects:
            sense = _noun_reading(noun, lex)
            if sense is not None:
                return _Reading("content", sense, [*words, noun], specific=True)
    if entry.undo:
        for noun in objects:
            undone = _noun_reading(noun, lex, undo=True)
            if undone is not None:
                return _Reading("content", undone, [*words, noun], specific=True)
    found, sense, noun = _map_lookup(entry.obj, objects, lex)
    if found:
        if sense is None:
            return _Reading("aspect", None, words)
        return _Reading(
            "content", sense, [*words, noun] if noun is not None else words, specific=True
        )
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.dep_ == "relcl":
        # "demonstrators who gathered": the relative pronoun stands for its antecedent
        subjects = [tok.head if c.tag_ in ("WDT", "WP") else c for c in subjects]
    # "the first deployment of NATO peacekeeping troops has arrived"
    subjects += [
        g
        for c in subjects
        for p in c.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    found, sense, noun = _map_lookup(entry.subj, subjects, lex)
    if found and sense is not None:
        return _Reading("content", sense, words, specific=True)
    for child in tok.children:
        prep_sense = entry.prep.get(child.lower_)
        if prep_sense is not None:
            return _Reading("content", prep_sense, [*words, child], specific=True)
    if entry.sense is not None:
        return _Reading("content", entry.sense, words)
    # A light verb without a known object: look at any event noun it governs.
    sense, noun = _objects_reading(tok, lex)
    if sense is not None and noun is not None:
        return _Reading("content", sense, [*words, noun])
    return _Reading("aspect", None, words)


def read_token(tok: Token, lex: Lexicon) -> _Reading:
    """What one chain element says: a content sense, or its role as a wrapper."""
    if tok.pos_ in ("NOUN", "PROPN"):
        sense = _noun_reading(tok, lex)
        return _Reading("content", sense, [tok]) if sense else _Reading("none")
    if tok.pos_ == "ADJ":
        if tok.lemma_.lower() in lex.intent_adjectives:
            return _Reading("intent", None, [tok])
        entry = _adjective_verb(tok, lex)
        if entry is not None:
            return _content_reading(tok, entry, [tok], lex)
        return _Reading("none")
    entry, words = _verb_entry(tok, lex)
    if entry is not None and len(words) > 1:
        return _content_reading(tok, entry, words, lex)  # phrasal verbs are always content
    role = lex.role(tok.lemma_.lower())
    if entry is not None:
        reading = _content_reading(tok, entry, words, lex)
        # A request/reject/deny verb with a sense ("order") is content only when its object
        # decided it ("ordered patrols"), else its wrapper role applies; an aspect, speech or
        # intent verb with a sense ("give") is content whenever the lexicon reads it so.
        if role == "content" or (
            reading.kind == "content"
            and (reading.specific or role in ("aspect", "speech", "intent"))
        ):
            return reading
    if role == "request" and tok.lemma_.lower() == "call":
        call = _meeting_call(tok, lex)
        if call is not None:
            return call
    if role in ("request", "reject", "deny"):
        return _Reading(role, None, [tok])
    if role in ("speech", "aspect", "intent"):
        # Wrappers may still name the event in their object: "issued an ultimatum",
        # "began a hunger strike", "pledged aid".
        sense, noun = _objects_reading(tok, lex)
        if sense is not None and noun is not None:
            return _Reading("content", sense, [tok, noun])
        cameo = _cameo_reading(tok, lex, specific_only=True)
        return cameo or _Reading(role, None, [tok])
    sense, noun = _objects_reading(tok, lex)
    if sense is not None and noun is not None:
        return _Reading("content", sense, [tok, noun])
    if tok.pos_ in ("VERB", "AUX") and entry is None:
        cameo = _cameo_reading(tok, lex, specific_only=not lex.cameo_defaults)
        if cameo is not None:
            return cameo
    return _Reading("none", None, [tok])


def _meeting_call(tok: Token, lex: Lexicon) -> _Reading | None:
    """A call that asks nothing (``call_purposes``): "called on the President" is a visit,
    "called Lavrov to discuss Syria" or "called King Salman" a phone call (CONSULT)."""
    children = list(tok.children)
    clauses = [c for c in children if c.dep_ in ("xcomp", "ccomp", "advcl")]
    if any(c.lemma_.lower() not in lex.call_purposes for c in clauses if c.pos_ == "VERB"):
        return None  # "called on Israel to withdraw": a request
    preps = {c.lower_ for c in children if c.dep_ == "prep"}
    # the parse may make the one called a predicate ("called Foreign Minister Lavrov")
    named = [c for c in children if c.dep_ in ("oprd", "attr") and _names_someone(c)]
    if "for" in preps or len(named) < sum(c.dep_ in ("oprd", "attr") for c in children):
        return None  # "called for talks", "called the plan a mistake"
    visited = [
        g
        for c in children
        if c.dep_ == "prep" and c.lower_ in ("on", "upon")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if visited and any(_names_someone(g) for g in visited):
        return _Reading("content", Sense("CONSULT", "visit"), [tok], specific=True)
    if tok.dep_ in ("acl", "amod"):
        return None  # "a computer called the Match Maker": a name
    objects = [c for c in children if c.dep_ == "dobj"] or named
    if objects and all(_names_someone(o) for o in objects):
        return _Reading("content", Sense("CONSULT", "phone"), [tok], specific=True)
    return None


def _names_someone(tok: Token) -> bool:
    """A person, organisation or state by name or by its people ("the Chinese foreign
    minister"); not "all parties", "the international community"."""
    return any(
        t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or (t.pos_ == "PROPN" and not t.ent_type_)
        for t in tok.subtree
        if t.i <= tok.i
    )


def _cameo_reading(tok: Token, lex: Lexicon, *, specific_only: bool) -> _Reading | None:
    """The CAMEO dictionary's reading of a verb our lexicon does not decide. For wrapper verbs
    (speech, aspect, intent) only a pattern's words count ("put the police on alert"), never
    the verb's default, so that "began to attack" still reads through to "attack"."""
    if lex.cameo is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    match = lex.cameo.match(tok)
    if match is None or match.reverse or (specific_only and not match.specific):
        return None
    return _Reading("content", match.sense, list(match.tokens), match.specific, source="cameo")


# --------------------------------------------------------------------------- the chain


def _anchor(doc: Doc, actor: Span | None, recipient: Span | None, lex: Lexicon) -> Token:
    if actor is not None and recipient is not None:
        tok = _lca(actor.root, recipient.root)
    elif actor is not None:
        tok = actor.root
    elif recipient is not None:
        tok = recipient.root
    else:
        return next(iter(doc.sents)).root
    while True:
        outside = not _in(tok, actor) and not _in(tok, recipient)
        if outside and (is_predicate(tok, lex) or _is_event_noun(tok, lex)):
            return tok
        if tok.head == tok:
            return tok
        tok = tok.head


def descend(tok: Token, lex: Lexicon) -> list[Token]:
    """Predicates embedded under ``tok`` through complements, outermost first."""
    out: list[Token] = []
    cur = tok
    for _ in range(8):  # complement chains in news sentences are short; 8 bounds the loop
        nxt = next((c for c in cur.children if c.dep_ in _COMPLEMENT_DEPS), None)
        if nxt is None:
            # "declaration demanding ...", "hunger strike to protest": follow a noun's clause
            nxt = next(
                (
                    g
                    for c in cur.children
                    if c.dep_ in ("dobj", "attr")
                    for g in c.children
                    if g.dep_ in ("acl", "relcl") and g.pos_ == "VERB"
                ),
                None,
            )
        if nxt is None:
            break
        if is_predicate(nxt, lex) or _is_event_noun(nxt, lex):
            out.append(nxt)
        cur = nxt
    return out


def _chain(anchor: Token, recipient: Span | None, lex: Lexicon) -> list[Token]:
    chain = [anchor]
    if recipient is not None and anchor != recipient.root:
        path = [t for t in _ancestors(recipient.root) if t != recipient.root]
        below = []
        for t in path:
            if t == anchor:
                break
            if not _in(t, recipient) and (is_predicate(t, lex) or _is_event_noun(t, lex)):
                below.append(t)
        else:
            below = []  # the recipient is not under the anchor
        for t in reversed(below):
            if t.dep_ == "conj" and is_predicate(t, lex):
                # "X abducted A and shelled B": the conjoined verb that leads to the
                # recipient is the actor's act toward it, not the first verb.
                chain = []
            chain.append(t)
    chain.extend(t for t in descend(chain[-1], lex) if t not in chain)
    return chain


def clause_subject(tok: Token) -> Token | None:
    """``tok``'s subject, or that of the verb it complements or is conjoined to ("agreed to
    meet": the subject of "agreed"), or of the clause an -ing clause hangs on ("While
    praising France, China warned ...": China praises)."""
    gerund_of: Token | None = None
    for t in _ancestors(tok):
        if t == gerund_of:
            continue  # the preposition between a gerund and its verb
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            subj = _name_before_date(t)
        if subj is not None:
            return subj
        if _adverbial_gerund(t):
            gerund_of = t.head  # "marked the day by attacking": the one who marked attacks
            continue
        if t.dep_ == "relcl" and t.head.dep_ == "attr" and is_to_infinitive(t):
            # "Gingrich is the first speaker to visit Taiwan": the copula's subject acts
            return next((c for c in t.head.head.children if c.dep_ == "nsubj"), None)
        if t.dep_ not in ("xcomp", "conj", "acomp") and not (t.dep_ == "advcl" and t.tag_ == "VBG"):
            return None
        if t.dep_ == "xcomp":
            # object control: "led ministers to ask", "urged Iran to stop": the object acts
            controller = next((c for c in t.head.children if c.dep_ == "dobj" and c.i < t.i), None)
            if controller is not None:
                return controller
    return None


def _adverbial_gerund(tok: Token) -> bool:
    """An -ing clause after a preposition of manner or time on a verb ("by resigning",
    "after visiting Washington"), whose subject is that verb's. Not "for": "arrested
    students for calling for a boycott" is the students' call."""
    prep = tok.head
    return (
        tok.dep_ == "pcomp"
        and tok.tag_ == "VBG"
        and prep.dep_ == "prep"
        and prep.lower_ in _GERUND_PREPOSITIONS
        and prep.head.pos_ in ("VERB", "AUX")
    )


def _name_before_date(verb: Token) -> Token | None:
    """News style "Prime Minister Surayud Chulanont Monday ordered": the parser may hang the
    name on the date as a compound and leave the verb without a subject; the name's last word
    before the date is the subject."""
    for c in verb.children:
        if c.dep_ == "npadvmod" and c.i < verb.i and c.ent_type_ in ("DATE", "TIME"):
            names = [g for g in c.children if g.dep_ == "compound" and g.pos_ == "PROPN"]
            if names and names[-1].i == c.i - 1:
                return names[-1]
    return None


def _obliges_other(tok: Token, actor_span: Span | None) -> bool:
    """Whether the subject under an obligation ("Y must ...") is someone other than the actor."""
    subj = clause_subject(tok)
    return subj is not None and not _in(subj, actor_span)


def _actor_is_agent(tok: Token, actor: Span | None) -> bool:
    """Whether the actor (or a pronoun, usually standing for it) is the trigger's subject."""
    if actor is None:
        return True
    subj = clause_subject(tok)
    return subj is None or _in(subj, actor) or subj.pos_ == "PRON"


# --------------------------------------------------------------------------- classification


def _weapon_mode(tokens: Iterable[Token], lex: Lexicon) -> str | None:
    for tok in tokens:
        for key in (tok.lemma_.lower(), tok.lower_):
            if key in lex.weapons:
                return lex.weapons[key]
    return None


def _fallback(
    doc: Doc, anchor: Token, actor: Span | None, recipient: Span | None, lex: Lexicon
) -> tuple[Token, _Reading] | None:
    """No trigger on the chain: the nearest lexicon trigger in the anchor's clause."""
    candidates = sorted(
        (t for t in anchor.subtree if not _in(t, actor) and not _in(t, recipient)),
        key=lambda t: abs(t.i - anchor.i),
    )
    for tok in candidates:
        if tok.pos_ not in ("VERB", "NOUN", "ADJ"):
            continue
        if tok.pos_ == "NOUN" and not _is_event_noun(tok, lex):
            continue
        reading = read_token(tok, lex)
        if reading.kind == "content" and reading.sense is not None:
            return tok, reading
    return None


def _intended(chain: list[Token], lex: Lexicon) -> str | None:
    for tok in chain:
        reading = read_token(tok, lex)
        if reading.kind == "content" and reading.sense is not None:
            return reading.sense.event_type
    return None


def classify_doc(doc: Doc, actor: str | None, recipient: str | None) -> PairResult:
    """Classify a pair in an already parsed sentence (see :func:`classify_pair`)."""
    lex = load_lexicon()
    if not any(not t.is_space and not t.is_punct for t in doc):
        return PairResult(event_type=None)
    actor_span = locate(doc, actor)
    recipient_span = locate(doc, recipient, avoid=actor_span)
    if recipient_span is not None and actor_span is not None and recipient_span == actor_span:
        recipient_span = None
    anchor = _anchor(doc, actor_span, recipient_span, lex)
    chain = _chain(anchor, recipient_span, lex)
    return classify_chain(doc, anchor, chain, actor_span, recipient_span, lex)


def classify_chain(
    doc: Doc,
    anchor: Token,
    chain: list[Token],
    actor_span: Span | None,
    recipient_span: Span | None,
    lex: Lexicon,
    *,
    plover_retype: bool = True,
    fallback: bool = True,
    inherited: frozenset[Cue] = frozenset(),
    under_speech: bool = False,
) -> PairResult:
    """Read a chain of predicates top-down and decide type, mode and modality.

    Shared by the pair classifier and the sentence-level event stage
    (:mod:`sitrep.events.stage`). ``plover_retype`` applies PLOVER's re-reading of intended
    and refused actions (future cooperation is AGREE, refused cooperation is REJECT); the
    event stage turns it off because it records the same distinction in ``modality``.
    ``fallback`` allows the nearest lexicon trigger in the anchor's clause when the chain has
    none (the pair task knows an event is there; the event stage does not). ``inherited`` and
    ``under_speech`` are cues from predicates above the anchor ("it is expected that ...").
    """
    cues: set[Cue] = set(inherited)
    intent = False
    decided: tuple[Token, _Reading] | None = None
    frame: str | None = None  # REQUEST / REJECT decided by a wrapper verb
    for pos, tok in enumerate(chain):
        if _in(tok, actor_span) or _in(tok, recipient_span):
            continue  # "Taliban ruled Afghanistan": a verb inside the actor's own name
        tok_cues = token_cues(tok, lex)
        reading = read_token(tok, lex)
        # "X said Y must return the helicopter": a demand on Y (CAMEO 10).
        demand = pos > 0 and Cue.OBLIGATION in tok_cues and _obliges_other(tok, actor_span)
        if reading.kind == "content" and reading.sense is not None:
            cues |= tok_cues
            if demand:
                frame = "REQUEST"
                cues.add(Cue.REQUESTED)
            decided = (tok, reading)
            break
        cues |= tok_cues - {Cue.IF_CLAUSE} if pos == 0 else tok_cues
        if reading.kind == "speech":
            under_speech = True
        elif reading.kind == "intent":
            intent = True
        elif reading.kind == "request":
            frame = "REQUEST"
            cues.add(Cue.REQUESTED)
            decided = (tok, reading)
            break
        elif reading.kind == "reject":
            frame = "REJECT"
            if any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
                cues.add(Cue.REFUSED)
            decided = (tok, reading)
            break
        elif reading.kind == "deny":
            if any(c.dep_ in ("xcomp", "ccomp", "pcomp") for c in tok.children) or any(
                g.dep_ == "pcomp" for c in tok.children for g in c.children
            ):
                cues.add(Cue.REFUSED)
                continue
            frame = "REJECT"
            decided = (tok, reading)
            break
        if demand:
            frame = "REQUEST"
            cues.add(Cue.REQUESTED)
            decided = (tok, _Reading("request", None, [tok]))
            break

    if decided is None:
        found = _fallback(doc, anchor, actor_span, recipient_span, lex) if fallback else None
        if found is None:
            return PairResult(event_type=None, mode=[], modality="asserted")
        decided = found
        cues |= token_cues(found[0], lex)

    tok, reading = decided
    rest = chain[chain.index(tok) + 1 :] if tok in chain else []
    if frame is not None:
        event_type = frame
        mode: list[str] = []
        intended = _intended(rest or descend(tok, lex), lex)
    else:
        assert reading.sense is not None
        event_type = reading.sense.event_type
        mode = [reading.sense.mode] if reading.sense.mode else []
        intended = None
        retyped: str | None
        if not plover_retype:
            retyped = None
        elif Cue.NEGATION in cues or Cue.REFUSED in cues:
            retyped = lex.negated_reading.get(event_type)
        elif _actor_is_agent(tok, actor_span) and (
            intent
            or cues & {Cue.FUTURE, Cue.PLANNED, Cue.EXPECTED, Cue.CONDITIONAL}
            or Cue.WOULD in cues
        ):
            retyped = lex.future_reading.get(event_type)
        else:
            retyped = None
        if retyped is not None:
            intended, event_type, mode = event_type, retyped, []
        if event_type == "ASSAULT" and not mode:
            weapon = _weapon_mode([*tok.subtree, *(actor_span or [])], lex)
            if weapon:
                mode = [weapon]
        if event_type == "MOBILIZE" and any(
            t.lemma_.lower() in lex.peacekeeping for t in tok.subtree
        ):
            event_type, mode = "AID", ["peacekeeping"]  # "sending troops to a UN force"
    if frame == "REQUEST" and intended == "ACCUSE":
        # "called for a full investigation into the death of X": demanding that someone be
        # investigated or charged accuses them
        event_type, mode = "ACCUSE", []
    if intent:
        cues.add(Cue.PLANNED)
    if not plover_retype:
        # The event stage records the request itself as a REQUEST event; "requested" would
        # only repeat its type ("will ask Russia to supply" is a planned REQUEST).
        cues.discard(Cue.REQUESTED)
    modality = resolve(cues, under_speech=under_speech, historical=is_historical(tok, lex))
    words = sorted(reading.trigger or [tok], key=lambda t: t.i)
    return PairResult(
        event_type=event_type,
        mode=mode,
        modality=modality,
        trigger=" ".join(t.text for t in words),
        trigger_start=words[0].idx,
        intended_type=intended,
        trigger_index=tok.i,
        trigger_indices=[t.i for t in words],
        specific=reading.specific or frame is not None,
        source=reading.source if frame is None else "lexicon",
    )


def classify_pair(sentence: str, actor: str, recipient: str | None, nlp: Language) -> PairResult:
    """Classify what ``actor`` does to ``recipient`` in ``sentence`` (PLOVER type, mode, modality).

    ``actor`` and ``recipient`` are strings as they appear in the sentence; ``recipient`` may
    be ``None``. ``nlp`` is a spaCy pipeline with a parser (en_core_web_md). Returns a
    :class:`PairResult` whose ``event_type`` is ``None`` when no PLOVER event is found.
    """
    return classify_doc(nlp(sentence), actor, recipient)


def classify_pairs(records: Iterable[dict[str, Any]], nlp: Language) -> Iterator[dict[str, Any]]:
    """The ``sitrep classify-pairs`` contract, batched through ``nlp.pipe``.

    Each record is ``{"sentence": str, "actor": str, "recipient": str | None}``; each output
    is ``{"event_type": str | None, "mode": [str, ...], "modality": str}``, in input order.
    """
    items = ((str(r.get("sentence") or ""), r) for r in records)
    for doc, record in nlp.pipe(items, as_tuples=True, batch_size=PIPE_BATCH):
        result = classify_doc(doc, record.get("actor"), record.get("recipient"))
        yield result.to_dict()
