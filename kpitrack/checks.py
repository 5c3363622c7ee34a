"""Plausibility warnings beyond the file format: pure functions over loaded data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .catalogue import Msg
from .evaluate import effective_records, group_by_target
from .model import Actual, Kind, Period, Problem, Report, Target


def plausibility(targets: Sequence[Target], actuals: Sequence[Actual],
                 today: dt.date) -> list[Problem]:
    problems = []
    current = Period.of(today)
    for record in actuals:
        if record.period > current:
            problems.append(Problem("warning", record.file, record.line, record.target,
                                    Msg.PERIOD_IN_FUTURE(period=record.period)))
    grouped = group_by_target(actuals)
    for target in targets:
        if target.kind is not Kind.CUMULATIVE or target.report is not Report.YTD:
            continue
        previous = None
        for period, record in effective_records(target, grouped.get(target.id, ())).items():
            if previous is not None and record.value is not None and previous.value is not None \
                    and record.value < previous.value:
                problems.append(Problem(
                    "warning", record.file, record.line, target.id,
                    Msg.YTD_FALLS(value=record.value, period=period, before=previous.value,
                                  earlier=previous.period)))
            previous = record
    return problems
