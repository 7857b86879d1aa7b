"""Hamlets as people type and read them in chat pickers: by code, by full name, or by the
name without its "Ấp"/"Thôn" word ("Củ Tron" for "Ấp Củ Tron"), without marks or case; and
lists of hamlets in the order of their names when names are what is shown."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from models.text import fold

# The words a hamlet's name may start with, folded (longest first).
PLACE_WORDS = ("to dan pho", "khu pho", "thon", "xom", "khom", "ban", "ap")
_NUMBER = re.compile(r"(\d+)")


class Named(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...


H = TypeVar("H", bound=Named)


def hamlet_key(text: str) -> str:
    """'Ấp Củ Tron', 'củ tron' and 'ap cu-tron' alike: folded, without the place word."""
    key = " ".join(fold(text).replace("-", " ").split())
    for word in PLACE_WORDS:
        if key.startswith(word + " "):
            return key[len(word) + 1 :]
    return key


def match_hamlets(typed: str, hamlets: Sequence[H]) -> list[H]:
    """The hamlets `typed` names: the one whose code it is, else those whose name it is
    (with or without "Ấp", marks or case). Several when names repeat; [] when none."""
    code = "".join(typed.split()).upper()
    if not code:
        return []
    by_code = [h for h in hamlets if h.code.upper() == code]
    if by_code:
        return by_code
    key = hamlet_key(typed)
    return [h for h in hamlets if key and hamlet_key(h.name) == key]


def _name_order(name: str) -> tuple[object, ...]:
    """Folded, numbers by value: "Ấp 2" before "Ấp 10", "Bãi Nam" before "Bãi Nhà A"."""
    parts = _NUMBER.split(hamlet_key(name))
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def by_name(hamlets: Iterable[H]) -> list[H]:
    """Hamlets in the order of their names (then codes)."""
    return sorted(hamlets, key=lambda h: (_name_order(h.name), h.code))


def names_sorted(names: Iterable[str]) -> list[str]:
    return sorted(names, key=_name_order)
