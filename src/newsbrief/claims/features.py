"""Features of one claim for the learned category and modality models.

The hand-written rules of :mod:`~newsbrief.claims.rules` no longer decide on
their own: what they found (their category, modality and the kind of cue)
sits here beside what the parse says (tense, aspect, voice, modal, negation,
person, quotation, reporting verb, main-verb lemma), where the unit stands in
the article (position, paragraph, section, list), the article's genre (each
genre weighted by how likely the genre model finds it, so a column it reads as
news at p=0.55 still lends its claims 0.45 of an opinion piece) and two
evaluative lexicons from maintained packages (VADER's valence and TextBlob's
subjectivity). A model fitted on the gold corpus weighs them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from sys import intern
from typing import TYPE_CHECKING

from ..stance import Stance, load_stance
from .attribution import reporter_questions
from .frames import frame_features, modality_block
from .model import MODALITY_ONLY
from .rules import Cues, Reading, clause_aspect, clause_subject

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from ..model import Claim, Unit

__all__ = ["ROW_NORM", "ArticleContext", "Stance", "claim_features", "load_stance", "scale_row"]

_QUOTES = '"“”‘’«»'
_FIRST_PERSON = frozenset({"i", "we", "our", "us", "my", "me", "ours"})
_SECOND_PERSON = frozenset({"you", "your"})
_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b"
)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
# Features whose meaning shifts with the genre (a present-tense judgement is an
# assessment in a column, a stated position is an objective in a readout): each
# also enters crossed with the genre, so the model can weigh it per genre.
_GENRE_CROSSED = (
    "rule_cat=",
    "aspect=",
    "person=",
    "main_act=",
    "speech_act=",
    "content_act=",
    "content_subj=",
    "main_class=",
    "content_modal=",
    "directive",
    "characterizes=",
    "degree_word",
    "focus_word",
    "past_state",
    "prior_adverb",
    "habitual_adverb",
    # A quotation mark means a quoted source in a news story (what the source
    # says decides), a speaker's own words in a remarks transcript and a
    # quoted official in a release. Leave-one-article-out (development /
    # held-out), category lenient/strict/macro-F1: 0.709/0.660/0.667 and
    # 0.705/0.665/0.645 uncrossed, 0.716/0.666/0.670 and 0.710/0.670/0.651
    # crossed; modality 0.955/0.931 -> 0.955/0.929. "attributed" crossed as
    # well rose less on both halves (with "quote" 0.714/0.664/0.669 and
    # 0.707/0.663/0.640).
    "quote",
    "consequence_of_thing",
)
# A genre less likely than this adds no features (they would be near 0 anyway).
_GENRE_SHARE = 0.05
# Every claim's feature vector is scaled to this Euclidean length. A long
# sentence fires many word features and a short one few; unscaled, the long
# one's score is a sum of many small weights and the short one's rests on its
# rule features, and one regularization strength cannot suit both. Scaled
# rows weigh each claim's evidence alike (leave-one-article-out over the 35
# gold files: category 0.619/0.572/0.536 lenient/strict/macro-F1 unscaled,
# 0.626/0.580/0.554 at 12, a plateau from 8 to 16).
ROW_NORM = 12.0


@dataclass(frozen=True)
class ArticleContext:
    """What one claim's features need to know about the rest of the article."""

    units: Sequence[Unit]
    genre: str
    n_claims: int
    # How likely each genre is (:class:`.genre.GenreReading`); empty: the one genre.
    genre_shares: tuple[tuple[str, float], ...] = ()

    @cached_property
    def latest_year(self) -> int | None:
        """The latest year the article names (standing in for its date), read once.

        Every claim naming a year is set against it; reading the article's
        units again for each such claim grew with the square of a long input.
        """
        return max((int(y) for u in self.units for y in _YEAR.findall(u.text)), default=None)

    @cached_property
    def asked(self) -> frozenset[int]:
        """The units a reporter asks in a transcript ("Q Mr. President, will you ..."), read once.

        A press question asks and states nothing; the gold marks it hedged,
        where a speaker's rhetorical question ("How many of their leaders are
        dead?") is asserted (development half: two press questions, three
        rhetorical ones). The feature ``press_question`` tells the two apart.
        Leave-one-article-out modality (development/held-out): 0.960/0.931
        before, 0.962/0.932 with it.
        """
        return frozenset(reporter_questions(self.units))


def claim_features(
    reading: Reading,
    claim: Claim,
    order: int,
    previous: Claim | None,
    context: ArticleContext,
    cues: Cues,
) -> dict[str, float]:
    """Return the named features of one claim (sparse: absent means 0).

    Parameters
    ----------
    reading, claim : Reading, Claim
        The rules' reading of the unit and their decisions.
    order : int
        The claim's position among the article's claims (0 = the lead).
    previous : Claim or None
        The claim before it, whose rule category is a feature.
    context : ArticleContext
        The article's units, genre and claim count.
    cues : Cues
        The lexicons whose hits are features.
    """
    f: dict[str, float] = {}
    f.update(_rule_features(claim, previous))
    f.update(_parse_features(reading))
    f.update(_place_features(reading, order, context))
    f.update(_lexicon_features(reading, cues))
    f.update(_degree_features(reading, cues))
    f.update(_background_features(reading, cues))
    f.update(_description_features(reading))
    f.update(_stance_features(reading, load_stance()))
    f.update(frame_features(reading, cues))
    crossed = [k for k in f if k.startswith(_GENRE_CROSSED) and "&" not in k]
    shares = [(g, p) for g, p in context.genre_shares if p >= _GENRE_SHARE]
    total = sum(p for _, p in shares)
    # The genres kept share out 1 between them, as the one genre has 1 alone.
    for genre, share in [(g, p / total) for g, p in shares] or [(context.genre, 1.0)]:
        f[f"genre={genre}"] = share
        for key in crossed:
            f[f"{genre}|{key}"] = share * f[key]
    row = scale_row(f)
    # The modality model's own features, scaled as the row is but not counted
    # in its length: the category model reads the very row it read without them.
    block = modality_block(reading, cues)
    if block:
        scale = row_scale(f)
        for key, value in block.items():
            row[MODALITY_ONLY + key] = value * scale
    # Each name is built anew for every claim ("modal=will" a new string each
    # time): a book-length input held tens of thousands of copies of a few
    # thousand names, a third of its features' memory. One copy of each serves all.
    return {intern(k): v for k, v in row.items()}


def row_scale(f: dict[str, float], norm: float = ROW_NORM) -> float:
    """The factor :func:`scale_row` multiplies the row by (1 for an empty row)."""
    # fsum: exact, so the length does not depend on the order the row was built in
    length = math.sqrt(math.fsum(v * v for v in f.values()))
    return norm / length if length else 1.0


def scale_row(f: dict[str, float], norm: float = ROW_NORM) -> dict[str, float]:
    """Scale a feature row to Euclidean length ``norm`` (an empty row stays empty)."""
    # fsum: exact, so the length does not depend on the order the row was built in
    length = math.sqrt(math.fsum(v * v for v in f.values()))
    if length == 0.0:
        return dict(f)
    # One float object for each value of the row: most features are 1.0 and
    # all scale to the same number, yet each product was an object of its own,
    # held for every claim of a book-length input while the models decide and
    # the restatement step runs at the peak (a 200 KB article's features took
    # 3.37 MB, now 2.08 MB). The same value gives the same product; zeros are
    # left out (0.0 and -0.0 are equal keys but keep their signs).
    done: dict[float, float] = {}
    out: dict[str, float] = {}
    for k, v in f.items():
        if v:
            got = done.get(v)
            if got is None:
                got = done[v] = v * norm / length
            out[k] = got
        else:
            out[k] = v * norm / length
    return out


def _rule_features(claim: Claim, previous: Claim | None) -> dict[str, float]:
    """The rules' decisions; their category also apart for a claim someone else makes.

    In the author's voice the rules read the claim itself; in a reported one
    they often read the report ("X said", "the leaders noted": past tense, an
    event) or the reported words without the frame that judges them, so the
    same verdict means something else there. ``rule_cat_reported`` lets the
    model weigh the rules' category apart for attributed claims (the tie-break
    "a quote is categorized by what it says"). Leave-one-article-out
    (development / held-out), category lenient/strict/macro-F1:
    0.745/0.700/0.712 and 0.710/0.670/0.653 before, 0.752/0.707/0.716 and
    0.714/0.674/0.652 with it; modality 0.972/0.936 -> 0.971/0.936.
    """
    f = {f"rule_cat={claim.category}": 1.0, f"rule_mod={claim.modality}": 1.0}
    for cue in claim.cues.get("category", ())[:1]:
        f[f"rule_cue={cue.split(':', 1)[0]}"] = 1.0
    if claim.attribution != "author":
        f["attributed"] = 1.0
        f[f"rule_cat_reported={claim.category}"] = 1.0
    if previous is not None:
        f[f"prev_rule_cat={previous.category}"] = 1.0
    return f


def _parse_features(r: Reading) -> dict[str, float]:
    content = r.content
    # No feature for the reporting verb's lemma or for the main word's part of
    # speech: a quote is categorized by what it says, and the reporting verb's
    # class (``speech_act``, ``speech_class``) carries what matters of it.
    # Leave-one-article-out over the 35 gold files, category lenient/strict/
    # macro-F1 0.629/0.584/0.561 with them, 0.634/0.589/0.566 without (both
    # halves of the gold up), modality unchanged at 0.918.
    f = {
        f"aspect={clause_aspect(content)}": 1.0,
        f"root_aspect={clause_aspect(r.root)}": 1.0,
        f"lemma={content.lemma_.lower()}": 1.0,
    }
    subj = clause_subject(content)
    if subj is not None:
        f[f"subj_pos={subj.pos_}"] = 1.0
        f[f"subj={subj.lower_}" if subj.pos_ == "PRON" else f"subj_ent={subj.ent_type_ or '-'}"] = 1
    for tok in r.span:
        _token_features(tok, f)
    # A quote is categorized by what it says: the reported clause's own words
    # again, apart from the reporting frame's ("said", "told reporters").
    if r.speech is not None and r.content.i != r.speech.i:
        for tok in r.content.subtree:
            if tok.pos_ in ("VERB", "ADJ", "NOUN", "ADV") and not tok.is_stop:
                f[f"cw={tok.lemma_.lower()}"] = 1.0
    f.update(_shape_features(r))
    f["length"] = min(len(r.span), 60) / 60
    return f


def _shape_features(r: Reading) -> dict[str, float]:
    """The copula's complement, the first word, quotation, question, dates."""
    f: dict[str, float] = {}
    for child in r.content.children:
        if child.dep_ in ("acomp", "attr", "oprd"):
            f[f"complement={child.lemma_.lower()}"] = 1.0
            f[f"complement_pos={child.pos_}"] = 1.0
    first = next((t for t in r.span if not t.is_punct), None)
    if first is not None:
        f[f"first={first.lemma_.lower()}"] = 1.0
    text = r.unit.text
    if any(ch in text for ch in _QUOTES):
        f["quote"] = 1.0
    if text.lstrip()[:1] in _QUOTES:
        f["starts_with_quote"] = 1.0
    if text.rstrip().endswith("?"):
        f["question"] = 1.0
    if _names_a_date(text, r):
        f["date"] = 1.0
    if _YEAR.search(text):
        f["year"] = 1.0
    return f


def _names_a_date(text: str, r: Reading) -> bool:
    """Whether the unit names a day or a month, the modal "May" ("May God bless them") aside."""
    modal_may = any(t.text == "May" and t.tag_ == "MD" for t in r.span)
    return any(m.group() != "May" or not modal_may for m in _DATE.finditer(text))


def _token_features(tok: Token, f: dict[str, float]) -> None:
    # Each ``tag_``, ``dep_`` and ``pos_`` of a Token is a string-store look-up:
    # read once, as this runs for every token of every claim.
    low, tag, dep, pos = tok.lower_, tok.tag_, tok.dep_, tok.pos_
    if tag == "MD":
        f[f"modal={low}"] = 1.0
    if dep == "neg":
        f["negation"] = 1.0
    if dep == "auxpass":
        f["passive"] = 1.0
    if low in _FIRST_PERSON:
        f["person=first"] = 1.0
    elif low in _SECOND_PERSON:
        f["person=second"] = 1.0
    if tag == "VB" and dep in ("advcl", "xcomp") and any(c.lower_ == "to" for c in tok.children):
        f["to_infinitive"] = 1.0
    if pos == "NUM":
        f["number"] = 1.0
    if pos in ("VERB", "ADJ", "NOUN", "ADV") and not tok.is_stop:
        f[f"w={tok.lemma_.lower()}"] = 1.0


def _place_features(r: Reading, order: int, context: ArticleContext) -> dict[str, float]:
    unit = r.unit
    f: dict[str, float] = {"position": order / max(1, context.n_claims - 1)}
    if order == 0:
        f["lead"] = 1.0
    elif order < 3:
        f["near_lead"] = 1.0
    units = context.units
    f.update(_time_features(r, context.latest_year))
    f.update(_time_before(r, context))
    prev = units[unit.index - 1] if unit.index > 0 else None
    nxt = units[unit.index + 1] if unit.index + 1 < len(units) else None
    if prev is None or prev.paragraph != unit.paragraph:
        f["paragraph_first"] = 1.0
    if nxt is None or nxt.paragraph != unit.paragraph:
        f["paragraph_last"] = 1.0
    f.update(_unit_marks(r, context))
    return f


def _unit_marks(r: Reading, context: ArticleContext) -> dict[str, float]:
    """What the layout makes of the unit: a section's, a list's, a lead-in's, a reporter's."""
    unit = r.unit
    f: dict[str, float] = {}
    if unit.section:
        f["in_section"] = 1.0
    if unit.list_item:
        f["list_item"] = 1.0
    if unit.label:
        f["labelled"] = 1.0
    if r.item_under is not None:
        f["under_lead_in"] = 1.0
    if unit.kind == "lead_in":
        f["lead_in"] = 1.0
    if unit.index in context.asked:
        f["press_question"] = 1.0
    return f


def _time_features(r: Reading, latest: int | None) -> dict[str, float]:
    """Past perfect, and years older than the article's latest: the marks of background.

    "had forced", "in 1983": what came before the news is context, whatever
    the verb; the latest year the article names stands in for its date.
    A past perfect reported after a past reporting verb is only the tense
    moved back ("said on Monday that talks had begun" reports the news: the
    guide's own example of an event), so it is a feature of its own.
    Leave-one-article-out (development/held-out): category 0.678/0.628/0.624
    and 0.682/0.644/0.632 lenient/strict/macro-F1 with one feature,
    0.684/0.634/0.631 and 0.682/0.644/0.632 with the two; modality unchanged.
    """
    f: dict[str, float] = {}
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in r.content.children):
        f["reported_pluperfect" if _backshifted(r) else "pluperfect"] = 1.0
    years = [int(y) for y in _YEAR.findall(r.unit.text)]
    if years and latest is not None:
        f["earlier_year" if min(years) < latest else "latest_year"] = 1.0
    return f


def _time_before(r: Reading, context: ArticleContext) -> dict[str, float]:
    """A past clause after a sentence that names a year older than the article's latest.

    A narrative names its time once and the sentences after it keep it
    ("The treaty was signed in 1987. Both sides later withdrew from it."):
    a past or perfect clause right after such a sentence recounts the
    history as well. Only the unit just before: the last year named within
    three units fired on events too, and asking that the clause name no
    time of its own lost on both halves. Leave-one-article-out
    (development / held-out), category lenient/strict/macro-F1: before
    0.702/0.653/0.658 and 0.698/0.661/0.648; on any clause
    0.709/0.660/0.665 and 0.696/0.658/0.646; on a past or perfect clause
    0.707/0.659/0.663 and 0.698/0.660/0.647; modality 0.952/0.931 before,
    0.950/0.931 after.
    """
    latest = context.latest_year
    k = r.unit.index - 1
    if k < 0 or latest is None or clause_aspect(r.content) not in ("past", "perfect"):
        return {}
    years = [int(y) for y in _YEAR.findall(context.units[k].text)]
    if years and min(years) < latest:
        return {"follows_an_earlier_year": 1.0}
    return {}


def _backshifted(r: Reading) -> bool:
    """Whether the content clause is reported after a reporting verb in the past tense."""
    return r.speech is not None and r.content.i != r.speech.i and r.speech.tag_ == "VBD"


def _lexicon_features(r: Reading, cues: Cues) -> dict[str, float]:
    f: dict[str, float] = {}
    lowers = [t.lower_ for t in r.span]  # a string-store look-up each: read once
    lemmas = {t.lemma_.lower() for t in r.span}.union(lowers)
    padded = f" {' '.join(lowers)} "
    for name in (
        "assessment_verbs",
        "cognition_verbs",
        "evaluative_nouns",
        "evaluative_adjectives",
        "objective_phrases",
        "implication_phrases",
        "context_phrases",
        "opinion_phrases",
    ):
        if _holds(cues.words("category", name), lemmas, padded):
            f[f"lex={name}"] = 1.0
    for name in ("hedge_words", "hedge_phrases", "prescriptive_phrases"):
        if _holds(cues.words("modality", name), lemmas, padded):
            f[f"lex={name}"] = 1.0
    # A noun of obligation or demand prescribes as "should" does ("are under an
    # obligation not to", "their demands include"); the verb "demand" is an
    # appeal frame of its own. Leave-one-article-out (development / held-out),
    # category lenient/strict/macro-F1 and modality: without it
    # 0.697/0.650/0.654 0.948 and 0.694/0.658/0.647 0.932; with it
    # 0.698/0.652/0.657 0.950 and 0.696/0.660/0.648 0.931.
    nouns = cues.words("modality", "prescriptive_nouns")
    if any(t.pos_ == "NOUN" and t.lemma_.lower() in nouns for t in r.span):
        f["lex=prescriptive_nouns"] = 1.0
    return f


def _degree_features(r: Reading, cues: Cues) -> dict[str, float]:
    """Words that weigh: a degree word on an adjective or adverb, and a focus word.

    "far too much", "a very heavy price"; "only two came", "merely a pause".
    Grading and setting against what was expected are judging (the guide's
    assessment), whatever the verb. The degree word only on an adjective or
    adverb, as "so" and "too" elsewhere join clauses or add; both crossed with
    the genre. Leave-one-article-out (development / held-out), category
    lenient/strict/macro-F1 and modality: without them 0.695/0.648/0.651 0.947
    and 0.693/0.656/0.646 0.932; the degree word alone 0.697/0.650/0.652 0.947
    and 0.693/0.656/0.646 0.934; both 0.697/0.650/0.653 0.948 and
    0.694/0.658/0.647 0.932. The degree word on verbs too ("deeply regret")
    gained nothing on the development half and lost on the held-out one.
    """
    f: dict[str, float] = {}
    degree = cues.words("category", "degree_words")
    focus = cues.words("category", "focus_words")
    for tok in r.span:
        if tok.dep_ != "advmod":
            continue
        if tok.lower_ in degree and tok.head.pos_ in ("ADJ", "ADV"):
            f["degree_word"] = 1.0
        if tok.lower_ in focus:
            f["focus_word"] = 1.0
    return f


def _background_features(r: Reading, cues: Cues) -> dict[str, float]:
    """Adverbs of anteriority and of frequency: the marks of a history or a standing state.

    "the council had previously rejected it", "the bridge first opened in
    1990", "the rebels have repeatedly shelled the port", "the valley is
    still flooded": what came before the news, or what holds all along, is
    background (the guide's context), whatever the verb's tense. Most of
    these words are spaCy stop words, so no word feature carries them.
    Only as an adverb ("once" and "since" also join clauses); an adjective
    ("earlier talks", "the first round") fired as often on events. Both
    crossed with the genre. Leave-one-article-out (development / held-out),
    category lenient/strict/macro-F1: before 0.700/0.652/0.657 and
    0.696/0.660/0.649; with them (and :func:`_description_features`)
    0.702/0.653/0.658 and 0.698/0.661/0.648; modality unchanged.
    """
    f: dict[str, float] = {}
    prior = cues.words("category", "prior_adverbs")
    habitual = cues.words("category", "habitual_adverbs")
    for tok in r.span:
        if tok.dep_ not in ("advmod", "npadvmod"):
            continue
        if tok.lower_ in prior:
            f["prior_adverb"] = 1.0
        if tok.lower_ in habitual:
            f["habitual_adverb"] = 1.0
    return f


def _description_features(r: Reading) -> dict[str, float]:
    """A name described in passing: an apposition, a relative clause or a participle after a comma.

    "Marlow, a river port of ten thousand, ...", "Marlow, which borders the
    lake, ...", "Marlow, founded by fishermen, ...": telling what a place, a
    body or a person is describes the scene (the guide's context:
    descriptions) rather than what happened. Only after a proper name:
    after any noun ("the plan, which ...") it fired as often on events and
    lost 0.002 lenient on the development half. Alone it moved nothing on
    the development half; with the adverbs of :func:`_background_features`
    it is measured there.
    """
    for tok in r.span:
        if tok.dep_ not in ("appos", "relcl", "acl"):
            continue  # most tokens: no head to build (each ``head`` is a new Token)
        head = tok.head
        if head.pos_ == "PROPN" and head.i < tok.i and head.nbor(1).text == ",":
            return {"describes_a_name": 1.0}
    return {}


def _holds(entries: frozenset[str], lemmas: set[str], padded: str) -> bool:
    """Whether a lemma or word is an entry, or the words hold a phrase entry as whole words."""
    words, phrases = _split_entries(entries)
    return not words.isdisjoint(lemmas) or any(
        spaced in padded or e in lemmas for e, spaced in phrases
    )


@lru_cache(maxsize=64)
def _split_entries(
    entries: frozenset[str],
) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """Single words (one set lookup per sentence) apart from phrases (a substring test each).

    Each phrase comes with its padded form (" phrase "), built once here and
    not for every sentence (the lexicon features of the 35 corpus texts'
    claims: 55-60 -> 49 ms CPU with the words read once, min of 7).
    """
    phrases = tuple(sorted(e for e in entries if " " in e))
    return entries.difference(phrases), tuple((e, f" {e} ") for e in phrases)


def _stance_features(r: Reading, stance: Stance) -> dict[str, float]:
    valence = [abs(stance.valence[t.lower_]) for t in r.span if t.lower_ in stance.valence]
    subjective = [
        stance.subjectivity[t.lower_]
        for t in r.span
        if t.pos_ in ("ADJ", "ADV") and t.lower_ in stance.subjectivity
    ]
    f: dict[str, float] = {}
    if valence:
        f["valence_max"] = max(valence) / 4
        f["valence_words"] = min(len(valence), 5) / 5
    if subjective:
        f["subjectivity_max"] = max(subjective)
        f["subjectivity_mean"] = sum(subjective) / len(subjective)
    return f
