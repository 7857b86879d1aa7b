"""The command line, `python -m bot {init, invite, chat, demo, export, verify, roster, run}`:
`app` assembles the parser from one module per subcommand and dispatches to it; the
subcommands share `common` and never import each other or `app` (.importlinter)."""

from bot.cli.app import main
from bot.cli.common import EXAMPLE_CONFIG

__all__ = ["EXAMPLE_CONFIG", "main"]
