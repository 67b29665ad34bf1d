"""Parsed data files kept as JSON in the user's cache, keyed by their content.

A cold ``newsbrief analyze`` used to spend a tenth of a second parsing the
same YAML lexicons and word lists it parsed the run before (libyaml reads the
four shipped files in about 60 ms; JSON reads what they hold in 5 ms). Like
Python's ``__pycache__``, the parsed form is written once and read back while
the source is unchanged: the cache key is the SHA-256 of the source text and
of the parsing function's bytecode, so an edited file or parser makes a new
entry, and a stale one is never read. Only plain JSON data is kept (no
pickle, no code), and only when JSON gives back exactly what the parser
returned; an unwritable or damaged cache just means parsing again.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["FORMAT", "cache_key", "cached_parse"]

#: Bumped when the layout of a cache file changes.
FORMAT = "newsbrief/data-cache/1"


def cache_key(parser: Callable[[Any], Any], source: str | bytes) -> str:
    """The hex key of ``parser(source)``: its bytecode and the source, hashed.

    The bytecode covers the parser's own body only: a parser whose result
    depends on helpers of this package must not be cached this way.
    """
    h = hashlib.sha256(FORMAT.encode())
    h.update(parser.__qualname__.encode())
    h.update(marshal.dumps(parser.__code__))
    h.update(source.encode("utf-8") if isinstance(source, str) else source)
    return h.hexdigest()


def cached_parse(parser: Callable[[Any], Any], source: str | bytes, folder: Path | None) -> Any:
    """Return ``parser(source)``, from the cache in ``folder`` when it holds it.

    Parameters
    ----------
    parser : callable
        A module-level function of the source alone, returning JSON data
        (dicts with text keys, lists, text, numbers, booleans, None).
    source : str or bytes
        The file's content.
    folder : pathlib.Path or None
        The cache folder (created when missing); None parses without a cache.

    Returns
    -------
    Any
        What ``parser(source)`` returns (a fresh object on every call).
    """
    if folder is None:
        return parser(source)
    key = cache_key(parser, source)
    path = folder / f"{parser.__name__.strip('_')}-{key[:40]}.json"
    try:
        stored = json.loads(path.read_bytes())
        if isinstance(stored, dict) and stored.get("key") == key:
            return stored["data"]
    except (OSError, ValueError, KeyError):
        pass
    data = parser(source)
    _store(path, key, data)
    return data


def _store(path: Path, key: str, data: Any) -> None:
    """Write the entry atomically; skip data JSON would change, and any failure."""
    text = json.dumps({"format": FORMAT, "key": key, "data": data}, ensure_ascii=False)
    if json.loads(text)["data"] != data:  # tuples, non-text keys, NaN: not cacheable
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError:
        return
