"""Typed settings loaded from a TOML file (tomllib); every number of the campaign lives here."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from handlers.i18n import t
from models.awards import HAMLET_METRICS, OFFICER_METRICS, AwardRules
from models.rules import CampaignConfig, HamletConfig, ProcedureConfig
from models.text import fold

LANGUAGES = ("vi", "en")
_TZ_ALIASES = {"Asia/Saigon": "Asia/Ho_Chi_Minh"}


class ConfigError(Exception):
    """A setting is missing or wrong; `key` names it, `expected` says what would be right."""

    def __init__(self, key: str, code: str, /, **values: object) -> None:
        self.key = key
        self.code = code
        self.values = values
        super().__init__(f"{key}: {self.expected}")

    @property
    def expected(self) -> str:
        # Settings are not loaded yet, so the message is in the default language.
        return t("vi", self.code, **self.values)


@dataclass(frozen=True)
class TelegramConfig:
    token: str | None = None
    token_env: str | None = None
    base_url: str = "https://api.telegram.org/bot"
    base_file_url: str = "https://api.telegram.org/file/bot"
    polling_timeout: int = 30
    drop_pending_updates: bool = False
    messages_per_second: float = 25.0  # Telegram's flood limit is about 30 overall

    def resolve_token(self) -> str:
        if self.token:
            return self.token
        if self.token_env:
            value = os.environ.get(self.token_env, "").strip()
            if value:
                return value
            raise ConfigError(
                "telegram.token_env",
                "cfg_env_empty", name=self.token_env,
            )
        raise ConfigError("telegram.token", "cfg_token_missing")


@dataclass(frozen=True)
class NotificationConfig:
    """When pushed messages go out, in the campaign's timezone."""

    weekly: bool = True
    weekly_weekday: int = 0  # Monday, as in date.weekday()
    weekly_time: time = time(7, 30)
    reminders: bool = True
    reminder_time: time = time(17, 0)
    # A reminder caught up after a restart is not sent later than this.
    reminder_latest: time = time(21, 0)
    max_attempts: int = 3
    retry_minutes: int = 10


@dataclass(frozen=True)
class VerificationConfig:
    """Spot-check defaults: sample size, call attempts, and the rule that fails a hamlet."""

    rate: float = 0.10  # share of each hamlet's guided households to call
    per_hamlet: int = 0  # or a number per hamlet (0: use the rate)
    max_attempts: int = 3  # unreachable this many times: "could not verify"
    retry_minutes: int = 60  # an unreachable household comes back to the queue after this
    claim_minutes: int = 30  # a card held this long without an outcome goes back to the pool
    failures: int = 1  # failed checks that make a hamlet/officer not eligible (0: rate only)
    max_failure_rate: float | None = None  # or a share of answered checks


@dataclass(frozen=True)
class Settings:
    database_url: str
    timezone: ZoneInfo
    language: str
    campaign: CampaignConfig
    hamlets: tuple[HamletConfig, ...]
    procedures: tuple[ProcedureConfig, ...]
    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    invite_ttl_hours: int = 72
    notifications: NotificationConfig = field(default_factory=NotificationConfig)
    inactive_days: int = 3  # an officer with no entry for this many days is flagged
    verification: VerificationConfig = field(default_factory=VerificationConfig)
    awards: AwardRules = field(default_factory=AwardRules)
    todo_suggestions: int = 5  # roster households /chuahuongdan suggests at a time
    data_dir: Path = Path("data")
    source: Path | None = None


# --- parsing helpers: each names the key it reads so errors point at it ---------------


def _table(raw: dict[str, Any], key: str, *, required: bool = True) -> dict[str, Any]:
    value = raw.get(key)
    if value is None:
        if required:
            raise ConfigError(key, "cfg_table_missing", name=key)
        return {}
    if not isinstance(value, dict):
        raise ConfigError(key, "cfg_table")
    return value


def _str(table: dict[str, Any], key: str, path: str, default: str | None = None) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{path}.{key}", "cfg_text")
    return value.strip()


def _int(table: dict[str, Any], key: str, path: str, default: int | None = None,
         minimum: int = 0) -> int:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ConfigError(f"{path}.{key}", "cfg_int", minimum=minimum)
    return value


def _date(table: dict[str, Any], key: str, path: str) -> date:
    value = table.get(key)
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ConfigError(f"{path}.{key}", "cfg_date")


def _campaign(raw: dict[str, Any]) -> CampaignConfig:
    t = _table(raw, "campaign")
    p = "campaign"
    threshold = t.get("coverage_threshold", 0.95)
    if isinstance(threshold, bool) or not isinstance(threshold, int | float) or not (
        0 < threshold <= 1
    ):
        raise ConfigError("campaign.coverage_threshold", "cfg_fraction")
    camp = CampaignConfig(
        code=_str(t, "code", p),
        name=_str(t, "name", p),
        unit=_str(t, "unit", p, default=""),
        start=_date(t, "start", p),
        end=_date(t, "end", p),
        coverage_threshold=float(threshold),
        large_hamlet_households=_int(t, "large_hamlet_households", p, 365, 1),
        procedures_required_large=_int(t, "procedures_required_large", p, 1, 1),
        procedures_required_small=_int(t, "procedures_required_small", p, 2, 1),
        max_collective_awards=_int(t, "max_collective_awards", p, 6),
        max_individual_awards=_int(t, "max_individual_awards", p, 26),
        max_special_prizes=_int(t, "max_special_prizes", p, 3),
    )
    if camp.end < camp.start:
        raise ConfigError("campaign.end", "cfg_end_date")
    return camp


def _codes(raw: dict[str, Any], key: str) -> list[dict[str, Any]]:
    items = raw.get(key)
    if not isinstance(items, list) or not items:
        raise ConfigError(key, "cfg_list", name=key)
    seen: set[str] = set()
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise ConfigError(f"{key}[{i}]", "cfg_table")
        code = _str(item, "code", f"{key}[{i}]")
        if code.upper() in seen:
            raise ConfigError(f"{key}[{i}].code", "cfg_unique", code=code)
        seen.add(code.upper())
    return items


def _hamlets(raw: dict[str, Any]) -> tuple[HamletConfig, ...]:
    return tuple(
        HamletConfig(
            code=_str(h, "code", f"hamlets[{i}]").upper(),
            name=_str(h, "name", f"hamlets[{i}]"),
            households=_int(h, "households", f"hamlets[{i}]", minimum=1),
        )
        for i, h in enumerate(_codes(raw, "hamlets"))
    )


def _procedures(raw: dict[str, Any]) -> tuple[ProcedureConfig, ...]:
    return tuple(
        ProcedureConfig(
            code=_str(p, "code", f"procedures[{i}]").upper(),
            name=_str(p, "name", f"procedures[{i}]"),
        )
        for i, p in enumerate(_codes(raw, "procedures"))
    )


def _telegram(raw: dict[str, Any]) -> TelegramConfig:
    t = _table(raw, "telegram", required=False)
    base_url = t.get("base_url", TelegramConfig.base_url)
    if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
        raise ConfigError("telegram.base_url", "cfg_url")
    base_file_url = t.get("base_file_url", TelegramConfig.base_file_url)
    if not isinstance(base_file_url, str) or not base_file_url.startswith(("http://", "https://")):
        raise ConfigError("telegram.base_file_url", "cfg_file_url")
    token = t.get("token")
    if token is not None and (not isinstance(token, str) or ":" not in token):
        raise ConfigError("telegram.token", "cfg_token")
    token_env = t.get("token_env")
    if token_env is not None and (not isinstance(token_env, str) or not token_env):
        raise ConfigError("telegram.token_env", "cfg_env_name")
    drop = t.get("drop_pending_updates", False)
    if not isinstance(drop, bool):
        raise ConfigError("telegram.drop_pending_updates", "cfg_bool")
    return TelegramConfig(
        token=token,
        token_env=token_env,
        base_url=base_url,
        base_file_url=base_file_url,
        polling_timeout=_int(t, "polling_timeout", "telegram", 30, 1),
        drop_pending_updates=drop,
        messages_per_second=_rate(t),
    )


def _rate(t: dict[str, Any]) -> float:
    value = t.get("messages_per_second", TelegramConfig.messages_per_second)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 30:
        raise ConfigError("telegram.messages_per_second", "cfg_rate")
    return float(value)


_WEEKDAYS = {
    "monday": 0, "mon": 0, "thu2": 0, "t2": 0,
    "tuesday": 1, "tue": 1, "thu3": 1, "t3": 1,
    "wednesday": 2, "wed": 2, "thu4": 2, "t4": 2,
    "thursday": 3, "thu": 3, "thu5": 3, "t5": 3,
    "friday": 4, "fri": 4, "thu6": 4, "t6": 4,
    "saturday": 5, "sat": 5, "thu7": 5, "t7": 5,
    "sunday": 6, "sun": 6, "chunhat": 6, "cn": 6,
}


def _weekday(table: dict[str, Any], key: str, path: str, default: int) -> int:
    value = table.get(key)
    if value is None:
        return default
    name = fold(str(value)).replace(" ", "")  # "Thứ 2" and "thu2" alike
    if name in _WEEKDAYS:
        return _WEEKDAYS[name]
    raise ConfigError(f"{path}.{key}", "cfg_weekday")


def _clock_time(table: dict[str, Any], key: str, path: str, default: time) -> time:
    value = table.get(key)
    if value is None:
        return default
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    if isinstance(value, str):
        try:
            return time.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ConfigError(f"{path}.{key}", "cfg_time")


def _bool(table: dict[str, Any], key: str, path: str, default: bool) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(f"{path}.{key}", "cfg_bool")
    return value


def _notifications(raw: dict[str, Any]) -> NotificationConfig:
    t = _table(raw, "notifications", required=False)
    p = "notifications"
    d = NotificationConfig()
    return NotificationConfig(
        weekly=_bool(t, "weekly", p, d.weekly),
        weekly_weekday=_weekday(t, "weekly_day", p, d.weekly_weekday),
        weekly_time=_clock_time(t, "weekly_time", p, d.weekly_time),
        reminders=_bool(t, "reminders", p, d.reminders),
        reminder_time=_clock_time(t, "reminder_time", p, d.reminder_time),
        reminder_latest=_clock_time(t, "reminder_latest", p, d.reminder_latest),
        max_attempts=_int(t, "max_attempts", p, d.max_attempts, 1),
        retry_minutes=_int(t, "retry_minutes", p, d.retry_minutes, 1),
    )


def _share(table: dict[str, Any], key: str, path: str, default: float | None) -> float | None:
    value = table.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise ConfigError(f"{path}.{key}", "cfg_fraction")
    return float(value)


def _verification(raw: dict[str, Any]) -> VerificationConfig:
    t = _table(raw, "verification", required=False)
    p = "verification"
    d = VerificationConfig()
    rate = _share(t, "rate", p, d.rate)
    assert rate is not None
    cfg = VerificationConfig(
        rate=rate,
        per_hamlet=_int(t, "per_hamlet", p, d.per_hamlet, 0),
        max_attempts=_int(t, "max_attempts", p, d.max_attempts, 1),
        retry_minutes=_int(t, "retry_minutes", p, d.retry_minutes, 0),
        claim_minutes=_int(t, "claim_minutes", p, d.claim_minutes, 1),
        failures=_int(t, "failures", p, d.failures, 0),
        max_failure_rate=_share(t, "max_failure_rate", p, d.max_failure_rate),
    )
    if not cfg.failures and cfg.max_failure_rate is None:
        raise ConfigError("verification.failures", "cfg_fail_rule")
    return cfg


def _order(table: dict[str, Any], key: str, path: str, default: tuple[str, ...],
           known: tuple[str, ...]) -> tuple[str, ...]:
    value = table.get(key, list(default))
    if not isinstance(value, list) or not value or any(v not in known for v in value):
        raise ConfigError(f"{path}.{key}", "cfg_order", known=", ".join(known))
    return tuple(value)


def _awards(raw: dict[str, Any]) -> AwardRules:
    t = _table(raw, "awards", required=False)
    p = "awards"
    d = AwardRules()
    margin = _share(t, "close_margin", p, d.close_margin)
    return AwardRules(
        collective_order=_order(t, "collective_order", p, d.collective_order, HAMLET_METRICS),
        special_order=_order(t, "special_order", p, d.special_order, HAMLET_METRICS),
        individual_order=_order(t, "individual_order", p, d.individual_order,
                                OFFICER_METRICS),
        close_margin=margin if margin is not None else d.close_margin,
        close_individuals=_int(t, "close_individuals", p, d.close_individuals, 0),
        individual_min_households=_int(t, "individual_min_households", p,
                                       d.individual_min_households, 1),
    )


def _timezone(raw: dict[str, Any]) -> ZoneInfo:
    name = raw.get("timezone", "Asia/Ho_Chi_Minh")
    if not isinstance(name, str):
        raise ConfigError("timezone", "cfg_timezone")
    try:
        return ZoneInfo(_TZ_ALIASES.get(name, name))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError("timezone", "cfg_timezone") from exc


def _database_url(raw: dict[str, Any], base_dir: Path, data_dir: Path) -> str:
    db = _table(raw, "database", required=False)
    url = db.get("url")
    if url is None:
        return f"sqlite+aiosqlite:///{data_dir / 'bot.sqlite3'}"
    if not isinstance(url, str) or "://" not in url:
        raise ConfigError("database.url", "cfg_db_url")
    prefix = "sqlite+aiosqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/") and ":memory:" not in url:
        # Relative SQLite paths are relative to the config file, not to wherever we start.
        return prefix + str(base_dir / url[len(prefix):])
    if url.startswith("postgresql://"):
        url = "postgresql+asyncpg://" + url[len("postgresql://"):]
    return url


def parse_settings(raw: dict[str, Any], base_dir: Path, source: Path | None = None) -> Settings:
    language = raw.get("language", "vi")
    if language not in LANGUAGES:
        raise ConfigError("language", "cfg_language")
    data_dir_raw = raw.get("data_dir", "data")
    if not isinstance(data_dir_raw, str) or not data_dir_raw:
        raise ConfigError("data_dir", "cfg_folder")
    data_dir = Path(data_dir_raw)
    if not data_dir.is_absolute():
        data_dir = base_dir / data_dir
    invites = _table(raw, "invites", required=False)
    return Settings(
        database_url=_database_url(raw, base_dir, data_dir),
        timezone=_timezone(raw),
        language=language,
        campaign=_campaign(raw),
        hamlets=_hamlets(raw),
        procedures=_procedures(raw),
        telegram=_telegram(raw),
        invite_ttl_hours=_int(invites, "ttl_hours", "invites", 72, 1),
        notifications=_notifications(raw),
        inactive_days=_int(_table(raw, "reports", required=False), "inactive_days", "reports",
                           3, 1),
        verification=_verification(raw),
        awards=_awards(raw),
        todo_suggestions=_int(_table(raw, "rosters", required=False), "suggestions",
                              "rosters", 5, 1),
        data_dir=data_dir,
        source=source,
    )


def load_settings(path: str | Path) -> Settings:
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError("--config", "cfg_file_missing", path=path) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), "cfg_toml", error=exc) from exc
    return parse_settings(raw, path.resolve().parent, source=path.resolve())
