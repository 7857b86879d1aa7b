"""Several supervisors and hamlet heads ask for reports and spreadsheets at the same moment,
through the real Telegram adapter: every one gets their files, nobody gets an error."""

from __future__ import annotations

import io

import openpyxl
import pytest

from bot.runtime import Runtime
from models.people import Role
from tests.support.campaign import make_user
from tests.support.seed import TELEGRAM_IDS
from tests.support.telegram_fake import seeded_telegram

pytestmark = pytest.mark.slow  # many reports and exports at once

# The seeded supervisor and head of Bãi Nhà A, plus more of each.
SUPERVISORS = [int(TELEGRAM_IDS["sup"]), 7101, 7102]
HEADS = [(int(TELEGRAM_IDS["head"]), "BNA"), (7103, "L364"), (7104, "NHO")]
ROUNDS = 3


async def test_many_reports_and_exports_at_once_all_arrive(runtime: Runtime) -> None:
    async with seeded_telegram(runtime) as tg:
        for i, chat in enumerate(SUPERVISORS[1:]):
            await make_user(
                runtime,
                external_id=str(chat),
                role=Role.SUPERVISOR,
                hamlet=None,
                name=f"Giám Sát {i + 2}",
                channel="telegram",
            )
        for chat, hamlet in HEADS[1:]:
            await make_user(
                runtime,
                external_id=str(chat),
                role=Role.HAMLET_HEAD,
                hamlet=hamlet,
                name=f"Trưởng Ấp {hamlet}",
                channel="telegram",
            )
        people = SUPERVISORS + [chat for chat, _ in HEADS]
        updates = [
            tg.message_update(chat, text)
            for _ in range(ROUNDS)
            for chat in people
            for text in ("/baocao", "/xuat tudau")
        ]
        sent = await tg.burst(updates, limit=90)

        assert not [s for s in sent if "sự cố" in s.text]
        for chat in people:
            mine = [s for s in sent if s.chat_id == chat]
            photos = [s for s in mine if s.method == "sendPhoto"]
            books = [s for s in mine if s.method == "sendDocument"]
            assert len(photos) == ROUNDS and len(books) == ROUNDS, chat
            for photo in photos:
                assert photo.files["photo"][1].startswith(b"\x89PNG")
            for book in books:
                name, data = book.files["document"]
                assert name.endswith(".xlsx")
                assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames
        # Nothing with names or phones is left on the server's disk, nor the folders.
        outbox = runtime.settings.data_dir / "outbox"
        assert not outbox.exists() or not any(outbox.iterdir())
