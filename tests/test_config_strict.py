"""A key the configuration does not define stops loading, with one line naming it (and the
key probably meant); every command exits 2 on it before touching anything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.config import ConfigError, load_settings, parse_settings
from tests.conftest import raw_config

REPO = Path(__file__).resolve().parent.parent


def _error(raw: dict[str, Any], base: Path) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        parse_settings(raw, base)
    return info.value


@pytest.mark.parametrize(
    ("change", "key", "hint"),
    [
        ({"verificaton": {"rate": 0.5}}, "verificaton", "verification"),
        ({"verification": {"rat": 0.5}}, "verification.rat", "verification.rate"),
        (
            {"notifications": {"weekly_weekday": "monday"}},
            "notifications.weekly_weekday",
            "notifications.weekly_day",
        ),  # the name inside the bot is not a key of the file
        ({"Language": "en"}, "Language", "language"),
        (
            {"telegram": {"token": "1:x", "tokn_env": "TG"}},
            "telegram.tokn_env",
            "telegram.token_env",
        ),
        ({"http": {"prot": 8080}}, "http.prot", "http.port"),
    ],
)
def test_unknown_key_names_itself_and_the_key_meant(
    tmp_path: Path, change: dict[str, Any], key: str, hint: str
) -> None:
    err = _error(raw_config(tmp_path, **change), tmp_path)
    assert err.key == key
    assert err.expected == f"khóa không hợp lệ, có phải «{hint}»?"
    assert str(err) == f"{key}: khóa không hợp lệ, có phải «{hint}»?"


def test_unknown_key_inside_a_list_entry(tmp_path: Path) -> None:
    raw = raw_config(tmp_path)
    raw["hamlets"][2]["househols"] = 300
    err = _error(raw, tmp_path)
    assert err.key == "hamlets[2].househols"
    assert err.expected == "khóa không hợp lệ, có phải «hamlets[2].households»?"
    raw = raw_config(tmp_path)
    raw["procedures"][0]["households"] = 3  # a hamlet's key in a procedure
    assert _error(raw, tmp_path).key == "procedures[0].households"


def test_unknown_key_with_nothing_close(tmp_path: Path) -> None:
    err = _error(raw_config(tmp_path, chat={"xyz": 1}), tmp_path)
    assert err.key == "chat.xyz"
    assert err.expected == "khóa không hợp lệ (các khóa hợp lệ: docs/configuration.md)"


def test_a_misspelt_required_key_is_named_as_misspelt_not_as_missing(tmp_path: Path) -> None:
    raw = raw_config(tmp_path)
    raw["campaign"]["strat"] = raw["campaign"].pop("start")
    err = _error(raw, tmp_path)
    assert (err.key, err.expected) == (
        "campaign.strat",
        "khóa không hợp lệ, có phải «campaign.start»?",
    )
    raw = raw_config(tmp_path)
    raw["campaing"] = raw.pop("campaign")
    assert _error(raw, tmp_path).key == "campaing"


def test_missing_and_wrong_tables_keep_their_messages(tmp_path: Path) -> None:
    raw = raw_config(tmp_path)
    del raw["campaign"]
    err = _error(raw, tmp_path)
    assert (err.key, err.expected) == ("campaign", "thiếu bảng [campaign]")
    err = _error(raw_config(tmp_path, chat=5), tmp_path)
    assert (err.key, err.expected) == ("chat", "cần một bảng [..] hoặc [[..]]")
    raw = raw_config(tmp_path)
    raw["hamlets"][1] = "BNB"
    assert _error(raw, tmp_path).key == "hamlets[1]"
    raw = raw_config(tmp_path)
    del raw["procedures"]
    err = _error(raw, tmp_path)
    assert (err.key, err.expected) == ("procedures", "cần ít nhất một mục [[procedures]]")
    raw = raw_config(tmp_path)
    del raw["campaign"]["name"]
    err = _error(raw, tmp_path)
    assert (err.key, err.expected) == ("campaign.name", "cần một chuỗi ký tự, không để trống")


def test_none_from_python_means_not_set(tmp_path: Path) -> None:
    # TOML has no null; a caller building the table in Python may leave a key as None.
    s = parse_settings(
        raw_config(
            tmp_path,
            chat=None,
            notifications={"weekly_time": None},
            verification={"max_failure_rate": None},
        ),
        tmp_path,
    )
    assert s.chat.menu_minutes == 30 and s.notifications.weekly_time.hour == 7
    assert s.verification.max_failure_rate is None


def _bad_config(tmp_path: Path, old: str, new: str) -> Path:
    text = (REPO / "config.example.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "bad.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [["run"], ["init"], ["demo", "--data", "{tmp}"], ["export"], ["invite", "--role", "officer"]],
)
def test_every_command_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    bad = _bad_config(tmp_path, "[verification]", "[verificaton]")
    args = [a.format(tmp=tmp_path) for a in command]
    assert main([args[0], "--config", str(bad), *args[1:]]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "Lỗi cấu hình: verificaton – khóa không hợp lệ, có phải «verification»?\n"
    assert not list(tmp_path.glob("*.sqlite3"))  # nothing was created


def test_misspelt_key_in_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _bad_config(tmp_path, "rate = 0.10", "rat = 0.10")
    with pytest.raises(ConfigError) as info:
        load_settings(bad)
    assert info.value.key == "verification.rat"
    assert main(["run", "--config", str(bad)]) == 2
    assert capsys.readouterr().err == (
        "Lỗi cấu hình: verification.rat – khóa không hợp lệ, có phải «verification.rate»?\n"
    )
