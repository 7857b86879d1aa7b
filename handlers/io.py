"""The plain values that cross between transports and the conversation core."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

PRIVATE = "private"


@dataclass(frozen=True)
class Attachment:
    """A file the user sent (a household roster). The channel fetched it before handing
    the message over, so the core never talks to a messenger's file API."""

    name: str
    data: bytes = b""
    refused: str = ""  # why the channel did not fetch it: "too_big" or "failed"


@dataclass(frozen=True)
class Inbound:
    """One message or button press, whatever channel it came from."""

    channel: str  # "telegram", "zalo", "console"
    user_id: str  # the sender's id on that channel
    chat_id: str
    chat_type: str  # "private", "group", "supergroup", "channel"
    text: str = ""
    option: str | None = None  # value of a pressed button, if any
    delivery_key: str = ""  # unique per delivered update: redeliveries share it
    sender_name: str = ""
    bot_username: str = ""  # lets replies build t.me deep links
    attachment: Attachment | None = None
    # When the user wrote it, as the platform says (UTC): Telegram's message date, Zalo's
    # timestamp. None (a button press, the console) means "now". "Today" and whether a typed
    # answer could have seen the question are judged by this, not by arrival.
    sent_at: datetime | None = None


@dataclass(frozen=True)
class Option:
    label: str
    value: str
    typed: str = ""  # what to type for it where the reply is `words_only` ("hoàn tác 12")


@dataclass(frozen=True)
class Reply:
    text: str
    options: tuple[Option, ...] = ()
    file: Path | None = None
    image: Path | None = None
    options_per_row: int = 1
    # The file/image is a scratch copy: the channel deletes it once sent (it may hold
    # personal data, which should not pile up on the server's disk).
    cleanup: bool = False
    # Writes `file`/`image` after the transaction commits (in a worker thread), so drawing a
    # chart or writing a spreadsheet never holds the database's write lock.
    render: Callable[[], object] | None = None
    # A phone number (E.164) shown in `text` in national format: channels that can make it
    # tap-to-call (Telegram: a tel: link) do so.
    phone: str | None = None
    # A public address of `image` for channels that send pictures by URL only (Zalo): the
    # core fills it in, with a download link, for such channels.
    image_url: str | None = None
    lang: str = ""  # the recipient's language, for text a channel adds ("Trả lời 1 hoặc 2")
    # Channels with buttons show the options as buttons; text channels list them as words to
    # type ("sửa", "hoàn tác") rather than numbers, which answer the open question instead.
    words_only: bool = False
    # Replaces the message whose button was pressed (a multi-select ticking its boxes) on
    # channels that can edit messages; others send it as a new message.
    edit: bool = False


def discard_file(path: Path | None) -> None:
    """Delete a scratch file (it may hold personal data), and its folder once empty."""
    if path is None:
        return
    path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        path.parent.rmdir()
