"""Hand-built articles and events for the story tests (the linker alone, no NLP pipeline)."""

from __future__ import annotations

from sitrep.events.intensity import intensity_of, quad_of
from sitrep.records import ActorRef, Amount, Document, Event, Evidence, Extraction, TimeExpression
from sitrep.time.intervals import value_interval

Party = tuple[str, str]  # (name, ISO alpha-3)


def party(name: str, country: str) -> ActorRef:
    return ActorRef(None, name, country, ["GOV"])


def event(
    document: Document,
    sentence: str,
    event_type: str,
    actor: list[Party],
    recipient: list[Party] = (),  # type: ignore[assignment]
    *,
    time: str | None = None,
    location: str | None = None,
    mode: list[str] | None = None,
    modality: str = "asserted",
    amount: float | None = None,
) -> Event:
    """An event told by ``sentence`` (which must be in the document's text)."""
    start = document.text.index(sentence)
    timex = None
    if time:
        first, last = value_interval(time)  # type: ignore[misc]
        timex = TimeExpression(time, 0, 0, "DATE", time, first.isoformat(), last.isoformat())
    return Event(
        event_type=event_type,
        evidence=Evidence(document.id, start, start + len(sentence), sentence, start),
        mode=mode or [],
        modality=modality,
        actor=[party(*p) for p in actor],
        recipient=[party(*p) for p in recipient],
        location=location,
        time=timex,
        time_source="expression" if timex else "document",
        amount=Amount(amount, "USD", f"${amount:,.0f}", usd=amount) if amount else None,
        quad=quad_of(event_type),
        intensity=intensity_of(event_type, mode or []),
    )


def article(text: str, date: str, url: str | None, title: str | None = None) -> Extraction:
    return Extraction(Document(text=text, date=date, title=title, url=url, source="test"))


SINGH = ("Rajnath Singh", "IND")
RUSSIA = ("Russia", "RUS")
INDIA = ("India", "IND")
CHINA = ("China", "CHN")
SHOIGU = ("Sergei Shoigu", "RUS")


def visit_reports() -> list[Extraction]:
    """Four outlets on one visit (one with a wrong date), and a second visit a month later."""
    texts = [
        (
            "Defence Minister Rajnath Singh on Monday left for Moscow on a three-day visit.",
            "2020-06-22",
            "https://www.thehindu.com/news/a1",
            "2020-06-22",
        ),
        (
            "Indian Defense Minister Rajnath Singh arrived in Moscow on Monday on a working visit.",
            "2020-06-22",
            "https://tass.com/defense/1",
            "2020-06-22",
        ),
        (
            "Singh, who arrived in Moscow on Monday for a three-day visit, will attend the parade.",
            "2020-06-23",
            "https://www.ptinews.com/news/2",
            "2020-06-22",
        ),
        (
            "Singh, who arrived in Moscow on June 20 for a three-day visit, met Russian leaders.",
            "2020-06-24",
            "https://www.deccanherald.com/national/3",
            "2020-06-20",
        ),
        (
            "Defence Minister Rajnath Singh arrived in Moscow on Thursday for a two-day visit.",
            "2020-07-23",
            "https://www.thehindu.com/news/a2",
            "2020-07-23",
        ),
    ]
    found = []
    for text, date, url, when in texts:
        item = article(text, date, url)
        item.events = [
            event(
                item.document,
                text,
                "CONSULT",
                [SINGH],
                [RUSSIA],
                time=when,
                location="Moscow",
                mode=["visit"],
            )
        ]
        found.append(item)
    return found
