"""Stories on a real SQLite file and a real PostgreSQL server: events from several articles
linked into stories, every report kept, sources counted, conflicts flagged, linking
incremental and repaired after reprocessing. Events are built by hand (no NLP pipeline);
the similarity uses the real en_core_web_md vectors."""

from __future__ import annotations

import pytest

from sitrep.store import open_store
from sitrep.store import stories as table
from sitrep.stories import link_stories, outlet_of
from storykit import CHINA, INDIA, RUSSIA, SHOIGU, SINGH, article, event, visit_reports

pytestmark = pytest.mark.model  # the word vectors of en_core_web_md


def story_of(store, extraction) -> str:  # type: ignore[no-untyped-def]
    from sitrep.store import lookups

    ids = lookups.document_event_ids(store, extraction.document.id)
    return table.story_ids_of_events(store, ids)[ids[0]]


def stored(store_url: str, extractions) -> object:  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    for item in extractions:
        store.add(item, "test")
    return store


def test_one_visit_told_by_four_outlets_is_one_story_and_the_next_visit_another(
    store_url: str,
) -> None:
    reports = visit_reports()
    with stored(store_url, reports) as store:
        summary = link_stories(store)
        assert (summary.events, summary.new_stories) == (5, 2)
        june = {story_of(store, r) for r in reports[:4]}
        assert len(june) == 1, "four reports of the June visit are one story"
        assert story_of(store, reports[4]) not in june, "the July visit is another event"
        story = table.story(store, june.pop())
        assert (story.mentions, story.documents, story.sources) == (4, 4, 4)
        assert sorted(story.outlets) == [
            "deccanherald.com",
            "ptinews.com",
            "tass.com",
            "thehindu.com",
        ]
        assert (story.first_report, story.last_report) == ("2020-06-22", "2020-06-24")
        # Three sources say Monday 22 June; one says 20 June: kept, flagged, outvoted.
        assert story.date == "2020-06-22" and story.time and story.time.value == "2020-06-22"
        assert [c.field for c in story.conflicts] == ["time"]
        assert sorted(r.value for r in story.conflicts[0].reports) == [
            "2020-06-20",
            "2020-06-22",
            "2020-06-22",
            "2020-06-22",
        ]
        assert story.location == "Moscow"
        # Every report is kept, with its article.
        mentions = table.mentions_of(store, [story.id])[story.id]
        assert {m.document_id for m in mentions} == {r.document.id for r in reports[:4]}
        counts = table.counts(store)
        assert (counts.stories, counts.mentions, counts.unlinked) == (2, 5, 0)


def test_linking_is_incremental_and_gives_the_same_stories_as_all_at_once(
    store_url: str, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    reports = visit_reports()
    with stored(store_url, reports[:2]) as store:
        link_stories(store)
        first = story_of(store, reports[0])
        for item in reports[2:]:
            store.add(item, "test")
        summary = link_stories(store)
        assert (summary.events, summary.new_stories, summary.grown_stories) == (3, 1, 1)
        assert link_stories(store).events == 0, "nothing left to link"
        incremental = [story_of(store, r) for r in reports]
        assert incremental[0] == first, "a story keeps its id as reports join it"
    with stored(f"sqlite:///{tmp_path / 'once.db'}", reports) as store:
        link_stories(store)
        assert [story_of(store, r) for r in reports] == incremental
        link_stories(store, rebuild=True)
        assert [story_of(store, r) for r in reports] == incremental, "rebuilding keeps ids"


def test_small_chunks_and_few_kept_reports_link_the_same_stories(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Reports built in one chunk are kept for the next (a story's exemplars come back in
    # every chunk that spans its days); with one report a chunk and one kept, every
    # exemplar is rebuilt from the store, and the stories must be the same.
    from sitrep.stories import update

    reports = visit_reports()
    with stored(f"sqlite:///{tmp_path / 'whole.db'}", reports) as store:
        link_stories(store)
        whole = [story_of(store, r) for r in reports]
    monkeypatch.setattr(update, "CHUNK_EVENTS", 1)
    for kept in (1, 1000):
        monkeypatch.setattr(update, "KEPT_REPORTS", kept)
        with stored(f"sqlite:///{tmp_path / f'chunks-{kept}.db'}", reports) as store:
            summary = link_stories(store)
            assert [story_of(store, r) for r in reports] == whole
            assert (summary.events, summary.new_stories) == (len(reports), len(set(whole)))


def test_reprocessing_a_document_repairs_its_stories(store_url: str) -> None:
    reports = visit_reports()
    with stored(store_url, reports) as store:
        link_stories(store)
        june = story_of(store, reports[0])
        # Reprocessing found no event in the first article any more.
        emptied = reports[0]
        emptied.events = []
        store.replace_records(emptied, "test2")
        summary = link_stories(store, repair=True)
        assert summary.repaired == 1 and summary.removed == 0
        story = table.story(store, june)
        assert (story.mentions, story.sources) == (3, 3)
        assert table.stale_story_ids(store) == []
        # A story whose every report is gone is deleted.
        alone = reports[4]
        july = story_of(store, alone)
        alone.events = []
        store.replace_records(alone, "test2")
        assert link_stories(store, repair=True).removed == 1
        with pytest.raises(Exception, match="E220"):
            table.story(store, july)


def _two(store_url: str, first, second) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    with stored(store_url, [first, second]) as store:
        link_stories(store)
        return story_of(store, first), story_of(store, second)


def test_meetings_link_either_way_round_accusations_do_not(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 's.db'}"
    a = article(
        "Defence Minister Rajnath Singh held talks with Sergei Shoigu on Friday.",
        "2020-07-24",
        "https://www.ptinews.com/1",
    )
    a.events = [event(a.document, a.document.text, "CONSULT", [SINGH], [SHOIGU], time="2020-07-24")]
    b = article(
        "Sergei Shoigu held talks with his Indian counterpart Rajnath Singh on Friday.",
        "2020-07-24",
        "https://tass.com/2",
    )
    b.events = [event(b.document, b.document.text, "CONSULT", [SHOIGU], [SINGH], time="2020-07-24")]
    first, second = _two(url, a, b)
    assert first == second

    url = f"sqlite:///{tmp_path / 't.db'}"
    c = article(
        "China on Tuesday accused India of provoking the clash on the border.",
        "2020-06-23",
        "https://www.reuters.com/1",
    )
    c.events = [event(c.document, c.document.text, "ACCUSE", [CHINA], [INDIA], time="2020-06-23")]
    d = article(
        "India on Tuesday accused China of provoking the clash on the border.",
        "2020-06-23",
        "https://www.ndtv.com/2",
    )
    d.events = [event(d.document, d.document.text, "ACCUSE", [INDIA], [CHINA], time="2020-06-23")]
    first, second = _two(url, c, d)
    assert first != second, "an exchange of accusations is two events"


def test_a_visit_a_phone_call_a_plan_and_another_city_are_other_events(tmp_path) -> None:  # type: ignore[no-untyped-def]
    visit = article(
        "Defence Minister Rajnath Singh arrived in Moscow on Monday for talks.",
        "2020-06-22",
        "https://tass.com/1",
    )
    visit.events = [
        event(
            visit.document,
            visit.document.text,
            "CONSULT",
            [SINGH],
            [RUSSIA],
            time="2020-06-22",
            location="Moscow",
            mode=["visit"],
        )
    ]
    others = [
        (
            "Rajnath Singh spoke to Russia's defence minister by phone on Monday.",
            {"mode": ["phone"], "location": None},
        ),
        (
            "Rajnath Singh will arrive in Moscow on Monday for talks, officials said.",
            {"mode": ["visit"], "location": "Moscow", "modality": "planned"},
        ),
        (
            "Defence Minister Rajnath Singh arrived in Vladivostok on Monday for talks.",
            {"mode": ["visit"], "location": "Vladivostok"},
        ),
    ]
    for i, (text, options) in enumerate(others):
        other = article(text, "2020-06-22", f"https://www.thehindu.com/{i}")
        other.events = [
            event(other.document, text, "CONSULT", [SINGH], [RUSSIA], time="2020-06-22", **options)
        ]  # type: ignore[arg-type]
        first, second = _two(f"sqlite:///{tmp_path / f'{i}.db'}", visit, other)
        assert first != second, text


def test_different_sums_for_one_aid_package_are_kept_and_flagged(tmp_path) -> None:  # type: ignore[no-untyped-def]
    usa, ukraine = ("United States", "USA"), ("Ukraine", "UKR")
    items = []
    for text, url, value in [
        (
            "The Pentagon said it would provide $250 million in security assistance to Ukraine.",
            "https://www.reuters.com/1",
            250e6,
        ),
        (
            "The United States will provide Ukraine with $205 million in security assistance.",
            "https://www.kyivpost.com/2",
            205e6,
        ),
    ]:
        item = article(text, "2020-06-12", url)
        item.events = [
            event(item.document, text, "AID", [usa], [ukraine], modality="planned", amount=value)
        ]
        items.append(item)
    with stored(f"sqlite:///{tmp_path / 'aid.db'}", items) as store:
        link_stories(store)
        story = table.story(store, story_of(store, items[0]))
        assert story.mentions == 2
        assert [(c.field, sorted(r.value for r in c.reports)) for c in story.conflicts] == [
            ("amount", ["$205,000,000", "$250,000,000"])
        ]
        assert [s.id for s in table.stories(store, table.StoryQuery(conflicts=True))] == [story.id]


def test_story_queries_filter_like_event_queries(store_url: str) -> None:
    with stored(store_url, visit_reports()) as store:
        link_stories(store)
        query = table.StoryQuery
        assert len(table.stories(store, query(actor="IND"))) == 2
        assert len(table.stories(store, query(dyad=("RUS", "IND")))) == 2
        assert len(table.stories(store, query(actor="CHN"))) == 0
        assert len(table.stories(store, query(min_sources=2))) == 1
        assert len(table.stories(store, query(since="2020-07-01"))) == 1
        assert len(table.stories(store, query(text="working visit"))) == 1
        assert len(table.stories(store, query(text="%"))) == 0
        assert len(table.stories(store, query(event_types=["ACCUSE"]))) == 0
        everything = table.stories(store, query())
        page = table.stories(store, query(limit=1))
        after = table.stories(store, query(after=(page[0].date, page[0].id)))
        assert [s.id for s in page + after] == [s.id for s in everything]
        prefix = everything[0].id[:6]
        assert table.story(store, prefix).id == everything[0].id
        with pytest.raises(Exception, match="E220"):
            table.story(store, "ffffffffffff0")


def test_outlets_are_publishers() -> None:
    assert outlet_of("https://www.thehindu.com/news/a.ece", "x.txt") == "thehindu.com"
    assert outlet_of("https://m.ndtv.com/a", None) == "ndtv.com"
    assert (
        outlet_of("https://twitter.com/RajnathSingh/status/1", None) == "twitter.com/rajnathsingh"
    )
    assert outlet_of(None, "../data/AFP_ENG_19970401.0006.tml") == "AFP"
    assert outlet_of(None, "articles/note.txt") is None
    assert outlet_of("not a url", None) is None


def test_a_chunk_another_process_linked_first_is_left_alone(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two ingests finishing together both see the same unlinked events: the second one's
    chunk fails on the first one's links, is rolled back whole, and nothing is lost."""
    with stored(store_url, visit_reports()) as store:
        seen = table.unlinked_event_ids(store)
        link_stories(store)  # the other process, first
        before = table.counts(store)
        monkeypatch.setattr(table, "unlinked_event_ids", lambda _store: seen)
        summary = link_stories(store)
        assert (summary.events, summary.skipped) == (0, 5)
        assert table.counts(store) == before
