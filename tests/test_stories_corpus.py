"""The story corpus (tests/fixtures/story-corpus): 16 articles by several outlets about the
same events, with a restating tweet, a wrong date, conflicting sums and two visits a month
apart, linked into stories and scored with pairwise precision and recall against the gold
stories. `python scripts/stories_eval.py` prints the same figures with every story."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.stories.evaluate import load_gold, read_corpus, score_hand_coded, score_pipeline

CORPUS = Path(__file__).parent / "fixtures" / "story-corpus"

pytestmark = pytest.mark.model  # the word vectors of en_core_web_md


def _stories_of(result, story: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {result.predicted[k] for k, g in result.gold.items() if g == story}


def test_gold_anchors_are_in_their_articles() -> None:
    documents = read_corpus(CORPUS)
    gold = load_gold(CORPUS / "gold.yaml")
    assert len(documents) == 16 and len({m.story for m in gold}) >= 15
    for mention in gold:
        assert mention.anchor in documents[mention.file].text, (mention.file, mention.anchor)


def test_hand_coded_reports_are_linked_into_the_gold_stories(store_url: str) -> None:
    """The linker alone: each gold mention coded as a careful coder would."""
    result = score_hand_coded(CORPUS, store_url)
    scores = result.scores
    assert scores.mentions == result.gold_mentions == 41
    assert scores.precision >= 0.9, scores
    assert scores.recall >= 0.9, scores
    june, july = _stories_of(result, "visit-june"), _stories_of(result, "visit-july")
    assert not june & july, "two visits a month apart stay two stories"
    assert _stories_of(result, "talks-borisov").isdisjoint(_stories_of(result, "talks-shoigu"))
    assert _stories_of(result, "s400-june").isdisjoint(_stories_of(result, "s400-july"))

    from sitrep.store import open_store
    from sitrep.store import stories as table

    with open_store(store_url) as store:
        # the June visit: the most-reported story, the tweet in it, the wrong date flagged
        biggest = max(june, key=lambda s: table.story(store, s).mentions)
        visit = table.story(store, biggest)
        assert visit.sources >= 5 and "twitter.com/rajnathsingh" in visit.outlets
        assert visit.date == "2020-06-22"
        assert "time" in [c.field for c in visit.conflicts]
        (aid,) = _stories_of(result, "ukraine-aid")
        assert [c.field for c in table.story(store, aid).conflicts] == ["amount"]


@pytest.mark.slow
def test_the_pipeline_links_the_corpus_precisely(tmp_path: Path) -> None:
    """End to end: articles through the pipeline, events mapped to gold mentions by sentence,
    type and claim. Recall is bounded by what extraction finds (actors it cannot place in a
    country cannot be linked), so the floor is lower than the linker's own."""
    from sitrep.extractor import Extractor

    extractor = Extractor()
    result = score_pipeline(
        CORPUS, f"sqlite:///{tmp_path / 'corpus.db'}", extractor.extract_many, extractor.version
    )
    scores = result.scores
    assert scores.mentions >= 15 and scores.gold_pairs >= 10, scores
    assert scores.precision >= 0.9, scores
    assert scores.recall >= 0.5, scores
    assert not _stories_of(result, "visit-june") & _stories_of(result, "visit-july")
