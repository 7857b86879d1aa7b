"""People's names as typed on a phone: Vietnamese title case, and Telex/VNI leftovers.

Officers often type a household head's name with no Vietnamese keyboard active, so the
keystrokes stay in the text: "Nguyeenx Vawn Tuaans" (Telex) or "Nguye6n Va8n Tua61n" (VNI).
`telex_suggestion` turns such a name back into "Nguyễn Văn Tuấn", so the bot can ask
"did you mean …?"; it stays quiet (None) unless the keystrokes are unmistakable.

Tone marks go where the old (traditional) style puts them: "Hòa", "Thúy", "Khỏe", the form
most registers and ID cards use for names (the new style would write "Hoà", "Thuý", "Khoẻ").
Pure functions; models.text.fold makes both styles compare equal anyway.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from models.text import clean

# --- title case ----------------------------------------------------------------------------


def title_case(name: str) -> str:
    """NFC, single spaces, first letter of every word capitalised and the rest lowered.

    A word starts after anything that is not a letter, digit or combining mark, so "lê-thị"
    gives "Lê-Thị" and "h'hen niê" gives "H'Hen Niê"; a mark never starts a new word (unlike
    str.title on decomposed text).
    """
    out: list[str] = []
    at_start = True
    for ch in clean(name):
        if unicodedata.category(ch).startswith("L"):
            out.append(ch.upper() if at_start else ch.lower())
            at_start = False
        elif unicodedata.combining(ch):
            out.append(ch)  # belongs to the letter before it
        elif ch.isdigit():
            out.append(ch)
            at_start = False
        else:
            out.append(ch)
            at_start = True
    return unicodedata.normalize("NFC", "".join(out))


# --- Telex / VNI ---------------------------------------------------------------------------

_VOWELS = frozenset("aăâeêioôơuưy")
_CIRCUMFLEX = {"a": "â", "e": "ê", "o": "ô"}
_BREVE = {"a": "ă"}
_HORN = {"o": "ơ", "u": "ư"}

# Tone names are the Telex keys; "" is no tone (Telex z, VNI 0 clear it).
_TONE_MARKS = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_TELEX_TONES = frozenset("sfrxj")
_VNI_TONES = {"1": "s", "2": "f", "3": "r", "4": "x", "5": "j", "0": ""}
_VNI_SHAPES = {"6": _CIRCUMFLEX, "7": _HORN, "8": _BREVE}

# Keystrokes English-looking names also end in ("Hans", "Max", "Thor"), or rare real
# spellings ("Xoong"): alone they do not make a word count as typed in Telex.
_WEAK = frozenset({"tone_s", "tone_r", "tone_x", "clear", "oo", "ee_end"})

_ONSETS = (
    "ngh",
    "ng",
    "nh",
    "ch",
    "gh",
    "gi",
    "kh",
    "ph",
    "th",
    "tr",
    "qu",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
)
_FINALS = frozenset({"c", "ch", "m", "n", "ng", "nh", "p", "t"})
# Vowel groups by whether a final consonant may, must or must not follow.
_OPEN_ONLY = frozenset(
    {
        "y",
        "ai",
        "ao",
        "au",
        "ay",
        "âu",
        "ây",
        "eo",
        "êu",
        "ia",
        "iu",
        "oi",
        "ôi",
        "ơi",
        "ua",
        "ui",
        "uơ",
        "ưa",
        "ưi",
        "ưu",
        "iêu",
        "yêu",
        "oai",
        "oay",
        "oeo",
        "uây",
        "uôi",
        "ươi",
        "ươu",
        "uya",
        "uyu",
    }
)
_CLOSED_ONLY = frozenset({"ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê"})
_EITHER = frozenset({"a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "oa", "oe", "uê", "uy"})


class _Reject(Exception):
    """The keystrokes do not make a Vietnamese syllable."""


@dataclass
class _Word:
    letters: list[str]
    tone: str | None = None  # None: no tone key typed; "": cleared
    markers: set[str] = field(default_factory=set)

    def vowel_run(self) -> list[int]:
        """Indexes of the last run of vowels (a tone or shape key may follow the final)."""
        end = len(self.letters)
        while end and self.letters[end - 1] not in _VOWELS:
            end -= 1
        start = end
        while start and self.letters[start - 1] in _VOWELS:
            start -= 1
        if start == end:
            raise _Reject
        return list(range(start, end))

    def set_tone(self, tone: str) -> None:
        if tone and self.tone:  # two tone keys: not a name typed in Telex/VNI
            raise _Reject
        self.vowel_run()  # a tone key needs a vowel before it
        self.tone = tone


def _horn(word: _Word, run: list[int]) -> None:
    """Telex w / VNI 7 on a vowel group: uo → ươ, else the last o or u."""
    letters = word.letters
    bases = "".join(letters[i] for i in run)
    for pair in ("uo", "ưo", "uơ"):
        at = bases.find(pair)
        if at >= 0:
            letters[run[at]], letters[run[at + 1]] = "ư", "ơ"
            return
    _reshape(word, run, _HORN)


def _reshape(word: _Word, run: list[int], table: dict[str, str]) -> None:
    for i in reversed(run):
        if word.letters[i] in table:
            word.letters[i] = table[word.letters[i]]
            return
    raise _Reject


def _read_telex(raw: str) -> _Word:
    word = _Word([])
    letters = word.letters
    for i, ch in enumerate(raw):
        toned = word.tone is not None
        if ch == "d" and i == 1 and letters == ["d"]:
            letters[0] = "đ"
            word.markers.add("dd")
        elif ch in _CIRCUMFLEX and letters and letters[-1] == ch and not toned:
            letters[-1] = _CIRCUMFLEX[ch]
            if ch == "o":
                word.markers.add("oo")
            elif ch == "e" and (i + 1 == len(raw) or raw[i + 1] in _TELEX_TONES):
                word.markers.add("ee_end")  # "Lee", "Dee": English spellings too
            else:
                word.markers.add(ch * 2)
        elif ch == "w":
            run = word.vowel_run()
            if letters[-1] in _VOWELS and letters[-1] not in "aou":
                raise _Reject
            if letters[-1] in _VOWELS:
                if letters[-1] == "o" and len(run) > 1 and letters[-2] in "uư":
                    letters[-2], letters[-1] = "ư", "ơ"
                else:
                    letters[-1] = {"a": "ă", "o": "ơ", "u": "ư"}[letters[-1]]
            else:
                _horn_or_breve_after_final(word, run)
            word.markers.add("w")
        elif ch in _TELEX_TONES and any(c in _VOWELS for c in letters):
            word.set_tone(ch)
            word.markers.add(f"tone_{ch}")
        elif ch == "z" and any(c in _VOWELS for c in letters):
            word.tone = ""
            word.markers.add("clear")
        elif toned and ch in _VOWELS and not (word.tone in ("f", "j") and letters[-1] in _VOWELS):
            raise _Reject  # "Mary", "Charles": the r/s was a letter, not a tone key
        else:
            letters.append(ch)
    return word


def _horn_or_breve_after_final(word: _Word, run: list[int]) -> None:
    """Telex w typed after the final consonant: "truongw" → trương, "banw" → băn."""
    bases = "".join(word.letters[i] for i in run)
    if "uo" in bases:
        _horn(word, run)
    elif len(run) == 1 and bases in "aou":
        word.letters[run[0]] = {"a": "ă", "o": "ơ", "u": "ư"}[bases]
    else:
        raise _Reject


def _read_vni(raw: str) -> _Word:
    word = _Word([])
    for ch in raw:
        if ch.isalpha():
            if word.tone is not None and ch in _VOWELS and word.letters[-1] not in _VOWELS:
                raise _Reject  # a vowel after the final: not one syllable
            word.letters.append(ch)
            continue
        word.markers.add("vni")
        if ch == "9":
            if word.letters[:1] != ["d"]:
                raise _Reject
            word.letters[0] = "đ"
        elif ch in _VNI_TONES:
            word.set_tone(_VNI_TONES[ch])
        elif ch == "7":
            _horn(word, word.vowel_run())
        else:
            _reshape(word, word.vowel_run(), _VNI_SHAPES[ch])
    return word


def _split(letters: str) -> tuple[str, str, str]:
    """Onset, vowel group, final consonant; raises _Reject for a non-Vietnamese shape."""
    onset = next((o for o in _ONSETS if letters.startswith(o)), "")
    if onset == "gi" and not any(c in _VOWELS for c in letters[2:]):
        onset = "g"  # "gì", "gìn": the i is the vowel
    rest = letters[len(onset) :]
    n = 0
    while n < len(rest) and rest[n] in _VOWELS:
        n += 1
    vowels, final = rest[:n], rest[n:]
    if vowels[:2] in ("ưo", "uơ") and (final or len(vowels) > 2):
        vowels = "ươ" + vowels[2:]  # "uwong", "uow…ng" → ương
    elif vowels == "ươ" and not final:
        vowels = "uơ"  # "thuở", "huơ"
    if not vowels or (final and final not in _FINALS):
        raise _Reject
    if not (
        vowels in _EITHER
        or (vowels in _OPEN_ONLY and not final)
        or (vowels in _CLOSED_ONLY and final)
    ):
        raise _Reject
    front = vowels[0] in "eêiy"
    if (onset in ("k", "gh", "ngh") and not front) or (onset in ("c", "ng") and front):
        raise _Reject
    if onset == "g" and vowels[0] in "eê":
        raise _Reject
    if final in ("ch", "nh") and vowels not in ("a", "ê", "i", "y", "oa", "uê", "uy"):
        raise _Reject
    return onset, vowels, final


def _tone_index(vowels: str, final: str) -> int:
    """Old style: the shaped vowel (ơ in ươ), else the last before a final, else the
    middle of three, else the first of two: hòa, thúy, khỏe, hoàn, ngoài, thuế."""
    shaped = [i for i, ch in enumerate(vowels) if ch in "ăâêôơư"]
    if shaped:
        return shaped[-1]
    if final:
        return len(vowels) - 1
    return 1 if len(vowels) == 3 else 0


def _convert(raw: str) -> tuple[str, set[str]] | None:
    """One ASCII word → (Vietnamese syllable, keystroke markers), or None if it has no
    keystrokes or they do not make a valid syllable."""
    lowered = raw.lower()
    try:
        word = _read_vni(lowered) if any(c.isdigit() for c in lowered) else _read_telex(lowered)
        if not word.markers:
            return None
        onset, vowels, final = _split("".join(word.letters))
        if final in ("c", "ch", "p", "t") and word.tone not in ("s", "j"):
            raise _Reject  # stop finals take only sắc or nặng
    except _Reject:
        return None
    if word.tone:
        at = _tone_index(vowels, final)
        vowels = vowels[:at] + vowels[at] + _TONE_MARKS[word.tone] + vowels[at + 1 :]
    return unicodedata.normalize("NFC", onset + vowels + final), word.markers


def telex_suggestion(name: str) -> str | None:
    """The name with Telex/VNI keystrokes turned into Vietnamese letters, title-cased, when
    it clearly was typed that way; else None.

    Only ASCII words are converted; a word whose keystrokes do not make a valid syllable
    is left as typed. "Clearly" means one word shows a keystroke that no plain or foreign
    name has (aa, ee inside a word, dd-, w, f/j tone keys, VNI digits), or two words show
    weaker ones (a trailing s/r/x, oo, z), so "Hans", "Max" and "Lee" stay None.
    """
    words = clean(name).split(" ")
    out: list[str] = []
    weak_words = 0
    strong = False
    for raw in words:
        converted = _convert(raw) if raw.isascii() and raw.isalnum() else None
        if converted is None:
            out.append(raw)
            continue
        syllable, markers = converted
        out.append(syllable)
        if markers - _WEAK:
            strong = True
        else:
            weak_words += 1
    if not strong and weak_words < 2:
        return None
    return title_case(" ".join(out))
