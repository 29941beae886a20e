"""Readers for the event-data field's dictionary formats: PETRARCH-2 / Phoenix ``.actors`` and
agents files, and CountryInfo. Parsing only; what the builders make of the entries is theirs.

Written from the formats as the files' own headers describe them (no PETRARCH code is used):

**Actors files** (``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt``). An entry starts at the left margin with a phrase, words
joined by ``_`` (a trailing ``_`` marks the end of a word, not part of it); ``+PHRASE`` lines
that follow are synonyms of it; its codes are ``[CODE]`` or ``[CODE dates]`` on the entry line
or on indented lines below it. ``CODE`` is a CAMEO actor code: three-letter groups, a country
or international type first ("GBRGOVMIL", "IGOUNO", "NGOUSAHRI", "IMGMUSALQ"). Dates are
``yymmdd`` or ``yyyymmdd``: ``a-b`` a spell, ``>a`` from a on, ``<b`` until b, none: always.
``#`` starts a comment; a comment line of ``#`` signs with a title ("#####  NGOs  ######")
heads a section.

**Agents file** (``Phoenix.agents.txt``): ``NOUN [~SEC]`` or ``NOUN {PLURALS} [~SEC]``; ``~``
says the code is appended to the actor it qualifies ("[~MIL]"), a code ending in ``~`` is put
before it ("[IGO~]"). ``!SET! = A, B`` defines a substitution set used inside nouns
("CATTLE!PERSON!" is cattleman, cattlemen, cattlewoman ...).

**CountryInfo** (``CountryInfo.120116.txt``): almost-XML ``<Country>`` blocks with
``<CountryCode>``, ``<Leaders>`` (sub-blocks named by office, "<Prime ministers>", each line a
name and ``[yyyymmdd - yyyymmdd]`` terms, ``[>d]`` still in office at the file's last update,
``[B:d]``/``[D:d]`` birth and death) and ``<Government>`` (lines ``NAME [CODE dates][CODE
dates] # Title & Title``, from the CIA's monthly World Leaders lists, 2003-2011: ``<d`` in
office when the lists began, ``>d`` still in office at the last one). ``{A}{B}`` writes two
names of one person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# -- dates ------------------------------------------------------------------------------------

# Two-digit years up to this are 20yy, the others 19yy: the files were made in 2014 and spells
# go back to the 1930s (the few earlier births are written with four digits).
_PIVOT_YEAR = 29
_DATE = re.compile(r"^\d{6}(\d{2})?$")


def iso_date(value: str) -> str | None:
    """``yymmdd``/``yyyymmdd`` as an ISO date, to the month where the day is impossible.

    CountryInfo writes month ends as day 31 whatever the month ("20070631"): such a date is
    kept at month precision ("2007-06"). Returns None for anything else ("2004017").
    """
    if not _DATE.match(value):
        return None
    if len(value) == 6:
        year = int(value[:2])
        year += 2000 if year <= _PIVOT_YEAR else 1900
        month, day = int(value[2:4]), int(value[4:6])
    else:
        year, month, day = int(value[:4]), int(value[4:6]), int(value[6:8])
    if not 1 <= month <= 12:
        return None
    if day == 0:
        return f"{year:04d}-{month:02d}"
    days = [31, 29 if _leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    if day > days:
        return f"{year:04d}-{month:02d}" if day <= 31 else None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


@dataclass(frozen=True, slots=True)
class Spell:
    """A code held over a period: ``[GBRGOVMIL 060601-081031]``.

    ``start``/``end`` are ISO dates (None: open). ``since_listed``: the source says "in office
    when its listing began" (``<d``), so the true start is unknown and earlier; ``listed_on``:
    "still in office at its last update" (``>d``), so the end is unknown and later.
    """

    code: str
    start: str | None = None
    end: str | None = None
    since_listed: bool = False
    listed_on: bool = False
    valid: bool = True  # False: the dates could not be read


_SPELL = re.compile(r"\[\s*([A-Z~0-9-]*[A-Z~]|---)\s*([^\]]*)\]")


def parse_spell(code: str, dates: str) -> Spell:
    """One bracketed code with its dates, in either file family's way of writing them."""
    text = dates.replace(" ", "")
    if not text:
        return Spell(code)
    if text.startswith(">"):
        start = iso_date(text[1:])
        return Spell(code, start, None, listed_on=True, valid=start is not None)
    if text.startswith("<"):
        end = iso_date(text[1:])
        return Spell(code, None, end, since_listed=True, valid=end is not None)
    first, sep, last = text.partition("-")
    if not sep:
        return Spell(code, valid=False)
    start, end = iso_date(first), iso_date(last)
    return Spell(code, start, end, valid=start is not None and end is not None)


def spells_in(text: str) -> list[Spell]:
    """Every ``[CODE dates]`` in a piece of text (birth and death marks excluded)."""
    return [
        parse_spell(code, dates)
        for code, dates in _SPELL.findall(text)
        if not code.startswith(("B:", "D:")) and code != "---"
    ]


# -- actors files -----------------------------------------------------------------------------


@dataclass(slots=True)
class ActorEntry:
    """One entry of an actors file: its phrase, synonyms, codes and where it is."""

    phrase: str  # as written, words joined by "_": "ISLAMIC_STATE_OF_IRAQ_"
    line: int  # 1-based line of the entry in its file
    synonyms: list[str] = field(default_factory=list)
    spells: list[Spell] = field(default_factory=list)
    comment: str = ""  # the entry line's comment ("CountryInfo.txt", "kkl 21 Mar 13")
    section: str = ""  # the last section heading above it ("NGOs", "Multinational ...")
    synonym_comments: dict[str, str] = field(default_factory=dict)  # "(killed in 2010)"


_SECTION = re.compile(r"^#{3,}\s*(.*?)\s*#{3,}\s*$")
_PHRASE_END = re.compile(r"[\[#]")


def _split_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    return body, comment.strip().strip("#").strip()


def _phrases(body: str) -> list[str]:
    """The phrases of a line before its codes: one, or several written "+A +B"."""
    cut = _PHRASE_END.search(body)
    text = body[: cut.start()] if cut else body
    parts = [p.strip() for p in text.split("+")]
    return [p for p in parts if p]


def read_actors(path: Path) -> Iterator[ActorEntry]:
    """The entries of an actors file, in file order."""
    entry: ActorEntry | None = None
    section = ""
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, raw in enumerate(lines, start=1):
            line = raw.rstrip("\n")
            heading = _SECTION.match(line.strip())
            if heading and heading.group(1):
                section = heading.group(1)
                continue
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            body, comment = _split_comment(line)
            if line[0] in " \t":
                if entry is not None:  # an indented code line
                    entry.spells.extend(spells_in(body))
                continue
            if line.startswith("+"):
                if entry is not None:
                    for phrase in _phrases(body):
                        entry.synonyms.append(phrase)
                        if comment:
                            entry.synonym_comments[phrase] = comment
                    entry.spells.extend(spells_in(body))
                continue
            if entry is not None:
                yield entry
            phrases = _phrases(body)
            if not phrases:
                entry = None
                continue
            entry = ActorEntry(phrases[0], number, comment=comment, section=section)
            entry.synonyms.extend(phrases[1:])
            entry.spells.extend(spells_in(body))
    if entry is not None:
        yield entry


# -- agents file ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Agent:
    """A generic noun and the agent code it gives: "SOLDIER" -> "MIL"."""

    noun: str  # as written, with substitution sets expanded: "DAIRY_MAN"
    plurals: tuple[str, ...]  # irregular plurals given in {...}
    code: str  # the code without its "~": "MIL", "GOVMED", "IGO"
    prefix: bool  # "[IGO~]": the code goes before the actor's, not after
    line: int


_AGENT = re.compile(r"^(?P<noun>[^\[{#]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")
_SET = re.compile(r"^!(\w+)!\s*=\s*(.+)$")


def read_agents(path: Path) -> Iterator[Agent]:
    """The nouns of an agents file with their codes, substitution sets expanded."""
    sets: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, raw in enumerate(lines, start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            defined = _SET.match(line)
            if defined:
                sets[defined.group(1)] = [w.strip() for w in defined.group(2).split(",")]
                continue
            match = _AGENT.match(_split_comment(line)[0])
            if match is None:
                continue
            code = match.group("code").strip()
            prefix = code.endswith("~")
            code = code.strip("~")
            plurals = tuple(
                p.strip() for p in (match.group("plurals") or "").split(",") if p.strip()
            )
            for noun in _expand(match.group("noun").strip(), sets):
                yield Agent(noun, plurals, code, prefix, number)


def _expand(noun: str, sets: dict[str, list[str]]) -> list[str]:
    found = re.search(r"!(\w+)!", noun)
    if found is None or found.group(1) not in sets:
        return [noun]
    head, tail = noun[: found.start()], noun[found.end() :]
    return [v for word in sets[found.group(1)] for v in _expand(head + word + tail, sets)]


# -- CountryInfo ------------------------------------------------------------------------------


@dataclass(slots=True)
class Leader:
    """A line of a ``<Leaders>`` block: a name under an office heading, with its terms."""

    names: list[str]
    office: str  # the heading: "Prime ministers", "Kings/QUEENS"
    terms: list[Spell]  # code "" (the office is the heading)
    line: int


@dataclass(slots=True)
class Official:
    """A line of a ``<Government>`` block: names, coded spells and the titles after "#"."""

    names: list[str]
    spells: list[Spell]
    titles: list[str]  # the "#" comment split on " & "
    line: int


@dataclass(slots=True)
class CountryBlock:
    code: str  # <CountryCode> as written: "GBR", "GBRVGB", "[YUGBIH  BIH"
    iso3: str  # <ISO3166-alpha3>, "" if none
    name: str
    line: int
    leaders: list[Leader] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)


_TAG = re.compile(r"<(/?)([^<>]+)>")
_BRACED = re.compile(r"\{([^}]*)\}")
_TERM = re.compile(r"\[([<>]?\s*\d{6,8}(?:\s*-\s*\d{6,8})?)\]")


def _names(text: str) -> list[str]:
    """The names in the text before a line's first bracket: ``{A}{B}`` or one name, whose
    words may be joined by spaces as well as "_" ("OMAR_HASSAN_AHMAD  AL-BASHIR_")."""
    braced = _BRACED.findall(text)
    if braced:
        return [_name(n) for n in braced if _name(n)]
    name = _name(text)
    return [name] if name else []


def _name(text: str) -> str:
    # "HAMAD_IBN `ISA" writes the ayn with a backquote; "= RAMA_IX_" introduces another name.
    text = text.replace("`", "").strip().lstrip("=").strip()
    return "_".join(text.split())


_LEADER_PIECE = re.compile(r"(\[[^\]]*\])|([^\[]+)")


def _leader_people(body: str) -> list[tuple[list[str], list[str]]]:
    """The people of a ``<Leaders>`` line, each with the terms written after the name: most
    lines hold one, a few two ("MAN_MOHAN_ADHIKARI_ [...] SHER_BAHADUR_DEUBA [...]"); text
    starting "=" after the terms is another name of the same person."""
    people: list[tuple[list[str], list[str]]] = []
    for bracket, text in _LEADER_PIECE.findall(body):
        if text.strip():
            names = _names(text)
            if not names:
                continue
            if text.strip().startswith("=") and people:
                people[-1][0].extend(names)
            else:
                people.append((names, []))
        elif bracket and people:
            people[-1][1].append(bracket)
    return people


def read_countryinfo(path: Path) -> Iterator[CountryBlock]:
    """The country blocks of a CountryInfo file with their leaders and officials."""
    block: CountryBlock | None = None
    where = ""  # "Leaders", "Government" or ""
    office = ""
    in_doc = False
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, raw in enumerate(lines, start=1):
            line = raw.rstrip("\n")
            stripped = line.strip()
            if stripped.startswith("<!--"):
                in_doc = True
            if in_doc:
                in_doc = "-->" not in stripped
                continue
            if not stripped or stripped.startswith("#"):
                continue
            body, comment = _split_comment(line)
            tag = _TAG.match(body.strip())
            if tag is not None:
                closing, name = tag.group(1) == "/", tag.group(2).strip()
                value = body.strip()[tag.end() :].split("<", 1)[0].strip()
                if name == "Country" and not closing:
                    block = CountryBlock("", "", "", number)
                elif name == "Country" and closing:
                    if block is not None:
                        yield block
                    block, where = None, ""
                elif block is None:
                    continue
                elif name == "CountryCode" and not closing:
                    block.code = value
                elif name == "ISO3166-alpha3" and not closing:
                    block.iso3 = value if re.fullmatch(r"[A-Z]{3}", value) else ""
                elif name == "CountryName" and not closing:
                    block.name = value
                elif name in ("Leaders", "Government"):
                    where = "" if closing else name
                    office = ""
                elif where == "Leaders":
                    office = "" if closing else name
                continue
            if block is None:
                continue
            if where == "Leaders" and office:
                for names, brackets in _leader_people(body):
                    terms = [parse_spell("", t) for t in _TERM.findall(" ".join(brackets))]
                    if terms:
                        block.leaders.append(Leader(names, office, terms, number))
            elif where == "Government":
                spells = spells_in(body)
                names = _names(body.split("[", 1)[0])
                if names and spells:
                    titles = [t.strip() for t in comment.split(" & ") if t.strip()]
                    block.officials.append(Official(names, spells, titles, number))
    if block is not None:
        yield block
