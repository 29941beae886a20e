"""Hostile inputs, as a new user (or the open web) would feed them to sitrep.

:func:`hostile_inputs` builds them (deterministically): random bytes, text in other
encodings, lone surrogates, malformed JSONL/CSV/TimeML/HTML, huge lines, deep HTML, dates at
the calendar's ends, terminal escape codes and the inputs that were quadratic. The tests
read them all; run this file to push every one through ``sitrep extract -`` and
``sitrep ingest`` in fresh processes, as the issue did, and count the runs that end in a
Python traceback (there must be none)::

    python tests/hostile_inputs.py            # ~130 runs; a few minutes
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

DATE = "2020-06-23"
SENTENCE = "Union Defence Minister Rajnath Singh left for Moscow on Monday to press for the S-400."


@dataclass(frozen=True)
class Hostile:
    name: str  # file name; its extension picks the reader
    data: bytes
    big: bool = False  # takes seconds in the pipeline: the full-size runs only


def _jsonl(*records: object) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode()


def hostile_inputs(*, full_size: bool = False) -> list[Hostile]:
    """About 70 hostile inputs. ``full_size`` uses the sizes the issue reported (100 kB of
    "!", 8k weekdays, 20k short lines, 2 MB lines); otherwise smaller ones of the same shape."""
    rng = random.Random(16)
    scale = 1 if full_size else 10

    def noise(size: int) -> bytes:
        return bytes(rng.randrange(256) for _ in range(size))

    text = f"date {DATE} {SENTENCE}"
    good = {"date": DATE, "text": SENTENCE}
    items = [
        # Bytes that are not text, or not UTF-8.
        *(Hostile(f"random-{n}.txt", noise(n)) for n in (1, 100, 2000, 20000)),
        Hostile("random.jsonl", noise(3000)),
        Hostile("random.csv", noise(3000)),
        Hostile("random.html", noise(3000)),
        Hostile("random.tml", noise(3000)),
        Hostile("latin1.txt", text.replace("Defence", "Défense").encode("latin-1")),
        Hostile(
            "cp1252-quotes.txt", ("date 2020-06-23 \u201cTalks\u201d in Delhi.").encode("cp1252")
        ),
        Hostile("shift-jis.txt", "date 2020-06-23 東京で会談".encode("shift_jis")),
        Hostile("utf8-bom.txt", b"\xef\xbb\xbf" + text.encode()),
        *(
            Hostile(f"{codec}.txt", text.encode(codec))
            for codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be")
        ),
        Hostile("utf16-odd-length.txt", text.encode("utf-16")[:-1]),
        Hostile(
            "utf16.jsonl", _jsonl(good, good | {"text": "Second story."}).decode().encode("utf-16")
        ),
        Hostile("utf16.csv", f"date,text\n{DATE},{SENTENCE}\n".encode("utf-16")),
        Hostile("encoded-surrogate.txt", b"date 2020-06-23 Talks \xed\xa0\x80 held."),
        Hostile("overlong-utf8.txt", b"date 2020-06-23 Talks \xc0\xaf held."),
        Hostile("nul-early.txt", b"date 2020-06-23 Talks\x00 held."),
        Hostile("nul-late.txt", f"date {DATE} ".encode() + b"x " * 5000 + b"\x00 end."),
        # Lone surrogates and control characters in valid JSON.
        Hostile(
            "surrogates.jsonl",
            b'{"date": "2020-06-23", "text": "bad \\ud800 text"}\n'
            + _jsonl(good)
            + b'{"date": "2020-06-23", "title": "\\udfff", "text": "Title is a surrogate."}\n'
            + b'{"date": "2020-06-23\\ud800", "text": "The date is not one."}\n'
            + b'{"date": "2020-06-23", "text": "NUL \\u0000 inside", "url": "\\u0000"}\n',
        ),
        Hostile(
            "escapes.jsonl",
            _jsonl(
                {"date": DATE, "title": "\x1b[2J\x1b[31mCleared", "text": "\x1b]0;pwned\x07 text"},
                {"date": DATE, "title": "\u202eevil\u202c", "text": "C1 \x9b31m and \x90 here."},
            ),
        ),
        # Malformed JSONL.
        Hostile("truncated.jsonl", b'{"date": "2020-06-23", "text": "cut off'),
        Hostile("not-objects.jsonl", b'[1, 2]\n"text"\nnull\n42\n1e999\ntrue\n'),
        Hostile("deep.jsonl", b"[" * 100000 + b"]" * 100000 + b"\n"),
        Hostile("deep-object.jsonl", b'{"a":' * 50000 + b"1" + b"}" * 50000 + b"\n"),
        Hostile(
            "wrong-types.jsonl", _jsonl({"date": 20200623, "text": 42}, {"date": [], "text": {}})
        ),
        Hostile("duplicate-keys.jsonl", b'{"text": "a", "text": "b", "date": "2020-06-23"}\n'),
        Hostile("huge-line.jsonl", _jsonl({"date": DATE, "text": "word " * (400_000 // scale)})),
        # Malformed CSV.
        Hostile("unterminated.csv", f'date,text\n{DATE},"never closed\n{DATE},next\n'.encode()),
        Hostile("ragged.csv", f"date,text,title\n{DATE}\n{DATE},x,y,z,w\n,,\n".encode()),
        Hostile("no-text-column.csv", f"date,body\n{DATE},hello\n".encode()),
        Hostile(
            "formula.csv", f'date,text,title\n{DATE},"{SENTENCE}","=HYPERLINK(""x"")"\n'.encode()
        ),
        Hostile("huge-cell.csv", f'date,text\n{DATE},"'.encode() + b"a" * 300_000 + b'"\n'),
        Hostile("nul-cell.csv", f"date,text\n{DATE},a\x00b\n".encode()),
        # Malformed TimeML.
        Hostile("no-root.tml", b"<DOC><TEXT>Hello</TEXT></DOC>"),
        Hostile(
            "unclosed.tml", b"<TimeML><DCT><TIMEX3 value='2020-06-23'>x</TIMEX3></DCT><TEXT>open"
        ),
        Hostile(
            "mismatched.tml",
            b"<TimeML><DCT><TIMEX3 value='2020-06-23'/></DCT><TEXT><a></b></TEXT></TimeML>",
        ),
        Hostile(
            "bad-dct.tml",
            b"<TimeML><DCT><TIMEX3 value='2020-13-45'>x</TIMEX3></DCT><TEXT>x</TEXT></TimeML>",
        ),
        Hostile(
            "deep.tml",
            b"<TimeML><DCT><TIMEX3 value='2020-06-23'>x</TIMEX3></DCT><TEXT>"
            + b"<s>" * 20000
            + b"text"
            + b"</s>" * 20000
            + b"</TEXT></TimeML>",
        ),
        Hostile(
            "entities.tml",
            b"<TimeML><DCT><TIMEX3 value='2020-06-23'>x</TIMEX3></DCT><TEXT>&amp;lt;&#0;&#xD800;"
            b"&#99999999999;&bogus; talks</TEXT></TimeML>",
        ),
        # HTML.
        Hostile("deep.html", b"<html><body>" + b"<div>" * 100000 + b"Talks" + b"</div>" * 100000),
        Hostile("no-body.html", b"<html><head><title>t</title></head></html>"),
        Hostile("script-only.html", b"<html><body><script>alert(1)</script></body></html>"),
        Hostile(
            "xxe.html",
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<html><body><p>&x; " + SENTENCE.encode() * 3 + b"</p></body></html>",
        ),
        Hostile(
            "charset-lies.html",
            b'<html><head><meta charset="utf-8"><meta property="article:published_time" '
            b'content="2020-06-23"></head><body><article><p>'
            + "Défense ".encode("latin-1") * 40
            + b"</p></article></body></html>",
        ),
        Hostile(
            "huge-attribute.html",
            b'<html><body><p title="'
            + b"a" * 500_000
            + b'">'
            + SENTENCE.encode() * 5
            + b"</p></body></html>",
        ),
        # Dates at the calendar's ends, and malformed ones.
        Hostile(
            "end-of-calendar.txt",
            b"date 9999-12-31 The minister arrives tomorrow, next week and next year.",
        ),
        Hostile(
            "start-of-calendar.txt", b"date 0001-01-01 The talks were held yesterday and last year."
        ),
        Hostile("february-30.txt", b"date 2020-02-30 Talks."),
        Hostile("year-zero.txt", b"date 0000-01-01 Talks."),
        Hostile("ambiguous-date.txt", b"date: 03/04/2020\n\nTalks."),
        Hostile("huge-year.txt", b"date: 99999-01-01\n\nTalks."),
        Hostile(
            "century-words.txt",
            f"date {DATE} In the 99th century and the year 9999 BC, 10000 AD.".encode(),
        ),
        # Text shapes.
        Hostile("empty.txt", b""),
        Hostile("whitespace.txt", b" \n\t\r\n  "),
        Hostile("header-only.txt", b"date 2020-06-23\n"),
        Hostile("crlf.txt", f"date {DATE}\r\n{SENTENCE}\r\n\r\nSecond paragraph.\r\n".encode()),
        Hostile("lone-cr.txt", f"date {DATE}\r{SENTENCE}\rMore.".encode()),
        Hostile(
            "terminal-escapes.txt",
            f"title: \x1b[2J\x1b[H\x07Boom\ndate: {DATE}\n\n\x1b[31m{SENTENCE}".encode(),
        ),
        Hostile("bidi.txt", f"date {DATE} \u202e{SENTENCE}\u2066x\u2069".encode()),
        Hostile("huge-line.txt", f"date {DATE} ".encode() + b"word " * (400_000 // scale)),
        Hostile("too-long.txt", f"date {DATE} ".encode() + b"w " * 300_000),
        Hostile("over-spacy-limit.txt", f"date {DATE} ".encode() + b"w " * 550_000),
        Hostile(
            "over-spacy-limit.html",
            b"<html><body><article><p>" + b"w " * 550_000 + b"</p></article></body></html>",
        ),
        Hostile(
            "punctuation-run.txt", f"date {DATE} ".encode() + b"!" * (100_000 // scale), big=True
        ),
        Hostile("brackets.txt", f"date {DATE} ".encode() + b"(" * (50_000 // scale), big=True),
        Hostile("weekdays.txt", f"date {DATE} ".encode() + b"Monday " * (8000 // scale), big=True),
        Hostile(
            "short-lines.txt", f"date {DATE}\n".encode() + b"Talks\n" * (20000 // scale), big=True
        ),
        Hostile(
            "numbers.txt",
            f"date {DATE} ".encode() + " ".join(str(i) for i in range(20000 // scale)).encode(),
            big=True,
        ),
    ]
    return items


def write_inputs(folder: Path, inputs: list[Hostile]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for item in inputs:
        path = folder / item.name
        path.write_bytes(item.data)
        paths.append(path)
    return paths


def _has_traceback(stderr: str) -> bool:
    return "Traceback (most recent call last)" in stderr


def main() -> None:
    """Every input through `sitrep extract -` and `sitrep ingest FILE`, fresh processes."""
    inputs = hostile_inputs(full_size="--small" not in sys.argv)
    limit = 180  # seconds a run may take; more is a stall (the quadratic inputs, before)
    runs = tracebacks = bugs = stalled = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "inputs"
        paths = write_inputs(folder, inputs)
        db = Path(tmp) / "hostile.db"
        for path in paths:
            for label, command in (
                ("extract", [sys.executable, "-m", "sitrep", "extract", "--date", DATE, "-"]),
                ("ingest", [sys.executable, "-m", "sitrep", "--db", str(db), "ingest", str(path)]),
            ):
                with path.open("rb") as stdin:
                    try:
                        done = subprocess.run(
                            command,
                            stdin=stdin if label == "extract" else subprocess.DEVNULL,
                            capture_output=True,
                            text=True,
                            errors="replace",
                            timeout=limit,
                        )
                    except subprocess.TimeoutExpired:
                        runs += 1
                        stalled += 1
                        print(f"{path.name:28} {label:8} STALLED    over {limit} s", flush=True)
                        continue
                runs += 1
                crashed = _has_traceback(done.stderr) or done.returncode not in (0, 1, 2)
                tracebacks += crashed
                bugs += "[E199]" in done.stderr
                said = [
                    line
                    for line in done.stderr.splitlines()
                    if line.startswith(("error:", "failed:"))
                ]
                last = (said or [""])[0][:150]
                verdict = "TRACEBACK" if crashed else f"exit {done.returncode}"
                print(f"{path.name:28} {label:8} {verdict:10} {last}", flush=True)
    print(
        f"\n{runs} runs of {len(inputs)} hostile inputs: {tracebacks} ended in a traceback, "
        f"{bugs} reported an unexpected error (E199), {stalled} ran over {limit} s"
    )
    raise SystemExit(1 if tracebacks or bugs or stalled else 0)


if __name__ == "__main__":
    main()
