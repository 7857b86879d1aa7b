"""Verification as chat text: call cards, outcomes, rules in words. Pure functions."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.i18n import fmt_date, fmt_pct, fmt_phone, t
from models.checks import Card
from models.verification import Batch, Check, Outcome

ICONS = {Outcome.CONFIRMED: "✅", Outcome.NOT_GUIDED: "❌", Outcome.WRONG_DETAILS: "⚠️",
         Outcome.UNREACHABLE: "📵", Outcome.WRONG_NUMBER: "☎️", Outcome.COULD_NOT_VERIFY: "❔"}


def outcome_label(lang: str, outcome: str | None, detail: str = "", *,
                  icon: bool = False) -> str:
    if outcome is None:
        return t(lang, "verify_state_new")
    label = t(lang, f"vout_{Outcome(outcome).value}")
    if icon:
        label = f"{ICONS[Outcome(outcome)]} {label}"
    if detail:
        label += f" ({t(lang, f'vdetail_{detail}')})"
    return label


def rule_text(lang: str, rule: dict[str, object]) -> str:
    if rule.get("mode") == "count":
        return t(lang, "verify_rule_count", n=rule.get("per_hamlet"))
    rate = rule.get("rate")
    assert isinstance(rate, int | float)
    return t(lang, "verify_rule_rate", pct=fmt_pct(lang, float(rate)).replace(",0%", "%"))


def local_time(moment: datetime, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%H:%M %d/%m")


def card_lines(lang: str, card: Card, *, max_attempts: int) -> list[str]:
    """Everything the caller needs about the household, without the batch header."""
    entry, check = card.entry, card.check
    hh = entry.household
    lines = [
        t(lang, "verify_card_hamlet", hamlet=card.hamlet.name, code=card.hamlet.code),
        t(lang, "verify_card_name", name=hh.head_name),
        t(lang, "verify_card_address", address=hh.address),
        t(lang, "verify_card_phone", phone=fmt_phone(hh.phone)),
        t(lang, "verify_card_procedures", procedures="; ".join(p.name for p in entry.procedures)),
    ]
    if entry.dossier_code:
        lines.append(t(lang, "verify_card_dossier", dossier=entry.dossier_code))
    lines.append(t(lang, "verify_card_entry", day=fmt_date(entry.guided_on),
                   officer=card.officer_name, entry=entry.id))
    if check.attempts and check.status == "open":
        lines.append(t(lang, "verify_card_attempts", attempts=check.attempts, max=max_attempts))
    if check.flagged:
        lines.append(t(lang, "verify_card_flagged"))
    return lines


def card_text(lang: str, card: Card, batch: Batch, *, left: int, max_attempts: int,
              note: str = "") -> str:
    lines = [t(lang, "verify_card_title", check=card.check.id, batch=batch.id, open=left,
               total=batch.size)]
    lines += card_lines(lang, card, max_attempts=max_attempts)
    if note:
        lines.append(t(lang, "verify_card_note", note=note))
    lines += ["", t(lang, "verify_card_ask")]
    return "\n".join(lines)


def returned_text(lang: str, card: Card) -> str:
    """What the officer who logged the entry gets when a check is sent back to them."""
    check, entry = card.check, card.entry
    lines = [
        t(lang, "verify_return_title"),
        t(lang, "verify_return_body", name=entry.household.head_name, entry=entry.id,
          day=fmt_date(entry.guided_on), outcome=outcome_label(lang, check.outcome,
                                                                check.detail)),
    ]
    if check.note:
        lines.append(t(lang, "verify_return_note", note=check.note))
    lines.append(t(lang, "verify_return_ask", entry=entry.id, check=check.id))
    return "\n".join(lines)


def check_state(lang: str, check: Check, *, now: datetime, tz: ZoneInfo, max_attempts: int,
                callers: dict[int, str], lease_start: datetime) -> str:
    """One open card in the /kiemtra_ds list."""
    if check.caller_id is not None and check.claimed_at is not None and \
            check.claimed_at >= lease_start:
        return t(lang, "verify_state_held", caller=callers.get(check.caller_id, "?"))
    if check.attempts:
        if check.retry_at is not None and check.retry_at > now:
            return t(lang, "verify_state_retry", attempts=check.attempts, max=max_attempts,
                     at=local_time(check.retry_at, tz))
        return t(lang, "verify_state_retry_now", attempts=check.attempts, max=max_attempts)
    return t(lang, "verify_state_new")
