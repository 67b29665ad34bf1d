"""Run the pipeline on one article and move analyses in and out of JSON.

``analyze`` is the one place that chains the steps (article -> units ->
actors -> relations -> claims); everything downstream (tables, graph,
figures, report) reads the :class:`~newsbrief.model.Analysis` it returns or
its JSON form, so an article is parsed once however it is used.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import vocabulary
from .actors import extract_actors
from .article import read_source
from .claims import ClaimReading, decide, default_models, load_cues, read_article_claims
from .claims.model import LinearModel
from .config import DEFAULT_MAX_BYTES, package_file
from .errors import NewsbriefError
from .gazetteer import load_gazetteer
from .model import Actor, Analysis, ArticleInfo, Claim, Evidence, Mention, Relation, Source, Unit
from .nlp import parse
from .relations import extract_relations, load_lexicon
from .units import build_units, split_blocks

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

SCHEMA_ID = "newsbrief/analysis/1"


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
    blocks = split_blocks(source.text)
    docs = list(parse(b.text for b in blocks))
    return _assemble(source, blocks, docs, settings)


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
            blocks = split_blocks(source.text)
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
            yield _assemble(source, blocks, buffer, settings)
            buffer = []


def _assemble(source: Source, blocks: list, docs: list[Doc], settings: Settings) -> Analysis:
    return assemble_with_reading(source, blocks, docs, settings)[0]


def assemble_with_reading(
    source: Source,
    blocks: list,
    docs: list[Doc],
    settings: Settings,
    models: dict[str, LinearModel] | None = None,
) -> tuple[Analysis, ClaimReading]:
    """Assemble an analysis and keep what the claim models saw (for training)."""
    units, spans = build_units(source.text, blocks, docs)
    if not any(u.kind == "claim" for u in units):
        raise NewsbriefError(f"{source.path}: no sentences found in the article")
    gazetteer = load_gazetteer(settings.gazetteers)
    actors, located = extract_actors(units, spans, gazetteer)
    relations = extract_relations(
        units, spans, located, actors, load_lexicon(settings.relations_lexicon)
    )
    reading = read_article_claims(units, spans, located, load_cues(settings.claims_lexicon))
    claims = decide(reading, default_models() if models is None else models)
    title = source.title or next(
        (u.text for u in units if u.kind in ("title", "heading")), units[0].text[:120]
    )
    info = ArticleInfo(
        path=source.path,
        title=title,
        sha256=source.sha256,
        words=len(source.text.split()),
        genre=reading.genre,
    )
    analysis = Analysis(
        info, source.text, tuple(units), tuple(actors), tuple(relations), tuple(claims)
    )
    return analysis, reading


def read_with_claims(
    source: Source, settings: Settings = Settings(), models: dict[str, LinearModel] | None = None
) -> tuple[Analysis, ClaimReading]:
    """Analyze one article and return the claim features beside it (training, CV)."""
    blocks = split_blocks(source.text)
    docs = list(parse(b.text for b in blocks))
    return assemble_with_reading(source, blocks, docs, settings, models)


def analyze_file(
    path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, settings: Settings = Settings()
) -> Analysis:
    """Read and analyze an article file (see :func:`newsbrief.article.read_source`)."""
    return analyze(read_source(path, max_bytes), settings)


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """Return the JSON-ready form, with the fields of ANNOTATION.md."""
    claims = {c.unit: c for c in analysis.claims}
    units = []
    for u in analysis.units:
        c = claims.get(u.index)
        units.append(
            {
                "index": u.index,
                "kind": u.kind,
                "start": u.start,
                "end": u.end,
                "text": u.text,
                "section": u.section,
                "label": u.label,
                "paragraph": u.paragraph,
                "list_item": u.list_item,
                "category": c.category if c else None,
                "modality": c.modality if c else None,
                "attribution": c.attribution if c else None,
                "actors": list(c.actors) if c else [],
                "restates": c.restates if c else None,
                "cues": {k: list(v) for k, v in c.cues.items()} if c else {},
                "curated": bool(c and c.curated),
                "curated_fields": list(c.curated) if c else [],
            }
        )
    return {
        "schema": SCHEMA_ID,
        "article": {
            "path": analysis.article.path,
            "title": analysis.article.title,
            "sha256": analysis.article.sha256,
            "words": analysis.article.words,
            "genre": analysis.article.genre,
        },
        "text": analysis.text,
        "units": units,
        "actors": [_actor_dict(a) for a in analysis.actors],
        "relations": [_relation_dict(r) for r in analysis.relations],
    }


def _actor_dict(a: Actor) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "type": a.type,
        "code": a.code,
        "aliases": list(a.aliases),
        "part_of": a.part_of,
        "first_unit": a.first_unit,
        "mentions": [vars(m) for m in a.mentions],
        "origin": a.origin,
        "curated": a.curated,
    }


def _relation_dict(r: Relation) -> dict[str, Any]:
    return {
        "source": r.source,
        "target": r.target,
        "type": r.type,
        "polarity": r.polarity,
        "class": r.event_class,
        "weak": r.weak,
        "evidence": [vars(e) for e in r.evidence],
        "cues": list(r.cues),
        "curated": r.curated,
    }


def to_json(analysis: Analysis) -> str:
    """Serialise deterministically: same analysis, byte-identical text."""
    return "".join(json_chunks(analysis))


def json_chunks(analysis: Analysis) -> Iterator[str]:
    """The text of :func:`to_json` in pieces, for writing without holding it whole.

    A book-length article's JSON is tens of megabytes; as one Python string
    beside the records it came from it set the peak memory of the run.
    """
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    buffer: list[str] = []
    size = 0
    for piece in encoder.iterencode(to_dict(analysis)):
        buffer.append(piece)
        size += len(piece)
        if size >= 1 << 16:
            yield "".join(buffer)
            buffer, size = [], 0
    yield "".join(buffer) + "\n"


def from_dict(data: dict[str, Any]) -> Analysis:
    """Rebuild an Analysis from its JSON form (the inverse of :func:`to_dict`)."""
    art = data["article"]
    units = tuple(
        Unit(
            u["index"],
            u["kind"],
            u["start"],
            u["end"],
            u["text"],
            u.get("section"),
            u.get("label"),
            u.get("paragraph", 0),
            u.get("list_item", False),
        )
        for u in data["units"]
    )
    claims = tuple(
        Claim(
            u["index"],
            u.get("category"),
            u.get("modality"),
            u.get("attribution") or "author",
            tuple(u.get("actors", [])),
            u.get("restates"),
            {k: tuple(v) for k, v in u.get("cues", {}).items()},
            tuple(u.get("curated_fields", [])),
        )
        for u in data["units"]
        if u["kind"] in ("claim", "lead_in")
    )
    actors = tuple(
        Actor(
            a["id"],
            a["name"],
            a["type"],
            a.get("code"),
            tuple(a.get("aliases", [])),
            a.get("part_of"),
            tuple(Mention(**m) for m in a.get("mentions", [])),
            a.get("origin", "gazetteer"),
            a.get("curated", False),
        )
        for a in data["actors"]
    )
    relations = tuple(
        Relation(
            r["source"],
            r["target"],
            r["type"],
            r["polarity"],
            tuple(Evidence(**e) for e in r.get("evidence", [])),
            r.get("weak", False),
            tuple(r.get("cues", [])),
            r.get("curated", False),
            r.get("class"),
        )
        for r in data["relations"]
    )
    info = ArticleInfo(
        art["path"], art["title"], art["sha256"], art["words"], art.get("genre", "news")
    )
    return Analysis(info, data.get("text", ""), units, actors, relations, claims)


def load_analysis(path: str | Path) -> Analysis:
    """Read an analysis JSON file written by ``newsbrief analyze``."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NewsbriefError(f"{path}: not a newsbrief analysis JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_ID:
        raise NewsbriefError(f"{path}: not a newsbrief analysis JSON (schema {SCHEMA_ID})")
    import jsonschema  # only when reading JSON back: a JSON handed to us is not trusted

    try:
        validate(data)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "top level"
        raise NewsbriefError(f"{path}: invalid analysis JSON at {where}: {exc.message}") from None
    return from_dict(data)


def analysis_schema() -> dict[str, Any]:
    """The JSON Schema of an analysis, its enums set from :mod:`newsbrief.vocabulary`.

    The shipped ``analysis.schema.json`` spells the same values for readers
    of the file (a test keeps the two equal); validation uses the vocabulary's,
    so a value added there is accepted everywhere at once.

    Returns
    -------
    dict
    """
    schema = json.loads(package_file("analysis.schema.json").read_text(encoding="utf-8"))
    defs = schema["$defs"]
    schema["properties"]["article"]["properties"]["genre"]["enum"] = list(vocabulary.GENRES)
    defs["unit"]["properties"]["category"]["enum"] = [*vocabulary.CATEGORIES, None]
    defs["unit"]["properties"]["modality"]["enum"] = [*vocabulary.MODALITIES, None]
    defs["actor"]["properties"]["type"]["enum"] = list(vocabulary.ACTOR_TYPES)
    defs["relation"]["properties"]["polarity"]["enum"] = list(vocabulary.RELATION_POLARITIES)
    return schema


def validate(data: dict[str, Any]) -> None:
    """Validate a JSON analysis against the schema shipped in the package.

    Raises
    ------
    jsonschema.ValidationError
        When the document does not match.
    """
    import jsonschema  # heavy: only when reading JSON back

    jsonschema.validate(data, analysis_schema())
