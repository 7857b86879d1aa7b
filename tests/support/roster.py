"""A household roster file as an office types it up (the columns of the template)."""

from __future__ import annotations

from collections.abc import Sequence

HEADER = ["STT", "Họ tên chủ hộ", "Địa chỉ", "Số điện thoại", "Mã hộ"]


def csv_bytes(
    rows: Sequence[Sequence[object]],
    sep: str = ",",
    encoding: str = "utf-8-sig",
    newline: str = "\r\n",
) -> bytes:
    """The rows as a CSV file's bytes (as Excel writes one: a BOM, CRLF line ends)."""

    def quote(value: object) -> str:
        text = str(value)
        if sep in text or '"' in text or "\n" in text:
            return '"' + text.replace('"', '""') + '"'
        return text

    return newline.join(sep.join(quote(v) for v in row) for row in rows).encode(encoding)
