"""What a sentence means, as the mean of a static token embedding (WordLlama).

A restatement says the same thing in other words, so counting shared lemmas
misses it; a sentence vector that averages the token vectors of a small
embedding places paraphrases near each other ("the people of Gaza have been
through hell" and "far too many civilians in Gaza have suffered far too
much" share one content word). The embedding is WordLlama's
``l2_supercat_256`` (MIT licence): a 32,000 x 256 table of token vectors and
its tokenizer, both shipped inside the ``wordllama`` wheel. Its own loader is
not used: ``WordLlama.load()`` looks for the tokenizer in the wrong folder and
then tries to download it, and importing the package pulls in more than the
two files need. The tokenizer is read by :mod:`.pieces` (the ``tokenizers``
library gives the same ids but cost 0.2-0.5 s of each cold start) and the
table straight from its safetensors file with numpy (a 16 MB read).

Everything is float32 and each vector is a plain mean then a division by its
length, so the same text gives the same vector in every run. Without the
package (or with its files missing) :func:`load_meaning` returns None, says so
once in the log, and the restatement model goes without these features.
"""

from __future__ import annotations

import json
import logging
import math
import struct
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .pieces import Pieces

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["TABLE", "TOKENIZER", "Meaning", "load_meaning", "read_table"]

#: The tokenizer and the token table, inside the ``wordllama`` package folder.
TOKENIZER = Path("tokenizers", "l2_supercat_tokenizer_config.json")
TABLE = Path("weights", "l2_supercat_256.safetensors")

_LOG = logging.getLogger(__name__)
_DTYPES = {"F16": np.float16, "F32": np.float32}


@dataclass(frozen=True)
class Meaning:
    """A tokenizer and its token table: text in, unit-length sentence vectors out."""

    tokenizer: Pieces
    table: np.ndarray

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text: the mean of its tokens' vectors, scaled to length 1.

        A text without tokens gets a row of zeros (its cosine with anything is 0).
        """
        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        for row, text in enumerate(texts):
            ids = [i for i in self.tokenizer.encode(text) if 0 <= i < len(self.table)]
            if not ids:
                continue
            mean = self.table[ids].astype(np.float32).mean(axis=0, dtype=np.float32)
            norm = np.float32(np.sqrt(np.dot(mean, mean)))
            if norm > 0:
                out[row] = mean / norm
        return out


def read_table(path: Path) -> np.ndarray:
    """The one tensor of a safetensors file, mapped read-only (no ``safetensors`` import).

    The format is an 8-byte little-endian header length, a JSON header giving
    the tensor's dtype, shape and byte offsets, then the raw little-endian data.
    The data is memory-mapped, not read: an article touches a few thousand of
    the 32,000 rows, and reading all 16 MB cost a cold start 20-50 ms.

    Raises
    ------
    ValueError
        When the file holds no single float16/float32 matrix.
    """
    with path.open("rb") as fh:
        (size,) = struct.unpack("<Q", fh.read(8))
        header = json.loads(fh.read(size))
    tensors = [v for k, v in header.items() if k != "__metadata__"]
    if len(tensors) != 1 or tensors[0].get("dtype") not in _DTYPES:
        raise ValueError(f"{path.name}: expected one float16/float32 tensor")
    spec = tensors[0]
    start, end = (8 + size + int(x) for x in spec["data_offsets"])
    dtype = np.dtype(_DTYPES[spec["dtype"]]).newbyteorder("<")
    shape = tuple(int(n) for n in spec["shape"])
    if end - start != dtype.itemsize * math.prod(shape) or path.stat().st_size < end:
        raise ValueError(f"{path.name}: the tensor's size does not match its shape")
    return np.memmap(path, dtype=dtype, mode="r", offset=start, shape=shape)


@lru_cache(maxsize=1)
def load_meaning(folder: Path | None = None) -> Meaning | None:
    """The embedding, read once per process; None (and one log line) when unavailable.

    Parameters
    ----------
    folder : Path, optional
        The folder holding :data:`TOKENIZER` and :data:`TABLE`; by default the
        installed ``wordllama`` package (found without importing it).
    """
    if folder is None:
        spec = find_spec("wordllama")
        if spec is None or not spec.submodule_search_locations:
            _LOG.warning("wordllama is not installed: restatements without sentence vectors")
            return None
        folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        tokenizer = Pieces.from_file(folder / TOKENIZER)
        table = read_table(folder / TABLE)
    except (OSError, ValueError, KeyError, TypeError, struct.error) as err:
        _LOG.warning("sentence vectors unavailable (%s): restatements without them", err)
        return None
    return Meaning(tokenizer, table)
