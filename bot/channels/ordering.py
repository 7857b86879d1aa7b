"""Each chat's messages one after another, in arrival order; different chats side by side.

Shared by every channel (Telegram's update processor, Zalo's queues): a slow report for one
person does not hold up everybody else, and a person's "save" never overtakes the line it
saves. Plain asyncio, no messenger library.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class ChatLocks:
    def __init__(self) -> None:
        # Per chat: its lock and how many of its messages are queued or running. The lock
        # is dropped only when that count is 0: a lock just released to a waiting message
        # is not held yet, and a fresh lock then would let a newer message overtake it.
        self._chats: dict[str, tuple[asyncio.Lock, list[int]]] = {}

    @asynccontextmanager
    async def hold(self, chat_id: str) -> AsyncIterator[None]:
        """Enter in arrival order (asyncio locks wake waiters first come, first served)."""
        lock, pending = self._chats.setdefault(chat_id, (asyncio.Lock(), [0]))
        pending[0] += 1
        try:
            async with lock:
                yield
        finally:
            pending[0] -= 1
            if pending[0] == 0:
                del self._chats[chat_id]

    def __len__(self) -> int:
        return len(self._chats)
