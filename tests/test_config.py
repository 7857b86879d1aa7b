"""bot/config.py: defaults, every error names its key, and the CLI (`python -m bot`)."""

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
from tests.cli import finish, start
from tests.conftest import HAMLETS, raw_config

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


@pytest.mark.parametrize(("path", "value", "key"), [
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
])
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
    s = parse_settings(raw_config(tmp_path, telegram={"token_env": "DVC_TEST_TOKEN_UNSET"}),
                       tmp_path)
    with pytest.raises(ConfigError) as info:
        s.telegram.resolve_token()
    assert info.value.key == "telegram.token_env"
    assert "DVC_TEST_TOKEN_UNSET" in info.value.expected


def test_token_env_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DVC_TEST_TOKEN_SET", " 42:abc \n")
    s = parse_settings(raw_config(tmp_path, telegram={"token_env": "DVC_TEST_TOKEN_SET"}),
                       tmp_path)
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


# --- the command line ---------------------------------------------------------------------


def _example_toml(url: str) -> str:
    text = (REPO / "config.example.toml").read_text(encoding="utf-8")
    new, n = re.subn(r'(?m)^url = ".*"$', f'url = "{url}"', text)
    assert n == 1
    return new




def _hamlets_in(db: Path) -> dict[str, bool]:
    with sqlite3.connect(db) as conn:
        return {code: bool(active)
                for code, active in conn.execute("SELECT code, active FROM hamlet")}


def _assert_config_error(proc: subprocess.Popen[str]) -> None:
    code, out, err = finish(proc)
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("Lỗi cấu hình: campaign.start")
    assert out == ""


def test_cli_init_invite_and_errors(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    config = tmp_path / "config.toml"
    config.write_text(_example_toml(f"sqlite+aiosqlite:///{db}"), encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text(_example_toml(f"sqlite+aiosqlite:///{db}")
                      .replace("start = 2026-01-01", 'start = "abc"'), encoding="utf-8")
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
    s = parse_settings(raw_config(tmp_path, verification={"failures": 0,
                                                          "max_failure_rate": 0.2}), tmp_path)
    assert s.verification.failures == 0 and s.verification.max_failure_rate == 0.2
    assert s.verification.rate == 0.10 and s.verification.max_attempts == 3
    err = _error(raw_config(tmp_path, verification={"failures": 0}), tmp_path)
    assert err.key == "verification.failures"
    err = _error(raw_config(tmp_path, verification={"rate": 1.5}), tmp_path)
    assert err.key == "verification.rate"
