"""Coverage-guided fuzzing (atheris, libFuzzer) of the text, JSONL, CSV/TSV and TimeML
readers; the property is in ``reader_property.py``. HTML, a hundred times slower per input (it
goes through trafilatura), has its own target, ``fuzz_html.py``.

    python tests/fuzz/fuzz_readers.py -max_total_time=60 CORPUS tests/fuzz/seeds
    python tests/fuzz/fuzz_readers.py tests/fuzz/crashes/*          # replay

An input that breaks the property stops the run and is written as ``crash-<sha1>``: copy
it into ``tests/fuzz/crashes/`` (``tests/test_fuzz.py`` replays every file there as a
regression test), then fix the reader.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).parent))
with atheris.instrument_imports(include=["sitrep.readers", "sitrep.records"]):
    from reader_property import check

NAMES = ("a.txt", "a.jsonl", "a.csv", "a.tsv", "a.tml")


def test_one_input(data: bytes) -> None:
    check(data, NAMES)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
