"""The conversations the bot answers, as the core receives them: every feature's router,
in one list. A new conversation module is added here, nowhere else."""

from __future__ import annotations

from handlers import (
    add_household,
    award_list,
    awards,
    entries,
    exports,
    help,
    invites,
    linking,
    notify_settings,
    office_papers,
    progress,
    quality,
    registration,
    reports,
    roster,
    todo,
    totals,
    verify,
    verify_review,
)
from handlers.router import Router, Routes

ROUTERS: tuple[Router, ...] = (
    registration.router, help.router, add_household.router, entries.router, progress.router,
    reports.router, exports.router, todo.router, roster.router, totals.router, verify.router,
    verify_review.router, quality.router, awards.router, award_list.router,
    office_papers.router, notify_settings.router, invites.router, linking.router,
)


def default_routes() -> Routes:
    """Every router's commands and states; a command or state claimed twice raises here, at
    start-up (`DuplicateRoute`)."""
    return Routes.of(ROUTERS)
