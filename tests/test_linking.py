"""One person on several channels: link codes (/lienket), bare codes, /taikhoan."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

from sqlalchemy import select

from bot.clock import FixedClock
from bot.runtime import Runtime
from handlers.engine.messages import Inbound, Reply
from handlers.texts import en, vi
from models.campaign import Hamlet
from models.households import Entry
from models.invites import create_invite, create_link_code
from models.people import Identity, Invite, Role, User
from models.records import AuditEvent
from tests.support.campaign import NOW, make_user
from tests.support.chat import Chat


class ZaloUser:
    """Drives the core as the Zalo transport will: private chats, channel "zalo"."""

    def __init__(self, runtime: Runtime, user_id: str, name: str = "Zalo User") -> None:
        self.runtime = runtime
        self.user_id = user_id
        self.name = name
        self.last: list[Reply] = []

    async def say(self, text: str) -> str:
        self.last = await self.runtime.core.handle(
            Inbound(
                channel="zalo",
                user_id=self.user_id,
                chat_id=self.user_id,
                chat_type="private",
                text=text,
                delivery_key=uuid.uuid4().hex,
                sender_name=self.name,
            )
        )
        return "\n\n".join(r.text for r in self.last)

    async def press(self, label_part: str) -> str:
        for reply in reversed(self.last):
            for i, opt in enumerate(reply.options, 1):
                if label_part.casefold() in opt.label.casefold():
                    return await self.say(str(i))
        raise AssertionError(f"no option containing {label_part!r} in {self.last!r}")


def _code(replies: list[Reply]) -> str:
    """The code from the copyable last reply, "/lienket CODE"."""
    match = re.fullmatch(r"/lienket ([A-Z2-9]{10})", replies[-1].text)
    assert match, replies[-1].text
    return match.group(1)


async def _log_household(say: Chat | ZaloUser, name: str, phone: str) -> None:
    out = await say.say(f"{name}; Tổ 3; {phone}; 1")
    assert "Đã lưu hộ" in (out if isinstance(out, str) else "\n".join(s.text for s in out))


async def _user(runtime: Runtime, user_id: int) -> tuple[User, list[tuple[str, str]]]:
    async with runtime.services.sessions() as session:
        user = await session.get(User, user_id)
        assert user is not None
        ids = await session.scalars(
            select(Identity).where(Identity.user_id == user_id).order_by(Identity.id)
        )
        return user, [(i.channel, i.external_id) for i in ids]


async def _owner(runtime: Runtime, channel: str, external_id: str) -> int | None:
    async with runtime.services.sessions() as session:
        identity = await session.scalar(
            select(Identity).where(Identity.channel == channel, Identity.external_id == external_id)
        )
        return identity.user_id if identity is not None else None


async def _audit(runtime: Runtime) -> list[AuditEvent]:
    async with runtime.services.sessions() as session:
        return list(await session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


async def _link_code(runtime: Runtime, user_id: int, hours: int = 72) -> str:
    async with runtime.services.sessions() as session, session.begin():
        user = await session.get(User, user_id)
        assert user is not None
        code, _ = await create_link_code(
            session,
            user=user,
            created_by=user_id,
            now=runtime.services.clock.now(),
            ttl=timedelta(hours=hours),
        )
        return code


async def test_officer_links_zalo_with_the_bare_code(runtime: Runtime) -> None:
    lan = await make_user(runtime, external_id="lan", hamlet="L365", name="Lê Thị Lan")
    chat = Chat(runtime, "lan")
    await _log_household(chat, "Nguyễn Văn An", "0912345678")

    out = await chat.say("/lienket")
    assert "Mã liên kết tài khoản của anh/chị" in out
    assert "Zalo hoặc Telegram" in out and "Không đưa mã này cho người khác" in out
    assert "hết hạn lúc 10:00 18/04/2026" in out  # 72 hours, shown in Vietnam time
    code = _code(chat.last)

    zalo = ZaloUser(runtime, "z-100", name="Lan Zalo")
    out = await zalo.say(f"{code[:5].lower()} {code[5:].lower()}")
    assert "Đã liên kết" in out and "Zalo" in out
    assert "Lê Thị Lan (cán bộ ấp, Ấp Ba Sáu Lăm)" in out
    assert "Hướng dẫn dùng bot" in out and "/lienket" in out

    # Same person, same entries, same role and hamlet, on Zalo.
    mine = await zalo.say("/cuatoi")
    assert "Nguyễn Văn An" in mine and "0912 345 678" in mine
    user, identities = await _user(runtime, lan.id)
    assert user.display_name == "Lê Thị Lan" and user.role == Role.OFFICER
    assert identities == [("console", "lan"), ("zalo", "z-100")]
    async with runtime.services.sessions() as session:
        hamlet = await session.get(Hamlet, user.hamlet_id)
        assert hamlet is not None and hamlet.code == "L365"
        assert len(list(await session.scalars(select(User)))) == 1
    # A household logged on Zalo is the same officer's.
    await _log_household(zalo, "Trần Thị Bé", "0987654321")
    mine = await chat.say("/cuatoi")
    assert "Trần Thị Bé" in mine and "Nguyễn Văn An" in mine

    # Single use.
    other = ZaloUser(runtime, "z-200")
    out = await other.say(code)
    assert "đã được sử dụng" in out
    assert await _owner(runtime, "zalo", "z-200") is None

    # Audited, without the code.
    events = await _audit(runtime)
    links = [e for e in events if e.action == "link_identity"]
    assert len(links) == 1
    assert links[0].actor_id == lan.id and links[0].target_id == lan.id
    assert links[0].after is not None and links[0].after["channel"] == "zalo"
    created = [e for e in events if e.target == "invite" and e.action == "create"]
    assert created and created[0].after is not None
    assert created[0].after["link_user_id"] == lan.id
    assert code not in str([(e.before, e.after) for e in events])


async def test_accounts_lists_both_channels(runtime: Runtime, clock: FixedClock) -> None:
    lan = await make_user(runtime, external_id="lan", hamlet="L365", name="Lê Thị Lan")
    code = _code(await Chat(runtime, "lan").channel.send("/lienket"))
    clock.set(NOW + timedelta(days=2))
    zalo = ZaloUser(runtime, "z-100")
    assert "Đã liên kết" in await zalo.say(code)

    out = await zalo.say("/taikhoan")
    assert "Lê Thị Lan (cán bộ ấp, Ấp Ba Sáu Lăm)" in out
    assert "• máy tính (console) – liên kết ngày 15/04/2026\n" in out
    assert "• Zalo – liên kết ngày 17/04/2026 (đang nhắn tin từ đây)" in out
    assert "z-100" not in out and "lan\n" not in out
    out = await Chat(runtime, "lan").say("/accounts")
    assert "• máy tính (console) – liên kết ngày 15/04/2026 (đang nhắn tin từ đây)" in out
    _, identities = await _user(runtime, lan.id)
    assert len(identities) == 2


async def test_link_code_expires(runtime: Runtime, clock: FixedClock) -> None:
    lan = await make_user(runtime, external_id="lan", hamlet="L365")
    code = await _link_code(runtime, lan.id)
    clock.set(NOW + timedelta(hours=72, seconds=1))
    out = await ZaloUser(runtime, "z-100").say(code)
    assert "hết hạn" in out
    assert await _owner(runtime, "zalo", "z-100") is None


async def test_zalo_account_with_entries_is_refused(runtime: Runtime) -> None:
    lan = await make_user(runtime, external_id="lan", hamlet="L365", name="Lê Thị Lan")
    other = await make_user(
        runtime, external_id="z-100", channel="zalo", hamlet="BNA", name="Lan Zalo"
    )
    zalo = ZaloUser(runtime, "z-100")
    await _log_household(zalo, "Nguyễn Văn An", "0912345678")
    await _log_household(zalo, "Trần Thị Bé", "0987654321")
    code = await _link_code(runtime, lan.id)

    out = await zalo.say(f"/lienket {code}")
    assert "đã ghi 2 lượt hướng dẫn" in out
    assert "không thể tự động gộp" in out
    assert await _owner(runtime, "zalo", "z-100") == other.id
    user, _ = await _user(runtime, other.id)
    assert user.active
    assert "Nguyễn Văn An" in await zalo.say("/cuatoi")  # still their own account
    async with runtime.services.sessions() as session:
        invites = list(await session.scalars(select(Invite)))
    assert [i.used_at for i in invites] == [None]  # refused: the code is not spent


async def test_zalo_account_without_entries_is_moved_and_old_user_deactivated(
    runtime: Runtime,
) -> None:
    lan = await make_user(runtime, external_id="lan", hamlet="L365", name="Lê Thị Lan")
    old = await make_user(
        runtime, external_id="z-100", channel="zalo", hamlet="BNA", name="Lan Zalo"
    )
    code = await _link_code(runtime, lan.id)
    zalo = ZaloUser(runtime, "z-100")
    await zalo.say("/them")  # an open dialog of the old account does not get in the way

    out = await zalo.say(f"/lienket {code}")
    assert "Đã liên kết" in out and "Lê Thị Lan" in out
    assert "chưa ghi hộ nào" in out and "gộp" in out
    assert await _owner(runtime, "zalo", "z-100") == lan.id
    old_user, old_ids = await _user(runtime, old.id)
    assert not old_user.active and old_ids == []
    assert "Ấp Ba Sáu Lăm" in await zalo.say("/tiendo")

    events = await _audit(runtime)
    link = next(e for e in events if e.action == "link_identity")
    assert link.before is not None and link.before["user_id"] == old.id
    assert link.after is not None and link.after["user_id"] == lan.id
    off = [e for e in events if e.action == "deactivate"]
    assert [(e.actor_id, e.target_id) for e in off] == [(lan.id, old.id)]
    assert code not in str([(e.before, e.after) for e in events])


async def test_same_account_is_already_linked_and_code_stays_valid(runtime: Runtime) -> None:
    await make_user(runtime, external_id="lan", hamlet="L365")
    chat = Chat(runtime, "lan")
    code = _code(await chat.channel.send("/lienket"))
    out = await chat.say(f"/lienket {code}")
    assert "đã được liên kết với tài khoản của anh/chị rồi" in out
    assert "Đã liên kết" in await ZaloUser(runtime, "z-100").say(code)


async def test_second_zalo_account_is_refused(runtime: Runtime) -> None:
    lan = await make_user(runtime, external_id="lan", hamlet="L365")
    assert "Đã liên kết" in await ZaloUser(runtime, "z-100").say(await _link_code(runtime, lan.id))
    out = await ZaloUser(runtime, "z-200").say(await _link_code(runtime, lan.id))
    assert "đã được liên kết với một tài khoản Zalo khác" in out
    # Points to the action that exists (issue 20 follow-up, item 7).
    assert "người quản trị gõ /nhansu <tên anh/chị> rồi chọn «Gỡ liên kết Zalo»" in out
    assert await _owner(runtime, "zalo", "z-200") is None


async def test_link_to_inactive_user_is_refused(runtime: Runtime) -> None:
    lan = await make_user(runtime, external_id="lan", hamlet="L365")
    code = await _link_code(runtime, lan.id)
    async with runtime.services.sessions() as session, session.begin():
        user = await session.get(User, lan.id)
        assert user is not None
        user.active = False
    out = await ZaloUser(runtime, "z-100").say(f"/lienket {code}")
    assert "đã ngừng hoạt động" in out
    assert await _owner(runtime, "zalo", "z-100") is None


async def test_admin_links_by_name_picking_from_two(runtime: Runtime) -> None:
    await make_user(
        runtime, external_id="admin", role=Role.ADMIN, hamlet=None, name="Quản Trị Viên"
    )
    an = await make_user(runtime, external_id="an", hamlet="BNA", name="Nguyễn Văn An")
    await make_user(runtime, external_id="binh", hamlet="L365", name="Nguyễn Thị Bình")
    await make_user(runtime, external_id="cu", hamlet="L365", name="Trần Văn Cu")
    admin = Chat(runtime, "admin")

    out = await admin.say("/lienket nguyen")
    assert "Có nhiều người khớp với «nguyen»" in out
    assert "1. Nguyễn Thị Bình (cán bộ ấp, Ấp Ba Sáu Lăm)" in out
    assert "2. Nguyễn Văn An (cán bộ ấp, Ấp Bãi Nhà A)" in out
    assert "Trần Văn Cu" not in out
    out = await admin.say("2")
    assert "Mã liên kết cho Nguyễn Văn An (cán bộ ấp, Ấp Bãi Nhà A)" in out
    assert "Chỉ gửi mã này cho chính người đó" in out
    code = _code(admin.last)

    out = await ZaloUser(runtime, "z-an").say(code)
    assert "Đã liên kết" in out and "Nguyễn Văn An" in out
    assert await _owner(runtime, "zalo", "z-an") == an.id
    async with runtime.services.sessions() as session:
        invite = await session.scalar(select(Invite).where(Invite.link_user_id == an.id))
        assert invite is not None and invite.used_by == an.id


async def test_admin_name_single_match_none_and_code_looking_name(runtime: Runtime) -> None:
    await make_user(
        runtime, external_id="admin", role=Role.ADMIN, hamlet=None, name="Quản Trị Viên"
    )
    await make_user(
        runtime, external_id="sup", role=Role.SUPERVISOR, hamlet=None, name="Phòng Văn Hóa"
    )
    await make_user(runtime, external_id="a", hamlet="BNA", name="Nguyễn Văn A")
    await make_user(runtime, external_id="an", hamlet="BNA", name="Nguyễn Văn An")
    admin = Chat(runtime, "admin")
    out = await admin.say("/lienket phong van hoa")
    assert "Mã liên kết cho Phòng Văn Hóa (giám sát (Phòng VH-XH))" in out
    # "nguyen van a" folds to ten code letters: not a code, so a name (the exact one wins).
    out = await admin.say("/lienket nguyen van a")
    assert "Mã liên kết cho Nguyễn Văn A (cán bộ ấp, Ấp Bãi Nhà A)" in out
    out = await admin.say("/lienket Lê Văn Không")
    assert "Không tìm thấy người dùng nào" in out


async def test_non_admin_with_a_name_is_told_to_send_lienket_alone(runtime: Runtime) -> None:
    await make_user(runtime, external_id="lan", hamlet="L365")
    await make_user(runtime, external_id="an", hamlet="BNA", name="Nguyễn Văn An")
    out = await Chat(runtime, "lan").say("/lienket Nguyễn Văn An")
    assert "Chỉ người quản trị mới tạo được mã liên kết cho người khác" in out
    assert "/lienket (không kèm gì)" in out
    async with runtime.services.sessions() as session:
        assert list(await session.scalars(select(Invite))) == []


async def test_bare_invite_code_registers_a_zalo_stranger(runtime: Runtime) -> None:
    async with runtime.services.sessions() as session, session.begin():
        hamlet = await session.scalar(select(Hamlet).where(Hamlet.code == "L365"))
        code, _ = await create_invite(
            session,
            role=Role.OFFICER,
            hamlet=hamlet,
            created_by=None,
            now=NOW,
            ttl=timedelta(hours=72),
        )
    zalo = ZaloUser(runtime, "z-100", name="Hoa")
    out = await zalo.say(f"{code[:5]}-{code[5:]}")
    assert "Chào Hoa! Anh/chị đã được đăng ký với vai trò cán bộ ấp – Ấp Ba Sáu Lăm" in out
    user_id = await _owner(runtime, "zalo", "z-100")
    assert user_id is not None
    await _log_household(zalo, "Nguyễn Văn An", "0912345678")


async def test_stranger_random_text_gets_the_unregistered_reply(runtime: Runtime) -> None:
    zalo = ZaloUser(runtime, "z-100")
    for text in (
        "xin chào",
        "HELLOWORLD",
        "Nguyễn Văn An; Tổ 3; 0912345678; 1",
        "/lienket",
        "1234567890",
    ):
        out = await zalo.say(text)
        assert "chưa được đăng ký" in out, text
        assert "chỉ cần gửi mã" in out and "/start MÃ_MỜI" in out
        assert "/lienket" in out
    out = await zalo.say("ABCDE FGHJK")  # shaped like a code: checked, and wrong
    assert "không đúng" in out
    async with runtime.services.sessions() as session:
        assert list(await session.scalars(select(User))) == []
        assert list(await session.scalars(select(Identity))) == []


async def test_stranger_can_use_lienket_or_start_with_a_link_code(runtime: Runtime) -> None:
    lan = await make_user(runtime, external_id="lan", hamlet="L365")
    assert "Đã liên kết" in await ZaloUser(runtime, "z-1").say(
        "/lienket " + await _link_code(runtime, lan.id)
    )
    tg = Inbound(
        channel="telegram",
        user_id="555",
        chat_id="555",
        chat_type="private",
        text="/start " + await _link_code(runtime, lan.id),
        sender_name="Lan",
    )
    replies = await runtime.core.handle(tg)
    assert "Đã liên kết" in replies[0].text and "Telegram" in replies[0].text
    _, identities = await _user(runtime, lan.id)
    assert [c for c, _ in identities] == ["console", "zalo", "telegram"]


async def test_help_mentions_linking_for_every_role(runtime: Runtime) -> None:
    for role, hamlet in (
        (Role.OFFICER, "BNA"),
        (Role.HAMLET_HEAD, "BNA"),
        (Role.SUPERVISOR, None),
        (Role.ADMIN, None),
    ):
        await make_user(runtime, external_id=role.value, role=role, hamlet=hamlet)
        out = await Chat(runtime, role.value).say("/help")
        assert "/lienket – dùng bot trên cả Zalo và Telegram" in out, role
        assert "/taikhoan" in out, role
        assert ("/lienket TÊN" in out) == (role == Role.ADMIN), role


def test_catalogs_have_the_same_linking_keys() -> None:
    def keys(messages: dict[str, str]) -> set[str]:
        return {
            k
            for k in messages
            if k.startswith(("link_", "accounts_", "help_link")) or k == "ask_link_pick"
        }

    assert keys(vi.MESSAGES) == keys(en.MESSAGES)
    assert len(keys(vi.MESSAGES)) == 22
    for key in keys(vi.MESSAGES):
        assert set(re.findall(r"{\w+}", vi.MESSAGES[key])) == set(
            re.findall(r"{\w+}", en.MESSAGES[key])
        ), key


async def test_entry_count_ignores_deleted_entries(runtime: Runtime) -> None:
    lan = await make_user(runtime, external_id="lan", hamlet="L365")
    old = await make_user(runtime, external_id="z-100", channel="zalo", hamlet="BNA")
    zalo = ZaloUser(runtime, "z-100")
    await _log_household(zalo, "Ghi Nhầm", "0912345678")
    async with runtime.services.sessions() as session:
        entry_id = await session.scalar(select(Entry.id).where(Entry.officer_id == old.id))
    await zalo.say(f"/xoa {entry_id}")
    await zalo.press("Nhập nhầm")
    assert "Đã xóa" in await zalo.say("1")
    out = await zalo.say(f"/lienket {await _link_code(runtime, lan.id)}")
    assert "Đã liên kết" in out
    assert await _owner(runtime, "zalo", "z-100") == lan.id


async def test_admin_too_many_matches_and_cancel(runtime: Runtime) -> None:
    await make_user(
        runtime, external_id="admin", role=Role.ADMIN, hamlet=None, name="Quản Trị Viên"
    )
    for i in range(9):
        await make_user(runtime, external_id=f"u{i}", hamlet="BNA", name=f"Lê Văn Số {i}")
    admin = Chat(runtime, "admin")
    assert "Có 9 người khớp với «le van»" in await admin.say("/lienket le van")
    await make_user(runtime, external_id="x", hamlet="BNA", name="Đỗ Thị Hai")
    await make_user(runtime, external_id="y", hamlet="BNA", name="Đỗ Văn Ba")
    assert "1. Đỗ Thị Hai" in await admin.say("/lienket do")
    assert "Đã hủy" in await admin.press("Hủy")
    async with runtime.services.sessions() as session:
        assert list(await session.scalars(select(Invite))) == []


async def test_link_code_from_a_deactivated_account_behaves_as_before(runtime: Runtime) -> None:
    """A link code never re-activates the sender's old user (only an invite does): with
    entries the account is refused, without entries it moves to the code's user."""
    lan = await make_user(runtime, external_id="lan", hamlet="L365", name="Lê Thị Lan")
    busy = await make_user(runtime, external_id="z-100", channel="zalo", hamlet="BNA")
    idle = await make_user(runtime, external_id="z-200", channel="zalo", hamlet="BNA")
    await _log_household(ZaloUser(runtime, "z-100"), "Nguyễn Văn An", "0912345678")
    async with runtime.services.sessions() as session, session.begin():
        for user_id in (busy.id, idle.id):
            user = await session.get(User, user_id)
            assert user is not None
            user.active = False

    out = await ZaloUser(runtime, "z-100").say(await _link_code(runtime, lan.id))
    assert "không thể tự động gộp" in out
    assert await _owner(runtime, "zalo", "z-100") == busy.id
    user, _ = await _user(runtime, busy.id)
    assert not user.active

    out = await ZaloUser(runtime, "z-200").say(await _link_code(runtime, lan.id))
    assert "Đã liên kết" in out and "Lê Thị Lan" in out
    assert await _owner(runtime, "zalo", "z-200") == lan.id
    user, identities = await _user(runtime, idle.id)
    assert not user.active and identities == []
    assert not [e for e in await _audit(runtime) if e.action in ("reassign", "deactivate")]
