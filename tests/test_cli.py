"""End-to-end CLI tests: output shape, determinism, and every bad input."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import pytest

from newsbrief.analysis import validate
from newsbrief.cli import GC_THRESHOLDS, main

CLI = [sys.executable, "-m", "newsbrief.cli"]


def run(*args, **kw):
    return subprocess.run([*CLI, *args], capture_output=True, text=True, **kw)


def test_analyze_default_article_is_schema_valid_and_covers(default_article):
    proc = run("analyze")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    validate(data)
    text = default_article.read_text(encoding="utf-8")
    assert data["article"]["words"] == len(text.split())
    covered = sum(len("".join(u["text"].split())) for u in data["units"])
    bullets = sum(1 for line in text.splitlines() if line.startswith("- "))
    assert covered == len("".join(text.split())) - bullets
    assert all(text[u["start"] : u["end"]] == u["text"] for u in data["units"])


def test_the_program_tunes_the_collector_and_main_leaves_it_alone(tmp_path):
    before = (gc.get_threshold(), gc.get_freeze_count())
    assert main(["analyze", "--out", str(tmp_path / "in.json")]) == 0
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
    code = (
        "import atexit, gc, sys; from newsbrief.cli import run; "
        "atexit.register(lambda: print(gc.get_threshold(), gc.get_freeze_count() > 0)); "
        "sys.argv[1:] = ['analyze', '--out', sys.argv[1]]; run()"
    )
    out = tmp_path / "out.json"
    proc = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"{GC_THRESHOLDS} True"  # at exit: raised and frozen
    assert out.read_bytes() == (tmp_path / "in.json").read_bytes()


def test_analyze_is_byte_identical(tmp_path, capsys):
    out1, out2 = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["analyze", "--out", str(out1)]) == 0
    assert main(["analyze", "--out", str(out2)]) == 0
    assert out1.read_bytes() == out2.read_bytes()


def bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n\t\n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "nul.txt").write_bytes(b"text\x00with\x00nuls" * 20)
    (tmp_path / "huge.txt").write_text("Word salad. " * 300_000)
    (tmp_path / "adir").mkdir()
    # Made-up: "Title" and "The minister said the talks would resume." in Chinese.
    (tmp_path / "hanzi.txt").write_text("标题\n\n部长说会谈将恢复。\n", encoding="utf-8")
    return {
        "missing": (tmp_path / "nope.txt", "no such file"),
        "directory": (tmp_path / "adir", "directory"),
        "empty": (tmp_path / "empty.txt", "empty"),
        "blank": (tmp_path / "blank.txt", "blank"),
        "binary": (tmp_path / "binary.txt", "binary"),
        "nul": (tmp_path / "nul.txt", "binary"),
        "huge": (tmp_path / "huge.txt", "limit"),
        "hanzi": (tmp_path / "hanzi.txt", "not in the Latin script; newsbrief reads English only"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "blank", "binary", "nul", "huge", "hanzi"])
def test_bad_input_one_line_exit_2_no_output(tmp_path, capsys, case):
    path, fragment = bad_inputs(tmp_path)[case]
    out = tmp_path / "out" / "result.json"
    code = main(["analyze", str(path), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsbrief: error: ")
    assert str(path) in lines[0] and fragment in lines[0]
    assert "Traceback" not in err
    assert not out.exists()


def test_directory_without_out_is_clean_error(tmp_path):
    (tmp_path / "adir").mkdir()
    proc = run("analyze", str(tmp_path / "adir"))
    assert proc.returncode == 2
    assert proc.stderr.startswith("newsbrief: error: ") and "Traceback" not in proc.stderr


def test_subprocess_bad_input_has_no_traceback(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    proc = run("analyze", str(bad))
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "binary" in proc.stderr


def test_latin1_article_is_decoded(tmp_path, capsys):
    art = tmp_path / "latin.txt"
    art.write_bytes("Le ministère français a annoncé une réunion à Paris.".encode("latin-1"))
    assert main(["analyze", str(art)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["units"][0]["text"].startswith("Le ministère français")


def test_claims_and_graph_commands(tmp_path, capsys):
    assert main(["claims", "--format", "csv"]) == 0
    csv = capsys.readouterr().out
    assert csv.splitlines()[0].startswith("index,section,label,text,category")
    for fmt in ("graphml", "gexf", "json"):
        out = tmp_path / f"g.{fmt}"
        assert main(["graph", "--format", fmt, "--out", str(out)]) == 0
        assert "JPN" in out.read_text(encoding="utf-8")
    png = tmp_path / "g.png"
    assert main(["graph", "--out", str(png)]) == 0
    assert png.read_bytes().startswith(b"\x89PNG")


def test_output_does_not_depend_on_hash_seed(tmp_path):
    import os

    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = run("analyze", env=env)
        assert proc.returncode == 0, proc.stderr
        outs.append(proc.stdout)
    assert outs[0] == outs[1]


def test_every_command_says_what_it_does_and_every_option_has_help():
    """An analyst reading ``newsbrief COMMAND --help`` learns what each option is for."""
    import argparse

    from newsbrief.cli import _parser

    sub = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == {
        "analyze",
        "claims",
        "graph",
        "report",
        "evaluate",
        "agreement",
        "train",
    }
    for name, command in sub.choices.items():
        assert command.description, name
        for action in command._actions:
            assert action.help, (name, action.dest)
    limit = sub.choices["report"].format_help()
    assert "--max-bytes N" in limit and "over N bytes" in limit


def test_every_option_of_every_command_is_named_in_the_readme():
    """README's "Command line" is where an analyst looks first: an option missing
    there (``--gazetteer``, ``--no-pdf`` were) is one nobody finds."""
    import argparse
    from pathlib import Path

    from newsbrief.cli import _parser

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    missing = {
        (name, flag)
        for name, command in sub.choices.items()
        for action in command._actions
        for flag in action.option_strings
        if flag.startswith("--") and flag != "--help" and flag not in readme
    }
    assert missing == set()


def test_agreement_names_a_missing_folder(tmp_path, capsys):
    (tmp_path / "gold").mkdir()
    assert main(["agreement", str(tmp_path / "gold"), str(tmp_path / "second")]) == 2
    assert capsys.readouterr().err.strip() == (
        f"newsbrief: error: {tmp_path / 'second'}: no such folder"
    )


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["analyze", "--format", "xml"], "invalid choice: 'xml'"),
        (["claims", "--max-bytes", "lots"], "invalid int value: 'lots'"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["evaluate"], "required: gold"),
    ],
)
def test_a_mistyped_option_is_one_error_line_not_the_usage(capsys, argv, fragment):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert len(err.splitlines()) == 1 and err.startswith("newsbrief: error: ")
    assert fragment in err and err.rstrip().endswith("--help)")


def test_an_empty_article_path_is_named_not_read_as_the_current_folder(tmp_path, capsys):
    out = tmp_path / "out.json"
    assert main(["analyze", "", "--out", str(out)]) == 2
    assert capsys.readouterr().err == "newsbrief: error: the article path is empty\n"
    assert not out.exists()


def test_a_png_graph_is_not_printed_to_a_terminal(monkeypatch, capsys):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["graph", "--format", "png"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == (
        "newsbrief: error: --format png is binary: give --out FILE.png or redirect standard output"
    )


def test_a_file_url_names_the_article_for_every_command(tmp_path, capsys):
    """The URL becomes a path before a command reads it or names its output after it."""
    story = tmp_path / "border talks.txt"
    story.write_text("Chile urged Peru to reopen the border crossing on Monday.\n", "utf-8")
    assert main(["claims", "--format", "csv", story.as_uri()]) == 0
    assert "reopen the border" in capsys.readouterr().out
    assert main(["claims", "file://server/share/talks.txt"]) == 2
    assert "is a file on another machine (server)" in capsys.readouterr().err
