"""Dialog state kept in the database: ask a question, resolve the answer, route by state."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from handlers.engine.context import Ctx
from handlers.engine.messages import Option, Reply
from handlers.engine.router import State
from handlers.engine.states import (
    AddState,
    DeleteState,
    EntryState,
    FindState,
    NotifyState,
)
from models.records import Dialog
from models.text import fold


@dataclass(frozen=True)
class Answer:
    text: str  # cleaned text the user typed ("" for a button press)
    value: str | None  # the chosen option's value, typed or pressed


# The value a step receives when its question must simply be asked again.
REPEAT = "__repeat__"


# Draft key: the earlier campaign a command's question is about (`Ctx.use_campaign`).
CAMPAIGN_KEY = "_campaign"


def draft(ctx: Ctx) -> dict[str, Any]:
    if ctx.dialog is None:
        return {}
    return dict(ctx.dialog.draft or {})


def draft_int(ctx: Ctx, key: str) -> int:
    """A number kept in the draft, or 0 when it is missing or not a number."""
    value = draft(ctx).get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return int(value) if isinstance(value, str) and value.isdigit() else 0


def ask(
    ctx: Ctx,
    state: State,
    text: str,
    options: Sequence[Option] = (),
    *,
    draft: dict[str, Any] | None = None,
    per_row: int = 1,
) -> Reply:
    """Move the sender's dialog to `state`, remember the options, return the question."""
    dialog = ctx.dialog
    if dialog is None and ctx.closed_dialog is not None:
        # The row this message closed: asked again, it is updated rather than re-inserted.
        # Its step keeps counting up, so a button of a question before it stays stale.
        dialog, ctx.closed_dialog = ctx.closed_dialog, None
        dialog.draft = {}
        ctx.dialog = dialog
    if dialog is None:
        dialog = Dialog(
            user_id=ctx.me.id, state=state, draft={}, options=[], step=0, updated_at=ctx.now
        )
        ctx.session.add(dialog)
        ctx.dialog = dialog
    dialog.state = state
    if draft is not None:
        dialog.draft = dict(draft)  # a new object, so the JSON column is marked dirty
    if ctx.switched_campaign is not None:
        # Asked about an earlier campaign: the answer is read on that campaign too.
        dialog.draft = {**(dialog.draft or {}), CAMPAIGN_KEY: ctx.switched_campaign}
    dialog.step = (dialog.step or 0) + 1
    dialog.options = [[o.label, o.value] for o in options]
    dialog.updated_at = ctx.now
    dialog.asked_at = ctx.now
    encoded = tuple(Option(o.label, f"{dialog.step}:{o.value}") for o in options)
    return Reply(text=text, options=encoded, options_per_row=per_row)


def save_draft(ctx: Ctx, data: dict[str, Any]) -> None:
    if ctx.dialog is not None:
        ctx.dialog.draft = dict(data)
        ctx.dialog.updated_at = ctx.now


async def close(ctx: Ctx) -> None:
    """No question open any more; the row goes when the message is done (`settle`), unless a
    new question reuses it."""
    if ctx.dialog is not None:
        ctx.closed_dialog = ctx.dialog
        ctx.dialog = None


async def settle(ctx: Ctx) -> None:
    """The dialog row closed by this message and not asked again: deleted now."""
    if ctx.closed_dialog is not None:
        await ctx.session.delete(ctx.closed_dialog)
        ctx.closed_dialog = None


def _label_key(label: str) -> str:
    return "".join(ch for ch in fold(label) if ch.isalnum() or ch == " ").strip()


# Natural replies to a yes/no question, and the option values they choose when offered.
_YES_WORDS = {
    "ok",
    "oke",
    "okay",
    "ok roi",
    "dong y",
    "dung",
    "dung roi",
    "luu",
    "co",
    "yes",
    "vang",
    "u",
    "uh",
    "duoc",
    "chinh xac",
    "chac chan",
    "phai",
    "phai roi",
    "da",
    "da phai",
    "da dung",
    "dung vay",
}
_NO_WORDS = {"khong", "ko", "k", "no", "thoi", "khong dong y", "khong luu", "sai"}
_YES_VALUES = ("save", "yes", "use")
_NO_VALUES = ("cancel", "no")
# Questions whose options are the only answers: a single word of one option's label picks it
# ("khác", "cùng", "bỏ"). Elsewhere typed words are an answer of their own (an address).
WORD_CHOICES = {AddState.DUPLICATE, AddState.CONFIRM, AddState.FIELD, DeleteState.CONFIRM}


def typed_option(dialog: Dialog, text: str) -> str | None:
    """A typed '2', an option's label or a natural yes/no selects it, on every channel."""
    options = dialog.options or []
    if not options or not text:
        return None
    stripped = text.strip().rstrip(".)")
    if stripped.isdigit():
        index = int(stripped)
        if 1 <= index <= len(options):
            return str(options[index - 1][1])
        return None
    key = _label_key(text)
    if not key:
        return None
    for label, value in options:
        if _label_key(label) == key:
            return str(value)
    # "cùng hộ" for "Cùng hộ – thêm thủ tục vào hộ này": the words before a dash or a
    # bracket name the option too (on Zalo they are typed, there are no buttons).
    heads = [str(value) for label, value in options if _label_key(_head(label)) == key]
    if len(heads) == 1:
        return heads[0]
    values = [str(value) for _label, value in options]
    for words, wanted in ((_YES_WORDS, _YES_VALUES), (_NO_WORDS, _NO_VALUES)):
        if key in words:
            return next((v for v in wanted if v in values), None)
    if dialog.state in WORD_CHOICES and " " not in key and len(key) >= 2:
        picked = [str(value) for label, value in options if key in _label_key(label).split()]
        if len(picked) == 1:
            return picked[0]
    return None


def _head(label: str) -> str:
    for sep in (" – ", " - ", " ("):
        label = label.split(sep, 1)[0]
    return label


def pressed_option(dialog: Dialog | None, raw: str) -> tuple[bool, str | None]:
    """Decode a button value; (True, value) if it belongs to the current question."""
    step, _, value = raw.partition(":")
    if dialog is None or not step.isdigit() or int(step) != dialog.step:
        return False, None
    if not any(v == value for _label, v in dialog.options or []):
        return False, None
    return True, value


# A button that acts on a saved row whatever question is open since ("↩️ Hoàn tác" on a
# saved household): its value names the row, so it needs no dialog state.
ACTION = "act:"


def pressed_action(raw: str) -> str | None:
    """'act:undo:12' or '7:act:undo:12' -> 'undo:12'; None for an ordinary option."""
    step, _, rest = raw.partition(":")
    value = rest if step.isdigit() else raw
    return value[len(ACTION) :] if value.startswith(ACTION) else None


def is_household_state(state: str) -> bool:
    return state.startswith("add.")


# States whose options are offers, not questions: other text is handled as if no dialog
# were open, and nothing is set aside when something else comes.
SOFT_STATES = {EntryState.SAVED, FindState.RESULTS, FindState.MINE}
# Menus answered by their options only: words that are none of them ("xin chào") are a
# new message, not a wrong answer, and the menu is set aside for them.
OPTIONS_ONLY = {NotifyState.MENU}


def expired(ctx: Ctx) -> bool:
    """A question left open too long stops capturing free text."""
    dialog = ctx.dialog
    if dialog is None:
        return False
    cfg = ctx.settings.chat
    minutes = (
        cfg.undo_minutes
        if dialog.state in SOFT_STATES
        else cfg.household_minutes
        if is_household_state(dialog.state)
        else cfg.menu_minutes
    )
    asked = dialog.asked_at or dialog.updated_at
    return (ctx.now - asked).total_seconds() > minutes * 60


def written_before_question(ctx: Ctx) -> bool:
    """The user typed this before the open question reached them (a reply to something
    else, delivered late): it must not answer the question. Telegram's dates are whole
    seconds, so a message from the question's own second counts as written after it."""
    dialog = ctx.dialog
    if dialog is None or dialog.asked_at is None or ctx.inbound.sent_at is None:
        return False
    return ctx.written_at < dialog.asked_at.replace(microsecond=0)
