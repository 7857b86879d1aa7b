"""The effective date of a staff change (/nhansu, `python -m bot users --effective`): since
when a move or a role change holds. The change itself takes effect when it is confirmed, so
the date is today or earlier, and not before the campaign began. Pure: the caller passes
`today`, the day the message was written in the campaign's timezone."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from handlers.parse.form_dates import fmt_day, is_day_text, parse_day
from handlers.parse.form_errors import FormError
from models.rules import CampaignConfig

SHOWN_MAX = 20


def looks_like_day(raw: str) -> bool:
    """Typed text with the shape of a date, even an impossible one ("31/02/2026")."""
    return is_day_text(raw)


def parse_effective(raw: str, today: date, campaign: CampaignConfig) -> date:
    """The day typed ("20/04/2026", "20/4", "hôm qua") or FormError(key, **values) with a
    staff_effective_* key: _invalid(text, today), _future(day, today), _early(day, start)."""
    shown = " ".join(raw.split())[:SHOWN_MAX]
    # A change may be recorded after the campaign's end: only its start bounds the date.
    open_ended = replace(campaign, end=max(campaign.end, today))
    try:
        return parse_day(raw, today, open_ended)
    except FormError as err:
        if err.key == "date_future":
            raise FormError("staff_effective_future", **err.values) from err
        if err.key == "date_before_campaign":
            raise FormError("staff_effective_early", **err.values) from err
        raise FormError("staff_effective_invalid", text=shown, today=fmt_day(today)) from err
