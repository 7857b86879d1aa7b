"""The culture & society office's own papers for a review (sơ kết / tổng kết), laid out after
Nghị định 30/2020/NĐ-CP with handlers/render/docx_layout.py: the zone-level report (Báo cáo), the
submission to the emulation council (Tờ trình) and the draft award decision (Quyết định) with
its annexed list.

Every figure comes from one stored award proposal (`OfficeData.elig` is its
`stored_eligibility`), so what the council reads is what the proposal counted; the trace line
of each paper names the proposal and its snapshot.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from handlers.engine.i18n import fmt_date, fmt_int, fmt_pct
from handlers.render.award_text import round_phrase, stored_round
from handlers.render.docx_layout import (
    CENTER,
    DOTS,
    LEFT,
    RECIPIENTS_PT,
    TEXT_CM,
    TITLE_PT,
    Signer,
    Span,
    addressee,
    doc_text,
    document_title,
    heading,
    item,
    locality_name,
    mark_draft,
    national_header,
    new_document,
    page_numbers,
    paragraph,
    rule,
    save,
    sentence_unit,
    signature_block,
    table,
    worded,
)
from models.awards import Eligibility, HamletStanding, Line, OfficerStanding, Section, Status
from models.eligibility import Tally
from models.rules import HALF, YEAR, AwardRound

if TYPE_CHECKING:  # python-docx is imported when a paper is written (issue 22)
    from docx.document import Document as DocxDocument


# The catalog's papers are worded for a special zone and its ấp; a commune or a ward with
# thôn or tổ dân phố gets its own words (`docx_layout.worded`).
t = doc_text


def _words(data: OfficeData) -> AbstractContextManager[None]:
    lines = data.elig.collective.lines
    names = {h.name for h in data.elig.hamlets} | {line.subject.name for line in lines}
    return worded(data.unit, names)


@dataclass(frozen=True)
class OfficeData:
    elig: Eligibility  # the proposal's stored lists and figures, nothing recomputed
    unit: str  # "Đặc khu Kiên Hải" (campaign.unit)
    campaign_name: str
    procedures: tuple[tuple[str, int], ...]  # (procedure, households guided), most first
    proposal_id: int
    snapshot_at: datetime  # local time the figures were taken
    entries: int  # live entries the proposal counted
    final_at: datetime | None  # local time the council's decision was recorded; None: draft
    large_hamlet_households: int  # the special prize's size rule, as configured
    procedures_required_large: int
    procedures_required_small: int
    # The proposal's round (`award_text.stored_round`): its configured name; None: named by
    # the stored code and dates
    award_round: AwardRound | None = None
    # The campaign's dates: a plan over several years is "giai đoạn 2026–2030", never "năm"
    campaign_start: date | None = None
    campaign_end: date | None = None

    @property
    def final(self) -> bool:
        return self.final_at is not None

    @property
    def review(self) -> AwardRound:
        period = self.elig.period
        return self.award_round or stored_round(None, period.kind, period.start, period.end)

    @property
    def plan_year(self) -> int:
        """The year the campaign's plan dates from: its first."""
        return self.campaign_start.year if self.campaign_start else self.elig.period.start.year

    @property
    def phase(self) -> tuple[int, int] | None:
        """(first, last year) of a campaign over several years; None for one year."""
        first, last = self.campaign_start, self.campaign_end
        if first is None or last is None or first.year == last.year:
            return None
        return first.year, last.year


_TABLE_SMALL_PT = 11.0  # nine columns on a portrait A4 line need it
_TOP_PROCEDURES = 3
_BEHIND = 3  # hamlets named as furthest behind
_DOT_LINES = 2  # lines left for people to write causes, lessons, tasks
_DOTS_PER_LINE = 31  # "……" pairs filling a 15 cm indented line at 13 pt
# "STT" in bold needs 1.2 cm with the cell margins; "130/181" in 11 pt needs 1.9 cm
_HAMLETS_CM = (1.2, 3.1, 1.6, 1.8, 1.7, 1.4, 1.7, 1.6, 1.9)
_CHECKS_CM = (1.2, 3.4, 1.6, 1.9, 1.7, 1.9, 2.2, 2.1)
_COLLECTIVE_CM = (1.2, 4.2, 2.0, 2.3, 1.9, 2.4, 2.0)
_SPECIAL_CM = (1.2, 4.2, 2.0, 2.0, 2.5, 2.1, 2.0)
_PEOPLE_CM = (1.2, 4.0, 3.2, 2.0, 1.9, 1.9, 1.8)
_ANNEX_HAMLETS_CM = (1.2, 6.4, 2.6, 3.2, 2.6)
_ANNEX_PEOPLE_CM = (1.2, 5.0, 3.8, 3.0, 3.0)
_ANNEX_RULE_CM = 4.0

S = TypeVar("S", HamletStanding, OfficerStanding)


# --- what the papers say, from the stored lists ---------------------------------------------


def review_words(lang: str, data: OfficeData) -> str:
    """ "sơ kết 6 tháng đầu năm 2026" / "tổng kết năm 2026" / "tổng kết giai đoạn 2026–2030" /
    a configured round's name, as said mid-sentence (`award_text.round_phrase`)."""
    return round_phrase(lang, data.review)


def _next_heading(lang: str, data: OfficeData) -> str:
    """What comes after the review: the second half of its year, the next year, the next
    phase, or simply the time ahead."""
    r = data.review
    end = data.elig.period.end
    if r.code == HALF or (r.start.year == end.year and (end.month, end.day) == (6, 30)):
        key = "op_report_h_next_half"
    elif r.start.year != end.year:
        key = "op_report_h_next_phase"
    elif r.code == YEAR or (end.month, end.day) == (12, 31):
        key = "op_report_h_next_year"
    else:
        key = "op_report_h_next_other"
    return t(lang, key, year=end.year, next=end.year + 1)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _collectives(data: OfficeData) -> list[HamletStanding]:
    return [line.subject for line in data.elig.collective.proposed]


def _specials(data: OfficeData) -> list[HamletStanding]:
    return [line.subject for line in data.elig.special.proposed]


def _individuals(data: OfficeData) -> list[OfficerStanding]:
    return [line.subject for line in data.elig.individual.proposed]


@dataclass(frozen=True)
class _Totals:
    total: int
    guided: int
    special: int
    entries: int

    @property
    def coverage(self) -> float:
        return self.guided / self.total if self.total else 0.0


def _totals(hamlets: Sequence[HamletStanding]) -> _Totals:
    return _Totals(
        total=sum(h.total for h in hamlets),
        guided=sum(h.guided for h in hamlets),
        special=sum(h.special for h in hamlets),
        entries=sum(h.entries for h in hamlets),
    )


def _checks(hamlets: Sequence[HamletStanding]) -> Tally:
    """The zone's check figures: each hamlet's tally as stored, added up."""
    total = Tally(key=0, name="")
    for h in hamlets:
        c = h.checks
        if c is None:
            continue
        total.confirmed += c.confirmed
        total.failed += c.failed
        total.overturned += c.overturned
        total.unreachable += c.unreachable
        total.wrong_number += c.wrong_number
        total.wrong_number_failing += c.wrong_number_failing
        total.failed_checks.extend(c.failed_checks)
    return total


def _checked(h: HamletStanding) -> int:
    return h.checks.checked if h.checks is not None else 0


def _passed(checks: Tally | None) -> str:
    if checks is None or not checks.checked:
        return "–"
    return f"{checks.confirmed + checks.overturned}/{checks.checked}"


def _n(lang: str, value: int) -> str:
    return fmt_int(lang, value)


def _names(lang: str, hamlets: Sequence[HamletStanding], what: str = "pct") -> str:
    """ "Ấp A (97,5%), Ấp B (95,0%)": each hamlet with the figure that put it in the list."""
    parts = []
    for h in hamlets:
        if what == "lacks":
            figure = t(
                lang,
                "op_name_lacks",
                pct=fmt_pct(lang, h.coverage),
                n=_n(lang, max(h.target - h.guided, 0)),
            )
        elif what == "days":
            figure = f"{_n(lang, h.active_days)}/{_n(lang, h.period_days)}"
        elif what == "failed":
            figure = _n(lang, h.checks.failures if h.checks else 0)
        else:
            figure = fmt_pct(lang, h.coverage)
        parts.append(f"{h.name} ({figure})")
    return ", ".join(parts)


def strengths(lang: str, data: OfficeData) -> list[str]:
    """What went well, each sentence backed by a stored figure; none invented."""
    elig = data.elig
    hamlets = list(elig.hamlets)
    totals = _totals(hamlets)
    out = [
        t(
            lang,
            "op_good_zone",
            guided=_n(lang, totals.guided),
            total=_n(lang, totals.total),
            pct=fmt_pct(lang, totals.coverage),
            entries=_n(lang, totals.entries),
        )
    ]
    met = sorted(
        (h for h in hamlets if h.guided >= h.target and h.total),
        key=lambda h: (-h.coverage, h.code),
    )
    if met:
        out.append(
            t(
                lang,
                "op_good_met",
                n=len(met),
                of=len(hamlets),
                threshold=fmt_pct(lang, elig.threshold),
                names=_names(lang, met),
            )
        )
    special = [h for h in hamlets if h.total and h.special >= h.total]
    if special:
        out.append(t(lang, "op_good_special", n=len(special), names=_names(lang, special)))
    if data.procedures:
        top = data.procedures[:_TOP_PROCEDURES]
        out.append(
            t(
                lang,
                "op_good_procedures",
                list=", ".join(
                    t(lang, "op_procedure", name=name, n=_n(lang, n)) for name, n in top
                ),
            )
        )
    steady = sorted((h for h in hamlets if h.active_days), key=lambda h: (-h.active_days, h.code))
    if steady:
        best = [h for h in steady if h.active_days == steady[0].active_days]
        out.append(t(lang, "op_good_steady", names=_names(lang, best, "days")))
    checks = _checks(hamlets)
    if checks.checked and checks.confirmed + checks.overturned:
        ok = checks.confirmed + checks.overturned
        out.append(
            t(
                lang,
                "op_good_checks",
                ok=_n(lang, ok),
                called=_n(lang, checks.checked),
                pct=fmt_pct(lang, ok / checks.checked),
            )
        )
    return out


def weaknesses(lang: str, data: OfficeData) -> list[str]:
    """What did not go well, from the same figures."""
    elig = data.elig
    hamlets = list(elig.hamlets)
    out: list[str] = []
    below = sorted((h for h in hamlets if h.guided < h.target), key=lambda h: (h.coverage, h.code))
    if below:
        out.append(
            t(
                lang,
                "op_bad_below",
                n=len(below),
                of=len(hamlets),
                threshold=fmt_pct(lang, elig.threshold),
                names=_names(lang, below[:_BEHIND], "lacks"),
            )
        )
    idle = [h for h in hamlets if not h.entries]
    if idle:
        out.append(t(lang, "op_bad_idle", n=len(idle), names=", ".join(h.name for h in idle)))
    slow = [h for h in hamlets if h.entries and h.active_days * 2 < h.period_days]
    if slow:
        out.append(t(lang, "op_bad_slow", n=len(slow), names=_names(lang, slow, "days")))
    checks = _checks(hamlets)
    if not checks.checked:
        out.append(t(lang, "op_bad_no_checks"))
    failing = [h for h in hamlets if h.checks is not None and h.checks.failures]
    if failing:
        out.append(
            t(
                lang,
                "op_bad_failed",
                n=_n(lang, checks.failures),
                names=_names(lang, failing, "failed"),
            )
        )
    excluded_h = {
        line.subject.name
        for s in (elig.collective, elig.special)
        for line in s.having(Status.EXCLUDED)
    }
    excluded_o = [line.subject.name for line in elig.individual.having(Status.EXCLUDED)]
    if excluded_h or excluded_o:
        out.append(t(lang, "op_bad_excluded", hamlets=len(excluded_h), people=len(excluded_o)))
    if checks.unreachable or checks.wrong_number:
        out.append(
            t(
                lang,
                "op_bad_contact",
                unreachable=_n(lang, checks.unreachable),
                wrong=_n(lang, checks.wrong_number),
            )
        )
    return out


# --- the papers --------------------------------------------------------------------------


def write_report(path: Path, data: OfficeData, lang: str) -> None:
    with _words(data):
        _write_report(path, data, lang)


def _write_report(path: Path, data: OfficeData, lang: str) -> None:
    """Báo cáo sơ kết / tổng kết of the movement across the zone."""
    doc = _start(data, lang, "op_number_report", office=True)
    review = review_words(lang, data)
    document_title(
        doc,
        t(lang, "op_report_title"),
        t(
            lang,
            "op_report_subject",
            review=_capital(review),
            campaign=data.campaign_name,
            unit=sentence_unit(data.unit),
        ),
    )
    elig = data.elig
    paragraph(
        doc,
        t(
            lang,
            "op_report_intro",
            year=data.plan_year,
            unit=sentence_unit(data.unit),
            campaign=data.campaign_name,
            start=fmt_date(elig.period.start),
            end=fmt_date(elig.as_of),
        ),
    )
    heading(doc, t(lang, "op_report_h_direction"))
    _blanks(doc)
    heading(doc, t(lang, "op_report_h_results"))
    heading(doc, t(lang, "op_report_h_guidance"), level=2)
    totals = _totals(elig.hamlets)
    paragraph(
        doc,
        t(
            lang,
            "op_report_guidance" if elig.special.cap else "op_report_guidance_plain",
            n=len(elig.hamlets),
            guided=_n(lang, totals.guided),
            total=_n(lang, totals.total),
            pct=fmt_pct(lang, totals.coverage),
            entries=_n(lang, totals.entries),
            special=_n(lang, totals.special),
            as_of=fmt_date(elig.as_of),
        ),
        keep_with_next=True,
    )
    _hamlets_table(doc, data, lang)
    _hamlets_notes(doc, data, lang)
    heading(doc, t(lang, "op_report_h_checks"), level=2)
    _checks_part(doc, data, lang)
    heading(doc, t(lang, "op_report_h_awards"), level=2)
    paragraph(doc, _awards_sentence(lang, data))
    heading(doc, t(lang, "op_report_h_assessment"))
    heading(doc, t(lang, "op_report_h_strengths"), level=2)
    for line in strengths(lang, data):
        item(doc, line)
    heading(doc, t(lang, "op_report_h_weaknesses"), level=2)
    for line in weaknesses(lang, data) or [t(lang, "op_bad_nothing")]:
        item(doc, line)
    heading(doc, t(lang, "op_report_h_causes"), level=2)
    paragraph(doc, t(lang, "op_report_causes_good"), keep_with_next=True)
    _blanks(doc)
    paragraph(doc, t(lang, "op_report_causes_bad"), keep_with_next=True)
    _blanks(doc)
    heading(doc, t(lang, "op_report_h_lessons"), level=2)
    _blanks(doc)
    heading(doc, _next_heading(lang, data))
    behind = sorted(
        (h for h in elig.hamlets if h.guided < h.target), key=lambda h: (h.coverage, h.code)
    )
    if behind:
        item(
            doc,
            t(
                lang,
                "op_report_next_focus",
                threshold=fmt_pct(lang, elig.threshold),
                names=_names(lang, behind[:_BEHIND], "lacks"),
            ),
        )
    item(doc, t(lang, "op_report_next_checks"))
    _blanks(doc)
    heading(doc, t(lang, "op_report_h_proposals"))
    paragraph(doc, t(lang, "op_report_proposals", council=_council(lang, data)))
    _blanks(doc)
    paragraph(
        doc,
        t(lang, "op_report_closing", review=review, campaign=data.campaign_name),
        keep_with_next=True,
    )
    _trace(doc, data, lang, keep_with_next=True)
    signature_block(
        doc,
        _office_signer(lang),
        recipients=_lines(lang, "op_recipients_report"),
        recipients_head=t(lang, "op_recipients_head"),
    )
    page_numbers(doc)
    save(doc, path, title=t(lang, "op_report_title"))


def write_submission(path: Path, data: OfficeData, lang: str) -> None:
    with _words(data):
        _write_submission(path, data, lang)


def _write_submission(path: Path, data: OfficeData, lang: str) -> None:
    """Tờ trình of the office to the zone's emulation council with the full proposed list."""
    doc = _start(data, lang, "op_number_submission", office=True)
    review = review_words(lang, data)
    elig = data.elig
    document_title(
        doc,
        t(lang, "op_submission_title"),
        t(lang, "op_submission_subject", campaign=data.campaign_name, review=review),
    )
    addressee(doc, [_council(lang, data)], label=t(lang, "op_to"))
    for line in _basis(lang, data, decision=False):
        paragraph(doc, line)
    paragraph(doc, t(lang, "op_submission_intro", council=_council(lang, data), review=review))
    heading(doc, t(lang, "op_submission_h_results"))
    totals = _totals(elig.hamlets)
    met = [h for h in elig.hamlets if h.guided >= h.target and h.total]
    checks = _checks(elig.hamlets)
    paragraph(
        doc,
        t(
            lang,
            "op_submission_results",
            start=fmt_date(elig.period.start),
            end=fmt_date(elig.as_of),
            guided=_n(lang, totals.guided),
            total=_n(lang, totals.total),
            pct=fmt_pct(lang, totals.coverage),
            met=len(met),
            of=len(elig.hamlets),
            threshold=fmt_pct(lang, elig.threshold),
        ),
    )
    paragraph(doc, _checks_sentence(lang, checks, len([h for h in elig.hamlets if _checked(h)])))
    heading(doc, t(lang, "op_submission_h_rules"))
    for kind, section in (
        ("collective", elig.collective),
        ("special", elig.special),
        ("individual", elig.individual),
    ):
        if kind == "special" and not section.cap:
            continue  # a plan without a special prize (Thượng Phúc): not a rule of its own
        item(
            doc,
            t(
                lang,
                f"op_rule_{kind}",
                cap=section.cap,
                pct=fmt_pct(lang, elig.threshold),
                large=_n(lang, data.large_hamlet_households),
                large_n=data.procedures_required_large,
                small_n=data.procedures_required_small,
                order=", ".join(t(lang, f"award_metric_{m}") for m in section.order),
            ),
        )
    heading(doc, t(lang, "op_submission_h_list"))
    heading(
        doc,
        t(lang, "op_list_collective", n=len(elig.collective.proposed), cap=elig.collective.cap),
        level=2,
    )
    _collective_list(doc, data, lang)
    if elig.special.cap:
        heading(
            doc,
            t(lang, "op_list_special", n=len(elig.special.proposed), cap=elig.special.cap),
            level=2,
        )
        _special_list(doc, data, lang)
    heading(
        doc,
        t(lang, "op_list_individual", n=len(elig.individual.proposed), cap=elig.individual.cap),
        level=2,
    )
    _individual_list(doc, data, lang)
    listed = [
        line.subject.checks
        for s in (elig.collective, elig.individual)
        for line in s.having(Status.PROPOSED, Status.TIED)
    ]
    if any(c is not None and c.checked for c in listed):
        paragraph(doc, t(lang, "op_note_passed"), italic=True, size=_TABLE_SMALL_PT)
    excluded = _excluded_lines(lang, data)
    if excluded:
        heading(doc, t(lang, "op_submission_h_excluded"))
        for line in excluded:
            item(doc, line)
    paragraph(
        doc, t(lang, "op_submission_attachments", review=review), before=6, keep_with_next=True
    )
    for line in _lines(lang, "op_submission_attached", review=review):
        item(doc, line)
    paragraph(
        doc,
        t(lang, "op_submission_closing", council=_council(lang, data)),
        before=6,
        keep_with_next=True,
    )
    _trace(doc, data, lang, keep_with_next=True)
    signature_block(
        doc,
        _office_signer(lang),
        recipients=_lines(lang, "op_recipients_submission"),
        recipients_head=t(lang, "op_recipients_head"),
    )
    page_numbers(doc)
    save(doc, path, title=t(lang, "op_submission_title"))


def write_decision(path: Path, data: OfficeData, lang: str) -> None:
    with _words(data):
        _write_decision(path, data, lang)


def _write_decision(path: Path, data: OfficeData, lang: str) -> None:
    """The draft award decision of the zone's People's Committee, with its annexed list."""
    doc = _start(data, lang, "op_number_decision", office=False, force_draft=True)
    review = review_words(lang, data)
    year = data.snapshot_at.year
    document_title(
        doc,
        t(lang, "op_decision_title"),
        t(lang, "op_decision_subject", campaign=data.campaign_name, review=review),
    )
    paragraph(
        doc,
        t(lang, "op_decision_authority", unit=data.unit).upper(),
        align=CENTER,
        indent=False,
        bold=True,
        before=6,
        after=6,
        keep_with_next=True,
    )
    for line in _basis(lang, data, decision=True):
        paragraph(doc, line, italic=True)
    paragraph(
        doc,
        t(lang, "op_decision_decides"),
        align=CENTER,
        indent=False,
        bold=True,
        before=6,
        after=6,
        keep_with_next=True,
    )
    collectives, people, specials = _collectives(data), _individuals(data), _specials(data)
    article = t(lang, "op_article", n=1)
    awarded = [
        t(lang, "op_count_collectives", n=len(collectives)) if collectives else "",
        t(lang, "op_count_people", n=len(people)) if people else "",
    ]
    what = t(lang, "op_and").join(x for x in awarded if x)
    if what:
        paragraph(
            doc,
            [
                Span(f"{article} ", bold=True),
                Span(
                    t(
                        lang,
                        "op_decision_article1",
                        what=what,
                        campaign=data.campaign_name,
                        review=review,
                    )
                ),
            ],
        )
    if specials:
        text = t(lang, "op_decision_article1_special", n=len(specials))
        paragraph(doc, text if what else [Span(f"{article} ", bold=True), Span(text)])
    if not what and not specials:
        paragraph(doc, [Span(f"{article} ", bold=True), Span(t(lang, "op_decision_nobody"))])
    paragraph(
        doc,
        [Span(f"{t(lang, 'op_article', n=2)} ", bold=True), Span(t(lang, "op_decision_article2"))],
    )
    paragraph(
        doc,
        [Span(f"{t(lang, 'op_article', n=3)} ", bold=True), Span(t(lang, "op_decision_article3"))],
        keep_with_next=True,
    )
    # A Giấy khen of the chairperson is the chairperson's own decision (NĐ30: signed in
    # person, no "TM." line).
    signature_block(
        doc,
        Signer(t(lang, "op_sign_chair"), hint=""),
        recipients=_lines(lang, "op_recipients_decision"),
        recipients_head=t(lang, "op_recipients_head"),
    )
    _annex(doc, data, lang, year)
    page_numbers(doc)
    save(doc, path, title=t(lang, "op_decision_title"))


# --- parts -------------------------------------------------------------------------------


def _start(
    data: OfficeData, lang: str, number_key: str, *, office: bool, force_draft: bool = False
) -> DocxDocument:
    doc = new_document(lang)
    if force_draft or not data.final:
        mark_draft(doc, t(lang, "op_draft_mark"))
    unit_line = t(lang, "op_committee")
    superior = [unit_line, data.unit] if office else []
    issuer = [t(lang, "op_office")] if office else [unit_line, data.unit]
    national_header(
        doc,
        superior=superior,
        issuer=issuer,
        number=t(lang, number_key),
        place_date=t(
            lang, "op_place_date", place=locality_name(data.unit), year=data.snapshot_at.year
        ),
        nation=t(lang, "doc_nation"),
        motto=t(lang, "doc_motto"),
    )
    return doc


def _council(lang: str, data: OfficeData) -> str:
    return t(lang, "op_council", unit=sentence_unit(data.unit))


def _lines(lang: str, key: str, **values: object) -> list[str]:
    return t(lang, key, **values).split("\n")


def _office_signer(lang: str) -> Signer:
    return Signer(t(lang, "op_sign_office"), hint="")


def _blanks(doc: DocxDocument, lines: int = _DOT_LINES) -> None:
    """Dotted lines where the office writes what no figure can say."""
    for _ in range(lines):
        paragraph(
            doc, DOTS * (_DOTS_PER_LINE // 2) + DOTS[0] * (_DOTS_PER_LINE % 2), align=LEFT, after=3
        )


def _basis(lang: str, data: OfficeData, *, decision: bool) -> list[str]:
    year = data.plan_year
    phase = data.phase
    keys = ["op_basis_local_government"] if decision else []
    keys += ["op_basis_law", "op_basis_decree"]
    if decision:
        keys.append("op_basis_circular")
    keys.append("op_basis_plan_phase" if phase else "op_basis_plan")
    keys.append("op_basis_proposal" if decision else "op_basis_dossiers")
    return [
        t(
            lang,
            key,
            year=year,
            last=phase[1] if phase else year,
            signed=data.snapshot_at.year,
            unit=sentence_unit(data.unit),
            campaign=data.campaign_name,
            council=_council(lang, data),
        )
        for key in keys
    ]


def _trace(doc: DocxDocument, data: OfficeData, lang: str, *, keep_with_next: bool = False) -> None:
    at = f"{data.snapshot_at:%H:%M} {fmt_date(data.snapshot_at)}"
    if data.final_at is not None:
        state = t(lang, "op_trace_final", at=f"{data.final_at:%H:%M} {fmt_date(data.final_at)}")
    else:
        state = t(lang, "op_trace_draft")
    paragraph(
        doc,
        t(
            lang,
            "op_trace",
            id=data.proposal_id,
            at=at,
            as_of=fmt_date(data.elig.as_of),
            entries=_n(lang, data.entries),
            state=state,
        ),
        italic=True,
        size=RECIPIENTS_PT,
        before=6,
        keep_with_next=keep_with_next,
    )


def _hamlets_table(doc: DocxDocument, data: OfficeData, lang: str) -> None:
    rows: list[list[str]] = []
    for number, h in enumerate(data.elig.hamlets, start=1):
        total = _n(lang, h.total) + ("*" if h.roster else "")
        rows.append(
            [
                str(number),
                h.name,
                total,
                _n(lang, h.guided),
                fmt_pct(lang, h.coverage),
                str(h.required),
                _n(lang, h.special),
                _n(lang, h.entries),
                f"{_n(lang, h.active_days)}/{_n(lang, h.period_days)}",
            ]
        )
    totals = _totals(data.elig.hamlets)
    rows.append(
        [
            "",
            t(lang, "op_col_zone"),
            _n(lang, totals.total),
            _n(lang, totals.guided),
            fmt_pct(lang, totals.coverage),
            "",
            _n(lang, totals.special),
            _n(lang, totals.entries),
            "",
        ]
    )
    head = [
        t(lang, key)
        for key in (
            "op_col_no",
            "op_col_hamlet",
            "op_col_total",
            "op_col_guided",
            "op_col_coverage",
            "op_col_required",
            "op_col_special",
            "op_col_entries",
            "op_col_days",
        )
    ]
    table(
        doc,
        head,
        rows,
        _HAMLETS_CM,
        aligns=[CENTER, LEFT, *[CENTER] * 7],
        bold_rows=[len(rows) - 1],
        size=_TABLE_SMALL_PT,
        space_after=3,
    )


def _hamlets_notes(doc: DocxDocument, data: OfficeData, lang: str) -> None:
    notes = [
        t(
            lang,
            "op_note_required",
            large=_n(lang, data.large_hamlet_households),
            large_n=data.procedures_required_large,
            small_n=data.procedures_required_small,
        )
    ]
    if any(h.roster for h in data.elig.hamlets):
        notes.append(t(lang, "op_note_roster"))
    notes.append(t(lang, "op_note_days"))
    for note in notes:
        paragraph(doc, note, italic=True, size=_TABLE_SMALL_PT, after=2)


def _checks_sentence(lang: str, checks: Tally, hamlets: int) -> str:
    if not checks.checked:
        return t(lang, "op_checks_none")
    return t(
        lang,
        "op_checks_summary",
        called=_n(lang, checks.checked),
        hamlets=hamlets,
        confirmed=_n(lang, checks.confirmed),
        failed=_n(lang, checks.failed),
        wrong=_n(lang, checks.wrong_number),
        unreachable=_n(lang, checks.unreachable),
        overturned=_n(lang, checks.overturned),
    )


def _checks_part(doc: DocxDocument, data: OfficeData, lang: str) -> None:
    checked = [h for h in data.elig.hamlets if _checked(h)]
    total = _checks(data.elig.hamlets)
    paragraph(doc, _checks_sentence(lang, total, len(checked)), keep_with_next=bool(checked))
    if not checked:
        return
    rows: list[list[str]] = []
    for number, h in enumerate(checked, start=1):
        c = h.checks
        assert c is not None
        rows.append(
            [
                str(number),
                h.name,
                _n(lang, c.checked),
                _n(lang, c.confirmed),
                _n(lang, c.failed),
                _n(lang, c.wrong_number),
                _n(lang, c.unreachable),
                _n(lang, c.overturned),
            ]
        )
    rows.append(
        [
            "",
            t(lang, "op_col_zone"),
            _n(lang, total.checked),
            _n(lang, total.confirmed),
            _n(lang, total.failed),
            _n(lang, total.wrong_number),
            _n(lang, total.unreachable),
            _n(lang, total.overturned),
        ]
    )
    head = [
        t(lang, key)
        for key in (
            "op_col_no",
            "op_col_hamlet",
            "op_col_called",
            "op_col_confirmed",
            "op_col_failed",
            "op_col_wrong",
            "op_col_unreachable",
            "op_col_overturned",
        )
    ]
    table(
        doc,
        head,
        rows,
        _CHECKS_CM,
        aligns=[CENTER, LEFT, *[CENTER] * 6],
        bold_rows=[len(rows) - 1],
        size=_TABLE_SMALL_PT,
        space_after=3,
    )
    if total.wrong_number:  # the stored tallies say whether the rule failed them
        key = "op_note_wrong_fails" if total.wrong_number_failing else "op_note_wrong"
        paragraph(doc, t(lang, key), italic=True, size=_TABLE_SMALL_PT, after=6)


def _awards_sentence(lang: str, data: OfficeData) -> str:
    elig = data.elig
    text = t(
        lang,
        "op_report_awards" if elig.special.cap else "op_report_awards_plain",
        collective=len(elig.collective.proposed),
        collective_cap=elig.collective.cap,
        special=len(elig.special.proposed),
        special_cap=elig.special.cap,
        individual=len(elig.individual.proposed),
        individual_cap=elig.individual.cap,
        council=_council(lang, data),
    )
    ties = [
        t(
            lang,
            "op_report_tied",
            n=len(s.tied),
            seats=s.seats_left,
            what=t(lang, f"op_what_{s.kind}"),
        )
        for s in (elig.collective, elig.special, elig.individual)
        if s.tied
    ]
    return " ".join([text, *ties])


def _collective_rows(lang: str, lines: Sequence[Line[HamletStanding]]) -> list[list[str]]:
    return [
        [
            str(number),
            line.subject.name,
            _n(lang, line.subject.total),
            _n(lang, line.subject.guided),
            fmt_pct(lang, line.subject.coverage),
            _passed(line.subject.checks),
            str(line.rank or ""),
        ]
        for number, line in enumerate(lines, start=1)
    ]


def _collective_list(doc: DocxDocument, data: OfficeData, lang: str) -> None:
    head = [
        t(lang, key)
        for key in (
            "op_col_no",
            "op_col_collective",
            "op_col_total",
            "op_col_guided",
            "op_col_coverage",
            "op_col_passed",
            "op_col_rank",
        )
    ]
    section = data.elig.collective
    _listed(
        doc,
        lang,
        section,
        head,
        _COLLECTIVE_CM,
        lambda lines: _collective_rows(lang, lines),
        "op_none_collective",
        "op_list_intro_collective",
    )


def _special_rows(lang: str, lines: Sequence[Line[HamletStanding]]) -> list[list[str]]:
    return [
        [
            str(number),
            line.subject.name,
            _n(lang, line.subject.total),
            str(line.subject.required),
            _n(lang, line.subject.special),
            fmt_pct(lang, line.subject.special_share),
            str(line.rank or ""),
        ]
        for number, line in enumerate(lines, start=1)
    ]


def _special_list(doc: DocxDocument, data: OfficeData, lang: str) -> None:
    head = [
        t(lang, key)
        for key in (
            "op_col_no",
            "op_col_hamlet",
            "op_col_total",
            "op_col_required",
            "op_col_special",
            "op_col_special_share",
            "op_col_rank",
        )
    ]
    _listed(
        doc,
        lang,
        data.elig.special,
        head,
        _SPECIAL_CM,
        lambda lines: _special_rows(lang, lines),
        "op_none_special",
        "op_list_intro_special",
    )


def _people_rows(lang: str, lines: Sequence[Line[OfficerStanding]]) -> list[list[str]]:
    return [
        [
            str(number),
            line.subject.name,
            line.subject.hamlet_name or "–",
            _n(lang, line.subject.households),
            _n(lang, line.subject.active_days),
            _passed(line.subject.checks),
            str(line.rank or ""),
        ]
        for number, line in enumerate(lines, start=1)
    ]


def _individual_list(doc: DocxDocument, data: OfficeData, lang: str) -> None:
    head = [
        t(lang, key)
        for key in (
            "op_col_no",
            "op_col_name",
            "op_col_hamlet",
            "op_col_households",
            "op_col_active_days",
            "op_col_passed",
            "op_col_rank",
        )
    ]
    _listed(
        doc,
        lang,
        data.elig.individual,
        head,
        _PEOPLE_CM,
        lambda lines: _people_rows(lang, lines),
        "op_none_individual",
        "op_list_intro_individual",
        left=2,
    )


def _listed(
    doc: DocxDocument,
    lang: str,
    section: Section[S],
    head: list[str],
    widths: Sequence[float],
    rows_of: Callable[[Sequence[Line[S]]], list[list[str]]],
    none_key: str,
    intro_key: str,
    *,
    left: int = 1,
) -> None:
    """The proposed lines in a table; candidates tied across the cap in a second one, for
    the council to choose from. The first `left` columns after the number are names."""
    aligns = [CENTER, *[LEFT] * left, *[CENTER] * (len(head) - 1 - left)]
    lines = list(section.proposed)
    if lines:
        paragraph(doc, t(lang, intro_key, n=len(lines)), keep_with_next=True)
        table(doc, head, rows_of(lines), widths, aligns=aligns)
    elif not section.tied:
        paragraph(doc, t(lang, none_key))
    tied = list(section.tied)
    if tied:
        paragraph(
            doc,
            t(lang, "op_tied", n=len(tied), rank=tied[0].rank, seats=section.seats_left),
            keep_with_next=True,
        )
        table(doc, head, rows_of(tied), widths, aligns=aligns)


def _excluded_lines(lang: str, data: OfficeData) -> list[str]:
    out: list[str] = []
    elig = data.elig
    for kind, section in (
        ("collective", elig.collective),
        ("special", elig.special),
        ("individual", elig.individual),
    ):
        for line in section.having(Status.EXCLUDED):
            subject = line.subject
            who = (
                subject.name
                if isinstance(subject, HamletStanding)
                else t(lang, "op_person_of", name=subject.name, hamlet=subject.hamlet_name)
            )
            out.append(
                t(
                    lang,
                    "op_excluded",
                    who=who,
                    what=t(lang, f"op_what_{kind}"),
                    n=len(line.failed_checks),
                    checks=", ".join(f"#{i}" for i in line.failed_checks),
                )
            )
    return out


def _annex(doc: DocxDocument, data: OfficeData, lang: str, year: int) -> None:
    """The list annexed to the decision, on a page of its own: exactly the proposed lines."""
    from docx.shared import Pt

    review = review_words(lang, data)
    title = paragraph(
        doc,
        t(lang, "op_annex_title"),
        align=CENTER,
        indent=False,
        bold=True,
        size=TITLE_PT,
        after=0,
        keep_with_next=True,
    )
    title.paragraph_format.page_break_before = True
    paragraph(
        doc,
        t(lang, "op_annex_subject", campaign=data.campaign_name, review=review),
        align=CENTER,
        indent=False,
        bold=True,
        size=TITLE_PT,
        after=0,
        keep_with_next=True,
    )
    paragraph(
        doc,
        t(lang, "op_annex_attached", year=year, unit=sentence_unit(data.unit)),
        align=CENTER,
        indent=False,
        italic=True,
        after=0,
        keep_with_next=True,
    )
    line = rule(doc, _ANNEX_RULE_CM, TEXT_CM).paragraph_format
    # Under an italic line the layout's 2 pt lets the rule touch the descenders
    line.space_before, line.space_after = Pt(5), Pt(6)
    collectives, people, specials = _collectives(data), _individuals(data), _specials(data)
    names = [CENTER, LEFT]
    heading(doc, t(lang, "op_annex_h_collective", n=len(collectives)))
    if collectives:
        table(
            doc,
            [
                t(lang, key)
                for key in (
                    "op_col_no",
                    "op_col_collective_name",
                    "op_col_total",
                    "op_col_guided",
                    "op_col_coverage",
                )
            ],
            [
                [
                    str(i),
                    t(lang, "op_collective_name", hamlet=sentence_unit(h.name)),
                    _n(lang, h.total),
                    _n(lang, h.guided),
                    fmt_pct(lang, h.coverage),
                ]
                for i, h in enumerate(collectives, start=1)
            ],
            _ANNEX_HAMLETS_CM,
            aligns=[*names, CENTER, CENTER, CENTER],
        )
    else:
        paragraph(doc, t(lang, "op_annex_none"))
    _annex_tied(doc, lang, data.elig.collective)
    heading(doc, t(lang, "op_annex_h_individual", n=len(people)))
    if people:
        table(
            doc,
            [
                t(lang, key)
                for key in (
                    "op_col_no",
                    "op_col_name",
                    "op_col_unit",
                    "op_col_households",
                    "op_col_active_days",
                )
            ],
            [
                [
                    str(i),
                    o.name,
                    o.hamlet_name or "–",
                    _n(lang, o.households),
                    _n(lang, o.active_days),
                ]
                for i, o in enumerate(people, start=1)
            ],
            _ANNEX_PEOPLE_CM,
            aligns=[*names, LEFT, CENTER, CENTER],
        )
    else:
        paragraph(doc, t(lang, "op_annex_none"))
    _annex_tied(doc, lang, data.elig.individual)
    if specials or data.elig.special.tied:
        heading(doc, t(lang, "op_annex_h_special", n=len(specials)))
        if specials:
            table(
                doc,
                [
                    t(lang, key)
                    for key in (
                        "op_col_no",
                        "op_col_hamlet",
                        "op_col_total",
                        "op_col_required",
                        "op_col_special",
                    )
                ],
                [
                    [str(i), h.name, _n(lang, h.total), str(h.required), _n(lang, h.special)]
                    for i, h in enumerate(specials, start=1)
                ],
                _ANNEX_HAMLETS_CM,
                aligns=[*names, CENTER, CENTER, CENTER],
            )
        _annex_tied(doc, lang, data.elig.special)
    paragraph(
        doc,
        t(
            lang,
            "op_annex_total" if data.elig.special.cap else "op_annex_total_plain",
            collectives=len(collectives),
            people=len(people),
            specials=len(specials),
        ),
        italic=True,
        before=6,
    )
    # Here, not in the decision's articles: the list is what the proposal's rows gave
    _trace(doc, data, lang)


def _annex_tied(doc: DocxDocument, lang: str, section: Section[S]) -> None:
    tied = list(section.tied)
    if tied:
        names = ", ".join(line.subject.name for line in tied)
        paragraph(
            doc,
            t(lang, "op_annex_tied", seats=section.seats_left, n=len(tied), names=names),
            italic=True,
            size=_TABLE_SMALL_PT,
        )
