"""The command menu a person sees (Telegram's "/" list): their role's commands, in their
language, from the routers' menu entries (`Router.command(..., menu=Menu(...))`)."""

from __future__ import annotations

from collections.abc import Sequence

from handlers.engine.i18n import t
from handlers.engine.router import MenuEntry
from models.people import User


def commands_for(
    user: User | None, lang: str, menu: Sequence[MenuEntry]
) -> tuple[tuple[str, str], ...]:
    """(command, description) for this person; before registration, everyone's basics.
    Vietnamese commands whatever the app's language; English ones after /lang en."""
    if user is None:
        return (("start", t(lang, "cmd_start")), ("help", t(lang, "cmd_help")))
    attached = user.hamlet_id is not None
    return tuple(
        (entry.en if lang == "en" else entry.vi, t(lang, entry.description))
        for entry in menu
        if user.role in entry.roles and (attached or not entry.loggable)
    )
