"""Each chat's messages one after another, in arrival order; different chats side by side.

Shared by the Telegram and Zalo adapters: a slow report for one person does not hold up
everybody else, and a person's "save" never overtakes the line it saves.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Awaitable, Coroutine
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


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


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """python-telegram-bot's concurrent updates, but never two of one chat at once.

    PTB's own limit is a semaphore taken before `do_process_update`; a full semaphore could
    let a later update of a chat overtake an earlier one. So PTB's is set too high to ever
    wait, the chat's place is taken first (in arrival order), and our limit comes after.
    """

    _UNLIMITED = 1_000_000

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(self._UNLIMITED)
        self.limit = max_concurrent_updates
        self.chats = ChatLocks()
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        # Updates being handled or waiting their chat's turn: a stop that runs out of time
        # cancels them (they stay in the inbox for the next start).
        self.running: set[asyncio.Task[Any]] = set()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        task = asyncio.current_task()
        if task is not None:
            self.running.add(task)
        try:
            chat = update.effective_chat if isinstance(update, Update) else None
            if chat is None:
                async with self._slots:
                    await coroutine
                return
            async with self.chats.hold(str(chat.id)), self._slots:
                await coroutine
        finally:
            if task is not None:
                self.running.discard(task)
            # Cancelled while waiting its chat's turn: never started, closed unrun.
            if (
                isinstance(coroutine, Coroutine)
                and inspect.getcoroutinestate(coroutine) == inspect.CORO_CREATED
            ):
                coroutine.close()

    async def cancel_running(self) -> None:
        """Cut short what is still being handled (after the stop's grace time)."""
        tasks = list(self.running)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""
