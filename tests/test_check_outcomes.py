"""Outcomes that mean what they say (issue 17, items 4 and 5), through the console as a
supervisor calls:

- a household counted for the special prize with two procedures over two entries: the card
  lists both, and the outcome records which the household confirmed;
- "⚠️ Sai thông tin → ngày hướng dẫn" within the configured days is recorded, not failed;
- "☎️ Sai số điện thoại" is its own figure in /baocao, the spreadsheet and the Tờ trình
  (never "📵 could not verify"), and by default fails the check;
- a note typed at any step of a card (the "which detail" sub-menu included) is kept;
- a sampled entry deleted after the draw and then answered ✅ is marked in the check sheet and
  the award evidence, not shown as plainly "confirmed".

Seed (tests/support/seed.py): L364 (364 households, 2 procedures needed) has Hộ A (one entry, KS +
TTRU), Hộ B (KS on 08/04, TAMTRU on 14/04: two entries) and Hộ C (KS); L365 has Hộ D and E;
NHO 19 households (95%: proposed for the collective award).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from bot.clock import FixedClock
from bot.config import Settings, parse_settings
from bot.runtime import Runtime, build_runtime, sync_from_config
from handlers.render.report_text import fail_rule
from models.eligibility import verification
from models.households import Entry, Household
from models.people import User
from models.registry import HouseholdInput, add_to_household, soft_delete_entry
from models.verification import Check, Outcome
from tests.support.campaign import make_user, raw_config
from tests.support.chat import Chat
from tests.support.seed import seed

pytestmark = pytest.mark.slow  # outcomes followed into every report and document

CARD = "📞 Thẻ gọi #"
TICKS = "Hộ xác nhận được hướng dẫn những thủ tục nào?"

Make = Callable[..., Awaitable[Runtime]]


@pytest.fixture
async def configured(settings: Settings, clock: FixedClock, tmp_path: Path) -> AsyncIterator[Make]:
    """A runtime over this test's database (either backend) with `[verification]` keys."""
    made: list[Runtime] = []

    async def make(**verification: Any) -> Runtime:
        raw = raw_config(
            tmp_path, database={"url": settings.database_url}, verification=verification
        )
        rt = build_runtime(parse_settings(raw, tmp_path), clock)
        made.append(rt)
        await sync_from_config(rt)
        return rt

    yield make
    for rt in made:
        await rt.close()


def _card(out: str) -> str:
    assert CARD in out, out
    return CARD + out.rsplit(CARD, 1)[1]


async def _checks(runtime: Runtime) -> dict[str, Check]:
    """Every check by its household's name."""
    from models.households import Household

    async with runtime.services.sessions() as session:
        rows = await session.execute(
            select(Household.head_name, Check).join(Check, Check.household_id == Household.id)
        )
        return {name: check for name, check in rows}


def _sheet_rows(chat: Chat, sheet: str = "Kiểm tra") -> list[list[Any]]:
    path = next(r.file for r in chat.last if r.file is not None and r.file.suffix == ".xlsx")
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    assert isinstance(ws, Worksheet)
    return [[c.value for c in row] for row in ws.iter_rows(min_row=4)]


def _docx_text(chat: Chat, ending: str) -> str:
    path = next(r.file for r in chat.last if r.file is not None and r.file.name.endswith(ending))
    document = docx.Document(str(path))
    cells = [" | ".join(c.text for c in row.cells) for t in document.tables for row in t.rows]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _option(chat: Chat, label: str) -> int:
    options = [o.label for reply in chat.last for o in reply.options]
    return next(i for i, text in enumerate(options, 1) if label in text)


# ------------------------------------------------------------ several procedures (item 4)


async def test_a_special_prize_household_is_asked_every_procedure(runtime: Runtime) -> None:
    await seed(runtime)
    sup = Chat(runtime, "sup")
    out = await sup.say("/kiemtra L364 100%")
    assert "Đã rút đợt kiểm tra #1: 3 hộ" in out
    cards: dict[str, str] = {}
    recorded: dict[str, str] = {}
    while CARD in out:
        card = _card(out)
        name = next(n for n in ("Hộ A", "Hộ B", "Hộ C") if f"Chủ hộ: {n}\n" in card)
        cards[name] = card
        out = await sup.press("Đúng, đã được hướng dẫn")
        if name == "Hộ C":  # one procedure: one tap, as before
            assert TICKS not in out
        else:
            # Each procedure, ticked by default (the household is asked about every one).
            assert TICKS in out
            ticks = [o.label for o in sup.last[-1].options]
            if name == "Hộ B":
                assert ticks[:3] == [
                    "☑️ Đăng ký khai sinh",
                    "☑️ Đăng ký tạm trú",
                    "✅ Ghi kết quả: hộ xác nhận đủ 2/2 thủ tục",
                ]
                out = await sup.press("Đăng ký tạm trú")  # the household does not confirm it
                assert [o.label for o in sup.last[-1].options][:3] == [
                    "☑️ Đăng ký khai sinh",
                    "⬜ Đăng ký tạm trú",
                    "⚠️ Ghi kết quả: hộ chỉ xác nhận 1/2 thủ tục",
                ]
                # A note typed on the tick list goes with the outcome.
                out = await sup.say("Hộ nói tạm trú tự làm ở xã")
                assert "📝 Đã ghi chú" in out and "📝 Ghi chú: Hộ nói tạm trú tự làm ở xã" in out
            else:
                assert ticks[:2] == ["☑️ Đăng ký khai sinh", "☑️ Đăng ký thường trú"]
            out = await sup.press("Ghi kết quả")
        recorded[name] = out.split(CARD)[0]
    assert set(cards) == {"Hộ A", "Hộ B", "Hộ C"}

    # The card of Hộ B lists both its procedures, from both entries, with their days.
    card_b = cards["Hộ B"]
    assert "📋 Thủ tục của hộ (2 thủ tục, mọi lượt ghi – hỏi hộ từng thủ tục):" in card_b
    assert "• Đăng ký khai sinh – lượt #" in card_b and "ngày 08/04/2026" in card_b
    assert "• Đăng ký tạm trú – lượt #" in card_b and "ngày 14/04/2026" in card_b
    assert "📋 Thủ tục: Đăng ký khai sinh\n" in cards["Hộ C"]  # one: the line as before

    assert "✅ Đã xác nhận" in recorded["Hộ A"] and "Hộ xác nhận 2/2 thủ tục" in recorded["Hộ A"]
    assert "⚠️ Sai thông tin (thủ tục)" in recorded["Hộ B"]
    assert (
        "📋 Hộ xác nhận 1/2 thủ tục: Đăng ký khai sinh · không xác nhận: Đăng ký tạm trú"
        in recorded["Hộ B"]
    )

    checks = await _checks(runtime)
    b = checks["Hộ B"]
    assert (b.outcome, b.detail, b.note) == (
        "wrong_details",
        "procedure",
        "Hộ nói tạm trú tự làm ở xã",
    )
    l364 = b.officer_id
    assert b.answer == {
        "procedures": ["KS", "TAMTRU"],
        "confirmed": ["KS"],
        "by": {"KS": [l364], "TAMTRU": [l364]},
    }
    assert b.drawn is not None and b.drawn["name"] == "Hộ B"  # the draw's details stay
    assert checks["Hộ A"].answer == {
        "procedures": ["KS", "TTRU"],
        "confirmed": ["KS", "TTRU"],
        "by": {"KS": [l364], "TTRU": [l364]},
    }
    assert checks["Hộ C"].outcome == "confirmed"

    # A procedure the household does not confirm fails the check (the procedure must match).
    report = await sup.say("/baocao L364")
    assert "• Đã gọi xong 3 hộ: ✅ 2 xác nhận · ❌ 1 không đạt · 📵 0" in report
    assert "🚫 Không đủ điều kiện khen thưởng: Ấp Ba Sáu Tư (1 hộ kiểm tra không đạt)" in report
    review = await sup.say(f"/kiemtra_xet {b.id}")
    assert (
        "📋 Hộ xác nhận 1/2 thủ tục: Đăng ký khai sinh · không xác nhận: Đăng ký tạm trú" in review
    )
    await sup.say("/huy")
    await sup.say("/xuat tudau")
    rows = {r[4]: r for r in _sheet_rows(sup)}
    assert rows["Hộ B"][8] == "Sai thông tin"
    assert rows["Hộ B"][9] == (
        "thủ tục · 📋 Hộ xác nhận 1/2 thủ tục: Đăng ký khai sinh · không xác nhận: Đăng ký tạm trú"
    )
    assert rows["Hộ A"][8:10] == [
        "Đã xác nhận",
        "📋 Hộ xác nhận 2/2 thủ tục: Đăng ký khai sinh; Đăng ký thường trú",
    ]
    assert rows["Hộ C"][8:10] == ["Đã xác nhận", None]


async def _skip_to(sup: Chat, clock: FixedClock, out: str, name: str) -> str:
    """Skip cards ("⏭ Để sau" sends one to the back of the queue) until `name`'s."""
    for _ in range(10):
        if f"Chủ hộ: {name}\n" in _card(out):
            return out
        clock.set(clock.now() + timedelta(minutes=1))
        out = await sup.press("Để sau")
    raise AssertionError(f"no card for {name}")


async def test_details_false_procedure_on_several_asks_which_were_confirmed(
    runtime: Runtime, clock: FixedClock
) -> None:
    await seed(runtime)
    sup = Chat(runtime, "sup")
    out = await _skip_to(sup, clock, await sup.say("/kiemtra L364 100%"), "Hộ B")
    await sup.press("Sai thông tin")
    out = await sup.press("Thủ tục")
    assert TICKS in out
    # From "the procedure is wrong", nothing is ticked until the caller says so.
    assert [o.label for o in sup.last[-1].options][:3] == [
        "⬜ Đăng ký khai sinh",
        "⬜ Đăng ký tạm trú",
        "⚠️ Ghi kết quả: hộ chỉ xác nhận 0/2 thủ tục",
    ]
    await sup.press("Đăng ký khai sinh")
    out = await sup.press("Ghi kết quả")
    assert "📋 Hộ xác nhận 1/2 thủ tục: Đăng ký khai sinh · không xác nhận: Đăng ký tạm trú" in out
    b = (await _checks(runtime))["Hộ B"]
    assert b.answer == {
        "procedures": ["KS", "TAMTRU"],
        "confirmed": ["KS"],
        "by": {"KS": [b.officer_id], "TAMTRU": [b.officer_id]},
    }


async def test_a_denied_procedure_fails_the_officer_who_logged_it(
    runtime: Runtime, clock: FixedClock
) -> None:
    """Hộ C's second procedure was logged by another officer of the hamlet: when the household
    denies it, that officer answers for it, not whoever's entry was drawn."""
    seeded = await seed(runtime)
    second = await make_user(runtime, external_id="l364b", hamlet="L364", name="Cán Bộ Thứ Hai")
    async with runtime.services.sessions() as session, session.begin():
        c = await session.scalar(select(Entry).join(Household).where(Household.head_name == "Hộ C"))
        assert c is not None
        await add_to_household(
            session,
            household_id=c.household_id,
            officer=second,
            now=clock.now(),
            data=HouseholdInput(
                name="",
                address="",
                phone="",
                procedure_codes=("TAMTRU",),
                dossier_code="",
                guided_on=date(2026, 4, 14),
            ),
        )
    sup = Chat(runtime, "sup")
    await _skip_to(sup, clock, await sup.say("/kiemtra L364 100%"), "Hộ C")
    check = (await _checks(runtime))["Hộ C"]
    drawn_officer = check.officer_id
    other = second.id if drawn_officer == seeded.l364.id else seeded.l364.id
    # The household confirms what the drawn entry's officer logged, and denies the other's.
    own = "Đăng ký khai sinh" if drawn_officer == seeded.l364.id else "Đăng ký tạm trú"
    await sup.press("Sai thông tin")
    await sup.press("Thủ tục")
    await sup.press(own)
    await sup.press("Ghi kết quả")

    async with runtime.services.sessions() as session:
        figures = await verification(
            session, campaign_id=check.campaign_id, rule=fail_rule(runtime.settings)
        )
    officers = {t.key: t for t in figures.officers}
    check = (await _checks(runtime))["Hộ C"]
    assert officers[other].failed_checks == [check.id] and not officers[other].eligible
    assert check.id not in officers[drawn_officer].failed_checks
    assert officers[drawn_officer].confirmed >= 1 and officers[drawn_officer].failed == 0
    hamlet = figures.hamlet(check.hamlet_id)
    assert hamlet is not None and hamlet.failed_checks == [check.id]  # the hamlet still fails
    report = await sup.say("/baocao L364")
    name = "Cán Bộ Thứ Hai" if other == second.id else "Cán Bộ Ba Sáu Tư"
    assert f"cán bộ {name} – L364 (1 hộ kiểm tra không đạt)" in report


# ------------------------------------------------------- date tolerance, notes (item 5)


async def test_a_date_within_the_tolerance_is_recorded_not_failed(runtime: Runtime) -> None:
    await seed(runtime)
    sup = Chat(runtime, "sup")
    out = await sup.say("/kiemtra L365 100%")
    first = _card(out)
    await sup.press("Sai thông tin")
    # A note typed in the "which detail" sub-menu is kept (it used to be refused and lost).
    out = await sup.say("Hộ nhớ là đầu tháng 4")
    assert "📝 Đã ghi chú" in out and "Thông tin nào không đúng với lời hộ?" in out
    assert "📝 Ghi chú: Hộ nhớ là đầu tháng 4" in out
    out = await sup.press("Ngày hướng dẫn")
    assert "Lệch bao nhiêu ngày?" in out and "📝 Ghi chú: Hộ nhớ là đầu tháng 4" in out
    await sup.say("con gái nghe máy")  # and one typed on the "how far off" question
    out = await sup.press("Lệch không quá 7 ngày")
    assert "⚠️ Sai thông tin (ngày hướng dẫn (lệch không quá 7 ngày))" in out
    assert "ℹ️ Trong mức cho phép: ghi lại, không tính là không đạt." in out

    first_name = "Hộ D" if "Chủ hộ: Hộ D\n" in first else "Hộ E"
    second_name = "Hộ E" if first_name == "Hộ D" else "Hộ D"
    checks = await _checks(runtime)
    assert checks[first_name].detail == "date<=7"
    assert checks[first_name].note == "Hộ nhớ là đầu tháng 4; con gái nghe máy"
    report = await sup.say("/baocao L365")
    assert "• Đã gọi xong 1 hộ: ✅ 1 xác nhận · ❌ 0 không đạt" in report
    assert "Không đủ điều kiện" not in report
    # Nothing to review: it did not fail.
    assert "Không có trường hợp kiểm tra không đạt" in await sup.say("/kiemtra_xet")

    # More than the tolerance fails it.
    out = await sup.say("/kiemtra")
    out = await sup.press("Gọi tiếp")
    assert f"Chủ hộ: {second_name}\n" in _card(out)
    await sup.press("Sai thông tin")
    await sup.press("Ngày hướng dẫn")
    out = await sup.press("Lệch hơn 7 ngày")
    assert "⚠️ Sai thông tin (ngày hướng dẫn (lệch hơn 7 ngày))" in out
    assert "Trong mức cho phép" not in out
    report = await sup.say("/baocao L365")
    assert "• Đã gọi xong 2 hộ: ✅ 1 xác nhận · ❌ 1 không đạt" in report
    assert "🚫 Không đủ điều kiện khen thưởng: Ấp Ba Sáu Lăm (1 hộ kiểm tra không đạt)" in report

    await sup.say("/xuat tudau")
    rows = {r[4]: r for r in _sheet_rows(sup)}
    assert rows[first_name][9] == "ngày hướng dẫn (lệch không quá 7 ngày)"
    assert rows[first_name][13] == "Hộ nhớ là đầu tháng 4; con gái nghe máy"
    assert rows[second_name][9] == "ngày hướng dẫn (lệch hơn 7 ngày)"


async def test_no_tolerance_and_a_person_that_may_drift(configured: Make) -> None:
    rt = await configured(date_tolerance_days=0, must_match=["procedure", "date"])
    await seed(rt)
    sup = Chat(rt, "sup")
    await sup.say("/kiemtra L365 100%")
    await sup.press("Sai thông tin")
    out = await sup.press("Ngày hướng dẫn")  # no days to ask about: recorded at once
    assert "⚠️ Sai thông tin (ngày hướng dẫn)" in out and "Lệch bao nhiêu" not in out
    await sup.press("Sai thông tin")
    out = await sup.press("Người được hướng dẫn")
    assert "ℹ️ Trong mức cho phép" in out  # "person" is not a detail that must match
    report = await sup.say("/baocao L365")
    assert "• Đã gọi xong 2 hộ: ✅ 1 xác nhận · ❌ 1 không đạt" in report
    help_text = await sup.say("/help")
    assert "⚠️ sai thông tin: không đạt nếu sai thủ tục, ngày hướng dẫn" in help_text
    assert "☎️ sai số điện thoại: báo cáo riêng, không tính là không đạt" in help_text
    assert "lệch không quá" not in help_text


# ------------------------------------------------------------------------ wrong number


async def test_a_wrong_number_is_its_own_figure_and_fails_by_default(runtime: Runtime) -> None:
    await seed(runtime)
    sup = Chat(runtime, "sup")
    await sup.say("/kiemtra L366 100%")  # one household
    out = await sup.press("Sai số điện thoại")
    assert "☎️ Sai số điện thoại" in out
    report = await sup.say("/baocao")
    assert (
        "• Đã gọi xong 1 hộ: ✅ 0 xác nhận · ❌ 0 không đạt · ☎️ 1 sai số điện thoại · 📵 0 "
        "không xác minh được · ⏳ 1 chưa xem xét · tỷ lệ đạt 0,0%"
    ) in report
    assert (
        "• Ấp Ba Sáu Sáu (L366): 1 hộ · ✅ 0 · ❌ 0 · ☎️ 1 · 📵 0 · ⏳ 1 chưa xem xét · đạt 0,0%"
    ) in report
    assert (
        "🚫 Không đủ điều kiện khen thưởng: Ấp Ba Sáu Sáu (1 hộ kiểm tra không đạt, gồm 1 "
        "sai số điện thoại)"
    ) in report
    help_text = await sup.say("/help")
    assert "☎️ sai số điện thoại: không đạt (số điện thoại cán bộ ghi sai" in help_text
    assert "📅 ngày hướng dẫn hộ nhớ lệch không quá 7 ngày: chỉ được ghi lại" in help_text
    await sup.say("/xuat tudau")
    rows = _sheet_rows(sup)
    assert [r[8] for r in rows] == ["Sai số điện thoại"]
    check = (await _checks(runtime))["Hộ F"]
    assert [c.id for c in await _review_list(runtime, sup)] == [check.id]


async def _review_list(runtime: Runtime, sup: Chat) -> list[Check]:
    out = await sup.say("/kiemtra_xet")
    await sup.say("/huy")
    checks = await _checks(runtime)
    return [c for c in checks.values() if f"#{c.id} " in out]


async def test_the_submission_names_wrong_numbers(configured: Make) -> None:
    # Two failures needed: one wrong number leaves Ấp Nhỏ proposed, with a dossier.
    rt = await configured(failures=2)
    await seed(rt)
    sup = Chat(rt, "sup")
    await sup.say("/kiemtra NHO 1")
    assert "Đợt #1 đã gọi xong" in await sup.press("Sai số điện thoại")
    await sup.say("/khenthuong nay")
    await sup.say(str(_option(sup, "Hồ sơ Ấp Nhỏ")))
    text = _docx_text(sup, "-to-trinh.docx")
    assert (
        "0/1 hộ xác nhận đã được hướng dẫn đúng như ghi nhận; còn 1 trường hợp không đạt "
        "chưa được giải quyết; trong đó 1 hộ sai số điện thoại."
    ) in text
    assert "chưa liên lạc được" not in text
    assert "– Sai số điện thoại (tính là không đạt, chưa giải quyết) | 1" in text
    assert "– Không liên lạc được | 0" in text
    minutes = _docx_text(sup, "-bien-ban.docx")
    assert "trong đó 1 hộ sai số điện thoại" in minutes and "chưa liên lạc được" not in minutes
    await sup.say("/huy")

    # With the phone left out of what must match, it is recorded only, still on its own.
    lenient = await configured(must_match=["procedure", "date"])
    office = Chat(lenient, "sup")
    await office.say("/khenthuong nay")
    await office.say(str(_option(office, "Hồ sơ Ấp Nhỏ")))
    text = _docx_text(office, "-to-trinh.docx")
    assert (
        "0/1 hộ xác nhận đã được hướng dẫn đúng như ghi nhận; không còn trường hợp không "
        "đạt; 1 hộ sai số điện thoại (không tính là không đạt)."
    ) in text
    assert "– Sai số điện thoại (không tính là không đạt) | 1" in text


# ---------------------------------------------------------- a deleted sampled entry (5)


async def test_a_deleted_entry_answered_yes_is_marked_where_it_is_listed(
    runtime: Runtime, clock: FixedClock
) -> None:
    s = await seed(runtime)
    sup = Chat(runtime, "sup")
    await sup.say("/kiemtra BNA 100%")
    await sup.press("Dừng")
    h1 = (await _checks(runtime))["Nguyễn Văn Một"]  # two entries: the other one stays
    async with runtime.services.sessions() as session, session.begin():
        entry = await session.get(Entry, h1.entry_id)
        actor = await session.get(User, s.bna_active.id)
        assert entry is not None and actor is not None
        await session.refresh(entry, ["procedures", "household"])
        await soft_delete_entry(
            session, entry=entry, reason="nhập nhầm", actor=actor, now=runtime.services.clock.now()
        )
    out = await sup.say("/kiemtra")
    out = await _skip_to(sup, clock, await sup.press("Gọi tiếp"), "Nguyễn Văn Một")
    out = await sup.press("Đúng, đã được hướng dẫn")
    if TICKS in out:
        out = await sup.press("Ghi kết quả")
    await sup.press("Dừng")
    h1 = (await _checks(runtime))["Nguyễn Văn Một"]
    assert h1.outcome == Outcome.CONFIRMED and h1.entry_deleted_at is not None

    await sup.say("/xuat tudau")
    row = next(r for r in _sheet_rows(sup) if r[4] == "Nguyễn Văn Một")
    assert row[8] == "Đã xác nhận – lượt bị xóa sau khi rút mẫu, tính là không đạt"

    await sup.say("/khenthuong nay")
    households = {r[4]: r for r in _sheet_rows(sup, "Hộ đã hướng dẫn")}
    assert (
        households["Nguyễn Văn Một"][-1]
        == "Đã xác nhận – lượt bị xóa sau khi rút mẫu, tính là không đạt"
    )
    checks_sheet = {r[4]: r for r in _sheet_rows(sup, "Kiểm tra")}
    assert checks_sheet["Nguyễn Văn Một"][8].endswith("tính là không đạt")
