"""ConfigError: which setting is wrong and what would be right, in one line."""

from __future__ import annotations


def message(lang: str, code: str, /, **values: object) -> str:
    """A configuration message from the catalog (handlers/texts)."""
    # The catalog (and what it imports) is loaded only when a message is shown.
    from handlers.engine.i18n import t

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
