"""Pipeline assembly from configuration."""

from __future__ import annotations

import pytest

from sitrep.errors import ConfigError
from sitrep.extractor import Extractor, ParallelExtractor
from sitrep.nlp.pipeline import DEFAULT_STAGES, STAGES, PipelineConfig, build_pipeline
from sitrep.records import Document

TEXT = "Rajnath Singh met Sergei Shoigu in Moscow on Monday. Singh later flew home."


def test_unknown_stage_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match=r"E202.*sitrep_nosuch_v1"):
        build_pipeline(PipelineConfig(stages=("sitrep_nosuch_v1",)))


def test_missing_model_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match=r"E201.*en_core_web_nosuch"):
        build_pipeline(PipelineConfig(model="en_core_web_nosuch"))


@pytest.mark.model
def test_default_pipeline_runs_our_stages_after_the_model(nlp) -> None:  # type: ignore[no-untyped-def]
    built = build_pipeline()
    assert built.pipe_names[: len(nlp.pipe_names)] == nlp.pipe_names
    assert tuple(built.pipe_names[len(nlp.pipe_names) :]) == DEFAULT_STAGES
    for name in DEFAULT_STAGES:
        assert STAGES[name].assigns  # every stage declares what it writes


@pytest.mark.model
def test_records_carry_offsets_into_the_text() -> None:
    extraction = Extractor().extract(Document(text=TEXT, date="2020-06-23"))
    assert [TEXT[s.start : s.end] for s in extraction.sentences][1] == "Singh later flew home."
    people = {m.text for m in extraction.mentions if m.label == "PERSON"}
    assert {"Rajnath Singh", "Sergei Shoigu"} <= people
    for mention in extraction.mentions:
        assert TEXT[mention.start : mention.end] == mention.text
        assert mention.entity_id in {e.id for e in extraction.entities}


@pytest.mark.model
@pytest.mark.slow
def test_worker_processes_give_the_same_records_in_order() -> None:
    documents = [Document(text=f"{TEXT} Story {i}.", date="2020-06-23") for i in range(6)]
    single = list(Extractor().extract_many(documents))
    with ParallelExtractor(processes=2, chunk_size=2) as parallel:
        multi = list(parallel.extract_many(documents))
    assert [x.document.id for x in multi] == [d.id for d in documents]
    assert multi == single


def test_story_similarity_reuses_the_pipeline_it_runs_in() -> None:
    # An ingest links stories in the process that ran the pipeline: the similarity reads the
    # pipeline's tokenizer and vectors instead of loading the model again (about 2 s), and
    # they must give the words and vectors the vectors-only model gives.
    import numpy as np
    import spacy

    from sitrep.nlp.pipeline import DEFAULT_MODEL, built_pipeline, model_path
    from sitrep.stories import similarity

    pipeline = build_pipeline()
    assert built_pipeline(DEFAULT_MODEL) is pipeline
    similarity._load.cache_clear()
    assert similarity.vectors_model() is pipeline
    alone = spacy.load(model_path(DEFAULT_MODEL), exclude=["tok2vec", "tagger", "parser", "ner"])
    sentence = "Russia delivered the S-400 air defence systems to India's air force in Galwan."
    ours = [(t.text, t.is_stop, t.has_vector) for t in pipeline.make_doc(sentence)]
    assert ours == [(t.text, t.is_stop, t.has_vector) for t in alone.make_doc(sentence)]
    words = similarity.content_words(sentence, {"india", "russia"})
    assert "delivered" in words.texts and "india" not in words.texts
    expected = alone.vocab.get_vector("delivered")
    row = words.vectors[words.texts.index("delivered")]
    assert np.allclose(row, expected / np.linalg.norm(expected))
