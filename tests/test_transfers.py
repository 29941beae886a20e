"""The transfer stage: arms-transfer facts out of sentences, checked as an analyst would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from sitrep.extractor import Extractor
from sitrep.nlp.extensions import register_extensions
from sitrep.nlp.pipeline import PipelineConfig
from sitrep.readers import read_paths
from sitrep.records import Document, Transfer, from_json_dict, to_json_dict
from sitrep.time.component import TimexStage
from sitrep.transfers import KINDS, STATUSES, TransferStage, load_cues, load_rates

Run = Callable[..., list[Transfer]]


@pytest.fixture(scope="module")
def run(nlp: Language) -> Run:
    """Parse a text with the English model, tag its times, run the transfer stage."""
    register_extensions()
    timex = TimexStage(nlp, "sitrep_timex_v1")
    stage = TransferStage(nlp, "sitrep_transfers_v1")

    def run_text(text: str, dct: str = "2020-06-23", doc_id: str = "doc-1") -> list[Transfer]:
        doc = nlp(text)
        doc._.dct = dct
        doc._.document_id = doc_id
        return list(stage(timex(doc))._.transfers)

    return run_text


def only(transfers: list[Transfer], system: str, kind: str | None = None) -> Transfer:
    found = [t for t in transfers if t.system == system and (kind is None or t.kind == kind)]
    assert len(found) == 1, f"expected one {system} {kind or ''} transfer, got {transfers}"
    return found[0]


# -- the reference article -----------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_document(shared_dir: Path) -> Document:
    return next(iter(read_paths([shared_dir / "examples" / "seed-article.txt"])))


@pytest.fixture(scope="module")
def seed(run: Run, seed_document: Document) -> list[Transfer]:
    return run(seed_document.text, seed_document.day, seed_document.id)


@pytest.mark.model
def test_seed_article_yields_the_s400_deal_exactly(seed: list[Transfer]) -> None:
    s400 = only(seed, "S-400")
    assert (s400.supplier, s400.recipient, s400.kind) == ("RUS", "IND", "purchase")
    assert s400.value is not None
    assert (s400.value.value, s400.value.currency, s400.value.usd) == (5.2e9, "USD", 5.2e9)
    assert s400.delivery_due is not None and s400.delivery_due.value == "2021-12"
    assert s400.delivery_due.latest == "2021-12-31"
    assert s400.status == "delayed"
    assert s400.status_reason == "COVID-19 pandemic"


@pytest.mark.model
def test_seed_article_s400_keeps_the_evidence_of_each_sentence(
    seed: list[Transfer], seed_document: Document
) -> None:
    s400 = only(seed, "S-400")
    assert "delayed due to coronavirus" in s400.evidence.sentence
    by_field = {name: f.evidence.sentence for f in s400.facts for name in f.fields}
    assert "USD 5.2 billion deal for S-400" in by_field["value"]
    assert "by December 2021" in by_field["delivery_due"]
    assert "COVID-19" in by_field["status_reason"]
    text = seed_document.text
    for fact in s400.facts:
        ev = fact.evidence
        assert ev.document_id == seed_document.id
        assert text[ev.sentence_start : ev.sentence_start + len(ev.sentence)] == ev.sentence
        assert "S-400" in text[ev.start : ev.end]


@pytest.mark.model
@pytest.mark.parametrize(
    ("system", "kind"),
    [
        ("Su-30MKI", "licensed-production"),
        ("T-90", "licensed-production"),
        ("BrahMos", "co-development"),
    ],
)
def test_seed_article_should_transfers(seed: list[Transfer], system: str, kind: str) -> None:
    transfer = only(seed, system, kind)
    assert (transfer.supplier, transfer.recipient) == ("RUS", "IND")
    assert transfer.status != "delayed"  # the S-400's delay is not theirs


@pytest.mark.model
def test_seed_article_spares_request_covers_the_listed_fleets(seed: list[Transfer]) -> None:
    spares = {t.system for t in seed if t.kind == "spares"}
    assert spares == {"Su-30MKI", "MiG-29", "MiG-29K", "T-90", "Kilo-class submarine"}
    assert all(t.supplier == "RUS" and t.recipient == "IND" for t in seed)


@pytest.mark.model
def test_evidence_offsets_point_into_the_text(run: Run) -> None:
    text = "Vietnam has signed a deal for 12 FA-50 jets. Their delivery has been delayed."
    (transfer,) = run(text, "2023-03-14")
    for fact in transfer.facts:
        ev = fact.evidence
        assert text[ev.sentence_start : ev.sentence_start + len(ev.sentence)] == ev.sentence
        assert ev.sentence_start <= ev.start < ev.end <= ev.sentence_start + len(ev.sentence)
        assert ev.trigger and ev.trigger in ev.sentence


@pytest.mark.model
def test_transfer_records_round_trip_through_json(seed: list[Transfer]) -> None:
    for transfer in seed:
        assert from_json_dict(Transfer, to_json_dict(transfer)) == transfer


# -- cues ------------------------------------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "system", "status"),
    [
        (
            "The Philippines signed a contract for 32 Black Hawk helicopters.",
            "UH-60 Black Hawk",
            "ordered",
        ),
        ("Egypt is in talks with France to buy more Rafale jets.", "Rafale", "negotiating"),
        ("Poland plans to buy 96 AH-64 Apache helicopters.", "AH-64 Apache", "planned"),
        ("The first batch of Rafale jets arrived in India on Wednesday.", "Rafale", "delivering"),
        ("The Indian Air Force inducted the Rafale jets at Ambala.", "Rafale", "delivered"),
        ("Delivery of the S-400 to India is being delayed.", "S-400", "delayed"),
        ("India was supposed to get the S-400 by December 2021.", "S-400", "delayed"),
        ("Switzerland scrapped its order for Rafale jets.", "Rafale", "cancelled"),
        ("Indonesia cancelled the deal for Su-35 fighters.", "Su-35", "cancelled"),
        ("The US approved a possible $1.4 billion sale of F-16 jets to Turkey.", "F-16", "planned"),
        ("Turkey took delivery of the first S-400 components.", "S-400", "delivering"),
        ("Egypt's deal for Su-35 jets was shelved.", "Su-35", "cancelled"),
        (
            "India signed the S-400 deal but the systems have not been delivered.",
            "S-400",
            "ordered",
        ),
        ("The Rafale deal was not cancelled, the minister said.", "Rafale", None),
    ],
)
def test_status_cues(run: Run, text: str, system: str, status: str | None) -> None:
    assert only(run(text), system).status == status


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "system", "kind"),
    [
        ("HAL builds the Su-30MKI under licence from Russia.", "Su-30MKI", "licensed-production"),
        ("India and Russia jointly developed the BrahMos missile.", "BrahMos", "co-development"),
        (
            "India will lease an Akula-class submarine from Russia.",
            "Akula-class submarine",
            "lease",
        ),
        ("The United States will donate 20 M113 carriers to Ukraine.", "M113", "aid"),
        ("Russia will supply spares for India's MiG-29 fleet.", "MiG-29", "spares"),
        ("Vietnam bought 12 FA-50 jets from South Korea.", "FA-50", "purchase"),
    ],
)
def test_kind_cues(run: Run, text: str, system: str, kind: str) -> None:
    assert only(run(text), system).kind == kind


@pytest.mark.model
def test_delivery_due_and_reason(run: Run) -> None:
    text = (
        "India was supposed to get the S-400 missile defense system by December 2021 but its "
        "delivery is being delayed due to coronavirus COVID-19 pandemic."
    )
    (s400,) = run(text)
    assert (s400.supplier, s400.recipient) == ("RUS", "IND")
    assert s400.delivery_due is not None and s400.delivery_due.value == "2021-12"
    assert s400.status_reason == "COVID-19 pandemic"


@pytest.mark.model
def test_new_schedule_beats_the_broken_one(run: Run) -> None:
    text = (
        "The first FA-50s, which were supposed to arrive in 2025, are now expected to reach "
        "Vietnam by March 2026, a company spokesperson said."
    )
    (fa50,) = run(text, "2024-09-10")
    assert fa50.delivery_due is not None and fa50.delivery_due.value == "2026-03"
    assert fa50.status == "delayed" and fa50.recipient == "VNM"


@pytest.mark.model
def test_order_date_is_not_the_reporting_date(run: Run) -> None:
    said = run(
        "Vietnam signed a deal for 12 FA-50 jets, the ministry said on Tuesday.", "2023-03-16"
    )
    assert only(said, "FA-50").ordered is None
    signed = run("Vietnam signed the FA-50 deal in March 2023.", "2024-09-10")
    ordered = only(signed, "FA-50").ordered
    assert ordered is not None and ordered.value == "2023-03"


@pytest.mark.model
def test_recipient_and_supplier_from_context(run: Run) -> None:
    text = (
        "Russia is India's largest defence supplier. "
        "Deliveries of the S-400 missile systems have been delayed."
    )
    (s400,) = run(text)
    assert (s400.supplier, s400.recipient) == ("RUS", "IND")


@pytest.mark.model
def test_second_hand_supplier_named_as_subject(run: Run) -> None:
    (transfer,) = run("Poland will send T-72 tanks to Ukraine.", "2022-04-05")
    assert (transfer.supplier, transfer.recipient) == ("POL", "UKR")


@pytest.mark.model
def test_subject_of_a_two_way_verb_with_a_to_receiver_supplies(run: Run) -> None:
    (patriot,) = run("Germany will lease two Patriot missile systems to Ukraine.", "2025-06-10")
    assert (patriot.supplier, patriot.recipient, patriot.kind) == ("DEU", "UKR", "lease")
    assert patriot.quantity == 2


@pytest.mark.model
def test_rescheduled_delivery_is_the_new_due_date(run: Run) -> None:
    text = "Deliveries of the remaining two S-400 squadrons to India have been pushed back to 2026."
    (s400,) = run(text, "2024-02-20")
    assert s400.status == "delayed" and s400.recipient == "IND"
    assert s400.delivery_due is not None and s400.delivery_due.value == "2026"
    assert s400.quantity is None  # "the remaining two" is a batch, not the deal


@pytest.mark.model
def test_part_supplier_is_not_the_deal_supplier(run: Run) -> None:
    text = (
        "Deliveries of Vietnam's FA-50 jets were delayed by engine deliveries from the "
        "United States."
    )
    (fa50,) = run(text, "2024-09-10")
    assert (fa50.supplier, fa50.recipient) == ("KOR", "VNM")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Vietnam ordered 12 FA-50 jets.", 12),
        ("India signed a deal for five units of the S-400.", 5),
        ("The first batch of four FA-50 jets arrived in Vietnam.", None),
        (
            "The Philippines signed a $375 million deal with BrahMos Aerospace to buy three "
            "batteries of the BrahMos missile.",
            3,
        ),
        ("India signed the 2018 S-400 deal with Russia.", None),
    ],
)
def test_quantity(run: Run, text: str, quantity: int | None) -> None:
    (transfer,) = run(text, "2026-04-03")
    assert transfer.quantity == quantity


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Su-30MKI jets flew past during the Republic Day parade.",  # no transfer cue
        "Vietnam is in talks to buy FA-50 jets to replace its Su-22 fighters.",  # Su-22 replaced
        "India ordered 83 Tejas Mk1A jets from HAL.",  # domestic procurement
    ],
)
def test_no_transfer_where_nothing_changes_hands(run: Run, text: str) -> None:
    systems = {t.system for t in run(text)}
    assert systems <= {"FA-50"}


@pytest.mark.model
def test_generic_designation_reads_as_the_variant_named_elsewhere(run: Run) -> None:
    text = (
        "India operates more than 260 Su-30MKIs. "
        "HAL carries out the licensed production of SU-30 aircraft in India."
    )
    transfer = only(run(text), "Su-30MKI")
    assert transfer.kind == "licensed-production"


# -- money as news writes it ----------------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize(
    ("money", "value", "currency"),
    [
        ("USD 5.2 billion", 5.2e9, "USD"),
        ("$5.43bn", 5.43e9, "USD"),
        ("US$ 1.5 billion", 1.5e9, "USD"),
        ("$2.5b", 2.5e9, "USD"),
        ("$250 million", 2.5e8, "USD"),
        ("Rs 40,000 crore", 4e11, "INR"),
        ("Rs 450 lakh", 4.5e7, "INR"),
        ("₹5,000 crore", 5e10, "INR"),
        ("£1.2bn", 1.2e9, "GBP"),
        ("€7.9 billion", 7.9e9, "EUR"),
        ("RUB 50 billion", 5e10, "RUB"),
        ("30 billion roubles", 3e10, "RUB"),
    ],
)
def test_deal_values_in_news_formats_convert_at_the_years_rate(
    run: Run, money: str, value: float, currency: str
) -> None:
    text = f"India signed a {money} deal for the S-400 in October 2018."
    s400 = only(run(text, "2019-01-10"), "S-400")
    assert s400.value is not None
    assert (s400.value.value, s400.value.currency) == (pytest.approx(value), currency)
    rate = load_rates().rate(currency, 2018)  # the order year, not the article's
    assert rate is not None
    assert s400.value.usd == pytest.approx(value / rate.per_usd, rel=1e-6)


@pytest.mark.model
def test_the_articles_own_dollar_figure_is_kept(run: Run) -> None:
    text = (
        "Vietnam signed a contract worth 1.1 trillion won (about US$845 million) for 12 FA-50 jets."
    )
    fa50 = only(run(text, "2023-03-14"), "FA-50")
    assert fa50.value is not None
    assert (fa50.value.value, fa50.value.currency, fa50.value.usd) == (1.1e12, "KRW", 845e6)


def test_cue_lexicon_uses_only_known_statuses_and_kinds() -> None:
    lexicon = load_cues()
    assert {status for status, _ in lexicon.statuses} <= set(STATUSES)
    assert {kind for kind, _ in lexicon.kinds} <= set(KINDS)
    assert set(lexicon.lifecycle) == set(STATUSES)
    assert lexicon.reason_label("the coronavirus COVID-19 pandemic") == "COVID-19 pandemic"
    assert lexicon.reason_label("a shortage of jet engines") == "shortage of jet engines"


def test_stage_works_without_the_parser() -> None:
    """A blank pipeline (no parser, no sentence boundaries) still finds the deal."""
    import spacy

    register_extensions()
    nlp = spacy.blank("en")
    doc = nlp("Vietnam signed a deal for 12 FA-50 jets. Deliveries were delayed.")
    doc._.dct = "2023-03-14"
    doc._.document_id = "blank"
    (fa50,) = TransferStage(nlp, "transfers")(doc)._.transfers
    assert (fa50.system, fa50.supplier, fa50.recipient, fa50.quantity) == (
        "FA-50",
        "KOR",
        "VNM",
        12,
    )


def test_a_users_gazetteer_equipment_counts_for_transfers(tmp_path: Path) -> None:
    # An invented system only the user's file knows: the actor stage reads it, and so must
    # the transfer stage of the same pipeline.
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "equipment:\n"
        "  - {name: Zorvex-9, category: combat aircraft, origin: FRA, maker: Example Aero}\n",
        encoding="utf-8",
    )
    config = PipelineConfig(stage_config={"sitrep_actors_v1": {"gazetteers": [str(mine)]}})
    text = "Ruritania has ordered 12 Zorvex-9 from France, the ministry said."
    extraction = Extractor(config).extract(Document(text=text, date="2021-03-01"))
    assert [m.text for m in extraction.mentions if m.label == "EQUIPMENT"] == ["Zorvex-9"]
    assert [t.system for t in extraction.transfers] == ["Zorvex-9"]
