"""Modality rules on invented sentences: what decides asserted, hedged or prescriptive."""

from __future__ import annotations

import pytest

from newsbrief.analysis import read_with_claims
from newsbrief.article import source_from_text


def rules_of(text: str) -> list[tuple[str, str]]:
    """(modality, deciding cue) of every claim or list item, by the rules alone."""
    a, reading = read_with_claims(source_from_text(text))
    return [
        (c.modality, c.cues["modality"][0])
        for c in reading.claims
        if a.units[c.unit].kind == "claim"
    ]


LIST_CASES = {
    # A list item takes the force of the lead-in or heading it stands under.
    "prescriptive-lead-in": (
        "The report says the ministry should take three steps:\n",
        "prescriptive",
        "lead-in:should",
    ),
    "goals-lead-in": ("Officials named three goals for the mission:\n", "asserted", None),
    "recommendations-heading": ("Recommendations\n\n", "prescriptive", "section:"),
}


@pytest.mark.parametrize(("above", "modality", "cue"), LIST_CASES.values(), ids=LIST_CASES)
def test_list_items_take_the_force_of_what_introduces_them(above, modality, cue):
    text = (
        "The panel met in Oslo on Monday.\n\n"
        f"{above}"
        "- Expand the coast guard fleet\n"
        "- Fund new radar stations\n"
    )
    items = rules_of(text)[1:]
    assert [m for m, _ in items] == [modality, modality]
    if cue is not None:  # "section:" names its heading after the colon
        assert all(c.startswith(cue) if cue.endswith(":") else c == cue for _, c in items)


CLAUSE_CASES = {
    # Only the verb "need" prescribes; the noun does not.
    "need-noun": ("The ministers stressed the need to lower tariffs.", "asserted"),
    "need-noun-2": ("The region has an urgent need to recruit nurses.", "asserted"),
    "need-verb": ("The ministers need to lower tariffs.", "prescriptive"),
    "need-verb-reported": ("Farmers said the state needs to build dams.", "prescriptive"),
    # "has to do with" says what something concerns; "has to" alone obliges.
    "has-to-do-with": ("The quarrel has to do with fishing rights.", "asserted"),
    "have-to-do-with": ("The delays have to do with the storms.", "asserted"),
    "has-to": ("The port has to close by Friday.", "prescriptive"),
    # "can" hedges only under a condition.
    "can-if": ("If it is ratified, the treaty can end the dispute.", "hedged"),
    "can-unless": ("Unless talks resume, the strike can spread to ports.", "hedged"),
    "can-plain": ("The pilots can fly at night.", "asserted"),
    "if-then": ("If the rebels cross the river, then the army holds the bridge.", "asserted"),
    "if-then-could": ("If the rebels cross the river, then the bridge could fall.", "hedged"),
    "cannot": ("Peace cannot be won on the battlefield alone.", "asserted"),
    # Reportative passives hedge; the same words in other forms do not.
    "expected-to": ("The vote is expected to take place in May.", "hedged"),
    "believed-to": ("The rebels are widely believed to hold the town.", "hedged"),
    "said-to": ("The minister was said to favor a delay.", "hedged"),
    "as-expected": ("The vote took place in May as expected.", "asserted"),
    "active-believe": ("The rebels believe they hold the town.", "asserted"),
    # A hedging modal hedges its claim ...
    "could-plain": ("The floods could reach the town by Friday.", "hedged"),
    "could-reported": ("The mayor said the floods could reach the town.", "hedged"),
    "could-comment": ("The deal, which could end the war, was signed in Doha.", "hedged"),
    "may-inside": ("The strike may delay the harvest.", "hedged"),
    "would-plain": ("A long strike would cripple the ports.", "hedged"),
    "d-is-had": ("They’d already left the harbour by noon.", "asserted"),
    # "must" with a perfect infinitive infers; with a plain one it obliges.
    "must-have-known": ("The pilots must have known about the storm.", "hedged"),
    "must-have-been": ("The depot must have been hit twice.", "hedged"),
    "must-act": ("The pilots must report every storm.", "prescriptive"),
    "must-have-object": ("The pilots must have a licence.", "prescriptive"),
    # "should" of a condition obliges no one; in a question it still asks for advice.
    "should-inverted": ("Should the dam break, the valley will flood.", "asserted"),
    "should-inverted-after": ("The valley will flood should the dam break.", "asserted"),
    "if-should": ("If the dam should break, the valley will flood.", "asserted"),
    "should-plain": ("The council should repair the dam.", "prescriptive"),
    "had-better": ("The rebels had better leave the valley.", "prescriptive"),
    "d-better-not": ("You’d better not cross the river.", "prescriptive"),
    "had-better-noun": ("The two ports had better roads then.", "asserted"),
    "time-for": ("It is time for the council to repair the dam.", "prescriptive"),
    "high-time": ("It’s high time the council repaired the dam.", "prescriptive"),
    "time-passed": ("It was a hard time for the valley.", "asserted"),
    # "I must say" / "I have to admit" are done by saying them.
    "must-say": ("I must say the new bridge looks splendid.", "asserted"),
    "have-to-admit": ("I have to admit the new bridge looks splendid.", "asserted"),
    "must-repair": ("I must repair the old bridge first.", "prescriptive"),
    "they-must-say": ("The builders must say when the bridge opens.", "prescriptive"),
    "should-question": ("Should the council repair the dam?", "prescriptive"),
    # ... but not where it only describes, asks, wishes or reports a pledge.
    "indirect-question": ("The envoys discussed how the talks could resume.", "asserted"),
    # ... also when the parser hangs the wh-word inside the clause's first phrase.
    "indirect-question-wh-inside": (
        "The ministers traded ideas on how regional and trade ties between the ports could grow.",
        "asserted",
    ),
    "when-clause-inside": ("He said that when the troops arrive they could fight.", "hedged"),
    "thats-why": ("That's why the unrest could spread to the ports.", "hedged"),
    "restrictive-relative": ("Police seized rifles that could be used in attacks.", "asserted"),
    "purpose": ("The shelter was built so that families could sleep safely.", "asserted"),
    "as-you-may-know": ("As you may know, the ferry stopped sailing in June.", "asserted"),
    "whatever-may": ("Whatever may happen, the ferry keeps sailing.", "asserted"),
    "however-long": ("However long it may take, the ferry keeps sailing.", "asserted"),
    "no-matter-what": ("No matter what the court may rule, the ferry keeps sailing.", "asserted"),
    "however-linking": ("However, the ferry may stop sailing.", "hedged"),
    "past-inability": ("The convoy could not reach the town.", "asserted"),
    "perceived": ("Gunfire could be heard across the city.", "asserted"),
    "perceived-can": ("Smoke can be seen from the valley.", "asserted"),
    "wish": ("May peace return to the valley.", "asserted"),
    "would-like": ("We would like to thank the lifeboat crews.", "asserted"),
    "would-prefer": ("The farmers would prefer a later harvest date.", "asserted"),
    "d-like": ("“I’d like to see the bridge rebuilt,” the mayor said.", "asserted"),
    "would-rather": ("The union would rather strike than accept the offer.", "asserted"),
    "pledge": ("The government vowed that it would rebuild the bridge.", "asserted"),
    # An open question is no hedge of the claim that states it.
    "unclear-whether": ("It is unclear whether the talks will resume.", "asserted"),
    # A passive request, full or reduced, is no appeal; an appeal in the perfect is.
    "asked-reduced": ("Asked about the plan, the minister said it was on schedule.", "asserted"),
    "asked-perfect": ("The minister has asked donors to send more aid.", "prescriptive"),
    "urged-past": ("The minister urged donors to send more aid.", "prescriptive"),
    # A first-person belief or hope with its clause left out hedges; said out, it asserts.
    "hope-so": ("Will the bridge reopen in June? We hope so.", "hedged"),
    "think-not": ("Will the mayor resign? I think not.", "hedged"),
    "hoping-bare": ("Will the rain stop soon? I'm hoping.", "hedged"),
    "asked-then-so": ("You ask me whether the dam will hold — I think so.", "hedged"),
    "think-clause": ("I think the bridge will reopen in June.", "asserted"),
    "they-hope-so": ("Will the bridge reopen? The builders hope so.", "asserted"),
    # A hedge on the reporting verb leaves the quoted words unvouched.
    "reportedly-told": ("“You must leave now,” the captain reportedly told the crew.", "hedged"),
    "allegedly-said": ("The envoy allegedly said the port should close.", "hedged"),
}


@pytest.mark.parametrize(("sentence", "modality"), CLAUSE_CASES.values(), ids=CLAUSE_CASES)
def test_modality_reads_the_clause_around_the_cue(sentence, modality):
    """A cue counts in the clause it qualifies: a modal hedges its claim, not a question."""
    assert rules_of(f"The story opens here. {sentence}")[-1][0] == modality


def test_an_unvouched_demand_keeps_its_category():
    """ "reportedly told ... must" hedges the report; the words still prescribe."""
    _, reading = read_with_claims(
        source_from_text("The story opens here. “You must leave now,” the captain reportedly said.")
    )
    last = reading.claims[-1]
    assert (last.category, last.modality) == ("recommendation", "hedged")
    assert last.cues["modality"] == ("report:reportedly",)


def test_a_reporter_question_asserts_nothing():
    """A press question is hedged; the speaker's own question and statements are not."""
    text = (
        "The story opens here. The minister spoke to reporters at the harbour.\n\n"
        "Q Madam Minister, thank you. Will the ferry resume its crossings before the storms?\n\n"
        "THE MINISTER: Why would anyone doubt the crossings? The boats are ready."
    )
    analysis, reading = read_with_claims(source_from_text(text))
    read = {
        analysis.units[c.unit].text: (c.modality, c.cues["modality"][0])
        for c in reading.claims
        if analysis.units[c.unit].kind == "claim"
    }
    asked = read["Will the ferry resume its crossings before the storms?"]
    assert asked == ("hedged", "question:asked by a reporter")
    assert read["THE MINISTER: Why would anyone doubt the crossings?"][1] != asked[1]
    assert read["The boats are ready."] == ("asserted", "default:no modal or hedge")
