"""The plain values that cross between transports and the conversation core."""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

PRIVATE = "private"


@dataclass(frozen=True)
class Attachment:
    """A file the user sent (a household roster, a staff list, a photo or PDF receipt). The
    channel fetched it before handing the message over, so the core never talks to a
    messenger's file API. Its bytes never appear in a repr (logs, tracebacks)."""

    name: str
    data: bytes = field(default=b"", repr=False)
    refused: str = ""  # why the channel did not fetch it: "too_big" or "failed"
    photo: bool = False  # sent as a picture (Telegram photo, Zalo image), not as a file
    album: str = ""  # pictures sent together (Telegram's media group id) share it


@dataclass(frozen=True)
class Contact:
    """A contact card the user shared (Telegram): a phone number and the name saved with it."""

    phone: str
    name: str = ""


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
    contact: Contact | None = None
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
    # The file/image holds personal data (a receipt): channels without uploads give it as a
    # single-use link for the person who asked, never as a public picture URL.
    personal: bool = False


# A folder of one request's (or one download link's) own: 32 hex digits (uuid4().hex,
# secrets.token_hex(16)). Only such a folder is removed with its last file.
_OWN_FOLDER = re.compile(r"[0-9a-f]{32}")


def scratch_dir(data_dir: Path) -> Path:
    """A fresh folder for one request's files sent in chat (a chart, a spreadsheet): the
    channel deletes them once sent, and the folder with the last of them. Never write a
    scratch file straight into a shared folder."""
    return data_dir / "outbox" / uuid.uuid4().hex


def reply_to_dict(reply: Reply) -> dict[str, Any]:
    """A reply as JSON (an outbox row); its file is written after the commit, to its path."""
    return {
        "text": reply.text,
        "options": [[o.label, o.value, o.typed] for o in reply.options],
        "file": str(reply.file) if reply.file else None,
        "image": str(reply.image) if reply.image else None,
        "per_row": reply.options_per_row,
        "cleanup": reply.cleanup,
        "phone": reply.phone,
        "image_url": reply.image_url,
        "lang": reply.lang,
        "words_only": reply.words_only,
        "personal": reply.personal,
    }


def reply_from_dict(data: dict[str, Any]) -> Reply:
    def path(value: object) -> Path | None:
        return Path(value) if isinstance(value, str) and value else None

    options = tuple(
        Option(str(o[0]), str(o[1]), str(o[2]) if len(o) > 2 else "")
        for o in data.get("options") or []
    )
    return Reply(
        text=str(data.get("text") or ""),
        options=options,
        file=path(data.get("file")),
        image=path(data.get("image")),
        options_per_row=int(data.get("per_row") or 1),
        cleanup=bool(data.get("cleanup")),
        phone=data.get("phone") or None,
        image_url=data.get("image_url") or None,
        lang=str(data.get("lang") or ""),
        words_only=bool(data.get("words_only")),
        personal=bool(data.get("personal")),
    )


def discard_file(path: Path | None) -> None:
    """Delete a scratch file (it may hold personal data), and its own folder once empty.

    A shared folder (data/outbox, data/downloads) is never removed: another request may have
    just created it and be about to write its file there."""
    if path is None:
        return
    path.unlink(missing_ok=True)
    if _OWN_FOLDER.fullmatch(path.parent.name):
        with contextlib.suppress(OSError):
            path.parent.rmdir()
