"""Supervisors, hamlet heads and officers use /baocao, /xuat and /thongbao through the real
python-telegram-bot Application (fake Bot API, no network)."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator

import openpyxl
import pytest
from sqlalchemy import select

from bot.runtime import Runtime
from models.people import User
from models.records import AuditEvent
from tests.support.seed import TELEGRAM_IDS
from tests.support.telegram_fake import TelegramHarness, seeded_telegram, texts

pytestmark = pytest.mark.slow  # reports, charts and exports through the Telegram harness

SUP = int(TELEGRAM_IDS["sup"])
HEAD = int(TELEGRAM_IDS["head"])
OFFICER = int(TELEGRAM_IDS["nho"])


@pytest.fixture
async def tg(runtime: Runtime) -> AsyncIterator[TelegramHarness]:
    async with seeded_telegram(runtime) as harness:
        yield harness


def _outbox_empty(runtime: Runtime) -> bool:
    outbox = runtime.settings.data_dir / "outbox"
    return not outbox.exists() or not any(outbox.rglob("*.*"))


async def test_supervisor_gets_the_table_a_chart_and_a_menu(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    sent = await tg.say(SUP, "/baocao")
    assert [s.method for s in sent] == ["sendMessage", "sendPhoto", "sendMessage"]
    table = sent[0].text
    assert "📊 Báo cáo tiến độ các ấp" in table
    assert "Từ đầu phong trào (01/01/2026 – 15/04/2026)" in table
    assert "1. Ấp Nhỏ (NHO) ✅" in table
    assert "19/20 hộ · 95,0% · giải ĐB: 10 hộ (≥2 TT)" in table
    assert "2. Ấp Bãi Nhà A (BNA) ⚠️" in table
    assert "tuần này +2 · ngày có ghi nhận 6/105" in table
    name, png = sent[1].files["photo"]
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
    labels = [label for label, _ in sent[2].buttons]
    assert "Tuần trước" in labels and "📥 Xuất Excel" in labels and "🏘 Xem một ấp" in labels
    assert _outbox_empty(runtime)  # the chart was a scratch file

    sent = await tg.press(SUP, "Tuần trước")
    assert "Tuần trước (06/04/2026 – 12/04/2026)" in sent[0].text
    assert "1. Ấp Nhỏ (NHO) ✅" in sent[0].text and "hộ mới +3" in sent[0].text

    await tg.press(SUP, "Xem một ấp")
    sent = await tg.press(SUP, "Ấp Bãi Nhà A")
    detail = sent[0].text
    assert "📊 Ấp Bãi Nhà A (BNA)" in detail and "Tuần trước" in detail
    assert "• Lê Thị Lười: 2 lượt · 2 ngày · gần nhất 10/04/2026" in detail
    assert sent[1].method == "sendPhoto"

    sent = await tg.press(SUP, "Xuất Excel")
    doc = next(s for s in sent if s.method == "sendDocument")
    assert "Bảng tính – Tuần trước: 1 ấp, 2 lượt ghi nhận" in doc.text
    name, data = doc.files["document"]
    assert name.endswith(".xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Tổng hợp", "BNA", "Cán bộ"]
    assert book["BNA"]["B4"].value == "Nguyễn Thị Hai"
    assert _outbox_empty(runtime)
    async with runtime.services.sessions() as session:
        audit = await session.scalar(select(AuditEvent).where(AuditEvent.action == "export"))
    assert audit is not None and audit.after is not None
    assert audit.after["hamlets"] == ["BNA"] and audit.after["via"] == "telegram"


async def test_officer_cannot_see_another_hamlets_report(tg: TelegramHarness) -> None:
    sent = await tg.say(OFFICER, "/baocao BNA")
    assert texts(sent) == "Anh/chị chỉ xem được báo cáo của ấp mình."
    sent = await tg.say(OFFICER, "/baocao")
    assert "/tiendo" in texts(sent) and all(s.method == "sendMessage" for s in sent)
    sent = await tg.say(OFFICER, "/xuat")
    assert texts(sent) == "Xuất bảng tính dành cho trưởng ấp và cán bộ giám sát."


async def test_hamlet_head_sees_their_hamlet_and_officers(tg: TelegramHarness) -> None:
    sent = await tg.say(HEAD, "/baocao")
    detail = sent[0].text
    assert "📊 Ấp Bãi Nhà A (BNA) ⚠️" in detail
    assert "Xếp hạng: 2/5 ấp" in detail
    assert "Lê Thị Lười: 2 lượt · 2 ngày · gần nhất 10/04/2026 💤 5 ngày chưa ghi" in detail
    assert "Trần Văn Siêng: 4 lượt" in detail
    labels = [label for label, _ in sent[-1].buttons]
    assert "🏘 Xem một ấp" not in labels  # one hamlet only
    sent = await tg.say(HEAD, "/baocao NHO")
    assert texts(sent) == "Anh/chị chỉ xem được báo cáo của ấp mình."


async def test_typed_periods_and_bad_arguments(tg: TelegramHarness) -> None:
    sent = await tg.say(SUP, "/baocao quý 1")
    assert "Quý I (01/01/2026 – 31/03/2026)" in sent[0].text
    sent = await tg.say(SUP, "/baocao 01/04/2026 12/04/2026")
    assert "Từ 01/04/2026 đến 12/04/2026" in sent[0].text
    sent = await tg.say(SUP, "/baocao 12/04/2026 01/04/2026")
    assert texts(sent) == "Ngày kết thúc phải sau ngày bắt đầu. Anh/chị gõ lại giúp."
    sent = await tg.say(SUP, "/baocao abc")
    assert "Chưa hiểu «abc»" in texts(sent)
    await tg.say(SUP, "/baocao")
    await tg.press(SUP, "Chọn khoảng ngày")
    sent = await tg.say(SUP, "hôm qua")
    assert "Chưa hiểu khoảng ngày" in texts(sent)
    sent = await tg.say(SUP, "06/04/2026 - 12/04/2026")
    assert "Từ 06/04/2026 đến 12/04/2026" in sent[0].text


async def test_export_in_chat_xlsx_and_csv(tg: TelegramHarness, runtime: Runtime) -> None:
    sent = await tg.say(SUP, "/xuat")
    assert sent[-1].text == "Xuất bảng tính cho kỳ nào?"
    sent = await tg.press(SUP, "Tổng kết năm")
    (doc,) = sent
    book = openpyxl.load_workbook(io.BytesIO(doc.files["document"][1]))
    assert book.sheetnames == ["Tổng hợp", "NHO", "BNA", "L364", "L365", "L366", "Cán bộ"]
    assert book["NHO"].max_row == 3 + 19
    sent = await tg.say(SUP, "/xuat csv tuantruoc")
    assert [s.method for s in sent] == ["sendDocument"] * 3
    names = [s.files["document"][0] for s in sent]
    assert [n.rsplit("-", 2)[-2:] for n in names] == [
        ["tong", "hop.csv"],
        ["minh", "chung.csv"],
        ["can", "bo.csv"],
    ]
    evidence = sent[1].files["document"][1].decode("utf-8-sig")
    assert "Nguyễn Thị Hai" in evidence and "Hộ A" in evidence
    assert _outbox_empty(runtime)


async def test_mute_and_unmute_the_weekly_summary(tg: TelegramHarness, runtime: Runtime) -> None:
    sent = await tg.say(SUP, "/thongbao")
    assert "Tóm tắt hằng tuần (Thứ Hai 07:30): đang bật" in sent[0].text
    sent = await tg.press(SUP, "Tắt tóm tắt tuần")
    assert "đã tắt" in texts(sent)
    async with runtime.services.sessions() as session:
        sup = await session.scalar(select(User).where(User.display_name == "Phòng Văn hóa Xã hội"))
        assert sup is not None and sup.summary_muted
    sent = await tg.press(SUP, "Bật tóm tắt tuần")
    assert "đang bật" in texts(sent)
    sent = await tg.say(OFFICER, "/thongbao")
    assert "Nhắc nhở lúc 17:00 khi ấp chưa ghi nhận hộ nào: đang bật" in sent[0].text
    assert "Tóm tắt" not in sent[0].text


async def test_a_mistyped_choice_keeps_the_menu_and_a_household_line_is_logged(
    tg: TelegramHarness,
) -> None:
    await tg.say(HEAD, "/baocao")
    sent = await tg.say(HEAD, "99")
    assert sent[0].text.startswith("Anh/chị vui lòng chọn một lựa chọn")
    assert "Tuần trước" in [label for label, _ in sent[-1].buttons]
    sent = await tg.say(HEAD, "3")  # "Tuần trước", typed
    assert "Tuần trước (06/04/2026 – 12/04/2026)" in sent[0].text
    sent = await tg.say(HEAD, "Đỗ Văn Mới; Tổ 2, Ấp Bãi Nhà A; 0912 777 888; KS")
    assert "Đã lưu hộ" in sent[-1].text
    assert "↩️ Hoàn tác" in [label for label, _ in sent[-1].buttons]
