"""`Settings`: what the bot runs with, built from a TOML file checked against its
definitions (`bot.config.sections`)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from pydantic import TypeAdapter, ValidationError

from bot.config import keys
from bot.config.errors import ConfigError
from bot.config.sections import (
    ChannelConfig,
    ChatConfig,
    ConfigFile,
    HttpConfig,
    InvitesSection,
    NotificationConfig,
    PrivacyConfig,
    ReportsSection,
    RostersSection,
    RoundEntry,
    TelegramConfig,
    VerificationConfig,
    ZaloConfig,
)
from bot.config.values import WEBHOOK
from models.rules import (
    RESERVED_ROUND_CODES,
    AwardRound,
    CampaignConfig,
    HamletConfig,
    ProcedureConfig,
    QualityRules,
)

if TYPE_CHECKING:
    from models.awards import AwardRules


def _awards_default() -> AwardRules:
    from models.awards import AwardRules

    return AwardRules()


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
    invite_ttl_hours: int = InvitesSection.ttl_hours  # [invites] ttl_hours
    privacy: PrivacyConfig = field(default_factory=PrivacyConfig)
    notifications: NotificationConfig = field(default_factory=NotificationConfig)
    inactive_days: int = ReportsSection.inactive_days  # [reports] inactive_days
    verification: VerificationConfig = field(default_factory=VerificationConfig)
    awards: AwardRules = field(default_factory=_awards_default)
    todo_suggestions: int = RostersSection.suggestions  # [rosters] suggestions
    roster_total_tolerance: float = RostersSection.total_tolerance  # [rosters] total_tolerance
    chat: ChatConfig = field(default_factory=ChatConfig)
    quality: QualityRules = field(default_factory=QualityRules)
    data_dir: Path = Path(ConfigFile.data_dir)
    source: Path | None = None

    @property
    def channels(self) -> dict[str, ChannelConfig]:
        """Every messenger section (a `ChannelConfig` field), enabled or not, by name."""
        found = {f.name: getattr(self, f.name) for f in fields(self)}
        return {name: cfg for name, cfg in found.items() if isinstance(cfg, ChannelConfig)}

    @property
    def enabled_channels(self) -> tuple[str, ...]:
        return tuple(name for name, cfg in self.channels.items() if cfg.enabled)

    def webhook_url(self, channel: str) -> str:
        """The public address a channel's webhook is registered at."""
        return self.channels[channel].webhook_url or self.http.url(f"/{channel}/webhook")

    @property
    def serves_http(self) -> bool:
        """`run` starts the HTTP server for webhooks, or for download links and /healthz."""
        return bool(self.http.public_url) or any(
            c.enabled and c.mode == WEBHOOK for c in self.channels.values()
        )


def _adapter() -> TypeAdapter[ConfigFile]:
    # Built on first use (tens of milliseconds), not when bot.config is imported.
    return TypeAdapter(ConfigFile)


def _present(value: Any) -> Any:
    """Without keys set to None (TOML has no null: a caller's None means "not set")."""
    if isinstance(value, dict):
        return {k: _present(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_present(v) for v in value]
    return value


def read(raw: dict[str, Any]) -> ConfigFile:
    """The file's tables checked against their definitions: unknown keys, wrong values."""
    try:
        return _adapter().validate_python(_present(raw))
    except ValidationError as exc:
        raise keys.error(exc) from None


def _values(section: Any) -> dict[str, Any]:
    """A section's values by name, for the domain value of the same fields."""
    return {f.name: getattr(section, f.name) for f in fields(section)}


def _unique(kind: str, codes: list[str]) -> None:
    seen: set[str] = set()
    for i, code in enumerate(codes):
        if code.upper() in seen:
            raise ConfigError(f"{kind}[{i}].code", "cfg_unique", code=code)
        seen.add(code.upper())


def _database_url(url: str | None, base_dir: Path, data_dir: Path) -> str:
    if url is None:
        return f"sqlite+aiosqlite:///{data_dir / 'bot.sqlite3'}"
    prefix = "sqlite+aiosqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/") and ":memory:" not in url:
        # Relative SQLite paths are relative to the config file, not to wherever we start.
        return prefix + str(base_dir / url[len(prefix) :])
    if url.startswith("postgresql://"):
        url = "postgresql+asyncpg://" + url[len("postgresql://") :]
    return url


def _rounds(entries: tuple[RoundEntry, ...], campaign: CampaignConfig) -> tuple[AwardRound, ...]:
    """[[awards.rounds]] as domain values: inside the campaign, each code once, caps
    defaulting to the campaign's. Rounds may overlap (a year's review and the phase's)."""
    _unique("awards.rounds", [r.code for r in entries])
    rounds: list[AwardRound] = []
    for i, r in enumerate(entries):
        key = f"awards.rounds[{i}]"
        if r.end < r.start:
            raise ConfigError(f"{key}.end", "cfg_round_end", code=r.code)
        if r.start < campaign.start or r.end > campaign.end:
            raise ConfigError(
                f"{key}.start" if r.start < campaign.start else f"{key}.end",
                "cfg_round_outside",
                code=r.code,
                start=f"{campaign.start:%d/%m/%Y}",
                end=f"{campaign.end:%d/%m/%Y}",
            )
        if r.code in RESERVED_ROUND_CODES:
            raise ConfigError(f"{key}.code", "cfg_round_reserved", code=r.code)
        rounds.append(
            AwardRound(
                code=r.code,
                name=r.name,
                start=r.start,
                end=r.end,
                max_collective_awards=_or(r.max_collective_awards, campaign.max_collective_awards),
                max_individual_awards=_or(r.max_individual_awards, campaign.max_individual_awards),
                max_special_prizes=_or(r.max_special_prizes, campaign.max_special_prizes),
                deadline=r.deadline,
            )
        )
    return tuple(rounds)


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


def parse_settings(raw: dict[str, Any], base_dir: Path, source: Path | None = None) -> Settings:
    from models.awards import AwardRules

    cfg = read(raw)
    data_dir = Path(cfg.data_dir)
    if not data_dir.is_absolute():
        data_dir = base_dir / data_dir
    campaign = CampaignConfig(**_values(cfg.campaign))
    if campaign.end < campaign.start:
        raise ConfigError("campaign.end", "cfg_end_date")
    award_rules = _values(cfg.awards)
    campaign = replace(campaign, rounds=_rounds(award_rules.pop("rounds"), campaign))
    _unique("hamlets", [h.code for h in cfg.hamlets])
    _unique("procedures", [p.code for p in cfg.procedures])
    verification = cfg.verification
    if not verification.failures and verification.max_failure_rate is None:
        raise ConfigError("verification.failures", "cfg_fail_rule")
    settings = Settings(
        database_url=_database_url(cfg.database.url, base_dir, data_dir),
        timezone=ZoneInfo(cfg.timezone),
        language=cfg.language,
        campaign=campaign,
        hamlets=tuple(
            HamletConfig(code=h.code.upper(), name=h.name, households=h.households, unit=h.unit)
            for h in cfg.hamlets
        ),
        procedures=tuple(
            ProcedureConfig(code=p.code.upper(), name=p.name, short=p.short) for p in cfg.procedures
        ),
        telegram=cfg.telegram,
        zalo=cfg.zalo,
        http=cfg.http,
        invite_ttl_hours=cfg.invites.ttl_hours,
        privacy=cfg.privacy,
        notifications=cfg.notifications,
        inactive_days=cfg.reports.inactive_days,
        verification=verification,
        awards=AwardRules(**award_rules),
        todo_suggestions=cfg.rosters.suggestions,
        roster_total_tolerance=cfg.rosters.total_tolerance,
        chat=cfg.chat,
        quality=QualityRules(**_values(cfg.quality)),
        data_dir=data_dir,
        source=source,
    )
    for name, channel in settings.channels.items():
        url = settings.webhook_url(name)
        if channel.enabled and channel.mode == WEBHOOK and not url.startswith("https://"):
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
