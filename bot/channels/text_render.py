"""Rendering shared by text-only channels (console, Zalo): numbered options, message splitting."""

from __future__ import annotations

from handlers.engine.i18n import t
from handlers.engine.messages import Reply


def numbered(reply: Reply, lang: str) -> str:
    """Options as numbered lines plus "(Trả lời 1, 2 hoặc 3)"."""
    if not reply.options:
        return reply.text
    if reply.words_only:
        # Numbers answer the open question; these are typed as words.
        words = [
            t(lang, "cli_type_word", label=o.label, word=o.typed or o.label) for o in reply.options
        ]
        return "\n".join([reply.text, "", *words])
    lines = [reply.text, ""]
    lines += [f"{i}. {opt.label}" for i, opt in enumerate(reply.options, 1)]
    numbers = [str(i) for i in range(1, len(reply.options) + 1)]
    if len(numbers) > 4:
        lines.append(t(lang, "cli_reply_with_range", last=numbers[-1]))
        return "\n".join(lines)
    joined = (
        numbers[0]
        if len(numbers) == 1
        else ", ".join(numbers[:-1]) + f" {t(lang, 'cli_or')} {numbers[-1]}"
    )
    lines.append(t(lang, "cli_reply_with_number", numbers=joined))
    return "\n".join(lines)


def split_text(text: str, limit: int) -> list[str]:
    """Split on line boundaries into chunks of at most `limit` characters.

    An indented line continues the item above it (a hamlet's figures under its name), so
    a chunk does not start with one when the item can move to the next chunk whole.
    """
    if len(text) <= limit:
        return [text]
    chunks: list[str] = []
    current: list[str] = []
    size = -1  # characters in `current` joined with newlines

    def flush(lines: list[str]) -> None:
        if lines:
            chunks.append("\n".join(lines))

    for line in text.split("\n"):
        while len(line) > limit:  # a single overlong line: cut it hard
            flush(current)
            current, size = [], -1
            chunks.append(line[:limit])
            line = line[limit:]
        if size + 1 + len(line) > limit:
            carry: list[str] = []
            if line[:1].isspace():
                start = next(
                    (i for i in range(len(current) - 1, 0, -1) if not current[i][:1].isspace()), 0
                )
                carry_size = sum(len(x) + 1 for x in current[start:]) + len(line)
                if start > 0 and carry_size <= limit:
                    current, carry = current[:start], current[start:]
            flush(current)
            current = carry
            size = sum(len(x) + 1 for x in current) - 1
        current.append(line)
        size += 1 + len(line)
    flush(current)
    return chunks
