"""Convert the Event StoryLine Corpus (CAT XML) to TimeML files that ``sitrep eval timeml``
and ``benchmarks/bench_time.py`` read: news of another kind than TimeBank, for issue 12.

Usage: .venv/bin/python scripts/esc_to_timeml.py ANNOTATED_DIR OUT_DIR

ANNOTATED_DIR is ``annotated_data/v1.0`` of https://github.com/tommasoc80/EventStoryLine
(Caselli and Vossen 2017; the ECB+ texts annotated by the NewsReader project, CC BY 3.0:
keep the attribution and the licence with any copy). Its 2000s-2013 news (shootings,
earthquakes, arrests, military strikes, celebrity trials ...) carries time expressions
annotated by the NewsReader guidelines with values and the document date. The conversion:

- text: the sentences the annotators worked on (those with any markable: ECB+ annotated a
  selection of each article's sentences, so the rest has no gold time expressions either),
  one per line, their tokens joined with the spacing written text has ("Lohan's", "90-day",
  "3:33", "1,300", "a.m."); a first "sentence" that is only the article's URL is left out;
- the document date is the day of the time expression marked ``DCT="TRUE"`` (documents
  without one are skipped and counted); ``test/`` repeats documents and is read once;
- a time expression is a ``TIME_*`` markable with token anchors (markables without tokens
  are cross-document instances, not text); its extent runs from its first to its last token;
  of overlapping ones the longer is kept (TIMEX3 does not nest);
- type: TIME_DATE is DATE, TIME_OF_THE_DAY is TIME, TIME_DURATION is DURATION,
  TIME_REPETITION is SET; ``value`` is kept as it is (an empty value cannot be matched).
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

TYPES = {
    "TIME_DATE": "DATE",
    "TIME_OF_THE_DAY": "TIME",
    "TIME_DURATION": "DURATION",
    "TIME_REPETITION": "SET",
}
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", ")", "]", "%", "'s", "n't", "'"})
_NO_SPACE_AFTER = frozenset({"(", "[", "$", "``"})
_JOINERS = frozenset({"-", "/"})


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    kind: str
    value: str


def _glued(previous: list[str], word: str) -> bool:
    """Whether ``word`` follows the words before it without a space, as written text has it:
    "Lohan's", "90-day", "3:33", "1,300", "a.m."."""
    last = previous[-1]
    before = previous[-2] if len(previous) > 1 else ""
    if word.lower() in _NO_SPACE_BEFORE or word in _JOINERS:
        return True
    if last in _JOINERS or last in _NO_SPACE_AFTER:
        return True
    if last in (":", ".") and before.isdigit() and word[:2].isdigit():
        return True  # a clock time, "3:33", "8:05am", "4.30am"
    if last == "," and before.isdigit() and len(word) == 3 and word.isdigit():
        return True  # a number, "1,300"
    # an abbreviation: "a.m.", "U.S."
    return last == "." and len(before) == 1 and before.isalpha() and len(word) == 1


def _text(tokens: list[ET.Element], annotated: set[str]) -> tuple[str, dict[str, tuple[int, int]]]:
    """The text of the annotated sentences and each token id's character span in it."""
    sentences: dict[int, list[ET.Element]] = {}
    for token in tokens:
        if token.get("sentence", "0") in annotated:
            sentences.setdefault(int(token.get("sentence", "0")), []).append(token)
    out = ""
    spans: dict[str, tuple[int, int]] = {}
    for number in sorted(sentences):
        words = sentences[number]
        if number == 0 and (words[0].text or "").startswith("http"):
            continue  # the article's address, not its text
        if out:
            out += "\n"
        previous: list[str] = []
        for token in words:
            word = token.text or ""
            if previous and not _glued(previous, word):
                out += " "
            spans[token.get("t_id", "")] = (len(out), len(out) + len(word))
            out += word
            previous.append(word)
    return out, spans


def convert(xml: str) -> tuple[str, int] | None:
    """One ESC document as TimeML and its number of time expressions; None without a
    document date."""
    root = ET.fromstring(xml)
    tokens = sorted(root.iter("token"), key=lambda t: int(t.get("t_id", "0")))
    found_markables = root.find("Markables")
    markables = list(found_markables) if found_markables is not None else []
    sentence_of = {t.get("t_id"): t.get("sentence", "0") for t in tokens}
    annotated = {sentence_of[a.get("t_id")] for m in markables for a in m.findall("token_anchor")}
    text, spans = _text(tokens, annotated)
    dct: str | None = None
    found: list[Timex] = []
    for markable in markables:
        kind = TYPES.get(markable.tag)
        if kind is None:
            continue
        # a token of a sentence left out (the address line) has no span
        found_spans = (spans.get(a.get("t_id", "")) for a in markable.findall("token_anchor"))
        anchors = [a for a in found_spans if a is not None]
        if markable.get("DCT") == "TRUE" and markable.get("value"):
            dct = markable.get("value")
        if anchors:
            start = min(a[0] for a in anchors)
            end = max(a[1] for a in anchors)
            found.append(Timex(start, end, kind, markable.get("value") or ""))
    day = re.match(r"(\d{4})-(\d\d)-(\d\d?)(?:T|$)", dct or "")
    if day is None:
        return None
    dct = f"{day[1]}-{day[2]}-{int(day[3]):02d}"  # a clock time after the day is dropped
    kept: list[Timex] = []
    for timex in sorted(found, key=lambda t: (t.start, -t.end)):
        if kept and timex.start < kept[-1].end:
            continue  # inside or across the one kept before
        kept.append(timex)
    body, position = [], 0
    for tid, timex in enumerate(kept, start=1):
        body.append(escape(text[position : timex.start]))
        attrs = f'tid="t{tid}" type="{timex.kind}" value={quoteattr(timex.value)}'
        body.append(f"<TIMEX3 {attrs}>{escape(text[timex.start : timex.end])}</TIMEX3>")
        position = timex.end
    body.append(escape(text[position:]))
    document = (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
        f"<TEXT>{''.join(body)}</TEXT>\n</TimeML>\n"
    )
    return document, len(kept)


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    target.mkdir(parents=True, exist_ok=True)
    written = skipped = expressions = 0
    seen: set[str] = set()
    for path in sorted(source.rglob("*.xml.xml"), key=lambda p: (len(p.parts), p)):
        if path.name in seen:
            continue  # v1.0/test/ repeats documents of the topic folders
        seen.add(path.name)
        converted = convert(path.read_text(encoding="utf-8"))
        if converted is None:
            skipped += 1
            continue
        document, count = converted
        name = path.name.removesuffix(".xml.xml").removesuffix(".xml")
        (target / f"{name}.tml").write_text(document, encoding="utf-8")
        written += 1
        expressions += count
    print(f"{written} documents, {expressions} time expressions; {skipped} without a date")


if __name__ == "__main__":
    main()
