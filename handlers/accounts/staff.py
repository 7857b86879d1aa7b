"""/nhansu (alias /people): the staff list for admins and supervisors in their scope, a
person's card, taking access away, moves between hamlets and role changes."""

from __future__ import annotations

from handlers.engine.router import Router

router = Router("staff")
