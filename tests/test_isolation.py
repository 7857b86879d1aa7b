"""Hamlet isolation (issue 16), through the console: another hamlet's household is never
attached to, shown to or edited by an officer or head of this hamlet, even from data an
older version stored; a hamlet removed from the campaign takes no more households; and a
role matrix over every command, for the officer and the head of one hamlet, finds no name,
phone or address of the other hamlet's households in any reply or file."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

import handlers.engine.core  # noqa: F401  (registers every command)
from bot.runtime import Runtime, sync_from_config
from handlers.engine.messages import Reply
from handlers.engine.router import CommandHandler
from handlers.engine.routes import default_routes
from models.campaign import Hamlet
from models.checks import record_outcome
from models.households import Entry, Household
from models.notifications import returns_due
from models.people import Role, User
from models.records import Dialog, HouseholdDraft
from models.registry import HouseholdInput, add_to_household
from models.roster import RosterLine, import_roster
from models.text import fold
from models.verification import Check, Outcome
from tests.support.campaign import LONG_AGO, make_user
from tests.support.chat import Chat, entry_id
from tests.support.privacy import IMAGES, Person, file_text

BNA_PEOPLE = [
    Person("Đinh Văn Bắc Nhất", "Số 11 Đường Hải Âu", "0911 222 301"),
    Person("Mạc Thị Bắc Nhì", "Số 12 Đường Hải Âu", "0911 222 302"),
    Person("Tôn Văn Bắc Ba", "Số 13 Đường Hải Âu", "0911 222 303"),
]
NHO_PEOPLE = [
    Person("Hoàng Thị Riêng Tư", "Số 88 Xóm Rạn San Hô", "0977 654 321"),
    Person("Kha Văn Kín Đáo", "Số 99 Bến Cá Ngừ", "0966 123 987"),
    Person("Lục Thị Giấu Tên", "Số 7 Hẻm Hải Sâm", "0355 246 813"),
]
# On NHO's roster only: never guided, suggested by /chuahuongdan to NHO's people.
NHO_ROSTER_ONLY = Person("Võ Thị Chưa Đến", "Số 5 Hẻm Rạn Đá", "0944 555 666")
NHO_ALL = [*NHO_PEOPLE, NHO_ROSTER_ONLY]
BNA_ROSTER_ONLY = Person("Quách Văn Bắc Tư", "Số 14 Đường Hải Âu", "0911 222 304")


async def _hamlet_id(runtime: Runtime, code: str) -> int:
    async with runtime.services.sessions() as session:
        hamlet_id = await session.scalar(select(Hamlet.id).where(Hamlet.code == code))
    assert hamlet_id is not None
    return int(hamlet_id)


async def _log(chat: Chat, person: Person) -> int:
    out = await chat.say(person.line)
    assert "Đã lưu hộ" in out, out
    return entry_id(out)


async def _household_of(runtime: Runtime, entry: int) -> int:
    async with runtime.services.sessions() as session:
        row = await session.get(Entry, entry)
    assert row is not None
    return int(row.household_id)


async def _old_version_entry(
    runtime: Runtime, officer: User, household_id: int, *, entry_hamlet: int | None = None
) -> int:
    """What an older version stored when an officer picked «Cùng hộ» for another hamlet's
    household: an entry of theirs on that household (counted for that hamlet)."""
    async with runtime.services.sessions() as session, session.begin():
        entry = await add_to_household(
            session,
            household_id=household_id,
            officer=officer,
            now=runtime.services.clock.now(),
            data=HouseholdInput(
                name="",
                address="",
                phone="",
                procedure_codes=("TTRU",),
                dossier_code="",
                guided_on=date(2026, 4, 14),
            ),
        )
        if entry_hamlet is not None:
            entry.hamlet_id = entry_hamlet
        return entry.id


def _assert_no(out: str, people: list[Person], *, phones: bool = True) -> None:
    """No name, address or phone (E.164, 0912 345 678, 0912345678, 0912.345.678) of them."""
    folded = fold(out)
    numbers = re.sub(r"(?<=\d)[ .\-]+(?=\d)", "", out)
    for p in people:
        assert fold(p.name) not in folded, (p.name, out)
        assert fold(p.address) not in folded, (p.address, out)
        assert not phones or p.digits not in numbers, (p.phone, out)


# --- old data: an entry on another hamlet's household ------------------------------------


async def test_an_old_entry_on_another_hamlets_household_is_not_shown_or_changed(
    runtime: Runtime,
) -> None:
    await make_user(runtime, external_id="nho", hamlet="NHO")
    nho = Chat(runtime, "nho")
    first = await _log(nho, NHO_PEOPLE[0])
    second = await _log(nho, NHO_PEOPLE[1])
    officer = await make_user(runtime, external_id="an")
    chat = Chat(runtime, "an")
    own = await _log(chat, BNA_PEOPLE[0])
    crossed = await _old_version_entry(runtime, officer, await _household_of(runtime, first))
    # Even filed under the officer's own hamlet, the household is still another hamlet's.
    filed_here = await _old_version_entry(
        runtime,
        officer,
        await _household_of(runtime, second),
        entry_hamlet=await _hamlet_id(runtime, "BNA"),
    )

    out = await chat.say("/cuatoi")
    assert "Đinh Văn Bắc Nhất" in out and "(tổng cộng 1 mục)" in out, out
    assert f"#{own}" in out and f"#{crossed}" not in out and f"#{filed_here}" not in out
    _assert_no(out, NHO_PEOPLE)
    for bad in (crossed, filed_here):
        for command in ("/sua", "/xoa"):
            out = await chat.say(f"{command} {bad}")
            assert f"Không tìm thấy mục #{bad}" in out, out
            _assert_no(out, NHO_PEOPLE)
        out = await chat.say(f"/hoantac {bad}")
        assert f"Không còn mục #{bad} để hoàn tác" in out, out
    for command in ("/sua", "/xoa"):
        out = await chat.say(command)  # the list to pick from
        assert "Đinh Văn Bắc Nhất" in out
        _assert_no(out, NHO_PEOPLE)
        await chat.say("/huy")
    async with runtime.services.sessions() as session:
        live = await session.scalar(
            select(func.count()).select_from(Entry).where(Entry.deleted_at.is_(None))
        )
        households = list(await session.scalars(select(Household).order_by(Household.id)))
    assert live == 5  # nothing deleted
    assert [h.head_name for h in households] == [p.name for p in NHO_PEOPLE[:2]] + [
        BNA_PEOPLE[0].name
    ]  # nothing rewritten


async def test_an_old_question_cannot_join_another_hamlets_household(runtime: Runtime) -> None:
    await make_user(runtime, external_id="nho", hamlet="NHO")
    theirs = await _household_of(runtime, await _log(Chat(runtime, "nho"), NHO_PEOPLE[0]))
    officer = await make_user(runtime, external_id="an")
    # The duplicate question as an older version asked it: «Cùng hộ» with the other
    # hamlet's household, waiting in the database for the officer's "1".
    now = runtime.services.clock.now()
    async with runtime.services.sessions() as session, session.begin():
        session.add(
            Dialog(
                user_id=officer.id,
                state="add.duplicate",
                step=1,
                updated_at=now,
                asked_at=now,
                options=[
                    ["Cùng hộ – thêm thủ tục vào hộ này", f"same:{theirs}"],
                    ["Hộ khác (dùng chung số điện thoại)", "other"],
                ],
                draft={
                    "mode": "add",
                    "name": "Phan Văn Lực",
                    "address": "Tổ 5",
                    "phone": "+84977654321",
                    "procedures": ["KS"],
                    "procedures_ok": True,
                    "dossier": "",
                    "date": "2026-04-15",
                    "duplicates": [theirs],
                },
            )
        )
    out = await Chat(runtime, "an").say("1")
    assert "Đã lưu" in out and "hộ riêng" in out, out
    _assert_no(out, NHO_PEOPLE[:1], phones=False)  # the phone is the one typed
    async with runtime.services.sessions() as session:
        households = list(await session.scalars(select(Household).order_by(Household.id)))
        entries = list(await session.scalars(select(Entry).order_by(Entry.id)))
    bna = await _hamlet_id(runtime, "BNA")
    assert [h.hamlet_id for h in households][1:] == [bna]
    assert [(e.household_id, e.hamlet_id) for e in entries][1:] == [(households[1].id, bna)]
    assert [h.shares_phone for h in households] == [True, True]  # flagged for the office


# --- a hamlet removed from the campaign ----------------------------------------------------


async def test_a_hamlet_removed_from_the_config_takes_no_more_households(runtime: Runtime) -> None:
    officer = await make_user(runtime, external_id="nho", hamlet="NHO")
    await make_user(runtime, external_id="head", hamlet="NHO", role=Role.HAMLET_HEAD)
    await make_user(runtime, external_id="sup", hamlet=None, role=Role.SUPERVISOR)
    await make_user(runtime, external_id="an")
    chat, head = Chat(runtime, "nho"), Chat(runtime, "head")
    await _log(chat, NHO_PEOPLE[0])
    assert "Địa chỉ" in await chat.say("Lê Văn Chờ, 0912 000 777, 1")  # asked: address
    assert "Đã nhận hộ Trần Thị Đợi" in await chat.say("Trần Thị Đợi; Tổ 8; 0912 000 778; 1; 31/02")

    # NHO leaves the configuration; `bot init` syncs it: deactivated, never deleted.
    settings = runtime.settings
    again = replace(
        runtime,
        settings=replace(settings, hamlets=tuple(h for h in settings.hamlets if h.code != "NHO")),
    )
    assert (await sync_from_config(again)).deactivated == 1

    closed = "Ấp Nhỏ không còn trong phong trào «Mỗi ngày hướng dẫn 01 gia đình»"
    out = await chat.say("Tổ 4")  # the open question's answer
    assert closed in out and "Đã lưu" not in out, out
    for message in (
        NHO_PEOPLE[1].line,
        "/them",
        f"/them {NHO_PEOPLE[2].line}",
        "/tiep",
        "tiếp tục",
        "/tiendo",
        "/tiendo NHO",
        "tiến độ",
    ):
        out = await chat.say(message)
        assert closed in out, (message, out)
        assert "Đã lưu" not in out and "Họ và tên chủ hộ" not in out
        assert "Tiến độ" not in out and "/20" not in out, out  # no figures
    for message in ("/tiendo", NHO_PEOPLE[2].line, "/them"):
        assert closed in await head.say(message)

    async with runtime.services.sessions() as session:
        hamlet = await session.scalar(select(Hamlet).where(Hamlet.code == "NHO"))
        entries = await session.scalar(select(func.count()).select_from(Entry))
        drafts = list(
            await session.scalars(
                select(HouseholdDraft)
                .where(HouseholdDraft.user_id == officer.id)
                .order_by(HouseholdDraft.id)
            )
        )
    assert hamlet is not None and not hamlet.active
    assert entries == 1
    # The households being asked about are kept, not dropped.
    assert [d.draft["name"] for d in drafts] == ["Trần Thị Đợi", "Lê Văn Chờ"]

    sup = Chat(runtime, "sup")
    assert "Ấp Nhỏ" not in await sup.say("/tiendo")  # the ranking lists the campaign's
    assert "Tiến độ Ấp Nhỏ" in await sup.say("/tiendo NHO")  # its history stays readable
    assert "Đã lưu hộ" in await Chat(runtime, "an").say(BNA_PEOPLE[0].line)


# --- the role matrix -------------------------------------------------------------------------

# Need a code of their own (registration, account linking): not the matrix's business.
SKIPPED = {"start", "batdau", "lienket", "link"}


class Matrix:
    """Sends a message, then scans the rendered reply and every file it carries."""

    def __init__(self) -> None:
        self.files: list[tuple[Path, str]] = []
        self.messages = 0

    async def check(self, chat: Chat, message: str, typed: str) -> str:
        out = await chat.say(message)
        self.messages += 1
        # What the sender typed may be echoed back ("no hamlet «0977 654 321»"): not a leak.
        shown = out.replace(typed, "") if typed else out
        _assert_no(shown, NHO_ALL)
        for reply in chat.last:
            self._scan_files(reply, message)
        return out

    def _scan_files(self, reply: Reply, message: str) -> None:
        for path in (reply.file, reply.image):
            if path is None or path.suffix.lower() in IMAGES:
                continue
            assert path.exists(), (message, path)
            text = file_text(path)
            try:
                _assert_no(text, NHO_ALL)
            except AssertionError as err:
                raise AssertionError(f"{message!r}: {path.name}: {err}") from None
            self.files.append((path, text))


async def _seed_matrix(runtime: Runtime) -> dict[str, list[str]]:
    """Two hamlets, an officer and a head in each, a supervisor; households logged in chat;
    an old cross-hamlet entry; NHO's roster; a verification sample of NHO with a failure
    sent back. Returns the arguments worth trying."""
    bna_officer = await make_user(runtime, external_id="bna_o", name="Cán Bộ Bãi Nhà")
    await make_user(runtime, external_id="bna_h", role=Role.HAMLET_HEAD, name="Trưởng Ấp Bãi Nhà")
    await make_user(runtime, external_id="nho_o", hamlet="NHO", name="Cán Bộ Ấp Nhỏ")
    await make_user(
        runtime, external_id="nho_h", hamlet="NHO", role=Role.HAMLET_HEAD, name="Trưởng Ấp Nhỏ"
    )
    await make_user(
        runtime, external_id="sup", hamlet=None, role=Role.SUPERVISOR, name="Phòng Văn hóa Xã hội"
    )
    bna_o, bna_h = Chat(runtime, "bna_o"), Chat(runtime, "bna_h")
    nho_o, nho_h = Chat(runtime, "nho_o"), Chat(runtime, "nho_h")
    await _log(bna_o, BNA_PEOPLE[0])
    await _log(bna_o, BNA_PEOPLE[1])
    await _log(bna_h, BNA_PEOPLE[2])
    nho_entries = [
        await _log(nho_o, NHO_PEOPLE[0]),
        await _log(nho_o, NHO_PEOPLE[1]),
        await _log(nho_h, NHO_PEOPLE[2]),
    ]
    crossed = await _old_version_entry(
        runtime, bna_officer, await _household_of(runtime, nho_entries[0])
    )
    now = runtime.services.clock.now()
    async with runtime.services.sessions() as session, session.begin():
        nho = await session.scalar(select(Hamlet).where(Hamlet.code == "NHO"))
        bna = await session.scalar(select(Hamlet).where(Hamlet.code == "BNA"))
        assert nho is not None and bna is not None
        for hamlet, people in ((nho, NHO_ALL), (bna, [*BNA_PEOPLE, BNA_ROSTER_ONLY])):
            lines = [
                RosterLine(i + 1, p.name, p.address, p.phone, f"{hamlet.code}-{i + 1}")
                for i, p in enumerate(people)
            ]
            await import_roster(
                session,
                hamlet=hamlet,
                lines=lines,
                source="ds.xlsx",
                fingerprint=hamlet.code[0] * 64,
                actor_id=None,
                now=now,
            )
    sup = Chat(runtime, "sup")
    out = await sup.say("/kiemtra NHO 100%")
    assert "Đợt" in out or "đợt" in out, out
    await sup.say(f"/danhdau {nho_entries[1]} gọi lại")
    async with runtime.services.sessions() as session, session.begin():
        check = await session.scalar(select(Check).where(Check.entry_id == crossed))
        caller = await session.scalar(select(User).where(User.role == Role.SUPERVISOR))
        assert check is not None and caller is not None
        # The household says it was never guided: the check goes back to who logged it.
        await record_outcome(
            session,
            check=check,
            caller=caller,
            outcome=Outcome.NOT_GUIDED,
            now=now,
            max_attempts=3,
            retry_after=timedelta(hours=2),
            lease=timedelta(minutes=15),
        )
        check_id = check.id
    ids = [str(e) for e in (*nho_entries, crossed)]
    return {
        "ids": [*ids, f"#{nho_entries[0]}", str(check_id)],
        "codes": ["NHO", "nho", "tudau", "NHO tudau", "NHO 100%"],
        "phones": [
            NHO_PEOPLE[0].phone,
            NHO_PEOPLE[0].phone.replace(" ", ""),
            "+84" + NHO_PEOPLE[0].digits,
        ],
    }


def _commands() -> list[tuple[str, CommandHandler]]:
    """Every registered command, once per handler (aliases share it), start/link aside."""
    seen: dict[CommandHandler, str] = {}
    for name, handler in default_routes().commands.items():
        if name not in SKIPPED and handler not in seen:
            seen[handler] = name
    # Undo last: it may take back the sender's own latest household (an id tried may be
    # theirs), which the spreadsheets before it are checked to contain.
    return sorted(
        ((name, handler) for handler, name in seen.items()), key=lambda pair: pair[0] == "hoantac"
    )


@pytest.mark.slow
async def test_role_matrix_shows_nothing_of_another_hamlet(runtime: Runtime) -> None:
    args = await _seed_matrix(runtime)
    tries = ["", *args["ids"], *args["codes"], *args["phones"]]
    matrix = Matrix()
    commands = _commands()
    assert {
        "cuatoi",
        "sua",
        "xoa",
        "hoantac",
        "tiendo",
        "baocao",
        "xuat",
        "chuahuongdan",
        "ghepho",
        "giaitrinh",
        "kiemtra",
        "danhdau",
        "khenthuong",
    } <= {n for n, _ in commands}
    for user in ("bna_o", "bna_h"):
        chat = Chat(runtime, user)
        for name, _handler in commands:
            for arg in tries:
                message = f"/{name} {arg}".rstrip()
                await matrix.check(chat, message, arg)
                if chat.last and chat.last[-1].options:
                    # One step into what the command opened (a list, a menu, a period).
                    await matrix.check(chat, "1", "")
                await chat.say("/huy")
        # Their own hamlet's households are there to see.
        assert BNA_ROSTER_ONLY.name in await matrix.check(chat, "/chuahuongdan", "")
    # The scan reads what it should: the head's spreadsheets hold their hamlet's households.
    exported = [text for path, text in matrix.files if path.suffix == ".xlsx"]
    assert len(exported) >= 2 and all(BNA_PEOPLE[2].name in text for text in exported)
    assert matrix.messages > 200
    # Pushed messages too: the check on the old cross-hamlet entry is not sent back to the
    # BNA officer (the household is NHO's), though it is recorded under their name.
    async with runtime.services.sessions() as session:
        due = await returns_due(session, channel="console", since=LONG_AGO, max_attempts=3)
    assert not [check for check, user, _ext in due if user.display_name == "Cán Bộ Bãi Nhà"]
