"""Every key of the configuration file, read off its definitions (`bot.config.sections`):
what the error messages name and docs/configuration.md lists."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, get_args, get_origin, get_type_hints

from pydantic import ValidationError
from pydantic.fields import FieldInfo

from bot.config.errors import ConfigError
from bot.config.sections import ConfigFile
from bot.config.values import Doc, Msg

VALUE = "value"
TABLE = "table"  # [name]
ARRAY = "array"  # [[name]]
# What pydantic reports for a key the definitions do not have.
_UNKNOWN = frozenset({"unexpected_keyword_argument", "extra_forbidden"})


@dataclass(frozen=True)
class Key:
    path: str  # "language", "telegram.base_url", "hamlets[].code"; a table: "telegram"
    name: str  # as written in the file
    kind: str  # VALUE, TABLE or ARRAY
    doc: Doc
    msg: Msg | None  # for a value or an array: the message when it is wrong
    required: bool
    factory: Callable[[], Any] | None  # the default (None when required)

    @property
    def parent(self) -> str:
        return self.path.rpartition(".")[0]

    def default(self) -> Any:
        assert self.factory is not None, self.path
        return self.factory()


def _default(f: dataclasses.Field[Any]) -> Callable[[], Any] | None:
    if f.default is not dataclasses.MISSING:
        value = f.default
        return lambda: value
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory
    return None


def _walk(cls: type, prefix: str, found: dict[str, Key]) -> None:
    hints = get_type_hints(cls, include_extras=True)
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        meta: tuple[Any, ...] = hint.__metadata__ if get_origin(hint) is Annotated else ()
        base = get_args(hint)[0] if meta else hint
        name = next((m.alias for m in meta if isinstance(m, FieldInfo) and m.alias), f.name)
        docs = [m for m in meta if isinstance(m, Doc)]
        msgs = [m for m in meta if isinstance(m, Msg)]
        path = prefix + name
        item = get_args(base)[0] if get_origin(base) is tuple else None
        table = base if isinstance(base, type) and dataclasses.is_dataclass(base) else None
        rows = item if isinstance(item, type) and dataclasses.is_dataclass(item) else None
        kind = TABLE if table else ARRAY if rows else VALUE
        if len(docs) != 1 or (kind != TABLE and len(msgs) != 1):
            raise TypeError(f"{cls.__name__}.{f.name}: a setting needs one Doc and one Msg")
        factory = _default(f)
        found[path] = Key(
            path=path,
            name=name,
            kind=kind,
            doc=docs[0],
            msg=msgs[0] if msgs else None,
            required=factory is None,
            factory=factory,
        )
        if table:
            _walk(table, path + ".", found)
        elif rows:
            _walk(rows, path + "[].", found)


@cache
def keys() -> dict[str, Key]:
    """Every key by path, in the order of the definitions (a table before its keys)."""
    found: dict[str, Key] = {}
    _walk(ConfigFile, "", found)
    return found


def known(path: str) -> bool:
    """`path` as written ("hamlets[2].code" too) names a key of the file."""
    parts = path.replace("]", "").split(".")
    pattern = ".".join(p.split("[")[0] + ("[]" if "[" in p else "") for p in parts)
    return pattern in keys()


def error(exc: ValidationError) -> ConfigError:
    """The one error to show of those pydantic found: an unknown key first (it may be why a
    key counts as missing), then the first in the order of the file's definitions."""
    found = sorted(exc.errors(), key=lambda e: e["type"] not in _UNKNOWN)[0]
    kind, ctx = found["type"], found.get("ctx") or {}
    registry = keys()
    shown, pattern, key, item = "", "", None, False
    for part in found["loc"]:
        if isinstance(part, int):
            shown, pattern, item = f"{shown}[{part}]", f"{pattern}[]", True
            continue
        step = f"{pattern}.{part}" if pattern else str(part)
        if step not in registry:
            if kind in _UNKNOWN:
                return _unknown(shown, pattern, str(part))
            break
        shown = f"{shown}.{part}" if shown else str(part)
        pattern, key, item = step, registry[step], False
    if kind.startswith("cfg_"):  # raised by a check of ours, with its own message
        return ConfigError(shown, kind, **ctx)
    if key is None or key.kind == TABLE or (key.kind == ARRAY and item):
        if kind == "missing" and key is not None and not item:
            return ConfigError(shown, "cfg_table_missing", name=shown)
        return ConfigError(shown, "cfg_table")
    assert key.msg is not None
    return ConfigError(shown, key.msg.code, **key.msg.values())


def _unknown(shown_parent: str, parent: str, name: str) -> ConfigError:
    siblings = [k.name for k in keys().values() if k.parent == parent]
    prefix = f"{shown_parent}." if shown_parent else ""
    close = difflib.get_close_matches(name, siblings, n=1) or difflib.get_close_matches(
        name.lower(), siblings, n=1
    )
    if close:
        return ConfigError(prefix + name, "cfg_unknown_key_hint", hint=prefix + close[0])
    return ConfigError(prefix + name, "cfg_unknown_key")
