"""Append-only audit trail: every create, edit and delete records before/after."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import AsyncSession

from models.base import Base
from models.records import AuditEvent


def snapshot(row: Base, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Column values of a row as JSON-friendly data."""
    data: dict[str, Any] = {}
    for attr in inspect(row).mapper.column_attrs:
        value = getattr(row, attr.key)
        if isinstance(value, datetime | date):
            value = value.isoformat()
        elif hasattr(value, "value"):  # enums
            value = value.value
        data[attr.key] = value
    if extra:
        data.update(extra)
    return data


def record(
    session: AsyncSession,
    *,
    at: datetime,
    actor_id: int | None,
    action: str,
    target: str,
    target_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditEvent(
            at=at,
            actor_id=actor_id,
            action=action,
            target=target,
            target_id=target_id,
            before=before,
            after=after,
        )
    )
