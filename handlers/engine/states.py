"""Every dialog state, one enum per feature. The values are what the database stores in
`dialog.state`: renaming a value strands the dialogs open under the old one (they answer like
a stale button), so change values only with a note."""

from __future__ import annotations

from handlers.engine.router import State


class AddState(State):
    """Logging a household step by step (/them) and its questions."""

    ADDRESS = "add.address"
    CONFIRM = "add.confirm"
    DATE = "add.date"
    DOSSIER = "add.dossier"
    DUPLICATE = "add.duplicate"
    FIELD = "add.field"
    NAME = "add.name"
    NAME_CHECK = "add.name_check"
    PHONE = "add.phone"
    PROCEDURES = "add.procedures"


class AwardsState(State):
    """Award proposals: the review period, the dossier menu, marking one final."""

    FINAL_PICK = "awards.final_pick"
    FINAL_REPLACE = "awards.final_replace"
    MENU = "awards.menu"
    PERIOD = "awards.period"


class DeleteState(State):
    """Deleting an entry: confirmation and reason."""

    CONFIRM = "delete.confirm"
    REASON = "delete.reason"


class EntryState(State):
    """An entry just saved (its ✏️/↩️ offer) and picking an entry to edit."""

    PICK = "entry.pick"
    SAVED = "saved"


class ExportState(State):
    """/xuat: the period and its dates."""

    DATES = "export.dates"
    PERIOD = "export.period"


class InviteState(State):
    """Invitations: role and hamlet."""

    HAMLET = "invite.hamlet"
    ROLE = "invite.role"
    UNIT = "invite.unit"


class LinkState(State):
    """Linking a second chat account."""

    PICK = "link.pick"


class NotifyState(State):
    """/thongbao settings."""

    MENU = "notify.menu"


class PapersState(State):
    """/vanban: which review."""

    REVIEW = "papers.review"


class QualityState(State):
    """/canhbao: quality flags."""

    MENU = "quality.menu"


class ReportState(State):
    """/baocao: period, dates, a hamlet, a commune."""

    DATES = "report.dates"
    MENU = "report.menu"
    PICK = "report.pick"
    UNIT = "report.unit"


class RosterState(State):
    """Household lists: hamlet, confirmation, picking a household."""

    CONFIRM = "roster.confirm"
    HAMLET = "roster.hamlet"
    PICK = "roster.pick"


class TodoState(State):
    """/chuahuongdan: hamlet and household."""

    HAMLET = "todo.hamlet"
    PICK = "todo.pick"


class TotalsState(State):
    """/duyetso: picking a change and the decision's reason."""

    PICK = "totals.pick"
    REASON = "totals.reason"


class VerifyState(State):
    """Spot-checks: the draw, the call card and the review of failures."""

    CARD = "verify.card"
    DATE = "verify.date"
    DECIDE = "verify.decide"
    DETAIL = "verify.detail"
    EXPLAIN = "verify.explain"
    EXPLAIN_PICK = "verify.explain_pick"
    MENU = "verify.menu"
    PROCS = "verify.procs"
    REASON = "verify.reason"
    REVIEW = "verify.review"
    SCOPE = "verify.scope"
    SIZE = "verify.size"


class AnnounceState(State):
    """/thongbaochung: who, where, the text, the confirmation."""

    AUDIENCE = "announce.audience"
    WHERE = "announce.where"
    TEXT = "announce.text"
    CONFIRM = "announce.confirm"


class BulkInviteState(State):
    """Bulk invites: confirming a staff list before its codes are made."""

    CONFIRM = "bulk_invite.confirm"


class StaffState(State):
    """/nhansu: picking a person or an invite, the card's actions, the reason for taking
    access away, the new hamlet, role and scope, the confirmation; /dangxuat's confirmation."""

    CARD = "staff.card"
    CONFIRM = "staff.confirm"
    HAMLET = "staff.hamlet"
    PICK = "staff.pick"
    REASON = "staff.reason"
    ROLE = "staff.role"
    SIGNOUT = "staff.signout"
    UNIT = "staff.unit"


class FindState(State):
    """/tim: the query when none was typed, a page of results (with "Xem thêm" and
    "➕ Thêm thủ tục"); /cuatoi's pages."""

    MINE = "find.mine"
    QUERY = "find.query"
    RESULTS = "find.results"


class HistoryState(State):
    """/lichsu: choosing among several households (or people) found, paging one person's
    changes."""

    PICK = "history.pick"
    PERSON = "history.person"
    CHANGES = "history.changes"


class AttachState(State):
    """Receipts: which entry a photo or PDF goes to; /xoatep's reason and confirmation."""

    PICK = "attach.pick"
    PURGE_REASON = "attach.purge_reason"
    PURGE_CONFIRM = "attach.purge_confirm"
