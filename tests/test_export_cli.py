"""`python -m bot export`: the spreadsheet a supervisor hands up the chain, from the shell
(run in this process: tests/support/cli.py)."""

from __future__ import annotations

import codecs
import csv
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from bot.runtime import Runtime
from models.records import AuditEvent
from tests.support.cli import InProcess, write_config
from tests.support.seed import seed


def _semicolon_rows(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)  # Excel reads the file as UTF-8
    return list(csv.reader(data.decode("utf-8-sig").splitlines(), delimiter=";"))


@pytest.mark.slow
async def test_cli_export_xlsx_csv_and_errors(
    runtime: Runtime, tmp_path: Path, bot_cli: InProcess
) -> None:
    await seed(runtime)
    config = str(write_config(runtime, tmp_path))
    out_x, out_c = tmp_path / "xlsx", tmp_path / "csv"
    code, out, err = await bot_cli(
        "export",
        "--config",
        config,
        "--from",
        "01/03/2026",
        "--to",
        "30/04/2026",
        "--hamlet",
        "BNA",
        "--hamlet",
        "nho",
        "--out",
        str(out_x),
    )
    assert code == 0, err
    lines = out.strip().splitlines()
    assert lines[0].startswith("Đã xuất 2 ấp, 25 lượt ghi nhận")  # NHO 19 + BNA 6 live
    path = Path(lines[1])
    assert path.parent == out_x and path.suffix == ".xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Tổng hợp", "NHO", "BNA", "Cán bộ"]
    summary = book["Tổng hợp"]
    headers = [c.value for c in summary[3]]
    assert headers[:5] == ["Hạng", "Mã ấp", "Tên ấp", "Tổng số hộ", "Hộ đã được hướng dẫn"]
    assert summary.max_row == 3 + 2 and summary["C4"].value == "Ấp Nhỏ"
    assert summary.freeze_panes == "A4" and summary.auto_filter.ref
    nho = book["NHO"]
    assert nho.max_row == 3 + 19
    assert nho["B4"].value == "Hộ Nhỏ Số 1"
    guided = [c.value for c in nho[3]].index("Ngày hướng dẫn") + 1
    assert isinstance(nho.cell(4, guided).value, datetime)
    assert nho.cell(4, guided).number_format.upper() == "DD/MM/YYYY"
    assert book["BNA"].max_row == 3 + 5  # 6 live entries, one household guided twice

    code, out, err = await bot_cli(
        "export", "--config", config, "--period", "q1", "--format", "csv", "--out", str(out_c)
    )
    assert code == 0, err
    files = [Path(p) for p in out.strip().splitlines()[1:]]
    assert [f.name.rsplit("-", 2)[-2:] for f in files] == [
        ["tong", "hop.csv"],
        ["minh", "chung.csv"],
        ["can", "bo.csv"],
    ]
    with files[1].open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 1 + 19 + 1  # header, NHO's 19, BNA's H1 (02/03)
    assert any("Hộ Nhỏ Số 19" in row for row in rows)

    # For Excel set to Vietnamese regional settings: ";" between cells, decimal commas.
    out_s = tmp_path / "semicolon"
    code, out, err = await bot_cli(
        "export",
        "--config",
        config,
        "--period",
        "q1",
        "--format",
        "csv",
        "--csv-separator",
        "semicolon",
        "--hamlet",
        "NHO",
        "--out",
        str(out_s),
    )
    assert code == 0, err
    rows = _semicolon_rows(Path(out.strip().splitlines()[1]))
    assert rows[0][5] == "Tỷ lệ bao phủ (%)"
    assert rows[1][1:6] == ["NHO", "Ấp Nhỏ", "20", "19", "95,0"]

    code, out, err = await bot_cli(
        "export", "--config", config, "--from", "31/02/2026", "--to", "01/03/2026"
    )
    assert code == 2 and out == ""
    assert err.strip().startswith("Lỗi cấu hình: --from/--to")
    code, out, err = await bot_cli("export", "--config", config, "--hamlet", "XYZ")
    assert code == 2 and "XYZ" in err

    async with runtime.services.sessions() as session:
        audits = list(
            await session.scalars(select(AuditEvent).where(AuditEvent.action == "export"))
        )
    assert sorted(a.after["format"] for a in audits if a.after) == ["csv", "csv", "xlsx"]
    assert sorted(a.after.get("separator", "") for a in audits if a.after) == ["", ",", ";"]
    assert all(a.actor_id is None and a.after and a.after["via"] == "cli" for a in audits)
