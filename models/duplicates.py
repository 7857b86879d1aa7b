"""Is the household being saved already logged? Candidates and the reason for each.

Runs on every household saved, so it stays cheap: one indexed query for the candidates
(same phone anywhere in the campaign, or same folded name in the officer's hamlet), the
addresses compared here in Python, then one query each for the matches' live entries and
the officers who logged them.

Addresses are compared by key (`address_key`): folded (no marks, no case), punctuation and
repeated spaces gone, common abbreviations spelt out ("t3", "to3", "tổ 03" → "to 3"), and the
hamlet's own name dropped, with or without its "ấp"/"thôn"… prefix: in "Ấp Bãi Nhà A",
"Tổ 3, Ấp Bãi Nhà A", "to 3 ap bai nha a", "tổ 3 - bãi nhà a" and "Tổ 3" are all "to 3".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from sqlalchemy import exists, select, union
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from models.households import Entry, Household
from models.people import User
from models.text import clean, fold

Reason = Literal["phone", "name_address", "similar"]
# Shown in this order: a shared phone is the strongest signal.
_RANK: dict[Reason, int] = {"phone": 0, "name_address": 1, "similar": 2}


@dataclass
class Duplicate:
    """A logged household the new one may be.

    reason: "phone" – same phone (any hamlet of the campaign); "name_address" – same name
    (same spelling up to case) and the same address key, in the same hamlet; "similar" – same
    folded name in the same hamlet, but the name is spelt differently (other marks) or the
    addresses are only compatible, not equal.
    """

    household: Household
    reason: Reason
    procedures: list[str] = field(default_factory=list)
    last_guided_on: date | None = None
    officer_name: str = ""

    @property
    def by_phone(self) -> bool:
        return self.reason == "phone"

    @property
    def by_name_address(self) -> bool:
        return self.reason == "name_address"


# --- address keys ------------------------------------------------------------------------

_NON_WORD = re.compile(r"[\W_]+")
_LETTER_THEN_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)")
# Written before a number, these stand for a word or two ("t3", "kp 2", "tdp5").
_BEFORE_NUMBER = {"t": ("to",), "kp": ("khu", "pho"), "tdp": ("to", "dan", "pho")}
# The words a hamlet's name may start with ("Ấp Bãi Nhà A", "Thôn Đông", "Khu phố 2").
_HAMLET_PREFIXES: tuple[tuple[str, ...], ...] = (
    ("to", "dan", "pho"),
    ("khu", "pho"),
    ("ap",),
    ("thon",),
    ("xom",),
    ("ban",),
    ("buon",),
    ("khom",),
    ("lang",),
    ("khu",),
)


def _words(text: str) -> list[str]:
    """Folded words: no marks, case or punctuation; "to3" split, abbreviations spelt out."""
    raw = _LETTER_THEN_DIGIT.sub(" ", _NON_WORD.sub(" ", fold(text))).split()
    words: list[str] = []
    for i, word in enumerate(raw):
        if word.isdigit():
            words.append(word.lstrip("0") or "0")
        elif word in _BEFORE_NUMBER and i + 1 < len(raw) and raw[i + 1].isdigit():
            words.extend(_BEFORE_NUMBER[word])
        else:
            words.append(word)
    return words


def _find(words: list[str], part: tuple[str, ...] | list[str], start: int = 0) -> int:
    """Where `part` first occurs in `words` as a contiguous run (from `start`), or -1."""
    n = len(part)
    for i in range(start, len(words) - n + 1):
        if tuple(words[i : i + n]) == tuple(part):
            return i
    return -1


def _distinctive(words: tuple[str, ...]) -> bool:
    """Safe to cut from an address: has a letter and is not a bare number or a single letter
    ("Thôn 2" without its prefix is "2", which would eat "tổ 2")."""
    text = " ".join(words)
    return len(text) >= 3 and any(not w.isdigit() for w in words)


def _hamlet_names(hamlet_name: str) -> list[tuple[str, ...]]:
    """The hamlet's name as words, with its prefix and (when distinctive) without it."""
    full = tuple(_words(hamlet_name))
    names = [full] if full and _distinctive(full) else []
    for prefix in _HAMLET_PREFIXES:
        bare = full[len(prefix) :]
        if full[: len(prefix)] == prefix and bare:
            if _distinctive(bare):
                names.append(bare)
            break
    return names


def _cut_hamlet(words: list[str], names: list[tuple[str, ...]]) -> list[str]:
    for name in names:
        i = _find(words, name)
        while i >= 0:
            start = i
            # "thôn Bãi Nhà A" for "Ấp Bãi Nhà A": the prefix word goes with the name.
            for prefix in _HAMLET_PREFIXES:
                if start >= len(prefix) and tuple(words[start - len(prefix) : start]) == prefix:
                    start -= len(prefix)
                    break
            del words[start : i + len(name)]
            i = _find(words, name, start)
    return words


def address_key(address: str, hamlet_name: str) -> str:
    """The address as compared: folded words, the hamlet's own name left out.

    >>> address_key("Tổ 3, Ấp Bãi Nhà A", "Ấp Bãi Nhà A")
    'to 3'
    """
    return " ".join(_cut_hamlet(_words(address), _hamlet_names(hamlet_name)))


def addresses_compatible(a_key: str, b_key: str) -> bool:
    """Could two address keys name the same place? Equal, one empty (only the hamlet was
    given), or one's words a contiguous run of the other's ("to 3" in "so 5 to 3 khu b")."""
    if a_key == b_key or not a_key or not b_key:
        return True
    a, b = a_key.split(), b_key.split()
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return _find(long, short) >= 0


def _same_spelling(a: str, b: str) -> bool:
    """Same name as written, up to case and Unicode form ("Hòa" and "Hoà" differ)."""
    return clean(a).casefold() == clean(b).casefold()


# --- the check ---------------------------------------------------------------------------


def _reason(
    hh: Household,
    *,
    phone: str,
    name: str,
    name_key: str,
    hamlet_id: int,
    key: str,
    hamlet_name: str,
) -> Reason | None:
    if phone and hh.phone == phone:
        return "phone"
    if hh.hamlet_id != hamlet_id or hh.name_folded != name_key:
        return None
    other_key = address_key(hh.address, hamlet_name)
    if not addresses_compatible(key, other_key):
        return None
    if other_key == key and _same_spelling(hh.head_name, name):
        return "name_address"
    return "similar"


async def find_duplicates(
    session: AsyncSession,
    *,
    campaign_id: int,
    hamlet_id: int,
    hamlet_name: str,
    name: str,
    address: str,
    phone: str,
    exclude_household: int | None = None,
    limit: int = 3,
) -> list[Duplicate]:
    """Households of the campaign with a live entry that may be this one, strongest first
    (phone, then name + address, then similar; by id within each), at most `limit`.

    Same phone counts in any hamlet; same folded name only in `hamlet_id` (whose name is
    `hamlet_name`) and with a compatible address key.
    """
    name_key = fold(name)
    key = address_key(address, hamlet_name)
    # Each branch on its own index: (campaign_id, name_folded) and (campaign_id, phone). One
    # WHERE with an OR makes SQLite scan the campaign; the hamlet is checked in `_reason`
    # (a hamlet_id filter here makes SQLite pick the hamlet index over the name one).
    by_name = select(Household.id).where(
        Household.campaign_id == campaign_id, Household.name_folded == name_key
    )
    by_phone = select(Household.id).where(
        Household.campaign_id == campaign_id, Household.phone == phone
    )
    candidates = union(by_name, by_phone) if phone else by_name
    live = exists().where(Entry.household_id == Household.id, Entry.deleted_at.is_(None))
    query = select(Household).where(Household.id.in_(candidates), live).order_by(Household.id)
    if exclude_household is not None:
        query = query.where(Household.id != exclude_household)
    found: list[Duplicate] = []
    for hh in await session.scalars(query):
        reason = _reason(
            hh,
            phone=phone,
            name=name,
            name_key=name_key,
            hamlet_id=hamlet_id,
            key=key,
            hamlet_name=hamlet_name,
        )
        if reason is not None:
            found.append(Duplicate(household=hh, reason=reason))
    found.sort(key=lambda d: (_RANK[d.reason], d.household.id))
    found = found[:limit]
    if found:
        await _describe(session, found)
    return found


async def _describe(session: AsyncSession, found: list[Duplicate]) -> None:
    """Fill in what was done for each: procedures (newest first), last day and officer."""
    entries = (
        await session.scalars(
            select(Entry)
            .options(selectinload(Entry.procedures))
            .where(
                Entry.household_id.in_([d.household.id for d in found]), Entry.deleted_at.is_(None)
            )
            .order_by(Entry.guided_on.desc(), Entry.id.desc())
        )
    ).all()
    officer_ids = {e.officer_id for e in entries}
    officers = (
        {
            u.id: u.display_name
            for u in await session.scalars(select(User).where(User.id.in_(officer_ids)))
        }
        if officer_ids
        else {}
    )
    for dup in found:
        mine = [e for e in entries if e.household_id == dup.household.id]
        names: list[str] = []
        for entry in mine:
            names.extend(p.name for p in entry.procedures if p.name not in names)
        dup.procedures = names
        if mine:
            dup.last_guided_on = mine[0].guided_on
            dup.officer_name = officers.get(mine[0].officer_id, "")
