"""Messages for announcements."""

from __future__ import annotations

VI: dict[str, str] = {}

EN: dict[str, str] = {}
