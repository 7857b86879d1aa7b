"""A scripted console conversation: what a user types, what the bot answers."""

from __future__ import annotations

import io
import re

from bot.channels.console import ConsoleChannel
from bot.runtime import Runtime
from handlers.engine.messages import Reply


class Chat:
    """Drives the real console transport; `say` returns the rendered replies."""

    def __init__(self, runtime: Runtime, user: str) -> None:
        self.out = io.StringIO()
        self.channel = ConsoleChannel(runtime.core, user, "vi", stdout=self.out)
        self.last: list[Reply] = []

    async def say(self, text: str) -> str:
        start = self.out.tell()
        self.last = await self.channel.send(text)
        return self.out.getvalue()[start:]

    async def press(self, label_part: str) -> str:
        """Type the number of the option whose label contains `label_part`."""
        for reply in reversed(self.last):
            for i, opt in enumerate(reply.options, 1):
                if label_part.casefold() in opt.label.casefold():
                    return await self.say(str(i))
        raise AssertionError(f"no option containing {label_part!r} in {self.last!r}")


def entry_id(text: str) -> int:
    match = re.search(r"#(\d+)", text)
    assert match, text
    return int(match.group(1))
