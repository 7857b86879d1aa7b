"""Files for channels that cannot send them (Zalo): a chart becomes a picture URL, a
spreadsheet or document an expiring, single-use download link for the person who asked.

The HTTP server (bot/http_server.py) serves the links through `look` and `take`.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import shutil
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from handlers.engine.context import Services
from handlers.engine.i18n import fmt_datetime, t
from handlers.engine.messages import Reply, discard_file
from models import downloads
from models.downloads import FILE, IMAGE, Download, Refusal
from models.people import User

log = logging.getLogger(__name__)

PATH = "/d/"  # the server's route for links: /d/<token>


def folder(services: Services) -> Path:
    return services.settings.data_dir / "downloads"


def _store(services: Services, source: Path, move: bool) -> Path:
    """The file's own copy under data_dir/downloads, in a folder nobody can guess."""
    target = folder(services) / secrets.token_hex(16) / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    if move:
        shutil.move(source, target)
        discard_file(source)  # its scratch folder, once empty
    else:
        shutil.copyfile(source, target)
    return target


async def as_links(services: Services, user_id: int | None, replies: list[Reply]) -> list[Reply]:
    """Replies with their files turned into links (or, with no public address configured,
    into a note saying where to get them)."""
    if not any(r.file or r.image for r in replies):
        return replies
    settings = services.settings
    base = settings.http.public_url
    ttl = timedelta(minutes=settings.http.download_minutes)
    done: list[Reply] = []
    async with services.sessions() as session, session.begin():
        user = await session.get(User, user_id) if user_id is not None else None
        now = services.clock.now()
        for reply in replies:
            lang = reply.lang or settings.language
            if reply.personal and reply.image is not None and reply.file is None:
                # A receipt's photo: a single-use link for this person, like a spreadsheet.
                reply = replace(reply, file=reply.image, image=None)
            if reply.image is not None and reply.file is None:
                if base and user is not None:
                    stored = await asyncio.to_thread(_store, services, reply.image, reply.cleanup)
                    offer = await downloads.offer(
                        session,
                        path=str(stored),
                        filename=stored.name,
                        kind=IMAGE,
                        user=user,
                        now=now,
                        ttl=ttl,
                    )
                    reply = replace(
                        reply, image=None, cleanup=False, image_url=f"{base}{PATH}{offer.token}"
                    )
                    done.append(reply)
                elif reply.cleanup:  # the figures are in the text; the chart is a bonus
                    discard_file(reply.image)
                continue
            if reply.file is None:
                done.append(reply)
                continue
            name = reply.file.name
            if base and user is not None:
                stored = await asyncio.to_thread(_store, services, reply.file, reply.cleanup)
                offer = await downloads.offer(
                    session, path=str(stored), filename=name, kind=FILE, user=user, now=now, ttl=ttl
                )
                note = t(
                    lang,
                    "download_link",
                    name=name,
                    url=f"{base}{PATH}{offer.token}",
                    expires=fmt_datetime(offer.download.expires_at, settings.timezone),
                )
            else:
                if reply.cleanup:
                    discard_file(reply.file)
                note = t(lang, "download_unavailable", name=name)
            text = f"{reply.text}\n\n{note}" if reply.text else note
            done.append(replace(reply, text=text, file=None, image=None, cleanup=False))
    return done


@dataclass(frozen=True)
class Fetched:
    data: bytes
    filename: str
    kind: str


async def look(services: Services, token: str) -> Download | Refusal:
    """What the link is, without using it (the page a browser or a link preview sees)."""
    async with services.sessions() as session:
        row = await downloads.find(session, token)
        refusal = await downloads.check(session, row, services.clock.now())
        if refusal is not None:
            return refusal
        assert row is not None
        return row


async def take(services: Services, token: str) -> Fetched | Refusal:
    """Use the link: checked, spent (a file) and audited in one transaction."""
    async with services.sessions() as session, session.begin():
        now = services.clock.now()
        result = await downloads.claim(session, token, now)
        if isinstance(result, Refusal):
            return result
        path = Path(result.path)
        try:
            data = await asyncio.to_thread(path.read_bytes)
        except OSError:
            log.warning("download %d: file missing", result.id)
            result.purged_at = now
            return Refusal.EXPIRED
        if result.kind == FILE:  # spent: its personal data leaves the disk now
            discard_file(path)
            result.purged_at = now
        return Fetched(data=data, filename=result.filename, kind=result.kind)


async def purge(services: Services, now: datetime | None = None) -> int:
    """Delete files of used and expired links (they hold personal data); rows stay."""
    async with services.sessions() as session, session.begin():
        now = now or services.clock.now()
        rows = await downloads.to_purge(session, now)
        for row in rows:
            discard_file(Path(row.path))
            row.purged_at = now
        return len(rows)


def refusal_text(lang: str, refusal: Refusal) -> str:
    return t(lang, refusal.value)
