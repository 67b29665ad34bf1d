"""Run the pipeline on one article.

``analyze`` is the one place that chains the steps (article -> units ->
actors -> relations -> claims); everything downstream (tables, graph,
figures, report) reads the :class:`~newsbrief.model.Analysis` it returns or
its JSON form (:mod:`newsbrief.records`, re-exported here), so an article
is parsed once however it is used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .actors import extract_actors
from .article import read_source
from .bystanders import drop_bystanders
from .claims import ClaimReading, decide, default_models, load_cues, read_article_claims
from .claims.model import LinearModel
from .config import DEFAULT_MAX_BYTES
from .coref import resolve as resolve_mentions
from .errors import NewsbriefError
from .gazetteer import load_gazetteer
from .links import placed_actors
from .model import Actor, Analysis, ArticleInfo, Relation, Source, Unit
from .nlp import parse
from .parsed import parse_article
from .records import (
    SCHEMA_ID,
    analysis_schema,
    from_dict,
    json_chunks,
    load_analysis,
    to_dict,
    to_json,
    validate,
)
from .relations import extract_relations, load_lexicon
from .units import split_blocks

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from spacy.tokens import Doc

__all__ = [
    "SCHEMA_ID",
    "Settings",
    "analysis_schema",
    "analyze",
    "analyze_file",
    "analyze_sources",
    "from_dict",
    "json_chunks",
    "load_analysis",
    "read_with_claims",
    "to_dict",
    "to_json",
    "validate",
]


@dataclass(frozen=True)
class Settings:
    """Where the lexicons come from; the shipped YAML unless a user points elsewhere."""

    gazetteers: tuple[str, ...] = ()
    relations_lexicon: str | None = None
    claims_lexicon: str | None = None

    def parameters(self) -> dict[str, Any]:
        """The settings as papermill parameters (JSON values).

        The report passes them to every notebook; a notebook that declares
        them in its ``parameters`` cell receives them (papermill drops the rest).
        """
        return {
            "gazetteers": list(self.gazetteers),
            "relations_lexicon": self.relations_lexicon,
            "claims_lexicon": self.claims_lexicon,
        }


#: A title longer than this is cut at a word, with an ellipsis.
_TITLE_CHARS = 200


def _title(units: Sequence[Unit]) -> str:
    """The article's title: a heading of its first two paragraphs, else its first line.

    A headline longer than a heading may be (a joint declaration's "Joint
    Declaration by the Prime Minister of ... on the outcomes of their
    meeting in ...") is read as a sentence, and the first heading is then a
    signature at the foot ("Hun Manet") or a section in the middle: the
    briefing took that for the title. A heading after a lead paragraph is
    still the headline (some pages put the lead first).
    """
    heading = next((u for u in units if u.kind in ("title", "heading") and u.paragraph <= 1), None)
    if heading is not None:
        return heading.text
    text = units[0].text.strip()
    if len(text) <= _TITLE_CHARS:
        return text
    return text[:_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def analyze(source: Source, settings: Settings = Settings()) -> Analysis:
    """Analyze one decoded article.

    Parameters
    ----------
    source : Source
        From :func:`newsbrief.article.read_source` or ``source_from_text``.
    settings : Settings
        Optional user lexicons.

    Returns
    -------
    Analysis

    Examples
    --------
    >>> from newsbrief.article import source_from_text
    >>> a = analyze(source_from_text("Japan will send officers to NATO."))
    >>> [x.id for x in a.actors]
    ['JPN', 'NATO']
    """
    blocks = split_blocks(source.text, source.line_kinds)
    # The parse goes straight into the reading step, never into a name here,
    # so the Docs are freed when that step returns (see :class:`_Read`).
    return _decided(source, _read(source, blocks, list(parse(b.text for b in blocks)), settings))


def analyze_sources(
    sources: Iterable[Source], settings: Settings = Settings(), n_process: int = 1
) -> Iterator[Analysis]:
    """Analyze many articles, streaming, with spaCy's own multiprocessing.

    Blocks of all articles flow through one ``nlp.pipe`` so batching and
    worker processes are shared; results come back in input order.
    """
    pending: list[tuple[Source, list]] = []

    def texts() -> Iterator[str]:
        for source in sources:
            blocks = split_blocks(source.text, source.line_kinds)
            pending.append((source, blocks))
            yield from (b.text for b in blocks)

    buffer: list[Doc] = []
    k = 0
    for doc in parse(texts(), n_process=n_process):
        buffer.append(doc)
        source, blocks = pending[k]
        if len(buffer) == len(blocks):
            pending[k] = (source, [])  # streaming: keep nothing of done articles
            k += 1
            docs, buffer = buffer, []
            read = _read(source, blocks, docs, settings)
            del docs  # the parse is not held while the models decide (see _Read)
            yield _decided(source, read)


@dataclass(frozen=True)
class _Read:
    """What the steps that walk the parse leave for the claim models: no spaCy object.

    The Docs of a book-length input (a Python object per block, a C struct
    per token, the spans and mention maps built over them) were held until
    the analysis was returned, while the restatement step loaded its
    embedding and scored its pairs: with the claims' features beside them
    they set the run's peak memory. Nothing after the claims' reading walks
    a token, so the parse is released there.
    """

    units: tuple[Unit, ...]
    actors: tuple[Actor, ...]
    relations: tuple[Relation, ...]
    reading: ClaimReading
    models: dict[str, LinearModel]


def _read(
    source: Source,
    blocks: list,
    docs: list[Doc],
    settings: Settings,
    models: dict[str, LinearModel] | None = None,
) -> _Read:
    """Units, actors, relations and the claims' reading, from the parsed blocks."""
    parse = parse_article(source.text, blocks, docs)
    units = parse.units
    if not any(u.kind == "claim" for u in units):
        raise NewsbriefError(f"{source.path}: no sentences found in the article{_script(source)}")
    gazetteer = load_gazetteer(settings.gazetteers)
    actors, parse = extract_actors(parse, gazetteer)
    actors, parse = resolve_mentions(parse, actors, gazetteer)
    actors, parse = drop_bystanders(parse, actors, gazetteer)
    lexicon = load_lexicon(settings.relations_lexicon)
    relations = extract_relations(parse, actors, lexicon, gazetteer)
    actors = placed_actors(actors, relations)
    models = default_models() if models is None else models
    reading = read_article_claims(parse, load_cues(settings.claims_lexicon), models.get("genre"))
    return _Read(units, tuple(actors), tuple(relations), reading, models)


def assemble_with_reading(
    source: Source,
    blocks: list,
    docs: list[Doc],
    settings: Settings,
    models: dict[str, LinearModel] | None = None,
) -> tuple[Analysis, ClaimReading]:
    """Assemble an analysis and keep what the claim models saw (for training)."""
    read = _read(source, blocks, docs, settings, models)
    return _decided(source, read), read.reading


def _script(source: Source) -> str:
    """Why a text of letters has no sentence, when its letters are not Latin.

    A text in Chinese or Japanese has no spaces and no full stop the splitter
    knows, so it gave "no sentences found", which a reader takes for an
    empty file; the language check (:func:`newsbrief.article.language_warning`)
    counts words and never sees it. Most letters outside the Latin script
    name the reason instead.
    """
    letters = [ch for ch in source.text if ch.isalpha()]
    latin = sum(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in letters)
    if not letters or 2 * latin >= len(letters):
        return ""
    return " (its letters are not in the Latin script; newsbrief reads English only)"


#: A word as ``str.split`` finds one: a run of characters that are not whitespace
#: (``\s`` is the same Unicode whitespace test as ``str.isspace``).
_WORD = re.compile(r"\S+")


def word_count(text: str) -> int:
    """``len(text.split())``, counted without the list of words.

    The list held a book-length article's every word as a string of its own
    at once (330,000 of them, 14 MB at the top of a 1.95 MB article's peak)
    just to take its length; a match at a time holds one.
    """
    return sum(1 for _ in _WORD.finditer(text))


def _decided(source: Source, read: _Read) -> Analysis:
    """Let the claim models decide, and put the analysis together."""
    units, reading = read.units, read.reading
    claims = decide(reading, read.models)
    title = source.title or _title(units)
    info = ArticleInfo(
        path=source.path,
        title=title,
        sha256=source.sha256,
        words=word_count(source.text),
        genre=reading.genre,
        date=source.date,
    )
    return Analysis(info, source.text, tuple(units), read.actors, read.relations, tuple(claims))


def read_with_claims(
    source: Source, settings: Settings = Settings(), models: dict[str, LinearModel] | None = None
) -> tuple[Analysis, ClaimReading]:
    """Analyze one article and return the claim features beside it (training, CV)."""
    blocks = split_blocks(source.text, source.line_kinds)
    read = _read(source, blocks, list(parse(b.text for b in blocks)), settings, models)
    return _decided(source, read), read.reading


def analyze_file(
    path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, settings: Settings = Settings()
) -> Analysis:
    """Read and analyze an article file (see :func:`newsbrief.article.read_source`)."""
    return analyze(read_source(path, max_bytes), settings)
