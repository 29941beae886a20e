"""Evaluation commands (against gold data) and pair classification."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from sitrep.cli.output import err_console
from sitrep.nlp.pipeline import DEFAULT_MODEL, load_model


class Half(StrEnum):
    """A fixed half of a gold set: errors on ``tune`` are looked at, on ``check`` never."""

    tune = "tune"
    check = "check"


eval_app = typer.Typer(
    help="Score sitrep against gold data.\n\nExample: sitrep eval timeml ../shared/data/timeml-dev",
    no_args_is_help=True,
)


@eval_app.command("timeml")
def eval_timeml_command(
    folder: Annotated[Path, typer.Argument(help="Folder of TimeML (.tml) files with gold TIMEX3.")],
    errors: Annotated[bool, typer.Option(help="List every error per document.")] = False,
    half: Annotated[
        Half | None,
        typer.Option(help="Score one fixed half: 'tune' (errors looked at) or 'check' (never)."),
    ] = None,
) -> None:
    """Score the time tagger TempEval-3 style: strict/relaxed extent, type and value F1.

    Example: sitrep eval timeml ../shared/data/timeml-dev --errors
    """
    from sitrep.time.evaluate import evaluate_dir, format_errors, format_scores, split_half

    with err_console.status("Tagging and scoring…"):
        scores = evaluate_dir(
            folder, select=(lambda name: split_half(name) == half) if half else None
        )
    sys.stdout.write(format_scores(scores) + "\n")
    if errors:
        sys.stdout.write(format_errors(scores) + "\n")


@eval_app.command("plover")
def eval_plover_command(
    gold: Annotated[
        Path, typer.Argument(help="PLOVER gold records (JSON), e.g. PLOVER_GSR_CAMEO.json.")
    ],
    errors: Annotated[int, typer.Option(help="List up to N misclassified records.")] = 0,
    split: Annotated[
        Half | None,
        typer.Option(help="Score only one fixed half: 'tune' (looked at) or 'check' (never)."),
    ] = None,
    model: Annotated[str, typer.Option("--model")] = DEFAULT_MODEL,
) -> None:
    """Score the pair classifier: accuracy, macro-F1 and a confusion table.

    Example: sitrep eval plover ../shared/data/plover-dev/PLOVER_GSR_CAMEO.json
    """
    from sitrep.events.evaluate import evaluate, format_scores, load_gold, split_gold

    records = load_gold(gold)
    if split is not None:
        records = split_gold(records, split.value)  # type: ignore[arg-type]
    with err_console.status("Classifying and scoring…"):
        scores = evaluate(records, load_model(model))
    sys.stdout.write(format_scores(scores, show_errors=errors) + "\n")


@eval_app.command("events")
def eval_events_command(
    gold: Annotated[
        Path,
        typer.Argument(
            help="Folder of gold article files (YAML), e.g. tests/fixtures/events-gold/tune."
        ),
    ],
    articles: Annotated[
        Path | None,
        typer.Option(help="Folder of the articles (.tml); default: the newswire-silver set."),
    ] = None,
    errors: Annotated[bool, typer.Option(help="List missed and spurious events.")] = False,
    model: Annotated[str, typer.Option("--model")] = DEFAULT_MODEL,
) -> None:
    """Score events and transfers on hand-annotated articles: recall, precision, actors.

    Example: sitrep eval events tests/fixtures/events-gold/check
    """
    from sitrep.events.article_eval import (
        article_name,
        format_article_scores,
        gold_files,
        read_gold,
        score,
    )
    from sitrep.extractor import Extractor
    from sitrep.nlp.pipeline import PipelineConfig
    from sitrep.readers.timeml import parse_timeml

    folder = articles or _newswire_folder()
    files = gold_files(gold)
    if not files:
        raise typer.BadParameter(f"no gold .yaml files in {gold}", param_hint="GOLD")
    documents, golds = [], []
    for path in files:
        article = folder / f"{article_name(path)}.tml"
        document, _ = parse_timeml(article.read_text(encoding="utf-8"), source=str(article))
        documents.append(document)
        golds.append(read_gold(path, document.text))
    with err_console.status(f"Extracting {len(documents)} articles and scoring…"):
        extractions = list(Extractor(PipelineConfig(model=model)).extract_many(documents))
    scores = score(zip(golds, extractions, strict=True))
    sys.stdout.write(format_article_scores(scores, errors=errors) + "\n")


def _newswire_folder() -> Path:
    """../shared/data/newswire-silver beside the checkout (or under $SITREP_SHARED)."""
    import os

    shared = os.environ.get("SITREP_SHARED")
    base = Path(shared) if shared else Path(__file__).resolve().parents[4] / "shared"
    return base / "data" / "newswire-silver"


@eval_app.command("actors")
def eval_actors_command(
    gold: Annotated[Path, typer.Argument(help="PLOVER gold records (JSON) with actor codes.")],
    errors: Annotated[int, typer.Option(help="List up to N wrong actors.")] = 0,
    model: Annotated[str, typer.Option("--model")] = DEFAULT_MODEL,
) -> None:
    """Score actor resolution: country and sector accuracy on the gold actors.

    Example: sitrep eval actors ../shared/data/plover-dev/PLOVER_GSR_CAMEO.json --errors 20
    """
    from sitrep.actors.evaluate import evaluate_actors, format_actor_scores

    with err_console.status("Resolving actors and scoring…"):
        scores = evaluate_actors(gold, load_model(model))
    sys.stdout.write(format_actor_scores(scores, max_errors=errors) + "\n")


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
