"""What the wheel needs: every third-party import declared, the lock pinning every declared
dependency, the package data where pyproject.toml says. (.ci/run's wheel check builds and
installs the wheel and runs the demo from it; these catch the same mistakes in a second.)"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path
from typing import Any

from bot.cli import EXAMPLE_CONFIG

REPO = Path(__file__).resolve().parent.parent
PROJECT: dict[str, Any] = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))[
    "project"
]
OURS = {"bot", "handlers", "models", "migrations", "tests", "bench"}
LOCK = REPO / "requirements-dev.lock"


def _name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match.group()).lower()


def _declared(*extras: str) -> set[str]:
    reqs = list(PROJECT["dependencies"])
    for extra in extras:
        reqs += PROJECT["optional-dependencies"][extra]
    return {_name(r) for r in reqs}


def _imports(*folders: str) -> dict[str, set[str]]:
    """Top-level third-party module -> files importing it (also inside functions)."""
    found: dict[str, set[str]] = {}
    for folder in folders:
        for path in sorted((REPO / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    top = module.partition(".")[0]
                    if top not in sys.stdlib_module_names and top not in OURS | {"__future__"}:
                        found.setdefault(top, set()).add(str(path.relative_to(REPO)))
    return found


def _undeclared(imports: dict[str, set[str]], declared: set[str]) -> list[str]:
    dists = packages_distributions()
    return [
        f"{module} ({', '.join(dists.get(module, ['not installed']))}) in {sorted(files)[0]}"
        for module, files in sorted(imports.items())
        if not {_name(d) for d in dists.get(module, [])} & declared
    ]


def test_the_code_imports_only_declared_dependencies() -> None:
    imports = _imports("bot", "handlers", "models", "migrations")
    assert {"telegram", "sqlalchemy", "alembic", "apscheduler"} <= imports.keys()
    assert not _undeclared(imports, _declared()), "add these to [project] dependencies"


def test_tests_and_benchmarks_import_only_dev_dependencies() -> None:
    imports = _imports("tests", "bench")
    assert not _undeclared(imports, _declared("dev")), "add these to the test/dev extras"


def test_dev_repeats_the_test_extra() -> None:
    extras = PROJECT["optional-dependencies"]
    assert set(extras["test"]) <= set(extras["dev"])


def test_the_lock_pins_every_declared_dependency() -> None:
    text = LOCK.read_text(encoding="utf-8")
    pinned = {_name(m) for m in re.findall(r"^([A-Za-z0-9._-]+)==\S+ \\$", text, re.M)}
    missing = _declared("dev") - pinned
    assert not missing, f"requirements-dev.lock lacks {sorted(missing)}: run `make lock`"
    assert "file:" not in text and "--index-url" not in text and "--find-links" not in text
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line[:1].isalnum():  # a requirement: pinned, then its hashes
            assert "==" in line and lines[i + 1].lstrip().startswith("--hash=sha256:"), line


def test_the_package_data_is_there() -> None:
    package_data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]["package-data"]
    for package, patterns in package_data.items():
        for pattern in patterns:
            assert list((REPO / package).glob(pattern)), f"{package}/{pattern} matches nothing"
    versions = list((REPO / "migrations" / "versions").glob("*.py"))
    assert len(versions) >= 14


def test_the_demo_config_is_package_data_and_the_top_level_one_is_the_same() -> None:
    assert EXAMPLE_CONFIG == REPO / "bot" / "config.example.toml"
    assert EXAMPLE_CONFIG.read_bytes() == (REPO / "config.example.toml").read_bytes()
