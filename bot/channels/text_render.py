"""Rendering shared by text-only channels (console, Zalo): numbered options, message splitting."""

from __future__ import annotations

from handlers.i18n import t
from handlers.io import Reply


def numbered(reply: Reply, lang: str) -> str:
    """Options as numbered lines plus "(Trả lời 1, 2 hoặc 3)"."""
    if not reply.options:
        return reply.text
    lines = [reply.text, ""]
    lines += [f"{i}. {opt.label}" for i, opt in enumerate(reply.options, 1)]
    numbers = [str(i) for i in range(1, len(reply.options) + 1)]
    if len(numbers) > 4:
        lines.append(t(lang, "cli_reply_with_range", last=numbers[-1]))
        return "\n".join(lines)
    joined = numbers[0] if len(numbers) == 1 else \
        ", ".join(numbers[:-1]) + f" {t(lang, 'cli_or')} {numbers[-1]}"
    lines.append(t(lang, "cli_reply_with_number", numbers=joined))
    return "\n".join(lines)


def split_text(text: str, limit: int) -> list[str]:
    """Split on line boundaries into chunks of at most `limit` characters."""
    if len(text) <= limit:
        return [text]
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:  # a single overlong line: cut it hard
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks
