"""The command menu a person sees (Telegram's "/" list): their role's commands, in their
language."""

from __future__ import annotations

from handlers.i18n import t
from models.people import Role, User

_LOGS = frozenset({Role.OFFICER, Role.HAMLET_HEAD})
_HEAD = frozenset({Role.HAMLET_HEAD, Role.SUPERVISOR, Role.ADMIN})
_SUPERVISES = frozenset({Role.SUPERVISOR, Role.ADMIN})
_ALL = frozenset(Role)

# (Vietnamese command, English alias, catalog key of its description, roles that see it)
MENU: tuple[tuple[str, str, str, frozenset[Role]], ...] = (
    ("them", "add", "cmd_add", _LOGS),
    ("cuatoi", "mine", "cmd_mine", _LOGS),
    ("sua", "edit", "cmd_edit", _LOGS),
    ("xoa", "delete", "cmd_delete", _LOGS),
    ("tiep", "next", "cmd_next", _LOGS),
    ("tiendo", "progress", "cmd_progress", _ALL),
    ("baocao", "report", "cmd_report", _HEAD),
    ("xuat", "export", "cmd_export", _HEAD),
    ("chuahuongdan", "todo", "cmd_todo", _LOGS | _SUPERVISES),
    ("duyetso", "totals", "cmd_totals", _HEAD),
    ("kiemtra", "verify", "cmd_verify", _SUPERVISES),
    ("hoso", "dossier", "cmd_dossier", _HEAD),
    ("khenthuong", "awards", "cmd_awards", _SUPERVISES),
    ("khenthuong_ds", "awards_list", "cmd_awards_list", _SUPERVISES),
    ("vanban", "papers", "cmd_papers", _SUPERVISES),
    ("canhbao", "quality", "cmd_quality", _SUPERVISES),
    ("giaitrinh", "explain", "cmd_explain", _LOGS),
    ("thongbao", "notify", "cmd_notify", _ALL),
    ("huy", "cancel", "cmd_cancel", _ALL),
    ("help", "help", "cmd_help", _ALL),
)


def commands_for(user: User | None, lang: str) -> tuple[tuple[str, str], ...]:
    """(command, description) for this person; before registration, everyone's basics.
    Vietnamese commands whatever the app's language; English ones after /lang en."""
    if user is None:
        return (("start", t(lang, "cmd_start")), ("help", t(lang, "cmd_help")))
    loggable = user.hamlet_id is not None
    rows = []
    for vi, en, key, roles in MENU:
        if user.role not in roles or (roles == _LOGS and not loggable):
            continue
        rows.append((en if lang == "en" else vi, t(lang, key)))
    return tuple(rows)
