"""Drawn entries are frozen (issue 17, item 2). An officer may still edit or delete an entry
that is on an open verification list, and is told nothing different from any other entry
(the sample is secret until called); but the change is recorded against the check: the
caller's card and the review (/kiemtra_xet) show each detail changed since the draw
("SĐT đã sửa sau khi rút mẫu: old → new", who and when, from the audit rows), and a deleted
entry stays on the list, marked, is still called, and then counts as failed until a
supervisor overturns it. The list's counts never drop.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from bot.clock import FixedClock
from bot.runtime import Runtime
from handlers.engine.i18n import t
from handlers.render.verify_text import card_lines
from models.campaign import Hamlet
from models.checks import CheckError, load_card, overturn, record_outcome
from models.eligibility import FailRule, Tally, verification
from models.frozen import DELETED, EDITED
from models.households import Entry
from models.people import Role, User
from models.records import AuditEvent
from models.registry import (
    HouseholdInput,
    campaign_by_code,
    create_household_entry,
    edit_entry,
    load_entry,
    soft_delete_entry,
)
from models.sampling import Rule, create_batch
from models.verification import Check, MatchRule, Outcome
from tests.support.campaign import NOW, make_user
from tests.support.chat import Chat, entry_id
from tests.support.telegram_fake import Sent, TelegramHarness, texts

OFFICER_NAME = "Lê Văn Ấp"
SAMPLED = ("Nguyễn Văn An", "Nguyễn Văn Bình", "Nguyễn Văn Cường")
LATER = ("Trần Thị Dung", "Trần Thị Em", "Trần Thị Phượng")  # logged after the draw
TZ_NOTE = "15/04"  # the local day of every action below (NOW is 10:00 in Vietnam)


# ------------------------------------------------------------------------------ helpers


async def _log(chat: Chat, name: str, address: str, phone: str) -> int:
    out = await chat.say(f"{name}; {address}; {phone}; 1")
    assert "Đã lưu hộ" in out, out
    return entry_id(out.split("Đã lưu hộ")[1])


async def _edit_phone(chat: Chat, entry: int, phone: str) -> list[str]:
    return [
        await chat.say(f"/sua {entry}"),
        await chat.press("Sửa"),
        await chat.press("Số điện thoại"),
        await chat.say(phone),
        await chat.press("Lưu"),
    ]


async def _delete(chat: Chat, entry: int, reason: str) -> list[str]:
    return [await chat.say(f"/xoa {entry}"), await chat.say(reason), await chat.press("Xóa")]


def _blind(text: str) -> str:
    """A reply with what differs between two households taken out: names and digits."""
    for name in (*SAMPLED, *LATER):
        text = text.replace(name, "HỘ")
    return re.sub(r"\d", "0", text)


async def _figures(runtime: Runtime) -> tuple[Tally, Tally]:
    """The office's spot-check figures for hamlet BNA and for its officer."""
    async with runtime.services.sessions() as session:
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        v = await verification(session, campaign_id=camp.id, rule=FailRule())
    (hamlet,) = [h for h in v.hamlets if h.code == "BNA"]
    (officer,) = v.officers
    return hamlet, officer


async def _audit(runtime: Runtime, action: str, target: str) -> list[AuditEvent]:
    async with runtime.services.sessions() as session:
        return list(
            await session.scalars(
                select(AuditEvent)
                .where(AuditEvent.action == action, AuditEvent.target == target)
                .order_by(AuditEvent.id)
            )
        )


async def _check_of(runtime: Runtime, entry: int) -> Check:
    async with runtime.services.sessions() as session:
        check: Check | None = await session.scalar(select(Check).where(Check.entry_id == entry))
    assert check is not None
    return check


def _last_card(out: str) -> str:
    assert "📞 Thẻ gọi #" in out, out
    return "📞 Thẻ gọi #" + out.split("📞 Thẻ gọi #")[-1]


# ----------------------------------------------------------- the story, through the chat


@pytest.mark.slow
async def test_edit_and_delete_of_drawn_entries_are_shown_to_the_caller(
    runtime: Runtime, clock: FixedClock
) -> None:
    await make_user(runtime, external_id="bna", hamlet="BNA", name=OFFICER_NAME)
    await make_user(
        runtime, external_id="sup", role=Role.SUPERVISOR, hamlet=None, name="Phòng Văn hóa Xã hội"
    )
    officer, sup = Chat(runtime, "bna"), Chat(runtime, "sup")
    a, b, c = [
        await _log(officer, name, f"Tổ {i}", f"091200000{i}") for i, name in enumerate(SAMPLED)
    ]

    clock.set(NOW + timedelta(minutes=5))
    drawn = await sup.say("/kiemtra BNA 100%")
    assert "Đã rút đợt kiểm tra #1: 3 hộ" in drawn
    assert "Đã dừng" in await sup.press("Dừng")

    clock.set(NOW + timedelta(minutes=10))
    d, e, f = [
        await _log(officer, name, f"Tổ {i + 3}", f"091200000{i + 3}")
        for i, name in enumerate(LATER)
    ]  # not on the list

    # The officer edits, deletes and undoes as ever: a sampled entry gets word for word the
    # replies an unsampled one gets (nothing tells the officer which were drawn).
    sampled_edit = await _edit_phone(officer, a, "0913 000 000")
    other_edit = await _edit_phone(officer, d, "0913 000 003")
    assert f"Đã cập nhật mục #{a}" in sampled_edit[-1]
    assert [_blind(x) for x in sampled_edit] == [_blind(x) for x in other_edit]
    clock.set(NOW + timedelta(minutes=15))
    sampled_delete = await _delete(officer, b, "Nhập trùng với hộ khác")
    other_delete = await _delete(officer, e, "Nhập trùng với hộ khác")
    assert f"Đã xóa mục #{b}" in sampled_delete[-1]
    assert [_blind(x) for x in sampled_delete] == [_blind(x) for x in other_delete]
    sampled_undo = await officer.say(f"/hoantac {c}")  # "↩️ Hoàn tác" is a delete too
    other_undo = await officer.say(f"/hoantac {f}")
    assert f"Đã hoàn tác mục #{c}" in sampled_undo
    assert _blind(sampled_undo) == _blind(other_undo)
    for out in (*sampled_edit, *sampled_delete, sampled_undo):
        assert "kiểm tra" not in out.casefold() and "rút mẫu" not in out

    # Nothing left the list: three still to call, the deleted two marked, the edited one too.
    listing = await sup.say("/kiemtra_ds")
    assert "có kết quả 0/3 · còn 3 hộ" in listing
    assert "🗑 2 hộ đã bị xóa sau khi rút mẫu" in listing
    lines = {name: next(x for x in listing.splitlines() if name in x) for name in SAMPLED}
    assert "🗑 đã bị xóa sau khi rút mẫu" in lines[SAMPLED[1]]
    assert "🗑 đã bị xóa sau khi rút mẫu" in lines[SAMPLED[2]]
    assert "✏️ đã sửa sau khi rút mẫu" in lines[SAMPLED[0]]
    assert "🗑" not in lines[SAMPLED[0]]
    hamlet, _ = await _figures(runtime)
    assert hamlet.open == 3 and hamlet.failed == 0  # only an answered check can fail

    # The caller's cards: the phone change (old → new, who, when) and the two deletions.
    clock.set(NOW + timedelta(minutes=20))
    await sup.say("/kiemtra")
    out = await sup.press("Gọi tiếp đợt #1")
    answers = {
        SAMPLED[0]: "Không được hướng dẫn",
        SAMPLED[1]: "Đúng",
        SAMPLED[2]: "Sai số điện thoại",
    }
    cards: dict[str, str] = {}
    while "📞 Thẻ gọi #" in out:
        card = _last_card(out)
        name = next(n for n in SAMPLED if n in card)
        cards[name] = card
        clock.set(clock.now() + timedelta(minutes=1))
        out = await sup.press(answers[name])
    assert set(cards) == set(SAMPLED)
    assert "còn 3/3 hộ" in next(iter(cards.values()))
    assert "☎️ Điện thoại: 0913 000 000" in cards[SAMPLED[0]]
    assert (
        f"✏️ SĐT đã sửa sau khi rút mẫu: 0912 000 000 → 0913 000 000 ({OFFICER_NAME}, "
        f"10:10 {TZ_NOTE})"
    ) in cards[SAMPLED[0]]
    assert cards[SAMPLED[0]].count("đã sửa sau khi rút mẫu") == 1  # one line per field
    assert (
        f"🗑 Lượt này đã bị xóa sau khi rút mẫu: lý do «Nhập trùng với hộ khác» "
        f"({OFFICER_NAME}, 10:15 {TZ_NOTE})"
    ) in cards[SAMPLED[1]]
    assert "tính là không đạt cho đến khi được xem xét lại" in cards[SAMPLED[1]]
    assert f"lý do «{t('vi', 'undo_reason')}»" in cards[SAMPLED[2]]
    assert "rút mẫu" not in cards[SAMPLED[0]].split("✏️")[0]  # nothing else marked

    # Called: the deleted ones count as failed whatever the household said.
    hamlet, person = await _figures(runtime)
    assert hamlet.open == 0 and hamlet.failed == 3 and not hamlet.eligible
    assert hamlet.confirmed == 0 and hamlet.wrong_number == 0
    assert person.failed == 3 and not person.eligible
    check_a, check_b, check_c = [await _check_of(runtime, x) for x in (a, b, c)]
    assert sorted(hamlet.failed_checks) == sorted([check_a.id, check_b.id, check_c.id])

    # The review shows the same: the edited phone on A's case, the deletion on B's.
    out = await sup.say("/kiemtra_xet")
    assert f"#{check_b.id} BNA · {SAMPLED[1]} · 🗑 Bị xóa sau khi rút mẫu · Đã xác nhận" in out
    assert f"#{check_c.id} BNA · {SAMPLED[2]} · 🗑 Bị xóa sau khi rút mẫu · Sai số điện" in out
    review_a = await sup.press(f"#{check_a.id} ")
    assert "✏️ SĐT đã sửa sau khi rút mẫu: 0912 000 000 → 0913 000 000" in review_a
    assert "Hộ nói không được hướng dẫn" in review_a
    # Keeping the failure asks why; the decision is final and closes the case.
    out = await sup.press("Giữ nguyên")
    assert f"Gõ lý do giữ nguyên kết quả không đạt của thẻ #{check_a.id}" in out
    out = await sup.say("ok")
    assert "Lý do cần ít nhất 5 ký tự" in out
    out = await sup.say("Chủ hộ khẳng định không ai hướng dẫn")
    assert f"Đã giữ nguyên kết quả không đạt của thẻ #{check_a.id}" in out
    assert "❌ 2 trường hợp không đạt chưa xem xét" in out
    out = await sup.say(f"/kiemtra_xet {check_a.id}")
    assert f"Thẻ #{check_a.id} đã được giữ nguyên kết quả không đạt lúc" in out
    assert "Chủ hộ khẳng định không ai hướng dẫn" in out
    assert f"#{check_a.id} BNA" not in out  # no longer offered
    await sup.say("/huy")
    hamlet, _ = await _figures(runtime)
    assert hamlet.failed == 3  # kept: still counts
    await sup.say("/kiemtra_xet")
    review_b = await sup.press(f"#{check_b.id} ")
    assert "🗑 Lượt này đã bị xóa sau khi rút mẫu: lý do «Nhập trùng với hộ khác»" in review_b
    assert "Kết quả: Đã xác nhận" in review_b
    await sup.press("Hủy kết quả không đạt")
    out = await sup.say("Hộ xác nhận có được hướng dẫn; mục xóa là bản trùng")
    assert f"Đã hủy kết quả không đạt của thẻ #{check_b.id}" in out
    assert "vẫn chưa đủ điều kiện (2 trường hợp không đạt)" in out
    hamlet, _ = await _figures(runtime)
    assert hamlet.failed == 2 and hamlet.overturned == 1
    assert check_b.id not in hamlet.failed_checks
    out = await sup.say("/kiemtra_xet")
    assert f"#{check_b.id} " not in out and f"#{check_c.id} " in out
    assert f"#{check_a.id} " not in out  # upheld: final
    (upheld,) = await _audit(runtime, "verify_uphold", "verification_check")
    assert upheld.target_id == check_a.id
    assert upheld.after is not None and upheld.after["uphold_reason"].startswith("Chủ hộ")
    async with runtime.services.sessions() as session:
        decided = await session.get(Check, check_a.id)
        assert decided is not None
        with pytest.raises(CheckError):  # final: no overturn after it was kept
            await overturn(
                session,
                check=decided,
                actor=await session.get_one(User, upheld.actor_id),
                reason="thử lại",
                now=clock.now(),
            )

    # The audit has every step, and each line on the card points at one of its rows.
    (phone_edit,) = [
        ev
        for ev in await _audit(runtime, "update", "household")
        if (ev.before or {}).get("phone") == "+84912000000"
    ]
    assert phone_edit.after is not None and phone_edit.after["phone"] == "+84913000000"
    deletes = {ev.target_id: ev for ev in await _audit(runtime, "delete", "entry")}
    assert {b, c} <= set(deletes)
    assert (deletes[b].after or {}).get("delete_reason") == "Nhập trùng với hộ khác"
    (edited,) = await _audit(runtime, EDITED, "verification_check")  # not D's edit
    assert edited.target_id == check_a.id and edited.actor_id == phone_edit.actor_id
    assert edited.before == {"entry": a, "phone": "+84912000000"}
    assert edited.after == {"entry": a, "phone": "+84913000000"}
    deleted = await _audit(runtime, DELETED, "verification_check")
    assert [ev.target_id for ev in deleted] == [check_b.id, check_c.id]
    assert deleted[0].before is not None and deleted[0].before["entry_deleted_at"] is None
    assert deleted[0].after is not None and deleted[0].after["reason"].startswith("Nhập trùng")
    async with runtime.services.sessions() as session:
        card_a = await load_card(session, check_a)
        card_b = await load_card(session, check_b)
    (change,) = card_a.changes
    assert (change.field, change.audit_id) == ("phone", phone_edit.id)
    assert card_b.deletion is not None and card_b.deletion.audit_id == deletes[b].id
    (overturned,) = await _audit(runtime, "verify_overturn", "verification_check")
    assert overturned.target_id == check_b.id
    # The rule is in the supervisors' /help; an officer's /help says nothing of samples.
    assert "sửa hoặc xóa sau khi rút" in await sup.say("/help")
    assert "rút mẫu" not in await officer.say("/help")


# ------------------------------------------------------------------- in the domain


async def _campaign(runtime: Runtime) -> int:
    async with runtime.services.sessions() as session:
        return (await campaign_by_code(session, runtime.settings.campaign.code)).id


async def _draw(runtime: Runtime, actor: User) -> list[Check]:
    camp = await _campaign(runtime)
    async with runtime.services.sessions() as session, session.begin():
        hamlets = list(await session.scalars(select(Hamlet).where(Hamlet.code == "BNA")))
        batch = await create_batch(
            session,
            campaign_id=camp,
            hamlets=hamlets,
            rule=Rule("rate", rate=1.0),
            actor_id=actor.id,
            now=runtime.services.clock.now(),
            seed="f00df00df00df00d",
        )
        assert batch is not None
        return list(await session.scalars(select(Check).where(Check.batch_id == batch.id)))


async def _card_text(runtime: Runtime, check_id: int) -> list[str]:
    async with runtime.services.sessions() as session:
        check = await session.get(Check, check_id)
        assert check is not None
        card = await load_card(session, check)
    return card_lines("vi", card, max_attempts=3, tz=runtime.settings.timezone)


async def test_every_detail_changed_after_the_draw_is_a_line_until_called(
    runtime: Runtime, clock: FixedClock
) -> None:
    officer = await make_user(runtime, external_id="bna", hamlet="BNA", name=OFFICER_NAME)
    sup = await make_user(runtime, external_id="sup", role=Role.SUPERVISOR, hamlet=None)
    camp = await _campaign(runtime)
    first = HouseholdInput(
        name="Phạm Văn Cũ",
        address="Tổ 1, Bãi Nhà A",
        phone="+84912000001",
        procedure_codes=("KS",),
        dossier_code="",
        guided_on=date(2026, 4, 14),
    )
    async with runtime.services.sessions() as session, session.begin():
        hamlet_id = await session.scalar(select(Hamlet.id).where(Hamlet.code == "BNA"))
        assert hamlet_id is not None
        entry = await create_household_entry(
            session, campaign_id=camp, hamlet_id=hamlet_id, data=first, officer=officer, now=NOW
        )
        entry_id_ = entry.id
    (check,) = await _draw(runtime, sup)
    assert check.drawn == {
        "name": "Phạm Văn Cũ",
        "address": "Tổ 1, Bãi Nhà A",
        "phone": "+84912000001",
        "procedures": ["KS"],
        "guided_on": "2026-04-14",
        "dossier": "",
    }
    assert not any("rút mẫu" in line for line in await _card_text(runtime, check.id))

    clock.set(NOW + timedelta(hours=1))
    async with runtime.services.sessions() as session, session.begin():
        loaded = await load_entry(session, entry_id_)
        assert loaded is not None
        await edit_entry(
            session,
            entry=loaded,
            editor=officer,
            now=clock.now(),
            data=replace(
                first,
                name="Phạm Văn Mới",
                address="Tổ 2, Bãi Nhà A",
                phone="+84913000001",
                procedure_codes=("KS", "TTRU"),
                dossier_code="H56-0001",
                guided_on=date(2026, 4, 13),
            ),
        )
    lines = [x for x in await _card_text(runtime, check.id) if "rút mẫu" in x]
    by = f" ({OFFICER_NAME}, 11:00 15/04)"
    assert lines == [
        "✏️ Họ tên chủ hộ đã sửa sau khi rút mẫu: Phạm Văn Cũ → Phạm Văn Mới" + by,
        "✏️ Địa chỉ đã sửa sau khi rút mẫu: Tổ 1, Bãi Nhà A → Tổ 2, Bãi Nhà A" + by,
        "✏️ SĐT đã sửa sau khi rút mẫu: 0912 000 001 → 0913 000 001" + by,
        "✏️ Thủ tục đã sửa sau khi rút mẫu: Đăng ký khai sinh → Đăng ký khai sinh; "
        "Đăng ký thường trú" + by,
        "✏️ Ngày hướng dẫn đã sửa sau khi rút mẫu: 14/04/2026 → 13/04/2026" + by,
        "✏️ Mã hồ sơ đã sửa sau khi rút mẫu: (trống) → H56-0001" + by,
    ]
    (edited,) = await _audit(runtime, EDITED, "verification_check")
    assert set(edited.after or {}) == {
        "entry",
        "name",
        "address",
        "phone",
        "procedures",
        "guided_on",
        "dossier",
    }

    # A check drawn before the draw was kept on it reads the same from the audit rows.
    async with runtime.services.sessions() as session, session.begin():
        legacy = await session.get(Check, check.id)
        assert legacy is not None
        legacy.drawn = None
    assert [x for x in await _card_text(runtime, check.id) if "rút mẫu" in x] == lines

    # Once called, the list is done with it: later edits and deletes are the entry's own
    # business (audited as ever) and change nothing on the check.
    async with runtime.services.sessions() as session, session.begin():
        called = await session.get(Check, check.id)
        assert called is not None
        await record_outcome(
            session,
            check=called,
            caller=sup,
            outcome=Outcome.CONFIRMED,
            now=clock.now(),
            max_attempts=3,
            retry_after=timedelta(hours=1),
            lease=timedelta(minutes=30),
        )
    async with runtime.services.sessions() as session, session.begin():
        loaded = await load_entry(session, entry_id_)
        assert loaded is not None
        await soft_delete_entry(
            session, entry=loaded, reason="nhầm", actor=officer, now=clock.now()
        )
    after = await _check_of(runtime, entry_id_)
    assert after.entry_deleted_at is None and not after.failing(MatchRule())
    assert await _audit(runtime, DELETED, "verification_check") == []
    hamlet, _ = await _figures(runtime)
    assert hamlet.confirmed == 1 and hamlet.failed == 0


async def test_a_deletion_fails_only_once_called_and_overturn_needs_a_call(
    runtime: Runtime, clock: FixedClock
) -> None:
    officer = await make_user(runtime, external_id="bna", hamlet="BNA", name=OFFICER_NAME)
    sup = await make_user(runtime, external_id="sup", role=Role.SUPERVISOR, hamlet=None)
    chat = Chat(runtime, "bna")
    gone = await _log(chat, SAMPLED[0], "Tổ 1", "0912000001")
    await _draw(runtime, sup)
    async with runtime.services.sessions() as session, session.begin():
        entry = await session.get(Entry, gone)
        assert entry is not None
        await session.refresh(entry, ["procedures", "household"])
        await soft_delete_entry(session, entry=entry, reason="nhầm", actor=officer, now=NOW)
    check = await _check_of(runtime, gone)
    assert check.entry_deleted_at is not None and not check.failing(MatchRule())
    hamlet, _ = await _figures(runtime)
    assert (hamlet.open, hamlet.failed) == (1, 0)
    async with runtime.services.sessions() as session, session.begin():
        held = await session.get(Check, check.id)
        assert held is not None
        with pytest.raises(CheckError):  # nothing to overturn before the call
            await overturn(session, check=held, actor=sup, reason="trùng", now=NOW)
        # Unreachable is not final: still open, still not failed.
        await record_outcome(
            session,
            check=held,
            caller=sup,
            outcome=Outcome.UNREACHABLE,
            now=NOW,
            max_attempts=2,
            retry_after=timedelta(minutes=1),
            lease=timedelta(minutes=30),
        )
    hamlet, _ = await _figures(runtime)
    assert (hamlet.open, hamlet.failed) == (1, 0)
    clock.set(NOW + timedelta(minutes=5))
    async with runtime.services.sessions() as session, session.begin():
        held = await session.get(Check, check.id)
        assert held is not None
        await record_outcome(
            session,
            check=held,
            caller=sup,
            outcome=Outcome.UNREACHABLE,
            now=clock.now(),
            max_attempts=2,
            retry_after=timedelta(minutes=1),
            lease=timedelta(minutes=30),
        )
        assert held.outcome == Outcome.COULD_NOT_VERIFY and held.failing(MatchRule())
    hamlet, _ = await _figures(runtime)
    assert (hamlet.open, hamlet.failed, hamlet.unreachable) == (0, 1, 0)


# ------------------------------------------------------------------- through Telegram

OFFICER_TG, SUP_TG = 601, 602


@pytest.fixture
async def tg(runtime: Runtime) -> AsyncIterator[TelegramHarness]:
    await make_user(
        runtime, external_id=str(OFFICER_TG), channel="telegram", hamlet="BNA", name=OFFICER_NAME
    )
    await make_user(
        runtime,
        external_id=str(SUP_TG),
        channel="telegram",
        hamlet=None,
        role=Role.SUPERVISOR,
        name="Phòng Văn hóa Xã hội",
    )
    harness = TelegramHarness(runtime)
    await harness.start()
    yield harness
    await harness.stop()


def _cards(sent: list[Sent]) -> list[str]:
    return [s.text for s in sent if "📞 Thẻ gọi #" in s.text]


@pytest.mark.slow
async def test_telegram_deleted_sampled_entry_stays_on_the_call_list(
    tg: TelegramHarness, clock: FixedClock
) -> None:
    ids = []
    for i, name in enumerate(SAMPLED[:2]):
        out = texts(await tg.say(OFFICER_TG, f"{name}; Tổ {i}; 091200000{i}; 1"))
        assert "Đã lưu" in out, out
        ids.append(int(out.split("#")[1].split(")")[0]))
    clock.set(NOW + timedelta(minutes=5))
    sent = await tg.say(SUP_TG, "/kiemtra BNA 100%")
    assert "Đã rút đợt kiểm tra #1: 2 hộ" in sent[0].text
    await tg.press(SUP_TG, "Dừng")

    clock.set(NOW + timedelta(minutes=10))
    out = texts(await tg.say(OFFICER_TG, f"/xoa {ids[1]}"))
    assert "lý do" in out
    await tg.press(OFFICER_TG, "Nhập nhầm")
    out = texts(await tg.press(OFFICER_TG, "Xóa"))
    assert f"Đã xóa mục #{ids[1]}" in out and "rút mẫu" not in out

    listing = texts(await tg.say(SUP_TG, "/kiemtra_ds"))
    assert "có kết quả 0/2 · còn 2 hộ" in listing and "🗑 1 hộ đã bị xóa" in listing
    await tg.say(SUP_TG, "/kiemtra")
    cards = _cards(await tg.press(SUP_TG, "Gọi tiếp đợt #1"))
    clock.set(NOW + timedelta(minutes=11))
    cards += _cards(await tg.press(SUP_TG, "Để sau"))
    (deleted,) = [c for c in cards if SAMPLED[1] in c][:1]
    assert "🗑 Lượt này đã bị xóa sau khi rút mẫu: lý do «Nhập nhầm»" in deleted
    assert "còn 2/2 hộ" in deleted


async def test_upgrade_puts_checks_whose_entry_was_deleted_back_on_the_list(
    runtime: Runtime,
) -> None:
    """Before revision 0011 such a check fell off its list silently; the upgrade marks it."""
    spec = importlib.util.spec_from_file_location(
        "m0011", Path(__file__).parents[1] / "migrations/versions/0011_frozen_sample.py"
    )
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    officer = await make_user(runtime, external_id="bna", hamlet="BNA", name=OFFICER_NAME)
    sup = await make_user(runtime, external_id="sup", role=Role.SUPERVISOR, hamlet=None)
    chat = Chat(runtime, "bna")
    gone, kept = [
        await _log(chat, name, f"Tổ {i}", f"091200000{i}") for i, name in enumerate(SAMPLED[:2])
    ]
    await _draw(runtime, sup)
    async with runtime.services.sessions() as session, session.begin():
        entry = await load_entry(session, gone)
        assert entry is not None
        await soft_delete_entry(session, entry=entry, reason="nhầm", actor=officer, now=NOW)
        for check in await session.scalars(select(Check)):  # as an older version left it
            check.entry_deleted_at = None
    async with runtime.services.sessions() as session, session.begin():
        await session.execute(text(migration.MARK_DELETED))
    assert (await _check_of(runtime, gone)).entry_deleted_at == NOW
    assert (await _check_of(runtime, kept)).entry_deleted_at is None
