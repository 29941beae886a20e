"""Judgements said of an act or an actor, and other statements that CAMEO codes by what
they say rather than by their verb.

Praise (SUPPORT) and criticism (ACCUSE):
"Russia called the referendum a milestone", "Iran described the attack as barbaric", "the
Foreign Ministry said the election was unlawful": the verb only says or names, and the word
that judges carries the event — praise is SUPPORT, disapproval ACCUSE (CAMEO 051 and 111).
The judged thing must be an actor or an act (an event noun, an election, a decision ...):
an opinion about anything else ("he said the economy is strong") is no event. A negated
judgement ("were not constructive") turns around; a judgement that mixes praise and blame
says nothing we can code. :func:`judged_owners` finds whom praise or criticism read from
the lexicon ("expressed concern over the US missile plans") is about.

Offers and requests (:func:`offer_or_ask`): readiness to act, or a vow or pledge, offers it
("is willing to hold talks", "pledged to donate" are AGREE, CAMEO 03; readiness or a vow to
attack threatens, CAMEO 13), made when told; asking for a thing requests it ("sought
military aid from China" is REQUEST, CAMEO 02), not the act itself.

Blame (:func:`judgement` through ``_blamed``): a said clause or a verb of holding that puts a
harm on an actor accuses it ("said Pakistan was behind the attack", CAMEO 112).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep.events.arguments import (
    MentionIndex,
    Party,
    ResolutionContext,
    prepositional_objects,
)
from sitrep.events.pairs import PairResult, read_token
from sitrep.events.rules import StageRules

_SUPPORT, _ACCUSE = "SUPPORT", "ACCUSE"
# What readiness to act is, by the act: an offer (AGREE) or a threat (THREATEN).
_OFFERED = {
    **dict.fromkeys(("CONSULT", "COOPERATE", "AID", "SUPPORT", "CONCEDE", "RETREAT"), "AGREE"),
    **dict.fromkeys(("ASSAULT", "COERCE", "SANCTION"), "THREATEN"),
}
# Offers and threats: the promise or threat is an act of its own, made when it is said.
_COMMITMENTS = frozenset({"AGREE", "THREATEN"})
# Auxiliaries that put the promise itself in the future or in doubt ("will promise").
_NOT_YET = frozenset({"will", "would", "shall", "'ll", "may", "might", "could"})
# Verbs of a said clause that judge their subject by their complement: "the plans were
# illegal", "posed a threat to its security", "constitute a violation".
_COPULAR = frozenset({"be", "pose", "constitute", "represent", "remain", "amount"})
# Determiners that deny a subject: "neither party was to blame".
_NONE_OF = frozenset({"neither", "no"})
# Acts an actor can be blamed for, besides the listed harms ("behind the arrests").
_HARMFUL_ACTS = frozenset({"ASSAULT", "COERCE"})
# Prepositions naming what praise or criticism is about ("concern over", "regret at").
_JUDGED_PREPS = frozenset({"over", "about", "at", "for", "on", "of", "with"})


@dataclass(slots=True)
class Judgement:
    result: PairResult
    chain: list[Token]  # the saying or naming verb, then the judging word
    actors: list[Party]
    recipients: list[Party]


def judgement(
    verb: Token, index: MentionIndex, context: ResolutionContext, rules: StageRules
) -> Judgement | None:
    """The judgement ``verb`` states, when its subject names an actor."""
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "did not call the vote illegal"
    blamed = _blamed(verb, rules)
    if blamed is not None:
        kind, mode = _ACCUSE, ["allege"]
        judged, word = blamed
        recipients: list[Party] | None = [
            p for p in index.parties(judged, context=context) if not p.place
        ]
    else:
        if lemma in rules.judging_verbs:
            judged, words, negated = _named_as(verb)
        elif lemma in rules.attribution_verbs:
            judged, words, negated = _said_to_be(verb)
        else:
            return None
        if judged is None or not words:
            return None
        polarity = _polarity(words, negated, rules)
        if polarity is None:
            return None
        kind, mode = polarity, ["disapprove"] if polarity == _ACCUSE else []
        recipients = _judged_parties(judged, index, context, rules)
        word = next(w for w in words if w.lemma_.lower() in rules.praise_words | rules.blame_words)
    if recipients is None:
        return None  # neither an actor nor an act: an opinion, not an event
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    actors = [p for p in index.parties(subject, context=context) if not p.place]
    if not actors:
        return None
    keys = {p.key for p in actors}
    recipients = [p for p in recipients if p.key not in keys]
    if blamed is not None and not recipients:
        return None  # "said it was not responsible", "said the storm was to blame"
    result = PairResult(
        event_type=kind,
        mode=mode,
        modality="asserted",
        trigger=f"{verb.text} … {word.text}",
        trigger_start=verb.idx,
        trigger_index=verb.i,
        trigger_indices=[verb.i, word.i],
        specific=True,
        source="judgement",
    )
    return Judgement(result, [verb, word], actors, recipients)


def _blamed(verb: Token, rules: StageRules) -> tuple[Token, Token] | None:
    """Who a statement blames for a harm, and the blaming word: "said the army was
    responsible for the massacre", "said Pakistan was behind the attack", "said Syria was to
    blame", "held Washington responsible for the crisis" (CAMEO 112)."""
    lemma = verb.lemma_.lower()
    if lemma in rules.attribution_verbs:
        for clause in verb.children:
            if (
                clause.dep_ != "ccomp"
                or clause.lemma_ != "be"
                or any(c.dep_ == "neg" for c in clause.children)
            ):
                continue  # "said Iran was not behind the attack" is no blame
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is None or any(c.lower_ in _NONE_OF for c in subject.children):
                continue  # "neither party was to blame"
            word = next((w for w in clause.children if _blames(w, rules)), None)
            if word is not None:
                return subject, word
    elif lemma in rules.blaming_verbs:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for word in verb.children:
            if word.dep_ in ("ccomp", "oprd", "xcomp", "acomp") and _blames(word, rules):
                # the parse makes the one held either the adjective's subject or the object
                held = [c for c in word.children if c.dep_ == "nsubj"] or objects
                if held:
                    return held[0], word
    return None


def _blames(word: Token, rules: StageRules) -> bool:
    """Whether a complement puts a harm on its subject: "responsible for the massacre",
    "guilty of war crimes", "behind the bombing", "to blame"."""
    lemma = word.lemma_.lower()
    if lemma in rules.blame_adjectives:
        return any(_harm(g, rules) for g in prepositional_objects(word, ("for", "of", "in")))
    if word.dep_ == "prep" and word.lower_ == "behind":
        return any(_harm(g, rules) for g in word.children if g.dep_ == "pobj")
    return to_blame(word)


def to_blame(word: Token) -> bool:
    """ "is to blame": a state of guilt put on the subject, not an act of blaming."""
    return word.lemma_.lower() == "blame" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in word.children
    )


def _harm(noun: Token, rules: StageRules) -> bool:
    if noun.lemma_.lower() in rules.harm_nouns | rules.blame_words:
        return True
    sense = read_token(noun, rules.lexicon).sense
    return sense is not None and sense.event_type in _HARMFUL_ACTS


def _named_as(verb: Token) -> tuple[Token | None, list[Token], bool]:
    """ "called the referendum a milestone", "described the attack as barbaric"."""
    judged = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if judged is None:
        return None, [], False
    heads = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        heads += [g for g in prep.children if g.dep_ in ("pobj", "amod", "acomp", "attr")]
    return judged, _judging_words(heads), False


def _said_to_be(verb: Token) -> tuple[Token | None, list[Token], bool]:
    """ "said the election was unlawful", "said that this meeting is a historic one"."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.lemma_ in _COPULAR):
        judged = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        # "was unlawful", "is a historic one"; "posed a threat to its security"
        heads = [c for c in clause.children if c.dep_ in ("acomp", "attr", "dobj")]
        negated = any(c.dep_ == "neg" for c in clause.children)
        return judged, _judging_words(heads), negated
    return None, [], False


def _judging_words(heads: list[Token]) -> list[Token]:
    """The complement heads, their conjuncts ("secret and fair") and their adjectives ("a
    historic one")."""
    out: list[Token] = []
    for head in heads:
        for tok in [head, *(c for c in head.children if c.dep_ in ("conj", "amod"))]:
            out.append(tok)
            out.extend(c for c in tok.children if c.dep_ == "amod")
    return out


def _polarity(words: list[Token], negated: bool, rules: StageRules) -> str | None:
    """SUPPORT for praise, ACCUSE for blame or praise denied ("not constructive"); None for
    no judging word, a mix, or blame denied ("not illegal" is no praise)."""
    lemmas = {w.lemma_.lower() for w in words}
    praise, blame = bool(lemmas & rules.praise_words), bool(lemmas & rules.blame_words)
    if praise == blame:
        return None  # no judging word, or praise and blame mixed
    if negated:
        return _ACCUSE if praise else None
    return _SUPPORT if praise else _ACCUSE


def _judged_parties(
    judged: Token, index: MentionIndex, context: ResolutionContext, rules: StageRules
) -> list[Party] | None:
    """Whom a judgement is about: the actor judged, or the actors named in the act judged
    (none named: an act all the same); None when the judged thing is neither."""
    parties = [p for p in index.parties(judged, context=context) if not p.place]
    if parties:
        return parties
    lemma = judged.lemma_.lower()
    reading = read_token(judged, rules.lexicon)
    if lemma not in rules.judged_acts and reading.sense is None:
        return None
    if lemma in rules.undergone_acts:
        return []  # "called Saddam Hussein's death sentence a milestone": not about him
    return _named_in(judged, index)


def judged_owners(
    words: list[Token], actors: list[Party], index: MentionIndex, context: ResolutionContext
) -> list[Party]:
    """Whom praise or criticism read from ``words`` is about: the actor the judged thing
    belongs to ("expressed concern over the US missile plans", "regret at Iran's decision",
    "condemning North Korea's test")."""
    own = {p.key for p in actors}
    for tok in words:
        things = [c for c in tok.children if c.dep_ == "dobj"]
        things += [
            g
            for prep in tok.children
            if prep.dep_ == "prep" and prep.lower_ in _JUDGED_PREPS
            for g in prep.children
            if g.dep_ == "pobj"
        ]
        for thing in things:
            # the thing itself, else the names before it ("the US missile plans", not the
            # place they are for)
            parties = (
                index.parties(thing, context=context)
                or _named_in(thing, index, before_only=True)
                or _parties_between(thing, index, context)
            )
            found = {p.key: p for p in parties if not p.place and p.key not in own}
            if found:
                return list(found.values())
    return []


def _parties_between(thing: Token, index: MentionIndex, context: ResolutionContext) -> list[Party]:
    """The parties of "the agreement between Armenia and Azerbaijan"."""
    return [
        p
        for g in prepositional_objects(thing, ("between", "among"))
        for p in index.parties(g, context=context)
    ]


def _named_in(thing: Token, index: MentionIndex, *, before_only: bool = False) -> list[Party]:
    """The actors named inside a noun phrase besides its head ("the South Ossetian
    referendum"), each once; with ``before_only``, only its modifiers before the head."""
    named: dict[str, Party] = {}
    for tok in thing.subtree:
        if tok.i == thing.i or (before_only and tok.i > thing.i):
            continue
        mention = index.mention_at(tok)
        if mention is not None:
            named.update((p.key, p) for p in index.party_of_mention(mention) if not p.place)
    return list(named.values())


def offer_or_ask(
    verb: Token, chain: list[Token], result: PairResult, doc: Doc, rules: StageRules
) -> None:
    """Retype a read predicate whose words offer or ask for the act (CAMEO 02/03/13):
    "is willing to hold talks", "expressed readiness to talk" offer it (AGREE; readiness to
    attack is a threat), "sought military aid", "sought support from Schmidt" ask for it
    (REQUEST); the act becomes the intended type."""
    offered = _OFFERED.get(result.event_type or "")
    if offered is not None and _offered(verb, chain, result, doc, rules):
        result.intended_type, result.event_type, result.mode = result.event_type, offered, []
        result.modality = "asserted"
    elif (
        result.event_type in _COMMITMENTS
        and result.modality == "planned"
        and _offered(verb, chain, result, doc, rules, made=True)
    ):
        # "promised to cooperate", "vowed to attack Israel", "pledged to donate": the promise
        # or threat is made; what it commits to is still to come (``intended_type``)
        result.modality = "asserted"
    elif verb.lemma_.lower() in rules.asking_verbs and result.event_type != "REQUEST":
        objects = {c.i for c in verb.children if c.dep_ == "dobj"}
        if objects & set(result.trigger_indices):
            result.intended_type, result.event_type, result.mode = result.event_type, "REQUEST", []


def _offered(
    verb: Token,
    chain: list[Token],
    result: PairResult,
    doc: Doc,
    rules: StageRules,
    *,
    made: bool = False,
) -> bool:
    """Whether a word of willingness stands above the act, up to the predicate; with
    ``made``, one said to be given now ("will promise", "could vow" are not)."""
    words = set(chain)
    node = doc[result.trigger_index] if result.trigger_index is not None else verb
    for _ in range(4):
        words.add(node)
        if node == verb or node.head == node:
            break
        node = node.head
    negated = any(c.dep_ == "neg" for w in words for c in w.children)
    offers = [w for w in words if w.lemma_.lower() in rules.offer_words]
    if made:
        # "will promise", or "plans to offer": a commitment still to be made
        offers = [
            w
            for w in offers
            if not any(c.lower_ in _NOT_YET for c in w.children if c.dep_ == "aux")
            and not (w.dep_ == "xcomp" and w.head.lemma_.lower() not in rules.offer_words)
        ]
    return not negated and bool(offers)
