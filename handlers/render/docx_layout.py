"""Administrative documents laid out after Nghị định 30/2020/NĐ-CP (python-docx).

The building blocks every paper of the product shares: an A4 page with the decree's margins
and Times New Roman 13 pt, the two-column header (issuing body | national name and motto,
then number | place and date), the document title and subject, headings, justified body
text, bordered tables, the signature block with "Nơi nhận:", page numbers from page 2 and
the "DỰ THẢO" mark. Callers pass text already translated; nothing here reads the catalog.

Typical use::

    doc = new_document("vi")
    national_header(doc, superior=["ỦY BAN NHÂN DÂN", "ĐẶC KHU KIÊN HẢI"],
                    issuer=["BAN NHÂN DÂN ẤP BÃI NHÀ A"], number="Số: ……/TTr-……",
                    place_date=place_date_vi("Kiên Hải", year=2027))
    document_title(doc, "TỜ TRÌNH", "Về việc đề nghị khen thưởng …")
    heading(doc, "I. KẾT QUẢ THỰC HIỆN")
    paragraph(doc, "…")
    signature_block(doc, Signer("TRƯỞNG ẤP", authority="TM. BAN NHÂN DÂN ẤP"),
                    recipients=["- Như trên;", "- Lưu: VT."])
    page_numbers(doc)
    save(doc, path, title="Tờ trình")
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias

from handlers.engine.i18n import template

# python-docx (with lxml) is imported by the functions that build a document, not when the
# bot starts (issue 22); these names are for the annotations only.
if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.section import _Header
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_PT = 13.0
HEADER_PT = 12.0  # agency and national names: 12–13 pt; 13 pt bold overflows the column
TITLE_PT = 14.0
RECIPIENTS_HEAD_PT = 12.0
RECIPIENTS_PT = 11.0
TABLE_PT = 12.0
PAGE_CM = (21.0, 29.7)  # A4
TOP_CM, BOTTOM_CM, LEFT_CM, RIGHT_CM = 2.0, 2.0, 3.0, 2.0  # NĐ30: 20–25, 20–25, 30–35, 15–20 mm
HEADER_DISTANCE_CM = 1.0  # the page number sits in the top margin
TEXT_CM = PAGE_CM[0] - LEFT_CM - RIGHT_CM  # 16 cm of line
INDENT_CM = 1.0  # first-line indent of body paragraphs (NĐ30: 1–1.27 cm)
HEADER_COLUMNS_CM = (6.8, TEXT_CM - 6.8)
SIGNATURE_COLUMNS_CM = (7.0, TEXT_CM - 7.0)

NATION_VI = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_VI = "Độc lập - Tự do - Hạnh phúc"
DRAFT_VI = "DỰ THẢO"
SIGN_HINT_VI = "(Ký, ghi rõ họ tên)"
RECIPIENTS_HEAD_VI = "Nơi nhận:"
NAME_LINE = "……………………………"
DOTS = "……"

# A paragraph's alignment, named here so callers need no python-docx to say it.
Align = Literal["left", "center", "right", "justify"]
LEFT: Align = "left"
CENTER: Align = "center"
RIGHT: Align = "right"
JUSTIFY: Align = "justify"

Container: TypeAlias = "DocxDocument | _Cell | _Header"  # anything with add_paragraph()

_ISSUER_RULE_CM = 2.2  # NĐ30: one third to one half of the issuer's line
_SUBJECT_RULE_CM = 4.0
_EM_PER_CHAR = 0.45  # average Times glyph width in em, to size the rule under the motto
_SIGNATURE_BLANK_LINES = 4  # room for the handwritten signature and the seal
_LANG_TAGS = {"vi": "vi-VN", "en": "en-US"}
# Administrative-unit words before a place's own name: "Đặc khu Kiên Hải" is in "Kiên Hải"
_UNIT_WORDS = (
    "đặc khu",
    "thành phố",
    "thị trấn",
    "thị xã",
    "phường",
    "xã",
    "huyện",
    "quận",
    "tỉnh",
    "ấp",
    "thôn",
    "khu phố",
    "tổ dân phố",
    "bản",
    "special zone",
    "commune",
    "ward",
    "town",
    "city",
    "district",
    "province",
    "hamlet",
)


@dataclass(frozen=True)
class Span:
    """A piece of a paragraph with its own emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Signer:
    """Who signs, as NĐ30 prints it: authority line (TM./KT./Q./TL./TUQ.) over the title,
    the hint, room for the signature, then the name (or a line to write it on)."""

    title: str  # "TRƯỞNG ẤP", "PHÓ TRƯỞNG PHÒNG", "CHỦ TỊCH", "THƯ KÝ"
    authority: str = ""  # "TM. BAN NHÂN DÂN ẤP", "KT. TRƯỞNG PHÒNG", "TM. ỦY BAN NHÂN DÂN"
    hint: str = SIGN_HINT_VI  # "" when the template has none
    name: str = ""  # "" prints NAME_LINE to be filled by hand
    blank_lines: int = _SIGNATURE_BLANK_LINES


def _alignment(align: Align) -> WD_ALIGN_PARAGRAPH:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]


# --- the page ------------------------------------------------------------------------------


def new_document(lang: str = "vi") -> DocxDocument:
    """An empty A4 document: NĐ30 margins, Times New Roman 13 pt, single spacing, 6 pt after
    each paragraph, widow and orphan control on."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(PAGE_CM[0]), Cm(PAGE_CM[1])
    section.top_margin, section.bottom_margin = Cm(TOP_CM), Cm(BOTTOM_CM)
    section.left_margin, section.right_margin = Cm(LEFT_CM), Cm(RIGHT_CM)
    section.header_distance = section.footer_distance = Cm(HEADER_DISTANCE_CM)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        default_rpr = defaults.find(qn("w:rPrDefault"))
        if default_rpr is not None and default_rpr.find(qn("w:rPr")) is not None:
            _set_fonts(default_rpr.find(qn("w:rPr")), lang)
    for name in ("Normal", "Header", "Footer"):
        style = doc.styles[name]
        _set_fonts(style.element.get_or_add_rPr(), lang)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(6)
    fmt.line_spacing = 1.0
    fmt.widow_control = True
    return doc


def _set_fonts(rpr: BaseOxmlElement, lang: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    # Theme fonts would win over Times for Vietnamese (East Asian / complex script) runs
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        rpr.append(language)
    language.set(qn("w:val"), _LANG_TAGS.get(lang, _LANG_TAGS["vi"]))


def page_numbers(doc: DocxDocument, *, where: Literal["header", "footer"] = "header") -> None:
    """Arabic page numbers centred at the top (NĐ30) or bottom, none on the first page."""
    from docx.shared import Pt

    section = doc.sections[0]
    section.different_first_page_header_footer = True
    part = section.header if where == "header" else section.footer
    part.is_linked_to_previous = False
    target = part.paragraphs[0] if part.paragraphs else part.add_paragraph()
    target.alignment = _alignment(CENTER)
    target.paragraph_format.space_after = Pt(0)
    _field(target, "PAGE", size=BODY_PT)


def _field(paragraph: Paragraph, instruction: str, *, size: float) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def run_with(child: BaseOxmlElement) -> None:
        run = paragraph.add_run()
        run.font.size = Pt(size)
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run_with(code)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    shown = paragraph.add_run("1")  # what readers that do not update fields show
    shown.font.size = Pt(size)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def mark_draft(doc: DocxDocument, text: str = DRAFT_VI) -> Paragraph:
    """A boxed, bold mark in the first page's top-right corner. It lives in the first page's
    header so the body keeps the layout of the final paper."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    section = doc.sections[0]
    section.different_first_page_header_footer = True
    header = section.first_page_header
    header.is_linked_to_previous = False
    target = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    target.alignment = _alignment(RIGHT)
    target.paragraph_format.space_after = Pt(0)
    run = target.add_run(f" {text} ")
    run.bold = True
    run.font.size = Pt(BODY_PT)
    border = OxmlElement("w:bdr")
    for attr, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "0"), ("w:color", "auto")):
        border.set(qn(attr), value)
    run._r.get_or_add_rPr().append(border)
    return target


def draft_marks(doc: DocxDocument) -> list[str]:
    """The draft mark's text if the document carries one (for tests and checks)."""
    section = doc.sections[0]
    if not section.different_first_page_header_footer:
        return []
    return [p.text.strip() for p in section.first_page_header.paragraphs if p.text.strip()]


def save(doc: DocxDocument, path: Path, *, title: str = "") -> None:
    """Write the file, first making sure nothing can spill onto a blank last page."""
    finish(doc)
    if title:
        doc.core_properties.title = title
    doc.save(str(path))


def finish(doc: DocxDocument) -> None:
    """Word needs a paragraph after a closing table; make it a 1 pt line with no spacing so
    it never starts a page of its own, and drop extra empty paragraphs at the end."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    body = doc.element.body
    blocks = [child for child in body if child.tag in (qn("w:p"), qn("w:tbl"))]
    while (
        len(blocks) >= 2
        and blocks[-1].tag == qn("w:p")
        and _empty(blocks[-1])
        and blocks[-2].tag == qn("w:p")
        and _empty(blocks[-2])
    ):
        body.remove(blocks.pop())
    if blocks and blocks[-1].tag == qn("w:tbl"):
        _shrink(doc.add_paragraph())
    elif blocks and _empty(blocks[-1]):
        _shrink(Paragraph(blocks[-1], doc._body))


def _empty(p: BaseOxmlElement) -> bool:
    from docx.oxml.ns import qn

    return (
        not "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
        and not list(p.iter(qn("w:drawing")))
        and not list(p.iter(qn("w:br")))
    )


def _shrink(paragraph: Paragraph) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = None
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(1)
    _mark_size(paragraph, 1)


def _mark_size(paragraph: Paragraph, points: float) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = paragraph._p.get_or_add_pPr()
    mark = properties.find(qn("w:rPr"))
    if mark is None:
        mark = OxmlElement("w:rPr")
        properties.append(mark)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(int(points * 2)))
    mark.append(size)


# --- text ----------------------------------------------------------------------------------


def paragraph(
    container: Container,
    text: str | Sequence[Span] = "",
    *,
    align: Align = JUSTIFY,
    indent: bool = True,
    indent_cm: float = INDENT_CM,
    left_cm: float = 0,
    bold: bool = False,
    italic: bool = False,
    size: float = BODY_PT,
    before: float = 0,
    after: float = 6,
    keep_with_next: bool = False,
) -> Paragraph:
    """A body paragraph: justified with a first-line indent unless told otherwise. `text`
    may be a list of spans; `bold`/`italic` then apply on top of each span's own."""
    from docx.shared import Cm, Pt

    target = _next_paragraph(container)
    target.alignment = _alignment(align)
    fmt = target.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if indent:
        fmt.first_line_indent = Cm(indent_cm)
    if left_cm:
        fmt.left_indent = Cm(left_cm)
    if keep_with_next:
        fmt.keep_with_next = True
    spans = [Span(text)] if isinstance(text, str) else list(text)
    for span in spans:
        if not span.text:
            continue
        run = target.add_run(span.text)
        run.bold = (bold or span.bold) or None
        run.italic = (italic or span.italic) or None
        run.font.size = Pt(size)
    return target


def _next_paragraph(container: Container) -> Paragraph:
    from docx.document import Document as DocxDocument

    # A new table cell or header already holds one empty paragraph: fill it, no blank line
    paragraphs = container.paragraphs
    if not isinstance(container, DocxDocument) and len(paragraphs) == 1 and not paragraphs[0].runs:
        return paragraphs[0]
    return container.add_paragraph()


def heading(doc: DocxDocument, text: str, *, level: int = 1, before: float = 6) -> Paragraph:
    """Section headings as NĐ30 papers write them: level 1 "I. ..." bold (caller gives caps),
    level 2 "1. ..." bold, level 3 "a) ..." bold italic; all indented like the body and kept
    with the next paragraph so a heading never ends a page."""
    return paragraph(doc, text, bold=True, italic=level >= 3, before=before, keep_with_next=True)


def item(
    doc: DocxDocument,
    text: str | Sequence[Span],
    *,
    mark: str = "-",
    keep_with_next: bool = False,
    after: float = 3,
) -> Paragraph:
    """A list line "- text" (or "+ text"), indented like body text, wrapped lines flush left."""
    spans = [Span(f"{mark} ")] + ([Span(text)] if isinstance(text, str) else list(text))
    return paragraph(doc, spans, after=after, keep_with_next=keep_with_next)


def dotted_line(
    container: Container, label: str = "", *, width_cm: float = TEXT_CM, after: float = 6
) -> Paragraph:
    """A line to fill in by hand: `label` then dots to the right margin (a tab with a dot
    leader, so it never wraps whatever the font)."""
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm

    target = paragraph(container, label + "\t", align=LEFT, indent=False, after=after)
    target.paragraph_format.tab_stops.add_tab_stop(
        Cm(width_cm), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
    )
    return target


def addressee(doc: DocxDocument, recipients: Sequence[str], *, label: str = "Kính gửi:") -> None:
    """ "Kính gửi: X" centred on one line; several recipients listed under the label."""
    if len(recipients) == 1:
        paragraph(doc, f"{label} {recipients[0]}", align=CENTER, indent=False, before=6, after=12)
        return
    paragraph(
        doc, label, align=LEFT, indent=True, indent_cm=3.0, before=6, after=0, keep_with_next=True
    )
    for n, name in enumerate(recipients):
        paragraph(
            doc,
            f"- {name}",
            align=LEFT,
            indent=False,
            left_cm=4.0,
            after=12 if n == len(recipients) - 1 else 0,
            keep_with_next=True,
        )


def rule(
    container: Container, width_cm: float, container_cm: float = TEXT_CM, *, before: float = 2
) -> Paragraph:
    """A short centred horizontal line, as under the issuer, the motto and the subject;
    `before` keeps it clear of the descenders of the line above."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    target = _next_paragraph(container)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for attr, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        top.set(qn(attr), value)
    borders.append(top)
    properties = target._p.get_or_add_pPr()
    properties.append(borders)
    side = Cm(max((container_cm - width_cm) / 2, 0))
    fmt = target.paragraph_format
    fmt.left_indent = fmt.right_indent = side
    fmt.first_line_indent = None
    fmt.space_before, fmt.space_after = Pt(before), Pt(0)
    # A 1 pt paragraph mark keeps the line close under the text; exact line spacing instead
    # makes LibreOffice draw it through the line above
    _mark_size(target, 1)
    return target


def text_cm(text: str, size: float) -> float:
    """Rough printed width of a line of Times text, to size rules under it."""
    return len(text) * size * _EM_PER_CHAR * 2.54 / 72


def place_date_vi(
    locality: str, *, year: int, month: int | None = None, day: int | None = None
) -> str:
    """ "Kiên Hải, ngày …… tháng …… năm 2027": blanks where the day is written by hand;
    days and months below 10 get their leading zero as NĐ30 asks."""
    dd = f"{day:02d}" if day else DOTS
    mm = f"{month:02d}" if month else DOTS
    return f"{locality}, ngày {dd} tháng {mm} năm {year}"


ZONE_WORD = "đặc khu"  # the unit word the catalog's papers are written with
HAMLET_WORD = "ấp"  # and the hamlet word
# What a hamlet's name may start with ("Thôn 1", "Tổ dân phố 3"), longest first.
_HAMLET_WORDS = ("tổ dân phố", "khu phố", "thôn", "bản", "buôn", "làng", "xóm", "khóm", "ấp")


def hamlet_word(name: str) -> str:
    """The kind of hamlet a name starts with, lower case ("Thôn 1" → "thôn"); "" if none."""
    folded = name.strip().casefold()
    return next((w for w in _HAMLET_WORDS if folded.startswith(w + " ")), "")


# The words of the document being written (`worded`): the unit's and the hamlets'.
_WORDS: ContextVar[tuple[str, str]] = ContextVar("document_words", default=("", ""))


@contextmanager
def worded(unit: str, hamlet_names: Iterable[str]) -> Iterator[None]:
    """While a document is written, the catalog's "đặc khu" and "ấp" become its unit's word
    (from "Xã Thượng Phúc": "xã") and its hamlets' (from "Thôn 1": "thôn"; only when every
    hamlet named has the same one)."""
    kinds = {hamlet_word(name) for name in hamlet_names}
    token = _WORDS.set((unit_word(unit), kinds.pop() if len(kinds) == 1 else ""))
    try:
        yield
    finally:
        _WORDS.reset(token)


def doc_text(lang: str, key: str, /, **values: object) -> str:
    """A catalog message for the document being written, in its words (`worded`)."""
    unit, hamlet = _WORDS.get()
    text = reword(reword(template(lang, key), ZONE_WORD, unit), HAMLET_WORD, hamlet)
    return text.format(**values) if values else text


def reword(text: str, word: str, instead: str) -> str:
    """`word` as a whole word replaced by `instead`, in the case it is written in (lower,
    Capitalised, UPPER): a catalog text written for a special zone's hamlets ("ấp", "đặc
    khu") worded for another plan's ("thôn", "xã"). Only ever applied to the catalog's own
    text, never to names put in it."""
    if not instead or instead == word:
        return text
    forms = (
        (word.upper(), instead.upper()),
        (word[:1].upper() + word[1:], instead[:1].upper() + instead[1:]),
        (word, instead),
    )
    for old, new in forms:
        text = re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, text)
    return text


def unit_word(unit: str) -> str:
    """The kind of unit a name starts with, lower case: "Xã Thượng Phúc" → "xã",
    "Đặc khu Kiên Hải" → "đặc khu"; "" when it starts with none."""
    folded = unit.strip().casefold()
    return next(
        (w for w in sorted(_UNIT_WORDS, key=len, reverse=True) if folded.startswith(w + " ")),
        "",
    )


def locality_name(unit: str) -> str:
    """The place name a date line starts with: "Đặc khu Kiên Hải" → "Kiên Hải",
    "Xã Thượng Phúc" → "Thượng Phúc"; a bare name stays as it is."""
    stripped = unit.strip()
    folded = stripped.casefold()
    for word in sorted(_UNIT_WORDS, key=len, reverse=True):
        if folded.startswith(word + " ") and len(stripped) > len(word) + 1:
            return stripped[len(word) + 1 :].strip()
    return stripped


def sentence_unit(unit: str) -> str:
    """A unit's name mid-sentence: "Đặc khu Kiên Hải" → "đặc khu Kiên Hải" (the unit word in
    lower case, the proper name kept)."""
    stripped = unit.strip()
    folded = stripped.casefold()
    for word in sorted(_UNIT_WORDS, key=len, reverse=True):
        if folded.startswith(word + " "):
            return word + stripped[len(word) :]
    return stripped


def no_nested_brackets(text: str) -> str:
    """Turn brackets inside brackets into commas: "(a (b))" → "(a, b)"."""
    out: list[str] = []
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
            if depth > 1:
                if out and out[-1] == " ":
                    out.pop()
                out.append(", ")
                continue
        elif char == ")":
            depth = max(depth - 1, 0)
            if depth >= 1:
                continue
        out.append(char)
    return re.sub(r"\s+,", ",", "".join(out))


# --- header, title, signatures -------------------------------------------------------------


def national_header(
    doc: DocxDocument,
    *,
    superior: Sequence[str],
    issuer: Sequence[str],
    number: str,
    place_date: str,
    nation: str = NATION_VI,
    motto: str = MOTTO_VI,
    subject: str = "",
) -> Table:
    """The NĐ30 header as a borderless two-column table. Left: the superior body's lines
    (regular caps), the issuing body's (bold caps), a short rule; right: the national name,
    the motto, a rule as long as the motto. Second row: the number ("Số: …/TTr-…") centred
    left, the place and date in italics right, so they sit on one line. A `subject`
    ("V/v …", for letters without a title) goes under the number."""
    table = grid(doc, 2, HEADER_COLUMNS_CM, borders=False)
    left, right = table.rows[0].cells
    for line in superior:
        _line(left, line.upper(), size=HEADER_PT)
    for line in issuer:
        _line(left, line.upper(), bold=True, size=HEADER_PT)
    rule(left, _ISSUER_RULE_CM, HEADER_COLUMNS_CM[0])
    _line(right, nation, bold=True, size=HEADER_PT)
    _line(right, motto, bold=True)
    rule(right, text_cm(motto, BODY_PT), HEADER_COLUMNS_CM[1])
    number_cell, date_cell = table.rows[1].cells
    _line(number_cell, number, before=6)
    if subject:
        _line(number_cell, subject, size=HEADER_PT, before=2)
    _line(date_cell, place_date, italic=True, before=6)
    for row in table.rows:
        _cant_split(row._tr)
    return table


_YEAR_SPAN = re.compile(r"(\d{4})–(\d{4})")
WORD_JOINER = "\u2060"


def years_together(text: str) -> str:
    """ "2026–2030" never split over two lines (a line may break after an en dash): a word
    joiner after the dash; the text reads and prints the same."""
    return _YEAR_SPAN.sub(rf"\1–{WORD_JOINER}\2", text)


def document_title(doc: DocxDocument, title: str, subject: str = "", *, before: float = 18) -> None:
    """Title in bold caps, the subject (trích yếu) under it in bold sentence case, then a
    short rule; both centred and kept with what follows."""
    from docx.shared import Pt

    paragraph(
        doc,
        title,
        align=CENTER,
        indent=False,
        bold=True,
        size=TITLE_PT,
        before=before,
        after=0,
        keep_with_next=True,
    )
    if subject:
        paragraph(
            doc,
            years_together(subject),
            align=CENTER,
            indent=False,
            bold=True,
            size=TITLE_PT,
            after=0,
            keep_with_next=True,
        )
    mark = rule(doc, _SUBJECT_RULE_CM, before=5)
    mark.paragraph_format.space_after = Pt(6)


def signature_block(
    doc: DocxDocument,
    signer: Signer,
    *,
    recipients: Sequence[str] | None = None,
    recipients_head: str = RECIPIENTS_HEAD_VI,
) -> Table:
    """ "Nơi nhận:" and its list on the left (bold italic 12 pt head, 11 pt lines), the
    signer on the right; one row that never splits over a page."""
    table = grid(doc, 1, SIGNATURE_COLUMNS_CM, borders=False)
    left, right = table.rows[0].cells
    if recipients:
        _line(
            left,
            recipients_head,
            bold=True,
            italic=True,
            size=RECIPIENTS_HEAD_PT,
            align=LEFT,
            before=6,
        )
        for line in recipients:
            _line(left, line, size=RECIPIENTS_PT, align=LEFT)
    _signer(right, signer)
    _cant_split(table.rows[0]._tr)
    return table


def signatures(doc: DocxDocument, signers: Sequence[Signer]) -> Table:
    """Several signers side by side in equal columns (minutes: secretary left, chair right)."""
    width = TEXT_CM / max(len(signers), 1)
    table = grid(doc, 1, [width] * len(signers), borders=False)
    for cell, signer in zip(table.rows[0].cells, signers, strict=True):
        _signer(cell, signer)
    _cant_split(table.rows[0]._tr)
    return table


def _signer(cell: _Cell, signer: Signer) -> None:
    if signer.authority:
        _line(cell, signer.authority, bold=True, before=6)
    _line(cell, signer.title, bold=True, before=0 if signer.authority else 6)
    if signer.hint:
        _line(cell, signer.hint, italic=True)
    for _ in range(signer.blank_lines):
        _line(cell, " ")
    _line(cell, signer.name or NAME_LINE, bold=bool(signer.name))


def _line(
    cell: _Cell,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float = BODY_PT,
    align: Align = CENTER,
    before: float = 0,
    after: float = 0,
) -> Paragraph:
    return paragraph(
        cell,
        text,
        align=align,
        indent=False,
        bold=bold,
        italic=italic,
        size=size,
        before=before,
        after=after,
    )


# --- tables --------------------------------------------------------------------------------


def grid(doc: DocxDocument, rows: int, widths_cm: Sequence[float], *, borders: bool) -> Table:
    """A fixed-width table centred on the line; borderless ones get no cell margins so the
    header's columns use their whole width."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm

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
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("w:left", "w:right"):
        margin = OxmlElement(side)
        margin.set(qn("w:w"), "0")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.insert_element_before(
        margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange"
    )


def table(
    doc: DocxDocument,
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_cm: Sequence[float],
    *,
    aligns: Sequence[Align] | None = None,
    italic_rows: Sequence[int] = (),
    bold_rows: Sequence[int] = (),
    size: float = TABLE_PT,
    space_after: float = 6,
    padding: float = 2,
    keep_together: bool = False,
) -> Table:
    """A bordered table: bold centred head row repeated on every page, rows that do not
    split, cells vertically centred. `aligns` per column (default: centred); `italic_rows`
    / `bold_rows` index `rows`; `padding` is the space above and below each cell's text
    (points). A page break never leaves the head row or a single body row alone on a page
    (`keep_together` keeps the whole table on one page when it fits). A small paragraph
    follows so the next text does not touch the bottom border."""
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    built = grid(doc, len(rows) + 1, widths_cm, borders=True)
    head_row = built.rows[0]
    for cell, label in zip(head_row.cells, head, strict=True):
        cell_text(cell, label, bold=True, size=size, padding=padding)
    head_row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    _cant_split(head_row._tr)
    column_aligns = list(aligns) if aligns else [CENTER] * len(widths_cm)
    for index, (row, values) in enumerate(zip(built.rows[1:], rows, strict=True)):
        for cell, value, align in zip(row.cells, values, column_aligns, strict=True):
            cell_text(
                cell,
                value,
                align=align,
                italic=index in italic_rows,
                bold=index in bold_rows,
                size=size,
                padding=padding,
            )
        _cant_split(row._tr)
    _keep_rows(built, keep_together)
    gap = doc.add_paragraph()
    _shrink(gap)
    gap.paragraph_format.space_after = Pt(space_after)
    return built


def cell_text(
    cell: _Cell,
    text: str,
    *,
    align: Align = CENTER,
    bold: bool = False,
    italic: bool = False,
    size: float = TABLE_PT,
    padding: float = 2,
) -> Paragraph:
    """Text in a table cell with a little air above and below."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return _line(
        cell, text, bold=bold, italic=italic, size=size, align=align, before=padding, after=padding
    )


def _keep_rows(built: Table, whole: bool) -> None:
    # Word and LibreOffice keep a row with the next one when its paragraphs are "keep with
    # next": the head with the first row, the next-to-last row with the last
    rows = built.rows
    last = len(rows) - 1
    for index, row in enumerate(rows[:-1]):
        if whole or index <= 1 or index == last - 1:
            for cell in row.cells:
                for par in cell.paragraphs:
                    par.paragraph_format.keep_with_next = True


def _cant_split(tr: BaseOxmlElement) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = tr.get_or_add_trPr()
    if properties.find(qn("w:cantSplit")) is None:
        properties.insert(0, OxmlElement("w:cantSplit"))
