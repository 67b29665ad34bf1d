"""Hostile input and interruptions: nothing destroyed, nothing leaked, nothing left behind.

Each case ends with exit status 2 and one line naming the problem (or, for a
signal, 143 and one line), never a traceback or exit 1.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import stat
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbrief.analysis import analyze, json_chunks, to_dict, to_json
from newsbrief.article import MAX_BLOCK_CHARS, source_from_text
from newsbrief.claims import restatement, restatement_batch
from newsbrief.claims.model import LinearModel
from newsbrief.cli import main
from newsbrief.curation import apply_overrides
from newsbrief.errors import NewsbriefError
from newsbrief.files import write_atomic
from newsbrief.model import Claim
from newsbrief.nlp import BATCH_CHARS, BATCH_SIZE, parse, text_batches
from newsbrief.report import STALE_SECONDS, remove_stale_staging
from newsbrief.tables import claims_table, safe_csv

CLI = [sys.executable, "-m", "newsbrief.cli"]
ARTICLE = "Japan will send officers to NATO. NATO welcomed the decision on Monday.\n"


def one_line_error(capsys) -> str:
    """The one error line (a report's progress lines may stand before it)."""
    lines = capsys.readouterr().err.strip().splitlines()
    errors = [line for line in lines if line.startswith("newsbrief: error: ")]
    assert len(errors) == 1 and lines[-1] == errors[0], lines
    return errors[0]


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


# 1. --out never replaces what is not a regular file


def test_out_refuses_a_character_device(tmp_path, article, capsys):
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("mknod needs root")
    assert main(["analyze", str(article), "--out", str(device)]) == 2
    assert "not a regular file" in one_line_error(capsys)
    assert stat.S_ISCHR(os.lstat(device).st_mode)


@pytest.mark.parametrize("kind", ["fifo", "symlink", "folder", "under a file"])
def test_out_refuses_special_targets(tmp_path, article, capsys, kind):
    target = tmp_path / "target"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        (tmp_path / "real.json").write_text("keep", encoding="utf-8")
        target.symlink_to(tmp_path / "real.json")
    elif kind == "folder":
        target.mkdir()
    else:
        (tmp_path / "file").write_text("x", encoding="utf-8")
        target = tmp_path / "file" / "out.json"
    assert main(["analyze", str(article), "--out", str(target)]) == 2
    one_line_error(capsys)
    if kind == "symlink":
        assert (tmp_path / "real.json").read_text(encoding="utf-8") == "keep"
        assert target.is_symlink()


# 2. YAML that expands without limit


BOMB = (
    "units:\n  - match: 0\n    category: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))
)


def test_report_out_that_is_a_file_fails_before_the_analysis(
    tmp_path, article, capsys, monkeypatch
):
    import newsbrief.report as report

    def no_analysis(*args, **kwargs):
        raise AssertionError("the analysis ran before --out was checked")

    monkeypatch.setattr(report, "_analyze", no_analysis)
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    assert main(["report", str(article), "--out", str(afile), "--no-pdf"]) == 2
    assert one_line_error(capsys).endswith(f"{afile}: is not a folder")
    assert main(["report", str(article), "--out", str(afile / "sub"), "--no-pdf"]) == 2
    assert f"({afile} is a file)" in one_line_error(capsys)
    assert afile.read_text(encoding="utf-8") == "x"


def test_an_unwritable_out_is_one_error_line_not_an_internal_error(
    tmp_path, article, capsys, monkeypatch
):
    import tempfile

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    out = tmp_path / "a.json"
    assert main(["analyze", str(article), "--out", str(out)]) == 2
    assert (
        one_line_error(capsys) == f"newsbrief: error: {out}: cannot write here (Permission denied)"
    )
    assert not out.exists()


def test_a_failed_write_leaves_no_temporary_file(tmp_path):
    def chunks():
        yield "{"
        raise OSError(28, "No space left on device")

    with pytest.raises(NewsbriefError, match="cannot write \\(No space left on device\\)"):
        write_atomic(tmp_path / "a.json", chunks())
    assert list(tmp_path.iterdir()) == []


def test_alias_bomb_in_overrides_is_refused(tmp_path, article, capsys):
    overrides = tmp_path / "bomb.yaml"
    overrides.write_text(BOMB, encoding="utf-8")
    started = time.monotonic()
    assert main(["analyze", str(article), "--overrides", str(overrides)]) == 2
    assert "anchors and aliases" in one_line_error(capsys)
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("option", ["--overrides", "--gazetteer"])
def test_endless_yaml_file_is_refused(article, capsys, option):
    assert main(["analyze", str(article), option, "/dev/zero"]) == 2
    assert "larger than" in one_line_error(capsys)


# 3. Markup smuggled in through an analysis JSON


def test_crafted_analysis_json_is_refused(tmp_path, capsys):
    from newsbrief.analysis import to_dict

    data = to_dict(analyze(source_from_text(ARTICLE)))
    data["article"]["words"] = "<img src=x onerror=alert(1)>"
    path = tmp_path / "crafted.analysis.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["report", str(path), "--out", str(tmp_path / "r"), "--no-pdf"]) == 2
    assert "invalid analysis JSON at article/words" in one_line_error(capsys)
    assert not (tmp_path / "r").exists()


# 4. Formula injection in CSV


def test_csv_cells_cannot_run_as_formulas():
    text = '=HYPERLINK("http://x","y") was posted by Russia.\n+1 more NATO drill followed.\n'
    csv = safe_csv(claims_table(analyze(source_from_text(text))))
    assert "'=HYPERLINK" in csv and "'+1 more" in csv
    assert "\n=" not in csv and ",=" not in csv


# 5. Interruptions


def test_sigterm_during_report_leaves_nothing(tmp_path):
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(runtime)}
    out = tmp_path / "reports"
    proc = subprocess.Popen(
        [*CLI, "report", "--out", str(out), "--no-pdf"],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    with proc.stderr:
        seen = ""
        while "notebooks" not in seen:  # the step's line ends only when it is done
            char = proc.stderr.read(1)
            assert char, f"report ended early: {seen}"
            seen += char
        time.sleep(1.5)  # the kernels are starting or running
        proc.send_signal(signal.SIGTERM)
        rest = proc.stderr.read()
    assert proc.wait(timeout=60) == 143, seen + rest
    assert rest.strip().endswith("newsbrief: error: terminated during report")
    # One line, not papermill's "Kernel died ..." for each kernel killed on purpose.
    assert "Kernel" not in rest, rest
    assert not out.exists() or not any(out.iterdir())
    assert list(runtime.iterdir()) == []


def test_stale_staging_folders_are_removed(tmp_path):
    target = tmp_path / "story"
    old = tmp_path / ".story.0123abcd.tmp"
    new = tmp_path / ".story.4567ef01.tmp"
    old.mkdir()
    new.mkdir()
    now = time.time()
    os.utime(old, (now - STALE_SECONDS - 60, now - STALE_SECONDS - 60))
    assert remove_stale_staging(target, now) == [old]
    assert new.is_dir() and not old.exists()


# 6. Overrides values of the wrong shape


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("units:\n  - match: 1\n    restates: -5\n", "restates"),
        ("units:\n  - match: 1\n    restates: true\n", "restates"),
        ("actors:\n  add: [{id: QUAD, name: Quad, aliases: Quad}]\n", "aliases"),
        ("actors:\n  add: [{id: JPN, name: Japan again}]\n", "exists already"),
        ("actors:\n  remove: JPN\n", "list of non-empty strings"),
        (
            "relations:\n  add: [{source: JPN, target: NATO, type: joins, evidence: '12'}]\n",
            "evidence",
        ),
        ("relations:\n  add: [{source: JPN, target: NATO, type: '<b>'}]\n", "relation type"),
        ("actors:\n  add: [{id: [1], name: x}]\n", "id and name"),
    ],
)
def test_bad_override_values_are_refused(tmp_path, body, message):
    analysis = analyze(source_from_text(ARTICLE))
    path = tmp_path / "o.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(NewsbriefError, match=message):
        apply_overrides(analysis, path)


@pytest.mark.parametrize(
    "body",
    [
        "organizations:\n  - {id: X, name: X, aliases: ['']}\n",
        "organizations:\n  - {id: X, name: X, aliases: Quad}\n",
        "organizations: {id: X}\n",
        "states: {XYZ: {aliases: [' ']}}\n",
        "organisations:\n  - {id: X, name: X, aliases: [Xland]}\n",
        "ner_filters: {media_word: [Gazette]}\n",
        "ner_filters: {media_words: Gazette}\n",
        "ner_filters: [media_words]\n",
        "generic_forces: [troopers]\n",
        "generic_forces: {military: troopers}\n",
        "generic_forces: {military: }\n",
        "generic_forces: {military: [troopers, 5]}\n",
        "generic_forces: {military: {troopers: 5}}\n",
        "generic_forces: {military: {'': MIL}}\n",
        "generic_forces: {weapon: [rockets]}\n",
    ],
)
def test_bad_gazetteer_entries_are_refused(tmp_path, article, capsys, body):
    path = tmp_path / "g.yaml"
    path.write_text(body, encoding="utf-8")
    assert main(["analyze", str(article), "--gazetteer", str(path)]) == 2
    assert f"error: {path}: " in one_line_error(capsys)


def test_a_gazetteer_with_known_sections_is_accepted(tmp_path, article, capsys):
    path = tmp_path / "g.yaml"
    path.write_text(
        "organizations:\n  - {id: XQ, name: Xland Guild, aliases: [Xland Guild]}\n"
        "ner_filters: {media_words: [Gazette]}\n"
        "generic_forces: {military: {troopers: MIL}, group: [picketers]}\n",
        encoding="utf-8",
    )
    assert main(["analyze", str(article), "--gazetteer", str(path)]) == 0


# 7. Long lines are cut into bounded pieces


def test_a_line_without_punctuation_gives_bounded_units():
    text = " ".join(["Russia", "and", "NATO", "talked", "again"] * 3000)  # ~90,000 chars
    analysis = analyze(source_from_text(text))
    assert max(u.end - u.start for u in analysis.units) <= MAX_BLOCK_CHARS
    joined = "".join("".join(u.text.split()) for u in analysis.units)
    assert joined == "".join(text.split())


@pytest.mark.parametrize("limit", ["0", "-5"])
def test_a_size_limit_below_one_byte_is_refused(article, capsys, limit):
    assert main(["analyze", str(article), "--max-bytes", limit]) == 2
    assert "size limit must be at least 1" in one_line_error(capsys)


def test_a_device_is_not_read_as_an_article(capsys):
    assert main(["analyze", "/dev/zero"]) == 2
    assert "not an article file" in one_line_error(capsys)


def test_a_stream_over_the_limit_is_refused_without_reading_it_all(tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = subprocess.Popen(["sh", "-c", f"yes 'Japan sent officers.' > {fifo}"])
    try:
        assert main(["analyze", str(fifo), "--max-bytes", "1000"]) == 2
    finally:
        writer.kill()
        writer.wait()
    assert "the stream is over the 1,000-byte limit" in one_line_error(capsys)


# 10. Book-length input: work and memory grow linearly with the text


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.integers(0, 3 * BATCH_CHARS), max_size=60))
def test_parse_batches_are_bounded_and_keep_order(lengths):
    texts = [f"{i}:" + "x" * n for i, n in enumerate(lengths)]
    batches = list(text_batches(texts))
    assert [t for b in batches for t in b] == texts
    for batch in batches:
        assert 1 <= len(batch) <= BATCH_SIZE
        assert len(batch) == 1 or sum(map(len, batch)) <= BATCH_CHARS


def test_parse_drops_tensors_and_keeps_the_parse():
    docs = list(parse(["Japan sent officers to NATO.", "Russia objected."]))
    assert [d.text for d in docs] == ["Japan sent officers to NATO.", "Russia objected."]
    assert all(d.tensor.size == 0 for d in docs)
    assert docs[0][1].dep_ == "ROOT"


def test_json_is_written_in_chunks_with_the_same_bytes(tmp_path):
    text = "\n\n".join(f"Japan sent {n} officers to NATO on day {n}." for n in range(300))
    a = analyze(source_from_text(text))
    whole = json.dumps(to_dict(a), ensure_ascii=False, indent=2) + "\n"
    chunks = list(json_chunks(a))
    assert len(chunks) > 1
    assert "".join(chunks) == whole == to_json(a)
    write_atomic(tmp_path / "a.json", iter(chunks))
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == whole


def test_restatement_work_is_linear_in_claims(monkeypatch):
    calls = []
    real = restatement_batch.PairColumns._pair  # the per-pair work of link()
    monkeypatch.setattr(
        restatement_batch.PairColumns, "_pair", lambda self, *a: calls.append(1) or real(self, *a)
    )
    n = restatement.WINDOW * 3
    bag = frozenset({"japan", "officer", "nato"})
    bags = {i: restatement.ClaimBag(i, bag, root="send") for i in range(n)}
    claims = [Claim(i, "event", "asserted", "author") for i in range(n)]
    model = LinearModel("restatement", ("no", "yes"), (0.0, -1.0), {"jaccard": (0.0, 4.0)})
    out = restatement.restatements(claims, bags, model)
    assert len(calls) == sum(min(i, restatement.WINDOW) for i in range(n))
    # Every claim but the first restates one within reach, never farther back.
    assert out[0].restates is None
    assert all(0 < c.unit - c.restates <= restatement.WINDOW for c in out[1:])


# 8. Terminal output stays one printable line


def test_error_line_strips_control_characters(tmp_path, capsys):
    name = tmp_path / "evil\x1b[31mred\nname.txt"
    assert main(["analyze", str(name)]) == 2
    err = one_line_error(capsys)
    assert "\x1b" not in err


# Property tests: random overrides documents and random bytes never crash.


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers(-5, 50) | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    ["match", "category", "restates", "add", "remove", "id", "aliases"]
                ),
                inner,
                max_size=3,
            )
        ),
        max_leaves=10,
    )
)
def test_random_overrides_fail_cleanly(tmp_path, document):
    import yaml

    analysis = analyze(source_from_text(ARTICLE))
    body = {"units": document} if not isinstance(document, dict) else {"actors": document}
    path = tmp_path / "random.yaml"
    path.write_text(yaml.safe_dump(body), encoding="utf-8")
    with contextlib.suppress(NewsbriefError):
        apply_overrides(analysis, path)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.binary(max_size=400))
def test_article_reader_fuzz(data):
    from newsbrief.article import decode_bytes

    with contextlib.suppress(NewsbriefError):
        decode_bytes(data, "fuzz.txt")


def test_emoji_and_cjk_are_drawn_without_warnings():
    from newsbrief.figures import drawable, figure_bytes, graph_figure

    text = "China 🚀 and Japan met in 東京 on Monday. Japan said 中国 must stop 🛑 the drills.\n"
    # filterwarnings = error: a missing glyph warning would fail this test
    svg = figure_bytes(graph_figure(analyze(source_from_text(text)), "東京 🚀 talks"), "svg")
    assert svg.startswith("<?xml")
    assert drawable("Tokyo 東京 🚀") == "Tokyo ?? ?"


def test_corpus_rerun_removes_the_stale_json_of_an_article_that_now_fails(tmp_path, capsys):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "turns.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["analyze", str(folder), "--out", str(out), "--jobs", "1"]) == 0
    assert (out / "turns.json").is_file()
    (folder / "turns.txt").write_bytes(b"\x00\x01binary now")
    assert main(["analyze", str(folder), "--out", str(out), "--jobs", "1"]) == 0
    assert not (out / "turns.json").exists() and (out / "good.json").is_file()
    assert "removed the stale turns.json" in capsys.readouterr().err


def test_broken_gazetteer_is_one_error_in_corpus_mode(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(3):
        (folder / f"a{k}.txt").write_text(ARTICLE, encoding="utf-8")
    gazetteer = tmp_path / "g.yaml"
    gazetteer.write_text("organizations: [\n", encoding="utf-8")
    args = ["analyze", str(folder), "--out", str(tmp_path / "out"), "--gazetteer", str(gazetteer)]
    assert main(args) == 2
    one_line_error(capsys)


@pytest.mark.parametrize(
    "unit",
    [
        "{index: 0, kind: claim, start: abc, end: 5, category: event}",
        "{index: 0, kind: claim, start: 0, end: 5, category: [event]}",
        "{index: 0, kind: claim, start: 0, end: 5, restates: '3'}",
        "{index: 0, kind: claim, start: 0, end: 99999, category: event}",
        "{index: 0, kind: sentence, start: 0, end: 5}",
        "{index: 0, kind: claim, start: 0, end: 5, category: assesment}",
        "{index: 0, kind: claim, start: 0, end: 5, modality: certain}",
        "{index: 0, kind: claim, start: 0, end: 5, category: event, also: [opinion]}",
        "{index: '0', kind: claim, start: 0, end: 5, category: event}",
        "{index: 3, kind: claim, start: 0, end: 5, category: event}",
        "{index: 0, kind: claim, start: 0, end: 5, category: event, restates: 0}",
        "{index: 0, kind: claim, start: 0, end: 5, category: event, actors: [ZZZ]}",
    ],
)
def test_badly_typed_gold_is_refused(tmp_path, article, capsys, unit):
    gold = tmp_path / "gold.yaml"
    gold.write_text(f"article: {article}\nactors: []\nunits:\n  - {unit}\n", encoding="utf-8")
    assert main(["evaluate", str(gold)]) == 2
    assert f"error: {gold}: " in one_line_error(capsys)  # names the file, not "gold"


@pytest.mark.parametrize("units", ["units:", "units: []", "units: 0"])
def test_a_gold_file_without_units_is_refused(tmp_path, article, capsys, units):
    gold = tmp_path / "gold.yaml"
    gold.write_text(f"article: {article}\n{units}\n", encoding="utf-8")
    assert main(["evaluate", str(gold)]) == 2
    assert one_line_error(capsys).endswith(f"{gold}: a gold file needs `units` (see ANNOTATION.md)")


@pytest.mark.parametrize(
    "top",
    [
        "genre: column",
        "actors: [{id: A, part_of: B}]",
        "actors: [{id: A, name: 5}]",
        "actors: [{id: A, core: 'no'}]",
        "actors: [{id: A}]\nrelations: [{source: A, target: B, type: cooperate}]",
    ],
)
def test_gold_actors_relations_and_genre_outside_the_contract_are_refused(
    tmp_path, article, capsys, top
):
    gold = tmp_path / "gold.yaml"
    unit = "{index: 0, kind: claim, start: 0, end: 5, category: event}"
    gold.write_text(f"article: {article}\n{top}\nunits:\n  - {unit}\n", encoding="utf-8")
    assert main(["evaluate", str(gold)]) == 2
    assert f"error: {gold}: " in one_line_error(capsys)


# 11. Every file a command reads is capped, checked and parsed without an internal error


def _bad_file(tmp_path, kind: str) -> str:
    """A file that is not what a command expects: endless, binary, nested, absent, a folder."""
    path = tmp_path / f"bad-{kind}.json"
    if kind == "endless":
        path.symlink_to("/dev/zero")
    elif kind == "binary":
        path.write_bytes(b"\xd6\x00\xff" * 100)
    elif kind == "nested":
        path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    elif kind == "folder":
        path.mkdir()
    elif kind == "long name":
        path = tmp_path / ("x" * 300 + ".json")
    return str(path)


@pytest.mark.parametrize("kind", ["endless", "binary", "nested", "missing", "folder", "long name"])
@pytest.mark.parametrize("command", ["events", "model", "list"])
def test_a_bad_input_file_is_one_error_line(tmp_path, article, capsys, monkeypatch, command, kind):
    from newsbrief.claims import default_models

    bad = _bad_file(tmp_path, kind)
    if command == "events":
        argv = ["evaluate", "--events", bad]
    elif command == "model":
        monkeypatch.setenv("NEWSBRIEF_CLAIMS_MODEL", bad)
        default_models.cache_clear()
        argv = ["analyze", str(article)]
    else:
        argv = ["analyze", "@" + bad, "--out", str(tmp_path / "out")]
    try:
        assert main(argv) == 2
    finally:
        default_models.cache_clear()
    assert bad in one_line_error(capsys) or command == "events"


@pytest.mark.parametrize("command", ["analyze", "claims", "graph"])
def test_an_article_name_too_long_for_the_system_is_one_error_line(tmp_path, capsys, command):
    assert main([command, str(tmp_path / ("x" * 300 + ".txt"))]) == 2
    assert "File name too long" in one_line_error(capsys)


def test_a_deeply_nested_analysis_json_is_one_error_line(tmp_path, capsys):
    bad = _bad_file(tmp_path, "nested")
    assert main(["claims", bad]) == 2
    assert "nested too deeply" in one_line_error(capsys)


def test_agreement_on_an_article_that_is_not_text_is_one_error_line(tmp_path, capsys):
    (tmp_path / "story.txt").write_bytes(b"\xd6\x00\xff" * 100)
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "story.yaml").write_text(
            f"article: {tmp_path / 'story.txt'}\nunits: [{{kind: claim, start: 0, end: 3}}]\n",
            encoding="utf-8",
        )
    assert main(["agreement", str(tmp_path / "first"), str(tmp_path / "second")]) == 2
    assert "is not UTF-8 text" in one_line_error(capsys)


@pytest.mark.parametrize("limit", [str(2**40), "9" * 40])
def test_a_size_limit_beyond_memory_reads_the_article(article, capsys, limit):
    assert main(["analyze", str(article), "--max-bytes", limit]) == 0
    assert json.loads(capsys.readouterr().out)["units"]


def _shipped_models() -> dict:
    from newsbrief.config import package_file

    return json.loads(package_file("claims_model.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: m.clear(), "no model in it"),
        (lambda m: m.update(stance=m["genre"]), "unknown model(s) ['stance']"),
        (lambda m: m["category"].update(classes=[], intercept=[], weights={}), "no classes"),
        (lambda m: m["category"]["intercept"].__setitem__(0, float("nan")), "NaN or infinite"),
        (lambda m: m["restatement"].update(threshold=float("inf")), "NaN or infinite"),
        (lambda m: m["modality"]["classes"].__setitem__(0, "sure"), "labels ['sure']"),
    ],
)
def test_a_claims_model_of_the_wrong_shape_is_refused(tmp_path, change, message):
    from newsbrief.claims import load_models

    models = _shipped_models()
    change(models)
    path = tmp_path / "models.json"
    path.write_text(json.dumps(models), encoding="utf-8")
    with pytest.raises(NewsbriefError, match=f"^{path}: .*" + re.escape(message)):
        load_models(path)


def test_a_claims_model_without_genre_or_restatement_is_accepted(tmp_path):
    from newsbrief.claims import load_models

    models = {k: v for k, v in _shipped_models().items() if k in ("category", "modality")}
    path = tmp_path / "models.json"
    path.write_text(json.dumps(models), encoding="utf-8")
    assert set(load_models(path)) == {"category", "modality"}


@pytest.mark.parametrize(
    "command",
    [["evaluate", "--cv", "{gold}"], ["train", "{gold}"], ["agreement", "{gold}", "{gold}"]],
)
@pytest.mark.parametrize("out", ["folder.txt", "file/under"])
def test_an_out_file_that_cannot_be_written_fails_before_the_work(tmp_path, capsys, command, out):
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    (tmp_path / "gold").mkdir()  # no gold files: the work would fail with another error
    argv = [a.format(gold=tmp_path / "gold") for a in command]
    assert main([*argv, "--out", str(tmp_path / out)]) == 2
    assert f"error: {tmp_path / out}: " in one_line_error(capsys)


def test_graph_out_that_is_a_folder_is_named_as_such_not_as_a_format(tmp_path, article, capsys):
    (tmp_path / "graph.txt").mkdir()
    assert main(["graph", str(article), "--out", str(tmp_path / "graph.txt")]) == 2
    assert "is a folder" in one_line_error(capsys)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "none has a sentence"),
        ('{"a": 1}', "none has a sentence"),
        ('[{"text": "Japan met NATO."}]', "none has a sentence"),
        ("[1]", "event record 0: not an object"),
        ("[{", "not JSON-like"),
    ],
)
def test_event_records_with_nothing_to_score_are_one_error_line(tmp_path, capsys, body, message):
    path = tmp_path / "records.json"
    path.write_text(body, encoding="utf-8")
    assert main(["evaluate", "--events", str(path)]) == 2
    line = one_line_error(capsys)
    assert f"error: {path}: " in line and message in line


@pytest.mark.parametrize(("name", "message"), [("gone.txt", "no such file"), ("dir", "directory")])
def test_train_curated_names_a_missing_article_as_such(tmp_path, capsys, name, message):
    (tmp_path / "dir").mkdir()
    (tmp_path / "gold").mkdir()
    argv = ["train", str(tmp_path / "gold"), "--curated", str(tmp_path / name)]
    argv += ["--out", str(tmp_path / "m.json")]
    assert main(argv) == 2
    assert message in one_line_error(capsys)


def test_an_out_file_in_a_folder_without_write_permission_fails_before_the_work(
    tmp_path, capsys, monkeypatch
):
    import newsbrief.files as files

    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(files.os, "access", lambda p, mode: p != locked and real_access(p, mode))
    (tmp_path / "gold").mkdir()  # no gold files: the work would fail with another error
    out = locked / "m.json"
    assert main(["train", str(tmp_path / "gold"), "--out", str(out)]) == 2
    assert one_line_error(capsys).endswith(f"{out}: cannot write here (permission denied)")


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("graph", "no suffix to tell the graph format; end it in one of .gexf, .graphml, .json"),
        ("graph.xyz", "unknown graph format 'xyz'"),
    ],
)
def test_graph_out_without_a_known_suffix_fails_before_the_work(tmp_path, capsys, out, message):
    missing = tmp_path / "gone.txt"  # the analysis would fail with another error
    assert main(["graph", str(missing), "--out", str(tmp_path / out)]) == 2
    assert message in one_line_error(capsys)
    assert list(tmp_path.iterdir()) == []


def test_graph_out_suffix_case_does_not_matter(tmp_path, article):
    assert main(["graph", str(article), "--out", str(tmp_path / "graph.JSON")]) == 0
    assert "nodes" in json.loads((tmp_path / "graph.JSON").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "body", ["article: story.txt\nunits: [{kind: claim, start: 0, end: 33}]\n", "units: nonsense\n"]
)
def test_cross_validation_on_one_gold_file_asks_for_two_before_the_work(
    tmp_path, article, capsys, body
):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "story.yaml").write_text(body.replace("story.txt", str(article)), encoding="utf-8")
    assert main(["evaluate", "--cv", str(gold)]) == 2
    assert one_line_error(capsys).endswith("1 gold file(s); leave-one-article-out needs 2 or more")


def _scan_merge(parts: list[str], ranks: dict[str, int]) -> list[str]:
    """The merge as a scan of every pair after each merge (quadratic): the reference."""
    from itertools import pairwise

    while len(parts) > 1:
        found = [
            (ranks[f"{a} {b}"], i)
            for i, (a, b) in enumerate(pairwise(parts))
            if f"{a} {b}" in ranks
        ]
        if not found:
            break
        at = min(found)[1]
        parts[at : at + 2] = [parts[at] + parts[at + 1]]
    return parts


@pytest.mark.parametrize(
    "word",
    [
        "\u2581Zorblax-7-Qv-Zorblax-7-Qv",
        "\u2581aaaaaaaaaaaaaaab",
        "\u2581\u2581\u2581tab\tnewline\nnaïve—中🙂",
        "".join(f"Kq{d}-Rt{d}x" for d in range(10)) * 20,  # one word of 1,600 characters
    ],
)
def test_a_long_word_is_merged_as_the_pairwise_scan_merges_it(monkeypatch, word):
    from importlib.util import find_spec
    from pathlib import Path

    from newsbrief.claims.meaning import TOKENIZER
    from newsbrief.claims.pieces import Pieces, _merged

    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", "")
    spec = find_spec("wordllama")
    assert spec is not None and spec.submodule_search_locations
    pieces = Pieces.from_file(Path(next(iter(spec.submodule_search_locations))) / TOKENIZER)
    parts = [ch for ch in word if ch in pieces.ids]
    assert _merged(list(parts), pieces.ranks) == _scan_merge(list(parts), pieces.ranks)
    started = time.monotonic()
    pieces.encode("Kq7-" * 50_000)  # a line with no space is one word
    assert time.monotonic() - started < 5  # minutes with the scan (20,000 characters: 6 s)


@pytest.mark.parametrize(
    ("text", "says", "looked"),
    [
        ("Police said Dorvan, also known as Abu Selim, fled.", True, True),
        ("Police said Dorvan a.k.a. Selim fled.", True, True),
        ("Police said Dorvan aka Selim fled.", True, True),
        ("Police in Osaka said Dorvan fled.", False, True),  # a plain substring: looked, no match
        ("Kq7-" * 1250, False, False),
    ],
)
def test_also_known_as_is_looked_for_only_where_its_phrase_is(text, says, looked):
    from newsbrief.identity import _AKA, _may_say_aka

    assert bool(_AKA.search(text)) is says
    assert _may_say_aka(text) is looked


@pytest.mark.parametrize(
    ("body", "line", "key"),
    [
        ("genre: news\nunits:\n  - {{{unit}}}\ngenre: opinion\n", 5, "genre"),
        ("units:\n  - {{{unit}, category: assessment}}\n", 3, "category"),
        ("units:\n  - {{{unit}}}\nunits:\n  - {{{unit}}}\n", 4, "units"),
    ],
)
def test_a_gold_file_with_a_key_given_twice_is_refused(tmp_path, article, capsys, body, line, key):
    gold = tmp_path / "gold.yaml"
    unit = "index: 0, kind: claim, start: 0, end: 5, category: event"
    gold.write_text(f"article: {article}\n" + body.format(unit=unit), encoding="utf-8")
    assert main(["evaluate", str(gold)]) == 2
    assert one_line_error(capsys).endswith(f"{gold}:{line}: `{key}` is given twice in one mapping")


@pytest.mark.parametrize(
    "body",
    [
        "units:\n  - {index: 0, category: event}\nunits:\n  - {index: 1, category: event}\n",
        "units:\n  - {index: 0, category: event, category: context}\n",
    ],
)
def test_overrides_with_a_key_given_twice_are_refused(tmp_path, article, capsys, body):
    overrides = tmp_path / "o.yaml"
    overrides.write_text(body, encoding="utf-8")
    assert main(["claims", str(article), "--overrides", str(overrides)]) == 2
    assert "is given twice in one mapping" in one_line_error(capsys)


@pytest.mark.parametrize(
    ("body", "line", "key"),
    [
        ("organizations: []\nner_filters: {}\norganizations: []\n", 3, "organizations"),
        ("organizations:\n  - {id: XQ, name: Xland, name: Yland}\n", 2, "name"),
    ],
)
def test_a_gazetteer_with_a_key_given_twice_is_refused(tmp_path, article, capsys, body, line, key):
    path = tmp_path / "g.yaml"
    path.write_text(body, encoding="utf-8")
    assert main(["analyze", str(article), "--gazetteer", str(path)]) == 2
    expected = f"{path}:{line}: cannot read gazetteer (`{key}` is given twice in one mapping)"
    assert one_line_error(capsys).endswith(expected)


@pytest.mark.parametrize(
    ("first", "second"),
    [("President", "Prime Minister"), ("Prime Minister", "President")],
)
def test_a_shared_determiner_still_reaches_the_second_conjunct(first, second):
    # The determiner is looked for among the head's left children only (a run of
    # conjuncts scanned every child of the head once per conjunct).
    text = (
        f"{first} Tomas Veldrin of Chile met {second} Ilse Marquand of Peru.\n\n"
        f"The {first} and {second} agreed to study the border."
    )
    analysis = analyze(source_from_text(text))
    agreed = {(r.source, r.target) for r in analysis.relations if r.type == "agreed_with"}
    assert agreed == {("tomas-veldrin", "ilse-marquand")}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("line.txt", "q" * 50_000, "no sentences found"),  # one line, no space
        ("blank.txt", " \t\n\u200b\u200c\u200d\ufeff\u2060\u00a0\u3000\r\n" * 40, "no sentences"),
        (
            "page.html",
            "<html><head><title>" + "A very long title " * 500 + "</title></head><body></body>",
            "no article text found in the HTML",
        ),
        ("front.md", "---\ntitle: Nothing below\nauthor: nobody\n---\n", "no sentences found"),
        ("nul.txt", "Japan will send officers.\x00NATO welcomed it.\n", "binary content"),
    ],
)
def test_an_article_with_nothing_to_read_is_one_error_line(
    tmp_path, capsys, name, content, message
):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert main(["analyze", str(path), "--out", str(tmp_path / "out.json")]) == 2
    assert message in one_line_error(capsys)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing left behind


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("قالت الحكومة إنها سترسل ضباطا. رحب الحلف بالقرار.\n", "قالت الحكومة"),
        # A right-to-left override would show the report's text reversed: it is dropped.
        ("\u202eJapan will send officers to NATO.\u202c NATO welcomed it.\n", "Japan will send"),
    ],
)
def test_right_to_left_text_is_a_clean_analysis(tmp_path, capsys, text, kept):
    path = tmp_path / "rtl.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    read = json.loads(capsys.readouterr().out)["text"]
    assert read.startswith(kept) and "\u202e" not in read


@pytest.mark.parametrize("option", ["gold", "--gazetteer"])
def test_an_alias_bomb_in_gold_or_gazetteer_is_refused(tmp_path, article, capsys, option):
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMB, encoding="utf-8")
    argv = (
        ["evaluate", str(path)] if option == "gold" else ["claims", str(article), option, str(path)]
    )
    assert main(argv) == 2
    assert "anchors and aliases" in one_line_error(capsys)


@pytest.mark.parametrize(
    ("kind", "body", "line", "key"),
    [
        (
            "claims",
            "modality:\n  hedge_words: [perhaps]\n  hedge_words: [maybe]\n",
            3,
            "hedge_words",
        ),
        (
            "claims",
            "modality:\n  hedge_words: [perhaps]\nmodality:\n  hedge_words: []\n",
            3,
            "modality",
        ),
        ("relations", "default_targets: [dobj]\ndefault_targets: [pobj]\n", 2, "default_targets"),
    ],
)
def test_a_user_lexicon_with_a_key_given_twice_is_refused(tmp_path, kind, body, line, key):
    from newsbrief.claims import load_cues
    from newsbrief.relation_lexicon import load_lexicon

    path = tmp_path / f"{kind}.yaml"
    path.write_text(body, encoding="utf-8")
    load = load_cues if kind == "claims" else load_lexicon
    expected = f"{path}:{line}: cannot read {kind} lexicon (`{key}` is given twice in one mapping)"
    with pytest.raises(NewsbriefError, match=f"^{re.escape(expected)}$"):
        load(str(path))
