"""Frame features of the claims model: speech acts, directives, the modal frame."""

from __future__ import annotations

import math

import pytest

from newsbrief.analysis import analyze, read_with_claims
from newsbrief.article import source_from_text
from newsbrief.claims.features import ROW_NORM, ArticleContext, scale_row
from newsbrief.claims.model import describe_feature


def scaled_features_of(text: str, index: int = -1) -> dict[str, float]:
    """The model's features of one claim of a small made-up article, as the model sees them."""
    analysis, reading = read_with_claims(source_from_text(text))
    rows = [
        f
        for c, f in zip(reading.claims, reading.features, strict=True)
        if analysis.units[c.unit].kind == "claim"
    ]
    return rows[index]


def features_of(text: str, index: int = -1) -> dict[str, float]:
    """The same features before scaling: the genres' shares always add up to 1 there."""
    f = scaled_features_of(text, index)
    unit = sum(v for k, v in f.items() if k.startswith("genre="))
    return {k: round(v / unit, 9) for k, v in f.items()}  # 1.0000000000000002 is 1


def test_scale_row_gives_the_row_its_length_and_keeps_proportions():
    assert scale_row({"a": 3.0, "b": 4.0}, 10.0) == pytest.approx({"a": 6.0, "b": 8.0})
    assert scale_row({}, 10.0) == {}
    assert scale_row({"a": 0.0}, 10.0) == {"a": 0.0}


def test_every_claim_row_has_the_same_length_however_long_the_sentence():
    short = scaled_features_of("The story opens here. Talks resumed.")
    long = scaled_features_of(
        "The story opens here. The foreign ministers of the three neighbouring states resumed "
        "their long-delayed talks on the disputed river border in the capital on Tuesday."
    )
    assert len(long) > len(short) + 10
    for row in (short, long):
        assert sum(v * v for v in row.values()) ** 0.5 == pytest.approx(ROW_NORM)
    assert sum(v for k, v in short.items() if k.startswith("genre=")) > sum(
        v for k, v in long.items() if k.startswith("genre=")
    )


@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        ("The ministry urged residents to leave the coast.", "directive", "main_act=judgement"),
        ("The council called on both parties to halt the fighting.", "directive", "modal=must"),
        ("The envoy asked about the schedule of the talks.", "main_act=directive", "directive"),
        ("The premier condemned the raid on the port.", "main_act=judgement", "directive"),
        (
            "The two leaders reaffirmed their support for the treaty.",
            "main_act=commitment",
            "directive",
        ),
        ("The army shelled the town overnight.", "main_class=FIGHT", "main_act=judgement"),
    ],
)
def test_speech_act_and_directive_features(sentence, present, absent):
    f = features_of(f"The story opens here. {sentence}")
    assert f.get(present) == 1.0
    assert absent not in f


@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        (
            "I want to thank the ferry crews for their work.",
            "main_act=judgement",
            "main_act=commitment",
        ),
        (
            "We would like to congratulate the rescuers.",
            "main_act=judgement",
            "main_act=commitment",
        ),
        ("We want to build a second ferry pier.", "main_act=commitment", "main_act=judgement"),
        ("The crews want to thank the mayor.", "main_act=commitment", "main_act=judgement"),
    ],
)
def test_a_first_person_wish_to_thank_thanks(sentence, present, absent):
    f = features_of(f"The story opens here. {sentence}")
    assert f.get(present) == 1.0
    assert absent not in f


def test_a_reporting_frame_keeps_the_reported_verb_apart():
    f = features_of("The story opens here. The minister said the army had shelled the town.")
    assert f.get("cw=shell") == 1.0  # the reported clause's own words
    assert not any(k == "speech" or k.startswith("speech=") for k in f)  # not the frame's verb
    assert f.get("content_class=FIGHT") == 1.0
    assert f.get("content_subj=agent&perfect") == 1.0
    assert "main_class=FIGHT" not in f  # the main verb is "said"


def test_modal_frame_names_modal_and_person_not_negation():
    f = features_of("The story opens here. We must not abandon the talks.")
    assert f.get("content_modal=must") == 1.0
    assert f.get("content_modal=must&we") == 1.0
    # A negated modal reads as the modal itself: "cannot" states, it does not hedge.
    assert not any(k.endswith("&not") for k in f)
    assert f.get("content_subj=first") == 1.0
    plain = features_of("The story opens here. The bridge was rebuilt in a year.")
    assert not any(k.startswith("content_modal") for k in plain)
    assert plain.get("content_subj=thing") == 1.0


def test_the_modality_model_alone_reads_each_modal_by_its_plain_name():
    contracted = features_of("The story opens here. We'll open the new bridge in May.")
    assert contracted.get("content_modal='ll") == 1.0  # the shared row keeps the spelling
    assert contracted.get("mod:content_modal=will") == 1.0
    assert contracted.get("mod:content_modal=will&we") == 1.0
    refused = features_of("The story opens here. The council won't close the old ferry.")
    assert refused.get("mod:content_modal=will") == 1.0
    assert "mod:content_modal=will&we" not in refused
    hedged = features_of("The story opens here. The floods could reach the town.")
    assert [k for k in hedged if k.startswith("mod:")] == ["mod:content_modal=could"]
    unable = features_of("The story opens here. The ferry can't cross the river in winter.")
    assert unable.get("mod:content_modal=can") == 1.0
    plain = features_of("The story opens here. The bridge was rebuilt in a year.")
    assert not any(k.startswith("mod:") for k in plain)
    assert describe_feature("mod:content_modal=will") == "modal on the claim's verb: will"
    # The shared row keeps its length without the modality model's own features.
    row = scaled_features_of("The story opens here. We'll open the new bridge in May.")
    shared = [v for k, v in row.items() if not k.startswith("mod:")]
    assert sum(v * v for v in shared) ** 0.5 == pytest.approx(ROW_NORM)


def test_frame_features_are_crossed_with_the_genre_and_read_in_words():
    f = features_of("The story opens here. The premier condemned the raid on the port.")
    # One crossed feature per genre the claims see, as large as the genre's share.
    crossed = [k for k in f if k.endswith("|main_act=judgement")]
    genres = {k.removeprefix("genre="): v for k, v in f.items() if k.startswith("genre=")}
    assert {k.split("|")[0]: f[k] for k in crossed} == pytest.approx(genres)
    assert describe_feature(crossed[0]).startswith("main verb judgement in ")
    assert describe_feature("content_subj=agent&past") == "content subject: agent, past"


def test_time_features_mark_past_perfect_and_older_years():
    text = (
        "The talks opened in Vienna in 2024. "
        "The envoys had met twice before. "
        "The treaty was signed in 1990. "
        "The second round ended in 2024."
    )
    before = features_of(text, 1)
    assert before.get("pluperfect") == 1.0
    assert "earlier_year" not in before and "latest_year" not in before
    older = features_of(text, 2)
    assert older.get("earlier_year") == 1.0 and "pluperfect" not in older
    latest = features_of(text, 3)
    assert latest.get("latest_year") == 1.0 and "earlier_year" not in latest


def test_the_articles_latest_year_is_read_once_for_all_its_claims():
    units = analyze(
        source_from_text("Talks began in 1998. They resumed in 2023. Nothing more.")
    ).units
    context = ArticleContext(units, "news", 3)
    assert context.latest_year == 2023
    assert "latest_year" in vars(context)  # kept: the next claim does not read the units again
    assert ArticleContext(units[2:], "news", 1).latest_year is None


def test_reported_clause_words_are_kept_apart_from_the_frame():
    f = features_of("The story opens here. The minister told reporters the raid was reckless.")
    assert f.get("cw=reckless") == 1.0 and f.get("cw=raid") == 1.0
    assert "cw=minister" not in f and "cw=reporter" not in f
    assert f.get("w=minister") == 1.0  # the whole sentence's words stay features too
    plain = features_of("The story opens here. The raid was reckless.")
    assert not any(k.startswith("cw=") for k in plain)
    assert describe_feature("cw=reckless") == "reported word 'reckless'"


def test_a_modal_that_hedges_nothing_is_named_by_where_it_stands():
    relative = features_of("The story opens here. Police seized guns that could be used in raids.")
    assert relative["modal_scope=restrictive_relative_clause"] == 1.0
    question = features_of("The story opens here. The envoys discussed how talks could resume.")
    assert question["modal_scope=indirect_question"] == 1.0
    plain = features_of("The story opens here. The floods could reach the town.")
    assert not any(k.startswith("modal_scope=") for k in plain)
    wish = features_of("The story opens here. May peace return to the valley.")
    assert wish["modal_scope=wish"] == 1.0
    assert not any(k.startswith("content_modal=") for k in wish)
    liked = features_of("The story opens here. We would like to thank the lifeboat crews.")
    assert liked["modal_scope=wish"] == 1.0
    assert not any(k.startswith("content_modal=") for k in liked)
    assert (
        features_of("The story opens here. The floods may reach the town.")["content_modal=may"]
        == 1.0
    )
    described = describe_feature("modal_scope=past_ability")
    assert described == "a modal that hedges nothing: past ability"
    seen = features_of("The story opens here. Smoke can be seen above the harbour.")
    assert seen["modal_scope=perception"] == 1.0
    assert not any(k.startswith("content_modal=") for k in seen)
    heard = features_of("The story opens here. Sirens could be heard across the city.")
    assert heard["modal_scope=perception"] == 1.0


@pytest.mark.parametrize(
    ("sentence", "marked"),
    [
        ("The envoy said a blockade of the harbour would halt the grain trade.", True),
        ("The envoy said there would be no second round of talks.", True),
        ("The envoy said the alliance would not send troops.", False),
        ("The envoy said it would not send troops.", False),
        ("The envoy vowed that the toll would be paid in full.", False),
        ("A blockade of the harbour would halt the grain trade.", False),
    ],
)
def test_a_reported_would_of_a_thing_is_a_prediction(sentence, marked):
    f = features_of(f"The story opens here. {sentence}")
    assert (f.get("reported_future=prediction") == 1.0) is marked
    described = describe_feature("reported_future=prediction")
    assert described == "a reported 'would' of a thing or an event: a prediction"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The minister said a raid on the port would lead to war.", "consequence=modal"),
        ("The new pipeline will strengthen the region's energy security.", "consequence=future"),
        ("The standoff risks a wider conflict along the river.", "consequence=modal"),
        ("The navy will send two frigates to the strait.", None),
        ("The new glide kit could give the old bombers a far longer reach.", "consequence=modal"),
        ("A cheap drone fleet would provide the coast guard a wider view.", "consequence=modal"),
        ("The ministry will provide two ferries for the island route.", None),
    ],
)
def test_a_verb_of_consequence_under_a_modal(sentence, value):
    f = features_of(f"The story opens here. {sentence}")
    found = [k for k in f if k.startswith("consequence=")]
    assert found == ([value] if value else [])


def test_a_past_perfect_reported_after_a_past_reporting_verb_is_no_background_mark():
    text = (
        "The talks opened in Vienna. "
        "The mediator said on Monday that the envoys had agreed on a ceasefire. "
        "The envoys had met twice before."
    )
    reported = features_of(text, 1)
    assert reported.get("reported_pluperfect") == 1.0 and "pluperfect" not in reported
    plain = features_of(text, 2)
    assert plain.get("pluperfect") == 1.0 and "reported_pluperfect" not in plain


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The new toll plan is reckless and short-sighted.", "characterizes=quality"),
        ("The harbour deal remains a fragile truce.", "characterizes=described_noun"),
        ("The town seems calm after the storm.", "characterizes=quality"),
        ("The harbour is a port on the northern coast.", None),
        ("The council approved the toll plan on Monday.", None),
    ],
)
def test_a_linking_verb_with_a_describing_complement_characterizes(sentence, value):
    f = features_of(f"The story opens here. {sentence}")
    found = [k for k in f if k.startswith("characterizes=")]
    assert found == ([value] if value else [])
    if value:  # crossed with the genre, as the guide's opinion rule is
        assert any(k.endswith(f"|{value}") for k in f)


@pytest.mark.parametrize(
    "subject",
    ["Frightened civilians", "Local journalists", "The court", "The rebels"],
)
def test_people_and_bodies_named_by_role_are_agents_not_things(subject):
    # A person or body named only by its role can hold a view and act; a
    # subject like "the bridge" cannot.
    f = features_of(f"The story opens here. The paper said {subject.lower()} had refused to wait.")
    assert f.get("content_subj=agent&perfect") == 1.0
    assert "content_subj=thing" not in f


@pytest.mark.parametrize(
    ("sentence", "graded"),
    [
        ("The villagers have waited far too long for the bridge.", True),
        ("The envoy gave a very candid account of the talks.", True),
        ("The council was so divided that it adjourned.", True),
        ("The council adjourned, so the vote was delayed.", False),
        ("The envoy gave an account of the talks.", False),
    ],
)
def test_a_degree_word_on_an_adjective_or_adverb_grades(sentence, graded):
    f = features_of("The story opens here. " + sentence)
    assert (f.get("degree_word") == 1.0) is graded
    crossed = [k for k in f if k.endswith("|degree_word")]
    assert bool(crossed) is graded


@pytest.mark.parametrize(
    ("sentence", "focus"),
    [
        ("Only two ferries crossed the strait.", True),
        ("The ceasefire was merely a pause in the shelling.", True),
        ("Even the allies objected to the plan.", True),
        ("Two ferries crossed the strait.", False),
    ],
)
def test_a_focus_word_sets_a_claim_against_what_was_expected(sentence, focus):
    f = features_of("The story opens here. " + sentence)
    assert (f.get("focus_word") == 1.0) is focus
    assert any(k.endswith("|focus_word") for k in f) is focus


def test_a_past_state_is_marked_apart_from_a_past_act_and_a_present_state():
    text = (
        "The story opens here. "
        "The valley was home to three fishing villages. "
        "The rebels burned the bridge at dawn. "
        "The valley is home to three fishing villages."
    )
    state = features_of(text, 1)
    assert state.get("past_state") == 1.0
    genres = {k.removeprefix("genre="): v for k, v in state.items() if k.startswith("genre=")}
    crossed = {k.split("|")[0]: v for k, v in state.items() if k.endswith("|past_state")}
    assert crossed == pytest.approx(genres)
    assert "past_state" not in features_of(text, 2)  # an act
    assert "past_state" not in features_of(text, 3)  # a state that holds now


@pytest.mark.parametrize(
    ("sentence", "prescribes"),
    [
        ("The unions' demands include a shorter working week.", True),
        ("All parties are under an obligation to publish their accounts.", True),
        ("The unions demand a shorter working week.", False),  # the verb: an appeal frame
        ("All parties published their accounts.", False),
    ],
)
def test_a_noun_of_obligation_or_demand_is_a_prescriptive_cue(sentence, prescribes):
    f = features_of("The story opens here. " + sentence)
    assert (f.get("lex=prescriptive_nouns") == 1.0) is prescribes


@pytest.mark.parametrize(
    ("sentence", "prior", "habitual"),
    [
        ("The council has previously rejected the harbour plan.", True, False),
        ("The two villages first shared a ferry in the spring.", True, False),
        ("The rebels have repeatedly shelled the old port.", False, True),
        ("The ferry still crosses the bay twice a day.", False, True),
        ("The council rejected the harbour plan on Tuesday.", False, False),
        ("The envoys spoke again after the earlier round of talks.", False, False),
    ],
)
def test_adverbs_of_anteriority_and_frequency_mark_background(sentence, prior, habitual):
    f = features_of("The story opens here. " + sentence)
    assert (f.get("prior_adverb") == 1.0) is prior
    assert (f.get("habitual_adverb") == 1.0) is habitual
    assert any(k.endswith("|prior_adverb") for k in f) is prior


@pytest.mark.parametrize(
    ("sentence", "describes"),
    [
        ("Marlow, a small river port on the coast, exported grain.", True),
        ("The envoys visited Marlow, which borders the salt lake.", True),
        ("The envoys visited the mayor of Marlow on Tuesday.", False),
        ("The port that Marlow built exported grain.", False),
    ],
)
def test_a_name_described_in_passing_is_marked(sentence, describes):
    f = features_of("The story opens here. " + sentence)
    assert (f.get("describes_a_name") == 1.0) is describes


def test_a_past_clause_after_an_older_year_recounts_the_history():
    text = (
        "The talks opened in Vienna in 2024. "
        "The treaty was signed in 1990. "
        "Both sides later withdrew from it. "
        "The treaty is a relic of that era. "
        "The second round ended in 2024. "
        "The envoys then left the city."
    )
    assert features_of(text, 2).get("follows_an_earlier_year") == 1.0
    assert "follows_an_earlier_year" not in features_of(text, 3)  # present: no history
    assert "follows_an_earlier_year" not in features_of(text, 5)  # after the latest year
    assert "follows_an_earlier_year" not in features_of(text, 1)  # the dated sentence itself


def test_the_modal_may_names_no_date():
    wish = features_of("The story opens here. May the new year bring the hostages home.")
    assert "date" not in wish
    month = features_of("The story opens here. The talks resumed in May.")
    assert month["date"] == 1.0


def test_a_reporter_question_in_a_transcript_is_marked_as_asked():
    text = (
        "The story opens here. The minister spoke to reporters at the harbour.\n\n"
        "Q Madam Minister, thank you. Will the ferry resume its crossings before the storms?\n\n"
        "THE MINISTER: Why would anyone doubt the crossings? The boats are ready."
    )
    analysis, reading = read_with_claims(source_from_text(text))
    asked = {
        analysis.units[c.unit].text: "press_question" in f
        for c, f in zip(reading.claims, reading.features, strict=True)
    }
    assert asked["Will the ferry resume its crossings before the storms?"] is True
    assert asked["THE MINISTER: Why would anyone doubt the crossings?"] is False
    assert asked["The boats are ready."] is False


def test_a_quotation_mark_enters_crossed_with_the_genre():
    text = 'The story opens here. "The ferry will sail at dawn," the harbour master said.'
    f = features_of(text)
    assert f.get("quote") == 1.0
    genres = {k.removeprefix("genre="): v for k, v in f.items() if k.startswith("genre=")}
    crossed = {k.split("|")[0]: v for k, v in f.items() if k.endswith("|quote")}
    assert crossed == pytest.approx(genres)
    plain = features_of("The story opens here. The ferry sailed at dawn.")
    assert "quote" not in plain
    assert not any(k.endswith("|quote") for k in plain)


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("The governors discussed their commitment to a calm border.", "commitment"),
        ("The rangers stayed steadfast in their support for the park.", "commitment"),
        ("The envoy raised concerns about the dam.", "judgement"),
        ("The councils repeated their condemnation of the raid.", "judgement"),
        ("Support for the new bridge grew over the winter.", None),
        ("The dam's importance grew over the decade.", None),
    ],
)
def test_a_partys_commitment_or_judgement_named_by_a_noun(sentence, stance):
    f = features_of(f"The story opens here. {sentence}")
    found = [k for k in f if k.startswith("stance_noun=")]
    assert found == ([f"stance_noun={stance}"] if stance else [])
    assert describe_feature("stance_noun=commitment") == "a party's commitment named by a noun"


@pytest.mark.parametrize(
    ("sentence", "of_thing"),
    [
        ("The new ferry will strengthen the town's trade.", True),
        ("Closer ties could weaken the cartel.", True),
        ("The ferry company will strengthen its fleet.", False),
        ("The rebels will not be allowed to regroup.", False),
        ("The bridge was closed for a week.", False),
    ],
)
def test_a_consequence_a_thing_brings_is_marked_apart_and_crossed_with_the_genre(
    sentence, of_thing
):
    f = features_of(f"The story opens here. {sentence}")
    assert ("consequence_of_thing" in f) is of_thing
    assert any(k.endswith("|consequence_of_thing") for k in f) is of_thing


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("The tribunal found that the ferry levy was unlawful.", True),
        ("The new bridge is widely seen as a turning point for the valley.", True),
        ("Critics described the harbour plan as reckless.", True),
        ("The divers found the keys under the pier.", False),
        ("Residents saw the convoy on the coast road.", False),
    ],
)
def test_a_verb_of_verdict_with_a_clause_or_as_marks_a_judgement(sentence, verdict):
    f = features_of(f"The story opens here. {sentence}")
    assert ("verdict_verb" in f) is verdict
    assert describe_feature("verdict_verb") == "verdict verb"


def test_scale_row_shares_one_float_per_value_and_keeps_the_sign_of_zero():
    row = scale_row({"a": 1.0, "b": 1, "c": 2.0, "d": 1.0, "e": -0.0, "f": 0.0, "g": 3.0}, 2.0)
    assert row == {"a": 0.5, "b": 0.5, "c": 1.0, "d": 0.5, "e": 0.0, "f": 0.0, "g": 1.5}
    assert row["a"] is row["b"] is row["d"] and isinstance(row["b"], float)
    assert math.copysign(1.0, row["e"]) == -1.0 and math.copysign(1.0, row["f"]) == 1.0


def test_the_rules_category_of_a_reported_claim_is_marked_apart():
    reported = features_of(
        "The story opens here. The harbour master said the ferry sailed at dawn."
    )
    assert reported.get("attributed") == 1.0
    assert reported.get("rule_cat=event") == 1.0
    assert reported.get("rule_cat_reported=event") == 1.0
    own = features_of("The story opens here. The ferry sailed at dawn.")
    assert own.get("rule_cat=event") == 1.0
    assert "attributed" not in own
    assert not any(k.startswith("rule_cat_reported=") for k in own)
    assert describe_feature("rule_cat_reported=event") == (
        "the category rules read a reported claim as event"
    )


def test_rule_cues_name_which_rules_they_are():
    """The modality model weighs the category rules too: a cue says whose reading it is."""
    assert describe_feature("rule_cat=event") == "the category rules read it as event"
    assert describe_feature("rule_mod=hedged") == "the modality rules read it as hedged"
