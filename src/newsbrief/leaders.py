"""Known office holders: the state or organization a well-known person served.

When no words at a person's mentions name whom they serve ("President
Trump said ...", "Kim Jong Un watched the launch"), the only guess the text
allows is the state of the sentence or of the article, and that guess goes
wrong whenever the sentence is about another state (a White House recap on
Ukraine made Trump and Putin part of Ukraine). Event-data coders answer this
with a dictionary of persons: the CAMEO actor dictionaries of TABARI and
PETRARCH (openeventdata/petrarch2, ``Phoenix.Countries.actors.txt``) list
heads of state and government, ministers and leaders of organizations with
the body they served and the dates (``HAMID_KARZAI_ [AFGGOV >011222]``).
``data/leaders.yaml`` is such a list in YAML, read once per process; a
person the text gives no body takes the one listed here, never over what
the text says.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .config import package_file, read_yaml, read_yaml_data
from .errors import NewsbriefError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["Leader", "Leaders", "Office", "load_leaders", "name_key", "served_body"]

# "USA secretary of state 2021-2025", "RUS president 2012-" (an open end: still in office).
_SERVED = re.compile(r"^(\S+) (.+?) (\d{4})-(\d{4})?$")
#: Letters that Unicode does not decompose into an ASCII letter and a mark.
_LETTERS = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss", "æ": "ae"}
)
#: Words of a name that do not tell persons apart ("Joseph R. Biden Jr.", "al-Sudani").
_NOISE = frozenset({"jr", "sr", "ii", "iii", "al", "el", "ad", "as", "ibn"})


@dataclass(frozen=True)
class Office:
    """One office a person held: the body (an actor id), the role and the years."""

    body: str
    role: str
    start: int
    end: int | None  # None: still in office


@dataclass(frozen=True)
class Leader:
    """A listed person and their offices, the latest first."""

    name: str
    offices: tuple[Office, ...]


@dataclass(frozen=True)
class Leaders:
    """The listed persons, and their numbers by full name and by the word a title goes with.

    Persons are kept as the parsed JSON lists (what the data cache stores)
    and made :class:`Leader` objects only when a name finds them.
    """

    persons: list[list[Any]]  # [name, [[body, role, start, end], ...]]
    by_name: dict[str, list[int]]
    by_surname: dict[str, list[int]]

    def find(self, name: str) -> tuple[Leader, ...]:
        """The listed persons a name found in a text can be.

        Parameters
        ----------
        name : str
            The person's name without its title ("Joseph R. Biden Jr.", "Putin").

        Returns
        -------
        tuple of Leader
            Those with that full name (or first and last word), or, for a
            one-word name, those known by it; empty when none is.

        Examples
        --------
        ``find("Joseph R. Biden Jr.")`` and ``find("Biden")`` -> Joe Biden.
        """
        words = name_key(name).split()
        if not words:
            return ()
        if len(words) == 1:
            found = self.by_surname.get(words[0], [])
        else:
            found = self.by_name.get(" ".join(words)) or self.by_name.get(
                f"{words[0]} {words[-1]}", []
            )
        return tuple(self.leader(i) for i in found)

    def leader(self, number: int) -> Leader:
        """The listed person of this number."""
        name, offices = self.persons[number]
        return Leader(name, tuple(Office(*o) for o in offices))

    def __len__(self) -> int:
        return len(self.persons)


def name_key(name: str) -> str:
    """A name as the dictionary compares it: ASCII, lower case, no initials or particles.

    "Joseph R. Biden Jr." -> "joseph biden"; "Mohammed Shia' al-Sudani" ->
    "mohammed shia sudani"; "Kim Jong-un" -> "kim jong un".
    """
    folded = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    ascii_name = folded.encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", re.sub(r"['’]", "", ascii_name.lower()))
    kept = [w for w in words if len(w) > 1 and w not in _NOISE]
    return " ".join(kept or words)


def served_body(
    leaders: Sequence[Leader], present: Callable[[str], str | None]
) -> tuple[str, Office] | None:
    """The body the listed persons a name can be served, when they all agree.

    Parameters
    ----------
    leaders : sequence of Leader
        What :meth:`Leaders.find` gave for a name.
    present : callable
        Body id -> the article's actor that stands for it (the body, or the
        organization or state it is part of), None when the article names
        neither.

    Returns
    -------
    (body, office) or None
        Each person's office whose body the article names, else their latest;
        None when the persons disagree or there are none.

    Examples
    --------
    Jens Stoltenberg in an article naming NATO -> ``("NATO", <secretary general>)``.
    """
    picks = []
    for leader in leaders:
        named = ((present(o.body), o) for o in leader.offices)
        body, office = next(((b, o) for b, o in named if b), (leader.offices[0].body, None))
        picks.append((body, office or leader.offices[0]))
    if not picks or len({body for body, _ in picks}) > 1:
        return None
    return picks[0]


def _offices(spec: dict, name: str) -> list[list[Any]]:
    out = []
    for text in spec.get("served") or ():
        m = _SERVED.match(str(text))
        if m is None:
            raise NewsbriefError(f"{name}: {text!r} is not 'BODY role YYYY-[YYYY]'")
        out.append([m[1], m[2], int(m[3]), int(m[4]) if m[4] else None])
    if not out:
        raise NewsbriefError(f"{name}: a listed person needs `served`")
    return sorted(out, key=lambda o: (-(o[3] or 9999), -o[2]))


def _parse_leaders(text: str) -> dict[str, Any]:
    """The YAML's persons and their indexes as JSON data (kept by :mod:`newsbrief.datacache`)."""
    data = read_yaml(text) or {}
    if not isinstance(data, dict):
        raise NewsbriefError("a leaders dictionary must be a mapping with `leaders`")
    persons: list[list[Any]] = []
    by_name: dict[str, list[int]] = {}
    by_surname: dict[str, list[int]] = {}
    for i, spec in enumerate(data.get("leaders") or ()):
        if not isinstance(spec, dict) or not spec.get("name"):
            raise NewsbriefError(f"leader {i} needs a `name`")
        persons.append([str(spec["name"]), _offices(spec, str(spec["name"]))])
        for form in (spec["name"], *(spec.get("aliases") or ())):
            words = name_key(str(form)).split()
            keys = {" ".join(words), f"{words[0]} {words[-1]}"} if len(words) > 1 else set()
            for key in keys:
                by_name.setdefault(key, []).append(i)
            # "Un" of "Kim Jong Un" is no surname; "Xi" is, when listed alone.
            if words and (len(words) == 1 or len(words[-1]) > 2):
                by_surname.setdefault(words[-1], []).append(i)

    def unique(index: dict[str, list[int]]) -> dict[str, list[int]]:
        return {k: list(dict.fromkeys(v)) for k, v in index.items()}

    return {"persons": persons, "by_name": unique(by_name), "by_surname": unique(by_surname)}


@lru_cache(maxsize=4)
def load_leaders(path: str | None = None) -> Leaders:
    """Read the dictionary of office holders once per process (parsed once per edit).

    Parameters
    ----------
    path : str, optional
        A YAML file in the shape of ``data/leaders.yaml``; the shipped one by default.

    Returns
    -------
    Leaders
    """
    source = path or package_file("leaders.yaml")
    data = read_yaml_data(source, "leaders dictionary", _parse_leaders)
    return Leaders(data["persons"], data["by_name"], data["by_surname"])
