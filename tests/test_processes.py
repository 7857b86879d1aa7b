"""Two bot processes on one database (each backend): an update delivered to both is handled
once, a weekly summary is sent once, and no verification card goes to two callers."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.runtime import Runtime
from models.households import Entry
from models.notifications import Notification
from models.people import Role
from models.sampling import Rule
from models.verification import DONE, Call, Check
from tests.support.campaign import LONG_AGO, NOW, SUMMARY_DAY, make_user
from tests.support.cli import REPO, write_config
from tests.support.seed import seed, set_joined
from tests.support.verification import draw_batch

pytestmark = pytest.mark.slow  # bot processes side by side

GIVEN = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hùng", "Khoa", "Lan", "Mai", "Nam"]
OFFICERS = len(GIVEN)


def _both(
    tmp_path: Path, runtime: Runtime, task: str, *inputs: Any, now: datetime = NOW
) -> list[Any]:
    """Run TASK in two processes started at the same moment (one input each, or one for
    both), with their clocks at `now`; their outputs. In the weekly and cards tasks each
    process waits, holding its first claim, until the other holds one too
    (tests/support/multiproc_worker.py): both take part in the race."""
    config = write_config(runtime, tmp_path)
    datas = inputs * 2 if len(inputs) == 1 else inputs
    outs = [tmp_path / f"{task}-{i}.out" for i in range(len(datas))]
    procs = []
    for i, (data, out) in enumerate(zip(datas, outs, strict=True)):
        source = tmp_path / f"{task}-{i}.json"
        source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        peers = [str(o) for o in outs if o != out]
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.support.multiproc_worker",
                    str(config),
                    now.isoformat(),
                    task,
                    str(source),
                    str(out),
                    *peers,
                ],
                cwd=REPO,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    deadline = time.monotonic() + 60
    while not all(o.with_suffix(".ready").exists() for o in outs):
        assert all(p.poll() is None for p in procs), [p.communicate()[1] for p in procs]
        assert time.monotonic() < deadline, "workers did not start"
        time.sleep(0.01)
    for out in outs:
        out.with_suffix(".go").touch()
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    return [json.loads(o.read_text(encoding="utf-8")) for o in outs]


async def _count(runtime: Runtime, *where: Any, of: Any = Entry) -> int:
    async with runtime.services.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(of).where(*where)) or 0)


async def test_an_update_given_to_both_processes_is_handled_once(
    runtime: Runtime, tmp_path: Path
) -> None:
    for k in range(OFFICERS):
        await make_user(runtime, external_id=f"o{k}", name=f"Cán Bộ {k}")
    # Each officer: a one-line household (saved at once), then /cuatoi; both processes get
    # every update,
    # as when a webhook is retried onto another process behind a load balancer.
    people = {
        f"o{k}": [
            {"key": f"u{k}a", "text": f"Nguyễn Văn {GIVEN[k]}; Tổ {k % 9 + 1}; 0913{k:06d}; 1"},
            {"key": f"u{k}b", "text": "/cuatoi"},
        ]
        for k in range(OFFICERS)
    }
    first, second = _both(tmp_path, runtime, "messages", people)

    for key in (m["key"] for ms in people.values() for m in ms):
        answered = [out[key] for out in (first, second) if out[key]]
        assert len(answered) == 1, (key, first[key], second[key])
    saves = [out[f"u{k}a"] for k in range(OFFICERS) for out in (first, second) if out[f"u{k}a"]]
    assert all("Đã lưu" in replies[0] for replies in saves), saves[:2]
    assert await _count(runtime, Entry.deleted_at.is_(None)) == OFFICERS


async def test_two_processes_send_each_weekly_summary_once(
    runtime: Runtime, tmp_path: Path
) -> None:
    seeded = await seed(runtime)
    await set_joined(runtime, seeded.head_bna, LONG_AGO)
    for k in range(20):
        await make_user(
            runtime,
            external_id=f"sup{k}",
            role=Role.SUPERVISOR,
            hamlet=None,
            name=f"Giám Sát {k}",
            joined=LONG_AGO,
        )
    first, second = _both(tmp_path, runtime, "weekly", None, now=SUMMARY_DAY)

    sent = Counter([*first, *second])
    assert len(sent) == 22  # 20 supervisors, the seeded supervisor and BNA's head
    assert set(sent.values()) == {1}, sent
    assert first and second  # the barrier: each held a claim while the other claimed
    assert await _count(runtime, Notification.kind == "weekly", of=Notification) == 22


async def test_two_processes_never_hand_one_card_to_two_callers(
    runtime: Runtime, tmp_path: Path
) -> None:
    s = await seed(runtime)
    callers = [
        (
            await make_user(
                runtime,
                external_id=f"c{k}",
                role=Role.SUPERVISOR,
                hamlet=None,
                name=f"Người Gọi {k}",
            )
        ).id
        for k in range(8)
    ]
    batch = await draw_batch(runtime, "0123456789abcdef", Rule("rate", rate=1.0), s.supervisor.id)
    cards = await _count(runtime, Check.batch_id == batch.id, of=Check)
    assert cards >= 20

    first, second = _both(
        tmp_path,
        runtime,
        "cards",
        {"batch": batch.id, "callers": callers[:4]},
        {"batch": batch.id, "callers": callers[4:]},
    )
    taken = Counter(check for _caller, check in [*first, *second])
    assert set(taken.values()) == {1}, taken
    assert first and second  # the barrier: each held a card while the other took one
    assert len(taken) == cards
    assert (
        await _count(runtime, Check.batch_id == batch.id, Check.status == DONE, of=Check) == cards
    )
    assert await _count(runtime, of=Call) == cards
