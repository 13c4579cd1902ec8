"""Words compared the way visitors type them: lowercase, without accents or ligatures."""

from __future__ import annotations

import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})


def fold(word: str) -> str:
    """`Données` -> `donnees`: lowercase, without accents or ligatures."""
    decomposed = unicodedata.normalize("NFD", word.lower().translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
