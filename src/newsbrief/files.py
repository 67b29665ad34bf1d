"""Safe writes: the one place that puts bytes on disk.

Every writer (CLI, report, corpus mode, figures, training) goes through
:func:`write_atomic`, so a reader never sees half a file and a target that is
not a regular file (a device, a FIFO, a symlink, a folder) is refused instead
of being silently replaced by one.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import NewsbriefError

__all__ = ["check_target", "write_atomic"]


def check_target(path: str | Path) -> Path:
    """Refuse an output path that is not, or cannot become, a regular file.

    Raises
    ------
    NewsbriefError
        When ``path`` is a folder, a device, a FIFO or a symlink, or when a
        part of its folder is a file.
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
            break
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder.

    Parameters
    ----------
    path : str or pathlib.Path
        The destination; its folder is created when missing. It must be a
        regular file or not exist (:func:`check_target`).
    data : str or bytes
        Text is written as UTF-8.
    """
    target = check_target(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NewsbriefError(f"{target}: cannot create its folder ({exc.strerror})") from None
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # what open() would give, not mkstemp's 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
