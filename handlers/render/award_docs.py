"""Award dossier documents: the hamlet's submission (Tờ trình) and the minutes of its review
meeting (Biên bản họp xét), filled with the hamlet's figures and laid out after Nghị định
30/2020/NĐ-CP (handlers/render/docx_layout.py).

Each paper has only the sections for what the hamlet is proposed for: the collective award,
a special prize, individuals, or any mix of them. A hamlet writes about itself, so nothing
here compares it with other hamlets (no rank)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from handlers.engine.i18n import fmt_date, fmt_int, fmt_pct
from handlers.render import docx_layout as layout
from handlers.render.award_text import round_phrase, stored_round
from handlers.render.docx_layout import (
    CENTER,
    LEFT,
    Signer,
)
from models.rules import CampaignConfig

if TYPE_CHECKING:  # python-docx is imported when a paper is written (issue 22)
    from docx.document import Document as DocxDocument


# The catalog's dossiers are worded for a special zone's ấp; another plan's thôn or xã gets
# its own words (`docx_layout.worded`).
t = layout.doc_text


@dataclass(frozen=True)
class OfficerLine:
    name: str
    households: int  # distinct households this officer guided in the period
    active_days: int
    proposed: bool  # on the individual award list (proposed, or tied for the last seats)
    checks_called: int = 0  # this officer's spot-checks with an outcome
    checks_confirmed: int = 0
    checks_failed: int = 0  # failures that count against them


@dataclass(frozen=True)
class DossierData:
    unit: str  # "Đặc khu Kiên Hải" (the commune-level unit the hamlet belongs to)
    campaign_name: str  # the movement's name
    review: str  # "tổng kết năm 2026" (`review_phrase`): follows the name after a comma
    period_start: date
    period_end: date
    hamlet_code: str
    hamlet_name: str  # "Ấp Bãi Nhà A"
    collective: bool  # proposed (or tied) for the collective award
    special: bool  # proposed (or tied) for a special prize
    total_households: int
    roster_based: bool  # total = rows of an imported roster (else the configured figure)
    guided: int
    coverage: float
    threshold: float
    required_procedures: int  # 1 or 2, by the hamlet's size
    special_households: int  # households guided through the required procedures
    entries: int  # guidance entries in the period
    active_days: int  # days with at least one entry
    period_days: int
    procedures: tuple[tuple[str, int], ...]  # (procedure name, households), most first
    officers: tuple[OfficerLine, ...]
    checks_called: int
    checks_confirmed: int
    checks_failed: int  # unresolved failed checks, wrong numbers aside (0 when proposed)
    checks_overturned: int
    checks_unreachable: int  # could not verify after every attempt
    snapshot_at: datetime  # local time the figures were taken
    proposal_id: int
    evidence_file: str  # the attached spreadsheet's file name
    checks_wrong_number: int = 0  # its own figure, never "unreachable"
    wrong_number_fails: bool = True  # the rule counts a wrong number as a failed check
    configured_households: int | None = None  # the configured figure, beside a list's count
    locality: str = ""  # the date line's place ("Kiên Hải"); empty: taken from `unit`
    final: bool = False  # the council's final proposal; otherwise the papers say DỰ THẢO
    deadline: date | None = None  # the round's: dossiers due at the office by this day
    # The campaign's dates: a plan over several years is "giai đoạn 2026–2030", never "năm"
    campaign_start: date | None = None
    campaign_end: date | None = None


NBSP = "\u00a0"
_KEEP_TOGETHER = 30  # characters of a review phrase kept on one line of the subject
_TOP_PROCEDURES = 5
_MEMBER_LINES = 3
_DISCUSSION_LINES = 2
_FIGURES_CM = (1.3, 11.2, layout.TEXT_CM - 12.5)
_OFFICERS_CM = (1.3, 4.7, 2.0, 2.0, 2.0, 2.0, layout.TEXT_CM - 14.0)


def write_submission(path: Path, data: DossierData, lang: str) -> None:
    with layout.worded(data.unit, [data.hamlet_name]):
        _write_submission(path, data, lang)


def _write_submission(path: Path, data: DossierData, lang: str) -> None:
    """Tờ trình đề nghị khen thưởng: results, then one numbered proposal per kind."""
    doc = _start(data, lang, "doc_number_submission")
    layout.document_title(doc, t(lang, "doc_submission_title"), _subject(data, lang, minutes=False))
    layout.addressee(
        doc,
        [t(lang, "doc_recipient", unit=_unit(data, lang))],
        label=t(lang, "doc_recipient_label"),
    )
    layout.paragraph(doc, _basis_plan(data, lang), italic=True)
    layout.paragraph(
        doc,
        t(lang, "doc_basis_meeting", hamlet=_hamlet(data, lang), year=data.snapshot_at.year),
        italic=True,
    )
    layout.paragraph(
        doc, t(lang, "doc_submission_intro", hamlet=_hamlet(data, lang), unit=_unit(data, lang))
    )
    layout.heading(doc, f"I. {t(lang, 'doc_section_results')}")
    _results(doc, data, lang, _numbers())
    layout.heading(doc, f"II. {t(lang, 'doc_section_proposal')}")
    for label, (head, text) in zip(_numbers(), _proposal_items(data, lang), strict=False):
        layout.heading(doc, f"{label} {head}", before=3)
        layout.paragraph(doc, text, keep_with_next=head == t(lang, "doc_kind_individual"))
        if head == t(lang, "doc_kind_individual"):
            _officers_table(doc, _proposed(data), lang)
    layout.paragraph(doc, t(lang, "doc_attachments", file=data.evidence_file))
    if data.deadline is not None:
        layout.paragraph(
            doc, t(lang, "round_deadline", day=fmt_date(data.deadline)) + ".", bold=True
        )
    layout.paragraph(
        doc,
        t(lang, "doc_submission_closing", hamlet=_hamlet(data, lang), unit=_unit(data, lang)),
        keep_with_next=True,
    )
    layout.signature_block(
        doc,
        Signer(
            t(lang, "doc_sign_head"),
            authority=t(lang, "doc_sign_head_authority"),
            hint=t(lang, "doc_sign_hint"),
        ),
        recipients=[t(lang, "doc_recipient_above"), t(lang, "doc_recipient_archive")],
        recipients_head=t(lang, "doc_recipients_head"),
    )
    layout.page_numbers(doc)
    layout.save(doc, path, title=t(lang, "doc_submission_title"))


def write_minutes(path: Path, data: DossierData, lang: str) -> None:
    with layout.worded(data.unit, [data.hamlet_name]):
        _write_minutes(path, data, lang)


def _write_minutes(path: Path, data: DossierData, lang: str) -> None:
    """Biên bản họp xét: time and place, who attended, the results, the proposals, the vote.
    Outline: I, II, … then 1, 2, … then a), b), …, the same depth everywhere."""
    doc = _start(data, lang, "doc_number_minutes")
    layout.document_title(doc, t(lang, "doc_minutes_title"), _subject(data, lang, minutes=True))
    hamlet = _hamlet(data, lang)
    layout.heading(doc, f"I. {t(lang, 'doc_minutes_when_where')}", before=6)
    layout.item(doc, t(lang, "doc_minutes_time", year=data.snapshot_at.year))
    layout.item(doc, t(lang, "doc_minutes_place"), after=6)
    layout.heading(doc, f"II. {t(lang, 'doc_minutes_attendees')}")
    layout.item(doc, t(lang, "doc_minutes_chair"))
    layout.item(doc, t(lang, "doc_minutes_secretary"))
    layout.item(doc, t(lang, "doc_minutes_members"), keep_with_next=True)
    for n in range(_MEMBER_LINES):
        layout.item(
            doc, t(lang, "doc_minutes_member"), mark="+", after=6 if n == _MEMBER_LINES - 1 else 3
        )
    layout.heading(doc, f"III. {t(lang, 'doc_minutes_content')}")
    layout.paragraph(doc, t(lang, "doc_minutes_intro", hamlet=hamlet))
    numbers = _numbers()
    layout.heading(
        doc, f"{next(numbers)} {t(lang, 'doc_minutes_results_head', hamlet=hamlet)}", before=3
    )
    _results(doc, data, lang, _letters(), level=3)
    layout.heading(doc, f"{next(numbers)} {t(lang, 'doc_proposals_head')}", before=3)
    letters = _letters()
    for head, text in _proposal_items(data, lang):
        layout.heading(doc, f"{next(letters)} {head}", level=3, before=3)
        layout.paragraph(doc, text, keep_with_next=head == t(lang, "doc_kind_individual"))
        if head == t(lang, "doc_kind_individual"):
            officers = _proposed(data)
            for n, officer in enumerate(officers):
                layout.item(
                    doc, _officer_sentence(officer, lang), after=6 if n == len(officers) - 1 else 3
                )
    layout.paragraph(doc, t(lang, "doc_minutes_evidence", file=data.evidence_file))
    layout.heading(doc, f"{next(numbers)} {t(lang, 'doc_minutes_discussion')}", before=3)
    for _ in range(_DISCUSSION_LINES):
        layout.dotted_line(doc)
    layout.heading(doc, f"IV. {t(lang, 'doc_minutes_vote_head')}")
    layout.paragraph(doc, t(lang, "doc_minutes_vote"))
    layout.paragraph(doc, t(lang, "doc_minutes_agreed", hamlet=hamlet, unit=_unit(data, lang)))
    layout.paragraph(doc, t(lang, "doc_minutes_closing"), keep_with_next=True)
    layout.signatures(
        doc,
        [
            Signer(t(lang, "doc_sign_secretary"), hint=t(lang, "doc_sign_hint")),
            Signer(t(lang, "doc_sign_chair"), hint=t(lang, "doc_sign_hint")),
        ],
    )
    layout.page_numbers(doc)
    layout.save(doc, path, title=t(lang, "doc_minutes_title"))


# --- the common parts ----------------------------------------------------------------------


def _start(data: DossierData, lang: str, number_key: str) -> DocxDocument:
    doc = layout.new_document(lang)
    if not data.final:
        layout.mark_draft(doc, t(lang, "doc_draft_mark"))
    unit = data.unit or t(lang, "doc_unit_blank")
    locality = data.locality or layout.locality_name(data.unit) or layout.DOTS
    layout.national_header(
        doc,
        superior=t(lang, "doc_parent_unit", unit=unit).split("\n"),
        issuer=[t(lang, "doc_issuer", hamlet=_hamlet(data, lang))],
        number=t(lang, number_key),
        place_date=t(lang, "doc_place_date", place=locality, year=data.snapshot_at.year),
        nation=t(lang, "doc_nation"),
        motto=t(lang, "doc_motto"),
    )
    return doc


def _basis_plan(data: DossierData, lang: str) -> str:
    """The plan the hamlet answers to: "… năm 2026" for one year, "… giai đoạn 2026–2030"
    (dated the campaign's first year) for several."""
    values = {"unit": _unit(data, lang), "campaign": data.campaign_name}
    first, last = data.campaign_start, data.campaign_end
    if first is not None and last is not None and first.year != last.year:
        return t(lang, "doc_basis_plan_phase", year=first.year, last=last.year, **values)
    return t(lang, "doc_basis_plan", year=data.period_start.year, **values)


def _hamlet(data: DossierData, lang: str) -> str:
    """The hamlet as a sentence names it: "ấp Bãi Nhà A" after "Ban nhân dân"."""
    if lang != "vi":
        return data.hamlet_name
    phrase = layout.sentence_unit(data.hamlet_name)
    return phrase if phrase != data.hamlet_name.strip() else f"ấp {phrase}"


def _unit(data: DossierData, lang: str) -> str:
    """The unit mid-sentence: "đặc khu Kiên Hải" after "Ủy ban nhân dân"."""
    if not data.unit:
        return t(lang, "doc_unit_blank")
    return layout.sentence_unit(data.unit) if lang == "vi" else data.unit


def _numbers() -> Iterator[str]:
    return (f"{n}." for n in itertools.count(1))


def _letters() -> Iterator[str]:
    return (f"{letter})" for letter in "abcdđeghik")  # the Vietnamese alphabet's order


def _kinds(data: DossierData) -> list[str]:
    return [
        kind
        for kind, wanted in (
            ("collective", data.collective),
            ("individual", bool(_proposed(data))),
            ("special", data.special),
        )
        if wanted
    ]


def _subject(data: DossierData, lang: str, *, minutes: bool) -> str:
    """The subject under the title; the review follows the campaign after a comma, so no
    brackets nest."""
    words = [t(lang, f"doc_what_{kind}") for kind in _kinds(data)]
    # A short review phrase stays on one line ("tổng kết / năm 2026" reads badly)
    review = data.review.replace(" ", NBSP) if len(data.review) <= _KEEP_TOGETHER else data.review
    values = {"campaign": data.campaign_name, "review": review}
    if not words:
        key = "doc_minutes_subject_generic" if minutes else "doc_subject_generic"
        return t(lang, key, **values)
    what = words[0] if len(words) == 1 else ", ".join(words[:-1]) + t(lang, "doc_and") + words[-1]
    return t(
        lang, "doc_minutes_subject" if minutes else "doc_submission_subject", what=what, **values
    )


def _proposed(data: DossierData) -> list[OfficerLine]:
    return [officer for officer in data.officers if officer.proposed]


def _results(
    doc: DocxDocument, data: DossierData, lang: str, labels: Iterator[str], *, level: int = 2
) -> None:
    """Figures, achievement summary and procedures, as the three sub-items of a section."""
    # The source goes above the table: below it, a page break could part them
    layout.paragraph(
        doc,
        t(lang, "doc_period", start=fmt_date(data.period_start), end=fmt_date(data.period_end))
        + " "
        + _source_note(data, lang),
    )
    layout.heading(doc, f"{next(labels)} {t(lang, 'doc_figures_head')}", level=level, before=3)
    _figures_table(doc, data, lang)
    layout.heading(doc, f"{next(labels)} {t(lang, 'doc_achievements_head')}", level=level, before=3)
    layout.paragraph(doc, _achievements(data, lang))
    layout.heading(doc, f"{next(labels)} {t(lang, 'doc_procedures_head')}", level=level, before=3)
    lines = [
        t(lang, "doc_procedure_line", name=name, n=fmt_int(lang, households))
        for name, households in data.procedures[:_TOP_PROCEDURES]
    ]
    # One paragraph, not a list: five short lines would push the signatures to a new page
    layout.paragraph(doc, "; ".join(lines) + "." if lines else t(lang, "doc_procedures_none"))


def _figure_rows(data: DossierData, lang: str) -> list[tuple[str, str, bool]]:
    """(label, value, breaks down the row above); rows about an award only when the hamlet
    is proposed for it."""

    def num(value: int) -> str:
        return fmt_int(lang, value)

    # Where the total comes from goes in the label, so the figure column stays narrow
    label_key = "doc_fig_total_roster" if data.roster_based else "doc_fig_total_configured"
    total = num(data.total_households)
    configured = data.configured_households
    if data.roster_based and configured is not None and configured != data.total_households:
        label_key = "doc_fig_total"
        total = t(lang, "doc_fig_total_roster_configured", n=total, configured=num(configured))
    rows = [
        (t(lang, label_key), total, False),
        (t(lang, "doc_fig_guided"), num(data.guided), False),
        (t(lang, "doc_fig_coverage"), fmt_pct(lang, data.coverage), False),
    ]
    if data.collective:
        rows.append((t(lang, "doc_fig_threshold"), fmt_pct(lang, data.threshold), False))
    if data.special:
        rows += [
            (t(lang, "doc_fig_required"), num(data.required_procedures), False),
            (
                t(lang, "doc_fig_special", n=num(data.required_procedures)),
                num(data.special_households),
                False,
            ),
        ]
    rows += [
        (t(lang, "doc_fig_entries"), num(data.entries), False),
        (t(lang, "doc_fig_days"), f"{num(data.active_days)}/{num(data.period_days)}", False),
        (t(lang, "doc_fig_called"), num(data.checks_called), False),
    ]
    wrong_key = "doc_fig_wrong_number_failed" if data.wrong_number_fails else "doc_fig_wrong_number"
    breakdown = [
        ("doc_fig_confirmed", data.checks_confirmed),
        ("doc_fig_failed", data.checks_failed),
        (wrong_key, data.checks_wrong_number),
        ("doc_fig_overturned", data.checks_overturned),
        ("doc_fig_unreachable", data.checks_unreachable),
    ]
    if data.checks_called:  # with nobody called, five rows of 0 say nothing
        rows += [(t(lang, key), num(value), True) for key, value in breakdown]
    return rows


def _figures_table(doc: DocxDocument, data: DossierData, lang: str) -> None:
    rows: list[list[str]] = []
    italic: list[int] = []
    number = 0
    for index, (label, value, breakdown) in enumerate(_figure_rows(data, lang)):
        if breakdown:
            italic.append(index)
        else:
            number += 1
        rows.append(["" if breakdown else str(number), label, value])
    layout.table(
        doc,
        [t(lang, "doc_col_no"), t(lang, "doc_col_item"), t(lang, "doc_col_value")],
        rows,
        _FIGURES_CM,
        aligns=[CENTER, LEFT, CENTER],
        italic_rows=italic,
        padding=1,
    )


def _source_note(data: DossierData, lang: str) -> str:
    # snapshot_at is already local time: shown as taken, not converted
    return t(
        lang,
        "doc_source",
        day=fmt_date(data.snapshot_at),
        time=f"{data.snapshot_at:%H:%M}",
        id=data.proposal_id,
        status=t(lang, "doc_status_final" if data.final else "doc_status_draft"),
    )


def _achievements(data: DossierData, lang: str) -> str:
    def num(value: int) -> str:
        return fmt_int(lang, value)

    sentences = [
        t(
            lang,
            "doc_summary_coverage",
            start=fmt_date(data.period_start),
            end=fmt_date(data.period_end),
            hamlet=_hamlet(data, lang),
            guided=num(data.guided),
            total=num(data.total_households),
            coverage=fmt_pct(lang, data.coverage),
        ),
    ]
    if data.collective:
        sentences.append(t(lang, "doc_summary_met", threshold=fmt_pct(lang, data.threshold)))
    hamlet = _hamlet(data, lang)
    sentences.append(
        t(
            lang,
            "doc_summary_pace",
            hamlet=hamlet[:1].upper() + hamlet[1:],
            entries=num(data.entries),
            active=num(data.active_days),
            period=num(data.period_days),
        )
    )
    if data.special:
        sentences.append(
            t(
                lang,
                "doc_summary_special",
                special=num(data.special_households),
                n=num(data.required_procedures),
                pct=fmt_pct(lang, data.special_households / max(data.total_households, 1)),
            )
        )
    officers = _proposed(data)
    if officers:
        sentences.append(
            t(
                lang,
                "doc_summary_individuals",
                n=num(len(officers)),
                households=num(sum(o.households for o in officers)),
            )
        )
    sentences.append(_checks_sentence(data, lang))
    return " ".join(sentences)


def _checks_sentence(data: DossierData, lang: str) -> str:
    if not data.checks_called:
        return t(lang, "doc_summary_no_checks")
    parts = [
        t(
            lang,
            "doc_summary_checks",
            confirmed=fmt_int(lang, data.checks_confirmed),
            called=fmt_int(lang, data.checks_called),
        )
    ]
    wrong = data.checks_wrong_number
    failed = data.checks_failed + (wrong if data.wrong_number_fails else 0)
    if failed:
        parts.append(t(lang, "doc_summary_failed", n=fmt_int(lang, failed)))
    else:
        parts.append(t(lang, "doc_summary_no_failed"))
    if wrong:
        parts.append(
            t(
                lang,
                "doc_summary_wrong_number_failed"
                if data.wrong_number_fails
                else "doc_summary_wrong_number",
                n=fmt_int(lang, wrong),
            )
        )
    if data.checks_overturned:
        parts.append(t(lang, "doc_summary_overturned", n=fmt_int(lang, data.checks_overturned)))
    if data.checks_unreachable:
        parts.append(t(lang, "doc_summary_unreachable", n=fmt_int(lang, data.checks_unreachable)))
    return "; ".join(parts) + "."


def _proposal_items(data: DossierData, lang: str) -> list[tuple[str, str]]:
    """(heading, text) per kind proposed, in the plan's order: collective, special, people."""
    hamlet, unit = _hamlet(data, lang), _unit(data, lang)
    items: list[tuple[str, str]] = []
    if data.collective:
        items.append(
            (
                t(lang, "doc_kind_collective"),
                t(
                    lang,
                    "doc_proposal_collective",
                    unit=unit,
                    hamlet=hamlet,
                    guided=fmt_int(lang, data.guided),
                    total=fmt_int(lang, data.total_households),
                    coverage=fmt_pct(lang, data.coverage),
                    threshold=fmt_pct(lang, data.threshold),
                ),
            )
        )
    if data.special:
        items.append(
            (
                t(lang, "doc_kind_special"),
                t(
                    lang,
                    "doc_proposal_special",
                    unit=unit,
                    hamlet=hamlet,
                    special=fmt_int(lang, data.special_households),
                    total=fmt_int(lang, data.total_households),
                    n=fmt_int(lang, data.required_procedures),
                ),
            )
        )
    officers = _proposed(data)
    if officers:
        items.append(
            (
                t(lang, "doc_kind_individual"),
                t(lang, "doc_proposal_individuals", unit=unit, n=fmt_int(lang, len(officers))),
            )
        )
    return items


def _officers_table(doc: DocxDocument, officers: Sequence[OfficerLine], lang: str) -> None:
    rows = [
        [
            str(n),
            o.name,
            fmt_int(lang, o.households),
            fmt_int(lang, o.active_days),
            fmt_int(lang, o.checks_called),
            fmt_int(lang, o.checks_confirmed),
            fmt_int(lang, o.checks_failed),
        ]
        for n, o in enumerate(officers, start=1)
    ]
    layout.table(
        doc,
        [
            t(lang, key)
            for key in (
                "doc_col_no",
                "doc_col_name",
                "doc_col_households",
                "doc_col_days",
                "doc_col_called",
                "doc_col_confirmed",
                "doc_col_failed",
            )
        ],
        rows,
        _OFFICERS_CM,
        aligns=[CENTER, LEFT, *[CENTER] * 5],
        padding=1,
    )


def _officer_sentence(officer: OfficerLine, lang: str) -> str:
    checks = (
        t(lang, "doc_officer_no_checks")
        if not officer.checks_called
        else t(
            lang,
            "doc_officer_checks",
            called=fmt_int(lang, officer.checks_called),
            confirmed=fmt_int(lang, officer.checks_confirmed),
            failed=t(lang, "doc_officer_failed", n=fmt_int(lang, officer.checks_failed))
            if officer.checks_failed
            else t(lang, "doc_officer_none_failed"),
        )
    )
    return t(
        lang,
        "doc_officer_line",
        name=officer.name,
        households=fmt_int(lang, officer.households),
        days=fmt_int(lang, officer.active_days),
        checks=checks,
    )


def review_phrase(
    lang: str, kind: str, start: date, end: date, campaign: CampaignConfig | None = None
) -> str:
    """The review as the subject line ends: "tổng kết năm 2026", "sơ kết 6 tháng đầu năm
    2026", "tổng kết giai đoạn 2026–2030", a configured round's name, or its dates; never in
    brackets (the subject's own brackets would nest). See `award_text.round_phrase`."""
    return round_phrase(lang, stored_round(campaign, kind, start, end))


def draft_marks(path: Path) -> list[str]:
    """The draft mark a written dossier carries ([] when final): for tests and checks."""
    import docx

    return layout.draft_marks(docx.Document(str(path)))
