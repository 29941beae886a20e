"""Events told by their noun: "talks opened in Beijing", "negotiations were moving forward
between police and the separatists", "an attack on two buses killed one", "the trial of
Saddam Hussein resumed" (:func:`noun_subject_event`), and anywhere in a sentence when the
noun phrase names its actor: "Israel's withdrawal from Gaza", "the US invasion of Iraq",
"Iran's decision not to allow the ambassadors to return" (:func:`nominal_events`).

The predicate of such a sentence only says that the event happened (``event_noun_verbs``) or
what it did to someone (``event_noun_harm_verbs``); the subject noun carries the type, and its
own modifiers name the participants: a people or country compounded with it ("Israeli
raid"), a possessor, "between X and Y" and "among" (the parties), "with X" and "against X"
(the other side), "on X" (the target of an attack), and "of X" for acts done to someone
(the trial of X, the arrest of X). An event the clause's subject comes under ("came under
attack from rebels") or its object is put under ("put Saddam on trial") takes its roles from
the clause (``undergoing_preps``, ``imposing_preps``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.events.arguments import (
    MentionIndex,
    Party,
    ResolutionContext,
    passive_agent,
    prepositional_objects,
)
from sitrep.events.lexicon import Lexicon
from sitrep.events.modality import is_historical, resolve, token_cues
from sitrep.events.pairs import PairResult, read_token
from sitrep.events.rules import StageRules

# Sectors of those who police a protest rather than hold it.
_STATE_FORCES = frozenset({"COP", "MIL", "SPY", "GOV"})
# A verb's prepositions that name the participants of its event-noun subject.
_VERB_PREPS = frozenset({"between", "among", "with", "against"})
# Of-phrases naming the one an act is done to ("the trial of X", "the arrest of X").
_DONE_TO = frozenset({"COERCE", "ACCUSE", "ASSAULT", "SANCTION", "RETREAT"})
# ... except acts whose "of" phrase is who does them ("the resignation of X").
_OWN_ACT_MODES = frozenset({"resign", "withdraw"})


@dataclass(slots=True)
class NounEvent:
    result: PairResult
    chain: list[Token]  # the predicate and the event noun
    actors: list[Party]
    recipients: list[Party]


def noun_subject_event(
    tok: Token, index: MentionIndex, context: ResolutionContext, rules: StageRules
) -> NounEvent | None:
    """The event of a predicate whose subject is an event noun, when the noun phrase or the
    predicate names at least one participant."""
    lemma = tok.lemma_.lower()
    harms = lemma in rules.event_noun_harm_verbs
    if not harms and lemma not in rules.event_noun_verbs:
        return None
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ == "WDT" and tok.dep_ == "relcl":
        subject = _event_antecedent(tok.head, rules.lexicon)  # "the bombings, which killed"
    # "Fighting between troops and rebels killed 40": a gerund subject is a noun here
    if subject is None or (subject.pos_ not in ("NOUN", "PROPN") and subject.tag_ != "VBG"):
        return None
    if subject.pos_ == "PROPN" and index.mention_at(subject) is not None:
        return None  # a name the actor stage read ("Summit Bank opened"), not an event noun
    noun = _counted(subject, rules.counting_nouns)
    lex: Lexicon = rules.lexicon
    reading = read_token(noun, lex)
    if reading.kind != "content" or reading.sense is None:
        return None
    kind = reading.sense.event_type
    if noun.pos_ == "PROPN" and kind != "CONSULT":
        return None  # a named meeting opens ("the Climate Change Conference"); a named
        # agreement or operation entering into force is no act of anyone's
    actors, recipients = _participants(noun, kind, index, context, mode=reading.sense.mode)
    # "negotiations were moving forward between police and the separatists": the parse
    # hangs the participants on the verb
    more_actors, more_recipients = _participants(tok, kind, index, context, own=False)
    actors += more_actors
    recipients += more_recipients
    if harms:
        for obj in (c for c in tok.children if c.dep_ == "dobj"):
            recipients += index.parties(obj, context=context)
    actors = [p for p in actors if not p.place]
    recipients = [p for p in recipients if not p.place and p.key not in {a.key for a in actors}]
    if not actors and not recipients and kind != "CONSULT":
        return None  # a summit or talks are events even where the text names no one
    cues = token_cues(tok, lex)
    result = PairResult(
        event_type=kind,
        mode=[reading.sense.mode] if reading.sense.mode else [],
        modality=resolve(cues, under_speech=False, historical=is_historical(noun, lex)),
        trigger=noun.text,
        trigger_start=noun.idx,
        trigger_index=noun.i,
        trigger_indices=[noun.i],
        specific=True,
    )
    return NounEvent(result, [tok, noun], actors, recipients)


def nominal_events(
    sent: Span,
    used: set[int],
    index: MentionIndex,
    context: ResolutionContext,
    rules: StageRules,
) -> list[NounEvent]:
    """Event nouns whose own phrase names the actor (a possessor, a people or country word,
    "by X"), outside the tokens an earlier reading used. Without a named actor a noun is
    only a topic ("talks on the nuclear issue"), never an event of its own."""
    lex: Lexicon = rules.lexicon
    out: list[NounEvent] = []
    for noun in sent:
        if noun.i in used or noun.pos_ != "NOUN" or index.mention_at(noun) is not None:
            continue
        act, negated = _intended_act(noun, rules.intent_nouns)
        if act is None and _relation(noun, rules):
            continue
        reading = read_token(act, lex) if act is not None else read_token(noun, lex)
        if reading.kind != "content" or reading.sense is None:
            continue
        kind = reading.sense.event_type
        actors, recipients = _participants(noun, kind, index, context, mode=reading.sense.mode)
        actors = [p for p in actors if not p.place]
        if not actors and kind == "ASSAULT":
            actors, recipients = _fell_in(noun, recipients, index, context)
        if not actors and kind == "PROTEST":
            actors = _caught_in(noun, index, context)
        undergone = None if actors else _undergone(noun, index, context, rules)
        if undergone is not None:
            actors, recipients = undergone
        elif not actors:
            continue
        if act is not None:
            extra = _participants(act, kind, index, context, own=False)[1]
            objects = [c for c in act.children if c.dep_ in ("dobj", "dative")]
            extra += [p for o in objects for p in index.parties(o, context=context)]
            recipients += extra
        recipients = [p for p in recipients if not p.place and p.key not in {a.key for a in actors}]
        cues = {c.lemma_.lower() for c in noun.children if c.dep_ == "amod"}
        modality = "negated" if negated else "asserted"
        planning = act is not None and noun.lemma_.lower() not in rules.done_intent_nouns
        if planning or cues & lex.cues.planned_heads:
            modality = "planned"  # "the planned visit", "Iraq's readiness to cooperate"
        trigger = [noun] if act is None else [noun, act]
        result = PairResult(
            event_type=kind,
            mode=[reading.sense.mode] if reading.sense.mode else [],
            modality=modality,
            trigger=" ".join(t.text for t in trigger),
            trigger_start=noun.idx,
            trigger_index=noun.i,
            trigger_indices=[t.i for t in trigger],
            specific=True,
        )
        out.append(NounEvent(result, trigger, actors, recipients))
        used.update(t.i for t in trigger)
    return out


def _caught_in(noun: Token, index: MentionIndex, context: ResolutionContext) -> list[Party]:
    """ "24 students were arrested during a campus demonstration", "police detained 30
    workers at a rally": who is arrested or hurt at a protest is taken as its protesters."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("during", "at", "in") or verb.pos_ != "VERB":
        return []
    held = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    parties = [p for h in held for p in index.parties(h, context=context) if not p.place]
    # the police or soldiers hurt at a protest are policing it
    return [p for p in parties if not set(p.ref.sector) & _STATE_FORCES]


def _relation(noun: Token, rules: StageRules) -> bool:
    """A noun of a lasting relation ("ties between Iran and Germany"); an agreement between
    named parties is one they reached ("a peace deal between the alliance and the rebels")."""
    lemma = noun.lemma_.lower()
    if lemma not in rules.relation_nouns:
        return False
    if lemma not in rules.agreement_nouns:
        return True
    return not any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in noun.children)


def _fell_in(
    noun: Token, others: list[Party], index: MentionIndex, context: ResolutionContext
) -> tuple[list[Party], list[Party]]:
    """ "Five Turkish soldiers died in a clash with PKK rebels": the other side of a fight
    the subject fell or was hurt in acts on the subject (actors, recipients)."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "during") or not others:
        return [], []
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.pos_ != "VERB" or subject is None:
        return [], []
    victims = [p for p in index.parties(subject, context=context) if not p.place]
    return (others, victims) if victims else ([], [])


def _undergone(
    noun: Token, index: MentionIndex, context: ResolutionContext, rules: StageRules
) -> tuple[list[Party], list[Party]] | None:
    """(actors, recipients) of an event its clause's subject undergoes: "the convoy came
    under attack from rebels", "the minister has come under criticism" (the subject is the
    recipient, "from"/"by" names the actor); "Iraq put Saddam on trial", "he was placed under
    house arrest" (the object, or a passive's subject, is the recipient). None otherwise."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma, word = verb.lemma_.lower(), prep.lower_
    children = list(verb.children)
    passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if word in rules.undergoing_preps.get(lemma, ()):
        undergoer = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
        doers = [
            *prepositional_objects(noun, ("from", "by")),
            *prepositional_objects(verb, ("from",)),
        ]
    elif word in rules.imposing_preps.get(lemma, ()):
        undergoer = passive or next((c for c in children if c.dep_ == "dobj"), None)
        agent = passive_agent(verb)
        doers = (
            ([agent] if agent is not None else [])
            if passive is not None
            else [c for c in children if c.dep_ == "nsubj"]
        )
    else:
        return None
    if undergoer is None:
        return None
    recipients = [p for p in index.parties(undergoer, context=context) if not p.place]
    actors = [p for d in doers for p in index.parties(d, context=context) if not p.place]
    return (actors, recipients) if recipients else None


def _intended_act(noun: Token, intent_nouns: frozenset[str]) -> tuple[Token | None, bool]:
    """ "decision not to allow": (allow, negated)."""
    if noun.lemma_.lower() not in intent_nouns:
        return None, False
    for child in noun.children:
        if child.dep_ in ("acl", "relcl", "xcomp") and child.pos_ == "VERB":
            negated = any(g.dep_ == "neg" for g in child.children)
            return child, negated
    return None, False


def _event_antecedent(noun: Token, lex: Lexicon) -> Token:
    """What a relative clause hung on ``noun`` is about: the noun, or the event noun whose
    prepositional phrase it ends ("the attacks on hotels in Amman, which killed 57": the
    parse hangs the clause on the nearest noun)."""
    node = noun
    for _ in range(3):
        if read_token(node, lex).kind == "content":
            return node
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            break
        node = node.head.head
    return noun


def _counted(noun: Token, counting: frozenset[str]) -> Token:
    """ "the fifth round of six-party talks" -> talks."""
    if noun.lemma_.lower() not in counting:
        return noun
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            return pobj
    return noun


def _unknown_name(party: Party) -> bool:
    entity = party.entity
    return entity is None or not (entity.country or entity.sector or entity.role)


def _participants(
    noun: Token,
    kind: str,
    index: MentionIndex,
    context: ResolutionContext,
    *,
    own: bool = True,
    mode: str | None = None,
) -> tuple[list[Party], list[Party]]:
    """Participants named by ``noun``'s modifiers and prepositions; with ``own=False`` (a
    verb), only its "between"/"among"/"with"/"against" phrases."""
    actors: list[Party] = index.led_by(noun) if own else []  # "a US-led invasion"
    recipients: list[Party] = []
    for child in noun.children:
        if not own and not (child.dep_ == "prep" and child.lower_ in _VERB_PREPS):
            continue
        if child.dep_ in ("compound", "amod", "nmod", "poss"):
            mention = index.mention_at(child)
            if mention is not None and mention.label in ("NORP", "GPE", "ORG", "PERSON"):
                named = index.party_of_mention(mention)
                if child.dep_ == "amod" or mention.label == "NORP":
                    # "anti-Israeli attacks", "a European visit", "Siberian over-flight
                    # charges": an adjective no gazetteer knows says what kind, not who
                    named = [p for p in named if not _unknown_name(p)]
                actors += named
            elif mention is None and child.dep_ == "poss" and child.tag_ in ("PRP$", "WP$"):
                # "Bolton, whose resignation", "its decision", "their withdrawal"
                actors += index.parties(child, context=context)
        elif child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            parties = [p for g in objects for p in index.parties(g, context=context)]
            word = child.lower_
            if word in ("between", "among", "by"):
                actors += parties
            elif word in ("with", "against", "on", "to"):
                recipients += parties
            elif word == "of":
                # "the trial of X" is done to X; "the summit of SAARC" is held by it, and
                # "the resignation of X", "the withdrawal of X's troops" are X's own acts
                done_to = kind in _DONE_TO and mode not in _OWN_ACT_MODES
                (recipients if done_to else actors).extend(parties)
    return actors, recipients
