"""The category rules: event, context, objective, assessment, implication, recommendation.

Rules are tried in order and the first that fires decides, with its cue; the
section a claim sits in is a prior that a stronger cue overrides.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypeAlias

from .cues import (
    Cues,
    _has_pattern,
    _has_phrase,
)
from .modality import (
    _elided_stance,
    _hedging_modals,
    _hoping,
    _if_then,
    _section_prior,
)
from .reading import (
    Reading,
    clause_aspect,
    clause_subject,
    is_agent,
    receives_guest,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


__all__ = ["category_of"]


Ruling: TypeAlias = tuple[str, tuple[str, ...]] | None
"""A rule's decision (category and cues), or None when the rule does not fire."""

Prior: TypeAlias = tuple[str, str] | None
"""The section heading's category and the heading, or None outside such a section."""


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


_MONTH_DAY = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2}\b|\b\d{1,2}\s+(January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday)\b"
)


_SINCE_YEAR = re.compile(r"\bsince (?:1[89]\d\d|20\d\d)\b", re.IGNORECASE)


def category_of(r: Reading, modality: str, cues: Cues, first: bool) -> tuple[str, tuple[str, ...]]:
    """The unit's category and the cues that decided it (first rule that fires)."""
    prior = _section_prior(r.section, cues)
    for rule in (_rule_prescriptive, _rule_scene, _rule_hedged, _rule_objective, _rule_assessment):
        decided = rule(r, modality, cues, prior)
        if decided:
            return decided
    return _rule_tense(r, cues, prior, first)


def _rule_prescriptive(r: Reading, modality: str, cues: Cues, prior: Prior) -> Ruling:
    if modality == "prescriptive":
        return "recommendation", ("modality:prescriptive",)
    return None


_PERCEPTION = frozenset({"see", "hear", "watch", "show", "depict", "capture", "film"})


def _rule_scene(r: Reading, modality: str, cues: Cues, prior: Prior) -> Ruling:
    """What footage or a witness shows is an occurrence (the guide's event), not a judgement.

    "smoke can be seen billowing", "sirens can be heard", "the video shows
    children playing": a verb of perception, passive (without "seen *as*",
    which characterizes) or with a depicting subject (video, images), reports
    what was observed. Without this rule "can" and "appear" in such a
    description read as a hedge and the scene as an assessment.
    Leave-one-article-out (development / held-out), category lenient/strict/
    macro-F1: 0.700/0.652/0.657 and 0.696/0.660/0.649 before, 0.702/0.653/0.659
    and 0.701/0.663/0.649 with it; modality 0.952/0.931 -> 0.952/0.932.
    """
    verb = r.root
    if verb.lemma_.lower() not in _PERCEPTION or verb.pos_ != "VERB":
        return None
    children = list(verb.children)
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in children):
        return None  # "is seen as a symbol of": a characterization
    subj = clause_subject(verb)
    if (
        any(c.dep_ == "auxpass" for c in children)
        or _perceived_doing(children)
        or (subj is not None and subj.lemma_.lower() in cues.words("category", "evidence_nouns"))
    ):
        return "event", (f"scene:{verb.lemma_.lower()}",)
    return None


def _perceived_doing(children: list[Token]) -> bool:
    """A perception verb with what it perceives going on: "saw medics carrying", "shows X playing".

    Direct perception takes a bare or -ing complement ("saw soldiers
    firing", "heard children screaming"): the grammar of witnessing an
    occurrence, where "saw that ..." or "saw it as ..." report a
    conclusion. The parser hangs the -ing verb on the object (acl) or makes
    it a clausal complement with its own subject; both count, but not a
    finite clause ("saw that they were leaving": a mark or an auxiliary).
    Development half: two such sentences, both events (the scene rule then
    fires on 9 claims, all events). Leave-one-article-out (development /
    held-out), with the scene kept by :func:`.joint_category`,
    category lenient/strict/macro-F1: 0.757/0.712/0.720 and 0.714/0.674/0.652
    before, 0.759/0.714/0.721 and 0.714/0.674/0.652 with it; modality
    unchanged (0.971 / 0.936). Before the scene was kept, the model overrode
    the rule here and the development half did not move.
    """
    nouns = [c for c in children if c.dep_ == "dobj"]
    nouns += [g for c in children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"]
    return any(c.dep_ == "ccomp" and c.tag_ == "VBG" and _nonfinite(c) for c in children) or any(
        g.tag_ == "VBG" and g.dep_ == "acl" for n in nouns for g in n.children
    )


def _nonfinite(verb: Token) -> bool:
    """Whether a clause has neither a mark ("that", "as") nor an auxiliary ("were leaving")."""
    return not any(c.dep_ in ("mark", "aux", "auxpass") for c in verb.children)


def _rule_hedged(r: Reading, modality: str, cues: Cues, prior: Prior) -> Ruling:
    cue = _implication_cue(r, cues)
    if cue:
        return "implication", (cue,)
    modals = _hedging_modals(r, cues)
    if modals:
        md = modals[0]
        if prior and prior[0] == "recommendation" and md.lower_ != "would":
            return "recommendation", (f"section:{prior[1]}", f"modal:{md.lower_}")
        if any(c.lower_ == "have" for c in md.head.children if c.dep_ == "aux"):
            return "assessment", (f"modal perfect:{md.lower_} have",)
        return "implication", (f"modal:{md.lower_}",)
    # The word set is looked up once per claim, not once per token (the rules'
    # category over the 35 corpus texts' claims: 58-59 -> 54-55 ms CPU, min of 7).
    hedge_verbs = cues.words("modality", "hedge_verbs")
    if any(t.lemma_.lower() in hedge_verbs for t in r.span):
        return "assessment", ("verb:appear/seem",)
    if modality == "hedged" and _elided_wish(r, cues):
        return "objective", ("stance: wish, clause left out",)
    if modality == "hedged":
        if clause_aspect(r.content) == "future" or _if_then(r) or _has_phrase(r.lower, _DOUBT):
            return "implication", ("hedged future or doubt",)
        return "assessment", ("hedged present",)
    return None


def _implication_cue(r: Reading, cues: Cues) -> str | None:
    """The guide's outlook signal the unit holds: a phrase, a pattern or the verb "risk"."""
    hit = _has_phrase(r.lower, cues.words("category", "implication_phrases"))
    if hit:
        return f"phrase:{hit}"
    found = _has_pattern(r.lower, cues, "category", "implication_patterns")
    if found:
        return f"pattern:{found}"
    risked = _risks(r)
    return f"verb:{risked.lower_} (what may follow)" if risked is not None else None


def _risks(r: Reading) -> Token | None:
    """The guide's "risks": the verb with what is put at stake ("risks widening the war").

    Risking names what may follow, whether or not a modal hedges it; only
    the verb with an object or a clause, not the noun ("the risks facing
    farmers"). The parser often tags "risks" before an -ing verb as a noun
    heading the sentence, so a root or a word with a subject counts as the verb.
    No development claim has it; leave-one-article-out, no prediction changed
    (development / held-out lenient 0.771 / 0.714, modality 0.971 / 0.936).
    """
    for tok in r.span:
        if tok.lemma_.lower() != "risk":
            continue
        verbal = tok.pos_ == "VERB" or tok.dep_ == "ROOT" or _has_dep(tok, ("nsubj",))
        staked = _has_dep(tok, ("dobj", "xcomp", "ccomp")) or any(
            c.dep_ == "acl" and c.tag_ == "VBG" for c in tok.children
        )
        if verbal and staked:
            return tok
    return None


def _has_dep(tok: Token, deps: tuple[str, ...]) -> bool:
    """Whether a word has a child in one of the dependency relations ``deps``."""
    return any(c.dep_ in deps for c in tok.children)


# Stance verbs that hold the elided clause as a wish, not as a belief.
_WISHES = frozenset({"hope", "pray", "wish"})


def _elided_wish(r: Reading, cues: Cues) -> bool:
    """A first-person "I'm hoping", "we pray so": a wish with its clause left out.

    The modality rules read such a reply as hedged (:func:`.modality._elided_stance`),
    and a hedged claim reads as an outlook or a judgement; but hoping and
    praying hold the proposition asked about as the speaker's aim (the
    guide's objective), where "I think so" holds it as a belief.
    Leave-one-article-out (development / held-out), category lenient/strict/
    macro-F1: 0.738/0.693/0.707 and 0.712/0.670/0.650 before,
    0.738/0.693/0.708 and 0.714/0.674/0.655 after; modality 0.952 overall.
    """
    stance = _elided_stance(r, cues)
    return stance is not None and (stance.lemma_.lower() in _WISHES or _hoping(stance) in _WISHES)


_DOUBT = frozenset({"whether", "doubt", "skeptical", "sceptical", "uncertain"})


def _rule_objective(r: Reading, modality: str, cues: Cues, prior: Prior) -> Ruling:
    hit = _has_phrase(r.lower, cues.words("category", "objective_phrases"))
    if (
        hit
        and not (hit == "to ensure" and clause_aspect(r.content) in ("past", "perfect"))
        and _names_an_aim(r, hit)
    ):
        return "objective", (f"phrase:{hit}",)
    if r.item_under is not None:
        lead = r.item_under.text.lower()
        word = _has_phrase(lead, cues.words("category", "objective_lead_in"))
        if word:
            return "objective", (f"lead-in:{word}",)
    if r.unit.list_item:
        first = next((t for t in r.span if not t.is_punct), None)
        if first is not None and first.tag_ == "VB" and first.i == r.span.start:
            return "objective", ("list item starts with a bare verb",)
    if prior and prior[0] == "objective":
        return "objective", (f"section:{prior[1]}",)
    return _stated_position(r, cues)


def _names_an_aim(r: Reading, hit: str) -> bool:
    """Whether a "goal is" phrase has the noun as the subject of "is" ("our goal is to ...").

    The words also meet across two clauses: in "the claim that we did not
    achieve the objective is absurd", "objective" is the object of
    "achieve" and "is" judges the claim. Leave-one-article-out (development /
    held-out), category lenient/strict/macro-F1: 0.721/0.672/0.682 and
    0.708/0.668/0.649 before, 0.722/0.674/0.683 and 0.708/0.668/0.649 after.
    """
    noun, _, verb = hit.partition(" ")
    if verb != "is":
        return True
    return any(t.lower_ == noun and t.dep_ == "nsubj" and t.head.lemma_ == "be" for t in r.span)


def _stated_position(r: Reading, cues: Cues) -> Ruling:
    """An actor that reaffirms, pledges or commits states a position (the guide's readout rule)."""
    verb = r.root
    lemma = verb.lemma_.lower()
    if not is_agent(clause_subject(verb), cues, r.actor_tokens):
        return None
    if lemma in cues.words("modality", "commissive_verbs"):
        return "objective", (f"verb:{lemma}",)
    noun = _object_in(verb, cues.words("category", "commitment_nouns"))
    delivering = cues.words("category", "cognition_verbs") | cues.words(
        "category", "delivering_verbs"
    )
    if noun and lemma in delivering:
        return "objective", (f"verb:{lemma} {noun}",)  # "underscored the importance of"
    return _restated(r, cues)


def _restated(r: Reading, cues: Cues) -> Ruling:
    """A party that emphasizes or underscores restates a position (the readout tie-break).

    Only when what it restates is not itself a characterization ("stressed
    that the risk is unacceptable", "underscored that the two are rivals") or
    an outlook for a thing ("stressed that the step will advance the effort").
    """
    speech = r.speech
    if speech is None or speech.lemma_.lower() not in cues.words("category", "restating_verbs"):
        return None
    subj = clause_subject(speech)
    if subj is None and speech.dep_ == "conj":
        subj = clause_subject(speech.head)
    if not is_agent(subj, cues, r.actor_tokens):
        return None
    if clause_aspect(r.content) == "future" and not is_agent(
        clause_subject(r.content), cues, r.actor_tokens
    ):
        return None
    if r.content.lemma_ == "be":
        return None  # "emphasized that the two are in competition" characterizes
    return "objective", (f"verb:{speech.lemma_.lower()} (stated position)",)


def _object_in(verb: Token, nouns: frozenset[str]) -> str | None:
    """The verb's direct object's lemma when it is one of ``nouns``."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in nouns:
            return child.lemma_.lower()
    return None


def _judgement(r: Reading, cues: Cues) -> Ruling:
    """An actor that condemns, welcomes or voices a concern judges (the guide's readout rule)."""
    verb = r.root
    lemma = verb.lemma_.lower()
    if not is_agent(clause_subject(verb), cues, r.actor_tokens):
        return None
    if lemma in cues.words("category", "judgement_verbs") and not receives_guest(
        verb, cues, r.actor_tokens
    ):
        return "assessment", (f"verb:{lemma}",)
    noun = _object_in(verb, cues.words("category", "judgement_nouns"))
    if noun:
        return "assessment", (f"verb:{lemma} {noun}",)  # "raised concerns", "paid tribute"
    return None


def _rule_assessment(r: Reading, modality: str, cues: Cues, prior: Prior) -> Ruling:
    hit = _has_phrase(r.lower, cues.words("category", "opinion_phrases"))
    if hit:
        return "assessment", (f"phrase:{hit}",)
    judged = _judgement(r, cues)
    if judged:
        return judged
    root = r.root
    lemma = root.lemma_.lower()
    subj = clause_subject(root)
    evidence = cues.words("category", "evidence_nouns")
    if (
        lemma in cues.words("category", "assessment_verbs")
        and not is_agent(subj, cues, r.actor_tokens)
        and not (subj is not None and subj.lemma_.lower() in evidence)
    ):
        return "assessment", (f"verb:{lemma} with non-agent subject",)
    if r.speech is not None and r.speech.lemma_.lower() in cues.words(
        "category", "cognition_verbs"
    ):
        if clause_aspect(r.content) == "future":
            if is_agent(clause_subject(r.content), cues, r.actor_tokens):
                return None  # "noted that Canada will send ships": a reported plan
            return "implication", (f"verb:{r.speech.lemma_} + future",)
        return "assessment", (f"verb:{r.speech.lemma_}",)
    return _evaluative_predicate(r.content, cues)


def _evaluative_predicate(verb: Token, cues: Cues) -> Ruling:
    if verb.lemma_ != "be" or clause_aspect(verb) == "future":
        return None
    for child in verb.children:
        if child.dep_ in ("acomp", "attr"):
            words = {child.lemma_.lower()} | {c.lemma_.lower() for c in child.children}
            adj = words & cues.words("category", "evaluative_adjectives")
            noun = words & cues.words("category", "evaluative_nouns")
            sign = child.lemma_.lower()
            if child.dep_ == "attr" and sign in cues.words("category", "sign_nouns"):
                noun.add(sign)  # "is a sign of", "was a clear signal that"
            if adj or noun:
                return "assessment", (f"evaluative:{sorted(adj | noun)[0]}",)
    return None


def _rule_tense(r: Reading, cues: Cues, prior: Prior, first: bool) -> tuple[str, tuple[str, ...]]:
    aspect = clause_aspect(r.content)
    subj = clause_subject(r.content)
    scheduled = r.content.lemma_.lower() in cues.words("category", "scheduled_verbs")
    if aspect == "future" and not is_agent(subj, cues, r.actor_tokens) and not scheduled:
        return "implication", ("future with non-agent subject",)
    if first:
        return "event", ("position:lead",)
    cue = _context_cue(r, cues)
    if cue:
        return "context", (cue,)
    if prior and prior[0] == "context" and aspect != "future":
        return "context", (f"section:{prior[1]}",)
    if aspect == "present" and r.content.lemma_ not in ("say",):
        return "context", ("tense:present simple",)
    if aspect == "past" and _YEAR.search(r.unit.text) and not _MONTH_DAY.search(r.unit.text):
        return "context", ("dated by year only",)
    if aspect in ("perfect", "present") and _SINCE_YEAR.search(r.unit.text):
        return "context", ("since a year",)
    if aspect in ("perfect", "progressive") and _since_then(r):
        return "context", ("since a time",)
    if aspect == "perfect" and _own_pluperfect(r):
        return "context", ("pluperfect",)
    return "event", (f"tense:{aspect}",)


def _context_cue(r: Reading, cues: Cues) -> str | None:
    """The guide's context signal the unit holds: a phrase ("has long") or a pattern ("is home to").

    The patterns hold the signals with a gap in them: "was the region's
    second-largest port", "according to official figures".
    """
    hit = _has_phrase(r.lower, cues.words("category", "context_phrases"))
    if hit:
        return f"phrase:{hit}"
    found = _has_pattern(r.lower, cues, "category", "context_patterns")
    return f"pattern:{found}" if found else None


def _since_then(r: Reading) -> bool:
    """A perfect or progressive clause measured from a past point: "have fled since March".

    The guide's "since 2014" marks background, and so does any starting
    point: "since May", "since the ceasefire began", "since October 8". A
    count or a state measured from then ("more than 400 families have left
    the valley since March", "has been closed since Tuesday") is a standing
    figure or arrangement, not the day's news. Only "since" on the clause's
    own verb (a preposition or a subordinator), not one inside a noun's
    modifier.
    """
    verbs = (r.content.i, r.root.i)
    return any(
        t.lower_ == "since" and t.dep_ in ("prep", "mark") and t.head.i in verbs for t in r.span
    )


def _own_pluperfect(r: Reading) -> bool:
    """The writer's past perfect: "the council had approved the bridge two winters before".

    What had happened before the past the story tells is history (the
    guide's context). Not after a reporting verb in the past: after "said"
    the past perfect is the reported tense moved back ("said on Monday that
    talks had begun" is the guide's own event); after "says" it is not (as
    :func:`.features._backshifted` reads it; no gold claim changed).
    Leave-one-article-out (development / held-out), category lenient/strict:
    before 0.728/0.679 and 0.708/0.668; with "since" alone 0.728/0.681 and
    0.708/0.667; with both 0.733/0.686 and 0.708/0.667 (modality 0.972/0.929
    -> 0.972/0.931).
    """
    if r.speech is not None and r.speech.tag_ == "VBD":
        return False
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in r.content.children)
