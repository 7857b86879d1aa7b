"""The message catalog: the general messages (vi.py, en.py) and one part per area that has
many of its own (documents, spreadsheets), each holding both languages side by side."""

from __future__ import annotations

from handlers.texts import (
    announcements,
    attachments,
    bulk_invites,
    dossiers,
    en,
    find,
    history,
    office_papers,
    pace,
    proposals,
    staff,
    vi,
    workbooks,
)

PARTS = (
    announcements,
    attachments,
    bulk_invites,
    dossiers,
    find,
    history,
    office_papers,
    pace,
    proposals,
    staff,
    workbooks,
)


def catalog(lang: str) -> dict[str, str]:
    """Every message of one language; a key defined twice is a programming error."""
    merged = dict(vi.MESSAGES if lang == "vi" else en.MESSAGES)
    for part in PARTS:
        extra: dict[str, str] = part.VI if lang == "vi" else part.EN
        twice = merged.keys() & extra.keys()
        if twice:
            raise KeyError(f"message keys defined twice: {sorted(twice)}")
        merged.update(extra)
    return merged
