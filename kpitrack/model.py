"""Domain types: named tuples for immutable values, a frozen dataclass for the plan (which
caches what it derives) and enums; no I/O.

A named tuple is also quicker to define than a frozen dataclass (0.2 ms against 1.1 ms,
which every command pays at start-up for each type).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from .catalogue import Message


class Status(StrEnum):
    BLUE = "blue"
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    NONE = "none"

    @property
    def severity(self) -> int:
        """Higher is worse; `none` sits apart from the colour scale."""
        return {"blue": 0, "green": 1, "yellow": 2, "red": 3, "none": -1}[self.value]


STATUS_ORDER = (Status.BLUE, Status.GREEN, Status.YELLOW, Status.RED, Status.NONE)


def place(file: str | None, line: int | None) -> str:
    """`file:line`, or the file alone: the one place a position is written."""
    return f"{file}:{line}" if file and line else file or ""


def located(file: str | None, line: int | None, message: str) -> str:
    """`file:line: message`, `file: message` or the message alone."""
    return f"{place(file, line)}: {message}" if file else message


class KpiError(Exception):
    """A problem with the user's data or input; the CLI turns it into exit 1."""

    def __init__(self, msg: Message, file: str | None = None, line: int | None = None,
                 target: str | None = None) -> None:
        super().__init__(msg.text())
        self.msg = msg
        self.file = file
        self.line = line
        self.target = target

    @property
    def message(self) -> str:
        """In English, as logs and scripts read it."""
        return self.msg.text()

    def text(self, lang: str = "en") -> str:
        """`file:line: message` in `lang`."""
        return located(self.file, self.line, self.msg.text(lang))

    def __str__(self) -> str:
        return self.text()


class Kind(StrEnum):
    CUMULATIVE = "cumulative"
    LEVEL = "level"
    GROWTH = "growth"
    THRESHOLD = "threshold"
    MILESTONE = "milestone"


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"


class Report(StrEnum):
    YTD = "ytd"
    INCREMENT = "increment"


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"

    @property
    def allowed_lag(self) -> int:
        """Months a figure may lag the as-of month before it is stale."""
        return {"monthly": 1, "quarterly": 3, "yearly": 12}[self.value]


class Problem(NamedTuple):
    """One finding of `check`: an error blocks reports, a warning does not."""

    severity: str  # "error" or "warning"
    file: str | None
    line: int | None
    target: str | None
    msg: Message

    @property
    def message(self) -> str:
        """In English, as logs and scripts read it."""
        return self.msg.text()

    def text(self, lang: str = "en") -> str:
        """`file:line: message` in `lang`."""
        return located(self.file, self.line, self.msg.text(lang))

    def as_dict(self, lang: str = "en") -> dict:
        """`check --format json`: file, line, target, and the message in `lang`."""
        return {"file": self.file, "line": self.line, "target": self.target,
                "message": self.msg.text(lang)}


class Period(NamedTuple):
    """A calendar month; ordered, hashable and compared as the tuple (year, month).

    A named tuple rather than a dataclass because reading and judging 100,000
    figures compares and hashes periods millions of times.
    """

    year: int
    month: int

    @classmethod
    def of(cls, day: dt.date) -> Period:
        return cls(day.year, day.month)

    @property
    def index(self) -> int:
        return self[0] * 12 + self[1] - 1

    @classmethod
    def from_index(cls, index: int) -> Period:
        return cls(index // 12, index % 12 + 1)

    def __add__(self, months: int) -> Period:  # type: ignore[override]
        return Period.from_index(self.index + months)

    def __sub__(self, other: Period) -> int:
        return self.index - other.index

    @property
    def first_day(self) -> dt.date:
        return dt.date(self[0], self[1], 1)

    @property
    def last_day(self) -> dt.date:
        return (self + 1).first_day - dt.timedelta(days=1)

    def __str__(self) -> str:
        return f"{self[0]:04d}-{self[1]:02d}"


class PaceBands(NamedTuple):
    """Edges of the colours, in points of gap: gap >= blue is blue, and so on."""

    blue: float
    green: float
    yellow: float


class MilestoneBands(NamedTuple):
    warn_days: int = 30
    early_days: int = 30


class Bands(NamedTuple):
    pace: PaceBands = PaceBands(10.0, -5.0, -15.0)
    difference: PaceBands = PaceBands(2.0, 0.0, -1.0)
    milestone: MilestoneBands = MilestoneBands()


DEFAULT_BANDS = Bands()


class Checks(NamedTuple):
    """`[checks]` in targets.toml: when a figure is likely typed wrong (see checks.py)."""

    # A figure this many times above or below both its last figure and its pace is a
    # likely slip of magnitude: 万 for 亿, or a digit too many.
    magnitude: float = 5.0
    # A growth rate beyond ±this many percent is likely a typo.
    growth_limit: float = 100.0
    # A figure under 1 for a % target that reads right ×100 is likely a fraction (0.048).
    percent_fractions: bool = True


DEFAULT_CHECKS = Checks()


class Supervision(NamedTuple):
    """`[supervision]` in targets.toml: how the office runs its 督办."""

    # A notice asks for the unit's answer this many days after the as-of month ends.
    reply_days: int = 5


DEFAULT_SUPERVISION = Supervision()


@dataclass(frozen=True)
class Plan:
    title: str
    start: dt.date
    end: dt.date
    source: str = ""
    lang: str = "zh"
    bands: Bands = DEFAULT_BANDS
    checks: Checks = DEFAULT_CHECKS
    supervision: Supervision = DEFAULT_SUPERVISION

    # Cached: judging a large workspace asks for these millions of times.
    @cached_property
    def first_period(self) -> Period:
        return Period.of(self.start)

    @cached_property
    def last_period(self) -> Period:
        return Period.of(self.end)

    @cached_property
    def months(self) -> int:
        """N: the number of months in the plan."""
        return self.last_period - self.first_period + 1

    @cached_property
    def month_ends(self) -> tuple[AsOf, ...]:
        """Each plan month as of its last day, oldest first: what a history is judged at."""
        return tuple(AsOf(p, p.last_day) for p in (self.first_period + i
                                                    for i in range(self.months)))

    def month_number(self, period: Period) -> int:
        """M: plan months up to and including `period`."""
        return period - self.first_period + 1

    def contains(self, period: Period) -> bool:
        return self.first_period <= period <= self.last_period


class Target(NamedTuple):
    id: str
    name: str
    kind: Kind
    target: float | None
    unit: str = ""
    section: str = ""
    direction: Direction = Direction.UP
    report: Report = Report.YTD
    baseline: float | None = None
    frequency: Frequency = Frequency.MONTHLY
    schedule: tuple[tuple[int, float], ...] = ()
    due: dt.date | None = None
    owner: str = ""
    tags: tuple[str, ...] = ()
    quote: str = ""
    last_year: float | None = None
    bands: Bands | None = None
    line: int | None = None


class Actual(NamedTuple):
    """One `[[actual]]` record as written; `file`/`line` say where.

    A named tuple (immutable, compared field by field) rather than a dataclass:
    a large workspace holds 100,000 of them, built, cached and read back on
    every first report, and a tuple is several times quicker at all three.
    Copy with changes through `_replace`.
    """

    target: str
    period: Period
    value: float | None = None
    done: bool | None = None
    date: dt.date | None = None
    recorded: dt.datetime | None = None
    by: str = ""
    note: str = ""
    source: str = ""
    correction: bool = False
    example: bool = False  # illustrative, not an official figure: reports say so
    file: str = ""
    line: int | None = None
    # Position in its month file (which holds all of a period's records): the
    # tie-breaker for equal `recorded`.
    seq: int = 0
    # A withdrawal: no figure of its own; it takes back the figure in force for the period.
    withdrawn: bool = False


class Response(NamedTuple):
    """A unit's answer on a target it is supervised on (督办): why it is behind, and what it
    will do. One `[[response]]` record of `responses/YYYY-MM.toml`; the newest answer for a
    target and month is the one reports show."""

    target: str
    period: Period
    reason: str  # 情况说明
    measures: str  # 整改措施
    by: str = ""
    due: dt.date | None = None  # when the measures are to take effect (整改时限)
    recorded: dt.datetime | None = None
    file: str = ""
    line: int | None = None
    seq: int = 0


class AsOf(NamedTuple):
    """The report's as-of month, and the day milestones are judged on.

    A named tuple: every target is judged as of each recent month-end.
    """

    period: Period
    day: dt.date


class Evaluation(NamedTuple):
    """One target judged as of one day. A named tuple, like `MonthStatus`: a report on
    8,500 targets builds about 55,000 of them with the recent month-ends."""

    target: Target
    status: Status
    actual: float | None = None
    period: Period | None = None
    completion: float | None = None
    time_progress: float | None = None
    gap: float | None = None
    stale: bool = False
    forecast: float | None = None
    needed_per_month: float | None = None
    baseline: float | None = None
    baseline_assumed: bool = False
    done: bool | None = None
    done_date: dt.date | None = None
    due: dt.date | None = None
    example: bool = False  # an illustrative figure counts in this evaluation


class MonthStatus(NamedTuple):
    """The status a target had at the end of one month, judged as of that month.

    A named tuple for the same reason as `Actual`: a report holds tens of thousands.
    """

    period: Period
    status: Status
    completion: float | None = None
    gap: float | None = None
    actual: float | None = None
    time_progress: float | None = None
    # Completion, or for growth and threshold targets the figure as a percent of its target.
    trend_value: float | None = None


class Result(NamedTuple):
    """What `status` computes: the as-of month and one evaluation per target."""

    plan: Plan
    as_of: AsOf
    rows: tuple[Evaluation, ...]
    summary: dict[Status, int]
    # Each target's month-end statuses from the plan's first month to the as-of month.
    history: dict[str, tuple[MonthStatus, ...]]


class Detail(NamedTuple):
    """What `show` tells about one target: its figures, its months and where it stands."""

    plan: Plan
    as_of: AsOf
    evaluation: Evaluation
    months: tuple[MonthStatus, ...]
    records: tuple[Actual, ...]  # every record, oldest period first, in recorded order
    counts: tuple[bool, ...]  # for each record: does it still count, or was it replaced?
