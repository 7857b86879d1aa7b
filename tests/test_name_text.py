"""handlers/parse/name_text.py: title case for names, and Telex/VNI keystrokes left in a name."""

from __future__ import annotations

import unicodedata

import pytest

from handlers.parse.name_text import telex_suggestion, title_case


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("NGUYỄN VĂN AN", "Nguyễn Văn An"),
        ("nguyễn văn an", "Nguyễn Văn An"),
        ("nGuYễN vĂn AN", "Nguyễn Văn An"),
        ("đỗ đức đạt", "Đỗ Đức Đạt"),
        ("ĐỖ ĐỨC ĐẠT", "Đỗ Đức Đạt"),
        ("  trần   thị\tmai ", "Trần Thị Mai"),
        ("H'Hen Niê", "H'Hen Niê"),
        ("h'hen niê", "H'Hen Niê"),
        ("ksor h'lan", "Ksor H'Lan"),
        ("Lê-Thị", "Lê-Thị"),
        ("lê-thị hồng", "Lê-Thị Hồng"),
        ("ƯƠNG THỊ ỨT", "Ương Thị Ứt"),
        ("út", "Út"),
        ("", ""),
        # Decomposed input (some Android keyboards, copy-paste from PDFs): the marks stay
        # with their letter and the result is NFC.
        (_nfd("nguyễn văn an"), "Nguyễn Văn An"),
        (_nfd("NGUYỄN THỊ HOÀ"), "Nguyễn Thị Hoà"),
        (_nfd("đặng ương"), "Đặng Ương"),
        (_nfd("ẩn"), "Ẩn"),
    ],
)
def test_title_case(raw: str, expected: str) -> None:
    result = title_case(raw)
    assert result == unicodedata.normalize("NFC", expected)
    assert unicodedata.is_normalized("NFC", result)


def test_title_case_loose_combining_mark_does_not_start_a_word() -> None:
    # str.title() would capitalise the letter after a combining mark.
    raw = "nguye\u0302\u0303n"  # ê and the ngã tone both decomposed
    assert "nguye\u0302\u0303n".title() != "Nguyễn"
    assert title_case(raw) == "Nguyễn"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # Telex
        ("Nguyeenx Vawn Tuaans", "Nguyễn Văn Tuấn"),
        ("Nguyeenx", "Nguyễn"),
        ("nguyeenx  van   an", "Nguyễn Van An"),
        ("NGUYEENX VAWN TUAANS", "Nguyễn Văn Tuấn"),
        ("Traafn Thij Mai", "Trần Thị Mai"),
        ("Trafn Thij Mai", "Tràn Thị Mai"),  # "af" is à; Trần is "aaf"
        ("Ddoox Dduwcs Ddatj", "Đỗ Đức Đạt"),
        ("Leex Vawn Hungf", "Lễ Văn Hùng"),
        ("Lee Thij Hoaf", "Lê Thị Hòa"),
        ("Phamj Thij Thuyr", "Phạm Thị Thủy"),
        ("Hoangf Vawn Khoer", "Hoàng Văn Khỏe"),
        ("Huyfnh Thij Hoanf", "Huỳnh Thị Hoàn"),
        ("Truwowngf Vawn Nghiax", "Trường Văn Nghĩa"),
        ("Truowngf", "Trường"),
        ("Truongwf", "Trường"),
        ("Dduwowngf Thij Hieeus", "Đường Thị Hiếu"),
        ("Bufi Vawn Quyeets", "Bùi Văn Quyết"),
        ("Buif Thij Giaf", "Bùi Thị Già"),
        ("Hoof Ngocj Anh", "Hồ Ngọc Anh"),
        ("Ddinhf Thij Nhung", "Đình Thị Nhung"),
        ("Nguyeensz", "Nguyên"),  # z clears the tone typed before it
        ("Le Thi Thuys Hoas", "Le Thi Thúy Hóa"),  # two weak words together are enough
        ("Nguyễn Van Tuaans", "Nguyễn Van Tuấn"),  # accented words are left as they are
        ("Nguyeenx Harvey", "Nguyễn Harvey"),  # a word that is no syllable stays as typed
        ("Kyf Thuowr", "Kỳ Thuở"),
        ("Ddawngj Uwts", "Đặng Ứt"),
        # VNI
        ("Nguye6n Va8n Tua61n", "Nguyên Văn Tuấn"),
        ("Nguye64n Va8n Tua61n", "Nguyễn Văn Tuấn"),
        ("Nguyen64 Van8 Tuan61", "Nguyễn Văn Tuấn"),  # keys typed after the final
        ("D9o64 D9u7c1 D9a5t", "Đỗ Đức Đạt"),
        ("Tra62n Thi5 Mai", "Trần Thị Mai"),
        ("Tru7o7ng2 Ho2a", "Trường Hòa"),
        ("Truong72", "Trường"),
        ("Thuy3 Ho2a", "Thủy Hòa"),
    ],
)
def test_telex_suggestion_converts(typed: str, expected: str) -> None:
    result = telex_suggestion(typed)
    assert result == unicodedata.normalize("NFC", expected)
    assert result is not None and unicodedata.is_normalized("NFC", result)


@pytest.mark.parametrize(
    "typed",
    [
        # plain names typed without marks
        "Nguyen Van Tuan",
        "Tran Thi Mai",
        "Le Van Tu",
        "Ho Thi Hoa",
        "Vo Van Kiet",
        "Ly Thi Be",
        "Huynh Van Nam",
        "Duong Thi Ngoc Anh",
        "Dang Van Xoong",
        # short names
        "Út",
        "Tư",
        "Bé",
        "Ba",
        "Ut",
        "Tu",
        "Be",
        # already with diacritics, including the new tone style
        "Nguyễn Văn Tuấn",
        "Đỗ Đức Đạt",
        "Trần Thị Hoà",
        "H'Hen Niê",
        "Lê-Thị Hồng",
        # English-looking and foreign names
        "James",
        "Thomas",
        "Charles",
        "Chris",
        "Lewis",
        "Mary",
        "Oscar",
        "Louis",
        "Sarah",
        "Aaron",
        "Isaac",
        "Hans",
        "Max",
        "Rex",
        "Lee",
        "Bruce Lee",
        "Lee Harvey",
        "Thor",
        "Sofia",
        "Felix",
        "Ross",
        # mixed real names: one weak keystroke is not enough
        "Nguyen Van Max",
        "Tran Thi Thuys",
        "Hoo Thi Lan",
        "Lee Van Tuan",
        # keystrokes that make no Vietnamese syllable
        "Huyenf",
        "Tuasn",
        "Nieee",
        "Ddd",
        # nothing to convert
        "",
        "   ",
        "12345",
        "Nguyễn-Văn",
    ],
)
def test_telex_suggestion_leaves_alone(typed: str) -> None:
    assert telex_suggestion(typed) is None


def test_suggestion_is_nfc_title_case_of_the_whole_name() -> None:
    # Unconverted words are title-cased too, so the suggestion can be stored as is.
    assert telex_suggestion("nguyeenx thi h'hen") == "Nguyễn Thi H'Hen"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # Old (traditional) tone placement: on the first of two open vowels oa/oe/uy ...
        ("Hoaf", "Hòa"),
        ("Khoer", "Khỏe"),
        ("Thuyr", "Thủy"),
        ("Thuyj", "Thụy"),
        # ... on the last vowel when a final consonant follows, the middle of three,
        # and always on a shaped vowel (ơ of ươ, ê of uyê/iê, ê of uê).
        ("Hoanf", "Hoàn"),
        ("Ngoaif", "Ngoài"),
        ("Ruwowuj", "Rượu"),
        ("Thuees", "Thuế"),
        ("Nguyeetj", "Nguyệt"),
        ("Muaf", "Mùa"),
        ("Nghiax", "Nghĩa"),
        ("Quas", "Quá"),
    ],
)
def test_tone_placement_old_style(typed: str, expected: str) -> None:
    # A single weak word (s/r/x tone) alone gives None, so pair it with a strong one.
    result = telex_suggestion(f"Vawn {typed}")
    assert result == unicodedata.normalize("NFC", f"Văn {expected}")
