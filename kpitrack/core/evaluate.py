"""The formulas: (plan, targets, actuals, as-of) -> evaluations, and month-end histories.
Pure: no I/O."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise

from ..i18n.base import MessageId
from ..i18n.messages import Msg
from .errors import KpiError
from .model import (
    RATE_KINDS,
    Actual,
    AsOf,
    Bands,
    BaselineFrom,
    Basis,
    Detail,
    Direction,
    Evaluation,
    Kind,
    Measure,
    MonthStatus,
    Plan,
    Result,
    Status,
    Target,
)
from .period import Period
from .records import adds_up, effective_records, group_by_target, record_order, records_that_count
from .rules import apply_history_rules, classify, judge_pace
from .trends import TREND_MONTHS


def time_progress(plan: Plan, target: Target, month: int) -> float:
    """Time progress counts whole months: the schedule at M, or else 100·M/N."""
    if not target.schedule:
        return 100.0 * month / plan.months
    points = [(0, 0.0), *sorted(target.schedule)]
    for (m0, v0), (m1, v1) in pairwise(points):
        if month <= m1:
            return v0 + (v1 - v0) * (month - m0) / (m1 - m0)
    return points[-1][1]


def bands_for(plan: Plan, target: Target) -> Bands:
    return target.bands or plan.bands


def _is_stale(target: Target, period: Period, as_of: AsOf) -> bool:
    return as_of.period.months_after(period) > target.frequency.allowed_lag


def _finite(value: float | None) -> float | None:
    return value if value is None or math.isfinite(value) else None


def evaluate_target(plan: Plan, target: Target, records: Iterable[Actual],
                    as_of: AsOf) -> Evaluation:
    """Judge one target on its figures up to the as-of month."""
    return _judge(plan, target, effective_records(target, records), as_of)


def _judge(plan: Plan, target: Target, effective: dict[Period, Actual],
           as_of: AsOf) -> Evaluation:
    last = as_of.period
    # `effective` is in period order; most often every figure is on or before the as-of.
    if not effective or next(reversed(effective)) <= last:
        figures = effective
    else:
        figures = {p: r for p, r in effective.items() if p <= last}
    return _judge_figures(plan, target, figures, as_of, _has_examples(effective))


def _has_examples(figures: dict[Period, Actual]) -> bool:
    return any(record.example for record in figures.values())


def _judge_figures(plan: Plan, target: Target, figures: dict[Period, Actual],
                   as_of: AsOf, examples: bool = True, whole: bool = True) -> Evaluation:
    """Judge on `figures`: in period order, none after the as-of month. With `examples`
    False, none of them is illustrative (so none need be looked at). Without `whole`,
    only what a month of the history shows (`MonthStatus`): not `met` or `example`."""
    ev = _evaluate_target(plan, target, figures, as_of)
    # Extreme but valid inputs (a tiny schedule value) must not leak inf into reports.
    # One sum is finite when every number is (an overflow only sends it the long way).
    total = (ev.completion or 0.0) + (ev.time_progress or 0.0) + (ev.gap or 0.0) + \
        (ev.forecast or 0.0) + (ev.needed_per_month or 0.0)
    if not math.isfinite(total):
        ev = ev._replace(completion=_finite(ev.completion),
                         time_progress=_finite(ev.time_progress), gap=_finite(ev.gap),
                         forecast=_finite(ev.forecast),
                         needed_per_month=_finite(ev.needed_per_month))
    if examples and whole and _has_examples(figures):
        ev = ev._replace(example=True)
    met = year_met(plan, ev) if whole else None
    cap = bands_for(plan, target).stale
    if ev.stale and cap is not None and 0 <= ev.status.severity < cap.severity:
        return ev._replace(status=cap, uncapped=ev.status, met=met)
    return ev._replace(met=met) if met is not None else ev


def year_met(plan: Plan, ev: Evaluation) -> bool | None:
    """Whether the year's goal is reached (True) or can no longer be (False); None while
    it cannot be known. A ceiling (`down`) is known kept only by the plan's last figure;
    a year-to-date total above its ceiling can no longer come under it."""
    t = ev.target
    if t.kind is Kind.MILESTONE:
        return True if ev.done else (False if ev.status is Status.RED else None)
    if ev.actual is None or t.target is None or ev.period is None:
        return None
    final = ev.period == plan.last_period
    if t.kind in RATE_KINDS:
        return ev.gap >= 0 if final and ev.gap is not None else None
    if t.direction is Direction.UP:
        return True if ev.actual >= t.target else (False if final else None)
    if ev.actual > t.target and t.kind is Kind.CUMULATIVE:
        return False
    return ev.actual <= t.target if final else None


def _evaluate_target(plan: Plan, target: Target, figures: dict[Period, Actual],
                     as_of: AsOf) -> Evaluation:
    if target.kind is Kind.MILESTONE:
        return _milestone(plan, target, figures, as_of)
    if not figures:
        return Evaluation(target, Status.NONE)
    latest = next(reversed(figures))  # figures are in period order
    value = figures[latest].value
    assert value is not None  # store guarantees numeric kinds carry a value
    stale = _is_stale(target, latest, as_of)
    if target.kind in RATE_KINDS:
        assert target.target is not None
        gap = value - target.target if target.direction is Direction.UP else target.target - value
        return Evaluation(target, classify(gap, bands_for(plan, target).difference),
                          actual=value, period=latest, gap=gap, stale=stale)
    month = plan.month_number(latest)
    progress = time_progress(plan, target, month)
    if target.kind is Kind.CUMULATIVE:
        ev = _cumulative(plan, target, figures, latest, month, progress, stale)
    else:
        ev = _level(plan, target, figures, latest, month, progress, stale)
    if bands_for(plan, target).basis is Basis.MONTH and ev.completion is not None:
        return _month_basis(plan, target, figures, ev)
    return ev


def share_by(plan: Plan, target: Target, month: int, first: int | None) -> float:
    """The planned share of the year's task done by the end of plan month `month`, in
    percent: the time progress, counted from month `first` for an assumed baseline."""
    if month <= 0:
        return 0.0
    return progress_since(plan, target, month, first) if first is not None else \
        time_progress(plan, target, month)


def _month_basis(plan: Plan, target: Target, figures: dict[Period, Actual],
                 ev: Evaluation) -> Evaluation:
    """`basis = "month"`: the month's increment against the month's planned task.

    A year-to-date figure's increment is its rise over the figure before it (the first
    from zero, or from an assumed baseline), and its task the planned part of the year's
    task over the same months; an `increment` figure is its month's own, against its
    month's task. Completion is 100 · increment / task and time progress 100 (the month
    is over); the year's completion stays in `year_completion`.
    """
    assert ev.period is not None and ev.completion is not None
    periods = list(figures)
    latest, month = ev.period, plan.month_number(ev.period)
    first = plan.month_number(periods[0]) if ev.baseline_assumed else None
    span = _span(target, ev)
    if adds_up(target):
        increment = figures[latest].value or 0.0
        since = month - 1
    else:
        previous = periods[-2] if len(periods) >= 2 else None
        before = figures[previous].value or 0.0 if previous is not None else \
            (ev.baseline if ev.baseline is not None else 0.0)
        since = plan.month_number(previous) if previous is not None else (first or 0)
        increment = (ev.actual or 0.0) - before
        if target.kind is Kind.LEVEL and target.direction is Direction.DOWN:
            increment = -increment
    task = span * (share_by(plan, target, month, first)
                   - share_by(plan, target, since, first)) / 100.0
    direction = target.direction if target.kind is Kind.CUMULATIVE else Direction.UP
    bands = bands_for(plan, target).pace
    if task > 0 and math.isfinite(100.0 * increment / task):
        completion = 100.0 * increment / task
        gap, ratio, status = judge_pace(completion, 100.0, direction, bands)
    else:  # nothing was planned for these months: on pace
        completion, gap, ratio = None, None, None
        status = classify(100.0 if bands.measure is Measure.RATIO else 0.0, bands)
    return ev._replace(status=status, completion=completion, time_progress=100.0, gap=gap,
                       ratio=ratio, month_actual=increment, month_task=task,
                       year_completion=ev.completion)


def _span(target: Target, ev: Evaluation) -> float:
    """The year's task in the target's unit: the goal, or a level's way from its
    baseline to its goal."""
    goal = target.target or 0.0
    if target.kind is not Kind.LEVEL or ev.baseline is None:
        return goal
    return goal - ev.baseline if target.direction is Direction.UP else ev.baseline - goal


def _cumulative(plan: Plan, target: Target, figures: dict[Period, Actual], latest: Period,
                month: int, progress: float, stale: bool) -> Evaluation:
    if adds_up(target):
        actual = sum(r.value or 0.0 for r in figures.values())
    else:
        actual = figures[latest].value or 0.0
    goal = target.target
    forecast = actual * 100.0 / progress if progress > 0 else None
    remaining_months = plan.months - month
    needed = None
    if goal is not None and remaining_months > 0 and actual < goal:
        needed = (goal - actual) / remaining_months
    status, completion, gap = Status.NONE, None, None
    # A zero denominator, or a vanishingly small target: no completion, status none.
    ratio = None
    if goal and goal > 0 and math.isfinite(100.0 * actual / goal):
        completion = 100.0 * actual / goal
        gap, ratio, status = judge_pace(completion, progress, target.direction,
                                        bands_for(plan, target).pace)
    return Evaluation(target, status, actual=actual, period=latest, completion=completion,
                      time_progress=progress, gap=gap, stale=stale, forecast=forecast,
                      needed_per_month=needed, ratio=ratio)


def stated_baseline(target: Target) -> tuple[float, BaselineFrom] | None:
    """A level target's baseline when the file states one: `baseline` (the figure at the
    start of the year), else `last_year` (last year's closing figure). None: the first
    figure will be assumed."""
    if target.baseline is not None:
        return target.baseline, BaselineFrom.BASELINE
    if target.last_year is not None:
        return target.last_year, BaselineFrom.LAST_YEAR
    return None


def progress_since(plan: Plan, target: Target, month: int, first: int) -> float:
    """Time progress counted from month `first` (an assumed baseline's month): 0 in that
    month, the rest of the plan's time progress spread over the months after it."""
    if month <= first:
        return 0.0
    start = time_progress(plan, target, first)
    if start >= 100.0:
        return 100.0
    return 100.0 * (time_progress(plan, target, month) - start) / (100.0 - start)


def _level(plan: Plan, target: Target, figures: dict[Period, Actual], latest: Period,
           month: int, progress: float, stale: bool) -> Evaluation:
    value = figures[latest].value or 0.0
    stated = stated_baseline(target)
    if stated is None:
        first = next(iter(figures))
        baseline, source = figures[first].value or 0.0, BaselineFrom.FIRST_FIGURE
        # No target is behind in the month its baseline is first reported.
        progress = progress_since(plan, target, month, plan.month_number(first))
    else:
        baseline, source = stated
    assert target.target is not None
    forecast = baseline + (value - baseline) * 100.0 / progress if progress > 0 else None
    if target.direction is Direction.UP:
        span, moved, short = target.target - baseline, value - baseline, target.target - value
    else:
        span, moved, short = baseline - target.target, baseline - value, value - target.target
    remaining_months = plan.months - month
    # The net change still needed each month, in the target's unit.
    needed = short / remaining_months if short > 0 and remaining_months > 0 else None
    status, completion, gap, ratio = Status.NONE, None, None, None
    # A target equal to (or behind) the baseline leaves nothing to measure.
    if span > 0 and math.isfinite(100.0 * moved / span):
        completion = 100.0 * moved / span
        gap, ratio, status = judge_pace(completion, progress, Direction.UP,
                                        bands_for(plan, target).pace)
    return Evaluation(target, status, actual=value, period=latest, completion=completion,
                      time_progress=progress, gap=gap, stale=stale, forecast=forecast,
                      needed_per_month=needed, ratio=ratio, baseline=baseline,
                      baseline_assumed=source is BaselineFrom.FIRST_FIGURE,
                      baseline_from=source)


def milestone_due(plan: Plan, target: Target) -> dt.date:
    return target.due or plan.end


def _milestone(plan: Plan, target: Target, figures: dict[Period, Actual],
               as_of: AsOf) -> Evaluation:
    due = milestone_due(plan, target)
    bands = bands_for(plan, target)
    record = figures[next(reversed(figures))] if figures else None
    if record is not None and record.done:
        done_date = record.date or record.period.last_day
        early = (due - done_date).days >= bands.milestone.early_days
        return Evaluation(target, Status.BLUE if early else Status.GREEN, period=record.period,
                          actual=record.value, done=True, done_date=done_date, due=due)
    base = Evaluation(target, Status.NONE, due=due)
    if record is not None:
        base = base._replace(period=record.period, actual=record.value, done=False,
                             stale=_is_stale(target, record.period, as_of))
    days_left = (due - as_of.day).days
    if days_left < 0:
        return base._replace(status=Status.RED)
    if days_left <= bands.milestone.warn_days or _little_time_left(plan, due, days_left,
                                                                   bands.milestone.warn_share):
        return base._replace(status=Status.YELLOW)
    if record is None:
        return base
    if record.value is None:
        return base._replace(status=Status.GREEN)
    # Percent complete, against the time from plan start to the due month.
    months_to_due = max(plan.month_number(Period.of(due)), 1)
    progress = 100.0 * plan.month_number(record.period) / months_to_due
    gap, ratio, status = judge_pace(record.value, progress, Direction.UP, bands.pace)
    return base._replace(status=status, completion=record.value, time_progress=progress,
                         gap=gap, ratio=ratio)


def _little_time_left(plan: Plan, due: dt.date, days_left: int, share: float | None) -> bool:
    """`warn_share`: at most this % of the time from the plan's start to the due date is
    left."""
    if share is None:
        return False
    whole = (due - plan.start).days
    return whole > 0 and 100.0 * days_left / whole <= share


def plan_time_progress(plan: Plan, period: Period) -> float:
    """The calendar's share of the plan at the end of `period` (no schedule), 100·M/N."""
    return 100.0 * plan.month_number(period) / plan.months


def default_as_of(plan: Plan, actuals: Iterable[Actual]) -> Period:
    """The latest month holding any figure, so a report is reproducible."""
    periods = [a.period for a in actuals if plan.contains(a.period)]
    return max(periods) if periods else plan.first_period


def resolve_as_of(plan: Plan, actuals: Sequence[Actual], period: Period | None = None,
                  day: dt.date | None = None) -> AsOf:
    """Build the as-of; a month after the plan's end is read as the plan's end."""
    chosen = period or default_as_of(plan, actuals)
    chosen = min(chosen, plan.last_period)
    return AsOf(chosen, day or chosen.last_day)


def status_after(plan: Plan, target: Target, records: Sequence[Actual],
                 period: Period) -> Evaluation:
    """A target judged at the end of `period`, as a freshly recorded figure leaves it."""
    as_of = resolve_as_of(plan, records, period)
    return judged_now(plan, target, effective_records(target, records), as_of)


def judged_now(plan: Plan, target: Target, effective: dict[Period, Actual], as_of: AsOf
               ) -> Evaluation:
    """A target's evaluation as `judged` gives it, its history walked only when a rule
    that reads the history (escalation, catching up) may change it."""
    bands = bands_for(plan, target)
    if not bands.escalate and not (plan.supervision.catch_up and bands.basis is Basis.MONTH):
        return _judge(plan, target, effective, as_of)
    return judged(plan, target, effective, as_of)[0]


def judged(plan: Plan, target: Target, effective: dict[Period, Actual], as_of: AsOf,
           recent: int | None = None) -> tuple[Evaluation, tuple[MonthStatus, ...]]:
    """A target's evaluation and its month-end statuses (see `_months` for `recent`),
    with the rules that read its history applied: escalation and catching up."""
    current = _judge(plan, target, effective, as_of)
    bands = bands_for(plan, target)
    catch_up = plan.supervision.catch_up and bands.basis is Basis.MONTH
    if not bands.escalate and not catch_up:
        return current, _months(plan, target, effective, as_of, current, recent)
    months = _months(plan, target, effective, as_of, current)
    caught = _caught_up(plan, target, current, months) if catch_up else ()
    months = apply_history_rules(months, bands, caught)
    if months and months[-1].period == as_of.period and months[-1].status is not current.status:
        current = current._replace(status=months[-1].status, escalated=current.status)
    return current, months


def _caught_up(plan: Plan, target: Target, current: Evaluation,
               months: Sequence[MonthStatus]) -> list[bool]:
    """For each month: whether the year's completion now reaches what was planned by the
    end of that month (its shortfall made up by the months after it)."""
    done = current.year_completion
    if done is None:
        return [False] * len(months)
    first = None
    if current.baseline_assumed:
        reported = [m for m in months if m.actual is not None]
        first = plan.month_number(reported[0].period) if reported else None
    return [done + 1e-9 >= share_by(plan, target, plan.month_number(m.period), first)
            for m in months]


def evaluate(plan: Plan, targets: Sequence[Target], actuals: Sequence[Actual],
             as_of: AsOf, with_history: bool = True) -> Result:
    """Judge every target; with history, also its recent month-end statuses (for trends)."""
    grouped = group_by_target(actuals)
    rows = []
    months = {}
    for t in targets:
        effective = effective_records(t, grouped.get(t.id, ()))
        if with_history:
            row, months[t.id] = judged(plan, t, effective, as_of, TREND_MONTHS)
        else:
            row = judged_now(plan, t, effective, as_of)
        rows.append(row)
    return Result(plan, as_of, tuple(rows), count_statuses(rows), months)


def count_statuses(rows: Iterable[Evaluation]) -> dict[Status, int]:
    summary = {s: 0 for s in Status}
    for row in rows:
        summary[row.status] += 1
    return summary


def month_statuses(plan: Plan, target: Target, records: Iterable[Actual],
                   as_of: AsOf) -> tuple[MonthStatus, ...]:
    """The status at the end of each plan month up to the as-of, each judged as of that month.

    The as-of month itself is judged on the as-of day, so the last entry always
    agrees with the target's current row.
    """
    return judged(plan, target, effective_records(target, records), as_of)[1]


def _months(plan: Plan, target: Target, effective: dict[Period, Actual], as_of: AsOf,
            current: Evaluation, recent: int | None = None) -> tuple[MonthStatus, ...]:
    """Month-end statuses, newest first while walking back; returned oldest first.

    With `recent`, stop after that many months unless the red run is still going,
    which is all a report needs: the trend, the last change and the red streak.
    """
    out = []
    last = min(as_of.period, plan.last_period)
    # Walking back a month at a time, drop the figures after it: `effective` is in
    # period order, so they are always the newest entries.
    figures = {p: r for p, r in effective.items() if p <= last}
    ends = plan.month_ends
    quick = _quick_month(plan, target)
    for index in range(plan.month_number(last) - 1, -1, -1):
        month_end = ends[index]
        period = month_end.period
        if period == last:
            out.append(_shown(period, current))
        else:
            while figures and next(reversed(figures)) > period:
                figures.popitem()
            quickly = quick(plan, target, figures, month_end, period) if quick else None
            out.append(quickly or _shown(period, _judge_figures(plan, target, figures, month_end,
                                                                False, whole=False)))
        if recent is not None and len(out) >= recent and out[-1].status is not Status.RED:
            break
    out.reverse()
    return tuple(out)


def _shown(period: Period, ev: Evaluation) -> MonthStatus:
    return MonthStatus(period, ev.status, ev.completion, ev.gap, ev.actual, ev.time_progress,
                       trend_value(ev))


_QuickMonth = Callable[[Plan, Target, dict[Period, Actual], AsOf, Period], MonthStatus | None]


def _quick_month(plan: Plan, target: Target) -> _QuickMonth | None:
    """How a past month of `target` is judged without a whole evaluation, if it can be:
    a rate on its difference, a cumulative or level target on the pace of its year."""
    if target.kind in RATE_KINDS:
        return _rate_month
    if bands_for(plan, target).basis is Basis.MONTH:
        return None
    if target.kind is Kind.CUMULATIVE:
        return _month_status
    return _level_month if target.kind is Kind.LEVEL else None


def _level_month(plan: Plan, target: Target, figures: dict[Period, Actual], as_of: AsOf,
                 period: Period) -> MonthStatus | None:
    """A past month of a level target on the pace of its year, as `_judge_figures`
    (without `whole`) leaves it in a `MonthStatus` (see `_level`). None before its
    first figure."""
    if not figures:
        return None
    latest = next(reversed(figures))
    month = plan.month_number(latest)
    value = figures[latest].value or 0.0
    stated = stated_baseline(target)
    if stated is None:
        first = next(iter(figures))
        baseline = figures[first].value or 0.0
        progress = progress_since(plan, target, month, plan.month_number(first))
    else:
        baseline, progress = stated[0], time_progress(plan, target, month)
    assert target.target is not None
    if target.direction is Direction.UP:
        span, moved = target.target - baseline, value - baseline
    else:
        span, moved = baseline - target.target, baseline - value
    status, completion, gap = Status.NONE, None, None
    bands = bands_for(plan, target)
    if span > 0 and math.isfinite(100.0 * moved / span):
        completion = 100.0 * moved / span
        gap, _, status = judge_pace(completion, progress, Direction.UP, bands.pace)
    return _capped(target, latest, as_of, bands, period, status, completion, gap, value,
                   progress)


def _capped(target: Target, latest: Period, as_of: AsOf, bands: Bands, period: Period,
            status: Status, completion: float | None, gap: float | None, actual: float,
            progress: float) -> MonthStatus:
    """A month's status with the stale cap, its numbers made finite."""
    cap = bands.stale
    if cap is not None and 0 <= status.severity < cap.severity and \
            _is_stale(target, latest, as_of):
        status = cap
    completion = _finite(completion)
    return MonthStatus(period, status, completion, _finite(gap), actual, _finite(progress),
                       completion)


def _rate_month(plan: Plan, target: Target, figures: dict[Period, Actual], as_of: AsOf,
                period: Period) -> MonthStatus | None:
    """A past month of a rate (growth or threshold) target, as `_judge_figures` (without
    `whole`) leaves it in a `MonthStatus`. None before its first figure."""
    if not figures:
        return None
    latest = next(reversed(figures))
    value = figures[latest].value
    assert value is not None and target.target is not None
    gap = value - target.target if target.direction is Direction.UP else target.target - value
    bands = bands_for(plan, target)
    status = classify(gap, bands.difference)
    cap = bands.stale
    if cap is not None and 0 <= status.severity < cap.severity and \
            _is_stale(target, latest, as_of):
        status = cap
    return MonthStatus(period, status, None, _finite(gap), value, None,
                       _rate_trend(target, value))


def _month_status(plan: Plan, target: Target, figures: dict[Period, Actual],
                  as_of: AsOf, period: Period) -> MonthStatus | None:
    """A past month of a cumulative target judged on the pace of its year: what
    `_judge_figures` (without `whole`) leaves of it in a `MonthStatus`, without building
    the evaluation (the same numbers, in the same steps). None before its first figure,
    a month judged the long way."""
    if not figures:
        return None
    latest = next(reversed(figures))
    month = plan.month_number(latest)
    progress = time_progress(plan, target, month)
    if adds_up(target):
        actual = sum(r.value or 0.0 for r in figures.values())
    else:
        actual = figures[latest].value or 0.0
    goal = target.target
    status, completion, gap = Status.NONE, None, None
    bands = bands_for(plan, target)
    if goal and goal > 0 and math.isfinite(100.0 * actual / goal):
        completion = 100.0 * actual / goal
        gap, _, status = judge_pace(completion, progress, target.direction, bands.pace)
    return _capped(target, latest, as_of, bands, period, status, completion, gap, actual,
                   progress)


def detail(plan: Plan, target: Target, records: Sequence[Actual], as_of: AsOf) -> Detail:
    """One target's story for `show`: every figure, and the month-end statuses."""
    mine = sorted((r for r in records if r.target == target.id),
                  key=lambda r: (r.period, record_order(r)))
    current, months = judged(plan, target, effective_records(target, mine), as_of)
    return Detail(plan, as_of, current, months, tuple(mine),
                  tuple(records_that_count(target, mine)))


def trend_value(ev: Evaluation) -> float | None:
    """What a trend line plots: completion, else a rate as a percent of its target."""
    if ev.completion is not None:
        return ev.completion
    return _rate_trend(ev.target, ev.actual)


def _rate_trend(target: Target, actual: float | None) -> float | None:
    """A rate's figure as a percent of its target (None for any other kind)."""
    goal = target.target
    if target.kind not in RATE_KINDS or goal is None or actual is None:
        return None
    if target.direction is Direction.UP:
        ratio = 100.0 * actual / goal if goal > 0 else None
    else:
        ratio = 100.0 * goal / actual if actual > 0 else None
    return max(ratio, 0.0) if ratio is not None and math.isfinite(ratio) else None


def _matches(value: str, wanted: str) -> bool:
    return wanted == value or wanted.casefold() in value.casefold()


def select(result: Result, section: str | None = None, owner: str | None = None,
           statuses: set[Status] | None = None) -> Result:
    """Keep the rows asked for; an unknown section or owner is an error, not an empty report."""
    rows = list(result.rows)
    choices: tuple[tuple[MessageId, str | None, Callable[[Evaluation], str]], ...] = (
        (Msg.NO_SECTION, section, lambda r: r.target.section),
        (Msg.NO_OWNER, owner, lambda r: r.target.owner))
    for msg, wanted, get in choices:
        if wanted is None:
            continue
        known = sorted({get(r) for r in rows if get(r)})
        if not any(_matches(v, wanted) for v in known):
            raise KpiError(msg(text=wanted, known=", ".join(known) or Msg.NOTHING()))
        rows = [r for r in rows if _matches(get(r), wanted)]
    if statuses:
        rows = [r for r in rows if r.status in statuses]
    filtered = section is not None or owner is not None or bool(statuses)
    total = result.of_total if result.of_total is not None else len(result.rows)
    return Result(result.plan, result.as_of, tuple(rows), count_statuses(rows), result.history,
                  total if filtered else result.of_total)


def any_at_least(statuses: Iterable[Status], threshold: Status) -> bool:
    """For --fail-on: whether any status is `threshold` or worse (red > yellow > green >
    blue); `none` matches only none."""
    if threshold is Status.NONE:
        return any(s is Status.NONE for s in statuses)
    return any(s.severity >= threshold.severity for s in statuses)
