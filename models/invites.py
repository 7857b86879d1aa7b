"""Single-use, expiring invite codes. Only a SHA-256 of the code is stored."""

from __future__ import annotations

import enum
import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.audit import record, snapshot
from models.campaign import Hamlet
from models.people import Identity, Invite, Role, User

# No 0/O/1/I/L: codes are read aloud and typed on phones.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10
_NOT_CODE = re.compile(r"[\s\-_.]")


def normalize_code(raw: str) -> str:
    return _NOT_CODE.sub("", raw).upper()


def hash_code(code: str) -> str:
    return hashlib.sha256(normalize_code(code).encode()).hexdigest()


async def create_invite(
    session: AsyncSession, *, role: Role, hamlet: Hamlet | None, created_by: int | None,
    now: datetime, ttl: timedelta,
) -> tuple[str, Invite]:
    if role.needs_hamlet and hamlet is None:
        raise ValueError("this role needs a hamlet")
    code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    invite = Invite(code_hash=hash_code(code), role=role,
                    hamlet_id=hamlet.id if hamlet else None, created_by=created_by,
                    created_at=now, expires_at=now + ttl)
    session.add(invite)
    await session.flush()
    record(session, at=now, actor_id=created_by, action="create", target="invite",
           target_id=invite.id, after=snapshot(invite, {"code_hash": "…"}))
    return code, invite


class RedeemError(enum.StrEnum):
    WRONG = "invite_wrong"
    USED = "invite_used"
    EXPIRED = "invite_expired"
    HAMLET_GONE = "invite_hamlet_inactive"


@dataclass(frozen=True)
class Redeemed:
    user: User
    role_changed: bool


async def redeem_invite(
    session: AsyncSession, *, code: str, channel: str, external_id: str, display_name: str,
    existing: User | None, now: datetime,
) -> Redeemed | RedeemError:
    """Bind the sender to the invite's role and hamlet (or re-bind an existing user)."""
    invite = await session.scalar(
        select(Invite).where(Invite.code_hash == hash_code(code)).with_for_update()
    )
    if invite is None:
        return RedeemError.WRONG
    if invite.used_at is not None:
        return RedeemError.USED
    if invite.expires_at <= now:
        return RedeemError.EXPIRED
    if invite.hamlet_id is not None:
        hamlet = await session.get(Hamlet, invite.hamlet_id)
        if hamlet is None or not hamlet.active:
            return RedeemError.HAMLET_GONE
    if existing is None:
        user = User(display_name=display_name, role=invite.role, hamlet_id=invite.hamlet_id,
                    created_at=now, active=True)
        session.add(user)
        await session.flush()
        session.add(Identity(user_id=user.id, channel=channel, external_id=external_id,
                             created_at=now))
        record(session, at=now, actor_id=user.id, action="register", target="user",
               target_id=user.id, after=snapshot(user, {"invite_id": invite.id}))
        changed = True
    else:
        user = existing
        before = snapshot(user)
        user.role = invite.role
        user.hamlet_id = invite.hamlet_id
        user.active = True
        record(session, at=now, actor_id=user.id, action="reassign", target="user",
               target_id=user.id, before=before, after=snapshot(user, {"invite_id": invite.id}))
        changed = before != snapshot(user)
    invite.used_at = now
    invite.used_by = user.id
    await session.flush()
    return Redeemed(user=user, role_changed=changed)


async def find_user(session: AsyncSession, channel: str, external_id: str) -> User | None:
    return await session.scalar(
        select(User).join(Identity).where(
            Identity.channel == channel, Identity.external_id == external_id, User.active,
        )
    )
