"""The event stage's rules (``data/stage_rules.yaml``) and its lexicon.

The stage reads sentences nobody has vetted, so it layers a stricter lexicon over the pair
classifier's: the entries of ``stage_rules.yaml`` replace the pair lexicon's entries of the
same key. The pair classifier keeps its own lexicon untouched.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache
from typing import Any

from sitrep.events.lexicon import (
    Lexicon,
    load_lexicon,
    noun_entries,
    read_data,
    verb_entries,
    word_set,
)


@dataclass(frozen=True, slots=True)
class Confidence:
    specific: float
    default_sense: float
    weak_actor_penalty: float
    no_recipient_penalty: float


@dataclass(frozen=True, slots=True)
class StageRules:
    lexicon: Lexicon
    economic_nouns: frozenset[str]
    weapon_modifiers: frozenset[str]
    member_nouns: frozenset[str]
    currency_words: frozenset[str]
    political_sectors: frozenset[str]
    source_words: frozenset[str]
    press_words: frozenset[str]
    attribution_verbs: frozenset[str]
    location_preps: frozenset[str]
    movement_words: frozenset[str]
    departure_verbs: frozenset[str]
    pair_phrases: tuple[str, ...]
    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    body_nouns: frozenset[str]
    judging_verbs: frozenset[str]
    asking_verbs: frozenset[str]
    imposition_words: frozenset[str]
    firing_verbs: frozenset[str]
    test_words: frozenset[str]
    open_waters: frozenset[str]
    document_nouns: frozenset[str]
    owned_nouns: frozenset[str]
    strike_preps: frozenset[str]
    offer_words: frozenset[str]
    judged_acts: frozenset[str]
    undergone_acts: frozenset[str]
    praise_words: frozenset[str]
    blame_words: frozenset[str]
    blame_adjectives: frozenset[str]
    blaming_verbs: frozenset[str]
    harm_nouns: frozenset[str]
    first_person: frozenset[str]
    backreference_nouns: frozenset[str]
    generic_topic_words: frozenset[str]
    contexts: dict[str, frozenset[str]]
    non_event_verbs: frozenset[str]
    speech_with_object: frozenset[str]
    prepositional_event_verbs: frozenset[str]
    actor_head_nouns: frozenset[str]
    sports_words: frozenset[str]
    needs_complement: dict[str, frozenset[str]]  # verb -> prepositions that also do
    undergoing_preps: dict[str, frozenset[str]]  # verb -> preps: subject undergoes
    imposing_preps: dict[str, frozenset[str]]  # verb -> preps: object undergoes
    request_recipient_preps: frozenset[str]
    no_comment: frozenset[str]
    warning_verbs: frozenset[str]
    struggle_verbs: frozenset[str]
    states: dict[str, frozenset[str]]  # verb -> object lemmas ("*": any) that make a state
    non_actor_heads: frozenset[str]
    collective_heads: frozenset[str]
    person_role_heads: frozenset[str]
    patient_types: frozenset[str]
    unnamed_assailants: frozenset[str]
    attack_instruments: frozenset[str]
    unnamed_victims: frozenset[str]
    fail_complements: frozenset[str]
    habitual_adverbs: frozenset[str]
    belief_verbs: frozenset[str]
    natural_causes: frozenset[str]
    force_nouns: frozenset[str]
    envoy_nouns: frozenset[str]
    receiving_verbs: frozenset[str]
    command_verbs: frozenset[str]
    event_noun_verbs: frozenset[str]
    counting_nouns: frozenset[str]
    intent_nouns: frozenset[str]
    done_intent_nouns: frozenset[str]
    relation_nouns: frozenset[str]
    agreement_nouns: frozenset[str]
    event_noun_harm_verbs: frozenset[str]
    state_body_words: frozenset[str]
    defence_words: frozenset[str]
    acquisition_verbs: frozenset[str]
    civilian_sectors: frozenset[str]
    confidence: Confidence


@cache
def load_stage_rules() -> StageRules:
    """The packaged stage rules, with the stage lexicon merged over the pair lexicon."""
    raw = read_data("stage_rules.yaml")
    base = load_lexicon()
    roles = dict(base.roles)
    for role, lemmas in (raw.get("roles") or {}).items():
        for lemma in lemmas:
            roles[str(lemma)] = role
    lexicon = dataclasses.replace(
        base,
        roles=roles,
        verbs={**base.verbs, **verb_entries(raw.get("verbs") or {})},
        nouns={**base.nouns, **noun_entries(raw.get("nouns") or {})},
        cameo_defaults=bool(raw.get("cameo_defaults", False)),
    )
    return StageRules(
        lexicon=lexicon,
        economic_nouns=word_set(raw["economic_nouns"]),
        weapon_modifiers=word_set(raw["weapon_modifiers"]),
        member_nouns=word_set(raw["member_nouns"]),
        currency_words=word_set(raw["currency_words"]),
        political_sectors=frozenset(str(s) for s in raw["political_sectors"]),
        source_words=word_set(raw["source_words"]),
        press_words=word_set(raw["press_words"]),
        attribution_verbs=word_set(raw["attribution_verbs"]),
        location_preps=word_set(raw["location_preps"]),
        movement_words=word_set(raw["movement_words"]),
        departure_verbs=word_set(raw["departure_verbs"]),
        pair_phrases=tuple(str(p).lower() for p in raw["pair_phrases"]),
        person_pronouns=word_set(raw["person_pronouns"]),
        thing_pronouns=word_set(raw["thing_pronouns"]),
        plural_pronouns=word_set(raw["plural_pronouns"]),
        body_nouns=word_set(raw["body_nouns"]),
        judging_verbs=word_set(raw["judging_verbs"]),
        asking_verbs=word_set(raw["asking_verbs"]),
        imposition_words=word_set(raw["imposition_words"]),
        firing_verbs=word_set(raw["firing_verbs"]),
        test_words=word_set(raw["test_words"]),
        open_waters=word_set(raw["open_waters"]),
        document_nouns=word_set(raw["document_nouns"]),
        owned_nouns=word_set(raw["owned_nouns"]),
        strike_preps=word_set(raw["strike_preps"]),
        offer_words=word_set(raw["offer_words"]),
        judged_acts=word_set(raw["judged_acts"]),
        undergone_acts=word_set(raw["undergone_acts"]),
        praise_words=word_set(raw["praise_words"]),
        blame_words=word_set(raw["blame_words"]),
        blame_adjectives=word_set(raw["blame_adjectives"]),
        blaming_verbs=word_set(raw["blaming_verbs"]),
        harm_nouns=word_set(raw["harm_nouns"]),
        first_person=word_set(raw["first_person"]),
        backreference_nouns=word_set(raw["backreference_nouns"]),
        generic_topic_words=word_set(raw["generic_topic_words"]),
        contexts={str(k): word_set(v) for k, v in raw["contexts"].items()},
        non_event_verbs=word_set(raw["non_event_verbs"]),
        speech_with_object=word_set(raw["speech_with_object"]),
        prepositional_event_verbs=word_set(raw["prepositional_event_verbs"]),
        actor_head_nouns=word_set(raw["actor_head_nouns"]),
        sports_words=word_set(raw["sports_words"]),
        needs_complement=_verb_preps(raw["needs_complement"]),
        undergoing_preps=_verb_preps(raw["undergoing_preps"]),
        imposing_preps=_verb_preps(raw["imposing_preps"]),
        request_recipient_preps=word_set(raw["request_recipient_preps"]),
        no_comment=word_set(raw["no_comment"]),
        warning_verbs=word_set(raw["warning_verbs"]),
        struggle_verbs=word_set(raw["struggle_verbs"]),
        states={str(verb).lower(): word_set(objs) for verb, objs in raw["states"].items()},
        non_actor_heads=word_set(raw["non_actor_heads"]),
        collective_heads=word_set(raw["collective_heads"]),
        person_role_heads=word_set(raw["person_role_heads"]),
        patient_types=frozenset(str(t) for t in raw["patient_types"]),
        unnamed_assailants=word_set(raw["unnamed_assailants"]),
        attack_instruments=word_set(raw["attack_instruments"]),
        unnamed_victims=word_set(raw["unnamed_victims"]),
        fail_complements=word_set(raw["fail_complements"]),
        habitual_adverbs=word_set(raw["habitual_adverbs"]),
        belief_verbs=word_set(raw["belief_verbs"]),
        natural_causes=word_set(raw["natural_causes"]),
        force_nouns=word_set(raw["force_nouns"]),
        envoy_nouns=word_set(raw["envoy_nouns"]),
        receiving_verbs=word_set(raw["receiving_verbs"]),
        command_verbs=word_set(raw["command_verbs"]),
        event_noun_verbs=word_set(raw["event_noun_verbs"]),
        counting_nouns=word_set(raw["counting_nouns"]),
        intent_nouns=word_set(raw["intent_nouns"]),
        done_intent_nouns=word_set(raw["done_intent_nouns"]),
        relation_nouns=word_set(raw["relation_nouns"]),
        agreement_nouns=word_set(raw["agreement_nouns"]),
        event_noun_harm_verbs=word_set(raw["event_noun_harm_verbs"]),
        state_body_words=word_set(raw["state_body_words"]),
        defence_words=word_set(raw["defence_words"]),
        acquisition_verbs=word_set(raw["acquisition_verbs"]),
        civilian_sectors=frozenset(str(s) for s in raw["civilian_sectors"]),
        confidence=Confidence(**{k: float(v) for k, v in raw["confidence"].items()}),
    )


def _verb_preps(raw: dict[str, Any]) -> dict[str, frozenset[str]]:
    """A mapping of verbs to the prepositions listed for each."""
    return {str(verb).lower(): word_set(preps or []) for verb, preps in raw.items()}
