"""Bulk invites (issue 20, item 4): a staff list sent in chat or to `python -m bot invite
--file` gives a code and link per person and a printable sheet with QR codes; a list with
any row to fix creates nothing; only admins, never in groups; a staff list is never taken
for a household list."""

from __future__ import annotations

import io
import uuid
from pathlib import Path

import openpyxl
import pytest
import segno
from docx import Document
from docx.document import Document as DocxDocument
from PIL import Image
from sqlalchemy import func, select

from bot.runtime import Runtime
from handlers.engine.messages import PRIVATE, Attachment, Inbound
from handlers.engine.routes import default_routes
from handlers.parse.staff_file import (
    MAX_BYTES,
    StaffFileError,
    looks_like_staff_list,
    parse_staff,
    role_of,
)
from models.campaign import Hamlet
from models.people import Identity, Invite, Role, User
from models.records import AuditEvent, Dialog
from models.roster import Roster
from tests.support.campaign import make_user
from tests.support.chat import Chat
from tests.support.cli import InProcess, write_config
from tests.support.roster import csv_bytes
from tests.support.telegram_fake import BOT, seeded_telegram, texts

ADMIN_TG = 7100
NEWCOMER_TG = 7200
HEADER = ["STT", "Họ tên", "Vai trò", "Ấp", "Số điện thoại", "Xã"]
GOOD = [
    [1, "Nguyễn Văn An", "Cán bộ", "BNA", "0912 345 678", ""],
    [2, "Trần Thị Ngọc Bích", "trưởng ấp", "Ấp Ba Sáu Tư", "", ""],
    [3, "Lê Hoàng Uyên", "GIÁM SÁT", "", "0987654321", "Kiên Hải"],
    [4, "Phạm Văn Đức", "officer", "nhỏ", "", ""],
]
BAD = [
    [1, "Nguyễn Văn An", "Cán bộ", "BNA", "0912 345 678", ""],
    [2, "Trần Thị Ngọc Bích", "thư ký", "L364", "", ""],  # row 3: unknown role
    [3, "Lê Hoàng Uyên", "giám sát", "", "12ab", "Kiên Hải"],  # row 4: phone
    [4, "", "cán bộ", "BNA", "", ""],  # row 5: no name
    [5, "Phạm Văn Đức", "cán bộ", "Ấp Không Có", "", ""],  # row 6: no such hamlet
    [6, "Võ Minh Tâm", "cán bộ", "", "", ""],  # row 7: no hamlet
    [7, "Hồ Văn Lộc", "quản trị", "", "", ""],  # row 8: admins not by list
    [8, "Nguyễn Văn An", "cán bộ", "bna", "", ""],  # row 9: repeats row 2
]


def _csv(rows: list[list[object]]) -> bytes:
    return csv_bytes([HEADER, *rows])


def _xlsx(header: list[str], rows: list[list[object]], title: str = "") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    if title:
        sheet.append([title])
        sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def _count(runtime: Runtime, model: type) -> int:
    async with runtime.services.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def _invites(runtime: Runtime) -> list[Invite]:
    async with runtime.services.sessions() as session:
        return list(await session.scalars(select(Invite).order_by(Invite.id)))


# --- the QR codes on the sheet, read back --------------------------------------------------


def _modules(png: bytes) -> list[list[bool]]:
    """The dark/light modules of a QR code image: the symbol's size is found from its
    top-left finder pattern (7 modules wide), then each module's centre is sampled."""
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    grey = image.tobytes()  # one byte per pixel, row by row

    def dark(x: int, y: int) -> bool:
        return grey[y * width + x] < 128

    spots = [(x, y) for y in range(height) for x in range(width) if dark(x, y)]
    left, top = min(x for x, _ in spots), min(y for _, y in spots)
    right = max(x for x, _ in spots)
    run = 0
    while dark(left + run, top):
        run += 1
    size = run / 7
    count = round((right - left + 1) / size)
    return [
        [dark(int(left + (c + 0.5) * size), int(top + (r + 0.5) * size)) for c in range(count)]
        for r in range(count)
    ]


def _matrix(text: str) -> list[list[bool]]:
    """The modules segno makes for `text` at the sheet's settings (level M, not boosted)."""
    qr = segno.make(text, error="m", boost_error=False, micro=False)
    return [[bool(v) for v in row] for row in qr.matrix]


def _cards(doc: DocxDocument) -> list[tuple[str, bytes]]:
    """(text, QR image) of every card on the sheet, in order."""
    cards: list[tuple[str, bytes]] = []
    table = doc.tables[-1]
    for row in table.rows:
        cells = row.cells
        for qr_cell, text_cell in ((cells[0], cells[1]), (cells[2], cells[3])):
            ids = qr_cell._tc.xpath(".//a:blip/@r:embed")
            if not ids:
                continue
            blob = doc.part.related_parts[ids[0]].blob
            cards.append((text_cell.text, blob))
    return cards


def _sheet_text(doc: DocxDocument) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


# --- the parser ----------------------------------------------------------------------------


def test_headers_and_roles_in_vietnamese_without_accents_and_in_english() -> None:
    plain = _xlsx(
        ["TT", "Ho va ten", "Chuc vu", "Ap/Thon", "SDT"],
        [[1, "Nguyễn Văn An", "can bo", "BNA", 912345678]],
        title="DANH SÁCH CÁN BỘ ẤP",
    )
    parsed = parse_staff(plain, "ds.xlsx")
    assert parsed.ok and parsed.rows[0].row == 4  # the title and a blank line come first
    assert (parsed.rows[0].role, parsed.rows[0].phone) == (Role.OFFICER, "+84912345678")
    english = csv_bytes(
        [["Name", "Role", "Hamlet", "Phone"], ["Lê Văn Bình", "hamlet head", "NHO"]]
    )
    assert parse_staff(english, "staff.csv").rows[0].role == Role.HAMLET_HEAD
    for word, role in (
        ("Cán bộ ấp", Role.OFFICER),
        ("Trưởng thôn", Role.HAMLET_HEAD),
        ("cán bộ giám sát", Role.SUPERVISOR),
        ("supervisor", Role.SUPERVISOR),
        ("Quản trị", Role.ADMIN),
        ("thư ký", None),
    ):
        assert role_of(word) == role, word


def test_a_staff_list_is_told_from_a_household_list() -> None:
    assert looks_like_staff_list(_csv(GOOD), "ds.csv")
    assert looks_like_staff_list(_xlsx(["Họ tên", "Ấp", "Điện thoại"], [["A B", "BNA", ""]]), "x")
    household = csv_bytes([["STT", "Họ tên chủ hộ", "Địa chỉ"], [1, "Nguyễn Văn An", "Tổ 1"]])
    assert not looks_like_staff_list(household, "ds-ho.csv")
    assert not looks_like_staff_list(b"%PDF-1.4 junk", "ds.pdf")
    assert not looks_like_staff_list(b"", "ds.csv")


@pytest.mark.parametrize(
    ("data", "name", "key"),
    [
        (b"", "ds.csv", "bulk_err_empty"),
        (b"%PDF-1.4\n...", "ds.pdf", "bulk_err_format"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "ds.xls", "bulk_err_xls"),
        (b"PK\x03\x04 not really a zip", "ds.xlsx", "bulk_err_unreadable"),
        (b"x" * (MAX_BYTES + 1), "ds.csv", "bulk_err_too_big"),
        (csv_bytes([["Cột A", "Cột B"], ["1", "2"]]), "ds.csv", "bulk_err_no_header"),
        (csv_bytes([HEADER, [], ["", " "]]), "ds.csv", "bulk_err_nobody"),
        (csv_bytes([["Họ tên", "Ấp"], ["Nguyễn Văn An", "BNA"]]), "ds.csv", "bulk_err_no_role"),
        (
            csv_bytes([HEADER, *[[i, f"Người Số {i}", "cán bộ", "BNA"] for i in range(501)]]),
            "ds.csv",
            "bulk_err_too_many",
        ),
    ],
)
def test_whole_file_problems(data: bytes, name: str, key: str) -> None:
    """Empty, wrong type, damaged, huge, wrong headers, nobody, too many."""
    with pytest.raises(StaffFileError) as caught:
        parse_staff(data, name)
    assert caught.value.key == key


# --- in chat (Telegram) --------------------------------------------------------------------


@pytest.mark.slow
async def test_bulk_invite_on_telegram_end_to_end(runtime: Runtime) -> None:
    async with seeded_telegram(runtime) as tg:
        admin = await make_user(
            runtime, external_id=str(ADMIN_TG), role=Role.ADMIN, hamlet=None, channel="telegram"
        )
        # A list with rows to fix: every problem by row number, nothing created.
        sent = await tg.send_file(ADMIN_TG, "ds-can-bo.csv", _csv(BAD), who="Quản Trị")
        reply = texts(sent)
        assert reply.startswith("❌ Chưa tạo mã mời nào: danh sách có 7 chỗ cần sửa (1 người")
        for row, words in (
            (3, "vai trò «thư ký» chưa rõ"),
            (4, "số điện thoại «12ab» không hợp lệ"),
            (5, "họ tên: còn trống"),
            (6, "không có ấp «Ấp Không Có»"),
            (7, "cột ấp còn trống"),
            (8, "không tạo mã quản trị"),
            (9, "đã có ở dòng 2"),
        ):
            assert f"• Dòng {row} – " in reply and words in reply, (row, words)
        assert await _count(runtime, Invite) == 0 and await _count(runtime, Dialog) == 0

        # The fixed list (an .xlsx this time): previewed, confirmed, all created at once.
        fixed = _xlsx(HEADER, GOOD, title="DANH SÁCH CÁN BỘ ĐƯỢC MỜI")
        sent = await tg.send_file(ADMIN_TG, "ds-can-bo.xlsx", fixed, who="Quản Trị")
        preview = texts(sent)
        assert "Danh sách «ds-can-bo.xlsx»: 4 người hợp lệ" in preview
        assert "• cán bộ ấp: 2" in preview and "• trưởng ấp: 1" in preview
        assert "Ấp Bãi Nhà A, Ấp Ba Sáu Tư, Ấp Nhỏ" in preview
        assert await _count(runtime, Invite) == 0  # nothing before the confirmation
        sent = await tg.press(ADMIN_TG, "Tạo 4 mã mời", name="Quản Trị")
        invites = await _invites(runtime)
        assert len(invites) == 4

        reply = texts([s for s in sent if s.method == "sendMessage"])
        assert reply.startswith("✅ Đã tạo 4 mã mời.")
        username = BOT["username"]
        codes: dict[str, str] = {}
        for line in reply.splitlines():
            if "start=" in line:
                code = line.rsplit("start=", 1)[1]
                assert f"Mã: {code} · https://t.me/{username}?start={code}" in line
                codes[code] = code
        assert len(codes) == 4
        assert "1. Nguyễn Văn An – cán bộ ấp, Ấp Bãi Nhà A" in reply
        assert "3. Lê Hoàng Uyên – giám sát (Phòng VH-XH), Đặc khu Kiên Hải" in reply

        # Stored: who each is for, role, hamlet, scope; audited like /moi, and the sheet.
        async with runtime.services.sessions() as session:
            hamlets = {h.id: h.code for h in await session.scalars(select(Hamlet))}
            audit = list(await session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
        assert [
            (i.invitee_name, i.invitee_phone, i.role, hamlets.get(i.hamlet_id or 0), i.unit)
            for i in invites
        ] == [
            ("Nguyễn Văn An", "+84912345678", Role.OFFICER, "BNA", None),
            ("Trần Thị Ngọc Bích", "", Role.HAMLET_HEAD, "L364", None),
            ("Lê Hoàng Uyên", "+84987654321", Role.SUPERVISOR, None, "Đặc khu Kiên Hải"),
            ("Phạm Văn Đức", "", Role.OFFICER, "NHO", None),
        ]
        assert all(i.created_by == admin.id and i.used_at is None for i in invites)
        mine = [(a.action, a.target, a.actor_id) for a in audit if a.target == "invite"]
        assert mine == [("create", "invite", admin.id)] * 4 + [("export", "invite", admin.id)]

        # The sheet: names and codes, and each card's QR code holds that person's link.
        [document] = [s for s in sent if s.method == "sendDocument"]
        name, data = document.files["document"]
        assert name.endswith(".docx")
        doc = Document(io.BytesIO(data))
        body = _sheet_text(doc)
        assert "DANH SÁCH MÃ MỜI" in body and "Mỗi ngày hướng dẫn 01 gia đình" in body
        assert "Kiên Hải, ngày 15 tháng 04 năm 2026" in body
        cards = _cards(doc)
        assert len(cards) == 4
        ordered = list(codes)
        for (text, png), person, code in zip(cards, GOOD, ordered, strict=True):
            assert str(person[1]) in text
            assert f"{code[:5]}\u00a0{code[5:]}" in text  # printed in two groups of five
            link = f"https://t.me/{username}?start={code}"
            read = _modules(png)
            assert read == _matrix(link)
            assert read != _matrix(
                f"https://t.me/{username}?start={ordered[0 if code != ordered[0] else 1]}"
            )

        # A code on the sheet registers a newcomer with the role and hamlet of their row.
        sent = await tg.say(NEWCOMER_TG, f"/start {ordered[3]}", name="Đức")
        assert "đã được đăng ký" in texts(sent)
        async with runtime.services.sessions() as session:
            user = await session.scalar(
                select(User).join(Identity).where(Identity.external_id == str(NEWCOMER_TG))
            )
            assert user is not None and user.role == Role.OFFICER
            hamlet = await session.get(Hamlet, user.hamlet_id)
            assert hamlet is not None and hamlet.code == "NHO"


@pytest.mark.slow
async def test_only_admins_and_never_in_groups(runtime: Runtime) -> None:
    async with seeded_telegram(runtime) as tg:
        await make_user(
            runtime, external_id=str(ADMIN_TG), role=Role.ADMIN, hamlet=None, channel="telegram"
        )
        # A hamlet head's staff list is not taken for a household list: a polite refusal.
        head, supervisor = 7002, 7001
        for who in (head, supervisor):
            reply = texts(await tg.send_file(who, "ds.csv", _csv(GOOD)))
            assert "chỉ người quản trị mới dùng được để tạo mã mời" in reply
            assert "Họ tên chủ hộ" in reply  # and what a household list needs
        # In a group, even from an admin: a pointer to the private chat, nothing else.
        sent = await tg.send_file(ADMIN_TG, "ds.csv", _csv(GOOD), chat_type="group")
        assert "mã mời" not in texts(sent) and "Nguyễn Văn An" not in texts(sent)
        assert await _count(runtime, Invite) == 0
        assert await _count(runtime, Roster) == 0
        assert await _count(runtime, Dialog) == 0


async def _send(runtime: Runtime, user: str, name: str, data: bytes) -> str:
    replies = await runtime.core.handle(
        Inbound(
            channel="console",
            user_id=user,
            chat_id=user,
            chat_type=PRIVATE,
            delivery_key=uuid.uuid4().hex,
            attachment=Attachment(name, data),
        )
    )
    return "\n".join(r.text for r in replies)


# --- without a bot username (console, Zalo) --------------------------------------------------


async def test_console_codes_only_and_the_qr_holds_the_code(
    runtime: Runtime, tmp_path: Path
) -> None:
    await make_user(runtime, external_id="admin", role=Role.ADMIN, hamlet=None)
    preview = await _send(runtime, "admin", "ds.csv", _csv(GOOD[:2]))
    assert "2 người hợp lệ" in preview
    chat = Chat(runtime, "admin")
    out = await chat.say("huỷ")
    assert "Đã hủy, chưa tạo mã mời nào." in out and await _count(runtime, Invite) == 0

    await _send(runtime, "admin", "ds.csv", _csv(GOOD[:2]))
    await chat.say("/help")  # a message of its own: the question stays open
    await _send(runtime, "admin", "ds.csv", _csv(GOOD[:2]))
    out = await chat.say("1")
    assert "✅ Đã tạo 2 mã mời." in out and "t.me" not in out
    invites = await _invites(runtime)
    assert len(invites) == 2
    sheet = next(r.file for r in chat.last if r.file is not None)
    doc = Document(str(sheet))
    codes = [line.split("Mã: ")[1].strip() for line in out.splitlines() if "Mã: " in line]
    assert len(codes) == 2
    for (text, png), code in zip(_cards(doc), codes, strict=True):
        assert f"{code[:5]}\u00a0{code[5:]}" in text
        assert _modules(png) == _matrix(code)
    assert "gửi mã mời trên phiếu" in _sheet_text(doc)

    # The code registers someone through the chat.
    out = await Chat(runtime, "an").say(f"/start {codes[0]}")
    assert "đã được đăng ký" in out


async def test_bad_files_get_clear_replies_and_create_nothing(runtime: Runtime) -> None:
    await make_user(runtime, external_id="admin", role=Role.ADMIN, hamlet=None)
    big = csv_bytes([HEADER]) + b"," * (MAX_BYTES + 10)
    cases = [
        (big, "ds.csv", "Tệp quá lớn (tối đa 2 MB)"),
        (csv_bytes([["Cột A", "Cột B"], ["1", "2"]]), "ds.csv", "Chưa nhận ra tệp này"),
        (csv_bytes([["Họ tên", "Ấp"], ["Nguyễn Văn An", "BNA"]]), "ds.csv", "thiếu cột «Vai trò»"),
        (csv_bytes([HEADER]), "ds.csv", "chưa có người nào"),
        (b"%PDF-1.4", "ds.pdf", "Chỉ nhận danh sách dạng Excel (.xlsx) hoặc CSV"),
    ]
    for data, name, words in cases:
        reply = await _send(runtime, "admin", name, data)
        assert words in reply, (name, reply)
    assert await _count(runtime, Invite) == 0 and await _count(runtime, Dialog) == 0


async def test_a_hamlet_closed_before_the_confirmation_creates_nothing(runtime: Runtime) -> None:
    await make_user(runtime, external_id="admin", role=Role.ADMIN, hamlet=None)
    await _send(runtime, "admin", "ds.csv", _csv(GOOD))
    async with runtime.services.sessions() as session, session.begin():
        hamlet = await session.scalar(select(Hamlet).where(Hamlet.code == "NHO"))
        assert hamlet is not None
        hamlet.active = False
    out = await Chat(runtime, "admin").say("1")
    assert "❌ Chưa tạo mã mời nào" in out and "Dòng 5 – ấp" in out
    assert await _count(runtime, Invite) == 0


async def test_junk_in_the_confirmation_never_creates(runtime: Runtime) -> None:
    assert "bulk_invite.confirm" in default_routes().steps
    admin = await make_user(runtime, external_id="admin", role=Role.ADMIN, hamlet=None)
    chat = Chat(runtime, "admin")
    drafts: list[dict[str, object]] = [
        {},
        {"people": "x"},
        {"people": [[1, "A B", "admin", "", None, ""]]},
        {"people": [[1, "A B", "officer", "", None, ""]]},
        {"people": [["x", 1, "nope", 3, 4, 5]]},
    ]
    for draft in drafts:
        for text in ("", "🙂", "x" * 3000, "99", "yes", "1"):
            async with runtime.services.sessions() as session, session.begin():
                dialog = await session.get(Dialog, admin.id)
                if dialog is None:
                    dialog = Dialog(
                        user_id=admin.id,
                        state="bulk_invite.confirm",
                        draft={},
                        options=[],
                        step=0,
                        updated_at=runtime.services.clock.now(),
                    )
                    session.add(dialog)
                dialog.state, dialog.draft = "bulk_invite.confirm", dict(draft)
                dialog.options = [["a", "yes"], ["b", "cancel"]]
            await chat.say(text)
    assert await _count(runtime, Invite) == 0


# --- the command line ------------------------------------------------------------------------


async def test_cli_bulk_invite(runtime: Runtime, tmp_path: Path, bot_cli: InProcess) -> None:
    config = str(write_config(runtime, tmp_path))
    bad, good = tmp_path / "bad.csv", tmp_path / "ds-can-bo.xlsx"
    bad.write_bytes(_csv(BAD))
    good.write_bytes(_xlsx(HEADER, GOOD))

    code, out, err = await bot_cli("invite", "--config", config, "--file", str(bad))
    assert (code, out) == (1, "")
    assert err.startswith("❌ Chưa tạo mã mời nào") and "• Dòng 9 – " in err
    assert await _count(runtime, Invite) == 0

    sheet = tmp_path / "phieu.docx"
    code, out, err = await bot_cli(
        "invite",
        "--config",
        config,
        "--file",
        str(good),
        "--out",
        str(sheet),
        "--bot",
        "@dvc_kh_bot",
    )
    assert code == 0, err
    assert out.startswith("✅ Đã tạo 4 mã mời.")
    assert f"Phiếu in: {sheet}" in out
    links = [line.split(" · ")[1] for line in out.splitlines() if " · " in line]
    assert len(links) == 4 and all(x.startswith("https://t.me/dvc_kh_bot?start=") for x in links)
    doc = Document(str(sheet))
    for (text, png), link, person in zip(_cards(doc), links, GOOD, strict=True):
        assert str(person[1]) in text
        assert _modules(png) == _matrix(link)
    invites = await _invites(runtime)
    assert [i.invitee_name for i in invites] == [str(p[1]) for p in GOOD]
    assert all(i.created_by is None for i in invites)

    code, out, err = await bot_cli("invite", "--config", config)
    assert code == 2 and "--file" in err
    code, out, err = await bot_cli("invite", "--config", config, "--file", str(tmp_path / "no.csv"))
    assert code == 2 and "Không mở được tệp" in err


# --- names: the one on the list, someone already on the bot ----------------------------------


async def test_the_listed_name_is_used_and_an_existing_user_is_warned_of(
    runtime: Runtime,
) -> None:
    """Issue 20 follow-up, item 3: a row redeemed by Telegram user "Khách Lạ" showed as
    "Khách Lạ"; a row naming someone already on the bot in that hamlet went unmentioned."""
    await make_user(runtime, external_id="admin", role=Role.ADMIN, hamlet=None)
    await make_user(runtime, external_id="an", hamlet="BNA", name="Nguyễn Văn An")
    await make_user(runtime, external_id="an2", hamlet="L365", name="Nguyễn Văn Bình")
    rows = [
        [1, "nguyen van an", "Cán bộ", "BNA", "", ""],  # already there: warned
        [2, "Nguyễn Văn Bình", "cán bộ", "BNA", "", ""],  # a namesake in another hamlet
        [3, "Nguyễn Thị Hoa", "trưởng ấp", "L364", "", ""],
    ]
    preview = await _send(runtime, "admin", "ds.csv", _csv(rows))
    assert "3 người hợp lệ" in preview
    assert "⚠️ Lưu ý (vẫn tạo được mã):" in preview
    assert "Dòng 2 – đã có Nguyễn Văn An (cán bộ ấp, Ấp Bãi Nhà A) đang dùng bot" in preview
    assert "Dòng 3" not in preview and "Dòng 4" not in preview
    chat = Chat(runtime, "admin")
    out = await chat.say("1")
    assert "✅ Đã tạo 3 mã mời." in out
    codes = [line.split("Mã: ")[1].strip() for line in out.splitlines() if "Mã: " in line]
    replies = await runtime.core.handle(
        Inbound(
            channel="zalo", user_id="z-hoa", chat_id="z-hoa", chat_type=PRIVATE,
            text=codes[2], delivery_key=uuid.uuid4().hex, sender_name="Khách Lạ",
        )
    )  # fmt: skip
    said = "\n".join(r.text for r in replies)
    assert "Nguyễn Thị Hoa" in said and "Khách Lạ" not in said
    listed = await chat.say("/nhansu")
    assert "• Nguyễn Thị Hoa – trưởng ấp · Zalo" in listed and "Khách Lạ" not in listed
    async with runtime.services.sessions() as session:
        event = await session.scalar(
            select(AuditEvent).where(AuditEvent.action == "register").order_by(AuditEvent.id)
        )
    assert event is not None and event.after is not None
    assert event.after["app_name"] == "Khách Lạ"  # the app's name is not lost
