"""The one HTTP server, over real HTTP on 127.0.0.1: the Zalo webhook (flat and wrapped
bodies, right and wrong secret, redelivery), /healthz, and download links for what Zalo
cannot upload (a chart by URL, a spreadsheet once, for the right person, before expiry)."""

from __future__ import annotations

import asyncio
import io
import re
from datetime import timedelta
from pathlib import Path

import httpx
import openpyxl
import pytest
from sqlalchemy import select, update

from bot.channels.zalo import ZaloChannel
from bot.clock import FixedClock
from bot.config import Settings
from bot.runtime import Runtime
from handlers.engine.downloads import purge
from models.downloads import Download
from models.people import Role, User
from models.records import AuditEvent
from tests.support.campaign import NOW, make_user
from tests.support.seed import seed
from tests.support.zalo_fake import WebhookPusher
from tests.support.zalo_harness import SECRET, ZaloHarness, running_zalo, text

ZALO_ID = "8a1b2c3d4e5f60718293"
PUBLIC = "https://bot.example.vn"
LINK = re.compile(re.escape(PUBLIC) + r"(/d/[A-Za-z0-9_\-]+)")


def local(port: int) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", trust_env=False)


async def test_zalo_webhook_takes_flat_and_wrapped_bodies_with_the_right_secret_only(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    await make_user(runtime, external_id=ZALO_ID, channel="zalo", name="Trần Văn Webhook")
    async with running_zalo(settings, clock, webhook=True) as (fake, running):
        assert running.http is not None
        zalo = ZaloHarness(fake, running)
        # At start-up the bot told Zalo where to post, with the secret; it does not poll.
        assert fake.webhook["url"] == "https://bot.example.vn/zalo/hook"
        assert fake.webhook["secret_token"] == SECRET
        assert not any(method == "getUpdates" for method, _ in fake.calls)
        pusher = WebhookPusher(f"http://127.0.0.1:{running.http.port}/zalo/hook", SECRET)
        try:
            flat = fake.text_update(ZALO_ID, "/tiendo")
            assert await pusher.push(flat, secret="wrong-secret-value") == 403
            assert await pusher.push(flat, secret="") == 403
            assert zalo.channel.done == []  # refused before anything was read

            assert await pusher.push(flat) == 200
            await zalo.channel.wait_done(flat["message"]["message_id"])
            assert "/412" in text(fake.sent_to(ZALO_ID))

            wrapped = fake.text_update(ZALO_ID, "/cuatoi")
            assert await pusher.push(wrapped, wrapped=True) == 200
            await zalo.channel.wait_done(wrapped["message"]["message_id"])
            assert "chưa ghi" in text(fake.sent_to(ZALO_ID)[1:]) or "Trần Văn Webhook" in text(
                fake.sent_to(ZALO_ID)[1:]
            )

            # Zalo redelivers the first message: answered 200, handled no second time.
            before = len(fake.sent)
            assert await pusher.push(flat) == 200
            marker = fake.text_update(ZALO_ID, "/help")
            assert await pusher.push(marker) == 200
            await zalo.channel.wait_done(marker["message"]["message_id"])
            assert zalo.channel.done.count(flat["message"]["message_id"]) == 1
            assert "/412" not in text(fake.sent[before:])

            # Not JSON, or not a message: no crash, nothing sent.
            async with local(running.http.port) as client:
                junk = await client.post(
                    "/zalo/hook", content=b"not json", headers={"X-Bot-Api-Secret-Token": SECRET}
                )
                assert junk.status_code == 400
                odd = await client.post(
                    "/zalo/hook",
                    json={"event_name": "x"},
                    headers={"X-Bot-Api-Secret-Token": SECRET},
                )
                assert odd.status_code == 200
        finally:
            await pusher.close()


async def test_healthz_reports_database_and_channels(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    async with running_zalo(settings, clock, public_url=PUBLIC) as (fake, running):
        assert running.http is not None
        async with local(running.http.port) as client:
            ok = await client.get("/healthz")
            assert ok.status_code == 200
            assert ok.json() == {"status": "ok", "database": "ok", "channels": {"zalo": "up"}}
            channel = running.channels["zalo"]
            assert isinstance(channel, ZaloChannel)
            poller = channel._poller
            assert poller is not None
            poller.cancel()  # the poller dies (as if a bug killed it)
            await fake.wait_until(lambda: poller.done())
            down = await client.get("/healthz")
            assert down.status_code == 503
            assert down.json()["channels"] == {"zalo": "down"}


async def _links(runtime: Runtime) -> list[Download]:
    async with runtime.services.sessions() as session:
        return list(await session.scalars(select(Download).order_by(Download.id)))


@pytest.mark.slow
async def test_download_links_work_once_for_the_right_person_before_expiry(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    seeded = await seed(runtime, channel="zalo")
    async with running_zalo(settings, clock, public_url=PUBLIC) as (fake, running):
        assert running.http is not None
        zalo = ZaloHarness(fake, running)
        sup = zalo.user("sup", "Phòng Văn hóa Xã hội")
        async with local(running.http.port) as client:
            # A chart goes out as a picture the messenger fetches by URL.
            out = await sup.say("/baocao")
            (photo,) = [s for s in out if s.method == "sendPhoto"]
            assert photo.photo.startswith(f"{PUBLIC}/d/")
            image = await client.get(photo.photo[len(PUBLIC) :])
            assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
            assert image.headers["Cache-Control"] == "no-store"

            # A spreadsheet goes out as a link for this supervisor only.
            await sup.say("/xuat")
            out = await sup.say("1")  # Từ đầu phong trào
            reply = text(out)
            assert "dùng được một lần" in reply and "hết hạn lúc 11:00 15/04/2026" in reply
            path = LINK.search(reply)
            assert path is not None
            # A link preview (GET) sees a page with a button; the file is not spent by it.
            for _ in range(2):
                page = await client.get(path.group(1))
                assert page.status_code == 200 and "Tải xuống" in page.text
                assert ".xlsx" in page.text and "0912" not in page.text
            got = await client.post(path.group(1))
            assert got.status_code == 200
            assert "attachment" in got.headers["Content-Disposition"]
            book = openpyxl.load_workbook(io.BytesIO(got.content))
            assert len(book.sheetnames) >= 2
            again = await client.post(path.group(1))
            assert again.status_code == 410 and "đã được dùng" in again.text
            assert (await client.get(path.group(1))).status_code == 410
            # Spent: the copy with names and phones has left the disk.
            (spent,) = [d for d in await _links(runtime) if d.kind == "file"]
            assert not await asyncio.to_thread(Path(spent.path).exists)

            wrong = await client.post("/d/" + "x" * 43)
            assert wrong.status_code == 404 and "không đúng" in wrong.text

            # Expired after an hour (http.download_minutes = 60).
            await sup.say("/xuat")
            late = LINK.search(text(await sup.say("1")))
            assert late is not None
            clock.set(NOW + timedelta(minutes=61))
            expired = await client.post(late.group(1))
            assert expired.status_code == 410 and "hết hạn" in expired.text
            # The periodic purge takes expired files (and the chart) off the disk.
            assert await purge(running.runtime.services) >= 2
            leftovers = await asyncio.to_thread(
                lambda: list((settings.data_dir / "downloads").rglob("*.*"))
            )
            assert leftovers == []
            # The scratch copies moved to their links: not even their folders are left.
            outbox = settings.data_dir / "outbox"
            assert not outbox.exists() or not any(outbox.iterdir())
            clock.set(NOW)

            # The person's role changed since the link was made: refused.
            await sup.say("/xuat")
            moved = LINK.search(text(await sup.say("1")))
            assert moved is not None
            async with runtime.services.sessions() as session, session.begin():
                await session.execute(
                    update(User).where(User.id == seeded.supervisor.id).values(role=Role.OFFICER)
                )
            refused = await client.post(moved.group(1))
            assert refused.status_code == 403 and "vai trò" in refused.text

    async with runtime.services.sessions() as session:
        actions = list(
            await session.scalars(select(AuditEvent.action).where(AuditEvent.target == "download"))
        )
    assert actions.count("download_offer") == 3
    assert actions.count("download") == 1
    assert actions.count("download_refused") >= 3


@pytest.mark.slow
async def test_without_a_public_address_files_are_pointed_elsewhere(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    await seed(runtime, channel="zalo")
    async with running_zalo(settings, clock) as (fake, running):
        assert running.http is None  # nothing to serve: no webhook, no public address
        sup = ZaloHarness(fake, running).user("sup")
        await sup.say("/xuat")
        reply = text(await sup.say("1"))
        assert "không gửi được qua kênh này" in reply and "/d/" not in reply
    assert await _links(runtime) == []
    assert not (settings.data_dir / "downloads").exists() or not any(
        (settings.data_dir / "downloads").rglob("*.xlsx")
    )
