"""Who, to whom, where, with what: an event's arguments from the parse and the mentions.

The actor stage (``sitrep_actors_v1``) writes ``doc._.mentions`` and ``doc._.entities``;
here they are indexed by token so that the event stage can ask "which entity does this noun
phrase name?". News outlets (``attributes.media``) and unnamed sources ("government
sources") are never actors: they are attributions. Pronouns and "the two countries" are
resolved from the document when the actor stage left them unresolved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from sitrep.events.quotations import quotations
from sitrep.events.rules import StageRules
from sitrep.records import ActorRef, Entity, Mention

# Labels whose mentions can be actors; EQUIPMENT and MONEY are arguments of other kinds.
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "NOMINAL"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Modifiers through which a noun phrase names its actor: "the Russian leaders", "India's".
_NP_MODIFIERS = ("amod", "compound", "poss", "nmod")
# Participles that make their modifier the leader: "Saudi-led", "NATO-commanded".
_LEADING = frozenset({"lead", "led", "head", "headed", "command", "commanded"})
# Verbs whose "it" is often no actor: "it is time", "it seems likely".
_COPULAS = frozenset({"be", "seem", "appear", "look", "remain", "become"})
# Dependencies that start a new clause: its arguments are not the outer predicate's.
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"})


@dataclass(slots=True)
class Party:
    """A resolved actor or recipient, with how it was found (named or inferred)."""

    ref: ActorRef
    entity: Entity | None
    weak: bool = False  # from a pronoun or a group phrase, not a name
    place: bool = False  # a city/region: a location rather than a party
    label: str | None = None  # the mention's label (GPE, PERSON, NOMINAL ...)

    @property
    def key(self) -> str:
        return ref_key(self.ref)


# The actor of an attack the text names no attacker for ("a roadside bomb killed ..."); it says
# nothing about who, so it never makes two attacks one.
UNIDENTIFIED_ATTACKERS = "unidentified attackers"


def ref_key(ref: ActorRef) -> str:
    """What makes two actor references the same actor: the entity, else the name."""
    return ref.entity_id or ref.name


@dataclass(slots=True)
class MentionIndex:
    """Mentions and entities of one Doc, looked up by token."""

    doc: Doc
    rules: StageRules
    entities: dict[str, Entity] = field(default_factory=dict)
    by_token: dict[int, Mention] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc, rules: StageRules) -> MentionIndex:
        index = cls(doc, rules)
        index.entities = {e.id: e for e in (doc._.entities or [])}
        index.mentions = sorted(doc._.mentions or [], key=lambda m: (m.start, -m.end))
        for mention in index.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            for tok in span:
                # the longest mention starting first wins ("Rajnath Singh" over "Singh")
                index.by_token.setdefault(tok.i, mention)
        return index

    def entity_of(self, mention: Mention) -> Entity | None:
        return self.entities.get(mention.entity_id) if mention.entity_id else None

    def name_of(self, mention: Mention) -> str:
        """The entity's name, else the mention's text."""
        entity = self.entity_of(mention)
        return entity.name if entity is not None else mention.text

    def mention_at(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)

    def mentions_in(self, tokens: Iterable[Token], label: str) -> Iterator[Mention]:
        seen: set[int] = set()
        for tok in sorted(tokens, key=lambda t: t.i):
            mention = self.by_token.get(tok.i)
            if mention is not None and mention.label == label and id(mention) not in seen:
                seen.add(id(mention))
                yield mention

    # ------------------------------------------------------------------ actors

    def is_media(self, mention: Mention) -> bool:
        entity = self.entity_of(mention)
        return bool(entity is not None and entity.attributes.get("media"))

    def party_of_mention(self, mention: Mention) -> list[Party]:
        """The actor(s) a mention names; a group entity expands to its members."""
        if mention.label not in _ACTOR_LABELS or self.is_media(mention):
            return []
        entity = self.entity_of(mention)
        if entity is None:
            ref = ActorRef(entity_id=mention.entity_id, name=mention.text)
            return [Party(ref, None, place=mention.label in ("LOC", "FAC"), label=mention.label)]
        if entity.kind in ("equipment", "event"):
            return []
        if entity.kind == "other":
            # a name the model calls a place, that no gazetteer knows and that acts ("Gazprom
            # accused Belarus"): an unresolved actor, kept as the issue asks, never a place
            return [Party(_ref(entity), entity, place=False, label=mention.label)]
        members = entity.attributes.get("members")
        # a group, or a negotiating format named for its parties ("the six-party talks"),
        # acts as its member states
        format_ = entity.attributes.get("type") == _NEGOTIATING_FORMAT
        if (entity.kind == "group" or format_) and isinstance(members, list | tuple) and members:
            return [self.country_party(str(m)) for m in members]
        place = entity.kind == "place" or (
            entity.kind not in ("country", "group", "person", "organisation")
            and mention.label in _PLACE_LABELS
        )
        return [Party(_ref(entity), entity, place=place, label=mention.label)]

    def country_party(self, country: str) -> Party:
        """A country given by its id (``country:IND``, as group members are) or its code."""
        code = country.removeprefix("country:")
        entity = self.entities.get(country) or self.entities.get(f"country:{code}")
        if entity is not None:
            return Party(_ref(entity), entity)
        # a state the text names only through a group or its capital: the state all the same
        ref = ActorRef(entity_id=f"country:{code}", name=code, country=code, sector=["GOV"])
        return Party(ref, None, label="GPE")

    def _working_body(self, tok: Token) -> bool:
        """A source word whose own noun says what the body does ("a German aid agency", "trade
        officials", "government agencies"), not what reports ("the news agency") or who
        speaks ("a government official said": the attribution it always was)."""
        mention = self.mention_at(tok)
        if mention is None or self.is_media(mention):
            return False
        rules = self.rules
        person = tok.lemma_.lower() in rules.person_role_heads
        return any(
            c.dep_ == "compound"
            and c.pos_ == "NOUN"
            and c.lemma_.lower() not in rules.press_words
            and not (person and c.lemma_.lower() in rules.actor_head_nouns)
            for c in tok.children
        )

    def parties(self, head: Token, *, context: ResolutionContext | None = None) -> list[Party]:
        """The actors a noun phrase (given by its head) names, with its conjuncts."""
        out: list[Party] = []
        for tok in _with_conjuncts(head):
            out.extend(self._parties_of_head(tok, context))
        return _unique(out)

    def _parties_of_head(self, tok: Token, context: ResolutionContext | None) -> list[Party]:
        lemma = tok.lemma_.lower()
        if lemma in self.rules.source_words and not self._working_body(tok):
            # "government sources", "officials said": an attribution; but an official or
            # spokesman whose state or international organisation the phrase names acts for
            # it when the verb is an act ("a Chinese foreign ministry spokesman condemned
            # ...", "US officials met ...", "a UN spokesman condemned ...")
            if (
                lemma not in self.rules.person_role_heads
                and lemma not in self.rules.actor_head_nouns
            ):
                return []
            mention = self.mention_at(tok)
            if mention is None:
                return []
            own = self.party_of_mention(mention) + self._shared_head(tok, mention)
            return [p for p in own if (p.ref.country or _speaks_for_body(p)) and not p.place]
        mention = self.mention_at(tok)
        if mention is not None:
            own = self.party_of_mention(mention)
            if mention.label == "NOMINAL" and not any(p.ref.country for p in own):
                own = self._body_of(tok) or own  # "the government of Sudan": Sudan's
            elif mention.label == "NOMINAL":
                own = self._of_several(tok) or own
            return own + self._inner_names(tok, mention) + self._shared_head(tok, mention)
        lower = tok.lower_
        if lower == "whose":
            # "Bolton, whose resignation was announced": the relative clause's antecedent
            antecedent = _relative_antecedent(tok)
            return self._parties_of_head(antecedent, context) if antecedent is not None else []
        if context is not None and tok.pos_ == "PRON":
            if lower in self.rules.first_person and context.speaker:
                return [Party(p.ref, p.entity, True, p.place, p.label) for p in context.speaker]
            if lower in self.rules.person_pronouns:
                person = context.person_before(tok.idx)
                if person is None:
                    return []
                return [Party(person.ref, person.entity, True, person.place, person.label)]
            if (
                (lower in self.rules.thing_pronouns or lower in self.rules.plural_pronouns)
                and tok.dep_ in ("nsubj", "nsubjpass", "poss")
                and tok.head.lemma_.lower() not in _COPULAS  # "it's to meet the needs"
            ):
                plural = lower in self.rules.plural_pronouns
                if plural and context.quoted(tok):
                    return []  # "they" in someone's words is whoever the speaker means
                return [
                    Party(p.ref, p.entity, True, p.place, p.label)
                    for p in context.body_before(tok, plural=plural)
                ]
            return []
        if context is not None:
            phrase = _phrase(tok)
            if any(phrase.endswith(p) for p in self.rules.pair_phrases):
                pair = context.pair_before(tok.idx)
                return [Party(p.ref, p.entity, True, p.place, p.label) for p in pair]
        named = self._named_after_office(tok) or self._body_of(tok) or self.led_by(tok)
        if named:
            return named
        if tok.lemma_.lower() in self.rules.collective_heads or tok.lower_ in (
            self.rules.collective_heads
        ):
            # "a group of militants", "two of the detained employees": the "of" phrase
            counted = [
                g
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            return [p for g in counted for p in self.parties(g, context=context)]
        # "the Russian leaders", "India's defence minister": a modifier names the actor
        rules = self.rules
        if lemma in rules.owned_nouns and lemma not in rules.actor_head_nouns:
            # "struck Hamas targets", "Taliban fighters": the owner the modifier names
            owner = [
                p
                for child in tok.children
                if child.dep_ in _NP_MODIFIERS
                and (inner := self.mention_at(child)) is not None
                and (
                    inner.label in ("ORG", "NORP", "GPE")
                    # "Sudanese government planes": a placed body owns them too
                    or (inner.label == "NOMINAL" and child.lemma_.lower() in rules.body_nouns)
                )
                for p in self.party_of_mention(inner)
                if not p.place and (inner.label != "NOMINAL" or p.ref.country)
            ]
            # "the car of a German aid agency"
            owner += [
                p
                for g in prepositional_objects(tok, ("of",))
                if self.mention_at(g) is not None
                for p in self.parties(g, context=context)
                if not p.place
            ]
            if owner:
                return owner
        if not any(
            lemma in words
            for words in (rules.actor_head_nouns, rules.member_nouns, rules.body_nouns)
        ):
            return []
        for child in tok.children:
            if child.dep_ in _NP_MODIFIERS:
                inner = self.mention_at(child)
                if (
                    inner is not None
                    and inner.label in ("NORP", "GPE")
                    and lemma in self.rules.actor_head_nouns
                ):
                    return self.party_of_mention(inner)
                if inner is not None and inner.label == "ORG" and lemma in rules.body_nouns:
                    # "the OAS mission", "the UN team": the organisation's own body
                    return [p for p in self.party_of_mention(inner) if not p.place]
                if (
                    inner is not None
                    and (inner.entity_id or "").startswith("igo:")
                    and lemma in self.rules.member_nouns
                ):
                    return self.party_of_mention(inner)  # "the IGAD countries asked"
        return []

    def _of_several(self, tok: Token) -> list[Party]:
        """ "The foreign ministers of India and China": officials of several states act for
        each of them (as "India and China" would), not for the first alone."""
        for owner in prepositional_objects(tok, ("of",)):
            mentions = [self.mention_at(o) for o in _with_conjuncts(owner)]
            states = [m for m in mentions if m is not None and m.label in ("GPE", "NORP")]
            if len(states) > 1:
                return [p for m in states for p in self.party_of_mention(m)]
        return []

    def _named_after_office(self, tok: Token) -> list[Party]:
        """ "His predecessor as prime minister, Iyad Allawi, ...": the parse hangs the name
        on the office, not on the noun it names."""
        return [
            party
            for prep in tok.children
            if prep.dep_ == "prep" and prep.lower_ == "as"
            for office in prep.children
            if office.dep_ == "pobj"
            for name in office.children
            if name.dep_ == "appos"
            and (mention := self.mention_at(name)) is not None
            and mention.label == "PERSON"
            for party in self.party_of_mention(mention)
        ]

    def led_by(self, tok: Token) -> list[Party]:
        """ "The Saudi-led coalition", "a US-led invasion": whoever leads a force or an
        operation acts through it (the parse hangs the leader on the participle)."""
        return [
            party
            for participle in tok.children
            if participle.dep_ == "amod" and participle.lemma_.lower() in _LEADING
            for leader in participle.children
            if leader.dep_ in ("npadvmod", "compound", "nmod", "advmod")
            and (mention := self.mention_at(leader)) is not None
            for party in self.party_of_mention(mention)
            if not party.place
        ]

    def _body_of(self, tok: Token) -> list[Party]:
        """ "The executive committee of the PLO", "the government of Sudan": a body or office
        acts as the organisation or state its "of" phrase names."""
        if tok.lemma_.lower() not in self.rules.body_nouns:
            return []
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for owner in prep.children:
                mention = self.mention_at(owner) if owner.dep_ == "pobj" else None
                if mention is not None and mention.label in ("ORG", "GPE", "NORP"):
                    return [p for p in self.party_of_mention(mention) if not p.place]
        return []

    def _shared_head(self, head: Token, own: Mention) -> list[Party]:
        """ "Chinese and Russian warships", "US and British troops": the first of two
        conjoined modifiers is a mention of its own that shares the head noun."""
        out: list[Party] = []
        for child in head.children:
            if child.dep_ not in ("amod", "nmod", "compound") or not any(
                c.dep_ == "conj" for c in child.children
            ):
                continue
            mention = self.mention_at(child)
            if mention is not None and mention is not own:
                out.extend(p for p in self.party_of_mention(mention) if not p.place)
        return out

    def _inner_names(self, head: Token, own: Mention) -> list[Party]:
        """Names hanging off a name by apposition or compounding: the parse of "Deputy Prime
        Minister Yury Borisov and Defence Minister Sergei Shoigu" puts Borisov there."""
        out: list[Party] = []
        stack = [c for c in head.children if c.dep_ in ("compound", "appos")]
        seen = {id(own)}
        while stack:
            tok = stack.pop()
            mention = self.mention_at(tok)
            if mention is not None and id(mention) not in seen and mention.label == "PERSON":
                seen.add(id(mention))
                out.extend(self.party_of_mention(mention))
            stack.extend(c for c in tok.children if c.dep_ in ("compound", "appos", "conj"))
        return out


# The organisations table's type for talks named by their parties (organisations.yaml).
_NEGOTIATING_FORMAT = "negotiating format"


def _ref(entity: Entity) -> ActorRef:
    return ActorRef(
        entity_id=entity.id, name=entity.name, country=entity.country, sector=list(entity.sector)
    )


def _relative_antecedent(tok: Token) -> Token | None:
    """The noun a relative clause holding ``tok`` describes."""
    node = tok
    while node.head != node:
        if node.dep_ == "relcl":
            return node.head
        node = node.head
    return None


def _phrase(tok: Token) -> str:
    words = [t for t in tok.subtree if t.i <= tok.i]
    return " ".join(t.lower_ for t in words)


def _with_conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for child in tok.children:
        if child.dep_ in ("conj", "appos") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(_with_conjuncts(child))
    return out


def _unique(parties: list[Party]) -> list[Party]:
    seen: set[str] = set()
    out: list[Party] = []
    for party in parties:
        if party.key not in seen:
            seen.add(party.key)
            out.append(party)
    return out


def _speaks_for_body(party: Party) -> bool:
    """Whether a person the resolver tied to an international organisation speaks for it
    ("a UN spokesman", "the European Commission's spokeswoman")."""
    return party.entity is not None and bool(party.entity.attributes.get("organisation"))


def prepositional_objects(tok: Token, prepositions: Iterable[str]) -> list[Token]:
    """The objects of ``tok``'s prepositions among ``prepositions`` ("near the embassy")."""
    wanted = frozenset(prepositions)
    return [
        g
        for prep in tok.children
        if prep.dep_ == "prep" and prep.lower_ in wanted
        for g in prep.children
        if g.dep_ == "pobj"
    ]


def passive_agent(tok: Token) -> Token | None:
    """The noun of a passive verb's "by" phrase ("was backed by the clergy")."""
    for child in tok.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def clause_tokens(tok: Token) -> list[Token]:
    """``tok``'s subtree without the clauses embedded in it (conjuncts, complements ...)."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in _CLAUSE_DEPS and child.pos_ in ("VERB", "AUX", "ADJ"):
            continue
        if child.dep_ == "conj":
            continue
        out.extend(clause_tokens(child))
    return out


# ---------------------------------------------------------------------- document context


@dataclass(slots=True)
class ResolutionContext:
    """What the document says before a token: the persons that were subjects, the countries
    named, and the speaker of the quote the token is in."""

    index: MentionIndex
    person_subjects: list[tuple[int, Party]] = field(default_factory=list)  # (char, party)
    # every subject that is not a pronoun or a person, and whether it is plural: what "it"
    # and "they" can stand for (resolved when asked: few documents ask)
    subjects: list[tuple[Token, bool]] = field(default_factory=list)
    speaker: list[Party] = field(default_factory=list)
    quotations: list[tuple[int, int]] = field(default_factory=list)  # quoted passages

    @classmethod
    def build(cls, index: MentionIndex) -> ResolutionContext:
        context = cls(index, quotations=quotations(index.doc.text))
        for tok in index.doc:
            if tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            mention = index.mention_at(tok)
            entity = index.entity_of(mention) if mention is not None else None
            person = mention is not None and (
                mention.label == "PERSON" or (entity is not None and entity.kind == "person")
            )
            if mention is not None and person:
                for party in index.party_of_mention(mention):
                    context.person_subjects.append((tok.idx, party))
            elif tok.pos_ != "PRON":
                plural = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)
                context.subjects.append((tok, plural))
        return context

    def body_before(self, pronoun: Token, *, plural: bool = False) -> list[Party]:
        """The actors "it" (or, ``plural``, "they") stands for: the last subject of that
        number in the same or the previous sentence, when it names actors ("The Commission
        met on Monday. It deplored ..."); nothing when it names something else ("the plan")
        or a person (he and she are for persons)."""
        last: Token | None = None
        for subject, many in self.subjects:
            if subject.i >= pronoun.i:
                break
            if many == plural:
                last = subject
        if last is None:
            return []
        subject = last
        parties = [p for p in self.index.parties(subject) if not p.place]
        here = pronoun.sent.start
        previous = self.index.doc[here - 1].sent.start if here > 0 else here
        if subject.i < previous or any(
            p.entity is not None and p.entity.kind == "person" for p in parties
        ):
            return []
        return parties

    def quoted(self, tok: Token) -> bool:
        """Whether ``tok`` stands in a quoted passage."""
        return any(start <= tok.idx < end for start, end in self.quotations)

    def person_before(self, char: int) -> Party | None:
        """The person who was last a subject before ``char`` ("he" in the next clause)."""
        best: Party | None = None
        for start, party in self.person_subjects:
            if start >= char:
                break
            best = party
        return best

    def pair_before(self, char: int) -> list[Party]:
        """The two countries named most often before ``char`` ("the two countries")."""
        counts: Counter[str] = Counter()
        first: dict[str, Party] = {}
        for mention in self.index.mentions:
            if mention.start >= char:
                break
            for party in self.index.party_of_mention(mention):
                country = party.ref.country
                kind = party.entity.kind if party.entity is not None else None
                if country and kind == "country":
                    counts[country] += 1
                    first.setdefault(country, party)
        top = [code for code, _ in counts.most_common(2)]
        return [first[code] for code in top] if len(top) == 2 else []
