"""Multilingual embeddings: the real model, kept per text without changing a result."""

import os
import subprocess
import sys

import numpy as np

from recoupe.kept import Bounded
from recoupe.stories.embeddings import embed_passages

_TEXTS = [
    "Le maire de Lyon a inauguré jeudi un nouveau pont sur la Saône.",
    "The mayor of Lyon opened a new bridge over the Saône on Thursday.",
    "Les pompiers ont maîtrisé l'incendie de l'entrepôt après six heures.",
]


def test_translation_is_closer_than_an_unrelated_report() -> None:
    french, english, other = embed_passages(_TEXTS)
    assert french @ english > french @ other + 0.05


def test_rows_are_unit_vectors_in_input_order_with_repeats() -> None:
    vectors = embed_passages([_TEXTS[1], _TEXTS[0], _TEXTS[1]])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert np.array_equal(vectors[0], vectors[2])
    assert not np.array_equal(vectors[0], vectors[1])


def test_a_kept_embedding_equals_a_fresh_one() -> None:
    kept: Bounded[str, np.ndarray] = Bounded(10)
    batched = embed_passages(_TEXTS, kept)
    alone = np.stack([embed_passages([text])[0] for text in _TEXTS])
    assert np.array_equal(batched, alone)
    assert np.array_equal(embed_passages(_TEXTS, kept), batched)


def test_kept_texts_are_bounded_and_the_oldest_go_first() -> None:
    kept: Bounded[str, np.ndarray] = Bounded(2)
    vectors = embed_passages(_TEXTS, kept)
    assert _TEXTS[0] not in kept and _TEXTS[1] in kept and _TEXTS[2] in kept
    assert np.array_equal(embed_passages([_TEXTS[0]], kept)[0], vectors[0])
    assert _TEXTS[0] in kept and _TEXTS[1] not in kept


def test_no_text_gives_an_empty_matrix() -> None:
    assert embed_passages([]).shape == (0, 384)


def _wait_policy_after_loading(preset: str | None) -> str:
    """OMP_WAIT_POLICY as the engine sees it once loaded, in a fresh process (the engine reads it once)."""
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    if preset is not None:
        env["OMP_WAIT_POLICY"] = preset
    code = (
        "import os; from recoupe.stories.embeddings import _model; _model(); "
        "print(os.environ['OMP_WAIT_POLICY'])"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_engine_threads_sleep_while_waiting_unless_the_environment_says_otherwise() -> None:
    # Spinning threads beside busy worker processes made one lead take 1.7 s instead of 0.1 s.
    assert _wait_policy_after_loading(None) == "PASSIVE"
    assert _wait_policy_after_loading("ACTIVE") == "ACTIVE"


def _spread_over_another_process(task, args):  # type: ignore[no-untyped-def]
    """Like a run's `Stage.run`: each task in a separate process, results in order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(task, *a) for a in args]
        yield from (f.result() for f in futures)


def test_embeddings_spread_over_processes_are_those_computed_here() -> None:
    texts = [f"{text} ({n})" for n in range(4) for text in _TEXTS]  # more than one task's worth
    tasks: list[int] = []

    def counted(task, args):  # type: ignore[no-untyped-def]
        args = list(args)
        tasks.append(len(args))
        return _spread_over_another_process(task, args)

    kept: Bounded[str, np.ndarray] = Bounded(100)
    spread = embed_passages(texts, kept, counted)
    assert tasks == [2]
    assert len(kept) == len(texts)
    assert np.array_equal(spread, embed_passages(texts))
