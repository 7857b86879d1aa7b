"""`python -m bot verify`: list the drawn verification batches, or audit one by replaying it.

A replay draws again with the batch's stored seed and rule over the data as it stood at
draw time and compares the result with the list stored before anyone called: an auditor
can see that nobody picked the households by hand. Read-only.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cli.common import command_runtime
from bot.config import Settings
from bot.runtime import Runtime
from handlers.engine.i18n import t
from handlers.render.verify_text import outcome_label, rule_text
from models.campaign import Hamlet
from models.checks import batch_progress, users_named
from models.households import Household
from models.registry import campaign_by_code
from models.sampling import Replay, replay
from models.verification import OPEN, Batch, Check


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "verify",
        help="verification batches: list them, or replay one to check its list against its seed",
    )
    p.add_argument("--config", required=True)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--replay",
        type=int,
        metavar="BATCH",
        help="draw batch BATCH again with its seed and compare with the stored list",
    )
    what.add_argument("--list", action="store_true", help="every batch of the campaign")


def run(settings: Settings, args: argparse.Namespace) -> int:
    return asyncio.run(_verify(settings, args))


async def _verify(settings: Settings, args: argparse.Namespace) -> int:
    async with command_runtime(settings, args) as runtime:
        if runtime is None:
            return 2
        async with runtime.services.sessions() as session:
            if args.list:
                lines = await list_lines(session, runtime)
                code = 0
            else:
                code, lines = await replay_lines(session, runtime, args.replay)
        for line in lines:
            print(line, file=sys.stderr if code == 2 else sys.stdout)
        return code


def _when(runtime: Runtime, batch: Batch) -> str:
    return batch.created_at.astimezone(runtime.settings.timezone).strftime("%d/%m/%Y %H:%M")


def _rule(lang: str, rule: dict[str, object]) -> str:
    """ "10% số hộ mỗi ấp (ít nhất 1 hộ mỗi ấp, 1 hộ mỗi cán bộ)"."""
    key = "verify_cli_rule_count" if rule.get("mode") == "count" else "verify_cli_rule"
    return t(lang, key, rule=rule_text(lang, rule))


def _entries(ids: Sequence[int]) -> str:
    return ", ".join(f"#{i}" for i in ids)


async def list_lines(session: AsyncSession, runtime: Runtime) -> list[str]:
    lang = runtime.settings.language
    camp = await campaign_by_code(session, runtime.settings.campaign.code)
    batches = list(
        await session.scalars(select(Batch).where(Batch.campaign_id == camp.id).order_by(Batch.id))
    )
    if not batches:
        return [t(lang, "verify_cli_list_empty")]
    lines = [t(lang, "verify_cli_list_title", n=len(batches))]
    for batch in batches:
        progress = await batch_progress(session, batch)
        status = (
            t(lang, "verify_cli_list_done", total=progress.total)
            if progress.open == 0
            else t(
                lang,
                "verify_cli_list_open",
                done=progress.done,
                total=progress.total,
                open=progress.open,
            )
        )
        lines.append(
            t(
                lang,
                "verify_cli_list_row",
                id=batch.id,
                when=_when(runtime, batch),
                rule=_rule(lang, batch.rule),
                size=batch.size,
                status=status,
            )
        )
    return lines


def _state(lang: str, check: Check) -> str:
    if check.status == OPEN:
        if check.attempts:
            label = t(
                lang,
                "verify_cli_retry",
                outcome=outcome_label(lang, check.outcome),
                attempts=check.attempts,
            )
        else:
            label = outcome_label(lang, None)
    else:
        label = outcome_label(lang, check.outcome, check.detail)
    # A deletion after the draw stays on the list, marked (`models.frozen`).
    if check.entry_deleted_at is not None:
        label += f" · {t(lang, 'verify_cli_voided')}"
    if check.overturned_at is not None:
        label += t(lang, "verify_cli_overturned")
    return label


async def replay_lines(
    session: AsyncSession, runtime: Runtime, batch_id: int
) -> tuple[int, list[str]]:
    """(exit code, lines): 0 the list replays, 1 it does not, 2 no such batch."""
    lang = runtime.settings.language
    result = await replay(session, batch_id)
    if result is None:
        return 2, [t(lang, "verify_cli_unknown", id=batch_id)]
    batch = result.batch
    rows = list(
        await session.execute(
            select(Check, Hamlet.code, Household.head_name)
            .join(Hamlet, Hamlet.id == Check.hamlet_id)
            .join(Household, Household.id == Check.household_id)
            .where(Check.batch_id == batch.id)
            .order_by(Check.position)
        )
    )
    user_ids = {row[0].officer_id for row in rows}
    if batch.created_by is not None:
        user_ids.add(batch.created_by)
    people = await users_named(session, sorted(user_ids))
    who = people.get(batch.created_by, "") if batch.created_by else ""
    lines = [
        t(
            lang,
            "verify_cli_batch",
            id=batch.id,
            when=_when(runtime, batch),
            who=who or t(lang, "verify_cli_by_nobody"),
        ),
        t(lang, "verify_cli_seed", seed=batch.seed),
        t(lang, "verify_cli_rule_line", rule=_rule(lang, batch.rule)),
        t(lang, "verify_cli_hamlets", codes=", ".join(batch.rule.get("hamlets") or [])),
        t(lang, "verify_cli_population", population=batch.population, size=batch.size),
        "",
        t(lang, "verify_cli_list_head"),
    ]
    for check, code, name in rows:
        lines.append(
            t(
                lang,
                "verify_cli_row",
                position=check.position,
                hamlet=code,
                entry=check.entry_id,
                name=name,
                officer=people.get(check.officer_id, "?"),
                flag=t(lang, "verify_cli_flagged") if check.flagged else "",
                state=_state(lang, check),
            )
        )
    lines.append("")
    lines += verdict_lines(lang, result)
    return (0 if result.matches else 1), lines


def verdict_lines(lang: str, result: Replay) -> list[str]:
    stored, redrawn = result.stored, result.redrawn
    if result.matches:
        lines = [t(lang, "verify_cli_match", n=len(stored))]
    else:
        lines = [t(lang, "verify_cli_mismatch", stored=len(stored), redrawn=len(redrawn))]
        none = t(lang, "verify_cli_none")
        for position in range(1, max(len(stored), len(redrawn)) + 1):
            was = stored[position - 1] if position <= len(stored) else None
            now = redrawn[position - 1] if position <= len(redrawn) else None
            if was != now:
                lines.append(
                    t(
                        lang,
                        "verify_cli_diff",
                        position=position,
                        stored=f"#{was}" if was else none,
                        redrawn=f"#{now}" if now else none,
                    )
                )
        only_stored = [i for i in stored if i not in set(redrawn)]
        only_redrawn = [i for i in redrawn if i not in set(stored)]
        if only_stored:
            lines.append(t(lang, "verify_cli_only_stored", entries=_entries(only_stored)))
        if only_redrawn:
            lines.append(t(lang, "verify_cli_only_redrawn", entries=_entries(only_redrawn)))
    if not result.same_data:
        lines.append(t(lang, "verify_cli_data_changed"))
    return lines
