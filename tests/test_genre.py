"""The article's genre: the hand rules, the document signals and the fitted genre model."""

from __future__ import annotations

import math

import pytest

from newsbrief.claims import load_cues
from newsbrief.claims.document import document_signals, headline_of
from newsbrief.claims.genre import read_genre, rule_genre
from newsbrief.claims.model import LinearModel
from newsbrief.claims.train import fit_genre
from newsbrief.nlp import parse
from newsbrief.parsed import ArticleParse, parse_article
from newsbrief.units import split_blocks


def parsed(text: str) -> ArticleParse:
    blocks = split_blocks(text)
    return parse_article(text, blocks, list(parse(b.text for b in blocks)))


def genre_of(text: str) -> str:
    return rule_genre(parsed(text).units, load_cues())[0]


@pytest.mark.parametrize(
    ("headline", "genre"),
    [("Fact Sheet: Allies expand training", "release"), ("Opinion: A costly delay", "opinion")],
)
def test_a_headline_word_names_the_genre(headline: str, genre: str) -> None:
    body = "The ministry expanded the programme last year. It trains officers."
    assert genre_of(f"{headline}\n\n{body}") == genre


def test_a_long_headline_without_a_full_stop_is_still_the_headline() -> None:
    headline = (
        "Joint Statement by the Foreign Ministers of the Republic of Atlantis and the Kingdom "
        "of Borduria on the Outcomes of Their Third Round of Talks in the Port City of Vellmar"
    )
    body = "We, the ministers, met in Vellmar. We agreed to open two crossings."
    p = parsed(f"{headline}\n\n{body}")
    assert headline_of(p.units) == 0
    assert genre_of(f"{headline}\n\n{body}") == "release"
    # A first paragraph that ends with a full stop is text, not a headline.
    assert headline_of(parsed(f"{body}\n\n{body}").units) is None


def test_the_country_us_is_not_the_first_person_plural() -> None:
    body = " ".join(
        f"US officials and US diplomats met in round {k}. The US Navy sailed on." for k in range(8)
    )
    assert genre_of(f"Allies meet again\n\n{body}") == "analysis"


def test_first_person_plural_without_reported_speech_reads_as_remarks() -> None:
    body = " ".join(
        f"We will stand with our partners, and we will not waver {k}." for k in range(8)
    )
    assert genre_of(f"On the alliance\n\n{body}") == "remarks"


def test_first_person_singular_outside_quotes_reads_as_opinion() -> None:
    body = " ".join(f"I find this policy wrong, and my view has not changed {k}." for k in range(8))
    assert genre_of(f"A costly mistake\n\n{body}") == "opinion"


NEWS = (
    "Borduria closes its border crossings\n\n"
    "Borduria closed two border crossings on Monday, officials said.\n\n"
    "The crossings carry most of the region's trade.\n\n"
    'The interior minister told reporters: "We will not reopen them soon."'
)


def test_document_signals_are_shares_of_the_sentences() -> None:
    p = parsed(NEWS)
    assert [u.kind for u in p.units] == ["title", "claim", "claim", "claim"]
    s = document_signals(p.units, p.spans, load_cues())
    assert s["reported"] == pytest.approx(2 / 3)
    assert s["quoted"] == pytest.approx(1 / 3)
    assert s["weekday"] == pytest.approx(1 / 3)
    assert s["first_plural"] == 0.0  # "we" only inside the quotation
    assert s["headline_sentence"] == 1.0 and s["headline_colon"] == 0.0
    assert s["present"] == pytest.approx(1 / 3)  # "carry" of three main verbs
    assert all(0.0 <= v <= 1.0 for v in s.values())


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("VELLMAR, March 4 (Reuters) - ", 1.0),
        ("VELLMAR, Borduria — ", 1.0),
        ("", 0.0),
    ],
)
def test_the_dateline_signal_reads_the_datelines_the_units_cut(
    opening: str, dateline: float
) -> None:
    # The units leave the dateline out of the claim's text; the signal reads
    # their record of it (a pattern on the claim's text no longer saw one).
    text = NEWS.replace("Borduria closed", f"{opening}Borduria closed")
    p = parsed(text)
    first = p.units[1]
    assert first.text.startswith("Borduria closed")
    assert first.dateline is bool(dateline)
    assert not any(u.dateline for u in p.units[2:])
    assert document_signals(p.units, p.spans, load_cues())["dateline"] == dateline


def _speech_model() -> LinearModel:
    return LinearModel(
        "genre",
        ("analysis", "news"),
        (0.0, -2.0),
        {"reported": (0.0, 4.0)},
        centre={"reported": 0.4},
    )


def test_the_genre_model_decides_and_says_why_in_words() -> None:
    p = parsed(NEWS)
    read = read_genre(p.units, p.spans, load_cues(), _speech_model())
    genre, cue = read.genre, read.cue
    assert genre == "news"
    assert cue.startswith("genre model p=") and "much reported speech" in cue
    quiet = parsed("Borduria's border\n\nThe crossings carry trade. They are old and narrow.")
    read = read_genre(quiet.units, quiet.spans, load_cues(), _speech_model())
    genre, cue = read.genre, read.cue
    assert genre == "analysis" and "little reported speech" in cue


def test_a_headline_naming_the_genre_overrules_the_model() -> None:
    p = parsed("Readout of the Ministers' Meeting\n\n" + NEWS.split("\n\n", 1)[1])
    read = read_genre(p.units, p.spans, load_cues(), _speech_model())
    assert (read.genre, read.cue) == ("release", "headline word 'readout'")


def test_fit_genre_reads_raw_signals_and_keeps_their_means() -> None:
    X = [{"reported": r, "first_plural": f} for r, f in ((0.6, 0.0), (0.5, 0.1), (0.7, 0.0))]
    X += [{"reported": r, "first_plural": f} for r, f in ((0.0, 0.5), (0.1, 0.6), (0.0, 0.4))]
    y = ["news"] * 3 + ["remarks"] * 3
    model = fit_genre(X, y)
    assert [model.predict(x)[0] for x in X] == y
    assert model.centre == pytest.approx({"reported": 0.3167, "first_plural": 0.2667}, abs=1e-3)
    again = LinearModel.from_dict(model.to_dict())
    assert again.centre == pytest.approx(model.centre, abs=1e-6)
    assert again.predict({"reported": 0.8, "first_plural": 0.0})[0] == "news"


def test_model_genre_takes_a_headline_word_before_the_model() -> None:
    from newsbrief.claims.genre import model_genre

    model = _speech_model()
    assert model_genre(model, {"reported": 0.9}) == "news"
    assert model_genre(model, {"reported": 0.9, "headline=release": 1.0}) == "release"


def test_articles_whose_headline_names_the_genre_do_not_train_the_model() -> None:
    from newsbrief.claims.train import headline_names_genre

    assert headline_names_genre({"reported": 0.4, "headline=release": 1.0})
    assert not headline_names_genre({"reported": 0.4, "headline=release": 0.0})


COLUMN = (
    "A disastrous bargain for Borduria\n\n"
    "The border deal is a terrible mistake for the region.\n\n"
    "It hands the crossings to a government that has broken every promise.\n\n"
    "In my view, the ministers should reject it. Who would trust Borduria again?\n\n"
    "Jane Roe is a professor of history at Vellmar University."
)


def _habits(text: str) -> tuple[str, ...]:
    from newsbrief.claims.document import columnist_habits

    p = parsed(text)
    title = headline_of(p.units)
    assert title == 0
    signals = document_signals(p.units, p.spans, load_cues())
    body = [u.text for k, u in enumerate(p.units) if u.kind == "claim" and k != title]
    return columnist_habits(p.units[title].text, body, signals, load_cues())


def test_a_column_shows_the_habits_of_a_columnist() -> None:
    assert _habits(COLUMN) == (
        "first_singular",  # "my" of "In my view"
        "stance_phrase",
        "author_line",
        "judging_lead",
        "judging_headline",
        "question",
        "prescriptive",
    )
    p = parsed(COLUMN)
    assert document_signals(p.units, p.spans, load_cues())["columnist_habits"] == pytest.approx(0.7)


def test_a_report_shows_none_of_them() -> None:
    assert _habits(NEWS) == ()
    p = parsed(NEWS)
    assert document_signals(p.units, p.spans, load_cues())["columnist_habits"] == 0.0


def test_a_subjective_word_that_neither_praises_nor_blames_does_not_judge() -> None:
    # "cold" and "key" are subjective in TextBlob but carry no valence; "wrong" blames.
    body = "\n\nThe crossings closed on Monday.\n\nOfficials said they would reopen."
    assert "judging_headline" not in _habits("A key cold front reaches Borduria" + body)
    assert "judging_headline" in _habits("A wrong turn for Borduria" + body)


@pytest.mark.parametrize(
    ("closing", "line"),
    [
        ("Jane Roe is a senior fellow at the Vellmar Institute.", True),
        ("The views expressed here are the author's own.", True),
        ("John Doe and Jane Roe served as ambassadors to Borduria.", True),
        ("The crossings are a lifeline for traders.", False),
        ("Borduria is a small country on the coast.", False),
    ],
)
def test_a_closing_line_on_the_author(closing: str, line: bool) -> None:
    text = "Borduria's border\n\nThe crossings closed on Monday.\n\n" + closing
    assert ("author_line" in _habits(text)) is line


def test_the_claims_see_the_genre_as_the_model_shares_it_out() -> None:
    from newsbrief.claims import read_article_claims

    p = parsed(NEWS)
    shares = read_genre(p.units, p.spans, load_cues(), _speech_model()).shares
    # reported 2/3: news scores -2 + 4 * 2/3 = 0.67 against analysis 0
    news = 1 / (1 + math.exp(-2 / 3))
    assert shares == pytest.approx({"news": news, "analysis": 1 - news})
    features = read_article_claims(p, load_cues(), _speech_model()).features[1]
    assert features["genre=analysis"] / features["genre=news"] == pytest.approx((1 - news) / news)
    # A genre the headline names is the one genre.
    named = parsed("Readout of the Ministers' Meeting\n\n" + NEWS.split("\n\n", 1)[1])
    assert read_genre(named.units, named.spans, load_cues(), _speech_model()).shares == {
        "release": 1.0
    }
    features = read_article_claims(named, load_cues(), _speech_model()).features[1]
    assert "genre=news" not in features and features["genre=release"] > 0
