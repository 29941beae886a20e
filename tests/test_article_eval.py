"""`sitrep eval events` scoring: who counts as the right actor of a found event."""

from __future__ import annotations

from pathlib import Path

from sitrep.events.article_eval import format_article_scores, read_gold, score
from sitrep.records import ActorRef, Document, Event, Evidence, Extraction, Transfer

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


TRANSFER_TEXT = (
    "Georgia ordered 12 Su-25 jets from Bulgaria in 2005. Russia will sell six Mi-17 "
    "helicopters to Georgia. Ukraine delivered two T-72 tanks to Georgia."
)
TRANSFER_GOLD = """\
file: example
events: []
transfers:
  - what: Bulgaria sells 12 Su-25 to Georgia
    sentence: "Georgia ordered 12 Su-25 jets from Bulgaria"
    must: true
    supplier: {name: Bulgaria, country: BGR}
    recipient: {name: Georgia, country: GEO}
    system: Su-25
    kind: purchase
    status: ordered
  - what: Russia to sell six Mi-17 to Georgia
    sentence: "Russia will sell six Mi-17 helicopters to Georgia"
    must: false
    supplier: {name: Russia, country: RUS}
    recipient: {name: Georgia, country: GEO}
    system: Mi-17
    kind: purchase
    status: planned
"""


def _transfer(sentence: str, system: str, supplier: str, status: str) -> Transfer:
    start = TRANSFER_TEXT.index(sentence)
    evidence = Evidence("doc", start, start + len(sentence), sentence, start, None)
    return Transfer(system, evidence, supplier=supplier, recipient="GEO", status=status)


def test_transfer_errors_are_listed_with_their_fields(tmp_path: Path) -> None:
    gold_file = tmp_path / "example.yaml"
    gold_file.write_text(TRANSFER_GOLD, encoding="utf-8")
    gold = read_gold(gold_file, TRANSFER_TEXT)
    transfers = [
        # found, but the origin taken for the seller
        _transfer("Georgia ordered 12 Su-25 jets from Bulgaria", "Su-25", "RUS", "ordered"),
        _transfer("Ukraine delivered two T-72 tanks to Georgia", "T-72", "UKR", "delivered"),
    ]
    extraction = Extraction(Document(TRANSFER_TEXT, "2006-01-10"), transfers=transfers)
    scores = score([(gold, extraction)])
    assert (scores.found_must_transfers, scores.transfer_parties_right) == (1, 0)
    report = format_article_scores(scores, errors=True)
    assert "example: Russia to sell six Mi-17 to Georgia" in report  # missed
    assert "example: T-72: UKR > GEO delivered | Ukraine delivered" in report  # no gold
    wrong = "example: Bulgaria sells 12 Su-25 to Georgia: BGR > GEO ordered | RUS > GEO ordered"
    assert wrong in report
