"""The evidence spreadsheet of an award proposal: every line's figures, the households
behind them (one row each, with the entries, dossier codes and checks), the officers and the
spot-checks. Filtered to one hamlet, it is the evidence list attached to that hamlet's
dossier."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from handlers.engine.i18n import fmt_datetime, fmt_phone, t
from handlers.render.award_text import review_name
from handlers.render.workbook import Kind, Row, Table, checks_table, columns_of, write_tables
from models.awards import Eligibility, HamletStanding, Line, OfficerStanding, Section
from models.check_rows import CheckRow
from models.proposal import HouseholdTrace

_T = TypeVar("_T")


@dataclass(frozen=True)
class BookData:
    proposal_id: int
    elig: Eligibility
    snapshot_at: datetime
    max_entry_id: int
    fingerprint: str
    campaign_name: str
    unit: str
    tz: ZoneInfo
    households: tuple[HouseholdTrace, ...]
    checks: tuple[CheckRow, ...]
    hamlet_ids: tuple[int, ...] | None = None  # one hamlet's evidence; None: the whole list
    review: str = ""  # the round's label (`award_text.round_label`); "": named by its code


def _yes_no(lang: str, flag: bool) -> str:
    return t(lang, "xl_yes" if flag else "xl_no")


def _title(data: BookData, lang: str) -> str:
    return t(
        lang, "award_xl_title", id=data.proposal_id, campaign=data.campaign_name, unit=data.unit
    )


def _period(data: BookData, lang: str) -> str:
    e = data.elig
    return t(
        lang,
        "award_xl_period",
        review=data.review or review_name(lang, e.period.kind, e.period.start, e.period.end),
        as_of=e.as_of.strftime("%d/%m/%Y"),
        at=fmt_datetime(data.snapshot_at, data.tz),
        max_entry=data.max_entry_id,
        fingerprint=data.fingerprint[:16],
    )


def _wanted(data: BookData, hamlet_id: int) -> bool:
    return data.hamlet_ids is None or hamlet_id in data.hamlet_ids


def _hamlet_row(lang: str, kind: str, line: Line[HamletStanding]) -> Row:
    h = line.subject
    checks = h.checks
    return (
        t(lang, f"award_kind_{kind}"),
        t(lang, f"award_status_{line.status.value}"),
        line.rank,
        h.code,
        h.name,
        h.total,
        t(lang, "award_xl_roster" if h.roster else "award_xl_configured"),
        h.guided,
        h.coverage,
        h.target,
        h.required,
        h.special,
        h.special_share,
        h.entries,
        h.active_days,
        checks.checked if checks else 0,
        (checks.confirmed + checks.overturned) if checks else 0,
        checks.failures if checks else 0,
        line.lacks or None,
        ", ".join(f"#{i}" for i in line.failed_checks),
    )


def _lines(data: BookData, lang: str) -> Table:
    columns = columns_of(
        lang,
        [
            ("award_xl_kind", Kind.TEXT),
            ("award_xl_status", Kind.TEXT),
            ("xl_col_rank", Kind.COUNT),
            ("xl_col_code", Kind.TEXT),
            ("xl_col_hamlet", Kind.TEXT),
            ("xl_col_total", Kind.COUNT),
            ("award_xl_total_source", Kind.TEXT),
            ("xl_col_guided", Kind.COUNT),
            ("xl_col_coverage", Kind.PCT),
            ("xl_col_target", Kind.COUNT),
            ("xl_col_required", Kind.COUNT),
            ("xl_col_special", Kind.COUNT),
            ("award_xl_special_share", Kind.PCT),
            ("xl_col_entries", Kind.COUNT),
            ("xl_col_active_days", Kind.COUNT),
            ("award_xl_checks", Kind.COUNT),
            ("award_xl_checks_ok", Kind.COUNT),
            ("award_xl_checks_failed", Kind.COUNT),
            ("award_xl_lacks", Kind.COUNT),
            ("award_xl_failed_ids", Kind.TEXT),
        ],
    )
    rows: list[Row] = []
    sections: Sequence[Section[HamletStanding]] = (data.elig.collective, data.elig.special)
    for section in sections:
        rows += [
            _hamlet_row(lang, section.kind, line)
            for line in section.lines
            if _wanted(data, line.subject.hamlet_id)
        ]
    return Table(
        t(lang, "award_xl_sheet_lines"),
        _title(data, lang),
        _period(data, lang),
        columns,
        tuple(rows),
    )


def _officer_row(lang: str, line: Line[OfficerStanding] | None, o: OfficerStanding) -> Row:
    checks = o.checks
    return (
        o.hamlet_code,
        o.name,
        o.households,
        o.active_days,
        o.entries,
        checks.checked if checks else 0,
        checks.failures if checks else 0,
        t(lang, f"award_status_{line.status.value}") if line else "",
        line.rank if line else None,
        (line.lacks or None) if line else None,
    )


def _officers(data: BookData, lang: str, codes: set[str] | None) -> Table:
    columns = columns_of(
        lang,
        [
            ("xl_col_code", Kind.TEXT),
            ("xl_col_officer", Kind.TEXT),
            ("award_xl_households", Kind.COUNT),
            ("xl_col_active_days", Kind.COUNT),
            ("xl_col_entries", Kind.COUNT),
            ("award_xl_checks", Kind.COUNT),
            ("award_xl_checks_failed", Kind.COUNT),
            ("award_xl_status", Kind.TEXT),
            ("xl_col_rank", Kind.COUNT),
            ("award_xl_lacks", Kind.COUNT),
        ],
    )
    by_user = {line.subject.user_id: line for line in data.elig.individual.lines}
    ordered = sorted(
        data.elig.officers,
        key=lambda o: (
            by_user[o.user_id].rank or 10**6 if o.user_id in by_user else 10**6,
            o.hamlet_code,
            o.name,
        ),
    )
    rows = tuple(
        _officer_row(lang, by_user.get(o.user_id), o)
        for o in ordered
        if codes is None or o.hamlet_code in codes
    )
    return Table(
        t(lang, "award_xl_sheet_officers"), _title(data, lang), _period(data, lang), columns, rows
    )


def _household_row(
    lang: str,
    n: int,
    h: HouseholdTrace,
    hamlets: dict[int, HamletStanding],
) -> Row:
    hamlet = hamlets.get(h.hamlet_id)
    required = hamlet.required if hamlet else 1
    return (
        n,
        hamlet.code if hamlet else "",
        h.roster_code,
        h.roster_row,
        h.head_name,
        h.address,
        fmt_phone(h.phone) if h.phone else "",
        len(h.procedures),
        _yes_no(lang, len(h.procedures) >= required),
        "; ".join(h.procedures),
        # One day to a line: a narrow column, and a row no taller than its procedures.
        "\n".join(d.strftime("%d/%m/%Y") for d in h.days),
        "; ".join(h.dossier_codes),
        "; ".join(h.officers),
        ", ".join(f"#{i}" for i in h.entry_ids),
        "; ".join(_check_label(lang, c) for c in h.checks),
    )


def _check_label(lang: str, label: str) -> str:
    """ "confirmed:deleted:overturned" (`HouseholdTrace.checks`) in words."""
    outcome, *marks = label.split(":")
    text = t(lang, "xl_check_open") if outcome == "open" else t(lang, f"vout_{outcome}")
    if "deleted" in marks:
        key = (
            "xl_check_deleted"
            if "overturned" in marks or outcome == "open"
            else "xl_check_deleted_failed"
        )
        text = t(lang, key, outcome=text)
    return f"{text} ({t(lang, 'award_xl_overturned')})" if "overturned" in marks else text


def _merged(values: Iterable[Sequence[_T]]) -> list[_T]:
    return list(dict.fromkeys(value for part in values for value in part))


def per_household(traces: Iterable[HouseholdTrace]) -> list[HouseholdTrace]:
    """One trace per household, its entries' procedures, days, dossier codes, officers,
    entry numbers and checks joined (first seen first): the list counts households, so a
    household guided on two visits is one line, not two."""
    groups: dict[tuple[int, int], list[HouseholdTrace]] = {}
    for trace in traces:
        groups.setdefault((trace.hamlet_id, trace.household_id), []).append(trace)
    merged: list[HouseholdTrace] = []
    for parts in groups.values():
        first = parts[0]
        if len(parts) == 1:
            merged.append(first)
            continue
        roster = next((p for p in parts if p.roster_code or p.roster_row is not None), first)
        merged.append(
            replace(
                first,
                roster_code=roster.roster_code,
                roster_row=roster.roster_row,
                procedures=_merged(p.procedures for p in parts),
                days=sorted({d for p in parts for d in p.days}),
                dossier_codes=_merged(p.dossier_codes for p in parts),
                officers=_merged(p.officers for p in parts),
                entry_ids=sorted({i for p in parts for i in p.entry_ids}),
                # Every check once: the same household's checks repeated on each of its parts.
                checks=max((p.checks for p in parts), key=len),
            )
        )
    return merged


def _households(data: BookData, lang: str) -> Table:
    columns = columns_of(
        lang,
        [
            ("xl_col_no", Kind.COUNT),
            ("xl_col_code", Kind.TEXT),
            ("award_xl_roster_code", Kind.TEXT),
            ("award_xl_roster_row", Kind.COUNT),
            ("xl_col_head", Kind.TEXT),
            ("xl_col_address", Kind.TEXT),
            ("xl_col_phone", Kind.TEXT),
            ("award_xl_procedure_count", Kind.COUNT),
            ("award_xl_meets_rule", Kind.TEXT),
            ("xl_col_procedures", Kind.TEXT),
            ("award_xl_days", Kind.TEXT),
            ("xl_col_dossier", Kind.TEXT),
            ("xl_col_officer", Kind.TEXT),
            ("award_xl_entries", Kind.TEXT),
            ("award_xl_check_results", Kind.TEXT),
        ],
    )
    hamlets = {h.hamlet_id: h for h in data.elig.hamlets}
    ordered = sorted(
        per_household(data.households),
        key=lambda h: (hamlets[h.hamlet_id].code if h.hamlet_id in hamlets else "", h.household_id),
    )
    rows = tuple(_household_row(lang, n, h, hamlets) for n, h in enumerate(ordered, 1))
    return Table(
        t(lang, "award_xl_sheet_households"), _title(data, lang), _period(data, lang), columns, rows
    )


def write_book(data: BookData, lang: str, path: Path) -> Path:
    codes = (
        None
        if data.hamlet_ids is None
        else {h.code for h in data.elig.hamlets if h.hamlet_id in data.hamlet_ids}
    )
    tables = [
        _lines(data, lang),
        _households(data, lang),
        _officers(data, lang, codes),
        checks_table(data.checks, lang, data.tz, _title(data, lang), _period(data, lang)),
    ]
    return write_tables(tables, path, lang, named=len(tables) - 1)
