"""Console transport: `python -m bot chat` and the demo. Works with a TTY or a pipe."""

from __future__ import annotations

import asyncio
import sys
import uuid
from typing import TextIO

from bot.channels.text_render import numbered
from handlers.engine.core import Core
from handlers.engine.i18n import fmt_int, t
from handlers.engine.messages import PRIVATE, Inbound, Reply, discard_file

CHANNEL = "console"


class ConsoleChannel:
    def __init__(
        self,
        core: Core,
        user: str,
        lang: str,
        *,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
    ) -> None:
        self.core = core
        self.user = user
        self.lang = lang
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout

    def inbound(self, text: str) -> Inbound:
        return Inbound(
            channel=CHANNEL,
            user_id=self.user,
            chat_id=self.user,
            chat_type=PRIVATE,
            text=text,
            delivery_key=uuid.uuid4().hex,
            sender_name=self.user,
        )

    def render(self, reply: Reply) -> str:
        text = numbered(reply, self.lang)
        for path in (reply.file, reply.image):
            if path is None:
                continue
            if reply.personal and reply.cleanup:
                # A scratch copy of a receipt: named and deleted once shown, as the messengers
                # delete theirs once sent, so no copy outlives an /xoatep. The console's own
                # exports (spreadsheets, charts) stay where their path says.
                size = path.stat().st_size if path.exists() else 0
                text += "\n" + t(
                    self.lang,
                    "cli_file_personal",
                    name=path.name,
                    size=fmt_int(self.lang, max(1, size // 1024)),
                )
                discard_file(path)
            else:
                text += "\n" + t(self.lang, "cli_file_attached", path=path)
        return text

    def write(self, text: str) -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    async def send(self, text: str) -> list[Reply]:
        replies = await self.core.handle(self.inbound(text))
        for reply in replies:
            self.write(self.render(reply))
            self.write("")
        return replies

    async def run(self) -> None:
        interactive = self.stdin.isatty()
        self.write(t(self.lang, "cli_chat_banner", user=self.user))
        while True:
            if interactive:
                self.stdout.write("> ")
                self.stdout.flush()
            line = await asyncio.to_thread(self.stdin.readline)
            if not line:  # EOF: Ctrl+D or the end of a piped script
                break
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if not interactive:
                self.write(f"> {line}")
            await self.send(line)
