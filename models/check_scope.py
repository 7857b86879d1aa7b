"""Who may learn what about the spot-checks: the one rule every report, file and push uses.

The sample is secret until called. Supervisors and admins (the office) see every check of
their scope (a supervisor may be bound to one commune):
the lists waiting to be called, the seed each list was drawn with, the households flagged
for the next draw. A hamlet's officers and head see a check only once it has an outcome
(the hamlet may explain an answered result), and never a flag nor a seed: with a seed and
their own entries a list could be drawn again. So nothing they can get — a reply, a
spreadsheet, a count, a pushed message — says which households are on a list or how many
are still to be called.

Every query that reads checks for someone to see takes `visible_checks(viewer)`; texts and
files ask `sees_pending(viewer)` before they mention checks left to call.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, select, true

from models.campaign import Hamlet
from models.people import Role, User
from models.verification import DONE, Check

OFFICE = frozenset({Role.SUPERVISOR, Role.ADMIN})

# Whom a report, a file or a push is for: a person, or a role when one text serves many
# (the weekly summary of a hamlet goes to its head whoever they are; a command-line export
# is the operator's, an admin).
Viewer = User | Role


def _role(viewer: Viewer) -> Role:
    return Role(viewer.role) if isinstance(viewer, User) else viewer


def sees_pending(viewer: Viewer) -> bool:
    """Checks still to be called, flags and seeds: the office's only."""
    return _role(viewer) in OFFICE


def visible_checks(viewer: Viewer) -> ColumnElement[bool]:
    """The checks this viewer may learn anything about (a condition on `Check`): all for
    the office (a supervisor bound to one commune: its hamlets'); for a hamlet's people only
    those with an outcome."""
    if not sees_pending(viewer):
        return answered()
    if isinstance(viewer, User) and viewer.role == Role.SUPERVISOR and viewer.unit is not None:
        return Check.hamlet_id.in_(select(Hamlet.id).where(Hamlet.unit == viewer.unit))
    return true()


def answered() -> ColumnElement[bool]:
    """A check with a final outcome (an unreachable household still to be called back is
    not one)."""
    return Check.status == DONE
