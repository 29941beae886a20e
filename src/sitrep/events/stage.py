"""``sitrep_events_v1``: the PLOVER events each sentence reports, with their arguments.

Reads ``doc._.dct``, ``doc._.document_id``, ``doc._.time_expressions`` (sitrep_timex_v1),
``doc._.mentions`` and ``doc._.entities`` (sitrep_actors_v1); writes ``doc._.events``.

For every predicate of a sentence (in order) whose subject names an actor, the predicate and
the complements below it are read as a chain, exactly as the pair classifier reads the chain
between two given actors (:func:`sitrep.events.pairs.classify_chain`), with three changes:

* intended, expected, refused and hypothetical actions keep their own type and carry the
  distinction in ``modality`` (the pair task re-types them the PLOVER way: future CONSULT is
  AGREE); cues above the predicate ("it is expected that he would raise ...") count too;
* there is no fall-back to "any trigger nearby": no trigger on the chain, no event;
* a stricter lexicon (``data/stage_rules.yaml``) and filters keep economic and everyday
  sentences out: an event needs a political actor or recipient (states, peoples, office
  holders; not companies or banks), none of its deciding words may be a market quantity
  ("cut rates", "shares fell"), speech verbs only report, verbs outside the lexicon take
  their event from a direct object (prepositional ones only after verbs of going), a
  request needs someone asked or something asked for, and games are not assaults;
* precision filters read from newswire errors (issue 5), all in ``stage_rules.yaml``: request
  and refusal verbs that need their clause ("called a break", "failed in its efforts"),
  "no comment" refusals, warnings that are forecasts, states ("have strong ties"),
  figurative fights, aid with nothing given, civilians travelling (no visit), weapons and
  blasts as subjects, reduced passives ("43 police injured": the victims), and third-person
  pronouns inside a quotation (not the speaker); a passive verb's purpose clause takes the
  passive subject as actor ("named by Castro to back ...").

One noun pattern is read besides the predicates: "X, on a visit to Y, said ..." is a visit.
Before its own reading, a predicate may state a judgement (:mod:`sitrep.events.evaluations`:
"called the referendum a milestone" is SUPPORT) or adopt a document that acts for its author
(:mod:`sitrep.events.documents`: "adopted a resolution demanding a ceasefire" is the demand);
after it, words of willingness or asking retype it (offers are AGREE, asking for a thing is
REQUEST). Pronouns ("it", "they", "whose") are resolved from the document
(:class:`sitrep.events.arguments.ResolutionContext`), and a quotation of several sentences
is its speaker's words (:func:`sitrep.events.attribution.quoted_speech`). A meeting or accord
named again without its parties ("the talks will resume in Berlin") takes those of the last
one the article told (``_told_before``); what each filter costs and earns on the gold sets is
measured by ``scripts/filter_audit.py``.

Predicates consumed by an earlier chain ("scheduled to meet", "ask Russia to supply") are not
read again, so "X met Y and signed Z" gives two events and "X will ask Y to supply Z" one.
Restatements are merged at the end (:mod:`sitrep.events.merge`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sitrep.actors.money import parse_money
from sitrep.events.arguments import (
    UNIDENTIFIED_ATTACKERS,
    MentionIndex,
    Party,
    ResolutionContext,
    clause_tokens,
    passive_agent,
    prepositional_objects,
)
from sitrep.events.attribution import (
    Quote,
    governing_speech,
    quote_at,
    quoted_speech,
    signed_quotes,
)
from sitrep.events.documents import carries_document_act, document_act, document_author
from sitrep.events.evaluations import judged_owners, judgement, offer_or_ask, to_blame
from sitrep.events.filters import CONSULT, NOT_THE_VERBS_OWN, UNNAMED, EventFilters, Found
from sitrep.events.intensity import intensity_of, quad_of
from sitrep.events.lexicon import Lexicon
from sitrep.events.merge import Candidate, merge_restatements
from sitrep.events.modality import Cue, is_historical, resolve, token_cues
from sitrep.events.noun_events import nominal_events, noun_subject_event
from sitrep.events.pairs import (
    PairResult,
    classify_chain,
    clause_subject,
    descend,
    is_predicate,
    read_token,
)
from sitrep.events.rules import StageRules, load_stage_rules
from sitrep.events.timing import expression_tokens, governing_time, is_past, since_start
from sitrep.records import ActorRef, Amount, Event, Evidence, TimeExpression

__all__ = ["EventStage", "extract_events"]

# Dependencies through which a predicate inherits the modality cues of the one above it:
# complements ("is expected that he would raise"), and the noun a to-infinitive hangs on
# ("will give me an opportunity to hold talks").
_INHERIT_DEPS = frozenset({"ccomp", "xcomp", "acl", "dobj", "pobj", "prep", "attr", "oprd"})
# Dependencies of a predicate's direct recipient, and the prepositions that introduce one.
_RECIPIENT_DEPS = frozenset({"dobj", "dative", "iobj"})
_RECIPIENT_PREPS = frozenset({"with", "to", "against", "toward", "towards"})
# Acts whose noun names who gains by them after "for" ("aid for Ukraine").
_BENEFITS = frozenset({"AID", "SUPPORT"})
# Predicates that only modify a noun ("well-executed robberies") are not clauses.
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "poss", "advmod", "nummod"})
_CONSULT = CONSULT
_ASSAULT = "ASSAULT"
# Nouns of "X, on a visit to Y, said ...": being on a visit is a CONSULT visit.
_VISIT_NOUNS = frozenset({"visit", "trip", "tour"})
# A single state's military exercise is MOBILIZE, a joint one COOPERATE (PLOVER manual).
_EXERCISE_NOUNS = frozenset({"exercise", "drill", "maneuver", "manoeuvre", "wargame"})
_JOINT_WORDS = frozenset({"joint", "combined", "multinational", "bilateral", "trilateral"})
# event nouns an article names again without their parties ("the talks", "the accord")
_TOLD_AGAIN = frozenset({CONSULT, "AGREE"})
# Prepositions that set a meeting as the frame of a clause ("after talks with", "during a
# visit to", "in a meeting with"); a meeting "before"/"ahead of" the clause is planned.
_FRAMING_PREPS = frozenset({"on", "in", "after", "during", "following", "at", "before", "ahead"})
_AHEAD = frozenset({"before", "ahead"})
# Ordered acts that are the orderer's own event besides the patient types (see _ordered_act).
_ORDERED_ACTS = frozenset({"MOBILIZE"})
# Events whose recipient, where no actor is named as one, is whose act or thing they are
# about: "criticised the Chinese ordination", "suspended Mali's membership".
_JUDGED_OWNER_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "SANCTION", "COERCE"})
# How deep below the trigger a word still counts as its topic ("issue of supply of spares").
_TOPIC_DEPTH = 4


# The clauses of a request that name whom it asks, by dependency and marker: "called for
# Damascus to do", "asked that the Council lift".
_ASKING_CLAUSES = frozenset({("advcl", "for"), ("ccomp", "that")})


class EventStage:
    """The spaCy component: ``doc._.events`` from the parse, mentions and time expressions."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.rules = load_stage_rules()

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = extract_events(doc, self.rules)
        return doc


def extract_events(doc: Doc, rules: StageRules | None = None) -> list[Event]:
    """The events of a parsed Doc whose mentions and time expressions are already set."""
    rules = rules or load_stage_rules()
    reader = _DocReader.build(doc, rules)
    candidates: list[Candidate] = []
    for sent in doc.sents:
        if sent.start_char in reader.signatures:
            continue  # "— Rajnath Singh (@rajnathsingh) June 22, 2020" is a byline
        candidates.extend(reader.sentence_events(sent))
    return merge_restatements(candidates)


@dataclass(slots=True)
class _DocReader:
    doc: Doc
    rules: StageRules
    index: MentionIndex
    context: ResolutionContext
    quotes: list[Quote]
    signatures: set[int]
    times: dict[int, TimeExpression]
    filters: EventFilters
    visits: list[Event] = field(default_factory=list)
    # the parties of the last kept event of each type, for a noun that refers back to it
    told: dict[str, tuple[list[Party], list[Party]]] = field(default_factory=dict)
    main_country: str | None = (
        None  # "" once computed and none stands out  # earlier visits, for "during his visit"
    )

    @classmethod
    def build(cls, doc: Doc, rules: StageRules) -> _DocReader:
        index = MentionIndex.build(doc, rules)
        quotes, signatures = signed_quotes(doc, index)
        context = ResolutionContext.build(index)
        quotes += quoted_speech(doc, index, context, rules.attribution_verbs)
        times = expression_tokens(doc, list(doc._.time_expressions or []))
        return cls(
            doc=doc,
            rules=rules,
            index=index,
            context=context,
            quotes=quotes,
            signatures=signatures,
            times=times,
            filters=EventFilters(doc, rules, index, context, times),
        )

    @property
    def lex(self) -> Lexicon:
        return self.rules.lexicon

    # ------------------------------------------------------------------ per sentence

    def sentence_events(self, sent: Span) -> list[Candidate]:
        quote = quote_at(self.quotes, sent.start_char)
        self.context.speaker = quote.speaker if quote else []
        consumed: set[int] = set()
        out: list[Candidate] = []
        for tok in sent:
            if not is_predicate(tok, self.lex):
                continue
            if tok.i in consumed:
                # "condemned the attacks, which killed 57": an event the relative clause tells
                # of the condemned noun is one of its own
                found = self._noun_subject(tok) if tok.dep_ == "relcl" else None
            else:
                found = (
                    self._judgement(tok)
                    or self._read_predicate(tok, quote)
                    or self._noun_subject(tok)
                )
            if found is None:
                continue
            consumed.update(t.i for t in found.chain)
            decided = self.doc[found.result.trigger_index or tok.i]
            if found.result.event_type in ("REQUEST", "REJECT") or decided != tok:
                consumed.update(t.i for t in decided.subtree if not _apart(t, decided))
            why = self._rejection(found, decided)
            if why == NOT_THE_VERBS_OWN:
                # "lamented the Israeli raid": not the verb's subject's act; the noun may
                # still be an event of those its own phrase names (read below)
                consumed.difference_update(
                    i for i in found.result.trigger_indices if self.doc[i].pos_ == "NOUN"
                )
            if why is not None:
                continue
            out.append(self._candidate(found, decided, sent, quote))
        if len(out) == 1:
            # One event in the sentence: the equipment it names is that event's, even where
            # the parse has lost the link (long lists of systems parse badly).
            event = out[0].event
            for name in self._equipment(list(sent)):
                if name not in event.equipment:
                    event.equipment.append(name)
        used = {i for c in out for i in c.trigger_indices}
        for found in self._framing_meetings(sent, quote, used):
            # a visit's only trigger word is its predicate ("on a visit to ...")
            if self._keep(found, found.predicate):
                out.append(self._candidate(found, found.predicate, sent, quote))
        used |= consumed | {i for c in out for i in c.trigger_indices}
        for event in nominal_events(sent, used, self.index, self.context, self.rules):
            _plover_retype(event.result, self.lex)
            found = Found(event.result, event.chain[0], event.chain, event.actors, event.recipients)
            if self._keep(found, event.chain[0]):
                out.append(self._candidate(found, event.chain[0], sent, quote))
        out.sort(key=lambda c: c.event.evidence.start)
        return out

    def _framing_meetings(self, sent: Span, quote: Quote | None, used: set[int]) -> list[Found]:
        """ "Portman, on a two-day visit to India, said ...", "he told a press conference
        after a meeting with Merkel", "In a separate meeting with Mukerji, Ivanov said":
        a meeting the clause's subject held is an event of its own, though the sentence's
        predicate is a speech verb."""
        out: list[Found] = []
        for tok in sent:
            prep = tok.head
            if (
                tok.i in used
                or tok.dep_ != "pobj"
                or prep.lower_ not in _FRAMING_PREPS
                or prep.head.pos_ not in ("VERB", "AUX")
            ):
                continue
            reading = read_token(tok, self.lex)
            if reading.sense is None or reading.sense.event_type != _CONSULT:
                continue
            actors = self._actors(prep.head, quote)
            if not actors:
                continue
            visit = tok.lemma_.lower() in _VISIT_NOUNS
            recipients = self._recipients([tok], actors)
            if not visit and not recipients:
                continue  # "after a meeting" with no one named: too vague to be an event
            if not recipients and _definite(tok):
                continue  # "during the visit": the visit told before, not a new one
            result = PairResult(
                event_type=_CONSULT,
                mode=["visit"] if visit else [m for m in [reading.sense.mode] if m],
                modality="planned" if prep.lower_ in _AHEAD else self._modality_of(prep.head),
                trigger=tok.text,
                trigger_start=tok.idx,
                trigger_index=tok.i,
                trigger_indices=[tok.i],
                specific=True,
            )
            out.append(Found(result, tok, [tok], actors, recipients))
        return out

    def _modality_of(self, verb: Token) -> str:
        """The modality of a clause's own predicate ("it is expected that he would raise the
        issue during his discussions with ...": the discussions are expected too)."""
        inherited, under_speech = self._inherited(verb)
        cues = set(token_cues(verb, self.lex)) | set(inherited)
        return resolve(cues, under_speech=under_speech, historical=is_historical(verb, self.lex))

    def _judgement(self, tok: Token) -> Found | None:
        """ "Russia called the referendum a milestone": praise or criticism
        (:mod:`evaluations`), before the verb's own reading ("call" as a request)."""
        judged = judgement(tok, self.index, self.context, self.rules)
        if judged is None:
            return None
        return Found(judged.result, tok, judged.chain, judged.actors, judged.recipients)

    def _noun_subject(self, tok: Token) -> Found | None:
        """ "Talks opened in Beijing": the event is the subject noun (:mod:`noun_events`)."""
        event = noun_subject_event(tok, self.index, self.context, self.rules)
        if event is None:
            return None
        return Found(event.result, tok, event.chain, event.actors, event.recipients)

    def _read_predicate(self, tok: Token, quote: Quote | None) -> Found | None:
        lemma = tok.lemma_.lower()
        if tok.dep_ in _MODIFIER_DEPS or lemma in self.rules.non_event_verbs:
            return None  # "well-executed robberies", "we need an agreement"
        if self._state(tok) or _guilt(tok):
            # "the two countries have strong ties", "Syria is to blame": a state, not an event
            return None
        if self.lex.role(lemma) == "speech" and not self._speech_event(tok):
            return None  # the speech verb is attribution; what is said is read on its own
        if self._asked_for(tok):
            return None  # "drew calls for Olmert to resign": a request's content, not an act
        if carries_document_act(tok, self.rules):
            return None  # "adopted a resolution demanding ...": the demand is the event
        demand = self._obligation_request(tok, quote)
        if demand is not None:
            return demand
        actors = self._actors(tok, quote)
        patients = [] if actors else self._patients(tok)
        if not actors and not patients:
            return None
        chain = [tok, *(t for t in descend(tok, self.lex) if t != tok)]
        recipients = self._recipients(chain, actors) if actors else patients
        inherited, under_speech = self._inherited(tok)
        result = classify_chain(
            self.doc,
            tok,
            chain,
            _span_of_subject(tok),
            None,  # recipients are found below, not given
            self.lex,
            plover_retype=False,
            fallback=False,
            inherited=inherited,
            under_speech=under_speech,
        )
        if result.event_type is None or result.trigger_index is None:
            return None
        _plover_retype(result, self.lex)
        offer_or_ask(tok, chain, result, self.doc, self.rules)
        if (
            lemma == "fail"
            and result.event_type == "REJECT"
            and result.intended_type == "AGREE"
            and not any(c.lemma_.lower() in self.rules.fail_complements for c in chain)
        ):
            # "failed to reach an agreement": no agreement (AGREE, negated); failing to
            # comply stays defiance (REJECT)
            result.event_type, result.modality = "AGREE", "negated"
        if not actors and (
            result.event_type not in self.rules.patient_types or result.trigger_index != tok.i
        ):
            return None  # only the passive verb's own event happens to its subject
        decided = self.doc[result.trigger_index]
        if decided != tok and passive_agent(tok) is not None and decided in chain:
            # "All were named by Castro to back his brother": who backs is the passive
            # subject, not the agent of the naming.
            patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            actors = self._subject_parties(patient) if patient is not None else []
            if not actors:
                return None
            recipients = self._recipients(chain, actors)
        if result.event_type == "ASSAULT" and self._weapons_test(decided):
            # "test-fired an Agni missile", "fired two missiles into the sea": a show of
            # military power (PLOVER MOBILIZE), not a use of force
            result.event_type, result.mode, recipients = "MOBILIZE", ["weapons"], []
        military = actors and all(set(p.ref.sector) & {"MIL", "UAF"} for p in actors)
        if result.event_type == _CONSULT and "visit" in result.mode and military:
            # troops leaving are withdrawing, troops arriving are deploying: no visit
            leaving = decided.lemma_.lower() in self.rules.departure_verbs | {"withdraw"}
            result.event_type = "RETREAT" if leaving else "MOBILIZE"
            result.mode = ["withdraw"] if leaving else ["troops"]
        if (
            result.event_type == "REQUEST"
            and decided.lemma_.lower() in self.rules.command_verbs
            and result.intended_type in self.rules.patient_types | _ORDERED_ACTS
        ):
            # "The judge ordered the lawyer ejected and arrested": an authority's order is
            # its act, done to whom the order names.
            return self._ordered_act(found_result=result, tok=tok, chain=chain, actors=actors)
        if result.event_type == "REQUEST":
            # "invited Musharraf to attend the Clinton Global Initiative": whom a request
            # asks is its verb's own object; the complement's objects are what is asked for.
            own = self._recipients([decided], actors, own_only=True)
            asked = next((c for c in decided.children if c.dep_ == "nsubjpass"), None)
            if not own and asked is not None and actors:
                # "Germany has been asked by NATO to send jets": the passive subject is asked
                keys = {p.key for p in actors}
                own = [p for p in self._subject_parties(asked) if p.key not in keys]
            if own:
                recipients = own
            elif not recipients:
                recipients = self._asked_giver(decided, actors)
        if result.event_type == "ACCUSE" and not self._recipients([decided], actors, own_only=True):
            # "charged that Syria was arming Hezbollah": who the allegation is about is the
            # doer its clause names, not that clause's object
            recipients = self._accused_in_clause(decided, actors) or recipients
        if result.event_type in _JUDGED_OWNER_TYPES and not recipients:
            # "criticised the Chinese ordination", "dismissed the Indian allegations": whose
            # act or words are judged
            words = [*chain, *(self.doc[i] for i in result.trigger_indices)]
            recipients = judged_owners(words, actors, self.index, self.context)
        if (
            result.event_type == "AID"
            and decided.lemma_.lower() in self.rules.receiving_verbs
            and actors
        ):
            # "The Philippines received two jets from South Korea": the giver acts on the
            # subject; a gift from no one named is no one's act.
            givers = self._givers(decided)
            if not givers:
                return None
            actors, recipients = givers, actors
        return Found(result, tok, chain, actors, recipients)

    def _weapons_test(self, verb: Token) -> bool:
        """A missile fired as a test or into open water, at no one."""
        if verb.lemma_.lower() not in self.rules.firing_verbs:
            return False
        aimed = prepositional_objects(verb, ("at", "on", "against"))
        if any(g.ent_type_ not in ("DATE", "TIME") for g in aimed):
            return False  # fired at someone ("on Tuesday" aims at no one)
        tested = any(c.lower_ in self.rules.test_words and c.i < verb.i for c in verb.children)
        waters = prepositional_objects(verb, ("into", "off"))
        return tested or any(g.lemma_.lower() in self.rules.open_waters for g in waters)

    def _asked_giver(self, verb: Token, actors: list[Party]) -> list[Party]:
        """Whom a request for a thing asks, named on the thing: "is seeking Indian help",
        "sought US military aid"."""
        own = {p.key for p in actors}
        return [
            p
            for obj in verb.children
            if obj.dep_ == "dobj"
            for mod in obj.children
            if mod.dep_ in ("amod", "compound", "poss", "nmod")
            and (mention := self.index.mention_at(mod)) is not None
            and mention.label in ("NORP", "GPE", "ORG")
            for p in self.index.party_of_mention(mention)
            if not p.place and p.key not in own
        ]

    def _givers(self, verb: Token) -> list[Party]:
        """Who a receiving verb's "from" phrase names ("received two jets from South Korea")."""
        return [
            p
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "from"
            for g in c.children
            if g.dep_ == "pobj"
            for p in self.index.parties(g, context=self.context)
            if not p.place
        ]

    def _obligation_request(self, tok: Token, quote: Quote | None) -> Found | None:
        """ "Portman said India must help solve the standoff", ""Denmark should play a more
        active role," Christensen said": what a speaker says another must or should do is a
        demand on it (CAMEO 10, REQUEST), not the act itself."""
        if Cue.OBLIGATION not in token_cues(tok, self.lex):
            return None
        speech = governing_speech(tok, self.rules.attribution_verbs)
        subject = clause_subject(tok)
        if subject is None:
            return None
        if speech is not None and speech.subject is not None:
            said = speech.verb
            speakers = self.index.parties(speech.subject, context=self.context)
        elif speech is None and quote is not None and not quote.signed:
            said, speakers = tok, list(quote.speaker)
        else:
            return None
        speakers = [p for p in speakers if not p.place]
        obliged = self._subject_parties(subject)
        if not speakers or not obliged or {p.key for p in speakers} & {p.key for p in obliged}:
            return None  # "we must", "Russia said it should": the speaker's own intention
        reading = read_token(tok, self.lex)
        result = PairResult(
            event_type="REQUEST",
            mode=[],
            modality="asserted",
            trigger=f"{said.text} … {tok.text}" if said != tok else tok.text,
            trigger_start=said.idx,
            trigger_index=said.i,
            trigger_indices=sorted({said.i, tok.i}),
            intended_type=reading.sense.event_type if reading.sense is not None else None,
            specific=True,
        )
        return Found(result, said, sorted({said, tok}, key=lambda t: t.i), speakers, obliged)

    def _asked_for(self, tok: Token) -> bool:
        """Whether ``tok`` is what a request asks for ("calls for Olmert to resign", "a
        demand that troops withdraw", "asked that the Council lift its embargo"), or what
        a question leaves open ("would not say whether X had contacted Tehran"): the request
        is the event, the act is not."""
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
        if tok.dep_ == "ccomp" and marks & {"whether", "if"}:
            return True  # an indirect question: nobody says it happened
        asker = tok.head.lemma_.lower()
        if (
            tok.dep_ in ("ccomp", "xcomp")
            and self.lex.role(asker) == "request"
            and asker not in self.rules.command_verbs  # an order given is done (_ordered_act)
        ):
            return True
        head = tok
        for _ in range(4):  # a request noun governs its content within a few steps
            head = head.head
            if head.i == tok.i or (head.head == head and head.pos_ != "NOUN"):
                return False
            if head.pos_ == "NOUN":
                sense = self.lex.nouns.get(head.lemma_.lower())
                return (
                    sense is not None
                    and sense.sense is not None
                    and (sense.sense.event_type == "REQUEST")
                )
        return False

    def _ordered_act(
        self, found_result: PairResult, tok: Token, chain: list[Token], actors: list[Party]
    ) -> Found:
        intended = found_result.intended_type
        assert intended is not None
        act = next((t for t in chain[1:] if read_token(t, self.lex).sense is not None), chain[-1])
        result = PairResult(
            event_type=intended,
            mode=[],
            modality="asserted",
            trigger=f"{tok.text} {act.text}" if act != tok else tok.text,
            trigger_start=tok.idx,
            trigger_index=tok.i,
            trigger_indices=[tok.i, act.i] if act != tok else [tok.i],
            specific=True,
        )
        recipients = self._recipients([tok, act], actors) or self._patients(act)
        return Found(result, tok, chain, actors, recipients)

    def _subject_parties(self, subject: Token) -> list[Party]:
        if subject.lemma_.lower() in self.rules.non_actor_heads:
            return []
        return [p for p in self.index.parties(subject, context=self.context) if not p.place]

    def _document_author(self, document: Token) -> list[Party]:
        return document_author(
            document, self.index, self.context, lambda verb: self._actors(verb, None)
        )

    def _actors(self, tok: Token, quote: Quote | None) -> list[Party]:
        if tok.dep_ == "acl" and document_act(tok.head, self.rules) == tok:
            return self._document_author(tok.head)  # "a resolution demanding a ceasefire"
        reduced_passive = passive_agent(tok) is not None
        if (
            tok.dep_ == "acl"
            and tok.head.pos_ in ("NOUN", "PROPN")
            and _has_object(tok)
            and not reduced_passive
        ):
            # "The Gabonese opposition held a rally": a verb with a direct object is not a
            # reduced passive, whatever the parse says; the noun it hangs on is its subject.
            return [p for p in self._subject_parties(tok.head) if not p.place]
        agent = passive_agent(tok)
        if agent is not None:
            if agent.lemma_.lower() in self.rules.non_actor_heads:
                return []  # "killed by a roadside bomb": no named actor
            return self.index.parties(agent, context=self.context) or self._unnamed(agent)
        subject = clause_subject(tok)
        deployed = False
        if subject is not None and subject.dep_ == "nsubjpass":
            deployed = self._forces_deployed(tok, subject)
            if not deployed and not self._raising(subject):
                # "X was arrested": who did it is not said, unless what was given says
                # whom it came from
                return self._given_from(tok, subject)
        if _bare_participle(tok) and not deployed:
            return []  # "saw 160 Israelis killed", "43 police injured": the victims
        if subject is not None and subject.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
            subject = tok.head  # "Singh, who met Shoigu": the relative pronoun's antecedent
        if subject is None:
            # "Leaving for Moscow on a three day visit." in a signed post: the signer
            return list(self.context.speaker) if quote is not None and quote.signed else []
        if subject.lemma_.lower() in self.rules.non_actor_heads:
            return []  # "a roadside bomb struck a patrol": the bomb is no actor
        parties = self.index.parties(subject, context=self.context)
        if not parties and subject.lemma_.lower() in self.rules.document_nouns:
            parties = self._document_author(subject)  # "a motion by the Netherlands called on"
        if not parties and subject.lemma_.lower() in self.rules.person_role_heads:
            parties = self._named_in_phrase(subject)
        if not parties:
            parties = self._unnamed(subject)
        if not parties and subject.lower_ in ("it", "we", "they"):
            speech = governing_speech(tok, self.rules.attribution_verbs)
            if (
                speech is not None
                and speech.subject is not None
                and (subject.lower_ == "we" or not _quoted_apart(subject, speech.verb))
            ):
                # "Iran said it would ...": the speaker. Inside a direct quotation a third
                # person is someone else ("Jumblatt said: 'when they decide to return ...'").
                parties = self.index.parties(speech.subject, context=self.context)
        return [p for p in parties if not p.place]

    def _named_in_phrase(self, head: Token) -> list[Party]:
        """The person a role noun's phrase names ("the UN envoy to Nepal, Ian Martin"),
        wherever the parse hangs the name; else nobody."""
        for tok in sorted(head.subtree, key=lambda t: abs(t.i - head.i)):
            mention = self.index.mention_at(tok)
            if mention is not None and mention.label == "PERSON":
                return self.index.party_of_mention(mention)
        return []

    def _unnamed(self, subject: Token, nouns: frozenset[str] | None = None) -> list[Party]:
        """ "Gunmen shot dead ...", "a group of unidentified men fired ...": attackers the text
        does not name, kept as an actor without an entity (violent events only, see _keep)."""
        head = subject
        if head.lemma_.lower() in self.rules.collective_heads:
            head = next(
                (
                    g
                    for c in head.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                head,
            )
        nouns = self.rules.unnamed_assailants if nouns is None else nouns
        if head.pos_ != "NOUN" or head.lemma_.lower() not in nouns:
            return []
        words = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "punct")]
        name = " ".join(t.text for t in words) or head.text
        return [Party(ActorRef(entity_id=None, name=name), None, weak=True, label=UNNAMED)]

    def _given_from(self, verb: Token, subject: Token) -> list[Party]:
        """ "Flour and oil from the World Food Programme were handed out to 20 institutions":
        the giver of goods a passive of giving (an AID verb) says were given."""
        lemma = verb.lemma_.lower()
        keys = [lemma, *(f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt")]
        entries = [self.lex.verbs.get(k) for k in keys]
        if not any(e is not None and e.sense and e.sense.event_type == "AID" for e in entries):
            return []
        givers = [
            g for t in (subject, *subject.conjuncts) for g in prepositional_objects(t, ("from",))
        ]
        parties = [p for g in givers for p in self.index.parties(g, context=self.context)]
        return [p for p in parties if not p.place]

    def _patients(self, tok: Token) -> list[Party]:
        """Who an agentless passive happens to ("eight students were arrested", "43 police
        injured"): the passive subject's parties, for :attr:`patient_types` events."""
        agent = passive_agent(tok)
        if agent is not None and not self._weapon(agent):
            return []  # "killed by a roadside bomb" goes on: the weapon is no actor
        active = clause_subject(tok)
        if active is not None and active.dep_ == "nsubj" and self._weapon(active):
            # "a car bomb hit a police patrol": what the weapon struck
            subject = next((c for c in tok.children if c.dep_ == "dobj"), None)
        else:
            # "43 police injured", "found 14 farmers murdered": a reduced passive's subject
            # undergoes it (a pronoun's "it regretted" is a past tense the tagger misread)
            subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if subject is None and _bare_participle(tok):
                subject = next(
                    (c for c in tok.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None
                )
        if subject is not None and subject.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
            subject = tok.head  # "the bodies of 15 men who had been shot": the men
        if subject is None and _bare_participle(tok) and tok.head.pos_ in ("NOUN", "PROPN"):
            subject = tok.head  # "43 police injured": the participle hangs on its patient
        if subject is not None and subject.dep_ == "nsubjpass" and self._weapon(subject):
            return self._struck_near(tok)  # "explosives were detonated near the aid group's car"
        if subject is None or subject.lemma_.lower() in self.rules.non_actor_heads:
            return []
        parties = [p for p in self.index.parties(subject, context=self.context) if not p.place]
        return (
            parties
            or self._counted(subject, tok)
            or self._unnamed(subject, self.rules.unnamed_victims)
        )

    @staticmethod
    def _counted(subject: Token, verb: Token) -> list[Party]:
        """ "Four were killed", "one of Haniya's bodyguards was killed": a number alone stands
        for the people it counts, unnamed; "among the six soldiers ..., four were killed"
        names what it counts."""
        if subject.pos_ != "NUM":
            return []
        counted = prepositional_objects(subject, ("of",))
        among = [g for g in prepositional_objects(verb, ("among",)) if g.pos_ == "NOUN"]
        if counted:  # "one of Haniya's bodyguards" (what follows the noun left out)
            name = subject.doc[subject.left_edge.i : counted[0].i + 1].text
        else:
            name = f"{subject.text} {among[0].text}" if among else subject.text
        return [Party(ActorRef(entity_id=None, name=name), None, weak=True, label=UNNAMED)]

    def _struck_near(self, verb: Token) -> list[Party]:
        """Whom a weapon set off in the passive struck: the owner of what it went off near,
        at or on ("a bomb was detonated near the vehicle of a German aid agency")."""
        targets = prepositional_objects(verb, self.rules.strike_preps)
        parties = [p for g in targets for p in self.index.parties(g, context=self.context)]
        return [p for p in parties if not p.place]

    def _weapon(self, noun: Token) -> bool:
        """A common noun for a weapon ("bomb", "rockets"), not a name ("Shell")."""
        words = self.rules.attack_instruments
        if noun.pos_ == "NOUN":
            return noun.lemma_.lower() in words
        # the parse may take a sentence's capitalised first word for a name ("Explosives")
        return noun.i == noun.sent.start and noun.pos_ == "PROPN" and noun.lower_ in words

    def _state(self, tok: Token) -> bool:
        """A verb of ``states`` with one of its objects: a lasting relation, not an event."""
        objects = self.rules.states.get(tok.lemma_.lower())
        if objects is None:
            return False
        return any(
            c.dep_ == "dobj" and ("*" in objects or c.lemma_.lower() in objects)
            for c in tok.children
        )

    def _speech_event(self, tok: Token) -> bool:
        """A speech verb that names an event in its direct object ("issued a warning")."""
        if tok.lemma_.lower() not in self.rules.speech_with_object:
            return False
        if not any(c.dep_ == "dobj" for c in tok.children):
            return False
        reading = read_token(tok, self.lex)
        return reading.kind == "content" and reading.sense is not None

    def _raising(self, subject: Token) -> bool:
        """A passive that keeps its subject as the actor: "X is scheduled/expected to meet"."""
        verb = subject.head
        cues = self.lex.cues
        lemma = verb.lemma_.lower()
        return (lemma in cues.planned_heads or lemma in cues.expected_heads) and any(
            c.dep_ == "xcomp" for c in verb.children
        )

    def _recipients(
        self, chain: list[Token], actors: list[Party], *, own_only: bool = False
    ) -> list[Party]:
        """Parties the chain's predicates act on; with ``own_only``, only the direct and
        prepositional objects of the chain's own tokens (not of nouns below them)."""
        own = {p.key for p in actors}
        heads: list[Token] = []
        hosts: list[Token] = []
        clause = [t for c in chain for t in clause_tokens(c)]
        for tok in clause:
            direct = tok.dep_ in _RECIPIENT_DEPS and tok.head in chain
            prep = tok.head
            by_prep = tok.dep_ == "pobj" and (
                prep.lower_ in _RECIPIENT_PREPS
                or (
                    # "ordered 36 Rafale jets from France": the seller
                    prep.lower_ == "from"
                    and prep.head.lemma_.lower() in self.rules.acquisition_verbs
                )
                or (
                    # "called upon the Palestinians": whom a request verb asks
                    prep.lower_ in self.rules.request_recipient_preps
                    and self.lex.role(prep.head.lemma_.lower()) == "request"
                )
                or (
                    # "requested assistance from the IMF": whom it is asked of
                    prep.lower_ == "from" and _asked_of(prep, self.rules.asking_verbs)
                )
                or (
                    # "fired tear gas at protesters", "opened fire on demonstrators", "fired
                    # rockets into Israel": what a shot is aimed at
                    prep.lower_ in ("at", "on", "into")
                    and prep.head.lemma_.lower() in self.rules.firing_verbs
                )
                or (
                    # "imposed sanctions on Iran", "slapped an embargo on Cuba": the target
                    prep.lower_ in ("on", "upon")
                    and prep.head.lemma_.lower() in self.rules.imposition_words
                )
                # "military assistance for Ukraine", "support for the rebels": who benefits
                or (prep.lower_ == "for" and self._benefit_noun(prep.head))
                # "sent troops into Somalia": where what is sent goes
                or (prep.lower_ == "into" and self._sent_to(prep.head))
            )
            if own_only:
                by_prep = by_prep and prep.head in chain
            if direct and (
                _own_forces(tok, self.rules.force_nouns) or _own_forces(tok, self.rules.envoy_nouns)
            ):
                continue  # "withdrew its troops": what the actor moves, not whom it acts on
            if direct and tok.dep_ == "dobj" and self._sent_to(tok.head):
                continue  # "sent troops to Sri Lanka": what is sent, not whom it goes to
            if direct or by_prep:
                heads.append(tok)
            elif tok.dep_ == "pobj" and prep.lower_ == "from" and self._own_envoy_moved(prep):
                hosts.append(tok)
        heads.extend(self._asked_in_clause(chain))
        out: list[Party] = []
        for head in heads:
            for party in self.index.parties(head, context=self.context):
                if party.key not in own:
                    out.append(party)
        for host in hosts:
            # "recalled its ambassador from Moscow": the host state, named by its capital
            for party in self.index.parties(host, context=self.context):
                if party.place and party.ref.country:
                    party = self.index.country_party(party.ref.country)
                if party.key not in own:
                    out.append(party)
        return out

    def _own_envoy_moved(self, prep: Token) -> bool:
        """Whether a "from" phrase says where the actor's own envoy leaves ("recalled its
        ambassador from Moscow")."""
        head = prep.head
        envoys = self.rules.envoy_nouns
        if head.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "dobj" and _own_forces(c, envoys) for c in head.children)
        return _own_forces(head, envoys)

    def _forces_deployed(self, verb: Token, subject: Token) -> bool:
        """ "Thai troops were deployed in Bangkok": forces moved act for whoever moves them
        (MOBILIZE is coded on the forces' side), not as its patient."""
        if subject.lemma_.lower() not in self.rules.force_nouns:
            return False
        sense = read_token(verb, self.lex).sense
        return sense is not None and sense.event_type == "MOBILIZE"

    def _benefit_noun(self, noun: Token) -> bool:
        """An aid or support noun, whose "for" phrase names who gains ("aid for Ukraine")."""
        if noun.pos_ != "NOUN":
            return False
        sense = read_token(noun, self.lex).sense
        return sense is not None and sense.event_type in _BENEFITS

    def _sent_to(self, verb: Token) -> bool:
        """Whether ``verb`` names who its object goes to: "sent troops to Sri Lanka" or "into
        Somalia", "handed two suspects over to India" (the object is then the thing moved;
        not "sentenced the rebels to death")."""
        return any(
            c.lower_ in ("to", "into")
            and c.dep_ in ("prep", "dative")
            and any(g.dep_ == "pobj" and self.index.mention_at(g) is not None for g in c.children)
            for c in verb.children
        )

    def _asked_in_clause(self, chain: list[Token]) -> list[Token]:
        """ "called for Damascus to do everything", "asked that the Security Council lift the
        embargo": who a request's "for" or "that" clause asks to act (the parse makes the
        "for" phrase a clause's subject or the object of "for")."""
        asked: list[Token] = []
        for verb in chain:
            if self.lex.role(verb.lemma_.lower()) != "request":
                continue
            for child in verb.children:
                marks = {(child.dep_, m.lower_) for m in child.children if m.dep_ == "mark"}
                if marks & _ASKING_CLAUSES:
                    asked.extend(s for s in child.children if s.dep_ == "nsubj")
                elif child.dep_ == "prep" and child.lower_ == "for":
                    asked.extend(
                        p
                        for p in child.children
                        if p.dep_ == "pobj"
                        and p.i + 1 < len(self.doc)
                        and self.doc[p.i + 1].lower_ == "to"
                        and self.doc[p.i + 1].head.head == verb
                    )
        return asked

    def _accused_in_clause(self, verb: Token, actors: list[Party]) -> list[Party]:
        """The doer of the act an allegation's clause tells: "alleged that the army tortured
        detainees", "charged that the vote was rigged by the ruling party"."""
        own = {p.key for p in actors}
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            doers = [c for c in clause.children if c.dep_ == "nsubj"]
            agent = passive_agent(clause)
            if agent is not None:
                doers.append(agent)
            found = [
                p
                for doer in doers
                for p in self.index.parties(doer, context=self.context)
                if not p.place and p.key not in own
            ]
            if found:
                return found
        return []

    def _inherited(self, tok: Token) -> tuple[frozenset[Cue], bool]:
        """Modality cues of the predicates above ``tok`` ("is expected that he would ...")."""
        cues: set[Cue] = set()
        under_speech = False
        child = tok
        for _ in range(6):  # embedding depth in news sentences is small; bounds the walk
            head = child.head
            inherits = child.dep_ in _INHERIT_DEPS or (child.dep_ == "conj" and child.tag_ == "VB")
            if head is child or not inherits:
                break
            if head.pos_ in ("VERB", "AUX", "ADJ"):
                head_cues = token_cues(head, self.lex) - {Cue.NEGATION, Cue.IF_CLAUSE}
                cues |= head_cues
                role = self.lex.role(head.lemma_.lower())
                if role == "speech":
                    under_speech = True
                elif role == "intent":
                    cues.add(Cue.PLANNED)
            child = head
        if cues & {Cue.EXPECTED, Cue.PLANNED}:
            under_speech = True  # "expected that he would raise": would is future, not if
        return frozenset(cues), under_speech

    def _one_side_exercise(self, found: Found, decided: Token, recipients: list[ActorRef]) -> bool:
        """An exercise or manoeuvre one state's forces hold alone: no partner named, no
        "joint", and the actors of a single country (not an alliance such as NATO)."""
        if recipients or len({p.ref.country for p in found.actors}) > 1:
            return False
        if any("IGO" in p.ref.sector for p in found.actors):
            return False
        words = [decided, *(self.doc[i] for i in found.result.trigger_indices)]
        if not any(w.lemma_.lower() in _EXERCISE_NOUNS for w in words):
            return False
        return not any(
            c.lower_ in _JOINT_WORDS for w in words for c in (w, *w.children)
        ) and not any(c.dep_ == "prep" and c.lower_ == "with" for w in words for c in w.children)

    def _keep(self, found: Found, decided: Token) -> bool:
        return self._rejection(found, decided) is None

    def _rejection(self, found: Found, decided: Token) -> str | None:
        """Why the event is not kept (:class:`EventFilters`), or None; a kept event's
        parties are remembered for a later noun that refers back to it."""
        if not found.actors and not found.recipients:
            self._told_before(found, decided)
        why = self.filters.rejection(found, decided)
        if why is None and (found.actors or found.recipients):
            self.told[found.result.event_type] = (found.actors, found.recipients)
        return why

    def _told_before(self, found: Found, decided: Token) -> None:
        """ "The first such talks occurred in Berlin", "Informal consultations are going on":
        an event noun whose sentence names nobody refers back to the last event of its
        type the article told with its parties, and takes them. "A meeting", "three
        conferences" and "the 1994 summit" are others."""
        kind = found.result.event_type
        if (
            decided.pos_ != "NOUN"
            or kind not in _TOLD_AGAIN
            or kind not in self.told
            or any(
                (c.dep_ == "det" and c.lower_ in ("a", "an", "another")) or c.pos_ == "NUM"
                for c in decided.children
            )
        ):
            return
        actors, recipients = self.told[kind]
        found.actors, found.recipients = list(actors), list(recipients)

    # ------------------------------------------------------------------ the record

    def _candidate(
        self, found: Found, decided: Token, sent: Span, quote: Quote | None
    ) -> Candidate:
        result = found.result
        event_type = result.event_type
        assert event_type is not None
        chain = found.chain[: found.chain.index(decided) + 1] if decided in found.chain else []
        clause_heads = [*chain, decided, *(self.doc[i] for i in result.trigger_indices)]
        clause = _unique_tokens(t for h in clause_heads for t in clause_tokens(h))
        subtree = _unique_tokens(decided.subtree)

        location, location_country = self._location(clause, decided)
        recipients = [p for p in found.recipients if not p.place]
        if location is None:
            places = [p for p in found.recipients if p.place]
            if places:
                location, location_country = places[0].ref.name, places[0].ref.country
        if location is None and event_type == _CONSULT:
            location, location_country, recipients = self._backreference(clause, recipients)
        if not found.actors and event_type == _ASSAULT:
            # "A roadside bomb killed three soldiers": an attack whose attacker the text does
            # not name is coded as event data codes it, unidentified attackers where it struck.
            found.actors = [_unidentified_attackers()]
        self._place_unnamed(
            found.actors,
            location_country or self._sentence_country(sent) or self._document_country(),
        )
        actor_countries = {p.ref.country for p in found.actors if p.ref.country}
        recipient_refs = [p.ref for p in recipients]
        if (
            not recipient_refs
            and event_type == _CONSULT
            and location_country
            and location_country not in actor_countries
        ):
            recipient_refs = [self.index.country_party(location_country).ref]
        mode = list(result.mode)
        if (
            event_type == "COOPERATE"
            and "military" in mode
            and self._one_side_exercise(found, decided, recipient_refs)
        ):
            # PLOVER: joint military operations are COOPERATE, single-country exercises
            # MOBILIZE ("China held military exercises near Taiwan")
            event_type, mode = "MOBILIZE", []

        time = governing_time(clause, decided, self.times, result.trigger_indices)
        modality = result.modality
        dct = self.doc._.dct
        if (
            time is None
            and modality == "asserted"
            and is_past(since_start(decided, self.times), dct)
        ):
            modality = "historical"  # "12,000 have been killed since the war began in 1996"
        if time is not None and dct:
            if is_past(time, dct) and modality in ("asserted", "planned", "expected"):
                modality = "historical"  # "was the first to establish ties in 1956"
            elif (
                modality == "asserted"
                and time.earliest
                and time.earliest[:10] > str(dct)[:10]
                and not _past_tense(decided)
            ):
                modality = "planned"  # "will meet on Friday"; "were killed" is never planned

        attribution = quote.attribution if quote is not None else None
        speech = governing_speech(found.predicate, self.rules.attribution_verbs)
        if speech is not None:
            attribution = speech.text

        start = min(t.idx for t in clause)
        end = max(t.idx + len(t) for t in clause)
        evidence = Evidence(
            document_id=str(self.doc._.document_id or ""),
            start=start,
            end=end,
            sentence=sent.text.rstrip(),  # offsets stay aligned with sentence_start
            sentence_start=sent.start_char,
            trigger=result.trigger,
        )
        conf = self.rules.confidence
        confidence = conf.specific if result.specific else conf.default_sense
        if all(p.weak for p in found.actors):
            confidence -= conf.weak_actor_penalty
        if not recipient_refs:
            confidence -= conf.no_recipient_penalty
        event = Event(
            event_type=event_type,
            evidence=evidence,
            mode=mode,
            context=self._contexts(subtree),
            modality=modality,
            actor=[p.ref for p in found.actors],
            recipient=recipient_refs,
            location=location,
            time=time,
            time_source="expression" if time is not None else "document",
            equipment=self._equipment(subtree),
            amount=self._amount(subtree),
            attribution=attribution,
            quad=quad_of(event_type),
            intensity=intensity_of(event_type, mode),
            confidence=round(confidence, 2),
            intended=result.intended_type if event_type != result.intended_type else None,
        )
        if "visit" in event.mode and location is not None:
            self.visits.append(event)
        return Candidate(
            event=event,
            trigger_lemma=_trigger_lemma(self.doc, result),
            topics=self._topics(decided),
            location_country=location_country,
            own_words=quote is not None and speech is None,
            trigger_indices=frozenset(result.trigger_indices),
        )

    @staticmethod
    def _place_unnamed(actors: list[Party], country: str | None) -> None:
        """Unnamed attackers ("gunmen opened fire in Yala") are placed where they act, as
        event data places an unidentified armed actor."""
        for party in actors:
            if party.label == UNNAMED and party.ref.country is None:
                party.ref.country = country

    def _sentence_country(self, sent: Span) -> str | None:
        """The one country the sentence's places and countries are in, if only one."""
        countries = {
            p.ref.country
            for m in self.index.mentions
            if sent.start_char <= m.start < sent.end_char and m.label in ("GPE", "LOC")
            for p in self.index.party_of_mention(m)
            if p.ref.country
        }
        return next(iter(countries)) if len(countries) == 1 else None

    def _document_country(self) -> str | None:
        """The country most of the document's places are in (more than half of them)."""
        if self.main_country is None:
            counts: dict[str, int] = {}
            for mention in self.index.mentions:
                if mention.label not in ("GPE", "LOC"):
                    continue
                for party in self.index.party_of_mention(mention):
                    if party.ref.country:
                        counts[party.ref.country] = counts.get(party.ref.country, 0) + 1
            total = sum(counts.values())
            best = max(counts, key=counts.__getitem__, default="")
            self.main_country = best if best and counts[best] * 2 > total else ""
        return self.main_country or None

    def _location(self, clause: list[Token], trigger: Token) -> tuple[str | None, str | None]:
        best: tuple[int, str, str | None] | None = None
        for tok in clause:
            if tok.dep_ != "pobj":
                continue
            prep = tok.head
            word = prep.lower_
            governor = prep.head.lemma_.lower()
            allowed = (
                word in self.rules.location_preps
                or (word in ("to", "into") and governor in self.rules.movement_words)
                or (word == "for" and governor in self.rules.departure_verbs)
            )
            if not allowed:
                continue
            mention = self.index.mention_at(tok)
            if mention is None or mention.label not in ("GPE", "LOC", "FAC"):
                continue
            parties = self.index.party_of_mention(mention)
            name = self.index.name_of(mention)
            country = parties[0].ref.country if parties else None
            distance = abs(tok.i - trigger.i)
            if best is None or distance < best[0]:
                best = (distance, name, country)
        return (best[1], best[2]) if best else (None, None)

    def _backreference(
        self, clause: list[Token], recipients: list[Party]
    ) -> tuple[str | None, str | None, list[Party]]:
        """ "during his visit": the place of the visit this sentence refers back to."""
        if not self.visits:
            return None, None, recipients
        if not any(t.lemma_.lower() in self.rules.backreference_nouns for t in clause):
            return None, None, recipients
        visit = self.visits[-1]
        country = visit.recipient[0].country if visit.recipient else None
        return visit.location, country, recipients

    def _equipment(self, tokens: list[Token]) -> list[str]:
        names: list[str] = []
        for mention in self.index.mentions_in(tokens, "EQUIPMENT"):
            name = self.index.name_of(mention)
            if name not in names:
                names.append(name)
        return names

    def _amount(self, tokens: list[Token]) -> Amount | None:
        for mention in self.index.mentions_in(tokens, "MONEY"):
            amount = parse_money(mention.text)
            if amount is not None:
                return amount
        return None

    def _contexts(self, tokens: list[Token]) -> list[str]:
        lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
        return [name for name, words in self.rules.contexts.items() if lemmas & words]

    def _topics(self, decided: Token) -> frozenset[str]:
        generic = self.rules.generic_topic_words
        out: set[str] = set()
        frontier = [(decided, 0)]
        while frontier:
            tok, depth = frontier.pop()
            if tok.pos_ in ("NOUN", "VERB") and tok != decided:
                lemma = tok.lemma_.lower()
                if lemma not in generic:
                    out.add(lemma)
            if depth < _TOPIC_DEPTH:
                frontier.extend(
                    (c, depth + 1) for c in tok.children if c.dep_ not in ("conj", "nsubj")
                )
        return frozenset(out)


# ---------------------------------------------------------------------- parse helpers


def _own_forces(noun: Token, force_nouns: frozenset[str]) -> bool:
    """ "its troops", "their forces", "its ambassador": an actor's own forces or envoys, named
    by a possessive pronoun."""
    return noun.lemma_.lower() in force_nouns and any(
        c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children
    )


def _asked_of(prep: Token, asking_verbs: frozenset[str]) -> bool:
    """Whether a "from" phrase names whom an asking verb asks, hung on the verb or on what
    it asks for ("sought support from Schmidt")."""
    head = prep.head
    if head.dep_ == "dobj":
        head = head.head
    return head.lemma_.lower() in asking_verbs


# PLOVER codes intended cooperation as AGREE and intended hostility as THREATEN; planned
# meetings and visits stay CONSULT (as the seed article's facts and our annotators have them),
# and requests, accusations and refusals keep their own type whatever their modality.
# Troops sent somewhere are no threat to it ("Kenya will send troops to Somalia"): planned
# MOBILIZE stays MOBILIZE.
_KEEP_WHEN_PLANNED = frozenset(
    {_CONSULT, "REQUEST", "ACCUSE", "REJECT", "AGREE", "THREATEN", "MOBILIZE"}
)
_HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})


def _plover_retype(result: PairResult, lex: Lexicon) -> None:
    """Re-read a planned, expected, hypothetical or negated action the PLOVER way, keeping
    the action itself in ``intended_type`` ("will provide aid": AGREE to AID)."""
    kind = result.event_type
    if kind is None or kind in _KEEP_WHEN_PLANNED:
        return
    retyped: str | None = None
    if result.modality in ("planned", "expected") or (
        result.modality == "hypothetical" and kind in _HOSTILE
    ):
        retyped = lex.future_reading.get(kind)
    elif result.modality == "negated":
        retyped = lex.negated_reading.get(kind)
    if retyped is not None:
        result.intended_type, result.event_type, result.mode = kind, retyped, []


def _guilt(tok: Token) -> bool:
    """ "is to blame": the copula or the infinitive of guilt put on the subject."""
    if tok.lemma_ == "be":
        return any(map(to_blame, tok.children))
    return to_blame(tok) and tok.head.lemma_ == "be"


def _definite(noun: Token) -> bool:
    """ "the visit", "his trip": a noun phrase that refers back to something told before."""
    return any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
        or (c.dep_ == "poss" and c.pos_ == "PRON")
        for c in noun.children
    )


def _has_object(tok: Token) -> bool:
    return any(c.dep_ in ("dobj", "dative") for c in tok.children)


# Verbs whose object can be followed by a participle telling its state: "found 14 farmers
# murdered", "left three soldiers wounded".
_FINDING_VERBS = frozenset({"find", "discover", "see", "leave"})


def _bare_participle(tok: Token) -> bool:
    """A past participle with no auxiliary "have" and no object: a reduced passive whose
    subject is the patient ("more than 160 Israelis killed", "police found 14 farmers
    murdered", which the tagger may read as a past tense)."""
    found_state = (
        tok.tag_ == "VBD"
        and tok.dep_ == "ccomp"
        and tok.head.lemma_.lower() in _FINDING_VERBS
        and not any(c.dep_ == "mark" for c in tok.children)
    )
    if tok.tag_ != "VBN" and not found_state:
        return False
    # an object or object predicate makes it active whatever the tag ("Tillerson called
    # Foreign Minister Lavrov", parsed as VBN with an oprd)
    if any(c.dep_ in ("aux", "dobj", "dative", "oprd") for c in tok.children):
        return False
    head = tok
    while head.dep_ == "conj" and head.head != head:  # "were arrested and 43 police injured"
        head = head.head
        if any(c.dep_ == "aux" for c in head.children):
            return False
    return True


# Quotation marks that open or close a direct quotation.
_QUOTE_MARKS = frozenset('"“”')


def _quoted_apart(a: Token, b: Token) -> bool:
    """Whether an odd number of quotation marks stands between two tokens: one of them is
    inside a direct quotation and the other outside."""
    start, end = sorted((a.idx, b.idx))
    return sum(ch in _QUOTE_MARKS for ch in a.doc.text[start:end]) % 2 == 1


def _span_of_subject(tok: Token) -> Span | None:
    subject = clause_subject(tok)
    if subject is None:
        return None
    return tok.doc[subject.left_edge.i : subject.right_edge.i + 1]


def _apart(tok: Token, top: Token) -> bool:
    """Whether ``tok`` sits apart from what ``top`` asks or refuses: in a conjunct, or in a
    phrase set before it ("After a meeting of the SADC ministers, Msimang said people should
    ...": the meeting is an event of its own)."""
    return _under(tok, top, lambda t: t.dep_ == "conj" or (t.dep_ in _FRAME_DEPS and t.i < top.i))


def _under(tok: Token, top: Token, branch: Callable[[Token], bool]) -> bool:
    """Whether ``tok`` sits in a branch of ``top`` whose head child satisfies ``branch``."""
    while tok != top and tok.head != tok:
        if tok.head == top and branch(tok):
            return True
        tok = tok.head
    return False


# Phrases that frame a clause from before its verb: "After a meeting ...", "In a statement".
_FRAME_DEPS = frozenset({"prep", "advcl", "npadvmod"})


_FUTURE_AUXILIARIES = frozenset({"will", "would", "shall", "'ll"})


def _past_tense(verb: Token) -> bool:
    """A verb told in the past ("killed", "were killed", "had met"), which no future date
    makes a plan: such a date is a misread one."""
    past = verb.tag_ == "VBD" or (
        verb.tag_ == "VBN"
        and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
    )
    # "the signing would take place after he attended the meeting": past in form only
    return past and not any(
        c.dep_ == "aux" and c.lower_ in _FUTURE_AUXILIARIES
        for a in verb.ancestors
        for c in a.children
    )


def _unique_tokens(tokens: Iterable[Token]) -> list[Token]:
    seen: dict[int, Token] = {}
    for tok in tokens:
        seen.setdefault(tok.i, tok)
    return [seen[i] for i in sorted(seen)]


def _trigger_lemma(doc: Doc, result: PairResult) -> str:
    words = [doc[i] for i in result.trigger_indices] or (
        [doc[result.trigger_index]] if result.trigger_index is not None else []
    )
    nouns = [w for w in words if w.pos_ in ("NOUN", "PROPN")]
    chosen = (nouns or words)[-1] if words else None
    return chosen.lemma_.lower() if chosen is not None else ""


def _unidentified_attackers() -> Party:
    return Party(
        ActorRef(entity_id=None, name=UNIDENTIFIED_ATTACKERS), None, weak=True, label=UNNAMED
    )
