"""/thongbaochung (alias /announce): the office's announcement to officers and heads."""

from __future__ import annotations

from handlers.engine.router import Router

router = Router("announce")
