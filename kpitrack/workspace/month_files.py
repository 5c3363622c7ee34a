"""What figures (actuals/YYYY-MM.toml) and answers (responses/YYYY-MM.toml) files share:
the month in the file's name, its TOML, and the fields every record carries."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..core.errors import Problem
from ..core.model import Plan
from ..core.period import Period
from ..i18n.messages import Msg
from .fields import Collector, parse_toml_bytes
from .positions import Lines

_MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.toml$")
_PERIOD_TEXT = re.compile(r"^(\d{4})-(\d{2})$")


def month_period(name: str) -> Period | None:
    """The month a file name such as `2025-03.toml` holds; None for any other name."""
    match = _MONTH_FILE.match(name)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return None
    return Period(int(match.group(1)), int(match.group(2)))


def parse_month_file(name: str, shown: str, data: bytes, problems: list[Problem]
                     ) -> tuple[Period, dict[str, Any], Lines] | None:
    """A month file's period (from its name) and TOML, or None with the problem noted."""
    period = month_period(name)
    if period is None:
        problems.append(Problem("error", shown, None, None, Msg.BAD_MONTH_FILE_NAME()))
        return None
    parsed = parse_toml_bytes(data, shown, problems)
    return None if parsed is None else (period, parsed[0], parsed[1])


def record_period(raw: dict[str, Any], path: tuple[object, ...], file_period: Period,
                  plan: Plan, tid: str, c: Collector) -> Period:
    """A record's `period`: text like "2025-03", the file's own month, inside the plan."""
    text = raw.get("period")
    if text is None:
        c.fail(Msg.NO_RECORD_PERIOD(), *path, target=tid)
    match = _PERIOD_TEXT.match(text) if isinstance(text, str) else None
    if not match or not 1 <= int(match.group(2)) <= 12:
        c.fail(Msg.BAD_RECORD_PERIOD(value=text), *path, "period", target=tid)
    period = Period(int(match.group(1)), int(match.group(2)))
    if period != file_period:
        c.fail(Msg.PERIOD_NOT_FILE_MONTH(period=period, month=file_period), *path, "period",
               target=tid)
    if not plan.contains(period):
        c.fail(Msg.PERIOD_OUTSIDE_PLAN(period=period, first=plan.first_period,
                                       last=plan.last_period), *path, "period", target=tid)
    return file_period


def recorded_field(raw: dict[str, Any], path: tuple[object, ...], tid: str,
                   c: Collector) -> dt.datetime | None:
    """`recorded`: a date-time; one without an offset is this machine's local time."""
    recorded = raw.get("recorded")
    if recorded is None or (isinstance(recorded, dt.datetime) and recorded.tzinfo):
        return recorded
    if isinstance(recorded, dt.datetime):
        return recorded.astimezone()
    if isinstance(recorded, dt.date):
        return dt.datetime.combine(recorded, dt.time()).astimezone()
    c.fail(Msg.BAD_RECORDED(), *path, "recorded", target=tid)
