"""Verification spot-checks through the real python-telegram-bot Application (fake Bot API):
a supervisor draws a sample, works through call cards with buttons, a failed check goes
back to its officer, who explains; the supervisor reviews and overturns it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select

from bot.runtime import Runtime
from models.records import AuditEvent
from models.verification import Batch, Call, Check
from tests.support.seed import TELEGRAM_IDS
from tests.support.telegram_fake import Sent, TelegramHarness, seeded_telegram, texts

pytestmark = pytest.mark.slow  # spot-check calls through the Telegram harness

SUP = int(TELEGRAM_IDS["sup"])
OFFICER = int(TELEGRAM_IDS["nho"])
PUSH_TITLE = "🔎 Kết quả kiểm tra xác minh"


@pytest.fixture
async def tg(runtime: Runtime) -> AsyncIterator[TelegramHarness]:
    async with seeded_telegram(runtime) as harness:
        yield harness


def _card(sent: list[Sent]) -> Sent:
    return next(s for s in sent if "📞 Thẻ gọi #" in s.text)


def _card_entities(tg: TelegramHarness, card: Sent) -> list[dict[str, object]]:
    for method, params in reversed(tg.state.calls):
        if method == "sendMessage" and params.get("text") == card.text:
            raw = params.get("entities") or "[]"
            return list(json.loads(raw) if isinstance(raw, str) else raw)
    raise AssertionError("card not sent")


async def _pushed(tg: TelegramHarness, title: str, limit: float = 5.0) -> Sent:
    async def _wait() -> Sent:
        while True:
            for sent in tg.state.sent:
                if title in sent.text and sent.chat_id != SUP:
                    return sent
            await asyncio.sleep(0.02)

    return await asyncio.wait_for(_wait(), limit)


async def test_officer_cannot_draw(tg: TelegramHarness) -> None:
    sent = await tg.say(OFFICER, "/kiemtra")
    assert "dành cho cán bộ giám sát" in texts(sent)
    sent = await tg.say(OFFICER, "/kiemtra_ds")
    assert "dành cho cán bộ giám sát" in texts(sent)


async def test_draw_call_three_cards_return_explain_and_overturn(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    sent = await tg.say(SUP, "/kiemtra")
    assert "Rút mẫu kiểm tra ở đâu?" in sent[-1].text
    await tg.press(SUP, "Tất cả các ấp")
    sent = await tg.press(SUP, "(mặc định)")
    summary = sent[0].text
    # 10% half-up per hamlet, at least one per hamlet and per officer (see tests/support/seed.py):
    # NHO 19 → 2, BNA 5 households by 2 officers → 2, L364/L365/L366 → 1 each.
    assert "Đã rút đợt kiểm tra #1: 7 hộ (10% số hộ mỗi ấp)" in summary
    assert "BNA 2 · L364 1 · L365 1 · L366 1 · NHO 2" in summary
    async with runtime.services.sessions() as session:
        batch = await session.get(Batch, 1)
        assert batch is not None and batch.seed in summary and batch.size == 7
        stored = await session.scalar(select(func.count(Check.id)))
    assert stored == 7  # the list was stored with the draw, before any call

    card = _card(sent)
    assert "còn 7/7 hộ" in card.text and "☎️ Điện thoại: 0912 " in card.text
    links = [e for e in _card_entities(tg, card) if e.get("type") == "text_link"]
    assert len(links) == 1 and str(links[0]["url"]).startswith("tel:+84912")
    labels = [label for label, _ in card.buttons]
    assert labels[:5] == [
        "✅ Đúng, đã được hướng dẫn",
        "❌ Không được hướng dẫn",
        "⚠️ Sai thông tin",
        "📵 Không liên lạc được",
        "☎️ Sai số điện thoại",
    ]

    # Card 1: confirmed; the next card follows. (A household with several procedures, if the
    # random draw put one first: each is listed and asked, in a tick list, all by default.)
    sent = await tg.press(SUP, "Đúng, đã được hướng dẫn")
    if "Hộ xác nhận được hướng dẫn những thủ tục nào?" in sent[0].text:
        ticks = [label for label, _ in sent[0].buttons][:-2]
        assert len(ticks) >= 2 and all(label.startswith("☑️ ") for label in ticks)
        assert card.text.count("   • ") == len(ticks)
        sent = await tg.press(SUP, "Ghi kết quả: hộ xác nhận đủ")
    assert "✅" in sent[0].text and "Đã xác nhận" in sent[0].text
    card = _card(sent)
    assert "còn 6/7 hộ" in card.text

    # Card 2: the household says nobody guided them → sent back to the officer.
    sent = [s for s in await tg.press(SUP, "Không được hướng dẫn") if s.chat_id == SUP]
    assert "Hộ nói không được hướng dẫn" in sent[0].text
    assert "Đã gửi kết quả cho cán bộ" in sent[0].text
    pushed = await _pushed(tg, PUSH_TITLE)
    assert "/giaitrinh" in pushed.text and "/sua" in pushed.text
    officer = pushed.chat_id
    card = _card(sent)

    # Card 3: a note typed first, then unreachable → back in the queue, attempt 1/3.
    sent = await tg.say(SUP, "Máy bận, hẹn gọi lại buổi chiều")
    assert "Đã ghi chú" in sent[0].text
    assert "📝 Ghi chú: Máy bận, hẹn gọi lại buổi chiều" in _card(sent).text
    sent = await tg.press(SUP, "Không liên lạc được")
    assert "chưa liên lạc được (lần 1/3)" in sent[0].text and "11:00 15/04" in sent[0].text
    assert "còn 5/7 hộ" in _card(sent).text  # the unreachable one is still open

    sent = await tg.press(SUP, "Dừng")
    assert "Đã dừng" in texts(sent)
    sent = await tg.say(SUP, "/kiemtra_ds")
    listing = texts(sent)
    assert "Đợt #1" in listing and "có kết quả 2/7" in listing
    assert "📵 1/3, gọi lại sau 11:00 15/04" in listing

    # The results are in the supervisors' report: the failed hamlet is not eligible.
    sent = await tg.say(SUP, "/baocao")
    table = sent[0].text
    assert "🔎 Kiểm tra xác minh" in table and "Đã gọi xong 2 hộ: ✅ 1 xác nhận · ❌ 1" in table
    assert "🚫 Không đủ điều kiện khen thưởng:" in table and "1 hộ kiểm tra không đạt" in table

    # The officer explains from their chat; the answer is stored with the check.
    sent = await tg.say(officer, "/giaitrinh")
    assert "Gõ nội dung giải trình" in sent[-1].text
    sent = await tg.say(officer, "Hộ đã được hướng dẫn ngày đó, người nghe máy là con dâu")
    assert "Đã lưu giải trình" in sent[0].text

    # The supervisor reviews the failed check and overturns it with a reason.
    sent = await tg.say(SUP, "/kiemtra_xet")
    await tg.press(SUP, "Hộ nói không được hướng dẫn")
    review = tg.state.sent[-1].text
    assert "người nghe máy là con dâu" in review
    await tg.press(SUP, "Hủy kết quả không đạt")
    sent = await tg.say(SUP, "Đã gọi lại, chủ hộ xác nhận có được hướng dẫn")
    assert "Đã hủy kết quả không đạt" in sent[0].text and "đủ điều kiện trở lại" in sent[0].text
    sent = await tg.say(SUP, "/baocao")
    assert "🚫 Không đủ điều kiện" not in sent[0].text and "↩️ 1 đã xem xét lại" in sent[0].text

    async with runtime.services.sessions() as session:
        actions = list(
            await session.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.action.like("verify_%"))
                .order_by(AuditEvent.id)
            )
        )
        calls = await session.scalar(select(func.count(Call.id)))
    assert actions == [
        "verify_draw",
        "verify_outcome",
        "verify_outcome",
        "verify_outcome",
        "verify_reply",
        "verify_overturn",
    ]
    assert calls == 3


async def test_typed_draw_and_refused_tel_link_falls_back(tg: TelegramHarness) -> None:
    # A Bot API that refuses the tel: link still delivers the card with a plain number.
    sent = await tg.say(SUP, "/kiemtra NHO 3")
    assert "Đã rút đợt kiểm tra #1: 3 hộ (3 hộ mỗi ấp)" in sent[0].text
    tg.state.errors[SUP] = [(400, "Bad Request: can't parse entities", None)]
    sent = await tg.press(SUP, "Để sau")
    card = _card(sent)
    assert "☎️ +84912" in card.text
    sent = await tg.say(SUP, "/kiemtra 150%")
    assert "Chưa hiểu" in texts(sent)


async def test_second_click_on_an_answered_card_records_nothing(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    sent = await tg.say(SUP, "/kiemtra NHO 2")
    card = _card(sent)
    data = next(d for label, d in card.buttons if label.startswith("✅"))
    first = await tg.press_data(SUP, data, card.message_id)
    if "Hộ xác nhận được hướng dẫn những thủ tục nào?" in first[0].text:
        # A household with several procedures: ✅ asks which; its "record" is the last tap.
        ticks = first[0]
        data = next(d for label, d in ticks.buttons if "Ghi kết quả" in label)
        await tg.press_data(SUP, data, ticks.message_id)
        again = await tg.press_data(SUP, data, ticks.message_id)  # a double tap
    else:
        again = await tg.press_data(SUP, data, card.message_id)  # a double tap on a weak line
    assert "không còn hiệu lực" in again[0].text and "📞 Thẻ gọi #" in again[-1].text
    async with runtime.services.sessions() as session:
        assert await session.scalar(select(func.count(Call.id))) == 1
