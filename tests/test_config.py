"""bot.config: defaults, every error names its key, and the CLI (`python -m bot`)."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.config import ConfigError, load_settings, parse_settings
from tests.conftest import HAMLETS, raw_config
from tests.support.cli import finish, start

REPO = Path(__file__).resolve().parent.parent


def _error(raw: dict[str, Any], base: Path) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        parse_settings(raw, base)
    return info.value


def test_defaults(tmp_path: Path) -> None:
    s = parse_settings(raw_config(tmp_path), tmp_path)
    assert s.timezone.key == "Asia/Ho_Chi_Minh"
    assert s.language == "vi"
    c = s.campaign
    assert c.coverage_threshold == 0.95
    assert c.large_hamlet_households == 365
    assert c.procedures_required_large == 1
    assert c.procedures_required_small == 2
    assert (c.max_collective_awards, c.max_individual_awards, c.max_special_prizes) == (6, 26, 3)
    assert c.start == date(2026, 1, 1) and c.end == date(2026, 12, 31)
    assert s.invite_ttl_hours == 72
    assert [h.code for h in s.hamlets] == [h["code"] for h in HAMLETS]
    assert [h.households for h in s.hamlets] == [h["households"] for h in HAMLETS]
    assert s.telegram.base_url == "https://api.telegram.org/bot"
    assert s.telegram.resolve_token() == "123456:TEST-token-not-real"


def test_omitted_optional_keys_take_defaults(tmp_path: Path) -> None:
    raw = raw_config(tmp_path)
    for key in ("language", "timezone", "database", "telegram"):
        del raw[key]
    s = parse_settings(raw, tmp_path)
    assert s.language == "vi"
    assert s.timezone.key == "Asia/Ho_Chi_Minh"
    assert s.database_url == f"sqlite+aiosqlite:///{tmp_path / 'data' / 'bot.sqlite3'}"
    assert s.telegram.token is None


def test_chat_timings_and_short_procedure_labels(tmp_path: Path) -> None:
    s = parse_settings(raw_config(tmp_path), tmp_path)
    assert (s.chat.menu_minutes, s.chat.household_minutes, s.chat.undo_minutes) == (30, 120, 60)
    assert s.procedures[0].short == ""
    procs = [{"code": "LLTP", "name": "Cấp phiếu lý lịch tư pháp", "short": "Lý lịch tư pháp"}]
    s = parse_settings(raw_config(tmp_path, chat={"undo_minutes": 0}, procedures=procs), tmp_path)
    assert s.chat.undo_minutes == 0 and s.procedures[0].short == "Lý lịch tư pháp"
    bad = raw_config(tmp_path, procedures=[{"code": "X", "name": "Thủ tục", "short": ""}])
    assert _error(bad, tmp_path).key == "procedures[0].short"


def test_roster_total_tolerance(tmp_path: Path) -> None:
    assert parse_settings(raw_config(tmp_path), tmp_path).roster_total_tolerance == 0.05
    s = parse_settings(raw_config(tmp_path, rosters={"total_tolerance": 0}), tmp_path)
    assert s.roster_total_tolerance == 0.0
    s = parse_settings(raw_config(tmp_path, rosters={"total_tolerance": 0.1}), tmp_path)
    assert s.roster_total_tolerance == 0.1


def test_late_summary_limit_and_delivery_retention(tmp_path: Path) -> None:
    s = parse_settings(raw_config(tmp_path), tmp_path)
    assert s.notifications.weekly_latest_hours == 24 and s.chat.delivery_days == 30
    s = parse_settings(
        raw_config(tmp_path, notifications={"weekly_latest_hours": 48}, chat={"delivery_days": 7}),
        tmp_path,
    )
    assert s.notifications.weekly_latest_hours == 48 and s.chat.delivery_days == 7
    example = load_settings(REPO / "config.example.toml")
    assert example.notifications.weekly_latest_hours == 24
    assert example.chat.delivery_days == 30


def test_dates_may_be_iso_text(tmp_path: Path) -> None:
    raw = raw_config(tmp_path)
    raw["campaign"]["start"] = "2026-02-01"
    assert parse_settings(raw, tmp_path).campaign.start == date(2026, 2, 1)


def test_hamlet_codes_are_upper_cased(tmp_path: Path) -> None:
    raw = raw_config(tmp_path)
    raw["hamlets"][0]["code"] = "bna"
    assert parse_settings(raw, tmp_path).hamlets[0].code == "BNA"


def _set(raw: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    table = raw
    for part in parents:
        table = table[part]
    table[last] = value


@pytest.mark.parametrize(
    ("path", "value", "key"),
    [
        ("campaign.start", "abc", "campaign.start"),
        ("campaign.start", 20260101, "campaign.start"),
        ("campaign.end", date(2025, 12, 31), "campaign.end"),
        ("campaign.coverage_threshold", 1.5, "campaign.coverage_threshold"),
        ("campaign.coverage_threshold", 0, "campaign.coverage_threshold"),
        ("campaign.coverage_threshold", True, "campaign.coverage_threshold"),
        ("campaign.code", "", "campaign.code"),
        ("campaign.procedures_required_small", 0, "campaign.procedures_required_small"),
        ("language", "fr", "language"),
        ("timezone", "Mars/Base", "timezone"),
        ("telegram.base_url", "ftp://x", "telegram.base_url"),
        ("telegram.token", "no-colon", "telegram.token"),
        ("database.url", "bot.sqlite3", "database.url"),
        ("telegram.concurrent_chats", 0, "telegram.concurrent_chats"),
        ("chat", {"menu_minutes": 0}, "chat.menu_minutes"),
        ("chat", {"household_minutes": "2h"}, "chat.household_minutes"),
        ("chat", {"undo_minutes": -1}, "chat.undo_minutes"),
        ("quality", {"burst_count": 1}, "quality.burst_count"),
        ("quality", {"night_from": "late"}, "quality.night_from"),
        ("chat", {"delivery_days": 0}, "chat.delivery_days"),
        ("rosters", {"total_tolerance": 1}, "rosters.total_tolerance"),
        ("rosters", {"total_tolerance": -0.1}, "rosters.total_tolerance"),
        ("rosters", {"total_tolerance": "5%"}, "rosters.total_tolerance"),
        ("notifications", {"weekly_latest_hours": 0}, "notifications.weekly_latest_hours"),
        ("notifications", {"weekly_latest_hours": "1 ngày"}, "notifications.weekly_latest_hours"),
    ],
)
def test_bad_value_names_its_key(tmp_path: Path, path: str, value: Any, key: str) -> None:
    raw = raw_config(tmp_path)
    _set(raw, path, value)
    err = _error(raw, tmp_path)
    assert err.key == key
    assert err.expected
    assert str(err).startswith(key)


def test_missing_campaign(tmp_path: Path) -> None:
    raw = raw_config(tmp_path)
    del raw["campaign"]
    assert _error(raw, tmp_path).key == "campaign"


def test_missing_hamlets(tmp_path: Path) -> None:
    assert _error(raw_config(tmp_path, hamlets=[]), tmp_path).key == "hamlets"


def test_hamlet_with_no_households(tmp_path: Path) -> None:
    raw = raw_config(tmp_path)
    raw["hamlets"][0]["households"] = 0
    assert _error(raw, tmp_path).key == "hamlets[0].households"


def test_hamlets_name_their_commune_or_take_the_campaigns(tmp_path: Path) -> None:
    raw = raw_config(tmp_path)
    raw["hamlets"][0]["unit"] = "Xã Hòn Tre"
    hamlets = parse_settings(raw, tmp_path).hamlets
    assert (hamlets[0].unit, hamlets[1].unit) == ("Xã Hòn Tre", "")
    raw["hamlets"][0]["unit"] = " "
    assert _error(raw, tmp_path).key == "hamlets[0].unit"


def test_duplicate_hamlet_code(tmp_path: Path) -> None:
    raw = raw_config(tmp_path)
    raw["hamlets"][1]["code"] = raw["hamlets"][0]["code"].lower()
    assert _error(raw, tmp_path).key == "hamlets[1].code"


def test_duplicate_procedure_code(tmp_path: Path) -> None:
    raw = raw_config(tmp_path)
    raw["procedures"][2]["code"] = "ks"
    assert _error(raw, tmp_path).key == "procedures[2].code"


def test_token_env_unset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DVC_TEST_TOKEN_UNSET", raising=False)
    s = parse_settings(
        raw_config(tmp_path, telegram={"token_env": "DVC_TEST_TOKEN_UNSET"}), tmp_path
    )
    with pytest.raises(ConfigError) as info:
        s.telegram.resolve_token()
    assert info.value.key == "telegram.token_env"
    assert "DVC_TEST_TOKEN_UNSET" in info.value.expected


def test_token_env_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DVC_TEST_TOKEN_SET", " 42:abc \n")
    s = parse_settings(raw_config(tmp_path, telegram={"token_env": "DVC_TEST_TOKEN_SET"}), tmp_path)
    assert s.telegram.resolve_token() == "42:abc"


def test_no_token_at_all(tmp_path: Path) -> None:
    s = parse_settings(raw_config(tmp_path, telegram={}), tmp_path)
    with pytest.raises(ConfigError) as info:
        s.telegram.resolve_token()
    assert info.value.key == "telegram.token"


def test_saigon_alias(tmp_path: Path) -> None:
    s = parse_settings(raw_config(tmp_path, timezone="Asia/Saigon"), tmp_path)
    assert s.timezone.key == "Asia/Ho_Chi_Minh"


def test_relative_sqlite_url_is_relative_to_config_file(tmp_path: Path) -> None:
    folder = tmp_path / "conf"
    folder.mkdir()
    path = folder / "config.toml"
    path.write_text(_example_toml("sqlite+aiosqlite:///data/bot.sqlite3"), encoding="utf-8")
    s = load_settings(path)
    assert s.database_url == f"sqlite+aiosqlite:///{folder.resolve() / 'data' / 'bot.sqlite3'}"
    assert s.source == path.resolve()
    assert s.data_dir == folder.resolve() / "data"


def test_absolute_sqlite_url_is_kept(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'x.sqlite3'}"
    s = parse_settings(raw_config(tmp_path, database={"url": url}), Path("/elsewhere"))
    assert s.database_url == url


def test_load_settings_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path / "nope.toml")
    assert info.value.key == "--config"


def test_load_settings_invalid_toml(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("language = \n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings(path)


def test_example_config_loads() -> None:
    s = load_settings(REPO / "config.example.toml")
    assert s.campaign.code == "kienhai-2026"
    assert len(s.hamlets) == 13


def test_example_config_has_zalo_off_and_an_http_port() -> None:
    s = load_settings(REPO / "config.example.toml")
    assert s.zalo.enabled is False
    assert isinstance(s.http.port, int)


# --- [telegram] channel keys, [zalo] and [http] -------------------------------------------


def _with(tmp: Path, **tables: dict[str, Any]) -> dict[str, Any]:
    """raw_config with keys added to (or a table created for) [telegram], [zalo], [http];
    a key given as None is removed (raw_config's [telegram] has an inline token)."""
    raw = raw_config(tmp)
    for name, values in tables.items():
        table = raw.setdefault(name, {})
        for key, value in values.items():
            if value is None:
                table.pop(key, None)
            else:
                table[key] = value
    return raw


def test_channel_and_http_defaults(tmp_path: Path) -> None:
    s = parse_settings(raw_config(tmp_path), tmp_path)
    assert "zalo" not in raw_config(tmp_path) and "http" not in raw_config(tmp_path)
    assert s.telegram.enabled is True
    assert s.telegram.mode == "polling" and s.telegram.webhook_url == ""
    assert s.telegram.webhook_secret is None and s.telegram.resolve_secret() is None
    z = s.zalo
    assert z.enabled is False
    assert (z.token, z.token_env, z.mode, z.polling_timeout) == (None, None, "polling", 30)
    assert z.base_url == "https://bot-api.zaloplatforms.com"
    assert z.webhook_url == "" and z.resolve_secret() is None
    h = s.http
    assert (h.host, h.port, h.public_url, h.download_minutes) == ("127.0.0.1", 8080, "", 60)
    assert s.serves_http is False


def test_a_zalo_table_enables_zalo_unless_it_says_otherwise(tmp_path: Path) -> None:
    s = parse_settings(_with(tmp_path, zalo={"token_env": "ZALO_BOT_TOKEN"}), tmp_path)
    assert s.zalo.enabled is True and s.zalo.token_env == "ZALO_BOT_TOKEN"
    assert s.telegram.enabled is True  # both run in one process
    assert s.serves_http is False  # both polling, no public address
    s = parse_settings(
        _with(tmp_path, zalo={"enabled": False, "token": "z"}, telegram={"enabled": False}),
        tmp_path,
    )
    assert s.zalo.enabled is False and s.telegram.enabled is False


def test_zalo_base_url_trailing_slash_is_dropped(tmp_path: Path) -> None:
    s = parse_settings(_with(tmp_path, zalo={"base_url": "http://127.0.0.1:9000/"}), tmp_path)
    assert s.zalo.base_url == "http://127.0.0.1:9000"


def test_serves_http_with_a_public_url_or_a_webhook(tmp_path: Path) -> None:
    s = parse_settings(_with(tmp_path, http={"public_url": "http://10.0.0.5:8080/"}), tmp_path)
    assert s.serves_http is True  # download links and /healthz, channels still polling
    assert s.http.public_url == "http://10.0.0.5:8080"
    assert s.http.url("/d/abc") == "http://10.0.0.5:8080/d/abc"
    url = "https://hook.example.vn/zalo/webhook"
    s = parse_settings(
        _with(tmp_path, zalo={"token": "z", "mode": "webhook", "webhook_url": url}), tmp_path
    )
    assert s.serves_http is True and s.http.public_url == ""
    assert s.webhook_url("zalo") == url
    s = parse_settings(_with(tmp_path, telegram={"mode": "webhook", "webhook_url": url}), tmp_path)
    assert s.serves_http is True and s.webhook_url("telegram") == url
    # A disabled channel's webhook mode neither needs an address nor starts the server.
    s = parse_settings(_with(tmp_path, zalo={"enabled": False, "mode": "webhook"}), tmp_path)
    assert s.serves_http is False


def test_webhooks_default_to_paths_under_the_public_url(tmp_path: Path) -> None:
    raw = _with(
        tmp_path,
        telegram={"mode": "webhook"},
        zalo={"token": "z", "mode": "webhook"},
        http={"public_url": "https://bot.example.vn"},
    )
    s = parse_settings(raw, tmp_path)
    assert s.webhook_url("zalo") == "https://bot.example.vn/zalo/webhook"
    assert s.webhook_url("telegram") == "https://bot.example.vn/telegram/webhook"
    assert s.serves_http is True
    # An explicit webhook_url wins (a trailing slash is dropped).
    raw["zalo"]["webhook_url"] = "https://other.example.vn/z/"
    s = parse_settings(raw, tmp_path)
    assert s.webhook_url("zalo") == "https://other.example.vn/z"
    assert s.webhook_url("telegram") == "https://bot.example.vn/telegram/webhook"


@pytest.mark.parametrize("http", [{}, {"public_url": "http://bot.example.vn"}])
@pytest.mark.parametrize("channel", ["zalo", "telegram"])
def test_webhook_mode_needs_an_https_address(
    tmp_path: Path, channel: str, http: dict[str, Any]
) -> None:
    err = _error(
        _with(tmp_path, **{channel: {"token": "1:z", "mode": "webhook"}}, http=http), tmp_path
    )
    assert err.key == f"{channel}.webhook_url"
    assert err.expected == "chế độ webhook cần webhook_url hoặc http.public_url dạng https://"
    assert str(err).startswith(f"{channel}.webhook_url: ")


@pytest.mark.parametrize(
    ("table", "values", "key", "expected"),
    [
        ("zalo", {"mode": "push"}, "zalo.mode", 'cần "polling" hoặc "webhook"'),
        ("telegram", {"mode": "push"}, "telegram.mode", 'cần "polling" hoặc "webhook"'),
        (
            "zalo",
            {"webhook_url": "http://bot.example.vn/zalo/webhook"},
            "zalo.webhook_url",
            "cần địa chỉ công khai bắt đầu bằng https://",
        ),
        (
            "telegram",
            {"webhook_url": "http://bot.example.vn/telegram/webhook"},
            "telegram.webhook_url",
            "cần địa chỉ công khai bắt đầu bằng https://",
        ),
        ("zalo", {"webhook_url": 42}, "zalo.webhook_url", "bắt đầu bằng https://"),
        (
            "zalo",
            {"webhook_secret": "short"},
            "zalo.webhook_secret",
            "cần chuỗi bí mật 8–256 ký tự gồm chữ, số, _ hoặc -",
        ),
        ("zalo", {"webhook_secret": "has some spaces"}, "zalo.webhook_secret", "8–256 ký tự"),
        ("zalo", {"webhook_secret": "bímật-của-bot"}, "zalo.webhook_secret", "8–256 ký tự"),
        ("telegram", {"webhook_secret": "x" * 257}, "telegram.webhook_secret", "8–256 ký tự"),
        ("telegram", {"webhook_secret": "abc"}, "telegram.webhook_secret", "8–256 ký tự"),
        ("http", {"port": 70000}, "http.port", "cần số cổng từ 1 đến 65535"),
        ("http", {"port": 0}, "http.port", "cần một số nguyên ≥ 1"),
        ("http", {"port": "8080"}, "http.port", "cần một số nguyên ≥ 1"),
        (
            "http",
            {"public_url": "ftp://x"},
            "http.public_url",
            "cần địa chỉ bắt đầu bằng http:// hoặc https://",
        ),
        ("http", {"host": ""}, "http.host", "cần một chuỗi ký tự, không để trống"),
        ("http", {"download_minutes": 0}, "http.download_minutes", "cần một số nguyên ≥ 1"),
        (
            "zalo",
            {"base_url": "bot-api.zaloplatforms.com"},
            "zalo.base_url",
            "cần địa chỉ bắt đầu bằng http:// hoặc https://",
        ),
        ("zalo", {"token": ""}, "zalo.token", "cần một chuỗi ký tự, không để trống"),
        ("zalo", {"token": "   "}, "zalo.token", "không để trống"),
        ("zalo", {"token_env": ""}, "zalo.token_env", "cần tên một biến môi trường"),
        ("telegram", {"token_env": ""}, "telegram.token_env", "cần tên một biến môi trường"),
        ("zalo", {"webhook_secret_env": ""}, "zalo.webhook_secret_env", "biến môi trường"),
        ("zalo", {"enabled": "yes"}, "zalo.enabled", "cần true hoặc false"),
        ("telegram", {"enabled": 1}, "telegram.enabled", "cần true hoặc false"),
        ("zalo", {"polling_timeout": 0}, "zalo.polling_timeout", "cần một số nguyên ≥ 1"),
    ],
)
def test_bad_channel_or_http_value(
    tmp_path: Path, table: str, values: dict[str, Any], key: str, expected: str
) -> None:
    err = _error(_with(tmp_path, **{table: values}), tmp_path)
    assert err.key == key
    assert expected in err.expected
    assert str(err) == f"{key}: {err.expected}"


def test_good_webhook_secrets(tmp_path: Path) -> None:
    for secret in ("12345678", "Abc_def-123", "x" * 256):
        s = parse_settings(_with(tmp_path, zalo={"webhook_secret": secret}), tmp_path)
        assert s.zalo.resolve_secret() == secret


@pytest.mark.parametrize("channel", ["zalo", "telegram"])
def test_token_and_secret_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, channel: str
) -> None:
    monkeypatch.setenv("DVC_TEST_CH_TOKEN", " 77:zalo-or-tg \n")
    monkeypatch.setenv("DVC_TEST_CH_SECRET", "s3cret_value-1")
    s = parse_settings(
        _with(
            tmp_path,
            **{
                channel: {
                    "token": None,
                    "token_env": "DVC_TEST_CH_TOKEN",
                    "webhook_secret_env": "DVC_TEST_CH_SECRET",
                }
            },
        ),
        tmp_path,
    )
    cfg = s.zalo if channel == "zalo" else s.telegram
    assert cfg.resolve_token() == "77:zalo-or-tg"
    assert cfg.resolve_secret() == "s3cret_value-1"


@pytest.mark.parametrize("channel", ["zalo", "telegram"])
@pytest.mark.parametrize("value", [None, "", "  "])
def test_empty_environment_variable_names_its_key(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    channel: str,
    value: str | None,
) -> None:
    for name in ("DVC_TEST_CH_TOKEN", "DVC_TEST_CH_SECRET"):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    s = parse_settings(
        _with(
            tmp_path,
            **{
                channel: {
                    "token": None,
                    "token_env": "DVC_TEST_CH_TOKEN",
                    "webhook_secret_env": "DVC_TEST_CH_SECRET",
                }
            },
        ),
        tmp_path,
    )
    cfg = s.zalo if channel == "zalo" else s.telegram
    with pytest.raises(ConfigError) as info:
        cfg.resolve_token()
    assert info.value.key == f"{channel}.token_env"
    assert info.value.expected == "biến môi trường DVC_TEST_CH_TOKEN chưa được đặt hoặc đang trống"
    with pytest.raises(ConfigError) as info:
        cfg.resolve_secret()
    assert info.value.key == f"{channel}.webhook_secret_env"
    assert "DVC_TEST_CH_SECRET" in info.value.expected


def test_inline_token_and_secret_win_over_the_environment(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DVC_TEST_CH_UNSET", raising=False)
    s = parse_settings(
        _with(
            tmp_path,
            zalo={
                "token": "inline-zalo",
                "token_env": "DVC_TEST_CH_UNSET",
                "webhook_secret": "inline_secret",
                "webhook_secret_env": "DVC_TEST_CH_UNSET",
            },
        ),
        tmp_path,
    )
    assert s.zalo.resolve_token() == "inline-zalo"
    assert s.zalo.resolve_secret() == "inline_secret"


def test_no_zalo_token_and_no_secret(tmp_path: Path) -> None:
    s = parse_settings(_with(tmp_path, zalo={"mode": "polling"}), tmp_path)
    assert s.zalo.resolve_secret() is None  # `run` makes a random one for webhook mode
    with pytest.raises(ConfigError) as info:
        s.zalo.resolve_token()
    assert info.value.key == "zalo.token"
    assert "Zalo Bot Platform" in info.value.expected


# --- the command line ---------------------------------------------------------------------


def _example_toml(url: str) -> str:
    text = (REPO / "config.example.toml").read_text(encoding="utf-8")
    new, n = re.subn(r'(?m)^url = ".*"$', f'url = "{url}"', text)
    assert n == 1
    return new


def _hamlets_in(db: Path) -> dict[str, bool]:
    with sqlite3.connect(db) as conn:
        return {
            code: bool(active) for code, active in conn.execute("SELECT code, active FROM hamlet")
        }


def _assert_config_error(proc: subprocess.Popen[str]) -> None:
    code, out, err = finish(proc)
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("Lỗi cấu hình: campaign.start")
    assert out == ""


@pytest.mark.slow  # real processes: `python -m bot init` and `invite`
def test_cli_init_invite_and_errors(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    config = tmp_path / "config.toml"
    config.write_text(_example_toml(f"sqlite+aiosqlite:///{db}"), encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text(
        _example_toml(f"sqlite+aiosqlite:///{db}").replace("start = 2026-01-01", 'start = "abc"'),
        encoding="utf-8",
    )
    # Independent commands run side by side to keep this test quick. Any command on the
    # broken config exits 2 with one line naming the key, before it touches the database.

    bad = start("init", "--config", str(broken))
    code, out, err = finish(start("init", "--config", str(config)))
    assert code == 0, err
    assert "Đã cập nhật cơ sở dữ liệu" in out
    hamlets = _hamlets_in(db)
    assert len(hamlets) == 13 and all(hamlets.values())
    _assert_config_error(bad)

    invite = start("invite", "--config", str(config), "--role", "officer", "--hamlet", "BNA")
    code, out, err = finish(start("init", "--config", str(config)))
    assert code == 0, err
    assert "không có gì thay đổi" in out
    code, out, err = finish(invite)
    assert code == 0, err
    last = out.strip().splitlines()[-1]
    assert re.fullmatch(r"[A-Z0-9]{10}", last), out
    assert "Ấp Bãi Nhà A" in out
    with sqlite3.connect(db) as conn:
        (count,) = conn.execute("SELECT count(*) FROM invite").fetchone()
    assert count == 1

    # Drop the "Ấp Hòn Dầu" block: the hamlet is deactivated, never deleted.
    text = config.read_text(encoding="utf-8")
    block = '[[hamlets]]\ncode = "HDAU"\nname = "Ấp Hòn Dầu"\nhouseholds = 132\n'
    assert block in text
    config.write_text(text.replace(block, ""), encoding="utf-8")
    assert "HDAU" not in [h["code"] for h in tomllib.loads(config.read_text())["hamlets"]]
    unknown = start("invite", "--config", str(config), "--role", "officer", "--hamlet", "XYZ")
    bad = start("invite", "--config", str(broken), "--role", "officer", "--hamlet", "BNA")
    code, out, err = finish(start("init", "--config", str(config)))
    assert code == 0, err
    assert "1 mục ngừng hoạt động" in out
    hamlets = _hamlets_in(db)
    assert hamlets["HDAU"] is False
    assert sum(hamlets.values()) == 12
    code, out, err = finish(unknown)
    assert code == 2
    assert out == ""
    assert "Không có ấp mã «XYZ»" in err and "BNA" in err
    _assert_config_error(bad)
    with sqlite3.connect(db) as conn:
        (count,) = conn.execute("SELECT count(*) FROM invite").fetchone()
    assert count == 1


def test_verification_rule(tmp_path: Path) -> None:
    s = parse_settings(
        raw_config(tmp_path, verification={"failures": 0, "max_failure_rate": 0.2}), tmp_path
    )
    assert s.verification.failures == 0 and s.verification.max_failure_rate == 0.2
    assert s.verification.rate == 0.10 and s.verification.max_attempts == 3
    err = _error(raw_config(tmp_path, verification={"failures": 0}), tmp_path)
    assert err.key == "verification.failures"
    err = _error(raw_config(tmp_path, verification={"rate": 1.5}), tmp_path)
    assert err.key == "verification.rate"


def test_which_details_must_match(tmp_path: Path) -> None:
    default = parse_settings(raw_config(tmp_path), tmp_path).verification
    assert default.must_match == ("procedure", "date", "phone")
    assert default.date_tolerance_days == 7
    assert default.match.fails("wrong_number") and default.match.fails("not_guided")
    assert not default.match.fails("wrong_details", "person")
    assert not default.match.fails("wrong_details", "date<=7")
    assert default.match.fails("wrong_details", "date>7")
    assert default.match.fails("wrong_details", "procedure")
    example = load_settings(REPO / "config.example.toml").verification
    assert example.must_match == default.must_match
    assert example.date_tolerance_days == default.date_tolerance_days

    lenient = parse_settings(
        raw_config(tmp_path, verification={"must_match": [], "date_tolerance_days": 0}), tmp_path
    ).verification
    assert lenient.must_match == () and lenient.date_tolerance_days == 0
    assert not lenient.match.fails("wrong_number")
    assert not lenient.match.fails("wrong_details", "procedure")
    assert lenient.match.fails("not_guided")  # never configurable: the point of a check
    strict = parse_settings(
        raw_config(
            tmp_path,
            verification={"must_match": ["person", "date", "date"], "date_tolerance_days": 3},
        ),
        tmp_path,
    ).verification
    assert strict.must_match == ("person", "date")
    assert strict.match.fails("wrong_details", "person")
    assert strict.match.fails("wrong_details", "date<=7")  # told within 7: not within 3
    assert not strict.match.fails("wrong_details", "date<=3")
    for bad in ({"must_match": "procedure"}, {"must_match": ["address"]}):
        err = _error(raw_config(tmp_path, verification=bad), tmp_path)
        assert err.key == "verification.must_match"
    err = _error(raw_config(tmp_path, verification={"date_tolerance_days": -1}), tmp_path)
    assert err.key == "verification.date_tolerance_days"
