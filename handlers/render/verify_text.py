"""Verification as chat text: call cards, outcomes, rules in words. Pure functions."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.engine.i18n import fmt_date, fmt_pct, fmt_phone, t
from models.checks import Card
from models.verification import DETAILS, Batch, Check, MatchRule, Outcome, detail_words

ICONS = {
    Outcome.CONFIRMED: "✅",
    Outcome.NOT_GUIDED: "❌",
    Outcome.WRONG_DETAILS: "⚠️",
    Outcome.UNREACHABLE: "📵",
    Outcome.WRONG_NUMBER: "☎️",
    Outcome.COULD_NOT_VERIFY: "❔",
}


def outcome_label(lang: str, outcome: str | None, detail: str = "", *, icon: bool = False) -> str:
    if outcome is None:
        return t(lang, "verify_state_new")
    label = t(lang, f"vout_{Outcome(outcome).value}")
    if icon:
        label = f"{ICONS[Outcome(outcome)]} {label}"
    if detail:
        label += f" ({detail_label(lang, detail)})"
    return label


def detail_label(lang: str, detail: str) -> str:
    """ "procedure,date<=7" → "thủ tục, ngày hướng dẫn (lệch không quá 7 ngày)"; an unknown
    word is shown as stored."""
    labels = []
    for name, said in detail_words(detail):
        label = t(lang, f"vdetail_{name}") if name in DETAILS else name + said
        if name == "date" and said[2:].isdigit() and said.startswith("<="):
            label += " " + t(lang, "vdetail_date_within", n=int(said[2:]))
        elif name == "date" and said[1:].isdigit() and said.startswith(">"):
            label += " " + t(lang, "vdetail_date_beyond", n=int(said[1:]))
        labels.append(label)
    return ", ".join(labels)


def match_text(lang: str, rule: MatchRule) -> str:
    """Which answers fail a check, in words (/help), from the configured rule."""
    details = [t(lang, f"vdetail_{d}") for d in DETAILS if d in rule.must_match]
    parts = [t(lang, "verify_rules_not_guided")]
    parts.append(
        t(lang, "verify_rules_details", details=", ".join(details))
        if details
        else t(lang, "verify_rules_details_none")
    )
    if "date" in rule.must_match and rule.date_tolerance_days:
        parts.append(t(lang, "verify_rules_date", n=rule.date_tolerance_days))
    parts.append(
        t(lang, "verify_rules_phone" if "phone" in rule.must_match else "verify_rules_phone_none")
    )
    parts.append(t(lang, "verify_rules_unreachable"))
    return t(lang, "verify_rules_title") + "\n" + "\n".join(f"• {p}" for p in parts)


def rule_text(lang: str, rule: dict[str, object]) -> str:
    if rule.get("mode") == "count":
        return t(lang, "verify_rule_count", n=rule.get("per_hamlet"))
    rate = rule.get("rate")
    assert isinstance(rate, int | float)
    return t(lang, "verify_rule_rate", pct=fmt_pct(lang, float(rate)).replace(",0%", "%"))


def local_time(moment: datetime, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%H:%M %d/%m")


def _value(lang: str, card: Card, field: str, value: object) -> str:
    """A detail as the card shows it (a change's "before" and "after")."""
    if field == "phone":
        text = fmt_phone(str(value or ""))
    elif field == "procedures":
        codes = value if isinstance(value, list) else []
        text = "; ".join(card.procedure_names.get(str(c), str(c)) for c in codes)
    elif field == "guided_on":
        text = fmt_date(date.fromisoformat(str(value))) if value else ""
    else:
        text = str(value or "")
    return text or t(lang, "verify_card_blank")


def _by(
    lang: str, card: Card, actor_id: int | None, at: datetime | None, tz: ZoneInfo | None
) -> str:
    """ " (who, when)": the audit row behind a change."""
    if at is None:
        return ""
    when = local_time(at, tz) if tz is not None else at.strftime("%H:%M %d/%m")
    return t(lang, "verify_card_by", who=card.people.get(actor_id or 0, "?"), at=when)


def since_draw_lines(lang: str, card: Card, *, tz: ZoneInfo | None = None) -> list[str]:
    """What changed in the entry after the draw: one line per detail, then a deletion."""
    lines = [
        t(
            lang,
            "verify_card_changed",
            field=t(lang, f"verify_field_{c.field}"),
            before=_value(lang, card, c.field, c.before),
            after=_value(lang, card, c.field, c.after),
            by=_by(lang, card, c.actor_id, c.at, tz),
        )
        for c in card.changes
    ]
    gone = card.deletion
    if gone is not None:
        lines.append(
            t(
                lang,
                "verify_card_deleted",
                reason=gone.reason or "?",
                by=_by(lang, card, gone.actor_id, gone.at, tz),
            )
        )
        lines.append(
            t(
                lang,
                "verify_card_deleted_overturned"
                if card.check.overturned_at is not None
                else "verify_card_deleted_counts",
            )
        )
    return lines


def card_lines(
    lang: str, card: Card, *, max_attempts: int, tz: ZoneInfo | None = None
) -> list[str]:
    """Everything the caller needs about the household, without the batch header."""
    entry, check = card.entry, card.check
    hh = entry.household
    lines = [
        t(lang, "verify_card_hamlet", hamlet=card.hamlet.name, code=card.hamlet.code),
        t(lang, "verify_card_name", name=hh.head_name),
        t(lang, "verify_card_address", address=hh.address),
        t(lang, "verify_card_phone", phone=fmt_phone(hh.phone)),
        *procedure_lines(lang, card),
    ]
    if entry.dossier_code:
        lines.append(t(lang, "verify_card_dossier", dossier=entry.dossier_code))
    lines.append(
        t(
            lang,
            "verify_card_entry",
            day=fmt_date(entry.guided_on),
            officer=card.officer_name,
            entry=entry.id,
        )
    )
    if check.attempts and check.status == "open":
        lines.append(t(lang, "verify_card_attempts", attempts=check.attempts, max=max_attempts))
    if check.flagged:
        lines.append(t(lang, "verify_card_flagged"))
    lines += since_draw_lines(lang, card, tz=tz)
    return lines


def procedure_lines(lang: str, card: Card) -> list[str]:
    """The procedures to ask about: the entry's, or with several, every procedure of the
    household's live entries (each counts toward the special prize), one line each."""
    if len(card.procedures) < 2:
        return [
            t(
                lang,
                "verify_card_procedures",
                procedures="; ".join(p.name for p in card.entry.procedures),
            )
        ]
    lines = [t(lang, "verify_card_procedures_all", n=len(card.procedures))]
    for proc in card.procedures:
        entries = ", ".join(
            t(lang, "verify_card_procedure_entry", entry=entry_id, day=fmt_date(day))
            for entry_id, day in proc.entries
        )
        lines.append(t(lang, "verify_card_procedure", name=proc.name, entries=entries))
    return lines


def answer_text(lang: str, procedures: list[str], confirmed: list[str]) -> str:
    """ "Household confirmed 1/2 procedures: A · not: B" (names); "" for one procedure
    confirmed, which says nothing the outcome does not."""
    if len(procedures) < 2 and confirmed == procedures:
        return ""
    kept = [p for p in procedures if p in confirmed]
    text = t(
        lang,
        "verify_answer_confirmed",
        n=len(kept),
        total=len(procedures),
        names="; ".join(kept) or "–",
    )
    denied = [p for p in procedures if p not in confirmed]
    if denied:
        text += " · " + t(lang, "verify_answer_denied", names="; ".join(denied))
    return text


def card_answer(lang: str, card: Card) -> str:
    """`answer_text` of a recorded card (its procedures by name)."""
    answer = card.check.answer
    names = card.procedure_names
    procedures = [names.get(str(c), str(c)) for c in answer.get("procedures") or []]
    confirmed = [names.get(str(c), str(c)) for c in answer.get("confirmed") or []]
    return answer_text(lang, procedures, confirmed) if procedures else ""


def card_text(
    lang: str,
    card: Card,
    batch: Batch,
    *,
    left: int,
    max_attempts: int,
    note: str = "",
    tz: ZoneInfo | None = None,
    files: str = "",
) -> str:
    """The call card; `files` names the household's receipts ("2 ảnh"), if it has any."""
    lines = [
        t(
            lang,
            "verify_card_title",
            check=card.check.id,
            batch=batch.id,
            open=left,
            total=batch.size,
        )
    ]
    lines += card_lines(lang, card, max_attempts=max_attempts, tz=tz)
    if files:
        lines.append(t(lang, "verify_card_files", files=files))
    if note:
        lines.append(t(lang, "verify_card_note", note=note))
    lines += ["", t(lang, "verify_card_ask")]
    return "\n".join(lines)


def returned_text(lang: str, card: Card) -> str:
    """What the officer who logged the entry gets when a check is sent back to them."""
    check, entry = card.check, card.entry
    lines = [
        t(lang, "verify_return_title"),
        t(
            lang,
            "verify_return_body",
            name=entry.household.head_name,
            entry=entry.id,
            day=fmt_date(entry.guided_on),
            outcome=outcome_label(lang, check.outcome, check.detail),
        ),
    ]
    if answer := card_answer(lang, card):
        lines.append(answer)
    if check.note:
        lines.append(t(lang, "verify_return_note", note=check.note))
    lines.append(t(lang, "verify_return_ask", entry=entry.id, check=check.id))
    return "\n".join(lines)


def check_state(
    lang: str,
    check: Check,
    *,
    now: datetime,
    tz: ZoneInfo,
    max_attempts: int,
    callers: dict[int, str],
    lease_start: datetime,
) -> str:
    """One open card in the /kiemtra_ds list."""
    if (
        check.caller_id is not None
        and check.claimed_at is not None
        and check.claimed_at >= lease_start
    ):
        return t(lang, "verify_state_held", caller=callers.get(check.caller_id, "?"))
    if check.attempts:
        if check.retry_at is not None and check.retry_at > now:
            return t(
                lang,
                "verify_state_retry",
                attempts=check.attempts,
                max=max_attempts,
                at=local_time(check.retry_at, tz),
            )
        return t(lang, "verify_state_retry_now", attempts=check.attempts, max=max_attempts)
    return t(lang, "verify_state_new")


def review_label(lang: str, check: Check) -> str:
    """A failed case in the review list: what was answered, and a deletion after the draw."""
    label = outcome_label(lang, check.outcome, check.detail)
    if check.entry_deleted_at is not None:
        label = f"{t(lang, 'verify_review_deleted')} · {label}"
    return label
