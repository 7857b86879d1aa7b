"""Receipts and photos as evidence (issue 21, items 4 and 6), through the real
python-telegram-bot Application and the fake Bot API (getFile served): a photo with a
household caption, without one, albums, PDFs and lists, shared contacts, the call card, the
evidence workbook, viewing rights, deleting entries, the office's purge, bad input."""

from __future__ import annotations

import hashlib
import io
import logging
import uuid
import zipfile
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import openpyxl
import pytest
from sqlalchemy import func, select

from bot.clock import FixedClock
from bot.config import Settings
from bot.runtime import Runtime
from handlers.engine.i18n import t
from handlers.engine.messages import PRIVATE, Attachment, Inbound
from models.attachments import EntryAttachment, stored_path
from models.downloads import FILE, Download
from models.households import Entry, Household
from models.people import Role, User
from models.records import AuditEvent, Dialog
from models.registry import load_entry, soft_delete_entry
from tests.support.campaign import make_user
from tests.support.chat import Chat
from tests.support.seed import TELEGRAM_IDS, seed
from tests.support.telegram_fake import Sent, TelegramHarness, seeded_telegram, texts
from tests.support.zalo_harness import ZaloHarness, running_zalo, text

SUP = int(TELEGRAM_IDS["sup"])
HEAD = int(TELEGRAM_IDS["head"])  # head of BNA
BNA1 = int(TELEGRAM_IDS["bna1"])  # officer of BNA
BNA2 = int(TELEGRAM_IDS["bna2"])  # another officer of BNA
NHO = int(TELEGRAM_IDS["nho"])  # officer of another hamlet
L366 = int(TELEGRAM_IDS["l366"])
HEAD_NHO = 7100

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"receipt-photo-" * 200 + b"\xff\xd9"
JPEG2 = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"second-photo--" * 200 + b"\xff\xd9"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 500
PDF = b"%PDF-1.4\n" + b"receipt " * 300 + b"\n%%EOF"
LINE = "Lê Văn Tư; Tổ 2; 0912 000 888; 1"


@pytest.fixture
async def tg(runtime: Runtime) -> AsyncIterator[TelegramHarness]:
    async with seeded_telegram(runtime) as harness:
        yield harness


async def _rows(runtime: Runtime) -> list[EntryAttachment]:
    async with runtime.services.sessions() as session:
        return list(await session.scalars(select(EntryAttachment).order_by(EntryAttachment.id)))


async def _entry_of(runtime: Runtime, name: str) -> Entry:
    async with runtime.services.sessions() as session:
        entry: Entry | None = await session.scalar(
            select(Entry)
            .join(Household, Household.id == Entry.household_id)
            .where(Household.head_name == name)
            .order_by(Entry.id.desc())
        )
    assert entry is not None, name
    return entry


def _pending(runtime: Runtime) -> list[str]:
    folder = runtime.settings.data_dir / "attachments" / "pending"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sent_files(sent: list[Sent]) -> list[bytes]:
    return [data for s in sent for _name, data in s.files.values()]


async def test_photo_with_a_household_caption_logs_it_and_keeps_the_photo(
    tg: TelegramHarness, runtime: Runtime, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sent = await tg.send_photo(BNA1, JPEG, caption=LINE)
    out = texts(sent)
    assert "Lê Văn Tư" in out and "📎 Đã gắn 1 ảnh vào mục #" in out
    entry = await _entry_of(runtime, "Lê Văn Tư")
    rows = await _rows(runtime)
    assert [(r.entry_id, r.kind, r.mime, r.size, r.channel) for r in rows] == [
        (entry.id, "photo", "image/jpeg", len(JPEG), "telegram")
    ]
    # Content-addressed under the data folder; nothing left waiting.
    path = stored_path(runtime.settings.data_dir, _sha(JPEG))
    assert path.read_bytes() == JPEG
    assert path.parent.name == _sha(JPEG)[:2]
    assert _pending(runtime) == []
    # The largest size was fetched (getFile of the full photo, not the thumbnail).
    fetched = [p["file_id"] for m, p in tg.state.calls if m == "getFile"]
    assert fetched and all(str(f).endswith("-1") for f in fetched)
    # Audited; never in the logs.
    async with runtime.services.sessions() as session:
        audit = await session.scalar(select(AuditEvent).where(AuditEvent.action == "attach"))
    assert audit is not None and audit.target_id == rows[0].id
    ours = "\n".join(
        r.getMessage()
        for r in caplog.records
        if r.name.split(".")[0] in ("bot", "handlers", "models")
    )
    assert ours and "Lê Văn Tư" not in ours and "0912" not in ours
    assert "receipt-photo" not in ours

    # The officer sees it again: /tep sends the photo itself.
    sent = await tg.say(BNA1, f"/tep {entry.id}")
    assert "📎 Biên nhận của mục" in sent[0].text
    photos = [s for s in sent if s.method == "sendPhoto"]
    assert len(photos) == 1 and _sent_files(photos) == [JPEG]
    assert f"Mục #{entry.id} · 1/1" in photos[0].text

    # The evidence workbook counts it in "Số tệp minh chứng".
    sent = await tg.say(HEAD, "/xuat tudau")
    book = next((s for s in sent if s.method == "sendDocument"), None)
    assert book is not None, [(s.method, s.text[:200]) for s in sent]
    sheet = openpyxl.load_workbook(io.BytesIO(_sent_files([book])[0]))["BNA"]
    header = [c.value for c in sheet[3]]
    column = header.index("Số tệp minh chứng")
    counts = {row[1].value: row[column].value for row in sheet.iter_rows(min_row=4)}
    assert counts["Lê Văn Tư"] == 1
    assert {v for k, v in counts.items() if k != "Lê Văn Tư"} == {0}


async def test_photo_without_caption_asks_which_entry(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    await tg.say(BNA1, LINE)
    entry = await _entry_of(runtime, "Lê Văn Tư")
    sent = await tg.send_photo(BNA1, JPEG)
    question = sent[-1]
    assert "Gắn vào hộ nào?" in question.text
    labels = [label for label, _ in question.buttons]
    assert labels[0].startswith(f"#{entry.id} Lê Văn Tư · ") and labels[-1] == "Không gắn"
    assert 2 <= len(labels) <= 6
    assert await _rows(runtime) == [] and len(_pending(runtime)) == 1
    sent = await tg.press(BNA1, "Lê Văn Tư")
    assert f"📎 Đã gắn 1 ảnh vào mục #{entry.id} – Lê Văn Tư." in texts(sent)
    assert [r.entry_id for r in await _rows(runtime)] == [entry.id]
    assert _pending(runtime) == []

    # A stale press of the answered question changes nothing.
    sent = await tg.press(BNA1, "Lê Văn Tư")
    assert "không còn hiệu lực" in texts(sent)
    assert len(await _rows(runtime)) == 1

    # "Không gắn": nothing is kept, and the bot says so.
    await tg.send_photo(BNA1, JPEG2)
    sent = await tg.press(BNA1, "Không gắn")
    assert "không được lưu" in texts(sent)
    assert len(await _rows(runtime)) == 1 and _pending(runtime) == []
    assert not stored_path(runtime.settings.data_dir, _sha(JPEG2)).exists()


async def test_an_album_is_answered_once(tg: TelegramHarness, runtime: Runtime) -> None:
    await tg.say(BNA1, LINE)
    entry = await _entry_of(runtime, "Lê Văn Tư")
    first = await tg.send_photo(BNA1, JPEG, album="g1")
    assert "Gắn vào hộ nào?" in first[-1].text
    second = await tg.send_photo(BNA1, PNG, album="g1")
    assert "Đã nhận thêm 1 ảnh (tổng 2 ảnh)" in texts(second)
    # The buttons of the first question still answer for both.
    sent = await tg.press_data(BNA1, first[-1].buttons[0][1], first[-1].message_id)
    assert f"📎 Đã gắn 2 ảnh vào mục #{entry.id}" in texts(sent)
    assert sorted(r.mime for r in await _rows(runtime)) == ["image/jpeg", "image/png"]

    # An album with the household line on its first photo: the rest follow it.
    await tg.send_photo(BNA1, JPEG2, caption="Trần Thị Năm; Tổ 4; 0912 000 999; 1", album="g2")
    sent = await tg.send_photo(BNA1, PNG + b"x", album="g2")
    new = await _entry_of(runtime, "Trần Thị Năm")
    assert f"Đã gắn thêm 1 ảnh vào mục #{new.id}" in texts(sent)
    assert [r.entry_id for r in await _rows(runtime)].count(new.id) == 2


async def test_a_broken_caption_asks_and_keeps_the_photo_with_the_household(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    sent = await tg.send_photo(BNA1, JPEG, caption="Lê Văn Tư; Tổ 2; 0912; 1")
    out = texts(sent)
    assert "được giữ cùng hộ Lê Văn Tư" in out
    assert await _rows(runtime) == []
    sent = await tg.say(BNA1, "0912 000 888")
    entry = await _entry_of(runtime, "Lê Văn Tư")
    assert f"📎 Đã gắn 1 ảnh vào mục #{entry.id} – Lê Văn Tư." in texts(sent)
    assert [r.entry_id for r in await _rows(runtime)] == [entry.id]

    # Dropped ("/huy") before it is saved: the photo is asked about, never silently lost.
    await tg.send_photo(BNA1, JPEG2, caption="Phạm Văn Sáu; Tổ 2; 0912; 1")
    sent = await tg.say(BNA1, "/huy")
    assert "Hộ gửi kèm 1 ảnh chưa được lưu" in texts(sent)
    assert "Gắn vào hộ nào?" in sent[-1].text
    sent = await tg.press(BNA1, "Không gắn")
    assert len(await _rows(runtime)) == 1 and _pending(runtime) == []


async def test_documents_pdf_is_evidence_lists_only_from_who_may_import(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    await tg.say(BNA1, LINE)
    sent = await tg.send_file(BNA1, "bien-nhan.pdf", PDF)
    assert "Gắn vào hộ nào?" in sent[-1].text
    assert "danh sách hộ" not in texts(sent)
    sent = await tg.press(BNA1, "Lê Văn Tư")
    assert "📎 Đã gắn 1 tệp PDF vào mục" in texts(sent)
    assert [r.kind for r in await _rows(runtime)] == ["pdf"]

    # A .csv from an officer: not imported, and told what the bot takes.
    sent = await tg.send_file(BNA1, "ds.csv", "Họ tên chủ hộ;Địa chỉ\nTrần B;Tổ 2\n".encode())
    out = texts(sent)
    assert "Chỉ trưởng ấp và cán bộ giám sát" in out and "ảnh hoặc tệp PDF biên nhận" in out
    # A Word file, an .exe renamed .jpg: refused politely, nothing kept.
    for name, data in (("to-trinh.docx", b"PK\x03\x04word"), ("anh.jpg", b"MZ\x90\x00exe")):
        sent = await tg.send_file(BNA1, name, data)
        assert "chỉ nhận ảnh (JPEG, PNG, WebP) hoặc tệp PDF" in texts(sent), name
    assert len(await _rows(runtime)) == 1 and _pending(runtime) == []

    # A head's .csv is still a household list.
    roster = "Họ tên chủ hộ;Địa chỉ;Số điện thoại\nTrần Văn B;Tổ 2;0912 111 222\n"
    sent = await tg.send_file(HEAD, "danh-sach.csv", roster.encode())
    assert "📋 Danh sách hộ Ấp Bãi Nhà A (tệp danh-sach.csv): 1 hộ" in texts(sent)


async def test_too_large_files_are_refused(tg: TelegramHarness, runtime: Runtime) -> None:
    limit = runtime.settings.chat.file_mb * 1024 * 1024
    big = b"%PDF-1.4\n" + b"0" * limit
    sent = await tg.send_file(BNA1, "bien-nhan.pdf", big)
    assert f"tối đa {runtime.settings.chat.file_mb} MB" in texts(sent)
    sent = await tg.send_photo(BNA1, b"\xff\xd8\xff" + b"0" * limit)
    assert f"tối đa {runtime.settings.chat.file_mb} MB" in texts(sent)
    assert await _rows(runtime) == [] and _pending(runtime) == []


async def test_a_shared_contact_starts_a_household(tg: TelegramHarness, runtime: Runtime) -> None:
    async with runtime.services.sessions() as session:
        before = await session.scalar(select(func.count(Household.id)))
    sent = await tg.send_contact(BNA1, "+84912777666", "nguyễn", "văn bảy")
    out = texts(sent)
    assert "Đã lấy tên Nguyễn Văn Bảy và số 0912 777 666 từ danh bạ" in out
    assert "Địa chỉ" in sent[-1].text  # the next question: what a contact cannot say
    async with runtime.services.sessions() as session:
        assert await session.scalar(select(func.count(Household.id))) == before
        user = await session.scalar(select(User).where(User.display_name == "Trần Văn Siêng"))
        assert user is not None
        dialog = await session.get(Dialog, user.id)
    assert dialog is not None and dialog.draft["phone"] == "+84912777666"
    sent = await tg.send_contact(BNA1, "123", "Ai Đó")
    assert "không phải số điện thoại Việt Nam hợp lệ" in texts(sent)


async def test_who_may_see_and_the_office_purge(tg: TelegramHarness, runtime: Runtime) -> None:
    await make_user(
        runtime,
        external_id=str(HEAD_NHO),
        role=Role.HAMLET_HEAD,
        hamlet="NHO",
        name="Trưởng Ấp Nhỏ",
        channel="telegram",
    )
    await tg.send_photo(BNA1, JPEG, caption=LINE)
    entry = await _entry_of(runtime, "Lê Văn Tư")
    # Another hamlet's head and officer, another officer of the same hamlet: nothing.
    for who in (HEAD_NHO, NHO, BNA2):
        sent = await tg.say(who, f"/tep {entry.id}")
        assert "Không tìm thấy mục" in texts(sent) and not _sent_files(sent), who
    # The hamlet's head and the office see it; their views are audited.
    for who in (HEAD, SUP):
        sent = await tg.say(who, f"/tep {entry.id}")
        assert _sent_files(sent) == [JPEG], who
    async with runtime.services.sessions() as session:
        views = list(await session.scalars(select(AuditEvent).where(AuditEvent.action == "view")))
    assert len(views) == 2

    # The entry deleted: its file stays (soft delete).
    async with runtime.services.sessions() as session, session.begin():
        row = await load_entry(session, entry.id)
        user = await session.scalar(select(User).where(User.display_name == "Trần Văn Siêng"))
        assert row is not None and user is not None
        await soft_delete_entry(
            session, entry=row, actor=user, reason="nhập nhầm", now=datetime.now(UTC)
        )
    path = stored_path(runtime.settings.data_dir, _sha(JPEG))
    assert path.exists() and (await _rows(runtime))[0].purged_at is None

    # Only the office purges, with a reason of at least 5 characters, confirmed.
    sent = await tg.say(HEAD, f"/xoatep {entry.id} ảnh chụp nhầm")
    assert "Chỉ cán bộ giám sát" in texts(sent)
    sent = await tg.say(SUP, f"/xoatep {entry.id}")
    assert "Lý do xóa 1 ảnh của mục" in texts(sent)
    sent = await tg.say(SUP, "mờ")
    assert "ít nhất 5 ký tự" in texts(sent)
    sent = await tg.say(SUP, "Ảnh chụp nhầm giấy tờ của hộ khác")
    assert "Xóa hẳn 1 ảnh" in sent[-1].text
    sent = await tg.press(SUP, "Xóa hẳn")
    assert "🗑 Đã xóa 1 ảnh" in texts(sent)
    assert not path.exists()
    rows = await _rows(runtime)
    assert len(rows) == 1 and rows[0].purged_at is not None
    assert rows[0].purge_reason == "Ảnh chụp nhầm giấy tờ của hộ khác"
    async with runtime.services.sessions() as session:
        purge = await session.scalar(select(AuditEvent).where(AuditEvent.action == "purge"))
    assert purge is not None and purge.target_id == rows[0].id
    # The officer's /tep says the files were deleted, by whom, when and why.
    sent = await tg.say(BNA1, f"/tep {entry.id}")
    out = texts(sent)
    assert "chưa có ảnh hay PDF" not in out and not _sent_files(sent)
    assert f"🗑 1 ảnh của mục #{entry.id} đã bị xóa hẳn lúc " in out
    assert "người xóa: Phòng Văn hóa Xã hội" in out
    assert "lý do: Ảnh chụp nhầm giấy tờ của hộ khác." in out


async def test_purge_keeps_a_file_another_entry_shares(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    await tg.send_photo(BNA1, JPEG, caption=LINE)
    await tg.send_photo(BNA1, JPEG, caption="Trần Thị Năm; Tổ 4; 0912 000 999; 1")
    first = await _entry_of(runtime, "Lê Văn Tư")
    await tg.say(SUP, f"/xoatep {first.id} trùng ảnh của hộ khác")
    await tg.press(SUP, "Xóa hẳn")
    assert stored_path(runtime.settings.data_dir, _sha(JPEG)).exists()
    assert [r.purged_at is None for r in await _rows(runtime)] == [False, True]


async def test_forged_and_stale_buttons(tg: TelegramHarness, runtime: Runtime) -> None:
    await tg.say(BNA1, LINE)
    sent = await tg.send_photo(BNA1, JPEG)
    question = sent[-1]
    step = question.buttons[0][1].split(":", 1)[0]
    # Another officer's entry, by a forged value: refused, the question stays.
    async with runtime.services.sessions() as session:
        officer = await session.scalar(select(User.id).where(User.display_name == "Lê Thị Lười"))
        other = await session.scalar(select(Entry.id).where(Entry.officer_id == officer).limit(1))
    assert other is not None
    sent = await tg.press_data(BNA1, f"{step}:e:{other}", question.message_id)
    assert "không còn hiệu lực" in texts(sent) and "Gắn vào hộ nào?" in sent[-1].text
    sent = await tg.press_data(BNA1, "junk", question.message_id)
    assert "không còn hiệu lực" in texts(sent)
    # Typed junk is not an answer.
    sent = await tg.say(BNA1, "99")
    assert await _rows(runtime) == []
    # A purge confirmation pressed after its entry left the scope.
    assert "Gắn vào hộ nào?" in texts(sent) or "Không tìm thấy" in texts(sent)


async def test_the_call_card_mentions_and_shows_the_receipts(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    # L366 has one household (F); its officer attaches a receipt photo to it.
    sent = await tg.send_photo(L366, JPEG)
    await tg.press_data(L366, sent[-1].buttons[0][1], sent[-1].message_id)
    assert len(await _rows(runtime)) == 1
    sent = await tg.say(SUP, "/kiemtra L366 100%")
    card = next(s for s in sent if "📞 Thẻ gọi #" in s.text)
    assert "📎 1 ảnh biên nhận" in card.text
    assert any(label == "📎 Xem biên nhận" for label, _ in card.buttons)
    sent = await tg.press(SUP, "Xem biên nhận")
    assert _sent_files([s for s in sent if s.method == "sendPhoto"]) == [JPEG]
    assert "📞 Thẻ gọi #" in sent[-1].text  # the card again: the call goes on
    async with runtime.services.sessions() as session:
        assert await session.scalar(
            select(func.count(AuditEvent.id)).where(AuditEvent.action == "view")
        )


async def test_nothing_is_read_from_a_group(tg: TelegramHarness, runtime: Runtime) -> None:
    sent = await tg.send_photo(BNA1, JPEG, caption=LINE, chat_type="group")
    assert sent == []
    assert not [m for m, _ in tg.state.calls if m == "getFile"]
    assert await _rows(runtime) == [] and _pending(runtime) == []


# --- Zalo: image messages carry the picture's address; no documents, no contacts ----------


async def test_zalo_pictures_are_downloaded_and_attached(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    zalo_id = "6ede9afa66b88fe6d6a9"
    await make_user(runtime, external_id=zalo_id, hamlet="BNA", channel="zalo")
    public = "https://bot.example.vn"
    async with running_zalo(settings, clock, public_url=public) as (fake, running):
        zalo = ZaloHarness(fake, running)
        out = await zalo.say(zalo_id, LINE)
        entry = await _entry_of(runtime, "Lê Văn Tư")
        out = await zalo.deliver(fake.image_update(zalo_id, data=JPEG))
        assert "Gắn vào hộ nào?" in text(out) and "Không gắn" in text(out)
        out = await zalo.say(zalo_id, "1")
        assert f"📎 Đã gắn 1 ảnh vào mục #{entry.id}" in text(out)
        rows = await _rows(runtime)
        assert [(r.entry_id, r.channel, r.size) for r in rows] == [(entry.id, "zalo", len(JPEG))]
        assert stored_path(settings.data_dir, _sha(JPEG)).read_bytes() == JPEG
        # A caption (some copies of the docs show one) is read like Telegram's.
        out = await zalo.deliver(
            fake.image_update(zalo_id, data=PNG, caption="Trần Thị Năm; Tổ 4; 0912 000 999; 1")
        )
        assert "📎 Đã gắn 1 ảnh vào mục #" in text(out)
        # Not a picture after all, or one that cannot be fetched: said, nothing kept.
        out = await zalo.deliver(fake.image_update(zalo_id, data=b"MZ\x90\x00exe"))
        assert "chỉ nhận ảnh (JPEG, PNG, WebP) hoặc tệp PDF" in text(out)
        out = await zalo.deliver(fake.image_update(zalo_id, photo_url=f"{fake.base_url}/photos/x"))
        assert "Chưa tải được tệp" in text(out)
        # Seeing it again on Zalo: a single-use link for the officer (no public picture URL).
        out = await zalo.say(zalo_id, f"/tep {entry.id}")
        assert not [s for s in out if s.method == "sendPhoto"]
        assert f"Tải tệp bien-nhan-{entry.id}-1.jpg tại: {public}/d/" in text(out)
    assert len(await _rows(runtime)) == 2
    async with runtime.services.sessions() as session:
        link = await session.scalar(select(Download))
    assert link is not None and link.kind == FILE  # single-use, bound to the officer


async def test_the_award_dossier_zip_has_a_folder_of_receipts(runtime: Runtime) -> None:
    await seed(runtime)
    replies = await runtime.core.handle(
        Inbound(
            channel="console",
            user_id="bna1",
            chat_id="bna1",
            chat_type=PRIVATE,
            text=LINE,
            delivery_key=uuid.uuid4().hex,
            attachment=Attachment("bien-nhan.pdf", PDF),
        )
    )
    assert "📎 Đã gắn 1 tệp PDF vào mục #" in "\n".join(r.text for r in replies)
    entry = await _entry_of(runtime, "Lê Văn Tư")
    sup = Chat(runtime, "sup")
    await sup.say("/khenthuong")
    await sup.press("Từ đầu phong trào")
    await sup.press(".zip")
    archive = next(r.file for r in sup.last if r.file is not None)
    with zipfile.ZipFile(archive) as zf:
        receipts = [n for n in zf.namelist() if "/anh-bien-nhan/" in n]
        assert receipts == [f"BNA/anh-bien-nhan/{entry.id}-1.pdf"]
        assert zf.read(receipts[0]) == PDF


# --- the tester's findings (issue 21 follow-up) -------------------------------------------


async def _console_photo(runtime: Runtime, user: str, data: bytes, caption: str = "") -> str:
    """A photo sent from the console's user (the console has no uploads of its own)."""
    replies = await runtime.core.handle(
        Inbound(
            channel="console",
            user_id=user,
            chat_id=user,
            chat_type=PRIVATE,
            text=caption,
            delivery_key=uuid.uuid4().hex,
            attachment=Attachment("anh.jpg", data, photo=True),
        )
    )
    return "\n".join(r.text for r in replies)


# Phones outside the seed's (0912 000 001 on, counted across the session's tests): the
# household is new whichever tests ran before.
OWN_LINE = "Lê Văn Tư; Tổ 2; 0988 000 888; 1"

CARD_OPTIONS = [
    t("vi", f"verify_btn_{key}")
    for key in ("confirmed", "not_guided", "wrong_details", "unreachable", "wrong_number")
] + [t("vi", "verify_btn_skip"), t("vi", "verify_btn_stop")]


async def test_a_receipt_on_the_call_card_moves_no_other_number(runtime: Runtime) -> None:
    """Callers type the numbers by heart: «6» is «Để sau» with or without a receipt; the
    receipts are the last option."""
    await seed(runtime)
    sup = Chat(runtime, "sup")
    out = await sup.say("/kiemtra L364 100%")
    card = next(r for r in sup.last if "📞 Thẻ gọi #" in r.text)
    assert [o.label for o in card.options] == CARD_OPTIONS, out
    await sup.say("/huy")

    # L366's only household gets a receipt photo from its officer.
    out = await _console_photo(runtime, "l366", JPEG)
    assert "Gắn vào hộ nào?" in out
    assert "📎 Đã gắn 1 ảnh vào mục #" in await Chat(runtime, "l366").say("1")
    out = await sup.say("/kiemtra L366 100%")
    card = next(r for r in sup.last if "📞 Thẻ gọi #" in r.text)
    assert "📎 1 ảnh biên nhận" in card.text
    assert [o.label for o in card.options] == [*CARD_OPTIONS, t("vi", "verify_btn_files")]
    assert CARD_OPTIONS[5] == "⏭ Để sau" and CARD_OPTIONS[6] == "⏹ Dừng"
    for _ in range(3):
        out = await sup.say("6")  # «Để sau», as on every other card
        assert not any(r.image or r.file for r in sup.last), out
        assert "Xem biên nhận" not in out.split("📞 Thẻ gọi #")[0]
    async with runtime.services.sessions() as session:
        views = await session.scalar(
            select(func.count(AuditEvent.id)).where(AuditEvent.action == "view")
        )
    assert views == 0
    out = await sup.say("8")  # the receipt: shown, then the card again
    assert [r.image is not None for r in sup.last].count(True) == 1
    assert "📞 Thẻ gọi #" in sup.last[-1].text
    out = await sup.say("7")
    assert "Dừng" in out or "dừng" in out


async def test_the_same_photo_twice_on_one_entry_counts_once(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    sent = await tg.send_photo(BNA1, JPEG, caption=OWN_LINE)
    assert "📎 Đã gắn 1 ảnh vào mục #" in texts(sent), texts(sent)
    entry = await _entry_of(runtime, "Lê Văn Tư")
    sent = await tg.send_photo(BNA1, JPEG)
    sent = await tg.press(BNA1, "Lê Văn Tư")
    out = texts(sent)
    assert f"📎 Ảnh này đã gắn vào mục #{entry.id} – Lê Văn Tư rồi" in out
    assert "Đã gắn 1 ảnh" not in out
    assert [r.entry_id for r in await _rows(runtime)] == [entry.id]
    assert _pending(runtime) == []

    # An album holding the same photo twice, and one already there: only the new one.
    await tg.send_photo(BNA1, JPEG2, album="g1")
    await tg.send_photo(BNA1, JPEG2, album="g1")
    await tg.send_photo(BNA1, JPEG, album="g1")
    sent = await tg.press(BNA1, "Lê Văn Tư")
    out = texts(sent)
    assert f"📎 Đã gắn 1 ảnh vào mục #{entry.id}" in out
    assert f"2 ảnh này đã gắn vào mục #{entry.id} – Lê Văn Tư rồi" in out
    assert sorted(r.sha256 for r in await _rows(runtime)) == sorted([_sha(JPEG), _sha(JPEG2)])
    assert _pending(runtime) == []
    async with runtime.services.sessions() as session:
        attached = await session.scalar(
            select(func.count(AuditEvent.id)).where(AuditEvent.action == "attach")
        )
    assert attached == 2

    # The evidence workbook counts two files, not four.
    sent = await tg.say(HEAD, "/xuat tudau")
    book = next(s for s in sent if s.method == "sendDocument")
    sheet = openpyxl.load_workbook(io.BytesIO(_sent_files([book])[0]))["BNA"]
    column = [c.value for c in sheet[3]].index("Số tệp minh chứng")
    counts = {row[1].value: row[column].value for row in sheet.iter_rows(min_row=4)}
    assert counts["Lê Văn Tư"] == 2

    # Another entry may hold the same photo (a shared receipt): attached there.
    sent = await tg.send_photo(BNA1, JPEG, caption="Trần Thị Năm; Tổ 4; 0988 000 999; 1")
    assert "📎 Đã gắn 1 ảnh vào mục #" in texts(sent)
    assert len(await _rows(runtime)) == 3


async def test_a_caption_starting_a_household_starts_its_questions(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    sent = await tg.send_photo(BNA1, JPEG, caption="Hồ Văn Năm; 0913 111 000")
    out = texts(sent)
    assert "Địa chỉ của hộ" in out  # asked for what the caption did not say
    assert "1 ảnh được giữ cùng hộ Hồ Văn Năm" in out
    assert "Gắn vào hộ nào?" not in out and await _rows(runtime) == []
    sent = await tg.say(BNA1, "Tổ 5")
    for _ in range(4):  # the procedures, then whatever else is asked, until saved
        if "Đã lưu hộ" in texts(sent):
            break
        sent = await tg.say(BNA1, "1")
    out = texts(sent)
    assert "Đã lưu hộ" in out
    entry = await _entry_of(runtime, "Hồ Văn Năm")
    assert f"📎 Đã gắn 1 ảnh vào mục #{entry.id} – Hồ Văn Năm." in out
    async with runtime.services.sessions() as session:
        household = await session.get(Household, entry.household_id)
    assert household is not None and household.phone == "+84913111000"
    assert household.address == "Tổ 5"
    assert [r.entry_id for r in await _rows(runtime)] == [entry.id]


async def test_a_caption_that_is_no_household_is_said_not_kept(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    await tg.say(BNA1, OWN_LINE)
    sent = await tg.send_photo(BNA1, JPEG, caption="biên nhận nộp hôm qua")
    out = texts(sent)
    assert "Chú thích «biên nhận nộp hôm qua» không phải dòng thông tin hộ" in out
    assert "Gắn vào hộ nào?" in sent[-1].text  # the photo itself is still asked about
    sent = await tg.press(BNA1, "Lê Văn Tư")
    assert "📎 Đã gắn 1 ảnh vào mục #" in texts(sent)


async def test_the_console_keeps_no_copy_of_a_receipt(runtime: Runtime) -> None:
    await seed(runtime)
    out = await _console_photo(runtime, "bna1", JPEG, OWN_LINE)
    assert "📎 Đã gắn 1 ảnh vào mục #" in out
    entry = await _entry_of(runtime, "Lê Văn Tư")
    for who in ("bna1", "head", "sup"):
        out = await Chat(runtime, who).say(f"/tep {entry.id}")
        assert f"bien-nhan-{entry.id}-1.jpg" in out and "bản tạm đã xóa" in out, who
    outbox = runtime.settings.data_dir / "outbox"
    assert not outbox.exists() or not [p for p in outbox.rglob("*") if p.is_file()]
    # The office purges it: no copy of the photo is left anywhere in the data folder.
    sup = Chat(runtime, "sup")
    await sup.say(f"/xoatep {entry.id} ảnh chụp nhầm hộ khác")
    await sup.press("Xóa hẳn")
    left = [
        p for p in runtime.settings.data_dir.rglob("*") if p.is_file() and p.read_bytes() == JPEG
    ]
    assert left == []


async def test_the_purge_help_sits_with_the_spot_checks(runtime: Runtime) -> None:
    await seed(runtime)
    paragraphs = (await Chat(runtime, "sup").say("/help")).split("\n\n")
    purge = next(i for i, p in enumerate(paragraphs) if "/xoatep" in p)
    verify = next(i for i, p in enumerate(paragraphs) if "/kiemtra_ds" in p)
    rules = next(i for i, p in enumerate(paragraphs) if p.startswith("Cách tính"))
    assert purge == verify + 1 and purge < rules
