"""Build ``src/sitrep/actors/data/phoenix_actors.yaml``: international organisations, NGOs,
armed groups, parties, movements and national institutions from the Phoenix dictionaries,
with their home country, sector and every other name, and the people those files name.

Sources (``../shared/data/knowledge/petrarch2``, Open Event Data Alliance, MIT licence):

- ``Phoenix.International.actors.txt``: IGOs (UN bodies, NATO, the EU, regional bodies) and
  some 2,700 NGOs; its multinational companies are left to the defence-industry table;
- ``Phoenix.MilNonState.actors.txt``: about 700 armed non-state groups and their other names;
- ``Phoenix.Countries.actors.txt``: besides the countries and CountryInfo's office-holders
  (``scripts/build_countryinfo_roles.py``), some 300 hand-made entries: national institutions
  ("Shin Bet", "Peshmerga", "Lok Sabha"), armed groups of recent wars ("Jabhat al-Nusra", "The
  Islamic State" with "Daesh", "Da'esh"), and people ("John McCain").

An entry's CAMEO code gives its kind and country: ``IGO...`` an international organisation
(PLOVER IGO), ``NGO`` + a country (``NGOUSAHRI``) an NGO based there, ``IMG...`` a
transnational militarized group (PLOVER IMG), a country code + a sector (``SYRREB``,
``ISRSPY``) a national actor of that sector; region codes ("MEA", "SAS") give no country.
CAMEO sectors are read as PLOVER's: media MED -> JRN, health HLH -> MED, religions -> REL.

Names. Phoenix writes patterns, not names ("SECRETARY-GENERAL_BAN_KI-MOON", "U.N._MONITOR_"):
a phrase is kept as a name only when it is one (no title or person noun in it, not a date,
not a bare number); an abbreviation in brackets becomes an alias ("(ETA)"); names are re-cased
("ISLAMIC_STATE_OF_IRAQ_AND_THE_LEVANT_" -> "Islamic State of Iraq and the Levant") and lose a
leading "The" when two words or more remain ("THE_UNITED_NATIONS" is the UN). A name two
entries of different countries or sectors claim is dropped from both (Phoenix gives "PLA" to
China's army and to an Irish group); a name of a hand-written entry (``organisations.yaml``,
``nonstate.yaml``, ``media.yaml``) makes the Phoenix entry an addition to it: its other names
become aliases of ours, ours keep their country and sector.

People. An entry or a synonym that is a person's name (its first word a given name of
CountryInfo's 18,000 office-holders, no organisation word in it) goes to ``people``: Hamas
lists "Khaled Meshaal" among its names, the Islamic State "Abu Bakr al-Baghdadi". Their
country and sector are the entry's; dated offices are the roles table's business.

Usage::

    .venv/bin/python scripts/build_phoenix_actors.py            # rebuild, then check
    .venv/bin/python scripts/build_phoenix_actors.py --check    # check the shipped file
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from build_countryinfo_roles import CODE_FIXES, COUNTRYINFO, display_name
from petrarch_formats import ActorEntry, read_actors, read_countryinfo

from sitrep.actors.gazetteer import YAML_LOADER, load_gazetteer, slug
from sitrep.actors.roles import name_key
from sitrep.actors.sectors import load_sector_lexicon

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "sitrep" / "actors" / "data"
PETRARCH = REPO.parent / "shared" / "data" / "knowledge" / "petrarch2"
SOURCES = (  # highest priority first: which file's entry keeps a name two of them claim
    PETRARCH / "Phoenix.Countries.actors.txt",
    PETRARCH / "Phoenix.MilNonState.actors.txt",
    PETRARCH / "Phoenix.International.actors.txt",
)
HAND_FILES = (DATA / "organisations.yaml", DATA / "nonstate.yaml", DATA / "media.yaml")
OUT = DATA / "phoenix_actors.tsv"

# CAMEO sector codes as PLOVER reads them (PLOVER manual, "Sector Codes", note 4: CAMEO's MED
# was media, HLH health). Religions are REL; INS/SEP were folded into REB.
CAMEO_SECTORS = {
    "GOV": "GOV", "MIL": "MIL", "COP": "COP", "SPY": "SPY", "JUD": "JUD", "LEG": "LEG",
    "REB": "REB", "INS": "REB", "SEP": "REB", "RAD": "REB", "OPP": "OPP", "PTY": "PTY",
    "CVL": "CVL", "MED": "JRN", "HLH": "MED", "EDU": "EDU", "LAB": "LAB", "AGR": "AGR",
    "BUS": "BUS", "REF": "REF", "CRM": "CRM", "ELI": "ELI", "UAF": "UAF", "HRI": "SOC",
    "ENV": "SOC", "DEV": "SOC", "REL": "REL", "MUS": "REL", "CHR": "REL", "JEW": "REL",
    "HIN": "REL", "BUD": "REL", "CTH": "REL", "PRO": "REL", "SHI": "REL", "SUN": "REL",
}  # fmt: skip
# Codes of the three-letter groups that are regions, not countries: no home country.
REGIONS = frozenset(
    {"AFR", "ASA", "BLK", "BLT", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM"}
    | {"MEA", "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "WST"}
    | {"INT", "KKL", "ANG"}
)
# A name with one of these words is a description or an office, not a name ("U.N._MONITOR_",
# "STATE_DEPARTMENT_OFFICIAL", "WHITE_HOUSE_OFFICIAL").
_DESCRIPTIVE = frozenset(
    {"official", "officials", "spokesman", "spokeswoman", "spokesperson", "monitor", "monitors"}
    | {"envoy", "envoys", "chief", "leader", "leaders", "member", "members", "soldiers"}
    | {"peacekeeper", "peacekeepers", "delegation", "countries", "bodies", "president"}
    | {"secretary", "minister", "ministers", "ambassador", "representative", "resident"}
    | {"director", "chairman", "head", "staff", "justices", "contingent", "based", "former"}
    | {"senator", "congressman", "prime", "vice", "general", "gen.", "mr", "mr.", "sheikh"}
)
_MONTHS = re.compile(
    r"^(january|february|march|april|may|june|july|august|september|october|november|"
    r"december|\d+)\b",
    re.IGNORECASE,
)
_SMALL_WORDS = frozenset(
    {"of", "the", "and", "for", "in", "on", "to", "de", "du", "des", "la", "le", "el", "al"}
    | {"wa", "wal", "fi", "li", "y", "e", "a", "an", "at", "by", "et", "ul", "i", "al-"}
)
# An abbreviation in brackets: up to five letters, or with a digit, "/" or "-" ("DHKP/C");
# a longer word in brackets is a gloss ("(GREECE)", "(MACHETE)").
_ACRONYM = re.compile(r"\(([A-Z0-9]{2,5}|[A-Z0-9]*[0-9/-][A-Z0-9/.-]*)\)")
# Words that make a name an organisation's, never a person's.
_ORGANISATION_WORDS = frozenset(
    {"party", "front", "army", "brigade", "brigades", "movement", "organization", "council"}
    | {"organisation", "group", "union", "league", "forces", "force", "committee", "alliance"}
    | {"association", "foundation", "institute", "society", "fund", "agency", "network"}
    | {"federation", "coalition", "battalion", "battalions", "jihad", "islamic", "national"}
    | {"liberation", "resistance", "revolutionary", "international", "center", "centre"}
    | {"bank", "company", "corporation", "ministry", "department", "service", "office"}
    | {"commission", "court", "assembly", "congress", "brotherhood", "mujahideen", "state"}
    | {"house", "palace", "guard", "guards", "bureau", "administration", "team", "authority"}
    | {"parliament", "senate", "yard", "intelligence", "security", "police", "government"}
    | {"regime", "chamber", "tank", "university", "college", "school", "hospital", "press"}
    | {"fighters", "cell", "cells", "nuclei", "nucleus", "faction", "squad", "legion"}
    | {"liwa", "jaish", "jaysh", "harakat", "jabhat", "katibat", "kataib", "ansar", "reserve"}
    | {"ahrar", "fellowship", "foundation", "trust", "initiative", "project", "mission"}
)
# Sectors of the state's institutions: an undated entry of one of these names the institution.
_INSTITUTIONS = frozenset({"SPY", "MIL", "COP", "JUD"})
# Words that join the parts of an organisation's name, never a person's.
_LINKING = frozenset({"and", "of", "for", "the", "in", "on", "to", "against"})
# A synonym's comment that says it is a person ("+ABU_AYYUB_AL-MASRI_ # (killed in 2010)").
_PERSON_COMMENT = re.compile(r"killed|captured|arrested|died|leader|spokes", re.IGNORECASE)


@dataclass
class Actor:
    """One organisation or group as the builder assembles it."""

    key: str  # id
    name: str
    kind: str  # IGO, NGO, IMG, national
    country: str | None
    sector: list[str]
    aliases: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    priority: int = 0
    people: list[str] = field(default_factory=list)
    extends: str | None = None  # id of a hand-written entry it adds names to
    codes: list[str] = field(default_factory=list)  # its CAMEO codes ("IGOWSTNAT")


@dataclass
class Person:
    name: str
    country: str | None
    sector: list[str]
    organisation: str | None
    aliases: list[str]
    source: str
    code: str = ""  # an IGO official's CAMEO code, to find the organisation by


# --------------------------------------------------------------------------- reading codes


def read_code(code: str, countries: set[str]) -> tuple[str, str | None, list[str]] | None:
    """(kind, country, PLOVER sectors) of a CAMEO actor code, or None for what is left out.

    "IGOUNOJUDICJ" -> ("IGO", None, ["IGO", "JUD"]); "NGOUSAHRI" -> ("NGO", "USA", ["NGO"]);
    "IMGMUSISI" -> ("IMG", None, ["IMG", "REB"]); "SYRREB" -> ("national", "SYR", ["REB"]);
    "MEAREB" -> ("national", None, ["REB"]); "MNCUSA" -> None (companies are not built here).
    """
    groups = [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    if not groups:
        return None
    first, rest = groups[0], groups[1:]
    sectors = [CAMEO_SECTORS[g] for g in rest if g in CAMEO_SECTORS]
    if first in ("MNC", "MED"):
        return None  # companies (the industry table), media (media.yaml)
    if first == "IGO":
        extra = [s for s in sectors if s in ("MIL", "JUD")]
        return "IGO", None, ["IGO", *extra]
    if first == "NGO":
        home = next((_country(g, countries) for g in rest if _country(g, countries)), None)
        extra = [s for s in sectors if s in ("MED", "EDU", "REL", "LAB", "AGR", "JRN")]
        return "NGO", home, ["NGO", *extra[:1]]
    if first == "IMG":
        return "IMG", None, ["IMG", "REB"]
    home = _country(first, countries)
    if home is None and first not in REGIONS:
        return None
    primary = [s for s in sectors if s != "REL"] or sectors
    if not primary:
        return None  # a bare country code: the country itself (countries.yaml)
    # "USAGOVLEG" is Congress (LEG), "USAMILSPY" military intelligence (SPY): the narrower
    # branch of the state names the institution.
    narrow = [s for s in primary if s in ("LEG", "JUD", "SPY", "COP")]
    return "national", home, (narrow or primary)[:1]


def _country(code: str, countries: set[str]) -> str | None:
    code = CODE_FIXES.get(code, code)
    return code if code in countries else None


# --------------------------------------------------------------------------- names


def given_names(countryinfo: Path) -> frozenset[str]:
    """First words of CountryInfo's office-holders' names: "mohammed", "john", "haitham";
    never an organisation word or an initial."""
    found: set[str] = set()
    for block in read_countryinfo(countryinfo):
        for person in (*block.leaders, *block.officials):
            words = name_key(display_name(person.names[0])).split()
            if len(words) >= 2 and len(words[0]) > 2 and words[0].isalpha():
                found.add(words[0])
    return frozenset(found - _ORGANISATION_WORDS)


def generic(name: str) -> bool:
    """Whether a name is only a kind of institution, any country's: "Senate", "Supreme
    Court", "National Assembly" (the sector lexicon's heads)."""
    words = name.lower().split()
    found = _LEXICON.head_sector(words)
    return found is not None and found[1] == len(words)


_LEXICON = load_sector_lexicon()


def name_case(phrase: str) -> tuple[str | None, list[str]]:
    """A phrase as a name, and the abbreviations it gives in brackets, or (None, ...) for a
    phrase that is no name: "BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_" -> ("Basque Fatherland
    and Freedom", ["ETA"])."""
    text = phrase.replace("_", " ").strip()
    acronyms = [a for a in _ACRONYM.findall(text) if len(a) >= 3]
    text = re.sub(r"\s*\([^)]*\)?", " ", text).strip(" ,-")
    # "THE_UNITED_NATIONS": news writes the article in lower case mid-sentence; kept, the name
    # would be a second entry beside the hand-written one for the same body. A one-word rest
    # keeps it ("THE_FOUNDATION" is no name without it).
    bare = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    if len(bare.split()) >= 2:
        text = bare
    words = text.split()
    if not words or len(text) < 3 or _MONTHS.match(text):
        return None, acronyms
    if any(w.strip(".,") in _DESCRIPTIVE for w in re.split(r"[\s-]+", text.lower())):
        return None, acronyms
    if len(words) == 1:
        word = words[0]
        letters = re.sub(r"[^A-Za-z]", "", word)
        if len(letters) < 3:
            return None, acronyms
        vowels = re.search(r"[AEIOUaeiou]", word)
        if not vowels or "." in word or (len(letters) <= 5 and "'" not in word):
            # An abbreviation ("FBI", "DHKP/C", "U.N.", "USAID"); a short name written in
            # capitals is kept so too, news writing "HAMAS" as often as "Hamas".
            if vowels and "." not in word and len(letters) > 3:
                acronyms = [*acronyms, _title(word, first=True)]  # and "Hamas", "Darpa"
            return word.upper(), acronyms
        return _title(word, first=True), acronyms
    out = [_title(w, first=i == 0) for i, w in enumerate(words)]
    return " ".join(out), acronyms


def _title(word: str, first: bool) -> str:
    low = word.lower()
    if low in _SMALL_WORDS and not first:
        return low
    if re.fullmatch(r"[a-z]{1,3}\.?", low) and (
        len(low.strip(".")) <= 2 or not re.search(r"[aeiou]", low)
    ):
        return word.upper()  # "PKK" inside a name, "US", "UN"
    if "." in low.strip("."):
        return word.upper()  # "U.S.", "U.N."
    if low.startswith("mc") and len(low) > 3 and low.isalpha():
        return "Mc" + low[2:].capitalize()  # "McCain"
    parts = re.split(r"([-'/])", low)
    out = []
    for i, piece in enumerate(parts):
        after_apostrophe = i >= 2 and parts[i - 1] == "'" and len(parts[i - 2]) > 1
        # "Da'esh", "Jama'at", but "O'Brien", "D'Escoto"
        out.append(piece if piece in "-'/" or after_apostrophe else piece[:1].upper() + piece[1:])
    if not first and len(out) > 2 and out[0] in ("Al", "El") and out[1] == "-":
        out[0] = out[0].lower()  # "Bashar al-Assad"
    return "".join(out)


def is_person(name: str, given: frozenset[str], *, named_only: bool) -> bool:
    """Whether a name is a person's: two to five words of letters, none an organisation's
    word, and (``named_only``: in files of groups, whose names are as often two plain words,
    "Black Star") a given name first, or a kunya of three words or more ("Abu Bakr
    al-Baghdadi"), or "Sheikh"."""
    words = re.sub(r"[-'.]", " ", name.lower()).split()
    if not 2 <= len(words) <= 7 or not all(w.isalpha() for w in words):
        return False
    if any(w in _ORGANISATION_WORDS or w in _LINKING for w in words) or name.isupper():
        return False
    if not named_only:
        return True
    return (
        words[0] in given
        or (words[0] == "abu" and len(words) >= 3)
        or words[0] in ("sheikh", "sheik", "shaikh", "mullah")
    )


# --------------------------------------------------------------------------- building


def _entries(path: Path) -> list[ActorEntry]:
    entries = []
    for entry in read_actors(path):
        if "CountryInfo" in entry.comment:
            continue  # office-holders: the roles table
        entries.append(entry)
    return entries


def collect(
    given: frozenset[str], countries: set[str], sources: tuple[Path, ...] = SOURCES
) -> tuple[list[Actor], list[Person]]:
    actors: list[Actor] = []
    people: list[Person] = []
    for priority, path in enumerate(sources):
        for entry in _entries(path):
            spells = [s for s in entry.spells if s.code and s.code[3:6] != "ELI"]
            read = next((r for s in spells if (r := read_code(s.code, countries))), None)
            if read is None:
                continue
            kind, country, sector = read
            source = f"{path.name}:{entry.line}"
            names: list[str] = []
            persons: list[str] = []
            # A person has a given name first (CountryInfo's), or dated offices in the
            # country file ("TONY_ABBOTT [AUSGOVLEG 19940314-20130918]"): two plain words are
            # as often an institution ("Shin Bet", "Lok Sabha") or a group ("Black Star").
            dated = any(s.start or s.end for s in spells)
            named_only = not (priority == 0 and kind == "national" and dated)
            # An undated entry of a state institution's code names the institution ("Shin
            # Bet" [ISRSPY]: "Shin" is also a Korean family name).
            institution = kind == "national" and sector[0] in _INSTITUTIONS and not dated
            main_person = False
            for phrase in (entry.phrase, *entry.synonyms):
                name, acronyms = name_case(phrase)
                said = bool(_PERSON_COMMENT.search(entry.synonym_comments.get(phrase, "")))
                main = phrase == entry.phrase
                for found in ([name] if name else []) + acronyms:
                    if generic(found):
                        continue
                    person = (said and found == name) or is_person(
                        found, given, named_only=named_only
                    )
                    if person and not (main and institution):
                        persons.append(found)
                        main_person = main_person or main
                    elif found not in names:
                        names.append(found)
            if main_person:
                # A person's entry: its other phrases are patterns of the surname ("ASSAD",
                # "ASSAD_REGIME_"), not names of an organisation.
                names = []
            if not names and persons and (dated or kind in ("national", "NGO", "IGO")):
                # The entry is a person ("JOHN_MCCAIN [USAGOVLEG]", an IGO's official).
                code = next(s.code for s in spells if read_code(s.code, countries))
                people.append(
                    Person(persons[0], country, sector[-1:] if kind == "IGO" else sector, None,
                           persons[1:], source, code if kind == "IGO" else "")
                )  # fmt: skip
                continue
            if not names:
                continue
            actor = Actor(
                key=slug(names[0]),
                name=names[0],
                kind=kind,
                country=country,
                sector=sector,
                aliases=names[1:],
                sources=[source],
                priority=priority,
                people=persons,
                codes=sorted({s.code for s in spells}),
            )
            actors.append(actor)
    return actors, people


def _hand_entries() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for path in HAND_FILES:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
        for section in ("organisations", "media"):
            for entry in data.get(section) or []:
                key = str(entry.get("id") or slug(str(entry["name"])))
                found[key] = {**entry, "_section": section}
    return found


def resolve(
    actors: list[Actor], people: list[Person]
) -> tuple[list[Actor], list[Person], Counter[str]]:
    """Link Phoenix entries to hand entries, merge duplicates and drop contested names."""
    stats: Counter[str] = Counter()
    hand = _hand_entries()
    hand_names: dict[str, str] = {}
    for key, entry in hand.items():
        for name in (entry["name"], *(entry.get("aliases") or [])):
            hand_names.setdefault(_norm(str(name)), key)
    # 1. An entry sharing a name with a hand entry adds its names to that entry.
    for actor in actors:
        for name in (actor.name, *actor.aliases):
            key = hand_names.get(_norm(name))
            if key is not None and hand[key].get("country") not in (None, actor.country):
                key = None  # another body of the same name in another country
            if key is not None:
                actor.extends = key
                stats["linked to a hand entry"] += 1
                break
    # 2. Entries of one source sharing their main name are one entry (Phoenix repeats itself).
    merged: dict[tuple[str, str | None], Actor] = {}
    kept: list[Actor] = []
    for actor in actors:
        ident = (actor.extends or _norm(actor.name), actor.country)
        if ident in merged:
            into = merged[ident]
            into.aliases.extend(n for n in (actor.name, *actor.aliases) if n not in into.aliases)
            into.sources.extend(actor.sources)
            into.people.extend(actor.people)
            stats["merged duplicates"] += 1
            continue
        merged[ident] = actor
        kept.append(actor)
    # 3. A name claimed by entries of different countries or sectors goes to the highest
    #    priority source if only one entry there claims it, else to none.
    claims: dict[str, list[Actor]] = defaultdict(list)
    for actor in kept:
        for name in {_norm(n) for n in (actor.name, *actor.aliases)}:
            claims[name].append(actor)
    for name, owners in claims.items():
        if name in hand_names:
            owners = [a for a in owners if a.extends is None]
            for actor in owners:
                _drop_name(actor, name)
                stats["names of hand entries dropped"] += 1
            continue
        if len({(a.country, tuple(a.sector)) for a in owners}) <= 1:
            continue
        best = min(a.priority for a in owners)
        top = [a for a in owners if a.priority == best]
        winner = top[0] if len(top) == 1 else None
        for actor in owners:
            if actor is not winner:
                _drop_name(actor, name)
                stats["contested names dropped"] += 1
    actors = [a for a in kept if a.name or a.aliases]
    for actor in actors:
        if not actor.name:
            actor.name = actor.aliases.pop(0)
            actor.key = slug(actor.name)
    # Ids unique and never a hand entry's unless extending it.
    used = set(hand)
    for actor in actors:
        if actor.extends:
            actor.key = actor.extends
            continue
        base, n = actor.key, 2
        while actor.key in used:
            actor.key = f"{base}-{n}"
            n += 1
        used.add(actor.key)
    for actor in actors:
        for person in actor.people:
            people.append(
                Person(person, actor.country, actor.sector, actor.key, [], actor.sources[0])
            )
    # An IGO official belongs to the organisation with their code ("IGOUNODEVWBK": the World
    # Bank), or to the one a shorter code names ("IGOUNO": the UN).
    owner: dict[str, str] = {}
    for actor in sorted(actors, key=lambda a: a.extends is None):
        for code in actor.codes:
            owner.setdefault(code, actor.key)
    for person in people:
        code = person.code
        while person.organisation is None and len(code) >= 6:
            person.organisation = owner.get(code)
            code = code[:-3]
    return actors, _unique_people(people, stats), stats


def _unique_people(people: list[Person], stats: Counter[str]) -> list[Person]:
    by_key: dict[str, Person] = {}
    contested: set[str] = set()
    for person in people:
        key = name_key(person.name)
        other = by_key.get(key)
        if other is None:
            by_key[key] = person
        elif (other.country, other.sector) != (person.country, person.sector):
            contested.add(key)
    stats["people named by two entries of different countries, dropped"] = len(contested)
    return [p for k, p in by_key.items() if k not in contested]


def _norm(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name.lower().replace("'", "")).split())


def _drop_name(actor: Actor, name: str) -> None:
    if _norm(actor.name) == name:
        actor.name = ""
    actor.aliases = [a for a in actor.aliases if _norm(a) != name]


# --------------------------------------------------------------------------- output

HEADER = """\
# GENERATED by scripts/build_phoenix_actors.py from the Phoenix dictionaries of PETRARCH-2
# (Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt and the hand-made entries
# of Phoenix.Countries.actors.txt; https://github.com/openeventdata/petrarch2 at 676801c),
# Copyright (c) 2014 Open Event Data Alliance, MIT licence (see the data README). Do not edit:
# correct organisations.yaml, nonstate.yaml or a user gazetteer file, which load after it.
#
# One entry a line, the fields of a user gazetteer file's entries (README.md) as columns:
# section (organisations, media or people), id, name, aliases (|-separated), country, sector
# (|-separated), type, organisation (a person's), find_in_text ("no": matched only where the
# model tags a name), source (the dictionary file and line).
# A row whose id is a hand-written entry's (organisations.yaml, nonstate.yaml, media.yaml)
# only adds names to it. `people` are persons these files name (a group's leaders among its
# names): their country and sector, no dated office. TSV, not YAML: it loads 20 times faster.
"""
COLUMNS = ("section", "id", "name", "aliases", "country", "sector", "type", "organisation",
           "find_in_text", "source")  # fmt: skip


def write(actors: list[Actor], people: list[Person], out: Path) -> None:
    rows: list[list[str]] = []
    hand = _hand_entries()
    for actor in sorted(actors, key=lambda a: a.key):
        names = [n for n in dict.fromkeys([actor.name, *actor.aliases]) if n]
        source = " ".join(actor.sources[:3])
        if actor.extends:
            # Written differently is another name to match ("Da'esh" beside "Daesh").
            own = hand[actor.extends]
            known = {str(n).casefold() for n in (own["name"], *(own.get("aliases") or []))}
            extra = [n for n in names if n.casefold() not in known]
            if extra:
                section = "media" if own["_section"] == "media" else "organisations"
                rows.append([section, actor.key, "", "|".join(extra), "", "", "", "", "", source])
            continue
        kind = {"IGO": "international organisation", "NGO": "NGO",
                "IMG": "transnational armed group"}.get(actor.kind, "national actor")  # fmt: skip
        # Found written out in any text (beside the model's names): names of three words or
        # more, and the national institutions of the country file ("Shin Bet"); the files of
        # groups and NGOs have too many two-word names that are plain words ("Black Star").
        findable = actor.priority == 0 or len(names[0].split()) > 2
        rows.append(
            ["organisations", actor.key, names[0], "|".join(names[1:]), actor.country or "",
             "|".join(actor.sector), kind, "", "" if findable else "no", source]
        )  # fmt: skip
    used: set[str] = set()
    for person in sorted(people, key=lambda p: p.name):
        key = slug(person.name)
        while key in used:
            key += "-2"
        used.add(key)
        rows.append(
            ["people", key, person.name, "|".join(person.aliases), person.country or "",
             "|".join(person.sector), "", person.organisation or "", "", person.source]
        )  # fmt: skip
    lines = [HEADER, "\t".join(COLUMNS) + "\n"]
    lines.extend("\t".join(_cell(c) for c in row) + "\n" for row in rows)
    out.write_text("".join(lines), encoding="utf-8")


def _cell(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def build(out: Path, sources: tuple[Path, ...] = SOURCES, countryinfo: Path = COUNTRYINFO) -> None:
    """``sources``: the country, non-state and international files, in that order (the
    first file's entries keep a contested name); ``countryinfo`` gives the given names."""
    countries = set(load_gazetteer().countries)
    given = given_names(countryinfo)
    actors, people = collect(given, countries, sources)
    actors, people, stats = resolve(actors, people)
    write(actors, people, out)
    kinds = Counter(a.kind for a in actors if not a.extends)
    extending = sum(1 for a in actors if a.extends)
    print(
        f"{out.name}: {len(actors)} entries ({dict(kinds)}; {extending} add names to hand "
        f"entries), {len(people)} people"
    )
    for what, n in stats.items():
        print(f"  {what}: {n}")


def check(path: Path) -> int:
    """Load the file as the stage does; print counts and name clashes; non-zero on errors."""
    from sitrep.actors.gazetteer import NONSTATE_FILE

    gazetteer = load_gazetteer((NONSTATE_FILE, path))  # E207 on a malformed row
    organisations = [o for o in gazetteer.organisations.values() if path.name in o.source]
    people = [p for p in gazetteer.people.values() if path.name in p.source]
    kinds = Counter(o.type or "adds names" for o in organisations)
    print(
        f"{path.name}: {len(organisations)} organisations ({dict(kinds)}), {len(people)} "
        f"people; gazetteer now {len(gazetteer.organisations)} organisations"
    )
    bad = [
        f"{o.id}: sector {list(o.sector)}"
        for o in (*organisations, *people)
        if any(s not in _PLOVER for s in o.sector)
    ]
    bad += [f"{o.id}: country {o.country}" for o in organisations
            if o.country and o.country not in gazetteer.countries]  # fmt: skip
    for problem in bad[:10]:
        print("  " + problem)
    return 1 if bad else 0


_PLOVER = frozenset(
    {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "REB", "OPP", "PTY", "CVL", "JRN", "MED", "EDU"}
    | {"LAB", "AGR", "BUS", "REF", "CRM", "ELI", "UAF", "SOC", "REL", "IGO", "NGO", "IMG", "PRM"}
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="only check the shipped file")
    args = parser.parse_args(argv)
    if not args.check:
        missing = [p for p in (*SOURCES, COUNTRYINFO) if not p.is_file()]
        if missing:
            print(f"source not found: {missing[0]}", file=sys.stderr)
            return 1
        build(args.out)
    return check(args.out)


if __name__ == "__main__":
    sys.exit(main())
