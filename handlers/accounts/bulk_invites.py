"""Bulk invites: an admin sends a staff list (.xlsx/.csv) and gets a code and link per
person, plus a printable sheet with QR codes."""

from __future__ import annotations

from handlers.engine.router import Router

router = Router("bulk_invites")
