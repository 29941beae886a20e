"""The CAMEO verb dictionary, read through our dependency parse.

``data/cameo_verbs.json`` (built by ``scripts/build_cameo_verbs.py`` from PETRARCH-2's
``CAMEO.2.0.txt``, MIT) lists about 1,800 verbs in 400 blocks of synonyms, each block with a
default CAMEO code and patterns that refine it by the words around the verb: the object
("- * SANCTIONS [163]"), a preposition and its object ("- * (INTO CHARGES) [090]"), a
particle, or the subject ("- &MILITARY * [154]"). PETRARCH matched these on a constituency
parse; we match them on the verb's own dependents, in order, as follows:

* the words after ``*`` must occur, in the pattern's order, among the tokens to the right of
  the verb in its own clause (complement, adverbial and conjoined clauses are not the verb's
  words); a ``(PREP WORDS)`` group needs the preposition and then its words;
* the words before ``*`` must occur in the verb's subject;
* the most specific matching pattern (most words) wins; else the verb's own code, else its
  block's default — but a block's default only for the verb the block is named after. The
  blocks gather WordNet synonyms, and a synonym's default reading is too often another sense
  ("inhabit" in the OCCUPY block, "rule" among the meeting verbs); a synonym is read only
  through a pattern that names its words.

The CAMEO code then gives the PLOVER type and mode through ``data/cameo_plover.tsv`` (the
PLOVER project's CAMEO→PLOVER table); codes the manual drops (01 statements, 02 appeals) give
nothing. Our hand lexicon comes first (:mod:`sitrep.events.pairs`); this dictionary covers the
verbs and verb–object pairs it lacks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Token

from sitrep.events.lexicon import PLOVER_TYPES, Sense

__all__ = ["CameoMatch", "CameoVerbs", "load_cameo_verbs"]

# Dependents whose subtrees are other clauses, not words of the verb's own pattern.
_OTHER_CLAUSE = frozenset(
    {"ccomp", "advcl", "conj", "relcl", "parataxis", "nsubj", "nsubjpass", "csubj", "mark"}
)
# Right-hand words a pattern may skip over before the next element; bounds greedy matching.
_MAX_WORDS = 40
# How far below the verb a pattern word may sit: its object or preposition (1), their noun
# (2) and that noun's modifiers (3). Deeper words belong to other phrases ("launched rocket
# fire against camps near the border" is not about the border).
_MAX_DEPTH = 3

Alternative = tuple[str, ...]  # one word, or a compound of consecutive words


@dataclass(frozen=True, slots=True)
class _Element:
    alternatives: tuple[Alternative, ...]  # any one of them matches (a synonym set, a word)
    prep: str | None = None  # "(TO BORDER)": the preposition, before the alternatives


@dataclass(frozen=True, slots=True)
class _Pattern:
    code: str | None
    pre: tuple[tuple[Alternative, ...], ...]
    post: tuple[_Element, ...]
    reverse: bool
    size: int  # words in the pattern: the more, the more specific
    # Only function words ("- * TO [030]", written for "head to"; "- * DOWN" for "clamp
    # down"): read for the block's own verb only, as its default is, not for every synonym
    # ("managed to collect" is no AGREE).
    function_only: bool = False


@dataclass(frozen=True, slots=True)
class CameoMatch:
    """The CAMEO reading of one verb: its code, PLOVER sense, and the words that decided it."""

    code: str
    sense: Sense
    tokens: tuple[Token, ...]  # the verb and the pattern's words
    specific: bool  # decided by a pattern's words, not the verb's or block's default
    reverse: bool = False  # passive pattern: the event's actor is the verb's object side


def _function_words_only(raw: dict) -> bool:
    """Whether a raw pattern names only function words ("- * TO", "- * DOWN", "(AGAINST)")."""
    words = [*raw.get("pre", []), *(w for e in raw.get("post", []) for w in e.get("words", []))]
    flat = [w if isinstance(w, str) else " ".join(w) for w in words]
    return not any(w.startswith("&") or w.lower() not in STOP_WORDS for w in flat)


@cache  # the dictionary's words are a few thousand: each is read once
def _singulars(word: str) -> frozenset[str]:
    out = {word}
    if word.endswith("ies"):
        out.add(word[:-3] + "y")
    if word.endswith("es"):
        out.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.add(word[:-1])
    return frozenset(out)


def _token_forms(tok: Token) -> frozenset[str]:
    return frozenset({tok.lower_, tok.lemma_.lower()})


class CameoVerbs:
    """Lookups over the compiled dictionary; :meth:`match` reads one verb token."""

    def __init__(self, raw: dict, table: dict[str, Sense | None]) -> None:
        self.table = table
        synsets = {
            name: tuple(tuple(w.split()) for w in words) for name, words in raw["synsets"].items()
        }
        self.verbs: dict[str, tuple[str, str | None, bool]] = {}
        for key, entry in raw["verbs"].items():
            self.verbs[key] = (entry["block"], entry.get("code"), "code" in entry)
        self.blocks: dict[str, tuple[str | None, tuple[_Pattern, ...]]] = {}
        for name, block in raw["blocks"].items():
            patterns = [self._pattern(p, synsets) for p in block["patterns"]]
            # most specific first, file order among equals (sorted is stable)
            patterns.sort(key=lambda p: -p.size)
            self.blocks[name] = (block["code"], tuple(patterns))

    @staticmethod
    def _alternatives(
        words: Sequence[str | list[str]], synsets: dict[str, tuple[Alternative, ...]]
    ) -> tuple[Alternative, ...]:
        out: list[Alternative] = []
        for word in words:
            if isinstance(word, list):
                out.append(tuple(word))
            elif word.startswith("&"):
                out.extend(synsets.get(word, ()))
            else:
                out.append((word,))
        return tuple(out)

    def _pattern(self, raw: dict, synsets: dict[str, tuple[Alternative, ...]]) -> _Pattern:
        pre = tuple(self._alternatives([w], synsets) for w in raw.get("pre", []))
        post: list[_Element] = []
        size = len(pre)
        for element in raw.get("post", []):
            prep = element.get("prep")
            words = element.get("words", [])
            # a group's words are one sequence ("(TO BORDER)"); a bare element is one choice
            if prep is not None:
                size += 1
                for word in words:
                    post.append(_Element(self._alternatives([word], synsets), prep))
                    prep = None  # only the first word follows the preposition directly
                    size += 1
                if prep is not None:
                    post.append(_Element((), prep))
            else:
                post.append(_Element(self._alternatives(words, synsets)))
                size += 1
        return _Pattern(
            raw.get("code"),
            pre,
            tuple(post),
            bool(raw.get("reverse")),
            size,
            _function_words_only(raw),
        )

    # ------------------------------------------------------------------ matching

    def entry(self, verb: Token) -> tuple[str, tuple[str, str | None, bool], list[Token]] | None:
        """The dictionary verb for a token: a phrasal form ("ask for") first, then the lemma."""
        lemma = verb.lemma_.lower()
        for child in verb.children:
            if child.dep_ in ("prt", "prep") and child.i > verb.i:
                key = f"{lemma} {child.lower_}"
                if key in self.verbs:
                    return key, self.verbs[key], [verb, child]
        if lemma in self.verbs:
            return lemma, self.verbs[lemma], [verb]
        return None

    def match(self, verb: Token) -> CameoMatch | None:
        """The verb's CAMEO reading with its PLOVER sense, or None (unknown verb, a code the
        PLOVER manual drops, or a pattern that codes nothing)."""
        found = self.entry(verb)
        if found is None:
            return None
        _, (block, own_code, has_own), words = found
        default, patterns = self.blocks.get(block, (None, ()))
        right = _Words(_right_words(verb))
        subject = _Words(_subject_words(verb))
        own_verb = _block_head(block) == found[0]
        for pattern in patterns:
            if pattern.function_only and not own_verb:
                continue
            matched = _match_pattern(pattern, right, subject)
            if matched is None:
                continue
            if pattern.code is None:
                return None  # "[---]": this use of the verb is not an event
            sense = self.sense(pattern.code)
            if sense is None:
                return None
            # a pattern of prepositions only ("- * (TO)") is no more specific than the verb
            specific = any(t.dep_ not in ("prep", "prt", "agent", "dative") for t in matched)
            return CameoMatch(
                pattern.code, sense, (*words, *matched), specific=specific, reverse=pattern.reverse
            )
        if has_own:
            code = own_code
        elif own_verb:
            code = default
        else:
            return None
        if code is None:
            return None
        sense = self.sense(code)
        if sense is None:
            return None
        return CameoMatch(code, sense, tuple(words), specific=False)

    def sense(self, code: str) -> Sense | None:
        """PLOVER type and mode of a CAMEO code, by its longest listed prefix."""
        for end in range(len(code), 1, -1):
            if code[:end] in self.table:
                return self.table[code[:end]]
        return None


def _block_head(block: str) -> str:
    """The verb a block is named after: "MEET_PEOPLE" -> "meet", "ASK_FOR" -> "ask for"."""
    head = block.lower().split("_")
    return " ".join(head) if len(head) == 2 and head[1] in _PARTICLES else head[0]


_PARTICLES = frozenset({"for", "off", "out", "up", "down", "back", "on", "in", "over", "away"})


def _right_words(verb: Token) -> list[Token]:
    """The verb's own words to its right: its object, particle and prepositional phrases."""
    out: list[Token] = []
    stack = [(c, 1) for c in verb.children if c.i > verb.i and c.dep_ not in _OTHER_CLAUSE]
    while stack:
        tok, depth = stack.pop()
        out.append(tok)
        if depth < _MAX_DEPTH:
            stack.extend((c, depth + 1) for c in tok.children if c.dep_ not in _OTHER_CLAUSE)
    out.sort(key=lambda t: t.i)
    return out[:_MAX_WORDS]


def _subject_words(verb: Token) -> list[Token]:
    for tok in (verb, verb.head):
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return list(subject.subtree)
        if tok.dep_ not in ("xcomp", "conj"):
            break
    return []


def _matches_at(forms: list[frozenset[str]], start: int, alternative: Alternative) -> bool:
    if start + len(alternative) > len(forms):
        return False
    for offset, wanted in enumerate(alternative):
        if forms[start + offset].isdisjoint(_singulars(wanted)):
            return False
    return True


@cache  # per synonym set of the dictionary: a few thousand
def _first_words(alternatives: tuple[Alternative, ...]) -> frozenset[str] | None:
    """Every form that the first word of one of ``alternatives`` may take (None when an
    empty alternative matches anywhere)."""
    if not all(alternatives):
        return None
    return frozenset().union(*(_singulars(a[0]) for a in alternatives))


class _Words:
    """Words a pattern is matched against, with each word's forms computed once per verb."""

    __slots__ = ("forms", "tokens")

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.forms = [_token_forms(tok) for tok in tokens]


def _find(
    words: _Words, start: int, alternatives: Iterable[Alternative], *, heads: bool = False
) -> tuple[int, int]:
    """The first position at or after ``start`` where one alternative matches: (index, length);
    (-1, 0) when none does. With ``heads``, a match must end on a phrase's head, not on a
    modifier ("boost defence" is not "deepen the defence partnership")."""
    options = tuple(alternatives)
    first = _first_words(options)
    forms = words.forms
    for i in range(start, len(words.tokens)):
        if first is not None and forms[i].isdisjoint(first):
            continue  # no alternative starts with this word: most words of most sentences
        for alternative in options:
            if not _matches_at(words.forms, i, alternative):
                continue
            if heads and words.tokens[i + len(alternative) - 1].dep_ in _MODIFIERS:
                continue
            return i, len(alternative)
    return -1, 0


# Dependencies of a word that only modifies the noun phrase it stands in.
_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})


def _match_pattern(pattern: _Pattern, right: _Words, subject: _Words) -> list[Token] | None:
    for alternatives in pattern.pre:
        if _find(subject, 0, alternatives)[0] < 0:
            return None
    matched: list[Token] = []
    position = 0
    for element in pattern.post:
        if element.prep is not None:
            index, _ = _find(right, position, [(element.prep,)])
            if index < 0 or right.tokens[index].dep_ not in ("prep", "prt", "agent", "dative"):
                return None
            matched.append(right.tokens[index])
            position = index + 1
        if element.alternatives:
            index, length = _find(right, position, element.alternatives, heads=True)
            if index < 0:
                return None
            matched.extend(right.tokens[index : index + length])
            position = index + length
    return matched


def _read_table(text: str) -> dict[str, Sense | None]:
    table: dict[str, Sense | None] = {"01": None, "02": None}  # dropped by the PLOVER manual
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("code\t"):
            continue
        code, kind, mode = [*line.split("\t"), "", ""][:3]
        table[code] = Sense(kind, mode or None) if kind in PLOVER_TYPES else None
    return table


@cache
def load_cameo_verbs() -> CameoVerbs:
    """The shipped dictionary and CAMEO→PLOVER table, loaded once per process."""
    data = resources.files("sitrep.events") / "data"
    raw = json.loads((data / "cameo_verbs.json").read_text(encoding="utf-8"))
    table = _read_table((data / "cameo_plover.tsv").read_text(encoding="utf-8"))
    return CameoVerbs(raw, table)
