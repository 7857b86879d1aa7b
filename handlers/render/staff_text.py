"""The staff list and a person's card as text (/nhansu, `python -m bot users`): data in,
text out."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.engine.i18n import fmt_date, fmt_int, t
from models.people import Role
from models.staff import PendingInvite, Person, Staff

CHANNEL_KEYS = {
    "telegram": "link_channel_telegram",
    "zalo": "link_channel_zalo",
    "console": "link_channel_console",
}


def fmt_moment(moment: datetime, tz: ZoneInfo) -> str:
    """dd/mm/yyyy HH:MM in the campaign's timezone."""
    local = moment.astimezone(tz)
    return f"{fmt_date(local.date())} {local.strftime('%H:%M')}"


def channel_label(lang: str, channel: str) -> str:
    key = CHANNEL_KEYS.get(channel)
    return t(lang, key) if key else channel


def who(lang: str, role: Role, hamlet_name: str, unit: str | None) -> str:
    """ "cán bộ ấp, Ấp Bãi Nhà A", "giám sát (Phòng VH-XH) – Xã Hòn Tre"."""
    name = t(lang, f"role_{role.value}")
    if hamlet_name:
        return t(lang, "link_who_hamlet", role=name, hamlet=hamlet_name)
    if role == Role.SUPERVISOR:
        scope = t(lang, "staff_scope_unit", unit=unit) if unit else t(lang, "staff_scope_all")
        return f"{name}{scope}"
    return name


def person_who(lang: str, person: Person) -> str:
    return who(lang, person.role, person.hamlet_name, person.unit)


def _apps(lang: str, person: Person) -> str:
    if not person.apps:
        return t(lang, "staff_apps_none")
    return ", ".join(channel_label(lang, a.channel) for a in person.apps)


def _seen(
    lang: str, tz: ZoneInfo, moment: datetime | None, since: datetime | None, never: str
) -> str:
    """When the person (or one app) last wrote; if never, since when they could have."""
    if moment is None:
        day = fmt_date(since.astimezone(tz).date()) if since is not None else "—"
        return t(lang, never, day=day)
    return t(lang, "staff_seen", when=fmt_moment(moment, tz))


def person_line(lang: str, tz: ZoneInfo, person: Person, month: date) -> str:
    line = t(
        lang,
        "staff_line",
        name=person.name,
        who=t(lang, f"role_{person.role.value}") if person.hamlet_id else person_who(lang, person),
        apps=_apps(lang, person),
        seen=_seen(lang, tz, person.last_seen, person.joined, "staff_seen_never"),
        entries=fmt_int(lang, person.entries_month),
        month=month.strftime("%m/%Y"),
    )
    if not person.active:
        when = person.deactivated_at
        line += " " + (
            t(lang, "staff_off_mark", day=fmt_date(when.astimezone(tz).date()))
            if when
            else t(lang, "staff_off_mark_plain")
        )
    return line


def invite_label(lang: str, invite: PendingInvite) -> str:
    """Who an invite is for: "Lê Văn Bảy (cán bộ ấp, Ấp Nhỏ)"."""
    role = who(lang, invite.role, invite.hamlet_name, invite.unit)
    name = invite.name or t(lang, "staff_invite_noname")
    return f"{name} ({role})"


def invite_line(lang: str, tz: ZoneInfo, invite: PendingInvite) -> str:
    return t(
        lang,
        "staff_invite_line",
        label=invite_label(lang, invite),
        expires=fmt_moment(invite.expires_at, tz),
    )


def staff_text(lang: str, tz: ZoneInfo, staff: Staff, month: date) -> str:
    people = staff.people
    lines = [
        t(
            lang,
            "staff_title",
            count=fmt_int(lang, len(people)),
            active=fmt_int(lang, sum(1 for p in people if p.active)),
        )
    ]
    for group in staff.groups:
        lines.append("")
        if group.hamlet_id is None:
            lines.append(t(lang, "staff_group_office", count=fmt_int(lang, len(group.people))))
        else:
            lines.append(
                t(
                    lang,
                    "staff_group_hamlet",
                    hamlet=group.name,
                    code=group.code,
                    count=fmt_int(lang, len(group.people)),
                )
            )
        lines += [person_line(lang, tz, p, month) for p in group.people]
    if not people:
        lines.append(t(lang, "staff_nobody"))
    if staff.empty_hamlets:
        lines += ["", t(lang, "staff_empty_hamlets", hamlets=", ".join(staff.empty_hamlets))]
    if staff.invites:
        lines += ["", t(lang, "staff_invites_title", count=fmt_int(lang, len(staff.invites)))]
        lines += [invite_line(lang, tz, i) for i in staff.invites]
    return "\n".join(lines)


def card_text(lang: str, tz: ZoneInfo, person: Person, month: date) -> str:
    apps = ", ".join(
        t(
            lang,
            "staff_app",
            channel=channel_label(lang, a.channel),
            seen=_seen(lang, tz, a.last_seen, a.linked, "staff_app_never"),
        )
        for a in person.apps
    ) or t(lang, "staff_apps_none")
    text = t(
        lang,
        "staff_card",
        name=person.name,
        id=person.user_id,
        who=person_who(lang, person),
        apps=apps,
        month=month.strftime("%m/%Y"),
        entries_month=fmt_int(lang, person.entries_month),
        entries_total=fmt_int(lang, person.entries_total),
        joined=fmt_date(person.joined.astimezone(tz).date()),
    )
    if not person.active:
        when = person.deactivated_at
        text += "\n" + t(
            lang,
            "staff_card_off",
            when=fmt_moment(when, tz) if when else "—",
            reason=person.deactivation_reason or "—",
        )
    return text
