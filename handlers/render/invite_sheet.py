"""The printable sheet of a bulk invite: A4, laid out like the office's other papers
(handlers/render/docx_layout.py, Nghị định 30/2020/NĐ-CP header), then one card per person
to cut out and hand over at a meeting: a QR code of their `t.me` link (or of the bare code
where the bot has no username), their name, role, hamlet, code and the codes' expiry.

Pure: data in, a .docx out. Texts come from the catalog in the language asked for.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from handlers.engine.i18n import fmt_int, t
from handlers.render.docx_layout import (
    CENTER,
    LEFT,
    TEXT_CM,
    Span,
    document_title,
    grid,
    locality_name,
    national_header,
    new_document,
    page_numbers,
    paragraph,
    save,
)

# segno and python-docx are imported when a sheet is written, not when the bot starts
# (issue 22); these names are for the annotations only.
if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import _Cell

# A QR code a phone reads from arm's length: 3.4 cm wide with its quiet zone (the symbol
# itself about 2.7 cm, 0.7–0.9 mm a module for a t.me link: version 3–5); level M survives
# a fold or a smudge.
QR_CM = 3.4
QR_ERROR = "m"
QR_BORDER = 4  # the quiet zone the standard asks for, in modules
_QR_SCALE = 10  # pixels per module in the PNG: sharp at any print resolution
_CARD_CM = (QR_CM + 0.3, TEXT_CM / 2 - QR_CM - 0.3)  # QR | text (0.15 cm cell margins); two a row
_CARD_HEIGHT_CM = 4.2
_NAME_PT = 12.0
_CODE_PT = 13.0
_CODE_FONT = "Courier New"
_SMALL_PT = 10.5


@dataclass(frozen=True)
class Card:
    name: str
    role: str  # already in the sheet's language ("cán bộ ấp")
    place: str  # "Ấp Bãi Nhà A (BNA)", a commune, or "" for every commune
    code: str
    target: str  # what the QR code holds: the t.me link, or the code itself


@dataclass(frozen=True)
class SheetData:
    campaign: str  # the campaign's name
    unit: str  # "Đặc khu Kiên Hải" (campaign.unit)
    made_on: date  # local day the codes were made
    expires: str  # when the codes stop working, formatted ("14:00 22/04/2026")
    bot_username: str  # "" on channels without one: the QR codes hold the bare codes
    cards: tuple[Card, ...]


def qr_png(text: str) -> bytes:
    """The QR code of `text` as a PNG (black on white, with its quiet zone)."""
    import segno

    qr = segno.make(text, error=QR_ERROR, boost_error=False, micro=False)
    out = io.BytesIO()
    qr.save(out, kind="png", scale=_QR_SCALE, border=QR_BORDER)
    return out.getvalue()


def spaced_code(code: str) -> str:
    """ "ABCDEFGHJK" → "ABCDE FGHJK": easier to read aloud and type (the bot ignores the
    space); a no-break space, so the code never wraps."""
    return f"{code[:5]}\u00a0{code[5:]}" if len(code) > 5 else code


def write_sheet(path: Path, data: SheetData, lang: str) -> None:
    doc = new_document(lang)
    national_header(
        doc,
        superior=[t(lang, "op_committee"), data.unit],
        issuer=[t(lang, "op_office")],
        number="",
        place_date=t(
            lang,
            "bulk_sheet_place_date",
            place=locality_name(data.unit),
            day=f"{data.made_on.day:02d}",
            month=f"{data.made_on.month:02d}",
            year=data.made_on.year,
        ),
        nation=t(lang, "doc_nation"),
        motto=t(lang, "doc_motto"),
    )
    document_title(
        doc,
        t(lang, "bulk_sheet_title"),
        t(lang, "bulk_sheet_subject", campaign=data.campaign),
        before=12,
    )
    paragraph(
        doc,
        [
            Span(t(lang, "bulk_sheet_count", n=fmt_int(lang, len(data.cards)))),
            Span(t(lang, "bulk_sheet_expires", expires=data.expires), bold=True),
        ],
        after=3,
    )
    how = (
        t(lang, "bulk_sheet_how_link", bot=data.bot_username)
        if data.bot_username
        else t(lang, "bulk_sheet_how_code")
    )
    paragraph(doc, how, after=3)
    paragraph(doc, t(lang, "bulk_sheet_keep"), italic=True, after=8)
    _cards(doc, data, lang)
    page_numbers(doc)
    save(doc, path, title=t(lang, "bulk_sheet_doc_title", campaign=data.campaign))


def _cards(doc: DocxDocument, data: SheetData, lang: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    cards = list(data.cards)
    rows = (len(cards) + 1) // 2
    if not rows:
        return
    table = grid(doc, rows, [*_CARD_CM, *_CARD_CM], borders=False)
    for index, card in enumerate(cards):
        row = table.rows[index // 2]
        qr_cell, text_cell = row.cells[(index % 2) * 2], row.cells[(index % 2) * 2 + 1]
        _qr(qr_cell, card.target)
        _text(text_cell, card, data, lang)
        _cut_lines(qr_cell, ("top", "left", "bottom"))
        _cut_lines(text_cell, ("top", "right", "bottom"))
    for row in table.rows:
        tr = row._tr.get_or_add_trPr()
        tr.insert(0, OxmlElement("w:cantSplit"))
        height = OxmlElement("w:trHeight")
        height.set(qn("w:val"), str(int(_CARD_HEIGHT_CM / 2.54 * 1440)))
        height.set(qn("w:hRule"), "atLeast")
        tr.append(height)


def _qr(cell: _Cell, target: str) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.shared import Cm

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    holder = paragraph(cell, "", align=CENTER, indent=False, before=0, after=0)
    holder.add_run().add_picture(io.BytesIO(qr_png(target)), width=Cm(QR_CM))


def _text(cell: _Cell, card: Card, data: SheetData, lang: str) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.oxml.ns import qn

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph(cell, card.name, align=LEFT, indent=False, bold=True, size=_NAME_PT, after=1)
    paragraph(cell, _capital(card.role), align=LEFT, indent=False, size=_SMALL_PT, after=0)
    if card.place:
        paragraph(cell, card.place, align=LEFT, indent=False, size=_SMALL_PT, after=0)
    paragraph(
        cell,
        t(lang, "bulk_sheet_code_label"),
        align=LEFT,
        indent=False,
        size=_SMALL_PT - 1,
        before=4,
        after=0,
    )
    code = paragraph(
        cell, spaced_code(card.code), align=LEFT, indent=False, bold=True, size=_CODE_PT, after=1
    )
    for run in code.runs:
        # Fixed width: ten "W" fit the card as well as ten "1", and each character is read
        # apart (a code is typed from paper).
        run.font.name = _CODE_FONT
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), _CODE_FONT)
    paragraph(
        cell,
        t(lang, "bulk_sheet_card_until", expires=data.expires),
        align=LEFT,
        indent=False,
        italic=True,
        size=_SMALL_PT - 1.5,
        after=0,
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _cut_lines(cell: _Cell, sides: Sequence[str]) -> None:
    """Dashed lines to cut along around each card."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        if side in sides:
            for attr, value in (("w:val", "dashed"), ("w:sz", "6"), ("w:space", "0")):
                edge.set(qn(attr), value)
            edge.set(qn("w:color"), "808080")
        else:
            edge.set(qn("w:val"), "nil")
        borders.append(edge)
    properties.insert_element_before(
        borders, "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign"
    )
    margins = OxmlElement("w:tcMar")
    for side, cm in (("top", 0.15), ("bottom", 0.15), ("left", 0.15), ("right", 0.15)):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(int(cm / 2.54 * 1440)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.insert_element_before(
        margins, "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
    )
