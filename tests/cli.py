"""Moved to tests/support/cli.py. This alias stays only while tests/test_config.py (owned
by the configuration work in progress) imports `tests.cli`; delete it once that import
reads `from tests.support.cli import finish, start`."""

from tests.support.cli import finish as finish
from tests.support.cli import start as start
