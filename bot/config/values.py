"""The kinds of value a setting can hold: type, constraint and the message shown when a value
is wrong, each in one `Annotated` alias that pydantic validates against.

`Msg` names the catalog message (handlers/texts, "cfg_…") for any wrong value of a kind;
docs/configuration.md shows the same message as the valid values. `Doc` is a setting's
one-line description. Both are plain markers: pydantic ignores them, `bot.config.keys` reads
them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field, PlainValidator, Strict
from pydantic_core import PydanticCustomError

from models.text import fold

LANGUAGES = ("vi", "en")
POLLING = "polling"
WEBHOOK = "webhook"
TZ_ALIASES = {"Asia/Saigon": "Asia/Ho_Chi_Minh"}


class Doc:
    """What a setting is for, one line in Vietnamese and one in English."""

    __slots__ = ("en", "vi")

    def __init__(self, vi: str, en: str) -> None:
        self.vi = vi
        self.en = en


class Msg:
    """The message for a wrong value: a catalog key and its values (a callable value is
    called when the message is shown, so a list of names can live where it belongs).
    `shown_as`: the message docs show instead (a port: "1 to 65535", not "≥ 1");
    `show`: how docs write the default (a weekday number as its name)."""

    __slots__ = ("code", "params", "show", "shown_as")

    def __init__(
        self,
        code: str,
        /,
        *,
        shown_as: str | None = None,
        show: Callable[[Any], str] | None = None,
        **params: object,
    ) -> None:
        self.code = code
        self.params = params
        self.shown_as = shown_as
        self.show = show

    def values(self) -> dict[str, object]:
        return {k: v() if callable(v) else v for k, v in self.params.items()}


# --- validators (a ValueError becomes the kind's `Msg`) -------------------------------------


def _text(value: str) -> str:
    if not value.strip():
        raise ValueError("blank")
    return value.strip()


def _not_blank(value: str | None) -> str | None:
    if value is not None and not value.strip():
        raise ValueError("blank")
    return value


def _not_empty(value: str | None) -> str | None:
    if value is not None and not value:
        raise ValueError("empty")
    return value


def _one_of(*allowed: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(value)
        return value

    return check


def _url(*, https: bool = False, empty: bool = False, trim: bool = False) -> Callable[[str], str]:
    """An address starting with https:// (or http://); `empty`: "" means unset; `trim`:
    a trailing slash is dropped."""
    prefixes = ("https://",) if https else ("http://", "https://")

    def check(value: str) -> str:
        if not (value.startswith(prefixes) or (empty and not value)):
            raise ValueError(value)
        return value.rstrip("/") if trim else value

    return check


def _bot_token(value: str | None) -> str | None:
    if value is not None and ":" not in value:
        raise ValueError("not a token")
    return value


def _secret(value: str | None) -> str | None:
    # Both messengers accept 1–256 characters of A–Z a–z 0–9 _ - (Zalo wants 8 or more).
    if value is not None and (
        not 8 <= len(value) <= 256
        or not value.isascii()
        or not all(c.isalnum() or c in "_-" for c in value)
    ):
        raise ValueError("bad secret")
    return value


def _port(value: int) -> int:
    if value > 65535:
        raise PydanticCustomError("cfg_port", "port above 65535")
    return value


def _timezone(value: str) -> str:
    name = TZ_ALIASES.get(value, value)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(value) from exc
    return name


def _db_url(value: str | None) -> str | None:
    if value is not None and "://" not in value:
        raise ValueError(value)
    return value


def _date(value: object) -> date:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(value)


def _clock_time(value: object) -> time:
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    if isinstance(value, str):
        try:
            return time.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(value)


WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "thu2": 0,
    "t2": 0,
    "tuesday": 1,
    "tue": 1,
    "thu3": 1,
    "t3": 1,
    "wednesday": 2,
    "wed": 2,
    "thu4": 2,
    "t4": 2,
    "thursday": 3,
    "thu": 3,
    "thu5": 3,
    "t5": 3,
    "friday": 4,
    "fri": 4,
    "thu6": 4,
    "t6": 4,
    "saturday": 5,
    "sat": 5,
    "thu7": 5,
    "t7": 5,
    "sunday": 6,
    "sun": 6,
    "chunhat": 6,
    "cn": 6,
}
DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday(value: object) -> int:
    name = fold(str(value)).replace(" ", "")  # "Thứ 2" and "thu2" alike
    if name in WEEKDAYS:
        return WEEKDAYS[name]
    raise ValueError(value)


def hamlet_metrics() -> tuple[str, ...]:
    # models.awards loads SQLAlchemy: read when a value is checked or documented, not on import.
    from models.awards import HAMLET_METRICS

    return HAMLET_METRICS


def officer_metrics() -> tuple[str, ...]:
    from models.awards import OFFICER_METRICS

    return OFFICER_METRICS


def match_names() -> tuple[str, ...]:
    from models.verification import MATCHES

    return MATCHES


def _names(
    known: Callable[[], tuple[str, ...]], *, empty: bool, unique: bool
) -> Callable[[object], tuple[str, ...]]:
    """A list of names from `known`, in the order given."""

    def check(value: object) -> tuple[str, ...]:
        names = known()
        if (
            not isinstance(value, list)
            or (not value and not empty)
            or any(v not in names for v in value)
        ):
            raise ValueError(value)
        return tuple(dict.fromkeys(value)) if unique else tuple(value)

    return check


def _joined(known: Callable[[], tuple[str, ...]]) -> Callable[[], str]:
    return lambda: ", ".join(known())


# --- the kinds ------------------------------------------------------------------------------

Bool = Annotated[bool, Strict(), Msg("cfg_bool")]
Count = Annotated[int, Strict(), Field(ge=0), Msg("cfg_int", minimum=0)]
PositiveInt = Annotated[int, Strict(), Field(ge=1), Msg("cfg_int", minimum=1)]
AtLeastTwo = Annotated[int, Strict(), Field(ge=2), Msg("cfg_int", minimum=2)]
Port = Annotated[
    int,
    Strict(),
    Field(ge=1),
    AfterValidator(_port),
    Msg("cfg_int", minimum=1, shown_as="cfg_port"),
]
# A share in (0, 1]: 0.95 is 95%.
Share = Annotated[float, Strict(), Field(gt=0, le=1), Msg("cfg_fraction")]
OptionalShare = Annotated[Annotated[float, Strict(), Field(gt=0, le=1)] | None, Msg("cfg_fraction")]
Tolerance = Annotated[float, Strict(), Field(ge=0, lt=1), Msg("cfg_tolerance")]
SendRate = Annotated[float, Strict(), Field(gt=0, le=30), Msg("cfg_rate")]
# Text that is not blank, surrounding spaces removed.
Text = Annotated[str, Strict(), AfterValidator(_text), Msg("cfg_text")]
NonEmpty = Annotated[str, Strict(), Field(min_length=1), Msg("cfg_text")]
OptionalText = Annotated[str | None, Strict(), AfterValidator(_not_blank), Msg("cfg_text")]
BotToken = Annotated[str | None, Strict(), AfterValidator(_bot_token), Msg("cfg_token")]
EnvName = Annotated[str | None, Strict(), AfterValidator(_not_empty), Msg("cfg_env_name")]
Secret = Annotated[str | None, Strict(), AfterValidator(_secret), Msg("cfg_secret")]
Mode = Annotated[str, Strict(), AfterValidator(_one_of(POLLING, WEBHOOK)), Msg("cfg_mode")]
Language = Annotated[str, Strict(), AfterValidator(_one_of(*LANGUAGES)), Msg("cfg_language")]
Timezone = Annotated[str, Strict(), AfterValidator(_timezone), Msg("cfg_timezone")]
Folder = Annotated[str, Strict(), Field(min_length=1), Msg("cfg_folder")]
DatabaseUrl = Annotated[str | None, Strict(), AfterValidator(_db_url), Msg("cfg_db_url")]
# Telegram's Bot API addresses (self-hosted: http://host:8081/bot and /file/bot).
BotApiUrl = Annotated[str, Strict(), AfterValidator(_url()), Msg("cfg_url")]
BotFileUrl = Annotated[str, Strict(), AfterValidator(_url()), Msg("cfg_file_url")]
BaseUrl = Annotated[str, Strict(), AfterValidator(_url(trim=True)), Msg("cfg_base_url")]
PublicUrl = Annotated[
    str, Strict(), AfterValidator(_url(empty=True, trim=True)), Msg("cfg_base_url")
]
# Messengers refuse plain-http webhooks; "" means http.public_url + the channel's path.
WebhookUrl = Annotated[
    str, Strict(), AfterValidator(_url(https=True, empty=True, trim=True)), Msg("cfg_https")
]
Day = Annotated[date, PlainValidator(_date), Msg("cfg_date")]
OptionalDay = Annotated[Annotated[date, PlainValidator(_date)] | None, Msg("cfg_date")]
OptionalCount = Annotated[Annotated[int, Strict(), Field(ge=0)] | None, Msg("cfg_int", minimum=0)]
# An award round's code: what proposals record (16 characters at most), no spaces.
RoundCode = Annotated[str, Strict(), Field(pattern=r"^[A-Za-z0-9_-]{1,16}$"), Msg("cfg_round_code")]
ClockTime = Annotated[
    time, PlainValidator(_clock_time), Msg("cfg_time", show=lambda t: f"{t:%H:%M}")
]
Weekday = Annotated[int, PlainValidator(_weekday), Msg("cfg_weekday", show=lambda d: DAY_NAMES[d])]
HamletOrder = Annotated[
    tuple[str, ...],
    PlainValidator(_names(hamlet_metrics, empty=False, unique=False)),
    Msg("cfg_order", known=_joined(hamlet_metrics)),
]
OfficerOrder = Annotated[
    tuple[str, ...],
    PlainValidator(_names(officer_metrics, empty=False, unique=False)),
    Msg("cfg_order", known=_joined(officer_metrics)),
]
MustMatch = Annotated[
    tuple[str, ...],
    PlainValidator(_names(match_names, empty=True, unique=True)),
    Msg("cfg_must_match", known=_joined(match_names)),
]
