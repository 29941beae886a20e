"""Across articles: join the reports of one real-world event into a story.

Two reports are the same event when they pass every gate — the same PLOVER type and kind of
claim (happened / will happen / denied ...), the same parties (for meetings, agreements and
cooperation in either direction: "Singh met Shoigu" and "Shoigu held talks with Singh"),
no two different places, compatible modes (a phone call is not a visit), event times at most
a few days apart — and their evidence sentences say the same thing (:mod:`similarity`),
helped by an agreeing date, place or second party. A report joins the best story it fits,
or founds a new one; every report is kept.

Blocking keeps this near-linear: a story is indexed under (type, kind of claim, party) and
the months its event can fall in, so a report is compared only with the stories of its own
parties, type and weeks, never with the whole archive. Stories keep a few exemplar reports,
so a story with twenty reports costs no more to compare than one with five.

Linking is incremental: :class:`StoryLinker` starts from stories already stored (see
``sitrep.store.stories``) and adds new reports to them. Reports are taken in publication
order; an event first told a month later (history: "Singh visited Moscow in June") still
finds its story through its explicit date.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sitrep.stories.reports import Report, is_country_name
from sitrep.stories.similarity import soft_overlap

# Two explicit event times at most this many days apart can be one event told with a
# wrong date ("arrived on June 20" for June 22); the report is linked and the story flags
# the conflict. Further apart, they are two events: visits a month apart stay apart.
TIME_TOLERANCE_DAYS = 3
# Meetings, agreements and cooperation are joint acts: which side an outlet makes the
# subject ("Singh met Shoigu", "Shoigu held talks with Singh") does not make two events.
# Accusations, requests, aid or attacks have a direction: "A accuses B" and "B accuses A"
# are an exchange of two.
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Modes that name one act seen from either side (PLOVER CONSULT: a visit is hosted).
SAME_ACT_MODES = (frozenset({"visit", "host"}),)
# PLOVER CONSULT modes that name the kind of consultation (the others are meetings).
KIND_MODES = frozenset({"visit", "host", "phone", "mediate"})
# The decision: similarity of the evidence (0..1) plus what else agrees must reach
# LINK_SCORE. Paraphrases of one report by two outlets score 0.65-1.0, sentences of two
# events of one dyad and week mostly 0.3-0.65. A date both reports give (half as much when
# only one gives a date and it falls in the other's days of publication), a place both name,
# and both parties of a dyad each add evidence; each day between two explicit dates takes
# some away. Set on the story corpus and the tune half of a judged sample of newswire-silver
# pairs (scripts/stories_sample.py; README, "Stories"): 0.75 lost paraphrases the corpus
# must link, 0.65 let in pairs of different events.
LINK_SCORE = 0.7
SAME_TIME_BONUS = 0.1
SAME_PLACE_BONUS = 0.1
BOTH_PARTIES_BONUS = 0.1
DAY_APART_PENALTY = 0.05
# Only dates at most this wide (a day, a three-day visit, a week) earn the date bonus.
PRECISE_DAYS = 7
# Within one article, another sentence is more often another event ("he also met ...", a
# roundup of attacks): the event stage has already folded the restatements it recognises, so
# a second sentence of an article already in the story needs a little more, unless it uses
# the same words. 0.05 from the tune half of the judged pairs (0.1 and more cost the story
# corpus the restatements it must link: a quoted tweet, a spokesman's words).
SAME_ARTICLE_MARGIN = 0.05
# A report that shares a single party with the story (the event stage often finds only the
# actor) and gives no date both agree on names too little: "China" said, agreed or decided
# something every day of the Beijing summit. It needs this much more similarity. From the
# judged newswire pairs (tune half): 0.1 took precision from 0.88 to 0.96 there.
ONE_PARTY_MARGIN = 0.1
# Reports a story keeps to compare new ones with: the first and the latest ones.
EXEMPLARS = 5


def story_id(report: Report) -> str:
    """Stable id from the founding report: 12 hex digits of SHA-256 over its document,
    offset and type (so rebuilding the stories in date order gives the same ids)."""
    key = f"{report.document_id}|{report.start}|{report.event_type}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


@dataclass(slots=True)
class StoryState:
    """What a story's next report is compared with (a summary, not every report)."""

    id: str
    event_type: str
    family: str
    actors: set[str] = field(default_factory=set)
    recipients: set[str] = field(default_factory=set)
    modes: set[str] = field(default_factory=set)
    places: dict[str, str | None] = field(default_factory=dict)  # place name -> its country
    intervals: set[tuple[date, date]] = field(default_factory=set)  # explicit event times
    # The founding report's days. Without explicit times a story is held to them: reports a
    # few days apart join, a chain of daily reports cannot stretch one story over a month.
    anchor: tuple[date, date] | None = None
    documents: set[str] = field(default_factory=set)  # the articles its reports are in
    vague: bool = False  # its founding report dates the event only vaguely
    size: int = 0  # reports, stored and new
    exemplars: list[Report] = field(default_factory=list)
    added: list[tuple[Report, float | None]] = field(default_factory=list)  # this run's
    stored: bool = False  # already in the store (its row is updated, not inserted)

    def absorb(self, report: Report, score: float | None = None, *, new: bool = True) -> None:
        self.actors |= report.actors
        self.recipients |= report.recipients
        self.modes |= report.modes
        if report.location:
            self.places.setdefault(report.location, report.location_country)
        if report.interval is not None:
            self.intervals.add(report.interval)
        if self.anchor is None:
            self.anchor = report.span()
            self.vague = report.vague
        self.documents.add(report.document_id)
        self.size += 1
        self.exemplars.append(report)
        if len(self.exemplars) > EXEMPLARS:
            del self.exemplars[1]  # keep the founding report and the latest ones
        if new:
            self.added.append((report, score))

    def to_json(self) -> dict[str, Any]:
        """What the store keeps to link later reports (exemplars by event id)."""
        first, last = self.days()
        return {
            "family": self.family,
            "actors": sorted(self.actors),
            "recipients": sorted(self.recipients),
            "modes": sorted(self.modes),
            "places": self.places,
            "intervals": sorted([a.isoformat(), b.isoformat()] for a, b in self.intervals),
            "anchor": [d.isoformat() for d in self.anchor] if self.anchor else None,
            "documents": sorted(self.documents),
            "vague": self.vague,
            "size": self.size,
            "exemplars": [r.key for r in self.exemplars],
            "days": [first.isoformat(), last.isoformat()],
        }

    @classmethod
    def from_json(
        cls, story_id: str, event_type: str, data: dict[str, Any], reports: dict[int, Report]
    ) -> StoryState:
        """A stored story, its exemplars taken from ``reports`` (by event id)."""

        def span(pair: list[str]) -> tuple[date, date]:
            return date.fromisoformat(pair[0]), date.fromisoformat(pair[1])

        return cls(
            id=story_id,
            event_type=event_type,
            family=data["family"],
            actors=set(data["actors"]),
            recipients=set(data["recipients"]),
            modes=set(data["modes"]),
            places=dict(data["places"]),
            intervals={span(pair) for pair in data["intervals"]},
            anchor=span(data["anchor"]) if data.get("anchor") else None,
            documents=set(data.get("documents", ())),
            vague=data.get("vague", False),
            size=data["size"],
            exemplars=[reports[key] for key in data["exemplars"] if key in reports],
            stored=True,
        )

    def times(self) -> set[tuple[date, date]]:
        """When the event can be: its explicit times, else its founding report's days."""
        if self.intervals:
            return self.intervals
        return {self.anchor} if self.anchor else set()

    def days(self) -> tuple[date, date]:
        """The first and last day of :meth:`times` (what the store indexes)."""
        times = self.times()
        return min(t[0] for t in times), max(t[1] for t in times)


def _parties_agree(report: Report, story: StoryState) -> bool:
    """The same parties: a dyad matches a dyad (both of its parties), a single party any
    story it is part of; directed types also need the same actor (and recipient, when both
    name one), symmetric ones may name the parties the other way round."""
    parties = story.actors | story.recipients
    needed = min(2, len(report.parties), len(parties))
    if len(report.parties & parties) < needed:
        return False
    if report.event_type in SYMMETRIC_TYPES:
        return True
    if not report.actors & story.actors:
        return False
    if not report.recipients or not story.recipients:
        return True
    return bool(report.recipients & story.recipients)


def _modes_agree(report: Report, story: StoryState) -> bool:
    # A consultation's mode says what kind of act it was: a visit is not the meeting held
    # during it, nor a phone call. Other modes add detail (a weapon, a kind of aid) that
    # one outlet gives and another leaves out.
    if bool(report.modes & KIND_MODES) != bool(story.modes & KIND_MODES):
        return False
    if not report.modes or not story.modes or report.modes & story.modes:
        return True
    both = report.modes | story.modes
    return any(both <= same for same in SAME_ACT_MODES)


def _places_agree(report: Report, story: StoryState) -> bool | None:
    """True: the same place (or a city and the country it is in); False: two places;
    None: unknown."""
    if not report.location or not story.places:
        return None
    name = report.location

    def same(place: str, country: str | None) -> bool:
        if place.casefold() == name.casefold():
            return True
        # "Moscow" and "Russia": one place at two scales; "Moscow" and "Vladivostok" are two.
        return (
            bool(country)
            and country == report.location_country
            and (is_country_name(place) or is_country_name(name))
        )

    return all(same(place, country) for place, country in story.places.items())


def _days_apart(first: tuple[date, date], second: tuple[date, date]) -> int:
    return max((second[0] - first[1]).days, (first[0] - second[1]).days, 0)


def _time_gap(report: Report, story: StoryState) -> tuple[int, bool]:
    """Days between the report's event time and the story's, and whether both were explicit
    dates (else days of publication stand in for one or both)."""
    gap = min(_days_apart(report.span(), t) for t in story.times())
    return gap, report.interval is not None and bool(story.intervals)


def _precise(interval: tuple[date, date] | None) -> bool:
    return interval is None or (interval[1] - interval[0]).days <= PRECISE_DAYS


def score(report: Report, story: StoryState) -> float | None:
    """How well ``report`` fits ``story``; None when a gate fails."""
    if (report.event_type, report.family) != (story.event_type, story.family):
        return None
    if not _parties_agree(report, story) or not _modes_agree(report, story):
        return None
    places = _places_agree(report, story)
    if places is False:
        return None
    gap, dated = _time_gap(report, story)
    if gap > TIME_TOLERANCE_DAYS:
        return None
    if not story.exemplars:  # its reports were deleted (reprocessing): nothing to compare
        return None
    similarity = max(soft_overlap(report.words, e.words) for e in story.exemplars)
    value = similarity
    if report.document_id in story.documents and similarity < 1.0:
        value -= SAME_ARTICLE_MARGIN
    if dated and gap:
        value -= DAY_APART_PENALTY * gap
    elif (
        gap == 0
        and (report.interval is not None or story.intervals)
        and _precise(report.interval)
        and all(map(_precise, story.intervals))
        and (dated or not (report.vague or story.vague))
    ):
        # A month ("in June") agrees with any day in it, and a report that dates its event
        # vaguely ("this year") is not news of its publication day: neither is evidence.
        value += SAME_TIME_BONUS if dated else SAME_TIME_BONUS / 2
    if places:
        value += SAME_PLACE_BONUS
    if len(report.parties & (story.actors | story.recipients)) >= 2:  # the whole dyad
        value += BOTH_PARTIES_BONUS
    elif not (dated and gap == 0):
        value -= ONE_PARTY_MARGIN
    return value


def _months(first: date, last: date) -> Iterator[int]:
    """Month numbers (year * 12 + month) from ``first`` to ``last``."""
    start, end = first.year * 12 + first.month - 1, last.year * 12 + last.month - 1
    yield from range(start, end + 1)


class StoryLinker:
    """Stories in memory, indexed by (type, claim, party) and month; reports join them."""

    def __init__(self, stories: Iterable[StoryState] = ()) -> None:
        self._index: dict[tuple[str, str, str], dict[int, list[StoryState]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self._registered: dict[str, set[tuple[str, str, str, int]]] = defaultdict(set)
        self.stories: dict[str, StoryState] = {}
        for story in stories:
            self._register(story)

    def _register(self, story: StoryState) -> None:
        self.stories[story.id] = story
        slack = timedelta(days=TIME_TOLERANCE_DAYS)
        seen = self._registered[story.id]
        first, last = story.days()
        for party in story.actors | story.recipients:
            for month in _months(first - slack, last + slack):
                key = (story.event_type, story.family, party, month)
                if key not in seen:
                    seen.add(key)
                    self._index[key[:3]][month].append(story)

    def candidates(self, report: Report) -> list[StoryState]:
        first, last = report.span()
        found: dict[str, StoryState] = {}
        for party in report.parties:
            by_month = self._index.get((report.event_type, report.family, party))
            if not by_month:
                continue
            for month in _months(first, last):
                for story in by_month.get(month, ()):
                    found.setdefault(story.id, story)
        return list(found.values())

    def add(self, report: Report) -> StoryState:
        """Link ``report`` into the best story it fits, or found a new one."""
        best: tuple[float, StoryState] | None = None
        for story in self.candidates(report):
            value = score(report, story)
            if value is not None and value >= LINK_SCORE and (best is None or value > best[0]):
                best = (value, story)
        if best is None:
            story = StoryState(story_id(report), report.event_type, report.family)
            while story.id in self.stories:  # the same founding key twice: keep ids distinct
                story.id = hashlib.sha256(story.id.encode()).hexdigest()[:12]
            story.absorb(report)
        else:
            story = best[1]
            story.absorb(report, round(best[0], 4))
        self._register(story)
        return story


def report_order(report: Report) -> tuple[date, str, int]:
    return report.published, report.document_id, report.start


def link_reports(reports: Iterable[Report], stories: Iterable[StoryState] = ()) -> StoryLinker:
    """Link ``reports`` (in publication order) into ``stories`` and new ones."""
    linker = StoryLinker(stories)
    for report in sorted(reports, key=report_order):
        linker.add(report)
    return linker
