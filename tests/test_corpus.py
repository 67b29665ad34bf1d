"""Corpus mode: a folder of articles in, one JSON per article and a merged graph out."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from newsbrief.analysis import validate
from newsbrief.cli import main
from newsbrief.corpus import analyze_corpus, article_paths, map_articles, merge_graphs, merged_graph
from newsbrief.errors import NewsbriefError

GOOD = {
    "a-pact.txt": (
        "Japan Signs Pact\n\n"
        "Japan and Australia signed a defence agreement on Tuesday. "
        "Officials said the pact would deepen cooperation.\n"
    ),
    "b-nato.md": (
        "# NATO Talks\n\n"
        "Japan will send two officers to NATO headquarters in Brussels. "
        "The alliance welcomed the decision.\n"
    ),
    "c-grain.txt": (
        "Grain Deal\n\n"
        "Turkey brokered a grain deal between Russia and Ukraine. "
        "Analysts expect exports to rise.\n"
    ),
}
BAD = ("d-empty.txt", "e-binary.md")
SUMMARY = re.compile(r"^newsbrief: analyzed (\d+) articles?, skipped (\d+)$", re.MULTILINE)


def _write_bad(folder: Path) -> None:
    (folder / "d-empty.txt").write_bytes(b"")
    (folder / "e-binary.md").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three good articles, two bad files and a file that is not an article."""
    root = tmp_path / "articles"
    root.mkdir()
    for name, text in GOOD.items():
        (root / name).write_text(text, encoding="utf-8")
    _write_bad(root)
    (root / "notes.yaml").write_text("not: an article\n", encoding="utf-8")
    return root


def _stem_json(name: str) -> str:
    return f"{Path(name).stem}.json"


def test_article_paths_are_sorted_articles_only(folder: Path) -> None:
    names = [p.name for p in article_paths(folder)]
    assert names == sorted([*GOOD, *BAD])


def test_folder_writes_one_valid_json_per_good_article(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["analyze", str(folder), "--out", str(out), "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert sorted(p.name for p in out.iterdir()) == sorted(_stem_json(n) for n in GOOD)
    for name in GOOD:
        written = (out / _stem_json(name)).read_text(encoding="utf-8")
        validate(json.loads(written))
        assert main(["analyze", str(folder / name)]) == 0
        assert capsys.readouterr().out == written  # same bytes as single-file mode


def test_bad_files_are_warned_and_summarised(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if line.startswith("newsbrief: warning: ")]
    assert len(warnings) == len(BAD)
    for name, line in zip(BAD, warnings, strict=True):
        assert line.startswith(f"newsbrief: warning: {folder / name}: ")
    assert "empty" in warnings[0]
    assert "binary" in warnings[1]
    assert SUMMARY.search(err).groups() == (str(len(GOOD)), str(len(BAD)))


def test_two_jobs_write_identical_output(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["analyze", str(folder), "--out", str(one), "--jobs", "1"]) == 0
    err_one = capsys.readouterr().err
    assert main(["analyze", str(folder), "--out", str(two), "--jobs", "2"]) == 0
    assert capsys.readouterr().err == err_one
    for name in GOOD:
        assert (two / _stem_json(name)).read_bytes() == (one / _stem_json(name)).read_bytes()


def test_folder_of_only_bad_files_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "bad"
    root.mkdir()
    _write_bad(root)
    assert main(["analyze", str(root), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert SUMMARY.search(err).groups() == ("0", str(len(BAD)))
    assert err.strip().splitlines()[-1].startswith("newsbrief: error: ")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_folder_needs_out(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(folder), "--jobs", "1"]) == 2
    assert "--out OUTDIR is required for a folder" in capsys.readouterr().err


def test_folder_refuses_csv_instead_of_writing_json(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["analyze", str(folder), "--out", str(out), "--format", "csv"]) == 2
    assert "--format csv is for one article" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("jobs", ["-1", "two"])
def test_jobs_must_be_a_count(folder: Path, jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["analyze", str(folder), "--out", "unused", "--jobs", jobs])
    assert stop.value.code == 2
    assert "a number of processes, 0 for all cores" in capsys.readouterr().err


@pytest.mark.parametrize("make", ["missing", "empty"])
def test_missing_or_empty_folder_is_an_error(tmp_path: Path, make: str) -> None:
    root = tmp_path / "articles"
    if make == "empty":
        root.mkdir()
        (root / "readme.yaml").write_text("x: 1\n", encoding="utf-8")
    with pytest.raises(NewsbriefError, match=str(root)):
        analyze_corpus(root, tmp_path / "out", jobs=1)


def test_same_stem_is_skipped_not_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "articles"
    root.mkdir()
    (root / "a.txt").write_text(GOOD["a-pact.txt"], encoding="utf-8")
    (root / "a.md").write_text(GOOD["b-nato.md"], encoding="utf-8")
    assert analyze_corpus(root, tmp_path / "out", jobs=1) == 0
    err = capsys.readouterr().err
    assert f"newsbrief: warning: {root / 'a.txt'}: skipped" in err
    assert json.loads((tmp_path / "out" / "a.json").read_text())["article"]["path"] == str(
        root / "a.md"
    )


def test_map_articles_keeps_order_and_reports_errors() -> None:
    outcomes = list(map_articles(_length_or_fail, [f"p{i}" for i in range(12)], jobs=2))
    assert [o.path for o in outcomes] == [f"p{i}" for i in range(12)]
    assert [o.value for o in outcomes if o.error is None] == [2] * 9
    assert [o.error for o in outcomes if o.error] == ["odd one out"] * 3


def _length_or_fail(path: str) -> int:
    if int(path[1:]) % 4 == 3:
        raise NewsbriefError(f"{path}: odd one out")
    return len(path[:2])


def test_merged_graph_joins_an_actor_across_articles(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = merged_graph(folder, jobs=1)
    japan = graph.nodes["JPN"]
    assert japan["articles"] == [str(folder / "a-pact.txt"), str(folder / "b-nato.md")]
    assert japan["mentions"] == 3  # two in the pact article, one in the NATO article
    assert graph.nodes["TUR"]["articles"] == [str(folder / "c-grain.txt")]
    assert graph.graph["articles"] == [str(folder / n) for n in GOOD]
    for _, _, data in graph.edges(data=True):
        assert {e["article"] for e in data["evidence"]} <= set(data["articles"])
    assert "d-empty.txt" in capsys.readouterr().err


def test_graph_command_on_a_folder(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", str(folder), "--jobs", "1", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert len(nodes["JPN"]["articles"]) == 2


def _article_graph(article: str, edge_weight: int, weak: bool) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(article=article)
    g.add_node("JPN", name="Japan", type="state", mentions=2, first_unit=1, aliases=["Tokyo"])
    g.add_node("NATO", name="NATO", type="organization", mentions=1, first_unit=2, aliases=[])
    evidence = [{"unit": 1, "start": 0, "end": 5, "text": "Japan joined NATO."}]
    g.add_edge(
        "JPN",
        "NATO",
        key="joined",
        type="joined",
        polarity="cooperative",
        weak=weak,
        weight=edge_weight,
        evidence=evidence,
    )
    return g


def test_merge_graphs_sums_and_tags_evidence() -> None:
    merged = merge_graphs(
        [_article_graph("a.txt", 1, weak=True), _article_graph("b.txt", 2, weak=False)]
    )
    assert merged.graph["articles"] == ["a.txt", "b.txt"]
    assert merged.nodes["JPN"]["mentions"] == 4
    assert merged.nodes["JPN"]["aliases"] == ["Tokyo"]
    assert merged.number_of_edges() == 1
    edge = merged.edges["JPN", "NATO", "joined"]
    assert edge["weight"] == 3
    assert edge["weak"] is False
    assert edge["articles"] == ["a.txt", "b.txt"]
    assert [e["article"] for e in edge["evidence"]] == ["a.txt", "b.txt"]


def test_a_folders_own_documents_are_not_articles(tmp_path):
    for name in ("README.md", "SOURCES.md", "LICENSE.txt", "nato-summit.md", "UN-vote.txt"):
        (tmp_path / name).write_text("Japan sent officers to NATO.\n", encoding="utf-8")
    assert [p.name for p in article_paths(tmp_path)] == ["UN-vote.txt", "nato-summit.md"]


def _people_graph(article: str, *people: tuple[str, str, list[str]]) -> nx.MultiDiGraph:
    """A made-up article's graph naming persons (id, name, aliases), each mentioned once."""
    g = nx.MultiDiGraph(article=article)
    for node, name, aliases in people:
        g.add_node(node, name=name, type="person", mentions=1, first_unit=1, aliases=aliases)
    return g


def _persons(merged: nx.MultiDiGraph) -> dict[str, str]:
    return {n: d["name"] for n, d in merged.nodes(data=True) if d["type"] == "person"}


def test_one_person_named_three_ways_is_one_node_under_the_fullest_name() -> None:
    a = _people_graph("a.txt", ("ana-m-varga", "Ana M. Varga", ["Ana M. Varga Jr.", "Varga"]))
    b = _people_graph("b.txt", ("varga", "President Varga", ["President Varga"]))
    c = _people_graph("c.txt", ("anna-varga", "Anna Varga", []))
    c.add_node("ORT", name="Ortland", type="state", mentions=1, first_unit=1, aliases=[])
    for key in ("met", "praised"):
        c.add_edge("anna-varga", "ORT", key=key, type=key, weight=1, weak=False, evidence=[])
    b.add_edge("varga", "ORT", key="met", type="met", weight=2, weak=False, evidence=[])
    b.add_node("ORT", name="Ortland", type="state", mentions=1, first_unit=1, aliases=[])
    merged = merge_graphs([a, b, c])
    assert _persons(merged) == {"ana-m-varga": "Ana M. Varga"}
    node = merged.nodes["ana-m-varga"]
    assert node["articles"] == ["a.txt", "b.txt", "c.txt"]
    assert node["mentions"] == 3
    assert node["aliases"] == ["Ana M. Varga Jr.", "Varga", "Anna Varga", "President Varga"]
    met = merged.edges["ana-m-varga", "ORT", "met"]
    assert (met["weight"], met["articles"]) == (3, ["b.txt", "c.txt"])
    assert merged.has_edge("ana-m-varga", "ORT", "praised")


def test_two_full_names_of_one_surname_stay_two_and_keep_their_bare_surname_apart() -> None:
    merged = merge_graphs(
        [
            _people_graph("a.txt", ("tomas-lind", "Tomas Lind", [])),
            _people_graph("b.txt", ("petra-lind", "Petra Lind", [])),
            _people_graph("c.txt", ("lind", "Minister Lind", [])),
        ]
    )
    assert set(_persons(merged)) == {"tomas-lind", "petra-lind", "lind"}


def test_names_one_article_held_apart_or_with_other_middle_initials_stay_apart() -> None:
    merged = merge_graphs(
        [
            _people_graph("a.txt", ("jon-a-ruiz", "Jon A. Ruiz", []), ("jan-ruiz", "Jan Ruiz", [])),
            _people_graph("b.txt", ("jon-b-ruiz", "Jon B. Ruiz", [])),
        ]
    )
    assert set(_persons(merged)) == {"jon-a-ruiz", "jan-ruiz", "jon-b-ruiz"}


def test_a_styled_name_is_no_surname_and_a_relation_with_oneself_is_dropped() -> None:
    a = _people_graph("a.txt", ("king-tomas-ii", "King Tomas II", []))
    b = _people_graph("b.txt", ("ivo-tomas", "Ivo Tomas", []), ("tomas", "Dr. Tomas", []))
    b.add_edge("tomas", "ivo-tomas", key="met", type="met", weight=1, weak=False, evidence=[])
    merged = merge_graphs([a, b])
    assert _persons(merged) == {"king-tomas-ii": "King Tomas II", "ivo-tomas": "Ivo Tomas"}
    assert merged.number_of_edges() == 0


def test_a_british_suffix_is_no_surname() -> None:
    merged = merge_graphs(
        [
            _people_graph("a.txt", ("ivo-marek-jnr", "Ivo Marek Jnr", [])),
            _people_graph("b.txt", ("marek", "Marek Jr", [])),
        ]
    )
    assert _persons(merged) == {"ivo-marek-jnr": "Ivo Marek Jnr"}
