"""Evaluation commands (against gold data) and pair classification."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from sitrep.cli.output import console
from sitrep.nlp.pipeline import DEFAULT_MODEL, load_model

eval_app = typer.Typer(
    help="Score sitrep against gold data.\n\nExample: sitrep eval timeml ../shared/data/timeml-dev",
    no_args_is_help=True,
)


@eval_app.command("timeml")
def eval_timeml_command(
    folder: Annotated[Path, typer.Argument(help="Folder of TimeML (.tml) files with gold TIMEX3.")],
    errors: Annotated[bool, typer.Option(help="List every error per document.")] = False,
) -> None:
    """Score the time tagger TempEval-3 style: strict/relaxed extent, type and value F1.

    Example: sitrep eval timeml ../shared/data/timeml-dev --errors
    """
    from sitrep.time.evaluate import evaluate_dir, format_errors, format_scores

    with console.status("Tagging and scoring…"):
        scores = evaluate_dir(folder)
    console.print(format_scores(scores), markup=False, highlight=False)
    if errors:
        console.print(format_errors(scores), markup=False, highlight=False)


@eval_app.command("plover")
def eval_plover_command(
    gold: Annotated[
        Path, typer.Argument(help="PLOVER gold records (JSON), e.g. PLOVER_GSR_CAMEO.json.")
    ],
    errors: Annotated[bool, typer.Option(help="List every misclassified record.")] = False,
    model: Annotated[str, typer.Option("--model")] = DEFAULT_MODEL,
) -> None:
    """Score the pair classifier: accuracy, macro-F1 and a confusion table.

    Example: sitrep eval plover ../shared/data/plover-dev/PLOVER_GSR_CAMEO.json
    """
    from sitrep.events.evaluate import evaluate, format_scores, load_gold

    with console.status("Classifying and scoring…"):
        scores = evaluate(load_gold(gold), load_model(model))
    console.print(format_scores(scores, errors=errors), markup=False, highlight=False)


def classify_pairs_command(
    path: Annotated[
        str, typer.Argument(help='JSONL lines {"sentence", "actor", "recipient"}, or - for stdin.')
    ],
    model: Annotated[str, typer.Option("--model")] = DEFAULT_MODEL,
) -> None:
    """Classify known actor/recipient pairs: one JSON line out per line in.

    Output lines: {"event_type": ... or null, "mode": [...], "modality": ...}.

    Example: sitrep classify-pairs pairs.jsonl > coded.jsonl
    """
    from sitrep.events.pairs import classify_pairs

    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    with stream:
        records: list[dict[str, Any]] = [json.loads(line) for line in stream if line.strip()]
    for result in classify_pairs(records, load_model(model)):
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")


def register(app: Any) -> None:
    app.add_typer(eval_app, name="eval")
    app.command("classify-pairs")(classify_pairs_command)
