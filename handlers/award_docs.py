"""Award dossier documents (python-docx): the hamlet's submission (Tờ trình) and the minutes
of the review meeting (Biên bản họp xét), filled with the hamlet's figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from handlers.i18n import fmt_date, fmt_int, fmt_pct, t


@dataclass(frozen=True)
class OfficerLine:
    name: str
    households: int  # distinct households this officer guided in the period
    active_days: int
    proposed: bool  # on the individual award list


@dataclass(frozen=True)
class DossierData:
    unit: str  # "Đặc khu Kiên Hải" (the commune-level unit)
    campaign_name: str  # the movement's name
    review: str  # "sơ kết 6 tháng đầu năm 2026" / "tổng kết năm 2026" (from the catalog)
    period_start: date
    period_end: date
    hamlet_code: str
    hamlet_name: str  # "Ấp Bãi Nhà A"
    collective: bool  # proposed for the collective award
    collective_rank: int | None
    special: bool  # proposed for a special prize
    special_rank: int | None
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


_FONT = "Times New Roman"
_BODY_PT = 13
_HEADER_PT = 12  # Nghị định 30/2020: agency and national names in 12–13 pt, 13 pt overflows
_TITLE_PT = 14
_RECIPIENTS_PT = 11
_PAGE_CM = (21.0, 29.7)  # A4
_TOP_CM, _BOTTOM_CM, _LEFT_CM, _RIGHT_CM = 2.0, 2.0, 3.0, 2.0
_TEXT_CM = _PAGE_CM[0] - _LEFT_CM - _RIGHT_CM
_INDENT_CM = 1.0
_HEADER_CM = (6.8, _TEXT_CM - 6.8)
_SIGNATURE_CM = (7.0, _TEXT_CM - 7.0)
_FIGURES_CM = (1.5, 9.3, _TEXT_CM - 10.8)
_OFFICERS_CM = (1.5, 7.5, 3.5, _TEXT_CM - 12.5)
_ISSUER_RULE_CM = 2.5
_SUBJECT_RULE_CM = 4.0
_EM_PER_CHAR = 0.45  # average Times glyph width, to size the rule under the motto
_TOP_PROCEDURES = 5
_MEMBER_LINES = 3
_SIGNATURE_LINES = 4  # room for the handwritten signature
_LANG_TAGS = {"vi": "vi-VN", "en": "en-US"}

_LEFT = WD_ALIGN_PARAGRAPH.LEFT
_CENTER = WD_ALIGN_PARAGRAPH.CENTER
_JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY

_Container = DocxDocument | _Cell  # both have add_paragraph()


def write_submission(path: Path, data: DossierData, lang: str) -> None:
    """Tờ trình đề nghị khen thưởng."""
    doc = _new_document(lang)
    _header(doc, data, lang, "doc_number_submission")
    _title(doc, t(lang, "doc_submission_title"), _subject(data, lang, minutes=False))
    _para(doc, t(lang, "doc_recipient", unit=data.unit), align=_CENTER, indent=False,
          before=6, after=12)
    _para(doc, t(lang, "doc_basis_plan", year=data.period_start.year, unit=data.unit,
                 campaign=data.campaign_name), italic=True)
    _para(doc, t(lang, "doc_basis_meeting", hamlet=data.hamlet_name), italic=True)
    _para(doc, t(lang, "doc_submission_intro", hamlet=data.hamlet_name))
    _heading(doc, f"I. {t(lang, 'doc_section_results')}")
    _results(doc, data, lang)
    _heading(doc, f"II. {t(lang, 'doc_section_proposal')}")
    _para(doc, t(lang, "doc_proposal_intro", hamlet=data.hamlet_name, unit=data.unit))
    _proposals(doc, data, lang)
    _para(doc, t(lang, "doc_attachments", file=data.evidence_file))
    _para(doc, t(lang, "doc_submission_closing", hamlet=data.hamlet_name, unit=data.unit))
    _trace(doc, data, lang)
    _submission_signature(doc, lang)
    doc.core_properties.title = t(lang, "doc_submission_title")
    doc.save(str(path))


def write_minutes(path: Path, data: DossierData, lang: str) -> None:
    """Biên bản họp xét đề nghị khen thưởng."""
    doc = _new_document(lang)
    _header(doc, data, lang, "doc_number_minutes")
    _title(doc, t(lang, "doc_minutes_title"), _subject(data, lang, minutes=True))
    _para(doc, t(lang, "doc_minutes_time", year=data.snapshot_at.year), before=6)
    _para(doc, t(lang, "doc_minutes_place"))
    _para(doc, t(lang, "doc_minutes_attendees"), bold=True)
    for key in ("doc_minutes_chair", "doc_minutes_secretary", "doc_minutes_members"):
        _para(doc, t(lang, key), align=_LEFT)
    for _ in range(_MEMBER_LINES):
        _para(doc, t(lang, "doc_minutes_member"), align=_LEFT, indent_cm=2 * _INDENT_CM)
    _para(doc, t(lang, "doc_minutes_content"), bold=True)
    _para(doc, t(lang, "doc_minutes_intro", hamlet=data.hamlet_name))
    number = _results(doc, data, lang)
    _heading(doc, f"{number}. {t(lang, 'doc_proposals_head')}")
    _proposals(doc, data, lang)
    _para(doc, t(lang, "doc_minutes_evidence", file=data.evidence_file))
    _heading(doc, f"{number + 1}. {t(lang, 'doc_minutes_vote')}")
    _para(doc, t(lang, "doc_minutes_closing"))
    _trace(doc, data, lang)
    _two_signatures(doc, lang)
    doc.core_properties.title = t(lang, "doc_minutes_title")
    doc.save(str(path))


# --- content -------------------------------------------------------------------------------

def _subject(data: DossierData, lang: str, *, minutes: bool) -> str:
    kinds = [key for key, wanted in (("doc_what_collective", data.collective),
                                     ("doc_what_individual", _proposed(data)),
                                     ("doc_what_special", data.special)) if wanted]
    values = {"campaign": data.campaign_name, "review": data.review}
    if not kinds:
        key = "doc_minutes_subject_generic" if minutes else "doc_subject_generic"
        return t(lang, key, **values)
    words = [t(lang, key) for key in kinds]
    what = ", ".join(words[:-1]) + t(lang, "doc_and") + words[-1] if len(words) > 1 else words[0]
    return t(lang, "doc_minutes_subject" if minutes else "doc_submission_subject",
             what=what, **values)


def _proposed(data: DossierData) -> list[OfficerLine]:
    return [officer for officer in data.officers if officer.proposed]


def _results(doc: DocxDocument, data: DossierData, lang: str) -> int:
    """Figures, achievement summary and procedures as items 1–3; returns the next item number."""
    _para(doc, t(lang, "doc_period", start=fmt_date(data.period_start),
                 end=fmt_date(data.period_end)))
    _heading(doc, f"1. {t(lang, 'doc_figures_head')}")
    _figures_table(doc, data, lang)
    _heading(doc, f"2. {t(lang, 'doc_achievements_head')}")
    _para(doc, _achievements(data, lang))
    _heading(doc, f"3. {t(lang, 'doc_procedures_head')}")
    lines = [t(lang, "doc_procedure_line", name=name, n=fmt_int(lang, households))
             for name, households in data.procedures[:_TOP_PROCEDURES]]
    for line in lines or [t(lang, "doc_procedures_none")]:
        _para(doc, line, align=_LEFT)
    return 4


def _figure_rows(data: DossierData, lang: str) -> list[tuple[str, str, bool]]:
    """(label, value, breaks down the row above)."""
    def num(value: int) -> str:
        return fmt_int(lang, value)

    total_key = "doc_fig_total_roster" if data.roster_based else "doc_fig_total_configured"
    configured = data.configured_households
    if data.roster_based and configured is not None and configured != data.total_households:
        total_key = "doc_fig_total_roster_configured"
    wrong_key = "doc_fig_wrong_number_failed" if data.wrong_number_fails \
        else "doc_fig_wrong_number"
    checks = [("doc_fig_confirmed", data.checks_confirmed),
              ("doc_fig_failed", data.checks_failed),
              (wrong_key, data.checks_wrong_number),
              ("doc_fig_overturned", data.checks_overturned),
              ("doc_fig_unreachable", data.checks_unreachable)]
    return [
        (t(lang, "doc_fig_total"), t(lang, total_key, n=num(data.total_households),
                                     configured=num(configured or 0)), False),
        (t(lang, "doc_fig_guided"), num(data.guided), False),
        (t(lang, "doc_fig_coverage"), fmt_pct(lang, data.coverage), False),
        (t(lang, "doc_fig_threshold"), fmt_pct(lang, data.threshold), False),
        (t(lang, "doc_fig_required"), num(data.required_procedures), False),
        (t(lang, "doc_fig_special", n=num(data.required_procedures)),
         num(data.special_households), False),
        (t(lang, "doc_fig_entries"), num(data.entries), False),
        (t(lang, "doc_fig_days"), f"{num(data.active_days)}/{num(data.period_days)}", False),
        (t(lang, "doc_fig_called"), num(data.checks_called), False),
        *((t(lang, key), num(value), True) for key, value in checks),
    ]


def _achievements(data: DossierData, lang: str) -> str:
    def num(value: int) -> str:
        return fmt_int(lang, value)

    threshold = fmt_pct(lang, data.threshold)
    sentences = [
        t(lang, "doc_summary_coverage", start=fmt_date(data.period_start),
          end=fmt_date(data.period_end), hamlet=data.hamlet_name, guided=num(data.guided),
          total=num(data.total_households), coverage=fmt_pct(lang, data.coverage)),
        t(lang, "doc_summary_met" if data.coverage >= data.threshold else "doc_summary_not_met",
          threshold=threshold),
        t(lang, "doc_summary_pace", entries=num(data.entries), active=num(data.active_days),
          period=num(data.period_days)),
        t(lang, "doc_summary_special", special=num(data.special_households),
          n=num(data.required_procedures),
          pct=fmt_pct(lang, data.special_households / max(data.total_households, 1))),
        _checks_sentence(data, lang),
    ]
    return " ".join(sentences)


def _checks_sentence(data: DossierData, lang: str) -> str:
    if not data.checks_called:
        return t(lang, "doc_summary_no_checks")
    parts = [t(lang, "doc_summary_checks", confirmed=fmt_int(lang, data.checks_confirmed),
               called=fmt_int(lang, data.checks_called))]
    wrong = data.checks_wrong_number
    failed = data.checks_failed + (wrong if data.wrong_number_fails else 0)
    if failed:
        parts.append(t(lang, "doc_summary_failed", n=fmt_int(lang, failed)))
    else:
        parts.append(t(lang, "doc_summary_no_failed"))
    if wrong:
        parts.append(t(lang, "doc_summary_wrong_number_failed" if data.wrong_number_fails
                       else "doc_summary_wrong_number", n=fmt_int(lang, wrong)))
    if data.checks_overturned:
        parts.append(t(lang, "doc_summary_overturned", n=fmt_int(lang, data.checks_overturned)))
    if data.checks_unreachable:
        parts.append(t(lang, "doc_summary_unreachable",
                       n=fmt_int(lang, data.checks_unreachable)))
    return "; ".join(parts) + "."


def _proposals(doc: DocxDocument, data: DossierData, lang: str) -> None:
    def rank(value: int | None) -> str:
        return t(lang, "doc_rank", rank=value) if value else ""

    items: list[str] = []
    if data.collective:
        items.append(t(lang, "doc_proposal_collective", unit=data.unit, hamlet=data.hamlet_name,
                       coverage=fmt_pct(lang, data.coverage), rank=rank(data.collective_rank)))
    if data.special:
        items.append(t(lang, "doc_proposal_special", hamlet=data.hamlet_name,
                       special=fmt_int(lang, data.special_households),
                       total=fmt_int(lang, data.total_households),
                       n=fmt_int(lang, data.required_procedures),
                       rank=rank(data.special_rank)))
    for number, text in enumerate(items, start=1):
        _para(doc, f"{number}. {text}")
    officers = _proposed(data)
    if officers:
        _para(doc, f"{len(items) + 1}. " + t(lang, "doc_proposal_individuals", unit=data.unit,
                                              n=fmt_int(lang, len(officers))))
        _officers_table(doc, officers, lang)


def _trace(doc: DocxDocument, data: DossierData, lang: str) -> None:
    # snapshot_at is already local time: shown as taken, not converted
    at = f"{data.snapshot_at:%H:%M} {fmt_date(data.snapshot_at)}"
    _para(doc, t(lang, "doc_trace", at=at, id=data.proposal_id), italic=True,
          size=_RECIPIENTS_PT, before=6)


# --- layout --------------------------------------------------------------------------------

def _new_document(lang: str) -> DocxDocument:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(_PAGE_CM[0]), Cm(_PAGE_CM[1])
    section.top_margin, section.bottom_margin = Cm(_TOP_CM), Cm(_BOTTOM_CM)
    section.left_margin, section.right_margin = Cm(_LEFT_CM), Cm(_RIGHT_CM)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    _set_fonts(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")), lang)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(_BODY_PT)
    _set_fonts(normal.element.get_or_add_rPr(), lang)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.0
    return doc


def _set_fonts(rpr: BaseOxmlElement, lang: str) -> None:
    # Theme fonts would win over Times for Vietnamese (East Asian / complex script) runs
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), _FONT)
    language = rpr.find(qn("w:lang"))
    if language is not None:
        language.set(qn("w:val"), _LANG_TAGS.get(lang, _LANG_TAGS["vi"]))


def _para(container: _Container, text: str = "", *, align: WD_ALIGN_PARAGRAPH = _JUSTIFY,
          indent: bool = True, indent_cm: float = _INDENT_CM, bold: bool = False,
          italic: bool = False, size: float = _BODY_PT, before: float = 0,
          after: float = 6) -> Paragraph:
    paragraph = _next_paragraph(container)
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if indent:
        fmt.first_line_indent = Cm(indent_cm)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        run.font.size = Pt(size)
    return paragraph


def _next_paragraph(container: _Container) -> Paragraph:
    # A new table cell already holds one empty paragraph: fill it rather than leave a blank line
    paragraphs = container.paragraphs
    if isinstance(container, _Cell) and len(paragraphs) == 1 and not paragraphs[0].runs:
        return paragraphs[0]
    return container.add_paragraph()


def _line(cell: _Cell, text: str, *, bold: bool = False, italic: bool = False,
          size: float = _BODY_PT, align: WD_ALIGN_PARAGRAPH = _CENTER, before: float = 0,
          after: float = 0) -> Paragraph:
    return _para(cell, text, align=align, indent=False, bold=bold, italic=italic, size=size,
                 before=before, after=after)


def _rule(container: _Container, width_cm: float, container_cm: float) -> None:
    """A short centred horizontal line, as under the issuer, the motto and the subject."""
    paragraph = _next_paragraph(container)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for attr, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"),
                        ("w:color", "auto")):
        top.set(qn(attr), value)
    borders.append(top)
    properties = paragraph._p.get_or_add_pPr()
    properties.append(borders)
    side = Cm(max((container_cm - width_cm) / 2, 0))
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = side
    fmt.space_before, fmt.space_after = Pt(2), Pt(0)
    # A 1 pt paragraph mark keeps the line close under the text; exact line spacing instead
    # makes LibreOffice draw it through the line above
    mark, size = OxmlElement("w:rPr"), OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    mark.append(size)
    properties.append(mark)


def _text_cm(text: str, size: float) -> float:
    return len(text) * size * _EM_PER_CHAR * 2.54 / 72


def _header(doc: DocxDocument, data: DossierData, lang: str, number_key: str) -> None:
    """Issuer left, national name right; number and date share the second row so they align."""
    table = _grid(doc, 2, _HEADER_CM, borders=False)
    issuer, nation = table.rows[0].cells
    _line(issuer, t(lang, "doc_parent_unit", unit=data.unit).upper(), size=_HEADER_PT)
    _line(issuer, t(lang, "doc_issuer", hamlet=data.hamlet_name).upper(), bold=True,
          size=_HEADER_PT)
    _rule(issuer, _ISSUER_RULE_CM, _HEADER_CM[0])
    _line(nation, t(lang, "doc_nation"), bold=True, size=_HEADER_PT)
    motto = t(lang, "doc_motto")
    _line(nation, motto, bold=True)
    _rule(nation, _text_cm(motto, _BODY_PT), _HEADER_CM[1])
    number, place_date = table.rows[1].cells
    _line(number, t(lang, number_key), before=6)
    _line(place_date, t(lang, "doc_place_date", place=data.hamlet_name,
                        year=data.snapshot_at.year), italic=True, before=6)


def _title(doc: DocxDocument, title: str, subject: str) -> None:
    _para(doc, title, align=_CENTER, indent=False, bold=True, size=_TITLE_PT, before=18, after=0)
    _para(doc, subject, align=_CENTER, indent=False, bold=True, size=_TITLE_PT, after=0)
    _rule(doc, _SUBJECT_RULE_CM, _TEXT_CM)


def _heading(doc: DocxDocument, text: str) -> None:
    _para(doc, text, bold=True, before=6)


def _figures_table(doc: DocxDocument, data: DossierData, lang: str) -> None:
    rows = _figure_rows(data, lang)
    table = _grid(doc, len(rows) + 1, _FIGURES_CM, borders=True)
    _table_head(table, [t(lang, "doc_col_no"), t(lang, "doc_col_item"),
                        t(lang, "doc_col_value")])
    number = 0
    for row, (label, value, breakdown) in zip(table.rows[1:], rows, strict=True):
        if not breakdown:
            number += 1
        no, item, figure = row.cells
        _cell_text(no, "" if breakdown else str(number))
        _cell_text(item, label, align=_LEFT, italic=breakdown)
        _cell_text(figure, value)
    _para(doc, after=0)


def _officers_table(doc: DocxDocument, officers: Sequence[OfficerLine], lang: str) -> None:
    table = _grid(doc, len(officers) + 1, _OFFICERS_CM, borders=True)
    _table_head(table, [t(lang, "doc_col_no"), t(lang, "doc_col_name"),
                        t(lang, "doc_col_households"), t(lang, "doc_col_days")])
    for number, (row, officer) in enumerate(zip(table.rows[1:], officers, strict=True), start=1):
        cells = row.cells
        _cell_text(cells[0], str(number))
        _cell_text(cells[1], officer.name, align=_LEFT)
        _cell_text(cells[2], fmt_int(lang, officer.households))
        _cell_text(cells[3], fmt_int(lang, officer.active_days))
    _para(doc, after=0)


def _table_head(table: Table, labels: Sequence[str]) -> None:
    row = table.rows[0]
    for cell, label in zip(row.cells, labels, strict=True):
        _cell_text(cell, label, bold=True)
    repeat = OxmlElement("w:tblHeader")  # repeated on the next page when the table breaks
    row._tr.get_or_add_trPr().append(repeat)


def _cell_text(cell: _Cell, text: str, *, align: WD_ALIGN_PARAGRAPH = _CENTER,
               bold: bool = False, italic: bool = False) -> None:
    _line(cell, text, bold=bold, italic=italic, align=align, before=2, after=2)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _grid(doc: DocxDocument, rows: int, widths_cm: Sequence[float], *, borders: bool) -> Table:
    table: Table = doc.add_table(rows=rows, cols=len(widths_cm))
    if borders:
        table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    if not borders:
        _no_cell_margins(table)
    return table


def _no_cell_margins(table: Table) -> None:
    # The national name in 12 pt bold needs nearly the whole right column
    margins = OxmlElement("w:tblCellMar")
    for side in ("w:left", "w:right"):
        margin = OxmlElement(side)
        margin.set(qn("w:w"), "0")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption",
                                           "w:tblDescription", "w:tblPrChange")


def _submission_signature(doc: DocxDocument, lang: str) -> None:
    _para(doc, after=0)
    table = _grid(doc, 1, _SIGNATURE_CM, borders=False)
    recipients, signer = table.rows[0].cells
    _line(recipients, t(lang, "doc_recipients_head"), bold=True, italic=True,
          size=_HEADER_PT, align=_LEFT)
    for key in ("doc_recipient_above", "doc_recipient_archive"):
        _line(recipients, t(lang, key), size=_RECIPIENTS_PT, align=_LEFT)
    _signature(signer, t(lang, "doc_sign_head"), lang)


def _two_signatures(doc: DocxDocument, lang: str) -> None:
    half = _TEXT_CM / 2
    _para(doc, after=0)
    table = _grid(doc, 1, (half, half), borders=False)
    secretary, chair = table.rows[0].cells
    _signature(secretary, t(lang, "doc_sign_secretary"), lang)
    _signature(chair, t(lang, "doc_sign_chair"), lang)


def _signature(cell: _Cell, title: str, lang: str) -> None:
    _line(cell, title, bold=True)
    _line(cell, t(lang, "doc_sign_hint"), italic=True)
    for _ in range(_SIGNATURE_LINES):
        _line(cell, "")
