"""Campaigns that came before the current one in the same database (the plan run again the
next year, with a new code and dates): their data stays, read-only, and a household they
guided is worth a word to the officer who guides it again, though it counts only once for
each campaign."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.campaign import Campaign
from models.households import Entry, Household
from models.rules import CampaignConfig


async def earlier_campaigns(session: AsyncSession, current_id: int) -> list[Campaign]:
    """The campaigns that started before the current one, latest first."""
    current = await session.get(Campaign, current_id)
    if current is None:
        return []
    return list(
        await session.scalars(
            select(Campaign)
            .where(Campaign.id != current_id, Campaign.start_date < current.start_date)
            .order_by(Campaign.start_date.desc(), Campaign.id.desc())
        )
    )


async def campaign_row(session: AsyncSession, code: str) -> Campaign | None:
    """A campaign of the database by its code (accents and case as configured)."""
    return await session.scalar(select(Campaign).where(Campaign.code == code))


async def all_campaigns(session: AsyncSession) -> list[Campaign]:
    """Every campaign of the database, latest start first."""
    return list(
        await session.scalars(
            select(Campaign).order_by(Campaign.start_date.desc(), Campaign.id.desc())
        )
    )


def config_of(row: Campaign, current: CampaignConfig) -> CampaignConfig:
    """An earlier campaign's rules as its row keeps them; what the row does not keep (its
    unit, its award caps and rounds) is taken from the current configuration's defaults."""
    return CampaignConfig(
        code=row.code,
        name=row.name,
        unit=current.unit,
        start=row.start_date,
        end=row.end_date,
        coverage_threshold=row.coverage_threshold,
        large_hamlet_households=row.large_hamlet_households,
        procedures_required_large=row.procedures_required_large,
        procedures_required_small=row.procedures_required_small,
        max_collective_awards=current.max_collective_awards,
        max_individual_awards=current.max_individual_awards,
        max_special_prizes=current.max_special_prizes,
    )


@dataclass(frozen=True)
class EarlierVisit:
    """The household was guided in an earlier campaign (the latest such, its last day)."""

    campaign_name: str
    campaign_code: str
    last_day: date


async def guided_earlier(
    session: AsyncSession,
    *,
    campaign_ids: list[int],
    hamlet_id: int,
    phone: str,
    name_folded: str,
) -> EarlierVisit | None:
    """Whether the same household (same phone in the same hamlet, or without a phone the
    same folded name there) has a live entry in one of these campaigns."""
    if not campaign_ids:
        return None
    same = Household.phone == phone if phone else Household.name_folded == name_folded
    row = (
        await session.execute(
            select(Campaign.name, Campaign.code, func.max(Entry.guided_on))
            .join(Household, Household.campaign_id == Campaign.id)
            .join(Entry, Entry.household_id == Household.id)
            .where(
                Campaign.id.in_(campaign_ids),
                Household.hamlet_id == hamlet_id,
                same,
                Entry.deleted_at.is_(None),
            )
            .group_by(Campaign.id, Campaign.name, Campaign.code, Campaign.start_date)
            .order_by(Campaign.start_date.desc())
            .limit(1)
        )
    ).first()
    if row is None:
        return None
    name, code, last = row
    return EarlierVisit(campaign_name=name, campaign_code=code, last_day=last)
