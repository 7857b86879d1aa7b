"""What a handler gets: the unit of work's session, the sender, the clock and the settings."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handlers.engine.i18n import t
from handlers.engine.messages import Inbound, Reply
from models.access import covered_hamlets
from models.campaign import Hamlet, Procedure
from models.campaigns import campaign_row, config_of, earlier_campaigns
from models.people import Role, User
from models.records import Dialog
from models.registry import campaign_by_code

if TYPE_CHECKING:
    from bot.clock import Clock
    from bot.config import Settings


CATALOG_SECONDS = 60.0


@dataclass
class Services:
    settings: Settings
    sessions: async_sessionmaker[Any]
    clock: Clock
    campaign_ids: dict[str, int] = field(default_factory=dict)
    # The campaigns before the current one (by the current one's id), once read: a new
    # campaign comes with `bot init` and a restart.
    earlier_campaigns: dict[int, tuple[int, ...]] = field(default_factory=dict)
    # Sessions for one-statement bookkeeping, committed as it runs (bot.db); None: `sessions`.
    single: async_sessionmaker[Any] | None = None
    # The active procedures as last read (monotonic time, rows), shared by the messages of
    # the next CATALOG_SECONDS; `bot init` run elsewhere reaches a running bot within that.
    catalog: tuple[float, list[Procedure]] | None = None

    def fresh_catalog(self) -> list[Procedure] | None:
        if self.catalog is None or time.monotonic() - self.catalog[0] > CATALOG_SECONDS:
            return None
        return self.catalog[1]

    def keep_catalog(self, rows: list[Procedure]) -> None:
        self.catalog = (time.monotonic(), rows)


@dataclass
class Ctx:
    services: Services
    session: AsyncSession
    inbound: Inbound
    user: User | None
    lang: str
    now: datetime
    dialog: Dialog | None = None
    # The dialog row closed by this message: reused if a new question is asked (one UPDATE
    # instead of a DELETE and an INSERT), else deleted when the message is done.
    closed_dialog: Dialog | None = field(default=None, repr=False)
    # The sender's hamlet, once read: the session keeps rows only while something holds them.
    _hamlet: Hamlet | None = field(default=None, repr=False)
    _campaign_id: int | None = field(default=None, repr=False)
    catalog: list[Any] | None = field(default=None, repr=False)  # procedures, once read
    # /help's paragraphs, from every router (`handlers.engine.router.HelpSection`).
    help_sections: tuple[Any, ...] = field(default=(), repr=False)
    # Pushed-message kinds this message made due (e.g. a check sent back to its officer):
    # the core tells the channels once the transaction has committed.
    wake: set[str] = field(default_factory=set)
    # This message already put the open household question aside (kept for /tiep).
    set_aside: bool = False
    # The code of an earlier campaign this message reads instead of the current one.
    switched_campaign: str | None = None

    @property
    def settings(self) -> Settings:
        return self.services.settings

    @property
    def written_at(self) -> datetime:
        """When the user wrote this message; never later than now (clocks drift)."""
        sent = self.inbound.sent_at
        return self.now if sent is None or sent > self.now else sent

    @property
    def today(self) -> date:
        """The day the message was written, in the campaign's timezone."""
        return self.written_at.astimezone(self.settings.timezone).date()

    @property
    def arrival_day(self) -> date:
        return self.now.astimezone(self.settings.timezone).date()

    def t(self, key: str, /, **values: object) -> str:
        return t(self.lang, key, **values)

    async def campaign_id(self) -> int:
        if self._campaign_id is None:
            known = self.services.campaign_ids
            code = self.settings.campaign.code
            if code not in known:  # a campaign row, once made, keeps its id
                known[code] = (await campaign_by_code(self.session, code)).id
            self._campaign_id = known[code]
        return self._campaign_id

    async def earlier_campaign_ids(self) -> tuple[int, ...]:
        """The campaigns run before the current one in this database, latest first."""
        current = await self.campaign_id()
        known = self.services.earlier_campaigns
        if current not in known:
            known[current] = tuple(c.id for c in await earlier_campaigns(self.session, current))
        return known[current]

    async def use_campaign(self, code: str) -> bool:
        """For the rest of this message, another campaign of the database is the current one
        (an earlier year's, for its reports, exports and papers: its data is read-only);
        False when no campaign has that code. The context is switched in place, so what the
        handler does to the dialog stays this message's."""
        if code == self.settings.campaign.code:
            return True
        row = await campaign_row(self.session, code)
        if row is None:
            return False
        settings = replace(self.settings, campaign=config_of(row, self.settings.campaign))
        self.services = replace(self.services, settings=settings, campaign_ids={code: row.id})
        self._campaign_id = row.id
        self.switched_campaign = code
        return True

    async def hamlet(self) -> Hamlet | None:
        if self.user is None or self.user.hamlet_id is None:
            return None
        if self._hamlet is None or self._hamlet.id != self.user.hamlet_id:
            self._hamlet = await self.session.get(Hamlet, self.user.hamlet_id)
        return self._hamlet

    async def covered_hamlets(self) -> list[Hamlet]:
        """The active hamlets the sender's role and scope cover (`models.access`): a
        supervisor bound to one commune sees its hamlets only."""
        return await covered_hamlets(self.session, self.me)

    async def scope_ids(self) -> set[int] | None:
        """The ids of every hamlet (active or not) the sender covers; None when that is
        every hamlet (admins, supervisors of every commune)."""
        user = self.me
        if user.role == Role.ADMIN or (user.role == Role.SUPERVISOR and user.unit is None):
            return None
        return {h.id for h in await covered_hamlets(self.session, user, active_only=False)}

    async def closed_hamlet(self) -> Hamlet | None:
        """The sender's hamlet when it is no longer in the campaign (removed from the
        configuration, so deactivated by `bot init`; never deleted). The one place this rule
        lives: nothing more is logged for such a hamlet, and its people see no figures for it,
        only that it left the campaign."""
        hamlet = await self.hamlet()
        return hamlet if hamlet is not None and not hamlet.active else None

    async def closed_notice(self) -> list[Reply]:
        """What the people of a hamlet no longer in the campaign are told instead of logging
        or seeing its progress; nothing for everyone else."""
        hamlet = await self.closed_hamlet()
        if hamlet is None:
            return []
        return [
            Reply(self.t("hamlet_closed", hamlet=hamlet.name, campaign=self.settings.campaign.name))
        ]

    async def logging_closed(self) -> list[Reply]:
        """Why no household can be logged from this message, or []: the sender's hamlet left
        the campaign (`closed_notice`), or the day it was written lies outside the campaign
        (next year's campaign configured before it starts, or one that has ended): nothing
        is stored with a day the campaign does not cover."""
        closed = await self.closed_notice()
        if closed:
            return closed
        campaign = self.settings.campaign
        if self.today < campaign.start:
            key, day = "campaign_not_started", campaign.start
        elif self.today > campaign.end:
            key, day = "campaign_ended", campaign.end
        else:
            return []
        return [Reply(self.t(key, campaign=campaign.name, day=f"{day:%d/%m/%Y}"))]

    @property
    def me(self) -> User:
        if self.user is None:
            raise RuntimeError("handler needs a registered user")
        return self.user
