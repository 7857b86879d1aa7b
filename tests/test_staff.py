"""/nhansu and `python -m bot users` (issue 20, items 1–3): who sees whom (role × commune
scope), a person's card, taking access away (refused from the next message, released
dialog, links and call cards, entries still counted, back with a new invite), moves and
role changes (entries stay with their hamlet, the person's own figures follow them),
signing one app out, invites renewed or cancelled, and junk, stale and forged answers."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.clock import FixedClock
from bot.config import Settings, parse_settings
from bot.runtime import Runtime, build_runtime, sync_from_config
from handlers.engine.messages import Inbound
from models.awards import officer_standings
from models.campaign import Hamlet
from models.downloads import FILE, Download, offer
from models.households import Entry
from models.invites import create_invite
from models.people import Identity, Invite, Role, User
from models.periods import Period
from models.records import AuditEvent, Dialog
from models.registry import campaign_by_code
from models.verification import Check
from tests.support.campaign import HAMLETS, make_user, raw_config
from tests.support.chat import Chat
from tests.support.cli import InProcess, write_config

ONE = "Xã Hòn Tre"
TWO = "Xã Lại Sơn"
UNITS = {"BNA": ONE, "L364": ONE, "L365": TWO, "L366": TWO, "NHO": TWO}


@pytest.fixture
async def province(settings: Settings, clock: FixedClock, tmp_path: Path) -> AsyncIterator[Runtime]:
    """The test campaign over two communes, with people in both and the office."""
    hamlets = [{**h, "unit": UNITS[str(h["code"])]} for h in HAMLETS]
    rt = build_runtime(
        parse_settings(
            raw_config(tmp_path, hamlets=hamlets, database={"url": settings.database_url}), tmp_path
        ),
        clock,
    )
    await sync_from_config(rt)
    await make_user(rt, external_id="admin", role=Role.ADMIN, hamlet=None, name="Quản Trị Viên")
    await make_user(rt, external_id="an", hamlet="BNA", name="Nguyễn Văn An")
    await make_user(rt, external_id="ba", role=Role.HAMLET_HEAD, hamlet="BNA", name="Lê Thị Ba")
    await make_user(rt, external_id="tu", hamlet="L365", name="Phạm Văn Tư")
    await make_user(rt, external_id="sup", role=Role.SUPERVISOR, hamlet=None, name="Giám Sát Chung")
    for ext, unit, name in (("sup1", ONE, "Giám Sát Hòn Tre"), ("sup2", TWO, "Giám Sát Lại Sơn")):
        user = await make_user(rt, external_id=ext, role=Role.SUPERVISOR, hamlet=None, name=name)
        await _set(rt, user.id, unit=unit)
    assert "Đã lưu hộ" in await Chat(rt, "an").say("Lê Thị Hoa; Tổ 5; 0987654321; 1")
    assert "Đã lưu hộ" in await Chat(rt, "tu").say("Trần Văn Năm; Tổ 1; 0912000111; 1")
    yield rt
    await rt.close()


async def _set(rt: Runtime, user_id: int, **values: object) -> None:
    async with rt.services.sessions() as session, session.begin():
        user = await session.get(User, user_id)
        assert user is not None
        for key, value in values.items():
            setattr(user, key, value)


async def _user(rt: Runtime, name: str) -> User:
    async with rt.services.sessions() as session:
        user: User | None = await session.scalar(select(User).where(User.display_name == name))
    assert user is not None
    return user


async def _audit(rt: Runtime, action: str) -> list[AuditEvent]:
    async with rt.services.sessions() as session:
        return list(
            await session.scalars(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
            )
        )


async def _invite(rt: Runtime, role: Role = Role.OFFICER, hamlet: str = "L366") -> str:
    async with rt.services.sessions() as session, session.begin():
        found = await session.scalar(select(Hamlet).where(Hamlet.code == hamlet))
        code, invite = await create_invite(
            session,
            role=role,
            hamlet=found if role.needs_hamlet else None,
            created_by=None,
            now=rt.services.clock.now(),
            ttl=timedelta(hours=72),
        )
        invite.invitee_name = "Võ Thị Mời"
    return code


# --- who sees whom ---------------------------------------------------------------------------


async def test_the_list_by_role_and_commune(province: Runtime) -> None:
    await _invite(province)
    everyone = await Chat(province, "admin").say("/nhansu")
    assert "👥 Người dùng bot: 7 người (7 đang hoạt động)" in everyone
    assert "🏘 Ấp Bãi Nhà A (BNA) – 2 người" in everyone
    assert (
        "• Lê Thị Ba – trưởng ấp · máy tính (console) · chưa nhắn tin từ khi đăng ký ngày "
        "15/04/2026 · 0 lượt ghi tháng 04/2026" in everyone
    )
    assert (
        "• Nguyễn Văn An – cán bộ ấp · máy tính (console) · hoạt động 15/04/2026 10:00 · "
        "1 lượt ghi tháng 04/2026" in everyone
    )
    assert "🏛 Phòng VH-XH / không thuộc ấp – 4 người" in everyone
    assert "Giám Sát Hòn Tre – giám sát (Phòng VH-XH) – Xã Hòn Tre" in everyone
    assert "Giám Sát Chung – giám sát (Phòng VH-XH) – tất cả các xã" in everyone
    assert "Ấp chưa có ai dùng bot: Ấp Ba Sáu Sáu, Ấp Ba Sáu Tư, Ấp Nhỏ" in everyone  # by name
    assert "✉️ Lời mời chưa dùng (1):" in everyone
    assert "• Võ Thị Mời (cán bộ ấp, Ấp Ba Sáu Sáu) – hết hạn 18/04/2026 10:00" in everyone
    assert "🔁 Gửi lại: Võ Thị Mời" in everyone and "✖️ Hủy: Võ Thị Mời" in everyone

    # A supervisor of every commune sees everyone, without the admin's invite buttons.
    chung = await Chat(province, "sup").say("/people")
    assert "7 người" in chung and "Phạm Văn Tư" in chung and "Võ Thị Mời" in chung
    assert "Gửi lại" not in chung and "Hủy:" not in chung

    # A commune's supervisor: that commune's hamlets and its own supervisors only.
    hon_tre = await Chat(province, "sup1").say("/nhansu")
    assert "Nguyễn Văn An" in hon_tre and "Lê Thị Ba" in hon_tre
    assert "Giám Sát Hòn Tre" in hon_tre
    for other in ("Phạm Văn Tư", "Giám Sát Lại Sơn", "Giám Sát Chung", "Quản Trị Viên"):
        assert other not in hon_tre, other
    assert "Ấp Ba Sáu Lăm" not in hon_tre and "Võ Thị Mời" not in hon_tre  # L366 is Lại Sơn
    assert "không thấy ai" in (await Chat(province, "sup1").say("/nhansu Phạm Văn Tư")).casefold()
    lai_son = await Chat(province, "sup2").say("/nhansu")
    assert "Phạm Văn Tư" in lai_son and "Võ Thị Mời" in lai_son and "Nguyễn Văn An" not in lai_son

    # Officers and heads are refused politely; groups never get the list.
    for who in ("an", "ba"):
        out = await Chat(province, who).say("/nhansu")
        assert "chỉ dành cho Phòng VH-XH và người quản trị" in out
        assert "Phạm Văn Tư" not in out
    replies = await province.core.handle(
        Inbound(
            channel="console", user_id="admin", chat_id="-100", chat_type="group", text="/nhansu"
        )
    )
    assert len(replies) == 1 and "tin nhắn riêng" in replies[0].text
    assert "Nguyễn" not in replies[0].text


async def test_a_card_by_name_without_marks(province: Runtime) -> None:
    an = await _user(province, "Nguyễn Văn An")
    async with province.services.sessions() as session, session.begin():
        session.add(
            Identity(
                user_id=an.id,
                channel="telegram",
                external_id="777",
                created_at=province.services.clock.now(),
            )
        )
    out = await Chat(province, "sup1").say("/nhansu nguyen an")
    assert f"👤 Nguyễn Văn An (#{an.id})" in out
    assert "Vai trò: cán bộ ấp, Ấp Bãi Nhà A" in out
    assert (
        "Ứng dụng: máy tính (console) (hoạt động 15/04/2026 10:00), Telegram (chưa nhắn tin "
        "từ khi liên kết ngày 15/04/2026)" in out
    )
    assert "Đã ghi: 1 lượt trong tháng 04/2026, 1 lượt từ đầu phong trào" in out
    assert "Tạm ngừng" not in out  # supervisors see; only admins act


# --- taking access away ----------------------------------------------------------------------


async def test_deactivate_releases_everything_and_a_new_invite_brings_them_back(
    province: Runtime,
) -> None:
    an = await _user(province, "Nguyễn Văn An")
    officer = Chat(province, "an")
    await officer.say("/them")  # a question left open
    now = province.services.clock.now()
    async with province.services.sessions() as session, session.begin():
        link = await offer(
            session, path="/tmp/x.xlsx", filename="x.xlsx", kind=FILE, user=an, now=now,
            ttl=timedelta(hours=1),
        )  # fmt: skip
        token = link.token
    admin = Chat(province, "admin")
    card = await admin.say("/nhansu Nguyễn Văn An")
    assert "⛔ Tạm ngừng quyền dùng" in card
    await admin.press("Tạm ngừng quyền")
    out = await admin.say("mất")
    assert "Lý do quá ngắn: cần ít nhất 5 ký tự." in out
    out = await admin.say("Mất điện thoại")
    assert "Tạm ngừng quyền dùng bot của Nguyễn Văn An (cán bộ ấp, Ấp Bãi Nhà A)?" in out
    assert "Lý do: Mất điện thoại" in out
    async with province.services.sessions() as session:
        still = await session.get(User, an.id)
        assert still is not None and still.active
    out = await admin.press("⛔ Tạm ngừng")
    assert "Đã tạm ngừng quyền dùng bot của Nguyễn Văn An" in out
    assert "Đã đóng 1 cuộc trò chuyện đang dở, vô hiệu 1 liên kết tải tệp" in out

    admin_id = (await _user(province, "Quản Trị Viên")).id
    async with province.services.sessions() as session:
        user = await session.get(User, an.id)
        assert user is not None and not user.active
        assert user.deactivated_at == now and user.deactivation_reason == "Mất điện thoại"
        assert user.deactivated_by == admin_id
        assert await session.get(Dialog, an.id) is None
        row = await session.scalar(select(Download))
        assert row is not None and row.expires_at == now
    (event,) = await _audit(province, "user_deactivate")
    assert event.before is not None and event.before["active"] is True
    assert event.after is not None and event.after["active"] is False
    assert event.after["deactivation_reason"] == "Mất điện thoại"

    from handlers.engine.downloads import take
    from models.downloads import Refusal

    assert await take(province.services, token) is Refusal.EXPIRED

    # From the next message on: a polite refusal, no data, whatever they send.
    for text in ("/cuatoi", "/start", "Lê Thị Hoa; Tổ 5; 0987654321; 1", "/tiendo", "xin chào"):
        out = await officer.say(text)
        assert "Tài khoản của anh/chị đã bị tạm ngừng" in out, text
        assert "Lê Thị Hoa" not in out and "0987" not in out and "Bãi Nhà" not in out
    # Their entry stays and still counts for the hamlet.
    report = await Chat(province, "sup").say("/baocao BNA")
    assert "1/412 hộ" in report and "Nguyễn Văn An: 1 lượt" in report
    listed = await admin.say("/nhansu")
    assert "Nguyễn Văn An – cán bộ ấp" in listed and "⛔ tạm ngừng từ 15/04/2026" in listed
    card = await admin.say("/nhansu Nguyễn Văn An")
    assert "⛔ Đã tạm ngừng quyền dùng bot từ 15/04/2026 10:00. Lý do: Mất điện thoại" in card
    assert "Chuyển ấp" not in card

    # A wrong code is still answered as one; a new invite brings them back, same person.
    assert "không đúng" in await officer.say("/start ABCDEFGHJK")
    code = await _invite(province, hamlet="BNA")
    out = await officer.say(code)
    assert "đã được đăng ký" in out
    assert "Lê Thị Hoa" in await officer.say("/cuatoi")
    assert (await _user(province, "Nguyễn Văn An")).active


async def test_no_pushes_after_access_is_taken_away(province: Runtime) -> None:
    from models.notifications import reminder_recipients

    tu = await _user(province, "Phạm Văn Tư")
    admin = Chat(province, "admin")
    await admin.say("/nhansu Phạm Văn Tư")
    await admin.press("Tạm ngừng quyền")
    await admin.say("Thôi làm cán bộ ấp")
    await admin.press("⛔ Tạm ngừng")
    async with province.services.sessions() as session:
        camp = await campaign_by_code(session, province.settings.campaign.code)
        due = await reminder_recipients(
            session,
            channel="console",
            campaign_id=camp.id,
            today=province.services.clock.now().date() + timedelta(days=1),
        )
    assert tu.id not in {u.id for u, _ in due}


async def test_a_released_call_card(province: Runtime) -> None:
    from models.checks import next_card
    from models.sampling import Rule
    from tests.support.verification import draw_batch

    sup = await _user(province, "Giám Sát Chung")
    batch = await draw_batch(province, "seed-1", Rule("count", per_hamlet=1), sup.id)
    now = province.services.clock.now()
    async with province.services.sessions() as session, session.begin():
        card = await next_card(
            session, batch_id=batch.id, caller_id=sup.id, now=now, lease=timedelta(hours=1)
        )
        assert card is not None
        card_id = card.id
    admin = Chat(province, "admin")
    await admin.say("/nhansu Giám Sát Chung")
    await admin.press("Tạm ngừng quyền")
    await admin.say("Chuyển công tác khác")
    assert "trả lại 1 phiếu gọi kiểm tra" in await admin.press("⛔ Tạm ngừng")
    async with province.services.sessions() as session:
        check = await session.get(Check, card_id)
    assert check is not None and check.caller_id is None and check.claimed_at is None
    assert "bị tạm ngừng" in await Chat(province, "sup").say("/kiemtra")


# --- moves and role changes ------------------------------------------------------------------


async def _standings(rt: Runtime) -> dict[str, tuple[str, int]]:
    async with rt.services.sessions() as session:
        camp = await campaign_by_code(session, rt.settings.campaign.code)
        rows = await officer_standings(
            session,
            campaign_id=camp.id,
            period=Period("all", rt.settings.campaign.start, rt.settings.campaign.end),
            as_of=rt.settings.campaign.end,
            checks={},
        )
    return {r.name: (r.hamlet_code, r.households) for r in rows}


async def test_move_keeps_entries_with_their_hamlet_and_figures_with_the_person(
    province: Runtime,
) -> None:
    sup = Chat(province, "sup")
    assert "1/412 hộ" in await sup.say("/baocao BNA")
    assert (await _standings(province))["Nguyễn Văn An"] == ("BNA", 1)
    admin = Chat(province, "admin")
    await admin.say("/nhansu Nguyễn Văn An")
    out = await admin.press("Chuyển ấp")
    assert "Chuyển Nguyễn Văn An sang ấp nào?" in out and "Ấp Bãi Nhà A" not in out
    await admin.press("Ấp Ba Sáu Sáu")
    out = await admin.say("13/04/2026")
    assert "có hiệu lực từ 13/04/2026" in out
    out = await admin.press("Đồng ý")
    assert "Đã chuyển Nguyễn Văn An sang Ấp Ba Sáu Sáu (hiệu lực từ 13/04/2026)" in out

    (event,) = await _audit(province, "user_move")
    assert event.after is not None and event.after["effective"] == "2026-04-13"
    assert event.before is not None and event.before["hamlet_id"] != event.after["hamlet_id"]
    async with province.services.sessions() as session:
        hamlets = set(await session.scalars(select(Entry.hamlet_id)))
        bna = await session.scalar(select(Hamlet.id).where(Hamlet.code == "BNA"))
        l365 = await session.scalar(select(Hamlet.id).where(Hamlet.code == "L365"))
    assert hamlets == {bna, l365}  # no entry moved

    before_l366 = await sup.say("/baocao L366")
    assert "0/366 hộ" in before_l366
    assert "1/412 hộ" in await sup.say("/baocao BNA")  # the hamlet keeps its household
    # The person's own figures follow them, under their new hamlet.
    assert (await _standings(province))["Nguyễn Văn An"] == ("L366", 1)
    out = await Chat(province, "an").say("Võ Văn Sáu; Tổ 2; 0912333444; 1")
    assert "Đã lưu hộ" in out
    assert "1/366 hộ" in await sup.say("/baocao L366")
    assert "1/412 hộ" in await sup.say("/baocao BNA")
    assert (await _standings(province))["Nguyễn Văn An"] == ("L366", 2)
    assert "Lê Thị Hoa" not in await Chat(province, "an").say("/cuatoi")  # BNA's, not theirs now


async def test_role_changes_with_scope(province: Runtime) -> None:
    admin = Chat(province, "admin")
    await admin.say("/nhansu Phạm Văn Tư")
    out = await admin.press("Đổi vai trò")
    assert "Vai trò mới của Phạm Văn Tư (hiện là cán bộ ấp)?" in out
    out = await admin.press("giám sát")
    assert "Phạm Văn Tư giám sát xã nào?" in out and ONE in out and TWO in out
    out = await admin.press(TWO)
    assert "cán bộ ấp, Ấp Ba Sáu Lăm → giám sát (Phòng VH-XH) – Xã Lại Sơn" in out
    out = await admin.press("Đồng ý")
    assert "Đã đổi vai trò của Phạm Văn Tư: giám sát (Phòng VH-XH) – Xã Lại Sơn" in out
    tu = await _user(province, "Phạm Văn Tư")
    assert (tu.role, tu.hamlet_id, tu.unit) == (Role.SUPERVISOR, None, TWO)
    (event,) = await _audit(province, "user_role")
    assert event.after is not None and event.after["effective"] == "2026-04-15"
    assert event.before is not None and event.before["role"] == "officer"
    # As a commune supervisor now: the staff of Lại Sơn, not of Hòn Tre.
    out = await Chat(province, "tu").say("/nhansu")
    assert "Giám Sát Lại Sơn" in out and "Nguyễn Văn An" not in out
    # Their entry stays with L365 and counts there.
    assert "1/365 hộ" in await Chat(province, "sup").say("/baocao L365")

    # Back to a hamlet head: a hamlet is asked.
    await admin.say("/nhansu Phạm Văn Tư")
    await admin.press("Đổi vai trò")
    out = await admin.press("trưởng ấp")
    assert "Phạm Văn Tư làm trưởng ấp ở ấp nào?" in out
    await admin.press("Ấp Nhỏ")
    assert "Đã đổi vai trò" in await admin.press("Đồng ý")
    tu = await _user(province, "Phạm Văn Tư")
    assert tu.role == Role.HAMLET_HEAD and tu.unit is None and tu.hamlet_id is not None


async def test_admins_cannot_act_on_themselves(province: Runtime) -> None:
    out = await Chat(province, "admin").say("/nhansu Quản Trị Viên")
    assert "👤 Quản Trị Viên" in out and "Tạm ngừng" not in out and "Đổi vai trò" not in out


# --- invites ---------------------------------------------------------------------------------


async def test_resend_and_cancel_an_invite(province: Runtime) -> None:
    old = await _invite(province)
    admin = Chat(province, "admin")
    await admin.say("/nhansu")
    out = await admin.press("Gửi lại: Võ Thị Mời")
    assert "Đã hủy mã cũ và tạo mã mới cho Võ Thị Mời (cán bộ ấp, Ấp Ba Sáu Sáu)" in out
    match = re.search(r"/start ([A-Z0-9]{10})", out)
    assert match is not None and match.group(1) != old
    assert "hết hạn" in await Chat(province, "x1").say(f"/start {old}")
    await admin.say("/nhansu")
    out = await admin.press("Hủy: Võ Thị Mời")
    assert "Đã hủy lời mời cho Võ Thị Mời" in out
    assert "Võ Thị Mời" not in await admin.say("/nhansu")
    out = await Chat(province, "x2").say(f"/start {match.group(1)}")
    assert "đã được đăng ký" not in out and "hết hạn" in out
    assert len(await _audit(province, "invite_revoke")) == 2
    assert len(await _audit(province, "invite_resend")) == 1
    async with province.services.sessions() as session:
        fresh = await session.scalar(select(Invite).order_by(Invite.id.desc()))
    assert fresh is not None and fresh.invitee_name == "Võ Thị Mời" and fresh.revoked_at


# --- signing out one app ---------------------------------------------------------------------


async def test_sign_out_one_app_but_never_the_last(province: Runtime) -> None:
    an = await _user(province, "Nguyễn Văn An")
    out = await Chat(province, "an").say("/dangxuat")
    assert out.startswith("Anh/chị chỉ dùng bot trên máy tính (console), nên không đăng xuất")
    assert "mới mới" not in out and "phải xin mã mời khác để dùng lại" in out
    async with province.services.sessions() as session, session.begin():
        session.add(
            Identity(
                user_id=an.id,
                channel="zalo",
                external_id="z-an",
                created_at=province.services.clock.now(),
            )
        )
    chat = Chat(province, "an")
    out = await chat.say("/signout")
    assert "Đăng xuất máy tính (console) khỏi tài khoản" in out and "Zalo" in out
    assert "vẫn liên kết" in await chat.press("Hủy")
    await chat.say("/dangxuat")
    out = await chat.press("Đăng xuất")
    assert "Đã đăng xuất máy tính (console). Anh/chị vẫn dùng bot trên Zalo." in out
    async with province.services.sessions() as session:
        left = list(await session.scalars(select(Identity).where(Identity.user_id == an.id)))
    assert [i.channel for i in left] == ["zalo"]
    assert "chưa được đăng ký" in await chat.say("/cuatoi")
    assert len(await _audit(province, "unlink_identity")) == 1


# --- bad input -------------------------------------------------------------------------------


async def _count(rt: Runtime, model: type) -> int:
    async with rt.services.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_junk_stale_and_forged_answers_change_nothing(province: Runtime) -> None:
    admin = Chat(province, "admin")
    events = await _count(province, AuditEvent)
    assert "Không thấy ai tên «Không Có Ai»" in await admin.say("/nhansu Không Có Ai")
    assert "Không thấy ai" in await admin.say("/nhansu 999999")
    # Junk at every step: asked again, nothing stored.
    await admin.say("/nhansu Nguyễn Văn An")
    await admin.say("99")
    await admin.press("Tạm ngừng quyền")
    for junk in ("", "a", "1234", "x" * 3):
        assert "Lý do" in await admin.say(junk or " ")
    await admin.say("Mất điện thoại rồi")
    assert "Xin chọn «⛔ Tạm ngừng» hoặc «❌ Hủy»." in await admin.say("có lẽ")
    assert "không cần ngày" in await admin.say("31/02/2026")
    assert "Đã hủy, chưa thay đổi gì." in await admin.press("Hủy")
    assert (await _user(province, "Nguyễn Văn An")).active

    # A card left open while another admin took the person's access away: stale.
    await admin.say("/nhansu Nguyễn Văn An")
    await admin.press("Tạm ngừng quyền")
    await admin.say("Lý do thứ nhất")
    await _set(province, (await _user(province, "Nguyễn Văn An")).id, active=False)
    out = await admin.press("⛔ Tạm ngừng")
    assert "Thông tin đã thay đổi" in out
    await _set(province, (await _user(province, "Nguyễn Văn An")).id, active=True)

    # Forged buttons: values never offered, someone else's, another step's.
    tu = await _user(province, "Phạm Văn Tư")
    sup1 = Chat(province, "sup1")
    await sup1.say("/nhansu")
    for forged in (f"1:u:{tu.id}", "1:off", "99:u:1", "abc", "1:x:1", "2:r:999"):
        replies = await province.core.handle(
            Inbound(
                channel="console", user_id="sup1", chat_id="sup1", chat_type="private",
                option=forged,
            )
        )  # fmt: skip
        text = "\n".join(r.text for r in replies)
        assert "Phạm Văn Tư" not in text and "không còn hiệu lực" in text, forged
    # Supervisors cannot act even with a forged step value.
    await sup1.say("/nhansu Nguyễn Văn An")
    async with province.services.sessions() as session:
        dialog = await session.get(Dialog, (await _user(province, "Giám Sát Hòn Tre")).id)
    assert dialog is None  # a supervisor's card opens no question
    # An officer's forged option while no question is open.
    replies = await province.core.handle(
        Inbound(channel="console", user_id="an", chat_id="an", chat_type="private", option="1:off")
    )
    assert "Tạm ngừng" not in "\n".join(r.text for r in replies)
    # Nothing was changed or audited by any of this but the model's own opening rows.
    assert await _count(province, AuditEvent) == events
    assert all(u.active for u in [await _user(province, n) for n in ("Nguyễn Văn An",)])


# --- the command line ------------------------------------------------------------------------


async def test_users_cli(province: Runtime, bot_cli: InProcess, tmp_path: Path) -> None:
    path = write_config(province, tmp_path)
    text = path.read_text(encoding="utf-8")
    for hamlet, unit in UNITS.items():
        text = text.replace(f'code = "{hamlet}"\n', f'code = "{hamlet}"\nunit = "{unit}"\n')
    path.write_text(text, encoding="utf-8")
    cfg = str(path)

    code, out, err = await bot_cli("users", "list", "--config", cfg)
    assert code == 0, err
    assert "👥 Người dùng bot: 7 người" in out and "Nguyễn Văn An" in out

    code, out, err = await bot_cli("users", "show", "nguyen van an", "--config", cfg)
    assert code == 0 and "👤 Nguyễn Văn An" in out and "cán bộ ấp, Ấp Bãi Nhà A" in out
    code, out, err = await bot_cli("users", "show", "Giám Sát", "--config", cfg)
    assert code == 2 and "Có 3 người khớp" in err and "#" in err
    code, out, err = await bot_cli("users", "show", "Không Ai", "--config", cfg)
    assert code == 2 and "Không thấy ai" in err

    an = await _user(province, "Nguyễn Văn An")
    code, out, err = await bot_cli(
        "users", "deactivate", str(an.id), "--reason", "mất", "--config", cfg
    )
    assert code == 2 and "ít nhất 5 ký tự" in err
    assert (await _user(province, "Nguyễn Văn An")).active
    code, out, err = await bot_cli(
        "users", "move", str(an.id), "--hamlet", "L364", "--effective", "32/13/2026",
        "--config", cfg,
    )  # fmt: skip
    assert code == 2 and "dd/mm/yyyy" in err
    code, out, err = await bot_cli(
        "users", "move", f"#{an.id}", "--hamlet", "L364", "--effective", "01/05/2099",
        "--config", cfg,
    )  # fmt: skip
    assert code == 2 and "Ngày hiệu lực không được sau hôm nay" in err  # the CLI's real today
    code, out, err = await bot_cli(
        "users", "move", f"#{an.id}", "--hamlet", "L364", "--effective", "31/12/2025",
        "--config", cfg,
    )  # fmt: skip
    assert code == 2 and "trước khi phong trào bắt đầu (01/01/2026)" in err
    code, out, err = await bot_cli(
        "users", "move", f"#{an.id}", "--hamlet", "L364", "--effective", "31/02/2026",
        "--config", cfg,
    )  # fmt: skip
    assert code == 2 and "«31/02/2026» không phải là ngày hợp lệ" in err
    assert not await _audit(province, "user_move")
    code, out, err = await bot_cli(
        "users", "move", f"#{an.id}", "--hamlet", "L364", "--effective", "10/04/2026",
        "--config", cfg,
    )  # fmt: skip
    assert code == 0 and "Đã chuyển Nguyễn Văn An sang Ấp Ba Sáu Tư" in out, err
    (event,) = await _audit(province, "user_move")
    assert event.actor_id is None and event.after is not None
    assert event.after["effective"] == "2026-04-10"

    code, out, err = await bot_cli(
        "users", "role", "Phạm Văn Tư", "--role", "supervisor", "--unit", "Xã Không Có",
        "--config", cfg,
    )  # fmt: skip
    assert code == 2 and "Không có xã" in err
    code, out, err = await bot_cli(
        "users", "role", "Phạm Văn Tư", "--role", "giamsat", "--unit", ONE, "--config", cfg
    )
    assert code == 0 and "giám sát (Phòng VH-XH) – Xã Hòn Tre" in out, err
    code, out, err = await bot_cli(
        "users", "role", "Lê Thị Ba", "--role", "officer", "--config", cfg
    )
    assert code == 2

    code, out, err = await bot_cli(
        "users", "deactivate", "Nguyễn Văn An", "--reason", "Mất điện thoại", "--config", cfg
    )
    assert code == 0 and "Đã tạm ngừng quyền dùng bot của Nguyễn Văn An" in out, err
    code, out, err = await bot_cli(
        "users", "deactivate", "Nguyễn Văn An", "--reason", "Lần thứ hai", "--config", cfg
    )
    assert code == 2 and "đã bị tạm ngừng từ trước" in err
    assert "bị tạm ngừng" in await Chat(province, "an").say("/cuatoi")
    (event,) = await _audit(province, "user_deactivate")
    assert event.actor_id is None


# --- issue 20 follow-ups (a tester's findings) -----------------------------------------------


async def test_a_role_change_and_a_move_release_what_the_person_held(province: Runtime) -> None:
    """Item 1: a supervisor made officer keeps no call card; an officer moved keeps no
    download link or open question of the old hamlet (as deactivation already did)."""
    from handlers.engine.downloads import take
    from models.checks import next_card
    from models.downloads import Refusal
    from models.sampling import Rule
    from tests.support.verification import draw_batch

    sup = await _user(province, "Giám Sát Chung")
    batch = await draw_batch(province, "seed-1", Rule("count", per_hamlet=1), sup.id)
    now = province.services.clock.now()
    async with province.services.sessions() as session, session.begin():
        card = await next_card(
            session, batch_id=batch.id, caller_id=sup.id, now=now, lease=timedelta(hours=1)
        )
        assert card is not None
        card_id = card.id
    admin = Chat(province, "admin")
    await admin.say("/nhansu Giám Sát Chung")
    await admin.press("Đổi vai trò")
    await admin.press("cán bộ ấp")
    await admin.press("Ấp Nhỏ")
    out = await admin.press("Đồng ý")
    assert "Đã đổi vai trò của Giám Sát Chung: cán bộ ấp, Ấp Nhỏ" in out
    assert "Đã trả lại 1 phiếu gọi kiểm tra" in out
    async with province.services.sessions() as session:
        check = await session.get(Check, card_id)
    assert check is not None and check.caller_id is None and check.claimed_at is None
    (event,) = await _audit(province, "user_role")
    assert event.after is not None and event.after["released"]["cards"] == 1

    an = await _user(province, "Nguyễn Văn An")
    await Chat(province, "an").say("/them")  # a question of the old hamlet left open
    async with province.services.sessions() as session, session.begin():
        link = await offer(
            session, path="/tmp/bna.xlsx", filename="bna.xlsx", kind=FILE, user=an, now=now,
            ttl=timedelta(hours=1),
        )  # fmt: skip
        token = link.token
    await admin.say("/nhansu Nguyễn Văn An")
    await admin.press("Chuyển ấp")
    await admin.press("Ấp Ba Sáu Sáu")
    out = await admin.press("Đồng ý")
    assert "Đã chuyển Nguyễn Văn An sang Ấp Ba Sáu Sáu" in out
    assert "vô hiệu 1 liên kết tải tệp và đóng 1 cuộc trò chuyện đang dở" in out
    async with province.services.sessions() as session:
        assert await session.get(Dialog, an.id) is None
    assert await take(province.services, token) is Refusal.EXPIRED


async def test_the_effective_date_is_today_or_earlier(province: Runtime) -> None:
    """Item 2: a future date was accepted while the change happened at once."""
    admin = Chat(province, "admin")
    await admin.say("/nhansu Nguyễn Văn An")
    await admin.press("Chuyển ấp")
    out = await admin.press("Ấp Ba Sáu Sáu")
    assert "có hiệu lực từ 15/04/2026" in out and "trước hôm nay, gõ ngày đó" in out
    out = await admin.say("01/01/2030")
    assert "Ngày hiệu lực không được sau hôm nay (15/04/2026)" in out
    assert "có hiệu lực từ 15/04/2026" in out  # asked again, unchanged
    out = await admin.say("31/02/2026")
    assert "«31/02/2026» không phải là ngày hợp lệ" in out
    out = await admin.say("31/12/2025")
    assert "trước khi phong trào bắt đầu (01/01/2026)" in out
    assert not await _audit(province, "user_move")
    assert "có hiệu lực từ 14/04/2026" in await admin.say("hôm qua")
    out = await admin.press("Đồng ý")
    assert "(hiệu lực từ 14/04/2026)" in out
    (event,) = await _audit(province, "user_move")
    assert event.after is not None and event.after["effective"] == "2026-04-14"

    # A forged future date kept in the draft is refused by the domain too.
    await admin.say("/nhansu Phạm Văn Tư")
    await admin.press("Đổi vai trò")
    await admin.press("trưởng ấp")
    await admin.press("Ấp Nhỏ")
    async with province.services.sessions() as session, session.begin():
        dialog = await session.get(Dialog, (await _user(province, "Quản Trị Viên")).id)
        assert dialog is not None
        dialog.draft = {**dict(dialog.draft or {}), "effective": "2030-01-01"}
    assert "không được sau hôm nay" in await admin.press("Đồng ý")
    assert (await _user(province, "Phạm Văn Tư")).role == Role.OFFICER


async def test_the_deactivation_confirm_names_its_buttons(province: Runtime) -> None:
    """Item 5: the prompt said "Đồng ý" and offered a date it then refused, in a loop."""
    admin = Chat(province, "admin")
    await admin.say("/nhansu #2")
    await admin.press("Tạm ngừng quyền")
    await admin.say("Nghỉ việc từ tháng này")
    out = await admin.say("10/12/2026")
    assert "có hiệu lực ngay khi anh/chị xác nhận, không cần ngày" in out
    assert "«⛔ Tạm ngừng»" in out and "Đồng ý" not in out and "gõ ngày" not in out
    out = await admin.say("ừm")
    assert out.startswith("Xin chọn «⛔ Tạm ngừng» hoặc «❌ Hủy».")
    assert "Đã tạm ngừng quyền dùng bot" in await admin.press("⛔ Tạm ngừng")


async def test_hamlets_by_name_without_the_place_word(province: Runtime) -> None:
    """Item 4: "Ba Sáu Sáu" for "Ấp Ba Sáu Sáu"; an unknown name explained; by name."""
    admin = Chat(province, "admin")
    await admin.say("/nhansu Nguyễn Văn An")
    out = await admin.press("Chuyển ấp")
    names = ["Ấp Ba Sáu Lăm", "Ấp Ba Sáu Sáu", "Ấp Ba Sáu Tư", "Ấp Nhỏ"]
    assert [out.index(n) for n in names] == sorted(out.index(n) for n in names), out
    out = await admin.say("Củ Tron")
    assert "Không có ấp «Củ Tron» trong phong trào" in out and "sang ấp nào?" in out
    out = await admin.say("Bãi Nhà A")
    assert "Nguyễn Văn An đang ở Ấp Bãi Nhà A rồi" in out
    out = await admin.say("ba sau sau")
    assert "Chuyển Nguyễn Văn An từ Ấp Bãi Nhà A sang Ấp Ba Sáu Sáu" in out
    assert "Đã hủy" in await admin.press("Hủy")
    # The same in /moi, typed after the role or at its question.
    out = await admin.say("/moi canbo Ba Sáu Tư")
    assert "🎟 Mã mời cho cán bộ ấp" in out and "Ấp Ba Sáu Tư" in out and "/start " in out
    out = await admin.say("/moi truongap Củ Tron")
    assert "Không có ấp «Củ Tron» trong phong trào" in out
    assert "🎟" in await admin.say("nho")


async def test_an_admin_unlinks_one_app_from_the_card(province: Runtime) -> None:
    """Item 7: /lienket's conflict said "ask the admin to unlink", and nothing could."""
    an = await _user(province, "Nguyễn Văn An")
    async with province.services.sessions() as session, session.begin():
        session.add(
            Identity(
                user_id=an.id, channel="telegram", external_id="old-phone",
                created_at=province.services.clock.now() - timedelta(days=30),
            )
        )  # fmt: skip
    admin = Chat(province, "admin")
    card = await admin.say("/nhansu Nguyễn Văn An")
    assert "🔗 Gỡ liên kết Telegram" in card and "🔗 Gỡ liên kết máy tính (console)" in card
    out = await admin.press("Gỡ liên kết Telegram")
    assert "Gỡ liên kết Telegram (liên kết ngày 16/03/2026) khỏi tài khoản của Nguyễn" in out
    assert "duy nhất" not in out
    async with province.services.sessions() as session:
        assert await session.scalar(select(Identity).where(Identity.external_id == "old-phone"))
    out = await admin.press("🔗 Gỡ liên kết")
    assert "Đã gỡ liên kết Telegram khỏi tài khoản của Nguyễn Văn An" in out
    async with province.services.sessions() as session:
        left = list(await session.scalars(select(Identity).where(Identity.user_id == an.id)))
    assert [i.channel for i in left] == ["console"]
    (event,) = await _audit(province, "unlink_identity")
    admin_id = (await _user(province, "Quản Trị Viên")).id
    assert event.actor_id == admin_id and event.before is not None
    assert event.before["channel"] == "telegram"
    # The last app: warned first; supervisors see the card without the action.
    await admin.say("/nhansu Nguyễn Văn An")
    out = await admin.press("Gỡ liên kết máy tính")
    assert "⚠️ Đây là ứng dụng duy nhất của Nguyễn Văn An" in out
    assert "Đã hủy" in await admin.press("Hủy")
    assert "Gỡ liên kết" not in await Chat(province, "sup").say("/nhansu Nguyễn Văn An")


async def test_wording_for_those_who_do_not_log(province: Runtime) -> None:
    """Item 8: /huy told admins and supervisors to log a household; /moi's usage."""
    admin = Chat(province, "admin")
    await admin.say("/nhansu Nguyễn Văn An")
    out = await admin.say("/huy")
    assert "Đã hủy." in out and "/them" not in out
    sup = Chat(province, "sup")
    await sup.say("/thongbaochung")
    assert "/them" not in await sup.say("/huy")
    out = await admin.say("/moi thuky")
    assert out.index("/moi canbo") < out.index("officer")
    assert "/moi truongap" in out and "/moi giamsat" in out and "/moi quantri" in out
