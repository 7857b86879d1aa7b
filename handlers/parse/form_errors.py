"""The error a form field raises: a catalog key plus the values its message needs."""

from __future__ import annotations

from typing import Any


class FormError(ValueError):
    """A catalog key plus the values its message needs."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values
