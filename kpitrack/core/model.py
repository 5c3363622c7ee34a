"""The domain's types: enums, the plan and its targets, records, and judgements. No I/O.

The plan, its targets and its settings are frozen slotted dataclasses. Four types stay
named tuples because a large workspace builds them by the hundred thousand and a tuple is
built and compared in C: `Actual` (a figure; 100,000 at the benchmark's largest size),
`Evaluation` and `MonthStatus` (a judgement per target per recent month: about 55,000)
and `AsOf`. Copy one of those with changes through `_replace`, the others through
`dataclasses.replace`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from .period import Period


class Status(StrEnum):
    BLUE = "blue"
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    NONE = "none"

    @property
    def severity(self) -> int:
        """Higher is worse; `none` sits apart from the colour scale."""
        return _SEVERITY[self.value]


_SEVERITY = {"blue": 0, "green": 1, "yellow": 2, "red": 3, "none": -1}
STATUS_ORDER = (Status.BLUE, Status.GREEN, Status.YELLOW, Status.RED, Status.NONE)


class Kind(StrEnum):
    CUMULATIVE = "cumulative"
    LEVEL = "level"
    GROWTH = "growth"
    THRESHOLD = "threshold"
    MILESTONE = "milestone"


RATE_KINDS = (Kind.GROWTH, Kind.THRESHOLD)  # judged on figure − target, in their unit


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
        return _LAG[self]  # a StrEnum member is its text as a key (no `.value` lookup)


_LAG = {"monthly": 1, "quarterly": 3, "yearly": 12}


class Measure(StrEnum):
    """What the pace bands judge."""

    POINTS = "points"  # the gap, completion − time progress, in percentage points
    RATIO = "ratio"  # 100 · completion / time progress: the edges are % of time progress


class Basis(StrEnum):
    """What completion and time progress are taken over."""

    YTD = "ytd"  # the year to date
    MONTH = "month"  # the month's increment against the month's planned task


@dataclass(frozen=True, slots=True)
class PaceBands:
    """Edges of the colours: a value >= blue is blue, and so on. `blue` None: a
    three-colour scheme, nothing is blue."""

    blue: float | None
    green: float
    yellow: float
    measure: Measure = Measure.POINTS


@dataclass(frozen=True, slots=True)
class MilestoneBands:
    warn_days: int = 30
    early_days: int = 30
    # Yellow when at most this % of the time from the plan's start to the due date is
    # left and the milestone is not done; None: only `warn_days`.
    warn_share: float | None = None


@dataclass(frozen=True, slots=True)
class Escalation:
    """A colour held `months` months running, up to and including this one, shows as
    `to` (`[[bands.escalate]]`)."""

    source: Status
    months: int
    to: Status


# The edges of a ratio scheme when the file gives none: on pace or better is green, at
# least half of it yellow, below half red, nothing blue.
RATIO_PACE = PaceBands(None, 100.0, 50.0, Measure.RATIO)


@dataclass(frozen=True, slots=True)
class Bands:
    pace: PaceBands = PaceBands(10.0, -5.0, -15.0)
    difference: PaceBands = PaceBands(2.0, 0.0, -1.0)
    milestone: MilestoneBands = MilestoneBands()
    # `stale = "yellow"`: a target whose figure is out of date shows at best this colour
    # (yellow or red); None keeps the colour its figures give.
    stale: Status | None = None
    basis: Basis = Basis.YTD
    escalate: tuple[Escalation, ...] = ()


DEFAULT_BANDS = Bands()


@dataclass(frozen=True, slots=True)
class Checks:
    """`[checks]` in targets.toml: when a figure is likely typed wrong (see plausibility)."""

    # A figure this many times above or below both its last figure and its pace is a
    # likely slip of magnitude: 万 for 亿, or a digit too many.
    magnitude: float = 5.0
    # A growth rate beyond ±this many percent is likely a typo.
    growth_limit: float = 100.0
    # A figure under 1 for a % target that reads right ×100 is likely a fraction (0.048).
    percent_fractions: bool = True
    # A year-to-date figure whose month's increment is this many times the largest
    # monthly increment so far is likely wrong (1,234 typed for 523.4).
    increment_jump: float = 5.0
    # A figure at least this many times the year's goal before the plan's last quarter.
    goal_multiple: float = 2.0
    # A growth rate that moves more than this many points from the month before.
    growth_jump: float = 20.0


DEFAULT_CHECKS = Checks()


@dataclass(frozen=True, slots=True)
class Supervision:
    """`[supervision]` in targets.toml: how the office runs its supervision (dubàn)."""

    # A notice asks for the unit's answer this many days after the as-of month ends.
    reply_days: int = 5
    # Red this many months running: the item is marked for an interview (约谈).
    interview_after: int | None = None
    # With `basis = "month"`: a red month shows yellow (late, but done) once the months
    # after it have made up its shortfall.
    catch_up: bool = False
    # A month's figures are due by this day of the month after it (催报).
    report_day: int = 5


DEFAULT_SUPERVISION = Supervision()


@dataclass(frozen=True, slots=True)
class Office:
    """`[office]` in targets.toml: who issues the papers; an empty field is left out."""

    name: str = ""  # the issuing office, signed under a notice and the Word report
    contact: str = ""  # the person a unit asks about a notice
    phone: str = ""
    # The notice number's prefix: 督办 gives 督办〔2025〕10号.
    prefix: str = ""


DEFAULT_OFFICE = Office()


class AsOf(NamedTuple):
    """The report's as-of month, and the day milestones are judged on."""

    period: Period
    day: dt.date


@dataclass(frozen=True, slots=True)
class Plan:
    title: str
    start: dt.date
    end: dt.date
    source: str = ""
    lang: str = "zh"
    bands: Bands = DEFAULT_BANDS
    checks: Checks = DEFAULT_CHECKS
    supervision: Supervision = DEFAULT_SUPERVISION
    office: Office = DEFAULT_OFFICE
    # `[sections."NAME".bands]`: the sections with rules of their own, by name.
    sections: tuple[tuple[str, Bands], ...] = ()
    # Derived once: judging a large workspace asks for these millions of times.
    first_period: Period = field(init=False, repr=False, compare=False)
    last_period: Period = field(init=False, repr=False, compare=False)
    months: int = field(init=False, repr=False, compare=False)  # N, months in the plan
    # Each plan month as of its last day, oldest first: what a history is judged at.
    month_ends: tuple[AsOf, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        first, last = Period.of(self.start), Period.of(self.end)
        months = last.months_after(first) + 1
        ends = tuple(AsOf(p, p.last_day) for p in (first.shifted(i) for i in range(months)))
        for name, value in (("first_period", first), ("last_period", last),
                            ("months", months), ("month_ends", ends)):
            object.__setattr__(self, name, value)

    def month_number(self, period: Period) -> int:
        """M: plan months up to and including `period`."""
        return period.months_after(self.first_period) + 1

    def contains(self, period: Period) -> bool:
        return self.first_period <= period <= self.last_period


@dataclass(frozen=True, slots=True)
class Target:
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

    A named tuple (see the module's docstring): a large workspace holds 100,000.
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
    # The record's own id (`id` in the file), unique to it: two records with equal figures
    # are still two records. Empty in files written before kpitrack wrote ids.
    uid: str = ""
    # A withdrawal's: the id of the record it takes back (`withdraws` in the file).
    withdraws: str = ""


@dataclass(frozen=True, slots=True)
class Response:
    """A unit's answer on a target it is supervised on: why it is behind, and what it
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
    uid: str = ""  # the answer's own id (`id` in the file)


class BaselineFrom(StrEnum):
    """Where a level target's baseline came from."""

    BASELINE = "baseline"  # the target's `baseline` (年初数)
    LAST_YEAR = "last_year"  # last year's closing figure (上年数)
    FIRST_FIGURE = "first_figure"  # assumed: the first figure reported (首次报送值)


class Evaluation(NamedTuple):
    """One target judged as of one day (a named tuple: see the module's docstring)."""

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
    baseline_from: BaselineFrom | None = None  # level targets with a baseline
    # The colour the figures give when `[bands] stale` capped it (the status is then the
    # capped one); None when nothing was capped.
    uncapped: Status | None = None
    # The year's goal is reached (True), can no longer be (False), or is not yet known.
    met: bool | None = None
    # 100 · completion / time progress: what a ratio scheme judges.
    ratio: float | None = None
    # With `basis = "month"`: the figure's increment over its month and the month's task.
    month_actual: float | None = None
    month_task: float | None = None
    year_completion: float | None = None  # the year's completion, when `completion` is the month's
    # The colour before `[[bands.escalate]]` changed it; None when no rule did.
    escalated: Status | None = None


class MonthStatus(NamedTuple):
    """The status a target had at the end of one month, judged as of that month."""

    period: Period
    status: Status
    completion: float | None = None
    gap: float | None = None
    actual: float | None = None
    time_progress: float | None = None
    # Completion, or for growth and threshold targets the figure as a percent of its target.
    trend_value: float | None = None


@dataclass(frozen=True, slots=True)
class Result:
    """What `status` computes: the as-of month and one evaluation per target."""

    plan: Plan
    as_of: AsOf
    rows: tuple[Evaluation, ...]
    summary: dict[Status, int]
    # Each target's month-end statuses from the plan's first month to the as-of month.
    history: dict[str, tuple[MonthStatus, ...]]
    # With a filter (`--only`, `--section`, `--owner`): how many targets the plan holds.
    of_total: int | None = None


@dataclass(frozen=True, slots=True)
class Detail:
    """What `show` tells about one target: its figures, its months and where it stands."""

    plan: Plan
    as_of: AsOf
    evaluation: Evaluation
    months: tuple[MonthStatus, ...]
    records: tuple[Actual, ...]  # every record, oldest period first, in recorded order
    counts: tuple[bool, ...]  # for each record: does it still count, or was it replaced?
