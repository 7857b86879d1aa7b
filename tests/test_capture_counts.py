"""Messages and taps per household, by method (the figures README quotes): one message per
household on every channel, and no Bot API call beyond what the officer sees."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.clock import FixedClock
from bot.config import Settings
from bot.runtime import Runtime
from tests.support.campaign import make_user
from tests.support.telegram_fake import TelegramHarness
from tests.support.zalo_harness import ZaloHarness, running_zalo

pytestmark = pytest.mark.slow  # whole capture dialogs on both channels

OFFICER = 555
ZALO_ID = "5a5a5a5a5a5a5a5a5a5a"
LINE = "Nguyễn Văn Đếm, Tổ 3 ấp Bãi Nhà A, 0912 345 801, khai sinh, 4"
SENDS = ("sendMessage", "editMessageText", "editMessageReplyMarkup", "answerCallbackQuery")


def _api(tg: TelegramHarness, start: int) -> Counter[str]:
    return Counter(method for method, _ in tg.state.calls[start:] if method in SENDS)


async def test_telegram_messages_and_taps_per_household(runtime: Runtime) -> None:
    await make_user(runtime, external_id=str(OFFICER), channel="telegram")
    tg = TelegramHarness(runtime)
    await tg.start()
    try:
        await tg.say(OFFICER, "/tiendo")  # the chat's menu is set once, not per household
        start = len(tg.state.calls)
        await tg.say(OFFICER, LINE)
        one_line = _api(tg, start)
        # One line: 1 message typed, 0 taps; 1 message back.
        assert one_line == Counter({"sendMessage": 1})

        start = len(tg.state.calls)
        typed = ["/them", "Lê Thị Đếm", "0912 345 802"]
        await tg.say(OFFICER, typed[0])
        await tg.say(OFFICER, typed[1])
        taps = ["Ấp Bãi Nhà A"]
        await tg.press(OFFICER, taps[0])
        await tg.say(OFFICER, typed[2])
        taps += ["Đăng ký khai sinh", "Cấp phiếu lý lịch", "Xong", "Bỏ qua", "Hôm nay"]
        for label in taps[1:]:
            await tg.press(OFFICER, label)
        guided = _api(tg, start)
        # /them with buttons: 3 messages typed and 6 taps (two procedures ticked in place).
        assert (len(typed), len(taps)) == (3, 6)
        assert guided["editMessageText"] == 2  # ticking edits the question, no new message
        assert guided["sendMessage"] == len(typed) + len(taps) - 2
        print(
            f"\ntelegram one line: 1 message, 0 taps, API {dict(one_line)}"
            f"\ntelegram /them: {len(typed)} messages, {len(taps)} taps, API {dict(guided)}"
        )
    finally:
        await tg.stop()


async def test_zalo_messages_per_household(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    await make_user(runtime, external_id=ZALO_ID, channel="zalo")
    async with running_zalo(settings, clock) as (fake, running):
        zalo = ZaloHarness(fake, running)
        replies = await zalo.say(ZALO_ID, LINE)
        assert len(replies) == 1 and "Đã lưu hộ" in replies[0].text
        typed = ["/them", "Lê Thị Đếm", "1", "0912 345 802", "1, 4", "bỏ qua", "1"]
        sent = [len(await zalo.say(ZALO_ID, answer)) for answer in typed]
        assert "Đã lưu hộ" in fake.sent_to(ZALO_ID)[-1].text
        assert sent == [1] * len(typed)
        print(
            f"\nzalo one line: 1 message, 1 reply; zalo /them: {len(typed)} messages, "
            f"{sum(sent)} replies"
        )
