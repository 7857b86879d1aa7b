"""Rosters, /chuahuongdan and /khenthuong through the real python-telegram-bot Application
(fake Bot API): a hamlet head sends the household list as a file, the bot links guided
households and asks about the unclear one, an officer logs a suggested household in a few
taps, and a supervisor gets the award proposal, the evidence spreadsheet and the dossiers."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import func, select

from bot.runtime import Runtime
from models.campaign import Hamlet
from models.households import Household
from models.phones import format_phone
from models.proposal import AwardProposal
from models.records import AuditEvent
from models.roster import Roster, RosterHousehold
from tests.support.seed import TELEGRAM_IDS
from tests.support.telegram_fake import Sent, TelegramHarness, seeded_telegram, texts

pytestmark = pytest.mark.slow  # award flows through the Telegram harness

SUP = int(TELEGRAM_IDS["sup"])
HEAD = int(TELEGRAM_IDS["head"])  # hamlet head of BNA
OFFICER = int(TELEGRAM_IDS["bna1"])  # logged H1, H4 and H5 of BNA


@pytest.fixture
async def tg(runtime: Runtime) -> AsyncIterator[TelegramHarness]:
    async with seeded_telegram(runtime) as harness:
        yield harness


async def _bna_phones(runtime: Runtime) -> dict[str, str]:
    async with runtime.services.sessions() as session:
        rows = await session.execute(
            select(Household.head_name, Household.phone).join(Hamlet).where(Hamlet.code == "BNA")
        )
        return {name: format_phone(phone) for name, phone in rows}


async def _roster_csv(runtime: Runtime) -> bytes:
    phones = await _bna_phones(runtime)
    rows = [
        "DANH SÁCH HỘ GIA ĐÌNH ẤP BÃI NHÀ A;;;;",
        "STT;Họ tên chủ hộ;Địa chỉ;Số điện thoại;Mã hộ",
        f"1;Nguyễn Văn Một;Tổ 1, BNA;{phones['Nguyễn Văn Một']};BNA-001",  # by phone
        "2;Nguyễn Thị Hai;Tổ 1, BNA;;BNA-002",  # by name + address, no phone
        "3;Trần Văn Ba;Tổ 2, BNA;0988 000 111;BNA-003",  # same name, other address: asked
        f"4;Lê Thị Bốn;Tổ 1, BNA;{phones['Lê Thị Bốn']};BNA-004",  # shared phone, name decides
        f"5;Lê Văn Chồng;Tổ 1, BNA;{phones['Lê Thị Bốn']};BNA-005",
        "6;Võ Thị Sáu;Tổ 2, BNA;0977 111 222;BNA-006",
        "7;Đặng Văn Bảy;Tổ 1, BNA;;BNA-007",
        "8;Hồ Thị Tám;Tổ 3, BNA;0966 333 444;BNA-008",
    ]
    return ("\n".join(rows) + "\n").encode("utf-8-sig")


def _documents(sent: list[Sent]) -> dict[str, bytes]:
    return {
        name: data for s in sent if s.method == "sendDocument" for name, data in s.files.values()
    }


async def test_head_imports_roster_links_and_resolves_the_unclear_one(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    bad = (
        "Họ tên chủ hộ,Địa chỉ,Số điện thoại\nNguyễn Văn A,Tổ 1,0912 345 678\n,Tổ 2,\n"
        "Trần B,Tổ 3,12345\n"
    )
    sent = await tg.send_file(HEAD, "ds-loi.csv", bad.encode())
    reply = texts(sent)
    assert "Chưa nhập danh sách: 2 dòng cần sửa" in reply
    assert "Dòng 3" in reply and "Dòng 4" in reply
    async with runtime.services.sessions() as session:
        assert await session.scalar(select(func.count(Roster.id))) == 0

    sent = await tg.say(OFFICER, "/ghepho")
    assert "trưởng ấp và cán bộ giám sát" in texts(sent)

    sent = await tg.send_file(HEAD, "danh-sach-ho-BNA.csv", await _roster_csv(runtime))
    preview = texts(sent)
    assert "Danh sách hộ Ấp Bãi Nhà A" in preview and "8 hộ" in preview
    assert "6 hộ có số điện thoại" in preview and "(đang dùng: 412" in preview
    assert "cần Phòng VH-XH duyệt" in preview  # 412 → 8: more than the 5% tolerance
    sent = await tg.press(HEAD, "Nhập danh sách")
    done = texts(sent)
    assert "Đã nhập 8 hộ cho Ấp Bãi Nhà A" in done
    assert "chờ Phòng VH-XH duyệt (412 → 8 hộ" in done
    assert "3 hộ đã khớp" in done and "1 hộ đã hướng dẫn không có trong danh sách" in done
    assert "1 hộ chưa chắc là dòng nào" in done

    sent = await tg.say(HEAD, "/ghepho")
    question = texts(sent)
    assert "Trần Văn Ba" in question and "Dòng 5: Trần Văn Ba – Tổ 2, BNA" in question
    sent = await tg.press(HEAD, "1. Dòng 5")
    assert "Đã ghép với dòng 5" in texts(sent) and "Không còn hộ nào cần chọn" in texts(sent)

    # The total waits for the office (tests/test_total_approval.py): approved here.
    assert "/8" not in texts(await tg.say(HEAD, "/tiendo"))
    await tg.say(SUP, "/duyetso")
    await tg.press(SUP, "Duyệt #")
    assert "Đã duyệt" in texts(await tg.press(SUP, "Duyệt, không ghi chú"))

    async with runtime.services.sessions() as session:
        bna = await session.scalar(select(Hamlet).where(Hamlet.code == "BNA"))
        assert bna is not None and bna.total_households == 8
        assert bna.configured_households == 412
        links = dict(
            (
                await session.execute(
                    select(RosterHousehold.code, RosterHousehold.match).where(
                        RosterHousehold.household_id.is_not(None)
                    )
                )
            ).all()
        )
        assert links == {
            "BNA-001": "phone",
            "BNA-002": "name",
            "BNA-003": "chosen",
            "BNA-004": "phone",
        }
        actions = list(
            await session.scalars(
                select(AuditEvent.action).where(
                    AuditEvent.action.in_(("roster_import", "roster_match", "roster_link"))
                )
            )
        )
        assert actions == ["roster_import", "roster_match", "roster_link"]

    # Coverage now counts the roster: 4 of 8 live BNA households guided (H1–H5 minus H5,
    # which is not on the list, still counts as guided: 5/8).
    sent = await tg.say(HEAD, "/tiendo")
    assert "5/8" in texts(sent)


async def test_officer_logs_a_suggested_household_in_a_few_taps(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    await tg.send_file(HEAD, "ds.csv", await _roster_csv(runtime))
    await tg.press(HEAD, "Nhập danh sách")

    sent = await tg.say(OFFICER, "/chuahuongdan")
    listing = texts(sent)
    assert "còn 5/8 hộ trong danh sách chưa được hướng dẫn" in listing
    # The officer's households are in Tổ 1, so Tổ 1's Đặng Văn Bảy comes first.
    first = listing.index("Đặng Văn Bảy")
    assert first < listing.index("Võ Thị Sáu") and "📍 Đặng Văn Bảy" in listing
    assert "Trần Văn Ba" not in listing  # maybe already guided: asked via /ghepho first

    sent = await tg.press(OFFICER, "Võ Thị Sáu")
    assert "Ghi hộ Võ Thị Sáu" in texts(sent)
    await tg.press(OFFICER, "Đăng ký khai sinh")
    await tg.press(OFFICER, "Xong")
    await tg.press(OFFICER, "Bỏ qua")
    sent = await tg.press(OFFICER, "Hôm nay")
    summary = texts(sent)
    assert "Võ Thị Sáu" in summary and "0977 111 222" in summary
    assert "Đã lưu" in summary

    async with runtime.services.sessions() as session:
        row = await session.scalar(select(RosterHousehold).where(RosterHousehold.code == "BNA-006"))
        assert row is not None and row.household_id is not None and row.match == "chosen"
    sent = await tg.say(OFFICER, "/todo")
    assert "còn 4/8 hộ" in texts(sent) and "Võ Thị Sáu" not in texts(sent)


async def test_supervisor_gets_proposal_evidence_and_dossiers(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    sent = await tg.say(OFFICER, "/khenthuong")
    assert "dành cho cán bộ giám sát" in texts(sent)

    sent = await tg.say(SUP, "/khenthuong")
    assert "Xét khen thưởng cho kỳ nào?" in texts(sent)
    sent = await tg.press(SUP, "Từ đầu phong trào")
    text = texts(sent)
    assert "ĐỀ XUẤT KHEN THƯỞNG #1" in text
    assert "1. Ấp Nhỏ (NHO) – 95,0% (19/20 hộ)" in text  # the only hamlet at 95%
    assert "chốt lúc 10:00 15/04/2026" in text
    assert "CÁ NHÂN (tối đa 26 người)" in text and "Phạm Văn Nhỏ (NHO) – 19 hộ" in text
    files = _documents(sent)
    book_name = next(n for n in files if n.endswith("-minh-chung.xlsx"))
    book = load_workbook(io.BytesIO(files[book_name]))
    assert book.sheetnames[:3] == ["Đề xuất", "Hộ đã hướng dẫn", "Cá nhân"]
    households = book["Hộ đã hướng dẫn"]
    nho_rows = [r for r in households.iter_rows(min_row=4, values_only=True) if r[1] == "NHO"]
    assert len(nho_rows) == 19  # the 19 households behind "19/20"

    sent = await tg.press(SUP, "Hồ sơ Ấp Nhỏ")
    docs = _documents(sent)
    assert sorted(n.rsplit("-", 1)[-1] for n in docs) == ["ban.docx", "chung.xlsx", "trinh.docx"]
    submission = Document(
        io.BytesIO(next(d for n, d in docs.items() if n.endswith("to-trinh.docx")))
    )
    body = "\n".join(p.text for p in submission.paragraphs)
    tables = "\n".join(c.text for t in submission.tables for r in t.rows for c in r.cells)
    assert "TỜ TRÌNH" in body and "Ấp Nhỏ" in body + tables
    assert "95,0%" in body + tables
    minutes = Document(io.BytesIO(next(d for n, d in docs.items() if n.endswith("bien-ban.docx"))))
    assert "BIÊN BẢN" in "\n".join(p.text for p in minutes.paragraphs)

    async with runtime.services.sessions() as session:
        proposal = await session.get(AwardProposal, 1)
        assert proposal is not None and proposal.entries > 0
        exports = list(
            await session.scalars(
                select(AuditEvent.after).where(
                    AuditEvent.action == "export", AuditEvent.target == "award_proposal"
                )
            )
        )
        assert [e["files"] for e in exports if e] == ["evidence", "dossier"]

    sent = await tg.say(SUP, "/khenthuong_ct NHO")
    detail = texts(sent)
    assert "Đã hướng dẫn 19 hộ (95,0%) = 19 hộ khác nhau" in detail
    assert "Tổng số hộ 20 = số hộ trong cấu hình" in detail
