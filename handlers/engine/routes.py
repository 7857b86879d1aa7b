"""The conversations the bot answers, as the core receives them: every feature's router,
in one list. A new conversation module is added here, nowhere else."""

from __future__ import annotations

from handlers.accounts import (
    announce,
    bulk_invites,
    help,
    invites,
    linking,
    notify_settings,
    registration,
    staff,
)
from handlers.awards import office_papers, proposal, proposal_list
from handlers.engine.router import Router, Routes
from handlers.households import add, attachments, entries, find, history, progress, todo
from handlers.reports import export, report
from handlers.rosters import roster, totals
from handlers.verification import calls, quality, review

ROUTERS: tuple[Router, ...] = (
    registration.router,
    help.router,
    add.router,
    entries.router,
    attachments.router,
    find.router,
    history.router,
    progress.router,
    report.router,
    export.router,
    todo.router,
    roster.router,
    totals.router,
    calls.router,
    review.router,
    quality.router,
    proposal.router,
    proposal_list.router,
    office_papers.router,
    notify_settings.router,
    invites.router,
    bulk_invites.router,
    staff.router,
    announce.router,
    linking.router,
)


def default_routes() -> Routes:
    """Every router's commands and states; a command or state claimed twice raises here, at
    start-up (`DuplicateRoute`)."""
    return Routes.of(ROUTERS)
