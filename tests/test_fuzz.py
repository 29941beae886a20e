"""The coverage-guided fuzz targets (atheris) of the readers: their crash corpus replayed
as regression tests, and a run bounded in time (``SITREP_FUZZ_SECONDS``, default 40 s for
the fast readers and 20 s for HTML) that must end without a failing input."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).parent / "fuzz"
sys.path.insert(0, str(FUZZ))

from reader_property import check  # noqa: E402

TARGETS = {
    "readers": ("a.txt", "a.jsonl", "a.csv", "a.tsv", "a.tml"),
    "html": ("a.html",),
}
SECONDS = {"readers": 40, "html": 20}


def _corpus(target: str) -> list[Path]:
    # A target with no crash found yet keeps its folder with a .gitkeep (git has no empty folders).
    found = [*(FUZZ / "crashes" / target).iterdir(), *(FUZZ / "seeds").iterdir()]
    return sorted(p for p in found if not p.name.startswith("."))


@pytest.mark.parametrize(
    ("target", "path"),
    [(target, path) for target in TARGETS for path in _corpus(target)],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_crashing_inputs_found_by_fuzzing_now_read_cleanly(target: str, path: Path) -> None:
    assert check(path.read_bytes(), TARGETS[target]) >= 1


@pytest.mark.slow
@pytest.mark.parametrize("target", list(TARGETS))
def test_fuzzing_bounded_in_time_finds_nothing(target: str, tmp_path: Path) -> None:
    seconds = int(os.environ.get("SITREP_FUZZ_SECONDS", SECONDS[target]))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    done = subprocess.run(
        [
            sys.executable,
            str(FUZZ / f"fuzz_{target}.py"),
            f"-max_total_time={seconds}",
            "-print_final_stats=1",
            "-timeout=60",  # one input longer than this is a failure (a hang)
            "-rss_limit_mb=12288",  # the instrumented imports alone can pass 4 GiB
            f"-artifact_prefix={tmp_path}/",
            str(corpus),
            str(FUZZ / "seeds"),
            str(FUZZ / "crashes" / target),
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 300,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    runs = int(re.search(r"stat::number_of_executed_units: (\d+)", done.stderr)[1])  # type: ignore[index]
    print(f"\n{target}: {runs} inputs in {seconds} s")  # shown with pytest -s
    assert runs > 0
