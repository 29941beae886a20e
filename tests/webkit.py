"""Hand-built documents for the web and store tests (no model needed): a small India–Russia
story over three months, an S-400 deal that slips, and one hostile article."""

from __future__ import annotations

from sitrep.events.intensity import intensity_of, quad_of
from sitrep.records import (
    ActorRef,
    Amount,
    Document,
    Entity,
    Event,
    Evidence,
    Extraction,
    Mention,
    TimeExpression,
    Transfer,
)
from sitrep.store import Store

HOSTILE_TITLE = '<script>alert("title")</script>'
HOSTILE_TEXT = (
    'Officials met in Delhi. <img src=x onerror=alert("text")> India and Russia talked. '
    "'; DROP TABLE documents; -- </textarea><svg onload=alert(1)>"
)
HOSTILE_URL = "javascript:alert(document.cookie)"

INDIA = ActorRef("country:IND", "India", "IND", ["GOV"])
RUSSIA = ActorRef("country:RUS", "Russia", "RUS", ["GOV"])
SINGH = ActorRef("person:rajnath-singh", "Rajnath Singh", "IND", ["GOV"])
CHINA = ActorRef("country:CHN", "China", "CHN", ["GOV"])


def event(
    document: Document,
    sentence: str,
    event_type: str,
    actor: ActorRef,
    recipient: ActorRef,
    *,
    trigger: str,
    mode: list[str] | None = None,
    modality: str = "asserted",
) -> Event:
    start = document.text.index(sentence)
    return Event(
        event_type=event_type,
        evidence=Evidence(document.id, start, start + len(sentence), sentence, start, trigger),
        mode=mode or [],
        modality=modality,
        actor=[actor],
        recipient=[recipient],
        quad=quad_of(event_type),
        intensity=intensity_of(event_type, mode or []),
    )


def transfer(
    document: Document, sentence: str, *, status: str, due: str | None, cue: str
) -> Transfer:
    start = document.text.index(sentence)
    evidence = Evidence(document.id, start, start + len(sentence), sentence, start, cue)
    return Transfer(
        system="S-400",
        evidence=evidence,
        supplier="RUS",
        recipient="IND",
        value=Amount(5.2e9, "USD", "USD 5.2 billion", usd=5.2e9),
        delivery_due=TimeExpression(due, 0, 0, "DATE", due) if due else None,
        status=status,
    )


def extraction(
    text: str, date: str, title: str, url: str | None = "https://example.org/a"
) -> Extraction:
    document = Document(text=text, date=date, title=title, url=url, source=f"test/{date}.txt")
    return Extraction(document=document)


def story() -> list[Extraction]:
    """Four documents: talks (Jan), a request and an accusation (Feb), a delay (Mar), and
    one hostile article (Mar)."""
    one = extraction(
        "Rajnath Singh met Russian officials in Moscow on Monday. India and Russia signed an "
        "agreement on spare parts.",
        "2020-01-20",
        "Singh in Moscow",
    )
    doc = one.document
    one.entities = [
        Entity(
            "person:rajnath-singh", "Rajnath Singh", "person", "IND", ["GOV"], "Defence Minister"
        ),
        Entity("country:RUS", "Russia", "country", "RUS", ["GOV"]),
        Entity("country:IND", "India", "country", "IND", ["GOV"]),
    ]
    one.mentions = [
        Mention("Rajnath Singh", 0, 13, "PERSON", "person:rajnath-singh"),
        Mention("Moscow", doc.text.index("Moscow"), doc.text.index("Moscow") + 6, "GPE", None),
    ]
    monday = doc.text.index("Monday")
    one.time_expressions = [
        TimeExpression(
            "Monday", monday, monday + 6, "DATE", "2020-01-20", "2020-01-20", "2020-01-20"
        )
    ]
    one.events = [
        event(
            doc,
            "Rajnath Singh met Russian officials in Moscow on Monday.",
            "CONSULT",
            SINGH,
            RUSSIA,
            trigger="met",
            mode=["visit"],
        ),
        event(
            doc,
            "India and Russia signed an agreement on spare parts.",
            "AGREE",
            INDIA,
            RUSSIA,
            trigger="signed",
        ),
    ]
    one.events[0].location = "Moscow"

    two = extraction(
        "India asked Russia to speed up the S-400 deliveries. China accused India of provoking "
        "clashes. The USD 5.2 billion deal for the S-400 is due by December 2021.",
        "2020-02-11",
        "India presses Russia on S-400",
    )
    doc = two.document
    two.events = [
        event(
            doc,
            "India asked Russia to speed up the S-400 deliveries.",
            "REQUEST",
            INDIA,
            RUSSIA,
            trigger="asked",
        ),
        event(
            doc,
            "China accused India of provoking clashes.",
            "ACCUSE",
            CHINA,
            INDIA,
            trigger="accused",
        ),
    ]
    two.transfers = [
        transfer(
            doc,
            "The USD 5.2 billion deal for the S-400 is due by December 2021.",
            status="ordered",
            due="2021-12",
            cue="deal",
        )
    ]

    three = extraction(
        "Russia said the S-400 delivery is delayed to 2022 by the pandemic. Russia will hold "
        "talks with India next month.",
        "2020-03-02",
        "S-400 delivery delayed",
    )
    doc = three.document
    three.events = [
        event(
            doc,
            "Russia will hold talks with India next month.",
            "CONSULT",
            RUSSIA,
            INDIA,
            trigger="talks",
            modality="planned",
        ),
    ]
    three.transfers = [
        transfer(
            doc,
            "Russia said the S-400 delivery is delayed to 2022 by the pandemic.",
            status="delayed",
            due="2022",
            cue="delayed",
        )
    ]

    hostile = extraction(HOSTILE_TEXT, "2020-03-05", HOSTILE_TITLE, url=HOSTILE_URL)
    doc = hostile.document
    hostile.events = [
        event(doc, "India and Russia talked.", "CONSULT", INDIA, RUSSIA, trigger="talked")
    ]
    hostile.events[0].location = '<b onmouseover=alert("loc")>Delhi</b>'
    return [one, two, three, hostile]


def seed(store: Store) -> list[Extraction]:
    documents = story()
    for item in documents:
        store.add(item, "test")
    return documents
