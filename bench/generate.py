"""A realistic synthetic campaign at a chosen scale, written fast into SQLite or PostgreSQL.

`python -m bench.generate --households 100000 --url sqlite+aiosqlite:///bench/results/x.sqlite3`

What it builds (seeded: the same options give the same data):

- communes (the hamlets' `unit`: "Xã Tân Hiệp", "Phường Vĩnh Lạc", "Đặc khu Kiên Hải"…) of
  `--hamlets-per-commune` hamlets each ("Ấp Tân Lợi", "Ấp 3", "Khu phố 2"), with unique
  codes; a hamlet has 150–900 households (log-normal, median 360, so about half are
  "large" (≥ 365: 1 procedure for the special prize) and half small (2 procedures));
- by "today" (Thursday 15/10/2026, 10:00 in Vietnam) each hamlet has guided 30–100% of its
  households (about one in ten already past 95%); hamlets are added until the guided
  households add up to exactly `--households`;
- per hamlet a hamlet head and 1–3 officers, per commune 1–3 supervisors, 3 more for the
  province and an admin, each with a Telegram identity (some also linked on Zalo, a few
  inactive, muted or blocked);
- households: Vietnamese names (common surnames weighted as in the population, NFC,
  some with the old tone placement "Hoà"), "Tổ 3, Ấp Tân Lợi"-style addresses, unique valid
  mobile numbers (E.164, prefixes weighted by carrier; a sample is checked with
  `phonenumbers` and `models.phones.parse_phone`), about 1% sharing a relative's phone;
- entries: 1–3 procedures of the catalog (weighted: birth and residence registration most),
  guided on working days over the campaign up to today (fewer at weekends and at Tết),
  recorded the same day or a few days later; second visits for other procedures (about a
  third of the households of small hamlets, which need two for the special prize, 8% of
  large ones); duplicates entered by mistake (1.2%: the same person again, by phone or by
  name and address, about half of them caught and soft-deleted); wrong entries deleted and
  entered again (0.8%); dossier codes on about half of them.

Rows get explicit ids in the order they were recorded (entries of every hamlet interleave
through the year, as in production, so one commune's rows are spread over the whole table),
and are written with SQLAlchemy Core executemany in batches (`--batch`) inside one
transaction per batch; PostgreSQL's sequences are moved past the ids and the tables
analyzed afterwards (autovacuum would), SQLite is left unanalyzed (the bot never runs
ANALYZE). The campaign, hamlets and procedures come from the written config through the
bot's own `sync_from_config`; afterwards the config is loaded again, synced (nothing may
change) and `build_report` must count exactly the guided households planned.
No audit rows are written (the bot's own writes would add one per row; reports never read
them).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib
import json
import math
import random
import time
from bisect import bisect
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import phonenumbers
from sqlalchemy import Table, func, select, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import create_async_engine

from bot.clock import FixedClock
from bot.config import load_settings
from bot.db import create_engine, upgrade
from bot.runtime import build_runtime, sync_from_config
from models.campaign import Campaign, Hamlet, Procedure
from models.households import Entry, Household, entry_procedure
from models.people import Identity, Role, User
from models.periods import resolve
from models.phones import parse_phone
from models.reports import active_hamlets, build_report
from models.text import clean, fold

VERSION = 2  # bump when the generated data changes, so cached datasets are rebuilt
ROOT = Path(__file__).resolve().parent.parent
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# 10:00 in Vietnam on Thursday 15/10/2026 (as bench.report_speed): last week's summary is due.
NOW = datetime(2026, 10, 15, 3, 0, tzinfo=UTC)
TODAY = NOW.astimezone(TZ).date()
CAMPAIGN_START = date(2026, 1, 1)
CAMPAIGN_END = date(2026, 12, 31)
CAMPAIGN_CODE = "scale-2026"
PROVINCE = "Tỉnh An Giang"
TET = (date(2026, 2, 14), date(2026, 2, 22))  # Tết Bính Ngọ: hardly anyone is guided
LARGE_HAMLET = 365  # the config's default large_hamlet_households

# --- vocabulary ---------------------------------------------------------------------------

PROCEDURES: tuple[tuple[str, str, float], ...] = (  # code, name, how often it is guided
    ("KS", "Đăng ký khai sinh", 14),
    ("TTRU", "Đăng ký thường trú", 12),
    ("TAMTRU", "Đăng ký tạm trú", 10),
    ("LUUTRU", "Thông báo lưu trú", 6),
    ("LLTP", "Cấp phiếu lý lịch tư pháp", 9),
    ("KH", "Đăng ký kết hôn", 4),
    ("TTHN", "Cấp giấy xác nhận tình trạng hôn nhân", 6),
    ("KT", "Đăng ký khai tử", 3),
    ("TLHT", "Cấp bản sao trích lục hộ tịch", 5),
    ("LTKS", "Liên thông khai sinh – thường trú – cấp thẻ BHYT cho trẻ dưới 6 tuổi", 7),
    ("GPLX", "Cấp đổi giấy phép lái xe", 6),
    ("PHATGT", "Nộp phạt vi phạm hành chính giao thông", 5),
    ("BHYT", "Gia hạn thẻ bảo hiểm y tế hộ gia đình", 13),
)

SURNAMES: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 31),
    ("Trần", 11),
    ("Lê", 9.5),
    ("Phạm", 7),
    ("Huỳnh", 5),
    ("Phan", 4.5),
    ("Võ", 4),
    ("Hoàng", 3),
    ("Đặng", 2.1),
    ("Bùi", 2),
    ("Vũ", 1.5),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Trương", 1.2),
    ("Dương", 1),
    ("Danh", 1),
    ("Lý", 0.8),
    ("Lâm", 0.8),
    ("Đinh", 0.6),
    ("Thạch", 0.6),
    ("Mai", 0.5),
    ("Châu", 0.5),
    ("Thái", 0.4),
    ("Tô", 0.3),
    ("Quách", 0.3),
    ("La", 0.2),
    ("Kim", 0.3),
)
MALE_MIDDLE: tuple[tuple[str, float], ...] = (
    ("Văn", 50),
    ("Hữu", 6),
    ("Minh", 7),
    ("Quốc", 5),
    ("Thanh", 6),
    ("Đức", 4),
    ("Công", 3),
    ("Ngọc", 3),
    ("Hoàng", 3),
    ("Tấn", 4),
    ("Phước", 2),
    ("Thành", 3),
    ("Văn Út", 1),
)
FEMALE_MIDDLE: tuple[tuple[str, float], ...] = (
    ("Thị", 55),
    ("Ngọc", 6),
    ("Thị Kim", 6),
    ("Thị Thu", 5),
    ("Thị Ngọc", 5),
    ("Thị Mỹ", 4),
    ("Kim", 3),
    ("Thanh", 3),
    ("Bích", 2),
    ("Thị Hồng", 3),
)
MALE_GIVEN = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Hải",
    "Hùng",
    "Hưng",
    "Khánh",
    "Lâm",
    "Long",
    "Lộc",
    "Minh",
    "Nam",
    "Nghĩa",
    "Phát",
    "Phong",
    "Phúc",
    "Quang",
    "Sang",
    "Sơn",
    "Tài",
    "Tâm",
    "Thắng",
    "Thành",
    "Thịnh",
    "Toàn",
    "Trung",
    "Tuấn",
    "Việt",
    "Vinh",
    "Vũ",
    "Hiếu",
    "Hòa",
    "Hoà",
    "Tùng",
    "Kiệt",
    "Lợi",
    "Nhân",
    "Tín",
    "Trí",
    "Út",
    "Tư",
    "Bảy",
    "Sáu",
    "Mười",
    "Hậu",
    "Đức",
    "Khoa",
    "Thuận",
    "Quý",
    "Chiến",
    "Tới",
    "Rắt",
    "Sóc",
)
FEMALE_GIVEN = (
    "Anh",
    "Bích",
    "Châu",
    "Cúc",
    "Dung",
    "Diệu",
    "Hà",
    "Hạnh",
    "Hằng",
    "Hoa",
    "Hồng",
    "Hương",
    "Lan",
    "Liên",
    "Linh",
    "Loan",
    "Mai",
    "My",
    "Nga",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phượng",
    "Quyên",
    "Sương",
    "Thảo",
    "Thủy",
    "Thuỷ",
    "Trang",
    "Trinh",
    "Tuyết",
    "Uyên",
    "Vân",
    "Xuân",
    "Yến",
    "Lệ",
    "Huệ",
    "Cẩm",
    "Hòa",
    "Út",
    "Đào",
    "Gấm",
    "Lài",
    "Sen",
    "Thơ",
    "Thắm",
    "Tươi",
    "Bé",
)
# Syllables of commune and hamlet names (Mekong delta style).
PLACE_FIRST = (
    "Tân",
    "Vĩnh",
    "Bình",
    "Long",
    "Mỹ",
    "Phú",
    "An",
    "Hòa",
    "Thạnh",
    "Định",
    "Thới",
    "Châu",
    "Hưng",
    "Phước",
    "Thuận",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Kiên",
    "Hòn",
    "Giồng",
    "Minh",
    "Thổ",
)
PLACE_SECOND = (
    "Hiệp",
    "Thạnh",
    "Hòa",
    "Lợi",
    "Phú",
    "An",
    "Bình",
    "Hưng",
    "Điền",
    "Thuận",
    "Mỹ",
    "Lộc",
    "Tiến",
    "Phước",
    "Xuân",
    "Khánh",
    "Hội",
    "Lạc",
    "Quới",
    "Sơn",
    "Đất",
    "Châu",
)
SPECIAL_ZONES = ("Đặc khu Kiên Hải", "Đặc khu Phú Quốc")

# Mobile prefixes in use (Viettel, Vinaphone, MobiFone, Vietnamobile, Gmobile, Itel) and
# roughly how many subscribers each has; 052/055/089/099 left out (not all valid).
PHONE_PREFIXES: tuple[tuple[str, float], ...] = (
    ("32", 6),
    ("33", 6),
    ("34", 6),
    ("35", 6),
    ("36", 6),
    ("37", 6),
    ("38", 6),
    ("39", 6),
    ("86", 4),
    ("96", 6),
    ("97", 6),
    ("98", 6),  # Viettel
    ("81", 3),
    ("82", 3),
    ("83", 3),
    ("84", 3),
    ("85", 3),
    ("88", 3),
    ("91", 5),
    ("94", 5),
    ("70", 3),
    ("76", 3),
    ("77", 3),
    ("78", 3),
    ("79", 3),
    ("90", 5),
    ("93", 5),
    ("56", 1.5),
    ("58", 1.5),
    ("92", 2),
    ("59", 1),
    ("87", 0.5),
)
DELETE_REASONS = ("Ghi nhầm thủ tục", "Nhập sai, đã ghi lại", "Ghi nhầm ngày")
DUPLICATE_REASON = "Trùng với hộ đã ghi"
NOTES = (
    "Hướng dẫn tại nhà",
    "Hộ người cao tuổi, hướng dẫn con cháu cùng làm",
    "Hướng dẫn cài VNeID trước",
    "Hẹn quay lại nộp hồ sơ",
)


# --- the plan -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Params:
    households: int = 10_000  # households guided (live entries), all hamlets together
    hamlets_min: int = 10  # hamlets per commune, drawn between these
    hamlets_max: int = 15
    seed: int = 2026
    batch: int = 10_000  # rows per executemany / transaction


@dataclass
class HamletPlan:
    commune: int  # index into the communes
    code: str
    name: str
    unit: str
    total: int  # the hamlet's households (coverage's denominator)
    guided: int  # households guided by today
    id: int = 0
    head: int = 0  # user ids
    officers: list[int] = field(default_factory=list)


@dataclass
class Built:
    communes: int = 0
    hamlets: int = 0
    large_hamlets: int = 0
    users: int = 0
    supervisors: int = 0
    identities: int = 0
    households: int = 0  # household rows (guided + duplicate rows)
    guided: int = 0  # households with a live entry, as planned
    duplicates: int = 0  # household rows entered twice by mistake
    duplicates_deleted: int = 0  # ... of which the entry was caught and soft-deleted
    shared_phones: int = 0
    entries: int = 0
    deleted: int = 0  # soft-deleted entries (caught duplicates and wrong entries)
    second_visits: int = 0
    links: int = 0  # entry_procedure rows
    seconds: dict[str, float] = field(default_factory=dict)


def _weighted(items: Sequence[tuple[str, float]]) -> tuple[list[str], list[float]]:
    return [name for name, _w in items], list(accumulate(w for _name, w in items))


class Names:
    """Vietnamese person names, fast: weighted picks from precomputed cumulative weights."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.surnames = _weighted(SURNAMES)
        self.male_middle = _weighted(MALE_MIDDLE)
        self.female_middle = _weighted(FEMALE_MIDDLE)

    def _pick(self, table: tuple[list[str], list[float]]) -> str:
        names, cum = table
        return names[bisect(cum, self.rng.random() * cum[-1])]

    def person(self, male: bool | None = None) -> str:
        if male is None:
            male = self.rng.random() < 0.6  # household heads are more often men
        if male:
            return (
                f"{self._pick(self.surnames)} {self._pick(self.male_middle)} "
                f"{self.rng.choice(MALE_GIVEN)}"
            )
        return (
            f"{self._pick(self.surnames)} {self._pick(self.female_middle)} "
            f"{self.rng.choice(FEMALE_GIVEN)}"
        )


def _abbr(name: str) -> str:
    return "".join(word[0] for word in fold(name).upper().split())


def plan_geography(params: Params, rng: random.Random) -> tuple[list[str], list[HamletPlan]]:
    """Communes and hamlets until the guided households add up to `params.households`."""
    places = [f"{a} {b}" for a in PLACE_FIRST for b in PLACE_SECOND if a != b]
    rng.shuffle(places)
    communes: list[str] = []
    hamlets: list[HamletPlan] = []
    guided_sum = 0
    while guided_sum < params.households:
        number = len(communes)
        if number in (1, 8):
            unit = SPECIAL_ZONES[number > 1]
        else:
            place = places[number % len(places)]
            suffix = f" {number // len(places) + 1}" if number >= len(places) else ""
            unit = ("Phường " if rng.random() < 0.12 else "Xã ") + place + suffix
        communes.append(unit)
        ward = unit.startswith("Phường")
        numbered = ward or rng.random() < 0.4
        count = rng.randint(params.hamlets_min, params.hamlets_max)
        own_names = rng.sample([p for p in places if p not in unit], count)
        abbr = _abbr(unit.split(" ", 1)[1] if not unit.startswith("Đặc") else unit[8:])
        for k in range(1, count + 1):
            if guided_sum >= params.households:
                break
            if ward:
                name = f"Khu phố {k}"
            elif numbered:
                name = f"Ấp {k}"
            else:
                name = f"Ấp {own_names[k - 1]}"
            total = min(900, max(150, round(rng.lognormvariate(math.log(360), 0.4))))
            share = (
                rng.uniform(0.95, 1.0)
                if rng.random() < 0.1
                else min(1.0, max(0.3, rng.betavariate(5, 2.2)))
            )
            guided = min(total, max(1, round(total * share)), params.households - guided_sum)
            guided_sum += guided
            hamlets.append(
                HamletPlan(
                    commune=number,
                    code=f"{abbr}{number + 1:03d}{k:02d}",
                    name=name,
                    unit=unit,
                    total=total,
                    guided=guided,
                )
            )
    return communes, hamlets


# --- configuration --------------------------------------------------------------------------


def _toml_str(value: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes); keep Vietnamese readable.
    return json.dumps(value, ensure_ascii=False)


def config_toml(url: str, data_dir: Path, hamlets: Sequence[HamletPlan], params: Params) -> str:
    lines = [
        f"# Generated by python -m bench.generate --households {params.households} "
        f"--hamlets-per-commune {params.hamlets_min}-{params.hamlets_max} --seed {params.seed}",
        "# (synthetic data for benchmarks: not a real campaign)",
        'language = "vi"',
        'timezone = "Asia/Ho_Chi_Minh"',
        f"data_dir = {_toml_str(str(data_dir))}",
        "",
        "[database]",
        f"url = {_toml_str(url)}",
        "",
        "[campaign]",
        f"code = {_toml_str(CAMPAIGN_CODE)}",
        'name = "Mỗi ngày hướng dẫn 01 gia đình thực hiện dịch vụ công trực tuyến"',
        f"unit = {_toml_str(PROVINCE)}",
        f"start = {CAMPAIGN_START.isoformat()}",
        f"end = {CAMPAIGN_END.isoformat()}",
        "",
        "[telegram]",
        'token_env = "TELEGRAM_BOT_TOKEN"',
        "",
    ]
    for h in hamlets:
        lines += [
            "[[hamlets]]",
            f"code = {_toml_str(h.code)}",
            f"name = {_toml_str(h.name)}",
            f"unit = {_toml_str(h.unit)}",
            f"households = {h.total}",
            "",
        ]
    for code, name, _weight in PROCEDURES:
        lines += ["[[procedures]]", f"code = {_toml_str(code)}", f"name = {_toml_str(name)}", ""]
    return "\n".join(lines)


# --- databases ------------------------------------------------------------------------------


def absolute_url(url: str) -> str:
    """SQLite paths made absolute: the config's relative paths are read from its folder."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        return f"{parsed.drivername}:///{Path(parsed.database).resolve()}"
    return url


def is_postgres(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


async def database_exists(url: str) -> bool:
    """SQLite: the file is there; PostgreSQL: the database is (asked of the `postgres` db)."""
    parsed = make_url(url)
    if not is_postgres(url):
        return bool(parsed.database) and await asyncio.to_thread(Path(str(parsed.database)).exists)
    admin = create_async_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            found = await conn.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": parsed.database}
            )
        return found is not None
    finally:
        await admin.dispose()


def _prepare_sqlite_file(path: Path, replace: bool) -> None:
    if replace:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)


async def prepare_database(url: str, *, create: bool, replace: bool) -> None:
    """Drop (with `replace`) and create (PostgreSQL, with `create`/`replace`) the target."""
    parsed = make_url(url)
    if not is_postgres(url):
        await asyncio.to_thread(_prepare_sqlite_file, Path(str(parsed.database)), replace)
        return
    name = str(parsed.database)
    if not name.replace("_", "").isalnum():
        raise SystemExit(f"database name {name!r}: letters, digits and _ only")
    admin = create_async_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            if replace:
                await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            exists = await conn.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
            )
            if exists is None:
                if not (create or replace):
                    raise SystemExit(f"database {name} does not exist: add --create")
                await conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8'"))
    finally:
        await admin.dispose()


# --- rows ------------------------------------------------------------------------------------
#
# Moments are whole seconds since the Unix epoch (UTC) while generating: cheap to make and
# to sort; they become what each driver stores only when written.

USER_COLUMNS = (
    "id",
    "display_name",
    "role",
    "hamlet_id",
    "language",
    "active",
    "created_at",
    "summary_muted",
    "reminders_muted",
)
IDENTITY_COLUMNS = (
    "id",
    "user_id",
    "channel",
    "external_id",
    "created_at",
    "blocked_at",
    "last_seen_at",
)
HOUSEHOLD_COLUMNS = (
    "id",
    "campaign_id",
    "hamlet_id",
    "head_name",
    "name_folded",
    "address",
    "address_folded",
    "phone",
    "shares_phone",
    "created_by",
    "created_at",
    "updated_at",
)
ENTRY_COLUMNS = (
    "id",
    "campaign_id",
    "hamlet_id",
    "household_id",
    "officer_id",
    "guided_on",
    "dossier_code",
    "note",
    "created_at",
    "updated_at",
    "deleted_at",
    "deleted_by",
    "delete_reason",
)
LINK_COLUMNS = ("entry_id", "procedure_id")
# Which columns hold moments (epoch seconds) and days, per table, for the conversion.
MOMENTS = {
    "app_user": (6,),
    "identity": (4, 5, 6),
    "household": (10, 11),
    "entry": (8, 9, 10),
    "entry_procedure": (),
}
DAYS = {"entry": (5,)}

EPOCH_DAY = date(1970, 1, 1).toordinal()
VN_OFFSET = 7 * 3600  # Vietnam has no daylight saving time
NOW_TS = int(NOW.timestamp())


def day_start(day: date) -> int:
    """Midnight of `day` in Vietnam, in epoch seconds."""
    return (day.toordinal() - EPOCH_DAY) * 86400 - VN_OFFSET


class Rows:
    """Everything to insert, as tuples in the column order above, in id order."""

    def __init__(self) -> None:
        self.users: list[tuple[Any, ...]] = []
        self.identities: list[tuple[Any, ...]] = []
        self.households: list[tuple[Any, ...]] = []
        self.entries: list[tuple[Any, ...]] = []
        self.links: list[tuple[int, int]] = []


Entry_ = tuple[
    int, int, int, int, date, tuple[int, ...], str, str, int | None, int | None, str
]  # created, household index, hamlet, officer, guided_on, procedures,
#                      dossier, note, deleted_at, deleted_by, reason


class Generator:
    def __init__(
        self,
        params: Params,
        hamlets: list[HamletPlan],
        communes: list[str],
        procedure_ids: dict[str, int],
        campaign_id: int,
    ) -> None:
        self.params = params
        self.campaign_id = campaign_id
        self.rng = random.Random(params.seed * 7919 + 1)
        self.names = Names(self.rng)
        self.hamlets = hamlets
        self.communes = communes
        self.rows = Rows()
        self.built = Built(communes=len(communes), hamlets=len(hamlets))
        self.proc_ids = [procedure_ids[code] for code, _n, _w in PROCEDURES]
        self.proc_cum = list(accumulate(w for _c, _n, w in PROCEDURES))
        self.phone_prefix = _weighted(PHONE_PREFIXES)
        self.phones: set[str] = set()
        days: list[date] = []
        weights: list[float] = []
        day = CAMPAIGN_START
        while day <= TODAY:
            weight = (0.3, 0.7)[day.weekday() - 5] if day.weekday() >= 5 else 1.0
            if TET[0] <= day <= TET[1]:
                weight = 0.05
            days.append(day)
            weights.append(weight)
            day += timedelta(days=1)
        self.days = days
        self.day_weights = weights
        self.fold_cache: dict[str, str] = {}
        self.next_identity = 10_000_000  # Telegram-like numeric ids (as text)

    # -- small helpers

    def _fold(self, value: str) -> str:
        got = self.fold_cache.get(value)
        if got is None:
            got = self.fold_cache[value] = fold(value)
        return got

    def phone(self) -> str:
        rng = self.rng
        names, cum = self.phone_prefix
        while True:
            prefix = names[bisect(cum, rng.random() * cum[-1])]
            e164 = f"+84{prefix}{rng.randrange(10_000_000):07d}"
            if e164 not in self.phones:
                self.phones.add(e164)
                return e164

    def procedures(self, k: int, exclude: Sequence[int] = ()) -> tuple[int, ...]:
        picked: list[int] = []
        rng, cum, ids = self.rng, self.proc_cum, self.proc_ids
        while len(picked) < k:
            pid = ids[bisect(cum, rng.random() * cum[-1])]
            if pid not in picked and pid not in exclude:
                picked.append(pid)
        return tuple(picked)

    def _recorded(self, guided_on: date) -> int:
        """When an entry guided on that day was typed in: mostly the same day, 7:00–21:00."""
        rng = self.rng
        roll = rng.random()
        lag = 0 if roll < 0.8 else 1 if roll < 0.92 else rng.randint(2, 5)
        at = day_start(guided_on) + lag * 86400 + rng.randint(7 * 3600, 21 * 3600)
        if at > NOW_TS:
            at = NOW_TS - rng.randint(60, 3 * 3600)
        return at

    def _dossier(self, commune: int, guided_on: date) -> str:
        if self.rng.random() < 0.45:
            return ""
        return (
            f"000.00.{commune % 100:02d}.H{commune // 100 + 1:02d}-"
            f"{guided_on:%y%m%d}-{self.rng.randrange(1, 10_000):04d}"
        )

    # -- people

    def users(self) -> None:
        rng, rows = self.rng, self.rows
        joined = int(datetime(2025, 12, 20, 2, tzinfo=UTC).timestamp())
        uid = 0

        def user(role: Role, name: str, hamlet_id: int | None) -> int:
            nonlocal uid
            uid += 1
            created = joined + 60 * rng.randint(0, 20 * 24 * 60)
            supervisor = role == Role.SUPERVISOR
            active = supervisor or role == Role.ADMIN or rng.random() > 0.02
            rows.users.append(
                (
                    uid,
                    name,
                    role.value,
                    hamlet_id,
                    None,
                    active,
                    created,
                    supervisor and rng.random() < 0.03,
                    rng.random() < 0.05,
                )
            )
            channels = ["telegram"] + (["zalo"] if rng.random() < 0.15 else [])
            for channel in channels:
                self.next_identity += rng.randint(1, 5000)
                seen = NOW_TS - 3600 * rng.randint(1, 24 * 20)
                blocked = seen + 3600 if rng.random() < 0.01 else None
                rows.identities.append(
                    (
                        len(rows.identities) + 1,
                        uid,
                        channel,
                        str(self.next_identity),
                        created,
                        blocked,
                        seen,
                    )
                )
            return uid

        user(Role.ADMIN, "Quản trị hệ thống", None)
        for _ in range(3):  # the province's office
            user(Role.SUPERVISOR, self.names.person(), None)
            self.built.supervisors += 1
        for _commune in self.communes:
            for _ in range(rng.randint(1, 3)):  # VH-XH office, standing committee
                user(Role.SUPERVISOR, self.names.person(), None)
                self.built.supervisors += 1
        for h in self.hamlets:
            h.head = user(Role.HAMLET_HEAD, self.names.person(), h.id)
            h.officers = [
                user(Role.OFFICER, self.names.person(), h.id)
                for _ in range(rng.choices((1, 2, 3), weights=(3, 5, 2))[0])
            ]
        self.built.users = uid
        self.built.identities = len(rows.identities)

    # -- households and entries

    def households(self) -> None:
        """Every household and entry, then ids in the order things were recorded."""
        rng = self.rng
        households: list[list[Any]] = []  # [name, address, phone, hamlet_id, shares, officer]
        entries: list[Entry_] = []
        for h in self.hamlets:
            large = h.total >= LARGE_HAMLET
            self.built.large_hamlets += large
            workers = [*h.officers, h.head]
            worker_cum = list(accumulate([1.0] * len(h.officers) + [0.5]))
            # A hamlet starts some weeks into the campaign and guides at its own pace.
            first = rng.randrange(min(len(self.days), 75))
            days, cum = self.days[first:], list(accumulate(self.day_weights[first:]))
            p_second = 0.08 if large else 0.33
            teams = rng.randint(8, 16)  # "Tổ" in the hamlet
            own: list[int] = []  # household indexes of this hamlet
            for _ in range(h.guided):
                index = len(households)
                own.append(index)
                name = self.names.person()
                house = f"Số {rng.randint(1, 250)}, " if rng.random() < 0.3 else ""
                address = f"{house}Tổ {rng.randint(1, teams)}, {h.name}"
                officer = workers[bisect(worker_cum, rng.random() * worker_cum[-1])]
                shares = False
                if len(own) > 1 and rng.random() < 0.01:  # a relative's phone, recorded
                    other = households[own[rng.randrange(len(own) - 1)]]
                    phone = other[2]
                    other[4] = shares = True
                    self.built.shared_phones += 1
                else:
                    phone = self.phone()
                households.append([name, address, phone, h.id, shares, officer])
                guided_on = days[bisect(cum, rng.random() * cum[-1])]
                k = rng.choices((1, 2, 3), weights=(62, 30, 8))[0]
                procs = self.procedures(k)
                note = rng.choice(NOTES) if rng.random() < 0.03 else ""
                entries.append(
                    (
                        self._recorded(guided_on),
                        index,
                        h.id,
                        officer,
                        guided_on,
                        procs,
                        self._dossier(h.commune, guided_on),
                        note,
                        None,
                        None,
                        "",
                    )
                )
                roll = rng.random()
                if roll < p_second and guided_on < TODAY:  # back for another procedure
                    later = min(TODAY, guided_on + timedelta(days=rng.randint(1, 60)))
                    more = self.procedures(1 if rng.random() < 0.8 else 2, exclude=procs)
                    entries.append(
                        (
                            self._recorded(later),
                            index,
                            h.id,
                            officer,
                            later,
                            more,
                            self._dossier(h.commune, later),
                            "",
                            None,
                            None,
                            "",
                        )
                    )
                    self.built.second_visits += 1
                elif roll > 1 - 0.008:  # a wrong entry, deleted and entered again
                    wrong = self._recorded(guided_on)
                    gone = min(NOW_TS, wrong + 60 * rng.randint(2, 3 * 24 * 60))
                    entries.append(
                        (
                            wrong,
                            index,
                            h.id,
                            officer,
                            guided_on,
                            self.procedures(1),
                            "",
                            "",
                            gone,
                            officer,
                            rng.choice(DELETE_REASONS),
                        )
                    )
                if rng.random() < 0.012:  # the same household entered again by mistake
                    self._duplicate(households, entries, index, h, workers, guided_on)
        self.built.guided = sum(h.guided for h in self.hamlets)
        self._assign_ids(households, entries)

    def _duplicate(
        self,
        households: list[list[Any]],
        entries: list[Entry_],
        index: int,
        h: HamletPlan,
        workers: list[int],
        guided_on: date,
    ) -> None:
        rng = self.rng
        name, address, phone = households[index][:3]
        if rng.random() < 0.3:  # typed differently; folds to the same key
            name = name.lower() if rng.random() < 0.5 else name.upper()
        if rng.random() < 0.25:  # same name and address, another phone
            phone = self.phone()
        officer = rng.choice(workers)
        households.append([name, address, phone, h.id, False, officer])
        day = min(TODAY, guided_on + timedelta(days=rng.randint(0, 20)))
        created = self._recorded(day)
        deleted_at: int | None = None
        deleted_by: int | None = None
        reason = ""
        if rng.random() < 0.55:  # caught (by the duplicate warning's owner or a check)
            deleted_at = min(NOW_TS, created + 60 * rng.randint(5, 7 * 24 * 60))
            deleted_by, reason = rng.choice((officer, h.head)), DUPLICATE_REASON
            self.built.duplicates_deleted += 1
        entries.append(
            (
                created,
                len(households) - 1,
                h.id,
                officer,
                day,
                self.procedures(1),
                "",
                "",
                deleted_at,
                deleted_by,
                reason,
            )
        )
        self.built.duplicates += 1

    def _assign_ids(self, households: list[list[Any]], entries: list[Entry_]) -> None:
        entries.sort(key=lambda e: e[0])
        household_id: dict[int, int] = {}
        created_of: dict[int, int] = {}
        rows, campaign_id = self.rows, self.campaign_id
        deleted = 0
        for entry_id, (
            created,
            index,
            hamlet_id,
            officer,
            guided_on,
            procs,
            dossier,
            note,
            deleted_at,
            deleted_by,
            reason,
        ) in enumerate(entries, 1):
            hid = household_id.get(index)
            if hid is None:
                hid = household_id[index] = len(household_id) + 1
                created_of[index] = created
            rows.entries.append(
                (
                    entry_id,
                    campaign_id,
                    hamlet_id,
                    hid,
                    officer,
                    guided_on,
                    dossier,
                    note,
                    created,
                    deleted_at or created,
                    deleted_at,
                    deleted_by,
                    reason,
                )
            )
            rows.links.extend((entry_id, p) for p in procs)
            deleted += deleted_at is not None
        for index, hid in sorted(household_id.items(), key=lambda item: item[1]):
            name, address, phone, hamlet_id, shares, officer = households[index]
            created = created_of[index]
            rows.households.append(
                (
                    hid,
                    campaign_id,
                    hamlet_id,
                    clean(name),
                    self._fold(name),
                    address,
                    self._fold(address),
                    phone,
                    shares,
                    officer,
                    created,
                    created,
                )
            )
        self.built.deleted = deleted
        self.built.households = len(rows.households)
        self.built.entries = len(rows.entries)
        self.built.links = len(rows.links)


def check_phones(phones: Sequence[str], rng: random.Random, sample: int = 2000) -> int:
    """Every sampled number is a valid Vietnamese mobile, and parse_phone keeps it as is."""
    picked = rng.sample(list(phones), min(sample, len(phones)))
    for e164 in picked:
        number = phonenumbers.parse(e164, "VN")
        if (
            not phonenumbers.is_valid_number(number)
            or phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE
        ):
            raise AssertionError(f"generated an invalid mobile number {e164}")
        national = "0" + e164[3:]
        if parse_phone(national).e164 != e164:
            raise AssertionError(f"parse_phone({national}) != {e164}")
    return len(picked)


# --- writing ---------------------------------------------------------------------------------


SQLITE_CACHE_KIB = 1_000_000


def _sqlite_moment(ts: int, days: dict[int, str]) -> str:
    """What SQLAlchemy's DateTime stores on SQLite for this UTC moment."""
    day, second = divmod(ts, 86400)
    text_day = days.get(day)
    if text_day is None:
        text_day = days[day] = date.fromordinal(day + EPOCH_DAY).isoformat()
    return f"{text_day} {second // 3600:02d}:{second % 3600 // 60:02d}:{second % 60:02d}.000000"


def converter(dialect: str, table: str) -> Any:
    """A function turning generated tuples into what the driver takes for this table."""
    moments, days_at = MOMENTS[table], DAYS.get(table, ())
    if not moments and not days_at:
        return None
    if dialect == "sqlite":
        cache: dict[int, str] = {}

        def moment(ts: int | None) -> str | None:
            return None if ts is None else _sqlite_moment(ts, cache)

        def day(value: date) -> str:
            return value.isoformat()
    else:

        def moment(ts: int | None) -> datetime | None:  # type: ignore[misc]
            return None if ts is None else datetime.fromtimestamp(ts, UTC)

        def day(value: date) -> date:  # type: ignore[misc]
            return value

    def convert(row: tuple[Any, ...]) -> tuple[Any, ...]:
        values = list(row)
        for i in moments:
            values[i] = moment(values[i])
        for i in days_at:
            values[i] = day(values[i])
        return tuple(values)

    return convert


def check_columns(table: Table, columns: Sequence[str]) -> None:
    """Fail loudly if the schema gained a required column the generator does not fill."""
    missing = [
        c.name
        for c in table.columns
        if c.name not in columns
        and not c.nullable
        and c.server_default is None
        and c.default is None
    ]
    unknown = [name for name in columns if name not in table.columns]
    if missing or unknown:
        raise SystemExit(
            f"bench.generate is out of date with table {table.name}: "
            f"not filled {missing}, unknown {unknown}"
        )


def insert_sql(table: Table, columns: Sequence[str], paramstyle: str) -> str:
    if paramstyle == "qmark":
        marks = ", ".join("?" for _ in columns)
    elif paramstyle in ("numeric_dollar", "numeric"):
        sign = "$" if paramstyle == "numeric_dollar" else ":"
        marks = ", ".join(f"{sign}{i}" for i in range(1, len(columns) + 1))
    elif paramstyle == "format":
        marks = ", ".join("%s" for _ in columns)
    else:
        raise SystemExit(f"unsupported DBAPI paramstyle {paramstyle}")
    names = ", ".join(f'"{c}"' for c in columns)
    return f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'


def rebuild_derived(conn: Connection) -> int | None:
    """Tables the bot keeps beside the entries (per-hamlet tallies, when the schema has
    them), recomputed as the migration that introduced them does: rows written here bypass
    the code that keeps them current."""
    try:
        tally: Any = importlib.import_module("models.tally")
    except ModuleNotFoundError:
        return None
    return int(tally.rebuild(conn))


async def write_rows(
    url: str,
    rows: Rows,
    batch: int,
    seconds: dict[str, float],
    *,
    copy: bool = True,
    check_fks: bool = False,
) -> None:
    """executemany through SQLAlchemy's Core connection, `batch` rows per transaction.

    Plain driver-level statements (`exec_driver_sql`): SQLAlchemy's per-row parameter
    processing would cost more than the database's work here; values are converted to
    what the column types would bind (UTC moments, ISO days on SQLite) beforehand.
    """
    engine = create_engine(url)
    dialect = engine.dialect
    try:
        for table, columns, data in (
            (User.__table__, USER_COLUMNS, rows.users),
            (Identity.__table__, IDENTITY_COLUMNS, rows.identities),
            (Household.__table__, HOUSEHOLD_COLUMNS, rows.households),
            (Entry.__table__, ENTRY_COLUMNS, rows.entries),
            (entry_procedure, LINK_COLUMNS, rows.links),
        ):
            assert isinstance(table, Table)
            check_columns(table, columns)
            sql = insert_sql(table, columns, dialect.paramstyle)
            convert = converter(dialect.name, table.name)
            t0 = time.perf_counter()
            for lo in range(0, len(data), batch):
                chunk: list[tuple[Any, ...]] = list(data[lo : lo + batch])
                if convert is not None:
                    chunk = [convert(row) for row in chunk]
                async with engine.begin() as conn:
                    if dialect.name == "sqlite":
                        # A big page cache for this loading connection only: the indexes
                        # take rows in random order.
                        await conn.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
                    if dialect.name == "postgresql" and not check_fks:
                        # As pg_restore --disable-triggers: no per-row foreign-key
                        # trigger (the same rows load into SQLite with its checks on).
                        await conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
                    if dialect.name == "postgresql" and copy:
                        raw = await conn.get_raw_connection()
                        driver: Any = raw.driver_connection  # asyncpg's, untyped
                        await driver.copy_records_to_table(
                            table.name, records=chunk, columns=list(columns)
                        )
                    else:
                        await conn.exec_driver_sql(sql, chunk)
            seconds[f"insert_{table.name}"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        async with engine.begin() as conn:
            derived = await conn.run_sync(rebuild_derived)
        if derived is not None:
            seconds["rebuild_tallies"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        if dialect.name == "postgresql":
            async with engine.begin() as conn:
                for name in ("app_user", "identity", "household", "entry"):
                    await conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                            f"(SELECT max(id) FROM {name}))"
                        )
                    )
            # What autovacuum does shortly after a bulk load: statistics, visibility map.
            async with engine.connect() as conn:
                auto = await conn.execution_options(isolation_level="AUTOCOMMIT")
                await auto.execute(text("VACUUM ANALYZE"))
        seconds["sequences_analyze"] = time.perf_counter() - t0
    finally:
        await engine.dispose()


# --- the whole run ----------------------------------------------------------------------------


@dataclass
class Result:
    params: Params
    url: str
    config: Path
    built: Built
    phones_checked: int = 0
    report_guided: int = 0  # what build_report counted over every hamlet afterwards

    def as_json(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "params": asdict(self.params),
            "url": self.url,
            "config": str(self.config),
            "built": asdict(self.built),
            "phones_checked": self.phones_checked,
            "report_guided": self.report_guided,
            "today": TODAY.isoformat(),
        }


async def generate(
    params: Params,
    url: str,
    config_out: Path,
    *,
    create: bool = False,
    replace: bool = False,
    verbose: bool = True,
    copy: bool = True,
) -> Result:
    t_all = time.perf_counter()
    seconds: dict[str, float] = {}
    url = absolute_url(url)

    def say(message: str) -> None:
        if verbose:
            print(f"[{time.perf_counter() - t_all:7.1f} s] {message}", flush=True)

    rng = random.Random(params.seed)
    t0 = time.perf_counter()
    communes, hamlets = plan_geography(params, rng)
    seconds["plan"] = time.perf_counter() - t0
    say(f"planned {len(communes)} communes, {len(hamlets)} hamlets")

    await prepare_database(url, create=create, replace=replace)
    await asyncio.to_thread(write_config, config_out, url, hamlets, params)
    settings = load_settings(config_out)
    t0 = time.perf_counter()
    await asyncio.to_thread(upgrade, settings.database_url)
    seconds["migrate"] = time.perf_counter() - t0

    rt = build_runtime(settings, FixedClock(NOW))
    try:
        async with rt.services.sessions() as session:
            if await session.scalar(select(func.count()).select_from(Household)):
                raise SystemExit(f"{url} already holds households: use --replace")
        t0 = time.perf_counter()
        await sync_from_config(rt)
        async with rt.services.sessions() as session:
            campaign_id = int(
                await session.scalar(select(Campaign.id).where(Campaign.code == CAMPAIGN_CODE)) or 0
            )
            ids = {
                code: int(i) for code, i in await session.execute(select(Hamlet.code, Hamlet.id))
            }
            procs = {
                code: int(i)
                for code, i in await session.execute(select(Procedure.code, Procedure.id))
            }
        seconds["catalog"] = time.perf_counter() - t0
    finally:
        await rt.close()
    for h in hamlets:
        h.id = ids[h.code]
    say(f"migrated and synced the catalog ({len(ids)} hamlets, {len(procs)} procedures)")

    # Millions of small tuples: the cyclic collector would rescan them again and again.
    gc.disable()
    t0 = time.perf_counter()
    gen = Generator(params, hamlets, communes, procs, campaign_id)
    gen.users()
    gen.households()
    seconds["generate_rows"] = time.perf_counter() - t0
    built = gen.built
    phones_checked = check_phones(sorted(gen.phones), random.Random(params.seed))
    say(
        f"generated {built.users} users, {built.households} households, {built.entries} "
        f"entries, {built.links} entry procedures ({phones_checked} phones validated)"
    )

    await write_rows(settings.database_url, gen.rows, params.batch, seconds, copy=copy)
    del gen
    gc.enable()
    say("written")

    # The bot's own code on the result: the written config syncs with nothing to change,
    # and the report counts the households planned.
    t0 = time.perf_counter()
    rt = build_runtime(load_settings(config_out), FixedClock(NOW))
    try:
        sync = await sync_from_config(rt)
        if sync.changed:
            raise AssertionError(f"sync_from_config changed the generated catalog: {sync}")
        async with rt.services.sessions() as session:
            everyone = await active_hamlets(session)
            report = await build_report(
                session,
                campaign_id=campaign_id,
                campaign=rt.settings.campaign,
                period=resolve("since_start", rt.settings.campaign, TODAY),
                today=TODAY,
                hamlets=everyone,
            )
    finally:
        await rt.close()
    report_guided = sum(r.guided for r in report.rows)
    expected = built.guided + built.duplicates - built.duplicates_deleted
    if report_guided != expected:
        raise AssertionError(
            f"build_report counts {report_guided} guided households, planned {expected}"
        )
    seconds["check"] = time.perf_counter() - t0
    seconds["total"] = time.perf_counter() - t_all
    built.seconds = seconds
    say("checked: the config syncs unchanged and build_report counts every guided household")
    result = Result(
        params=params,
        url=url,
        config=config_out,
        built=built,
        phones_checked=phones_checked,
        report_guided=report_guided,
    )
    # Beside the config: what was built, so a benchmark can tell a dataset it may reuse.
    await asyncio.to_thread(write_meta, result)
    return result


def write_config(path: Path, url: str, hamlets: Sequence[HamletPlan], params: Params) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data_dir = path.with_name(path.stem + "-data").resolve()
    path.write_text(config_toml(url, data_dir, hamlets, params), encoding="utf-8")


def write_meta(result: Result) -> None:
    meta_path(result.config).write_text(
        json.dumps(result.as_json(), indent=2, ensure_ascii=False), encoding="utf-8"
    )


def meta_path(config: Path) -> Path:
    return config.with_suffix(".json")


def describe(result: Result) -> str:
    b = result.built
    s = b.seconds
    rows = b.households + b.entries + b.links + b.users + b.identities
    inserts = sum(v for k, v in s.items() if k.startswith("insert_"))
    return "\n".join(
        [
            f"database: {result.url}",
            f"config:   {result.config}",
            f"communes {b.communes}, hamlets {b.hamlets} ({b.large_hamlets} with ≥ 365 "
            f"households), users {b.users} ({b.supervisors} supervisors), identities "
            f"{b.identities}",
            f"households guided {b.guided}; household rows {b.households} (duplicates "
            f"{b.duplicates}, {b.duplicates_deleted} of them caught and deleted; "
            f"{b.shared_phones} sharing a phone)",
            f"entries {b.entries} (second visits {b.second_visits}, deleted {b.deleted}), "
            f"entry procedures {b.links}",
            f"build_report counts {result.report_guided} guided households "
            f"(incl. uncaught duplicates)",
            "seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in s.items()),
            f"{rows / inserts:,.0f} rows/s inserted" if inserts else "",
        ]
    )


def parse_size(text_: str) -> int:
    value = text_.strip().lower().replace("_", "").replace(",", "")
    factor = 1
    if value.endswith("k"):
        factor, value = 1_000, value[:-1]
    elif value.endswith("m"):
        factor, value = 1_000_000, value[:-1]
    return int(float(value) * factor)


def parse_range(text_: str) -> tuple[int, int]:
    lo, _sep, hi = text_.partition("-")
    low, high = int(lo), int(hi or lo)
    if not 1 <= low <= high:
        raise ValueError(text_)
    return low, high


def size_label(n: int) -> str:
    if n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument(
        "--households", default="10k", help="households guided in all (10k, 100k, 1M or a number)"
    )
    parser.add_argument("--hamlets-per-commune", default="10-15", help="N or MIN-MAX")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--url", default=None, help="database URL (default: an SQLite file in bench/results/)"
    )
    parser.add_argument(
        "--config-out",
        type=Path,
        default=None,
        help="the TOML config to write (default: beside the SQLite file, or "
        "bench/results/generated-SIZE.toml)",
    )
    parser.add_argument(
        "--create", action="store_true", help="PostgreSQL: create the database if it does not exist"
    )
    parser.add_argument(
        "--replace", action="store_true", help="drop the database (or SQLite file) first"
    )
    parser.add_argument(
        "--batch", type=int, default=10_000, help="rows per executemany (or COPY) and transaction"
    )
    parser.add_argument(
        "--pg-executemany",
        action="store_true",
        help="PostgreSQL: executemany instead of COPY (about 5 times slower)",
    )
    args = parser.parse_args()
    try:
        low, high = parse_range(args.hamlets_per_commune)
        households = parse_size(args.households)
    except ValueError as exc:
        parser.error(str(exc))
    params = Params(
        households=households, hamlets_min=low, hamlets_max=high, seed=args.seed, batch=args.batch
    )
    label = size_label(households)
    url = args.url or (
        f"sqlite+aiosqlite:///{ROOT / 'bench' / 'results' / f'generated-{label}.sqlite3'}"
    )
    config_out = args.config_out
    if config_out is None:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database:
            config_out = Path(str(parsed.database)).with_suffix(".toml")
        else:
            config_out = ROOT / "bench" / "results" / f"{parsed.database}.toml"
    result = asyncio.run(
        generate(
            params,
            url,
            config_out,
            create=args.create,
            replace=args.replace,
            copy=not args.pg_executemany,
        )
    )
    print(describe(result))


if __name__ == "__main__":
    main()
