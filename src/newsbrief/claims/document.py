"""Signals of a whole article that tell its genre apart, each a share or a flag.

A news report quotes and reports what people said, in the past tense, with a
dateline and weekday; an analysis explains in the present with modals and
little reported speech; an opinion piece judges, with evaluative words and
first person; a release (readout, fact sheet, joint statement) names itself
in a noun-phrase headline; remarks speak as "we" and "you". No one signal
decides (a White House "opinion" piece can read like a release), so every
signal is a number between 0 and 1 and a small model
(:mod:`newsbrief.claims.genre`) weighs them.

A columnist's habits (:func:`columnist_habits`: "I" outside quotes, "in my
view", a line on the author, an opening or headline that praises or blames,
a headline question, exclamations, questions, "should"/"must", addressing
"you") enter as one signal, the share of them an article shows. Each column
shows a different few, so with a handful of opinion pieces to learn from no
single habit separates them and the sparse model picks whichever one happens
to; the count of habits is what columns share.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .features import load_stance

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span

    from ..model import Unit
    from .cues import Cues

__all__ = [
    "GENRE_TITLES",
    "HABITS",
    "SIGNAL_WORDS",
    "columnist_habits",
    "document_signals",
    "headline_genre",
    "headline_of",
]

# The genres a headline word can name (the lexicon's ``genre`` section).
GENRE_TITLES = ("remarks", "release", "opinion")

_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_QUOTE_MARKS = re.compile(r"[\"“”]")
_FIRST_SINGULAR = re.compile(r"\b(?:I|my|me)\b")
# Case matters: "US" and "U.S." are the country, not "us".
_FIRST_PLURAL = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us)\b")
_SECOND = re.compile(r"\b(?:[Yy]ou|[Yy]ours?)\b")
_DAY = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b"
)
# A time stamp before the text: "3:38 P.M. EST". A dateline ("KYIV, Ukraine (AP) —")
# is cut off its paragraph when the units are built, which records it on the unit.
_TIME_STAMP = re.compile(r"^\d{1,2}:\d\d\s*[AP]\.?M\.?", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")
# A line on the author: capitalized names, then what they are or were.
_BIO_SUBJECT = re.compile(
    r"^(?:[A-Z][\w.'’-]*,?\s+(?:and\s+)?){1,6}(?:is|was|are|were|serves|served|has served)\b"
)
# The author's line is one of the last few sentences; the opening, the first few.
_BIO_TAIL = 3
_LEAD = 2
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_PAST_TAGS = frozenset({"VBD"})
# A word of this TextBlob subjectivity or more is evaluative ("historic", "bold").
_SUBJECTIVE = 0.6
# An evaluative word judges when it also praises or blames: VADER valence this far from 0.
_VALENCE = 1.0

# What each signal says, when it is high and when it is low (the genre's cue).
SIGNAL_WORDS: dict[str, tuple[str, str]] = {
    "headline_sentence": ("a headline with a finite verb", "a noun-phrase headline"),
    "headline_says": ("a headline that reports what someone said", "a headline with no 'says'"),
    "headline_colon": ("a labelled headline ('X: ...')", "no label in the headline"),
    "first_singular": ("first person singular outside quotes", "no 'I' outside quotes"),
    "first_plural": ("first person plural outside quotes", "little 'we' outside quotes"),
    "second_person": ("addresses 'you'", "no 'you'"),
    "reported": ("much reported speech", "little reported speech"),
    "quoted": ("many quotations", "few quotations"),
    "prescriptive": ("many 'should'/'must'", "few 'should'/'must'"),
    "hedged": ("many 'could'/'may'/'would'", "few 'could'/'may'/'would'"),
    "present": ("mostly present-tense main verbs", "mostly past-tense main verbs"),
    "question": ("questions", "no questions"),
    "exclamation": ("exclamations", "no exclamations"),
    "list": ("many list items", "few list items"),
    "sentence_length": ("long sentences", "short sentences"),
    "dateline": ("a dateline or time stamp", "no dateline"),
    "weekday": ("weekdays and 'today'", "few weekdays"),
    "evaluative": ("many evaluative words", "few evaluative words"),
    "columnist_habits": ("many habits of a columnist", "few habits of a columnist"),
}
# The habits of :func:`columnist_habits`, in words.
HABITS: dict[str, str] = {
    "first_singular": "'I' outside quotes",
    "stance_phrase": "'in my view'-type phrases",
    "author_line": "a line on the author",
    "judging_lead": "an opening that praises or blames",
    "judging_headline": "a headline that praises or blames",
    "headline_question": "a headline question",
    "exclamation": "exclamations",
    "question": "questions",
    "prescriptive": "'should'/'must'",
    "second_person": "addresses 'you'",
}
SIGNAL_WORDS.update(
    {
        f"headline={g}": (f"a headline word of a {g}", f"no headline word of a {g}")
        for g in GENRE_TITLES
    }
)


def headline_of(units: Sequence[Unit]) -> int | None:
    """The headline's unit: the title, else a first line with no closing stop.

    A long headline is not told from a paragraph by the splitter, but a
    headline ends without a full stop ("Joint Declaration by the Leaders of
    ..."), and a first sentence of text ends with one.
    """
    for k, unit in enumerate(units):
        if unit.kind == "title":
            return k
        if unit.kind in ("heading", "lead_in"):
            continue
        text = unit.text.rstrip()
        closed = text.endswith((".", "!", "?", ":", '"', "”", "’"))
        return k if unit.paragraph == 0 and not closed else None
    return None


def headline_genre(title: str, cues: Cues) -> tuple[str, str] | None:
    """The genre a headline word names outright, with the word (remarks before release)."""
    lower = title.lower()
    for genre in GENRE_TITLES:
        for word in sorted(cues.words("genre", f"{genre}_titles")):
            if re.search(rf"\b{re.escape(word)}\b", lower):
                return genre, word
    return None


def document_signals(units: Sequence[Unit], spans: Sequence[Span], cues: Cues) -> dict[str, float]:
    """Every signal of :data:`SIGNAL_WORDS` for one article (all present, 0 to 1).

    Parameters
    ----------
    units, spans : sequences of Unit and Span
        The article's units and their parses (``spans[i]`` parses ``units[i]``).
    cues : Cues
        The lexicons: headline words, modals and verbs of saying.
    """
    title = headline_of(units)
    claims = [k for k, u in enumerate(units) if u.kind == "claim" and k != title]
    f = {name: 0.0 for name in SIGNAL_WORDS}
    if title is not None:
        f.update(_headline(units[title].text, spans[title] if title < len(spans) else None, cues))
    if not claims:
        return f
    f.update(_voice([units[k].text for k in claims]))
    f.update(_verbs([spans[k] for k in claims if k < len(spans)], cues))
    f["list"] = sum(units[k].list_item for k in claims) / len(claims)
    f["dateline"] = float(_has_dateline(units, claims[0]))
    headline = units[title].text if title is not None else ""
    habits = columnist_habits(headline, [units[k].text for k in claims], f, cues)
    f["columnist_habits"] = len(habits) / len(HABITS)
    return f


def columnist_habits(
    headline: str, texts: Sequence[str], signals: dict[str, float], cues: Cues
) -> tuple[str, ...]:
    """The habits of :data:`HABITS` an article shows, by name.

    Parameters
    ----------
    headline : str
        The headline ("" when there is none).
    texts : sequence of str
        The body's sentences, in order.
    signals : dict
        The article's other signals (first person, questions, modals ...).
    cues : Cues
        The lexicons: stance phrases, authors' roles and disclaimers.
    """
    outside = [_QUOTED.sub(" ", t).lower() for t in texts]
    stance = cues.words("category", "opinion_phrases")
    shown = {
        "first_singular": signals.get("first_singular", 0.0) > 0,
        "stance_phrase": any(re.search(rf"\b{re.escape(p)}\b", t) for t in outside for p in stance),
        "author_line": _has_author_line(texts[-_BIO_TAIL:], cues),
        "judging_lead": _judging_words(texts[:_LEAD]) > 0,
        "judging_headline": _judging_words([headline]) > 0,
        "headline_question": headline.rstrip().endswith("?"),
        "exclamation": signals.get("exclamation", 0.0) > 0,
        "question": signals.get("question", 0.0) > 0,
        "prescriptive": signals.get("prescriptive", 0.0) > 0,
        "second_person": signals.get("second_person", 0.0) > 0,
    }
    return tuple(h for h in HABITS if shown[h])


def _judging_words(texts: Sequence[str]) -> int:
    """Words outside quotation marks that are subjective and praise or blame.

    TextBlob subjectivity alone counts "cold" (war) and "key"; with a VADER
    valence as well, "successful", "fake" and "bold" remain.
    """
    stance = load_stance()
    return sum(
        1
        for t in texts
        for w in (x.lower() for x in _WORD.findall(_QUOTED.sub(" ", t)))
        if stance.subjectivity.get(w, 0.0) >= _SUBJECTIVE
        and abs(stance.valence.get(w, 0.0)) >= _VALENCE
    )


def _has_author_line(texts: Sequence[str], cues: Cues) -> bool:
    """A closing line on who wrote the piece: "X is a professor of ...", "The views expressed ...".

    Columns end on their author's credentials or a disclaimer; reports do not.
    A line counts when it opens on capitalized names, says what they are or
    were and names a role of the lexicon, or when it holds a disclaimer.
    """
    roles = cues.words("genre", "author_roles")
    phrases = cues.words("genre", "author_phrases")
    for text in texts:
        if any(p in text.lower() for p in phrases):
            return True
        words = {w.lower() for w in _WORD.findall(text)}
        words |= {w[:-1] for w in words if w.endswith("s")}  # "ambassadors", "fellows"
        if _BIO_SUBJECT.match(text) and roles & words:
            return True
    return False


def _headline(text: str, span: Span | None, cues: Cues) -> dict[str, float]:
    f: dict[str, float] = {}
    named = headline_genre(text, cues)
    if named is not None:
        f[f"headline={named[0]}"] = 1.0
    f["headline_colon"] = float(":" in text)
    if span is not None:
        tags = {t.tag_ for t in span}
        f["headline_sentence"] = float(bool(tags & (_PRESENT_TAGS | _PAST_TAGS | {"MD"})))
        speech = cues.words("attribution", "speech_verbs")
        says = any(t.lemma_.lower() in speech and t.pos_ == "VERB" for t in span)
        f["headline_says"] = float(says)
    return f


def _share(texts: Sequence[str], pattern: re.Pattern[str]) -> float:
    return sum(1 for t in texts if pattern.search(t)) / len(texts)


def _voice(texts: Sequence[str]) -> dict[str, float]:
    """Shares of sentences: person outside quotes, quotes, questions, words per sentence."""
    outside = [_QUOTED.sub(" ", t) for t in texts]
    subjectivity = load_stance().subjectivity
    words = [w.lower() for t in outside for w in _WORD.findall(t)]
    evaluative = sum(1 for w in words if subjectivity.get(w, 0.0) >= _SUBJECTIVE)
    return {
        "first_singular": _share(outside, _FIRST_SINGULAR),
        "first_plural": _share(outside, _FIRST_PLURAL),
        "second_person": _share(outside, _SECOND),
        "quoted": _share(texts, _QUOTE_MARKS),
        "question": sum(1 for t in texts if t.rstrip().endswith("?")) / len(texts),
        "exclamation": sum(1 for t in texts if "!" in t) / len(texts),
        "weekday": _share(texts, _DAY),
        # Shares of words are small; ten in a hundred evaluative is already many.
        "evaluative": min(1.0, 10.0 * evaluative / max(1, len(words))),
        "sentence_length": min(1.0, sum(len(t.split()) for t in texts) / len(texts) / 40.0),
    }


def _verbs(spans: Sequence[Span], cues: Cues) -> dict[str, float]:
    """Shares of sentences: reported speech, modals, and the main verb's tense."""
    if not spans:
        return {}
    speech = cues.words("attribution", "speech_verbs")
    according = cues.words("attribution", "according_to")
    prescriptive = cues.words("modality", "prescriptive_modals")
    hedges = cues.words("modality", "hedge_modals")
    reported = modal_p = modal_h = present = past = 0
    finite = _PAST_TAGS | _PRESENT_TAGS
    for span in spans:
        lower = span.text.lower()
        says = any(t.lemma_.lower() in speech and t.tag_ in finite for t in span)
        reported += says or any(a in lower for a in according)
        modals = {t.lower_ for t in span if t.tag_ == "MD"}
        modal_p += bool(modals & prescriptive)
        modal_h += bool(modals & hedges)
        root = next((t for t in span if t.dep_ == "ROOT"), None)
        if root is not None:
            tags = {root.tag_, *(c.tag_ for c in root.children if c.dep_ in ("aux", "auxpass"))}
            present += bool(tags & _PRESENT_TAGS) and not tags & _PAST_TAGS
            past += bool(tags & _PAST_TAGS)
    n = len(spans)
    return {
        "reported": reported / n,
        "prescriptive": modal_p / n,
        "hedged": modal_h / n,
        "present": present / (present + past) if present + past else 0.5,
    }


def _has_dateline(units: Sequence[Unit], first_claim: int) -> bool:
    """A time stamp before the text, or a dateline opening it.

    The dateline is read from the unit's record (:attr:`Unit.dateline`), not
    matched again: the unit step cuts it off the text, so a second pattern
    here saw no plain-text dateline at all, and one place decides what a
    dateline is.
    """
    before = [u.text.strip() for u in units[:first_claim] if u.kind != "title"]
    if any(_TIME_STAMP.match(t) for t in before):
        return True
    return units[first_claim].dateline
