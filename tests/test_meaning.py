"""Sentence vectors from the WordLlama token table, and the restatement features they give."""

from __future__ import annotations

import json
import logging
import struct
from importlib.util import find_spec
from pathlib import Path

import numpy as np
import pytest

from newsbrief.claims import meaning, restatement
from newsbrief.claims.meaning import TOKENIZER, load_meaning, read_table
from newsbrief.claims.model import LinearModel
from newsbrief.claims.pieces import SPACE, Pieces, _words, parse_tokenizer
from newsbrief.claims.restatement import ClaimBag, link, meanings, pair_features

TALKS = "The talks collapsed without an agreement."
NO_DEAL = "The negotiations ended with no deal."
FROG = "A new species of frog was found in the rainforest."
PRICES = "Prices of bread and milk rose sharply last month."
FOOD = "Food became much more expensive in recent weeks."


@pytest.fixture(scope="module")
def model() -> meaning.Meaning:
    loaded = load_meaning()
    assert loaded is not None, "wordllama is a dependency: its files must load"
    return loaded


def test_paraphrases_lie_closer_than_unrelated_sentences(model):
    v = model.vectors([TALKS, NO_DEAL, FROG, PRICES, FOOD])
    sims = v @ v.T
    assert sims[0, 1] > 0.4 and sims[3, 4] > 0.3
    for a, b in ((0, 2), (1, 2), (0, 3), (1, 4), (2, 3)):
        assert sims[a, b] < 0.2


def test_vectors_are_unit_length_float32_and_the_same_every_time(model):
    first = model.vectors([TALKS, FROG, ""])
    again = model.vectors([TALKS, FROG, ""])
    assert first.dtype == np.float32 and first.shape == (3, 256)
    assert first.tobytes() == again.tobytes()
    assert np.linalg.norm(first[:2], axis=1) == pytest.approx([1.0, 1.0], abs=1e-5)
    assert not first[2].any()  # no tokens, no direction


def _safetensors(path, tensors: dict[str, np.ndarray]) -> None:
    header, blobs, offset = {}, [], 0
    for name, array in tensors.items():
        data = array.astype("<f2").tobytes()
        header[name] = {
            "dtype": "F16",
            "shape": list(array.shape),
            "data_offsets": [offset, offset + len(data)],
        }
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def test_read_table_reads_one_float16_matrix(tmp_path):
    table = np.arange(6, dtype=np.float16).reshape(3, 2)
    _safetensors(tmp_path / "one.safetensors", {"embedding.weight": table})
    got = read_table(tmp_path / "one.safetensors")
    assert got.shape == (3, 2) and got.tolist() == [[0, 1], [2, 3], [4, 5]]
    _safetensors(tmp_path / "two.safetensors", {"a": table, "b": table})
    with pytest.raises(ValueError, match="one float16/float32 tensor"):
        read_table(tmp_path / "two.safetensors")


def test_missing_files_or_package_give_none_and_a_note(tmp_path, monkeypatch, caplog):
    caplog.set_level(logging.WARNING, logger=meaning.__name__)
    assert load_meaning(tmp_path) is None
    assert "sentence vectors unavailable" in caplog.text
    load_meaning.cache_clear()
    monkeypatch.setattr(meaning, "find_spec", lambda name: None)
    try:
        assert load_meaning() is None
        assert "wordllama is not installed" in caplog.text
    finally:
        load_meaning.cache_clear()


def _bag(order: int, text: str) -> ClaimBag:
    words = frozenset(w.strip(".").lower() for w in text.split())
    return ClaimBag(order, words, text=text, gist=text)


def test_pair_features_add_cosines_only_with_vectors():
    bags = [_bag(0, TALKS), _bag(1, FROG), _bag(2, NO_DEAL)]
    vectors = meanings(bags)
    assert set(vectors) == {0, 1, 2}
    weights = {w: 1.0 for b in bags for w in b.lemmas}
    close = pair_features(bags[2], bags[0], weights, None, vectors)
    far = pair_features(bags[2], bags[1], weights, None, vectors)
    assert close["cosine"] > 0.4 > 0.2 > far["cosine"]
    assert close["content_cosine"] == close["cosine"]  # the gist here is the whole text
    assert close["cosine_x_overlap"] == round(close["cosine"] * close["weighted_overlap"], 4)
    assert "cosine" not in pair_features(bags[2], bags[0], weights)
    assert meanings(bags[:1]) == {}  # one claim restates nothing: no load


def test_meanings_in_chunks_are_the_vectors_of_all_claims_at_once(model, monkeypatch):
    texts = [TALKS, NO_DEAL, FROG, PRICES, FOOD, ""]
    bags = [ClaimBag(k, frozenset(), text=t, gist=t[:12]) for k, t in enumerate(texts)]
    monkeypatch.setattr(restatement, "_MEANING_CHUNK", 4)
    chunked = meanings(bags)
    whole, gists = model.vectors(texts), model.vectors([t[:12] for t in texts])
    assert sorted(chunked) == list(range(6))
    for k in range(6):
        assert chunked[k][0].tobytes() == whole[k].tobytes()
        assert chunked[k][1].tobytes() == gists[k].tobytes()


def test_link_follows_meaning_and_nothing_without_the_embedding(monkeypatch):
    cosine_only = LinearModel(
        "restatement", ("no", "yes"), (0.0, -3.0), {"cosine": (0.0, 10.0)}, threshold=0.5
    )
    bags = {5: _bag(0, TALKS), 6: _bag(1, FROG), 7: _bag(2, NO_DEAL), 8: _bag(3, FOOD)}
    links = link(bags, cosine_only)
    assert {u: e for u, (e, _) in links.items()} == {7: 5}
    monkeypatch.setattr(restatement, "load_meaning", lambda: None)
    assert link(bags, cosine_only) == {}


def _tokenizer_file():
    spec = find_spec("wordllama")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / TOKENIZER


SAMPLES = (
    TALKS,
    PRICES,
    "",
    "  two  spaces and a trailing one ",
    "naïve café — “quoted” 🙂 (LRASM) 2,000-pound",
    "tab\tand\nnewline, Zelenskyy’s 中文",
)


def test_pieces_give_the_ids_of_the_tokenizers_library(tmp_path, monkeypatch):
    tokenizers = pytest.importorskip("tokenizers")
    path = _tokenizer_file()
    reference = tokenizers.Tokenizer.from_file(str(path))
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", str(tmp_path))
    for _ in ("parsed", "read back from the cache"):
        pieces = Pieces.from_file(path)
        for text in SAMPLES:
            assert pieces.encode(text) == reference.encode(text, add_special_tokens=False).ids
    assert len(list(tmp_path.glob("*.json"))) == 1


def _tiny(tmp_path, merges: list[str]) -> Pieces:
    tokens = ["<unk>", SPACE, "a", "b", SPACE + "a", "ab", SPACE + "ab", "<0xC3>", "<0xA9>"]
    model = {"type": "BPE", "vocab": {t: i for i, t in enumerate(tokens)}, "merges": merges}
    path = tmp_path / "tok.json"
    path.write_text(json.dumps({"model": model}), encoding="utf-8")
    return Pieces.from_file(path)


def test_pieces_merge_the_lowest_ranked_pair_first_and_spell_unknown_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", "")
    # "a b" outranks "▁ a": ▁|ab, then ▁ab; the other order leaves ▁a|b.
    assert _tiny(tmp_path, ["a b", f"{SPACE} a", f"{SPACE} ab"]).encode("ab") == [6]
    assert _tiny(tmp_path, [f"{SPACE} a", "a b", f"{SPACE} ab"]).encode("ab") == [4, 3]
    assert _tiny(tmp_path, ["a b"]).encode("é ab") == [1, 7, 8, 1, 5]
    with pytest.raises(ValueError, match="not a BPE"):
        parse_tokenizer(json.dumps({"model": {"type": "WordPiece", "vocab": {}, "merges": []}}))


def _one_by_one(model: meaning.Meaning, texts: list[str]) -> np.ndarray:
    """The vectors as a plain loop computes them: each text's rows, mean, then length."""
    out = np.zeros((len(texts), model.table.shape[1]), dtype=np.float32)
    for row, text in enumerate(texts):
        ids = model.tokenizer.encode(text)
        if ids:
            mean = model.table[ids].astype(np.float32).mean(axis=0, dtype=np.float32)
            out[row] = mean / np.float32(np.sqrt(np.dot(mean, mean)))
    return out


@pytest.mark.parametrize("steps", [256, 6])
def test_vectors_of_many_texts_are_each_texts_own_mean_bit_for_bit(model, monkeypatch, steps):
    # With 6 steps the longer texts take the one-at-a-time path: both must agree.
    monkeypatch.setattr(meaning, "_STEPS", steps)
    texts = [*SAMPLES, FROG, " ".join([TALKS, NO_DEAL, FOOD] * 4), "a", ""]
    together = model.vectors(texts)
    assert together.tobytes() == _one_by_one(model, texts).tobytes()
    assert not model.vectors(["", ""]).any()
    assert model.vectors([]).shape == (0, 256)


def test_words_start_at_each_space_mark_after_another_character():
    assert _words(f"{SPACE}a{SPACE}{SPACE}bc\n{SPACE}d") == [
        f"{SPACE}a",
        f"{SPACE}{SPACE}bc\n",
        f"{SPACE}d",
    ]
    assert _words(f"{SPACE}{SPACE}") == [f"{SPACE}{SPACE}"]
    assert _words("") == [""]
