"""Where a hedging modal stands: places where "could", "may" or "would" hedge nothing.

The guide's hedge is the writer's or the source's doubt about the claim
itself. A modal can sit in the sentence without qualifying its claim: inside
an indirect question ("discussed how the talks could resume"), in a
restrictive relative clause that only describes a noun ("weapons that could
be used"), in a purpose clause ("so that she could rest"), as a past
inability ("could not reach the town"), in a comment clause ("as you may
know") or a concession ("whatever may happen"), in what there is to perceive
("smoke can be seen"), in a wish ("May God bless them", "we would like to
thank them"), or as the reported future of a commitment ("vowed that it
would respond"). In each the claim is stated as fact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .cues import Cues

__all__ = ["hedges_nothing", "modal_verb", "reported_by"]

# Clauses that a verb or a preposition takes as its complement or argument.
_EMBEDDED = frozenset({"ccomp", "pcomp", "xcomp", "csubj", "advcl", "dobj", "pobj"})
_WH = frozenset({"how", "what", "when", "where", "why", "whether", "who"})
_PERCEPTION = frozenset({"hear", "see", "feel", "smell", "spot", "observe"})


def hedges_nothing(md: Token, cues: Cues) -> str | None:
    """Why this modal does not hedge its claim, or None when it may."""
    verb = md.head
    lemma = md.lower_
    if (lemma == "may" and _opens_a_wish(md)) or _wanted(md):
        return "wish"
    clause = _clause_kind(verb)
    if clause is not None:
        return clause
    if lemma in ("can", "could") and _perceived(verb):
        return "perception"
    if lemma == "could" and _negated(verb):
        return "past ability"
    if lemma == "would" and _commitment_reported(verb, cues):
        return "reported commitment"
    return None


def _clause_kind(verb: Token) -> str | None:
    """The kind of clause the modal's verb heads, where that clause states no claim of its own."""
    if _indirect_question(verb):
        return "indirect question"
    if verb.dep_ == "relcl" and not _after_comma(verb):
        return "restrictive relative clause"
    if _purpose(verb):
        return "purpose clause"
    if _comment(verb):
        return "comment clause"
    if _concession(verb):
        return "concession"
    return None


def reported_by(md: Token, cues: Cues) -> Token | None:
    """The past speech verb above a backshifted "would" ("he said NATO would not ..."), if any."""
    if md.lower_ != "would":
        return None
    speech = cues.words("attribution", "speech_verbs")
    for anc in md.head.ancestors:
        if anc.lemma_.lower() in speech and anc.tag_ in ("VBD", "VBN", "VBG"):
            return anc
    return None


def modal_verb(md: Token) -> Token:
    """The verb a modal qualifies, past the auxiliaries it leans on ("would not get involved")."""
    verb = md.head
    while verb.dep_ in ("aux", "auxpass") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _opens_a_wish(md: Token) -> bool:
    """A modal before its subject, outside a question ("May God protect them")."""
    sent = md.sent
    first = next((t for t in sent if not t.is_punct), None)
    return (
        first is not None
        and first.i == md.i
        and not sent.text.rstrip().rstrip("\"'”’").endswith("?")
    )


# Verbs that "would" turns into a polite want: "we would like to thank",
# "I would prefer a deal", "they would love to come".
_WANTING = frozenset({"like", "love", "prefer"})


def _wanted(md: Token) -> bool:
    """A "would" of wanting: "would like to", "would prefer", "would rather".

    The polite form of "want" states a wish, as "May God bless them" does;
    it is no doubt about the claim ("we would like to thank the crew" thanks
    them). "would rather" is read from the word after the modal, as the
    parser hangs "rather" on the verb; the lemma, so that "I’d like to" is
    one too. No claim of the 35 gold files has one
    (leave-one-article-out: every claim's prediction unchanged, modality
    0.972 / 0.936 development / held-out); a guard for remarks and
    statements beyond them, where "I would like to thank" is common.
    """
    if md.lemma_.lower() != "would":
        return False
    after = md.nbor(1) if md.i + 1 < len(md.doc) else None
    return md.head.lemma_.lower() in _WANTING or (after is not None and after.lower_ == "rather")


def _indirect_question(verb: Token) -> bool:
    """A clause opened by a wh-word and embedded under a verb or a preposition."""
    if verb.dep_ not in _EMBEDDED or _explains(verb):
        return False
    return _opened_by_wh(verb) or any(
        c.lower_ in _WH and c.i < verb.i and c.dep_ in ("advmod", "dobj", "nsubj", "mark", "attr")
        for c in verb.children
    )


def _opened_by_wh(verb: Token) -> bool:
    """A clause whose first word is a wh-word the parser hung inside a phrase.

    "views on how political and security cooperation could advance" opens
    its clause with "how" though the parser makes it a modifier of
    "political"; "how many troops could come" is such a clause by grammar.
    A wh-word on a verb ("when the troops arrive") opens an adverbial
    clause of that verb and is read by the test on the verb's own children.
    Leave-one-article-out modality (development/held-out): the rules alone
    0.955/0.929 -> 0.957/0.931, the model 0.972/0.932 -> 0.971/0.934 (one
    development claim the refit moved, "shall" in a proverb).
    """
    first = verb.left_edge
    return first.lower_ in _WH and first.i < verb.i and first.head.pos_ not in ("VERB", "AUX")


def _explains(verb: Token) -> bool:
    """A wh-clause after "that's" or "this is": "that's why the unrest can spread" states it.

    The clause is the copula's complement, no question asked of anyone: its
    modal qualifies the claim as in a main clause. One claim of the
    development half; leave-one-article-out modality unchanged (0.960/0.931).
    """
    head = verb.head
    return head.lemma_ == "be" and any(
        c.dep_ == "nsubj" and c.lower_ in ("that", "this") for c in head.children
    )


def _after_comma(verb: Token) -> bool:
    """Whether a relative clause follows a comma (non-restrictive: it comments on the claim)."""
    start = verb.left_edge
    return start.i > 0 and start.nbor(-1).text in (",", "—", "–", "(")


def _purpose(verb: Token) -> bool:
    """A purpose, not a doubt: "so that she could rest", "in order that they might"."""
    for c in verb.children:
        if c.dep_ == "mark" and c.lower_ == "that" and c.i > 0:
            before = c.nbor(-1).lower_
            if before in ("so", "order"):
                return True
    return False


# Verbs of a comment clause addressed to the reader: "as you may know".
_COMMENTING = frozenset({"know", "recall", "remember", "recollect", "expect", "imagine", "guess"})
# Words that open a concessive free relative: "whatever may happen".
_EVER = frozenset({"whatever", "whoever", "whichever", "wherever", "however"})


def _comment(verb: Token) -> bool:
    """A comment clause, "as you may know", "as some may recall": the reader's knowledge.

    The modal weighs what the reader knows, not the claim the clause
    comments on, which is stated as fact ("As you may know, the bridge
    closed last year"). No gold claim has one (leave-one-article-out:
    every prediction unchanged).
    """
    return (
        verb.dep_ == "advcl"
        and verb.lemma_.lower() in _COMMENTING
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )


def _concession(verb: Token) -> bool:
    """A concessive clause, "whatever may happen", "however long it may take", "no matter what".

    The main clause holds whatever the clause's open case turns out to be,
    so its modal hedges nothing ("Whatever may happen, the port stays
    open"). "However" counts only before the word it grades, not as the
    linking adverb ("However, the talks could fail"). No gold claim has one
    (leave-one-article-out: every prediction unchanged).
    """
    if verb.dep_ == "ROOT":
        return False
    first = verb.left_edge
    low = first.lower_
    if low == "however":
        after = first.nbor(1) if first.i + 1 < len(first.doc) else None
        return after is not None and after.pos_ in ("ADJ", "ADV")
    if low in _EVER:
        return True
    before = first.doc[max(first.i - 2, 0) : first.i]
    return low in _WH and [t.lower_ for t in before] == ["no", "matter"]


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _perceived(verb: Token) -> bool:
    """What is or was there to perceive: "gunfire could be heard", "smoke can be seen".

    A scene told from footage or by a witness, stated as fact: the guide's
    event, with no doubt in it (development half: the five claims with
    "can be seen/heard" or "could be heard" are all asserted). With "can"
    as well as "could", leave-one-article-out modality (development/
    held-out) 0.971/0.934 -> 0.972/0.934, category lenient/strict/macro-F1
    0.731/0.683/0.693 -> 0.734/0.686/0.694 and 0.707/0.667/0.643 unchanged.
    """
    return verb.lemma_.lower() in _PERCEPTION and any(c.dep_ == "auxpass" for c in verb.children)


def _commitment_reported(verb: Token, cues: Cues) -> bool:
    """The reported future of a pledge, stated as fact: "vowed that it would respond"."""
    commits = cues.words("modality", "commissive_verbs")
    for anc in verb.ancestors:
        if anc.pos_ == "VERB" and anc.tag_ in ("VBD", "VBN"):
            return anc.lemma_.lower() in commits
    return False
