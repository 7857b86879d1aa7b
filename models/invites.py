"""Single-use, expiring invite codes. Only a SHA-256 of the code is stored."""

from __future__ import annotations

import enum
import hashlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.audit import record, snapshot
from models.campaign import Hamlet
from models.households import Entry
from models.people import Identity, Invite, Role, User
from models.records import Dialog
from models.text import fold

# No 0/O/1/I/L: codes are read aloud and typed on phones.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10
_NOT_CODE = re.compile(r"[\s\-_.]")


def normalize_code(raw: str) -> str:
    return _NOT_CODE.sub("", raw).upper()


def hash_code(code: str) -> str:
    return hashlib.sha256(normalize_code(code).encode()).hexdigest()


def looks_like_code(raw: str) -> bool:
    """Could this text be an invite or link code? (10 characters of ALPHABET; spaces, dashes
    and lower case allowed, as people type codes read aloud or copied from a message.)"""
    if len(raw) > 3 * CODE_LENGTH:
        return False
    code = normalize_code(raw)
    return len(code) == CODE_LENGTH and all(ch in ALPHABET for ch in code)


def _new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


async def create_invite(
    session: AsyncSession,
    *,
    role: Role,
    hamlet: Hamlet | None,
    created_by: int | None,
    now: datetime,
    ttl: timedelta,
    unit: str | None = None,
) -> tuple[str, Invite]:
    """`unit`: the commune a supervisor's access is bound to (None: every commune)."""
    if role.needs_hamlet and hamlet is None:
        raise ValueError("this role needs a hamlet")
    code = _new_code()
    invite = Invite(
        code_hash=hash_code(code),
        role=role,
        hamlet_id=hamlet.id if hamlet else None,
        unit=unit if role == Role.SUPERVISOR else None,
        created_by=created_by,
        created_at=now,
        expires_at=now + ttl,
    )
    session.add(invite)
    await session.flush()
    record(
        session,
        at=now,
        actor_id=created_by,
        action="create",
        target="invite",
        target_id=invite.id,
        after=snapshot(invite, {"code_hash": "…"}),
    )
    return code, invite


async def create_link_code(
    session: AsyncSession,
    *,
    user: User,
    created_by: int | None,
    now: datetime,
    ttl: timedelta,
) -> tuple[str, Invite]:
    """A single-use code that attaches the account it is sent from to `user` (same entries,
    role and hamlet): how one person uses the bot on Telegram, Zalo and the console."""
    if not user.active:
        raise ValueError("cannot link to an inactive user")
    code = _new_code()
    invite = Invite(
        code_hash=hash_code(code),
        role=user.role,
        hamlet_id=user.hamlet_id,
        created_by=created_by,
        created_at=now,
        expires_at=now + ttl,
        link_user_id=user.id,
    )
    session.add(invite)
    await session.flush()
    record(
        session,
        at=now,
        actor_id=created_by,
        action="create",
        target="invite",
        target_id=invite.id,
        after=snapshot(invite, {"code_hash": "…"}),
    )
    return code, invite


@dataclass(frozen=True)
class InviteSpec:
    """One person of a bulk invite: the role and hamlet the code gives, a supervisor's
    commune (None: every commune) and who it is for (the phone in E.164, or "")."""

    role: Role
    hamlet_id: int | None
    name: str
    phone: str = ""
    unit: str | None = None


class BulkInviteError(ValueError):
    """A bulk invite refused as a whole (nothing was created): `index` is the spec's place."""

    def __init__(self, index: int, reason: str) -> None:
        super().__init__(f"invite {index}: {reason}")
        self.index = index
        self.reason = reason  # "needs_hamlet", "hamlet_inactive"


async def create_invites(
    session: AsyncSession,
    specs: Sequence[InviteSpec],
    *,
    created_by: int | None,
    now: datetime,
    ttl: timedelta,
) -> list[tuple[str, Invite]]:
    """Invites for many people at once, in the caller's transaction, audited one by one
    as `create_invite` does. Every spec is checked before anything is added: either all
    are created or (BulkInviteError) none."""
    wanted = {spec.hamlet_id for spec in specs if spec.hamlet_id is not None}
    live = (
        set(await session.scalars(select(Hamlet.id).where(Hamlet.id.in_(wanted), Hamlet.active)))
        if wanted
        else set()
    )
    for index, spec in enumerate(specs):
        if spec.role.needs_hamlet and spec.hamlet_id is None:
            raise BulkInviteError(index, "needs_hamlet")
        if spec.hamlet_id is not None and spec.hamlet_id not in live:
            raise BulkInviteError(index, "hamlet_inactive")
    made: list[tuple[str, Invite]] = []
    for spec in specs:
        code = _new_code()
        invite = Invite(
            code_hash=hash_code(code),
            role=spec.role,
            hamlet_id=spec.hamlet_id,
            unit=spec.unit if spec.role == Role.SUPERVISOR else None,
            invitee_name=spec.name[:200],
            invitee_phone=spec.phone[:20],
            created_by=created_by,
            created_at=now,
            expires_at=now + ttl,
        )
        session.add(invite)
        made.append((code, invite))
    await session.flush()
    for _, invite in made:
        record(
            session,
            at=now,
            actor_id=created_by,
            action="create",
            target="invite",
            target_id=invite.id,
            after=snapshot(invite, {"code_hash": "…", "bulk": len(made)}),
        )
    return made


class RedeemError(enum.StrEnum):
    WRONG = "invite_wrong"
    USED = "invite_used"
    EXPIRED = "invite_expired"
    HAMLET_GONE = "invite_hamlet_inactive"
    # Link codes (the values are catalog keys, like the ones above).
    LINK_USER_GONE = "link_user_inactive"
    LINKED_ALREADY = "link_already"  # harmless: the code stays unused
    LINK_CHANNEL_TAKEN = "link_channel_taken"  # the user has another account on that channel


@dataclass(frozen=True)
class AccountHasEntries:
    """A link code refused: the sender's account is another user's, who logged entries.
    Merging two people's work is not done automatically."""

    entries: int


@dataclass(frozen=True)
class Redeemed:
    user: User
    role_changed: bool
    linked: bool = False  # a link code: the sender's account now belongs to `user`
    # The sender's account was another (entry-less) user's and was moved to `user`.
    merged_user_id: int | None = None
    merged_deactivated: bool = False


async def redeem_invite(
    session: AsyncSession,
    *,
    code: str,
    channel: str,
    external_id: str,
    display_name: str,
    existing: User | None,
    now: datetime,
) -> Redeemed | RedeemError | AccountHasEntries:
    """Bind the sender to the invite's role and hamlet (or re-bind an existing user).

    A new user is named as the invite names them (`invitee_name`, from a staff list) when it
    does, else by `display_name` (their name on the app, kept in the audit either way).
    A link code instead attaches the sender's account to the code's user (see _link)."""
    invite = await session.scalar(
        select(Invite).where(Invite.code_hash == hash_code(code)).with_for_update()
    )
    if invite is None:
        return RedeemError.WRONG
    if invite.used_at is not None:
        return RedeemError.USED
    if invite.expires_at <= now or invite.revoked_at is not None:
        return RedeemError.EXPIRED
    if invite.link_user_id is not None:
        return await _link(session, invite, channel=channel, external_id=external_id, now=now)
    if invite.hamlet_id is not None:
        hamlet = await session.get(Hamlet, invite.hamlet_id)
        if hamlet is None or not hamlet.active:
            return RedeemError.HAMLET_GONE
    if existing is None:
        # find_user sees active users only: a deactivated user writing again from their own
        # account comes back as themselves (same id and entries), not as a new user.
        existing = await _inactive_owner(session, channel, external_id, now)
    if existing is None:
        invited_as = " ".join(invite.invitee_name.split())
        user = User(
            display_name=invited_as or display_name,
            role=invite.role,
            hamlet_id=invite.hamlet_id,
            unit=invite.unit if invite.role == Role.SUPERVISOR else None,
            created_at=now,
            active=True,
        )
        session.add(user)
        await session.flush()
        session.add(
            Identity(user_id=user.id, channel=channel, external_id=external_id, created_at=now)
        )
        record(
            session,
            at=now,
            actor_id=user.id,
            action="register",
            target="user",
            target_id=user.id,
            after=snapshot(user, {"invite_id": invite.id, "app_name": display_name}),
        )
        changed = True
    else:
        user = existing
        before = snapshot(user)
        user.role = invite.role
        user.hamlet_id = invite.hamlet_id
        # A supervisor's scope is the invite's; any other role has none.
        user.unit = invite.unit if invite.role == Role.SUPERVISOR else None
        user.active = True
        # Access given back: no longer marked as taken away (the audit keeps that it was).
        user.deactivated_at = None
        user.deactivated_by = None
        user.deactivation_reason = ""
        record(
            session,
            at=now,
            actor_id=user.id,
            action="reassign",
            target="user",
            target_id=user.id,
            before=before,
            after=snapshot(user, {"invite_id": invite.id}),
        )
        changed = before != snapshot(user)
    invite.used_at = now
    invite.used_by = user.id
    await session.flush()
    return Redeemed(user=user, role_changed=changed)


async def _inactive_owner(
    session: AsyncSession,
    channel: str,
    external_id: str,
    now: datetime,
) -> User | None:
    """The deactivated user the account (channel, external_id) belongs to, if any.

    Their unfinished conversation from before is dropped (the redeeming branch re-activates
    them), and the account counts as seen now, as for any user who writes."""
    identity = await session.scalar(
        select(Identity).where(Identity.channel == channel, Identity.external_id == external_id)
    )
    if identity is None:
        return None
    user = await session.get(User, identity.user_id)
    if user is None or user.active:
        return None
    dialog = await session.get(Dialog, user.id)
    if dialog is not None:
        await session.delete(dialog)
    identity.blocked_at = None
    identity.last_seen_at = now
    return user


async def count_entries(session: AsyncSession, officer_id: int) -> int:
    """Entries a user logged and has not deleted."""
    return int(
        await session.scalar(
            select(func.count())
            .select_from(Entry)
            .where(Entry.officer_id == officer_id, Entry.deleted_at.is_(None))
        )
        or 0
    )


async def _link(
    session: AsyncSession,
    invite: Invite,
    *,
    channel: str,
    external_id: str,
    now: datetime,
) -> Redeemed | RedeemError | AccountHasEntries:
    """Attach the account (channel, external_id) to the link code's user.

    If that account already belongs to another user with no entries, it is moved and that
    user is deactivated once no account is left to it; with entries, it is refused."""
    target = await session.get(User, invite.link_user_id)
    if target is None or not target.active:
        return RedeemError.LINK_USER_GONE
    identity = await session.scalar(
        select(Identity).where(Identity.channel == channel, Identity.external_id == external_id)
    )
    if identity is not None and identity.user_id == target.id:
        return RedeemError.LINKED_ALREADY
    if (
        await session.scalar(
            select(Identity.id)
            .where(Identity.user_id == target.id, Identity.channel == channel)
            .limit(1)
        )
        is not None
    ):
        return RedeemError.LINK_CHANNEL_TAKEN
    merged_id: int | None = None
    deactivated = False
    if identity is None:
        identity = Identity(
            user_id=target.id,
            channel=channel,
            external_id=external_id,
            created_at=now,
            last_seen_at=now,
        )
        session.add(identity)
        await session.flush()
        record(
            session,
            at=now,
            actor_id=target.id,
            action="link_identity",
            target="user",
            target_id=target.id,
            after={"channel": channel, "identity_id": identity.id, "invite_id": invite.id},
        )
    else:
        other = await session.get(User, identity.user_id)
        assert other is not None
        entries = await count_entries(session, other.id)
        if entries:
            return AccountHasEntries(entries=entries)
        merged_id = other.id
        before_link = {
            "channel": channel,
            "identity_id": identity.id,
            "user_id": other.id,
            "created_at": identity.created_at.isoformat(),
        }
        identity.user_id = target.id
        identity.created_at = now  # linked to this user now (the audit keeps the old date)
        identity.last_seen_at = now
        identity.blocked_at = None
        await session.flush()
        record(
            session,
            at=now,
            actor_id=target.id,
            action="link_identity",
            target="user",
            target_id=target.id,
            before=before_link,
            after={
                "channel": channel,
                "identity_id": identity.id,
                "user_id": target.id,
                "invite_id": invite.id,
            },
        )
        left = await session.scalar(
            select(Identity.id).where(Identity.user_id == other.id).limit(1)
        )
        if other.active and left is None:
            before = snapshot(other)
            other.active = False
            deactivated = True
            record(
                session,
                at=now,
                actor_id=target.id,
                action="deactivate",
                target="user",
                target_id=other.id,
                before=before,
                after=snapshot(other, {"merged_into": target.id}),
            )
    invite.used_at = now
    invite.used_by = target.id
    await session.flush()
    return Redeemed(
        user=target,
        role_changed=False,
        linked=True,
        merged_user_id=merged_id,
        merged_deactivated=deactivated,
    )


async def identities_of(session: AsyncSession, user_id: int) -> list[Identity]:
    """A user's accounts, oldest first."""
    return list(
        await session.scalars(
            select(Identity)
            .where(Identity.user_id == user_id)
            .order_by(Identity.created_at, Identity.id)
        )
    )


async def search_users(session: AsyncSession, query: str) -> list[User]:
    """Active users whose name matches `query` without marks or case ("nguyen an" finds
    "Nguyễn Văn An"): every word of the query starts a word of the name. Exact names win."""
    words = fold(query).split()
    if not words:
        return []
    users = await session.scalars(
        select(User).where(User.active).order_by(User.display_name, User.id)
    )
    found: list[User] = []
    exact: list[User] = []
    for user in users:
        name = fold(user.display_name)
        parts = name.split()
        if all(any(p.startswith(w) for p in parts) for w in words):
            found.append(user)
            if name == " ".join(words):
                exact.append(user)
    return exact or found


async def find_account(
    session: AsyncSession, channel: str, external_id: str
) -> tuple[User, Identity, Hamlet | None] | None:
    """The active user behind a chat account, with the account itself and the user's
    hamlet (read in the same query: nearly every message needs it).

    The user's row stays locked until commit (PostgreSQL; SQLite has one writer anyway):
    their messages, whichever process received them, are handled one after another, as
    each reads and writes the dialog state. The dialog is read after the lock, not joined
    here: a row joined to a locked one may be the version from before the wait.
    """
    row = (
        await session.execute(
            select(User, Identity, Hamlet)
            .join(Identity, Identity.user_id == User.id)
            .outerjoin(Hamlet, Hamlet.id == User.hamlet_id)
            .where(
                Identity.channel == channel,
                Identity.external_id == external_id,
                User.active,
            )
            .with_for_update(of=User)
        )
    ).first()
    return (row[0], row[1], row[2]) if row is not None else None
