"""models/text.py: the stored form (NFC, tidy spaces) and the comparison key (folded)."""

from __future__ import annotations

import unicodedata

import pytest

from models.text import clean, fold, has_letter


def test_clean_turns_nfd_into_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn")
    assert nfd != "Nguyễn"  # the test really starts from the decomposed form
    cleaned = clean(nfd)
    assert cleaned == "Nguyễn"
    assert cleaned == unicodedata.normalize("NFC", "Nguyễn")
    assert unicodedata.is_normalized("NFC", cleaned)


def test_clean_full_name_from_nfd() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hoà")
    assert clean(nfd) == unicodedata.normalize("NFC", "Nguyễn Thị Hoà")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Nguyễn   Văn  An  ", "Nguyễn Văn An"),
        ("Nguyễn\tVăn\nAn", "Nguyễn Văn An"),
        ("Nguyễn\u00a0Văn\u00a0An", "Nguyễn Văn An"),
        ("\r\nTổ 3,\t\tấp Bãi Nhà A \n", "Tổ 3, ấp Bãi Nhà A"),
        ("", ""),
        (" \t\n\u00a0", ""),
    ],
)
def test_clean_collapses_whitespace(raw: str, expected: str) -> None:
    assert clean(raw) == expected


def test_clean_keeps_case_and_marks() -> None:
    assert clean("ĐỖ Đức Đạt") == "ĐỖ Đức Đạt"


def test_fold_removes_marks_and_d_stroke() -> None:
    assert fold("Đỗ Đức Đạt") == "do duc dat"
    assert fold("đường") == "duong"


def test_fold_old_and_new_tone_placement_match() -> None:
    assert fold("Hòa") == fold("Hoà") == "hoa"
    assert fold("Thủy") == fold("Thuỷ") == "thuy"


def test_fold_is_case_insensitive() -> None:
    assert fold("NGUYỄN") == "nguyen"
    assert fold("NGUYỄN") == fold("nguyễn") == fold("Nguyen")


def test_fold_same_for_nfc_and_nfd() -> None:
    name = "Nguyễn Văn An"
    assert fold(unicodedata.normalize("NFD", name)) == fold(name) == "nguyen van an"


def test_fold_collapses_whitespace() -> None:
    assert fold("  Tổ\t3 ,\u00a0ấp  Bãi Nhà A ") == "to 3 , ap bai nha a"


def test_has_letter() -> None:
    assert has_letter("Tổ 3")
    assert has_letter("Đ")
    assert not has_letter("123 - 456")
    assert not has_letter("")
