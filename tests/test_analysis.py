from __future__ import annotations

import json

import jsonschema
import pytest

from newsbrief.analysis import analyze, from_dict, to_dict, to_json, validate
from newsbrief.article import source_from_text


def test_round_trip_through_json(default_analysis):
    data = json.loads(to_json(default_analysis))
    validate(data)
    again = from_dict(data)
    assert to_json(again) == to_json(default_analysis)


def test_schema_rejects_a_broken_document(default_analysis):
    data = to_dict(default_analysis)
    data["units"][0]["kind"] = "paragraph"
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_small_article_end_to_end():
    a = analyze(source_from_text("Russia invaded Ukraine in 2022. NATO condemned Russia."))
    assert [x.id for x in a.actors] == ["RUS", "UKR", "NATO"]
    strong = {(r.source, r.type, r.target) for r in a.relations if not r.weak}
    assert ("RUS", "invaded", "UKR") in strong
    assert ("NATO", "condemns", "RUS") in strong


def test_the_title_is_the_long_first_line_not_a_signature_heading_at_the_foot():
    from newsbrief.analysis import analyze
    from newsbrief.article import source_from_text

    headline = (
        "Joint Communique of the Foreign Minister of the Republic of Atlantis and the "
        "Foreign Minister of the Kingdom of Borduria on the results of their talks in the "
        "capital of Atlantis"
    )
    text = (
        f"{headline}\n\n"
        "The two ministers met in the capital on Monday. They agreed to expand trade.\n\n"
        "Jane Doe\n\nForeign Minister of the Republic of Atlantis\n"
    )
    analysis = analyze(source_from_text(text, "communique.txt"))
    assert len(headline.split()) > 25  # too long to be read as a heading
    assert analysis.article.title == headline
    titled = analyze(source_from_text("Talks in Atlantis\n\n" + text, "c.txt"))
    assert titled.article.title == "Talks in Atlantis"


def _live_docs() -> int:
    import gc

    from spacy.tokens import Doc

    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, Doc))


@pytest.mark.parametrize("streamed", [False, True])
def test_no_parse_is_held_while_the_claim_models_decide(monkeypatch, streamed):
    import newsbrief.analysis as analysis_module
    from newsbrief.analysis import analyze_sources
    from newsbrief.nlp import BATCH_SIZE

    paragraphs = [
        f"Ruritania will open talks with Freedonia in week {k}, the minister said."
        for k in range(2 * BATCH_SIZE)
    ]
    text = "\n\n".join(paragraphs)
    before = _live_docs()
    seen: list[int] = []
    decide = analysis_module.decide

    def counting(reading, models):
        seen.append(_live_docs() - before)
        return decide(reading, models)

    monkeypatch.setattr(analysis_module, "decide", counting)
    if streamed:
        (a,) = analyze_sources([source_from_text(text)])
    else:
        a = analyze(source_from_text(text))
    assert len([u for u in a.units if u.kind == "claim"]) == len(paragraphs)
    if streamed:
        # spaCy's pipe may still hold its last batch; the article's other Docs are gone.
        assert len(seen) == 1 and seen[0] <= BATCH_SIZE + 1
    else:
        assert seen == [0]


def test_word_count_is_the_length_of_str_split_for_every_whitespace():
    from newsbrief.analysis import word_count

    text = " Ministers\tmet\u00a0twice\u2028in\u3000Oslo;\x1cthe\x85talks\u200bended \n"
    assert word_count(text) == len(text.split()) == 7
    assert word_count("") == word_count(" \n\t") == 0
