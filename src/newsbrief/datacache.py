"""Parsed data files kept as JSON in the user's cache, keyed by their content.

A cold ``newsbrief analyze`` used to spend a tenth of a second parsing the
same YAML lexicons and word lists it parsed the run before (libyaml reads the
four shipped files in about 60 ms; JSON reads what they hold in 5 ms). Like
Python's ``__pycache__``, the parsed form is written once and read back while
the source is unchanged: the cache key is the SHA-256 of the source text and
of the module that defines the parser, so an edited file or parser makes a
new entry, and a stale one is never read; the oldest entries beyond
:data:`MAX_ENTRIES` are removed. Only plain JSON data is kept (no pickle, no
code), and only when JSON gives back exactly what the parser returned; an
unwritable or damaged cache just means parsing again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["FORMAT", "MAX_ENTRIES", "cache_key", "cached_parse"]

#: Bumped when the layout of a cache file changes.
FORMAT = "newsbrief/data-cache/2"
#: Entries kept in the folder; older ones go when a new one is written.
MAX_ENTRIES = 64


def cache_key(parser: Callable[[Any], Any], source: str | bytes) -> str | None:
    """The hex key of ``parser(source)``, or None when the parser's module cannot be read.

    It hashes the source and the text of the module that defines the parser
    (so an edit to the parser or to a helper beside it makes a new key; the
    bytecode would not do: its marshalled form varies between processes).
    """
    module = sys.modules.get(parser.__module__)
    try:
        code = Path(module.__file__).read_bytes() if module and module.__file__ else None
    except OSError:
        code = None
    if code is None:
        return None
    h = hashlib.sha256(FORMAT.encode())
    for part in (parser.__module__, parser.__qualname__):
        h.update(part.encode() + b"\0")
    h.update(hashlib.sha256(code).digest())
    h.update(source.encode("utf-8") if isinstance(source, str) else source)
    return h.hexdigest()


def cached_parse(parser: Callable[[Any], Any], source: str | bytes, folder: Path | None) -> Any:
    """Return ``parser(source)``, from the cache in ``folder`` when it holds it.

    Parameters
    ----------
    parser : callable
        A module-level function of the source alone, returning JSON data
        (dicts with text keys, lists, text, numbers, booleans, None); the
        key covers the text of its module, so what it calls must live there
        or in a library.
    source : str or bytes
        The file's content.
    folder : pathlib.Path or None
        The cache folder (created when missing); None parses without a cache.

    Returns
    -------
    Any
        What ``parser(source)`` returns (a fresh object on every call).
    """
    key = cache_key(parser, source) if folder is not None else None
    if folder is None or key is None:
        return parser(source)
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
    try:
        text = json.dumps({"format": FORMAT, "key": key, "data": data}, ensure_ascii=False)
    except (TypeError, ValueError):  # dates, sets, other objects: not JSON
        return
    if json.loads(text)["data"] != data:  # tuples, non-text keys, NaN: not cacheable
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return
    _prune(path.parent)


def _prune(folder: Path) -> None:
    """Remove the least recently written entries beyond :data:`MAX_ENTRIES`."""
    try:
        entries = [(p.stat().st_mtime_ns, p.name, p) for p in folder.glob("*.json")]
        for *_, old in sorted(entries)[: max(0, len(entries) - MAX_ENTRIES)]:
            old.unlink(missing_ok=True)
    except OSError:
        return
