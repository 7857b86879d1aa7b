"""Periods of a campaign over several years (issue 23, item 2): /baocao and /xuat read a
period named with its year ("năm 2027", "quý 1/2027", "t3/2027", "6 tháng đầu năm 2027"),
accented or not, clamped to the campaign, refused outside it; labels never call a
five-year span a year; a one-year campaign reads and names its periods as before."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.clock import FixedClock
from bot.config import Settings, parse_settings
from bot.notify import Notifier
from bot.runtime import Runtime
from handlers.render.report_text import period_name
from handlers.reports.scope import period_word
from models.people import Role
from models.periods import KINDS, Period, PeriodError, resolve
from models.rules import CampaignConfig
from models.text import fold
from tests.support.campaign import LONG_AGO, make_user, raw_config
from tests.support.chat import Chat
from tests.support.notify import Recorder

PHASE = CampaignConfig(code="tp", name="n", unit="", start=date(2026, 1, 1), end=date(2030, 12, 31))
ONE_YEAR = CampaignConfig(
    code="kh", name="n", unit="", start=date(2026, 1, 1), end=date(2026, 12, 31)
)
# Starts and ends mid-year: periods at either end are clamped.
CLAMPED = CampaignConfig(code="c", name="n", unit="", start=date(2026, 3, 1), end=date(2030, 6, 30))
TODAY = date(2027, 4, 15)  # a Thursday in the phase's second year
# 10:00 in Vietnam on 15/04/2027.
NOW_2027 = datetime(2027, 4, 15, 3, 0, tzinfo=UTC)


def typed(text: str, campaign: CampaignConfig = PHASE, today: date = TODAY) -> Period:
    """What `/baocao <text>` reads as its period (the words folded and run together, as
    `handlers.reports.scope.parse_request` does)."""
    kind = period_word("".join(fold(word) for word in text.split()))
    assert kind is not None, text
    return resolve(kind, campaign, today)


def span(period: Period) -> tuple[date, date]:
    return period.start, period.end


YEAR_2027 = (date(2027, 1, 1), date(2027, 12, 31))
Q1_2027 = (date(2027, 1, 1), date(2027, 3, 31))
MARCH_2027 = (date(2027, 3, 1), date(2027, 3, 31))
H1_2027 = (date(2027, 1, 1), date(2027, 6, 30))
SO_FAR = (date(2026, 1, 1), TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("năm 2027", YEAR_2027),
        ("nam 2027", YEAR_2027),
        ("Năm 2027", YEAR_2027),
        ("2027", YEAR_2027),
        ("năm", YEAR_2027),  # the current calendar year, never the five years
        ("nam 2029", (date(2029, 1, 1), date(2029, 12, 31))),
        ("quý 1/2027", Q1_2027),
        ("quy 1/2027", Q1_2027),
        ("q1/2027", Q1_2027),
        ("Q1/2027", Q1_2027),
        ("quý I/2027", Q1_2027),
        ("quý 1 năm 2027", Q1_2027),
        ("q1", Q1_2027),  # without a year: this year's quarter
        ("quý 1", Q1_2027),
        ("quy4/2028", (date(2028, 10, 1), date(2028, 12, 31))),
        ("tháng 3/2027", MARCH_2027),
        ("thang 3/2027", MARCH_2027),
        ("t3/2027", MARCH_2027),
        ("tháng 03/2027", MARCH_2027),
        ("tháng 3 năm 2027", MARCH_2027),
        ("tháng 3", MARCH_2027),
        ("tháng 2/2028", (date(2028, 2, 1), date(2028, 2, 29))),
        ("6 tháng đầu năm 2027", H1_2027),
        ("6 thang dau nam 2027", H1_2027),
        ("6 tháng cuối năm 2027", (date(2027, 7, 1), date(2027, 12, 31))),
        ("6 thang cuoi nam 2028", (date(2028, 7, 1), date(2028, 12, 31))),
        ("sơ kết", H1_2027),  # the year's 6-month review
        ("từ đầu giai đoạn", SO_FAR),
        ("tu dau giai doan", SO_FAR),
        ("từ đầu phong trào", SO_FAR),
        ("tu dau phong trao", SO_FAR),
        ("từ đầu", SO_FAR),
        ("giai đoạn", (date(2026, 1, 1), date(2030, 12, 31))),
        ("tuần trước", (date(2027, 4, 5), date(2027, 4, 11))),
        ("quý trước", Q1_2027),
    ],
)
def test_typed_periods_across_years(text: str, expected: tuple[date, date]) -> None:
    assert span(typed(text)) == expected


def test_t3_alone_is_not_march() -> None:
    # "t3" is how officers write "tổ 3" (models/duplicates.py): only "t3/2027" is a month.
    assert period_word("t3") is None
    assert period_word(fold("tháng 13/2027").replace(" ", "")) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("năm 2026", (date(2026, 3, 1), date(2026, 12, 31))),
        ("quý 1/2026", (date(2026, 3, 1), date(2026, 3, 31))),
        ("năm 2030", (date(2030, 1, 1), date(2030, 6, 30))),
        ("6 tháng đầu năm 2030", (date(2030, 1, 1), date(2030, 6, 30))),
        ("giai đoạn", (date(2026, 3, 1), date(2030, 6, 30))),
    ],
)
def test_periods_are_clamped_to_the_campaign(text: str, expected: tuple[date, date]) -> None:
    assert span(typed(text, CLAMPED)) == expected


@pytest.mark.parametrize(
    "text",
    ["năm 2031", "nam 2025", "quý 4/2030", "tháng 2/2026", "6 tháng cuối năm 2030", "t1/2031"],
)
def test_periods_outside_the_campaign_are_refused(text: str) -> None:
    with pytest.raises(PeriodError):
        typed(text, CLAMPED)


def test_after_the_phase_a_year_less_period_is_its_last_year() -> None:
    late = date(2031, 2, 1)
    assert span(typed("năm", PHASE, late)) == (date(2030, 1, 1), date(2030, 12, 31))
    assert span(typed("q1", PHASE, late)) == (date(2030, 1, 1), date(2030, 3, 31))


def test_a_one_year_campaign_reads_its_periods_as_before() -> None:
    today = date(2026, 4, 15)
    for text, kind, expected in [
        ("q1", "q1", (date(2026, 1, 1), date(2026, 3, 31))),
        ("quy3", "q3", (date(2026, 7, 1), date(2026, 9, 30))),
        ("sơ kết", "half", (date(2026, 1, 1), date(2026, 6, 30))),
        ("năm", "year", (date(2026, 1, 1), date(2026, 12, 31))),
        ("tổng kết", "year", (date(2026, 1, 1), date(2026, 12, 31))),
        ("giai đoạn", "year", (date(2026, 1, 1), date(2026, 12, 31))),
        ("từ đầu", "since_start", (date(2026, 1, 1), today)),
        ("năm 2026", "year:2026", (date(2026, 1, 1), date(2026, 12, 31))),
        ("quý 2/2026", "q2:2026", (date(2026, 4, 1), date(2026, 6, 30))),
    ]:
        period = typed(text, ONE_YEAR, today)
        assert (period.kind, span(period)) == (kind, expected), text
    for text in ("năm 2027", "quý 1/2027", "t1/2027"):
        with pytest.raises(PeriodError):
            typed(text, ONE_YEAR, today)
    assert [
        period_name("vi", resolve(k, ONE_YEAR, today)) for k in ("since_start", "q1", "year")
    ] == [
        "Từ đầu phong trào",
        "Quý I",
        "Tổng kết năm",
    ]


def test_labels_of_a_phase() -> None:
    def name(kind: str, lang: str = "vi") -> str:
        return period_name(lang, resolve(kind, PHASE, TODAY))

    assert name("since_start") == "Từ đầu giai đoạn đến nay"
    assert name("phase") == "Giai đoạn 2026–2030"
    assert name("year") == name("year:2027") == "Năm 2027"
    assert name("q1") == name("q1:2027") == "Quý 1/2027"
    assert name("month:2027-03") == "Tháng 3/2027"
    assert name("h1:2027") == name("half") == "6 tháng đầu năm 2027"
    assert name("h2:2028") == "6 tháng cuối năm 2028"
    assert name("year2028") == "Từ 01/01/2028 đến 31/12/2028"  # an award round's code
    assert (name("since_start", "en"), name("phase", "en"), name("q1", "en")) == (
        "Since the start of the phase",
        "Phase 2026–2030",
        "Q1 2027",
    )
    # Whatever is asked, a span over several years is never called a year ("năm").
    for kind in KINDS[:-1]:
        for today in (date(2026, 5, 1), TODAY, date(2030, 12, 31)):
            period = resolve(kind, PHASE, today)
            if period.start.year != period.end.year or kind in ("since_start", "phase"):
                assert "nam" not in fold(period_name("vi", period)), (kind, today)


# --- through the chat: /baocao, /xuat and the weekly summary ------------------------------


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    raw = raw_config(tmp_path, database={"url": database_url})
    raw["campaign"] |= {"code": "tp-2026-2030", "end": date(2030, 12, 31)}
    return parse_settings(raw, tmp_path)


async def _log(runtime: Runtime, clock: FixedClock, when: datetime, line: str) -> None:
    clock.set(when)
    assert "Đã lưu hộ" in await Chat(runtime, "bna1").say(line)


@pytest.fixture
async def supervisor(runtime: Runtime, clock: FixedClock) -> Chat:
    """An officer of BNA guided one household in June 2026 and one in April 2027; today is
    15/04/2027."""
    await make_user(runtime, external_id="bna1", name="Cán Bộ Một", joined=LONG_AGO)
    await make_user(runtime, external_id="sup", role=Role.SUPERVISOR, hamlet=None, joined=LONG_AGO)
    await _log(
        runtime, clock, datetime(2026, 6, 10, 3, 0, tzinfo=UTC), "Lê Văn Một; Tổ 1; 0912 300 001; 1"
    )
    await _log(
        runtime, clock, datetime(2027, 4, 14, 3, 0, tzinfo=UTC), "Lê Văn Hai; Tổ 2; 0912 300 002; 1"
    )
    clock.set(NOW_2027)
    return Chat(runtime, "sup")


def _period_line(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("🗓"))


async def test_baocao_reads_periods_across_years(supervisor: Chat) -> None:
    for text, line in [
        ("", "🗓 Từ đầu giai đoạn đến nay (01/01/2026 – 15/04/2027)"),
        ("từ đầu giai đoạn", "🗓 Từ đầu giai đoạn đến nay (01/01/2026 – 15/04/2027)"),
        ("tu dau phong trao", "🗓 Từ đầu giai đoạn đến nay (01/01/2026 – 15/04/2027)"),
        ("giai đoạn", "🗓 Giai đoạn 2026–2030 (01/01/2026 – 31/12/2030)"),
        ("năm 2027", "🗓 Năm 2027 (01/01/2027 – 31/12/2027)"),
        ("nam 2026", "🗓 Năm 2026 (01/01/2026 – 31/12/2026)"),
        ("năm", "🗓 Năm 2027 (01/01/2027 – 31/12/2027)"),
        ("quý 1/2027", "🗓 Quý 1/2027 (01/01/2027 – 31/03/2027)"),
        ("q1", "🗓 Quý 1/2027 (01/01/2027 – 31/03/2027)"),
        ("t3/2027", "🗓 Tháng 3/2027 (01/03/2027 – 31/03/2027)"),
        ("thang 6/2026", "🗓 Tháng 6/2026 (01/06/2026 – 30/06/2026)"),
        ("6 tháng đầu năm 2027", "🗓 6 tháng đầu năm 2027 (01/01/2027 – 30/06/2027)"),
    ]:
        out = await supervisor.say(f"/baocao {text}".strip())
        assert _period_line(out) == line, text
        assert "Tổng kết năm" not in out
    # Each year counts its own households: one in 2026, one in 2027, both since the start.
    assert "Trong kỳ: 1 hộ mới" in await supervisor.say("/baocao năm 2026 BNA")
    assert "Trong kỳ: 1 hộ mới" in await supervisor.say("/baocao nam 2027 BNA")
    assert "Trong kỳ: 0 hộ mới" in await supervisor.say("/baocao quý 1/2027 BNA")
    assert "Trong kỳ: 2 hộ mới" in await supervisor.say("/baocao từ đầu giai đoạn BNA")
    outside = "Khoảng ngày nằm ngoài thời gian phong trào (01/01/2026 – 31/12/2030)"
    assert outside in await supervisor.say("/baocao năm 2031")
    assert outside in await supervisor.say("/baocao quý 4/2025")


async def test_baocao_buttons_name_the_years(supervisor: Chat) -> None:
    await supervisor.say("/baocao")
    labels = [o.label for o in supervisor.last[-1].options]
    for label in ("Từ đầu giai đoạn đến nay", "6 tháng đầu năm 2027", "Năm 2027", "Năm 2026"):
        assert label in labels
    assert "Giai đoạn 2026–2030" in labels
    assert not any("Tổng kết năm" in label for label in labels)
    out = await supervisor.press("Năm 2026")
    assert _period_line(out) == "🗓 Năm 2026 (01/01/2026 – 31/12/2026)"
    out = await supervisor.press("Giai đoạn 2026–2030")
    assert _period_line(out) == "🗓 Giai đoạn 2026–2030 (01/01/2026 – 31/12/2030)"


async def test_xuat_reads_and_names_periods_across_years(supervisor: Chat) -> None:
    out = await supervisor.say("/xuat năm 2027")
    assert "📥 Bảng tính – Năm 2027: 5 ấp, 1 lượt ghi nhận" in out
    out = await supervisor.say("/xuat q1/2027")
    assert "📥 Bảng tính – Quý 1/2027: 5 ấp, 0 lượt ghi nhận" in out
    out = await supervisor.say("/xuat tu dau giai doan")
    assert "📥 Bảng tính – Từ đầu giai đoạn đến nay: 5 ấp, 2 lượt ghi nhận" in out
    assert "ngoài thời gian phong trào" in await supervisor.say("/xuat năm 2031")
    await supervisor.say("/xuat")
    out = await supervisor.press("Giai đoạn 2026–2030")
    assert "📥 Bảng tính – Giai đoạn 2026–2030: 5 ấp, 2 lượt ghi nhận" in out


async def test_the_weekly_summary_of_new_year_names_both_years(
    runtime: Runtime, clock: FixedClock
) -> None:
    await make_user(
        runtime,
        external_id="7001",
        role=Role.SUPERVISOR,
        hamlet=None,
        channel="telegram",
        joined=LONG_AGO,
    )
    clock.set(datetime(2027, 1, 4, 1, 0, tzinfo=UTC))  # Monday 04/01/2027 08:00
    rec = Recorder()
    assert await Notifier(runtime.services, "telegram", rec).run_weekly() == 1
    (text,) = rec.to("7001")
    assert text.splitlines()[0] == "📬 Tóm tắt tuần 28/12/2026 – 03/01/2027"
