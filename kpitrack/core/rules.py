"""An office's colour rules, applied: the pace measure (points or a ratio of time
progress), the month's task, escalation by streak and catching up. Pure.

The order, for each month: the colour the figures give (by `measure` over `basis`),
then the stale rule, then `[[bands.escalate]]` counted on those colours, then, for past
months under `basis = "month"`, catching up.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .model import Bands, Direction, Measure, MonthStatus, PaceBands, Status

# Float noise must not push a value that sits on an edge into the worse colour.
_EDGE_EPSILON = 1e-9


def classify(value: float, bands: PaceBands) -> Status:
    """A value equal to an edge takes the better colour; with no blue edge nothing is
    blue."""
    if bands.blue is not None and value + _EDGE_EPSILON >= bands.blue:
        return Status.BLUE
    if value + _EDGE_EPSILON >= bands.green:
        return Status.GREEN
    if value + _EDGE_EPSILON >= bands.yellow:
        return Status.YELLOW
    return Status.RED


def pace_ratio(completion: float, progress: float, direction: Direction) -> float:
    """100 · completion / time progress (for a ceiling, the other way up). No time yet
    (progress 0), or a ceiling not yet touched, is on pace or better."""
    if direction is Direction.UP:
        return 100.0 * completion / progress if progress > 0 else 100.0
    if completion <= 0:
        return math.inf if progress > 0 else 100.0
    return 100.0 * progress / completion


def judge_pace(completion: float, progress: float, direction: Direction,
               bands: PaceBands) -> tuple[float, float, Status]:
    """(gap in points, the ratio, the colour by the bands' measure)."""
    gap = completion - progress if direction is Direction.UP else progress - completion
    ratio = pace_ratio(completion, progress, direction)
    value = ratio if bands.measure is Measure.RATIO else gap
    return gap, ratio, classify(value, bands)


def escalated(colours: Sequence[Status], bands: Bands) -> list[Status]:
    """Each month's colour after `[[bands.escalate]]`: a colour held N months running, up
    to and including a month, shows as the rule's colour from that month. Runs are
    counted on the colours given (oldest first), and the rules applied in their order."""
    out = []
    runs: dict[Status, int] = {}
    previous = None
    for colour in colours:
        runs = {colour: runs.get(colour, 0) + 1} if colour is previous else {colour: 1}
        previous = colour
        shown = colour
        for rule in bands.escalate:
            if shown is rule.source and runs.get(rule.source, 0) >= rule.months:
                shown = rule.to
        out.append(shown)
    return out


def apply_history_rules(months: Sequence[MonthStatus], bands: Bands,
                        caught_up: Sequence[bool] = ()) -> tuple[MonthStatus, ...]:
    """Escalation over the whole history, then catching up: a past red month whose
    shortfall is made up (`caught_up[i]`) shows yellow (late, but done)."""
    colours = escalated([m.status for m in months], bands)
    out = []
    for index, (month, colour) in enumerate(zip(months, colours, strict=True)):
        last = index == len(months) - 1
        if not last and colour is Status.RED and index < len(caught_up) and caught_up[index]:
            colour = Status.YELLOW
        out.append(month if colour is month.status else month._replace(status=colour))
    return tuple(out)
