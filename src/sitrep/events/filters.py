"""Which decided events the stage keeps: participants in scope and filters of non-events.

A reading of a predicate is not yet an event. :meth:`EventFilters.rejection` says why one is
dropped — no participant in scope, a date or a name read as an event noun, a request without
anything asked, a forecast read as a threat, a habit, a natural death, a market quantity —
or None to keep it. The words behind each filter are data (``data/stage_rules.yaml``); the
precision filters were read from newswire errors (issues 5 and 11).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitrep.events.arguments import (
    MentionIndex,
    Party,
    ResolutionContext,
    clause_tokens,
    prepositional_objects,
)
from sitrep.events.modality import is_to_infinitive
from sitrep.events.pairs import PairResult
from sitrep.events.rules import StageRules
from sitrep.records import TimeExpression

__all__ = ["UNNAMED", "EventFilters", "Found"]

CONSULT = "CONSULT"
# The label of an actor the text does not name ("unidentified gunmen").
UNNAMED = "UNNAMED"
# The reason for an event noun read as the act of a verb's subject that it is not: the stage
# lets the noun be read again with the participants its own phrase names.
NOT_THE_VERBS_OWN = "event noun not the verb's own"
# Events an unnamed attacker can be the actor of.
_VIOLENT = frozenset({"ASSAULT", "COERCE", "THREATEN"})
# "called for talks", "appealed to X", "pressed for delivery": what a request asks for.
_ASK_PREPS = frozenset({"for", "on", "upon", "to"})
# Entity labels of names whose words are no sports words ("3rd Brigade Combat Team").
_NAME_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC"})
# The prepositions through which a verb of going names its event ("left for a visit").
_GOING_PREPS = frozenset({"for", "on", "to", "into", "in"})
# A game score ("beat Taiwan 2-1", "won 3-0"): ASSAULT verbs there are sport.
_SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b")


def _about_natural_cause(found: Found, rules: StageRules) -> bool:
    """An investigation whose "into"/"of" phrase is an accident, a crash or a fire."""
    return any(
        g.lemma_.lower() in rules.natural_causes
        for t in found.chain
        for g in prepositional_objects(t, ("into", "of"))
    )


def _under(tok: Token, verbs: frozenset[str]) -> bool:
    """Whether a verb of ``verbs`` governs ``tok`` through complement clauses."""
    for _ in range(4):  # complement nesting in news sentences is shallow
        if tok.dep_ not in ("ccomp", "xcomp") or tok.head == tok:
            return False
        tok = tok.head
        if tok.lemma_.lower() in verbs:
            return True
    return False


def _standing(verb: Token) -> bool:
    """A present-tense passive without "being": a state ("troops are stationed there"), not
    the act of moving them ("were deployed", "are being sent")."""
    aux = [c for c in verb.children if c.dep_ in ("auxpass", "aux")]
    present = any(a.tag_ in ("VBP", "VBZ") and a.lemma_ == "be" for a in aux)
    return verb.tag_ == "VBN" and present and not any(a.lower_ == "being" for a in aux)


def _counted_object(noun: Token, verb: Token, counting: frozenset[str]) -> bool:
    prep = noun.head
    counter = prep.head
    if prep.lower_ == "in" and counter == verb:
        # "received 500 million dollars in aid": the parse hangs the "in" on the verb
        return any(c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in verb.children)
    return (
        (
            (prep.lower_ == "of" and counter.lemma_.lower() in counting)
            # "gave Egypt $2 billion in aid": the sum counts the aid
            or (prep.lower_ == "in" and counter.ent_type_ == "MONEY")
        )
        and counter.head == verb
        and counter.dep_ in ("dobj", "nsubjpass")
    )


@dataclass(slots=True)
class Found:
    """A decided event before it becomes a record."""

    result: PairResult
    predicate: Token
    chain: list[Token]
    actors: list[Party]
    recipients: list[Party]


@dataclass(slots=True)
class EventFilters:
    """The filters of one Doc (they look up mentions, times and the parse)."""

    doc: Doc
    rules: StageRules
    index: MentionIndex
    context: ResolutionContext
    times: dict[int, TimeExpression]

    def rejection(self, found: Found, decided: Token) -> str | None:
        """Why a decided event is not kept (a short reason), or None to keep it."""
        kind = found.result.event_type
        if not self._participants_ok(found, decided):
            return "no participant in scope"
        triggers = [self.doc[i] for i in found.result.trigger_indices] or [decided]
        if any(t.i in self.times or self._named(t) for t in triggers):
            return "trigger is a date or a name"  # "in March", "Strike Force"
        # CAMEO patterns name their own objects; a judgement's word is its verb's by
        # construction ("described the sale as interference")
        own_words = found.result.source in ("cameo", "judgement")
        if not own_words and not self._object_reading_allowed(decided, triggers):
            return NOT_THE_VERBS_OWN
        if kind == "ASSAULT" and (self._sports(decided.sent) or self._figurative_fight(decided)):
            return "sport or figurative fight"
        if kind == "REQUEST" and not found.recipients and not self._asked_in_passing(decided):
            asks = any(
                c.dep_ in ("xcomp", "ccomp", "dobj")
                or (c.dep_ == "prep" and c.lower_ in _ASK_PREPS)
                # "called for Damascus to do everything": parsed as a "for" clause
                or (c.dep_ == "advcl" and any(g.dep_ == "mark" for g in c.children))
                for c in decided.children
            )
            if not asks:
                return "nobody asked, nothing asked for"  # "pressed military flesh"
        if kind == "REJECT" and self._no_comment([found.predicate, decided]):
            return "no comment"  # "declined comment", "refused to elaborate"
        if kind == "THREATEN" and not self._threat(found, decided):
            return "a forecast"  # "warned that the economy faced risks"
        if kind in ("REQUEST", "REJECT") and not self._complemented([found.predicate, decided]):
            return "request or refusal without its clause"  # "called a 10-minute break"
        why = self._not_happened(found, decided)
        if why is not None:
            return why
        if (
            kind == "AID"
            and not found.recipients
            and decided.pos_ in ("VERB", "AUX")  # "US food aid": the noun is what is given
            # what is given: the object, or the subject of a passive ("flour was handed out")
            and not any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in decided.children)
        ):
            return "aid with nothing given to no one"  # "be able to constantly supply"
        if (
            kind == CONSULT
            and "visit" in found.result.mode
            and all(self._civilian(p) for p in found.actors)
        ):
            return "civilians travelling"  # refugees arriving, pilgrims travelling
        economic = self.rules.economic_nouns
        if kind == "SANCTION" and any(self._political(p) for p in found.actors):
            return None  # "Russia halted oil exports to Belarus": trade as a weapon
        words = [decided, *found.chain, *triggers]
        if decided.dep_ in ("acl", "relcl"):
            words.append(decided.head)  # "gas supplied to Georgia"
        # What an attack strikes may be a vehicle or a plant; who strikes is no market
        # ("the dollar hit a high").
        roles = ("nsubj",) if kind == "ASSAULT" else ("dobj", "nsubj", "nsubjpass", "attr")
        words += [c for t in (decided, found.predicate) for c in t.children if c.dep_ in roles]
        if kind == "AID" or found.result.intended_type == "AID":
            # "will provide 15 million dollars in emergency aid": money is what aid gives
            words = [w for w in words if w.lemma_.lower() not in self.rules.currency_words]
        if any(self._political(p) for p in found.actors):
            # "Russia accused the companies of violations": firms and banks a state acts on
            # are its recipients, not market quantities
            words = [
                w for w in words if w.dep_ not in ("dobj", "dative") or not self._party_noun(w)
            ]
        weapons = self.rules.weapon_modifiers
        if any(
            w.lemma_.lower() in economic
            and w.pos_ == "NOUN"
            and not any(c.dep_ in ("compound", "amod") and c.lower_ in weapons for c in w.children)
            for w in words
        ):
            return "market quantity"  # "cut rates", "shares fell"
        return None

    def _not_happened(self, found: Found, decided: Token) -> str | None:
        """What only looks like an event: a habit ("who attack targets frequently"), a
        failure that defies nothing ("failed to materialize its vision"), deaths from
        natural causes, "mobilize resources"."""
        rules = self.rules
        kind = found.result.event_type
        heads = {found.predicate, decided}
        if any(c.lemma_.lower() in rules.habitual_adverbs for h in heads for c in h.children):
            return "a habit"
        if _under(found.predicate, rules.belief_verbs):
            return "a belief"
        for verb in heads:
            if verb.lemma_.lower() == "fail" and kind == "REJECT":
                done = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
                if not any(c.lemma_.lower() in rules.fail_complements for c in done):
                    return "a failure, not a refusal"
        natural = any(
            t.lemma_.lower() in rules.natural_causes and t.pos_ in ("NOUN", "PROPN")
            for t in decided.sent  # the noun: "a rocket was fired at" is no fire
        )
        if "investigate" in found.result.mode and _about_natural_cause(found, rules):
            return "inquiry into an accident"  # "investigation into the accident"
        if kind == "ASSAULT" and not found.actors and natural:
            return "natural death"  # "three women were killed after lightning struck"
        if kind == "THREATEN" and any(
            c.lemma_.lower() in rules.natural_causes
            for i in found.result.trigger_indices or [decided.i]
            # the word before: "a tsunami warning" is often parsed as "tsunami" warned
            for c in (self.doc[max(i - 1, 0)], *prepositional_objects(self.doc[i], ("of", "about")))
        ):
            return "a warning of nature"  # "issued a tsunami warning for northern Japan"
        if kind == "MOBILIZE":
            # the forces may be whom the act moves: "put its troops on high alert"
            armed = any(
                set(p.ref.sector) & {"MIL", "COP", "REB", "UAF"}
                for p in (*found.actors, *found.recipients)
            )
            moved = [
                t
                for h in heads
                for c in h.children
                if c.dep_ in ("dobj", "nsubjpass")
                for t in c.subtree  # "thousands of troops"
            ]
            if not armed and not any(c.lemma_.lower() in rules.force_nouns for c in moved):
                return "no force mobilised"  # "we must mobilize all necessary resources"
            if _standing(found.predicate):
                return "a standing deployment"  # "37,000 US troops are stationed in Korea"
        return None

    def _participants_ok(self, found: Found, decided: Token) -> bool:
        """Actors do not gate events: a named participant is enough, except that business
        between companies and people with no state side stays out unless it is about
        defence (an order for jets, a contract protest)."""
        kind = found.result.event_type
        if any(p.label == UNNAMED for p in found.actors):
            return kind in _VIOLENT
        parties = [*found.actors, *found.recipients]
        if not parties:
            return False
        if not found.actors:
            return True  # "X was detained": what happened to a named party (patient_types)
        if any(self._political(p) or self._unresolved_name(p) for p in parties):
            return True
        return self._about_defence(found, decided)

    @staticmethod
    def _unresolved_name(party: Party) -> bool:
        """A person or organisation named in the text whose sector resolution could not tell:
        kept as an actor (resolution enriches, it never gates). A country alone ("Jean-Pierre
        Chevenement" of France, a politician out of office) says nothing of business either."""
        entity = party.entity
        unplaced = entity is None or not (entity.sector or entity.role)
        return unplaced and party.label in ("PERSON", "ORG")

    def _about_defence(self, found: Found, decided: Token) -> bool:
        """Equipment or a military word in the event's clause ("awarded a contract for 179
        tanker aircraft", "protested the Air Force's award")."""
        clause = [t for h in (decided, *found.chain) for t in clause_tokens(h)]
        if any(self.index.mentions_in(clause, "EQUIPMENT")):
            return True
        words = self.rules.defence_words
        return any(t.lemma_.lower() in words or t.lower_ in words for t in clause)

    def _object_reading_allowed(self, verb: Token, triggers: list[Token]) -> bool:
        """A verb outside the lexicon (or a light/aspect verb) takes its event from a direct
        object, or from a prepositional one only after verbs of going and only through their
        own for/on/to/in ("left for a visit", "is on a visit"; not "will take a holiday after
        his visit", "left Libya in defiance of sanctions")."""
        lemma = verb.lemma_.lower()
        if lemma in self.rules.lexicon.verbs and self.rules.lexicon.verbs[lemma].sense is not None:
            return True
        if self.rules.lexicon.role(lemma) in ("request", "reject", "deny", "intent"):
            return True
        # "hold a second round of talks", "announce a package of assistance", "$2 billion in
        # aid": the noun after a counting noun or sum that is the verb's object is the object
        nouns = [
            t
            for t in triggers
            if t != verb
            and t.dep_ == "pobj"
            and not _counted_object(t, verb, self.rules.counting_nouns)
        ]
        if not nouns:
            return True
        if lemma not in self.rules.prepositional_event_verbs:
            return False
        return all(n.head.head == verb and n.head.lower_ in _GOING_PREPS for n in nouns)

    def _complemented(self, verbs: list[Token]) -> bool:
        """Whether each verb of ``needs_complement`` among ``verbs`` has its clause or one
        of its prepositions ("called on X to ...", "called for talks", "failed to comply")."""
        for verb in verbs:
            preps = self.rules.needs_complement.get(verb.lemma_.lower())
            if preps is None:
                continue
            # a clause before the verb is what was reported, not asked ("X stormed the
            # town in an operation the army had called ...")
            if not any(
                (c.dep_ in ("xcomp", "ccomp") and c.i > verb.i)
                or (c.dep_ in ("prep", "prt") and c.lower_ in preps)
                # "called for Damascus to do everything": the "for" clause, parsed as advcl
                or (
                    c.dep_ == "advcl"
                    and c.i > verb.i
                    and any(g.dep_ == "mark" and g.lower_ in preps for g in c.children)
                )
                or (c.dep_ == "dobj" and "@object" in preps)
                or (c.dep_ == "dobj" and "@party" in preps and self.index.parties(c))
                for c in verb.children
            ):
                return False
        return True

    def _party_noun(self, tok: Token) -> bool:
        """Whether the mention layer reads ``tok`` as a party ("the companies", "foreign
        banks"), not as a thing or a quantity."""
        mention = self.index.mention_at(tok)
        return mention is not None and bool(self.index.party_of_mention(mention))

    @staticmethod
    def _asked_in_passing(verb: Token) -> bool:
        """A request whose object stands elsewhere in the grammar: a noun ("at Pyongyang's
        request"), a passive ("the destruction was ordered by Hun Sen", "when pressed by
        reporters") or a relative clause ("the aid Pyongyang requested")."""
        return (
            verb.pos_ in ("NOUN", "PROPN")
            or verb.dep_ == "relcl"
            or any(c.dep_ in ("nsubjpass", "agent", "auxpass") for c in verb.children)
        )

    def _figurative_fight(self, verb: Token) -> bool:
        """ "fought to save his job": a purpose clause and nobody fought against."""
        if verb.lemma_.lower() not in self.rules.struggle_verbs:
            return False
        children = list(verb.children)
        opponent = any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("against", "with", "for"))
            for c in children
        )
        # the to-infinitive is parsed as xcomp or advcl
        purpose = any(c.dep_ in ("xcomp", "advcl") and is_to_infinitive(c) for c in children)
        return not opponent and purpose

    def _no_comment(self, verbs: list[Token]) -> bool:
        words = self.rules.no_comment
        for verb in verbs:
            if self.rules.lexicon.role(verb.lemma_.lower()) != "reject":
                continue
            said = [c for c in verb.children if c.dep_ in ("dobj", "xcomp")]
            # "refused to give details": the complement's own object counts too
            said += [g for c in said if c.dep_ == "xcomp" for g in c.children if g.dep_ == "dobj"]
            if any(w.lemma_.lower() in words for w in said):
                return True
        return False

    def _threat(self, found: Found, decided: Token) -> bool:
        """A warning is a threat when someone is warned or the warner's own action is."""
        if decided.lemma_.lower() not in self.rules.warning_verbs or found.recipients:
            return True
        own = {p.key for p in found.actors}
        states = {p.ref.country for p in found.actors if p.ref.country}
        for clause in (c for c in decided.children if c.dep_ == "ccomp"):
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "expl")), None)
            if subject is None:
                if clause.tag_ == "VB":
                    return True  # "'Don't make me take drastic measures,' Chavez warned."
                continue
            if subject.pos_ == "PRON" and subject.lower_ != "there":
                return True  # "warned (that) they would take action": the warner's side
            parties = self.index.parties(subject, context=self.context)
            if any(p.key in own or (p.ref.country and p.ref.country in states) for p in parties):
                return True  # the warner, or its own state's forces ("Israel's army would")
            if subject.lemma_.lower() in self.rules.force_nouns and not any(
                p.ref.country for p in parties
            ):
                return True  # "warned that the army would respond": the warner's forces
        return False

    def _civilian(self, party: Party) -> bool:
        """A group of civilians (refugees, pilgrims, villagers): its sectors are all civilian."""
        entity = party.entity
        if entity is None or entity.kind != "group" or entity.attributes.get("members"):
            return False
        sectors = set(entity.sector)
        return bool(sectors) and sectors <= self.rules.civilian_sectors

    def _sports(self, sent: Span) -> bool:
        if _SCORE.search(sent.text):
            return True
        # nouns only: "set fire to", "won the support of" are no games; nor is a word of an
        # organisation's or a place's name ("3rd Brigade Combat Team")
        return any(
            t.pos_ in ("NOUN", "PROPN", "ADJ")
            and t.lemma_.lower() in self.rules.sports_words
            and t.ent_type_ not in _NAME_LABELS
            for t in sent
        )

    def _named(self, tok: Token) -> bool:
        mention = self.index.mention_at(tok)
        if mention is None or mention.label in ("NOMINAL", "MONEY"):
            return False
        # "fired an Agni missile": the common noun of a named system is still the weapon
        entity = self.index.entity_of(mention)
        return not (entity is not None and entity.kind == "equipment" and tok.pos_ == "NOUN")

    def _political(self, party: Party) -> bool:
        """States, peoples and holders of public office; not companies, banks or markets."""
        entity = party.entity
        if entity is None or (not entity.sector and not entity.country and not entity.role):
            # unresolved (no actor stage): only places and peoples are states or groups
            return party.label in ("GPE", "NORP")
        political = bool(set(entity.sector) & self.rules.political_sectors)
        if not entity.sector and entity.kind == "organisation":
            # "Border Security Force", "the Agriculture Department": a state body by its name
            words = {w.lower() for w in entity.name.split()}
            political = bool(words & self.rules.state_body_words)
        if entity.kind == "country":
            return True
        if entity.kind == "group":
            return bool(entity.attributes.get("members")) or political
        if entity.kind == "place":
            return party.label == "GPE"
        return political or (entity.role is not None and not entity.sector)
