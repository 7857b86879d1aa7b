"""The notifier's last hop, recorded instead of sent."""

from __future__ import annotations

from bot.notify import Outcome


class Recorder:
    """The transport's last hop: remembers what would have been sent to whom."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.outcomes: dict[str, list[Outcome]] = {}

    async def __call__(self, external_id: str, text: str) -> Outcome:
        queue = self.outcomes.get(external_id)
        outcome = queue.pop(0) if queue else Outcome.SENT
        if outcome == Outcome.SENT:
            self.sent.append((external_id, text))
        return outcome

    def to(self, external_id: str) -> list[str]:
        return [text for who, text in self.sent if who == external_id]
