"""Analyze a folder of articles: one JSON per article, one merged actor graph.

Articles are independent, so a folder is shared out among worker processes,
each of which reads, analyzes and writes whole articles; only a one-line
outcome travels back to the parent. Memory therefore stays flat however many
articles the folder holds, and a bad file costs a warning, not the run.

A pool of whole-article workers is used rather than spaCy's own
``nlp.pipe(n_process=...)`` (:func:`newsbrief.analysis.analyze_sources`):
there every parse crosses back to the parent as bytes, and the parent alone
decodes it and assembles the analysis, a serial share of the work that caps
the speed-up (``benchmarks/bench.py`` measures both; the spaCy route spends
5-10% more CPU on the same folder). Workers are forked after the pipeline is loaded, so they
share its memory and skip the load; each article is analyzed inside
``nlp.memory_zone()`` so the strings of one article do not pile up in the
vocabulary of a long run.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from .analysis import Settings, to_json
from .article import ARTICLE_SUFFIXES
from .claims import load_cues
from .cluster import client_for, map_articles_dask, parse_scheduler
from .config import DEFAULT_MAX_BYTES, YAML_MAX_BYTES, read_text_file
from .curation import curated_analysis
from .errors import NewsbriefError
from .files import write_atomic
from .gazetteer import load_gazetteer
from .nlp import load_nlp
from .pool import Outcome, _attempt, map_articles
from .relations import load_lexicon
from .titles import OFFICE_WORDS, STYLES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

    import networkx as nx

    from .model import Analysis

__all__ = [
    "ARTICLE_SUFFIXES",
    "Outcome",
    "analyze_corpus",
    "article_paths",
    "map_articles",
    "merge_graphs",
    "merged_graph",
    "same_persons",
]


def article_paths(folder: str | Path, suffixes: Sequence[str] = ARTICLE_SUFFIXES) -> list[Path]:
    """List the articles of a folder, sorted by name (not recursive).

    Parameters
    ----------
    folder : str or pathlib.Path
        A folder holding ``.txt``, ``.md``, ``.html`` or ``.htm`` files;
        hidden files (``.name``) and the folder's own documents, named in
        capitals by convention (``README.md``, ``SOURCES.md``), are ignored.
    suffixes : sequence of str
        The endings of article files, lower case with the dot (a file's own
        ending is compared lower-cased: ``.TXT`` is an article).

    Returns
    -------
    list of pathlib.Path
        ``folder / name`` for each article, so paths read as the user wrote
        the folder.

    Raises
    ------
    NewsbriefError
        When the folder is missing or holds no article file.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> for name in ("b.md", "a.txt", "notes.yaml", "README.md"):
    ...     _ = (d / name).write_text("x")
    >>> [p.name for p in article_paths(d)]
    ['a.txt', 'b.md']
    """
    root = Path(folder)
    if not root.is_dir():
        raise NewsbriefError(f"{folder}: no such folder")
    paths = sorted(
        (
            root / p.name
            for p in root.iterdir()
            if p.suffix.lower() in suffixes
            and not p.name.startswith(".")
            and not (p.stem.isupper() and p.stem.isalpha())
            and p.is_file()
        ),
        key=lambda p: p.name,
    )
    if not paths:
        names = ", ".join(f"*{s}" for s in suffixes)
        raise NewsbriefError(f"{folder}: no articles ({names}) in the folder")
    return paths


def _analyze_path(path: str, max_bytes: int, settings: Settings) -> Analysis:
    """Analyze one file exactly as ``newsbrief analyze FILE`` does, overrides included."""
    with load_nlp().memory_zone():
        return curated_analysis(path, max_bytes, settings=settings)


def _json_text(path: str, max_bytes: int, settings: Settings) -> str:
    """The analysis JSON of one article; the parent process writes it (pool or Dask)."""
    return to_json(_analyze_path(path, max_bytes, settings))


def _actor_graph(path: str, max_bytes: int, settings: Settings) -> nx.MultiDiGraph:
    # The graph module loads networkx (heavy): only the graph command needs it.
    from .graph import actor_graph

    return actor_graph(_analyze_path(path, max_bytes, settings))


def _warn(path: str, problem: str) -> None:
    tqdm.write(f"newsbrief: warning: {path}: {problem}", file=sys.stderr)


def _outputs(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Split off articles whose JSON name (the stem) an earlier article already takes."""
    taken: dict[str, Path] = {}
    keep, clash = [], []
    for p in paths:
        if p.stem in taken:
            clash.append((p, f"skipped: {p.stem}.json is already written for {taken[p.stem]}"))
        else:
            taken[p.stem] = p
            keep.append(p)
    return keep, clash


def _remove_stale(stale: Path) -> bool:
    """Remove an earlier run's analysis of a file that now fails; True if there was one.

    A name too long for the system cannot have been written: no stale file,
    where ``is_file()`` raised OSError and ended the run.
    """
    try:
        if not stale.is_file() or stale.is_symlink():
            return False
        stale.unlink()
    except OSError:
        return False
    return True


def _checked_settings(settings: Settings | None) -> Settings:
    """Load the user's lexicons once, here: a broken file is one error, not one per article."""
    settings = settings or Settings()
    load_gazetteer(settings.gazetteers)
    load_lexicon(settings.relations_lexicon)
    load_cues(settings.claims_lexicon)
    return settings


def input_paths(source: str | Path, suffixes: Sequence[str] = ARTICLE_SUFFIXES) -> list[Path]:
    """The articles of a folder, or of a list file given as ``@LIST``.

    A list holds one path per line (blank lines and ``#`` comments skipped);
    relative paths are read from the list's folder, so a feed can be split
    into lists without copying files.
    """
    text = str(source)
    if not text.startswith("@"):
        return article_paths(source, suffixes)
    listing = Path(text[1:])
    lines = read_text_file(listing, "the list of articles", YAML_MAX_BYTES).splitlines()
    paths = [
        p if p.is_absolute() else listing.parent / p
        for p in (Path(line.strip()) for line in lines)
        if str(p) and not str(p).startswith("#") and str(p) != "."
    ]
    if not paths:
        raise NewsbriefError(f"{listing}: the list names no article")
    return paths


def _outcomes(
    task: Callable[[str], Any], paths: Sequence[Path], jobs: int, scheduler: str
) -> Iterator[Outcome]:
    """Outcomes from the process pool (in order) or from Dask (as they finish)."""
    if scheduler == "pool":
        yield from map_articles(task, paths, jobs, progress=True)
        return
    client, cluster = client_for(parse_scheduler(scheduler), jobs)
    try:
        yield from map_articles_dask(
            partial(_attempt, task), [str(p) for p in paths], client, progress=True
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def analyze_corpus(
    folder: str | Path,
    out_dir: str | Path | None,
    jobs: int = 0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    settings: Settings | None = None,
    scheduler: str = "pool",
) -> int:
    """Analyze every article of a folder into ``out_dir/<stem>.json``.

    A progress bar and one warning line per skipped file go to standard
    error, then a summary line ``newsbrief: analyzed N articles, skipped K``.

    Parameters
    ----------
    folder : str or pathlib.Path
        A folder (see :func:`article_paths`) or ``@LIST`` (see :func:`input_paths`).
    out_dir : str or pathlib.Path
        Created when missing; each JSON is written atomically, equal to what
        ``newsbrief analyze FILE`` prints for that file.
    jobs : int
        Worker processes; ``0`` means one per CPU.
    max_bytes : int
        Size limit per file; larger files are skipped.
    settings : Settings, optional
        Optional user lexicons (default: the shipped ones).
    scheduler : str
        ``pool`` (processes on this machine), ``dask`` (a local Dask cluster)
        or a Dask scheduler's address (``dask://HOST:PORT``, ``tcp://HOST:PORT``).

    Returns
    -------
    int
        ``0`` when at least one article was analyzed.

    Raises
    ------
    NewsbriefError
        Without ``out_dir``, for a missing or article-less folder, or when no
        article could be analyzed (after the warnings and summary).
    """
    if not out_dir:
        raise NewsbriefError(f"{folder}: is a folder; --out OUTDIR is required for a folder")
    if Path(out_dir).exists() and not Path(out_dir).is_dir():
        raise NewsbriefError(f"{out_dir}: --out must be a folder when analyzing a folder")
    settings = _checked_settings(settings)
    paths, clashes = _outputs(input_paths(folder))
    for path, problem in clashes:
        _warn(str(path), problem)
    task = partial(_json_text, max_bytes=max_bytes, settings=settings)
    done = skipped = 0
    for outcome in _outcomes(task, paths, jobs, scheduler):
        if outcome.error is None:
            write_atomic(Path(out_dir) / f"{Path(outcome.path).stem}.json", outcome.value)
            done += 1
        else:
            skipped += 1
            stale = Path(out_dir) / f"{Path(outcome.path).stem}.json"
            if _remove_stale(stale):
                outcome = replace(
                    outcome, error=f"{outcome.error} (removed the stale {stale.name})"
                )
            _warn(outcome.path, outcome.error or "")
    skipped += len(clashes)
    plural = "" if done == 1 else "s"
    print(f"newsbrief: analyzed {done} article{plural}, skipped {skipped}", file=sys.stderr)
    if not done:
        raise NewsbriefError(f"{folder}: none of the {skipped} files could be analyzed")
    return 0


def merge_graphs(graphs: Iterable[nx.MultiDiGraph]) -> nx.MultiDiGraph:
    """Merge per-article actor graphs into one, keeping per-article evidence.

    Ids are made per article, so one person named differently in two articles
    ("Joseph R. Biden", "President Biden") arrives under two ids; such nodes
    are then joined by :func:`same_persons`, under the fullest name.

    Parameters
    ----------
    graphs : iterable of networkx.MultiDiGraph
        From :func:`newsbrief.graph.actor_graph`, each with its article's
        path in the graph attribute ``article``.

    Returns
    -------
    networkx.MultiDiGraph
        One node per actor id (persons joined as above), with ``articles`` (paths, in input order),
        ``mentions`` summed, ``aliases`` united, and ``first_unit`` of its
        first article; one edge per (source, target, type), with
        ``articles``, ``weight`` summed, ``evidence`` concatenated (each
        entry tagged with its ``article``) and ``weak`` only if weak in
        every article. The graph attribute ``articles`` lists every article.

    Examples
    --------
    >>> import networkx as nx
    >>> a = nx.MultiDiGraph(article="a.txt")
    >>> a.add_node("JPN", name="Japan", mentions=2)
    >>> b = nx.MultiDiGraph(article="b.txt")
    >>> b.add_node("JPN", name="Japan", mentions=1)
    >>> m = merge_graphs([a, b])
    >>> m.nodes["JPN"]["articles"], m.nodes["JPN"]["mentions"]
    (['a.txt', 'b.txt'], 3)
    """
    import networkx as nx  # heavy: only the graph command merges

    merged = nx.MultiDiGraph(articles=[])
    for g in graphs:
        article = g.graph.get("article", "")
        merged.graph["articles"].append(article)
        for node, data in g.nodes(data=True):
            _merge_node(merged, node, data, article)
        for u, v, key, data in g.edges(keys=True, data=True):
            _merge_edge(merged, (u, v, key), data, article)
    _join_persons(merged)
    merged.graph["title"] = f"{len(merged.graph['articles'])} articles"
    return merged


def _merge_node(merged: nx.MultiDiGraph, node: str, data: dict, article: str) -> None:
    if node not in merged:
        merged.add_node(node, **data)
        merged.nodes[node]["articles"] = [article]
        merged.nodes[node]["aliases"] = list(data.get("aliases", []))
        return
    attrs = merged.nodes[node]
    attrs["articles"].append(article)
    attrs["mentions"] = attrs.get("mentions", 0) + data.get("mentions", 0)
    attrs["aliases"] += [a for a in data.get("aliases", []) if a not in attrs["aliases"]]
    for name, value in data.items():
        attrs.setdefault(name, value)


def _merge_edge(
    merged: nx.MultiDiGraph, edge: tuple[str, str, str], data: dict, article: str
) -> None:
    evidence = [{**e, "article": article} for e in data.get("evidence", [])]
    u, v, key = edge
    if not merged.has_edge(u, v, key):
        merged.add_edge(u, v, key=key, **{**data, "evidence": evidence, "articles": [article]})
        return
    attrs = merged.edges[u, v, key]
    attrs["articles"].append(article)
    attrs["evidence"].extend(evidence)
    attrs["weight"] = attrs.get("weight", 0) + data.get("weight", 0)
    attrs["weak"] = bool(attrs.get("weak")) and bool(data.get("weak"))


#: Words after a family name that are no part of it ("Joseph R. Biden Jr.", British "Jnr").
_SUFFIXES = frozenset({"jr", "sr", "jnr", "snr", "ii", "iii", "iv"})
#: Words that join a title to its body ("Secretary of State Blinken"), left out with the title.
_TITLE_GLUE = frozenset({"of", "the", "and"})
#: Arabic articles joined to a family name: "Al-Sudani" and "Sudani" are one.
_NAME_ARTICLE = re.compile(r"^(?:al|el|ad|as)-")


def _name_key(word: str) -> str:
    """A name word compared without case, accents or stops: "Radosław." ~ "radoslaw"."""
    ascii_word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return ascii_word.strip(".,").casefold()


def _person_words(name: str) -> list[str]:
    """A person's name words without title or suffix: "President Joseph R. Biden Jr." -> 3 words."""
    words = [_name_key(w) for w in name.split() if w not in OFFICE_WORDS]
    words = [w for w in words if w and w not in _TITLE_GLUE]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words


def _fullest(attrs: dict) -> list[str]:
    """The longest of a node's names, as words: the one that says most about who it is."""
    names = [attrs.get("name", ""), *attrs.get("aliases", [])]
    return max((_person_words(n) for n in names), key=len)


def _given_compatible(a: list[str], b: list[str]) -> bool:
    """Whether two given-name runs can name one person.

    No nickname table ships, so "Joe" ~ "Joseph" is read from the first
    initial, as the brief of the corpus view asks; a middle initial given by
    both must agree too ("Joseph R." is not "Joseph P.").
    """
    if a[0][0] != b[0][0]:
        return False
    return len(a) < 2 or len(b) < 2 or a[1][0] == b[1][0]


def _styled(attrs: dict) -> bool:
    """A name a style opens ("King Abdullah II", "Pope Francis"): its one word is no surname."""
    names = [attrs.get("name", ""), *attrs.get("aliases", [])]
    return any(n.split()[0] in STYLES for n in names if n.split())


def _apart(a: str, b: str, nodes: Mapping[str, dict]) -> bool:
    """Two nodes one article held apart: it named both and did not judge them one person."""
    return bool(set(nodes[a]["articles"]) & set(nodes[b]["articles"]))


def _clusters(
    full: list[str], words: dict[str, list[str]], nodes: Mapping[str, dict]
) -> list[list[str]]:
    """Group full names of one surname, longest first.

    A name joins a group only when its given names fit that group alone: by
    first initial "Jan Ruiz" fits both "Jon A. Ruiz" and "Jon B. Ruiz", and
    which one it is cannot be told, so it starts its own.
    """
    groups: list[list[str]] = []
    for node in sorted(full, key=lambda n: -len(words[n])):
        fits = [
            g for g in groups if all(_given_compatible(words[node][:-1], words[m][:-1]) for m in g)
        ]
        if len(fits) == 1 and not any(_apart(node, m, nodes) for m in fits[0]):
            fits[0].append(node)
        else:
            groups.append([node])
    return groups


def same_persons(nodes: Mapping[str, dict]) -> list[list[str]]:
    """The person actors of several articles that name one person, fullest name first.

    ``nodes`` maps each actor id to its ``name``, ``aliases``, ``type`` and
    the ``articles`` that name it, as a merged graph's ``nodes`` does.

    Within a family name, full names join when their given names agree by
    :func:`_given_compatible` and no article named both apart; a surname
    alone ("President Duda", "Biden") joins the full name only when the
    corpus has exactly one person of that surname, so two Kims keep two
    nodes and their bare "Kim" stays apart from both.
    """
    words = {n: _fullest(d) for n, d in nodes.items() if d.get("type") == "person"}
    by_surname: dict[str, list[str]] = {}
    for node, ws in words.items():
        if ws:
            by_surname.setdefault(_NAME_ARTICLE.sub("", ws[-1]), []).append(node)
    joined = []
    for named in by_surname.values():
        groups = _clusters([n for n in named if len(words[n]) > 1], words, nodes)
        short = [n for n in named if len(words[n]) == 1 and not _styled(nodes[n])]
        if len(groups) == 1:
            groups[0] += short
        elif not groups:
            groups = [short]
        joined += [g for g in groups if len(g) > 1]
    return joined


def _join_persons(graph: nx.MultiDiGraph) -> None:
    """Fold each group of :func:`same_persons` into its fullest-named node."""
    for keep, *others in same_persons(graph.nodes):
        for other in others:
            _fold_node(graph, keep, other)


def _fold_node(graph: nx.MultiDiGraph, keep: str, other: str) -> None:
    """Move ``other``'s articles, mentions, names and relations onto ``keep``; drop it.

    A relation between the two becomes one of a person with himself, which
    says nothing, so it is dropped.
    """
    attrs, data = graph.nodes[keep], graph.nodes[other]
    attrs["articles"] = _in_order(graph, attrs["articles"], data["articles"])
    attrs["mentions"] = attrs.get("mentions", 0) + data.get("mentions", 0)
    names = [data.get("name", ""), *data.get("aliases", [])]
    attrs["aliases"] += [a for a in dict.fromkeys(names) if a and a not in attrs["aliases"]]
    moved = [
        (keep if u == other else u, keep if v == other else v, key, d)
        for u, v, key, d in [
            *graph.out_edges(other, keys=True, data=True),
            *graph.in_edges(other, keys=True, data=True),
        ]
    ]
    graph.remove_node(other)
    for u, v, key, d in moved:
        if u != v:
            _fold_edge(graph, (u, v, key), d)


def _in_order(graph: nx.MultiDiGraph, *lists: list[str]) -> list[str]:
    """The articles of several lists, once each, in the corpus's input order."""
    named = {a for articles in lists for a in articles}
    return [a for a in dict.fromkeys(graph.graph["articles"]) if a in named]


def _fold_edge(graph: nx.MultiDiGraph, edge: tuple[str, str, str], data: dict) -> None:
    """Add a merged edge's evidence to the same (source, target, type) edge, as merging does."""
    u, v, key = edge
    if not graph.has_edge(u, v, key):
        graph.add_edge(u, v, key=key, **data)
        return
    attrs = graph.edges[u, v, key]
    attrs["articles"] = _in_order(graph, attrs["articles"], data["articles"])
    attrs["evidence"].extend(data.get("evidence", []))
    attrs["weight"] = attrs.get("weight", 0) + data.get("weight", 0)
    attrs["weak"] = bool(attrs.get("weak")) and bool(data.get("weak"))


def merged_graph(
    folder: str | Path,
    jobs: int = 0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    settings: Settings | None = None,
) -> nx.MultiDiGraph:
    """Analyze every article of a folder and merge their actor graphs.

    Bad files are skipped with a warning on standard error, as in
    :func:`analyze_corpus`; only the per-article graphs, never the analyses,
    are kept while merging.

    Parameters
    ----------
    folder : str or pathlib.Path
        See :func:`article_paths`.
    jobs : int
        Worker processes; ``0`` means one per CPU.
    max_bytes : int
        Size limit per file.
    settings : Settings, optional
        Optional user lexicons (default: the shipped ones).

    Returns
    -------
    networkx.MultiDiGraph
        See :func:`merge_graphs`.

    Raises
    ------
    NewsbriefError
        For a missing or article-less folder, or when no article could be
        analyzed.
    """
    settings = _checked_settings(settings)
    paths = input_paths(folder, (*ARTICLE_SUFFIXES, ".json"))
    task = partial(_actor_graph, max_bytes=max_bytes, settings=settings)

    def graphs() -> Iterator[nx.MultiDiGraph]:
        for outcome in map_articles(task, paths, jobs, progress=True):
            if outcome.error is None:
                yield outcome.value
            else:
                _warn(outcome.path, outcome.error)

    merged = merge_graphs(graphs())
    if not merged.graph["articles"]:
        raise NewsbriefError(f"{folder}: none of the {len(paths)} files could be analyzed")
    return merged
