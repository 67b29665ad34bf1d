"""Which earlier claim a claim restates, decided by a fitted pair model.

Shared words alone miss paraphrase, and a fixed overlap threshold chosen by
eye fits the articles it was chosen on. Each (claim, earlier claim) pair gets
features of what they share, weighted by how rare each word is in the
article (two claims that both name the rare thing say the same thing more
surely than two that share "said"), of who says them (a quote that repeats
its speaker's reported words), and of where they stand (distance, the earlier
one being the lead). A logistic model fitted on the gold corpus scores every
pair; each claim links to its best-scoring earlier claim when that score
clears a threshold fitted with the model.

What a claim means, beyond its words, comes from a static token embedding
(:mod:`.meaning`): the cosine of the two claims' sentence vectors, of their
content words' vectors, and the first times the weighted overlap. Measured
leave-one-article-out over the 35 gold files (42 links), they find 12 links
with 23 made (F1 0.37) where the words alone find 11 with 25 (F1 0.33): the
dev half 0.34 -> 0.36, the held-out half 0.31 -> 0.38. Small, because the
vectors place claims on the same topic close as well (two claims of one
readout about the same two leaders score 0.6-0.8 without restating each
other); the rank of a candidate by cosine, centring the vectors on the
article's mean, cosine bins and a word-by-word soft overlap did no better.
Nor did a transformer trained for sentence similarity (all-MiniLM-L6-v2,
Apache 2.0, mean-pooled), measured the same way with these features: in
place of the static vectors it found 9 links with 23 made (F1 0.28), beside
them 10 with 25 (F1 0.30), where the static vectors alone find 11 with 26
(F1 0.32). It too scores claims on one topic as alike, and it would be a
second neural model run over every claim.

What else was measured, leave-one-article-out over the 35 gold files (42
links; these features find 11 with 25 links made, F1 0.33), and left out
because none did better (F1 0.25 to 0.33, three links at most apart):
the speaker compared by name rather than as written, a direct quote right
after its speaker's reported words, a shared PLOVER verb class (as a flag or
as a word of the bag), stems instead of lemmas, the same actors, binned
overlaps, the claims' feature vectors compared, the mean of spaCy's
``doc.tensor`` compared, only the top three candidates, one link per
antecedent, a threshold fitted on inner folds. Later (F1 0.38, 12 links
with 21 made): the claims' extracted relations shared as a whole (source,
target, type) or by their source (one development link more alone, two
fewer with the transcript and source fixes beside it), repeat cues
("reiterated", "again"), the closing paragraph, and novelty (what no earlier
claim said: it ranks better, but the fitted cut moves and links fall).
The gold's links are mostly paraphrase with few shared words; on the six
twin files two annotators agree on them at F1 0.78 (7 of 8 and 10).

The learner and the decoding are not where the links are lost. With these
features (12 links found with 20 made, F1 0.39; the dev half 6 with 9, the
held-out half 6 with 11) no fixed cut on the leave-one-article-out scores
does better in either half than the cut fitted on the training folds, so the
limit is how the scores rank the claims. Measured the same way and left out
(F1 0.23 to 0.39, none better on both halves): a conditional logit over a
claim's candidates and a "no link" option (alone, or choosing the antecedent
with this model deciding whether to link), class weights 3 to 30 with the cut
refitted, C from 0.03 to 3, an L1 prior, standardized features, the
candidate's cosine or overlap relative to the claim's other candidates
(margin over the best other, minus the mean, z-score, top flag) or to all
the article's pairs (centred, z-score, quantile), products of the cosine
with the distance, the lead, a quote or the source, the genre, gradient
boosted trees of depth 2 and 3, the mean weights of 8 bootstrap fits, rows
weighted per claim or per article, a cut fitted for F-beta (1.5, 2) or at
the middle of the best plateau, a minimum ratio of the best to the second
best score; and the links' transitive closure adds one pair in the corpus.

Also measured and left out (against F1 0.381, 12 links with 21 made;
development 0.353, held-out 0.414; none better on both halves; the
lemmas of curly contractions later gave 0.355, 11 with 20): a soft
alignment of the two claims' content words (each word's best cosine among
the other claim's words by the static rows, weighted by the article's IDF,
as BERTScore does) as precision, recall and F, F alone, their minimum, F
times the cosine, over the words not shared outright, or in place of the
cosines (F1 0.30 to 0.38); the cosines of the claims' content verbs and of
their objects (0.375: development 0.375, held-out 0.375); the cosine of the
content words without names and numbers (0.36); the elementwise product of
the two vectors as 256 learned weights (0.32 and 0.22: it overfits); the
same speaker's direct quote within two claims of their reported words (0.34
to 0.38); training without the easy negatives (no shared word, cosine under
0.1 to 0.3: 0.31 to 0.34). Several raise the best candidate's average
precision on both halves (the alignment in place of the cosines: 0.237 /
0.214 -> 0.259 / 0.246) by ranking links that score far below any cut
higher; at every fixed cut none finds more links than the features here
(at most F1 0.38 development, 0.41 held-out): the top of the ranking, where
links are made, does not move.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from sys import intern
from typing import TYPE_CHECKING

from .meaning import load_meaning
from .restatement_batch import PairColumns, distance_bin, score_pairs

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    import numpy as np
    from spacy.tokens import Span

    from ..model import Claim
    from .model import LinearModel

__all__ = [
    "WINDOW",
    "ClaimBag",
    "antecedent_features",
    "article_weights",
    "claim_bag",
    "link",
    "meanings",
    "pair_features",
    "restatements",
]

_CONTENT = ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
_QUOTES = '"“”‘’«»'
# How far back a restatement may reach, in claims. A reader restates what is
# still in view: the farthest link in the 35 gold articles spans 49 claims and
# the longest article has 71 units, so the bound never binds in the genre. It
# keeps a book-length input linear instead of quadratic in its claims.
WINDOW = 128
# About this many pairs are scored at once by :func:`link`.
_BATCH = 4096
# Claims embedded at once by :func:`meanings`: more than a news article holds
# (the longest gold article has 71 units), so an article is one chunk.
_MEANING_CHUNK = 128


@dataclass(frozen=True)
class ClaimBag:
    """What a claim says, reduced to sets for comparison, and where it stands."""

    order: int
    lemmas: frozenset[str]
    actors: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    root: str = ""
    source: str = "author"
    quoted: bool = False
    paragraph: int = 0
    category: str | None = None
    text: str = ""
    gist: str = ""


#: Claim order -> (the sentence vector, the vector of its content words).
Meanings = dict[int, tuple["np.ndarray", "np.ndarray"]]


def claim_bag(
    span: Span,
    claim: Claim,
    synonyms: Mapping[str, str],
    order: int,
    paragraph: int = 0,
) -> ClaimBag:
    """Reduce one claim to its content lemmas, names, actors, numbers, main verb and source.

    Parameters
    ----------
    span : spacy.tokens.Span
        The claim's parse.
    claim : Claim
        The claim as the rules read it (its actors and attribution are used).
    synonyms : mapping
        Word -> the word that stands for its synonym group.
    order : int
        The claim's position among the article's claims (0 = the lead).
    paragraph : int
        The paragraph the claim stands in.

    Returns
    -------
    ClaimBag
    """
    lemmas, numbers, names = set(), set(), set()
    gist = []
    for tok in span:
        if tok.is_stop or tok.is_punct:
            continue
        pos = tok.pos_  # a string-store look-up: read once per token
        if pos not in _CONTENT:
            continue
        gist.append(tok.text)
        # Interned: the same word in every claim of a book-length input is one string.
        lemma = intern(tok.lemma_.lower())
        lemmas.add(synonyms.get(lemma, lemma))
        if pos == "NUM" or tok.like_num:
            numbers.add(intern(tok.lower_))
        elif pos == "PROPN" or tok.ent_type_:
            names.add(lemma)
    # ``Span.text`` joins the tokens anew on each call: read once; and one
    # substring test per quotation mark, not a Python step per character
    # (claim_bag over the 35 corpus texts' claims: 47-48 -> 39 ms CPU, min of 7).
    text = span.text
    quoted = any(mark in text for mark in _QUOTES)
    return ClaimBag(
        order,
        _frozen(lemmas),
        _frozen(claim.actors),
        _frozen(numbers),
        _frozen(names),
        span.root.lemma_.lower(),
        claim.attribution,
        quoted,
        paragraph,
        claim.category,
        text,
        " ".join(gist),
    )


#: The one empty set every bag without numbers (or names, or actors) holds.
_NONE: frozenset[str] = frozenset()


def _frozen(items: Iterable[str]) -> frozenset[str]:
    """The items as a frozenset; an empty one is :data:`_NONE`, not a new object.

    Each empty frozenset is an object of 216 bytes, and most claims name no
    number and many no actor: a book-length input's bags held 12,000 copies of
    the empty set, kept while the restatement step runs at the run's peak.
    """
    found = frozenset(items)
    return found if found else _NONE


def article_weights(bags: Sequence[ClaimBag]) -> dict[str, float]:
    """Each lemma's inverse claim frequency in the article (rare words weigh more)."""
    df = Counter(lemma for bag in bags for lemma in bag.lemmas)
    n = len(bags)
    return {lemma: math.log((1 + n) / count) for lemma, count in df.items()}


def meanings(bags: Iterable[ClaimBag]) -> Meanings:
    """Each claim's sentence vector and content-word vector; empty without the embedding.

    The claims are embedded :data:`_MEANING_CHUNK` at a time, each chunk in
    arrays of its own (a text's vector does not depend on the texts beside
    it). Two arrays for all of a book-length input's claims (13 MB each at
    1.95 MB) could not reuse the memory the parse had just given back, in
    pieces, and raised the run's peak; a chunk's fit in those pieces.
    """
    bags = list(bags)
    model = load_meaning() if len(bags) > 1 else None
    if model is None:
        return {}
    out: Meanings = {}
    for at in range(0, len(bags), _MEANING_CHUNK):
        chunk = bags[at : at + _MEANING_CHUNK]
        texts = model.vectors([b.text for b in chunk])
        gists = model.vectors([b.gist for b in chunk])
        out.update((b.order, (texts[k], gists[k])) for k, b in enumerate(chunk))
    return out


def _weighted(lemmas: frozenset[str], weights: Mapping[str, float]) -> float:
    # A set's order follows the string hash, which changes with every process:
    # fsum is exact, so the total (and the fitted model) does not depend on it.
    return math.fsum(weights.get(lemma, 0.0) for lemma in lemmas)


def pair_features(
    later: ClaimBag,
    earlier: ClaimBag,
    weights: Mapping[str, float],
    totals: Mapping[int, float] | None = None,
    vectors: Meanings | None = None,
) -> dict[str, float]:
    """Features of one (later, earlier) pair of claims.

    Parameters
    ----------
    later, earlier : ClaimBag
    weights : mapping
        Lemma -> weight in this article (:func:`article_weights`).
    totals : mapping, optional
        Claim order -> the weight of all its lemmas, computed once per claim
        by :func:`link` instead of once per pair (the same sums).
    vectors : mapping, optional
        The claims' :func:`meanings`; without them the pair has no cosine features.

    Returns
    -------
    dict
        Feature name -> value, for :class:`~newsbrief.claims.model.LinearModel`.
    """
    f = _shared_words(later, earlier, weights, totals)
    f[f"distance={distance_bin(later.order - earlier.order)}"] = 1.0
    f.update(_shared_things(later, earlier))
    f.update(_who_and_where(later, earlier))
    if vectors and later.order in vectors and earlier.order in vectors:
        f.update(_same_meaning(vectors[later.order], vectors[earlier.order], f))
    return f


def _same_meaning(
    later: tuple[np.ndarray, np.ndarray],
    earlier: tuple[np.ndarray, np.ndarray],
    words: Mapping[str, float],
) -> dict[str, float]:
    """Cosines of the sentence vectors (rounded: the same score on every machine)."""
    # ``ndarray.dot``, as :mod:`.restatement_batch` reads them (the same BLAS ``sdot`` as ``@``)
    whole = round(float(later[0].dot(earlier[0])), 4)
    content = round(float(later[1].dot(earlier[1])), 4)
    return {
        "cosine": whole,
        "content_cosine": content,
        "cosine_x_overlap": round(whole * words["weighted_overlap"], 4),
    }


def _shared_words(
    later: ClaimBag,
    earlier: ClaimBag,
    weights: Mapping[str, float],
    totals: Mapping[int, float] | None = None,
) -> dict[str, float]:
    inter = later.lemmas & earlier.lemmas
    union = later.lemmas | earlier.lemmas
    shared_w = _weighted(inter, weights)
    if totals is None:
        later_w, earlier_w = _weighted(later.lemmas, weights), _weighted(earlier.lemmas, weights)
    else:
        later_w, earlier_w = totals[later.order], totals[earlier.order]
    smaller = min(later_w, earlier_w)
    return {
        "jaccard": len(inter) / max(1, len(union)),
        "overlap": len(inter) / max(1, min(len(later.lemmas), len(earlier.lemmas))),
        "shared_words": min(len(inter), 10) / 10,
        "weighted_overlap": shared_w / smaller if smaller else 0.0,
        "later_covered": shared_w / later_w if later_w else 0.0,
        "earlier_covered": shared_w / earlier_w if earlier_w else 0.0,
    }


def _shared_things(later: ClaimBag, earlier: ClaimBag) -> dict[str, float]:
    """Actors, names, numbers and the main verb: the same news names the same things."""
    f: dict[str, float] = {}
    if later.actors or earlier.actors:
        both = later.actors & earlier.actors
        f["actor_jaccard"] = len(both) / max(1, len(later.actors | earlier.actors))
    if later.names & earlier.names:
        f["shared_names"] = min(len(later.names & earlier.names), 3) / 3
    if later.names - earlier.names and earlier.names - later.names:
        # Parallel claims about different places or people ("at Natanz ...",
        # "at Esfahan ...") share their frame, not their content.
        f["other_names"] = min(len(later.names - earlier.names), 3) / 3
    if later.numbers & earlier.numbers:
        f["shared_number"] = 1.0
    elif later.numbers and earlier.numbers:
        f["other_numbers"] = 1.0
    if later.root == earlier.root:
        f["same_verb"] = 1.0
    return f


def _who_and_where(later: ClaimBag, earlier: ClaimBag) -> dict[str, float]:
    """Who says each claim, what kind of claim the later one is, and where they stand."""
    f: dict[str, float] = {f"later_category={later.category}": 1.0}
    if earlier.order == 0:
        f["earlier_is_lead"] = 1.0
    if later.source == earlier.source:
        f["same_source" if later.source != "author" else "both_author"] = 1.0
    if later.quoted:
        f["later_quoted"] = 1.0
        if not earlier.quoted:
            f["quote_after_report"] = 1.0
    if later.paragraph == earlier.paragraph:
        f["same_paragraph"] = 1.0
    if later.category == earlier.category:
        f["same_category"] = 1.0
    return f


def antecedent_features(
    later: ClaimBag,
    earlier: Sequence[ClaimBag],
    weights: Mapping[str, float],
    totals: Mapping[int, float] | None = None,
    vectors: Meanings | None = None,
) -> list[dict[str, float]]:
    """:func:`pair_features` of ``later`` with each earlier claim, and how each ranks.

    A restatement repeats one earlier claim more closely than the others in
    view; the candidate that shares the most (weighted) is marked, so a pair
    is judged against its rivals and not only on its own.
    """
    rows = [pair_features(later, e, weights, totals, vectors) for e in earlier]
    if rows:
        top = max(r["weighted_overlap"] for r in rows)
        for r in rows:
            if top > 0 and r["weighted_overlap"] == top:
                r["best_overlap"] = 1.0
    return rows


def link(bags: Mapping[int, ClaimBag], model: LinearModel) -> dict[int, tuple[int, float]]:
    """Unit -> (the earlier unit it restates, the pair's probability), above the threshold.

    The pairs are scored as columns (:mod:`.restatement_batch`: the same
    scores as :func:`pair_features` and ``model.predict``), about
    :data:`_BATCH` at a time, which bounds what a book-length input holds.
    """
    threshold = model.threshold if model.threshold is not None else 0.5
    weights = article_weights(list(bags.values()))
    ordered = sorted(bags, key=lambda u: bags[u].order)
    totals = {bag.order: _weighted(bag.lemmas, weights) for bag in bags.values()}
    vectors = meanings(bags[u] for u in ordered)
    out: dict[int, tuple[int, float]] = {}
    pending: list[tuple[int, list[int]]] = []
    pairs = PairColumns(weights, totals)
    for k, unit in enumerate(ordered):
        earlier = ordered[max(0, k - WINDOW) : k]
        pairs.add(bags[unit], [bags[u] for u in earlier], vectors)
        pending.append((unit, earlier))
        if pairs.size >= _BATCH or k == len(ordered) - 1:
            _best_antecedents(pending, score_pairs(pairs, model), threshold, out)
            pending, pairs = [], PairColumns(weights, totals)
    return out


def _best_antecedents(
    pending: Sequence[tuple[int, Sequence[int]]],
    predictions: Sequence[tuple[str, float]],
    threshold: float,
    out: dict[int, tuple[int, float]],
) -> None:
    """Each claim's best-scoring earlier claim at or above the threshold (the last of equals)."""
    at = 0
    for unit, earlier in pending:
        best: tuple[int, float] | None = None
        for u, (label, p) in zip(earlier, predictions[at : at + len(earlier)], strict=True):
            p_yes = p if label == "yes" else 1.0 - p
            if p_yes >= threshold and (best is None or p_yes >= best[1]):
                best = (u, p_yes)
        at += len(earlier)
        if best is not None:
            out[unit] = best


def restatements(
    claims: Sequence[Claim], bags: Mapping[int, ClaimBag], model: LinearModel | None
) -> list[Claim]:
    """Point each claim at the earlier claim it most likely restates, if any."""
    out = list(claims)
    if model is None:
        return out
    present = {c.unit: bags[c.unit] for c in claims if c.unit in bags}
    links = link(present, model)
    for k, claim in enumerate(out):
        if claim.unit in links:
            unit, p = links[claim.unit]
            cues = {**claim.cues, "restates": (f"paraphrase score {p:.2f}",)}
            out[k] = replace(claim, restates=unit, cues=cues)
    return out
