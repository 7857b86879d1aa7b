"""The campaign's rules as plain values: thresholds, caps, hamlets and procedures.

Loaded from configuration; other communes copy the model with other numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta


@dataclass(frozen=True)
class HamletConfig:
    code: str
    name: str
    households: int
    unit: str = ""  # the commune it belongs to; empty = the campaign's unit


@dataclass(frozen=True)
class ProcedureConfig:
    code: str
    name: str
    short: str = ""  # for buttons on a phone; the name is shown in text


@dataclass(frozen=True)
class AwardRound:
    """One award round of a campaign: a review with its own period and caps (a plan's
    "sơ kết 6 tháng", "khen thưởng hằng năm", "tổng kết giai đoạn"). Its code is what
    proposals and dossiers record (`award_proposal.period_kind`)."""

    code: str
    name: str
    start: date
    end: date
    max_collective_awards: int
    max_individual_awards: int
    max_special_prizes: int
    deadline: date | None = None  # dossiers due at the office by this day

    def caps(self) -> dict[str, int]:
        return {
            "collective": self.max_collective_awards,
            "special": self.max_special_prizes,
            "individual": self.max_individual_awards,
        }


# Codes of the rounds a campaign has when its configuration lists none.
HALF, YEAR, PHASE = "half", "year", "phase"
# Period kinds a proposal may record that are not rounds: never a configured round's code.
RESERVED_ROUND_CODES = frozenset({"since_start", "custom"})


@dataclass(frozen=True)
class CampaignConfig:
    code: str
    name: str
    unit: str
    start: date
    end: date
    coverage_threshold: float = 0.95
    large_hamlet_households: int = 365
    procedures_required_large: int = 1
    procedures_required_small: int = 2
    max_collective_awards: int = 6
    max_individual_awards: int = 26
    max_special_prizes: int = 3
    # [[awards.rounds]]; empty: the default rounds (`award_rounds`).
    rounds: tuple[AwardRound, ...] = ()

    def procedures_required(self, total_households: int) -> int:
        if total_households >= self.large_hamlet_households:
            return self.procedures_required_large
        return self.procedures_required_small

    @property
    def multi_year(self) -> bool:
        return self.end.year != self.start.year

    def award_rounds(self) -> tuple[AwardRound, ...]:
        """The configured rounds; without any, those of the Kiên Hải plan for a campaign
        within one year (the 6-month review and the year-end review), or for a campaign
        over several years one review per calendar year and one for the whole phase. Names
        are the catalog's (`handlers/render/award_text.round_name`), so they are empty here.
        """
        if self.rounds:
            return self.rounds
        caps = (self.max_collective_awards, self.max_individual_awards, self.max_special_prizes)
        if not self.multi_year:
            half_end = min(_add_months(self.start.replace(day=1), 6) - _ONE_DAY, self.end)
            return (
                AwardRound(HALF, "", self.start, half_end, *caps),
                AwardRound(YEAR, "", self.start, self.end, *caps),
            )
        years = tuple(
            AwardRound(
                f"{YEAR}{year}",
                "",
                max(self.start, date(year, 1, 1)),
                min(self.end, date(year, 12, 31)),
                *caps,
            )
            for year in range(self.start.year, self.end.year + 1)
        )
        return (*years, AwardRound(PHASE, "", self.start, self.end, *caps))

    @property
    def has_special_prize(self) -> bool:
        """Whether the plan has a special prize at all (Thượng Phúc's has none: caps 0)."""
        return any(r.max_special_prizes for r in self.award_rounds())

    def award_round(self, code: str) -> AwardRound | None:
        return next((r for r in self.award_rounds() if r.code == code), None)

    def started_rounds(self, today: date) -> tuple[AwardRound, ...]:
        """The rounds whose period has begun by `today`, in the order configured."""
        return tuple(r for r in self.award_rounds() if r.start <= today)

    def current_round(self, today: date) -> AwardRound | None:
        """The round running on `today` that ends first (a year's review before the
        phase's), for "reach 95% before …"; None outside every round."""
        running = [r for r in self.award_rounds() if r.start <= today <= r.end]
        return min(running, key=lambda r: (r.end, r.start), default=None)


_ONE_DAY = timedelta(days=1)


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class QualityRules:
    """When /canhbao flags an entry for the office (see models/quality.py)."""

    late_days: int = 7  # recorded this many days or more after the guidance day
    burst_count: int = 5  # this many entries by one officer …
    burst_minutes: int = 10  # … within this many minutes
    night_from: time = time(22, 0)  # recorded between these times (campaign's timezone)
    night_to: time = time(5, 0)
