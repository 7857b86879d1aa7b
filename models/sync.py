"""Mirror the configured campaign, hamlets and procedures into the database, idempotently."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.audit import record, snapshot
from models.campaign import Campaign, Hamlet, Procedure
from models.rules import CampaignConfig, HamletConfig, ProcedureConfig
from models.text import fold
from models.totals import (
    APPROVED,
    SOURCE_CONFIG,
    SOURCE_INITIAL,
    SOURCE_ROSTER,
    HamletTotal,
    local_day,
    propose_total,
    totals_in_force,
)


@dataclass
class SyncReport:
    created: int = 0
    updated: int = 0
    deactivated: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deactivated)


def _apply(row: object, values: dict[str, object]) -> bool:
    changed = False
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)
            changed = True
    return changed


async def sync_catalog(
    session: AsyncSession,
    campaign: CampaignConfig,
    hamlets: Sequence[HamletConfig],
    procedures: Sequence[ProcedureConfig],
    now: datetime,
    today: date | None = None,
) -> SyncReport:
    report = SyncReport()

    camp_values: dict[str, object] = {
        "name": campaign.name,
        "start_date": campaign.start,
        "end_date": campaign.end,
        "coverage_threshold": campaign.coverage_threshold,
        "large_hamlet_households": campaign.large_hamlet_households,
        "procedures_required_large": campaign.procedures_required_large,
        "procedures_required_small": campaign.procedures_required_small,
    }
    camp = await session.scalar(select(Campaign).where(Campaign.code == campaign.code))
    if camp is None:
        session.add(Campaign(code=campaign.code, updated_at=now, **camp_values))
        report.created += 1
    elif _apply(camp, camp_values):
        camp.updated_at = now
        report.updated += 1

    existing = {h.code: h for h in await session.scalars(select(Hamlet))}
    day = local_day(now, today)
    # A hamlet whose total in force is an imported list's keeps it; the configured figure
    # stays beside. Otherwise a new configured figure is a new total from today, on record.
    in_force = await totals_in_force(session, [h.id for h in existing.values()], day)
    for cfg in hamlets:
        values: dict[str, object] = {
            "name": cfg.name,
            "unit": cfg.unit or campaign.unit,
            "configured_households": cfg.households,
            "active": True,
        }
        row = existing.pop(cfg.code, None)
        if row is None:
            hamlet = Hamlet(
                code=cfg.code, updated_at=now, total_households=cfg.households, **values
            )
            session.add(hamlet)
            await session.flush()
            session.add(
                HamletTotal(
                    hamlet_id=hamlet.id,
                    total=cfg.households,
                    configured=cfg.households,
                    status=APPROVED,
                    source=SOURCE_INITIAL,
                    requested_at=now,
                    decided_at=now,
                    reason="",
                )
            )
            report.created += 1
            continue
        force = in_force.get(row.id)
        if (
            force is not None
            and force.source != SOURCE_ROSTER
            and row.total_households != cfg.households
        ):
            before = snapshot(row)
            row.configured_households = cfg.households
            await propose_total(
                session,
                hamlet=row,
                total=cfg.households,
                source=SOURCE_CONFIG,
                actor_id=None,
                now=now,
                today=day,
                supersede=False,
            )
            report.updated += 1
            record(
                session,
                at=now,
                actor_id=None,
                action="config_sync",
                target="hamlet",
                target_id=row.id,
                before=before,
                after=snapshot(row),
            )
        before = snapshot(row)
        if _apply(row, values):
            row.updated_at = now
            report.updated += 1
            # Hamlet sizes decide coverage and prize rules: keep every change on record.
            record(
                session,
                at=now,
                actor_id=None,
                action="config_sync",
                target="hamlet",
                target_id=row.id,
                before=before,
                after=snapshot(row),
            )
    for row in existing.values():
        if row.active:
            before = snapshot(row)
            row.active = False
            row.updated_at = now
            report.deactivated += 1
            record(
                session,
                at=now,
                actor_id=None,
                action="config_sync",
                target="hamlet",
                target_id=row.id,
                before=before,
                after=snapshot(row),
            )

    known = {p.code: p for p in await session.scalars(select(Procedure))}
    for position, pcfg in enumerate(procedures):
        pvalues: dict[str, object] = {
            "name": pcfg.name,
            "name_folded": fold(pcfg.name),
            "position": position,
            "active": True,
        }
        prow = known.pop(pcfg.code, None)
        if prow is None:
            session.add(Procedure(code=pcfg.code, **pvalues))
            report.created += 1
        elif _apply(prow, pvalues):
            report.updated += 1
    for prow in known.values():
        if prow.active:
            prow.active = False
            report.deactivated += 1
    await session.flush()
    return report
