"""The people who use the bot, as admins and supervisors manage them (issue 20, items 1–3).

Who may be seen: the people of the hamlets the viewer covers (`models.access`), and of the
office (supervisors and admins without a hamlet): every one of them for admins and
supervisors of every commune, the supervisors of the same commune for a commune's supervisor.
`viewer=None` is the system (the command line): everyone.

What changes: taking access away (`deactivate`), moving a person to another hamlet
(`move`), changing a role (`change_role`), signing one app out (`sign_out`), cancelling or
renewing an invite. Each writes an audit event with the row before and after. Entries never
move: they stay with the hamlet they were made for and with the person who made them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, func, or_, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.access import covered_hamlets
from models.audit import record, snapshot
from models.campaign import Hamlet
from models.checks import release
from models.downloads import Download
from models.hamlet_names import names_sorted
from models.households import Entry
from models.invites import create_invite
from models.people import Identity, Invite, Role, User
from models.records import Dialog
from models.text import fold
from models.verification import OPEN, Check

# A reason for taking access away is kept as evidence: a few words at least.
REASON_MIN = 5
REASON_MAX = 500


class StaffError(ValueError):
    """A change that cannot be made as asked (the value is a short code, not a message)."""


@dataclass(frozen=True)
class App:
    channel: str
    last_seen: datetime | None
    linked: datetime | None = None  # when the app was linked to the person
    identity_id: int = 0


@dataclass(frozen=True)
class Person:
    """One person as the staff list and the card show them."""

    user_id: int
    name: str
    role: Role
    hamlet_id: int | None
    hamlet_code: str
    hamlet_name: str
    unit: str | None  # a supervisor's commune (None: every commune)
    active: bool
    deactivated_at: datetime | None
    deactivation_reason: str
    joined: datetime
    apps: tuple[App, ...]
    entries_month: int
    entries_total: int

    @property
    def last_seen(self) -> datetime | None:
        seen = [a.last_seen for a in self.apps if a.last_seen is not None]
        return max(seen) if seen else None


@dataclass(frozen=True)
class PendingInvite:
    invite_id: int
    name: str
    role: Role
    hamlet_name: str
    unit: str | None
    expires_at: datetime


@dataclass(frozen=True)
class Group:
    """The people of one hamlet, or of the office (`hamlet_id` None)."""

    hamlet_id: int | None
    code: str
    name: str
    people: tuple[Person, ...]


@dataclass(frozen=True)
class Staff:
    groups: tuple[Group, ...]
    empty_hamlets: tuple[str, ...]  # covered hamlets in the campaign with nobody yet
    invites: tuple[PendingInvite, ...]

    @property
    def people(self) -> list[Person]:
        return [p for g in self.groups for p in g.people]


@dataclass(frozen=True)
class Released:
    """What a person held and a change let go: their open conversation, unused download
    links, the call cards they had claimed."""

    dialogs: int
    links: int
    cards: int


@dataclass(frozen=True)
class Scope:
    """What a viewer may see of the people: hamlets (ids) and the office."""

    hamlet_ids: frozenset[int] | None  # None: every hamlet
    office: ColumnElement[bool]  # people without a hamlet the viewer sees
    invites_office: ColumnElement[bool] = field(default_factory=true)


def manages(viewer: User | None) -> bool:
    """Admins and supervisors see the staff list; the system (viewer None) too."""
    return viewer is None or viewer.role in (Role.ADMIN, Role.SUPERVISOR)


async def _scope(session: AsyncSession, viewer: User | None) -> Scope:
    if viewer is None or viewer.role == Role.ADMIN:
        return Scope(None, true())
    if viewer.role == Role.SUPERVISOR and viewer.unit is None:
        return Scope(None, true())
    if viewer.role == Role.SUPERVISOR:
        hamlets = await covered_hamlets(session, viewer, active_only=False)
        same = and_(User.role == Role.SUPERVISOR, User.unit == viewer.unit)
        invite_same = and_(Invite.role == Role.SUPERVISOR, Invite.unit == viewer.unit)
        return Scope(frozenset(h.id for h in hamlets), same, invite_same)
    raise StaffError("not_allowed")


def _people_clause(scope: Scope) -> ColumnElement[bool]:
    hamlet = (
        User.hamlet_id.is_not(None)
        if scope.hamlet_ids is None
        else User.hamlet_id.in_(scope.hamlet_ids)
    )
    return or_(hamlet, and_(User.hamlet_id.is_(None), scope.office))


async def visible(session: AsyncSession, viewer: User | None, user_id: int) -> User | None:
    """The person with this id if the viewer may see them (None otherwise)."""
    if not manages(viewer):
        return None
    scope = await _scope(session, viewer)
    return await session.scalar(select(User).where(User.id == user_id, _people_clause(scope)))


def _listed() -> ColumnElement[bool]:
    """People to list: the active ones, and those whose access was taken away or who still
    have an app (not the empty accounts left behind when two accounts were merged)."""
    has_app = select(Identity.id).where(Identity.user_id == User.id).exists()
    return or_(User.active, User.deactivated_at.is_not(None), has_app)


async def _people(
    session: AsyncSession,
    users: Sequence[User],
    *,
    campaign_id: int,
    month_start: date,
) -> list[Person]:
    ids = [u.id for u in users]
    if not ids:
        return []
    apps: dict[int, list[App]] = {}
    for identity in await session.scalars(
        select(Identity).where(Identity.user_id.in_(ids)).order_by(Identity.created_at, Identity.id)
    ):
        apps.setdefault(identity.user_id, []).append(
            App(identity.channel, identity.last_seen_at, identity.created_at, identity.id)
        )
    live = (
        Entry.officer_id.in_(ids),
        Entry.campaign_id == campaign_id,
        Entry.deleted_at.is_(None),
    )
    totals = dict(
        (int(o), int(n))
        for o, n in await session.execute(
            select(Entry.officer_id, func.count()).where(*live).group_by(Entry.officer_id)
        )
    )
    month = dict(
        (int(o), int(n))
        for o, n in await session.execute(
            select(Entry.officer_id, func.count())
            .where(*live, Entry.guided_on >= month_start)
            .group_by(Entry.officer_id)
        )
    )
    hamlet_ids = {u.hamlet_id for u in users if u.hamlet_id is not None}
    hamlets = {
        h.id: h for h in await session.scalars(select(Hamlet).where(Hamlet.id.in_(hamlet_ids)))
    }
    people = []
    for user in users:
        hamlet = hamlets.get(user.hamlet_id) if user.hamlet_id is not None else None
        people.append(
            Person(
                user_id=user.id,
                name=user.display_name,
                role=user.role,
                hamlet_id=user.hamlet_id,
                hamlet_code=hamlet.code if hamlet else "",
                hamlet_name=hamlet.name if hamlet else "",
                unit=user.unit,
                active=user.active,
                deactivated_at=user.deactivated_at,
                deactivation_reason=user.deactivation_reason,
                joined=user.created_at,
                apps=tuple(apps.get(user.id, ())),
                entries_month=month.get(user.id, 0),
                entries_total=totals.get(user.id, 0),
            )
        )
    return people


_ROLE_ORDER = {Role.HAMLET_HEAD: 0, Role.OFFICER: 1, Role.SUPERVISOR: 2, Role.ADMIN: 3}


def _order(person: Person) -> tuple[int, int, str, int]:
    return (0 if person.active else 1, _ROLE_ORDER[person.role], fold(person.name), person.user_id)


async def staff_list(
    session: AsyncSession,
    viewer: User | None,
    *,
    campaign_id: int,
    month_start: date,
    now: datetime,
) -> Staff:
    """Everyone the viewer may see, by hamlet (then the office), and the invites not used."""
    scope = await _scope(session, viewer)
    users = list(
        await session.scalars(
            select(User).where(_people_clause(scope), _listed()).order_by(User.id)
        )
    )
    people = await _people(session, users, campaign_id=campaign_id, month_start=month_start)
    hamlets = list(await session.scalars(select(Hamlet).order_by(Hamlet.code)))
    if scope.hamlet_ids is not None:
        hamlets = [h for h in hamlets if h.id in scope.hamlet_ids]
    groups: list[Group] = []
    empty: list[str] = []
    for hamlet in hamlets:
        mine = sorted((p for p in people if p.hamlet_id == hamlet.id), key=_order)
        if mine:
            groups.append(Group(hamlet.id, hamlet.code, hamlet.name, tuple(mine)))
        elif hamlet.active:
            empty.append(hamlet.name)
    empty = names_sorted(empty)
    office = sorted((p for p in people if p.hamlet_id is None), key=_order)
    if office:
        groups.append(Group(None, "", "", tuple(office)))
    return Staff(
        tuple(groups), tuple(empty), tuple(await pending_invites(session, viewer, now=now))
    )


def _invite_clause(scope: Scope) -> ColumnElement[bool]:
    hamlet = (
        Invite.hamlet_id.is_not(None)
        if scope.hamlet_ids is None
        else Invite.hamlet_id.in_(scope.hamlet_ids)
    )
    return or_(hamlet, and_(Invite.hamlet_id.is_(None), scope.invites_office))


def _pending(now: datetime) -> tuple[ColumnElement[bool], ...]:
    return (
        Invite.used_at.is_(None),
        Invite.revoked_at.is_(None),
        Invite.expires_at > now,
        Invite.link_user_id.is_(None),
    )


async def pending_invites(
    session: AsyncSession, viewer: User | None, *, now: datetime
) -> list[PendingInvite]:
    """Invites the viewer may see that nobody used yet, still valid, not cancelled."""
    scope = await _scope(session, viewer)
    rows = await session.execute(
        select(Invite, Hamlet.name)
        .outerjoin(Hamlet, Hamlet.id == Invite.hamlet_id)
        .where(*_pending(now), _invite_clause(scope))
        .order_by(Invite.expires_at, Invite.id)
    )
    return [
        PendingInvite(
            invite_id=invite.id,
            name=invite.invitee_name,
            role=invite.role,
            hamlet_name=str(name or ""),
            unit=invite.unit,
            expires_at=invite.expires_at,
        )
        for invite, name in rows
    ]


async def pending_invite(
    session: AsyncSession, viewer: User | None, invite_id: int, *, now: datetime
) -> Invite | None:
    """The invite if it is still pending and the viewer may see it."""
    scope = await _scope(session, viewer)
    return await session.scalar(
        select(Invite)
        .where(Invite.id == invite_id, *_pending(now), _invite_clause(scope))
        .with_for_update()
    )


async def person(
    session: AsyncSession, user: User, *, campaign_id: int, month_start: date
) -> Person:
    (found,) = await _people(session, [user], campaign_id=campaign_id, month_start=month_start)
    return found


async def find_people(session: AsyncSession, viewer: User | None, query: str) -> list[User]:
    """People the viewer may see whose name matches `query` without marks or case ("nguyen
    an" finds "Nguyễn Văn An": every word starts a word of the name), or whose number is
    `query` ("#12", "12"); exact names win."""
    scope = await _scope(session, viewer)
    wanted = query.strip().lstrip("#")
    if wanted.isdigit() and len(wanted) < 12:
        found = await session.scalar(
            select(User).where(User.id == int(wanted), _people_clause(scope), _listed())
        )
        return [found] if found is not None else []
    words = fold(query).split()
    if not words:
        return []
    users = await session.scalars(
        select(User).where(_people_clause(scope), _listed()).order_by(User.display_name, User.id)
    )
    found_all: list[User] = []
    exact: list[User] = []
    for user in users:
        name = fold(user.display_name)
        parts = name.split()
        if all(any(p.startswith(w) for p in parts) for w in words):
            found_all.append(user)
            if name == " ".join(words):
                exact.append(user)
    return exact or found_all


async def deactivated_owner(session: AsyncSession, channel: str, external_id: str) -> User | None:
    """The person an app account belongs to when their access was taken away (or who is
    otherwise no longer active): they are told so, not treated as a stranger."""
    return await session.scalar(
        select(User)
        .join(Identity, Identity.user_id == User.id)
        .where(
            Identity.channel == channel,
            Identity.external_id == external_id,
            User.active.is_(False),
        )
    )


# --- changes ---------------------------------------------------------------------------


def clean_reason(reason: str) -> str:
    """The reason as stored; a StaffError when too short to mean anything."""
    text = " ".join(reason.split())
    if len(text) < REASON_MIN:
        raise StaffError("reason_short")
    return text[:REASON_MAX]


async def release_held(session: AsyncSession, *, user: User, now: datetime) -> Released:
    """Let go of what the person holds, after their access was taken away or their role or
    hamlet changed: the open conversation (asked for the old role), unused download links
    (made for the old role and hamlet) and the call cards they claimed (another supervisor
    can call them now)."""
    dialogs = 0
    dialog = await session.get(Dialog, user.id)
    if dialog is not None:
        await session.delete(dialog)
        dialogs = 1
    links = await session.execute(
        update(Download)
        .where(
            Download.user_id == user.id,
            Download.used_at.is_(None),
            Download.expires_at > now,
        )
        .values(expires_at=now)
        .execution_options(synchronize_session=False)
    )
    cards = 0
    for check in await session.scalars(
        select(Check).where(Check.caller_id == user.id, Check.status == OPEN)
    ):
        await release(session, check=check, caller_id=user.id, now=now, to_back=False)
        cards += 1
    await session.flush()
    return Released(dialogs, int(getattr(links, "rowcount", 0) or 0), cards)


def _released(released: Released) -> dict[str, object]:
    return {
        "released": {
            "dialogs": released.dialogs,
            "links": released.links,
            "cards": released.cards,
        }
    }


def check_effective(effective: date, *, today: date, start: date) -> None:
    """A change takes effect when it is made; its effective date says since when it holds:
    today or earlier, not before the campaign began."""
    if effective > today:
        raise StaffError("effective_future")
    if effective < start:
        raise StaffError("effective_early")


async def deactivate(
    session: AsyncSession, *, user: User, actor_id: int | None, reason: str, now: datetime
) -> Released:
    """Take access away now: on every app the person is refused from the next message; their
    open conversation, download links and call cards are released. Entries stay theirs."""
    reason = clean_reason(reason)
    if not user.active:
        raise StaffError("already_off")
    if actor_id is not None and actor_id == user.id:
        raise StaffError("self")
    before = snapshot(user)
    user.active = False
    user.deactivated_at = now
    user.deactivated_by = actor_id
    user.deactivation_reason = reason
    released = await release_held(session, user=user, now=now)
    record(
        session,
        at=now,
        actor_id=actor_id,
        action="user_deactivate",
        target="user",
        target_id=user.id,
        before=before,
        after=snapshot(user, _released(released)),
    )
    return released


async def move(
    session: AsyncSession,
    *,
    user: User,
    hamlet: Hamlet,
    actor_id: int | None,
    effective: date,
    today: date,
    start: date,
    now: datetime,
) -> Released:
    """Attach an officer or hamlet head to another hamlet. Entries stay with the hamlet they
    were made for; per-person figures follow the person (they are by person). What they
    held for the old hamlet is let go (`release_held`)."""
    check_effective(effective, today=today, start=start)
    if not user.active:
        raise StaffError("inactive")
    if not user.role.needs_hamlet:
        raise StaffError("no_hamlet_role")
    if not hamlet.active:
        raise StaffError("hamlet_closed")
    if user.hamlet_id == hamlet.id:
        raise StaffError("same_hamlet")
    before = snapshot(user)
    user.hamlet_id = hamlet.id
    released = await release_held(session, user=user, now=now)
    record(
        session,
        at=now,
        actor_id=actor_id,
        action="user_move",
        target="user",
        target_id=user.id,
        before=before,
        after=snapshot(user, {"effective": effective.isoformat(), **_released(released)}),
    )
    return released


async def change_role(
    session: AsyncSession,
    *,
    user: User,
    role: Role,
    hamlet: Hamlet | None,
    unit: str | None,
    actor_id: int | None,
    effective: date,
    today: date,
    start: date,
    now: datetime,
) -> Released:
    """Give a person another role: officers and heads need a hamlet; a supervisor gets a
    scope (one commune, or None for all); admins and supervisors belong to no hamlet. What
    they held in the old role is let go (`release_held`)."""
    check_effective(effective, today=today, start=start)
    if not user.active:
        raise StaffError("inactive")
    if actor_id is not None and actor_id == user.id:
        raise StaffError("self")
    if role.needs_hamlet:
        if hamlet is None:
            raise StaffError("hamlet_needed")
        if not hamlet.active:
            raise StaffError("hamlet_closed")
    new_hamlet = hamlet.id if role.needs_hamlet and hamlet is not None else None
    new_unit = unit if role == Role.SUPERVISOR else None
    if (user.role, user.hamlet_id, user.unit) == (role, new_hamlet, new_unit):
        raise StaffError("unchanged")
    before = snapshot(user)
    user.role = role
    user.hamlet_id = new_hamlet
    user.unit = new_unit
    released = await release_held(session, user=user, now=now)
    record(
        session,
        at=now,
        actor_id=actor_id,
        action="user_role",
        target="user",
        target_id=user.id,
        before=before,
        after=snapshot(user, {"effective": effective.isoformat(), **_released(released)}),
    )
    return released


async def sign_out(session: AsyncSession, *, user: User, identity: Identity, now: datetime) -> None:
    """The person removes one of their apps. Their last app cannot go: that would leave an
    account nobody can reach (a new invite would be needed)."""
    if identity.user_id != user.id:
        raise StaffError("not_yours")
    if await app_count(session, user.id) < 2:
        raise StaffError("last_app")
    await _unlink(session, user=user, identity=identity, actor_id=user.id, now=now)


async def app_count(session: AsyncSession, user_id: int) -> int:
    count = await session.scalar(
        select(func.count()).select_from(Identity).where(Identity.user_id == user_id)
    )
    return int(count or 0)


async def unlink(
    session: AsyncSession, *, user: User, identity_id: int, actor_id: int | None, now: datetime
) -> Identity:
    """An admin removes one app from a person (an old phone's account, so a new one can be
    linked with /lienket). Even the last one may go: the person comes back through a link
    code made for them (/lienket TÊN) or a new invite. Returns the removed account."""
    identity = await session.get(Identity, identity_id)
    if identity is None or identity.user_id != user.id:
        raise StaffError("app_gone")
    if actor_id is not None and actor_id == user.id:
        raise StaffError("self")
    await _unlink(session, user=user, identity=identity, actor_id=actor_id, now=now)
    return identity


async def _unlink(
    session: AsyncSession, *, user: User, identity: Identity, actor_id: int | None, now: datetime
) -> None:
    before = {
        "channel": identity.channel,
        "identity_id": identity.id,
        "user_id": user.id,
        "created_at": identity.created_at.isoformat(),
    }
    await session.delete(identity)
    await session.flush()
    record(
        session,
        at=now,
        actor_id=actor_id,
        action="unlink_identity",
        target="user",
        target_id=user.id,
        before=before,
        after=None,
    )


async def revoke_invite(
    session: AsyncSession, *, invite: Invite, actor_id: int | None, now: datetime
) -> None:
    before = snapshot(invite, {"code_hash": "…"})
    invite.revoked_at = now
    invite.revoked_by = actor_id
    # Redeeming refuses a code past its expiry: a cancelled code stops working now.
    invite.expires_at = min(invite.expires_at, now)
    await session.flush()
    record(
        session,
        at=now,
        actor_id=actor_id,
        action="invite_revoke",
        target="invite",
        target_id=invite.id,
        before=before,
        after=snapshot(invite, {"code_hash": "…"}),
    )


async def resend_invite(
    session: AsyncSession,
    *,
    invite: Invite,
    actor_id: int | None,
    now: datetime,
    ttl: timedelta,
) -> tuple[str, Invite]:
    """Cancel an invite and make a fresh code for the same person, role, hamlet and scope."""
    hamlet = await session.get(Hamlet, invite.hamlet_id) if invite.hamlet_id else None
    if invite.role.needs_hamlet and (hamlet is None or not hamlet.active):
        raise StaffError("hamlet_closed")
    await revoke_invite(session, invite=invite, actor_id=actor_id, now=now)
    code, fresh = await create_invite(
        session, role=invite.role, hamlet=hamlet, created_by=actor_id, now=now, ttl=ttl
    )
    fresh.unit = invite.unit
    fresh.invitee_name = invite.invitee_name
    fresh.invitee_phone = invite.invitee_phone
    await session.flush()
    record(
        session,
        at=now,
        actor_id=actor_id,
        action="invite_resend",
        target="invite",
        target_id=fresh.id,
        before={"invite_id": invite.id},
        after=snapshot(fresh, {"code_hash": "…", "replaces": invite.id}),
    )
    return code, fresh
