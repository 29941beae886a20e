"""Coverage-guided fuzzing (atheris, libFuzzer) of the HTML reader (trafilatura underneath);
the property is in ``reader_property.py``. About 10 inputs a second: run it longer than the others.

    python tests/fuzz/fuzz_html.py -max_total_time=60 CORPUS tests/fuzz/seeds
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).parent))
with atheris.instrument_imports(include=["sitrep.readers", "sitrep.records"]):
    from reader_property import check

NAMES = ("a.html",)


def test_one_input(data: bytes) -> None:
    check(data, NAMES)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
