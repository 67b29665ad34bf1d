import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from newsbrief import stance
from newsbrief.config import cache_dir, package_file, read_yaml_mapping
from newsbrief.datacache import cache_key, cached_parse

CALLS: list[str] = []


def _count_words(text: str) -> dict[str, int]:
    CALLS.append(text)
    return {w: len(w) for w in text.split()}


def _as_tuple(text: str) -> tuple[str, ...]:
    CALLS.append(text)
    return tuple(text.split())


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


@pytest.fixture(autouse=True)
def _no_calls():
    CALLS.clear()


def test_a_parse_is_read_back_from_the_cache_while_the_source_is_unchanged(tmp_path):
    first = cached_parse(_count_words, "a bb ccc", tmp_path)
    second = cached_parse(_count_words, "a bb ccc", tmp_path)
    assert first == second == {"a": 1, "bb": 2, "ccc": 3}
    assert CALLS == ["a bb ccc"]
    assert len(_entries(tmp_path)) == 1
    cached_parse(_count_words, "a bb", tmp_path)  # edited source: parsed again
    assert CALLS == ["a bb ccc", "a bb"]
    assert len(_entries(tmp_path)) == 2


def test_the_key_covers_the_parser_and_the_source():
    assert cache_key(_count_words, "x") != cache_key(_as_tuple, "x")
    assert cache_key(_count_words, "x") != cache_key(_count_words, "y")
    assert cache_key(_count_words, "x") == cache_key(_count_words, b"x")


def test_what_json_would_change_is_never_cached(tmp_path):
    assert cached_parse(_as_tuple, "a b", tmp_path) == ("a", "b")
    assert cached_parse(_as_tuple, "a b", tmp_path) == ("a", "b")
    assert len(CALLS) == 2 and _entries(tmp_path) == []


def test_a_damaged_entry_is_parsed_again_and_replaced(tmp_path):
    cached_parse(_count_words, "a", tmp_path)
    (entry,) = _entries(tmp_path)
    entry.write_text('{"key": "not this one", "data": {"a": 99}}')
    assert cached_parse(_count_words, "a", tmp_path) == {"a": 1}
    entry.write_text("{truncated")
    assert cached_parse(_count_words, "a", tmp_path) == {"a": 1}
    assert len(CALLS) == 3
    assert json.loads(entry.read_text())["data"] == {"a": 1}


def test_no_folder_or_an_unwritable_one_still_parses(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert cached_parse(_count_words, "a", None) == {"a": 1}
    assert cached_parse(_count_words, "a", blocker / "cache") == {"a": 1}
    assert len(CALLS) == 2


def test_the_cache_folder_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", str(tmp_path))
    assert cache_dir() == tmp_path
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", "")
    assert cache_dir() is None
    monkeypatch.delenv("NEWSBRIEF_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "newsbrief"


@pytest.mark.parametrize(
    "name", ["states.yaml", "actors.yaml", "relations.yaml", "claims.yaml", "leaders.yaml"]
)
def test_shipped_lexicons_read_from_the_cache_equal_their_yaml(monkeypatch, tmp_path, name):
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", str(tmp_path))
    parsed = yaml.safe_load(package_file(name).read_text(encoding="utf-8"))
    assert read_yaml_mapping(package_file(name), "lexicon") == parsed  # parsed, then stored
    assert len(_entries(tmp_path)) == 1
    assert read_yaml_mapping(package_file(name), "lexicon") == parsed  # read back


def test_the_stance_lexicons_read_from_the_cache_equal_their_parse(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", "")
    fresh = (stance._vader_lexicon(), stance._textblob_subjectivity())
    assert len(fresh[0]) > 1000 and len(fresh[1]) > 1000
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", str(tmp_path))
    for _ in range(2):  # stored, then read back
        assert (stance._vader_lexicon(), stance._textblob_subjectivity()) == fresh
    assert len(_entries(tmp_path)) == 2


def test_a_cold_analysis_with_a_warm_cache_imports_neither_yaml_nor_the_scorers(tmp_path):
    env = {**os.environ, "NEWSBRIEF_CACHE_DIR": str(tmp_path)}
    code = (
        "import sys; from newsbrief.cli import main; "
        "assert main(['analyze', sys.argv[1], '--out', sys.argv[2]]) == 0; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'yaml' "
        "or m in ('newsbrief.crossval', 'newsbrief.evaluate', 'newsbrief.claims.train')))"
    )
    article = tmp_path / "a.txt"
    article.write_text("Japan will send officers to NATO.\n\nRussia objected.\n")
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(article), str(tmp_path / f"{i}.json")],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        for i in range(2)
    ]
    assert runs[1].stdout.strip() == "[]"  # the second run reads every lexicon from the cache
    assert (tmp_path / "0.json").read_bytes() == (tmp_path / "1.json").read_bytes()


def test_the_iso_table_is_what_pycountry_holds():
    import pycountry

    from newsbrief.gazetteer import iso_countries

    assert iso_countries() == [dict(c) for c in pycountry.countries]


def test_the_key_is_the_same_in_every_process():
    code = (
        "from newsbrief.config import read_yaml; from newsbrief.datacache import cache_key; "
        "print(cache_key(read_yaml, 'a: 1'))"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    }
    assert len(keys) == 1 and len(keys.pop().strip()) == 64


def test_old_entries_beyond_the_limit_are_removed(tmp_path, monkeypatch):
    from newsbrief import datacache

    monkeypatch.setattr(datacache, "MAX_ENTRIES", 3)
    for k in range(5):
        cached_parse(_count_words, f"word{k}", tmp_path)
        key = datacache.cache_key(_count_words, f"word{k}")
        entry = tmp_path / f"count_words-{key[:40]}.json"
        os.utime(entry, ns=(k * 10**9, k * 10**9))  # written in this order
    assert len(_entries(tmp_path)) == 3
    assert cached_parse(_count_words, "word4", tmp_path) == {"word4": 5}
    written = [f"word{k}" for k in range(5)]
    assert written == CALLS  # the newest entry was kept: no sixth parse


def test_data_json_cannot_hold_is_parsed_every_time(tmp_path):
    import datetime

    def _dated(text: str) -> dict:
        CALLS.append(text)
        return {"when": datetime.date(2024, 1, 1)}

    assert cached_parse(_dated, "x", tmp_path) == {"when": datetime.date(2024, 1, 1)}
    assert _entries(tmp_path) == [] and CALLS == ["x"]


def test_the_pipeline_loads_every_component_a_step_reads_and_no_other():
    from newsbrief.nlp import load_nlp

    nlp = load_nlp()
    assert "senter" not in nlp.component_names
    assert set(nlp.pipe_names) >= {"tagger", "parser", "attribute_ruler", "lemmatizer", "ner"}
    doc = nlp("Japan sent officers to NATO. Russia objected.")
    assert [s.text for s in doc.sents] == ["Japan sent officers to NATO.", "Russia objected."]
    assert doc.ents[0].text == "Japan"


def test_the_lemmatizer_finds_the_same_lemmas_in_sets_as_in_lists():
    from newsbrief.nlp import index_lemmas, load_nlp

    nlp = load_nlp()
    lemmatizer = nlp.get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index")
    assert table and all(isinstance(words, frozenset) for words in table.values())
    text = "The envoys were negotiating better terms; the ministries' drones flew farther."
    with_sets = [t.lemma_ for t in nlp(text)]
    saved = dict(table.items())
    try:
        for pos, words in saved.items():
            table[pos] = sorted(words)  # as the model ships them
        lemmatizer.cache.clear()
        with_lists = [t.lemma_ for t in nlp(text)]
        index_lemmas(nlp)
        assert all(isinstance(words, frozenset) for words in table.values())
    finally:
        for pos, words in saved.items():
            table[pos] = words
        lemmatizer.cache.clear()
    assert with_sets == with_lists
    assert with_sets[:5] == ["the", "envoy", "be", "negotiate", "well"]


def test_entry_points_are_selected_once_per_query_with_the_library_answer():
    from newsbrief.nlp import SelectedOnce

    asked: list[dict] = []

    class _Available:
        def select(self, **params):
            asked.append(params)
            return (f"plugins of {params['group']}",)

    once = SelectedOnce(_Available())
    answers = [once.select(group="spacy_factories") for _ in range(3)]
    other = once.select(group="spacy_languages")
    assert answers == [("plugins of spacy_factories",)] * 3
    assert answers[0] is answers[2] and other == ("plugins of spacy_languages",)
    assert asked == [{"group": "spacy_factories"}, {"group": "spacy_languages"}]


def test_loading_the_pipeline_puts_the_registries_entry_points_back():
    import catalogue

    from newsbrief import nlp

    before = catalogue.AVAILABLE_ENTRY_POINTS
    with nlp._entry_points_selected_once():
        inside = catalogue.AVAILABLE_ENTRY_POINTS
        assert isinstance(inside, nlp.SelectedOnce)
        group = "spacy_factories"
        assert list(inside.select(group=group)) == list(before.select(group=group))
    assert catalogue.AVAILABLE_ENTRY_POINTS is before


def _package(folder: Path, config_line: str, tokenizer_file: bool = True):
    import types

    data = folder / "pkg" / "en_x-1.0"
    data.mkdir(parents=True)
    (data / "config.cfg").write_text(f'[nlp]\nlang = "en"\n{config_line}\n', encoding="utf-8")
    if tokenizer_file:
        (data / "tokenizer").write_bytes(b"")
    module = types.ModuleType("en_x")
    module.__file__ = str(folder / "pkg" / "__init__.py")
    return module


def test_only_a_pipeline_with_spacys_tokenizer_and_its_file_starts_from_a_bare_one(tmp_path):
    from newsbrief.nlp import _ships_spacy_tokenizer

    spacy_line = 'tokenizer = {"@tokenizers":"spacy.Tokenizer.v1"}'
    assert _ships_spacy_tokenizer(_package(tmp_path / "a", spacy_line))
    assert not _ships_spacy_tokenizer(_package(tmp_path / "b", spacy_line, tokenizer_file=False))
    custom = 'tokenizer = {"@tokenizers":"my.Tokenizer.v1"}'
    assert not _ships_spacy_tokenizer(_package(tmp_path / "c", custom))


def test_the_pipeline_started_from_a_bare_tokenizer_is_the_packages_own():
    from newsbrief.nlp import SPACY_TOKENIZER, UNUSED_COMPONENTS, load_nlp, model_in_use

    ours = load_nlp()
    module = __import__(model_in_use())
    plain = module.load(exclude=list(UNUSED_COMPONENTS))
    assert ours.config["nlp"]["tokenizer"] == SPACY_TOKENIZER
    assert ours.config.to_str() == plain.config.to_str()
    assert ours.tokenizer.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(exclude=["vocab"])
    text = "We can't meet the U.S. Dept. of State's envoy at 5 p.m.; she'll call Mr. Kim."
    assert [t.text for t in ours.tokenizer(text)] == [t.text for t in plain.tokenizer(text)]
    assert "can't" not in [t.text for t in ours.tokenizer(text)]  # the special cases are there
    # The special cases' lexemes (ours may hold more: earlier tests parsed with it).
    for lexeme in plain.vocab:
        assert lexeme.orth in ours.vocab
        same = ours.vocab[lexeme.orth]
        assert (same.norm_, same.shape_, same.is_stop) == (
            lexeme.norm_,
            lexeme.shape_,
            lexeme.is_stop,
        )
