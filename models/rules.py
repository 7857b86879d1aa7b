"""The campaign's rules as plain values: thresholds, caps, hamlets and procedures.

Loaded from configuration; other communes copy the model with other numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time


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

    def procedures_required(self, total_households: int) -> int:
        if total_households >= self.large_hamlet_households:
            return self.procedures_required_large
        return self.procedures_required_small


@dataclass(frozen=True)
class QualityRules:
    """When /canhbao flags an entry for the office (see models/quality.py)."""

    late_days: int = 7  # recorded this many days or more after the guidance day
    burst_count: int = 5  # this many entries by one officer …
    burst_minutes: int = 10  # … within this many minutes
    night_from: time = time(22, 0)  # recorded between these times (campaign's timezone)
    night_to: time = time(5, 0)
