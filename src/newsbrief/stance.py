"""Evaluative word lists, and the words of a clause that condemn what it tells of.

Two lexicons from maintained packages, read from their data files: VADER's
valence (-4..4, how good or bad a word is) and TextBlob's subjectivity (0..1).
The claims features weigh both; the relations read a speaker's judgement from
them ("X said Y's conduct was reckless": X disapproves of Y), so they live
below both.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from .config import cache_dir
from .datacache import cached_parse

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from spacy.tokens import Token

__all__ = ["DAMNING", "Stance", "damning_words", "load_stance"]


@dataclass(frozen=True)
class Stance:
    """Evaluative word lists: VADER valence (-4..4) and TextBlob subjectivity (0..1)."""

    valence: dict[str, float]
    subjectivity: dict[str, float]


@lru_cache(maxsize=1)
def load_stance() -> Stance:
    """Read the two lexicons from the installed packages, without importing them.

    Importing ``textblob`` pulls in NLTK (seconds); its lexicon is one XML file.
    What each file yields is cached by content (:mod:`newsbrief.datacache`):
    parsing them took 20-40 ms of every cold start.
    """
    return Stance(_vader_lexicon(), _textblob_subjectivity())


def _package_dir(name: str) -> Path | None:
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _vader_lexicon() -> dict[str, float]:
    folder = _package_dir("vaderSentiment")
    if folder is None:
        return {}
    text = (folder / "vader_lexicon.txt").read_text(encoding="utf-8")
    return dict(cached_parse(_parse_vader, text, cache_dir()))


def _parse_vader(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            out[parts[0].lower()] = float(parts[1])
    return out


def _textblob_subjectivity() -> dict[str, float]:
    folder = _package_dir("textblob")
    if folder is None:
        return {}
    xml = (folder / "en" / "en-sentiment.xml").read_bytes()
    return dict(cached_parse(_parse_textblob, xml, cache_dir()))


def _parse_textblob(xml: bytes) -> dict[str, float]:
    from xml.etree import ElementTree  # only when the cache lacks it

    scores: dict[str, list[float]] = {}
    root = ElementTree.fromstring(xml)
    for word in root.iter("word"):
        form = (word.get("form") or "").lower()
        if form.isalpha():
            scores.setdefault(form, []).append(float(word.get("subjectivity") or 0.0))
    return {w: sum(v) / len(v) for w, v in scores.items()}


#: VADER valence at or below which a word condemns ("illegal" -2.6, "reckless"
#: -1.7, "dirty" -1.9); milder words ("aggressive" -0.6) describe more than judge.
DAMNING = -1.5
#: Dependents that complete a clause's verb: what its subject is, does or is called.
_PREDICATE = frozenset({"acomp", "attr", "oprd", "dobj", "xcomp", "advmod"})
#: Of those, the ones that say what the subject is: a "not" on the verb denies them.
_COPULAR = frozenset({"acomp", "attr", "oprd"})


def damning_words(
    clause: Token, valence: Mapping[str, float], is_act: Callable[[Token], bool]
) -> list[Token]:
    """Words of a clause's predicate that condemn its subject.

    Adjectives ("Y's conduct was reckless and illegal", "Y keeps up this dirty
    play") and nouns that name the subject ("it was a clear violation of the
    law") or a hostile act it carries out (``is_act``: "Y directed the
    attacks") condemn when their valence is at most :data:`DAMNING`. Nouns of
    a misfortune the subject meets ("Y suffered heavy losses") are objects
    but no act of its, so they do not; nor do words deeper in the clause
    ("accepted a proposal to end the devastating conflict"), which judge
    something else. A "not" denies the word it modifies, and a "not" on the
    verb denies what the subject is said to be ("Y was not irresponsible")
    and the act it names ("Y did not launch this war"), not the words
    describing the object it acts on ("Y was not stopping this dirty play").
    """
    negated = any(c.dep_ == "neg" for c in clause.children)
    roles: list[tuple[Token, str]] = [(clause, "attr" if clause.pos_ == "ADJ" else "root")]
    roles += [(c, c.dep_) for c in clause.children if c.dep_ in _PREDICATE]
    roles += [(c, dep) for w, dep in roles for c in w.children if c.dep_ == "conj"]
    if negated:  # what it is not, or an act it did not do; the object's own words stay
        roles = [(w, dep) for w, dep in roles if dep not in _COPULAR]
    words = [w for w, _ in roles if not (negated and w.pos_ == "NOUN")]
    words += [c for w, _ in roles for c in w.children if c.dep_ == "amod"]
    role = {w.i: dep for w, dep in roles}
    return [
        w
        for w in words
        if valence.get(w.lower_, 0.0) <= DAMNING
        and not any(c.dep_ == "neg" for c in w.children)
        and (w.pos_ == "ADJ" or (w.pos_ == "NOUN" and (role.get(w.i) in _COPULAR or is_act(w))))
    ]
