"""Convert WikiWars (TIMEX2, inline SGML) to TimeML files that ``sitrep eval timeml`` and
``benchmarks/bench_time.py`` read.

Usage: .venv/bin/python scripts/wikiwars_to_timeml.py KEYINLINE_DIR OUT_DIR [DOCID ...]

With DOCIDs ("03_AmCivWar" ...) only those documents are converted (the README's figures
use five of the 22).

WikiWars (Mazur and Dale, EMNLP 2010; CC BY-SA 3.0, from English Wikipedia) is 22 history
articles about wars with gold TIMEX2 annotations; its ``keyinline/*.key.xml`` files carry
them inline. TIMEX2 and TIMEX3 agree on values (ISO dates, P durations, PAST_REF ...) but
not on everything, so the conversion is stated here:

- the document date is the DATETIME (the day the page was downloaded);
- only the outermost TIMEX2 of a nested pair is kept ("Eight days before the new year"),
  since TIMEX3 does not nest;
- ``type`` is not a TIMEX2 attribute: SET when ``set="YES"``, DURATION for a value starting
  with "P" (PAST_REF and PRESENT_REF excepted), TIME for a value with a clock or part of
  day ("T..."), DATE otherwise;
- ``val`` becomes ``value`` as it is, and ``mod`` is kept; a TIMEX2 without ``val`` keeps an
  empty value (no system can match it);
- TIMEX2 extents are longer than TIMEX3's for event-anchored expressions ("eight days after
  Fort Sumter"): they are kept, so strict extent scores are low for every system, and
  relaxed matching is the fair comparison.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

_TAG = re.compile(r"<(/?)TIMEX2([^>]*)>", re.I)
_ATTR = re.compile(r"""(\w+)\s*=\s*"([^"]*)\"""")


def _type(attrs: dict[str, str]) -> str:
    value = attrs.get("val", "")
    if attrs.get("set", "").upper() == "YES":
        return "SET"
    if value.startswith("P") and not value.endswith("_REF"):
        return "DURATION"
    if re.search(r"T(?:\d|MO|AF|EV|NI|MI|DT)", value):
        return "TIME"
    return "DATE"


def convert(sgml: str) -> str:
    """One WikiWars keyinline document as a TimeML document."""
    dct = re.search(r"<DATETIME>.*?val=\"(\d{4}-\d\d-\d\d)", sgml, re.S)
    text = re.search(r"<TEXT>(.*)</TEXT>", sgml, re.S)
    if dct is None or text is None:
        raise ValueError("no DATETIME or TEXT")
    out: list[str] = []
    depth = position = 0
    tid = 0
    body = text[1]
    for match in _TAG.finditer(body):
        out.append(html.escape(html.unescape(body[position : match.start()]), quote=False))
        position = match.end()
        closing = bool(match[1])
        if closing:
            depth -= 1
            if depth == 0:
                out.append("</TIMEX3>")
            continue
        depth += 1
        if depth > 1:
            continue  # a nested TIMEX2: its text stays inside the outer one
        attrs = {k.lower(): v for k, v in _ATTR.findall(match[2])}
        tid += 1
        extra = f' mod="{attrs["mod"]}"' if attrs.get("mod") else ""
        out.append(
            f'<TIMEX3 tid="t{tid}" type="{_type(attrs)}" '
            f'value="{html.escape(attrs.get("val", ""))}"{extra}>'
        )
    out.append(html.escape(html.unescape(body[position:]), quote=False))
    name = re.search(r"<DOCID>\s*(.*?)\s*</DOCID>", sgml)
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{name[1] if name else ''}</DOCID>\n"
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct[1]}" '
        f'functionInDocument="CREATION_TIME">{dct[1]}</TIMEX3></DCT>\n'
        f"<TEXT>{''.join(out)}</TEXT>\n</TimeML>\n"
    )


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    source, target, wanted = Path(argv[0]), Path(argv[1]), set(argv[2:])
    target.mkdir(parents=True, exist_ok=True)
    files = sorted(source.glob("*.key.xml"))
    if wanted:
        files = [f for f in files if f.name.removesuffix(".key.xml") in wanted]
    for file in files:
        name = file.name.removesuffix(".key.xml")
        (target / f"{name}.tml").write_text(convert(file.read_text("utf-8")), "utf-8")
    print(f"{len(files)} documents written to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
