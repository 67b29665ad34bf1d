"""WordLlama's tokenizer (a Llama-2 byte-fallback BPE) in plain Python, read from its JSON.

The ``tokenizers`` library reads the same file, but importing it and building
its tokenizer took 0.2-0.5 s of every cold ``newsbrief analyze``, more than
the rest of the claims step. What the vectors need is small: the vocabulary
and the ranked merges. Both are kept, once parsed, in the package's data
cache (:mod:`newsbrief.datacache`) as two newline-joined strings, which load
in milliseconds; the tokenizer file itself stays the one source.

The file's pipeline is: put ``▁`` before the text and in place of every
space, then merge the characters pairwise, lowest-ranked merge first (the
leftmost of equals), with characters outside the vocabulary spelled as their
UTF-8 bytes (``<0xE2>``). No token of the vocabulary has ``▁`` after another
character, so no merge crosses the start of a word: each word (with the
``▁`` run before it) is encoded alone, and remembered. Special tokens
written out in the text (``<s>``) are read as plain characters, where the
library would take them as one token; news text does not hold them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from heapq import heapify, heappop, heappush
from typing import TYPE_CHECKING

from ..config import cache_dir
from ..datacache import cached_parse

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["SPACE", "Pieces", "parse_tokenizer"]

#: The tokenizer's stand-in for a space.
SPACE = "\u2581"
# Where a word begins: a ``▁`` after any other character (a zero-width match).
_WORD_START = re.compile(f"(?<=[^{SPACE}])(?={SPACE})")


def parse_tokenizer(text: str | bytes) -> dict[str, str]:
    """The vocabulary in id order and the merges in rank order, each newline-joined.

    Raises
    ------
    ValueError
        When the file is not a BPE whose ids run 0..n-1 without a newline in a token.
    """
    model = json.loads(text)["model"]
    vocab: dict[str, int] = model["vocab"]
    tokens = sorted(vocab, key=vocab.__getitem__)
    merges = [m if isinstance(m, str) else " ".join(m) for m in model["merges"]]
    if model.get("type") != "BPE" or [vocab[t] for t in tokens] != list(range(len(tokens))):
        raise ValueError("not a BPE tokenizer with ids 0..n-1")
    if any("\n" in t for t in tokens) or any("\n" in m for m in merges):
        raise ValueError("a token holds a newline")
    return {"tokens": "\n".join(tokens), "merges": "\n".join(merges)}


@dataclass(frozen=True)
class Pieces:
    """Text -> token ids, as the WordLlama tokenizer gives them without special tokens."""

    ids: dict[str, int]
    ranks: dict[str, int]
    _words: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_file(cls, path: Path) -> Pieces:
        """Read a tokenizer JSON (through the data cache when there is one)."""
        parsed = cached_parse(parse_tokenizer, path.read_bytes(), cache_dir())
        tokens, merges = parsed["tokens"].split("\n"), parsed["merges"].split("\n")
        return cls(
            dict(zip(tokens, range(len(tokens)), strict=True)),
            dict(zip(merges, range(len(merges)), strict=True)),
        )

    def encode(self, text: str) -> list[int]:
        """The token ids of ``text`` (none for the empty text)."""
        if not text:
            return []
        out: list[int] = []
        for word in _words(SPACE + text.replace(" ", SPACE)):
            known = self._words.get(word)
            if known is None:
                known = self._words[word] = self._merge(word)
            out.extend(known)
        return out

    def _merge(self, word: str) -> tuple[int, ...]:
        """Merge the lowest-ranked pair first, the leftmost of equals, as the library does.

        A heap of candidate pairs, each checked when it comes up, not a scan
        of every pair after each merge: the scan is quadratic in the word,
        and a line with no space is one word (100,000 characters of hyphened
        codes spent 10 s here, as much as the parse).
        """
        parts: list[str] = []
        for ch in word:
            if ch in self.ids:
                parts.append(ch)
            else:
                parts.extend(f"<0x{b:02X}>" for b in ch.encode("utf-8"))
        alive = _merged(parts, self.ranks)
        return tuple(self.ids.get(p, 0) for p in alive)


def _merged(parts: list[str], ranks: dict[str, int]) -> list[str]:
    """Apply the ranked merges to ``parts`` (changed in place) and return what is left.

    Each pair sits in the heap under (rank, position of its left part); a
    part keeps the position of its first character, so order among equal
    ranks is the order in the word. An entry whose pair a merge changed no
    longer has its rank and is dropped when it comes up.
    """
    right = [*range(1, len(parts)), -1]
    left = list(range(-1, len(parts) - 1))
    heap = []
    for i in range(len(parts) - 1):
        rank = ranks.get(f"{parts[i]} {parts[i + 1]}")
        if rank is not None:
            heap.append((rank, i))
    heapify(heap)
    dead = [False] * len(parts)
    while heap:
        rank, i = heappop(heap)
        j = right[i]
        if dead[i] or j < 0 or ranks.get(f"{parts[i]} {parts[j]}") != rank:
            continue
        parts[i] += parts[j]
        dead[j] = True
        right[i] = right[j]
        if right[j] >= 0:
            left[right[j]] = i
        for a in (left[i], i):
            b = right[a] if a >= 0 else -1
            if b >= 0:
                new = ranks.get(f"{parts[a]} {parts[b]}")
                if new is not None:
                    heappush(heap, (new, a))
    return [p for p, gone in zip(parts, dead, strict=True) if not gone]


def _words(text: str) -> list[str]:
    """Split before each ``▁`` that follows another character.

    One regular expression split, not a loop over the characters: the loop
    cost a third of the sentence vectors' time.
    """
    return _WORD_START.split(text)
