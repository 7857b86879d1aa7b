"""python-telegram-bot's update processor with each chat's updates in arrival order
(`bot.channels.ordering`)."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.channels.ordering import ChatLocks


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
