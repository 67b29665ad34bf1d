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
# Texts up to this many tokens are summed together, step by step (:meth:`Meaning.vectors`).
_STEPS = 256
# Texts gathered at once: every token's row is copied out of the table, which
# for a book-length input (hundreds of thousands of tokens) cost half a gigabyte.
_CHUNK = 512


@dataclass(frozen=True)
class Meaning:
    """A tokenizer and its token table: text in, unit-length sentence vectors out."""

    tokenizer: Pieces
    table: np.ndarray

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text: the mean of its tokens' vectors, scaled to length 1.

        A text without tokens gets a row of zeros (its cosine with anything is 0).
        The texts' rows are gathered from the table at once and summed
        position by position over the texts still that long (longest first):
        a few dozen numpy calls for a whole article instead of a few per text.
        Each sum still adds its text's rows in order, as ``ndarray.sum(axis=0)``
        does (``np.add.reduceat`` does not: it gave other float32 bits), and the
        division goes through float64 as in ``ndarray.mean``, so the vectors
        are the same bit for bit. A text longer than :data:`_STEPS` tokens (an
        unpunctuated page read as one claim) is averaged alone, so the number
        of steps stays bounded; the squared lengths stay one ``np.dot`` per
        text, as BLAS sums them in its own order.
        """
        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        size = len(self.table)
        encoded = [[i for i in self.tokenizer.encode(text) if 0 <= i < size] for text in texts]
        counts = np.array([len(ids) for ids in encoded], dtype=np.intp)
        rows = np.argsort(-counts, kind="stable")
        rows = rows[counts[rows] > 0]
        long = rows[counts[rows] > _STEPS]
        rows = rows[counts[rows] <= _STEPS]
        for k, row in enumerate(long):
            mean = self.table[encoded[row]].astype(np.float32).mean(axis=0, dtype=np.float32)
            _scaled_into(out, long[k : k + 1], mean[None, :])
        for at in range(0, len(rows), _CHUNK):  # each chunk still longest first
            chunk = rows[at : at + _CHUNK]
            _scaled_into(out, chunk, self._means([encoded[row] for row in chunk], counts[chunk]))
        return out

    def _means(self, encoded: list[list[int]], lengths: np.ndarray) -> np.ndarray:
        """The mean token vector of each id list, the lists sorted longest first."""
        ids = np.fromiter((i for row in encoded for i in row), np.intp, int(lengths.sum()))
        unique, inverse = np.unique(ids, return_inverse=True)
        gathered = np.asarray(self.table)[unique].astype(np.float32)[inverse]
        starts = np.cumsum(lengths) - lengths
        longer = np.searchsorted(-lengths, -np.arange(int(lengths[0])), side="left").tolist()
        sums = gathered[starts]
        for step in range(1, len(longer)):
            k = longer[step]
            sums[:k] += gathered[starts[:k] + step]
        np.true_divide(sums, lengths[:, None], out=sums, casting="unsafe")
        return sums


def _scaled_into(out: np.ndarray, rows: np.ndarray, means: np.ndarray) -> None:
    """Write each mean, divided by its length, into its row of ``out`` (zero means stay 0).

    Chunk by chunk, straight into the result: gathering a book-length
    input's means first and scaling them all at once held four copies of
    the article's vectors (a 1.95 MB article: 13 MB each, twice, for the
    sentences and for their content words) while the restatement step ran.
    Each length is still one ``np.dot`` of the mean's own row, and each
    division the same float32 one, so the vectors keep their bits.
    """
    norms = np.sqrt(np.array([np.dot(mean, mean) for mean in means], dtype=np.float32))
    keep = norms > 0
    out[rows[keep]] = means[keep] / norms[keep, None]


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
