"""Registration with single-use invite codes, strangers, and group chats."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.clock import FixedClock
from bot.runtime import Runtime
from handlers.engine.messages import Inbound
from handlers.texts.vi import MESSAGES
from models.campaign import Hamlet
from models.households import Entry
from models.invites import create_invite
from models.people import Identity, Invite, Role, User
from models.records import AuditEvent, Dialog
from tests.support.campaign import NOW, make_user
from tests.support.chat import Chat


async def _invite(
    runtime: Runtime, role: Role = Role.OFFICER, hamlet: str | None = "L365"
) -> tuple[str, int]:
    async with runtime.services.sessions() as session, session.begin():
        row = None
        if hamlet is not None:
            row = await session.scalar(select(Hamlet).where(Hamlet.code == hamlet))
            assert row is not None
        code, invite = await create_invite(
            session,
            role=role,
            hamlet=row,
            created_by=None,
            now=runtime.services.clock.now(),
            ttl=timedelta(hours=runtime.settings.invite_ttl_hours),
        )
        return code, invite.id


async def _count(runtime: Runtime, model: type[object]) -> int:
    async with runtime.services.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def _users(runtime: Runtime) -> list[tuple[User, list[Identity]]]:
    async with runtime.services.sessions() as session:
        users = list(await session.scalars(select(User).order_by(User.id)))
        out = []
        for user in users:
            ids = list(await session.scalars(select(Identity).where(Identity.user_id == user.id)))
            out.append((user, ids))
        return out


async def test_stranger_gets_polite_message_and_nothing_is_created(runtime: Runtime) -> None:
    chat = Chat(runtime, "stranger")
    for text in (
        "xin chào",
        "/them",
        "/tiendo",
        "Nguyễn Văn An; Tổ 3; 0912345678; 1",
        "/start",
        "1",
    ):
        out = await chat.say(text)
        assert "chưa được đăng ký" in out, text
        assert "/start MÃ_MỜI" in out
    assert await _count(runtime, User) == 0
    assert await _count(runtime, Identity) == 0
    assert await _count(runtime, Dialog) == 0


async def test_invite_registers_console_user_as_officer(runtime: Runtime) -> None:
    code, invite_id = await _invite(runtime)
    chat = Chat(runtime, "lan")
    out = await chat.say(f"/start {code}")
    assert "đã được đăng ký" in out
    expected = MESSAGES["registered"].format(
        name="lan", role=MESSAGES["role_officer"], where=" – Ấp Ba Sáu Lăm"
    )
    assert expected in out
    assert "Hướng dẫn dùng bot" in out  # the help follows the welcome

    users = await _users(runtime)
    assert len(users) == 1
    user, identities = users[0]
    assert user.role == Role.OFFICER and user.active
    assert [(i.channel, i.external_id) for i in identities] == [("console", "lan")]
    async with runtime.services.sessions() as session:
        hamlet = await session.get(Hamlet, user.hamlet_id)
        invite = await session.get(Invite, invite_id)
        audit = list(
            await session.scalars(select(AuditEvent).where(AuditEvent.action == "register"))
        )
    assert hamlet is not None and hamlet.code == "L365"
    assert invite is not None and invite.used_by == user.id and invite.used_at == NOW
    assert [(a.actor_id, a.target_id) for a in audit] == [(user.id, user.id)]

    # Registered: the bot now works for this user.
    assert "Họ và tên chủ hộ" in await chat.say("/them")


async def test_code_is_accepted_with_spaces_dashes_and_lowercase(runtime: Runtime) -> None:
    code, _ = await _invite(runtime)
    messy = f"{code[:5].lower()}-{code[5:].lower()}"
    out = await Chat(runtime, "lan").say(f"/start {messy}")
    assert "đã được đăng ký" in out


async def test_used_code_is_refused(runtime: Runtime) -> None:
    code, _ = await _invite(runtime)
    assert "đã được đăng ký" in await Chat(runtime, "lan").say(f"/start {code}")
    other = Chat(runtime, "mai")
    out = await other.say(f"/start {code}")
    assert "đã được sử dụng" in out
    assert "đã được đăng ký" not in out
    users = await _users(runtime)
    assert [ids[0].external_id for _, ids in users] == ["lan"]
    assert "chưa được đăng ký" in await other.say("/them")


async def test_expired_code_is_refused(runtime: Runtime, clock: FixedClock) -> None:
    code, invite_id = await _invite(runtime)
    async with runtime.services.sessions() as session:
        invite = await session.get(Invite, invite_id)
        assert invite is not None
        expires = invite.expires_at
    assert expires == NOW + timedelta(hours=72)
    clock.set(expires + timedelta(seconds=1))
    out = await Chat(runtime, "lan").say(f"/start {code}")
    assert "hết hạn" in out
    assert await _count(runtime, User) == 0


async def test_code_still_valid_just_before_expiry(runtime: Runtime, clock: FixedClock) -> None:
    code, _ = await _invite(runtime)
    clock.set(NOW + timedelta(hours=72) - timedelta(seconds=1))
    assert "đã được đăng ký" in await Chat(runtime, "lan").say(f"/start {code}")


async def test_wrong_code_is_refused(runtime: Runtime) -> None:
    await _invite(runtime)
    out = await Chat(runtime, "lan").say("/start ABCDEFGHJK")
    assert "không đúng" in out
    assert await _count(runtime, User) == 0


async def test_codes_are_stored_hashed(runtime: Runtime) -> None:
    code, invite_id = await _invite(runtime)
    assert len(code) == 10
    async with runtime.services.sessions() as session:
        invite = await session.get(Invite, invite_id)
        audit = list(await session.scalars(select(AuditEvent).where(AuditEvent.target == "invite")))
    assert invite is not None
    assert invite.code_hash != code
    assert invite.code_hash == hashlib.sha256(code.encode()).hexdigest()
    assert code not in str([(a.before, a.after) for a in audit])


async def test_invite_for_deactivated_hamlet_is_refused(runtime: Runtime) -> None:
    code, _ = await _invite(runtime, hamlet="NHO")
    async with runtime.services.sessions() as session, session.begin():
        hamlet = await session.scalar(select(Hamlet).where(Hamlet.code == "NHO"))
        assert hamlet is not None
        hamlet.active = False
    out = await Chat(runtime, "lan").say(f"/start {code}")
    assert "không còn hoạt động" in out
    assert await _count(runtime, User) == 0


async def test_supervisor_invite_has_no_hamlet(runtime: Runtime) -> None:
    code, _ = await _invite(runtime, role=Role.SUPERVISOR, hamlet=None)
    out = await Chat(runtime, "sup").say(f"/start {code}")
    assert (
        MESSAGES["registered"].format(name="sup", role=MESSAGES["role_supervisor"], where="") in out
    )
    ((user, _),) = await _users(runtime)
    assert user.role == Role.SUPERVISOR and user.hamlet_id is None


def _group(text: str, user_id: str = "lan") -> Inbound:
    return Inbound(
        channel="console",
        user_id=user_id,
        chat_id="group-1",
        chat_type="group",
        text=text,
        sender_name="Lan",
        bot_username="DvcTestBot",
    )


async def test_group_chat_points_to_private_chat_without_personal_data(
    runtime: Runtime,
) -> None:
    await make_user(runtime, external_id="lan", hamlet="L365")
    chat = Chat(runtime, "lan")
    assert "Đã lưu hộ" in await chat.say("Nguyễn Văn An; Tổ 3; 0912345678; 1")

    for text in ("/cuatoi", "/tiendo", "/them Nguyễn Văn An; Tổ 3; 0912345678; 1", "/help"):
        replies = await runtime.core.handle(_group(text))
        assert len(replies) == 1, text
        reply = replies[0].text
        assert "tin nhắn riêng" in reply
        assert "https://t.me/DvcTestBot" in reply
        for secret in ("Nguyễn", "0912", "Tổ 3", "Ấp Ba Sáu Lăm", "1/365"):
            assert secret not in reply, (text, secret)
        assert replies[0].options == ()


async def test_group_chat_ignores_plain_text_and_creates_nothing(runtime: Runtime) -> None:
    await make_user(runtime, external_id="lan", hamlet="L365")
    assert await runtime.core.handle(_group("Nguyễn Văn An; Tổ 3; 0912345678; 1")) == []
    assert await runtime.core.handle(_group("xin chào mọi người")) == []
    async with runtime.services.sessions() as session:
        from models.households import Household

        assert await session.scalar(select(func.count()).select_from(Household)) == 0
    assert await _count(runtime, Dialog) == 0


async def test_invite_code_in_group_is_not_redeemed(runtime: Runtime) -> None:
    code, _ = await _invite(runtime)
    replies = await runtime.core.handle(_group(f"/start {code}", user_id="stranger"))
    assert len(replies) == 1 and "tin nhắn riêng" in replies[0].text
    assert await _count(runtime, User) == 0
    # The code still works in a private chat afterwards.
    assert "đã được đăng ký" in await Chat(runtime, "stranger").say(f"/start {code}")


async def _deactivate(runtime: Runtime, user_id: int) -> None:
    async with runtime.services.sessions() as session, session.begin():
        user = await session.get(User, user_id)
        assert user is not None
        user.active = False


@pytest.mark.slow
async def test_deactivated_user_returns_with_a_new_invite(runtime: Runtime) -> None:
    lan = await make_user(runtime, external_id="lan", hamlet="BNA", name="Lê Thị Lan")
    chat = Chat(runtime, "lan")
    assert "Đã lưu hộ" in await chat.say("Nguyễn Văn An; Tổ 3; 0912345678; 1")
    await chat.say("/them")  # a conversation left open when they were deactivated
    await _deactivate(runtime, lan.id)
    code, invite_id = await _invite(runtime, role=Role.HAMLET_HEAD, hamlet="L365")

    out = await chat.say(f"/start {code}")
    assert (
        MESSAGES["registered"].format(
            name="Lê Thị Lan", role=MESSAGES["role_hamlet_head"], where=" – Ấp Ba Sáu Lăm"
        )
        in out
    )
    assert "Hướng dẫn dùng bot" in out

    # The same user, active again with the invite's role and hamlet; no second user.
    users = await _users(runtime)
    assert len(users) == 1
    user, identities = users[0]
    assert user.id == lan.id and user.active and user.role == Role.HAMLET_HEAD
    assert [(i.channel, i.external_id) for i in identities] == [("console", "lan")]
    assert identities[0].last_seen_at == NOW
    async with runtime.services.sessions() as session:
        hamlet = await session.get(Hamlet, user.hamlet_id)
        invite = await session.get(Invite, invite_id)
        entries = list(await session.scalars(select(Entry)))
        audit = list(await session.scalars(select(AuditEvent).where(AuditEvent.target == "user")))
        dialog = await session.get(Dialog, lan.id)
    assert hamlet is not None and hamlet.code == "L365"
    assert invite is not None and invite.used_by == lan.id and invite.used_at == NOW
    assert [e.officer_id for e in entries] == [lan.id]  # their earlier work is still theirs
    assert dialog is None  # the old conversation does not resume
    assert [(a.action, a.actor_id, a.target_id) for a in audit] == [("reassign", lan.id, lan.id)]
    before, after = audit[0].before, audit[0].after
    assert before is not None and after is not None
    assert (before["active"], before["role"], before["hamlet_id"]) == (
        False,
        "officer",
        lan.hamlet_id,
    )
    assert (after["active"], after["role"], after["hamlet_id"]) == (
        True,
        "hamlet_head",
        user.hamlet_id,
    )
    assert after["invite_id"] == invite_id

    # The bot works for them again. Their old entry stays theirs (above) but with its
    # hamlet: as the head of another hamlet now, they no longer see its household (issue 16).
    assert "Họ và tên chủ hộ" in await chat.say("/them")
    await chat.say("/huy")
    assert "Nguyễn Văn An" not in await chat.say("/cuatoi")


async def test_deactivated_user_returns_with_a_bare_code_on_zalo(runtime: Runtime) -> None:
    hoa = await make_user(runtime, external_id="z-100", channel="zalo", hamlet="BNA", name="Hoa")
    await _deactivate(runtime, hoa.id)
    code, _ = await _invite(runtime)
    replies = await runtime.core.handle(
        Inbound(
            channel="zalo",
            user_id="z-100",
            chat_id="z-100",
            chat_type="private",
            text=code,
            delivery_key="d-1",
            sender_name="Hoa Zalo",
        )
    )
    assert replies
    assert (
        MESSAGES["registered"].format(
            name="Hoa", role=MESSAGES["role_officer"], where=" – Ấp Ba Sáu Lăm"
        )
        in replies[0].text
    )
    ((user, identities),) = await _users(runtime)
    assert user.id == hoa.id and user.active
    assert [(i.channel, i.external_id) for i in identities] == [("zalo", "z-100")]


async def test_deactivated_user_is_refused_until_a_new_invite(runtime: Runtime) -> None:
    lan = await make_user(runtime, external_id="lan", hamlet="BNA")
    await _deactivate(runtime, lan.id)
    chat = Chat(runtime, "lan")
    # Told their account is suspended (issue 20), not treated as a stranger; no data.
    for text in ("xin chào", "/them", "/cuatoi", "Nguyễn Văn An; Tổ 3; 0912345678; 1"):
        out = await chat.say(text)
        assert "đã bị tạm ngừng" in out and "chưa được đăng ký" not in out, text
    assert "không đúng" in await chat.say("/start ABCDEFGHJK")
    ((user, _),) = await _users(runtime)
    assert not user.active
    async with runtime.services.sessions() as session:
        assert (
            await session.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.target == "user")
            )
            == 0
        )
