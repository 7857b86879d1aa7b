"""Typed settings loaded from a TOML file (tomllib); every number of the campaign lives here."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from handlers.i18n import t
from models.awards import HAMLET_METRICS, OFFICER_METRICS, AwardRules
from models.rules import CampaignConfig, HamletConfig, ProcedureConfig, QualityRules
from models.text import fold
from models.verification import MATCHES, MatchRule

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


POLLING = "polling"
WEBHOOK = "webhook"


def _from_env(value: str | None, env: str | None, key: str, missing: str) -> str:
    """A secret given inline or (better) through an environment variable."""
    if value:
        return value
    if env:
        found = os.environ.get(env, "").strip()
        if found:
            return found
        raise ConfigError(f"{key}_env", "cfg_env_empty", name=env)
    raise ConfigError(key, missing)


@dataclass(frozen=True)
class ChannelConfig:
    """What every messenger channel has: a token, and a webhook secret in webhook mode."""

    enabled: bool = True
    token: str | None = None
    token_env: str | None = None
    mode: str = POLLING
    polling_timeout: int = 30
    webhook_url: str = ""  # default: http.public_url + /<section>/webhook
    webhook_secret: str | None = None
    webhook_secret_env: str | None = None

    section: ClassVar[str] = ""
    missing_token: ClassVar[str] = "cfg_token_missing"

    def resolve_token(self) -> str:
        return _from_env(self.token, self.token_env, f"{self.section}.token",
                         self.missing_token)

    def resolve_secret(self) -> str | None:
        """None: no secret configured (`run` then makes a random one for this start)."""
        if not (self.webhook_secret or self.webhook_secret_env):
            return None
        return _from_env(self.webhook_secret, self.webhook_secret_env,
                         f"{self.section}.webhook_secret", "cfg_secret")


@dataclass(frozen=True)
class TelegramConfig(ChannelConfig):
    base_url: str = "https://api.telegram.org/bot"
    base_file_url: str = "https://api.telegram.org/file/bot"
    drop_pending_updates: bool = False
    messages_per_second: float = 25.0  # Telegram's flood limit is about 30 overall
    # Updates handled at once (different chats; one chat's stay in order).
    concurrent_chats: int = 16
    # Tries per reply on network errors, 5xx and flood limits, with a growing pause.
    send_attempts: int = 5

    section: ClassVar[str] = "telegram"


@dataclass(frozen=True)
class ZaloConfig(ChannelConfig):
    enabled: bool = False
    base_url: str = "https://bot-api.zaloplatforms.com"

    section: ClassVar[str] = "zalo"
    missing_token: ClassVar[str] = "cfg_zalo_token_missing"


@dataclass(frozen=True)
class HttpConfig:
    """The one HTTP server: webhooks, download links and /healthz."""

    host: str = "127.0.0.1"  # behind a reverse proxy that terminates HTTPS
    port: int = 8080
    public_url: str = ""  # how users and messengers reach it, e.g. https://bot.example.vn
    download_minutes: int = 60  # a download link expires after this long

    def url(self, path: str) -> str:
        return self.public_url.rstrip("/") + path


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
    # A weekly summary caught up after downtime is not sent later than this after its time.
    weekly_latest_hours: int = 24


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
    # Which details must match for a check to pass ("not guided" always fails it): of
    # "procedure", "person", "date" (the household's "details false" answer) and "phone"
    # (a wrong number: the officer's evidence is wrong).
    must_match: tuple[str, ...] = ("procedure", "date", "phone")
    # A guidance date the household remembers this many days off or less does not fail.
    date_tolerance_days: int = 7

    @property
    def match(self) -> MatchRule:
        return MatchRule(must_match=frozenset(self.must_match),
                         date_tolerance_days=self.date_tolerance_days)


@dataclass(frozen=True)
class ChatConfig:
    """How long open questions capture free text, how long a save can be undone, and how
    long processed updates are remembered."""

    menu_minutes: int = 30  # a menu or other question left this long stops capturing text
    household_minutes: int = 120  # a household's question; its draft is kept, not lost
    undo_minutes: int = 60  # "↩️ Hoàn tác" on a saved household is offered this long
    # On SIGTERM: seconds to finish the messages in hand; the rest waits in the inbox.
    stop_seconds: int = 10
    # Processed updates' keys (what makes a redelivery a no-op) are kept this long.
    delivery_days: int = 30


@dataclass(frozen=True)
class Settings:
    database_url: str
    timezone: ZoneInfo
    language: str
    campaign: CampaignConfig
    hamlets: tuple[HamletConfig, ...]
    procedures: tuple[ProcedureConfig, ...]
    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    zalo: ZaloConfig = field(default_factory=ZaloConfig)
    http: HttpConfig = field(default_factory=HttpConfig)
    invite_ttl_hours: int = 72
    notifications: NotificationConfig = field(default_factory=NotificationConfig)
    inactive_days: int = 3  # an officer with no entry for this many days is flagged
    verification: VerificationConfig = field(default_factory=VerificationConfig)
    awards: AwardRules = field(default_factory=AwardRules)
    todo_suggestions: int = 5  # roster households /chuahuongdan suggests at a time
    # A list import moving a hamlet's total by more than this share of the total in force
    # waits for a supervisor's approval (0: every change does).
    roster_total_tolerance: float = 0.05
    chat: ChatConfig = field(default_factory=ChatConfig)
    quality: QualityRules = field(default_factory=QualityRules)
    data_dir: Path = Path("data")
    source: Path | None = None

    @property
    def telegram_webhook(self) -> str:
        return self.telegram.webhook_url or self.http.url("/telegram/webhook")

    @property
    def zalo_webhook(self) -> str:
        return self.zalo.webhook_url or self.http.url("/zalo/webhook")

    @property
    def serves_http(self) -> bool:
        """`run` starts the HTTP server for webhooks, or for download links and /healthz."""
        return bool(self.http.public_url) or any(
            c.enabled and c.mode == WEBHOOK for c in (self.telegram, self.zalo))


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
            unit=_str(h, "unit", f"hamlets[{i}]") if "unit" in h else "",
        )
        for i, h in enumerate(_codes(raw, "hamlets"))
    )


def _procedures(raw: dict[str, Any]) -> tuple[ProcedureConfig, ...]:
    return tuple(
        ProcedureConfig(
            code=_str(p, "code", f"procedures[{i}]").upper(),
            name=_str(p, "name", f"procedures[{i}]"),
            short=_str(p, "short", f"procedures[{i}]") if "short" in p else "",
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
    drop = t.get("drop_pending_updates", False)
    if not isinstance(drop, bool):
        raise ConfigError("telegram.drop_pending_updates", "cfg_bool")
    return TelegramConfig(
        enabled=_bool(t, "enabled", "telegram", True),
        token=token,
        token_env=_env_name(t, "token_env", "telegram"),
        mode=_mode(t, "telegram"),
        webhook_url=_https(t, "webhook_url", "telegram"),
        webhook_secret=_secret(t, "telegram"),
        webhook_secret_env=_env_name(t, "webhook_secret_env", "telegram"),
        base_url=base_url,
        base_file_url=base_file_url,
        polling_timeout=_int(t, "polling_timeout", "telegram", 30, 1),
        drop_pending_updates=drop,
        messages_per_second=_rate(t),
        concurrent_chats=_int(t, "concurrent_chats", "telegram", 16, 1),
        send_attempts=_int(t, "send_attempts", "telegram", TelegramConfig.send_attempts, 1),
    )


def _env_name(table: dict[str, Any], key: str, path: str) -> str | None:
    value = table.get(key)
    if value is not None and (not isinstance(value, str) or not value):
        raise ConfigError(f"{path}.{key}", "cfg_env_name")
    return value


def _mode(table: dict[str, Any], path: str) -> str:
    value = table.get("mode", POLLING)
    if value not in (POLLING, WEBHOOK):
        raise ConfigError(f"{path}.mode", "cfg_mode")
    return str(value)


def _https(table: dict[str, Any], key: str, path: str) -> str:
    """A public https address (messengers refuse plain http webhooks); "" when unset."""
    value = table.get(key, "")
    if not isinstance(value, str) or (value and not value.startswith("https://")):
        raise ConfigError(f"{path}.{key}", "cfg_https")
    return value.rstrip("/")


def _secret(table: dict[str, Any], path: str) -> str | None:
    value = table.get("webhook_secret")
    # Both messengers accept 1–256 characters of A–Z a–z 0–9 _ - (Zalo wants 8 or more).
    if value is not None and (not isinstance(value, str) or not 8 <= len(value) <= 256
                              or not all(c.isalnum() or c in "_-" for c in value)
                              or not value.isascii()):
        raise ConfigError(f"{path}.webhook_secret", "cfg_secret")
    return value


def _zalo(raw: dict[str, Any]) -> ZaloConfig:
    z = _table(raw, "zalo", required=False)
    base_url = z.get("base_url", ZaloConfig.base_url)
    if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
        raise ConfigError("zalo.base_url", "cfg_base_url")
    token = z.get("token")
    if token is not None and (not isinstance(token, str) or not token.strip()):
        raise ConfigError("zalo.token", "cfg_text")
    return ZaloConfig(
        enabled=_bool(z, "enabled", "zalo", "zalo" in raw),
        token=token,
        token_env=_env_name(z, "token_env", "zalo"),
        base_url=base_url.rstrip("/"),
        mode=_mode(z, "zalo"),
        polling_timeout=_int(z, "polling_timeout", "zalo", 30, 1),
        webhook_url=_https(z, "webhook_url", "zalo"),
        webhook_secret=_secret(z, "zalo"),
        webhook_secret_env=_env_name(z, "webhook_secret_env", "zalo"),
    )


def _http(raw: dict[str, Any]) -> HttpConfig:
    h = _table(raw, "http", required=False)
    host = h.get("host", HttpConfig.host)
    if not isinstance(host, str) or not host:
        raise ConfigError("http.host", "cfg_text")
    port = _int(h, "port", "http", HttpConfig.port, 1)
    if port > 65535:
        raise ConfigError("http.port", "cfg_port")
    public_url = h.get("public_url", "")
    if not isinstance(public_url, str) or (public_url and not public_url.startswith(
            ("http://", "https://"))):
        raise ConfigError("http.public_url", "cfg_base_url")
    return HttpConfig(host=host, port=port, public_url=public_url.rstrip("/"),
                      download_minutes=_int(h, "download_minutes", "http", 60, 1))


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
        weekly_latest_hours=_int(t, "weekly_latest_hours", p, d.weekly_latest_hours, 1),
    )


def _quality(raw: dict[str, Any]) -> QualityRules:
    t = _table(raw, "quality", required=False)
    p = "quality"
    d = QualityRules()
    return QualityRules(
        late_days=_int(t, "late_days", p, d.late_days, 1),
        burst_count=_int(t, "burst_count", p, d.burst_count, 2),
        burst_minutes=_int(t, "burst_minutes", p, d.burst_minutes, 1),
        night_from=_clock_time(t, "night_from", p, d.night_from),
        night_to=_clock_time(t, "night_to", p, d.night_to),
    )


def _chat(raw: dict[str, Any]) -> ChatConfig:
    t = _table(raw, "chat", required=False)
    d = ChatConfig()
    return ChatConfig(
        menu_minutes=_int(t, "menu_minutes", "chat", d.menu_minutes, 1),
        household_minutes=_int(t, "household_minutes", "chat", d.household_minutes, 1),
        undo_minutes=_int(t, "undo_minutes", "chat", d.undo_minutes, 0),
        stop_seconds=_int(t, "stop_seconds", "chat", d.stop_seconds, 1),
        delivery_days=_int(t, "delivery_days", "chat", d.delivery_days, 1),
    )


def _share(table: dict[str, Any], key: str, path: str, default: float | None) -> float | None:
    value = table.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise ConfigError(f"{path}.{key}", "cfg_fraction")
    return float(value)


def _tolerance(table: dict[str, Any]) -> float:
    value = table.get("total_tolerance", 0.05)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1:
        raise ConfigError("rosters.total_tolerance", "cfg_tolerance")
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
        must_match=_must_match(t, p, d.must_match),
        date_tolerance_days=_int(t, "date_tolerance_days", p, d.date_tolerance_days, 0),
    )
    if not cfg.failures and cfg.max_failure_rate is None:
        raise ConfigError("verification.failures", "cfg_fail_rule")
    return cfg


def _must_match(table: dict[str, Any], path: str, default: tuple[str, ...]) -> tuple[str, ...]:
    value = table.get("must_match", list(default))
    if not isinstance(value, list) or any(v not in MATCHES for v in value):
        raise ConfigError(f"{path}.must_match", "cfg_must_match", known=", ".join(MATCHES))
    return tuple(dict.fromkeys(value))


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
    settings = Settings(
        database_url=_database_url(raw, base_dir, data_dir),
        timezone=_timezone(raw),
        language=language,
        campaign=_campaign(raw),
        hamlets=_hamlets(raw),
        procedures=_procedures(raw),
        telegram=_telegram(raw),
        zalo=_zalo(raw),
        http=_http(raw),
        invite_ttl_hours=_int(invites, "ttl_hours", "invites", 72, 1),
        notifications=_notifications(raw),
        inactive_days=_int(_table(raw, "reports", required=False), "inactive_days", "reports",
                           3, 1),
        verification=_verification(raw),
        awards=_awards(raw),
        todo_suggestions=_int(_table(raw, "rosters", required=False), "suggestions",
                              "rosters", 5, 1),
        roster_total_tolerance=_tolerance(_table(raw, "rosters", required=False)),
        chat=_chat(raw),
        quality=_quality(raw),
        data_dir=data_dir,
        source=source,
    )
    for name, cfg, url in (("telegram", settings.telegram, settings.telegram_webhook),
                           ("zalo", settings.zalo, settings.zalo_webhook)):
        if cfg.enabled and cfg.mode == WEBHOOK and not url.startswith("https://"):
            raise ConfigError(f"{name}.webhook_url", "cfg_webhook_url")
    return settings


def load_settings(path: str | Path) -> Settings:
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError("--config", "cfg_file_missing", path=path) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), "cfg_toml", error=exc) from exc
    return parse_settings(raw, path.resolve().parent, source=path.resolve())
