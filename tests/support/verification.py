"""Spot-check batches drawn straight through the model, as the office's command would."""

from __future__ import annotations

from sqlalchemy import select

from bot.runtime import Runtime
from models.campaign import Hamlet
from models.registry import campaign_by_code
from models.sampling import Rule, create_batch
from models.verification import Batch


async def draw_batch(
    runtime: Runtime,
    seed_: str,
    rule: Rule,
    actor_id: int | None,
    codes: tuple[str, ...] | None = None,
) -> Batch:
    """A batch over the hamlets with these codes (all when none), drawn now."""
    async with runtime.services.sessions() as session, session.begin():
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        stmt = select(Hamlet).order_by(Hamlet.code)
        if codes:
            stmt = stmt.where(Hamlet.code.in_(codes))
        batch = await create_batch(
            session,
            campaign_id=camp.id,
            hamlets=list(await session.scalars(stmt)),
            rule=rule,
            actor_id=actor_id,
            now=runtime.services.clock.now(),
            seed=seed_,
        )
        assert batch is not None
        return batch
