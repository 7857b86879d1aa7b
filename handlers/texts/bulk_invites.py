"""Messages for bulk_invites."""

from __future__ import annotations

VI: dict[str, str] = {}

EN: dict[str, str] = {}
