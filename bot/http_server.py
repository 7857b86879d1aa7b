"""The one HTTP server (aiohttp): the channels' webhooks, download links, /healthz.

It listens on `http.host:http.port`, normally behind a reverse proxy that terminates
HTTPS at `http.public_url`. Webhook secrets are compared in constant time; a webhook
answers at once and the update is handled in the background (the messengers redeliver a
slow answer, and redeliveries are skipped by message id anyway).
"""

from __future__ import annotations

import hmac
import html
import logging
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from typing import Any
from urllib.parse import quote

from aiohttp import web

from bot.channels.base import Channel, Webhook
from handlers.engine.context import Services
from handlers.engine.downloads import PATH, Fetched, look, refusal_text, take
from handlers.engine.i18n import fmt_datetime, t
from models.downloads import IMAGE, Refusal

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024  # an update is a few kB; anything bigger is not from a messenger

_REFUSAL_STATUS = {Refusal.UNKNOWN: 404, Refusal.EXPIRED: 410, Refusal.USED: 410, Refusal.ROLE: 403}
_PRIVATE = {
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


def same_secret(given: str | None, expected: str) -> bool:
    return bool(expected) and hmac.compare_digest((given or "").encode(), expected.encode())


class HttpServer:
    def __init__(
        self,
        services: Services,
        channels: Sequence[Channel],
        *,
        database_ok: Callable[[], Awaitable[bool]],
    ) -> None:
        self.services = services
        self.channels = channels
        self.database_ok = database_ok
        self.runner: web.AppRunner | None = None
        self.port = 0

    def app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get(PATH + "{token}", self.download_page)
        app.router.add_post(PATH + "{token}", self.download_file)
        # A channel's route exists from the start (the routes are fixed once listening);
        # until the channel has started, it answers 503 and the messenger retries.
        for channel in self.channels:
            path = channel.webhook_path
            if path is not None:
                app.router.add_post(path, partial(self.webhook, channel))
        return app

    async def start(self) -> None:
        cfg = self.services.settings.http
        self.runner = web.AppRunner(self.app(), access_log=None)  # URLs hold tokens
        await self.runner.setup()
        site = web.TCPSite(self.runner, cfg.host, cfg.port)
        await site.start()
        addresses = self.runner.addresses  # the real port when the config asks for 0
        self.port = int(addresses[0][1]) if addresses else cfg.port
        log.info("http server listening on %s:%d", cfg.host, self.port)

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()
            self.runner = None

    # --- health --------------------------------------------------------------------

    async def healthz(self, request: web.Request) -> web.Response:
        try:
            db = await self.database_ok()
        except Exception:  # any failure to reach it is "down", never a 500 page
            log.warning("health check: database unreachable", exc_info=True)
            db = False
        channels = {channel.name: channel.alive for channel in self.channels}
        ok = db and all(channels.values())
        body = {
            "status": "ok" if ok else "down",
            "database": "ok" if db else "down",
            "channels": {name: "up" if up else "down" for name, up in channels.items()},
        }
        return web.json_response(body, status=200 if ok else 503)

    # --- webhooks ------------------------------------------------------------------

    async def webhook(self, channel: Channel, request: web.Request) -> web.Response:
        hook = channel.webhook
        if hook is None:
            return _answer(hook, 503)
        if not same_secret(request.headers.get(hook.secret_header), hook.secret):
            log.warning("%s webhook: wrong or missing secret", channel.name)
            return _answer(hook, 403)
        body = await _json(request)
        if not isinstance(body, dict):
            return _answer(hook, 400)
        try:
            # 200 only once the update is recorded: a crash after it loses nothing.
            accepted = await hook.accept(body)
        except Exception as exc:  # not recorded: the messenger delivers it again
            log.warning("%s webhook: not recorded (%s)", channel.name, type(exc).__name__)
            return _answer(hook, 503)
        if not accepted:
            log.info("%s webhook: body without a usable message ignored", channel.name)
        return _answer(hook, 200)

    # --- download links ------------------------------------------------------------

    def _page(self, title: str, text: str, *, status: int = 200, form: str = "") -> web.Response:
        lang = self.services.settings.language
        body = (
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title></head>"
            '<body style="font-family:sans-serif;max-width:34em;margin:2em auto;'
            f'padding:0 1em"><h1 style="font-size:1.3em">{html.escape(title)}</h1>'
            f"<p>{html.escape(text)}</p>{form}</body></html>"
        )
        return web.Response(text=body, status=status, content_type="text/html", headers=_PRIVATE)

    def _refused(self, refusal: Refusal) -> web.Response:
        lang = self.services.settings.language
        return self._page(
            t(lang, "download_refused_title"),
            refusal_text(lang, refusal),
            status=_REFUSAL_STATUS[refusal],
        )

    async def download_page(self, request: web.Request) -> web.Response:
        """A link preview or a first tap sees this page; only its button spends the link."""
        token = request.match_info["token"]
        found = await look(self.services, token)
        if isinstance(found, Refusal):
            return self._refused(found)
        if found.kind == IMAGE:  # fetched by the messenger's servers, no button to press
            return await self.download_file(request)
        settings = self.services.settings
        lang = settings.language
        text = t(
            lang,
            "download_page",
            name=found.filename,
            expires=fmt_datetime(found.expires_at, settings.timezone),
        )
        form = (
            f'<form method="post" action="{html.escape(PATH + token)}">'
            '<button type="submit" style="font-size:1.2em;padding:.6em 1.4em">'
            f"{html.escape(t(lang, 'download_button'))}</button></form>"
        )
        return self._page(found.filename, text, form=form)

    async def download_file(self, request: web.Request) -> web.Response:
        got = await take(self.services, request.match_info["token"])
        if isinstance(got, Refusal):
            return self._refused(got)
        return _file_response(got)


def _answer(hook: Webhook | None, status: int) -> web.Response:
    if hook is not None and not hook.json_answer:
        return web.Response(status=status)
    return web.json_response({"ok": status == 200}, status=status)


def _file_response(got: Fetched) -> web.Response:
    headers = dict(_PRIVATE)
    if got.kind == IMAGE:
        return web.Response(body=got.data, content_type="image/png", headers=headers)
    # RFC 6266: a Vietnamese file name survives as UTF-8; the ASCII fallback for old apps.
    fallback = got.filename.encode("ascii", "replace").decode().replace("?", "_")
    headers["Content-Disposition"] = (
        f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(got.filename)}"
    )
    return web.Response(body=got.data, content_type=_content_type(got.filename), headers=headers)


def _content_type(name: str) -> str:
    suffix = name.rsplit(".", 1)[-1].lower()
    return {
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "zip": "application/zip",
        "csv": "text/csv",
        "png": "image/png",
    }.get(suffix, "application/octet-stream")


async def _json(request: web.Request) -> Any:
    try:
        return await request.json()
    except (ValueError, web.HTTPException):
        return None
