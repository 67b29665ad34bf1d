"""The hand-written reading of each claim: the parse, the cue lexicons, attribution.

The rules read the text's own signals off the parse: the main verb with its
modal, tense and aspect; cue words from the YAML lexicon; reported speech; the
section heading a unit sits under; list structure; and position. Their
category and modality are no longer final: they are features of the fitted
model (:mod:`newsbrief.claims.features`). Attribution and actors are final.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..actors import mention_tokens
from ..config import package_file, read_yaml_mapping
from ..model import Claim, Unit

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token

    from ..actors import Located

__all__ = ["Cues", "Reading", "clause_aspect", "clause_subject", "load_cues", "read_claims"]

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH_DAY = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2}\b|\b\d{1,2}\s+(January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday)\b"
)
_SINCE_YEAR = re.compile(r"\bsince (?:1[89]\d\d|20\d\d)\b", re.IGNORECASE)
_SPEECH_LINKS = ("ROOT", "conj", "parataxis", "ccomp")


@dataclass(frozen=True)
class Cues:
    """The cue lexicons of ``data/claims.yaml``, as sets ready for lookup."""

    raw: dict[str, Any]

    def words(self, *path: str) -> frozenset[str]:
        """Return the lower-cased entries at ``path`` (e.g. ``"modality", "hedge_words"``)."""
        node: Any = self.raw
        for key in path:
            node = node.get(key, {}) if isinstance(node, dict) else {}
        return frozenset(str(x).lower() for x in node) if isinstance(node, list) else frozenset()

    def value(self, *path: str, default: Any = None) -> Any:
        """Return a scalar setting at ``path``."""
        node: Any = self.raw
        for key in path:
            if not isinstance(node, dict) or key not in node:
                return default
            node = node[key]
        return node

    def synonyms(self) -> dict[str, str]:
        """Map each word to the first word of its synonym group."""
        out: dict[str, str] = {}
        for group in self.value("restatement", "synonyms", default=[]) or []:
            for word in group:
                out.setdefault(str(word).lower(), str(group[0]).lower())
        return out


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> Cues:
    """Load the claim cue lexicons once per process.

    Parameters
    ----------
    path : str, optional
        A YAML file in the shape of ``data/claims.yaml``; the shipped one by default.

    Returns
    -------
    Cues
    """
    return Cues(read_yaml_mapping(path or package_file("claims.yaml"), "claims lexicon"))


def _has_phrase(text: str, phrases: frozenset[str]) -> str | None:
    for phrase in sorted(phrases, key=lambda p: (-len(p), p)):
        if re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text):
            return phrase
    return None


def _has_pattern(text: str, cues: Cues, *path: str) -> str | None:
    """The first match of the regular expressions listed at ``path`` in the lexicon."""
    for pattern in cues.value(*path, default=[]) or []:
        found = re.search(pattern, text)
        if found:
            return found.group(0)
    return None


@dataclass
class Reading:
    """What the parse says about one unit, gathered once for all decisions."""

    unit: Unit
    span: Span
    lower: str
    root: Token
    content: Token
    speech: Token | None
    source: str | None
    section: str | None
    item_under: Unit | None
    actor_tokens: frozenset[int] = frozenset()


def _main_root(span: Span) -> Token:
    sents = list(span.sents)  # type: ignore[attr-defined]  # missing from spaCy's stub
    for sent in sents:
        if sent.root.pos_ in ("VERB", "AUX"):
            return sent.root
    return sents[0].root if sents else span.root


def _is_source(tok: Token, cues: Cues, actor_tokens: set[int]) -> bool:
    if tok.i in actor_tokens or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    lemma = tok.lemma_.lower()
    return (
        lemma in cues.words("attribution", "source_nouns")
        or tok.lower_ in cues.words("attribution", "source_nouns")
        or tok.lower_ in cues.words("attribution", "pronouns")
        or lemma in cues.words("category", "agent_nouns")
    )


def clause_subject(verb: Token) -> Token | None:
    """The verb's nominal subject (active or passive), if the parse gives one."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _phrase_text(tok: Token) -> str:
    """The subject as written, without clauses, appositions or articles."""
    keep = [tok]
    for child in tok.subtree:
        if child.i == tok.i:
            continue
        path = child
        ok = True
        while path.i != tok.i:
            keep_prep = path.dep_ == "prep" and path.head.pos_ == "PROPN" and path.lower_ == "of"
            if (
                path.dep_ in ("appos", "relcl", "acl", "prep", "punct", "advmod", "cc")
                and not (path.dep_ == "cc" and path.head.i == tok.i)
                and not keep_prep
            ):
                ok = False
                break
            path = path.head
        if ok:
            keep.append(child)
    keep.sort(key=lambda t: t.i)
    ents = [e for e in tok.doc.ents if e.label_ == "PERSON" and e.start <= tok.i < e.end]
    if ents:
        return ents[0].text
    text = tok.doc[keep[0].i : keep[-1].i + 1].text
    return re.sub(r"^(?:a|an|A|An)\s+", "", text).strip(" ,")


def _quote_depth(span: Span) -> dict[int, int]:
    """Token index -> 1 when the token sits inside quotation marks."""
    marks = [t.text for t in span if t.text in ("“", "”", '"')]
    depth, out = (1 if marks and marks[0] == "”" else 0), {}
    for tok in span:
        if tok.text in ("“", "‘") or (tok.text == '"' and depth == 0):
            out[tok.i] = depth
            depth = 1
            continue
        if tok.text in ("”", "’", '"') and depth:
            depth = 0
        out[tok.i] = depth
    return out


def _speechsubject(tok: Token) -> Token | None:
    """The verb's own subject, or for a bare conjunct or participle its head's."""
    subj = clause_subject(tok)
    if subj is None and tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.i != tok.i:
        subj = clause_subject(tok.head)
        if subj is not None and tok.dep_ == "advcl" and subj.ent_type_ != "PERSON":
            return None
    return subj


def _speech_candidates(span: Span, root: Token) -> list[Token]:
    depth = _quote_depth(span)
    verbs = [
        t
        for t in span
        if t.pos_ in ("VERB", "AUX")
        and (t.i == root.i or t.head.i == root.i)
        and (t.dep_ in _SPEECH_LINKS or (t.dep_ == "advcl" and t.tag_ == "VBG"))
    ]
    return sorted(verbs, key=lambda t: (depth.get(t.i, 0), t.i))


def _find_speech(
    span: Span, root: Token, cues: Cues, actor_tokens: set[int]
) -> tuple[Token | None, Token | None]:
    """The reporting verb whose subject is the claim's source, if any.

    Verbs outside quotation marks win: in ``"We believe it," Sullivan said``
    the source is Sullivan, not "we".
    """
    speech = cues.words("attribution", "speech_verbs")
    cognition = cues.words("attribution", "cognition_verbs")
    position = cues.words("attribution", "position_verbs")
    stance = cues.words("attribution", "stance_adjectives")
    evaluative = cues.words("category", "evaluative_nouns")
    for tok in _speech_candidates(span, root):
        lemma = tok.lemma_.lower()
        subj = _speechsubject(tok)
        if subj is None or not _is_source(subj, cues, actor_tokens):
            continue
        kids = list(tok.children)
        takes_clause = any(c.dep_ in ("ccomp", "parataxis") for c in kids) or (
            tok.dep_ == "ROOT" and span[0].text in ("“", '"')
        )
        if lemma in speech and lemma != "cast" and (takes_clause or tok.dep_ == "ROOT"):
            if any(c.dep_ == "dobj" for c in kids) and not takes_clause:
                continue
            return tok, subj
        if lemma in position and _is_agent(subj, cues, frozenset(actor_tokens)):
            return tok, subj
        if lemma == "cast" and any(c.lower_ == "doubt" for c in kids):
            return tok, subj
        if lemma == "be" and any(c.dep_ == "acomp" and c.lower_ in stance for c in kids):
            return tok, subj
        objects = [c for c in kids if c.dep_ == "dobj"]
        if lemma in cognition and (
            takes_clause or any(o.lemma_.lower() in evaluative for o in objects)
        ):
            return tok, subj
    return None, None


def _according_to(span: Span) -> str | None:
    for tok in span:
        if tok.lower_ == "to" and tok.i > span.start and tok.nbor(-1).lower_ == "according":
            objs = [c for c in tok.children if c.dep_ == "pobj"]
            if objs:
                return _phrase_text(objs[0])
    return None


def read_claims(
    units: Sequence[Unit],
    spans: Sequence[Span],
    located: Sequence[Located],
    cues: Cues,
) -> tuple[list[Claim], list[Reading]]:
    """Read every claim and lead_in unit with the hand-written rules.

    The rules' category and modality are not the final word: they become
    features of the learned model (:mod:`newsbrief.claims.model`), beside the
    reading of the parse they were decided from.

    Parameters
    ----------
    units, spans : sequences
        The units and their parses.
    located : sequence of Located
        Actor mentions (for the ``actors`` field and for spotting sources).
    cues : Cues
        The lexicons.

    Returns
    -------
    claims : list of Claim
        One per claim or lead_in unit, in reading order, without restatements.
    readings : list of Reading
        What the parse says about each of them, in the same order.
    """
    located_by_unit: dict[int, list[Located]] = {}
    for loc in located:
        located_by_unit.setdefault(loc.mention.unit, []).append(loc)
    actors_by_unit: dict[int, list[str]] = {}
    actor_tokens: set[int] = set()
    for loc in located:
        actors_by_unit.setdefault(loc.mention.unit, [])
        if loc.entry.id not in actors_by_unit[loc.mention.unit]:
            actors_by_unit[loc.mention.unit].append(loc.entry.id)
    claims: list[Claim] = []
    readings: list[Reading] = []
    lead_in: Unit | None = None
    last_source: str | None = None
    first_claim = True
    for unit, span in zip(units, spans, strict=True):
        if unit.kind == "lead_in":
            lead_in = unit
        elif not unit.list_item:
            lead_in = None if unit.kind != "lead_in" else lead_in
        if unit.kind not in ("claim", "lead_in"):
            continue
        actor_tokens = set(mention_tokens(unit, span, located_by_unit.get(unit.index, ())))
        reading = _read(unit, span, cues, actor_tokens, lead_in if unit.list_item else None)
        modality, mcue = _modality(reading, cues)
        category, ccue = _category(reading, modality, cues, first_claim)
        attribution, acue = _attribution(reading, claims, last_source, cues)
        readings.append(reading)
        if attribution != "author":
            last_source = attribution
        claims.append(
            Claim(
                unit=unit.index,
                category=category if unit.kind == "claim" else None,
                modality=modality if unit.kind == "claim" else None,
                attribution=attribution,
                actors=tuple(actors_by_unit.get(unit.index, [])),
                restates=None,
                cues={"category": ccue, "modality": mcue, "attribution": acue},
            )
        )
        if unit.kind == "claim":
            first_claim = False
    return _quote_runs(claims, units), readings


def _quote_runs(claims: list[Claim], units: Sequence[Unit]) -> list[Claim]:
    """Sentences of one quotation share its speaker, named where the quote closes.

    A quotation that names no speaker continues the previous one's.
    """
    out = list(claims)
    run: list[int] = []
    for k, claim in enumerate(claims):
        text = units[claim.unit].text
        opens, closes = text.count("“"), text.count("”")
        if run and units[claim.unit].paragraph != units[claims[run[0]].unit].paragraph:
            run = []
        if not run and opens > closes:
            run = [k]
        elif run:
            run.append(k)
            if closes > opens:
                _give_speaker(out, run, claim.attribution)
                run = []
        elif text.startswith("“") and text.rstrip(".").endswith("”"):
            _give_speaker(out, [k], claim.attribution)
    return out


def _give_speaker(out: list[Claim], run: list[int], source: str) -> None:
    if source == "author":
        source = out[run[0]].attribution  # named where the quote opens ("X: “...")
    if source == "author" and run[0] > 0:
        source = out[run[0] - 1].attribution  # the speaker goes on
    if source == "author":
        return
    for j in run:
        if out[j].attribution in ("author", "We", "we", "I"):
            cues = {**out[j].cues, "attribution": ("quotation carries its speaker",)}
            out[j] = replace(out[j], attribution=source, cues=cues)


def _read(
    unit: Unit, span: Span, cues: Cues, actor_tokens: set[int], lead_in: Unit | None
) -> Reading:
    root = _main_root(span)
    speech, subj = _find_speech(span, root, cues, actor_tokens)
    if speech is None and unit.kind == "lead_in":
        lead_subj = clause_subject(root)
        if lead_subj is not None and _is_agent(lead_subj, cues):
            speech, subj = root, lead_subj
    content = root
    if speech is not None:
        clause = [c for c in speech.children if c.dep_ == "ccomp"]
        content = clause[-1] if clause else (root if speech.i != root.i else speech)
    source = _phrase_text(subj) if subj is not None else None
    lower = unit.text.lower()
    return Reading(
        unit,
        span,
        lower,
        root,
        content,
        speech,
        source,
        unit.section,
        lead_in,
        frozenset(actor_tokens),
    )


def _section_prior(section: str | None, cues: Cues) -> tuple[str, str] | None:
    if not section:
        return None
    low = section.lower()
    for category in ("recommendation", "implication", "context", "objective"):
        hit = _has_phrase(low, cues.words("sections", category))
        if hit:
            return category, hit
    return None


def _modals(r: Reading) -> list[Token]:
    return [t for t in r.span if t.tag_ == "MD"]


def _future_in_past(modal: Token, r: Reading, cues: Cues) -> bool:
    """Tell reported future ("he said NATO would not ...", a backshift) from a hedge."""
    if modal.lower_ != "would":
        return False
    speech = cues.words("attribution", "speech_verbs")
    for anc in modal.head.ancestors:
        if anc.lemma_.lower() in speech and anc.tag_ in ("VBD", "VBN", "VBG"):
            return True
    return False


def _modality(r: Reading, cues: Cues) -> tuple[str, tuple[str, ...]]:
    text = r.lower
    for phrase in cues.words("modality", "prescriptive_exceptions"):
        text = text.replace(phrase, " ")
    for md in _modals(r):
        if md.lemma_.lower() in cues.words("modality", "prescriptive_modals"):
            return "prescriptive", (f"modal:{md.lower_}",)
    hit = _has_phrase(text, cues.words("modality", "prescriptive_phrases"))
    if hit:
        return "prescriptive", (f"phrase:{hit}",)
    found = _has_pattern(text, cues, "modality", "prescriptive_patterns")
    if found:
        return "prescriptive", (f"pattern:{found}",)
    hedge = _hedge(r, text, cues)
    if hedge:
        return "hedged", (hedge,)
    return "asserted", ("default:no modal or hedge",)


def _hedging_modals(r: Reading, cues: Cues) -> list[Token]:
    """Modals that hedge: not backshifted "would", not "could only" (a condition)."""
    restrictive = cues.words("modality", "restrictive_after_modal")
    out = []
    for md in _modals(r):
        if md.lemma_.lower() not in cues.words("modality", "hedge_modals"):
            continue
        if md.i + 1 < len(md.doc) and md.nbor(1).lower_ in restrictive:
            continue
        if not _future_in_past(md, r, cues):
            out.append(md)
    return out


def _hedge(r: Reading, text: str, cues: Cues) -> str | None:
    for md in _hedging_modals(r, cues):
        return f"modal:{md.lower_}"
    for tok in r.span:
        if tok.lower_ in cues.words("modality", "hedge_words"):
            return f"adverb:{tok.lower_}"
        if tok.lemma_.lower() in cues.words("modality", "hedge_verbs") and tok.pos_ == "VERB":
            return f"verb:{tok.lemma_}"
    hit = _has_phrase(text, cues.words("modality", "hedge_phrases"))
    if hit:
        return f"phrase:{hit}"
    if cues.value("modality", "conditional_prediction") and _if_then(r):
        return "conditional:if…then"
    return None


def _if_then(r: Reading) -> bool:
    words = [t.lower_ for t in r.span]
    return "if" in words and "then" in words[words.index("if") :]


def clause_aspect(verb: Token) -> str:
    """Tense and aspect of a clause's verb: future, perfect, progressive, past, present."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & {"will", "shall", "'ll", "wo"} or (
        verb.lower_ in ("going",) and any(c.dep_ == "xcomp" for c in verb.children)
    ):
        return "future"
    if any(a.lemma_ == "have" for a in aux):
        return "perfect"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in aux):
        return "progressive"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return "present"
    return "other"


def _is_agent(tok: Token | None, cues: Cues, actor_tokens: frozenset[int] = frozenset()) -> bool:
    if tok is None:
        return False
    if tok.i in actor_tokens:
        return True
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ == "PROPN":
        return True
    if tok.lower_ in ("we", "they", "he", "she", "i", "you"):
        return True
    return tok.lemma_.lower() in cues.words("category", "agent_nouns")


def _category(r: Reading, modality: str, cues: Cues, first: bool) -> tuple[str, tuple[str, ...]]:
    prior = _section_prior(r.section, cues)
    for rule in (_rule_prescriptive, _rule_hedged, _rule_objective, _rule_assessment):
        decided = rule(r, modality, cues, prior)
        if decided:
            return decided
    return _rule_tense(r, cues, prior, first)


def _rule_prescriptive(r, modality, cues, prior):
    if modality == "prescriptive":
        return "recommendation", ("modality:prescriptive",)
    return None


def _rule_hedged(r: Reading, modality: str, cues: Cues, prior):
    hit = _has_phrase(r.lower, cues.words("category", "implication_phrases"))
    if hit:
        return "implication", (f"phrase:{hit}",)
    found = _has_pattern(r.lower, cues, "category", "implication_patterns")
    if found:
        return "implication", (f"pattern:{found}",)
    modals = _hedging_modals(r, cues)
    if modals:
        md = modals[0]
        if prior and prior[0] == "recommendation" and md.lower_ != "would":
            return "recommendation", (f"section:{prior[1]}", f"modal:{md.lower_}")
        if any(c.lower_ == "have" for c in md.head.children if c.dep_ == "aux"):
            return "assessment", (f"modal perfect:{md.lower_} have",)
        return "implication", (f"modal:{md.lower_}",)
    if any(t.lemma_.lower() in cues.words("modality", "hedge_verbs") for t in r.span):
        return "assessment", ("verb:appear/seem",)
    if modality == "hedged":
        if clause_aspect(r.content) == "future" or _if_then(r) or _has_phrase(r.lower, _DOUBT):
            return "implication", ("hedged future or doubt",)
        return "assessment", ("hedged present",)
    return None


_DOUBT = frozenset({"whether", "doubt", "skeptical", "sceptical", "uncertain"})


def _rule_objective(r: Reading, modality, cues: Cues, prior):
    hit = _has_phrase(r.lower, cues.words("category", "objective_phrases"))
    if hit and not (hit == "to ensure" and clause_aspect(r.content) in ("past", "perfect")):
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
    return None


def _rule_assessment(r: Reading, modality, cues: Cues, prior):
    hit = _has_phrase(r.lower, cues.words("category", "opinion_phrases"))
    if hit:
        return "assessment", (f"phrase:{hit}",)
    root = r.root
    lemma = root.lemma_.lower()
    subj = clause_subject(root)
    evidence = cues.words("category", "evidence_nouns")
    if (
        lemma in cues.words("category", "assessment_verbs")
        and not _is_agent(subj, cues, r.actor_tokens)
        and not (subj is not None and subj.lemma_.lower() in evidence)
    ):
        return "assessment", (f"verb:{lemma} with non-agent subject",)
    if r.speech is not None and r.speech.lemma_.lower() in cues.words(
        "category", "cognition_verbs"
    ):
        if clause_aspect(r.content) == "future":
            if _is_agent(clause_subject(r.content), cues, r.actor_tokens):
                return None  # "noted that Canada will send ships": a reported plan
            return "implication", (f"verb:{r.speech.lemma_} + future",)
        return "assessment", (f"verb:{r.speech.lemma_}",)
    return _evaluative_predicate(r.content, cues)


def _evaluative_predicate(verb: Token, cues: Cues):
    if verb.lemma_ != "be" or clause_aspect(verb) == "future":
        return None
    for child in verb.children:
        if child.dep_ in ("acomp", "attr"):
            words = {child.lemma_.lower()} | {c.lemma_.lower() for c in child.children}
            adj = words & cues.words("category", "evaluative_adjectives")
            noun = words & cues.words("category", "evaluative_nouns")
            if adj or noun:
                return "assessment", (f"evaluative:{sorted(adj | noun)[0]}",)
    return None


def _rule_tense(r: Reading, cues: Cues, prior, first: bool):
    aspect = clause_aspect(r.content)
    subj = clause_subject(r.content)
    scheduled = r.content.lemma_.lower() in cues.words("category", "scheduled_verbs")
    if aspect == "future" and not _is_agent(subj, cues, r.actor_tokens) and not scheduled:
        return "implication", ("future with non-agent subject",)
    if first:
        return "event", ("position:lead",)
    hit = _has_phrase(r.lower, cues.words("category", "context_phrases"))
    if hit:
        return "context", (f"phrase:{hit}",)
    if prior and prior[0] == "context" and aspect != "future":
        return "context", (f"section:{prior[1]}",)
    if aspect == "present" and r.content.lemma_ not in ("say",):
        return "context", ("tense:present simple",)
    if aspect == "past" and _YEAR.search(r.unit.text) and not _MONTH_DAY.search(r.unit.text):
        return "context", ("dated by year only",)
    if aspect in ("perfect", "present") and _SINCE_YEAR.search(r.unit.text):
        return "context", ("since a year",)
    return "event", (f"tense:{aspect}",)


_COLON_QUOTE = re.compile(r"^([^:“\"]{2,160}):\s*[“\"]")


def _colon_speaker(r: Reading, cues: Cues) -> str | None:
    """The speaker of ``X: “...”`` or ``X described the call: “...”``."""
    text = r.span.text
    m = _COLON_QUOTE.match(text)
    if not m:
        return None
    intro = [t for t in r.span if t.idx - r.span.start_char < m.end(1)]
    for tok in intro:
        if tok.pos_ in ("VERB", "AUX"):
            subj = clause_subject(tok)
            if subj is not None and subj.i in {t.i for t in intro}:
                return _phrase_text(subj) if _is_agent(subj, cues, r.actor_tokens) else None
    if any(t.pos_ == "PROPN" or t.i in r.actor_tokens for t in intro):
        return m.group(1).strip()
    return None


def _attribution(
    r: Reading, earlier: list[Claim], last_source: str | None, cues: Cues
) -> tuple[str, tuple[str, ...]]:
    if r.item_under is not None:
        for claim in reversed(earlier):
            if claim.unit == r.item_under.index and claim.attribution != "author":
                return claim.attribution, ("lead-in carries over",)
    according = _according_to(r.span)
    if according:
        return according, ("according to",)
    if r.source is None or r.speech is None:
        introduced = _colon_speaker(r, cues)
        if introduced:
            return introduced, ("introduces a quotation with a colon",)
        return "author", ("no reporting verb",)
    resolving = cues.words("attribution", "pronoun_resolving")
    if r.source.lower() in resolving and last_source:
        return last_source, (f"verb:{r.speech.lemma_}", f"resolved:{r.source}")
    return r.source, (f"verb:{r.speech.lemma_}",)
