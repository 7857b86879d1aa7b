"""Messages for dossiers (Vietnamese first, then English); merged into the catalog by
handlers/texts/__init__.py. Keys are unique across every part."""

from __future__ import annotations

VI: dict[str, str] = {
}

EN: dict[str, str] = {
}
