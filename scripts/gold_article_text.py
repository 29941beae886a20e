"""Print one newswire-silver article as sitrep reads it: date, title and plain text.

Annotators copy evidence sentences from this text (exact substrings), so that the gold files
of ``tests/fixtures/events-gold`` line up with the offsets sitrep reports. It only reads the
file; it runs no extraction.

    python scripts/gold_article_text.py AFP_ENG_19970430.0572
"""

from __future__ import annotations

import sys
from pathlib import Path

from sitrep.readers.timeml import parse_timeml

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "newswire-silver"


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    name = sys.argv[1].removesuffix(".tml")
    path = DATA / f"{name}.tml"
    document, _ = parse_timeml(path.read_text(encoding="utf-8"), source=str(path))
    print(f"file: {name}\ndate: {document.date}\ntitle: {document.title}\n")
    print(document.text)


if __name__ == "__main__":
    main()
