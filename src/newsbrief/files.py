"""Safe writes: the one place that puts bytes on disk.

Every writer (CLI, report, corpus mode, figures, training) goes through
:func:`write_atomic`, so a reader never sees half a file and a target that is
not a regular file (a device, a FIFO, a symlink, a folder) is refused instead
of being silently replaced by one. A whole folder (the report) is built in a
staging folder beside its target and published in one rename
(:func:`staging_folder`, :func:`publish_folder`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import NewsbriefError

__all__ = [
    "STALE_SECONDS",
    "check_folder",
    "check_target",
    "publish_folder",
    "remove_stale_staging",
    "staging_folder",
    "write_atomic",
]


def check_target(path: str | Path) -> Path:
    """Refuse an output path that is not, or cannot become, a regular file.

    Raises
    ------
    NewsbriefError
        When ``path`` is a folder, a device, a FIFO or a symlink, or when a
        part of its folder is a file or one this process may not write into
        (found before the work, not after ``train``'s minutes).
    """
    target = Path(path)
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise NewsbriefError(f"{target}: cannot write here ({exc.strerror})") from None
    if mode is not None and not stat.S_ISREG(mode):
        kind = (
            "a folder"
            if stat.S_ISDIR(mode)
            else "a symlink"
            if stat.S_ISLNK(mode)
            else "a device, FIFO or socket"
        )
        raise NewsbriefError(f"{target}: is {kind}, not a regular file; refusing to replace it")
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                raise NewsbriefError(f"{target}: {parent} is not a folder")
            if not os.access(parent, os.W_OK | os.X_OK):
                raise NewsbriefError(f"{target}: cannot write here (permission denied)")
            break
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, data: str | bytes | Iterable[str]) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder.

    Parameters
    ----------
    path : str or pathlib.Path
        The destination; its folder is created when missing. It must be a
        regular file or not exist (:func:`check_target`).
    data : str, bytes or iterable of str
        Text is written as UTF-8; chunks are written as they come, so a large
        document never has to exist as one string.
    """
    target = check_target(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NewsbriefError(f"{target}: cannot create its folder ({exc.strerror})") from None
    chunks = [data] if isinstance(data, str | bytes) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise NewsbriefError(f"{target}: cannot write here ({exc.strerror})") from None
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # what open() would give, not mkstemp's 0600
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
        os.replace(tmp, target)
    except OSError as exc:
        # A full disk or a folder that turned read-only is the user's to fix:
        # one line naming the file, as for every other bad output path.
        Path(tmp).unlink(missing_ok=True)
        raise NewsbriefError(f"{target}: cannot write ({exc.strerror})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


STALE_SECONDS = 24 * 3600


def remove_stale_staging(target: Path, now: float | None = None) -> list[Path]:
    """Remove staging folders of ``target`` left by a killed run more than a day ago."""
    removed: list[Path] = []
    if not target.parent.is_dir():
        return removed
    now = time.time() if now is None else now
    for folder in target.parent.glob(f".{target.name}.*.tmp"):
        try:
            old = now - folder.lstat().st_mtime > STALE_SECONDS
        except OSError:
            continue
        if old and folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def check_folder(folder: str | Path) -> Path:
    """Refuse an output folder that is a file, or sits under one, or cannot be written.

    The report checks its folder before the analysis, so a mistyped ``--out``
    fails at once with one line instead of after a minute of work, and never
    as an internal error.

    Raises
    ------
    NewsbriefError
        When ``folder`` or the nearest part of it that exists is not a
        folder, or is one this process may not write into.
    """
    folder = Path(folder)
    for part in (folder, *folder.parents):
        if not part.exists():
            continue
        if not part.is_dir():
            where = "" if part == folder else f" ({part} is a file)"
            raise NewsbriefError(f"{folder}: is not a folder{where}")
        if not os.access(part, os.W_OK | os.X_OK):
            raise NewsbriefError(f"{folder}: cannot write there (permission denied)")
        break
    return folder


@contextlib.contextmanager
def staging_folder(target: Path) -> Iterator[Path]:
    """Yield a fresh folder beside ``target``; on failure remove it (and an empty parent)."""
    parent = target.parent
    check_folder(parent)
    remove_stale_staging(target)
    created = [p for p in (parent, *parent.parents) if not p.exists()]
    tmp = parent / f".{target.name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp.mkdir()  # unlike mkdtemp, honours the umask: the report is as readable as any file
    except OSError as exc:
        raise NewsbriefError(f"{parent}: cannot create the report here ({exc.strerror})") from None
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        for folder in created:  # innermost first; stop at the first that is not empty
            try:
                folder.rmdir()
            except OSError:
                break
        raise


def publish_folder(tmp: Path, target: Path) -> None:
    """Move ``tmp`` to ``target``, replacing an earlier report in one rename."""
    old = None
    if target.exists():
        old = target.parent / f".{target.name}.{uuid.uuid4().hex[:8]}.old"
        old.mkdir()
        os.replace(target, old / target.name)
    try:
        os.replace(tmp, target)
    except BaseException:
        if old is not None:
            os.replace(old / target.name, target)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
