"""Telegram updates: different chats side by side, one chat's strictly in arrival order."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from telegram import Chat, Message, Update

from bot.channels.telegram_updates import PerChatUpdateProcessor


def _update(update_id: int, chat_id: int) -> Update:
    chat = Chat(id=chat_id, type="private")
    return Update(
        update_id=update_id,
        message=Message(
            message_id=update_id, date=datetime(2026, 4, 15, tzinfo=UTC), chat=chat, text="x"
        ),
    )


async def test_one_chat_in_order_others_alongside() -> None:
    processor = PerChatUpdateProcessor(4)
    log: list[str] = []
    gate = asyncio.Event()

    async def work(name: str, wait: asyncio.Event | None = None) -> None:
        log.append(f"{name}+")
        if wait is not None:
            await wait.wait()
        await asyncio.sleep(0.01)
        log.append(f"{name}-")

    tasks = [
        asyncio.create_task(processor.process_update(_update(1, 7), work("a1", gate))),
        asyncio.create_task(processor.process_update(_update(2, 7), work("a2"))),
        asyncio.create_task(processor.process_update(_update(3, 8), work("b1"))),
    ]
    await asyncio.sleep(0.05)
    assert log == ["a1+", "b1+", "b1-"]  # chat 8 is not held up by chat 7's slow update
    gate.set()
    await asyncio.gather(*tasks)
    assert log[3:] == ["a1-", "a2+", "a2-"]
    assert len(processor.chats) == 0  # nothing kept once a chat is idle


async def test_the_limit_holds_and_order_survives_a_full_house() -> None:
    processor = PerChatUpdateProcessor(2)
    running, peak = 0, 0
    seen: list[int] = []

    async def work(n: int) -> None:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        seen.append(n)
        await asyncio.sleep(0.005)
        running -= 1

    # 30 updates from 3 chats, more than the 2 slots: each chat's still run in order.
    await asyncio.gather(
        *(processor.process_update(_update(n, 100 + n % 3), work(n)) for n in range(30))
    )
    assert peak == 2
    for chat in range(3):
        mine = [n for n in seen if n % 3 == chat]
        assert mine == sorted(mine)
