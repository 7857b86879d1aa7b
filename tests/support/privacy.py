"""What the isolation tests look for: a household as an officer types it, and every word of
a file a reply carries (spreadsheets, documents, CSV)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import docx
from openpyxl import load_workbook


@dataclass(frozen=True)
class Person:
    name: str
    address: str
    phone: str  # as typed: 0912 345 678

    @property
    def line(self) -> str:
        return f"{self.name}, {self.address}, {self.phone}, 1"

    @property
    def digits(self) -> str:
        return self.phone.replace(" ", "")[1:]  # 912345678: in E.164 and every local form


IMAGES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}


def file_text(path: Path) -> str:
    """Every cell, paragraph or line of a file a reply carries."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        book = load_workbook(path, read_only=True)
        return "\n".join(
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    if suffix == ".docx":
        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        parts += [
            cell.text for table in document.tables for row in table.rows for cell in row.cells
        ]
        for section in document.sections:
            parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
        return "\n".join(parts)
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as f:
            return "\n".join(",".join(row) for row in csv.reader(f))
    return path.read_bytes().decode("utf-8", errors="replace")
