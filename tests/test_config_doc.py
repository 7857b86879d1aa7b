"""One definition per setting: docs/configuration.md and config.example.toml cannot drift
from bot/config/sections.py."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path
from typing import Any

from bot.config import load_settings
from bot.config.doc import DOC, render
from bot.config.keys import ARRAY, TABLE, keys, known
from bot.config.sections import VerificationConfig
from bot.config.settings import read

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "config.example.toml"


def test_the_committed_docs_are_the_generated_ones() -> None:
    assert DOC == REPO / "docs" / "configuration.md"
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/configuration.md is stale: python -m bot.config.doc docs/configuration.md"
    )


def test_the_docs_list_every_key_with_its_default() -> None:
    text = render()
    for key in keys().values():
        if key.kind == TABLE:
            assert f"## `[{key.name}]`" in text
        elif key.kind == ARRAY:
            assert f"## `[[{key.name}]]`" in text
        else:
            assert f"| `{key.name}` |" in text
            assert key.doc.vi in text and key.doc.en in text
    assert '| `weekly_day` | `"monday"` |' in text
    assert '| `night_from` | `"22:00"` |' in text
    assert "| `coverage_threshold` | `0.95` |" in text


def _paths(table: dict[str, Any], prefix: str = "") -> list[str]:
    found: list[str] = []
    for name, value in table.items():
        path = prefix + name
        found.append(path)
        if isinstance(value, dict):
            found += _paths(value, path + ".")
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for i, row in enumerate(value):
                found += _paths(row, f"{path}[{i}].")
    return found


def test_every_key_of_the_example_is_known_and_it_loads() -> None:
    raw = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    paths = _paths(raw)
    assert len(paths) > 100
    assert [p for p in paths if not known(p)] == []
    assert load_settings(EXAMPLE).campaign.code == "kienhai-2026"


def test_keys_the_example_shows_commented_out_are_known() -> None:
    section, commented = "", []
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        if header := re.match(r"^\[\[?([a-z_]+)\]\]?", line):
            section = header.group(1) + ("[]" if line.startswith("[[") else "")
        elif key := re.match(r"^#\s*([a-z_]+)\s*=", line):
            commented.append(f"{section}.{key.group(1)}" if section else key.group(1))
    assert "verification.max_failure_rate" in commented
    assert [p for p in commented if p not in keys()] == []


def test_the_example_shows_the_defaults() -> None:
    """Where config.example.toml sets a key it shows its default (a sample campaign aside),
    so a default changed in the definitions cannot leave the example behind."""
    example = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    minimal = {k: example[k] for k in ("campaign", "hamlets", "procedures")}
    shown, default = read(example), read(minimal)
    differ = []
    for table in example:
        if not isinstance(example[table], dict) or table == "campaign":
            continue
        mine, theirs = getattr(shown, table), getattr(default, table)
        differ += [
            f"{table}.{f.name}"
            for f in dataclasses.fields(mine)
            if getattr(mine, f.name) != getattr(theirs, f.name)
        ]
    # Set on purpose: where the data lives and where the tokens come from.
    assert sorted(differ) == ["database.url", "telegram.token_env", "zalo.token_env"]
    campaign = dataclasses.asdict(shown.campaign)
    for name, value in dataclasses.asdict(default.campaign).items():
        if name not in ("code", "name", "unit", "start", "end"):
            assert campaign[name] == value, name


def test_the_domain_rule_agrees_with_the_verification_defaults() -> None:
    from models.verification import MatchRule

    rule, cfg = MatchRule(), VerificationConfig()
    assert rule.must_match == frozenset(cfg.must_match)
    assert rule.date_tolerance_days == cfg.date_tolerance_days
