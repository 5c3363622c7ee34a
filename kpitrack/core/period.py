"""A calendar month, the unit every figure and every judgement is counted in."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class Period(NamedTuple):
    """A calendar month; ordered, hashable and compared as the tuple (year, month).

    A named tuple rather than a dataclass: reading and judging 100,000 figures compares
    and hashes periods millions of times, and a tuple does both in C.
    """

    year: int
    month: int

    @classmethod
    def of(cls, day: dt.date) -> Period:
        """The month `day` falls in."""
        return cls(day.year, day.month)

    @property
    def ordinal(self) -> int:
        """Months since the year 0: consecutive months have consecutive ordinals."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_ordinal(cls, ordinal: int) -> Period:
        return cls(ordinal // 12, ordinal % 12 + 1)

    def shifted(self, months: int) -> Period:
        """The month `months` later (earlier when negative)."""
        return Period.from_ordinal(self.ordinal + months)

    def months_after(self, other: Period) -> int:
        """How many months this one comes after `other` (negative if before)."""
        return self.ordinal - other.ordinal

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        if self.month == 12:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.month + 1, 1) - dt.timedelta(days=1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
