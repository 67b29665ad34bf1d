from __future__ import annotations

import pytest

from newsbrief.analysis import analyze, to_dict
from newsbrief.article import source_from_text
from newsbrief.cli import main
from newsbrief.curation import apply_overrides
from newsbrief.errors import NewsbriefError
from newsbrief.tables import claims_table

TEXT = "Russia invaded Ukraine in 2022. NATO condemned Russia. The move could matter."


@pytest.fixture
def analysis():
    return analyze(source_from_text(TEXT))


def write(tmp_path, body: str):
    path = tmp_path / "o.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_unit_fields_are_overridden_and_marked(tmp_path, analysis):
    path = write(
        tmp_path,
        "units:\n  - match: 1\n    category: assessment\n"
        "  - match: The move\n    attribution: officials\n    modality: asserted\n",
    )
    curated = apply_overrides(analysis, path)
    c1, c2 = curated.claims[1], curated.claims[2]
    assert (c1.category, c1.curated) == ("assessment", ("category",))
    assert (c2.attribution, c2.modality) == ("officials", "asserted")
    assert to_dict(curated)["units"][1]["curated"] is True
    assert claims_table(curated)["curated"].tolist() == [False, True, True]


def test_actors_and_relations_added_and_removed(tmp_path, analysis):
    path = write(
        tmp_path,
        "actors:\n  add:\n    - {id: KREMLIN-WATCHERS, name: The move, type: group}\n"
        "  remove: [NATO]\n"
        "relations:\n  add:\n    - {source: UKR, target: RUS, type: resists, "
        "polarity: conflictual, evidence: [0]}\n"
        "  remove:\n    - {source: RUS, target: UKR}\n",
    )
    curated = apply_overrides(analysis, path)
    ids = [a.id for a in curated.actors]
    assert "NATO" not in ids and "KREMLIN-WATCHERS" in ids
    added = curated.actor("KREMLIN-WATCHERS")
    assert added.curated and added.mentions[0].unit == 2
    strong = {(r.source, r.type, r.target, r.curated) for r in curated.relations if not r.weak}
    assert ("UKR", "resists", "RUS", True) in strong
    assert not any(s == "RUS" and t == "UKR" for s, _, t, _ in strong)
    assert all("NATO" not in c.actors for c in curated.claims)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("units:\n  - match: Nothing like this\n    category: event\n", ":2: override"),
        ("units:\n  - match: 1\n    category: gossip\n", ":2: category must be"),
        ("units:\n  - match: 1\n    colour: red\n", "unknown field"),
        ("units: [\n  - broken", "malformed YAML"),
        ("relations:\n  remove:\n    - {source: NATO, target: UKR}\n", ":3: relation to remove"),
    ],
)
def test_bad_overrides_name_the_line(tmp_path, analysis, body, message):
    with pytest.raises(NewsbriefError, match=message):
        apply_overrides(analysis, write(tmp_path, body))


def test_overrides_beside_article_are_picked_up(tmp_path, capsys):
    article = tmp_path / "story.txt"
    article.write_text(TEXT, encoding="utf-8")
    (tmp_path / "story.txt.overrides.yaml").write_text(
        "units:\n  - match: 0\n    category: context\n", encoding="utf-8"
    )
    assert main(["claims", str(article), "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert ",context," in rows[1] and rows[1].endswith("True")
    (tmp_path / "story.txt.overrides.yaml").write_text("units:\n  - match: 99\n", encoding="utf-8")
    assert main(["claims", str(article)]) == 2
    assert "no unit with index 99" in capsys.readouterr().err


def test_an_overrides_file_names_its_article(tmp_path):
    from newsbrief.curation import article_of_overrides, find_overrides

    (tmp_path / "memo.md").write_text("A memo.\n", encoding="utf-8")
    (tmp_path / "memo.overrides.yaml").write_text("units: []\n", encoding="utf-8")
    (tmp_path / "page.htm").write_text("<p>A page.</p>\n", encoding="utf-8")
    (tmp_path / "page.htm.overrides.yaml").write_text("units: []\n", encoding="utf-8")
    for article in ("memo.md", "page.htm"):
        overrides = find_overrides(tmp_path / article)
        assert overrides is not None
        assert article_of_overrides(overrides) == tmp_path / article


def test_train_refuses_an_overrides_file_without_its_article(tmp_path, capsys):
    orphan = tmp_path / "lost.overrides.yaml"
    orphan.write_text("units: []\n", encoding="utf-8")
    misnamed = tmp_path / "notes.yaml"
    misnamed.write_text("units: []\n", encoding="utf-8")
    expected = {
        orphan: "no article beside it (looked for lost, lost.txt, lost.md, lost.html, lost.htm)",
        misnamed: "an overrides file is named after its article (ARTICLE.overrides.yaml)",
        tmp_path / "gone.overrides.yaml": "no such overrides file",
    }
    for path, problem in expected.items():
        assert main(["train", str(tmp_path), "--overrides", str(path)]) == 2
        assert capsys.readouterr().err.splitlines() == [f"newsbrief: error: {path}: {problem}"]


def test_train_warns_of_overrides_that_set_no_label(tmp_path, capsys, monkeypatch):
    import newsbrief.claims.train as train
    import newsbrief.crossval as crossval

    (tmp_path / "memo.txt").write_text("Chile met Peru on Monday.\n", encoding="utf-8")
    (tmp_path / "memo.overrides.yaml").write_text(
        "units:\n  - match: 0\n    attribution: officials\n", encoding="utf-8"
    )
    # The gold folder is not the point here: no gold articles, no fit.
    monkeypatch.setattr(crossval, "load_gold_articles", lambda *a, **k: [])
    monkeypatch.setattr(train, "fit_models", lambda articles: {})
    monkeypatch.setattr(train, "write_models", lambda models, out: None)
    args = ["train", str(tmp_path), "--overrides", str(tmp_path / "memo.overrides.yaml")]
    assert main([*args, "--out", str(tmp_path / "m.json")]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "newsbrief: warning: memo: its overrides set no category or modality; "
        "nothing learnt from it"
    ]
    assert "fitted on 0 claims of 1 articles (0 of them an analyst's)" in captured.out
