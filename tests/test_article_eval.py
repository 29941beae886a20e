"""`sitrep eval events` scoring: who counts as the right actor of a found event."""

from __future__ import annotations

from pathlib import Path

from sitrep.events.article_eval import format_article_scores, read_gold, score
from sitrep.records import ActorRef, Document, Event, Evidence, Extraction

TEXT = (
    "IGAD countries asked the Security Council to lift the arms embargo on Somalia. "
    "Ethiopia asked Kenya to close the border."
)
GOLD = """\
file: example
events:
  - what: IGAD asks the Council to lift the embargo
    sentence: "asked the Security Council to lift the arms embargo"
    must: true
    event_type: REQUEST
    actor:
      - {name: IGAD, country: null, sector: IGO}
  - what: Ethiopia asks Kenya to close the border
    sentence: "Ethiopia asked Kenya to close the border"
    must: true
    event_type: REQUEST
    actor:
      - {name: Ethiopia, country: ETH}
"""


def _request(sentence: str, actor: ActorRef) -> Event:
    start = TEXT.index(sentence)
    evidence = Evidence("doc", start, start + len(sentence), sentence, start, "asked")
    return Event("REQUEST", evidence, actor=[actor])


def test_an_organisation_found_under_its_full_name_is_the_gold_acronym(tmp_path: Path) -> None:
    gold_file = tmp_path / "example.yaml"
    gold_file.write_text(GOLD, encoding="utf-8")
    gold = read_gold(gold_file, TEXT)
    first, second = TEXT.split(". ")
    events = [
        _request(
            first + ".",
            ActorRef("org:igad", "Intergovernmental Authority on Development", None, ["IGO"]),
        ),
        _request(second, ActorRef("country:KEN", "Kenya", "KEN", ["GOV"])),  # the wrong side
    ]
    scores = score([(gold, Extraction(Document(TEXT, "2005-11-29"), events=events))])
    assert (scores.found_must, scores.found_must_actor) == (2, 1)
    report = format_article_scores(scores, errors=True)
    wrong = "example: Ethiopia asks Kenya to close the border: Ethiopia (ETH) | Kenya (KEN)"
    assert wrong in report
