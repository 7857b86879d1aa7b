"""Which hamlets a person's role and scope cover.

Officers and heads: their own hamlet. Supervisors: the hamlets of their commune (`User.unit`)
or, unscoped, every hamlet; admins: every hamlet. Every list, report, export, check, award,
search and push that shows more than one person's data is filtered through here."""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from models.campaign import Hamlet
from models.people import Role, User


def covers(user: User, hamlet: Hamlet) -> bool:
    """Whether `user` may see data of `hamlet`."""
    if user.role == Role.ADMIN:
        return True
    if user.role == Role.SUPERVISOR:
        return user.unit is None or hamlet.unit == user.unit
    return user.hamlet_id is not None and user.hamlet_id == hamlet.id


def hamlet_clause(user: User) -> ColumnElement[bool]:
    """A condition on `Hamlet` rows for the hamlets `user` covers (join Hamlet to use it)."""
    if user.role == Role.ADMIN:
        return true()
    if user.role == Role.SUPERVISOR:
        return true() if user.unit is None else Hamlet.unit == user.unit
    if user.hamlet_id is None:
        return false()
    return Hamlet.id == user.hamlet_id


async def covered_hamlets(
    session: AsyncSession, user: User, *, active_only: bool = True
) -> list[Hamlet]:
    """The hamlets `user` covers, by code."""
    query = select(Hamlet).where(hamlet_clause(user)).order_by(Hamlet.code)
    if active_only:
        query = query.where(Hamlet.active)
    return list(await session.scalars(query))


async def units(session: AsyncSession) -> list[str]:
    """The communes the active hamlets belong to (for scoping a supervisor)."""
    found = await session.scalars(
        select(Hamlet.unit).where(Hamlet.active, Hamlet.unit != "").distinct()
    )
    return sorted(found)


async def ranking_pool(session: AsyncSession, viewer: User | Role) -> list[Hamlet]:
    """The hamlets ranks are counted among for `viewer`: a commune supervisor's commune
    (they learn nothing of other communes, not even through a rank); everyone else, every
    active hamlet (a head's report shows only their own hamlet, with its rank)."""
    if isinstance(viewer, User) and viewer.role == Role.SUPERVISOR and viewer.unit is not None:
        return await covered_hamlets(session, viewer)
    return list(await session.scalars(select(Hamlet).where(Hamlet.active).order_by(Hamlet.code)))


async def supervised_units(session: AsyncSession) -> list[str]:
    """The communes some active supervisor is bound to."""
    found = await session.scalars(
        select(User.unit)
        .where(User.active, User.role == Role.SUPERVISOR, User.unit.is_not(None))
        .distinct()
    )
    return sorted(unit for unit in found if unit is not None)
