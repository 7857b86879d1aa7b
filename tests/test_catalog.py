"""The message catalog: every key in both languages with the same placeholders, and no key
defined twice across its parts."""

from __future__ import annotations

import re

import pytest

from handlers.engine.i18n import CATALOGS
from handlers.texts import PARTS, catalog, vi


def _fields(template: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", template))


def test_both_languages_have_every_key_with_the_same_placeholders() -> None:
    assert CATALOGS["vi"].keys() == CATALOGS["en"].keys()
    differ = [
        key for key, text in CATALOGS["vi"].items() if _fields(text) != _fields(CATALOGS["en"][key])
    ]
    assert differ == []


def test_a_key_defined_in_two_parts_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    first = next(iter(vi.MESSAGES))
    monkeypatch.setitem(PARTS[0].VI, first, "lặp")
    with pytest.raises(KeyError, match=first):
        catalog("vi")
