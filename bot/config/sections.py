"""Every setting of the configuration file, defined once: key, type, default, constraint and
a one-line description (Vietnamese, English).

One frozen dataclass per table of the TOML file, `ConfigFile` for the file itself. The parser
(pydantic validates `ConfigFile`, unknown keys refused), the error messages and
docs/configuration.md all come from these fields. The sections the bot reads as they are
([telegram], [zalo], [http], [chat], [notifications], [verification]) are the classes
`Settings` holds; the others become domain values (`models.rules`, `models.awards`), whose
defaults they read from there, so each default is written in one place.

Building a section directly (tests: `HttpConfig(port=0)`) checks nothing, as before; only
the file is validated.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from pydantic import BeforeValidator, ConfigDict, Field

from bot.config.errors import ConfigError
from bot.config.values import (
    POLLING,
    AtLeastTwo,
    BaseUrl,
    Bool,
    BotApiUrl,
    BotFileUrl,
    BotToken,
    ClockTime,
    Count,
    DatabaseUrl,
    Day,
    Doc,
    EnvName,
    Folder,
    HamletOrder,
    Language,
    Mode,
    Msg,
    MustMatch,
    NonEmpty,
    OfficerOrder,
    OptionalCount,
    OptionalDay,
    OptionalShare,
    OptionalText,
    Port,
    PositiveInt,
    PublicUrl,
    RoundCode,
    Secret,
    SendRate,
    Share,
    Text,
    Timezone,
    Tolerance,
    WebhookUrl,
    Weekday,
)
from models.rules import CampaignConfig, HamletConfig, ProcedureConfig, QualityRules

if TYPE_CHECKING:
    from models.verification import MatchRule

# Unknown keys stop loading: a misspelt key would otherwise be a default silently in force.
STRICT = ConfigDict(extra="forbid")


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


# --- the sections the bot reads as they are -------------------------------------------------


@dataclass(frozen=True)
class ChannelConfig:
    """What every messenger channel has: a token, and a webhook secret in webhook mode."""

    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    enabled: Annotated[Bool, Doc("Bật kênh này", "Run this channel")] = True
    token: str | None = None  # typed and checked per channel below
    token_env: Annotated[
        EnvName,
        Doc(
            "Tên biến môi trường chứa token của bot (nên dùng cách này)",
            "Name of the environment variable holding the bot token (preferred)",
        ),
    ] = None
    mode: Annotated[
        Mode,
        Doc(
            "Cách nhận tin: polling (bot tự hỏi) hoặc webhook (máy chủ HTTP nhận)",
            "How updates arrive: polling, or webhook (posted to the HTTP server)",
        ),
    ] = POLLING
    polling_timeout: Annotated[
        PositiveInt,
        Doc(
            "Số giây một lần hỏi tin (long polling) chờ tin nhắn mới",
            "Seconds one long-polling call waits for a message",
        ),
    ] = 30
    webhook_url: Annotated[
        WebhookUrl,
        Doc(
            "Địa chỉ https công khai đăng ký làm webhook; để trống: http.public_url + đường dẫn "
            "của kênh",
            "Public https address registered as the webhook; empty: http.public_url + the "
            "channel's path",
        ),
    ] = ""
    webhook_secret: Annotated[
        Secret,
        Doc(
            "Chuỗi bí mật kiểm tra ở mỗi lần gọi webhook (nên dùng webhook_secret_env); không "
            "đặt: mỗi lần chạy tạo ngẫu nhiên",
            "Secret checked on every webhook call (prefer webhook_secret_env); unset: random "
            "per start",
        ),
    ] = None
    webhook_secret_env: Annotated[
        EnvName,
        Doc(
            "Tên biến môi trường chứa chuỗi bí mật webhook (cần khi nhiều tiến trình dùng "
            "chung bot)",
            "Name of the environment variable holding the webhook secret (needed when several "
            "processes share the bot)",
        ),
    ] = None

    section: ClassVar[str] = ""
    missing_token: ClassVar[str] = "cfg_token_missing"

    def resolve_token(self) -> str:
        return _from_env(self.token, self.token_env, f"{self.section}.token", self.missing_token)

    def resolve_secret(self) -> str | None:
        """None: no secret configured (`run` then makes a random one for this start)."""
        if not (self.webhook_secret or self.webhook_secret_env):
            return None
        return _from_env(
            self.webhook_secret,
            self.webhook_secret_env,
            f"{self.section}.webhook_secret",
            "cfg_secret",
        )


@dataclass(frozen=True)
class TelegramConfig(ChannelConfig):
    token: Annotated[
        BotToken,
        Doc(
            "Token của bot lấy từ @BotFather (chỉ để thử nhanh; nên dùng token_env)",
            "The bot token from @BotFather (quick local tries only; prefer token_env)",
        ),
    ] = None
    base_url: Annotated[
        BotApiUrl,
        Doc(
            "Địa chỉ Bot API; máy chủ Bot API tự dựng: http://host:8081/bot",
            "Bot API address; a self-hosted Bot API server: http://host:8081/bot",
        ),
    ] = "https://api.telegram.org/bot"
    base_file_url: Annotated[
        BotFileUrl,
        Doc(
            "Địa chỉ tải tệp của Bot API; máy chủ tự dựng: http://host:8081/file/bot",
            "Bot API file address; a self-hosted server: http://host:8081/file/bot",
        ),
    ] = "https://api.telegram.org/file/bot"
    drop_pending_updates: Annotated[
        Bool,
        Doc(
            "Bỏ qua tin nhắn gửi đến khi bot đang tắt",
            "Skip the messages sent while the bot was down",
        ),
    ] = False
    messages_per_second: Annotated[
        SendRate,
        Doc(
            "Nhịp gửi tin, chia đều (Telegram cho phép khoảng 30 tin/giây)",
            "Pace of all sends, evenly spaced (Telegram allows about 30 a second)",
        ),
    ] = 25.0
    concurrent_chats: Annotated[
        PositiveInt,
        Doc(
            "Số tin xử lý cùng lúc (các cuộc trò chuyện khác nhau; tin của một người luôn theo "
            "thứ tự)",
            "Updates handled at once (different chats; one chat's always in order)",
        ),
    ] = 16
    send_attempts: Annotated[
        PositiveInt,
        Doc(
            "Số lần thử gửi một trả lời khi lỗi mạng, lỗi 5xx hoặc bị giới hạn (429)",
            "Tries per reply on network errors, 5xx and flood limits (429)",
        ),
    ] = 5

    section: ClassVar[str] = "telegram"


@dataclass(frozen=True)
class ZaloConfig(ChannelConfig):
    enabled: Annotated[
        Bool,
        Doc(
            "Bật kênh Zalo; có bảng [zalo] thì mặc định là true",
            "Run the Zalo channel; true by default once a [zalo] table exists",
        ),
    ] = False
    token: Annotated[
        OptionalText,
        Doc(
            "Token của bot Zalo (trang Zalo Bot Platform); nên dùng token_env",
            "The Zalo bot token (Zalo Bot Platform page); prefer token_env",
        ),
    ] = None
    base_url: Annotated[
        BaseUrl,
        Doc(
            "Địa chỉ Zalo Bot API (khi kiểm thử: máy chủ giả lập)",
            "Zalo Bot API address (tests point it at a local fake)",
        ),
    ] = "https://bot-api.zaloplatforms.com"

    section: ClassVar[str] = "zalo"
    missing_token: ClassVar[str] = "cfg_zalo_token_missing"


@dataclass(frozen=True)
class HttpConfig:
    """The one HTTP server: webhooks, download links and /healthz."""

    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    host: Annotated[
        NonEmpty,
        Doc(
            "Địa chỉ máy chủ HTTP lắng nghe (đặt sau reverse proxy HTTPS)",
            "Address the HTTP server listens on (behind an HTTPS reverse proxy)",
        ),
    ] = "127.0.0.1"
    port: Annotated[Port, Doc("Cổng máy chủ HTTP lắng nghe", "Port the HTTP server listens on")] = (
        8080
    )
    public_url: Annotated[
        PublicUrl,
        Doc(
            "Địa chỉ người dùng và messenger truy cập máy chủ, ví dụ https://bot.example.vn; "
            "để trống: không có liên kết tải",
            "How users and messengers reach the server, e.g. https://bot.example.vn; empty: "
            "no download links",
        ),
    ] = ""
    download_minutes: Annotated[
        PositiveInt,
        Doc(
            "Số phút một liên kết tải còn dùng được (mỗi liên kết dùng một lần)",
            "Minutes a download link works (each works once)",
        ),
    ] = 60

    def url(self, path: str) -> str:
        return self.public_url.rstrip("/") + path


@dataclass(frozen=True)
class NotificationConfig:
    """When pushed messages go out, in the campaign's timezone."""

    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    weekly: Annotated[
        Bool,
        Doc(
            "Gửi bản tổng hợp tuần cho giám sát và trưởng ấp",
            "Send the weekly summary to supervisors and hamlet heads",
        ),
    ] = True
    weekly_weekday: Annotated[
        Weekday,
        Field(alias="weekly_day"),
        Doc(
            "Ngày gửi bản tổng hợp tuần: monday … sunday (hoặc thu2 … thu7, chunhat)",
            "Day of the weekly summary: monday … sunday (or thu2 … thu7, chunhat)",
        ),
    ] = 0
    weekly_time: Annotated[
        ClockTime, Doc("Giờ gửi bản tổng hợp tuần", "Time of the weekly summary")
    ] = time(7, 30)
    reminders: Annotated[
        Bool,
        Doc(
            "Nhắc cán bộ có ấp chưa ghi nhận hộ nào trong ngày",
            "Nudge officers whose hamlet has no entry today",
        ),
    ] = True
    reminder_time: Annotated[ClockTime, Doc("Giờ gửi lời nhắc", "Time of the reminder")] = time(
        17, 0
    )
    reminder_latest: Annotated[
        ClockTime,
        Doc(
            "Lời nhắc gửi bù sau khi bot khởi động lại không gửi muộn hơn giờ này",
            "A reminder caught up after a restart is not sent later than this",
        ),
    ] = time(21, 0)
    max_attempts: Annotated[
        PositiveInt,
        Doc(
            "Số lần thử gửi một tin khi lỗi mạng hoặc bị giới hạn",
            "Tries per message on network errors and flood limits",
        ),
    ] = 3
    retry_minutes: Annotated[
        PositiveInt,
        Doc(
            "Bao nhiêu phút thì gửi lại tin lỗi (và gửi bù tin bị lỡ) một lần",
            "How often failed sends are retried (and missed ones caught up), in minutes",
        ),
    ] = 10
    weekly_latest_hours: Annotated[
        PositiveInt,
        Doc(
            "Bản tổng hợp bị lỡ khi bot tắt không gửi muộn hơn số giờ này sau giờ gửi",
            "A summary missed while the bot was down is not sent later than this many hours "
            "after its time",
        ),
    ] = 24


@dataclass(frozen=True)
class VerificationConfig:
    """Spot-check defaults: sample size, call attempts, and the rule that fails a hamlet."""

    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    rate: Annotated[
        Share,
        Doc(
            "Mẫu gọi kiểm tra mặc định: tỷ lệ số hộ đã hướng dẫn của mỗi ấp",
            "Default sample: share of each hamlet's guided households to call",
        ),
    ] = 0.10
    per_hamlet: Annotated[
        Count,
        Doc(
            "Hoặc một số hộ cố định mỗi ấp (0: dùng rate)",
            "Or a fixed number per hamlet (0: use the rate)",
        ),
    ] = 0
    max_attempts: Annotated[
        PositiveInt,
        Doc(
            "Gọi không được chừng này lần thì ghi «không xác minh được»",
            'Unreachable this many times: "could not verify"',
        ),
    ] = 3
    retry_minutes: Annotated[
        Count,
        Doc(
            "Hộ không liên lạc được quay lại danh sách sau số phút này",
            "An unreachable household comes back to the list after this many minutes",
        ),
    ] = 60
    claim_minutes: Annotated[
        PositiveInt,
        Doc(
            "Phiếu giữ quá số phút này mà chưa có kết quả thì trả lại cho người khác gọi",
            "A card held this long without an outcome is freed for another caller",
        ),
    ] = 30
    failures: Annotated[
        Count,
        Doc(
            "Số lần kiểm tra không đạt khiến ấp/cán bộ không đủ điều kiện (0: chỉ xét "
            "max_failure_rate)",
            "Failed checks that make a hamlet/officer not eligible (0: max_failure_rate only)",
        ),
    ] = 1
    max_failure_rate: Annotated[
        OptionalShare,
        Doc(
            "Hoặc tỷ lệ kiểm tra không đạt trên số đã trả lời (không đặt: không xét tỷ lệ)",
            "Or a share of answered checks that fail (unset: no share rule)",
        ),
    ] = None
    must_match: Annotated[
        MustMatch,
        Doc(
            "Chi tiết phải khớp để kiểm tra đạt («không được hướng dẫn» luôn không đạt); có "
            "thể để trống",
            'Details that must match for a check to pass ("not guided" always fails it); '
            "may be empty",
        ),
    ] = ("procedure", "date", "phone")
    date_tolerance_days: Annotated[
        Count,
        Doc(
            "Ngày hướng dẫn hộ nhớ lệch không quá số ngày này thì không tính là sai",
            "A guidance date the household remembers this many days off or less does not fail",
        ),
    ] = 7

    @property
    def match(self) -> MatchRule:
        from models.verification import MatchRule

        return MatchRule(
            must_match=frozenset(self.must_match), date_tolerance_days=self.date_tolerance_days
        )


@dataclass(frozen=True)
class ChatConfig:
    """How long open questions capture free text, how long a save can be undone, how
    long processed updates are remembered, and how large a receipt may be."""

    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    menu_minutes: Annotated[
        PositiveInt,
        Doc(
            "Menu hoặc câu hỏi bỏ dở quá số phút này thì không nhận chữ gõ vào nữa",
            "A menu or other question left this long stops taking free text",
        ),
    ] = 30
    household_minutes: Annotated[
        PositiveInt,
        Doc(
            "Câu hỏi về một hộ bỏ dở quá số phút này: bản nháp được cất (tiếp tục bằng /tiep)",
            "A household's question left this long: its draft is kept aside (/tiep)",
        ),
    ] = 120
    undo_minutes: Annotated[
        Count,
        Doc(
            "Nút «↩️ Hoàn tác» sau khi lưu hộ dùng được trong số phút này (0: không có)",
            '"↩️ Hoàn tác" on a saved household works this long (0: no quick undo)',
        ),
    ] = 60
    stop_seconds: Annotated[
        PositiveInt,
        Doc(
            "Khi nhận SIGTERM: số giây để xử lý xong tin đang làm; phần còn lại chờ lần chạy sau",
            "On SIGTERM: seconds to finish the messages in hand; the rest waits in the inbox",
        ),
    ] = 10
    delivery_days: Annotated[
        PositiveInt,
        Doc(
            "Số ngày giữ mã các tin đã xử lý (để tin gửi lặp chỉ tính một lần)",
            "Days processed messages' ids are kept (so a message delivered twice counts once)",
        ),
    ] = 30
    file_mb: Annotated[
        PositiveInt,
        Doc(
            "Ảnh hoặc PDF biên nhận gắn vào hộ: dung lượng tối đa mỗi tệp, tính bằng MB "
            "(Telegram chỉ cho bot tải tệp đến 20 MB)",
            "A photo or PDF receipt attached to an entry: the largest file, in MB (Telegram "
            "lets bots download files up to 20 MB)",
        ),
    ] = 10


# --- the sections that become domain values -------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class CampaignSection:
    """→ models.rules.CampaignConfig (its defaults)."""

    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    code: Annotated[
        Text,
        Doc(
            "Mã phong trào (giữ nguyên suốt phong trào; năm sau: mã mới)",
            "Campaign code (stable for the campaign; next year's campaign: a new one)",
        ),
    ]
    name: Annotated[Text, Doc("Tên phong trào", "Name of the campaign")]
    unit: Annotated[
        Text,
        Doc(
            "Đơn vị tổ chức (xã, phường, đặc khu)",
            "The unit running it (commune, ward, special zone)",
        ),
    ]
    start: Annotated[Day, Doc("Ngày bắt đầu, dạng 2026-01-01", "First day, like 2026-01-01")]
    end: Annotated[
        Day,
        Doc(
            "Ngày kết thúc (không trước start); ngoài khoảng này không ghi nhận",
            "Last day (not before start); entries outside are refused",
        ),
    ]
    coverage_threshold: Annotated[
        Share,
        Doc(
            "Khen tập thể: tỷ lệ hộ của ấp đã được hướng dẫn",
            "Collective award: share of the hamlet's households guided",
        ),
    ] = CampaignConfig.coverage_threshold
    large_hamlet_households: Annotated[
        PositiveInt,
        Doc(
            "Ấp có từ chừng này hộ trở lên là ấp lớn", "Hamlets this size or larger count as large"
        ),
    ] = CampaignConfig.large_hamlet_households
    procedures_required_large: Annotated[
        PositiveInt,
        Doc(
            "Giải đặc biệt: số thủ tục mỗi hộ ở ấp lớn",
            "Special prize: procedures per household in large hamlets",
        ),
    ] = CampaignConfig.procedures_required_large
    procedures_required_small: Annotated[
        PositiveInt,
        Doc(
            "Giải đặc biệt: số thủ tục mỗi hộ ở ấp nhỏ hơn",
            "Special prize: procedures per household in smaller hamlets",
        ),
    ] = CampaignConfig.procedures_required_small
    max_collective_awards: Annotated[
        Count, Doc("Số tập thể được khen tối đa", "Most collective awards")
    ] = CampaignConfig.max_collective_awards
    max_individual_awards: Annotated[
        Count, Doc("Số cá nhân được khen tối đa", "Most individual awards")
    ] = CampaignConfig.max_individual_awards
    max_special_prizes: Annotated[Count, Doc("Số giải đặc biệt tối đa", "Most special prizes")] = (
        CampaignConfig.max_special_prizes
    )


@dataclass(frozen=True, kw_only=True)
class HamletEntry:
    """→ models.rules.HamletConfig."""

    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    code: Annotated[
        Text,
        Doc(
            "Mã ấp (ngắn, không dấu cách; viết hoa khi lưu)",
            "Hamlet code (short, no spaces; stored in capitals)",
        ),
    ]
    name: Annotated[Text, Doc("Tên ấp", "Hamlet name")]
    households: Annotated[PositiveInt, Doc("Tổng số hộ của ấp", "The hamlet's total households")]
    unit: Annotated[
        Text,
        Doc(
            "Xã/phường/đặc khu của ấp khi một cấu hình gồm nhiều đơn vị; để trống: campaign.unit",
            "The commune the hamlet belongs to, when one configuration covers several; unset: "
            "campaign.unit",
        ),
    ] = HamletConfig.unit


@dataclass(frozen=True, kw_only=True)
class ProcedureEntry:
    """→ models.rules.ProcedureConfig."""

    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    code: Annotated[
        Text, Doc("Mã thủ tục (viết hoa khi lưu)", "Procedure code (stored in capitals)")
    ]
    name: Annotated[Text, Doc("Tên thủ tục hành chính", "Name of the procedure")]
    short: Annotated[
        Text,
        Doc(
            "Tên ngắn trên nút bấm điện thoại (≤ 22 ký tự); không đặt: tên, cắt còn 22 ký tự",
            "Button label on a phone (≤ 22 characters); unset: the name, cut to 22",
        ),
    ] = ProcedureConfig.short


@dataclass(frozen=True, kw_only=True)
class QualitySection:
    """→ models.rules.QualityRules (its defaults): what /canhbao flags."""

    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    late_days: Annotated[
        PositiveInt,
        Doc(
            "Ghi nhận muộn từ chừng này ngày trở lên sau ngày hướng dẫn",
            "Recorded this many days or more after the guidance day",
        ),
    ] = QualityRules.late_days
    burst_count: Annotated[
        AtLeastTwo, Doc("Chừng này hộ do một cán bộ ghi …", "This many entries by one officer …")
    ] = QualityRules.burst_count
    burst_minutes: Annotated[
        PositiveInt, Doc("… trong chừng này phút", "… within this many minutes")
    ] = QualityRules.burst_minutes
    night_from: Annotated[
        ClockTime, Doc("Ghi nhận ban đêm: từ giờ này …", "Recorded at night: from this time …")
    ] = QualityRules.night_from
    night_to: Annotated[ClockTime, Doc("… đến giờ này", "… to this time")] = QualityRules.night_to


@dataclass(frozen=True, kw_only=True)
class RoundEntry:
    """→ models.rules.AwardRound."""

    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    code: Annotated[
        RoundCode,
        Doc(
            "Mã đợt khen (chữ, số, - hoặc _, tối đa 16 ký tự; giữ nguyên sau khi đã lập đề xuất)",
            "Round code (letters, digits, - or _, up to 16; keep it once proposals exist)",
        ),
    ]
    name: Annotated[
        Text, Doc("Tên đợt, ví dụ «Khen thưởng năm 2027»", 'Its name, like "Awards 2027"')
    ]
    start: Annotated[Day, Doc("Ngày đầu kỳ xét", "First day of the period reviewed")]
    end: Annotated[
        Day,
        Doc(
            "Ngày cuối kỳ xét (trong thời gian phong trào)",
            "Last day of the period reviewed (within the campaign)",
        ),
    ]
    max_collective_awards: Annotated[
        OptionalCount,
        Doc(
            "Số tập thể được khen tối đa; không đặt: như [campaign]",
            "Most collective awards; unset: as in [campaign]",
        ),
    ] = None
    max_individual_awards: Annotated[
        OptionalCount,
        Doc(
            "Số cá nhân được khen tối đa; không đặt: như [campaign]",
            "Most individual awards; unset: as in [campaign]",
        ),
    ] = None
    max_special_prizes: Annotated[
        OptionalCount,
        Doc(
            "Số giải đặc biệt tối đa; không đặt: như [campaign]",
            "Most special prizes; unset: as in [campaign]",
        ),
    ] = None
    deadline: Annotated[
        OptionalDay,
        Doc(
            "Hạn gửi hồ sơ về phòng Văn hóa – Xã hội (nếu kế hoạch có)",
            "Dossiers due at the office by this day (when the plan sets one)",
        ),
    ] = None


def _award_rule(name: str) -> Callable[[], Any]:
    """AwardRules' default, read when needed: models.awards loads SQLAlchemy."""

    def default() -> Any:
        from models.awards import AwardRules

        return getattr(AwardRules, name)

    return default


@dataclass(frozen=True, kw_only=True)
class AwardsSection:
    """→ models.awards.AwardRules (its defaults): how /khenthuong ranks."""

    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    collective_order: Annotated[
        HamletOrder,
        Doc(
            "Thứ tự xếp hạng khen tập thể, chỉ số quan trọng nhất trước",
            "Ranking of collectives, most important metric first",
        ),
    ] = field(default_factory=_award_rule("collective_order"))
    special_order: Annotated[
        HamletOrder, Doc("Thứ tự xếp hạng giải đặc biệt", "Ranking of special prizes")
    ] = field(default_factory=_award_rule("special_order"))
    individual_order: Annotated[
        OfficerOrder, Doc("Thứ tự xếp hạng khen cá nhân", "Ranking of individuals")
    ] = field(default_factory=_award_rule("individual_order"))
    close_margin: Annotated[
        Share,
        Doc(
            "Ấp thiếu không quá chừng này dưới một ngưỡng được liệt kê là «gần đạt»",
            'Hamlets this close below a threshold are listed as "close"',
        ),
    ] = field(default_factory=_award_rule("close_margin"))
    close_individuals: Annotated[
        Count,
        Doc(
            "Số cán bộ «gần đạt» liệt kê ngay sau giới hạn khen cá nhân",
            "Officers listed as close just outside the individual cap",
        ),
    ] = field(default_factory=_award_rule("close_individuals"))
    individual_min_households: Annotated[
        PositiveInt,
        Doc(
            "Cán bộ cần hướng dẫn ít nhất chừng này hộ để được xét",
            "Households an officer must have guided to be considered",
        ),
    ] = field(default_factory=_award_rule("individual_min_households"))
    rounds: Annotated[
        tuple[RoundEntry, ...],
        Msg("cfg_list", name="awards.rounds"),
        Doc(
            "Các đợt khen, mỗi đợt một khối [[awards.rounds]] (được chồng lên nhau); không có: "
            "sơ kết 6 tháng và tổng kết năm, hoặc với phong trào nhiều năm: từng năm và cả "
            "giai đoạn, với giới hạn số khen ở [campaign]",
            "Award rounds, one [[awards.rounds]] block each (they may overlap); none: a 6-month "
            "and a year-end review, or for a campaign over several years one per year and one "
            "for the whole phase, with the caps in [campaign]",
        ),
    ] = ()


# --- small tables that become single values of `Settings` ------------------------------------


@dataclass(frozen=True, kw_only=True)
class DatabaseSection:
    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    url: Annotated[
        DatabaseUrl,
        Doc(
            "Địa chỉ CSDL (SQLAlchemy async); đường dẫn SQLite tương đối tính từ tệp cấu hình; "
            "không đặt: data_dir/bot.sqlite3",
            "Database URL (SQLAlchemy async); relative SQLite paths are relative to the config "
            "file; unset: data_dir/bot.sqlite3",
        ),
    ] = None


@dataclass(frozen=True, kw_only=True)
class InvitesSection:
    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    ttl_hours: Annotated[
        PositiveInt,
        Doc("Mã mời hết hạn sau số giờ này", "An invite code expires after this many hours"),
    ] = 72


@dataclass(frozen=True, kw_only=True)
class PrivacyConfig:
    """What the notice on personal data (Decree 13/2023/NĐ-CP) tells people, at
    registration and with /quyenriengtu."""

    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    keep_years: Annotated[
        PositiveInt,
        Doc(
            "Số năm giữ dữ liệu cá nhân sau khi phong trào kết thúc (thời hạn lưu hồ sơ thi "
            "đua, khen thưởng)",
            "Years personal data is kept after the campaign ends (how long award records are kept)",
        ),
    ] = 5
    contact: Annotated[
        Text,
        Doc(
            "Nơi người dân và cán bộ hỏi, xin sửa hoặc xóa dữ liệu của mình",
            "Where people ask about, correct or delete their data",
        ),
    ] = "Phòng Văn hóa – Xã hội"


@dataclass(frozen=True, kw_only=True)
class ReportsSection:
    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    inactive_days: Annotated[
        PositiveInt,
        Doc(
            "Cán bộ không ghi nhận hộ nào trong chừng này ngày bị đánh dấu 💤",
            "An officer with no entry for this many days is flagged 💤",
        ),
    ] = 3


@dataclass(frozen=True, kw_only=True)
class RostersSection:
    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    suggestions: Annotated[
        PositiveInt,
        Doc("Số hộ /chuahuongdan gợi ý mỗi lần", "Households /chuahuongdan suggests at a time"),
    ] = 5
    total_tolerance: Annotated[
        Tolerance,
        Doc(
            "Danh sách làm tổng số hộ của ấp thay đổi quá tỷ lệ này phải chờ giám sát duyệt "
            "(/duyetso); 0: mọi thay đổi đều chờ",
            "A list changing a hamlet's total by more than this share waits for a supervisor's "
            "approval (/duyetso); 0: every change waits",
        ),
    ] = 0.05


def _enabled_when_present(value: object) -> object:
    """A [zalo] table turns Zalo on unless it says `enabled = false`."""
    if isinstance(value, dict) and "enabled" not in value:
        return {**value, "enabled": True}
    return value


@dataclass(frozen=True, kw_only=True)
class ConfigFile:
    """The whole file, in the order of config.example.toml and docs/configuration.md."""

    __pydantic_config__: ClassVar[ConfigDict] = STRICT

    language: Annotated[
        Language,
        Doc("Ngôn ngữ mặc định của tin nhắn bot", "Default language of the bot's messages"),
    ] = "vi"
    timezone: Annotated[
        Timezone,
        Doc(
            "Múi giờ tính «hôm nay», tuần và tiến độ",
            'Zone in which "today", weeks and pace are computed',
        ),
    ] = "Asia/Ho_Chi_Minh"
    data_dir: Annotated[
        Folder,
        Doc(
            "Thư mục dữ liệu (tệp SQLite mặc định, tệp xuất), tương đối tính từ tệp cấu hình",
            "Data folder (the default SQLite file, exports), relative to the config file",
        ),
    ] = "data"
    database: Annotated[DatabaseSection, Doc("Cơ sở dữ liệu", "The database")] = field(
        default_factory=DatabaseSection
    )
    campaign: Annotated[
        CampaignSection,
        Doc(
            "Phong trào: thời gian, ngưỡng khen thưởng và giới hạn số khen",
            "The campaign: period, award thresholds and caps",
        ),
    ]
    invites: Annotated[InvitesSection, Doc("Mã mời", "Invite codes")] = field(
        default_factory=InvitesSection
    )
    privacy: Annotated[
        PrivacyConfig,
        Doc(
            "Thông báo về dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP)",
            "The notice on personal data (Decree 13/2023/NĐ-CP)",
        ),
    ] = field(default_factory=PrivacyConfig)
    chat: Annotated[
        ChatConfig,
        Doc(
            "Trò chuyện: thời hạn câu hỏi, hoàn tác, lưu mã tin",
            "Chat: question timeouts, undo, processed ids",
        ),
    ] = field(default_factory=ChatConfig)
    quality: Annotated[
        QualitySection,
        Doc(
            "/canhbao: ghi nhận văn phòng có thể muốn gọi kiểm tra",
            "/canhbao: entries the office may want to phone about",
        ),
    ] = field(default_factory=QualitySection)
    reports: Annotated[ReportsSection, Doc("Báo cáo", "Reports")] = field(
        default_factory=ReportsSection
    )
    verification: Annotated[
        VerificationConfig,
        Doc(
            "Gọi kiểm tra xác suất (/kiemtra); ấp và cán bộ nào có ghi nhận cũng được gọi ít "
            "nhất một hộ",
            "Spot-check calls (/kiemtra); every hamlet and officer with entries gets at least "
            "one call",
        ),
    ] = field(default_factory=VerificationConfig)
    awards: Annotated[
        AwardsSection,
        Doc(
            "/khenthuong: thứ tự xếp hạng (ngưỡng và giới hạn ở [campaign])",
            "/khenthuong: ranking orders (thresholds and caps are in [campaign])",
        ),
    ] = field(default_factory=AwardsSection)
    rosters: Annotated[RostersSection, Doc("Danh sách hộ của ấp", "Household lists")] = field(
        default_factory=RostersSection
    )
    notifications: Annotated[
        NotificationConfig,
        Doc(
            "Tin tự gửi (giờ theo timezone); mỗi tin gửi một lần cho mỗi kỳ và người nhận",
            "Pushed messages (times in `timezone`); each goes out once per period and recipient",
        ),
    ] = field(default_factory=NotificationConfig)
    telegram: Annotated[TelegramConfig, Doc("Kênh Telegram", "The Telegram channel")] = field(
        default_factory=TelegramConfig
    )
    zalo: Annotated[
        ZaloConfig,
        BeforeValidator(_enabled_when_present),
        Doc(
            "Kênh Zalo Bot Platform (chỉ chữ: lựa chọn đánh số, tệp gửi qua liên kết tải)",
            "The Zalo Bot Platform channel (text only: numbered options, files as download links)",
        ),
    ] = field(default_factory=ZaloConfig)
    http: Annotated[
        HttpConfig,
        Doc(
            "Máy chủ HTTP cho webhook, liên kết tải và /healthz; `run` bật khi có kênh dùng "
            "webhook hoặc có public_url",
            "The HTTP server for webhooks, download links and /healthz; `run` starts it when a "
            "channel uses a webhook or public_url is set",
        ),
    ] = field(default_factory=HttpConfig)
    hamlets: Annotated[
        tuple[HamletEntry, ...],
        Field(min_length=1),
        Msg("cfg_list", name="hamlets"),
        Doc("Các ấp, mỗi ấp một khối [[hamlets]]", "The hamlets, one [[hamlets]] block each"),
    ]
    procedures: Annotated[
        tuple[ProcedureEntry, ...],
        Field(min_length=1),
        Msg("cfg_list", name="procedures"),
        Doc(
            "Các thủ tục, theo thứ tự cán bộ đánh số («1, 3»)",
            'The procedures, in the order officers number them ("1, 3")',
        ),
    ]


__all__ = [
    "AwardsSection",
    "CampaignSection",
    "ChannelConfig",
    "ChatConfig",
    "ConfigFile",
    "DatabaseSection",
    "HamletEntry",
    "HttpConfig",
    "InvitesSection",
    "NotificationConfig",
    "PrivacyConfig",
    "ProcedureEntry",
    "QualitySection",
    "ReportsSection",
    "RostersSection",
    "RoundEntry",
    "TelegramConfig",
    "VerificationConfig",
    "ZaloConfig",
]
