"""Vietnamese text normalisation: what we store (NFC) and what we compare (folded)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def clean(text: str) -> str:
    """NFC-normalise and collapse runs of whitespace: the form we store and show."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold(text: str) -> str:
    """Search key: no tone or vowel marks, đ→d, case-folded, single spaces.

    "Hòa" and "Hoà", "NGUYỄN" and "nguyen" all fold to the same key, on every backend.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def has_letter(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("L") for ch in text)
