"""Announcements (/thongbaochung) as chat text: the message people get, the preview, the
tally of outcomes. Pure functions of plain values."""

from __future__ import annotations

from datetime import date

from handlers.engine.i18n import fmt_date, fmt_int, t
from models.announcements import Audience, Reach, Tally

EXCERPT = 60  # characters of the text quoted in a tally


def pushed(lang: str, *, sender: str, day: date, text: str) -> str:
    """What an officer or head receives."""
    return t(lang, "announce_pushed", sender=sender, date=fmt_date(day), text=text)


def who(lang: str, audience: str) -> str:
    return t(lang, f"announce_who_{audience}")


def where(lang: str, *, unit: str | None, hamlet: str | None) -> str:
    if hamlet is not None:
        return hamlet
    if unit:
        return t(lang, "announce_where_unit", unit=unit)
    return t(lang, "announce_where_all")


def excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1].rstrip() + "…"


def _people(lang: str, audience: str, reach: Reach) -> str:
    """Who it reaches, in the chosen audience's words only: "2 cán bộ ấp", "3 trưởng ấp",
    "5 người (2 cán bộ ấp, 3 trưởng ấp)"."""
    if audience == Audience.OFFICERS:
        return t(lang, "announce_reach_officers", count=fmt_int(lang, reach.officers))
    if audience == Audience.HEADS:
        return t(lang, "announce_reach_heads", count=fmt_int(lang, reach.heads))
    return t(
        lang,
        "announce_reach_both",
        count=fmt_int(lang, reach.reachable),
        officers=fmt_int(lang, reach.officers),
        heads=fmt_int(lang, reach.heads),
    )


def preview(lang: str, *, message: str, audience: str, place: str, reach: Reach) -> str:
    lines = [
        t(lang, "announce_preview_title"),
        "",
        message,
        "",
        "———",
        t(
            lang,
            "announce_preview_reach",
            people=_people(lang, audience, reach),
            hamlets=fmt_int(lang, reach.hamlets),
            who=who(lang, audience),
            where=place,
        ),
    ]
    if reach.unreachable:
        lines.append(
            t(lang, "announce_preview_unreachable", count=fmt_int(lang, reach.unreachable))
        )
    lines.append(t(lang, "announce_ask_confirm"))
    return "\n".join(lines)


def tally_text(lang: str, tally: Tally) -> str:
    lines = [
        t(lang, "announce_tally_delivered", count=fmt_int(lang, tally.delivered)),
        t(lang, "announce_tally_blocked", count=fmt_int(lang, tally.blocked)),
        t(lang, "announce_tally_failed", count=fmt_int(lang, tally.failed)),
    ]
    if tally.uncertain:
        lines.append(t(lang, "announce_tally_uncertain", count=fmt_int(lang, tally.uncertain)))
    if tally.pending:
        lines.append(t(lang, "announce_tally_pending", count=fmt_int(lang, tally.pending)))
    return "\n".join(lines)


def report(
    lang: str, *, number: int, day: date, audience: str, place: str, text: str, tally: Tally
) -> str:
    """The tally pushed to the sender once every recipient has an outcome."""
    return "\n".join(
        (
            t(
                lang,
                "announce_report_title",
                id=number,
                date=fmt_date(day),
                who=who(lang, audience),
                where=place,
            ),
            t(lang, "announce_quote", text=excerpt(text)),
            tally_text(lang, tally),
            t(lang, "announce_report_more"),
        )
    )


def results_entry(
    lang: str,
    *,
    number: int,
    day: date,
    sender: str,
    audience: str,
    place: str,
    text: str,
    tally: Tally,
) -> str:
    """One announcement in `/thongbaochung ketqua`."""
    state = "announce_state_done" if tally.final else "announce_state_sending"
    return "\n".join(
        (
            t(
                lang,
                "announce_results_entry",
                id=number,
                date=fmt_date(day),
                sender=sender,
                who=who(lang, audience),
                where=place,
                state=t(lang, state),
            ),
            t(lang, "announce_quote", text=excerpt(text)),
            tally_text(lang, tally),
        )
    )
