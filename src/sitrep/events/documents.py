"""Documents that act for their authors: "the Council adopted a resolution demanding a
ceasefire" is the Council's demand, "issued a statement condemning the attack" its criticism,
"a motion presented by the Netherlands called on Tehran" the Netherlands' request. The
document's participle (or, as a subject, its verb) carries the event; whoever adopted,
issued or presented the document is its actor, and the adopting verb is no event of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from sitrep.events.arguments import MentionIndex, Party, ResolutionContext, passive_agent
from sitrep.events.pairs import read_token
from sitrep.events.rules import StageRules


def document_act(document: Token, rules: StageRules) -> Token | None:
    """The act a document noun's participle names ("a resolution demanding")."""
    if document.lemma_.lower() not in rules.document_nouns:
        return None
    for act in document.children:
        if (
            act.dep_ == "acl"
            and act.pos_ == "VERB"
            and act.tag_ == "VBG"
            and read_token(act, rules.lexicon).kind in ("content", "request", "reject")
        ):
            return act
    return None


def carries_document_act(verb: Token, rules: StageRules) -> bool:
    """Whether ``verb`` adopts or issues a document that does something itself."""
    return any(
        obj.dep_ in ("dobj", "nsubjpass") and document_act(obj, rules) is not None
        for obj in verb.children
    )


def document_author(
    document: Token,
    index: MentionIndex,
    context: ResolutionContext,
    actors_of: Callable[[Token], list[Party]],
) -> list[Party]:
    """Who speaks through a document: its agent ("a motion presented by the Netherlands"),
    its owner ("the Council's statement", "a UN resolution"), or the actors (``actors_of``)
    of the verb that adopted or issued it."""
    for child in document.children:
        agent = passive_agent(child) if child.dep_ == "acl" else None
        if agent is not None:
            return index.parties(agent, context=context)
    owners = [
        party
        for child in document.children
        if child.dep_ in ("poss", "compound", "amod", "nmod")
        and (mention := index.mention_at(child)) is not None
        for party in index.party_of_mention(mention)
        if not party.place
    ]
    if owners:
        return owners
    verb = document.head
    if document.dep_ in ("dobj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
        return actors_of(verb)
    return []
