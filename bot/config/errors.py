"""ConfigError: which setting is wrong and what would be right, in one line."""

from __future__ import annotations

# Messages of this package not (yet) in the catalog (handlers/texts); {hint} is a key path.
_OWN = {
    "vi": {
        "cfg_unknown_key": "khóa không hợp lệ (các khóa hợp lệ: docs/configuration.md)",
        "cfg_unknown_key_hint": "khóa không hợp lệ, có phải «{hint}»?",
    },
    "en": {
        "cfg_unknown_key": "unknown key (the valid ones: docs/configuration.md)",
        "cfg_unknown_key_hint": "unknown key – did you mean «{hint}»?",
    },
}


def message(lang: str, code: str, /, **values: object) -> str:
    """A configuration message: the catalog's, or one of this package's own."""
    own = _OWN.get(lang, _OWN["vi"]).get(code)
    if own is not None:
        return own.format(**values)
    # The catalog (and what it imports) is loaded only when a message is shown.
    from handlers.i18n import t

    return t(lang, code, **values)


class ConfigError(Exception):
    """A setting is missing or wrong; `key` names it, `expected` says what would be right."""

    def __init__(self, key: str, code: str, /, **values: object) -> None:
        self.key = key
        self.code = code
        self.values = values
        super().__init__(f"{key}: {self.expected}")

    @property
    def expected(self) -> str:
        # Settings are not loaded yet, so the message is in the default language.
        return message("vi", self.code, **self.values)
